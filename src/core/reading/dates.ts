/** Dates in cells and lines: a date chip's day, else the text read by the cell parser, and why a date could not be read. */
import { isIsoDate } from '../scheduling/calendar';
import { parseDueDate, type DateContext, type DateFormat } from './cell-dates';
import type { CellRef, Chip } from './parsed-plan';
import type { IsoDate } from '../plan';
import type { Diagnostics } from './diagnostics';
import { clean } from './text';

/**
 * A date chip's calendar date: the date part of its instant in UTC. Docs shows a date chip in UTC
 * ("The display value uses the UTC timezone", …/document/date#getDisplayText()), so this is the
 * day the person sees on the chip, whatever the script's or the reader's time zone.
 */
export function chipDate(chip: Extract<Chip, { kind: 'date' }>): IsoDate | null {
  const ms = Date.parse(chip.timestamp);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

export type DateReading =
  | { kind: 'date'; date: IsoDate; format: DateFormat | null; text: string }
  | { kind: 'undated'; reason: 'empty' | 'tbd' | 'quarter' | 'unknown' | 'week'; text: string };

const WEEK_WORD = /\b(?:weeks?|wks?\.?|w)\s*\d/i;

/** Whether a date is written as a week counted from the evaluation start ("Week 3", "Wk 2", "W4"). */
export function countsInWeeks(text: string): boolean {
  return WEEK_WORD.test(text);
}

/** A cell or line's date: its date chip wins over its text; the chip's display text gives the form to write back. */
export function readDate(text: string, chips: readonly Chip[], ctx: DateContext): DateReading {
  const chip = chips.find((c): c is Extract<Chip, { kind: 'date' }> => c.kind === 'date');
  const chipDay = chip ? chipDate(chip) : null;
  if (chip && chipDay) {
    const shown = parseDueDate(chip.displayText, ctx);
    const rest = clean(text);
    return { kind: 'date', date: chipDay, format: shown.kind === 'date' ? shown.format : null, text: rest ? `${chip.displayText} ${rest}` : chip.displayText };
  }
  const parsed = parseDueDate(text, ctx);
  if (parsed.kind === 'date') return { kind: 'date', date: parsed.date, format: parsed.format, text };
  if (parsed.reason === 'unknown' && !ctx.evaluationStart && WEEK_WORD.test(text)) return { kind: 'undated', reason: 'week', text };
  return { kind: 'undated', reason: parsed.reason, text };
}

export function median(dates: readonly IsoDate[]): IsoDate | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** Says why a cell's date could not be read, when a person should know (an empty or "TBD" cell says nothing). */
export function reportUndated(diagnostics: Diagnostics, where: string, due: Extract<DateReading, { kind: 'undated' }>, cell: CellRef | null, subject = 'this step'): void {
  const shown = clean(due.text);
  if (due.reason === 'unknown') {
    diagnostics.warn('warning', where, shown, `${where}: "${shown}" is not a date, so ${subject} is treated as undated.`, cell);
  } else if (due.reason === 'week') {
    diagnostics.warn('warning', where, shown, `${where}: "${shown}" counts from the evaluation start, which the plan does not give (add "Evaluation start: <date>" under Key dates), so ${subject} is treated as undated.`, cell);
  } else if (due.reason === 'quarter') {
    diagnostics.warn('info', where, shown, `${where}: "${shown}" is a period, not a day, so ${subject} is treated as undated.`, cell);
  }
}
