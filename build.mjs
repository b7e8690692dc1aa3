// Builds the add-on into dist/: Code.js (one IIFE plus a top-level function per entry point), Sidebar.html (self-contained), appsscript.json.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

/** Apps Script only finds triggers, menu items and google.script.run targets that are top-level function declarations. */
function forwardingWrappers(names) {
  return names
    .map((name) => `function ${name}() { return __app.${name}.apply(this, arguments); }`)
    .join('\n');
}

/** The entry file's exports. An IIFE build's metafile lists none, so an ESM build (not written) names them. */
async function entryPointNames() {
  const result = await build({
    entryPoints: [path.join(root, 'src/server/entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

async function buildServer() {
  const result = await build({
    entryPoints: [path.join(root, 'src/server/entry.ts')],
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
  const names = (await entryPointNames()).filter((name) => name !== 'default').sort();
  if (names.length === 0) throw new Error('src/server/entry.ts exports no entry points');
  const code = `${result.outputFiles[0].text}\n${forwardingWrappers(names)}\n`;
  await writeFile(path.join(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), names, metafile: result.metafile };
}

/** The sidebar runs in Google's iframe, which cannot rely on network loads: script and styles go inline. */
async function buildSidebar() {
  const result = await build({
    entryPoints: [path.join(root, 'src/sidebar/sidebar.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  // A literal "</script" inside the inlined code would end the script element early.
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = await readFile(path.join(root, 'src/sidebar/sidebar.css'), 'utf8');
  const template = await readFile(path.join(root, 'src/sidebar/sidebar.html'), 'utf8');
  if (!template.includes('/*INLINE_CSS*/') || !template.includes('/*INLINE_JS*/')) {
    throw new Error('src/sidebar/sidebar.html must hold the /*INLINE_CSS*/ and /*INLINE_JS*/ markers');
  }
  // Function replacers: a "$&" in the code must not be read as a replacement pattern.
  const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
  await writeFile(path.join(dist, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

await mkdir(dist, { recursive: true });
const [server, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
// Outside dist/: clasp pushes dist/, and the bundle report is for us (what lands in Code.js, by module).
await mkdir(path.join(root, '.build'), { recursive: true });
await writeFile(path.join(root, '.build', 'meta.json'), JSON.stringify(server.metafile));
if (!quiet) {
  console.log(`dist/Code.js ${(server.bytes / 1024).toFixed(1)} KB, entry points: ${server.names.join(', ')}`);
  console.log(`dist/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB`);
}
