/** Reads the Google Doc into a plain outline in one pass (paragraphs, tables, chips, step markers), and tags step rows with their identity. */
import { stepTableIndex, type Chip, type DocumentOutline, type OutlineBlock, type OutlineCell, type OutlineRow, type OutlineTable, type ParsedPlan } from '../core/reading/parsed-plan';
import type { ReadContext } from '../core/reading/context';
import { readPlan } from '../core/reading/read-plan';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;

/** Prefix of the invisible marker on each step row: `map.step.<key>`. */
export const STEP_RANGE_PREFIX = 'map.step.';

/*
 * Cost model. Every DocumentApp call crosses into Google's document model, so the outline is read
 * with as few as the shape allows, and never by object identity (Apps Script hands out a new
 * wrapper for the same element on each call, so `===` between two getChild results is false):
 * - body: getBody, getNumChildren, then per child getChild + getType;
 * - paragraph: asParagraph + getText, + getHeading when it has text; list item: asListItem +
 *   getText, + getGlyphType when it has text;
 * - table: asTable + getNumRows; per row getRow + getNumCells; per cell getCell + getText (2);
 * - chips: found with Body.findElement(DATE / PERSON), so a document without chips costs 2 calls
 *   and cells are never walked child by child; each chip is then placed by walking up its
 *   parents to (body index, row, column);
 * - step markers: getNamedRanges once, then per range getName, and per step range its element
 *   and where that row is (table body index, row index).
 */

/** Heading levels as the outline counts them: the title is level 1, as Docs' Markdown export writes both as "#". */
function headingLevel(heading: GoogleAppsScript.Document.ParagraphHeading): number {
  const H = DocumentApp.ParagraphHeading;
  const levels: [GoogleAppsScript.Document.ParagraphHeading, number][] = [
    [H.TITLE, 1], [H.HEADING1, 1], [H.HEADING2, 2], [H.HEADING3, 3], [H.HEADING4, 4], [H.HEADING5, 5], [H.HEADING6, 6],
  ];
  return levels.find(([h]) => h === heading)?.[1] ?? 0;
}

function listKind(glyph: GoogleAppsScript.Document.GlyphType): 'bullet' | 'number' {
  const G = DocumentApp.GlyphType;
  return glyph === G.BULLET || glyph === G.HOLLOW_BULLET || glyph === G.SQUARE_BULLET ? 'bullet' : 'number';
}

/** The cells read, by "table:row:column": a later write or colour reuses the cell instead of fetching it again. */
export type CellHandles = Map<string, GoogleAppsScript.Document.TableCell>;

export function handleKey(tableIndex: number, row: number, column: number): string {
  return `${tableIndex}:${row}:${column}`;
}

function readTable(table: GoogleAppsScript.Document.Table, index: number, handles?: CellHandles): OutlineTable {
  const rows: OutlineRow[] = [];
  const numRows = table.getNumRows();
  for (let r = 0; r < numRows; r++) {
    const row = table.getRow(r);
    const cells: OutlineCell[] = [];
    const numCells = row.getNumCells();
    for (let c = 0; c < numCells; c++) {
      const cell = row.getCell(c);
      handles?.set(handleKey(index, r, c), cell);
      cells.push({ text: cell.getText(), chips: [] });
    }
    rows.push({ cells, key: null });
  }
  return { kind: 'table', index, rows };
}

/** Where an element sits: a body paragraph, or a cell of a body-level table; null elsewhere (nested tables, headers). */
type Place = { block: number; row: number; column: number } | { block: number; row: null; column: null };

function placeOf(body: Body, element: Element): Place | null {
  const paragraph = element.getParent();
  if (!paragraph) return null;
  const container = paragraph.getParent();
  if (!container) return null;
  const type = container.getType();
  try {
    if (type === DocumentApp.ElementType.BODY_SECTION) return { block: body.getChildIndex(paragraph), row: null, column: null };
    if (type !== DocumentApp.ElementType.TABLE_CELL) return null;
    const row = container.getParent();
    const column = row.getChildIndex(container);
    const table = row.getParent();
    const r = table.getChildIndex(row);
    // Throws for a table nested in a cell: its chips are not the plan's.
    return { block: body.getChildIndex(table), row: r, column };
  } catch {
    return null;
  }
}

