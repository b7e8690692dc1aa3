/** The shapes that cross google.script.run between the sidebar and the server: JSON only, dates as `YYYY-MM-DD`. */
import type { DealStage, DealType, FieldErrors, Guidance, IsoDate } from '../core/plan';

/** What google.script.run can carry: a Date, a function or undefined cannot cross. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface PersonFields {
  name: string;
  title: string;
}

/** The Insert form exactly as the sidebar sends it: every field a string from an input. */
export interface RawInsertForm {
  yourCompany: string;
  theirCompany: string;
  product: string;
  problem: string;
  dealType: string;
  dealStage: string;
  annualContractValue: string;
  evaluationStart: string;
  decisionTarget: string;
  goLiveTarget: string;
  people: {
    champion: PersonFields;
    economicBuyer: PersonFields;
    technicalEvaluator: PersonFields;
    accountExecutive: PersonFields;
    solutionsEngineer: PersonFields;
  };
  theirWords: {
    procurement: string;
    legal: string;
    security: string;
    internalReview: string;
  };
}

export interface Choice<T extends string> {
  id: T;
  label: string;
}

/** Everything the sidebar needs to draw itself, fetched once when it opens. */
export interface SidebarState {
  locale: string;
  today: IsoDate;
  /** The title of the MAP already in the document, or null when there is none. */
  existingPlan: string | null;
  dealTypes: (Choice<DealType> & { stepCount: number })[];
  dealStages: Choice<DealStage>[];
}

/** A date shown to the person: the ISO value for inputs and the text as the document will hold it. */
export interface DateView {
  iso: IsoDate;
  text: string;
}

export interface DraftStepView {
  number: number;
  action: string;
  owner: string;
  due: DateView;
}

export type PreviewResult =
  | {
      ok: true;
      title: string;
      steps: DraftStepView[];
      keyDates: { evaluationStart: DateView; decisionTarget: DateView; goLiveTarget: DateView };
      guidance: Guidance[];
      placeholders: string[];
    }
  | { ok: false; errors: FieldErrors; guidance: Guidance[] };

export type InsertResult =
  | { ok: true; message: string; guidance: Guidance[]; placeholders: string[] }
  | { ok: false; message: string; errors: FieldErrors };

// ---------------------------------------------------------------------------------------------
// Shift downstream dates, colours, undo
// ---------------------------------------------------------------------------------------------

/** How a shift moves the plan; every field optional on the wire, defaults as the scheduling guide says. */
export interface ShiftOptionsFields {
  /** "keep-gaps" (default): every later step moves by the slip. "fix-overlaps": only as far as needed. */
  mode?: 'keep-gaps' | 'fix-overlaps';
  /** When a step moves earlier, bring later steps in too. Default false. */
  pullIn?: boolean;
  /** Count every day, not only Monday to Friday. Default false. */
  calendarDays?: boolean;
  /** Days nobody works (YYYY-MM-DD), skipped like weekends. */
  holidays?: string[];
  /** Hold the decision target fixed: it is then flagged when the steps overrun it, never moved. */
  holdDecisionTarget?: boolean;
  holdGoLiveTarget?: boolean;
}

/**
 * Which slip to shift from: a step the person names (by its number, or the step at the cursor)
 * with a new date or "+N days/weeks", or every date edited by hand since the plan was last scheduled.
 */
export type ShiftRequest =
  | { kind: 'step'; step: number | null; to: string; options?: ShiftOptionsFields }
  | { kind: 'detect'; options?: ShiftOptionsFields };

export interface StepView {
  number: number;
  action: string;
  dueText: string;
}

/** What the Shift tab shows before the person asks for a preview. */
export interface ShiftState {
  /** The step whose row holds the cursor, if any. */
  cursorStep: StepView | null;
  steps: StepView[];
  /** Dates edited by hand since the plan was last scheduled: what "detect" would shift from. */
  edited: (StepView & { scheduledText: string })[];
  /** What the reader could not understand, in a seller's words. */
  diagnostics: string[];
  /** What "Undo last shift" would undo, or null. */
  undo: string | null;
}

export interface ShiftRowView {
  number: number;
  action: string;
  from: string;
  to: string;
  reason: string;
}

