/** The health check's vocabulary: a finding, its severity and place, the deal facts and the rule object every rule module exports. */
import type { WorkCalendar } from '../../scheduling/calendar';
import type { PlanHistory } from '../../history/history';
import type { ParsedPlan } from '../../reading/parsed-plan';
import type { DealStage, DealType, IsoDate } from '../../plan';
import type { HealthContext } from './context';

export type Severity = 'critical' | 'warning' | 'info';

/** A place in the document a finding points at (the sidebar selects it). */
export type DocumentPlace =
  | { kind: 'cell'; tableIndex: number; row: number; column: number }
  | { kind: 'paragraph'; index: number };

/** Every rule, in the order findings of the same severity and place are listed (the registry follows it). */
export const RULES = [
  'no-steps',
  'second-plan',
  'close-date',
  'no-decision-target',
  'go-live-date',
  'overdue',
  'no-dates',
  'no-owner',
  'one-sided',
  'placeholders',
  'role-owners',
  'no-economic-buyer',
  'no-criteria',
  'vague-criteria',
  'no-next-step',
  'risk-no-mitigation',
  'dependencies',
  'too-early',
  'too-late',
  'overkill',
  'dead-plan',
  'champion-silent',
  'slipping',
  'eb-overdue',
  'scope',
] as const;
export type RuleId = (typeof RULES)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Short: "Steps without a date". */
  title: string;
  /** The rule in the method's words, quoted from it. */
  method: string;
  /** What is wrong in this plan: which steps, names, numbers. */
  detail: string;
  /** What to do about it. */
  action: string;
  /** The method's suggested words for the champion, when it gives them. */
  say: string | null;
  /** Where it applies; null when it concerns the plan as a whole or the reader gives no place. */
  place: DocumentPlace | null;
}

/** What the seller told the Insert form about the deal; null when not known (a plan people wrote). */
export interface DealFacts {
  stage: DealStage | null;
  annualContractValue: number | null;
  dealType: DealType | null;
}

export interface HealthInput {
  plan: ParsedPlan;
  /** Null when the add-on has no history for this document yet: the off-track signals are skipped. */
  history: PlanHistory | null;
  deal: DealFacts;
  today: IsoDate;
  calendar?: WorkCalendar;
  /** How dates read in the texts; "Mar 3, 2026" by default. */
  formatDate?: (iso: IsoDate) => string;
}

/** What a rule found; severity and method default to the rule's own. */
export type Found = Omit<Finding, 'rule' | 'severity' | 'method'> & { severity?: Severity; method?: string };

/**
 * One rule of the method, as ESLint keeps one rule per module: its stable id, its usual severity,
 * the method's words it applies, and its check, which returns what it found in this plan or null.
 */
export interface Rule {
  id: RuleId;
  severity: Severity;
  /** The rule in the method's words, quoted from it. */
  method: string;
  /** True when the rule reads the add-on's history: it is skipped without one. */
  needsHistory?: boolean;
  check(context: HealthContext): Found | null;
}
