/** The shapes that cross google.script.run between the sidebar and the server: JSON only, dates as `YYYY-MM-DD`. */
import type { DealStage, DealType, FieldErrors, Guidance, IsoDate } from '../core/plan';
import type { Finding } from '../core/method/health';
import type { DateText, Review } from '../core/method/review';
import type { TimelineData } from '../core/scheduling/timeline';
import type { DealOutcome } from '../core/deal/deal';
import type { RawDealForm } from '../core/deal/deal-form';

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
  /** The plan as read when the sidebar opened: every tab draws from it without reading again. */
  read: PlanRead;
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
  /** Steps whose date looks wrong (far outside the plan) that the person confirmed, by number as the plan writes it ("5a"): shifted like the others. */
  include?: (string | number)[];
  /** Add a dated line to the plan's "Changes" section saying what moved and why. Default true. */
  changeLog?: boolean;
}

/**
 * Which slip to shift from: a step the person names (by its number, or the step at the cursor)
 * with a new date or "+N days/weeks", or every date edited by hand since the plan was last scheduled.
 */
export type ShiftRequest =
  | {
      kind: 'step';
      /** The step's key (what the Shift list sends: it never confuses "5" and "5a"), its number as written ("5a"), or null for the cursor's row. */
      step: string | number | null;
      to: string;
      options?: ShiftOptionsFields;
      expect?: string;
    }
  | { kind: 'detect'; options?: ShiftOptionsFields; expect?: string };

export interface StepView {
  /** The step's identity: what a shift request names. */
  key: string;
  number: number;
  /** The number as written ("5a", "2.1"): what every list shows. */
  label: string;
  /** Its phase or milestone, when the plan has them. */
  phase: string | null;
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
  key: string;
  number: number;
  label: string;
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
      pinned: { number: number; label: string; action: string; reason: string }[];
      /** Steps with no date ("TBD"): never written, listed as needing a date. */
      undated: { number: number; label: string; action: string; note: string }[];
      keyDates: KeyDateView[];
      /** Notes that do not stop the shift (a link to a missing step, a date chip that cannot be written). */
      notes: string[];
      /**
       * The first line: the key dates first (moved by the overrun, kept because their step still fits,
       * or not realistic), then how many steps move: "The decision target stays Apr 3, 2026: ... 3 steps move."
       */
      summary: string;
      /** To read before applying: a step moved by more than the plan spans or past the go-live target, a date to check first. */
      warnings: string[];
      /** Steps left alone because their date looks wrong, by number as written ("5a"): the sidebar offers to include each. */
      toCheck: string[];
      /**
       * What this preview would write, condensed. Sent back as the request's `expect`, Apply
       * refuses when the document now gives a different result, so nothing is written that the
       * person did not see.
       */
      token: string;
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

// The health check, the review and the timeline speak the core's own types: one definition, and
// the sidebar sees exactly what the core computed.
export type { DocumentPlace, Finding as FindingView } from '../core/method/health';
export type { DateText as IsoDateText, Review as WeeklyReview, ReviewItem } from '../core/method/review';
export type { TimelineData as Timeline, TimelineStep } from '../core/scheduling/timeline';

export interface HealthReport {
  findings: Finding[];
  /** "3 findings: 1 critical, 2 warnings." or "The plan follows the method: no findings." */
  summary: string;
  /** Deal facts the checks used and where they came from (the Insert form, or unknown). */
  dealStage: string | null;
  annualContractValue: number | null;
}

export interface MarkReviewedResult {
  message: string;
  lastReviewed: DateText;
}

/** Everything every tab shows, from one read of the document. */
export interface PlanSnapshot {
  title: string;
  health: HealthReport;
  review: Review;
  timeline: TimelineData;
  shift: ShiftState;
}

/** A read: the plan, or null when the document has none; `problem` says why a plan could not be read. */
export interface PlanRead {
  plan: PlanSnapshot | null;
  problem: string | null;
}

// ---------------------------------------------------------------------------------------------
// The deal behind the plan, and the export to Sheets
// ---------------------------------------------------------------------------------------------

/** The team workbook this user exports into, as the sidebar shows it. */
export interface WorkbookView {
  name: string;
  url: string;
}

/** The Deal panel: the deal's fields as the form shows them, and where the plan is exported. */
export interface DealView {
  /** The plan's title, or null when the document holds none yet. */
  plan: string | null;
  /** The form's values (strings as the controls hold them; "" for not known). */
  form: RawDealForm;
  /** The CRM field when it is an https link the sidebar may open. */
  crmLink: string | null;
  outcomes: Choice<DealOutcome>[];
  workbook: WorkbookView | null;
  /** Refresh the workbook's rows after every action that changes the plan. */
  autoExport: boolean;
  /** The last successful export of this document's plan (by hand or after an action), in any session. */
  lastExport: LastExportView | null;
}

/** "Dec 6, 14:05" (`text`, in the plan's time zone) to the workbook named `workbook`; `at` is the instant (ISO). */
export interface LastExportView {
  at: string;
  text: string;
  workbook: string;
}

export type DealSaved = { ok: true; message: string; deal: DealView } | { ok: false; message: string; errors: FieldErrors };

export type ExportResult =
  | { ok: true; message: string; workbook: WorkbookView; lastExport: LastExportView | null }
  /** `needsWorkbook`: no workbook is linked yet (the sidebar offers to create or choose one). */
  | { ok: false; message: string; needsWorkbook: boolean };

/** What the Picker dialog is given to open Google Picker (developer key and app id from script properties). */
export interface PickerSettings {
  ok: true;
  developerKey: string;
  appId: string;
  oauthToken: string;
}

/** A spreadsheet the picker stand-in lists (the emulation's Drive; Google Picker in Google). */
export interface PickableWorkbook {
  id: string;
  name: string;
}
