/** The preview page: draws the emulated document as Google Docs does, lets a person edit it, and hosts the add-on's menus, sidebar and dialogs. */
import type { InlineSnapshot } from '../../emulation/document';
import type { MenuItem } from '../../emulation/ui';
import {
  DIALOG_BUTTONS, type CursorPlacement, type DialogAnswer, type DocumentView, type Edit, type PendingDialog, type PreviewEvent,
  type SelectionView, type UiView, type ViewBlock, type ViewParagraph, type ViewTable,
} from './protocol';
import { askAndDraw, byId, drawSidebarFrame, el, onHostClose, toast as showToast, whileRunning } from './page-parts';

// ---------------------------------------------------------------------------------------------
// DOM building: every string from the document or the add-on becomes a text node, never markup (page-parts.ts)

function svgIcon(pathData: string, className: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', pathData);
  svg.append(path);
  return svg;
}

const CLOSE_ICON = 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z';

function closeButton(label: string, onclick: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick });
  button.append(svgIcon(CLOSE_ICON, 'close-icon'));
  return button;
}

// ---------------------------------------------------------------------------------------------
// Talking to the server

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {},
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, 'The preview server is not reachable. Is `npm start` still running?');
  }
  const text = await response.text();
  let value: unknown;
  try {
    value = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    value = null;
  }
  if (!response.ok) {
    const message = value !== null && typeof value === 'object' && 'error' in value ? String(value.error) : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return value as T;
}

/**
 * Work in flight (changes sent, the document being fetched), shown on <html data-pending>: "0"
 * means what the page shows is what the server saved, which is what the browser tests wait for.
 */
let pending = 0;
function tracked<T>(work: Promise<T>): Promise<T> {
  pending += 1;
  document.documentElement.dataset.pending = String(pending);
  return work.finally(() => {
    pending -= 1;
    document.documentElement.dataset.pending = String(pending);
  });
}

/** The page's own changes go out one after another, in the order the person made them. */
let outgoing: Promise<unknown> = Promise.resolve();
function inOrder<T>(work: () => Promise<T>): Promise<T> {
  const next = tracked(outgoing.then(work, work));
  outgoing = next.catch(() => undefined);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Feedback

function toast(message: string): void {
  showToast(message, 6000);
}

function banner(message: string | null, kind: 'notice' | 'error' = 'notice'): void {
  const region = byId('banner');
  if (!message) {
    region.replaceChildren();
    return;
  }
  region.replaceChildren(
    el('div', { class: `banner ${kind}` },
      el('p', null, message),
      closeButton('Dismiss', () => region.replaceChildren())),
  );
}

function reportFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 0) banner(message, 'error');
  else toast(message);
}

// ---------------------------------------------------------------------------------------------
// The document

let view: DocumentView | null = null;
/** Set while a paragraph is being edited: re-drawing then would throw away what the person is typing. */
let editing: HTMLElement | null = null;
let redrawWanted = false;

interface EditableInfo {
  id: string;
  /** The text as drawn: the edit's starting point. */
  base: string;
  chipCount: number;
}
const editables = new WeakMap<HTMLElement, EditableInfo>();

const DATE_ICON = 'M19 4h-1V2h-2v2H8V2H6v2H5c-1.11 0-1.99.9-1.99 2L3 20a2 2 0 0 0 2 2h14c1.1 0 2-.9 2-2V6c0-1.1-.9-2-2-2zm0 16H5V10h14v10zM7 12h5v5H7z';

/** Colours come from the emulation as #rrggbb; anything else is not applied. */
function color(value: string | null): string | null {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : null;
}

