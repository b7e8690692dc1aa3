/** Kinds of step (security review, procurement, signature...): a step's action classified whatever its wording, so slips can be counted per kind across deals. */

/**
 * The kinds are the steps of the method's deal-type templates (templates.ts), merged where two
 * templates name the same work differently ("Security questionnaire review" in the standard
 * plan, "Security questionnaire + review" in the enterprise one), plus the customer references
 * many teams add. Anything else is "Other".
 */
export const STEP_KINDS = [
  { id: 'discovery', label: 'Discovery and demo' },
  { id: 'technical', label: 'Technical validation' },
  { id: 'security', label: 'Security review' },
  { id: 'pilot', label: 'Pilot / POC' },
  { id: 'pilot-review', label: 'Pilot results review' },
  { id: 'business-case', label: 'Business case' },
  { id: 'references', label: 'Customer references' },
  { id: 'pricing', label: 'Pricing proposal' },
  { id: 'internal-review', label: 'Internal review' },
  { id: 'procurement', label: 'Procurement and legal review' },
  { id: 'negotiation', label: 'Contract negotiation' },
  { id: 'sign-off', label: 'Executive sign-off' },
  { id: 'signature', label: 'Contract signature' },
  { id: 'go-live', label: 'Onboarding and go-live' },
  { id: 'other', label: 'Other' },
] as const;

export type StepKind = (typeof STEP_KINDS)[number]['id'];

/**
 * First match wins, so the order settles overlaps: a pilot's results review before the pilot,
 * "Technical validation (integration check, security review)" before security, an executive
 * "sign-off" before a signature, a signature (even "who signs and which approvals") before an
 * internal approval, contract negotiation ("Legal / contract negotiation") before legal review.
 * Patterns run on the action in lower case with punctuation as spaces.
 */
const RULES: readonly (readonly [StepKind, RegExp])[] = [
  ['pilot-review', /\b(pilot|poc|proof of concept|trial)\b.*\b(results?|review|readout|debrief|retro|findings|success|evaluation)\b/],
  ['technical', /\b(technical validation|deep ?dive|integration check|architecture review|solution review)\b/],
  ['security', /\b(security|infosec|info sec|questionnaire|soc ?2|pen ?test|penetration|vendor risk|risk assessment|dpia|data protection|privacy|gdpr|iso 27001|caiq|sig lite|cyber)\b/],
  ['pilot', /\b(pilot|poc|proof of concept|trial|sandbox)\b/],
  ['technical', /\b(technical|engineering|integration|api|it review|sso)\b/],
  ['business-case', /\b(business case|roi|value case|value assessment|(executive|exec|cfo|board) presentation)\b/],
  ['references', /\b(references?|reference calls?|customer calls?)\b/],
  ['sign-off', /\b(sign off|signoff|sponsor|executive approval|exec approval|board approval)\b/],
  ['signature', /\b(signature|signs?|signed|signing|countersign\w*|docusign|e sign|amendment|order form|execute (the )?contract|contract execution)\b/],
  ['negotiation', /\b(negotiat\w*|redlines?|red lines?|msa|terms|contract\w*)\b/],
  ['procurement', /\b(procurement|vendor (management|onboarding|setup|registration)|purchasing|purchase order|sourcing|supplier|legal|po)\b/],
  ['pricing', /\b(pricing|price|proposal|quote|commercials?)\b/],
  ['internal-review', /\b(internal|alignment|budget|committee|approvals?|buy ?in|consensus)\b/],
  ['go-live', /\b(onboarding|kick ?off|go ?live|implementation|roll ?out|launch|training|deployment|activation)\b/],
  ['discovery', /\b(discovery|demo|scoping|walk ?through|requirements|use cases?)\b/],
];

/** The action as the rules read it: lower case, accents off, punctuation as spaces ("Pilot/POC" → "pilot poc"). */
function normalise(action: string): string {
  return action
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The kind of a step from its action as written; 'other' when no kind fits. */
export function stepKind(action: string): StepKind {
  const text = normalise(action);
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return 'other';
}

export function stepKindLabel(kind: StepKind): string {
  return STEP_KINDS.find((k) => k.id === kind)?.label ?? 'Other';
}

/** The label of a step's kind: what the Steps and Slips sheets show and the Metrics sheet groups by. */
export function stepKindOf(action: string): string {
  return stepKindLabel(stepKind(action));
}
