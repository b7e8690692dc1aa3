/** The close-date forecast: the earliest each step can happen given its predecessors and today, and the chain of steps that drives it. */
import { compareDates } from '../../scheduling/calendar';
import type { ParsedStep } from '../../reading/parsed-plan';
import type { IsoDate } from '../../plan';
import { topologicalOrder } from '../../scheduling/schedule';

export interface Forecast {
  step: ParsedStep;
  /** The earliest day the step can happen; null when neither it nor anything before it has a date. */
  date: IsoDate | null;
  /** The predecessor that holds it back, or null when its own date (or today) does. */
  driver: string | null;
  /** Its own date has passed and it is not complete: it cannot happen before today. */
  overdue: boolean;
}

/**
 * The earliest each step can happen: its own date, or today when that has passed, or the latest
 * of its predecessors' when that is later. A completed step happened on its date and holds
 * nothing back. Null on a circle in Depends on (the dependencies rule reports it).
 */
export function forecastSteps(steps: readonly ParsedStep[], today: IsoDate): Map<string, Forecast> | null {
  const sorted = topologicalOrder(steps);
  if (!sorted.ok) return null;
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const out = new Map<string, Forecast>();
  for (const key of sorted.order) {
    const step = byKey.get(key);
    if (!step) continue;
    if (step.status === 'complete') {
      out.set(key, { step, date: step.due, driver: null, overdue: false });
      continue;
    }
    // A step not needed will not happen: the steps after it wait for nothing.
    if (step.status === 'not_needed') {
      out.set(key, { step, date: null, driver: null, overdue: false });
      continue;
    }
    const overdue = step.due !== null && compareDates(step.due, today) < 0;
    let date = overdue ? today : step.due;
    let driver: string | null = null;
    for (const p of step.dependsOn) {
      const pd = out.get(p)?.date ?? null;
      if (pd !== null && (date === null || compareDates(pd, date) > 0)) {
        date = pd;
        driver = p;
      }
    }
    out.set(key, { step, date, driver, overdue: driver === null && overdue });
  }
  return out;
}

/** The steps that drive a step's forecast, first cause first, ending with the step. */
export function chainOf(forecast: Map<string, Forecast>, key: string): Forecast[] {
  const chain: Forecast[] = [];
  const seen = new Set<string>();
  let at: string | null = key;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const f = forecast.get(at);
    if (!f) break;
    chain.push(f);
    at = f.driver;
  }
  return chain.reverse();
}

