/** The plan's memory of itself: the baseline, every change of a due date or status since, and the counters the health check and the metrics read. */
import { compareDates, daysBetween } from '../scheduling/calendar';
import { statusLabel } from '../reading/cell-status';
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

const ACTION_MAX = 120;
const OWNER_MAX = 80;
const STATUS_MAX = 40;
const NAME_MAX = 80;
const TITLE_MAX = 80;

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

const KEY_DATE_NAMES: readonly KeyDateName[] = ['evaluationStart', 'decisionTarget', 'goLiveTarget'];

// ─── Building and updating ───────────────────────────────────────────────────────────────────

/** The baseline: the plan's dates and statuses as inserted, or as first read. No events: the baseline is the record itself. */
export function startHistory(plan: ObservedPlan, today: IsoDate, cause: BaselineCause): PlanHistory {
  const steps: Record<string, StepRecord> = {};
  for (const step of plan.steps) {
    if (!hasOwn(steps, step.key)) define(steps, step.key, newStep(step, today, true));
  }
  const keyDates: Partial<Record<KeyDateName, KeyDateRecord>> = {};
  for (const name of KEY_DATE_NAMES) {
    const date = observedDate(plan.keyDates, name);
    if (date !== undefined) keyDates[name] = { baseline: date, current: date, lastDated: date, changes: 0, slips: 0 };
  }
  return {
    baseline: { on: today, cause },
    steps,
    ...(plan.stakeholders ? { stakeholders: observePeople(undefined, plan.stakeholders, today).records } : {}),
    keyDates,
    lastActivityOn: today,
    reviews: [],
    events: [],
    summarised: { events: 0, through: null },
  };
}

/**
 * Compares what the document says now with what was last seen and records the differences.
 * Call it with 'hand' at the start of every action (edits people made since are seen then), and
 * with 'shift' right after writing a shift. The given history is not changed.
 */
export interface ObserveOptions {
  /** The instant of this observation (ISO): orders steps added today against today's review. */
  at?: string;
  /**
   * For a shift: the keys of the steps whose dates it decided. Only those are now scheduled; a date
   * typed by hand elsewhere stays a hand edit. All steps when absent.
   */
  scheduled?: readonly string[];
}

export function observe(history: PlanHistory, plan: ObservedPlan, today: IsoDate, cause: ObserveCause, options: ObserveOptions = {}): Observation {
  return observeWith(history, plan, today, cause, null, options);
}

/**
 * After "Undo last shift" wrote its cells: records the undo's changes, then gives each step (and
 * key date) whose date is back at its pre-shift date its pre-shift counters, so a shift undone
 * leaves no slip behind. The rule goes by value, not by which cells undo wrote: a cell a person
 * changed after the shift keeps that person's date and the slips it earned; a date a person put
 * back by hand is treated as undone.
 */
export function observeUndo(history: PlanHistory, plan: ObservedPlan, today: IsoDate, before: CountersBefore): Observation {
  return observeWith(history, plan, today, 'undo', before, {});
}

/** The counters undo restores, taken before a shift is written, for the steps and key dates it may change. */
export function countersBefore(history: PlanHistory, keys: readonly string[], keyDates: readonly KeyDateName[]): CountersBefore {
  const steps = unique(keys).flatMap((key) => {
    const r = stepOf(history, key);
    return r ? [{ key, due: r.currentDue, lastDatedDue: r.lastDatedDue, baselineDue: r.baselineDue, slips: r.slips, ...(r.slippedFrom ? { slippedFrom: r.slippedFrom } : {}) }] : [];
  });
  const dates = unique(keyDates).flatMap((name) => {
    const r = history.keyDates[name];
    return r ? [{ name, ...r }] : [];
  });
  return { steps, keyDates: dates };
}

