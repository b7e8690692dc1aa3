/** One-sided plan, the method's first anti-pattern: "MAP that only lists your steps". Shared steps count half for each side. */
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, count, possessive } from '../words';

const SAY = "What am I missing? What steps does your team need that I haven't listed?";

export const oneSided: Rule = {
  id: 'one-sided',
  severity: 'critical',
  method: 'The prospect owns half the actions. You own the other half. The prospect has as many steps as you do. Include both.',
  check({ plan, us, them }) {
    const known = plan.steps.filter((s) => s.side !== 'unknown');
    if (known.length === 0) return null;
    const ours = known.filter((s) => s.side === 'ours').length;
    const theirs = known.filter((s) => s.side === 'theirs').length;
    const both = known.filter((s) => s.side === 'both').length;
    const first = plan.steps[0];
    const action =
      `Add ${possessive(them)} steps in their words ("Champion presents business case to VP", "Procurement reviews contract"), ` +
      'including their internal steps such as stakeholder alignment and budget committee review.';
    if (theirs + both === 0) {
      return {
        title: 'Only your steps',
        detail: `All ${count(known.length, 'step')} with a known owner ${known.length === 1 ? 'is' : 'are'} ${possessive(us)}; none is ${possessive(them)} or shared.`,
        action,
        say: SAY,
        place: stepPlace(first, 'owner'),
      };
    }
    const theirShare = theirs + both / 2;
    const ourShare = ours + both / 2;
    if (ours < 2 || theirShare * 2 >= ourShare) return null;
    const shared = both > 0 ? `, and ${count(both, 'step')} ${both === 1 ? 'is' : 'are'} shared` : '';
    return {
      severity: 'warning',
      title: 'Few of their steps',
      detail: `${capital(them)} owns ${count(theirs, 'step')} and ${us === 'your team' ? 'you own' : `${us} owns`} ${ours}${shared}.`,
      action,
      say: SAY,
      place: stepPlace(first, 'owner'),
    };
  },
};
