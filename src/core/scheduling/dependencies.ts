/** Dependency links from the "Depends on" column: step numbers as written, ranges and step names, with what could not be linked. */
import type { ScheduleProblem } from './schedule-types';
import { capital, stepLabel } from './schedule-words';

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

export function merge(resolutions: readonly Resolution[]): Resolution {
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
