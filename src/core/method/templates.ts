/** The method's step templates per deal type (and the closing checklist), with the sidebar's labels for deal types and stages. */
import type { DealStage, DealType, TheirWords } from '../plan';

/**
 * Step text is written with tokens that draftPlan fills from the Insert form:
 *
 * - `{yourCompany}`, `{theirCompany}`: the company names.
 * - `{champion}`, `{economicBuyer}`, `{technicalEvaluator}`, `{accountExecutive}`, `{solutionsEngineer}`:
 *   the named person, or a visible placeholder such as "[Champion name]" when the seller left it blank.
 *   The method names these roles for the step, so a blank stays visible until someone is named.
 * - `{accountExecutive|yourCompany}`: the named person, else the company. Used where the method
 *   says only "Vendor": the step still reads correctly without a name.
 * - `{authorizedSigner}`: always a placeholder; the form does not ask who signs, and the method
 *   wants that person found out and named.
 * - `{procurement}`, `{legal}`, `{security}`, `{internalReview}`: the prospect's own words for
 *   their steps (the method: "their words, not yours").
 * - `{internalReview:Internal approval}`: the step's own wording while the prospect's word is the
 *   default, so the method's text is kept unless they gave a word of their own.
 *
 * The first letter of an action is capitalised after filling ("vendor management review").
 */
export type TemplateText = string;

/** Whose step it is; `both` covers shared steps and hand-overs ("Acme sends, Globex IT reviews"). */
export type OwnerSide = 'ours' | 'theirs' | 'both';

export interface OwnerTemplate {
  side: OwnerSide;
  /** Who is named in the Owner column, with tokens (see TemplateText). */
  text: TemplateText;
}

/** Typical timing in weeks from the evaluation start: [from, to], both inclusive ("Week 2-3" is [2, 3]). */
export type Weeks = readonly [from: number, to: number];

export interface StepTemplate {
  action: TemplateText;
  owner: OwnerTemplate;
  weeks: Weeks;
  /**
   * Step numbers (1-based) this step waits for. The previous step by default; steps the method
   * times in parallel (a security review running alongside the deep-dive) wait only for what
   * they really need, and rejoin the chain where their result is required, so a slip in them
   * still moves the close date (the method's "security review > 3 weeks delays decision").
   */
  dependsOn: readonly number[];
}

export interface DealTemplate {
  steps: readonly StepTemplate[];
  /** Number of the contract signature step: the decision target defaults to its due date. */
  signatureStep: number;
  /** Number of the onboarding step: the go-live target defaults to its due date. */
  goLiveStep: number;
}

/**
 * The prospect's words used until the seller enters theirs. `security` names the team that
 * reviews the security questionnaire ("Globex IT reviews"); `internalReview` names their
 * internal review step ("budget committee review").
 */
export const DEFAULT_THEIR_WORDS: Readonly<TheirWords> = {
  procurement: 'procurement',
  legal: 'legal',
  security: 'IT',
  internalReview: 'internal review',
};

export const DEAL_TYPE_LABELS: Readonly<Record<DealType, string>> = {
  standard: 'Standard (full evaluation with pilot, about 10 weeks)',
  'mid-market': 'Mid-market ($20-80K ACV, 30-60 days)',
  enterprise: 'Enterprise ($80-300K+ ACV, 60-120 days)',
  expansion: 'Expansion ($20-100K+ additional ACV)',
  closing: 'Closing checklist (mid-negotiation: the last mile)',
};

export const DEAL_STAGE_LABELS: Readonly<Record<DealStage, string>> = {
  discovery: 'Discovery (fit not confirmed yet)',
  'post-demo': 'Post-demo (evaluation confirmed)',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
};

const BOTH: OwnerTemplate = { side: 'both', text: 'Both' };
const SECURITY_HANDOVER: OwnerTemplate = { side: 'both', text: '{yourCompany} sends, {theirCompany} {security} reviews' };
const BOTH_LEGAL_TEAMS: OwnerTemplate = { side: 'both', text: '{yourCompany} legal + {theirCompany} {legal}' };
const OUR_AE_OR_COMPANY: OwnerTemplate = { side: 'ours', text: '{accountExecutive|yourCompany}' };

function step(action: TemplateText, owner: OwnerTemplate, weeks: Weeks, dependsOn: readonly number[]): StepTemplate {
  return { action, owner, weeks, dependsOn };
}

/**
 * "The MAP Template" (11 steps). The method gives no timing for it; the weeks below are ours:
 * signature in week 10 (about 70 days), between mid-market (week 4-5) and enterprise (week
 * 15-17), with the pilot and security review shaped like the enterprise plan, shorter.
 */
const STANDARD: DealTemplate = {
  steps: [
    step('Technical deep-dive with engineering', BOTH, [1, 2], []),
    // Runs alongside the deep-dive and pilot; typically under 3 weeks (the method's risk is "> 3 weeks").
    step('Security questionnaire review', SECURITY_HANDOVER, [1, 3], []),
    step('Pilot/POC setup (if applicable)', { side: 'ours', text: '{yourCompany}' }, [2, 3], [1]),
    step('Pilot results review', BOTH, [4, 5], [3]),
    step(
      'ROI/business case presentation to {economicBuyer}',
      { side: 'both', text: '{accountExecutive} + {champion}' },
      [5, 6],
      [4],
    ),
    step('Pricing proposal delivery', { side: 'ours', text: '{accountExecutive}' }, [6, 6], [5]),
    step('{internalReview} and stakeholder alignment', { side: 'theirs', text: '{champion}' }, [6, 7], [6]),
    // Procurement will not sign off a vendor whose security review is open: the review rejoins here.
    step('{procurement}/{legal} review', { side: 'theirs', text: '{theirCompany} {procurement}' }, [7, 8], [2, 7]),
    step('Contract redlines and negotiation', BOTH, [8, 9], [8]),
    step('Contract signature', { side: 'theirs', text: '{economicBuyer}' }, [9, 10], [9]),
    step('Onboarding kickoff', { side: 'ours', text: '{yourCompany} CS team' }, [10, 11], [10]),
  ],
  signatureStep: 10,
  goLiveStep: 11,
};

