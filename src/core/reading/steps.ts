/** Step rows: each row of a Steps table read into a step (number, action, owner and side, due date, status, dependencies), with a diagnostic for every cell it could not read. */
import type { DateContext } from '../cell-dates';
import { classifyOwner, type OwnerContext } from '../cell-owner';
import { parseStatus } from '../cell-status';
import type { CellRef, OutlineCell, ParsedStakeholder, ParsedStep, StepColumn } from '../parsed-plan';
import { buildDependencies, topologicalOrder, type DependencyRow } from '../schedule';
import type { ColumnMap } from './columns';
import type { KnownStep } from './context';
import { readDate, reportUndated } from './dates';
import type { Diagnostics } from './diagnostics';
import { STEP_COLUMN_NAMES, STEP_HEADER_WORDS } from './header-words';
import { assignKeys } from './identity';
import { combineSides, people, sideOfEmail, withChipNames } from './owners';
import { cellAt, headersOf, isBlank, stepColumns, type FoundTable } from './tables';
import { clean, list, quoted } from './text';

/** A step number as typed: "3", "3.", "#3", "Step 3". */
const NUMBER_CELL = /^(?:step\s*)?#?\s*(\d{1,4})\s*[.):]?$/i;

export interface StepsLayout {
  headers: string[];
  map: ColumnMap<StepColumn>;
  rows: number[];
}

export function stepsLayout(diagnostics: Diagnostics, found: FoundTable): StepsLayout {
  const headers = headersOf(found.table, found.headerRow);
  const map = stepColumns(headers);
  const name = (c: number, kind?: StepColumn): string => headers[c] || (kind ? STEP_COLUMN_NAMES[kind] : `column ${c + 1}`);
  for (const a of map.ambiguous) {
    diagnostics.warn(
      'warning',
      `Steps table, ${name(a.column)}`,
      headers[a.column] ?? null,
      `Steps table: the header "${headers[a.column] ?? ''}" could mean ${list(a.kinds.map((k) => STEP_COLUMN_NAMES[k]), 'or')}; it is read as ${STEP_COLUMN_NAMES[a.chosen]}.`,
      { tableIndex: found.table.index, row: found.headerRow, column: a.column },
    );
  }
  for (const r of map.repeated) {
    diagnostics.warn(
      'warning',
      `Steps table, ${name(r.column)}`,
      headers[r.column] ?? null,
      `Steps table: both "${name(r.first, r.kind)}" and "${name(r.column, r.kind)}" look like the ${STEP_COLUMN_NAMES[r.kind]} column; the add-on reads "${name(r.first, r.kind)}" and keeps "${name(r.column, r.kind)}" as an extra column.`,
      { tableIndex: found.table.index, row: found.headerRow, column: r.column },
    );
  }
  const rows: number[] = [];
  for (let r = found.headerRow + 1; r < found.table.rows.length; r++) rows.push(r);
  return { headers, map, rows };
}