/** Appends the day of a weekly review (once per day), keeping the newest MAX_REVIEWS; `at`, the review's instant, orders it against steps added the same day. */
export function recordReview(history: PlanHistory, today: IsoDate, at?: string): PlanHistory {
  const reviews = history.reviews.includes(today) ? history.reviews : [...history.reviews, today].sort(compareDates).slice(-MAX_REVIEWS);
  const lastBefore = history.reviews[history.reviews.length - 1];
  // The instant belongs to the last review: this one's when this one is the last, else as it was.
  const time = reviews[reviews.length - 1] === today ? (at ?? (lastBefore === today ? history.reviewedAt : undefined)) : history.reviewedAt;
  if (reviews === history.reviews && time === history.reviewedAt) return history;
  const next: PlanHistory = { ...history, reviews };
  if (time === undefined) delete next.reviewedAt;
  else next.reviewedAt = time;
  return next;
}

/**
 * Keeps the newest `keep` events and counts the rest in `summarised`. The counters are untouched,
 * so every query answers as before. The store uses it when the history would exceed its budget.
 */
export function trimEvents(history: PlanHistory, keep: number): { history: PlanHistory; dropped: number } {
  const dropped = Math.max(0, history.events.length - Math.max(0, Math.floor(keep)));
  if (dropped === 0) return { history, dropped: 0 };
  const last = history.events[dropped - 1];
  return {
    history: {
      ...history,
      events: history.events.slice(dropped),
      summarised: { events: history.summarised.events + dropped, through: last ? last.on : history.summarised.through },
    },
    dropped,
  };
}

/** Forgets removed steps beyond the newest `keep` removals (the store's last resort when over budget). */
export function forgetRemovedSteps(history: PlanHistory, keep: number): PlanHistory {
  return { ...history, steps: pruneRemoved(history.steps, keep) };
}

