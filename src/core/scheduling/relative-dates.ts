/** New dates typed as a change ("+1 month", "+2 weeks", "-3 days", "next Friday"): month arithmetic and weekdays from date-fns, on calendar dates that no time zone can move. */
import { addMonths } from 'date-fns/addMonths';
import type { Day } from 'date-fns';
import { nextDay } from 'date-fns/nextDay';
import { addDays, addWorkingDays, dateParts, isoFromParts, rollForward, type WorkCalendar } from './calendar';
import type { IsoDate } from '../plan';

/**
 * A plan date as a local Date at noon: date-fns works in the runtime's zone, and noon keeps a
 * day whole through any daylight-saving change (some zones skip midnight, none skips noon).
 */
function toLocal(iso: IsoDate): Date {
  const { year, month, day } = dateParts(iso);
  const date = new Date(2000, month - 1, day, 12);
  date.setFullYear(year);
  return date;
}

function fromLocal(date: Date): IsoDate {
  return isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? '';
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const RELATIVE_CHANGE = /^([+-])\s*(\d{1,3})\s*(working\s+days?|business\s+days?|days?|d|weeks?|wks?|w|months?|mos?|m)$/i;
export const NEXT_WEEKDAY = /^(?:(next|this|on)\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;

/**
 * "+3 days", "-1 week", "+2 working days", "+1 month" from `from`: days on the plan's calendar
 * (working days unless calendar days were chosen); a week is 5 working days or 7 calendar days, so
 * "+1 week" lands on the same weekday; a month is the same day next month, clamped to the month's
 * end (Jan 31 + 1 month is Feb 28, or 29), then rolled forward to a working day. Null when `text`
 * is not such a change.
 */
export function applyChange(text: string, from: IsoDate, calendar: WorkCalendar): IsoDate | null {
  const m = RELATIVE_CHANGE.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const amount = sign * Number(m[2]);
  const unit = (m[3] ?? '').toLowerCase();
  if (/^m/.test(unit)) {
    const moved = fromLocal(addMonths(toLocal(from), amount));
    return rollForward(moved, calendar);
  }
  const days = amount * (unit.startsWith('w') && !unit.startsWith('working') ? (calendar.calendarDays ? 7 : 5) : 1);
  return calendar.calendarDays ? addDays(from, days) : addWorkingDays(from, days, calendar);
}

/** "next Friday", "Friday", "on Fri": the first such weekday after `today`, rolled to a working day if it is a holiday. */
export function nextWeekday(text: string, today: IsoDate, calendar: WorkCalendar): IsoDate | null {
  const m = NEXT_WEEKDAY.exec(text.trim());
  if (!m) return null;
  const day = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase()) as Day;
  if (day < 0) return null;
  return rollForward(fromLocal(nextDay(toLocal(today), day)), calendar);
}
