/** The scheduler's types: the steps and moves it takes, the shift it returns (changes, pinned and undated steps, key dates) and the problems it names. */
import type { IsoDate, Status } from '../plan';
import type { WorkCalendar } from './calendar';
import type { WeekGrid } from './week-cells';

/** One row of the steps table as the scheduler sees it. */
export interface ScheduleStep {
  /** Stable identity across edits: step numbers change when a row is inserted, keys do not. */
  key: string;
  number: number;
  /** The step's number as written ("5a", "2.1"), shown in every sentence; defaults to `number`. */
  label?: string;
  action: string;
  /** Null for "TBD", "Q2" or an empty cell: such a step is never written. */
  due: IsoDate | null;
  status: Status | null;
  /** Keys of the steps this one waits for. */
  dependsOn: string[];
  /**
   * The cell names a week ("Week of Jan 4", "Week 3"), due on its last working day: it moves by
   * whole weeks, and a holiday inside a week does not move the week.
   */
  week?: WeekGrid;
}

/** A slip: the person named a step and its new date, or edited the date by hand since the baseline. */
export interface StepMove {
  key: string;
  to: IsoDate;
}

/**
 * keep-gaps (default): every link keeps its gap in working days, as "if security review takes an
 * extra week, every step after it shifts by a week". fix-overlaps: a successor moves only as far as
 * it must to stay after its predecessors.
 */
export type ShiftMode = 'keep-gaps' | 'fix-overlaps';

/** How a key date relates to the plan: the step it belongs to, and whether the person holds it fixed. */
export interface KeyDateRule {
  date: IsoDate | null;
  /** Key of the step the date belongs to (contract signature, onboarding kickoff), or null when the plan has none. */
  followsStep: string | null;
  /** A fixed date never moves; when the plan overruns it, it is flagged instead. */
  fixed: boolean;
}

export interface KeyDateRules {
  decisionTarget?: KeyDateRule;
  goLiveTarget?: KeyDateRule;
}

export type KeyDateName = keyof KeyDateRules;

export interface ShiftInput {
  /** In document order. */
  steps: ScheduleStep[];
  moves: StepMove[];
  /** Dates before the slips (the saved baseline for detected moves); gaps are measured on these. Steps absent here use `due`. */
  baseline?: Record<string, IsoDate | null>;
  mode?: ShiftMode;
  /** When a step moves earlier, bring the steps after it in too (keep-gaps only). Default false: they stay. */
  pullIn?: boolean;
  /** Default: working days, Monday to Friday, no holidays. */
  calendar?: WorkCalendar;
  keyDates?: KeyDateRules;
  /** The person's today: an overdue step that is not complete cannot happen before it. */
  today?: IsoDate;
}

export interface StepRef {
  key: string;
  number: number;
  /** As written ("5a"); absent when it is the number. */
  label?: string;
  action: string;
}

/** One row of the preview: old date → new date, and why. */
export interface DateChange extends StepRef {
  /** Null only when the person gave a date to a step that had none. */
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
}

/** A completed step the slip would have moved: it keeps its date (it already happened). */
export interface PinnedStep extends StepRef {
  due: IsoDate | null;
  wouldMoveTo: IsoDate;
  reason: string;
}

/** An undated step the slip passed through: it is not written, and it needs a date. */
export interface UndatedStep extends StepRef {
  /** The earliest date its predecessors now allow, as a suggestion; null when none of them has a date. */
  notBefore: IsoDate | null;
}

/** One step of the chain that drives a date, from the first cause to the step itself. */
export interface ChainLink extends StepRef {
  due: IsoDate | null;
}

/** on-time / late against the step's date; done when the step is complete; unchecked when there is nothing to compare. */
export type KeyDateVerdict = 'on-time' | 'late' | 'done' | 'unchecked';

export interface KeyDateAssessment {
  verdict: KeyDateVerdict;
  /** Working days (calendar days in calendar-days mode) the key date is before its step; only when late. */
  lateBy?: number;
  /** The date the step is expected: its due date, or today when it is overdue and not complete. */
  forecast: IsoDate | null;
  /** The steps that drive the step's date, first cause first. */
  chain: ChainLink[];
  /** For the person, when there is something to say ("not realistic: 3 working days late ..."). */
  message?: string;
}

export interface KeyDateOutcome extends KeyDateAssessment {
  from: IsoDate | null;
  to: IsoDate | null;
  moved: boolean;
  /** The person holds it fixed: it never moves, and is flagged when late. */
  held: boolean;
  reason?: string;
  /** When its step now lands after it: by how many working days (calendar days on a calendar-days plan); the date moves by exactly that. */
  overrunBy?: number;
  /** The step it follows, its date after the shift, and whether this shift moved that step. */
  step?: StepRef;
  stepDate?: IsoDate | null;
  stepMoved?: boolean;
}

export interface KeyDateCheck extends KeyDateAssessment {
  date: IsoDate | null;
}

export type ProblemKind =
  | 'cycle'
  | 'missing-step'
  | 'self-link'
  | 'ambiguous'
  | 'duplicate-step'
  | 'invalid-date'
  | 'conflicting-moves'
  | 'negative-gap';

/** Something the person should know, in their words. Cycles, invalid dates, unknown or conflicting moves and duplicate steps stop the shift; the rest are notes. */
export interface ScheduleProblem {
  kind: ProblemKind;
  message: string;
  /** Step numbers concerned, for highlighting rows. */
  steps: number[];
}

export interface ShiftResult {
  /** False on a cycle or invalid input: then changes, pinned and undated are empty and nothing may be written. */
  ok: boolean;
  /** In document order, the moved steps' own rows included ("moved by you"). */
  changes: DateChange[];
  pinned: PinnedStep[];
  undated: UndatedStep[];
  keyDates: { decisionTarget?: KeyDateOutcome; goLiveTarget?: KeyDateOutcome };
  problems: ScheduleProblem[];
}