/** Mid-market deal ($20-80K ACV, 30-60 day cycle): the method's 7 steps, one after another. */
const MID_MARKET: DealTemplate = {
  steps: [
    step('Demo + discovery (if not already done)', BOTH, [1, 1], []),
    step('Technical validation (integration check, security review)', BOTH, [2, 2], [1]),
    step('Pricing proposal', OUR_AE_OR_COMPANY, [2, 3], [2]),
    step('{internalReview} with VP/stakeholders', { side: 'theirs', text: '{champion}' }, [3, 3], [3]),
    step('Negotiation (if needed)', BOTH, [3, 4], [4]),
    step('Contract signature', { side: 'theirs', text: '{economicBuyer}' }, [4, 5], [5]),
    step('Onboarding kickoff', { side: 'ours', text: '{yourCompany}' }, [5, 6], [6]),
  ],
  signatureStep: 6,
  goLiveStep: 7,
};

/** Enterprise deal ($80-300K+ ACV, 60-120 day cycle): the method's 12 steps. */
const ENTERPRISE: DealTemplate = {
  steps: [
    step('Discovery + demo (multiple stakeholders)', BOTH, [1, 2], []),
    step('Technical deep-dive with engineering', BOTH, [3, 4], [1]),
    // Week 3-6, alongside the deep-dive (3-4) and into the pilot (4-8): it waits only for discovery.
    step('Security questionnaire + review', SECURITY_HANDOVER, [3, 6], [1]),
    // Starts in week 4 while security is still running: it follows the deep-dive, not the review.
    step('Pilot / POC (2-4 weeks)', BOTH, [4, 8], [2]),
    step('Pilot results review', BOTH, [8, 9], [4]),
    step(
      'Business case presentation to {economicBuyer}',
      { side: 'both', text: '{accountExecutive} + {champion}' },
      [9, 10],
      [5],
    ),
    step('Pricing proposal', OUR_AE_OR_COMPANY, [10, 10], [6]),
    // Procurement needs the security review closed: the parallel review rejoins the chain here.
    step('{procurement} review', { side: 'theirs', text: '{theirCompany} {procurement}' }, [10, 13], [3, 7]),
    step('Legal / contract negotiation', BOTH_LEGAL_TEAMS, [12, 15], [8]),
    step('Executive sponsor sign-off', { side: 'theirs', text: '{economicBuyer}' }, [14, 16], [9]),
    step('Contract signature', { side: 'theirs', text: '{authorizedSigner}' }, [15, 17], [10]),
    step('Onboarding kickoff', { side: 'ours', text: '{yourCompany} CS' }, [16, 18], [11]),
  ],
  signatureStep: 11,
  goLiveStep: 12,
};

/** Expansion deal ($20-100K+ additional ACV): the method's 6 steps; the amendment is the signature. */
const EXPANSION: DealTemplate = {
  steps: [
    step('Expansion scoping (new use case, seats, or tier)', BOTH, [1, 1], []),
    step('Product walkthrough for new use case/team', { side: 'ours', text: '{solutionsEngineer|yourCompany}' }, [1, 2], [1]),
    step('Pricing for expansion', OUR_AE_OR_COMPANY, [2, 2], [2]),
    step(
      '{internalReview:Internal approval} (may be simpler than new deal)',
      { side: 'theirs', text: '{champion} / {economicBuyer}' },
      [2, 3],
      [3],
    ),
    step('Contract amendment', BOTH, [3, 4], [4]),
    step('Onboarding for new users/use case', { side: 'ours', text: '{yourCompany} CS' }, [4, 5], [5]),
  ],
  signatureStep: 5,
  goLiveStep: 6,
};

/**
 * The "last mile" checklist for mid-negotiation (Week 8+ in "MAP Timing by Deal Stage"):
 * contract redlines, signature authority and the go-live date, then the signature and the
 * kickoff they lead to. The method gives no timing; ours compresses it into three weeks,
 * with the three checks running side by side.
 */
const CLOSING: DealTemplate = {
  steps: [
    step('Final contract redlines', BOTH_LEGAL_TEAMS, [1, 1], []),
    step('Signature authority confirmed: who signs and which approvals they need', { side: 'theirs', text: '{champion}' }, [1, 1], []),
    step('Go-live date agreed', BOTH, [1, 2], []),
    step('Contract signature', { side: 'theirs', text: '{economicBuyer}' }, [2, 2], [1, 2]),
    step('Onboarding kickoff', { side: 'ours', text: '{yourCompany} CS team' }, [3, 3], [3, 4]),
  ],
  signatureStep: 4,
  goLiveStep: 5,
};

export const DEAL_TEMPLATES: Readonly<Record<DealType, DealTemplate>> = {
  standard: STANDARD,
  'mid-market': MID_MARKET,
  enterprise: ENTERPRISE,
  expansion: EXPANSION,
  closing: CLOSING,
};
