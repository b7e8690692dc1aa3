/** What the shift preview says first: how each key date fares (rule 9), how many steps move, and the warnings to read before anything is written. */
import { compareDates, daysBetween, type WorkCalendar } from './calendar';
import { KEY_DATE_LABELS } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import type { DateChange, KeyDateOutcome, ShiftResult } from './schedule';

type Write = (date: IsoDate) => string;

function dayCount(n: number, calendar: WorkCalendar): string {
  const unit = calendar.calendarDays ? 'day' : 'working day';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function stepName(step: { number: number; action: string }): string {
  const action = step.action.trim().replace(/\s+/g, ' ');
  return `step ${step.number} (${action.length > 48 ? `${action.slice(0, 47).trimEnd()}…` : action})`;
}

/**
 * One sentence per key date worth a word: moved by the overrun (and to what), kept because its
 * step still fits, or not realistic. "Held" only when the person held it.
 */
function keyDateSentence(label: string, k: KeyDateOutcome, write: Write, calendar: WorkCalendar): string | null {
  const name = label.toLowerCase();
  if (k.moved && k.to && k.from && k.overrunBy !== undefined && k.step) {
    return `The ${name} moves from ${write(k.from)} to ${write(k.to)}: ${stepName(k.step)} now lands ${dayCount(k.overrunBy, calendar)} after it.`;
  }
  if (k.verdict === 'late' && k.from) {
    const late = k.lateBy !== undefined ? `: ${dayCount(k.lateBy, calendar)} late` : '';
    return k.held ? `The ${name} ${write(k.from)} is held, and not realistic${late}.` : `The ${name} ${write(k.from)} is not realistic${late}.`;
  }
  if (!k.moved && k.from && k.stepMoved && k.step && k.stepDate && k.verdict === 'on-time') {
    return `The ${name} stays ${write(k.from)}: ${stepName(k.step)} still lands on or before it (${write(k.stepDate)}).`;
  }
  return null;
}

/** The preview's first line: the key dates first (rule 9 says the preview leads with them), then the steps. */
export function shiftSummary(result: ShiftResult, write: Write, calendar: WorkCalendar): string {
  const keys = (['decisionTarget', 'goLiveTarget'] as const).flatMap((name) => {
    const k = result.keyDates[name];
    const sentence = k ? keyDateSentence(KEY_DATE_LABELS[name], k, write, calendar) : null;
    return sentence ? [sentence] : [];
  });
  const n = result.changes.length;
  const steps = n === 0 ? 'No dates change.' : n === 1 ? '1 step moves.' : `${n} steps move.`;
  return [...keys, steps].join(' ');
}

/** "2, 4, 8-11": step numbers the way a person reads a list. */
export function numberList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * What to check before applying: a step moved by more than the whole plan spans (a typo year, a
 * month for a week), or pushed past the go-live target. `dated` are the plan's due dates before
 * the shift; `goLive` the go-live target as it stands.
 */
export function shiftWarnings(changes: readonly DateChange[], dated: readonly IsoDate[], goLive: IsoDate | null, write: Write): string[] {
  const warnings: string[] = [];
  const sorted = [...dated].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && last && first !== last) {
    const span = daysBetween(first, last);
    const far = changes.filter((c) => c.from && Math.abs(daysBetween(c.from, c.to)) > span);
    if (far.length) {
      const which = far.length === 1 ? `Step ${far[0]?.number} moves` : `Steps ${numberList(far.map((c) => c.number))} move`;
      warnings.push(`${which} by more than the whole plan spans (${span} days, ${write(first)} to ${write(last)}): check the new date before applying.`);
    }
  }
  if (goLive) {
    const past = changes.filter((c) => compareDates(c.to, goLive) > 0 && (c.from === null || compareDates(c.from, goLive) <= 0));
    if (past.length) {
      const which = past.length === 1 ? `Step ${past[0]?.number} now lands` : `Steps ${numberList(past.map((c) => c.number))} now land`;
      warnings.push(`${which} after the go-live target (${write(goLive)}).`);
    }
  }
  return warnings;
}
