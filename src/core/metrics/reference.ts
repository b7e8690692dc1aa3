/** The Metrics sheet's numbers computed directly from the plans, their histories and the CRM's opportunities: what the formulas are tested against, and what the command line prints. */
import { addDays, compareDates, dateParts, daysBetween, isoFromParts, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from '../scheduling/calendar';
import type { DealDetails } from '../deal/deal';
import { closeDateAccuracy, completedOnTime, liveSteps, stepOf, type PlanHistory, type StepRecord } from '../history/history';
import type { ParsedPlan } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import type { Opportunity } from './crm-report';
import type { MetricId } from './metrics-sheet';
import { currentHistory } from './rows';
import { STEP_KINDS, stepKindOf } from './step-kinds';

export interface ReferencePlan {
  documentId: string;
  plan: ParsedPlan;
  history: PlanHistory | null;
  deal: DealDetails;
  /** The day the plan was exported: what "past its date" was judged against. */
  today: IsoDate;
}

export interface ReferenceInput {
  plans: readonly ReferencePlan[];
  /** Already matched to the plans (match.ts). */
  opportunities: readonly Opportunity[];
  /** The Metrics sheet's "As of": the last of the four quarters is the one holding it. */
  asOf: IsoDate;
  /** The adoption rate's deal size; the method's $50K by default. */
  dealSize?: number;
  calendar?: WorkCalendar;
}

/** A metric's value: a number, a kind of step's label, or "" where the sheet shows nothing (no data). */
export type MetricValue = number | string;

export interface MetricValues {
  toDate: MetricValue;
  /** Oldest first; the last is the quarter holding As of. */
  quarters: MetricValue[];
}

export interface KindTotal {
  kind: string;
  slips: number;
  slipDays: number;
  stepsSlipped: number;
}

export interface ReferenceMetrics {
  quarterStarts: IsoDate[];
  metrics: Record<MetricId, MetricValues>;
  /** Every kind with slips, most slips first, then most slip days, then the kinds' order. */
  ranking: KindTotal[];
}

/** The first days of the four quarters up to the one holding `asOf`, oldest first. */
export function quarterStarts(asOf: IsoDate): IsoDate[] {
  const { year, month } = dateParts(asOf);
  const starts: IsoDate[] = [];
  for (let back = 3; back >= 0; back--) {
    const m = Math.floor((month - 1) / 3) * 3 - back * 3;
    const y = year + Math.floor(m / 12);
    starts.push(isoFromParts(y, ((m % 12) + 12) % 12 + 1, 1) ?? asOf);
  }
  return starts;
}

function quarterIndex(starts: readonly IsoDate[], date: IsoDate | null): number {
  if (date === null) return -1;
  for (let i = starts.length - 1; i >= 0; i--) {
    const start = starts[i] as IsoDate;
    const end = addMonths(start, 3);
    if (compareDates(date, start) >= 0 && compareDates(date, end) < 0) return i;
  }
  return -1;
}

function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(iso);
  const m = month - 1 + months;
  return isoFromParts(year + Math.floor(m / 12), ((m % 12) + 12) % 12 + 1, day) ?? addDays(iso, months * 30);
}

/** A ratio shown as "" when there is nothing to divide, as the sheet's IFERROR does. */
function ratio(part: number, whole: number): MetricValue {
  return whole === 0 ? '' : part / whole;
}

function divide(a: MetricValue, b: MetricValue): MetricValue {
  return typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : '';
}

/** Sums per slot: index 0-3 the quarters, 4 to date. */
class Tally {
  readonly counts = [0, 0, 0, 0, 0];
  add(quarter: number, by = 1): void {
    this.counts[4] = (this.counts[4] ?? 0) + by;
    if (quarter >= 0) this.counts[quarter] = (this.counts[quarter] ?? 0) + by;
  }
  at(slot: number): number {
    return this.counts[slot] ?? 0;
  }
}

function values(f: (slot: number) => MetricValue): MetricValues {
  return { toDate: f(4), quarters: [0, 1, 2, 3].map(f) };
}

function daysSlippedOf(r: StepRecord, calendar: WorkCalendar): number {
  const now = r.currentDue ?? r.lastDatedDue;
  return r.baselineDue === null || now === null ? 0 : Math.max(0, workingDaysBetween(r.baselineDue, now, calendar));
}

function calendarOf(plan: ParsedPlan, base: WorkCalendar): WorkCalendar {
  return plan.holidays.length === 0 ? base : { calendarDays: base.calendarDays, holidays: new Set([...base.holidays, ...plan.holidays]) };
}

