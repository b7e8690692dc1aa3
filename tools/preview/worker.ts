/** The preview's Apps Script side, in a worker thread: the emulated Google services, the document, and dist/Code.js in a fresh vm per execution. */
import { existsSync } from 'node:fs';
import { MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GoogleEmulation, loadAddOn, ScriptError, type AddOn, type Answer, type Manifest, type RecordedMenu } from '../../emulation';
import { DocumentEmulation, documentFromMarkdown, documentToMarkdown } from '../../emulation/document';
import type { ButtonSetName } from '../../emulation/ui';
import {
  DIALOG_BUTTONS, type CursorPlacement, type DocumentView, type Edit, type HtmlDialogView, type Json, type PendingDialog,
  type RunResult, type SelectedElement, type SelectionView, type UiView, type ViewBlock, type ViewCell, type WorkerFailure,
  type WorkerMessage, type WorkerReply, type WorkerRequest,
} from './protocol';
import { recoveryFile, restore, save, serialize, shown, type OpenedDocument } from './storage';
import { documentTree, isAttached, typeOf, type BlockNode, type ParagraphElement } from './tree';
import { Failure as SheetsFailure, SHEETS_READ_ONLY, SHEETS_REQUESTS, SheetsRuntime } from './sheets-runtime';

/** What the server hands the worker when it starts it. */
export interface WorkerData {
  readonly opened: OpenedDocument;
  readonly previewDir: string;
  /** Where the server was started: paths in the page are shown relative to it. */
  readonly cwd: string;
  readonly code: string;
  readonly sidebarHtml: string;
  /** The Google Picker dialog (dist/Picker.html), or null for a test's own small add-on. */
  readonly pickerHtml: string | null;
  /** The Sheets add-on (dist/sheets/), or null when it is not built. */
  readonly sheetsCode: string | null;
  readonly sheetsSidebarHtml: string | null;
  /** The Docs add-on's appsscript.json text, or null: the emulation grants only its scopes. */
  readonly manifest: string | null;
  readonly locale: string;
  readonly timeZone: string;
  /** YYYY-MM-DD to fix "today" (tests, screenshots); null for the real clock. */
  readonly today: string | null;
  readonly datesAsChips: boolean;
  readonly addOnName: string;
  /** Int32 flag the server sets when a dialog answer is waiting on `answers`. */
  readonly signal: SharedArrayBuffer;
  readonly answers: MessagePort;
  /** How long a dialog may wait for the person: Apps Script stops any execution after 6 minutes. */
  readonly dialogTimeoutMs: number;
  /** Print the add-on's Logger and console lines (they are its execution log). */
  readonly echoLogs: boolean;
}

class Failure extends Error {
  constructor(
    readonly status: WorkerFailure['status'],
    message: string,
  ) {
    super(message);
  }
}

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error('tools/preview/worker.ts runs as a worker thread of the preview server.');
const post = (message: WorkerMessage): void => port.postMessage(message);

// ---------------------------------------------------------------------------------------------
// The environment

let file = data.opened.file;
let notice = data.opened.notice;

// The spreadsheets "in Drive" (the team workbook first): the Docs add-on exports into them, the Sheets add-on runs in them.
const sheets: SheetsRuntime = new SheetsRuntime(
  {
    previewDir: data.previewDir,
    cwd: data.cwd,
    code: data.sheetsCode,
    sidebarHtml: data.sheetsSidebarHtml,
    locale: data.locale,
    timeZone: data.timeZone,
    now: data.today ? new Date(`${data.today}T15:00:00Z`) : undefined,
    addOnName: data.addOnName,
    echoLogs: data.echoLogs,
  },
  (): Record<string, string> => env.properties.user.toObject(),
  (workbookVersion) => post({ type: 'workbook', version: workbookVersion }),
);