/**
 * The text of a paragraph or cell that holds a chip, without the chip. What getText() gives for a
 * chip is not documented (nothing, its display text, or U+E907); editAsText() "ignores non-text
 * elements", so its text is the same whatever getText() does, and it is the text writes edit.
 */
function textWithoutChips(element: { editAsText(): GoogleAppsScript.Document.Text }): string {
  return element.editAsText().getText();
}

/** Every date and person chip in the body, in document order, each with its place. */
function readChips(body: Body): { place: Place; chip: Chip }[] {
  const out: { place: Place; chip: Chip; order: number }[] = [];
  const T = DocumentApp.ElementType;
  let order = 0;
  for (const type of [T.DATE, T.PERSON]) {
    for (let found = body.findElement(type); found; found = body.findElement(type, found)) {
      const element = found.getElement();
      let chip: Chip;
      if (type === T.DATE) {
        const date = element.asDate();
        // @types types getTimestamp() as the Document Date element; it is a JavaScript Date.
        const ms = (date.getTimestamp() as unknown as Date).getTime();
        chip = { kind: 'date', timestamp: new Date(ms).toISOString(), displayText: date.getDisplayText() };
      } else {
        const person = element.asPerson();
        const email = person.getEmail();
        // getName() is null when the chip shows the address.
        chip = { kind: 'person', name: person.getName() ?? '', email };
      }
      const place = placeOf(body, element);
      if (place) out.push({ place, chip, order: order++ });
    }
  }
  // Dates were found before people; put them back in document order.
  const position = (p: Place): number[] => [p.block, p.row ?? -1, p.column ?? -1];
  out.sort((a, b) => {
    const [pa, pb] = [position(a.place), position(b.place)];
    for (let i = 0; i < pa.length; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return a.order - b.order;
  });
  return out;
}

/**
 * The step markers: for each `map.step.<key>` named range, the row it covers, as (table body
 * index, row index). A row with two markers (a stale copy) keeps the one no other row has.
 */
function readStepMarkers(doc: Document, body: Body): Map<string, string[]> {
  const byRow = new Map<string, string[]>();
  for (const named of doc.getNamedRanges()) {
    const name = named.getName();
    if (!name.startsWith(STEP_RANGE_PREFIX)) continue;
    const key = name.slice(STEP_RANGE_PREFIX.length);
    const element = named.getRange().getRangeElements()[0]?.getElement();
    if (!element || !key) continue;
    try {
      // The add-on marks whole rows; a range that shrank to the row's content still leads up to it.
      let row: Element | null = element;
      for (let up = 0; row && row.getType() !== DocumentApp.ElementType.TABLE_ROW; up++) row = up < 3 ? row.getParent() : null;
      if (!row) continue;
      const table = row.getParent();
      const at = `${body.getChildIndex(table)}:${table.getChildIndex(row)}`;
      byRow.set(at, [...(byRow.get(at) ?? []), key]);
    } catch {
      // A marker whose row is gone or nested elsewhere is simply not used.
    }
  }
  return byRow;
}

function chooseMarkers(byRow: Map<string, string[]>): Map<string, string> {
  const count = new Map<string, number>();
  for (const keys of byRow.values()) for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const chosen = new Map<string, string>();
  for (const [at, keys] of byRow) {
    const key = keys.find((k) => count.get(k) === 1) ?? keys[0];
    if (key) chosen.set(at, key);
  }
  return chosen;
}

/**
 * The document as plain data, read once: body paragraphs and tables with their texts, chips and
 * step markers. Everything after this is computed in memory by the core reader.
 */
export function readOutline(doc: Document, handles?: CellHandles): DocumentOutline {
  const body = doc.getBody();
  const T = DocumentApp.ElementType;
  const blocks: OutlineBlock[] = [];
  const byIndex = new Map<number, OutlineBlock>();
  const count = body.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = body.getChild(i);
    const type = child.getType();
    let block: OutlineBlock | null = null;
    if (type === T.PARAGRAPH) {
      const p = child.asParagraph();
      const text = p.getText();
      // An empty paragraph's heading, or an empty list item's glyph, says nothing a reader needs.
      block = { kind: 'paragraph', index: i, text, heading: text.trim() ? headingLevel(p.getHeading()) : 0, list: null, chips: [] };
    } else if (type === T.LIST_ITEM) {
      const item = child.asListItem();
      const text = item.getText();
      block = { kind: 'paragraph', index: i, text, heading: 0, list: text.trim() ? listKind(item.getGlyphType()) : 'bullet', chips: [] };
      // A nested item belongs to the one above it (a risk's mitigation under the risk); an empty one says nothing.
      const nesting = text.trim() ? item.getNestingLevel() : 0;
      if (nesting > 0) block.nesting = nesting;
    } else if (type === T.TABLE) {
      block = readTable(child.asTable(), i, handles);
    }
    if (block) {
      blocks.push(block);
      byIndex.set(i, block);
    }
  }

  for (const { place, chip } of readChips(body)) {
    const block = byIndex.get(place.block);
    if (!block) continue;
    if (block.kind === 'paragraph' && place.row === null) {
      if (block.chips.length === 0) {
        const child = body.getChild(place.block);
        block.text = textWithoutChips(child.getType() === T.LIST_ITEM ? child.asListItem() : child.asParagraph());
      }
      block.chips.push(chip);
    } else if (block.kind === 'table' && place.row !== null) {
      const cell = block.rows[place.row]?.cells[place.column];
      if (!cell) continue;
      if (cell.chips.length === 0) cell.text = textWithoutChips(handles?.get(handleKey(place.block, place.row, place.column ?? 0)) ?? body.getChild(place.block).asTable().getCell(place.row, place.column ?? 0));
      cell.chips.push(chip);
    }
  }

  for (const [at, key] of chooseMarkers(readStepMarkers(doc, body))) {
    const [tableIndex, row] = at.split(':').map(Number);
    const block = byIndex.get(tableIndex ?? -1);
    const outlineRow = block?.kind === 'table' ? block.rows[row ?? -1] : undefined;
    if (outlineRow) outlineRow.key = key;
  }
  return { blocks };
}