function inlineNodes(inlines: readonly InlineSnapshot[]): Node[] {
  const nodes: Node[] = [];
  let chip = 0;
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      const s = inline.style;
      const safeLink = s.linkUrl && /^(https?:|mailto:)/i.test(s.linkUrl) ? s.linkUrl : null;
      // Soft line breaks are "\r" in Docs; pre-wrap shows "\n".
      const text = inline.text.replace(/\r/g, '\n');
      const plain = !s.bold && !s.italic && !s.underline && !s.strikethrough && !s.foregroundColor && !s.backgroundColor && !s.linkUrl;
      if (plain) {
        nodes.push(document.createTextNode(text));
        continue;
      }
      const span = safeLink ? el('a', { href: safeLink, target: '_blank', rel: 'noopener noreferrer', title: safeLink }) : el('span');
      span.textContent = text;
      if (s.bold) span.style.fontWeight = '700';
      if (s.italic) span.style.fontStyle = 'italic';
      const decorations = [s.underline || s.linkUrl ? 'underline' : '', s.strikethrough ? 'line-through' : ''].filter(Boolean).join(' ');
      if (decorations) span.style.textDecoration = decorations;
      const fg = color(s.foregroundColor);
      if (fg) span.style.color = fg;
      const bg = color(s.backgroundColor);
      if (bg) span.style.backgroundColor = bg;
      nodes.push(span);
    } else if (inline.kind === 'person') {
      const name = inline.name ?? inline.email;
      nodes.push(el('span', { class: 'chip person', contenteditable: 'false', 'data-chip': chip++, title: inline.email },
        el('span', { class: 'chip-avatar', 'aria-hidden': 'true' }, (name.trim()[0] ?? '?').toUpperCase()), name));
    } else if (inline.kind === 'date') {
      nodes.push(el('span', { class: 'chip date', contenteditable: 'false', 'data-chip': chip++, title: inline.timestamp.slice(0, 10) },
        svgIcon(DATE_ICON, 'chip-icon'), inline.displayText));
    } else {
      nodes.push(el('hr', { contenteditable: 'false', 'data-chip': chip++ }));
    }
  }
  return nodes;
}

/** Reads a paragraph back as Docs text: soft breaks as "\r", chips left out (and which chips are still there). */
function readEditable(node: Node): { text: string; chips: number[] } {
  let text = '';
  const chips: number[] = [];
  let endsWithBreakElement = false;
  const walk = (parent: Node): void => {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent ?? '';
        endsWithBreakElement = false;
      } else if (child instanceof HTMLElement || child instanceof SVGElement) {
        const chip = child.getAttribute('data-chip');
        if (chip !== null) {
          chips.push(Number(chip));
          endsWithBreakElement = false;
        } else if (child.tagName === 'BR') {
          text += '\n';
          endsWithBreakElement = true;
        } else if (child instanceof HTMLElement) {
          // Chrome wraps lines in a div when Enter slips through: each such block starts a new line.
          if ((child.tagName === 'DIV' || child.tagName === 'P') && text !== '' && !text.endsWith('\n')) text += '\n';
          walk(child);
        }
      }
    }
  };
  walk(node);
  // A <br> at the very end only holds an empty line open: it is not part of the text.
  if (endsWithBreakElement) text = text.slice(0, -1);
  return { text: text.replace(/\r\n|\n/g, '\r'), chips };
}

