/** What the health check, the review and the metrics ask the history: live steps, slips, hand edits, activity, people, completion on time, key-date drift. */
import { compareDates, daysBetween } from '../scheduling/calendar';
import type { KeyDateName } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import { hasOwn } from '../records';
import { knownPeople, personId } from './people';
import type { KeyDateRecord, PlanHistory, StakeholderRecord, StepRecord } from './records';

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
 * already complete when first seen after their date had passed (when they were done is unknown), and
 * steps not needed (cancelled, N/A), which were neither done nor missed.
 */
export function completedOnTime(history: PlanHistory, today: IsoDate): CompletionRate {
  let counted = 0;
  let completed = 0;
  let onTime = 0;
  for (const r of liveSteps(history)) {
    if (r.completedOn !== null) completed += 1;
    const promised = r.baselineDue;
    if (promised === null || r.status === 'not_needed') continue;
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

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}
