// Kinds of step: the method's template steps and the ways people word the same work land in one kind.
import { stepKind, stepKindOf, STEP_KINDS, type StepKind } from '../../../src/core/metrics/step-kinds';
import { DEAL_TEMPLATES } from '../../../src/core/method/templates';
import { DEFAULT_THEIR_WORDS } from '../../../src/core/method/templates';

const cases: [action: string, kind: StepKind][] = [
  // Security: the three wordings, and more from real plans.
  ['Security questionnaire review', 'security'],
  ['InfoSec review', 'security'],
  ['Security review', 'security'],
  ['Security questionnaire + review', 'security'],
  ['SOC 2 report and pen test results', 'security'],
  ['Vendor risk assessment', 'security'],
  ['DPIA / GDPR sign-off', 'security'],
  // Technical validation, including the mid-market step that mentions security inside it.
  ['Technical deep-dive with engineering', 'technical'],
  ['Technical validation (integration check, security review)', 'technical'],
  ['Architecture review with IT', 'technical'],
  ['SSO integration test', 'technical'],
  // Pilot and its results.
  ['Pilot/POC setup (if applicable)', 'pilot'],
  ['Pilot / POC (2-4 weeks)', 'pilot'],
  ['Proof of concept', 'pilot'],
  ['Pilot results review', 'pilot-review'],
  ['POC readout', 'pilot-review'],
  ['Trial success review with the team', 'pilot-review'],
  // Business case, pricing.
  ['ROI/business case presentation to [Economic buyer name]', 'business-case'],
  ['Business case presentation to Jane Doe', 'business-case'],
  ['Pricing proposal delivery', 'pricing'],
  ['Pricing for expansion', 'pricing'],
  ['Send quote', 'pricing'],
  ['Customer reference calls', 'references'],
  // Their internal steps in their words.
  ['Internal review and stakeholder alignment', 'internal-review'],
  ['Budget committee review and stakeholder alignment', 'internal-review'],
  ['Internal approval (may be simpler than new deal)', 'internal-review'],
  ['Internal review with VP/stakeholders', 'internal-review'],
  // Procurement and legal.
  ['Procurement/legal review', 'procurement'],
  ['Vendor management/legal review', 'procurement'],
  ['Procurement review', 'procurement'],
  ['Vendor onboarding paperwork', 'procurement'],
  // Contract.
  ['Contract redlines and negotiation', 'negotiation'],
  ['Legal / contract negotiation', 'negotiation'],
  ['Final contract redlines', 'negotiation'],
  ['MSA review', 'negotiation'],
  ['Negotiation (if needed)', 'negotiation'],
  ['Executive sponsor sign-off', 'sign-off'],
  ['Contract signature', 'signature'],
  ['Contract amendment', 'signature'],
  ['Signature authority confirmed: who signs and which approvals they need', 'signature'],
  ['DocuSign sent to CFO', 'signature'],
  // Go-live, discovery.
  ['Onboarding kickoff', 'go-live'],
  ['Onboarding for new users/use case', 'go-live'],
  ['Go-live date agreed', 'go-live'],
  ['Implementation kick-off', 'go-live'],
  ['Demo + discovery (if not already done)', 'discovery'],
  ['Discovery + demo (multiple stakeholders)', 'discovery'],
  ['Expansion scoping (new use case, seats, or tier)', 'discovery'],
  ['Product walkthrough for new use case/team', 'discovery'],
  // Nothing to go on.
  ['Lunch with the team', 'other'],
  ['', 'other'],
  ['=IMPORTXML("http://x")', 'other'],
];

test.each(cases)('%s → %s', (action, kind) => {
  expect(stepKind(action)).toBe(kind);
});

test('case, accents and punctuation do not change the kind', () => {
  expect(stepKind('SECURITY  QUESTIONNAIRE   REVIEW')).toBe('security');
  expect(stepKind('sécurité… security-review!')).toBe('security');
  expect(stepKind('info-sec review')).toBe('security');
});

/** A template step's action with the Insert form's tokens filled as the draft does with no names given. */
function filled(action: string): string {
  return action
    .replace(/\{(\w+)(?::([^}]*))?\}/g, (_, token: string, fallback?: string) => {
      if (token in DEFAULT_THEIR_WORDS) return fallback ?? DEFAULT_THEIR_WORDS[token as keyof typeof DEFAULT_THEIR_WORDS];
      return `[${token} name]`;
    });
}

test("every step of every deal-type template has a kind of its own (none is 'other')", () => {
  for (const [type, template] of Object.entries(DEAL_TEMPLATES)) {
    for (const step of template.steps) {
      const action = filled(step.action);
      expect([type, action, stepKind(action)]).not.toEqual([type, action, 'other']);
    }
  }
  // The same step in two templates is one kind.
  expect(stepKind(filled(DEAL_TEMPLATES.standard.steps[1]?.action ?? ''))).toBe(stepKind(filled(DEAL_TEMPLATES.enterprise.steps[2]?.action ?? '')));
});

test('labels are what the sheets show, one per kind', () => {
  expect(stepKindOf('InfoSec review')).toBe('Security review');
  expect(new Set(STEP_KINDS.map((k) => k.label)).size).toBe(STEP_KINDS.length);
});