/** Characters before the caret within a paragraph (chips count for nothing), or null when the caret is elsewhere. */
function caretOffset(node: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!node.contains(range.startContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(node);
  before.setEnd(range.startContainer, range.startOffset);
  const holder = document.createElement('div');
  holder.append(before.cloneContents());
  return readEditable(holder).text.length;
}

let cursorTimer: number | undefined;
function placeCursorSoon(node: HTMLElement): void {
  window.clearTimeout(cursorTimer);
  cursorTimer = window.setTimeout(() => {
    const info = editables.get(node);
    const offset = caretOffset(node);
    if (!info || offset === null) return;
    // While the paragraph is being edited, the caret counts characters the server has not seen yet.
    const placement: CursorPlacement = { id: info.id, offset: Math.min(offset, info.base.length) };
    void inOrder(() => request('POST', '/api/cursor', placement)).catch(() => undefined);
  }, 120);
}

function commit(node: HTMLElement): Promise<void> {
  return tracked(send(node));
}

async function send(node: HTMLElement): Promise<void> {
  const info = editables.get(node);
  if (!info) return;
  const { text, chips } = readEditable(node);
  const offset = caretOffset(node);
  if (text === info.base && chips.length === info.chipCount) return;
  const edit: Edit = { op: 'text', id: info.id, base: info.base, text, chips };
  const sentBase = info.base;
  info.base = text;
  try {
    await inOrder(() => request('POST', '/api/edit', edit));
    if (offset !== null) void inOrder(() => request('POST', '/api/cursor', { id: info.id, offset } satisfies CursorPlacement)).catch(() => undefined);
  } catch (error) {
    info.base = sentBase;
    reportFailure(error);
  }
  await refreshDocument(true);
}

function makeEditable(node: HTMLElement, paragraph: ViewParagraph): HTMLElement {
  node.classList.add('editable');
  node.setAttribute('contenteditable', 'plaintext-only');
  node.setAttribute('spellcheck', 'false');
  node.dataset.id = paragraph.id;
  editables.set(node, { id: paragraph.id, base: paragraph.text, chipCount: paragraph.inlines.filter((i) => i.kind !== 'text').length });
  node.addEventListener('focus', () => {
    editing = node;
  });
  node.addEventListener('blur', () => {
    if (editing === node) editing = null;
    void commit(node).finally(() => {
      if (redrawWanted && !editing) void refreshDocument(true);
    });
  });
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      // Enter ends the edit: splitting paragraphs is not part of the preview.
      event.preventDefault();
      node.blur();
    } else if (event.key === 'Escape') {
      const info = editables.get(node);
      node.replaceChildren(...inlineNodes(paragraph.inlines));
      if (info) info.base = paragraph.text;
      node.blur();
    }
  });
  node.addEventListener('mouseup', () => placeCursorSoon(node));
  node.addEventListener('keyup', (event) => {
    if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') placeCursorSoon(node);
  });
  node.append(...inlineNodes(paragraph.inlines));
  return node;
}

const HEADING_TAGS: Record<string, 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | undefined> = {
  HEADING1: 'h1', HEADING2: 'h2', HEADING3: 'h3', HEADING4: 'h4', HEADING5: 'h5', HEADING6: 'h6',
};
const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

function paragraphNode(paragraph: ViewParagraph, marker: string | null): HTMLElement {
  const tag = HEADING_TAGS[paragraph.heading] ?? 'p';
  const node = el(tag, { class: paragraph.heading === 'TITLE' ? 'title' : paragraph.heading === 'SUBTITLE' ? 'subtitle' : null });
  const align = paragraph.alignment ? ALIGN[paragraph.alignment] : undefined;
  if (align) node.style.textAlign = align;
  if (marker === null) return makeEditable(node, paragraph);
  node.classList.add('list-text');
  const level = paragraph.nestingLevel ?? 0;
  const item = el('div', { class: 'list-item' }, el('span', { class: 'list-marker', 'aria-hidden': 'true' }, marker), makeEditable(node, paragraph));
  // Docs indents a list's text 36 pt per level, the glyph in the 18 pt before it.
  item.style.marginLeft = `${36 + 36 * level}pt`;
  return item;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

function marker(glyph: string | undefined, n: number): string {
  switch (glyph) {
    case 'NUMBER': return `${n}.`;
    case 'LATIN_UPPER': return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}.`;
    case 'LATIN_LOWER': return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`;
    case 'ROMAN_UPPER': return `${roman(n).toUpperCase()}.`;
    case 'ROMAN_LOWER': return `${roman(n)}.`;
    case 'HOLLOW_BULLET': return '○';
    case 'SQUARE_BULLET': return '■';
    default: return '●';
  }
}

function editRow(edit: Edit): void {
  void inOrder(() => request('POST', '/api/edit', edit)).catch(reportFailure).then(() => refreshDocument(true));
}