/** Every metric of the Metrics sheet, to date and per quarter, from the plans and opportunities themselves. */
export function referenceMetrics(input: ReferenceInput): ReferenceMetrics {
  const starts = quarterStarts(input.asOf);
  const q = (date: IsoDate | null) => quarterIndex(starts, date);
  const dealSize = input.dealSize ?? 50000;
  const baseCalendar = input.calendar ?? WORKING_DAYS;

  // Adoption, win rate, cycle time, opportunities: the CRM's deals.
  const adoptionAll = new Tally();
  const adoptionWith = new Tally();
  const won = { with: new Tally(), without: new Tally() };
  const lost = { with: new Tally(), without: new Tally() };
  const cycleDays = { with: new Tally(), without: new Tally() };
  const cycleCount = { with: new Tally(), without: new Tally() };
  const opportunities = new Tally();
  const matched = new Tally();
  for (const o of input.opportunities) {
    const side = o.plan !== null ? 'with' : 'without';
    opportunities.add(q(o.created));
    if (o.plan !== null) matched.add(q(o.created));
    if (o.amount !== null && o.amount >= dealSize && o.pastDemo) {
      adoptionAll.add(q(o.created));
      if (o.plan !== null) adoptionWith.add(q(o.created));
    }
    if (o.outcome === 'won') won[side].add(q(o.closeDate));
    if (o.outcome === 'lost') lost[side].add(q(o.closeDate));
    if (o.outcome === 'won' && o.created !== null && o.closeDate !== null) {
      cycleDays[side].add(q(o.closeDate), daysBetween(o.created, o.closeDate));
      cycleCount[side].add(q(o.closeDate));
    }
  }

  // Completion, accuracy, slips: the plans.
  const onTime = new Tally();
  const counted = new Tally();
  const accuracySum = new Tally();
  const accuracyCount = new Tally();
  const within = new Tally();
  const plans = new Tally();
  const kinds = new Map<string, KindTotal>();
  const slipsInQuarter = new Map<string, number[]>();
  for (const p of input.plans) {
    const history = currentHistory(p.plan, p.history, p.today);
    const calendar = calendarOf(p.plan, baseCalendar);
    plans.add(q(history.baseline.on));
    const rate = completedOnTime(history, p.today);
    let checkCounted = 0;
    for (const r of liveSteps(history)) {
      // The rule of completedOnTime (history.ts), per step so each lands in its quarter.
      if (r.baselineDue === null || r.status === 'not_needed') continue;
      const quarter = q(r.baselineDue);
      if (r.completedOn !== null) {
        const early = compareDates(r.completedOn, r.baselineDue) <= 0;
        if (r.completeWhenFirstSeen && !early) continue;
        counted.add(quarter);
        checkCounted += 1;
        if (early) onTime.add(quarter);
      } else if (compareDates(r.baselineDue, p.today) < 0) {
        counted.add(quarter);
        checkCounted += 1;
      }
    }
    if (checkCounted !== rate.counted) throw new Error(`Reference metrics disagree with completedOnTime for ${p.documentId}`);
    if (p.deal.outcome !== 'open' && p.deal.closedOn !== null) {
      const days = closeDateAccuracy(history, p.deal.closedOn).fromBaseline;
      if (days !== null) {
        const quarter = q(p.deal.closedOn);
        accuracySum.add(quarter, Math.abs(days));
        accuracyCount.add(quarter);
        if (Math.abs(days) <= 14) within.add(quarter);
      }
    }
    for (const r of Object.values(history.steps)) {
      const kind = stepKindOf(r.action);
      const total = kinds.get(kind) ?? { kind, slips: 0, slipDays: 0, stepsSlipped: 0 };
      total.slips += r.slips;
      total.slipDays += daysSlippedOf(r, calendar);
      if (r.slips > 0) total.stepsSlipped += 1;
      kinds.set(kind, total);
    }
    // Slips recorded per quarter: each move of a date later than the step's last date.
    const lastDated = new Map<string, IsoDate>();
    for (const e of history.events) {
      if (e.kind !== 'due') continue;
      const previous = e.from ?? lastDated.get(e.key) ?? null;
      if (e.to !== null) lastDated.set(e.key, e.to);
      if (e.to === null || previous === null || compareDates(e.to, previous) <= 0) continue;
      const record = stepOf(history, e.key);
      const kind = stepKindOf(record?.action ?? '');
      const quarter = q(e.on);
      if (quarter < 0) continue;
      const per = slipsInQuarter.get(kind) ?? [0, 0, 0, 0];
      per[quarter] = (per[quarter] ?? 0) + 1;
      slipsInQuarter.set(kind, per);
    }
  }

  const order = STEP_KINDS.map((k) => k.label as string);
  const ranking = [...kinds.values()]
    .filter((k) => k.slips > 0)
    .sort((a, b) => b.slips - a.slips || b.slipDays - a.slipDays || order.indexOf(a.kind) - order.indexOf(b.kind));
  const topInQuarter = (slot: number): MetricValue => {
    let best = '';
    let most = 0;
    for (const kind of order) {
      const n = slipsInQuarter.get(kind)?.[slot] ?? 0;
      if (n > most) {
        most = n;
        best = kind;
      }
    }
    return best;
  };

  const winRate = (side: 'with' | 'without') => (slot: number) => ratio(won[side].at(slot), won[side].at(slot) + lost[side].at(slot));
  const cycle = (side: 'with' | 'without') => (slot: number) => ratio(cycleDays[side].at(slot), cycleCount[side].at(slot));
  const metrics: Record<MetricId, MetricValues> = {
    adoption: values((s) => ratio(adoptionWith.at(s), adoptionAll.at(s))),
    completion: values((s) => ratio(onTime.at(s), counted.at(s))),
    winRateWith: values(winRate('with')),
    winRateWithout: values(winRate('without')),
    winRateRatio: values((s) => divide(winRate('with')(s), winRate('without')(s))),
    cycleWith: values(cycle('with')),
    cycleWithout: values(cycle('without')),
    cycleFaster: values((s) => {
      const r = divide(cycle('with')(s), cycle('without')(s));
      return typeof r === 'number' ? 1 - r : '';
    }),
    accuracyDays: values((s) => ratio(accuracySum.at(s), accuracyCount.at(s))),
    accuracyWithin: values((s) => ratio(within.at(s), accuracyCount.at(s))),
    slipMost: { toDate: ranking[0]?.kind ?? '', quarters: [0, 1, 2, 3].map(topInQuarter) },
    plans: values((s) => plans.at(s)),
    plansMatched: values((s) => matched.at(s)),
    opportunities: values((s) => opportunities.at(s)),
  };
  return { quarterStarts: starts, metrics, ranking };
}
