/** The method's risk table pairs every risk with its impact and a mitigation: risks left without one. */
import { itemPlace } from '../places';
import type { Rule } from '../types';
import { clipText, listWords, placeholdersIn } from '../words';

function isEmptyMitigation(text: string): boolean {
  const t = text.trim();
  return t === '' || placeholdersIn(t).length > 0 || /^(?:tbd|tbc|n\/?a|none|-+|–|—|\?+)$/i.test(t);
}

export const riskNoMitigation: Rule = {
  id: 'risk-no-mitigation',
  severity: 'warning',
  method:
    'The method\'s risk table pairs every risk with its impact and a mitigation: "Security review takes > 3 weeks" → "Send security docs proactively. Offer to brief IT directly".',
  check({ plan }) {
    const bare = plan.risks.filter((r) => r.risk.trim() !== '' && isEmptyMitigation(r.mitigation));
    if (bare.length === 0) return null;
    const names = bare.slice(0, 3).map((r) => `"${clipText(r.risk, 60)}"`);
    const more = bare.length > 3 ? ` and ${bare.length - 3} more` : '';
    return {
      title: 'Risks without a mitigation',
      detail: `${bare.length === 1 ? 'Risk' : 'Risks'} ${listWords(names)}${more} ${bare.length === 1 ? 'has' : 'have'} no mitigation.`,
      action: `Agree with the champion what each side does to prevent each one, and write it ${
        plan.listSections?.includes('risks') ? 'after the risk ("— mitigation: …") or as an item under it' : 'in the Mitigation column'
      }.`,
      say: null,
      place: itemPlace(bare[0]),
    };
  },
};