function tableNode(table: ViewTable, section: string): HTMLElement {
  const border = color(table.borderColor);
  const rows = table.rows.map((cells, r) => {
    const rowId = table.rowIds[r] ?? '';
    return el('tr', { 'data-row-id': rowId }, ...cells.map((cell, c) => {
      const td = el('td', { 'data-id': cell.id }, ...blockNodes(cell.blocks));
      const bg = color(cell.backgroundColor);
      if (bg) td.style.backgroundColor = bg;
      if (border) td.style.borderColor = border;
      if (c === 0) {
        td.prepend(el('div', { class: 'row-tools', contenteditable: 'false' },
          // Glyphs come from CSS, so the document's text (innerText, a copy) never picks them up.
          el('button', { type: 'button', class: 'row-tool add', 'aria-label': 'Insert row below', title: 'Insert row below', onclick: () => editRow({ op: 'insertRowBelow', rowId }) }),
          el('button', { type: 'button', class: 'row-tool delete', 'aria-label': 'Delete row', title: 'Delete row', onclick: () => editRow({ op: 'deleteRow', rowId }) })));
      }
      td.addEventListener('contextmenu', (event) => rowMenu(event as MouseEvent, rowId));
      return td;
    }));
  });
  // Widths the add-on set are in points; the other columns share what is left, as in Docs.
  const columns = el('colgroup', null, ...table.columnWidths.map((width) => {
    const col = el('col');
    if (typeof width === 'number' && width > 0) col.style.width = `${width}pt`;
    return col;
  }));
  return el('div', { class: 'table-wrap' }, el('table', { 'data-id': table.id, 'data-section': section }, columns, el('tbody', null, ...rows)));
}

/** Draws blocks; list items are numbered per list and level, as Docs numbers them. */
function blockNodes(blocks: readonly ViewBlock[]): HTMLElement[] {
  const counters = new Map<string, number[]>();
  const nodes: HTMLElement[] = [];
  let section = '';
  for (const block of blocks) {
    if (block.kind === 'table') {
      nodes.push(tableNode(block, section));
    } else if (block.kind === 'listItem') {
      const level = block.nestingLevel ?? 0;
      const counts = counters.get(block.listId ?? '') ?? [];
      counts.length = level + 1;
      counts[level] = (counts[level] ?? 0) + 1;
      counters.set(block.listId ?? '', counts);
      nodes.push(paragraphNode(block, marker(block.glyphType, counts[level] ?? 1)));
    } else {
      if (block.heading !== 'NORMAL') section = block.text;
      nodes.push(paragraphNode(block, null));
    }
  }
  return nodes;
}

function drawDocument(next: DocumentView): void {
  view = next;
  redrawWanted = false;
  byId('document').replaceChildren(...blockNodes(next.blocks));
  byId('doc-title').textContent = next.name;
  document.title = `${next.name} - Google Docs (local preview)`;
  byId('save-state').textContent = next.saved ? `Saved to ${next.file}` : `Not saved yet: changes go to ${next.file}`;
  byId('save-state').title = next.file;
  if (next.notice) banner(next.notice);
  showSelection(next.selection);
}

// ---------------------------------------------------------------------------------------------
// The add-on's selection and cursor (Document.setSelection, setCursor): highlighted and scrolled to, as in Docs

let selection: SelectionView | null = null;
/** The serial of the selection the person clicked away, and of the last one scrolled to. */
let dismissedSerial = -Infinity;
let scrolledSerial = -Infinity;
/** The CSS highlight that paints a selection of part of a paragraph's text (page.css: ::highlight). */
const TEXT_HIGHLIGHT = 'addon-selection';
/** CSS.highlights, a Map of named highlights (its Map methods are typed in lib DOM.Iterable, which the tools' config leaves out); undefined in older browsers. */
const highlights = (): Map<string, Highlight> | undefined =>
  typeof Highlight === 'function' ? (CSS.highlights as unknown as Map<string, Highlight> | undefined) : undefined;

/** The drawn element with this id: a paragraph (its editable), a cell, a row or a table. */
function drawnElement(id: string): HTMLElement | null {
  const key = CSS.escape(id);
  return document.querySelector<HTMLElement>(`#document [data-id="${key}"], #document [data-row-id="${key}"]`);
}

/** The DOM point `offset` characters into a paragraph's text, counted as the server counts them (chips count for nothing). */
function textPoint(root: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[data-chip]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let left = offset;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) return { node, offset: left };
    left -= length;
    last = node;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: root, offset: 0 };
}

