/** The role of each table: steps, stakeholders or risks, from its header row (or the row under a title row) and the section it sits in. */
import type { OutlineCell, OutlineTable } from './parsed-plan';
import { mapColumns, normaliseHeader } from './columns';
import type { Diagnostics } from './diagnostics';
import { RISK_HEADER_WORDS, STAKEHOLDER_HEADER_WORDS, type SectionName } from './header-words';
import { stepColumns, type Companies } from './step-columns';
import type { PlanDocument, Section } from './sections';
import { clean, list, ordinal } from './text';

export type TableKind = 'steps' | 'stakeholders' | 'risks';

export interface FoundTable {
  table: OutlineTable;
  /** Position in outline.blocks. */
  at: number;
  kind: TableKind;
  headerRow: number;
  section: Section;
}

const EMPTY_CELL: OutlineCell = { text: '', chips: [] };

export function cellAt(table: OutlineTable, row: number, column: number | undefined): OutlineCell {
  if (column === undefined) return EMPTY_CELL;
  return table.rows[row]?.cells[column] ?? EMPTY_CELL;
}

export const isBlank = (cell: OutlineCell): boolean => clean(cell.text) === '' && cell.chips.length === 0;

export function headersOf(table: OutlineTable, row: number): string[] {
  return (table.rows[row]?.cells ?? []).map((c) => clean(c.text));
}

/**
 * What a header row says the table is. A risks table may have "Action" and "Owner" columns and a
 * Steps table a "Risk" column, so when both fit, the one whose main column comes first wins.
 */
function kindOfHeaders(table: OutlineTable, headerRow: number, section: SectionName | null, companies: Companies): TableKind | null {
  const headers = headersOf(table, headerRow);
  const risks = mapColumns(headers, RISK_HEADER_WORDS).columns;
  const steps = stepColumns(headers, companies, table, headerRow).columns;
  // Task columns per side ("Buyer tasks" + "Seller tasks") say what each side does: the steps' words and their sides.
  const tasks = [steps.tasksOurs, steps.tasksTheirs].filter((c) => c !== undefined).length;
  const stepDetails = [steps.owner, steps.ownerOurs, steps.ownerTheirs, steps.due, steps.status].filter((c) => c !== undefined).length + tasks;
  const risky = risks.risk !== undefined && (risks.impact !== undefined || risks.mitigation !== undefined);
  const firstStepColumn = steps.action ?? Math.min(steps.tasksOurs ?? Infinity, steps.tasksTheirs ?? Infinity);
  const stepLike = (steps.action !== undefined || tasks > 0) && stepDetails > 0;
  if (risky && (!stepLike || (risks.risk ?? 0) < firstStepColumn)) return 'risks';
  if (stepLike) return 'steps';
  const people = mapColumns(headers, STAKEHOLDER_HEADER_WORDS).columns;
  if (people.name !== undefined && (people.title !== undefined || people.responsibility !== undefined || people.company !== undefined || people.email !== undefined)) return 'stakeholders';
  // Under its own heading a table needs less to be recognised.
  if (section === 'steps' && (steps.action !== undefined || stepDetails + (steps.number !== undefined ? 1 : 0) >= 2)) return 'steps';
  if (section === 'stakeholders' && people.name !== undefined) return 'stakeholders';
  if (section === 'risks' && risks.risk !== undefined) return 'risks';
  return null;
}

/** A header in the first row, or in the second under a title row ("Evaluation plan" merged across). */
export function classifyTable(table: OutlineTable, section: SectionName | null, companies: Companies): { kind: TableKind; headerRow: number } | null {
  for (const headerRow of [0, 1]) {
    if (headerRow >= table.rows.length) break;
    const kind = kindOfHeaders(table, headerRow, section, companies);
    if (kind) return { kind, headerRow };
  }
  return null;
}

export function findTables(doc: PlanDocument, companies: Companies): FoundTable[] {
  const found: FoundTable[] = [];
  doc.blocks.forEach((block, at) => {
    if (block.kind !== 'table') return;
    const section = doc.sections[at] ?? { name: null, heading: null, start: -1 };
    // The change log's tables are the add-on's own record, not the plan.
    if (section.changes) return;
    const kind = classifyTable(block, section.name, companies);
    if (kind) found.push({ table: block, at, section, ...kind });
  });
  return found;
}

/** The table of a kind: the one under its own heading, else the first; any other is named and ignored. */
export function chooseTable(diagnostics: Diagnostics, tables: readonly FoundTable[], kind: TableKind): FoundTable | null {
  return chooseTables(diagnostics, tables, kind)[0] ?? null;
}

/**
 * The tables of a kind, in document order: the one under its own heading (else the first), and the
 * tables that `joins` says belong with it (a plan split per phase, each table with the same
 * columns); any other is named and ignored.
 */
export function chooseTables(
  diagnostics: Diagnostics,
  tables: readonly FoundTable[],
  kind: TableKind,
  joins: (table: FoundTable, chosen: FoundTable) => boolean = () => false,
): FoundTable[] {
  const candidates = tables.filter((t) => t.kind === kind);
  // A heading that says "Steps" beats one that only could ("Next steps from the call").
  const own = { steps: 'steps', stakeholders: 'stakeholders', risks: 'risks' }[kind];
  const score = (t: FoundTable): number => {
    const h = normaliseHeader(t.section.heading ?? '');
    return h === own || h.startsWith(`${own} `) ? 2 : t.section.name === kind ? 1 : 0;
  };
  const best = Math.max(0, ...candidates.map(score));
  const underHeading = best > 0 ? candidates.find((t) => score(t) === best) : undefined;
  const chosen = underHeading ?? candidates[0] ?? null;
  if (!chosen) return [];
  const read = candidates.filter((t) => t === chosen || joins(t, chosen));
  if (read.length < candidates.length) {
    const label = { steps: 'Steps', stakeholders: 'Stakeholders', risks: 'Risks' }[kind];
    const count = ['', 'One', 'Two', 'Three', 'Four', 'Five'][candidates.length] ?? String(candidates.length);
    const ignored = candidates.filter((t) => !read.includes(t));
    // Tables under the same heading are told apart by their order ("the second one under "Steps"").
    const where = (t: FoundTable): string => {
      const h = t.section.heading;
      if (!h) return `the ${ordinal(candidates.indexOf(t) + 1)} one`;
      const same = candidates.filter((c) => c.section.heading === h);
      return same.length > 1 ? `the ${ordinal(same.indexOf(t) + 1)} one under "${h}"` : `the one under "${h}"`;
    };
    const used = read.length > 1 ? list(read.map(where)) : underHeading ? where(chosen) : 'the first one';
    diagnostics.warn(
      'warning',
      `${label} table`,
      null,
      `${count} tables look like the ${label} table. The add-on reads ${used} and ignores ${list(ignored.map(where))}.`,
      null,
      [chosen.table.index, -1],
    );
  }
  return read;
}
