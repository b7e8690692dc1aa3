/** "Every step has an owner, a deadline, and a dependency": steps whose Depends on links go round in a circle. */
import { topologicalOrder } from '../../schedule';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { columnName } from '../words';

export const dependencies: Rule = {
  id: 'dependencies',
  severity: 'warning',
  method: 'Every step has an owner, a deadline, and a dependency. When a step slips, both sides know immediately.',
  check({ plan }) {
    const sorted = topologicalOrder(plan.steps, 'their dates cannot be checked against each other or the decision target');
    const cycles = sorted.problems.filter((p) => p.kind === 'cycle');
    const first = cycles[0];
    if (!first) return null;
    const step = plan.steps.find((s) => s.number === first.steps[0]);
    return {
      title: 'Steps that wait for each other',
      detail: cycles.map((c) => c.message).join(' '),
      action: `Fix the ${columnName(plan, 'dependsOn')} column so that each step waits only for steps that can finish before it.`,
      say: null,
      place: stepPlace(step, 'dependsOn'),
    };
  },
};