function textRange(root: HTMLElement, start: number, end: number): Range {
  const range = document.createRange();
  const from = textPoint(root, start);
  const to = textPoint(root, Math.max(start, end));
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Docs' caret where the add-on put the cursor; in a cell or a table, at the start of its first paragraph. */
function drawCaret(cursor: CursorPlacement): HTMLElement | null {
  let node = drawnElement(cursor.id);
  if (node && !editables.has(node)) node = node.querySelector<HTMLElement>('.editable');
  const page = node?.closest<HTMLElement>('.page');
  if (!node || !page) return null;
  const point = textPoint(node, cursor.offset);
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  const box = node.getBoundingClientRect();
  const lineHeight = parseFloat(getComputedStyle(node).fontSize) * 1.15;
  // A collapsed range in an empty paragraph has no box: the caret then stands at the paragraph's start.
  const at = range.getClientRects()[0] ?? { left: box.left, top: box.top, height: lineHeight };
  const origin = page.getBoundingClientRect();
  const caret = el('div', { class: 'addon-cursor', 'data-cursor': cursor.id, 'aria-hidden': 'true' });
  caret.style.left = `${at.left - origin.left - page.clientLeft}px`;
  caret.style.top = `${at.top - origin.top - page.clientTop}px`;
  caret.style.height = `${at.height || lineHeight}px`;
  page.append(caret);
  return caret;
}

function clearSelectionMarks(): void {
  document.querySelectorAll('#document [data-selected]').forEach((node) => node.removeAttribute('data-selected'));
  highlights()?.delete(TEXT_HIGHLIGHT);
  document.querySelectorAll('.addon-cursor').forEach((node) => node.remove());
}

/** Scrolls the document so the element shows, centred, unless it already shows in full (Docs does not move a view that shows it). */
function reveal(target: Element): void {
  const canvas = byId('canvas');
  const box = target.getBoundingClientRect();
  const view = canvas.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  const by = box.height > view.height ? box.top - view.top - 24 : box.top + box.height / 2 - (view.top + view.height / 2);
  canvas.scrollTop += by;
}

/** Marks what is selected (data-selected: "element", or "text" for part of a paragraph), or draws the cursor; scrolls to a new one. */
function paintSelection(): void {
  clearSelectionMarks();
  if (!selection || selection.serial <= dismissedSerial) return;
  const shown: Element[] = [];
  const ranges: Range[] = [];
  const registry = highlights();
  for (const selected of selection.elements) {
    const node = drawnElement(selected.id);
    if (!node) continue;
    if (selected.text && registry) {
      ranges.push(textRange(node, selected.text.start, selected.text.end));
      node.dataset.selected = 'text';
    } else {
      node.dataset.selected = 'element';
    }
    shown.push(node);
  }
  if (ranges.length > 0) registry?.set(TEXT_HIGHLIGHT, new Highlight(...ranges));
  const first = shown[0] ?? (selection.cursor ? drawCaret(selection.cursor) : null);
  // Once per selection; one whose elements the page has not drawn yet is scrolled to when they are.
  if (first && selection.serial > scrolledSerial) {
    scrolledSerial = selection.serial;
    reveal(first);
  }
}

/** The selection the server reports, unless the page already has a newer one (answers can cross on the way). */
function showSelection(next: SelectionView): void {
  if (!selection || next.serial >= selection.serial) selection = next;
  paintSelection();
}

/** A click in the document sets the person's own cursor (placeCursorSoon) and takes the highlight away, as in Docs. */
function dismissSelection(): void {
  if (!selection || selection.serial <= dismissedSerial) return;
  dismissedSerial = selection.serial;
  clearSelectionMarks();
}

/** Fetches and draws the document, unless a paragraph is being edited (then it is drawn when the edit ends). */
function refreshDocument(force = false): Promise<void> {
  return tracked(fetchAndDraw(force));
}

async function fetchAndDraw(force: boolean): Promise<void> {
  if (editing) {
    redrawWanted = true;
    return;
  }
  try {
    const next = await request<DocumentView>('GET', '/api/document');
    if (editing) {
      redrawWanted = true;
      return;
    }
    if (force || !view || next.version !== view.version || next.notice !== view.notice) drawDocument(next);
  } catch (error) {
    reportFailure(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Menus

type MenuEntry =
  | { kind: 'item'; label: string; hint?: string; disabled?: boolean; run?: () => void }
  | { kind: 'submenu'; label: string; entries: MenuEntry[]; disabled?: boolean }
  | { kind: 'separator' };

const openMenus: HTMLElement[] = [];
let activeMenubarItem: HTMLButtonElement | null = null;

/** Removes the open menus from `depth` down. */
function dropMenus(depth: number): void {
  while (openMenus.length > depth) openMenus.pop()?.remove();
}

/** Closes menus from `depth` down; at 0 the menu bar button lets go too. */
function closeMenus(depth = 0): void {
  dropMenus(depth);
  if (depth === 0) {
    activeMenubarItem?.setAttribute('aria-expanded', 'false');
    activeMenubarItem = null;
  }
}

function showMenu(entries: readonly MenuEntry[], x: number, y: number, depth: number, label: string): HTMLElement {
  dropMenus(depth);
  const list = el('div', { class: 'menu', role: 'menu', 'aria-label': label });
  for (const entry of entries) {
    if (entry.kind === 'separator') {
      list.append(el('div', { class: 'menu-separator', role: 'separator' }));
      continue;
    }
    const button = el('button', { type: 'button', class: 'menu-item', role: 'menuitem', 'aria-disabled': entry.disabled ? 'true' : null },
      el('span', { class: 'label' }, entry.label),
      entry.kind === 'item' && entry.hint ? el('span', { class: 'hint' }, entry.hint) : null,
      entry.kind === 'submenu' ? el('span', { class: 'arrow', 'aria-hidden': 'true' }) : null);
    if (entry.kind === 'submenu') {
      button.setAttribute('aria-haspopup', 'menu');
      const open = (): void => {
        if (entry.disabled) return;
        const box = button.getBoundingClientRect();
        list.querySelectorAll('[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
        button.setAttribute('aria-expanded', 'true');
        showMenu(entry.entries, box.right - 2, box.top - 6, depth + 1, entry.label);
      };
      button.addEventListener('mouseenter', open);
      button.addEventListener('click', open);
      button.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowRight') {
          open();
          openMenus[depth + 1]?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
        }
      });
    } else {
      button.addEventListener('mouseenter', () => closeMenus(depth + 1));
      button.addEventListener('click', () => {
        if (entry.disabled) return;
        closeMenus();
        entry.run?.();
      });
    }
    list.append(button);
  }
  list.addEventListener('keydown', (event) => {
    const items = Array.from(list.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(current + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || (event.key === 'ArrowLeft' && depth > 0)) {
      event.preventDefault();
      event.stopPropagation();
      closeMenus(depth === 0 ? 0 : depth);
      (depth === 0 ? activeMenubarItem : openMenus[depth - 1]?.querySelector<HTMLElement>('[aria-expanded="true"]'))?.focus();
    }
  });
  document.body.append(list);
  list.style.left = `${Math.max(0, Math.min(x, window.innerWidth - list.offsetWidth - 4))}px`;
  list.style.top = `${Math.max(0, Math.min(y, window.innerHeight - list.offsetHeight - 4))}px`;
  openMenus.push(list);
  return list;
}

function addOnEntries(items: readonly MenuItem[]): MenuEntry[] {
  return items.map((item): MenuEntry => {
    if (item === 'separator') return { kind: 'separator' };
    if ('subMenu' in item) return { kind: 'submenu', label: item.subMenu, entries: addOnEntries(item.items) };
    return { kind: 'item', label: item.caption, run: () => void clickMenuItem(item.caption) };
  });
}

function download(): void {
  const link = el('a', { href: '/api/markdown', download: '' });
  document.body.append(link);
  link.click();
  link.remove();
}

const NOT_HERE: MenuEntry[] = [{ kind: 'item', label: 'Not part of the preview', disabled: true }];

function menubarEntries(ui: UiView): [string, MenuEntry[]][] {
  const addOnMenus = ui.menus.filter((m) => m.addon);
  const extensions: MenuEntry[] = [
    { kind: 'submenu', label: 'Add-ons', entries: [], disabled: true },
    { kind: 'item', label: 'Apps Script', disabled: true },
    { kind: 'separator' },
    ...(addOnMenus.length > 0
      ? addOnMenus.map((m): MenuEntry => ({ kind: 'submenu', label: ui.addOnName, entries: addOnEntries(m.items) }))
      : [{ kind: 'item', label: 'The add-on added no menu', disabled: true } satisfies MenuEntry]),
  ];
  // Menus made with createMenu(caption) sit in the menu bar after Help, as in Docs.
  const custom = ui.menus.filter((m) => !m.addon).map((m): [string, MenuEntry[]] => [m.title ?? '', addOnEntries(m.items)]);
  return [
    ['File', [{ kind: 'submenu', label: 'Download', entries: [{ kind: 'item', label: 'Markdown (.md)', run: download }] }]],
    ['Edit', NOT_HERE], ['View', NOT_HERE], ['Insert', NOT_HERE], ['Format', NOT_HERE], ['Tools', NOT_HERE],
    ['Extensions', extensions],
    ['Help', NOT_HERE],
    ...custom,
  ];
}

function drawMenubar(ui: UiView): void {
  const bar = byId('menubar');
  const buttons = menubarEntries(ui).map(([label, entries]) => {
    const button = el('button', { type: 'button', class: 'menubar-item', role: 'menuitem', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, label);
    const open = (): void => {
      const box = button.getBoundingClientRect();
      closeMenus();
      activeMenubarItem = button;
      button.setAttribute('aria-expanded', 'true');
      showMenu(entries, box.left, box.bottom + 2, 0, label);
    };
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      if (activeMenubarItem === button) closeMenus();
      else open();
    });
    button.addEventListener('mouseenter', () => {
      if (activeMenubarItem && activeMenubarItem !== button) open();
    });
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
        openMenus[0]?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
      }
    });
    return button;
  });
  bar.replaceChildren(...buttons);
}

