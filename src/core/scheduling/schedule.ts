/** Shifting a plan's due dates after a slip: dependency links, keep-gaps or fix-overlaps propagation, pinned and undated steps, and whether the key dates still hold. */
import { KEY_DATE_LABELS } from '../reading/parsed-plan';
import type { IsoDate, Status } from '../plan';
import {
  WORKING_DAYS,
  addWorkingDays,
  compareDates,
  dateParts,
  isIsoDate,
  rollForward,
  workingDaysBetween,
  type WorkCalendar,
} from './calendar';
import { shiftWeek, weekDueOf, type WeekGrid } from './week-cells';

// ─── Types ────────────────────────────────────────────────────────────────────────────────────

/** One row of the steps table as the scheduler sees it. */
export interface ScheduleStep {
  /** Stable identity across edits: step numbers change when a row is inserted, keys do not. */
  key: string;
  number: number;
  /** The step's number as written ("5a", "2.1"), shown in every sentence; defaults to `number`. */
  label?: string;
  action: string;
  /** Null for "TBD", "Q2" or an empty cell: such a step is never written. */
  due: IsoDate | null;
  status: Status | null;
  /** Keys of the steps this one waits for. */
  dependsOn: string[];
  /**
   * The cell names a week ("Week of Jan 4", "Week 3"), due on its last working day: it moves by
   * whole weeks, and a holiday inside a week does not move the week.
   */
  week?: WeekGrid;
}

/** A slip: the person named a step and its new date, or edited the date by hand since the baseline. */
export interface StepMove {
  key: string;
  to: IsoDate;
}

/**
 * keep-gaps (default): every link keeps its gap in working days, as "if security review takes an
 * extra week, every step after it shifts by a week". fix-overlaps: a successor moves only as far as
 * it must to stay after its predecessors.
 */
export type ShiftMode = 'keep-gaps' | 'fix-overlaps';

/** How a key date relates to the plan: the step it belongs to, and whether the person holds it fixed. */
export interface KeyDateRule {
  date: IsoDate | null;
  /** Key of the step the date belongs to (contract signature, onboarding kickoff), or null when the plan has none. */
  followsStep: string | null;
  /** A fixed date never moves; when the plan overruns it, it is flagged instead. */
  fixed: boolean;
}

export interface KeyDateRules {
  decisionTarget?: KeyDateRule;
  goLiveTarget?: KeyDateRule;
}

export type KeyDateName = keyof KeyDateRules;

export interface ShiftInput {
  /** In document order. */
  steps: ScheduleStep[];
  moves: StepMove[];
  /** Dates before the slips (the saved baseline for detected moves); gaps are measured on these. Steps absent here use `due`. */
  baseline?: Record<string, IsoDate | null>;
  mode?: ShiftMode;
  /** When a step moves earlier, bring the steps after it in too (keep-gaps only). Default false: they stay. */
  pullIn?: boolean;
  /** Default: working days, Monday to Friday, no holidays. */
  calendar?: WorkCalendar;
  keyDates?: KeyDateRules;
  /** The person's today: an overdue step that is not complete cannot happen before it. */
  today?: IsoDate;
}

export interface StepRef {
  key: string;
  number: number;
  /** As written ("5a"); absent when it is the number. */
  label?: string;
  action: string;
}

/** One row of the preview: old date → new date, and why. */
export interface DateChange extends StepRef {
  /** Null only when the person gave a date to a step that had none. */
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
}

/** A completed step the slip would have moved: it keeps its date (it already happened). */
export interface PinnedStep extends StepRef {
  due: IsoDate | null;
  wouldMoveTo: IsoDate;
  reason: string;
}

/** An undated step the slip passed through: it is not written, and it needs a date. */
export interface UndatedStep extends StepRef {
  /** The earliest date its predecessors now allow, as a suggestion; null when none of them has a date. */
  notBefore: IsoDate | null;
}

/** One step of the chain that drives a date, from the first cause to the step itself. */
export interface ChainLink extends StepRef {
  due: IsoDate | null;
}

/** on-time / late against the step's date; done when the step is complete; unchecked when there is nothing to compare. */
export type KeyDateVerdict = 'on-time' | 'late' | 'done' | 'unchecked';

