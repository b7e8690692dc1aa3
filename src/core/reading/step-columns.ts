/**
 * The Steps table's column mapping, beyond the header words: a "Step" column is the number or the
 * action by what its cells hold, "Milestone" beside "Task" is the phase, and owner columns per side
 * ("Seller owner" + "Buyer owner", "Acme owner" + "Globex owner") are told apart.
 */
import type { OutlineTable, StepColumn } from './parsed-plan';
import { companyAliases } from './cell-owner';
import { mapColumns, normaliseHeader, type ColumnMap } from './columns';
import type { StatusColumnKind } from './cell-status';
import { STEP_HEADER_WORDS, STEP_OTHER_HEADER_WORDS, statusColumnKind } from './header-words';
import { readStepLabel } from './step-labels';
import { clean } from './text';

export interface Companies {
  yourCompany: string;
  theirCompany: string;
}

const STEP_WORD = /^steps?$/;
/** A column of weeks counted from the evaluation start ("Week", "Wk", "Week #"). */
export const WEEK_HEADER = /^(?:weeks?|wk|week #|week no|week number)$/;
const MILESTONE_WORD = /^milestones?$/;
const OURS_WORDS = /\b(?:seller|sellers|vendor|vendors|supplier|provider|our|ours|us|we|your company|sales team|internal)\b/;
const THEIRS_WORDS = /\b(?:buyer|buyers|customer|customers|client|clients|prospect|their|theirs|them|purchaser|external)\b/;

/** Which status column is the status when a table has several: a Status column, then a completion checkbox, then a RAG rating. */
const STATUS_KIND_RANK: Readonly<Record<StatusColumnKind, number>> = { status: 0, completion: 1, rag: 2 };

/** The side an owner column's header names ("Seller owner", "Owner (Globex)"), or null. */
function headerSide(header: string, companies: Companies): 'ours' | 'theirs' | null {
  const h = ` ${normaliseHeader(header)} `;
  // The company's name, or its first word as owner cells name it ("Acme tasks" for Acme Analytics).
  const has = (name: string, other: string): boolean =>
    [name, ...companyAliases(name, other)].some((n) => {
      const w = normaliseHeader(n);
      return w.length > 1 && h.includes(` ${w} `);
    });
  const ours = OURS_WORDS.test(h) || (companies.yourCompany !== '' && has(companies.yourCompany, companies.theirCompany));
  const theirs = THEIRS_WORDS.test(h) || (companies.theirCompany !== '' && has(companies.theirCompany, companies.yourCompany));
  return ours && !theirs ? 'ours' : theirs && !ours ? 'theirs' : null;
}

/** Whether most filled cells of a column are step numbers ("1", "2a", "#3"). */
function holdsNumbers(table: OutlineTable | null, headerRow: number, column: number): boolean | null {
  if (!table) return null;
  const texts = table.rows.slice(headerRow + 1).map((r) => clean(r.cells[column]?.text ?? '')).filter((t) => t !== '');
  if (texts.length === 0) return null;
  return texts.filter((t) => readStepLabel(t) !== null).length * 2 > texts.length;
}

/**
 * The Steps columns for a header row. `table` (with its header row) lets the cells decide what a
 * "Step" column is; without it a lone "Step" is the action when nothing else is ("Step | Owner | Due").
 */
export function stepColumns(headers: readonly string[], companies: Companies, table: OutlineTable | null = null, headerRow = 0): ColumnMap<StepColumn> {
  const map = mapColumns(headers, STEP_HEADER_WORDS, STEP_OTHER_HEADER_WORDS);
  const cols = map.columns;
  const taken = (c: number): boolean => Object.values(cols).includes(c);
  const release = (c: number): void => {
    for (const k of Object.keys(cols) as StepColumn[]) if (cols[k] === c) delete cols[k];
  };

  // "Step": numbers in it make it the number, words the action.
  headers.forEach((h, c) => {
    if (!STEP_WORD.test(normaliseHeader(h))) return;
    release(c);
    const numeric = holdsNumbers(table, headerRow, c);
    if (numeric === true && cols.number === undefined) cols.number = c;
    else if (numeric !== true && cols.action === undefined) cols.action = c;
    else if (cols.number === undefined && numeric === null) cols.number = c;
  });

  // An action column whose header names a side ("Acme tasks", "Globex actions") beside another
  // action column (the milestone) or another side's: what that side does for the step.
  const actionColumns = [cols.action, ...map.repeated.filter((r) => r.kind === 'action').map((r) => r.column)].filter((c): c is number => c !== undefined);
  const sidedActions = actionColumns.flatMap((c) => {
    const side = headerSide(headers[c] ?? '', companies);
    return side ? [{ c, side }] : [];
  });
  const othersSided = cols.tasksOurs !== undefined || cols.tasksTheirs !== undefined;
  if (sidedActions.length > 0 && (sidedActions.length < actionColumns.length || sidedActions.length >= 2 || othersSided)) {
    for (const { c, side } of sidedActions) {
      const kind = side === 'ours' ? 'tasksOurs' : 'tasksTheirs';
      if (cols[kind] !== undefined) continue;
      release(c);
      cols[kind] = c;
    }
    if (cols.action === undefined) {
      const milestone = map.repeated.find((r) => r.kind === 'action' && !taken(r.column));
      if (milestone) cols.action = milestone.column;
    }
  }

  // "Milestone" beside a "Task"/"Action" column groups the tasks: it is their phase.
  const milestone = cols.action;
  if (milestone !== undefined && MILESTONE_WORD.test(normaliseHeader(headers[milestone] ?? ''))) {
    const task = map.repeated.find((r) => r.kind === 'action' && !taken(r.column));
    if (task) {
      cols.action = task.column;
      if (cols.phase === undefined) cols.phase = milestone;
    }
  }

  // Owner columns per side: every column read as an owner whose header names a side.
  const ownerColumns = [cols.owner, ...map.repeated.filter((r) => r.kind === 'owner').map((r) => r.column)].filter((c): c is number => c !== undefined);
  const sided = ownerColumns.map((c) => ({ c, side: headerSide(headers[c] ?? '', companies) }));
  if (sided.filter((s) => s.side !== null).length >= 2 || (sided.some((s) => s.side !== null) && (cols.ownerOurs !== undefined || cols.ownerTheirs !== undefined))) {
    for (const { c, side } of sided) {
      if (side === 'ours' && cols.ownerOurs === undefined) {
        release(c);
        cols.ownerOurs = c;
      } else if (side === 'theirs' && cols.ownerTheirs === undefined) {
        release(c);
        cols.ownerTheirs = c;
      }
    }
  }
  // A plain "Owner" beside one side's column is the other side's.
  if (cols.owner !== undefined && (cols.ownerOurs === undefined) !== (cols.ownerTheirs === undefined)) {
    const c = cols.owner;
    delete cols.owner;
    if (cols.ownerOurs === undefined) cols.ownerOurs = c;
    else cols.ownerTheirs = c;
  }

  // A Status column beside a completion checkbox or a RAG rating ("Status" + "RAG") is the status;
  // the other is kept as an extra column, unchanged, and is no mistake worth a warning.
  const statusColumns = [cols.status, ...map.repeated.filter((r) => r.kind === 'status').map((r) => r.column)].filter((c): c is number => c !== undefined);
  if (statusColumns.length > 1) {
    const kindOf = (c: number): number => STATUS_KIND_RANK[statusColumnKind(headers[c] ?? '')];
    const best = statusColumns.reduce((a, b) => (kindOf(b) < kindOf(a) ? b : a));
    cols.status = best;
    map.repeated = map.repeated
      .filter((r) => r.kind !== 'status' || kindOf(r.column) === kindOf(best))
      .map((r) => (r.kind === 'status' ? { ...r, first: best } : r));
  }

  // A "Week" column beside a dated due column ("| Week | Task | Due date |") groups the steps by
  // week: the dated column is the due date, and the week column an extra column, with nothing to say.
  const isWeek = (c: number): boolean => WEEK_HEADER.test(normaliseHeader(headers[c] ?? ''));
  const dated = map.repeated.find((r) => r.kind === 'due' && !isWeek(r.column));
  if (cols.due !== undefined && isWeek(cols.due) && dated) cols.due = dated.column;
  if (cols.due !== undefined && !isWeek(cols.due)) map.repeated = map.repeated.filter((r) => !(r.kind === 'due' && (isWeek(r.column) || r.column === cols.due)));

  // What is left over is kept as extra columns; a "repeated" note only for a column still unused.
  map.repeated = map.repeated.filter((r) => !taken(r.column) && r.first !== r.column);
  map.ambiguous = map.ambiguous.filter((a) => cols[a.chosen] === a.column);
  map.other = headers.map((_, c) => c).filter((c) => !taken(c));
  return map;
}
