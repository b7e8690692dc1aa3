/** The spreadsheet the Sheets add-on runs in, and the few reads every workbook action shares. */
import { UserError } from '../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The open spreadsheet. spreadsheets.currentonly reaches this file and no other. */
export function activeWorkbook(): Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
  if (!spreadsheet) throw new UserError('Open the team workbook in Google Sheets to use this.');
  return spreadsheet;
}

/** What a sheet holds, read once: one getValues and one getFormulas over the used range. */
export interface SheetContents {
  values: unknown[][];
  formulas: string[][];
  numRows: number;
  numColumns: number;
}

export function readSheet(sheet: Sheet): SheetContents {
  const numRows = sheet.getLastRow();
  const numColumns = sheet.getLastColumn();
  if (numRows === 0 || numColumns === 0) return { values: [], formulas: [], numRows: 0, numColumns: 0 };
  const range = sheet.getRange(1, 1, numRows, numColumns);
  return { values: range.getValues(), formulas: range.getFormulas(), numRows, numColumns };
}

/** Makes the sheet at least this tall and wide (writing past its grid fails on Google). */
export function ensureGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * A value read from a cell, written back as it was: a formula as its formula, text with the
 * apostrophe that keeps it text ("=1+1" typed as text, "+1", "0042"), dates and numbers as they are.
 */
export function reentered(value: unknown, formula: string): unknown {
  if (formula) return formula;
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}