/**
 * Marks each step row that has no marker, or another one, with `map.step.<key>`, so that its
 * identity follows it when rows are inserted above it, moved or renamed. A write: call it inside
 * an action that already writes, under the document lock, right after reading. Updates the
 * outline's keys to match and returns how many rows it marked.
 */
export function tagStepRows(doc: Document, outline: DocumentOutline, plan: ParsedPlan): number {
  let marked = 0;
  // A plan split per phase has several tables: each step's row is in its own table.
  for (const found of plan.stepsTables) {
    const table = outline.blocks.find((b): b is OutlineTable => b.kind === 'table' && b.index === found.index);
    if (!table) continue;
    const inTable = plan.steps.filter((s) => stepTableIndex(s) === found.index);
    const untagged = inTable.filter((s) => table.rows[s.row] && table.rows[s.row]?.key !== s.key);
    if (untagged.length === 0) continue;
    const docTable = doc.getBody().getChild(found.index).asTable();
    for (const step of untagged) {
      const row = docTable.getRow(step.row);
      doc.addNamedRange(`${STEP_RANGE_PREFIX}${step.key}`, doc.newRange().addElement(row).build());
      const outlineRow = table.rows[step.row];
      if (outlineRow) outlineRow.key = step.key;
    }
    marked += untagged.length;
  }
  return marked;
}

/** Reads the document and the plan in it: the outline for later writes, the plan for everything else. */
export function readDocumentPlan(
  doc: Document,
  context: ReadContext,
): { outline: DocumentOutline; plan: ParsedPlan; cells: CellHandles } {
  const cells: CellHandles = new Map();
  const outline = readOutline(doc, cells);
  return { outline, plan: readPlan(outline, context), cells };
}
