/** Building and updating the history: the baseline, each observation of the plan after an action or a hand edit, reviews and trimming. */
import { compareDates } from '../scheduling/calendar';
import { statusLabel } from '../reading/cell-status';
import type { KeyDateName } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import { define, hasOwn } from '../records';
import { knownPeople, personId } from './people';
import { laterOf, stepOf } from './queries';
import { ACTION_MAX, MAX_EVENTS, MAX_REMOVED_STEPS, MAX_REVIEWS, MAX_STAKEHOLDERS, NAME_MAX, OWNER_MAX, STATUS_MAX, TITLE_MAX, type BaselineCause, type HistoryEventKind, type ObservedStakeholder, type CountersBefore, type HistoryEvent, type KeyDateRecord, type ObserveCause, type Observation, type ObservedPlan, type ObservedStep, type PlanHistory, type StakeholderRecord, type StepRecord } from './records';

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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
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
