/** How each step looks in the document: its status colour, and the overdue / at-risk marks on its due date. */
import { compareDates, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from '../scheduling/calendar';
import { isSettled, type IsoDate, type Status } from '../plan';

/** Soft Google-palette fills that keep black text readable; the sidebar uses the same values. */
export const STATUS_COLOURS: Record<Status, string> = {
  pending: '#e8eaed',
  in_progress: '#d2e3fc',
  complete: '#ceead6',
  blocked: '#fad2cf',
  // Google's lightest grey: a step nobody has to do, set apart from pending's grey.
  not_needed: '#f1f3f4',
};

/** Due-date marks: red for overdue, amber for at risk. */
export const DUE_COLOURS = {
  overdue: '#f4c7c3',
  atRisk: '#fce8b2',
} as const;

/**
 * "At risk" looks this many working days ahead: the weekly review asks "any steps at risk of
 * slipping?" once a week, so a step due before the next review and not started is at risk.
 */
export const AT_RISK_WORKING_DAYS = 5;

export type DueSignal = 'overdue' | 'at-risk' | null;

/**
 * Overdue: past its due date and not complete (nor not needed). At risk: due within the next few working days
 * and not started (pending, or a status nobody has filled in). Undated steps carry no signal:
 * they are reported as needing a date instead.
 */
export function dueSignal(
  step: { due: IsoDate | null; status: Status | null },
  today: IsoDate,
  calendar: WorkCalendar = WORKING_DAYS,
): DueSignal {
  if (!step.due || isSettled(step.status)) return null;
  if (compareDates(step.due, today) < 0) return 'overdue';
  const notStarted = step.status === 'pending' || step.status === null;
  if (notStarted && workingDaysBetween(today, step.due, calendar) <= AT_RISK_WORKING_DAYS) return 'at-risk';
  return null;
}

/** The fill a due cell should have, or null for none. */
export function dueColour(signal: DueSignal): string | null {
  return signal === 'overdue' ? DUE_COLOURS.overdue : signal === 'at-risk' ? DUE_COLOURS.atRisk : null;
}

/** True for a fill the add-on itself puts on due cells: only those may be cleared again. */
export function isDueColour(colour: string | null): boolean {
  return colour !== null && (Object.values(DUE_COLOURS) as string[]).includes(colour.toLowerCase());
}