/** Docs' right-click menu on a table cell, for its row. */
function rowMenu(event: MouseEvent, rowId: string): void {
  event.preventDefault();
  closeMenus();
  showMenu([
    { kind: 'item', label: 'Insert row below', run: () => editRow({ op: 'insertRowBelow', rowId }) },
    { kind: 'item', label: 'Delete row', run: () => editRow({ op: 'deleteRow', rowId }) },
  ], event.clientX, event.clientY, 0, 'Table');
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && openMenus.length > 0) closeMenus();
});

document.addEventListener('mousedown', (event) => {
  if (openMenus.length === 0) return;
  const target = event.target as Node;
  if (openMenus.some((menu) => menu.contains(target)) || activeMenubarItem?.contains(target)) return;
  closeMenus();
});

// ---------------------------------------------------------------------------------------------
// The add-on's UI: sidebar, HTML dialogs, and running menu items

let htmlDialogIndex = -1;

function drawUi(ui: UiView): void {
  drawMenubar(ui);
  drawSidebarFrame(ui.sidebar, (generation) => `/sidebar?g=${generation}`);
  const layer = byId('layer');
  const shown = layer.querySelector('[data-html-dialog]');
  if (ui.htmlDialog && ui.htmlDialog.index !== htmlDialogIndex) {
    shown?.remove();
    htmlDialogIndex = ui.htmlDialog.index;
    layer.append(htmlDialog(ui.htmlDialog.title, ui.htmlDialog.width, ui.htmlDialog.height, ui.htmlDialog.index));
  } else if (!ui.htmlDialog && shown) {
    shown.remove();
    htmlDialogIndex = -1;
  }
  if (ui.error) toast(ui.error);
}

