/** The dated line a shift adds to the plan's "Changes" section, so the prospect (who has no add-on) sees what moved, by how much, and why. */
import { workingDaysBetween, type WorkCalendar } from './calendar';
import type { IsoDate } from '../plan';
import { numberList } from './shift-summary';
import { shortAction, shownNumber } from './schedule-words';

/** The heading the add-on creates when the plan has no such section (and the reader ignores as steps). */
export const CHANGES_HEADING = 'Changes';
/** Headings a person may have given that section already. */
export const CHANGES_HEADING_RE = /^\s*(?:changes|change log|changelog|plan changes)\s*:?\s*$/i;

export interface ChangedStep {
  /** As the plan writes it ("5a"), else the number. */
  label: string;
  number: number;
  action: string;
  from: IsoDate | null;
  to: IsoDate;
  /** The person moved this one (the cause); the others followed. */
  moved: boolean;
}

function amount(days: number, calendar: WorkCalendar): string {
  const n = Math.abs(days);
  if (calendar.calendarDays) return n % 7 === 0 ? plural(n / 7, 'week') : plural(n, 'day');
  return n % 5 === 0 ? plural(n / 5, 'week') : plural(n, 'working day');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function stepList(steps: readonly ChangedStep[]): string {
  const numeric = steps.every((s) => /^\d+$/.test(s.label));
  const list = numeric ? numberList(steps.map((s) => s.number)) : steps.map((s) => s.label).join(', ');
  return `${steps.length === 1 ? 'step' : 'steps'} ${list}`;
}

function sentence(list: readonly string[]): string {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}` : (list[0] ?? '');
}

/** The cause by its action, clipped as the scheduler's other sentences clip; by its number when the action cell is blank. */
function causeName(step: ChangedStep): string {
  return shortAction(step.action) || `step ${shownNumber(step)}`;
}

/**
 * "Dec 6: steps 4-11 moved 1 week later because Security review slipped; decision target now Apr 16".
 * `day` is today as the plan writes a day without its year; `keyDates` the key dates the shift
 * wrote, each with its new date as written. Null when nothing moved.
 */
export function changeLine(options: {
  day: string;
  steps: readonly ChangedStep[];
  keyDates: readonly { label: string; to: string }[];
  calendar: WorkCalendar;
}): string | null {
  const { steps, calendar } = options;
  const dated = steps.filter((s) => s.from !== null);
  if (steps.length === 0 && options.keyDates.length === 0) return null;
  const parts: string[] = [];
  if (steps.length > 0) {
    const deltas = dated.map((s) => workingDaysBetween(s.from ?? s.to, s.to, calendar));
    const later = deltas.filter((d) => d > 0);
    const earlier = deltas.filter((d) => d < 0);
    const same = deltas.length > 0 && deltas.every((d) => d === deltas[0]);
    let how = 'moved';
    if (same && deltas[0]) how = `moved ${amount(deltas[0], calendar)} ${deltas[0] > 0 ? 'later' : 'earlier'}`;
    else if (later.length && !earlier.length) how = `moved later, by up to ${amount(Math.max(...later), calendar)}`;
    else if (earlier.length && !later.length) how = `moved earlier, by up to ${amount(Math.min(...earlier), calendar)}`;
    const causes = steps.filter((s) => s.moved);
    const direction = causes.some((s) => s.from && workingDaysBetween(s.from, s.to, calendar) < 0) && !causes.some((s) => s.from && workingDaysBetween(s.from, s.to, calendar) > 0) ? 'came in early' : 'slipped';
    const why = causes.length ? ` because ${sentence(causes.map(causeName))} ${direction}` : '';
    parts.push(`${stepList(steps)} ${how}${why}`);
  }
  for (const k of options.keyDates) parts.push(`${k.label.toLowerCase()} now ${k.to}`);
  return `${options.day}: ${parts.join('; ')}`;
}
