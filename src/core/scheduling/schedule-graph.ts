/** The dependency graph a shift and a check walk: the steps in order (cycles named), dates passed through undated steps, and the chain that drives a date. */
import { isSettled, type IsoDate } from '../plan';
import { compareDates, isIsoDate } from './calendar';
import type { ChainLink, ScheduleProblem, ScheduleStep } from './schedule-types';
import { NOTHING_CHANGED, later, shownNumber, stepLabel, capital } from './schedule-words';

export interface GraphStep {
  key: string;
  number: number;
  label?: string;
  dependsOn: readonly string[];
}

export interface TopologicalOrder {
  ok: boolean;
  /** Keys, each after everything it depends on, in document order where the links allow. On a cycle, the steps outside cycles. */
  order: string[];
  /** One 'cycle' problem per circle found, naming its steps in the order the dates flow. */
  problems: ScheduleProblem[];
}

/**
 * Kahn's sort, taking the earliest row whenever several are ready so the order reads like the table.
 * Links to unknown keys and self-links are skipped here (buildDependencies and shiftDownstream report
 * them). A cycle is named in flow order from its first row: "Steps 3 → 5 → 3 depend on each other in
 * a circle"; further cycles are looked for after it is set aside.
 */
export function topologicalOrder(steps: readonly GraphStep[], consequence: string = NOTHING_CHANGED): TopologicalOrder {
  const index = new Map(steps.map((s, i) => [s.key, i]));
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>(steps.map((s) => [s.key, []]));
  for (const s of steps) {
    const own = [...new Set(s.dependsOn)].filter((k) => k !== s.key && index.has(k));
    preds.set(s.key, own);
    for (const p of own) succs.get(p)?.push(s.key);
  }
  const indegree = new Map(steps.map((s) => [s.key, preds.get(s.key)?.length ?? 0]));
  const settled = new Set<string>();
  const order: string[] = [];
  const problems: ScheduleProblem[] = [];
  const release = (key: string): void => {
    settled.add(key);
    for (const next of succs.get(key) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      const i = index.get(next);
      if (left === 0 && i !== undefined && !settled.has(next)) enqueue(i);
    }
  };

  // The steps ready to go, kept sorted by row so the earliest is taken first.
  const ready: number[] = [];
  const enqueue = (i: number): void => {
    let at = ready.length;
    while (at > 0 && (ready[at - 1] ?? 0) < i) at--;
    ready.splice(at, 0, i);
  };
  steps.forEach((s, i) => {
    if (indegree.get(s.key) === 0) enqueue(i);
  });
  for (;;) {
    const i = ready.pop();
    if (i !== undefined) {
      const key = steps[i]?.key ?? '';
      if (settled.has(key)) continue;
      order.push(key);
      release(key);
      continue;
    }
    const stuck = steps.filter((s) => !settled.has(s.key));
    if (stuck.length === 0) break;
    const cycle = findCycle(stuck, preds, settled);
    const numbers = cycle.map((k) => steps[index.get(k) ?? 0]?.number ?? 0);
    const shown = cycle.map((k) => { const s = steps[index.get(k) ?? 0]; return s ? shownNumber(s) : '?'; });
    problems.push({
      kind: 'cycle',
      message: `Steps ${[...shown, shown[0]].join(' → ')} depend on each other in a circle; ${consequence}.`,
      steps: numbers,
    });
    // Set the circle aside so the steps after it, and any other circle, can still be found.
    for (const k of cycle) release(k);
  }
  return { ok: problems.length === 0, order, problems };
}