export interface KeyDateAssessment {
  verdict: KeyDateVerdict;
  /** Working days (calendar days in calendar-days mode) the key date is before its step; only when late. */
  lateBy?: number;
  /** The date the step is expected: its due date, or today when it is overdue and not complete. */
  forecast: IsoDate | null;
  /** The steps that drive the step's date, first cause first. */
  chain: ChainLink[];
  /** For the person, when there is something to say ("not realistic: 3 working days late ..."). */
  message?: string;
}

export interface KeyDateOutcome extends KeyDateAssessment {
  from: IsoDate | null;
  to: IsoDate | null;
  moved: boolean;
  /** The person holds it fixed: it never moves, and is flagged when late. */
  held: boolean;
  reason?: string;
  /** When its step now lands after it: by how many working days (calendar days on a calendar-days plan); the date moves by exactly that. */
  overrunBy?: number;
  /** The step it follows, its date after the shift, and whether this shift moved that step. */
  step?: StepRef;
  stepDate?: IsoDate | null;
  stepMoved?: boolean;
}

export interface KeyDateCheck extends KeyDateAssessment {
  date: IsoDate | null;
}

export type ProblemKind =
  | 'cycle'
  | 'missing-step'
  | 'self-link'
  | 'ambiguous'
  | 'duplicate-step'
  | 'invalid-date'
  | 'conflicting-moves'
  | 'negative-gap';

/** Something the person should know, in their words. Cycles, invalid dates, unknown or conflicting moves and duplicate steps stop the shift; the rest are notes. */
export interface ScheduleProblem {
  kind: ProblemKind;
  message: string;
  /** Step numbers concerned, for highlighting rows. */
  steps: number[];
}

export interface ShiftResult {
  /** False on a cycle or invalid input: then changes, pinned and undated are empty and nothing may be written. */
  ok: boolean;
  /** In document order, the moved steps' own rows included ("moved by you"). */
  changes: DateChange[];
  pinned: PinnedStep[];
  undated: UndatedStep[];
  keyDates: { decisionTarget?: KeyDateOutcome; goLiveTarget?: KeyDateOutcome };
  problems: ScheduleProblem[];
}

// ─── Seller-facing words ─────────────────────────────────────────────────────────────────────

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NOTHING_CHANGED = 'nothing was changed';
const NOT_CHECKED = 'the key dates were not checked';
const KEY_DATE_STEP: Record<KeyDateName, string> = { decisionTarget: 'contract signature', goLiveTarget: 'onboarding' };
const KEY_DATE_NAMES: readonly KeyDateName[] = ['decisionTarget', 'goLiveTarget'];

/** "Mar 3, 2026": plans span New Year, so the year is always shown. */
function formatDay(iso: IsoDate): string {
  const { year, month, day } = dateParts(iso);
  return `${MONTHS[month - 1] ?? ''} ${day}, ${year}`;
}

function shortAction(action: string): string {
  const a = action.trim().replace(/\s+/g, ' ');
  // Long actions would drown the sentence they sit in.
  return a.length > 48 ? `${a.slice(0, 47).trimEnd()}…` : a;
}

function stepLabel(step: { number: number; label?: string; action: string }): string {
  return `step ${shownNumber(step)} (${shortAction(step.action)})`;
}

