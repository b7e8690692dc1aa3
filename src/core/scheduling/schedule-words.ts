/** The scheduler's seller-facing words: dates, step names and day counts in every sentence it writes. */
import type { IsoDate } from '../plan';
import { compareDates, dateParts, workingDaysBetween, type WorkCalendar } from './calendar';
import type { KeyDateName } from './schedule-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const NOTHING_CHANGED = 'nothing was changed';
export const NOT_CHECKED = 'the key dates were not checked';
export const KEY_DATE_STEP: Record<KeyDateName, string> = { decisionTarget: 'contract signature', goLiveTarget: 'onboarding' };
export const KEY_DATE_NAMES: readonly KeyDateName[] = ['decisionTarget', 'goLiveTarget'];

/** "Mar 3, 2026": plans span New Year, so the year is always shown. */
export function formatDay(iso: IsoDate): string {
  const { year, month, day } = dateParts(iso);
  return `${MONTHS[month - 1] ?? ''} ${day}, ${year}`;
}

/** The action in one line, clipped so it does not drown the sentence it sits in. */
export function shortAction(action: string): string {
  const a = action.trim().replace(/\s+/g, ' ');
  // Long actions would drown the sentence they sit in.
  return a.length > 48 ? `${a.slice(0, 47).trimEnd()}…` : a;
}

export function stepLabel(step: { number: number; label?: string; action: string }): string {
  return `step ${shownNumber(step)} (${shortAction(step.action)})`;
}

/** A step's number as the person wrote it ("5a"), else its number. */
export function shownNumber(step: { number: number; label?: string }): string {
  return step.label ?? String(step.number);
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dayCount(n: number, calendar: WorkCalendar): string {
  const unit = calendar.calendarDays ? 'day' : 'working day';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function moveWords(from: IsoDate | null, to: IsoDate, calendar: WorkCalendar): string {
  if (from === null) return 'moved';
  const d = workingDaysBetween(from, to, calendar);
  if (d === 0) return 'moved';
  return `moved ${dayCount(Math.abs(d), calendar)} ${d > 0 ? 'later' : 'earlier'}`;
}

export function later(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
