/** Whether a key date (decision target, go-live) still holds against the step it follows, and checking the key-date rules a request gives. */
import { KEY_DATE_LABELS } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import { compareDates, isIsoDate, workingDaysBetween, type WorkCalendar } from './calendar';
import type { ChainLink, KeyDateAssessment, KeyDateName, KeyDateRules, ScheduleProblem, ScheduleStep } from './schedule-types';
import { KEY_DATE_NAMES, capital, stepLabel, formatDay, KEY_DATE_STEP, shownNumber, dayCount } from './schedule-words';
import { type Graph, isComplete } from './schedule-graph';

/**
 * Is the key date still realistic against its step? A completed step has happened (done); an
 * overdue step that is not complete cannot happen before today. A key date on the step's own day is
 * on time: signing on the decision date meets it.
 */
export function assessKeyDate(
  name: KeyDateName,
  date: IsoDate | null,
  stepKey: string | null,
  step: ScheduleStep | undefined,
  stepDate: IsoDate | null,
  chain: ChainLink[],
  calendar: WorkCalendar,
  today: IsoDate | undefined,
): KeyDateAssessment {
  const label = KEY_DATE_LABELS[name];
  if (date === null) return { verdict: 'unchecked', forecast: null, chain: [], message: `The plan has no ${label.toLowerCase()} date.` };
  if (!step) {
    const why = stepKey === null ? `No step is marked as the ${KEY_DATE_STEP[name]} step` : `The step it follows is no longer in the plan`;
    return { verdict: 'unchecked', forecast: null, chain: [], message: `${why}, so the ${label.toLowerCase()} cannot be checked against the plan.` };
  }
  const who = capital(stepLabel(step));
  if (isComplete(step)) return { verdict: 'done', forecast: step.due, chain, message: `${who} is ${step.status === 'not_needed' ? 'not needed' : 'complete'}.` };
  if (stepDate === null) {
    return { verdict: 'unchecked', forecast: null, chain, message: `${who} has no date, so the ${label.toLowerCase()} cannot be checked.` };
  }
  const overdue = today !== undefined && compareDates(stepDate, today) < 0;
  const forecast = overdue && today !== undefined ? today : stepDate;
  if (compareDates(forecast, date) <= 0) return { verdict: 'on-time', forecast, chain };
  // A Saturday target before a Monday signature is still missed, though no working day lies between.
  const lateBy = Math.max(1, workingDaysBetween(date, forecast, calendar));
  const past = today !== undefined && compareDates(date, today) < 0 ? ' (already past)' : '';
  const where =
    overdue && today !== undefined
      ? `was due ${formatDay(stepDate)} and is not complete (today is ${formatDay(today)})`
      : step.due === null
        ? `has no date but cannot happen before ${formatDay(stepDate)}`
        : `is due ${formatDay(stepDate)}`;
  // When the step is overdue, today drives the forecast, not the steps before it.
  const driven = chain.length > 1 && !overdue ? `, driven by steps ${chain.map(shownNumber).join(' → ')}` : '';
  return {
    verdict: 'late',
    lateBy,
    forecast,
    chain,
    message: `${label} ${formatDay(date)}${past} is not realistic: ${dayCount(lateBy, calendar)} late. ${who} ${where}${driven}.`,
  };
}

export function validateKeyDates(keyDates: KeyDateRules | undefined, graph: Graph, problems: ScheduleProblem[], consequence: string): boolean {
  let fatal = false;
  for (const name of KEY_DATE_NAMES) {
    const rule = keyDates?.[name];
    if (!rule) continue;
    if (rule.date !== null && !isIsoDate(rule.date)) {
      fatal = true;
      problems.push({ kind: 'invalid-date', message: `The ${KEY_DATE_LABELS[name].toLowerCase()} is not a calendar date ("${rule.date}"); ${consequence}.`, steps: [] });
    }
    if (rule.followsStep !== null && !graph.byKey.has(rule.followsStep)) {
      problems.push({ kind: 'missing-step', message: `The ${KEY_DATE_LABELS[name].toLowerCase()} follows a step that is not in the plan; it was not checked.`, steps: [] });
    }
  }
  return fatal;
}
