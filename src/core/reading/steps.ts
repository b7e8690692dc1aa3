/** Step rows: every Steps table's rows read in document order into one plan's steps (label, phase, action, owners and side, due date, status, dependencies), with a diagnostic for every cell it could not read. */
import type { DateContext } from './cell-dates';
import type { OwnerContext } from './cell-owner';
import { holdsRagRatings, parseStatus, type StatusColumnKind } from './cell-status';
import { daysBetween } from '../scheduling/calendar';
import type { CellRef, OutlineCell, OutlineTable, ParsedStakeholder, ParsedStep, StepColumn, StepsTable } from './parsed-plan';
import type { IsoDate, Side } from '../plan';
import { buildDependencies, topologicalOrder, type DependencyRow } from '../scheduling/schedule';
import { normaliseHeader, type ColumnMap } from './columns';
import type { KnownStep } from './context';
import { readDate, reportUndated, type DateReading } from './dates';
import type { Diagnostics } from './diagnostics';
import { STEP_COLUMN_NAMES, statusColumnKind, stepsTableWanted } from './header-words';
import { assignKeys } from './identity';
import { ownerSide, withChipNames } from './owners';
import { stepColumns, WEEK_HEADER, type Companies } from './step-columns';
import { readStepLabel } from './step-labels';
import { cellAt, headersOf, isBlank, type FoundTable } from './tables';
import { clean, list } from './text';

export interface StepsLayout {
  headers: string[];
  map: ColumnMap<StepColumn>;
  rows: number[];
}

/** A Steps table with its columns, its phase (the heading above it) and its name in sentences. */
export interface StepsSource {
  found: FoundTable;
  layout: StepsLayout;
  phase: string | null;
  /** "Steps table", or 'Steps table "Phase 2: Commercials"' when the plan has several. */
  name: string;
}

/**
 * A due date further than this from the plan's reference date (the median due date) is taken for
 * a typo (1900, 2099, "2062" for "2026"): no evaluation runs that long, and a real date that far
 * out would be a plan of its own. Two years leaves room for a long enterprise rollout.
 */
export const IMPLAUSIBLE_DAYS = 730;

/** What the add-on reads in a status column of each kind, said when a cell is none of it. */
const STATUS_WORDS_UNDERSTOOD: Readonly<Record<StatusColumnKind, string>> = {
  status: 'It understands Pending, In progress, Complete, Blocked and Not needed (Cancelled, N/A).',
  completion: 'In this column it understands Yes or No (also Y/N, x, TRUE/FALSE), and Pending, In progress, Complete, Blocked and Not needed.',
  rag: 'In this column it understands Green, Amber and Red (also G/A/R), and Pending, In progress, Complete, Blocked and Not needed.',
};

/** An owner cell that names nobody. */
const NOBODY = /^(?:[-–—]+|none|n\/?a|nobody|no one|not applicable)?$/i;

export function stepsLayout(diagnostics: Diagnostics, found: FoundTable, companies: Companies, tableName = 'Steps table'): StepsLayout {
  const headers = headersOf(found.table, found.headerRow);
  const map = stepColumns(headers, companies, found.table, found.headerRow);
  const name = (c: number, kind?: StepColumn): string => headers[c] || (kind ? STEP_COLUMN_NAMES[kind] : `column ${c + 1}`);
  for (const a of map.ambiguous) {
    diagnostics.warn(
      'warning',
      `${tableName}, ${name(a.column)}`,
      headers[a.column] ?? null,
      `${tableName}: the header "${headers[a.column] ?? ''}" could mean ${list(a.kinds.map((k) => STEP_COLUMN_NAMES[k]), 'or')}; it is read as ${STEP_COLUMN_NAMES[a.chosen]}.`,
      { tableIndex: found.table.index, row: found.headerRow, column: a.column },
    );
  }
  for (const r of map.repeated) {
    diagnostics.warn(
      'warning',
      `${tableName}, ${name(r.column)}`,
      headers[r.column] ?? null,
      `${tableName}: both "${name(r.first, r.kind)}" and "${name(r.column, r.kind)}" look like the ${STEP_COLUMN_NAMES[r.kind]} column; the add-on reads "${name(r.first, r.kind)}" and keeps "${name(r.column, r.kind)}" as an extra column.`,
      { tableIndex: found.table.index, row: found.headerRow, column: r.column },
    );
  }
  const rows: number[] = [];
  for (let r = found.headerRow + 1; r < found.table.rows.length; r++) rows.push(r);
  return { headers, map, rows };
}

