/** Where the preview keeps its document: the Markdown file, a JSON sidecar for what Markdown cannot hold, and the last document opened. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { GoogleEmulation } from '../../emulation';
import { documentToMarkdown, type DocumentEmulation, type InlineSnapshot, type ParagraphSnapshot } from '../../emulation/document';
import { documentTree, typeOf, type BlockNode, type ParagraphElement, type ParagraphNode, type TableNode } from './tree';

/** A Google Docs export of a plan is a few KB; anything this big is not one, and would only make the page crawl. */
const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Opening: which file, and what is in it

export interface OpenedDocument {
  /** Absolute path the document is saved to. */
  readonly file: string;
  /** The name the emulated document gets (the file name without ".md"). */
  readonly name: string;
  /** The file's text, or null for a new, empty document. */
  readonly markdown: string | null;
  readonly sidecar: Sidecar | null;
  readonly properties: StoredProperties;
  /** For the page's banner: why this is not the document the person asked for, or that it is new. */
  readonly notice: string | null;
  /** For the console at start-up. */
  readonly messages: readonly string[];
}

export interface StoredProperties {
  readonly document: Record<string, string>;
  readonly user: Record<string, string>;
  readonly script: Record<string, string>;
}

interface Paths {
  readonly previewDir: string;
  /** For messages: paths are shown relative to where the person started the server. */
  readonly cwd: string;
}

const DEFAULT_FILE = 'document.md';

/** A path as the person should read it: relative when it is under where they started the server. */
export function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function reason(error: unknown): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ENOENT') return 'there is no such file';
  return error instanceof Error ? error.message : String(error);
}

