/** The rows a plan exports: its Deals row, one Steps row per step, one Slips row per recorded slip, typed for the workbook and the CSV files. */
import { compareDates, daysBetween, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from '../scheduling/calendar';
import { statusLabel } from '../reading/cell-status';
import { crmIdOf, DEAL_OUTCOME_LABELS, type DealDetails } from '../deal/deal';
import { observe, startHistory, stepOf, type HistoryCause, type PlanHistory, type StepRecord } from '../history/history';
import type { ParsedPlan, ParsedStep } from '../reading/parsed-plan';
import { isSettled, type IsoDate, type Side } from '../plan';
import { dateCell } from './cells';
import type { DealColumnId, Row, SlipColumnId, StepColumnId } from './layout';
import { stepKindOf } from './step-kinds';

export interface PlanExportInput {
  documentId: string;
  /** The document's address, for the Plan link. */
  url: string;
  plan: ParsedPlan;
  /** The saved history; null when the add-on has none yet (the plan as it stands becomes the baseline). */
  history: PlanHistory | null;
  deal: DealDetails;
  today: IsoDate;
  /** Working days for slip lengths; the plan's own holidays are added. Monday to Friday by default. */
  calendar?: WorkCalendar;
}

export interface PlanRows {
  deal: Row<DealColumnId>;
  steps: Row<StepColumnId>[];
  slips: Row<SlipColumnId>[];
}

/** "yes" / "no" / "open" / "unknown" as the Steps sheet's On time column writes them. */
export type OnTime = 'yes' | 'no' | 'open' | 'unknown' | 'not needed';

export const SIDE_LABELS: Readonly<Record<Side, string>> = { ours: 'Seller', theirs: 'Buyer', both: 'Both', unknown: 'Unknown' };

export const CAUSE_LABELS: Readonly<Record<HistoryCause, string>> = {
  shift: 'shift by the add-on',
  hand: 'edit by hand',
  undo: 'undo',
  insert: 'insert',
};

/**
 * The history as of today: what the document shows now observed into the saved history (as
 * every action does first), so a status typed since the last action counts. Not saved: the
 * export only reads.
 */
export function currentHistory(plan: ParsedPlan, history: PlanHistory | null, today: IsoDate): PlanHistory {
  return history ? observe(history, plan, today, 'hand').history : startHistory(plan, today, 'hand');
}

/**
 * Whether a step was done by its first planned date, as completedOnTime (history.ts) counts it:
 * "yes" and "no" are what the completion rate is measured over.
 */
export function onTimeOf(record: Pick<StepRecord, 'baselineDue' | 'completedOn' | 'completeWhenFirstSeen'>, today: IsoDate): OnTime {
  const promised = record.baselineDue;
  if (record.completedOn !== null) {
    if (promised === null) return 'unknown';
    if (compareDates(record.completedOn, promised) <= 0) return 'yes';
    return record.completeWhenFirstSeen ? 'unknown' : 'no';
  }
  if (promised === null) return 'open';
  return compareDates(promised, today) < 0 ? 'no' : 'open';
}

/** Working days from the first planned date to the date now (or the last date, while cleared); 0 when not later. */
export function daysSlipped(record: Pick<StepRecord, 'baselineDue' | 'currentDue' | 'lastDatedDue'>, calendar: WorkCalendar): number {
  const now = record.currentDue ?? record.lastDatedDue;
  if (record.baselineDue === null || now === null) return 0;
  return Math.max(0, workingDaysBetween(record.baselineDue, now, calendar));
}

function planCalendar(plan: ParsedPlan, calendar: WorkCalendar | undefined): WorkCalendar {
  const base = calendar ?? WORKING_DAYS;
  if (plan.holidays.length === 0) return base;
  return { calendarDays: base.calendarDays, holidays: new Set([...base.holidays, ...plan.holidays]) };
}

function statusText(step: ParsedStep): string {
  return step.status === null ? step.statusText.trim() : statusLabel(step.status);
}

/** Every row the plan exports, computed in one pass over its steps and history. */
export function planRows(input: PlanExportInput): PlanRows {
  const { plan, deal, today, documentId } = input;
  const history = currentHistory(plan, input.history, today);
  const calendar = planCalendar(plan, input.calendar);
  const theirCompany = deal.theirCompany ?? plan.agreement?.company ?? plan.companies?.theirCompany ?? null;

  const steps: Row<StepColumnId>[] = [];
  const seen = new Set<string>();
  let complete = 0;
  let due = 0;
  let onTime = 0;
  let overdue = 0;
  let blocked = 0;
  for (const step of plan.steps) {
    // A key twice (a row copied with its tag) is one step, as in the history.
    if (seen.has(step.key)) continue;
    seen.add(step.key);
    const record = stepOf(history, step.key);
    // A dropped step was neither done nor missed: the completion rate leaves it out, as completedOnTime does.
    const on = step.status === 'not_needed' ? 'not needed' : record ? onTimeOf(record, today) : 'open';
    if (step.status === 'complete') complete += 1;
    if (step.status === 'blocked') blocked += 1;
    if (!isSettled(step.status) && step.due !== null && compareDates(step.due, today) < 0) overdue += 1;
    if (on === 'yes' || on === 'no') due += 1;
    if (on === 'yes') onTime += 1;
    steps.push({
      documentId,
      stepKey: step.key,
      theirCompany,
      number: step.label,
      phase: step.phase,
      action: step.action,
      kind: stepKindOf(step.action),
      owner: step.owner,
      ownerSide: SIDE_LABELS[step.side],
      baselineDue: dateCell(record?.baselineDue ?? step.due),
      currentDue: dateCell(step.due),
      completedOn: dateCell(record?.completedOn ?? null),
      slips: record?.slips ?? 0,
      daysSlipped: record ? daysSlipped(record, calendar) : 0,
      status: statusText(step),
      onTime: on,
    });
  }

  let slips = 0;
  let slipDays = 0;
  for (const record of Object.values(history.steps)) {
    slips += record.slips;
    slipDays += daysSlipped(record, calendar);
    if (record.removedOn === null) continue;
    // A step since removed keeps its row: its slips still count in "steps that slip most often".
    steps.push({
      documentId,
      stepKey: record.key,
      theirCompany,
      number: String(record.number),
      phase: null,
      action: record.action,
      kind: stepKindOf(record.action),
      owner: record.owner,
      ownerSide: null,
      baselineDue: dateCell(record.baselineDue),
      currentDue: dateCell(record.currentDue),
      completedOn: dateCell(record.completedOn),
      slips: record.slips,
      daysSlipped: daysSlipped(record, calendar),
      status: 'Removed',
      onTime: null,
    });
  }

  const firstTarget = history.keyDates.decisionTarget?.baseline ?? plan.keyDates.decisionTarget?.date ?? null;
  const closedOn = deal.outcome === 'open' ? null : deal.closedOn;
  const dealRow: Row<DealColumnId> = {
    documentId,
    plan: { text: plan.title ?? (theirCompany ? `${theirCompany} plan` : 'Plan'), url: input.url },
    seller: deal.seller,
    theirCompany,
    dealType: deal.dealType,
    stage: deal.stage,
    value: deal.annualContractValue,
    currency: deal.currency,
    crmId: crmIdOf(deal.crm),
    planStarted: dateCell(history.baseline.on),
    evaluationStart: dateCell(plan.keyDates.evaluationStart?.date ?? null),
    decisionTargetFirst: dateCell(firstTarget),
    decisionTarget: dateCell(plan.keyDates.decisionTarget?.date ?? null),
    goLiveTarget: dateCell(plan.keyDates.goLiveTarget?.date ?? null),
    stepsTotal: seen.size,
    stepsComplete: complete,
    stepsDue: due,
    stepsOnTime: onTime,
    stepsOverdue: overdue,
    stepsBlocked: blocked,
    completionRate: due > 0 ? onTime / due : null,
    slips,
    slipDays,
    lastChange: dateCell(history.lastActivityOn),
    lastReview: dateCell(history.reviews[history.reviews.length - 1] ?? null),
    outcome: DEAL_OUTCOME_LABELS[deal.outcome].toLowerCase(),
    closedOn: dateCell(closedOn),
    closeVsTarget: closedOn !== null && firstTarget !== null ? daysBetween(firstTarget, closedOn) : null,
    exportedOn: dateCell(today),
  };

  const labels = new Map(plan.steps.map((s) => [s.key, s.label]));
  return { deal: dealRow, steps, slips: slipRows(history, documentId, theirCompany, calendar, labels) };
}

/**
 * One row per recorded slip of a step: a due date moved to a later day than the step's last date
 * (a date cleared to TBD and given again compares with the last date it had, as the history
 * counts slips). Only what the event log still holds: a plan with more than 400 changes has its
 * oldest summarised (the Steps sheet's Slips column stays exact).
 */
function slipRows(
  history: PlanHistory,
  documentId: string,
  theirCompany: string | null,
  calendar: WorkCalendar,
  labels: ReadonlyMap<string, string>,
): Row<SlipColumnId>[] {
  const lastDated = new Map<string, IsoDate>();
  const ids = new Map<string, number>();
  const rows: Row<SlipColumnId>[] = [];
  for (const event of history.events) {
    if (event.kind !== 'due') continue;
    const previous = event.from ?? lastDated.get(event.key) ?? null;
    if (event.to !== null) lastDated.set(event.key, event.to);
    if (event.to === null || previous === null || compareDates(event.to, previous) <= 0) continue;
    const record = stepOf(history, event.key);
    const base = `${event.on} ${event.key} ${previous}>${event.to}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    rows.push({
      documentId,
      slipId: n === 1 ? base : `${base} #${n}`,
      theirCompany,
      stepKey: event.key,
      // The step's number as the plan writes it now ("5a"), or as last seen for a step since removed.
      number: labels.get(event.key) ?? (record ? String(record.number) : null),
      action: record?.action ?? null,
      kind: record ? stepKindOf(record.action) : null,
      from: dateCell(previous),
      to: dateCell(event.to),
      workingDays: workingDaysBetween(previous, event.to, calendar),
      recordedOn: dateCell(event.on),
      cause: CAUSE_LABELS[event.cause],
    });
  }
  return rows;
}