/** The table as the plan reports it. */
export function stepsTableOf(source: StepsSource): StepsTable {
  const { found, layout } = source;
  return {
    index: found.table.index,
    columns: { ...layout.map.columns },
    headers: layout.headers,
    otherColumns: layout.map.other.map((c) => layout.headers[c] ?? ''),
    phase: source.phase,
  };
}

interface Draft extends Omit<ParsedStep, 'key' | 'dependsOn' | 'label'> {
  marker: string | null;
  /** The action cell alone (the milestone, without each side's tasks): what a "Depends on" names. */
  milestone: string;
  /** The label as written in its table ("3", "5a"), or null when the row is numbered by position. */
  written: string | null;
  /** Which table (0-based), for labels and for "Depends on 3" within a table. */
  group: number;
  source: StepsSource;
  where: string;
}

/** Reads the rows of one table into drafts; numbering, keys and links are settled over all tables after. */
function readRows(
  diagnostics: Diagnostics,
  source: StepsSource,
  group: number,
  dates: DateContext,
  owners: OwnerContext,
  stakeholders: readonly ParsedStakeholder[],
): Draft[] {
  const { found, layout, name } = source;
  const { table, headerRow } = found;
  const { headers, map } = layout;
  const cols = map.columns;
  const width = headers.length;
  const header = (kind: StepColumn): string => {
    const c = cols[kind];
    return (c !== undefined ? headers[c] : '') || STEP_COLUMN_NAMES[kind];
  };
  const ref = (row: number, kind: StepColumn): CellRef | null => {
    const c = cols[kind];
    return c === undefined ? null : { tableIndex: table.index, row, column: c };
  };
  // The status column's header says how to read its cells: "Yes" under "Done?", "Amber" under "RAG".
  const headerKind = statusColumnKind(cols.status !== undefined ? (headers[cols.status] ?? '') : '');
  // A plain "Status" header over RAG ratings is a RAG column: its cells say so together.
  const statusTexts = cols.status === undefined ? [] : layout.rows.map((r) => table.rows[r]?.cells[cols.status!]?.text ?? '');
  const statusKind: StatusColumnKind = headerKind === 'status' && holdsRagRatings(statusTexts) ? 'rag' : headerKind;
  const drafts: Draft[] = [];
  // A phase written once for the rows below it: in a Milestone/Phase column, or a merged row.
  let phase: string | null = source.phase;
  // Under a "Week" header a bare "3" or "3-4" is that week.
  const weekColumn = WEEK_HEADER.test(normaliseHeader(cols.due !== undefined ? (headers[cols.due] ?? '') : ''));
  // "Week 3" cells with no evaluation start to count from: said once for the column, below.
  const weekRows: { row: number; text: string }[] = [];

  for (const r of layout.rows) {
    const row = table.rows[r];
    if (!row) continue;
    const where = `${name}, row ${r - headerRow}`;
    const cells = row.cells;
    if (cells.every(isBlank)) continue;
    if (cells.length < width) {
      diagnostics.warn('warning', where, null, `${where} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${width}; the missing cells are read as empty.`, { tableIndex: table.index, row: r, column: 0 });
    }
    const cell = (kind: StepColumn): OutlineCell => cellAt(table, r, cols[kind]);
    const filled = cells.map((c, i) => (isBlank(c) ? -1 : i)).filter((i) => i >= 0);
    const first = clean(cells[0]?.text ?? '');
    // A merged row keeps its text in its first cell: a phase heading such as "Phase 2: Contracting".
    if (filled.length === 1 && filled[0] === 0 && cols.action !== 0 && cols.phase !== 0 && width >= 3 && readStepLabel(first) === null) {
      diagnostics.warn('info', where, first, `${where}: "${first}" fills only the first cell (a merged or heading row), so it is read as the phase of the steps below it, not as a step.`, { tableIndex: table.index, row: r, column: 0 });
      phase = first;
      continue;
    }
    const phaseText = clean(cell('phase').text);
    if (phaseText) phase = phaseText;
    const milestone = clean(cell('action').text);
    const tasks = readTasks(cell('tasksOurs'), cell('tasksTheirs'), cols);
    const action = tasks ? withTasks(milestone, tasks, { ours: owners.yourCompany || header('tasksOurs'), theirs: owners.theirCompany || header('tasksTheirs') }) : milestone;
    const owner = readOwners(cells, cols, owners, stakeholders);
    // Without an owner named, the sides with tasks own the step.
    if (tasks && owner.side === 'unknown') owner.side = tasks.ours && tasks.theirs ? 'both' : tasks.ours ? 'ours' : tasks.theirs ? 'theirs' : 'unknown';
    const dueCell = cell('due');
    if (!action && !owner.owner && isBlank(dueCell)) {
      diagnostics.warn('info', where, null, `${where} has no action, owner or due date, so it is skipped.`, ref(r, 'action'));
      continue;
    }
    if (!milestone && cols.action !== undefined && !action) {
      diagnostics.warn('warning', `${where}, ${header('action')}`, '', `${where}, ${header('action')}: the cell is empty, so this step has no name.`, ref(r, 'action'));
    }

    const written = readStepLabel(clean(cell('number').text));

    const due = readDue(dueCell, dates, weekColumn);
    if (cols.due !== undefined && due.kind === 'undated' && due.reason === 'week') weekRows.push({ row: r - headerRow, text: clean(due.text) });
    else if (cols.due !== undefined && due.kind === 'undated') reportUndated(diagnostics, `${where}, ${header('due')}`, due, ref(r, 'due'));

    const statusText = cell('status').text;
    const status = parseStatus(statusText, statusKind);
    if (cols.status !== undefined && status.status === null) {
      const shown = clean(statusText);
      diagnostics.warn(
        'warning',
        `${where}, ${header('status')}`,
        shown,
        `${where}, ${header('status')}: "${shown}" is not a status the add-on knows, so it is kept as written. ${STATUS_WORDS_UNDERSTOOD[statusKind]}`,
        ref(r, 'status'),
      );
    }

    const cellRefs: Partial<Record<StepColumn, CellRef>> = {};
    for (const kind of Object.keys(cols) as StepColumn[]) {
      const c = ref(r, kind);
      if (c) cellRefs[kind] = c;
    }
    drafts.push({
      marker: row.key,
      milestone,
      ...(tasks ? { sideTasks: tasks } : {}),
      row: r,
      number: written?.number ?? 0,
      written: written?.label ?? null,
      group,
      source,
      where,
      phase,
      action,
      owner: owner.owner,
      side: owner.side,
      sideOwners: owner.sideOwners,
      due: due.kind === 'date' ? due.date : null,
      dueText: due.text,
      dueImplausible: false,
      dueFormat: due.kind === 'date' ? due.format : null,
      status: status.status,
      statusText,
      dependsText: cols.dependsOn !== undefined ? cell('dependsOn').text : null,
      cells: cellRefs,
    });
  }
  if (weekRows.length > 0) reportWeeksWithoutStart(diagnostics, name, header('due'), weekRows, drafts.length, { tableIndex: table.index, row: headerRow, column: cols.due ?? 0 });
  if (drafts.length === 0) {
    diagnostics.warn('info', name, null, `The ${name} has no steps yet.`, { tableIndex: table.index, row: headerRow, column: 0 });
  } else if (weekRows.length === 0 && cols.due !== undefined && drafts.every((d) => d.due === null) && drafts.some((d) => clean(d.dueText) !== '')) {
    // A plan whose dates are not set yet ("TBD" everywhere) is still the plan: say what is missing.
    const column = `the ${header('due')} column`;
    diagnostics.warn(
      'warning',
      name,
      null,
      `The ${name}'s dates are missing: ${drafts.length === 1 ? 'its one step has no due date' : `none of its ${drafts.length} steps has a due date`} yet. Write each step's date in ${column}; until then nothing in it can be shifted or checked for lateness.`,
      { tableIndex: table.index, row: headerRow, column: cols.due ?? 0 },
    );
  }
  return drafts;
}