/** Reads a file that should hold Markdown; a reason in the person's words when it cannot be used. */
function readMarkdown(file: string): { ok: true; text: string } | { ok: false; missing: boolean; reason: string } {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return { ok: false, missing: false, reason: 'it is a folder, not a file' };
    if (stats.size > MAX_MARKDOWN_BYTES) return { ok: false, missing: false, reason: `it is ${(stats.size / 1024 / 1024).toFixed(1)} MB, too large for a document export` };
    const bytes = readFileSync(file);
    if (bytes.includes(0)) return { ok: false, missing: false, reason: 'it is not a text file' };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch (error) {
    const missing = error !== null && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
    if (error instanceof TypeError) return { ok: false, missing: false, reason: 'it is not UTF-8 text' };
    return { ok: false, missing, reason: reason(error) };
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Sidecars live under .preview/, keyed by the document's absolute path, so no file appears beside the person's plan. */
export function sidecarPath(previewDir: string, file: string): string {
  const key = createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16);
  return path.join(previewDir, 'sidecars', `${path.basename(file).replace(/[^\w.-]+/g, '_')}-${key}.json`);
}

const PropertiesSchema = z.record(z.string(), z.string());
const SharedPropertiesSchema = z.object({ user: PropertiesSchema.catch({}), script: PropertiesSchema.catch({}) });
const LastSchema = z.object({ file: z.string().min(1) });

/**
 * Picks and reads the document: the file given on the command line; without one, the last
 * document opened (remembered in .preview/last.json), else .preview/document.md, else a new one.
 * Never throws: a file that cannot be read gives an empty document saved elsewhere, so the file
 * the person pointed at is never overwritten with nothing.
 */
export function openDocument(fileArg: string | null, paths: Paths): OpenedDocument {
  const { previewDir, cwd } = paths;
  const messages: string[] = [];
  let file: string;
  if (fileArg !== null) {
    file = path.resolve(cwd, fileArg);
  } else {
    const last = LastSchema.safeParse(readJson(path.join(previewDir, 'last.json')));
    const remembered = last.success ? path.resolve(cwd, last.data.file) : null;
    file = remembered && readMarkdown(remembered).ok ? remembered : path.join(previewDir, DEFAULT_FILE);
  }
  const shared = SharedPropertiesSchema.safeParse(readJson(path.join(previewDir, 'properties.json')));
  const sharedProperties = shared.success ? shared.data : { user: {}, script: {} };
  const read = readMarkdown(file);

  if (!read.ok && read.missing) {
    messages.push(fileArg === null ? `Starting an empty document, saved to ${shown(file, cwd)}.` : `${shown(file, cwd)} does not exist yet: starting an empty document, saved there as you edit.`);
    return {
      file,
      name: documentName(file),
      markdown: null,
      sidecar: null,
      properties: { document: {}, ...sharedProperties },
      // A new document is not a problem to flag in the page: the console line says where it goes.
      notice: null,
      messages,
    };
  }
  if (!read.ok) {
    const recovered = recoveryFile(previewDir, file);
    messages.push(`Could not open ${shown(file, cwd)}: ${read.reason}.`, `Opening an empty document instead; it is saved to ${shown(recovered, cwd)}, and ${shown(file, cwd)} is left as it is.`);
    return {
      file: recovered,
      name: documentName(file),
      markdown: null,
      sidecar: null,
      properties: { document: {}, ...sharedProperties },
      notice: `Could not open ${path.basename(file)}: ${read.reason}. This is an empty document instead, saved to ${shown(recovered, cwd)}; ${path.basename(file)} is left as it is.`,
      messages,
    };
  }

  const parsed = SidecarSchema.safeParse(readJson(sidecarPath(previewDir, file)));
  const sidecar = parsed.success ? parsed.data : null;
  messages.push(`Opened ${shown(file, cwd)}${sidecar ? ' (with its colours, chips and add-on properties)' : ''}.`);
  return {
    file,
    name: sidecar?.name ?? documentName(file),
    markdown: read.text,
    sidecar,
    properties: { document: sidecar?.documentProperties ?? {}, ...sharedProperties },
    notice: null,
    messages,
  };
}

/** Where an empty document goes when the file asked for could not be read. */
export function recoveryFile(previewDir: string, file: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return path.join(previewDir, `recovered-${stamp}-${path.basename(file).replace(/[^\w.-]+/g, '_')}`);
}

function documentName(file: string): string {
  return path.basename(file).replace(/\.(md|markdown)$/i, '') || 'Untitled document';
}

// ---------------------------------------------------------------------------------------------
// The sidecar: what the Markdown export loses

/**
 * Where a paragraph is, in terms that survive the trip through Markdown: the n-th body paragraph
 * that the export writes (empty ones are not written), or a paragraph of a top-level table's cell.
 */
type ParagraphLocator = { readonly body: number } | { readonly table: number; readonly row: number; readonly col: number; readonly block: number };

type ElementLocator =
  | { readonly kind: 'paragraph'; readonly at: ParagraphLocator }
  | { readonly kind: 'text'; readonly at: ParagraphLocator; readonly start: number; readonly endInclusive: number; readonly partial: boolean }
  | { readonly kind: 'table'; readonly table: number }
  | { readonly kind: 'row'; readonly table: number; readonly row: number }
  | { readonly kind: 'cell'; readonly table: number; readonly row: number; readonly col: number };

const Int = z.number().int().nonnegative();
const ParagraphLocatorSchema = z.union([
  z.object({ body: Int }),
  z.object({ table: Int, row: Int, col: Int, block: Int }),
]);
const ElementLocatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), at: ParagraphLocatorSchema }),
  z.object({ kind: z.literal('text'), at: ParagraphLocatorSchema, start: Int, endInclusive: Int, partial: z.boolean() }),
  z.object({ kind: z.literal('table'), table: Int }),
  z.object({ kind: z.literal('row'), table: Int, row: Int }),
  z.object({ kind: z.literal('cell'), table: Int, row: Int, col: Int }),
]);
const Color = z.string().regex(/^#[0-9a-f]{6}$/);
const StyleSchema = z.object({
  bold: z.boolean(), italic: z.boolean(), underline: z.boolean(), strikethrough: z.boolean(),
  foregroundColor: Color.nullable(), backgroundColor: Color.nullable(), linkUrl: z.string().nullable(),
});
const InlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), style: StyleSchema }),
  z.object({ kind: z.literal('person'), name: z.string().nullable(), email: z.string() }),
  z.object({ kind: z.literal('date'), displayText: z.string(), timestamp: z.string(), locale: z.string() }),
  z.object({ kind: z.literal('horizontalRule') }),
]);
const HEADINGS = ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE'] as const;
const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;

const SidecarSchema = z.object({
  format: z.literal('map-preview-sidecar'),
  version: z.literal(1),
  /** Which Markdown this sidecar describes: a file edited elsewhere since gets no overlays. */
  markdownSha256: z.string(),
  file: z.string(),
  name: z.string(),
  tables: z.array(z.object({
    table: Int,
    borderColor: Color.nullable(),
    backgrounds: z.array(z.array(Color.nullable())),
    columnWidths: z.array(z.number().positive().nullable()).catch([]),
  })),
  paragraphs: z.array(z.object({
    at: ParagraphLocatorSchema,
    /** The paragraph's text as the Markdown reads back: the check that the overlay still fits. */
    loadedText: z.string(),
    heading: z.enum(HEADINGS).nullable(),
    alignment: z.enum(ALIGNMENTS).nullable(),
    /** The whole paragraph, when it holds date chips or styles Markdown drops; null when only heading or alignment differ. */
    inlines: z.array(InlineSchema).nullable(),
  })),
  namedRanges: z.array(z.object({ name: z.string(), elements: z.array(ElementLocatorSchema) })),
  documentProperties: PropertiesSchema,
});
export type Sidecar = z.infer<typeof SidecarSchema>;

