/** Every step needs a date and an owner: steps without a date (no-dates) and steps without an owner (no-owner). */
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, count, listSteps } from '../words';

export const noDates: Rule = {
  id: 'no-dates',
  severity: 'warning',
  method: "Without dates, there's no accountability. Every step needs a date and an owner.",
  check({ plan, open }) {
    const undated = open.filter((s) => s.due === null);
    if (undated.length === 0) return null;
    const none = plan.steps.every((s) => s.due === null);
    return {
      severity: none ? 'critical' : 'warning',
      title: none ? 'No step has a date' : 'Steps without a date',
      detail: none
        ? `None of the ${count(plan.steps.length, 'step')} has a due date.`
        : `${capital(listSteps(undated))} ${undated.length === 1 ? 'has' : 'have'} no due date.`,
      action: 'Agree a date for each with its owner and write it in the Due date column.',
      say: null,
      place: stepPlace(undated[0], 'due'),
    };
  },
};

export const noOwner: Rule = {
  id: 'no-owner',
  severity: 'warning',
  method: 'Every step has an owner, a deadline, and a dependency. Every step needs a date and an owner.',
  check({ open }) {
    const ownerless = open.filter((s) => s.owner.trim() === '');
    if (ownerless.length === 0) return null;
    return {
      title: 'Steps without an owner',
      detail: `${capital(listSteps(ownerless))} ${ownerless.length === 1 ? 'has' : 'have'} no owner.`,
      action: 'Agree who does each one and write their name in the Owner column.',
      say: null,
      place: stepPlace(ownerless[0], 'owner'),
    };
  },
};
