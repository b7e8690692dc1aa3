/** Overdue steps, blocked ones first and then the longest overdue: the plan no longer reflects the current state. */
import { workingDaysBetween } from '../../../scheduling/calendar';
import { dueSignal } from '../../status-style';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import type { Side } from '../../../plan';
import { capital, count, listWords, ownersOf, possessive, stepName } from '../words';

/** A step that names no person: the side its tasks give it ("Buyer tasks" / "Seller tasks"), else no owner. */
function sideOnly(side: Side, us: string, them: string): string {
  if (side === 'both') return ', shared by both sides (no person named),';
  if (side === 'ours' || side === 'theirs') return `, ${possessive(side === 'ours' ? us : them)} to do (no person named),`;
  return ', with no owner,';
}

/** Named in full up to this many; the rest are counted. */
const SHOWN = 4;

export const overdue: Rule = {
  id: 'overdue',
  severity: 'warning',
  method:
    'Update the status column after every interaction. The MAP should always reflect current state. When a step slips, adjust ALL downstream dates.',
  check(context) {
    const { open, today, calendar } = context;
    const late = open
      .filter((s) => dueSignal(s, today, calendar) === 'overdue')
      .map((step) => ({ step, days: Math.max(1, workingDaysBetween(step.due ?? today, today, calendar)) }))
      // Blocked first (someone has to unblock them), then the longest overdue, then document order.
      .sort((a, b) => Number(b.step.status === 'blocked') - Number(a.step.status === 'blocked') || b.days - a.days);
    const first = late[0];
    if (!first) return null;
    const described = late.slice(0, SHOWN).map(({ step, days }) => {
      const owners = ownersOf(step);
      const who = owners.length === 0 ? sideOnly(step.sideTasks ? step.side : 'unknown', context.us, context.them) : owners.every((o) => /^both$/i.test(o)) ? ', shared by both sides,' : `, owned by ${listWords(owners)},`;
      return `${stepName(step)}${who} is ${step.status === 'blocked' ? 'blocked and ' : ''}overdue by ${context.dayCount(days)}`;
    });
    const more = late.length > SHOWN ? `; and ${count(late.length - SHOWN, 'more step')}` : '';
    const blocked = late.filter((l) => l.step.status === 'blocked').length;
    return {
      title: late.length === 1 ? 'A step is overdue' : `${late.length} steps are overdue`,
      detail: `${capital(described.join('; '))}${more}.`,
      action:
        (blocked > 0 ? `Ask what unblocks ${blocked === 1 ? 'the blocked step' : 'the blocked steps'} and who can do it. ` : '') +
        'Agree a new date with each owner, mark what is done as Complete, and shift the steps after them (Shift downstream dates).',
      say: "What's causing the delay? Can I help unblock anything?",
      place: stepPlace(first.step, 'due'),
    };
  },
};