const HEADING_MARKED = new Set(['TITLE', 'SUBTITLE', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6']);

/** Mirrors documentToMarkdown: list items and headings are always written, other paragraphs only when they hold something. */
function isExported(paragraph: ParagraphSnapshot): boolean {
  if (paragraph.kind === 'listItem' || HEADING_MARKED.has(paragraph.heading)) return true;
  return !paragraph.inlines.every((inline) => inline.kind === 'text' && inline.text.trim() === '');
}

/** What getText() gives after the Markdown is read back: date chips become their display text, person chips stay chips. */
function loadedText(paragraph: ParagraphSnapshot): string {
  return paragraph.inlines.map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'date' ? inline.displayText : '')).join('');
}

/** What Markdown reads back differently: Title/Subtitle become headings 1/2, alignment is lost. */
function headingLost(paragraph: ParagraphSnapshot): boolean {
  return paragraph.heading === 'TITLE' || paragraph.heading === 'SUBTITLE';
}

function inlinesLost(paragraph: ParagraphSnapshot): boolean {
  return paragraph.inlines.some((inline) =>
    inline.kind === 'date' || (inline.kind === 'text' && (inline.style.underline || inline.style.foregroundColor !== null || inline.style.backgroundColor !== null)));
}

interface Located {
  readonly paragraphs: { node: ParagraphNode; at: ParagraphLocator }[];
  readonly tables: { node: TableNode; table: number }[];
}

/** Every paragraph and top-level table with its locator. Tables inside cells are flattened by the export, so their insides are not located. */
function locate(tree: readonly BlockNode[]): Located {
  const located: Located = { paragraphs: [], tables: [] };
  let body = 0;
  let table = 0;
  for (const node of tree) {
    if (node.kind === 'paragraph') {
      if (isExported(node.snapshot)) located.paragraphs.push({ node, at: { body: body++ } });
      continue;
    }
    const t = table++;
    located.tables.push({ node, table: t });
    node.rows.forEach((row, r) => row.cells.forEach((cell, c) => cell.blocks.forEach((block, b) => {
      if (block.kind === 'paragraph') located.paragraphs.push({ node: block, at: { table: t, row: r, col: c, block: b } });
    })));
  }
  return located;
}

function locatorKey(at: ParagraphLocator): string {
  return 'body' in at ? `b${at.body}` : `t${at.table}.${at.row}.${at.col}.${at.block}`;
}

/** Finds an element's locator; null for elements the sidecar cannot place (inside nested tables, unexported paragraphs). */
function locatorOf(element: GoogleAppsScript.Document.Element, located: Located, partial: { start: number; endInclusive: number } | null): ElementLocator | null {
  const type = typeOf(element);
  if (type === 'TEXT') {
    const parent = element.getParent() as GoogleAppsScript.Document.ContainerElement | null;
    const at = parent ? located.paragraphs.find((p) => p.node.element === (parent as unknown))?.at : undefined;
    if (!parent || !at) return null;
    let base = 0;
    for (let i = 0; i < parent.getNumChildren(); i++) {
      const child = parent.getChild(i);
      if (child === element) break;
      if (typeOf(child) === 'TEXT') base += child.asText().getText().length;
    }
    const length = element.asText().getText().length;
    const start = base + (partial ? partial.start : 0);
    const endInclusive = base + (partial ? partial.endInclusive : length - 1);
    return { kind: 'text', at, start, endInclusive, partial: partial !== null };
  }
  const paragraph = located.paragraphs.find((p) => p.node.element === (element as unknown));
  if (paragraph) return { kind: 'paragraph', at: paragraph.at };
  for (const { node, table } of located.tables) {
    if (node.element === (element as unknown)) return { kind: 'table', table };
    for (let r = 0; r < node.rows.length; r++) {
      const row = node.rows[r];
      if (!row) continue;
      if (row.element === (element as unknown)) return { kind: 'row', table, row: r };
      const c = row.cells.findIndex((cell) => cell.element === (element as unknown));
      if (c >= 0) return { kind: 'cell', table, row: r, col: c };
    }
  }
  return null;
}