export function readSteps(
  diagnostics: Diagnostics,
  found: FoundTable,
  layout: StepsLayout,
  dates: DateContext,
  owners: OwnerContext,
  stakeholders: readonly ParsedStakeholder[],
  knownSteps: readonly KnownStep[],
): ParsedStep[] {
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

  interface Draft extends Omit<ParsedStep, 'key' | 'dependsOn' | 'label' | 'phase' | 'sideOwners' | 'dueImplausible'> {
    marker: string | null;
    explicitNumber: boolean;
  }
  const drafts: Draft[] = [];
  // Numbers written in the # column, by the first row that has each: a row numbered by position may clash with one.
  const writtenNumbers = new Map<number, number>();
  for (const r of layout.rows) {
    const n = NUMBER_CELL.exec(clean(cellAt(table, r, cols.number).text))?.[1];
    if (n !== undefined && !writtenNumbers.has(Number(n))) writtenNumbers.set(Number(n), r);
  }

  for (const r of layout.rows) {
    const row = table.rows[r];
    if (!row) continue;
    const label = `Steps table, row ${r - headerRow}`;
    const cells = row.cells;
    if (cells.every(isBlank)) continue;
    if (cells.length < width) {
      diagnostics.warn('warning', label, null, `${label} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${width}; the missing cells are read as empty.`, { tableIndex: table.index, row: r, column: 0 });
    }
    const cell = (kind: StepColumn): OutlineCell => cellAt(table, r, cols[kind]);
    const filled = cells.map((c, i) => (isBlank(c) ? -1 : i)).filter((i) => i >= 0);
    const first = clean(cells[0]?.text ?? '');
    // A merged row keeps its text in its first cell: a phase heading such as "Phase 2: Contracting".
    if (filled.length === 1 && filled[0] === 0 && cols.action !== 0 && width >= 3 && !/^\d+[.)]?$/.test(first)) {
      diagnostics.warn('info', label, first, `${label}: "${first}" fills only the first cell (a merged or heading row), so it is not read as a step.`, { tableIndex: table.index, row: r, column: 0 });
      continue;
    }
    const action = clean(cell('action').text);
    const ownerCell = cell('owner');
    const owner = withChipNames(ownerCell.text, ownerCell.chips);
    const dueCell = cell('due');
    if (!action && !owner && isBlank(dueCell)) {
      diagnostics.warn('info', label, null, `${label} has no action, owner or due date, so it is skipped.`, ref(r, 'action'));
      continue;
    }
    if (!action && cols.action !== undefined) {
      diagnostics.warn('warning', `${label}, ${header('action')}`, '', `${label}, ${header('action')}: the cell is empty, so this step has no name.`, ref(r, 'action'));
    }

    // Number: as written, else the row's place among the steps.
    const numberText = clean(cell('number').text);
    const written = NUMBER_CELL.exec(numberText);
    const position = drafts.length + 1;
    if (!written && cols.number !== undefined) {
      const where = `${label}, ${header('number')}`;
      const said = numberText ? `"${numberText}" is not a step number` : 'the cell is empty';
      const twin = writtenNumbers.get(position);
      const clash = twin === undefined ? '' : `; row ${twin - headerRow} is numbered ${position} too, so renumber the steps`;
      diagnostics.warn('info', where, numberText, `${where}: ${said}, so this step is numbered ${position} by its position${clash}.`, ref(r, 'number'));
    }

    // Due date.
    const due = readDate(dueCell.text, dueCell.chips, dates);
    if (cols.due !== undefined && due.kind === 'undated') reportUndated(diagnostics, `${label}, ${header('due')}`, due, ref(r, 'due'));

    // Status.
    const statusText = cell('status').text;
    const status = parseStatus(statusText);
    if (cols.status !== undefined && status.status === null) {
      const shown = clean(statusText);
      diagnostics.warn(
        'warning',
        `${label}, ${header('status')}`,
        shown,
        `${label}, ${header('status')}: "${shown}" is not a status the add-on knows, so it is kept as written. It understands Pending, In progress, Complete and Blocked.`,
        ref(r, 'status'),
      );
    }

    // Owner: names in the text and person chips; addresses decide what names cannot.
    let side = owner ? classifyOwner(owner, owners) : 'unknown';
    const chipPeople = people(ownerCell.chips);
    if (chipPeople.length > 0) {
      const chipSides = chipPeople.map((c) => sideOfEmail(c.email, owners, stakeholders));
      side = side === 'unknown' ? combineSides(chipSides) : combineSides([side, ...chipSides]);
    }

    const cellRefs: Partial<Record<StepColumn, CellRef>> = {};
    for (const kind of Object.keys(cols) as StepColumn[]) {
      const c = ref(r, kind);
      if (c) cellRefs[kind] = c;
    }
    drafts.push({
      marker: row.key,
      row: r,
      number: written ? Number(written[1]) : position,
      explicitNumber: !!written,
      action,
      owner,
      side,
      due: due.kind === 'date' ? due.date : null,
      dueText: due.text,
      dueFormat: due.kind === 'date' ? due.format : null,
      status: status.status,
      statusText,
      dependsText: cols.dependsOn !== undefined ? cell('dependsOn').text : null,
      cells: cellRefs,
    });
  }

  if (drafts.length === 0) {
    diagnostics.warn('info', 'Steps table', null, 'The Steps table has no steps yet.', { tableIndex: table.index, row: headerRow, column: 0 });
  }

  // The same number twice: "Depends on 4" cannot tell the rows apart.
  const byNumber = new Map<number, Draft[]>();
  for (const d of drafts) if (d.explicitNumber) byNumber.set(d.number, [...(byNumber.get(d.number) ?? []), d]);
  for (const [n, same] of byNumber) {
    if (same.length < 2) continue;
    const rows = list(same.map((d) => String(d.row - headerRow)));
    diagnostics.warn(
      'warning',
      `Steps table, rows ${rows}, ${header('number')}`,
      String(n),
      `Steps table, rows ${rows} are ${same.length === 2 ? 'both' : 'all'} numbered ${n}. Renumber the steps so that each number is used once; until then "Depends on ${n}" cannot tell them apart.`,
      ref(same[1]?.row ?? 0, 'number'),
    );
  }

  const keys = assignKeys(
    drafts.map((d) => ({ marker: d.marker, action: d.action, number: d.number, due: d.due, row: d.row })),
    knownSteps,
  );

  // Links. A row numbered by position only answers to its number when no written number claims it.
  const explicit = new Set(drafts.filter((d) => d.explicitNumber).map((d) => d.number));
  const highest = Math.max(0, ...drafts.map((d) => d.number));
  const depRows: DependencyRow[] = drafts.map((d, i) => ({
    key: keys[i] ?? '',
    number: d.explicitNumber || !explicit.has(d.number) ? d.number : highest + i + 1,
    action: d.action,
    dependsText: d.dependsText,
  }));
  const links = buildDependencies(depRows, cols.dependsOn !== undefined);
  for (const problem of links.problems) {
    const who = problem.steps[0];
    const candidates = drafts.filter((_, i) => depRows[i]?.number === who);
    const d = candidates.find((c) => problem.message.includes(c.action.slice(0, 40))) ?? candidates[0];
    if (!d) continue;
    const where = `Steps table, row ${d.row - headerRow}, ${header('dependsOn')}`;
    diagnostics.warn('warning', where, clean(d.dependsText ?? ''), `${where}: ${problem.message}`, ref(d.row, 'dependsOn'));
  }
  const parsed: ParsedStep[] = drafts.map((d, i) => {
    const { marker: _marker, explicitNumber: _explicit, ...step } = d;
    const key = keys[i] ?? '';
    return { ...step, key, label: String(step.number), phase: null, sideOwners: null, dueImplausible: false, dependsOn: links.dependsOn[key] ?? [] };
  });
  if (cols.dependsOn !== undefined) {
    const order = topologicalOrder(
      parsed.map((s) => ({ key: s.key, number: s.number, dependsOn: s.dependsOn })),
      'dates cannot be shifted until one of these links is removed',
    );
    for (const problem of order.problems) {
      const where = `Steps table, ${header('dependsOn')}`;
      diagnostics.warn('warning', where, null, `${where}: ${problem.message}`, null, [table.index, Number.MAX_SAFE_INTEGER]);
    }
  }
  return parsed;
}


export function reportNoStepsTable(diagnostics: Diagnostics): void {
  const w = STEP_HEADER_WORDS;
  diagnostics.warn(
    'error',
    'Steps table',
    null,
    `No Steps table was found. The add-on looks for a table whose header row has an action column (${list(quoted(w.action.slice(0, 8)), 'or')}) and an owner, due date or status column (${list(quoted(['Owner', 'Responsible', 'Due date', 'Target date', 'Status', 'Progress']), 'or')}).`,
  );
}
