// Builds the two add-ons: the Docs add-on into dist/ and the Sheets add-on into dist/sheets/, each Code.js (one IIFE plus a top-level function per entry point), Sidebar.html (self-contained), appsscript.json.
import { build, transform } from 'esbuild';
import { mkdir, readFile, writeFile as writeFileInPlace, copyFile, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

/** Writes by renaming a finished file into place: a test reading dist/ while `npm run map` rebuilds it never sees half a file. */
async function writeFile(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFileInPlace(temporary, data);
  await rename(temporary, file);
}

/** Apps Script only finds triggers, menu items and google.script.run targets that are top-level function declarations. */
function forwardingWrappers(names) {
  return names
    .map((name) => `function ${name}() { return __app.${name}.apply(this, arguments); }`)
    .join('\n');
}

/** The entry file's exports. An IIFE build's metafile lists none, so an ESM build (not written) names them. */
async function entryPointNames(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

async function buildServer(addOn) {
  const entry = path.join(root, addOn.entry);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: '__app',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  const names = (await entryPointNames(entry)).filter((name) => name !== 'default').sort();
  if (names.length === 0) throw new Error(`${addOn.entry} exports no entry points`);
  const code = `${result.outputFiles[0].text}\n${forwardingWrappers(names)}\n`;
  await writeFile(path.join(addOn.out, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), names, metafile: result.metafile };
}

/**
 * Custom properties renamed --a, --b, ... in the built sidebar: the long names are for people
 * reading sidebar.css, and the sidebar has a size budget. A name the script mentions is kept.
 */
function shortenCustomProperties(css, script) {
  const used = new Set(css.match(/(?<![\w-])--[\w-]+/g) ?? []);
  const declared = [...new Set(css.match(/(?<![\w-])--[\w-]+(?=:)/g) ?? [])].filter((name) => !script.includes(name));
  const kept = new Set([...used].filter((name) => !declared.includes(name)));
  const short = new Map();
  for (let i = 0; short.size < declared.length; i++) {
    const name = `--${i.toString(36).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])}`;
    if (!kept.has(name)) short.set(declared[short.size], name);
  }
  return css.replace(/(?<![\w-])--[\w-]+/g, (name) => short.get(name) ?? name);
}

/** The sidebar runs in Google's iframe, which cannot rely on network loads: script and styles go inline. */
async function buildSidebar(addOn) {
  const dir = path.join(root, addOn.sidebar);
  const result = await build({
    entryPoints: [path.join(dir, 'sidebar.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    // "…" and "→" as themselves, not \u escapes: the sidebar has a size budget.
    charset: 'utf8',
    write: false,
    logLevel: 'error',
  });
  // A literal "</script" inside the inlined code would end the script element early.
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  // Minified like the script: the sidebar has a size budget (README).
  const rawCss = await readFile(path.join(dir, 'sidebar.css'), 'utf8');
  const css = shortenCustomProperties((await transform(rawCss, { loader: 'css', minify: true, target: 'chrome100', logLevel: 'error' })).code.trim(), script);
  // The template's comments are for its readers, not for the page.
  const template = (await readFile(path.join(dir, 'sidebar.html'), 'utf8')).replace(/<!--[\s\S]*?-->\n?/g, '');
  if (!template.includes('/*INLINE_CSS*/') || !template.includes('/*INLINE_JS*/')) {
    throw new Error(`${addOn.sidebar}/sidebar.html must hold the /*INLINE_CSS*/ and /*INLINE_JS*/ markers`);
  }
  // Function replacers: a "$&" in the code must not be read as a replacement pattern.
  const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
  await writeFile(path.join(addOn.out, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

/**
 * Editor add-ons extend one app each, so Docs and Sheets are two script projects with their own
 * manifest and scopes. The Docs add-on stays at dist/ (clasp's .clasp.json pushes it and skips
 * subdirectories); the Sheets add-on goes to dist/sheets/ (.clasp.sheets.json).
 */
const ADD_ONS = [
  { name: 'Docs', entry: 'src/server/entry.ts', sidebar: 'src/sidebar', manifest: 'appsscript.json', out: dist, meta: 'meta.json', dialogs: { Picker: 'src/picker/picker.html' } },
  { name: 'Sheets', entry: 'src/sheets/entry.ts', sidebar: 'src/sheets/sidebar', manifest: 'src/sheets/appsscript.json', out: path.join(dist, 'sheets'), meta: 'meta-sheets.json' },
];

async function buildAddOn(addOn) {
  await mkdir(addOn.out, { recursive: true });
  const [server, sidebar] = await Promise.all([buildServer(addOn), buildSidebar(addOn)]);
  await copyFile(path.join(root, addOn.manifest), path.join(addOn.out, 'appsscript.json'));
  // Small dialogs of their own (the Google Picker one loads Google's script, so it cannot be inlined into the sidebar).
  for (const [name, file] of Object.entries(addOn.dialogs ?? {})) await copyFile(path.join(root, file), path.join(addOn.out, `${name}.html`));
  // Outside dist/: clasp pushes dist/, and the bundle report is for us (what lands in Code.js, by module).
  await writeFile(path.join(root, '.build', addOn.meta), JSON.stringify(server.metafile));
  if (!quiet) {
    const where = path.relative(root, addOn.out);
    console.log(`${where}/Code.js ${(server.bytes / 1024).toFixed(1)} KB, entry points: ${server.names.join(', ')}`);
    console.log(`${where}/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB`);
  }
}

await mkdir(path.join(root, '.build'), { recursive: true });
for (const addOn of ADD_ONS) await buildAddOn(addOn);