export interface Saved {
  readonly markdown: string;
  readonly sidecar: Sidecar;
}

/** The document as the files hold it. Also the preview's fingerprint of "has anything changed". */
export function serialize(doc: DocumentEmulation, env: GoogleEmulation, file: string): Saved {
  const markdown = documentToMarkdown(doc);
  const tree = documentTree(doc);
  const located = locate(tree);
  const tables = located.tables
    .filter(({ node }) => node.snapshot.borderColor !== null || node.columnWidths.some((w) => w !== null)
      || node.snapshot.rows.some((row) => row.some((cell) => cell.backgroundColor !== null)))
    .map(({ node, table }) => ({
      table,
      borderColor: node.snapshot.borderColor,
      backgrounds: node.snapshot.rows.map((row) => row.map((cell) => cell.backgroundColor)),
      columnWidths: [...node.columnWidths],
    }));
  const paragraphs = located.paragraphs
    .filter(({ node }) => headingLost(node.snapshot) || node.snapshot.alignment !== null || inlinesLost(node.snapshot))
    .map(({ node, at }) => ({
      at,
      loadedText: loadedText(node.snapshot),
      heading: headingLost(node.snapshot) ? node.snapshot.heading : null,
      alignment: node.snapshot.alignment,
      inlines: inlinesLost(node.snapshot) ? structuredClone(node.snapshot.inlines) as InlineSnapshot[] : null,
    }));
  const namedRanges = doc.getNamedRanges().map((range) => ({
    name: range.getName(),
    elements: range.getRange().getRangeElements().flatMap((entry) => {
      const partial = entry.isPartial() ? { start: entry.getStartOffset(), endInclusive: entry.getEndOffsetInclusive() } : null;
      const locator = locatorOf(entry.getElement(), located, partial);
      return locator ? [locator] : [];
    }),
  })).filter((range) => range.elements.length > 0);
  return {
    markdown,
    sidecar: {
      format: 'map-preview-sidecar',
      version: 1,
      markdownSha256: sha256(markdown),
      file,
      name: doc.getName(),
      tables,
      paragraphs,
      namedRanges,
      documentProperties: env.properties.document.toObject(),
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes through a temporary file, so a crash mid-write never leaves half a document. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Saves the document, its sidecar, the user's and script's properties, and remembers it as the last document. */
export function save(saved: Saved, env: GoogleEmulation, file: string, previewDir: string): void {
  writeAtomically(file, saved.markdown);
  writeAtomically(sidecarPath(previewDir, file), `${JSON.stringify(saved.sidecar, null, 2)}\n`);
  const shared = { user: env.properties.user.toObject(), script: env.properties.script.toObject() };
  writeAtomically(path.join(previewDir, 'properties.json'), `${JSON.stringify(shared, null, 2)}\n`);
  rememberLast(file, previewDir);
}

/** `npm start` without a file opens this one next time. */
export function rememberLast(file: string, previewDir: string): void {
  try {
    writeAtomically(path.join(previewDir, 'last.json'), `${JSON.stringify({ file }, null, 2)}\n`);
  } catch (error) {
    console.warn(`Preview: could not remember ${file} as the last document: ${reason(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Restoring the sidecar onto a document read from its Markdown

function findParagraph(located: Located, at: ParagraphLocator): ParagraphElement | null {
  const key = locatorKey(at);
  return located.paragraphs.find((p) => locatorKey(p.at) === key)?.node.element ?? null;
}

/** Rebuilds a paragraph's content run by run, through the element API; chips need the emulation's plumbing (DocumentApp cannot make them). */
function rebuild(doc: DocumentEmulation, paragraph: ParagraphElement, inlines: readonly z.infer<typeof InlineSchema>[]): void {
  paragraph.clear();
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      if (inline.text === '') continue;
      const text = paragraph.appendText(inline.text);
      const s = inline.style;
      if (s.bold) text.setBold(true);
      if (s.italic) text.setItalic(true);
      if (s.underline) text.setUnderline(true);
      if (s.strikethrough) text.setStrikethrough(true);
      if (s.foregroundColor) text.setForegroundColor(s.foregroundColor);
      if (s.backgroundColor) text.setBackgroundColor(s.backgroundColor);
      if (s.linkUrl) text.setLinkUrl(s.linkUrl);
    } else if (inline.kind === 'date') {
      doc._appendDateChip(paragraph, { timestamp: new Date(inline.timestamp), displayText: inline.displayText, locale: inline.locale });
    } else if (inline.kind === 'person') {
      doc._appendPersonChip(paragraph, { name: inline.name, email: inline.email });
    } else {
      paragraph.appendHorizontalRule();
    }
  }
}

function resolve(doc: DocumentEmulation, located: Located, locator: ElementLocator): GoogleAppsScript.Document.RangeBuilder | null {
  const builder = doc.newRange();
  if (locator.kind === 'paragraph') {
    const paragraph = findParagraph(located, locator.at);
    return paragraph ? builder.addElement(paragraph) : null;
  }
  if (locator.kind === 'text') {
    const paragraph = findParagraph(located, locator.at);
    if (!paragraph) return null;
    let base = 0;
    for (let i = 0; i < paragraph.getNumChildren(); i++) {
      const child = paragraph.getChild(i);
      if (typeOf(child) !== 'TEXT') continue;
      const text = child.asText();
      const length = text.getText().length;
      if (locator.start >= base && locator.endInclusive < base + length) {
        const whole = !locator.partial && locator.start === base && locator.endInclusive === base + length - 1;
        return whole ? builder.addElement(text) : builder.addElement(text, locator.start - base, locator.endInclusive - base);
      }
      base += length;
    }
    return null;
  }
  const table = located.tables.find((t) => t.table === locator.table)?.node;
  if (!table) return null;
  if (locator.kind === 'table') return builder.addElement(table.element);
  const row = table.rows[locator.row];
  if (!row) return null;
  if (locator.kind === 'row') return builder.addElement(row.element);
  const cell = row.cells[locator.col];
  return cell ? builder.addElement(cell.element) : null;
}

/**
 * Puts the sidecar's colours, chips, headings and named ranges back onto the document read from
 * its Markdown. Only when the Markdown is the one the sidecar was written with; each overlay is
 * also checked against the text it expects, so a mismatch skips that overlay instead of
 * misplacing it. Returns what could not be restored, for the console.
 */
export function restore(doc: DocumentEmulation, markdown: string, sidecar: Sidecar): string[] {
  if (sidecar.markdownSha256 !== sha256(markdown)) {
    return ['The Markdown was changed outside the preview since it was saved: cell colours, date chips and named ranges from the last session are not restored.'];
  }
  const problems: string[] = [];
  let located = locate(documentTree(doc));
  for (const overlay of sidecar.tables) {
    const table = located.tables.find((t) => t.table === overlay.table)?.node;
    const fits = table && table.rows.length === overlay.backgrounds.length && overlay.backgrounds.every((row, r) => row.length === table.rows[r]?.cells.length);
    if (!table || !fits) {
      problems.push(`table ${overlay.table + 1}: its shape changed, colours not restored`);
      continue;
    }
    if (overlay.borderColor) table.element.setBorderColor(overlay.borderColor);
    overlay.columnWidths.forEach((width, c) => {
      if (width !== null) table.element.setColumnWidth(c, width);
    });
    overlay.backgrounds.forEach((row, r) => row.forEach((color, c) => {
      if (color) table.rows[r]?.cells[c]?.element.setBackgroundColor(color);
    }));
  }
  for (const overlay of sidecar.paragraphs) {
    const paragraph = findParagraph(located, overlay.at);
    if (!paragraph || paragraph.getText() !== overlay.loadedText) {
      problems.push(`paragraph "${overlay.loadedText.slice(0, 40)}": not found, its chips and styles not restored`);
      continue;
    }
    if (overlay.inlines) rebuild(doc, paragraph, overlay.inlines);
    if (overlay.heading) paragraph.setHeading(overlay.heading as unknown as GoogleAppsScript.Document.ParagraphHeading);
    if (overlay.alignment) paragraph.setAlignment(overlay.alignment as unknown as GoogleAppsScript.Document.HorizontalAlignment);
  }
  // Rebuilt paragraphs hold new Text elements: locate again before placing named ranges.
  located = locate(documentTree(doc));
  for (const range of sidecar.namedRanges) {
    let builder: GoogleAppsScript.Document.RangeBuilder | null = null;
    for (const locator of range.elements) {
      const next = resolve(doc, located, locator);
      if (!next) {
        builder = null;
        break;
      }
      builder = builder ? builder.addRange(next.build()) : next;
    }
    if (builder) doc.addNamedRange(range.name, builder.build());
    else problems.push(`named range "${range.name}": its place was not found, not restored`);
  }
  return problems;
}
