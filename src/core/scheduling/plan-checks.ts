/** Checks without a move: the critical chain to a step, links the dates contradict, and whether the key dates hold. */
import type { IsoDate } from '../plan';
import { WORKING_DAYS, isIsoDate, workingDaysBetween, type WorkCalendar } from './calendar';
import type { ChainLink, KeyDateCheck, KeyDateRules, ScheduleProblem, ScheduleStep } from './schedule-types';
import { KEY_DATE_NAMES, NOT_CHECKED, stepLabel, capital, dayCount } from './schedule-words';
import { isComplete, latestPredecessor, passThrough, prepareGraph, topologicalOrder, walkChain } from './schedule-graph';
import { assessKeyDate, validateKeyDates } from './key-date-check';

/**
 * The chain of steps that drives a step's date, first cause first, ending with the step: from the
 * step, follow the predecessor with the latest date (an undated one carries its own predecessors'
 * date), stopping at a completed step, whose date is history. Empty for an unknown key.
 */
export function criticalChain(steps: readonly ScheduleStep[], fromKey: string): ChainLink[] {
  const { graph } = prepareGraph(steps, [], NOT_CHECKED);
  if (!graph.byKey.has(fromKey)) return [];
  const sorted = topologicalOrder(graph.steps, NOT_CHECKED);
  // Inside a circle there is no driving order; the walk still ends because it never revisits a step.
  const order = sorted.ok ? sorted.order : graph.steps.map((s) => s.key);
  const now = passThrough(graph, order, (k) => graph.byKey.get(k)?.due ?? null);
  return walkChain(graph, fromKey, (k) => latestPredecessor(graph, k, now), (k) => isComplete(graph.byKey.get(k)));
}

/**
 * Links the dates contradict: an open step due before an open step it depends on (the overlap a
 * shift keeps and notes as "was due N working days before"). Completed steps happened; undated
 * ones have no date to contradict. The health check reports these with the links to missing steps.
 */
export function dateOrderProblems(steps: readonly ScheduleStep[], calendar: WorkCalendar = WORKING_DAYS): ScheduleProblem[] {
  const { graph } = prepareGraph(steps, [], NOT_CHECKED);
  const problems: ScheduleProblem[] = [];
  for (const s of graph.steps) {
    if (s.due === null || isComplete(s) || !isIsoDate(s.due)) continue;
    for (const p of graph.preds.get(s.key) ?? []) {
      const ps = graph.byKey.get(p);
      if (!ps || ps.due === null || isComplete(ps) || !isIsoDate(ps.due)) continue;
      const gap = workingDaysBetween(ps.due, s.due, calendar);
      if (gap < 0) {
        problems.push({
          kind: 'negative-gap',
          message: `${capital(stepLabel(s))} is due ${dayCount(-gap, calendar)} before ${stepLabel(ps)}, which it depends on.`,
          steps: [ps.number, s.number],
        });
      }
    }
  }
  return problems;
}

export interface CloseDateCheck {
  ok: boolean;
  decisionTarget?: KeyDateCheck;
  goLiveTarget?: KeyDateCheck;
  problems: ScheduleProblem[];
}

/**
 * Without any move: does each key date hold against the step it belongs to (the decision target
 * against contract signature, go-live against onboarding)? Used when inserting a plan and by the
 * health check; "not realistic: N working days late" names the chain of steps that drives it.
 */
export function closeDateCheck(
  steps: readonly ScheduleStep[],
  keyDates: KeyDateRules,
  calendar: WorkCalendar = WORKING_DAYS,
  today?: IsoDate,
): CloseDateCheck {
  const problems: ScheduleProblem[] = [];
  const { graph, fatal: badSteps } = prepareGraph(steps, problems, NOT_CHECKED);
  let fatal = badSteps || validateKeyDates(keyDates, graph, problems, NOT_CHECKED);
  if (today !== undefined && !isIsoDate(today)) {
    fatal = true;
    problems.push({ kind: 'invalid-date', message: `Today's date is not a calendar date ("${today}"); ${NOT_CHECKED}.`, steps: [] });
  }
  const sorted = topologicalOrder(graph.steps, NOT_CHECKED);
  problems.push(...sorted.problems);
  if (fatal || !sorted.ok) return { ok: false, problems };

  const now = passThrough(graph, sorted.order, (k) => graph.byKey.get(k)?.due ?? null);
  const result: CloseDateCheck = { ok: true, problems };
  for (const name of KEY_DATE_NAMES) {
    const rule = keyDates[name];
    if (!rule) continue;
    const step = rule.followsStep === null ? undefined : graph.byKey.get(rule.followsStep);
    const chain = step
      ? walkChain(graph, step.key, (k) => latestPredecessor(graph, k, now), (k) => isComplete(graph.byKey.get(k)))
      : [];
    result[name] = { date: rule.date, ...assessKeyDate(name, rule.date, rule.followsStep, step, step ? (now.get(step.key) ?? null) : null, chain, calendar, today) };
  }
  return result;
}