/** Every stuck step waits for another stuck one, so walking back from the first must come round. */
function findCycle(stuck: readonly GraphStep[], preds: Map<string, string[]>, settled: ReadonlySet<string>): string[] {
  const first = stuck[0];
  if (!first) return [];
  const seenAt = new Map<string, number>();
  const path: string[] = [];
  let at = first.key;
  while (!seenAt.has(at)) {
    seenAt.set(at, path.length);
    path.push(at);
    const back = (preds.get(at) ?? []).find((p) => !settled.has(p));
    if (back === undefined) return path;
    at = back;
  }
  // The walk went against the links; reverse it so the dates flow left to right.
  const cycle = path.slice(seenAt.get(at)).reverse();
  const rank = new Map(stuck.map((s, i) => [s.key, i]));
  let start = 0;
  cycle.forEach((k, i) => {
    if ((rank.get(k) ?? 0) < (rank.get(cycle[start] ?? '') ?? 0)) start = i;
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

// ─── Shared graph preparation ────────────────────────────────────────────────────────────────

export interface Graph {
  /** Document order, with links cleaned: known keys only, no self-links, no repeats. */
  steps: ScheduleStep[];
  byKey: Map<string, ScheduleStep>;
  index: Map<string, number>;
  preds: Map<string, string[]>;
  succs: Map<string, string[]>;
}

export function prepareGraph(steps: readonly ScheduleStep[], problems: ScheduleProblem[], consequence: string): { graph: Graph; fatal: boolean } {
  let fatal = false;
  const byKey = new Map<string, ScheduleStep>();
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    const earlier = byKey.get(s.key);
    if (earlier) {
      fatal = true;
      problems.push({
        kind: 'duplicate-step',
        message: `${capital(stepLabel(earlier))} and ${stepLabel(s)} are recorded as the same step; ${consequence}.`,
        steps: [earlier.number, s.number],
      });
      return;
    }
    byKey.set(s.key, s);
    index.set(s.key, i);
    if (s.due !== null && !isIsoDate(s.due)) {
      fatal = true;
      problems.push({ kind: 'invalid-date', message: `${capital(stepLabel(s))} has a due date that is not a calendar date ("${s.due}"); ${consequence}.`, steps: [s.number] });
    }
  });
  const clean: ScheduleStep[] = [];
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const s of byKey.values()) succs.set(s.key, []);
  for (const s of byKey.values()) {
    const own: string[] = [];
    for (const k of s.dependsOn) {
      if (k === s.key) {
        problems.push({ kind: 'self-link', message: `${capital(stepLabel(s))} depends on itself; that link was ignored.`, steps: [s.number] });
      } else if (!byKey.has(k)) {
        problems.push({ kind: 'missing-step', message: `${capital(stepLabel(s))} depends on a step that is not in the plan; that link was ignored.`, steps: [s.number] });
      } else if (!own.includes(k)) {
        own.push(k);
        succs.get(k)?.push(s.key);
      }
    }
    preds.set(s.key, own);
    clean.push({ ...s, dependsOn: own });
  }
  return { graph: { steps: clean, byKey, index, preds, succs }, fatal };
}

/** A dated step keeps its date; an undated one carries the latest of its predecessors' (null when none has one). */
export function passThrough(graph: Graph, order: readonly string[], dateOf: (key: string) => IsoDate | null): Map<string, IsoDate | null> {
  const out = new Map<string, IsoDate | null>();
  for (const k of order) {
    let date = dateOf(k);
    if (date === null) {
      for (const p of graph.preds.get(k) ?? []) {
        const pd = out.get(p) ?? null;
        if (pd !== null) date = date === null ? pd : later(date, pd);
      }
    }
    out.set(k, date);
  }
  return out;
}

/** The predecessor with the latest date: the one that determines when a step can happen. Ties go to the earlier row. */
export function latestPredecessor(graph: Graph, key: string, dates: Map<string, IsoDate | null>): string | null {
  let best: string | null = null;
  let bestDate: IsoDate | null = null;
  for (const p of graph.preds.get(key) ?? []) {
    const d = dates.get(p) ?? null;
    if (d !== null && (bestDate === null || compareDates(d, bestDate) > 0)) {
      best = p;
      bestDate = d;
    }
  }
  return best;
}

export function walkChain(graph: Graph, from: string, driverOf: (key: string) => string | null, stopsAt: (key: string) => boolean): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<string>();
  let at: string | null = from;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const s = graph.byKey.get(at);
    if (!s) break;
    chain.push({ key: s.key, number: s.number, ...(s.label !== undefined ? { label: s.label } : {}), action: s.action, due: s.due });
    if (stopsAt(at)) break;
    at = driverOf(at);
  }
  return chain.reverse();
}

/** Complete or not needed: a shift does not move it, and it holds up nothing after it. */
export function isComplete(step: ScheduleStep | undefined): boolean {
  return isSettled(step?.status);
}
