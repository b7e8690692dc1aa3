/** The deal around the plan, from what the seller told the Insert form: too early (discovery), too late (negotiation), overkill (under $20K). */
import { MAP_WORTH_IT_FROM } from '../../draft';
import { DEAL_TEMPLATES } from '../../templates';
import type { Rule } from '../types';
import { count, groupThousands } from '../words';

export const tooEarly: Rule = {
  id: 'too-early',
  severity: 'warning',
  method: "Discovery: Too early. You haven't confirmed fit yet. A MAP before qualification feels presumptuous.",
  check({ deal, plan }) {
    if (deal.stage !== 'discovery' || plan.steps.length === 0) return null;
    return {
      title: 'Too early for a MAP',
      detail: 'The deal is at discovery: fit is not confirmed yet.',
      action: 'Confirm fit first, then walk the champion through the plan at the end of a successful demo or at the start of the evaluation.',
      say: null,
      place: null,
    };
  },
};

export const tooLate: Rule = {
  id: 'too-late',
  severity: 'warning',
  method: 'Negotiation: Too late for full MAP. You can create a "closing checklist" but the full MAP should have been in place earlier.',
  check({ deal, open }) {
    const checklist = DEAL_TEMPLATES.closing.steps.length;
    if (deal.stage !== 'negotiation' || deal.dealType === 'closing' || open.length <= checklist) return null;
    return {
      title: 'Too late for a full MAP',
      detail: `The deal is at negotiation and the plan still has ${count(open.length, 'open step')}, more than the ${checklist}-step closing checklist.`,
      action:
        'Switch to the closing checklist for what is left: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
      say: null,
      place: null,
    };
  },
};

export const overkill: Rule = {
  id: 'overkill',
  severity: 'info',
  method:
    "A MAP adds value for deals > $20K with multiple stakeholders. A $5K deal with one decision-maker doesn't need a formal plan. It needs a Calendly link and a contract.",
  check({ deal }) {
    const value = deal.annualContractValue;
    if (value === null || !Number.isFinite(value) || value >= MAP_WORTH_IT_FROM) return null;
    return {
      title: 'A MAP may be more than this deal needs',
      detail: `The annual contract value is ${groupThousands(value)}, under the ${groupThousands(MAP_WORTH_IT_FROM)} from which a MAP adds value.`,
      action: 'Keep the plan if several stakeholders decide; with one decision-maker, a meeting link and the contract will do.',
      say: null,
      place: null,
    };
  },
};