const BARE_WEEK = /^\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?\s*$/;

/**
 * A due cell. In a "Week" column a bare number ("3", "3-4") is read as "Week 3", and its form
 * keeps no word, so a shift writes "4" back, not "Week 4".
 */
function readDue(cell: OutlineCell, dates: DateContext, weekColumn: boolean): DateReading {
  if (!weekColumn || cell.chips.length > 0 || !BARE_WEEK.test(cell.text)) return readDate(cell.text, cell.chips, dates);
  const week = readDate(`Week ${cell.text.trim()}`, [], dates);
  if (week.kind === 'undated') return { ...week, text: cell.text };
  const format = week.format?.style === 'week' ? { ...week.format, word: '' } : week.format;
  return { ...week, format, text: cell.text };
}

/**
 * "Week 3" counts from the evaluation start; a plan that gives none cannot date those steps. One
 * sentence for the column (not one per cell): which steps, why nothing in them can be shifted, and
 * the line to add. Dated cells beside them are read as they are.
 */
function reportWeeksWithoutStart(diagnostics: Diagnostics, table: string, column: string, weeks: readonly { row: number; text: string }[], steps: number, at: CellRef): void {
  const shown = [...new Set(weeks.map((w) => `"${w.text}"`))];
  const examples = shown.slice(0, 2).join(', ') + (shown.length > 2 ? '…' : '');
  const which = weeks.length === steps ? (steps === 1 ? 'its one step is' : `all ${steps} steps are`) : `${weeks.length === 1 ? 'row' : 'rows'} ${list(weeks.map((w) => String(w.row)))} ${weeks.length === 1 ? 'is' : 'are'}`;
  diagnostics.warn(
    'warning',
    `${table}, ${column}`,
    weeks[0]?.text ?? null,
    `${table}, ${column}: ${which} dated in weeks (${examples}) counted from the evaluation start, which the plan does not give, so ${weeks.length === 1 ? 'that step is' : 'those steps are'} undated and cannot be shifted or checked for lateness. Add a line "Evaluation start: <date>" under the title or in Key dates.`,
    at,
  );
}