function htmlDialog(title: string, width: number | null, height: number | null, index: number): HTMLElement {
  const frame = el('iframe', { src: `/dialog/${index}`, title });
  const box = el('div', { class: 'dialog html', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    el('div', { class: 'dialog-head' },
      el('h2', { class: 'dialog-title' }, title),
      closeButton('Close', () => void closeHtmlDialog())),
    frame);
  box.style.width = `${width ?? 600}px`;
  box.style.height = `${(height ?? 400) + 60}px`;
  return el('div', { class: 'scrim', 'data-html-dialog': index }, box);
}

async function closeHtmlDialog(): Promise<void> {
  try {
    drawUi(await inOrder(() => request<UiView>('POST', '/api/html-dialog/close')));
  } catch (error) {
    reportFailure(error);
  }
}

async function closeSidebar(): Promise<void> {
  try {
    drawUi(await inOrder(() => request<UiView>('POST', '/api/sidebar/close')));
  } catch (error) {
    reportFailure(error);
  }
}

async function clickMenuItem(caption: string): Promise<void> {
  await askAndDraw(() => whileRunning(() => inOrder(() => request<UiView>('POST', '/api/menu', { caption })), 400), drawUi, reportFailure);
  await refreshDocument();
}

function refreshUi(): Promise<void> {
  return askAndDraw(() => request<UiView>('GET', '/api/ui'), drawUi, reportFailure);
}

onHostClose((from) => void (from === byId<HTMLIFrameElement>('sidebar-frame').contentWindow ? closeSidebar() : closeHtmlDialog()));

// ---------------------------------------------------------------------------------------------
// Ui.alert and Ui.prompt: the add-on's execution waits on the server until the person answers here

const BUTTON_LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

function showDialog(dialog: PendingDialog): void {
  const layer = byId('layer');
  layer.querySelector('[data-dialog]')?.remove();
  const input = dialog.kind === 'prompt' ? el('input', { class: 'dialog-input', type: 'text', 'aria-label': dialog.prompt }) : null;
  const answer = (button: DialogAnswer['button']): void => {
    scrim.remove();
    const body: DialogAnswer = { id: dialog.id, button, text: input?.value ?? '' };
    request('POST', '/api/dialog', body).catch(reportFailure);
  };
  const buttons = DIALOG_BUTTONS[dialog.buttons];
  const primary = buttons[0];
  const titleId = `dialog-title-${dialog.id}`;
  const box = el('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': dialog.title ? titleId : null, 'aria-label': dialog.title ? null : dialog.prompt },
    el('div', { class: 'dialog-head' },
      el('h2', { class: 'dialog-title', id: titleId }, dialog.title ?? ''),
      closeButton('Close', () => answer('CLOSE'))),
    el('p', { class: 'dialog-text' }, dialog.prompt),
    input,
    // Google puts the main button last, on the right.
    el('div', { class: 'dialog-buttons' }, ...[...buttons].reverse().map((button) =>
      el('button', { type: 'button', class: `dialog-button${button === primary ? ' primary' : ''}`, 'data-button': button, onclick: () => answer(button) },
        BUTTON_LABELS[button] ?? button))));
  const scrim = el('div', { class: 'scrim', 'data-dialog': dialog.id }, box);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') answer('CLOSE');
    else if (event.key === 'Enter' && input && document.activeElement === input && primary) answer(primary);
  });
  layer.append(scrim);
  (input ?? box.querySelector<HTMLElement>('.dialog-button.primary'))?.focus();
}

