/** Reads and writes the Markdown that Google Docs exports (File > Download > Markdown), for fixtures and the preview. */
import type { EmulationContext } from '../context';
import { DocumentEmulation, blockSnapshots, type CellSnapshot, type InlineSnapshot, type ParagraphSnapshot } from './document';
import {
  HorizontalRuleEmulation, ListItemEmulation, PLAIN, ParagraphEmulation, PersonEmulation, TableCellEmulation,
  TableEmulation, TableRowEmulation, TextEmulation, type ContainerBase, type DocumentState, type ParagraphBase, type TextStyle,
} from './elements';
import type { GlyphTypeName, ParagraphHeadingName } from './enums';

/*
 * The format, as Docs writes it (shared guide, "Google Docs' Markdown export", and real exports in
 * public repositories, e.g. design docs with reviewer tables and evbacher/markdown-playground's
 * test-export):
 * - blocks are separated by one blank line; empty paragraphs are not written;
 * - headings `#`..`######` (a Title is written as `#` too, and read back as HEADING1);
 * - bullets `* `, numbered items `1. `, `2. `; nested items indented by the parent's marker width
 *   (2 under `* `, 3 under `1. `); every item but a list's last ends with two spaces;
 * - a soft line break (shift-enter, "\r" in getText()) is two spaces and a newline;
 * - pipe tables: `| a | b |`, then `| :---- | :---- |` after the first row; an empty cell is `|  |`;
 * - `**bold**`, `*italic*`, `~~strikethrough~~`, with surrounding spaces kept outside the markers;
 * - links `[text](url)`; person chips are mail links `[Name](mailto:a@b.c)`, several may touch;
 *   date chips are written as their display text;
 * - escapes: `\\ \* \_ \# \[ \] \< \> \!` always, `\&` before a non-space, `\+ \- \=` at the start
 *   of a word, `\.` and `\)` after a digit before a space or the end, `\|` in table cells.
 *
 * Our additions, which Docs does not write: a cell with several paragraphs is joined with `<br>`
 * (Docs joins them with a space and loses the break) and a soft line break inside a cell is
 * `<br/>`, so cells round-trip. Docs escapes `<`, so a literal "<br>" is `\<br\>` and cannot be
 * confused with ours. Text colours and backgrounds are not exported by Docs; they live only in
 * memory (the preview shows them).
 */

export interface MarkdownOptions {
  readonly name?: string;
  readonly id?: string;
  /**
   * Docs exports a date chip as its display text ("Dec 12, 2025"). With this set, a table-cell
   * paragraph that is exactly such a date becomes a date chip again (12:00 UTC that day).
   */
  readonly datesAsChips?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading

const HEADING = /^(#{1,6})(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^( *)([*+-]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const RULE = /^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;
const TABLE_SEPARATOR = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;
const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_TEXT = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})$/;

const BULLET_GLYPHS: readonly GlyphTypeName[] = ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET'];
const NUMBER_GLYPHS: readonly GlyphTypeName[] = ['NUMBER', 'LATIN_LOWER', 'ROMAN_LOWER'];
const ORDERED_GLYPHS = new Set<GlyphTypeName>(['NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);

/** What the inline parser produces: styled text (soft breaks as "\r") and person chips. */
type Inline = { kind: 'text'; text: string; style: TextStyle } | { kind: 'person'; name: string | null; email: string };

interface Marks {
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
}

export function documentFromMarkdown(markdown: string, ctx: EmulationContext, options: MarkdownOptions = {}): DocumentEmulation {
  const doc = new DocumentEmulation(ctx, { ...(options.name !== undefined ? { name: options.name } : {}), ...(options.id !== undefined ? { id: options.id } : {}) });
  const state = doc._state;
  const body = doc._body;
  body._detachAll();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const paragraph = paragraphFrom(state, new ParagraphEmulation(state), parseInline(heading[2] ?? ''));
      paragraph._heading = `HEADING${(heading[1] ?? '#').length}` as ParagraphHeadingName;
      body._appendChild(paragraph);
      i++;
    } else if (isTableStart(lines, i)) {
      const rows: string[] = [];
      rows.push(line);
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trimStart().startsWith('|')) rows.push(lines[i++] ?? '');
      body._appendChild(tableFrom(state, rows, options.datesAsChips === true ? doc : null));
    } else if (RULE.test(line)) {
      const paragraph = new ParagraphEmulation(state);
      paragraph._appendChild(new HorizontalRuleEmulation(state));
      body._appendChild(paragraph);
      i++;
    } else if (LIST_ITEM.test(line)) {
      i = readList(state, lines, i, body);
    } else {
      const paragraphLines: string[] = [line];
      i++;
      while (i < lines.length && !startsBlock(lines, i)) paragraphLines.push(lines[i++] ?? '');
      body._appendChild(paragraphFrom(state, new ParagraphEmulation(state), parseInline(joinLines(paragraphLines))));
    }
  }
  // A document always ends with a paragraph, and a table is always followed by one.
  const last = body._children[body._children.length - 1];
  if (!last || last instanceof TableEmulation) body._appendChild(new ParagraphEmulation(state));
  return doc;
}

