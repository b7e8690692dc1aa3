/** "Undo last shift": the record of what a shift wrote, and which of those cells undo may put back without overwriting a person's later edit. */
import { countersBefore, type CountersBefore, type PlanHistory } from './history';
import { KEY_DATE_LABELS, type CellRef, type KeyDateName, type StepColumn } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';

/** A cell the shift wrote. */
export interface UndoCell {
  /** Where it was at shift time. Rows move, so the adapter finds the cell by `key` and `field` first. */
  ref: CellRef;
  /** The step the row holds, when the row is tagged. */
  key?: string;
  /** Which step column, to find the cell in the step's row wherever it went. */
  field?: StepColumn;
  /** The column's header as the person reads it ("Due date"), for messages. */
  column: string;
  before: string;
  after: string;
}

/** A key-date line the shift wrote; `before`/`after` are the whole line as written ("Decision target: Mar 31, 2026"). */
export interface UndoKeyDate {
  name: KeyDateName;
  paragraphIndex: number;
  before: string;
  after: string;
}

/** A sentence the shift updated because it quotes a key date (the Goal's "decision by Feb 12, 2027"); found again by its text. */
export interface UndoParagraph {
  label: string;
  before: string;
  after: string;
}

export interface UndoRecord {
  at: IsoDate;
  /** What the person did, as the Undo button names it: "Shift downstream dates: step 3 to Mar 10". */
  action: string;
  cells: UndoCell[];
  keyDates: UndoKeyDate[];
  /** Absent in records saved before sentences were updated. */
  paragraphs?: UndoParagraph[];
  /** The line the shift added to the "Changes" section, and the heading when it created it; absent when it added none. */
  change?: { text: string; heading: string | null };
  /**
   * Only the history's date counters for the steps and key dates above, as they were before the
   * shift (not the whole history: its event log would make the record as large as the history).
   */
  countersBefore: CountersBefore;
}

export type UndoTarget = UndoCell | UndoKeyDate | UndoParagraph;

/** A write undo may make: put `text` back where the document still says `expected` (re-check it at write time). */
export interface CellRestore {
  ref: CellRef;
  key?: string;
  field?: StepColumn;
  column: string;
  expected: string;
  text: string;
}

export interface KeyDateRestore {
  name: KeyDateName;
  paragraphIndex: number;
  expected: string;
  text: string;
}

/** A place a person changed after the shift: left as it is, and told. */
export interface UndoConflict {
  /** Null for a key-date line. */
  ref: CellRef | null;
  key?: string;
  column: string;
  /** What the shift wrote there. */
  expected: string;
  /** What is there now; null when the cell or line is no longer in the document. */
  found: string | null;
  message: string;
}

export interface ParagraphRestore {
  label: string;
  expected: string;
  text: string;
}

export interface UndoPlan {
  restore: CellRestore[];
  restoreKeyDates: KeyDateRestore[];
  restoreParagraphs: ParagraphRestore[];
  conflicts: UndoConflict[];
  /** For observeUndo once the restores are written. */
  countersBefore: CountersBefore;
}

/**
 * The record to keep when a shift is written: its cells and lines, and the counters of the steps
 * and key dates it touches from the history as it was just before (null when there is none yet).
 */
export function undoRecord(
  shift: {
    at: IsoDate;
    action: string;
    cells: readonly UndoCell[];
    keyDates: readonly UndoKeyDate[];
    paragraphs?: readonly UndoParagraph[];
    change?: { text: string; heading: string | null } | null;
  },
  historyBefore: PlanHistory | null,
): UndoRecord {
  const cells = shift.cells.filter((c) => c.before !== c.after);
  const keyDates = shift.keyDates.filter((k) => k.before !== k.after);
  const paragraphs = (shift.paragraphs ?? []).filter((p) => p.before !== p.after);
  const keys = cells.flatMap((c) => (c.key === undefined ? [] : [c.key]));
  return {
    at: shift.at,
    action: shift.action,
    cells,
    keyDates,
    paragraphs,
    ...(shift.change ? { change: { text: shift.change.text, heading: shift.change.heading } } : {}),
    countersBefore: historyBefore
      ? countersBefore(historyBefore, keys, keyDates.map((k) => k.name))
      : { steps: [], keyDates: [] },
  };
}

export function isUndoKeyDate(target: UndoTarget): target is UndoKeyDate {
  return 'name' in target;
}

export function isUndoCell(target: UndoTarget): target is UndoCell {
  return 'ref' in target;
}

/**
 * What undo may restore. `currentText` gets each record cell or line (the adapter resolves a cell
 * by its step key, then by its position) and returns its text now, or null when it is gone.
 * Still as the shift left it: restored. Already back as before: nothing to do. Anything else: a
 * person changed it since, so it is reported and never overwritten. Whitespace alone is not a change.
 */
export function planUndo(record: UndoRecord, currentText: (target: UndoTarget) => string | null): UndoPlan {
  const restore: CellRestore[] = [];
  const restoreKeyDates: KeyDateRestore[] = [];
  const conflicts: UndoConflict[] = [];

  for (const cell of record.cells) {
    const found = currentText(cell);
    const where = `Steps table, row ${cell.ref.row}, ${cell.column}`;
    const verdict = judge(cell, found, where);
    const key = cell.key === undefined ? {} : { key: cell.key };
    if (verdict === 'restore') {
      const field = cell.field === undefined ? {} : { field: cell.field };
      restore.push({ ref: cell.ref, ...key, ...field, column: cell.column, expected: cell.after, text: cell.before });
    } else if (verdict !== 'done') {
      conflicts.push({ ref: cell.ref, ...key, column: cell.column, expected: cell.after, found, message: verdict.message });
    }
  }

  for (const line of record.keyDates) {
    const found = currentText(line);
    const label = KEY_DATE_LABELS[line.name];
    const verdict = judge(line, found, `Key dates, ${label}`);
    if (verdict === 'restore') {
      restoreKeyDates.push({ name: line.name, paragraphIndex: line.paragraphIndex, expected: line.after, text: line.before });
    } else if (verdict !== 'done') {
      conflicts.push({ ref: null, column: label, expected: line.after, found, message: verdict.message });
    }
  }

  const restoreParagraphs: ParagraphRestore[] = [];
  for (const paragraph of record.paragraphs ?? []) {
    const verdict = judge(paragraph, currentText(paragraph), `The ${paragraph.label} sentence`);
    if (verdict === 'restore') restoreParagraphs.push({ label: paragraph.label, expected: paragraph.after, text: paragraph.before });
    else if (verdict !== 'done') conflicts.push({ ref: null, column: paragraph.label, expected: paragraph.after, found: currentText(paragraph), message: verdict.message });
  }

  return { restore, restoreKeyDates, restoreParagraphs, conflicts, countersBefore: record.countersBefore };
}

function judge(
  target: { before: string; after: string },
  found: string | null,
  where: string,
): 'restore' | 'done' | { message: string } {
  if (found === null) return { message: `${where} is no longer in the document; nothing was restored there.` };
  if (same(found, target.after)) return 'restore';
  if (same(found, target.before)) return 'done';
  const now = found.trim();
  if (now === '') return { message: `${where} was cleared after the shift; left as it is.` };
  return { message: `${where} was changed to "${now}" after the shift; left as it is.` };
}

function same(a: string, b: string): boolean {
  const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
  return squash(a) === squash(b);
}