function observeWith(
  history: PlanHistory,
  plan: ObservedPlan,
  today: IsoDate,
  cause: ObserveCause,
  restore: CountersBefore | null,
  options: ObserveOptions,
): Observation {
  const scheduled = options.scheduled ? new Set(options.scheduled) : null;
  const events: HistoryEvent[] = [];
  const log = (kind: HistoryEventKind, key: string, from: string | null, to: string | null): void => {
    events.push({ on: today, key, kind, from, to, cause });
  };

  const steps: Record<string, StepRecord> = {};
  for (const record of Object.values(history.steps)) define(steps, record.key, { ...record });

  const seen = new Set<string>();
  for (const step of plan.steps) {
    // A key twice (a row copied with its tag) is one step: the first row speaks for it.
    if (seen.has(step.key)) continue;
    seen.add(step.key);
    const r = stepOf({ steps }, step.key);
    if (!r) {
      const added = newStep(step, today, false);
      if (options.at !== undefined) added.addedAt = options.at;
      define(steps, step.key, added);
      log('added', step.key, null, added.action);
      continue;
    }
    r.action = clip(step.action, ACTION_MAX);
    r.number = step.number;
    // Histories saved before scheduledDue existed agreed with what was last seen.
    if (r.scheduledDue === undefined) r.scheduledDue = r.currentDue;
    if (step.owner !== undefined) r.owner = clip(step.owner, OWNER_MAX);
    let changed = false;

    if (r.removedOn !== null) {
      // Back in the document (a person's own undo, a row pasted back): the same step, counters kept.
      r.removedOn = null;
      log('added', r.key, null, r.action);
      changed = true;
    }

    if (step.due !== r.currentDue) {
      log('due', r.key, r.currentDue, step.due);
      const moved = moveDate({ baseline: r.baselineDue, current: r.currentDue, lastDated: r.lastDatedDue, slippedFrom: r.slippedFrom }, step.due);
      r.baselineDue = moved.baseline;
      r.currentDue = moved.current;
      r.lastDatedDue = moved.lastDated;
      r.slips = Math.max(0, r.slips + moved.slips);
      if (moved.slippedFrom.length > 0 || r.slippedFrom) r.slippedFrom = moved.slippedFrom;
      changed = true;
    }

    if (cause !== 'hand' && (scheduled === null || scheduled.has(r.key))) r.scheduledDue = step.due;

    const text = statusTextOf(step);
    if (step.status !== r.status || (step.status === null && squash(text) !== squash(r.statusText))) {
      log('status', r.key, r.statusText, text);
      changed = true;
    }
    if (step.status === 'complete') {
      if (r.completedOn === null) {
        r.completedOn = today;
        r.completeWhenFirstSeen = false;
      }
    } else if (step.status !== null) {
      r.completedOn = null;
      r.completeWhenFirstSeen = false;
    }
    r.status = step.status;
    r.statusText = text;
    if (changed) r.lastChangedOn = today;
  }

  for (const r of Object.values(steps)) {
    if (!seen.has(r.key) && r.removedOn === null) {
      r.removedOn = today;
      r.lastChangedOn = today;
      log('removed', r.key, r.action, null);
    }
  }

  const keyDates: Partial<Record<KeyDateName, KeyDateRecord>> = { ...history.keyDates };
  for (const name of KEY_DATE_NAMES) {
    const date = observedDate(plan.keyDates, name);
    if (date === undefined) continue;
    const known = keyDates[name];
    if (!known) {
      keyDates[name] = { baseline: date, current: date, lastDated: date, changes: 0, slips: 0 };
      if (date !== null) log('keyDate', name, null, date);
      continue;
    }
    if (date === known.current) continue;
    log('keyDate', name, known.current, date);
    const moved = moveDate(known, date);
    keyDates[name] = {
      baseline: moved.baseline,
      current: moved.current,
      lastDated: moved.lastDated,
      changes: known.changes + 1,
      slips: Math.max(0, known.slips + moved.slips),
      ...(moved.slippedFrom.length > 0 || known.slippedFrom ? { slippedFrom: moved.slippedFrom } : {}),
    };
  }

  if (restore) {
    for (const saved of restore.steps) {
      const r = stepOf({ steps }, saved.key);
      if (r && r.currentDue === saved.due) {
        r.baselineDue = saved.baselineDue;
        r.lastDatedDue = saved.lastDatedDue;
        r.slips = saved.slips;
        if (saved.slippedFrom) r.slippedFrom = saved.slippedFrom;
        else delete r.slippedFrom;
      }
    }
    for (const { name, ...saved } of restore.keyDates) {
      if (keyDates[name]?.current === saved.current) keyDates[name] = saved;
    }
  }

  const lastActivityOn = events.length > 0 ? laterOf(history.lastActivityOn, today) : history.lastActivityOn;
  const people = plan.stakeholders ? observePeople(knownPeople(history), plan.stakeholders, today) : null;
  const grown: PlanHistory = {
    ...history,
    steps: pruneRemoved(steps, MAX_REMOVED_STEPS),
    ...(people ? { stakeholders: people.records } : {}),
    keyDates,
    lastActivityOn,
    events: [...history.events, ...events],
  };
  const { history: bounded, dropped } = trimEvents(grown, MAX_EVENTS);
  return { history: bounded, events, trimmed: dropped > 0, changed: events.length > 0 || (people?.changed ?? false) };
}

function newStep(step: ObservedStep, today: IsoDate, inBaseline: boolean): StepRecord {
  const complete = step.status === 'complete';
  return {
    key: step.key,
    action: clip(step.action, ACTION_MAX),
    number: step.number,
    owner: clip(step.owner ?? '', OWNER_MAX),
    baselineDue: step.due,
    currentDue: step.due,
    scheduledDue: step.due,
    lastDatedDue: step.due,
    slips: 0,
    status: step.status,
    statusText: statusTextOf(step),
    completedOn: complete ? today : null,
    completeWhenFirstSeen: complete,
    addedOn: today,
    lastChangedOn: today,
    inBaseline,
    removedOn: null,
  };
}

/** The date-tracking rules shared by steps and key dates (see Decisions: slips, original due date). */
/** Slips kept per step for undoing them: far more than any real step slips. */
const MAX_SLIPS_KEPT = 50;

