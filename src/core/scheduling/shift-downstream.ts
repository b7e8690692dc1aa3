/** The shift itself: recomputing the dates downstream of a slip (keep-gaps or fix-overlaps, pinned, undated, key dates), and the moves a hand edit made. */
import type { IsoDate } from '../plan';
import { WORKING_DAYS, addWorkingDays, compareDates, isIsoDate, rollForward, workingDaysBetween } from './calendar';
import { shiftWeek, weekDueOf } from './week-cells';
import type { DateChange, PinnedStep, ScheduleProblem, ScheduleStep, ShiftInput, ShiftResult, StepMove, StepRef, UndatedStep } from './schedule-types';
import { KEY_DATE_NAMES, NOTHING_CHANGED, hasOwn, moveWords, stepLabel, formatDay, capital, dayCount } from './schedule-words';
import { isComplete, latestPredecessor, passThrough, prepareGraph, topologicalOrder, walkChain } from './schedule-graph';
import { assessKeyDate, validateKeyDates } from './key-date-check';

/**
 * Recomputes the dates downstream of the slips; writes nothing (the result is the preview).
 *
 * - Gaps are working days measured on the dates before the slip (baseline, else due). An undated
 *   step takes the latest date of its predecessors, so gaps are measured across it.
 * - keep-gaps: a successor's new date is the latest over its predecessors of (new date + gap). Only
 *   descendants of moved steps are recomputed; a predecessor that did not move still holds its
 *   successor at its old gap (merge points). An already negative gap (successor due before its
 *   predecessor) is kept as it is: the successor moves by the slip, never further, and a note says so.
 * - fix-overlaps: a successor moves only as far as needed to be due strictly after (the next working
 *   day after) each predecessor. A link that was already same-day or overlapping keeps that overlap
 *   instead of being "repaired" in one jump, so an unmoved predecessor never pushes anything.
 *   pullIn does not apply: nothing needs to move earlier to stay after.
 * - A step moved earlier leaves its successors where they are unless pullIn.
 * - A date the person gave is kept as given (even a Saturday); computed dates roll forward to a
 *   working day, and a successor is not moved from a Saturday to the Monday it already stood for.
 * - Completed steps never move (their dates still feed successors) and are reported when the slip
 *   would have moved them. Undated steps are never written and are listed with the date they now
 *   cannot precede.
 * - A key date that is not fixed keeps its gap to its step (keep-gaps) or stays on or after it
 *   (fix-overlaps), and moves earlier only with pullIn; a fixed one never moves and is assessed.
 */