const env = new GoogleEmulation({
  spreadsheetFiles: sheets.spreadsheets,
  ...(data.manifest ? { manifest: JSON.parse(data.manifest) as Manifest } : {}),
  locale: data.locale,
  timeZone: data.timeZone,
  now: data.today ? new Date(`${data.today}T15:00:00Z`) : undefined,
  files: { Sidebar: data.sidebarHtml, ...(data.pickerHtml ? { Picker: data.pickerHtml } : {}) },
  properties: data.opened.properties,
  echoLogs: data.echoLogs,
  document: (ctx) => {
    const name = data.opened.name;
    if (data.opened.markdown === null) return new DocumentEmulation(ctx, { name });
    try {
      return documentFromMarkdown(data.opened.markdown, ctx, { name, datesAsChips: data.datesAsChips });
    } catch (error) {
      // Not the file the person asked for: keep it untouched and save this empty one elsewhere.
      const why = error instanceof Error ? error.message : String(error);
      const original = file;
      file = recoveryFile(data.previewDir, original);
      notice = `Could not read ${original} as Markdown (${why}). This is an empty document instead, saved to ${file}.`;
      console.error(notice);
      return new DocumentEmulation(ctx, { name });
    }
  },
});
const doc = env.document;

// drive.file access outlives an execution on Google: the workbook this person created or picked
// in an earlier preview session (their saved link) may still be opened.
try {
  const linked = (JSON.parse(env.properties.user.toObject()['map.workbook'] ?? 'null') as { id?: unknown } | null)?.id;
  if (typeof linked === 'string' && env.spreadsheetFiles.has(linked)) env._pickFile(linked);
} catch {
  // No link, or not one the add-on wrote: nothing was granted.
}

if (data.opened.markdown !== null && data.opened.sidecar && file === data.opened.file) {
  const problems = restore(doc, data.opened.markdown, data.opened.sidecar);
  for (const problem of problems) console.warn(`Preview: ${problem}`);
}

// The developer's one-time Picker setup (script properties), stand-ins: the preview's Picker needs no real key.
if (!env.properties.script.entries.has('PICKER_API_KEY')) env.properties.script.entries.set('PICKER_API_KEY', 'preview-stand-in-api-key-0000000000000');
if (!env.properties.script.entries.has('PICKER_APP_ID')) env.properties.script.entries.set('PICKER_APP_ID', '100000000001');

const addOn: AddOn = loadAddOn(env, data.code, { filename: 'Code.js' });

// ---------------------------------------------------------------------------------------------
// Dialogs: Ui.alert and Ui.prompt block the execution until the person answers in the page

const signal = new Int32Array(data.signal);
let dialogCount = 0;

function dialogOf(kind: 'alert' | 'prompt', args: readonly unknown[]): PendingDialog | null {
  const isSet = (value: unknown): value is ButtonSetName => typeof value === 'string' && Object.hasOwn(DIALOG_BUTTONS, value);
  const [a, b, c] = args;
  const base = { id: ++dialogCount, kind };
  if (args.length === 1 && typeof a === 'string') return { ...base, title: null, prompt: a, buttons: 'OK' };
  if (args.length === 2 && typeof a === 'string' && isSet(b)) return { ...base, title: null, prompt: a, buttons: b };
  if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isSet(c)) return { ...base, title: a, prompt: b, buttons: c };
  return null; // the emulation's own method reports the bad signature
}

/**
 * Sleeps this thread until the server has the person's answer. The add-on's call is synchronous,
 * as on Google, so the wait must be too: Atomics.wait on a shared flag, then the answer is read
 * from a dedicated port without going through the (blocked) event loop.
 */
function askThePerson(dialog: PendingDialog): Answer {
  Atomics.store(signal, 0, 0);
  // The document behind the dialog shows what the execution did so far (as Docs does): saved, and
  // drawn from this view, since this thread cannot answer the page while it waits.
  saveIfChanged();
  post({ type: 'dialog', dialog, document: documentView() });
  const deadline = Date.now() + data.dialogTimeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('Exceeded maximum execution time');
    Atomics.wait(signal, 0, 0, left);
    const received = receiveMessageOnPort(data.answers) as { message: { id: number; button: string; text: string } } | undefined;
    Atomics.store(signal, 0, 0);
    if (received && received.message.id === dialog.id) {
      return { button: received.message.button as Answer['button'], text: received.message.text };
    }
  }
}