/**
 * A date's move: later is a slip (the date before it is kept); earlier back to (or before) a date
 * it had before a slip undoes that slip and every one after it. `slips` is the change in the count.
 */
function moveDate(
  track: { baseline: IsoDate | null; current: IsoDate | null; lastDated: IsoDate | null; slippedFrom?: IsoDate[] | undefined },
  to: IsoDate | null,
): { baseline: IsoDate | null; current: IsoDate | null; lastDated: IsoDate | null; slips: number; slippedFrom: IsoDate[] } {
  const previous = track.current ?? track.lastDated;
  const stack = [...(track.slippedFrom ?? [])];
  let slips = 0;
  if (to !== null && previous !== null) {
    if (compareDates(to, previous) > 0) {
      stack.push(previous);
      slips = 1;
    } else {
      for (let top = stack[stack.length - 1]; top !== undefined && compareDates(to, top) <= 0; top = stack[stack.length - 1]) {
        stack.pop();
        slips -= 1;
      }
    }
  }
  return { baseline: track.baseline ?? to, current: to, lastDated: to ?? track.lastDated, slips, slippedFrom: stack.slice(-MAX_SLIPS_KEPT) };
}

/**
 * The people records after seeing the table: a new name is recorded (in the baseline when the
 * history has no people yet), a known one gets its latest spelling and title. Placeholders and
 * empty names are not people. Beyond MAX_STAKEHOLDERS, the longest-known people not in the table go.
 */
function observePeople(
  known: Record<string, StakeholderRecord> | undefined,
  people: readonly ObservedStakeholder[],
  today: IsoDate,
): { records: Record<string, StakeholderRecord>; changed: boolean } {
  const records: Record<string, StakeholderRecord> = {};
  for (const [id, r] of Object.entries(known ?? {})) define(records, id, { ...r });
  const present = new Set<string>();
  let changed = known === undefined;
  for (const person of people) {
    const id = personId(person.name);
    if (id === null || present.has(id)) continue;
    present.add(id);
    const name = clip(person.name.trim().replace(/\s+/g, ' '), NAME_MAX);
    const title = clip(person.title.trim().replace(/\s+/g, ' '), TITLE_MAX);
    const r = hasOwn(records, id) ? records[id] : undefined;
    if (r) {
      if (r.name !== name || r.title !== title) changed = true;
      r.name = name;
      r.title = title;
    } else {
      define(records, id, { name, title, addedOn: today, inBaseline: known === undefined });
      changed = true;
    }
  }
  const ids = Object.keys(records);
  if (ids.length <= MAX_STAKEHOLDERS) return { records, changed };
  const forget = new Set(
    ids
      .filter((id) => !present.has(id))
      .sort((a, b) => compareDates(records[a]?.addedOn ?? today, records[b]?.addedOn ?? today))
      .slice(0, ids.length - MAX_STAKEHOLDERS),
  );
  const kept: Record<string, StakeholderRecord> = {};
  for (const id of ids) if (!forget.has(id)) define(kept, id, records[id] as StakeholderRecord);
  return { records: kept, changed: true };
}

/** The key a person is remembered by, or null for a placeholder or an empty name. */
function personId(name: string): string | null {
  const id = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (id === '' || /[[\]]/.test(id)) return null;
  return id;
}

/** The saved people, or undefined when this history has not seen the table yet (or holds something else there). */
function knownPeople(history: PlanHistory): Record<string, StakeholderRecord> | undefined {
  const people: unknown = history.stakeholders;
  if (typeof people !== 'object' || people === null || Array.isArray(people)) return undefined;
  const records: Record<string, StakeholderRecord> = {};
  for (const [id, r] of Object.entries(people as Record<string, unknown>)) {
    if (isStakeholderRecord(r)) define(records, id, r);
  }
  return records;
}

function isStakeholderRecord(v: unknown): v is StakeholderRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Record<keyof StakeholderRecord, unknown>>;
  return typeof r.name === 'string' && typeof r.title === 'string' && typeof r.addedOn === 'string' && typeof r.inBaseline === 'boolean';
}