export function shiftDownstream(input: ShiftInput): ShiftResult {
  const calendar = input.calendar ?? WORKING_DAYS;
  const mode = input.mode ?? 'keep-gaps';
  const pullIn = (input.pullIn ?? false) && mode === 'keep-gaps';
  const baseline = input.baseline ?? {};
  const problems: ScheduleProblem[] = [];
  const failed = (): ShiftResult => ({ ok: false, changes: [], pinned: [], undated: [], keyDates: {}, problems });

  const { graph, fatal: badSteps } = prepareGraph(input.steps, problems, NOTHING_CHANGED);
  let fatal = badSteps;
  for (const s of graph.steps) {
    const b = hasOwn(baseline, s.key) ? baseline[s.key] : null;
    if (b !== null && b !== undefined && !isIsoDate(b)) {
      fatal = true;
      problems.push({ kind: 'invalid-date', message: `The saved date of ${stepLabel(s)} is not a calendar date ("${b}"); ${NOTHING_CHANGED}.`, steps: [s.number] });
    }
  }
  const original = (key: string): IsoDate | null => {
    if (hasOwn(baseline, key)) return baseline[key] ?? null;
    return graph.byKey.get(key)?.due ?? null;
  };

  const moves = new Map<string, IsoDate>();
  for (const m of input.moves) {
    const s = graph.byKey.get(m.key);
    if (!s) {
      fatal = true;
      problems.push({ kind: 'missing-step', message: `A date change names a step that is not in the plan; ${NOTHING_CHANGED}.`, steps: [] });
      continue;
    }
    if (!isIsoDate(m.to)) {
      fatal = true;
      problems.push({ kind: 'invalid-date', message: `The new date for ${stepLabel(s)} is not a calendar date ("${m.to}"); ${NOTHING_CHANGED}.`, steps: [s.number] });
      continue;
    }
    // A date given to a week cell is that week's due day: the day the cell reads back as once written.
    const to = s.week ? weekDueOf(m.to, s.week, calendar) : m.to;
    const earlier = moves.get(m.key);
    if (earlier !== undefined && earlier !== to) {
      fatal = true;
      problems.push({
        kind: 'conflicting-moves',
        message: `${capital(stepLabel(s))} was given two new dates (${formatDay(earlier)} and ${formatDay(to)}); ${NOTHING_CHANGED}.`,
        steps: [s.number],
      });
      continue;
    }
    moves.set(m.key, to);
  }
  if (input.today !== undefined && !isIsoDate(input.today)) {
    fatal = true;
    problems.push({ kind: 'invalid-date', message: `Today's date is not a calendar date ("${input.today}"); ${NOTHING_CHANGED}.`, steps: [] });
  }
  if (validateKeyDates(input.keyDates, graph, problems, NOTHING_CHANGED)) fatal = true;

  // Cycles are looked for before anything is computed: on a circle, nothing is written anywhere.
  const sorted = topologicalOrder(graph.steps, NOTHING_CHANGED);
  problems.push(...sorted.problems);
  if (fatal || !sorted.ok) return failed();

  // A move to the date the step already had is no move at all.
  for (const [k, to] of [...moves]) if (original(k) === to) moves.delete(k);

  const order = sorted.order;
  const effOriginal = passThrough(graph, order, original);
  const descendants = new Set<string>();
  const queue = [...moves.keys()];
  while (queue.length > 0) {
    const k = queue.pop() ?? '';
    for (const next of graph.succs.get(k) ?? []) {
      if (!descendants.has(next) && !moves.has(next)) {
        descendants.add(next);
        queue.push(next);
      }
    }
  }

  const newDate = new Map<string, IsoDate | null>();
  const drivers = new Map<string, string>();
  const shifted = new Set<string>(moves.keys());
  const changes = new Map<string, DateChange>();
  const pinned: PinnedStep[] = [];
  const undated: UndatedStep[] = [];
  const noted = new Set<string>();

  const gapBetween = (p: string, k: string): number | null => {
    const a = effOriginal.get(p) ?? null;
    const b = effOriginal.get(k) ?? null;
    return a !== null && b !== null ? workingDaysBetween(a, b, calendar) : null;
  };

  // The date each predecessor requires; the latest wins, and on a tie the one that moved explains it.
  const fromPredecessors = (k: string, dated: boolean): { date: IsoDate | null; driver: string | null } => {
    let date: IsoDate | null = null;
    let driver: string | null = null;
    for (const p of graph.preds.get(k) ?? []) {
      const pd = newDate.get(p) ?? null;
      if (pd === null) continue;
      const gap = gapBetween(p, k);
      // An undated step stands on its latest predecessor's day, so it adds no day of its own.
      const offset = mode === 'keep-gaps' ? (gap ?? (dated ? 1 : 0)) : dated ? Math.min(1, gap ?? 1) : Math.min(0, gap ?? 0);
      const candidate = rollForward(addWorkingDays(pd, offset, calendar), calendar);
      const cmp = date === null ? 1 : compareDates(candidate, date);
      if (cmp > 0 || (cmp === 0 && driver !== null && shifted.has(p) && !shifted.has(driver))) {
        date = candidate;
        driver = p;
      }
    }
    return { date, driver };
  };

  // Later always wins; earlier only with pullIn; a Saturday is not "moved" to the Monday it stood for.
  const settle = (computed: IsoDate | null, current: IsoDate): IsoDate => {
    if (computed === null) return current;
    const cmp = compareDates(computed, rollForward(current, calendar));
    if (cmp > 0 || (cmp < 0 && pullIn)) return computed;
    return current;
  };

  // The moved step a chain of drivers starts from; remembered per step, so a long chain is walked once, not once per step.
  const roots = new Map<string, string | null>();
  const rootOf = (key: string): string | null => {
    const path: string[] = [];
    let at: string | null = key;
    while (at !== null && !moves.has(at) && !roots.has(at) && !path.includes(at)) {
      path.push(at);
      at = drivers.get(at) ?? null;
    }
    const root = at === null ? null : moves.has(at) ? at : (roots.get(at) ?? null);
    for (const k of path) roots.set(k, root);
    return root;
  };

  const rootReasons = new Map<string, string>();
  const reasonFor = (driver: string): string => {
    if (mode === 'fix-overlaps') {
      // Name the dated step the successor must follow, looking through undated ones.
      let at = driver;
      while (graph.byKey.get(at)?.due === null && drivers.has(at)) at = drivers.get(at) ?? at;
      const s = graph.byKey.get(at);
      return s ? `to stay after ${stepLabel(s)}` : 'to stay after its predecessors';
    }
    const root = rootOf(driver);
    if (root !== null) {
      const said = rootReasons.get(root);
      if (said !== undefined) return said;
      const s = graph.byKey.get(root);
      const to = moves.get(root);
      if (s && to !== undefined) {
        const reason = `after ${stepLabel(s)} ${moveWords(effOriginal.get(root) ?? null, to, calendar)}`;
        rootReasons.set(root, reason);
        return reason;
      }
    }
    const d = graph.byKey.get(driver);
    return d ? `to keep its gap after ${stepLabel(d)}` : 'to keep its gap';
  };

  for (const k of order) {
    const s = graph.byKey.get(k);
    if (!s) continue;
    const to = moves.get(k);
    if (to !== undefined) {
      newDate.set(k, to);
      changes.set(k, { key: k, number: s.number, action: s.action, from: original(k), to, reason: 'moved by you' });
      continue;
    }
    const dated = s.due !== null;
    if (!descendants.has(k)) {
      newDate.set(k, dated ? s.due : fromPredecessors(k, false).date);
      continue;
    }
    for (const p of graph.preds.get(k) ?? []) {
      const gap = gapBetween(p, k);
      const ps = graph.byKey.get(p);
      if (dated && gap !== null && gap < 0 && ps && !noted.has(`${p}>${k}`)) {
        noted.add(`${p}>${k}`);
        problems.push({
          kind: 'negative-gap',
          message: `${capital(stepLabel(s))} was due ${dayCount(-gap, calendar)} before ${stepLabel(ps)}, which it depends on; that overlap was kept.`,
          steps: [ps.number, s.number],
        });
      }
    }
    const { date: computed, driver } = fromPredecessors(k, dated);
    if (s.due === null) {
      newDate.set(k, computed);
      if (driver !== null) drivers.set(k, driver);
      const before = effOriginal.get(k) ?? null;
      if (computed !== null && (before === null || compareDates(rollForward(computed, calendar), rollForward(before, calendar)) !== 0)) shifted.add(k);
      undated.push({ key: k, number: s.number, action: s.action, notBefore: computed });
      continue;
    }
    let settled = settle(computed, s.due);
    // A week cell moves by whole weeks from its own week when it keeps its gaps, and to the week it
    // must follow in when it only stays after its predecessors.
    if (s.week && settled !== s.due) settled = mode === 'keep-gaps' ? shiftWeek(s.due, settled, s.week, calendar) : weekDueOf(settled, s.week, calendar);
    if (isComplete(s)) {
      newDate.set(k, s.due);
      if (settled !== s.due) pinned.push({ key: k, number: s.number, action: s.action, due: s.due, wouldMoveTo: settled, reason: s.status === 'not_needed' ? 'not needed: not moved' : 'complete: not moved' });
      continue;
    }
    newDate.set(k, settled);
    if (settled !== s.due && driver !== null) {
      drivers.set(k, driver);
      shifted.add(k);
      changes.set(k, { key: k, number: s.number, action: s.action, from: s.due, to: settled, reason: reasonFor(driver) });
    }
  }

  const keyDates: ShiftResult['keyDates'] = {};
  for (const name of KEY_DATE_NAMES) {
    const rule = input.keyDates?.[name];
    if (!rule) continue;
    const step = rule.followsStep === null ? undefined : graph.byKey.get(rule.followsStep);
    let to = rule.date;
    let reason: string | undefined;
    let overrunBy: number | undefined;
    // Rule 9: a key date is a forecast the seller committed to. It moves only when its step now lands
    // after it, and then only by the overrun, onto the step's day; while the step fits, it stays.
    if (!rule.fixed && rule.date !== null && step && !isComplete(step)) {
      const after = newDate.get(step.key) ?? null;
      if (after !== null && compareDates(after, rule.date) > 0) {
        to = after;
        overrunBy = Math.max(1, workingDaysBetween(rule.date, after, calendar));
        reason = `${stepLabel(step)} now lands ${formatDay(after)}, ${dayCount(overrunBy, calendar)} after it`;
      }
    }
    const chain = step
      ? walkChain(
          graph,
          step.key,
          (k) => drivers.get(k) ?? latestPredecessor(graph, k, newDate),
          (k) => moves.has(k) || isComplete(graph.byKey.get(k)),
        )
      : [];
    // The chain shows the dates after the shift.
    const chainWithDates = chain.map((c) => {
      const change = changes.get(c.key);
      return change ? { ...c, due: change.to } : c;
    });
    const assessment = assessKeyDate(name, to, rule.followsStep, step, step ? (newDate.get(step.key) ?? null) : null, chainWithDates, calendar, input.today);
    keyDates[name] = {
      from: rule.date,
      to,
      moved: to !== rule.date,
      held: rule.fixed,
      ...(reason !== undefined ? { reason } : {}),
      ...(overrunBy !== undefined ? { overrunBy } : {}),
      ...(step ? { step: { key: step.key, number: step.number, action: step.action }, stepDate: newDate.get(step.key) ?? null, stepMoved: changes.has(step.key) } : {}),
      ...assessment,
    };
  }

  const inRowOrder = <T extends StepRef>(items: Iterable<T>): T[] =>
    [...items].sort((a, b) => (graph.index.get(a.key) ?? 0) - (graph.index.get(b.key) ?? 0));
  return { ok: true, changes: inRowOrder(changes.values()), pinned: inRowOrder(pinned), undated: inRowOrder(undated), keyDates, problems };
}

/**
 * The moves a hand edit made since the saved baseline: every dated step whose date differs from its
 * saved one, a date given to a formerly undated step included (so the shift respects it). A cleared
 * date is not a move, and steps added since the baseline have no saved date to differ from.
 */
export function detectMoves(steps: readonly ScheduleStep[], baseline: Record<string, IsoDate | null>): StepMove[] {
  return steps.flatMap((s) => (s.due !== null && hasOwn(baseline, s.key) && baseline[s.key] !== s.due ? [{ key: s.key, to: s.due }] : []));
}