type UiMethod = (...args: unknown[]) => unknown;
/** Replaces one method of the Ui instance (the add-on reaches it through the same object, so it sees the wrapper). */
function wrapUi(name: 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog', wrapper: (original: UiMethod, args: unknown[]) => unknown): void {
  const ui = env.ui as unknown as Record<string, UiMethod>;
  const original = ui[name];
  if (!original) throw new Error(`The emulated Ui has no ${name}`);
  const bound = original.bind(env.ui);
  Object.defineProperty(env.ui, name, { value: (...args: unknown[]) => wrapper(bound, args), configurable: true, writable: true });
}

for (const kind of ['alert', 'prompt'] as const) {
  wrapUi(kind, (original, args) => {
    const dialog = dialogOf(kind, args);
    if (dialog) env.ui._answerNext(askThePerson(dialog));
    return original(...args);
  });
}

let sidebarGeneration = 0;
let htmlDialogOpen = false;
wrapUi('showSidebar', (original, args) => {
  const result = original(...args);
  sidebarGeneration += 1;
  return result;
});
for (const name of ['showModalDialog', 'showModelessDialog'] as const) {
  wrapUi(name, (original, args) => {
    const result = original(...args);
    htmlDialogOpen = true;
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Views: the document and the UI as the page draws them

/** Ids for elements, stable while the element lives, so an edit reaches the element the person saw even if others moved. */
const ids = new WeakMap<object, string>();
let byId = new Map<string, GoogleAppsScript.Document.Element>();
let nextId = 0;

function idOf(element: GoogleAppsScript.Document.Element): string {
  let id = ids.get(element);
  if (!id) {
    id = `e${++nextId}`;
    ids.set(element, id);
  }
  byId.set(id, element);
  return id;
}

function viewBlocks(nodes: readonly BlockNode[]): ViewBlock[] {
  return nodes.map((node): ViewBlock => {
    if (node.kind === 'paragraph') return { ...node.snapshot, id: idOf(node.element) };
    const rows = node.rows.map((row) => row.cells.map((cell): ViewCell => ({ ...cell.snapshot, id: idOf(cell.element), blocks: viewBlocks(cell.blocks) })));
    return { ...node.snapshot, id: idOf(node.element), rowIds: node.rows.map((row) => idOf(row.element)), columnWidths: node.columnWidths, rows };
  });
}

let version = 0;

function documentView(): DocumentView {
  byId = new Map();
  const blocks = viewBlocks(documentTree(doc));
  return { version, name: doc.getName(), file: shown(file, data.cwd), saved: existsSync(file), blocks, notice, selection: selectionView() };
}

// ---------------------------------------------------------------------------------------------
// The selection and the cursor, as Docs shows them: what the add-on selected is highlighted and scrolled to

/** Elements the page draws with an id; anything else selected (a Text, a chip) is shown as the nearest of these around it. */
const DRAWN = new Set(['PARAGRAPH', 'LIST_ITEM', 'TABLE_CELL', 'TABLE_ROW', 'TABLE']);
const PARAGRAPHS = new Set(['PARAGRAPH', 'LIST_ITEM']);

function drawnAround(element: GoogleAppsScript.Document.Element, kinds = DRAWN): GoogleAppsScript.Document.Element | null {
  for (let e: GoogleAppsScript.Document.Element | null = element; e; e = e.getParent() as GoogleAppsScript.Document.Element | null) {
    if (kinds.has(typeOf(e))) return e;
  }
  return null;
}

/** Characters of a paragraph's text before one of its Text children (chips count for nothing, as in getText()). */
function textBefore(paragraph: GoogleAppsScript.Document.Element, text: GoogleAppsScript.Document.Element): number | null {
  const container = typeOf(paragraph) === 'LIST_ITEM' ? paragraph.asListItem() : paragraph.asParagraph();
  let before = 0;
  for (let i = 0; i < container.getNumChildren(); i++) {
    const child = container.getChild(i);
    if (child === text) return before;
    if (typeOf(child) === 'TEXT') before += child.asText().getText().length;
  }
  return null;
}

function selectedElement(range: GoogleAppsScript.Document.RangeElement): SelectedElement | null {
  const element = range.getElement();
  if (!isAttached(element)) return null;
  if (range.isPartial() && typeOf(element) === 'TEXT') {
    const paragraph = drawnAround(element, PARAGRAPHS);
    const before = paragraph ? textBefore(paragraph, element) : null;
    if (paragraph && before !== null) {
      return { id: idOf(paragraph), text: { start: before + range.getStartOffset(), end: before + range.getEndOffsetInclusive() + 1 } };
    }
  }
  const drawn = drawnAround(element);
  return drawn ? { id: idOf(drawn), text: null } : null;
}

/** The cursor a click put there: the browser shows the person's own caret, so the page draws only the add-on's. */
let personCursor: GoogleAppsScript.Document.Position | null = null;

function cursorPlacement(): CursorPlacement | null {
  const cursor = doc.getCursor();
  if (!cursor || cursor === personCursor || !isAttached(cursor.getElement())) return null;
  const paragraph = drawnAround(cursor.getElement(), PARAGRAPHS);
  if (paragraph) return { id: idOf(paragraph), offset: cursor.getSurroundingTextOffset() };
  // A position in a cell or a table: the page puts the caret at the start of its first paragraph.
  const drawn = drawnAround(cursor.getElement());
  return drawn ? { id: idOf(drawn), offset: 0 } : null;
}

/** Starts at the clock, so a worker restarted after a crash still counts on from where the old one stopped. */
let selectionSerial = Date.now();
let seenSelection: unknown = doc.getSelection();
let seenCursor: unknown = doc.getCursor();

/** Whether the selection or the cursor was set since the last look (each setSelection or setCursor makes a new one): then the serial goes up. */
function selectionMoved(): boolean {
  const selection: unknown = doc.getSelection();
  const cursor: unknown = doc.getCursor();
  if (selection === seenSelection && cursor === seenCursor) return false;
  seenSelection = selection;
  seenCursor = cursor;
  selectionSerial += 1;
  return true;
}

function selectionView(): SelectionView {
  selectionMoved();
  // getSelection() is null when nothing is selected (@types omits the null).
  const selection = doc.getSelection() as GoogleAppsScript.Document.Range | null;
  const elements = (selection?.getRangeElements() ?? []).flatMap((range) => selectedElement(range) ?? []);
  return { serial: selectionSerial, elements, cursor: elements.length > 0 ? null : cursorPlacement() };
}

let uiError: string | null = null;

function uiView(): UiView {
  const sidebar = env.ui._sidebar();
  const dialogs = env.ui._htmlDialogs();
  const last = dialogs[dialogs.length - 1];
  const htmlDialog: HtmlDialogView | null = htmlDialogOpen && last
    ? { title: last.dialogTitle, width: last.width, height: last.height, modal: last.kind === 'modal', index: dialogs.length - 1 }
    : null;
  return {
    addOnName: data.addOnName,
    menus: env.ui._menus() as RecordedMenu[],
    sidebar: sidebar ? { title: sidebar.title, generation: sidebarGeneration } : null,
    htmlDialog,
    error: uiError,
  };
}

// ---------------------------------------------------------------------------------------------
// Saving: after every request, if anything changed

let lastSaved = JSON.stringify(serialize(doc, env, file));

function saveIfChanged(): void {
  const saved = serialize(doc, env, file);
  const fingerprint = JSON.stringify(saved);
  if (fingerprint === lastSaved) return;
  lastSaved = fingerprint;
  version += 1;
  try {
    save(saved, env, file, data.previewDir);
    if (notice?.startsWith('Could not save')) notice = null;
  } catch (error) {
    notice = `Could not save to ${file}: ${error instanceof Error ? error.message : String(error)}. Your changes are kept while the preview runs; use File > Download as Markdown.`;
    console.error(notice);
  }
  post({ type: 'document', version });
}


// ---------------------------------------------------------------------------------------------
// Edits, the way a person makes them in the document

function element(id: string): GoogleAppsScript.Document.Element {
  const found = byId.get(id);
  if (!found || !isAttached(found)) throw new Failure(409, 'That part of the document has changed since the page showed it. It has been reloaded: make the change again.');
  return found;
}

function paragraph(id: string): ParagraphElement {
  const found = element(id);
  const type = typeOf(found);
  if (type === 'PARAGRAPH') return found.asParagraph();
  if (type === 'LIST_ITEM') return found.asListItem();
  throw new Failure(400, `Element ${id} is not a paragraph.`);
}

/**
 * Applies new paragraph text as typing would: only the changed middle is replaced, so the rest
 * keeps its formatting and chips (editAsText ignores chips, as getText() does).
 */
function setParagraphText(target: ParagraphElement, base: string, text: string, keptChips: readonly number[]): void {
  if (target.getText() !== base) {
    throw new Failure(409, 'Someone changed this paragraph while you were editing it. It has been reloaded: make the change again.');
  }
  // Chips the person deleted: the k-th non-text child, counted before any removal.
  const chips: GoogleAppsScript.Document.Element[] = [];
  for (let i = 0; i < target.getNumChildren(); i++) {
    const child = target.getChild(i);
    if (typeOf(child) !== 'TEXT') chips.push(child);
  }
  chips.forEach((chip, k) => {
    if (!keptChips.includes(k)) chip.removeFromParent();
  });
  if (text === base) return;
  let start = 0;
  while (start < base.length && start < text.length && base[start] === text[start]) start++;
  let end = 0;
  while (end < base.length - start && end < text.length - start && base[base.length - 1 - end] === text[text.length - 1 - end]) end++;
  const removed = base.length - start - end;
  const inserted = text.slice(start, text.length - end);
  if (base === '') {
    target.appendText(text);
    return;
  }
  const editable = target.editAsText();
  if (removed > 0) editable.deleteText(start, start + removed - 1);
  if (inserted !== '') {
    if (editable.getText().length === 0) target.appendText(inserted);
    else editable.insertText(start, inserted);
  }
}

function tableRow(id: string): GoogleAppsScript.Document.TableRow {
  const found = element(id);
  if (typeOf(found) !== 'TABLE_ROW') throw new Failure(400, `Element ${id} is not a table row.`);
  return found.asTableRow();
}

/** Docs' "Insert row below": as many cells as the row, empty, with the row's cell colours (Docs copies the row's cell style; our reading, unverified). */
function insertRowBelow(row: GoogleAppsScript.Document.TableRow): void {
  const table = row.getParentTable();
  const index = table.getChildIndex(row);
  const added = table.insertTableRow(index + 1);
  for (let c = 0; c < row.getNumCells(); c++) {
    const cell = added.appendTableCell('');
    const color = row.getCell(c).getBackgroundColor();
    if (color) cell.setBackgroundColor(color);
  }
}

/** Docs' "Delete row"; deleting a table's only row deletes the table, as in Docs. */
function deleteRow(row: GoogleAppsScript.Document.TableRow): void {
  const table = row.getParentTable();
  if (table.getNumRows() > 1) table.removeRow(table.getChildIndex(row));
  else table.removeFromParent();
}

function applyEdit(edit: Edit): void {
  // The person's own typing: a document the add-on closed (saveAndClose) is open again for them.
  if (doc._isClosed()) doc._reopen();
  if (edit.op === 'text') setParagraphText(paragraph(edit.id), edit.base, edit.text.replace(/\r\n|\n/g, '\r'), edit.chips);
  else if (edit.op === 'insertRowBelow') insertRowBelow(tableRow(edit.rowId));
  else deleteRow(tableRow(edit.rowId));
}

/** A click in a paragraph: the cursor goes on the Text holding that character, or on the paragraph when it has no text there. */
function placeCursor(cursor: CursorPlacement): void {
  const target = paragraph(cursor.id);
  let base = 0;
  let position: GoogleAppsScript.Document.Position | null = null;
  for (let i = 0; i < target.getNumChildren() && !position; i++) {
    const child = target.getChild(i);
    if (typeOf(child) !== 'TEXT') continue;
    const length = child.asText().getText().length;
    if (cursor.offset <= base + length) position = doc.newPosition(child, Math.max(0, cursor.offset - base));
    base += length;
  }
  doc.setCursor(position ?? doc.newPosition(target, 0));
  personCursor = doc.getCursor();
  // A click collapses whatever was selected to the caret, as in Docs.
  doc._clearSelection();
}

// ---------------------------------------------------------------------------------------------
// Requests from the server

function errorText(error: unknown): { name: string; message: string } {
  if (error instanceof ScriptError) return { name: error.serverName, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'open': {
      // Opening (or reloading) the document: Google closes the sidebar and runs onOpen again.
      env.ui._closeSidebar();
      htmlDialogOpen = false;
      uiError = null;
      const names = addOn.functionNames();
      if (names.includes('onOpen')) {
        try {
          addOn.trigger('onOpen', { authMode: 'LIMITED' });
        } catch (error) {
          uiError = `The add-on's onOpen failed: ${errorText(error).message}`;
        }
      }
      return uiView();
    }
    case 'document':
      return documentView();
    case 'ui':
      return uiView();
    case 'run': {
      try {
        const value: Json = await addOn.run(request.name, ...request.args);
        return { ok: true, value } satisfies RunResult;
      } catch (error) {
        return { ok: false, error: errorText(error) } satisfies RunResult;
      }
    }
    case 'menu': {
      uiError = null;
      try {
        addOn.clickMenuItem(request.caption);
      } catch (error) {
        uiError = errorText(error).message;
      }
      return uiView();
    }
    case 'edit':
      applyEdit(request.edit);
      return {};
    case 'cursor':
      placeCursor(request.cursor);
      return {};
    case 'closeSidebar':
      env.ui._closeSidebar();
      return uiView();
    case 'closeHtmlDialog':
      htmlDialogOpen = false;
      return uiView();
    case 'sidebarHtml': {
      const sidebar = env.ui._sidebar();
      if (!sidebar) throw new Failure(404, 'No sidebar is open.');
      return { html: sidebar.html, functions: publicFunctions() };
    }
    case 'htmlDialog': {
      const dialog = env.ui._htmlDialogs()[request.index];
      if (!dialog) throw new Failure(404, 'No such dialog.');
      return { html: dialog.html, functions: publicFunctions() };
    }
    case 'markdown':
      return { markdown: documentToMarkdown(doc), name: doc.getName() };
    case 'pickerFiles':
      return [...env.spreadsheetFiles.values()].map((book) => ({ id: book.id, name: book.name }));
    case 'pickFile': {
      const book = env.spreadsheetFiles.get(request.id);
      if (!book) throw new Failure(404, 'No such spreadsheet in Drive.');
      if (request.grant) env._pickFile(book.id);
      return { id: book.id, name: book.name, mimeType: 'application/vnd.google-apps.spreadsheet', url: `https://docs.google.com/spreadsheets/d/${book.id}/edit` };
    }
  }
}

/** The stubs google.script.run offers: the script's public top-level functions (private ones end in "_"). */
function publicFunctions(): string[] {
  return addOn.functionNames().filter((name) => !name.endsWith('_'));
}

/** Requests that cannot change anything skip the save check (it serialises the whole document). */
const READ_ONLY = new Set<WorkerRequest['type']>(['document', 'ui', 'sidebarHtml', 'htmlDialog', 'markdown', 'cursor', 'pickerFiles']);

// One request at a time, in arrival order: an execution (and a dialog inside it) runs to its end before the next starts.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: { id: number; request: WorkerRequest }) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    const uiBefore = JSON.stringify(uiView());
    const sheetsUiBefore = sheets.uiFingerprint();
    const forSheets = SHEETS_REQUESTS.has(message.request.type);
    try {
      reply = { ok: true, value: await (forSheets ? sheets.handle(message.request) : handle(message.request)) };
    } catch (error) {
      const failure: WorkerFailure = error instanceof Failure || error instanceof SheetsFailure
        ? { status: error.status, message: error.message }
        : { status: 500, message: `The preview failed: ${errorText(error).message}` };
      if (failure.status === 500) console.error(error);
      reply = { ok: false, failure };
    }
    if (!READ_ONLY.has(message.request.type) && !SHEETS_READ_ONLY.has(message.request.type)) {
      if (!forSheets) saveIfChanged();
      // An export from the Doc writes the workbook too: both sides check.
      sheets.saveIfChanged();
      if (JSON.stringify(uiView()) !== uiBefore) post({ type: 'ui' });
      if (sheets.uiFingerprint() !== sheetsUiBefore) post({ type: 'sheets-ui' });
    }
    // After the document's news, so a page that redraws for it finds the elements the selection names.
    if (selectionMoved()) post({ type: 'selection', selection: selectionView() });
    port.postMessage({ type: 'reply', id: message.id, reply } satisfies WorkerMessage);
  });
});
