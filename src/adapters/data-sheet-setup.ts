/** Creates or repairs one data sheet of the team workbook (Deals, Steps, Slips, Opportunities): header row, notes, formats, frozen filterable header; rows are never touched. */
import type { DataSheet } from '../core/metrics/layout';
import { repairHeaders } from '../core/metrics/sheet-repair';
import { ensureGrid } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DataSheetSetUp {
  sheet: string;
  created: boolean;
  /** Headers written back because they were missing. */
  restored: string[];
}

/**
 * A constant number of calls whatever the sheet holds: the header row is read once and written
 * once (only when it changes); formats go on whole columns in one call over the layout's span.
 * Data rows below the header are never read or written.
 */
export function setUpDataSheet<Id extends string>(spreadsheet: Spreadsheet, layout: DataSheet<Id>): DataSheetSetUp {
  let sheet = spreadsheet.getSheetByName(layout.name);
  const created = sheet === null;
  if (!sheet) sheet = spreadsheet.insertSheet(layout.name);
  const width = Math.max(sheet.getLastColumn(), 1);
  const existing = created ? [] : (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
  const repair = repairHeaders(layout, existing);
  const columns = repair.headerRow.length;
  ensureGrid(sheet, 2, columns);
  const header = sheet.getRange(1, 1, 1, columns);
  if (repair.changed) header.setValues([repair.headerRow]);
  // Header notes say what each column means, in the analyst's words.
  // Notes on the layout's headers only: a note on a column a person added stays theirs.
  const notes = created ? repair.headerRow.map(() => '') : header.getNotes()[0]!.slice();
  for (const column of layout.columns) notes[repair.positions[column.id]] = column.note;
  header.setNotes([notes]).setFontWeight('bold').setBackground('#e8f0fe');
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows();
  // Number formats for the layout's columns from row 2 to the bottom: read once, change only ours, write once.
  const body = sheet.getRange(2, 1, rows - 1, columns);
  const formats = body.getNumberFormats();
  let formatsChanged = false;
  for (const column of layout.columns) {
    if (column.format === null) continue;
    const at = repair.positions[column.id];
    for (const line of formats) {
      if (line[at] !== column.format) {
        line[at] = column.format;
        formatsChanged = true;
      }
    }
  }
  if (formatsChanged) body.setNumberFormats(formats);
  // A filter over the whole columns, so rows pasted or exported later are inside it.
  if (!sheet.getFilter()) sheet.getRange(1, 1, rows, columns).createFilter();
  return { sheet: layout.name, created, restored: created ? [] : repair.restored };
}