/** A step's number as the person wrote it ("5a"), else its number. */
function shownNumber(step: { number: number; label?: string }): string {
  return step.label ?? String(step.number);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dayCount(n: number, calendar: WorkCalendar): string {
  const unit = calendar.calendarDays ? 'day' : 'working day';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function moveWords(from: IsoDate | null, to: IsoDate, calendar: WorkCalendar): string {
  if (from === null) return 'moved';
  const d = workingDaysBetween(from, to, calendar);
  if (d === 0) return 'moved';
  return `moved ${dayCount(Math.abs(d), calendar)} ${d > 0 ? 'later' : 'earlier'}`;
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

// ─── Dependencies from the "Depends on" column ───────────────────────────────────────────────

export interface DependencyRow {
  /** Defaults to the step number as text; pass keys when numbers may repeat. */
  key?: string;
  number: number;
  /** The step's number as shown ("5a", "2.1", "1.3"): a reference naming it exactly finds it. Defaults to the number. */
  label?: string;
  /**
   * In a plan split over tables that each number from 1: the number as written in its own table, and
   * which table (`group`). A plain "3" finds step 3 of the same table.
   */
  localLabel?: string;
  group?: number;
  action: string;
  dependsText: string | null;
}

export interface Dependencies {
  /** For every row's key, the keys it waits for, in the order written, without repeats. */
  dependsOn: Record<string, string[]>;
  problems: ScheduleProblem[];
}

const NO_DEPENDENCY = /^(?:[-–—]+|none|n\/?a|nothing|no|tbd)$/i;
const LEAD_IN = /^(?:after|depends on|waits for|needs|following)\s+/i;
const NUMBER_LIST = /^(?:steps?\s*)?#?\d+(?:\s*(?:and|&|\+|-|–|—|to)\s*(?:steps?\s*)?#?\d+)*$/i;
const NUMBER_TOKEN = /(and|&|\+|-|–|—|to)?\s*(?:steps?\s*)?#?(\d+)/gi;
const NUMBER_WITH_LABEL = /^(?:step\s*)?#?(\d+(?:\.\d+)*[a-z]?)\b\s*(?:[(:–—-].*)?$/i;
/** A step number as people write them: "5a", "2.1", "#3b", "Step 2.1". */
const LABEL_REFERENCE = /^(?:steps?\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)$/i;
const RANGE_SEPARATORS = new Set(['-', '–', '—', 'to']);
const NAME_STOP_WORDS = new Set(['the', 'a', 'an', 'step', 'steps']);

interface Resolution {
  keys: string[];
  problems: ScheduleProblem[];
}

function normalName(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "reviews" finds "review": people write names loosely. */
function stem(word: string): string {
  return word.length > 3 ? word.replace(/s$/, '') : word;
}

/**
 * Turns each row's "Depends on" cell ("3", "3, 5", "Steps 3 and 5", "#3", "3-5", "Security review",
 * "—", empty) into links by step number or by action name (case-insensitive; all the words written
 * must appear in exactly one action). Without such a column, each step follows the row above it; an
 * undated row in that chain passes its predecessor's date through, which is the guide's "previous
 * dated step" while still listing the undated row as needing a date. Self-links, links to missing
 * steps and ambiguous names are reported and dropped; repeated links are merged silently.
 */
export function buildDependencies(rows: readonly DependencyRow[], hasDependsColumn: boolean): Dependencies {
  const keyOf = (row: DependencyRow): string => row.key ?? String(row.number);
  const dependsOn: Record<string, string[]> = {};
  const problems: ScheduleProblem[] = [];
  rows.forEach((row, i) => {
    if (!hasDependsColumn) {
      const previous = rows[i - 1];
      dependsOn[keyOf(row)] = previous ? [keyOf(previous)] : [];
      return;
    }
    const found = resolveCell(row, rows, keyOf);
    dependsOn[keyOf(row)] = [...new Set(found.keys)];
    problems.push(...found.problems);
  });
  return { dependsOn, problems };
}

function resolveCell(row: DependencyRow, rows: readonly DependencyRow[], keyOf: (r: DependencyRow) => string): Resolution {
  const text = (row.dependsText ?? '').trim().replace(/\.$/, '');
  if (text === '' || NO_DEPENDENCY.test(text)) return { keys: [], problems: [] };
  const who = capital(stepLabel(row));
  const ignored = 'that link was ignored';

  const labelOf = (r: DependencyRow): string => (r.label ?? String(r.number)).toLowerCase();
  const byNumber = (n: number | string): Resolution => {
    const wanted = String(n).toLowerCase();
    let hits = rows.filter((r) => labelOf(r) === wanted);
    if (hits.length === 0) hits = rows.filter((r) => r.localLabel?.toLowerCase() === wanted && r.group === row.group);
    const [only] = hits;
    if (only === undefined) {
      return { keys: [], problems: [{ kind: 'missing-step', message: `${who} depends on step ${n}, which is not in the plan; ${ignored}.`, steps: [row.number] }] };
    }
    if (hits.length > 1) {
      return { keys: [], problems: [{ kind: 'ambiguous', message: `${who} depends on step ${n}, but ${hits.length} rows are numbered ${n}; ${ignored}. Renumber the steps.`, steps: [row.number, ...new Set(hits.map((h) => h.number))] }] };
    }
    if (only === row) return { keys: [], problems: [{ kind: 'self-link', message: `${who} depends on itself; ${ignored}.`, steps: [row.number] }] };
    return { keys: [keyOf(only)], problems: [] };
  };

  const byName = (name: string): Resolution => {
    const hits = matchName(name, row, rows);
    const [only] = hits;
    if (only === undefined) {
      return { keys: [], problems: [{ kind: 'missing-step', message: `${who} depends on "${name}", which matches no step; ${ignored}. Write the step number instead.`, steps: [row.number] }] };
    }
    if (hits.length > 1) {
      const names = hits.map(stepLabel);
      const list = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
      return { keys: [], problems: [{ kind: 'ambiguous', message: `${who} depends on "${name}", which could be ${list}; ${ignored}. Write the step number instead.`, steps: [row.number, ...new Set(hits.map((h) => h.number))] }] };
    }
    if (only === row) return { keys: [], problems: [{ kind: 'self-link', message: `${who} depends on itself; ${ignored}.`, steps: [row.number] }] };
    return { keys: [keyOf(only)], problems: [] };
  };

  // One reference, never split further: a number list, a number with its label, or a name.
  const piece = (raw: string): Resolution => {
    const part = raw.trim().replace(LEAD_IN, '');
    if (NUMBER_LIST.test(part)) {
      const numbers: number[] = [];
      let previous: number | null = null;
      for (const m of part.matchAll(NUMBER_TOKEN)) {
        const separator = m[1]?.toLowerCase();
        const n = Number(m[2]);
        // "Steps 3-5" means 3, 4 and 5; a backwards or huge "range" is read as two numbers.
        if (previous !== null && separator !== undefined && RANGE_SEPARATORS.has(separator) && n > previous && n - previous <= 50) {
          for (let k = previous + 1; k <= n; k++) numbers.push(k);
        } else {
          numbers.push(n);
        }
        previous = n;
      }
      return merge(numbers.map(byNumber));
    }
    const written = LABEL_REFERENCE.exec(part);
    if (written?.[1]) return byNumber(written[1]);
    const labelled = NUMBER_WITH_LABEL.exec(part);
    if (labelled?.[1]) return byNumber(labelled[1]);
    return byName(part);
  };

  const parts = text.split(/[,;\n]+/).map((p) => p.trim()).filter((p) => p !== '');
  return merge(
    parts.map((part) => {
      const whole = piece(part);
      if (whole.problems.length === 0) return whole;
      // "Security review and Procurement review": a name may itself contain "and", so splitting is the fallback.
      const pieces = part.split(/\s+(?:and|&|\+)\s+/i);
      if (pieces.length < 2) return whole;
      const each = pieces.map(piece);
      if (each.every((r) => r.problems.length === 0)) return merge(each);
      if (whole.problems.some((p) => p.kind === 'ambiguous')) return whole;
      return merge(each);
    }),
  );
}

function merge(resolutions: readonly Resolution[]): Resolution {
  return { keys: resolutions.flatMap((r) => r.keys), problems: resolutions.flatMap((r) => r.problems) };
}

/** Exact action first, then the actions holding every word written; the row's own action counts only when nothing else matches. */
function matchName(name: string, self: DependencyRow, rows: readonly DependencyRow[]): DependencyRow[] {
  const wanted = normalName(name);
  if (wanted === '') return [];
  const choose = (hits: DependencyRow[]): DependencyRow[] => {
    const others = hits.filter((h) => h !== self);
    return hits.length === 1 || others.length === 0 ? hits : others;
  };
  const exact = rows.filter((r) => normalName(r.action) === wanted);
  if (exact.length > 0) return choose(exact);
  const words = wanted.split(' ').filter((w) => !NAME_STOP_WORDS.has(w)).map(stem);
  if (words.length === 0) return [];
  const containing = rows.filter((r) => {
    const own = new Set(normalName(r.action).split(' ').map(stem));
    return words.every((w) => own.has(w));
  });
  return choose(containing);
}

// ─── Graph order ─────────────────────────────────────────────────────────────────────────────

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

interface Graph {
  /** Document order, with links cleaned: known keys only, no self-links, no repeats. */
  steps: ScheduleStep[];
  byKey: Map<string, ScheduleStep>;
  index: Map<string, number>;
  preds: Map<string, string[]>;
  succs: Map<string, string[]>;
}

function prepareGraph(steps: readonly ScheduleStep[], problems: ScheduleProblem[], consequence: string): { graph: Graph; fatal: boolean } {
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
function passThrough(graph: Graph, order: readonly string[], dateOf: (key: string) => IsoDate | null): Map<string, IsoDate | null> {
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
function latestPredecessor(graph: Graph, key: string, dates: Map<string, IsoDate | null>): string | null {
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

function walkChain(graph: Graph, from: string, driverOf: (key: string) => string | null, stopsAt: (key: string) => boolean): ChainLink[] {
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

function isComplete(step: ScheduleStep | undefined): boolean {
  return step?.status === 'complete';
}

// ─── Key dates ───────────────────────────────────────────────────────────────────────────────

/**
 * Is the key date still realistic against its step? A completed step has happened (done); an
 * overdue step that is not complete cannot happen before today. A key date on the step's own day is
 * on time: signing on the decision date meets it.
 */
function assessKeyDate(
  name: KeyDateName,
  date: IsoDate | null,
  stepKey: string | null,
  step: ScheduleStep | undefined,
  stepDate: IsoDate | null,
  chain: ChainLink[],
  calendar: WorkCalendar,
  today: IsoDate | undefined,
): KeyDateAssessment {
  const label = KEY_DATE_LABELS[name];
  if (date === null) return { verdict: 'unchecked', forecast: null, chain: [], message: `The plan has no ${label.toLowerCase()} date.` };
  if (!step) {
    const why = stepKey === null ? `No step is marked as the ${KEY_DATE_STEP[name]} step` : `The step it follows is no longer in the plan`;
    return { verdict: 'unchecked', forecast: null, chain: [], message: `${why}, so the ${label.toLowerCase()} cannot be checked against the plan.` };
  }
  const who = capital(stepLabel(step));
  if (isComplete(step)) return { verdict: 'done', forecast: step.due, chain, message: `${who} is complete.` };
  if (stepDate === null) {
    return { verdict: 'unchecked', forecast: null, chain, message: `${who} has no date, so the ${label.toLowerCase()} cannot be checked.` };
  }
  const overdue = today !== undefined && compareDates(stepDate, today) < 0;
  const forecast = overdue && today !== undefined ? today : stepDate;
  if (compareDates(forecast, date) <= 0) return { verdict: 'on-time', forecast, chain };
  // A Saturday target before a Monday signature is still missed, though no working day lies between.
  const lateBy = Math.max(1, workingDaysBetween(date, forecast, calendar));
  const past = today !== undefined && compareDates(date, today) < 0 ? ' (already past)' : '';
  const where =
    overdue && today !== undefined
      ? `was due ${formatDay(stepDate)} and is not complete (today is ${formatDay(today)})`
      : step.due === null
        ? `has no date but cannot happen before ${formatDay(stepDate)}`
        : `is due ${formatDay(stepDate)}`;
  // When the step is overdue, today drives the forecast, not the steps before it.
  const driven = chain.length > 1 && !overdue ? `, driven by steps ${chain.map(shownNumber).join(' → ')}` : '';
  return {
    verdict: 'late',
    lateBy,
    forecast,
    chain,
    message: `${label} ${formatDay(date)}${past} is not realistic: ${dayCount(lateBy, calendar)} late. ${who} ${where}${driven}.`,
  };
}

function validateKeyDates(keyDates: KeyDateRules | undefined, graph: Graph, problems: ScheduleProblem[], consequence: string): boolean {
  let fatal = false;
  for (const name of KEY_DATE_NAMES) {
    const rule = keyDates?.[name];
    if (!rule) continue;
    if (rule.date !== null && !isIsoDate(rule.date)) {
      fatal = true;
      problems.push({ kind: 'invalid-date', message: `The ${KEY_DATE_LABELS[name].toLowerCase()} is not a calendar date ("${rule.date}"); ${consequence}.`, steps: [] });
    }
    if (rule.followsStep !== null && !graph.byKey.has(rule.followsStep)) {
      problems.push({ kind: 'missing-step', message: `The ${KEY_DATE_LABELS[name].toLowerCase()} follows a step that is not in the plan; it was not checked.`, steps: [] });
    }
  }
  return fatal;
}

// ─── Shifting ────────────────────────────────────────────────────────────────────────────────

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
      if (settled !== s.due) pinned.push({ key: k, number: s.number, action: s.action, due: s.due, wouldMoveTo: settled, reason: 'complete: not moved' });
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

// ─── Checks without a move ───────────────────────────────────────────────────────────────────

/**
 * The chain of steps that drives a step's date, first cause first, ending with the step: from the
 * step, follow the predecessor with the latest date (an undated one carries its own predecessors'
 * date), stopping at a completed step, whose date is history. Empty for an unknown key.
 */
export function criticalChain(steps: readonly ScheduleStep[], fromKey: string): ChainLink[] {
  const { graph } = prepareGraph(steps, [], NOT_CHECKED);
  if (!graph.byKey.has(fromKey)) return [];
  const sorted = topologicalOrder(graph.steps, NOT_CHECKED);
  // Inside a circle there is no driving order; the walk still ends because it never revisits a step.
  const order = sorted.ok ? sorted.order : graph.steps.map((s) => s.key);
  const now = passThrough(graph, order, (k) => graph.byKey.get(k)?.due ?? null);
  return walkChain(graph, fromKey, (k) => latestPredecessor(graph, k, now), (k) => isComplete(graph.byKey.get(k)));
}

/**
 * Links the dates contradict: an open step due before an open step it depends on (the overlap a
 * shift keeps and notes as "was due N working days before"). Completed steps happened; undated
 * ones have no date to contradict. The health check reports these with the links to missing steps.
 */
export function dateOrderProblems(steps: readonly ScheduleStep[], calendar: WorkCalendar = WORKING_DAYS): ScheduleProblem[] {
  const { graph } = prepareGraph(steps, [], NOT_CHECKED);
  const problems: ScheduleProblem[] = [];
  for (const s of graph.steps) {
    if (s.due === null || isComplete(s) || !isIsoDate(s.due)) continue;
    for (const p of graph.preds.get(s.key) ?? []) {
      const ps = graph.byKey.get(p);
      if (!ps || ps.due === null || isComplete(ps) || !isIsoDate(ps.due)) continue;
      const gap = workingDaysBetween(ps.due, s.due, calendar);
      if (gap < 0) {
        problems.push({
          kind: 'negative-gap',
          message: `${capital(stepLabel(s))} is due ${dayCount(-gap, calendar)} before ${stepLabel(ps)}, which it depends on.`,
          steps: [ps.number, s.number],
        });
      }
    }
  }
  return problems;
}

export interface CloseDateCheck {
  ok: boolean;
  decisionTarget?: KeyDateCheck;
  goLiveTarget?: KeyDateCheck;
  problems: ScheduleProblem[];
}

/**
 * Without any move: does each key date hold against the step it belongs to (the decision target
 * against contract signature, go-live against onboarding)? Used when inserting a plan and by the
 * health check; "not realistic: N working days late" names the chain of steps that drives it.
 */
export function closeDateCheck(
  steps: readonly ScheduleStep[],
  keyDates: KeyDateRules,
  calendar: WorkCalendar = WORKING_DAYS,
  today?: IsoDate,
): CloseDateCheck {
  const problems: ScheduleProblem[] = [];
  const { graph, fatal: badSteps } = prepareGraph(steps, problems, NOT_CHECKED);
  let fatal = badSteps || validateKeyDates(keyDates, graph, problems, NOT_CHECKED);
  if (today !== undefined && !isIsoDate(today)) {
    fatal = true;
    problems.push({ kind: 'invalid-date', message: `Today's date is not a calendar date ("${today}"); ${NOT_CHECKED}.`, steps: [] });
  }
  const sorted = topologicalOrder(graph.steps, NOT_CHECKED);
  problems.push(...sorted.problems);
  if (fatal || !sorted.ok) return { ok: false, problems };

  const now = passThrough(graph, sorted.order, (k) => graph.byKey.get(k)?.due ?? null);
  const result: CloseDateCheck = { ok: true, problems };
  for (const name of KEY_DATE_NAMES) {
    const rule = keyDates[name];
    if (!rule) continue;
    const step = rule.followsStep === null ? undefined : graph.byKey.get(rule.followsStep);
    const chain = step
      ? walkChain(graph, step.key, (k) => latestPredecessor(graph, k, now), (k) => isComplete(graph.byKey.get(k)))
      : [];
    result[name] = { date: rule.date, ...assessKeyDate(name, rule.date, rule.followsStep, step, step ? (now.get(step.key) ?? null) : null, chain, calendar, today) };
  }
  return result;
}
