/** What the history stores: its records and events, their bounds, and the decisions behind them. */
import type { KeyDateName } from '../reading/parsed-plan';
import type { IsoDate, Status } from '../plan';

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────
//
// Slips. A slip is one move of a due date to a later day than the step's previous date, by a
// shift or by hand. A move earlier is recorded (an event, activity) but is not a slip. A date
// cleared to "TBD" is a change, not a slip; when the step gets a date again, it is compared with
// the last date it had, so "Mar 10 → TBD → Mar 24" is one slip. A first date given to a step
// that never had one is not a slip. Key dates (decision target, go-live) count slips the same way.
// A slip undone is no slip: a date moved back to (or before) the date it had before a slip takes
// that slip back ("Mar 10 → Mar 17 → Mar 10" is no slip; "→ Mar 24 → Mar 17" leaves one), so
// "steps keep slipping" and the metrics count only the slips that still stand.
//
// Times. Days order most things; on the same day, a review and a step added after it are ordered
// by the instant each was recorded (`reviewedAt`, `addedAt`, when the caller gives one), so a step
// added after today's review is still news at the next one.
//
// Scheduled dates. A shift settles the dates it decided (its changes); a date a person typed into
// another step before the shift stays a hand edit that "Shift from these edits" still sees.
//
// Original due date (`baselineDue`). The first date the plan gave the step: its date in the
// baseline, or, for a step added since or one that was undated, the first date it got. It never
// changes afterwards (undo excepted), so "completed on time" means "by the date first promised".
//
// Completion. `completedOn` is the first day the add-on saw the step complete. The history only
// knows what it sees: a step marked complete on Monday and first seen on Wednesday (the next
// action anyone took) was completed on Wednesday as far as it knows. A step set back to Pending,
// In progress or Blocked is reopened: `completedOn` is cleared and set again when it is next seen
// complete. A status the reader did not understand (null) neither completes nor reopens.
//
// Activity. `lastActivityOn` is the last day any status or date changed, or a step was added or
// removed: what "a MAP that nobody updates is dead" measures. Renaming an action or renumbering
// rows is not activity.
//
// Stakeholders. People in the Stakeholders table are remembered by name (case and spacing
// ignored), with the day each was first seen and whether they were there at the baseline: the
// weekly review's "Any new stakeholders or requirements that have come up?". A placeholder such
// as "[Economic buyer name]" is not a person and is not remembered, so the name typed over it
// later is new. A person removed from the table keeps their record, so putting them back is not
// news. A title change updates the record. People changing is not activity: the method's dead
// plan is one whose statuses and dates nobody updates. A history saved before people were
// tracked has no `stakeholders`; the first observation that sees the table adopts everyone in it
// as known (inBaseline), so an upgrade does not report the whole table as new. An observation
// without people (a shift, the insert) leaves the records as they are.
//
// Bounds. The event log keeps the newest MAX_EVENTS events; when it overflows, the oldest go
// first and are only counted in `summarised` (how many, and through which day). The per-step
// counters (baselineDue, currentDue, slips, completedOn, addedOn, lastChangedOn) and the key-date
// records are never trimmed: every query below reads them, not the log, so trimming changes
// nothing the health check or the metrics report. Removed steps stay (their slips still count in
// "steps that slip most often") up to MAX_REMOVED_STEPS; beyond that, the longest-removed go
// first. Review dates keep the newest MAX_REVIEWS. Texts are clipped (an action to 120
// characters) so that no record grows with what a person pastes into a cell.
//
// With these bounds a full log (400 events) takes about 50 KB for a 12-step plan and 70 KB for a
// 60-step one as stored: under the history store's 160 KB budget, far under the 500 KB store.

/** A real deal's lifetime of edits (a 40-step plan: ~3 status changes per step plus several shifts) fits. */

export const MAX_EVENTS = 400;
export const MAX_REMOVED_STEPS = 100;
/** Two years of weekly reviews. */
export const MAX_REVIEWS = 104;
/** Far more people than any buying committee; beyond it, the longest-known people no longer in the table go first. */
export const MAX_STAKEHOLDERS = 200;

export const ACTION_MAX = 120;
export const OWNER_MAX = 80;
export const STATUS_MAX = 40;
export const NAME_MAX = 80;
export const TITLE_MAX = 80;

// ─── Model ───────────────────────────────────────────────────────────────────────────────────

/** Who made a change: a shift the add-on wrote, a person's edit seen at the next action, the inserted plan, or an undo. */
export type HistoryCause = 'shift' | 'hand' | 'insert' | 'undo';
export type ObserveCause = 'hand' | 'shift' | 'undo';
/** 'insert': the add-on inserted the plan; 'hand': a plan people wrote, first read by the add-on. */
export type BaselineCause = 'insert' | 'hand';

export type HistoryEventKind = 'due' | 'status' | 'added' | 'removed' | 'keyDate';

/**
 * One change. `key` is the step key, or the key date's name for 'keyDate'. `from`/`to`: ISO dates
 * for 'due' and 'keyDate' (null when undated); the status as written for 'status'; the action for
 * 'added' (`to`) and 'removed' (`from`).
 */
