/** The timeline picture's data: every step on its date with its status, side and due signal, the original date it slipped from, and the key dates. */
import { WORKING_DAYS, type WorkCalendar } from './calendar';
import { stepOf, type PlanHistory } from '../history/history';
import type { ParsedPlan } from '../reading/parsed-plan';
import type { IsoDate, Side, Status } from '../plan';
import { dueSignal, type DueSignal } from '../method/status-style';

export interface TimelineStep {
  number: number;
  /** The step's number as written ("5a"): what the picture shows. */
  label: string;
  action: string;
  /** 'unknown' for a status the reader did not understand. */
  status: Status | 'unknown';
  signal: DueSignal;
  due: IsoDate | null;
  /** The original due date when the step has moved off it since the baseline, else null. */
  baselineDue: IsoDate | null;
  side: Side;
}

export interface TimelineData {
  today: IsoDate;
  /** In document order. */
  steps: TimelineStep[];
  decisionTarget: IsoDate | null;
  goLiveTarget: IsoDate | null;
  evaluationStart: IsoDate | null;
}

/** The plan as a picture draws it; without a history no step shows where it slipped from. */
export function planTimeline(plan: ParsedPlan, history: PlanHistory | null, today: IsoDate, calendar: WorkCalendar = WORKING_DAYS): TimelineData {
  return {
    today,
    steps: plan.steps.map((s) => {
      const original = history ? (stepOf(history, s.key)?.baselineDue ?? null) : null;
      return {
        number: s.number,
        label: s.label,
        action: s.action,
        status: s.status ?? 'unknown',
        signal: dueSignal(s, today, calendar),
        due: s.due,
        baselineDue: original !== null && original !== s.due ? original : null,
        side: s.side,
      };
    }),
    decisionTarget: plan.keyDates.decisionTarget?.date ?? null,
    goLiveTarget: plan.keyDates.goLiveTarget?.date ?? null,
    evaluationStart: plan.keyDates.evaluationStart?.date ?? null,
  };
}
