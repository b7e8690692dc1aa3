/** Writes a CRM import into the Opportunities sheet: the previous import replaced in one write, what people typed kept with its opportunity. */
import { enteredValue } from '../core/metrics/cells';
import { OPPORTUNITIES, rowKey, type OpportunityColumnId, type Row } from '../core/metrics/layout';
import { repairHeaders } from '../core/metrics/sheet-repair';
import { ensureGrid, readSheet, reentered } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface OpportunitiesWrite {
  written: number;
  /** Rows of an earlier import that are not in this one but hold something a person typed: kept, below the new rows. */
  keptForNotes: number;
}

/**
 * One read of the sheet (values and formulas), one write of the whole block, one of its number
 * formats: a constant number of calls however many opportunities. Export-owned columns take the
 * report's values (text always as text); person columns and columns people added move with their
 * opportunity (found by Opportunity id); leftover rows of the previous import are cleared.
 */
export function writeOpportunities(spreadsheet: Spreadsheet, rows: readonly Row<OpportunityColumnId>[]): OpportunitiesWrite {
  const sheet = spreadsheet.getSheetByName(OPPORTUNITIES.name) ?? spreadsheet.insertSheet(OPPORTUNITIES.name);
  const contents = readSheet(sheet);
  const repair = repairHeaders(OPPORTUNITIES, contents.values[0] ?? []);
  const width = repair.headerRow.length;
  const ours = new Set(OPPORTUNITIES.columns.filter((c) => c.owner === 'export').map((c) => repair.positions[c.id]));
  const keyAt = repair.positions.opportunityId;

  // Earlier rows by key, as they would be typed back (formulas, text, dates).
  const earlier = new Map<string, unknown[]>();
  const earlierOrder: string[] = [];
  for (let r = 1; r < contents.numRows; r++) {
    const line = Array.from({ length: width }, (_, c) => reentered(contents.values[r]?.[c] ?? '', contents.formulas[r]?.[c] ?? ''));
    const key = String(contents.values[r]?.[keyAt] ?? '');
    if (key === '' || earlier.has(key)) continue;
    earlier.set(key, line);
    earlierOrder.push(key);
  }

  const block: unknown[][] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = rowKey(OPPORTUNITIES, row);
    seen.add(key);
    const line = earlier.get(key)?.slice() ?? Array.from({ length: width }, () => '');
    for (const column of OPPORTUNITIES.columns) {
      if (column.owner !== 'export') continue;
      line[repair.positions[column.id]] = enteredValue(row[column.id] ?? null);
    }
    block.push(line);
  }
  // An opportunity gone from the report keeps its row only when a person wrote something in it.
  let keptForNotes = 0;
  for (const key of earlierOrder) {
    if (seen.has(key)) continue;
    const line = earlier.get(key)!;
    if (line.some((value, c) => !ours.has(c) && value !== '')) {
      block.push(line);
      keptForNotes += 1;
    }
  }
  const oldRows = Math.max(0, contents.numRows - 1);
  const total = Math.max(block.length, oldRows);
  while (block.length < total) block.push(Array.from({ length: width }, () => ''));
  ensureGrid(sheet, total + 1, width);
  if (repair.changed) sheet.getRange(1, 1, 1, width).setValues([repair.headerRow]);
  if (total > 0) {
    const target = sheet.getRange(2, 1, total, width);
    const formats = target.getNumberFormats();
    for (const column of OPPORTUNITIES.columns) {
      if (column.format === null) continue;
      for (const line of formats) line[repair.positions[column.id]] = column.format;
    }
    target.setNumberFormats(formats);
    target.setValues(block);
  }
  return { written: rows.length, keptForNotes };
}