/** Keeps live steps and the newest `keep` removed ones, in their original order. */
function pruneRemoved(steps: Record<string, StepRecord>, keep: number): Record<string, StepRecord> {
  const removed = Object.values(steps).filter((r) => r.removedOn !== null);
  if (removed.length <= keep) return steps;
  const forget = new Set(
    removed
      .sort((a, b) => compareDates(a.removedOn ?? a.addedOn, b.removedOn ?? b.addedOn))
      .slice(0, removed.length - Math.max(0, keep))
      .map((r) => r.key),
  );
  const kept: Record<string, StepRecord> = {};
  for (const r of Object.values(steps)) if (!forget.has(r.key)) define(kept, r.key, r);
  return kept;
}

function observedDate(keyDates: ObservedPlan['keyDates'], name: KeyDateName): IsoDate | null | undefined {
  if (!hasOwn(keyDates, name)) return undefined;
  const value = keyDates[name];
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string') return value;
  return value.date;
}

/** The status as written; a drafted step has none yet, so it gets the method's word for its status. */
function statusTextOf(step: ObservedStep): string {
  const text = step.statusText ?? (step.status === null ? '' : statusLabel(step.status));
  return clip(text.trim(), STATUS_MAX);
}

// ─── Queries for the health check and the metrics ────────────────────────────────────────────

/** The steps in the document now, in step-number order. */
export function liveSteps(history: PlanHistory): StepRecord[] {
  return Object.values(history.steps)
    .filter((r) => r.removedOn === null)
    .sort((a, b) => a.number - b.number);
}

export function stepOf(history: Pick<PlanHistory, 'steps'>, key: string): StepRecord | null {
  return hasOwn(history.steps, key) ? (history.steps[key] ?? null) : null;
}

/** How many times the step's date moved later; 0 for a step the history does not know. */
export function slipsOf(history: PlanHistory, key: string): number {
  return stepOf(history, key)?.slips ?? 0;
}

/**
 * Steps that keep slipping (the health check: two slips or more), most slips first. With
 * `includeRemoved`, steps since deleted count too: "steps that slip most often" across the deal.
 */
export function slippingSteps(history: PlanHistory, atLeast = 2, includeRemoved = false): StepRecord[] {
  return Object.values(history.steps)
    .filter((r) => r.slips >= atLeast && (includeRemoved || r.removedOn === null))
    .sort((a, b) => b.slips - a.slips || a.number - b.number);
}

/** Steps whose date a person typed since the plan was last scheduled: the slips "Shift from these edits" starts from. */
export function editedByHand(history: PlanHistory): StepRecord[] {
  return liveSteps(history).filter((r) => r.currentDue !== null && (r.scheduledDue ?? r.currentDue) !== r.currentDue);
}

/**
 * Whether a step was added after the last weekly review (or, with none, since the baseline): by
 * day, and on the review's own day by the instants recorded (see Decisions: times). The health
 * check's new-scope finding and the weekly review's "new steps" both ask this.
 */
export function addedSinceLastReview(history: PlanHistory, record: StepRecord): boolean {
  if (record.inBaseline) return false;
  const lastReview = history.reviews[history.reviews.length - 1] ?? null;
  if (lastReview === null) return true;
  const order = compareDates(record.addedOn, lastReview);
  if (order !== 0) return order > 0;
  return record.addedAt !== undefined && history.reviewedAt !== undefined && record.addedAt > history.reviewedAt;
}

/** Steps in the document that were not in the baseline: scope creep or new stakeholders. */
export function stepsAddedSinceBaseline(history: PlanHistory): StepRecord[] {
  return liveSteps(history).filter((r) => !r.inBaseline);
}

/** Days since any status or date last changed (the dead-plan check: 14 or more). Never negative. */
export function daysSinceLastActivity(history: PlanHistory, today: IsoDate): number {
  return Math.max(0, daysBetween(history.lastActivityOn, today));
}

