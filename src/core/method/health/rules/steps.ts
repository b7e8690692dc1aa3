/** Every step needs a date and an owner: steps without a date (no-dates) and steps without an owner (no-owner). */
import { countsInWeeks } from '../../../reading/dates';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, columnName, count, listSteps, ownersOf } from '../words';

export const noDates: Rule = {
  id: 'no-dates',
  severity: 'warning',
  method: "Without dates, there's no accountability. Every step needs a date and an owner.",
  check({ plan, open }) {
    const undated = open.filter((s) => s.due === null);
    if (undated.length === 0) return null;
    const none = plan.steps.every((s) => s.due === null);
    // "Week 3" needs the evaluation start to count from: one line gives every such step its date.
    const inWeeks = !plan.keyDates.evaluationStart?.date && undated.some((s) => countsInWeeks(s.dueText));
    return {
      severity: none ? 'critical' : 'warning',
      title: none ? 'No step has a date' : 'Steps without a date',
      detail: none
        ? `None of the ${count(plan.steps.length, 'step')} has a due date.`
        : `${capital(listSteps(undated))} ${undated.length === 1 ? 'has' : 'have'} no due date.`,
      action: inWeeks
        ? `Their "Week" dates count from the evaluation start, which the plan does not give: add a line "Evaluation start: <date>" under the title or in Key dates${undated.every((s) => countsInWeeks(s.dueText)) ? '' : `, and agree a date for the others and write it in the ${columnName(plan, 'due')} column`}.`
        : `Agree a date for each with its owner and write it in the ${columnName(plan, 'due')} column.`,
      say: null,
      place: stepPlace(undated[0], 'due'),
    };
  },
};

export const noOwner: Rule = {
  id: 'no-owner',
  severity: 'warning',
  method: 'Every step has an owner, a deadline, and a dependency. Every step needs a date and an owner.',
  check({ plan, open }) {
    // A step whose buyer (or seller) owner is named in a per-side owner column has an owner.
    const ownerless = open.filter((s) => ownersOf(s).length === 0);
    if (ownerless.length === 0) return null;
    return {
      title: 'Steps without an owner',
      detail: `${capital(listSteps(ownerless))} ${ownerless.length === 1 ? 'has' : 'have'} no owner.`,
      action: ownerless.every((s) => s.sideTasks && s.side !== 'unknown')
        ? // "Buyer tasks" / "Seller tasks" say which side does what, not who.
          'The plan says which side does each task but not who: agree a person for each side\'s tasks and add an Owner column with their names.'
        : plan.steps.some((s) => s.sideOwners !== null)
          ? 'Agree who does each one and write their name in the owner column of their side.'
          : `Agree who does each one and write their name in the ${columnName(plan, 'owner')} column.`,
      say: null,
      place: stepPlace(ownerless[0], 'owner'),
    };
  },
};