function isTableStart(lines: readonly string[], i: number): boolean {
  return (lines[i] ?? '').trimStart().startsWith('|') && TABLE_SEPARATOR.test((lines[i + 1] ?? '').trim());
}

function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  return line.trim() === '' || HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || isTableStart(lines, i);
}

/**
 * Joins a block's lines: a line ending in two spaces is a hard break (a soft line break in Docs,
 * "\r"); other line ends are plain wrapping and read as a space, as in CommonMark. The inline
 * parser passes "\r" through, and Markdown input cannot contain one (line ends are normalised).
 */
function joinLines(lines: readonly string[]): string {
  return lines.map((line, k) => {
    if (k === lines.length - 1) return line;
    return line.endsWith('  ') ? `${line.slice(0, -2)}\r` : `${line} `;
  }).join('');
}

function readList(state: DocumentState, lines: readonly string[], start: number, body: ContainerBase<unknown>): number {
  const items: { level: number; ordered: boolean; lines: string[] }[] = [];
  const open: { markerColumn: number; contentColumn: number }[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const item = RULE.test(line) ? null : LIST_ITEM.exec(line);
    if (item) {
      const column = (item[1] ?? '').length;
      // A marker further right than the open item's marker nests under it (2 or 3 spaces both work).
      while (open.length > 0 && column <= (open[open.length - 1]?.markerColumn ?? 0)) open.pop();
      const marker = item[2] ?? '*';
      open.push({ markerColumn: column, contentColumn: column + marker.length + (item[3] ?? ' ').length });
      items.push({ level: open.length - 1, ordered: /\d/.test(marker), lines: [item[4] ?? ''] });
      i++;
    } else if (items.length > 0 && line.trim() !== '' && /^[ \t]+\S/.test(line)) {
      // An indented line continues the item after a soft line break.
      const indent = open[open.length - 1]?.contentColumn ?? 0;
      items[items.length - 1]?.lines.push(line.replace(new RegExp(`^[ \\t]{0,${indent}}`), ''));
      i++;
    } else {
      break;
    }
  }
  const listId = state.newId();
  items.forEach((item, k) => {
    const itemLines = [...item.lines];
    // Docs ends every item but the last with two spaces; they are not part of the text.
    const lastLine = itemLines.length - 1;
    if (k < items.length - 1 && (itemLines[lastLine] ?? '').endsWith('  ')) itemLines[lastLine] = (itemLines[lastLine] ?? '').slice(0, -2);
    const element = new ListItemEmulation(state);
    paragraphFrom(state, element, parseInline(joinLines(itemLines)));
    element._nesting = item.level;
    element._glyph = (item.ordered ? NUMBER_GLYPHS : BULLET_GLYPHS)[item.level % 3] ?? 'BULLET';
    element._listId = listId;
    body._appendChild(element);
  });
  return i;
}