function closeDialog(id: number): void {
  byId('layer').querySelector(`[data-dialog="${id}"]`)?.remove();
}

// ---------------------------------------------------------------------------------------------
// Start

function listen(): void {
  const events = new EventSource('/api/events');
  events.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as PreviewEvent;
    if (event.type === 'document') void refreshDocument();
    else if (event.type === 'ui') void refreshUi();
    else if (event.type === 'dialog') showDialog(event.dialog);
    else if (event.type === 'selection') showSelection(event.selection);
    else if (event.type === 'dialog-closed') closeDialog(event.id);
  };
  events.onopen = () => {
    const region = byId('banner');
    if (region.querySelector('.banner.error')) region.replaceChildren();
  };
  events.onerror = () => {
    if (events.readyState === EventSource.CONNECTING) banner('Lost the connection to the preview server; reconnecting…', 'error');
  };
}

async function start(): Promise<void> {
  document.documentElement.dataset.pending = '1';
  byId('sidebar-close').addEventListener('click', () => void closeSidebar());
  const page = document.querySelector<HTMLElement>('.page');
  page?.addEventListener('mousedown', dismissSelection);
  // Tabbing into a paragraph starts editing there: the add-on's highlight goes too.
  page?.addEventListener('focusin', dismissSelection);
  listen();
  try {
    // Opening the document runs the add-on's onOpen, which builds its menu, as in Docs.
    drawUi(await request<UiView>('POST', '/api/open'));
  } catch (error) {
    reportFailure(error);
  }
  await refreshDocument(true);
  document.documentElement.dataset.pending = String(pending);
}

void start();
