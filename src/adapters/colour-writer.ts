/** Colours the Steps table: each status cell by its status, each due cell when the step is overdue or at risk; nothing else is restyled. */
import type { WorkCalendar } from '../core/scheduling/calendar';
import type { CellRef, ParsedPlan, ParsedStep } from '../core/reading/parsed-plan';
import type { IsoDate } from '../core/plan';
import { dueColour, dueSignal, isDueColour, STATUS_COLOURS } from '../core/method/status-style';
import { handleKey, type CellHandles } from './document-reader';

const NO_FILL = '#ffffff';

export interface ColourReport {
  /** Cells whose background was changed. */
  changed: number;
  overdue: ParsedStep[];
  atRisk: ParsedStep[];
}

/**
 * Finds cells by the table's body index, fetching each table and its row count once; a cell then
 * costs one getCell call. A reference past the row's end (a row a person shortened) is null.
 */
export function cellFinder(
  body: GoogleAppsScript.Document.Body,
  handles?: CellHandles,
): (ref: CellRef) => GoogleAppsScript.Document.TableCell | null {
  const tables = new Map<number, { table: GoogleAppsScript.Document.Table; rows: number } | null>();
  return (ref) => {
    const known = handles?.get(handleKey(ref.tableIndex, ref.row, ref.column));
    if (known) return known;
    if (!tables.has(ref.tableIndex)) {
      const child = ref.tableIndex < body.getNumChildren() ? body.getChild(ref.tableIndex) : null;
      const table = child && child.getType() === DocumentApp.ElementType.TABLE ? child.asTable() : null;
      tables.set(ref.tableIndex, table && { table, rows: table.getNumRows() });
    }
    const found = tables.get(ref.tableIndex);
    if (!found || ref.row >= found.rows) return null;
    try {
      return found.table.getCell(ref.row, ref.column);
    } catch {
      return null;
    }
  };
}

/**
 * Sets each colour only where it differs from what the cell has: a refresh of an up-to-date plan
 * writes nothing. A due cell's fill is cleared only when it is one the add-on put there, so a
 * colour a person chose for their own reasons stays.
 */
export function refreshColours(
  doc: GoogleAppsScript.Document.Document,
  plan: ParsedPlan,
  today: IsoDate,
  calendar?: WorkCalendar,
  handles?: CellHandles,
): ColourReport {
  const cellAt = cellFinder(doc.getBody(), handles);
  const report: ColourReport = { changed: 0, overdue: [], atRisk: [] };
  const paint = (ref: CellRef | undefined, colour: string | null, onlyOurs: boolean) => {
    const cell = ref && cellAt(ref);
    if (!cell) return;
    const current = cell.getBackgroundColor();
    if ((current ?? '').toLowerCase() === (colour ?? '').toLowerCase()) return;
    if (colour === null && (onlyOurs ? !isDueColour(current) : true)) return;
    // TableCell.setBackgroundColor is documented for CSS colours only (null is documented for
    // Text ranges, not cells: /apps-script/reference/document/table-cell), so "no mark" is white.
    cell.setBackgroundColor(colour ?? NO_FILL);
    report.changed++;
  };
  for (const step of plan.steps) {
    if (step.status) paint(step.cells.status, STATUS_COLOURS[step.status], false);
    const signal = dueSignal(step, today, calendar);
    if (signal === 'overdue') report.overdue.push(step);
    if (signal === 'at-risk') report.atRisk.push(step);
    paint(step.cells.due, dueColour(signal), true);
  }
  return report;
}