function splitRow(line: string): string[] {
  const trimmed = line.trim();
  const cells: string[] = [];
  let current = '';
  for (let k = 1; k < trimmed.length; k++) {
    const c = trimmed[k] ?? '';
    if (c === '\\' && k + 1 < trimmed.length) {
      current += c + (trimmed[k + 1] ?? '');
      k++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') cells.push(current);
  // Docs pads each cell with one space on each side; anything more is the cell's own text.
  return cells.map((cell) => cell.replace(/^ /, '').replace(/ $/, ''));
}

function tableFrom(state: DocumentState, rowLines: readonly string[], datesFrom: DocumentEmulation | null): TableEmulation {
  const rows = rowLines.map(splitRow);
  const width = Math.max(1, ...rows.map((row) => row.length));
  const table = new TableEmulation(state);
  for (const row of rows) {
    const tableRow = new TableRowEmulation(state);
    for (let c = 0; c < width; c++) {
      const cell = new TableCellEmulation(state);
      // "<br>" separates paragraphs, "<br/>" is a soft line break inside one.
      const paragraphs = (row[c] ?? '').split(/<br>/i).map((part) => part.replace(/<br\s*\/>/gi, '\r'));
      for (const source of paragraphs) {
        const paragraph = new ParagraphEmulation(state);
        const date = datesFrom ? DATE_TEXT.exec(unescapeMarkdown(source)) : null;
        if (date && datesFrom) {
          const timestamp = new Date(Date.UTC(Number(date[3]), MONTHS.indexOf(date[1] ?? ''), Number(date[2]), 12));
          paragraph._appendChild(datesFrom._dateChip({ timestamp, displayText: date[0] }));
        } else {
          paragraphFrom(state, paragraph, parseInline(source));
        }
        cell._appendChild(paragraph);
      }
      tableRow._appendChild(cell);
    }
    table._appendChild(tableRow);
  }
  return table;
}

function paragraphFrom<P extends ParagraphBase<unknown>>(state: DocumentState, paragraph: P, inlines: readonly Inline[]): P {
  let text: TextEmulation | null = null;
  for (const inline of inlines) {
    if (inline.kind === 'person') {
      paragraph._appendChild(new PersonEmulation(state, inline.name, inline.email));
      text = null;
    } else if (inline.text !== '') {
      if (!text) {
        text = new TextEmulation(state);
        paragraph._appendChild(text);
      }
      text._appendStyled(inline.text, inline.style);
    }
  }
  return paragraph;
}

function unescapeMarkdown(source: string): string {
  return source.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

/** Finds the index of the bracket closing the one at `open`, skipping escapes and nested pairs. */
function closing(source: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let k = open; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') {
      k++;
    } else if (c === left) {
      depth++;
    } else if (c === right) {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Parses bold/italic/strikethrough markers (as toggles, which is how Docs writes them), links and mail-link chips. */
export function parseInline(source: string, marks: Marks = { bold: false, italic: false, strikethrough: false }, linkUrl: string | null = null): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer === '') return;
    out.push({ kind: 'text', text: buffer, style: styleOf(marks, linkUrl) });
    buffer = '';
  };
  for (let k = 0; k < source.length; k++) {
    const c = source[k] ?? '';
    const next = source[k + 1] ?? '';
    if (c === '\\' && ESCAPABLE.test(next)) {
      buffer += next;
      k++;
    } else if (c === '*') {
      let run = 1;
      while (source[k + run] === '*') run++;
      flush();
      if (Math.floor(run / 2) % 2 === 1) marks.bold = !marks.bold;
      if (run % 2 === 1) marks.italic = !marks.italic;
      k += run - 1;
    } else if (c === '~' && next === '~') {
      flush();
      marks.strikethrough = !marks.strikethrough;
      k++;
    } else if (c === '[' && linkUrl === null) {
      const close = closing(source, k, '[', ']');
      const end = close >= 0 && source[close + 1] === '(' ? closing(source, close + 1, '(', ')') : -1;
      if (end < 0) {
        buffer += c;
        continue;
      }
      flush();
      const label = source.slice(k + 1, close);
      const url = unescapeMarkdown(source.slice(close + 2, end));
      if (url.toLowerCase().startsWith('mailto:')) {
        const email = url.slice('mailto:'.length);
        const name = parseInline(label, { ...marks }, null).map((inline) => (inline.kind === 'text' ? inline.text : '')).join('');
        out.push({ kind: 'person', name: name === email || name === '' ? null : name, email });
      } else {
        out.push(...parseInline(label, marks, url));
      }
      k = end;
    } else {
      buffer += c;
    }
  }
  flush();
  return out;
}

function styleOf(marks: Marks, linkUrl: string | null): TextStyle {
  if (!marks.bold && !marks.italic && !marks.strikethrough && linkUrl === null) return PLAIN;
  return Object.freeze({ ...PLAIN, bold: marks.bold, italic: marks.italic, strikethrough: marks.strikethrough, linkUrl });
}

// ---------------------------------------------------------------------------------------------
// Writing

export function documentToMarkdown(doc: DocumentEmulation): string {
  const blocks = blockSnapshots(doc._body);
  const out: string[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    if (!block) continue;
    if (block.kind === 'table') {
      out.push(writeTable(block.rows));
    } else if (block.kind === 'listItem') {
      // One list (one list id) is one Markdown list; the next list starts after a blank line.
      const run: ParagraphSnapshot[] = [];
      for (let next = blocks[k]; next?.kind === 'listItem' && next.listId === block.listId; next = blocks[++k]) run.push(next);
      k--;
      out.push(writeList(run));
    } else {
      const written = writeParagraph(block);
      if (written !== null) out.push(written);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}

const HEADING_MARKS: Partial<Record<ParagraphHeadingName, string>> = {
  TITLE: '#', SUBTITLE: '##', HEADING1: '#', HEADING2: '##', HEADING3: '###', HEADING4: '####', HEADING5: '#####', HEADING6: '######',
};

function isEmpty(paragraph: ParagraphSnapshot): boolean {
  return paragraph.inlines.every((inline) => inline.kind === 'text' && inline.text.trim() === '');
}

function writeParagraph(paragraph: ParagraphSnapshot): string | null {
  const mark = HEADING_MARKS[paragraph.heading];
  if (mark) return `${mark} ${writeInlines(paragraph.inlines, '  \n', false)}`;
  // Docs does not export empty paragraphs.
  if (isEmpty(paragraph)) return null;
  if (paragraph.inlines.every((inline) => inline.kind === 'horizontalRule')) return '---';
  return writeInlines(paragraph.inlines, '  \n', false);
}

function writeList(items: readonly ParagraphSnapshot[]): string {
  const counters: number[] = [];
  const columns: number[] = [0];
  return items.map((item, k) => {
    const level = item.nestingLevel ?? 0;
    for (let l = 1; l <= level; l++) if (columns[l] === undefined) columns[l] = (columns[l - 1] ?? 0) + 2;
    counters.length = level + 1;
    counters[level] = (counters[level] ?? 0) + 1;
    const marker = ORDERED_GLYPHS.has(item.glyphType ?? 'BULLET') ? `${counters[level]}.` : '*';
    const column = columns[level] ?? 0;
    columns.length = level + 1;
    columns[level + 1] = column + marker.length + 1;
    const text = writeInlines(item.inlines, `  \n${' '.repeat(column + marker.length + 1)}`, false);
    return `${' '.repeat(column)}${marker} ${text}${k < items.length - 1 ? '  ' : ''}`;
  }).join('\n');
}

function writeTable(rows: readonly (readonly CellSnapshot[])[]): string {
  const lines = rows.map((row) => `| ${row.map(writeCell).join(' | ')} |`);
  const width = rows[0]?.length ?? 0;
  lines.splice(1, 0, `| ${Array.from({ length: width }, () => ':----').join(' | ')} |`);
  return lines.join('\n');
}

function writeCell(cell: CellSnapshot): string {
  return cell.blocks.map((block) => (block.kind === 'table' ? escapeText(block.rows.flat().map((c) => c.text).join(' '), true) : writeInlines(block.inlines, '<br/>', true))).join('<br>');
}

interface Char {
  readonly ch: string;
  readonly style: TextStyle;
}

/** Writes a paragraph's inlines: style runs as markers, links, mail-link chips, date text. */
function writeInlines(inlines: readonly InlineSnapshot[], lineBreak: string, inTable: boolean): string {
  // The paragraph's characters decide escapes that look at neighbours.
  const plain = inlines.map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'date' ? inline.displayText : inline.kind === 'person' ? '\u0000' : '\r')).join('');
  let position = 0;
  let out = '';
  let pending: Char[] = [];
  const flush = (): void => {
    out += writeRun(pending, plain, position - pending.length, lineBreak, inTable);
    pending = [];
  };
  let k = 0;
  while (k < inlines.length) {
    const inline = inlines[k];
    if (!inline) break;
    if (inline.kind === 'text' && inline.style.linkUrl !== null) {
      flush();
      const url = inline.style.linkUrl;
      const chars: Char[] = [];
      const start = position;
      while (inlines[k]?.kind === 'text' && (inlines[k] as { style: TextStyle }).style.linkUrl === url) {
        const run = inlines[k] as { text: string; style: TextStyle };
        for (const ch of codeUnits(run.text)) chars.push({ ch, style: run.style });
        position += run.text.length;
        k++;
      }
      out += `[${writeRun(chars, plain, start, lineBreak, inTable)}](${url})`;
      continue;
    }
    if (inline.kind === 'text') {
      for (const ch of codeUnits(inline.text)) pending.push({ ch, style: inline.style });
      position += inline.text.length;
    } else if (inline.kind === 'date') {
      for (const ch of codeUnits(inline.displayText)) pending.push({ ch, style: PLAIN });
      position += inline.displayText.length;
    } else if (inline.kind === 'person') {
      flush();
      out += `[${escapeText(inline.name ?? inline.email, inTable)}](mailto:${inline.email})`;
      position += 1;
    } else {
      flush();
      out += `${lineBreak}---`;
      position += 1;
    }
    k++;
  }
  flush();
  return out;
}

/** UTF-16 units, so positions match string offsets (an emoji is two). */
function codeUnits(text: string): string[] {
  return Array.from({ length: text.length }, (_, k) => text[k] ?? '');
}

const MARKERS: readonly [keyof Marks, string][] = [['bold', '**'], ['italic', '*'], ['strikethrough', '~~']];

/**
 * Writes characters with style markers. Spaces stay outside markers, as Docs writes them
 * ("a **bold run** here"): markers close before pending spaces and open after them. Markers also
 * close at a soft line break and reopen after it.
 */
function writeRun(chars: readonly Char[], plain: string, offset: number, lineBreak: string, inTable: boolean): string {
  let out = '';
  let spaces = '';
  const open: Marks = { bold: false, italic: false, strikethrough: false };
  const toggle = (want: Marks, closing: boolean): string => {
    let marks = '';
    for (const [key, marker] of MARKERS) {
      if (open[key] && !want[key] && closing) {
        marks += marker;
        open[key] = false;
      } else if (!open[key] && want[key] && !closing) {
        marks += marker;
        open[key] = true;
      }
    }
    return marks;
  };
  const none: Marks = { bold: false, italic: false, strikethrough: false };
  chars.forEach(({ ch, style }, k) => {
    if (ch === '\r') {
      out += toggle(none, true) + spaces + lineBreak;
      spaces = '';
      return;
    }
    if (/\s/.test(ch)) {
      spaces += ch;
      return;
    }
    const want: Marks = { bold: style.bold, italic: style.italic, strikethrough: style.strikethrough };
    out += toggle(want, true) + spaces + toggle(want, false);
    spaces = '';
    out += escapeChar(plain, offset + k, inTable);
  });
  return out + toggle(none, true) + spaces;
}

function escapeText(text: string, inTable: boolean): string {
  let out = '';
  for (let k = 0; k < text.length; k++) out += escapeChar(text, k, inTable);
  return out;
}

/** Docs' escapes, decided by the character and its neighbours in the paragraph. */
function escapeChar(text: string, k: number, inTable: boolean): string {
  const ch = text[k] ?? '';
  const before = k > 0 ? (text[k - 1] ?? '') : '';
  const after = text[k + 1] ?? '';
  const atWordStart = before === '' || /\s/.test(before);
  const endsWord = after === '' || /\s/.test(after);
  const escape =
    '\\*_#[]<>!'.includes(ch)
    || (ch === '&' && !endsWord)
    || ('+-='.includes(ch) && atWordStart)
    || ('.)'.includes(ch) && /\d/.test(before) && endsWord)
    || (ch === '~' && (before === '~' || after === '~'))
    || (ch === '|' && (inTable || k === 0));
  return escape ? `\\${ch}` : ch;
}