/** Each side's tasks from the task columns ("Buyer tasks" + "Seller tasks"); undefined when the table has none. */
function readTasks(ours: OutlineCell, theirs: OutlineCell, cols: Partial<Record<StepColumn, number>>): { ours: string; theirs: string } | undefined {
  if (cols.tasksOurs === undefined && cols.tasksTheirs === undefined) return undefined;
  const text = (cell: OutlineCell): string => {
    const t = clean(cell.text);
    return NOBODY.test(t) ? '' : t;
  };
  return { ours: text(ours), theirs: text(theirs) };
}

/** The step as lists show it: the milestone, then what each side does ("Discovery — Acme: Run discovery · Globex: Share current process"). */
function withTasks(milestone: string, tasks: { ours: string; theirs: string }, names: { ours: string; theirs: string }): string {
  const parts = [tasks.ours && `${names.ours}: ${tasks.ours}`, tasks.theirs && `${names.theirs}: ${tasks.theirs}`].filter(Boolean).join(' · ');
  if (!parts) return milestone;
  return milestone ? `${milestone} — ${parts}` : parts;
}

/**
 * The step's owner: one Owner column, or a column per side ("Seller owner" + "Buyer owner"): both
 * are kept in `sideOwners`, the side is both when both name someone, and `owner` joins the names
 * with their company ("Dana (Acme) / Lee (Globex)").
 */