/**
 * The last day any of these steps changed its date or status (the champion's steps, say), or
 * null when none of them is known. The health check compares it with today.
 */
export function lastMovedOn(history: PlanHistory, keys: readonly string[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const key of keys) {
    const r = stepOf(history, key);
    if (r) last = last === null ? r.lastChangedOn : laterOf(last, r.lastChangedOn);
  }
  return last;
}

/** The record of a person in the Stakeholders table by name (case and spacing ignored), or null when unknown or a placeholder. */
export function stakeholderOf(history: PlanHistory, name: string): StakeholderRecord | null {
  const id = personId(name);
  const people = knownPeople(history);
  if (id === null || !people || !hasOwn(people, id)) return null;
  return people[id] ?? null;
}

/**
 * People first seen on or after `since` who were not in the baseline, in the order first seen:
 * the weekly review's new stakeholders. Empty while the history has not seen the table yet.
 */
export function stakeholdersAddedSince(history: PlanHistory, since: IsoDate): StakeholderRecord[] {
  return Object.values(knownPeople(history) ?? {})
    .filter((r) => !r.inBaseline && compareDates(r.addedOn, since) >= 0)
    .sort((a, b) => compareDates(a.addedOn, b.addedOn));
}

export interface CompletionRate {
  /** Steps that could have been done on time by now: completed, or past their original date. */
  counted: number;
  /** Steps in the document seen complete (counted or not). */
  completed: number;
  /** Completed on or before their original due date. */
  onTime: number;
  /** onTime / counted, or null when nothing is due yet. The method's target is above 0.7. */
  rate: number | null;
}

/**
 * "MAP completion rate: % of MAP steps completed on time", against each step's original due date
 * (a shifted date would make every step on time). Counted: live steps with an original date that
 * are complete, or not complete and past that date. Left out: undated steps, and steps that were
 * already complete when first seen after their date had passed (when they were done is unknown).
 */
export function completedOnTime(history: PlanHistory, today: IsoDate): CompletionRate {
  let counted = 0;
  let completed = 0;
  let onTime = 0;
  for (const r of liveSteps(history)) {
    if (r.completedOn !== null) completed += 1;
    const promised = r.baselineDue;
    if (promised === null) continue;
    if (r.completedOn !== null) {
      const early = compareDates(r.completedOn, promised) <= 0;
      if (r.completeWhenFirstSeen && !early) continue;
      counted += 1;
      if (early) onTime += 1;
    } else if (compareDates(promised, today) < 0) {
      counted += 1;
    }
  }
  return { counted, completed, onTime, rate: counted > 0 ? onTime / counted : null };
}

export interface KeyDateDrift extends KeyDateRecord {
  /** Calendar days from the first date to the current one (positive: later); null when either is missing. */
  daysMoved: number | null;
}

/** How far a key date has moved since it was first set: the decision target's drift is the close date's. */
export function keyDateDrift(history: PlanHistory, name: KeyDateName): KeyDateDrift | null {
  const r = history.keyDates[name];
  if (!r) return null;
  return { ...r, daysMoved: r.baseline !== null && r.current !== null ? daysBetween(r.baseline, r.current) : null };
}

/**
 * "MAP-to-close accuracy": calendar days from the decision target to the actual close (positive:
 * closed later), against the first target and the current one. The method's target is within 14.
 */
export function closeDateAccuracy(
  history: PlanHistory,
  closedOn: IsoDate,
): { fromBaseline: number | null; fromCurrent: number | null } {
  const r = history.keyDates.decisionTarget;
  return {
    fromBaseline: r?.baseline ? daysBetween(r.baseline, closedOn) : null,
    fromCurrent: r?.current ? daysBetween(r.current, closedOn) : null,
  };
}

// ─── Small helpers ───────────────────────────────────────────────────────────────────────────

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Defines an own property even for a key like "__proto__", which plain assignment would not store. */
function define<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Cuts long text at a character boundary (never inside an emoji's surrogate pair), marking the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