export interface KeyDateView {
  label: string;
  from: string;
  to: string;
  moved: boolean;
  /** "Decision target Mar 24, 2026 is not realistic: 3 working days late. ..." when it is. */
  warning: string | null;
}

export type ShiftPreview =
  | {
      ok: true;
      rows: ShiftRowView[];
      /** Completed steps a slip reaches: never moved, listed. */
      pinned: { number: number; action: string; reason: string }[];
      /** Steps with no date ("TBD"): never written, listed as needing a date. */
      undated: { number: number; action: string; note: string }[];
      keyDates: KeyDateView[];
      /** Notes that do not stop the shift (a link to a missing step, a date chip that cannot be written). */
      notes: string[];
      /** A one-line summary: "3 steps move; the decision target moves to Apr 3, 2026." */
      summary: string;
    }
  | { ok: false; message: string; problems: string[] };

export type ShiftApplied =
  | { ok: true; message: string; written: number; skipped: string[] }
  | { ok: false; message: string; problems: string[] };

export interface UndoResult {
  ok: boolean;
  message: string;
  restored: number;
  /** Cells a person changed after the shift: left as they are. */
  conflicts: string[];
}

export interface ColoursResult {
  message: string;
  overdue: StepView[];
  atRisk: StepView[];
}

// ---------------------------------------------------------------------------------------------
// Health check, weekly review, timeline
// ---------------------------------------------------------------------------------------------

/** A place in the document a finding points at; the sidebar asks the server to select it. */
export type DocumentPlace =
  | { kind: 'cell'; tableIndex: number; row: number; column: number }
  | { kind: 'paragraph'; index: number };

export interface FindingView {
  /** Stable rule id, e.g. "no-dates", "one-sided", "close-date" (tests and the sidebar key on it). */
  rule: string;
  severity: 'critical' | 'warning' | 'info';
  /** Short title: "Steps without a date". */
  title: string;
  /** The rule in the method's words: "Every step needs a date and an owner." */
  method: string;
  /** What is wrong in this plan, specifically: "Steps 4 and 7 have no due date." */
  detail: string;
  /** What to do about it. */
  action: string;
  /** Words the seller can use with the champion, when the method gives them. */
  say: string | null;
  /** Where it applies; null when it concerns the plan as a whole. */
  place: DocumentPlace | null;
}

export interface HealthReport {
  findings: FindingView[];
  /** "3 findings: 1 critical, 2 warnings." or "The plan follows the method: no findings." */
  summary: string;
  /** Deal facts the checks used and where they came from (the Insert form, or unknown). */
  dealStage: string | null;
  annualContractValue: number | null;
}

export interface ReviewItem extends StepView {
  owner: string;
  /** "overdue by 3 working days", "due in 2 working days, not started", "completed Mar 3". */
  note: string;
}

export interface WeeklyReview {
  /** The last review, or null when there has been none. */
  lastReviewed: IsoDateText | null;
  /** Since when the review looks back ("since the last review on Mar 3" or "since the plan began"). */
  since: string;
  completed: ReviewItem[];
  atRisk: ReviewItem[];
  /** What each side owes next: its open steps, soonest first. */
  owedByUs: ReviewItem[];
  owedByThem: ReviewItem[];
  newSteps: ReviewItem[];
  newStakeholders: { name: string; title: string }[];
  /** The method's four questions, each with its answer in one sentence. */
  questions: { question: string; answer: string }[];
}

/** A date as `YYYY-MM-DD` with the text the document would show. */
export interface IsoDateText {
  iso: IsoDate;
  text: string;
}

export interface TimelineStep {
  number: number;
  action: string;
  status: 'pending' | 'in_progress' | 'complete' | 'blocked' | 'unknown';
  signal: 'overdue' | 'at-risk' | null;
  due: IsoDate | null;
  /** The original due date when the step slipped since the baseline, else null. */
  baselineDue: IsoDate | null;
  side: 'ours' | 'theirs' | 'both' | 'unknown';
}

export interface Timeline {
  today: IsoDate;
  steps: TimelineStep[];
  decisionTarget: IsoDate | null;
  goLiveTarget: IsoDate | null;
  evaluationStart: IsoDate | null;
}

export interface MarkReviewedResult {
  message: string;
  lastReviewed: IsoDateText;
}
