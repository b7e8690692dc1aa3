/** Cells that name a week ("Week of Jan 4", "w/c 4/1", "Week 3"): the week a date is in, the day the week is due, and moving a week by whole weeks, so that a holiday inside a week never moves the week. */
import type { IsoDate } from '../plan';
import { addDays, daysBetween, isWorkingDay, workingDaysBetween, type WorkCalendar } from './calendar';

/**
 * How a plan's weeks fall: they start on `anchor` and every seventh day after it (a Monday for
 * "Week of Jan 4"; the evaluation start for "Week 3"), and a week is due on the last working day of
 * its first `days` days ("Week of" counts Monday to Friday; "Week N" its seven days).
 */
export interface WeekGrid {
  anchor: IsoDate;
  days: 5 | 7;
}

/** A Monday: "Week of" weeks start on Mondays (a Sunday belongs to the week it ends). */
const A_MONDAY = '2001-01-01';

/** The grid of "Week of …" cells. */
export const MONDAY_WEEKS: WeekGrid = { anchor: A_MONDAY, days: 5 };

/** The first day of the week holding `date`. */
export function weekStartOf(date: IsoDate, grid: WeekGrid): IsoDate {
  return addDays(grid.anchor, 7 * Math.floor(daysBetween(grid.anchor, date) / 7));
}

/** The last working day among the first `grid.days` days from `start`; null when all are holidays. */
export function weekDue(start: IsoDate, grid: WeekGrid, calendar: WorkCalendar): IsoDate | null {
  for (let i = grid.days - 1; i >= 0; i--) {
    const day = addDays(start, i);
    if (isWorkingDay(day, calendar)) return day;
  }
  return null;
}

/** The due day of the week `weeks` after the one starting at `start`; a week of holidays only passes on to the next one. */
function dueFrom(start: IsoDate, weeks: number, grid: WeekGrid, calendar: WorkCalendar): IsoDate {
  const step = weeks < 0 ? -7 : 7;
  let at = addDays(start, 7 * weeks);
  // A year of holiday weeks would be a configuration error: stop rather than loop forever.
  for (let i = 0; i < 53; i++, at = addDays(at, step)) {
    const due = weekDue(at, grid, calendar);
    if (due) return due;
  }
  return addDays(start, 7 * weeks + grid.days - 1);
}

/** The due day of the week holding `date`: where a date typed into a week cell (or a week's readback) lands. */
export function weekDueOf(date: IsoDate, grid: WeekGrid, calendar: WorkCalendar): IsoDate {
  return dueFrom(weekStartOf(date, grid), 0, grid, calendar);
}

/** The due day of the week `weeks` weeks after the week holding `due`. */
export function moveByWeeks(due: IsoDate, weeks: number, grid: WeekGrid, calendar: WorkCalendar): IsoDate {
  return dueFrom(weekStartOf(due, grid), weeks, grid, calendar);
}

/**
 * A week cell due on `due` that a shift would move to `to` (its due day plus the working days the
 * plan moved): it moves by as many whole weeks as that move started (5 working days is one week,
 * 1 to 5 is one, 6 is two), counted from its own week. So "Week of Dec 14" moved a week is "Week of
 * Dec 21" though Christmas makes that week a day short, where counting days from Friday Dec 18
 * would land on Monday Dec 28, two weeks on.
 */
export function shiftWeek(due: IsoDate, to: IsoDate, grid: WeekGrid, calendar: WorkCalendar): IsoDate {
  const moved = calendar.calendarDays ? daysBetween(due, to) : workingDaysBetween(due, to, calendar);
  if (moved === 0) return weekDueOf(due, grid, calendar);
  const unit = calendar.calendarDays ? 7 : 5;
  return moveByWeeks(due, Math.sign(moved) * Math.ceil(Math.abs(moved) / unit), grid, calendar);
}
