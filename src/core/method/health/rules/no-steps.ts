/** A document whose plan could not be read: the check says what it could not read, as parse does, instead of finding nothing. */
import { sectionPlace } from '../places';
import type { Rule } from '../types';

export const noSteps: Rule = {
  id: 'no-steps',
  severity: 'critical',
  method: 'The MAP eliminates ambiguity. Every step has an owner, a deadline, and a dependency.',
  check({ plan }) {
    if (plan.steps.length > 0) return null;
    // The reader's own words for what it could not read in the steps, as parse prints them.
    const said = plan.diagnostics.filter((d) => d.where.startsWith('Steps')).slice(0, 3).map((d) => d.message);
    const detail = said.length > 0 ? said.join(' ') : plan.stepsTable === null ? 'No Steps table was found.' : 'The Steps table has no step the add-on could read.';
    return {
      title: plan.stepsTable === null ? 'No plan found' : 'No steps could be read',
      detail,
      action:
        plan.stepsTable === null
          ? 'Use Insert MAP to add a plan, or head the steps table\'s columns with words such as "Action", "Owner", "Due date" and "Status".'
          : 'Write each step on its own row with its action, owner and due date, then check again.',
      say: null,
      place: sectionPlace(plan, 'steps'),
    };
  },
};