function readOwners(
  cells: readonly OutlineCell[],
  cols: Partial<Record<StepColumn, number>>,
  owners: OwnerContext,
  stakeholders: readonly ParsedStakeholder[],
): { owner: string; side: Side; sideOwners: ParsedStep['sideOwners'] } {
  const at = (c: number | undefined): OutlineCell => (c === undefined ? { text: '', chips: [] } : (cells[c] ?? { text: '', chips: [] }));
  if (cols.ownerOurs === undefined && cols.ownerTheirs === undefined) {
    const cell = at(cols.owner);
    const owner = withChipNames(cell.text, cell.chips);
    return { owner, side: owner ? ownerSide(owner, cell.chips, owners, stakeholders) : 'unknown', sideOwners: null };
  }
  const named = (c: number | undefined): string => {
    const cell = at(c);
    const text = withChipNames(cell.text, cell.chips);
    return NOBODY.test(text) ? '' : text;
  };
  const ours = named(cols.ownerOurs);
  const theirs = named(cols.ownerTheirs);
  // "Dana (Globex)", unless the cell already names the company ("Acme legal" for Acme Analytics).
  const withCompany = (names: string, company: string): string => {
    const first = (company.trim().split(/\s+/)[0] ?? '').toLowerCase();
    const named = names.toLowerCase();
    return company && !named.includes(company.toLowerCase()) && !(first.length > 2 && named.includes(first)) ? `${names} (${company})` : names;
  };
  const owner = [ours && withCompany(ours, owners.yourCompany), theirs && withCompany(theirs, owners.theirCompany)].filter(Boolean).join(' / ');
  const side: Side = ours && theirs ? 'both' : ours ? 'ours' : theirs ? 'theirs' : 'unknown';
  return { owner, side, sideOwners: { ours, theirs } };
}

