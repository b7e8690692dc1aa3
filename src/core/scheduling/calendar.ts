/** Calendar arithmetic on plan dates (`YYYY-MM-DD`): working days, holidays, and day counts, free of time zones. */
import type { IsoDate } from '../plan';

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

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return toDayNumber(text) !== null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Days since 1970-01-01 for an ISO date, or null when it is not one. Pure integer arithmetic
 * (the proleptic Gregorian calendar, Hinnant's days-from-civil), so that no time zone or
 * daylight-saving change can move a day, and a 1,000-step shift does not build a Date per day.
 */
export function toDayNumber(iso: IsoDate): number | null {
  // A shift reads the same few hundred dates thousands of times: remember them (bounded).
  const known = dayNumbers.get(iso);
  if (known !== undefined) return known;
  const n = parseDayNumber(iso);
  if (dayNumbers.size > 20_000) dayNumbers.clear();
  dayNumbers.set(iso, n);
  return n;
}

const dayNumbers = new Map<string, number | null>();

function parseDayNumber(iso: IsoDate): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return null;
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dayNumber(iso: IsoDate): number {
  const n = toDayNumber(iso);
  if (n === null) throw new RangeError(`Not a date in YYYY-MM-DD form: "${iso}"`);
  return n;
}

/** The ISO date of a day number (inverse of toDayNumber). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
  return weekday(dayNumber(iso));
}

// 1970-01-01 (day 0) was a Thursday (4).
const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;

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

// ─── Counting working days by arithmetic ─────────────────────────────────────────────────────
// Weekdays are counted by formula and holidays by binary search over the calendar's weekday
// holidays, sorted once per calendar: a shift of 1,000 steps never walks day by day.

const sortedHolidays = new WeakMap<ReadonlySet<IsoDate>, number[]>();

/** The calendar's holidays that fall on a weekday, as sorted day numbers (weekend ones change nothing). */
function weekdayHolidays(calendar: WorkCalendar): number[] {
  let list = sortedHolidays.get(calendar.holidays);
  if (!list) {
    list = [...calendar.holidays].flatMap((h) => {
      const n = toDayNumber(h);
      return n !== null && weekday(n) !== 0 && weekday(n) !== 6 ? [n] : [];
    });
    list = [...new Set(list)].sort((a, b) => a - b);
    sortedHolidays.set(calendar.holidays, list);
  }
  return list;
}

/** How many entries of a sorted list are below `n`. */
function below(list: readonly number[], n: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Monday-to-Friday days before day `n` (counted from a Monday origin; only differences matter). */
function weekdaysBefore(n: number): number {
  const t = n + 3; // day -3 (1969-12-29) was a Monday
  const week = Math.floor(t / 7);
  return week * 5 + Math.min(t - week * 7, 5);
}

/** The weekday `k` weekdays after weekday `n` (k may be negative). */
function addWeekdays(n: number, k: number): number {
  const t = n + 3;
  const week = Math.floor(t / 7);
  const index = week * 5 + (t - week * 7) + k;
  const w = Math.floor(index / 5);
  return w * 7 + (index - w * 5) - 3;
}

/** Working days in (a, b] for a <= b. */
function workingIn(a: number, b: number, holidays: readonly number[]): number {
  return weekdaysBefore(b + 1) - weekdaysBefore(a + 1) - (below(holidays, b + 1) - below(holidays, a + 1));
}

function isWorkingNumber(n: number, holidays: readonly number[]): boolean {
  const dow = weekday(n);
  if (dow === 0 || dow === 6) return false;
  const i = below(holidays, n);
  return holidays[i] !== n;
}

/** The day itself when it is a working day, else the next one in the direction `step` (+1 or -1). */
function rollNumber(n: number, step: 1 | -1, holidays: readonly number[]): number {
  // A year of consecutive holidays would be a configuration error; stop rather than loop forever.
  for (let i = 0; i < 366 && !isWorkingNumber(n, holidays); i++) n += step;
  return n;
}

/** The date itself when it is a working day, else the next working day (a due date on a Saturday rolls to Monday). */
export function rollForward(iso: IsoDate, calendar: WorkCalendar = WORKING_DAYS): IsoDate {
  if (calendar.calendarDays) return iso;
  const n = dayNumber(iso);
  const m = rollNumber(n, 1, weekdayHolidays(calendar));
  return m === n ? iso : fromDayNumber(m);
}

/**
 * Moves by `count` working days (negative moves back). A start on a non-working day first
 * rolls to the next working day in the direction of travel: +1 from Saturday is Tuesday, as
 * planning tools count it (Saturday stands for Monday).
 */
export function addWorkingDays(iso: IsoDate, count: number, calendar: WorkCalendar = WORKING_DAYS): IsoDate {
  if (calendar.calendarDays) return addDays(iso, count);
  const holidays = weekdayHolidays(calendar);
  const step = count < 0 ? -1 : 1;
  const start = rollNumber(dayNumber(iso), step, holidays);
  const want = Math.abs(count);
  let n = start;
  // Jump by weekdays, then again by however many holidays the jump crossed, until none is left.
  for (let left = want; left > 0; ) {
    n = addWeekdays(n, step * left);
    left = want - (step > 0 ? workingIn(start, n, holidays) : workingIn(n - 1, start - 1, holidays));
  }
  return fromDayNumber(n);
}

/**
 * Working days from `from` to `to`: the number of working days you add to `from` to reach
 * `to` (negative when `to` is earlier). Non-working ends count as the next working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar = WORKING_DAYS): number {
  if (calendar.calendarDays) return daysBetween(from, to);
  const holidays = weekdayHolidays(calendar);
  const a = rollNumber(dayNumber(from), 1, holidays);
  const b = rollNumber(dayNumber(to), 1, holidays);
  return a <= b ? workingIn(a, b, holidays) : -workingIn(b, a, holidays);
}

/** Working days from `start` to `end`, both counted (Monday to Friday of one week is 5); 0 when `end` is earlier. */
export function workingDaysIn(start: IsoDate, end: IsoDate, calendar: WorkCalendar = WORKING_DAYS): number {
  const [a, b] = [dayNumber(start), dayNumber(end)];
  if (b < a) return 0;
  return calendar.calendarDays ? b - a + 1 : workingIn(a - 1, b, weekdayHolidays(calendar));
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
