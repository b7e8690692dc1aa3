/**
 * "Every step has an owner, a deadline, and a dependency": links that do not hold. Steps that wait
 * for each other in a circle, a Depends on naming a step that is not in the plan (deleted, or
 * never there), and a step due before a step it depends on, all found by the schedule's own
 * dependency analysis, as parse and the Shift tab report them.
 */
import type { ParsedStep } from '../../../reading/parsed-plan';
import { buildDependencies, dateOrderProblems, topologicalOrder, type ScheduleProblem } from '../../../scheduling/schedule';
import { scheduleSteps } from '../../../scheduling/shift-request';
import { stepPlace } from '../places';
import type { DocumentPlace, Rule } from '../types';
import { columnName, count } from '../words';

/** Named in full up to this many; the rest are counted. */
const SHOWN = 4;

export const dependencies: Rule = {
  id: 'dependencies',
  severity: 'warning',
  method: 'Every step has an owner, a deadline, and a dependency. When a step slips, both sides know immediately.',
  check({ plan, calendar }) {
    const sorted = topologicalOrder(plan.steps, 'their dates cannot be checked against each other or the decision target');
    const cycles = sorted.problems.filter((p) => p.kind === 'cycle');
    const hasColumn = plan.stepsTables.some((t) => t.columns.dependsOn !== undefined) || plan.stepsTable?.columns.dependsOn !== undefined;
    const links = buildDependencies(
      plan.steps.map((s) => ({ key: s.key, number: s.number, action: s.action, dependsText: s.dependsText })),
      hasColumn,
    ).problems.filter((p) => p.kind === 'missing-step' || p.kind === 'ambiguous');
    // On a circle the dates cannot be compared; without a Depends on column the plan never said
    // which step waits for which (row order is only the scheduler's assumption).
    const order = cycles.length > 0 || !hasColumn ? [] : dateOrderProblems(scheduleSteps(plan), calendar);
    const problems = [...cycles, ...links, ...order];
    const first = problems[0];
    if (!first) return null;
    const column = columnName(plan, 'dependsOn');
    const actions: string[] = [];
    if (cycles.length > 0) actions.push(`Fix the ${column} column so that each step waits only for steps that can finish before it.`);
    if (links.length > 0) actions.push(`In the ${column} column, name a step that is in the plan by its number, or clear the link.`);
    if (order.length > 0) actions.push('Give each step a date on or after the steps it waits for, or fix the link (Shift downstream dates moves the steps after a change).');
    const more = problems.length > SHOWN ? ` And ${count(problems.length - SHOWN, 'more problem')}.` : '';
    return {
      title: problems.length === cycles.length ? 'Steps that wait for each other' : 'Dependencies that do not hold',
      detail: `${problems.slice(0, SHOWN).map((p) => p.message).join(' ')}${more}`,
      action: actions.join(' '),
      say: null,
      place: placeOf(plan.steps, first),
    };
  },
};

/** A link's cell for a circle or a missing step; the later step's date for two dates in the wrong order. */
function placeOf(steps: readonly ParsedStep[], problem: ScheduleProblem): DocumentPlace | null {
  const number = problem.kind === 'negative-gap' ? problem.steps[1] : problem.steps[0];
  const step = steps.find((s) => s.number === number);
  return stepPlace(step, problem.kind === 'negative-gap' ? 'due' : 'dependsOn');
}