/** "Phase 2: Commercials" gives 2: the prefix of its steps' labels when every table numbers from 1. */
function phaseNumber(phase: string | null): string | null {
  return phase ? (/\b(?:phase|stage|part|wave|workstream|track|step|milestone)\s*#?\s*(\d{1,2})\b/i.exec(phase)?.[1] ?? /^(\d{1,2})[.:)]\s/.exec(phase)?.[1] ?? null) : null;
}

/**
 * The labels every list shows. Numbers as written ("5a", "2.1"); a row numbered by position gets
 * its place. When a later table numbers from 1 again, each label is prefixed with its table's
 * phase number or place ("2.3": phase 2, step 3), so no two tables' steps look alike.
 */
function settleLabels(drafts: Draft[], tables: number): { labels: string[]; restart: boolean } {
  let restart = false;
  const seen = new Set<string>();
  let highest = 0;
  for (let g = 0; g < tables && !restart; g++) {
    const own = drafts.filter((d) => d.group === g && d.written !== null);
    if (g > 0 && own.some((d) => seen.has(d.written ?? '') || d.number <= highest)) restart = true;
    for (const d of own) {
      seen.add(d.written ?? '');
      highest = Math.max(highest, d.number);
    }
  }
  const prefixes = Array.from({ length: tables }, (_, g) => phaseNumber(drafts.find((d) => d.group === g)?.source.phase ?? null));
  const usePhase = prefixes.every((p) => p !== null) && new Set(prefixes).size === tables;
  const labels: string[] = [];
  const positionIn = new Map<number, number>();
  let position = 0;
  for (const d of drafts) {
    position++;
    const local = (positionIn.get(d.group) ?? 0) + 1;
    positionIn.set(d.group, local);
    if (!restart) {
      labels.push(d.written ?? String(position));
      continue;
    }
    const prefix = usePhase ? (prefixes[d.group] ?? String(d.group + 1)) : String(d.group + 1);
    labels.push(`${prefix}.${d.written ?? String(local)}`);
  }
  return { labels, restart };
}

/** Reads every Steps table's rows, in document order, into the plan's steps. */
export function readSteps(
  diagnostics: Diagnostics,
  sources: readonly StepsSource[],
  dates: DateContext,
  owners: OwnerContext,
  stakeholders: readonly ParsedStakeholder[],
  knownSteps: readonly KnownStep[],
): ParsedStep[] {
  const drafts = sources.flatMap((source, group) => readRows(diagnostics, source, group, dates, owners, stakeholders));
  const { labels, restart } = settleLabels(drafts, sources.length);
  const header = (d: Draft, kind: StepColumn): string => {
    const c = d.source.layout.map.columns[kind];
    return (c !== undefined ? d.source.layout.headers[c] : '') || STEP_COLUMN_NAMES[kind];
  };
  // The number: as written, else the row's place; with restarting tables, the step's place in the plan.
  drafts.forEach((d, i) => {
    if (restart || d.written === null) d.number = i + 1;
  });

  // Labels written in a "#" column, by the first row that has each.
  const writtenAt = new Map<string, Draft>();
  drafts.forEach((d, i) => {
    const l = (labels[i] ?? '').toLowerCase();
    if (d.written !== null && !writtenAt.has(l)) writtenAt.set(l, d);
  });
  // A row numbered by its position: said, and its place may clash with a number written elsewhere.
  drafts.forEach((d, i) => {
    const numberColumn = d.source.layout.map.columns.number;
    if (d.written !== null || numberColumn === undefined) return;
    const at = `${d.where}, ${header(d, 'number')}`;
    const text = clean(d.source.found.table.rows[d.row]?.cells[numberColumn]?.text ?? '');
    const said = text ? `"${text}" is not a step number` : 'the cell is empty';
    const shown = labels[i] ?? '';
    const twin = writtenAt.get(shown.toLowerCase());
    const clash = twin ? `; row ${twin.row - twin.source.found.headerRow} is numbered ${shown} too, so renumber the steps` : '';
    diagnostics.warn('info', at, text, `${at}: ${said}, so this step is numbered ${shown} by its position${clash}.`, d.cells.number ?? null);
  });

  // The same number written twice: "Depends on 4" cannot tell the rows apart.
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    if (drafts[i]?.written !== null) byLabel.set(l.toLowerCase(), [...(byLabel.get(l.toLowerCase()) ?? []), i]);
  });
  for (const same of byLabel.values()) {
    if (same.length < 2) continue;
    const twins = same.map((i) => drafts[i]).filter((d): d is Draft => d !== undefined);
    const second = twins[1];
    const shown = labels[same[0] ?? 0] ?? '';
    if (!second) continue;
    const rows = list(twins.map((d) => String(d.row - d.source.found.headerRow)));
    const oneTable = twins.every((d) => d.source === second.source);
    const place = oneTable ? `${second.source.name}, rows ${rows}` : `Steps tables, ${list(twins.map((d) => d.where))}`;
    diagnostics.warn(
      'warning',
      oneTable ? `${place}, ${header(second, 'number')}` : place,
      shown,
      `${place} are ${twins.length === 2 ? 'both' : 'all'} numbered ${shown}. Renumber the steps so that each number is used once; until then "Depends on ${shown}" cannot tell them apart.`,
      second.cells.number ?? null,
    );
  }

  // A date years away from the plan's other dates is a typo until the person says otherwise.
  drafts.forEach((d) => {
    if (d.due === null || Math.abs(daysBetween(dates.referenceDate, d.due)) <= IMPLAUSIBLE_DAYS) return;
    d.dueImplausible = true;
    const at = `${d.where}, ${header(d, 'due')}`;
    const shown = clean(d.dueText);
    diagnostics.warn(
      'warning',
      at,
      shown,
      `${at}: "${shown}" is ${d.due.slice(0, 4)}, years away from the plan's other dates (around ${monthYear(dates.referenceDate)}); check the year. Until it is corrected, a shift leaves this step alone.`,
      d.cells.due ?? null,
    );
  });

  const keys = assignKeys(
    drafts.map((d) => ({ marker: d.marker, action: d.action, number: d.number, due: d.due, row: d.row })),
    knownSteps,
  );

  const depRows: DependencyRow[] = drafts.map((d, i) => ({
    key: keys[i] ?? '',
    // A unique number per row, so each link problem names its own row; sentences show the label.
    number: i + 1,
    // A row numbered by its place answers to that number only when no written number claims it.
    label: d.written === null && writtenAt.has((labels[i] ?? '').toLowerCase()) ? `row ${i + 1}` : (labels[i] ?? String(i + 1)),
    ...(d.written !== null ? { localLabel: d.written } : {}),
    group: d.group,
    action: d.milestone || d.action,
    dependsText: d.dependsText,
  }));
  const hasDepends = sources.some((s) => s.layout.map.columns.dependsOn !== undefined);
  const links = buildDependencies(depRows, hasDepends);
  for (const problem of links.problems) {
    const d = drafts[(problem.steps[0] ?? 0) - 1];
    if (!d) continue;
    const where = `${d.where}, ${header(d, 'dependsOn')}`;
    diagnostics.warn('warning', where, clean(d.dependsText ?? ''), `${where}: ${problem.message}`, d.cells.dependsOn ?? null);
  }
  const parsed: ParsedStep[] = drafts.map((d, i) => {
    const { marker: _marker, milestone: _milestone, written: _written, group: _group, source: _source, where: _where, ...step } = d;
    const key = keys[i] ?? '';
    return { ...step, key, label: labels[i] ?? String(step.number), dependsOn: links.dependsOn[key] ?? [] };
  });
  if (hasDepends) {
    const order = topologicalOrder(
      parsed.map((s) => ({ key: s.key, number: s.number, label: s.label, dependsOn: s.dependsOn })),
      'dates cannot be shifted until one of these links is removed',
    );
    const first = sources.find((s) => s.layout.map.columns.dependsOn !== undefined) ?? sources[0];
    for (const problem of order.problems) {
      const where = `${sources.length > 1 ? 'Steps tables' : 'Steps table'}, ${first ? header({ source: first } as Draft, 'dependsOn') : 'Depends on'}`;
      diagnostics.warn('warning', where, null, `${where}: ${problem.message}`, null, [first?.found.table.index ?? 0, Number.MAX_SAFE_INTEGER]);
    }
  }
  return parsed;
}

function monthYear(date: IsoDate): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

/** Says that no steps could be read, what the add-on looked for, and what the document's tables hold instead. */
export function reportNoStepsTable(diagnostics: Diagnostics, tables: readonly OutlineTable[]): void {
  const seen = tables.slice(0, 3).map((t) => `"${headersOf(t, 0).filter(Boolean).join(' | ').slice(0, 80)}"`);
  const found =
    tables.length === 0
      ? 'This document has no table.'
      : `${tables.length === 1 ? 'The one table here has the header row' : `The ${tables.length} tables here have the header rows`} ${list(seen)}${tables.length > 3 ? ' and more' : ''}, which ${tables.length === 1 ? 'names' : 'name'} no action column.`;
  diagnostics.warn('error', 'Steps table', null, `No Steps table was found. ${stepsTableWanted()} ${found}`);
}