export interface HistoryEvent {
  on: IsoDate;
  key: string;
  kind: HistoryEventKind;
  from: string | null;
  to: string | null;
  cause: HistoryCause;
}

export interface StepRecord {
  key: string;
  /** Last seen, clipped: names a removed step in the metrics. */
  action: string;
  number: number;
  owner: string;
  /** The original due date: the first date the plan gave the step (see Decisions). */
  baselineDue: IsoDate | null;
  currentDue: IsoDate | null;
  /**
   * The date the plan last agreed for the step: set at the baseline, by a shift or an undo, and
   * when the step appears. A hand edit leaves it, so `currentDue` differing from it is a slip
   * typed into the document that "Shift from these edits" shifts from.
   */
  scheduledDue: IsoDate | null;
  /** The last date the step had; differs from currentDue only while the date is cleared. */
  lastDatedDue: IsoDate | null;
  slips: number;
  /** The date before each slip that still stands, oldest first: a move back to one of them undoes the slips after it. Absent in older histories. */
  slippedFrom?: IsoDate[];
  status: Status | null;
  statusText: string;
  completedOn: IsoDate | null;
  /** Already complete the first time the add-on saw it (at the baseline or when added): when it was done is unknown. */
  completeWhenFirstSeen: boolean;
  addedOn: IsoDate;
  /** The instant it was first seen, when the caller gave one: orders it against a review on the same day. */
  addedAt?: string;
  /** Last day its date or status changed (or it was added): "champion whose steps have not moved". */
  lastChangedOn: IsoDate;
  /** False for a step added since the baseline. */
  inBaseline: boolean;
  /** Set while the step is no longer in the document. */
  removedOn: IsoDate | null;
}

export interface KeyDateRecord {
  /** The first date the plan gave it, as for a step's original due date. */
  baseline: IsoDate | null;
  current: IsoDate | null;
  lastDated: IsoDate | null;
  changes: number;
  slips: number;
  /** As for a step: the date before each slip that still stands. */
  slippedFrom?: IsoDate[];
}

/** A person from the Stakeholders table, as the history remembers them (see Decisions: stakeholders). */
export interface StakeholderRecord {
  /** As last written (clipped). */
  name: string;
  title: string;
  /** The day the add-on first saw them in the table. */
  addedOn: IsoDate;
  /** False for a person added since the baseline: "new stakeholders". */
  inBaseline: boolean;
}

export interface PlanHistory {
  baseline: { on: IsoDate; cause: BaselineCause };
  /** By step key. */
  steps: Record<string, StepRecord>;
  /**
   * By name, lower case with single spaces. Absent in histories saved before people were tracked,
   * and until an observation first sees the Stakeholders table (see Decisions: stakeholders).
   */
  stakeholders?: Record<string, StakeholderRecord>;
  keyDates: Partial<Record<KeyDateName, KeyDateRecord>>;
  lastActivityOn: IsoDate;
  /** Days the weekly review was held, oldest first. */
  reviews: IsoDate[];
  /** The instant of the last review, when the caller gave one (see Decisions: times). */
  reviewedAt?: string;
  /** Oldest first, at most MAX_EVENTS. */
  events: HistoryEvent[];
  /** The events dropped from the log so far: how many, and the day of the newest one dropped. */
  summarised: { events: number; through: IsoDate | null };
}

/** What the history needs from a step: a ParsedStep fits, and so does a drafted step given its key. */
export interface ObservedStep {
  key: string;
  action: string;
  number: number;
  due: IsoDate | null;
  /** Null when the status text was not understood. */
  status: Status | null;
  statusText?: string;
  owner?: string;
}

/** A key date as the reader gives it (a line with its date) or as the Insert form has it (a date); null when undated or missing. */
export type ObservedKeyDate = IsoDate | { date: IsoDate | null } | null;

/** A person as the reader gives them: a ParsedStakeholder fits. */
export interface ObservedStakeholder {
  name: string;
  title: string;
}

/**
 * A ParsedPlan fits; so does `{ steps, keyDates }` built from the drafted plan at insert time. A key
 * date left out is not observed; people left out (no `stakeholders`) are not observed either.
 */
export interface ObservedPlan {
  steps: readonly ObservedStep[];
  keyDates: Partial<Record<KeyDateName, ObservedKeyDate>>;
  stakeholders?: readonly ObservedStakeholder[];
}

export interface Observation {
  history: PlanHistory;
  /** What changed in this observation, oldest first (returned even when the log had to drop older ones). */
  events: HistoryEvent[];
  /** True when this observation pushed older events out of the log: "older history entries were summarised". */
  trimmed: boolean;
  /**
   * True when the history differs from the one given: events, or people first seen or renamed
   * (which make no event). What the caller saves on.
   */
  changed: boolean;
}

/** What undo needs to put the date counters back as they were before a shift (see observeUndo). */
export interface CountersBefore {
  steps: { key: string; due: IsoDate | null; lastDatedDue: IsoDate | null; baselineDue: IsoDate | null; slips: number; slippedFrom?: IsoDate[] }[];
  keyDates: ({ name: KeyDateName } & KeyDateRecord)[];
}
