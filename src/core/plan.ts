/** The plan model: what a Mutual Action Plan holds, as plain data shared by every part of the add-on. */

/** A calendar date written `YYYY-MM-DD`. Plan dates are days, not instants: no time zone applies. */
export type IsoDate = string;

/**
 * A step's normalised status, in the order the method walks it: Pending → In progress → Complete,
 * or Blocked. Not needed is a step the two sides dropped ("Cancelled", "N/A", "Descoped"): it is
 * settled without being done, so nothing is late or waits for it, and it never counts as completed.
 */
export type Status = 'pending' | 'in_progress' | 'complete' | 'blocked' | 'not_needed';

/** Complete or not needed: the step asks nothing more of anyone, so it is never late and holds up no step after it. */
export function isSettled(status: Status | null | undefined): boolean {
  return status === 'complete' || status === 'not_needed';
}

/** Whose step or person it is: the seller's company, the prospect's, both, or not known. */
export type Side = 'ours' | 'theirs' | 'both' | 'unknown';

export const DEAL_TYPES = ['standard', 'mid-market', 'enterprise', 'expansion', 'closing'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const DEAL_STAGES = ['discovery', 'post-demo', 'proposal', 'negotiation'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

/** The people the method asks to name; each may be left for later (a visible placeholder is written). */
export const ROLES = ['champion', 'economicBuyer', 'technicalEvaluator', 'accountExecutive', 'solutionsEngineer'] as const;
export type Role = (typeof ROLES)[number];

export interface Person {
  name: string;
  title: string;
}

/** The prospect's own words for their steps ("vendor management" for procurement): the method says use their language. */
export interface TheirWords {
  procurement: string;
  legal: string;
  security: string;
  internalReview: string;
}

/** The sidebar's Insert form once validated: every string trimmed, optional dates null. */
export interface InsertForm {
  yourCompany: string;
  theirCompany: string;
  product: string;
  problem: string;
  dealType: DealType;
  dealStage: DealStage;
  /** Annual contract value in the seller's currency units. */
  annualContractValue: number;
  evaluationStart: IsoDate;
  decisionTarget: IsoDate | null;
  goLiveTarget: IsoDate | null;
  people: Record<Role, Person>;
  theirWords: TheirWords;
}

export interface Step {
  number: number;
  action: string;
  owner: string;
  side: Side;
  due: IsoDate | null;
  status: Status;
  /** Step numbers this step waits for. */
  dependsOn: number[];
}

export interface Stakeholder {
  name: string;
  title: string;
  responsibility: string;
  side: Side;
}

export interface Risk {
  risk: string;
  impact: string;
  mitigation: string;
}

export interface KeyDates {
  evaluationStart: IsoDate;
  decisionTarget: IsoDate | null;
  goLiveTarget: IsoDate | null;
}

export interface Plan {
  title: string;
  yourCompany: string;
  theirCompany: string;
  goal: string;
  keyDates: KeyDates;
  steps: Step[];
  stakeholders: Stakeholder[];
  successCriteria: string[];
  risks: Risk[];
}

/** Advice from the method about this deal, shown before and after inserting. */
export interface Guidance {
  level: 'warning' | 'info';
  /** Stable identifier, for tests and for the sidebar to attach an action. */
  code: 'too-early' | 'too-late' | 'overkill' | 'proposal-stage' | 'placeholders';
  message: string;
  /** A one-click fix the sidebar can offer, e.g. switching to the closing checklist. */
  suggestDealType?: DealType;
}

/** Rejected form fields, keyed by field path ("people.champion.name"), each with a sentence for the person. */
export type FieldErrors = Record<string, string>;
