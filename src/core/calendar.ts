/** Calendar arithmetic on plan dates (`YYYY-MM-DD`): working days, holidays, and day counts, free of time zones. */
import type { IsoDate } from './plan';

/**
 * Which days count. Working days are Monday to Friday minus holidays (the default, as the
 * method counts weeks of work); `calendarDays` counts every day.
 */
export interface WorkCalendar {
  calendarDays: boolean;
  holidays: ReadonlySet<IsoDate>;
}

export const WORKING_DAYS: WorkCalendar = { calendarDays: false, holidays: new Set() };
export const CALENDAR_DAYS: WorkCalendar = { calendarDays: true, holidays: new Set() };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return toDayNumber(text) !== null;
}

/**
 * Days since 1970-01-01 for an ISO date, or null when it is not one. Dates are counted in UTC
 * so that no time zone or daylight-saving change can move a day.
 */
export function toDayNumber(iso: IsoDate): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

function dayNumber(iso: IsoDate): number {
  const n = toDayNumber(iso);
  if (n === null) throw new RangeError(`Not a date in YYYY-MM-DD form: "${iso}"`);
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Builds an ISO date from year, month (1-12) and day, or null when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function dateParts(iso: IsoDate): { year: number; month: number; day: number } {
  dayNumber(iso);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** 0 = Sunday ... 6 = Saturday, as `Date#getDay`. */
export function dayOfWeek(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function isWorkingDay(iso: IsoDate, calendar: WorkCalendar = WORKING_DAYS): boolean {
  if (calendar.calendarDays) return true;
  const dow = dayOfWeek(iso);
  return dow !== 0 && dow !== 6 && !calendar.holidays.has(iso);
}

/** The date itself when it is a working day, else the next working day (a due date on a Saturday rolls to Monday). */
export function rollForward(iso: IsoDate, calendar: WorkCalendar = WORKING_DAYS): IsoDate {
  let n = dayNumber(iso);
  // A year of consecutive holidays would be a configuration error; stop rather than loop forever.
  for (let i = 0; i < 366 && !isWorkingDay(fromDayNumber(n), calendar); i++) n++;
  return fromDayNumber(n);
}

/**
 * Moves by `count` working days (negative moves back). A start on a non-working day first
 * rolls to the next working day in the direction of travel: +1 from Saturday is Tuesday, as
 * planning tools count it (Saturday stands for Monday).
 */
export function addWorkingDays(iso: IsoDate, count: number, calendar: WorkCalendar = WORKING_DAYS): IsoDate {
  if (calendar.calendarDays) return addDays(iso, count);
  const step = count < 0 ? -1 : 1;
  let n = dayNumber(iso);
  while (!isWorkingDay(fromDayNumber(n), calendar)) n += step;
  for (let left = Math.abs(count); left > 0; ) {
    n += step;
    if (isWorkingDay(fromDayNumber(n), calendar)) left--;
  }
  return fromDayNumber(n);
}

/**
 * Working days from `from` to `to`: the number of working days you add to `from` to reach
 * `to` (negative when `to` is earlier). Non-working ends count as the next working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar = WORKING_DAYS): number {
  if (calendar.calendarDays) return daysBetween(from, to);
  const a = dayNumber(rollForward(from, calendar));
  const b = dayNumber(rollForward(to, calendar));
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let n = lo + 1; n <= hi; n++) if (isWorkingDay(fromDayNumber(n), calendar)) count++;
  return sign * count;
}

/** Today's date in a given IANA time zone, as the person sees it on their calendar. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
