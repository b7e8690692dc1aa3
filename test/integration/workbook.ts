/** Reading the emulated team workbook as a person sees it in Sheets (values as shown, formulas), without counting calls. */
import type { GoogleEmulation } from '../../emulation';
import { formatDate } from '../../emulation';
import type { SheetModel, SpreadsheetModel } from '../../emulation/spreadsheet';

/** The only spreadsheet in Drive (tests create one). */
export function onlyWorkbook(env: GoogleEmulation): SpreadsheetModel {
  const all = [...env.spreadsheetFiles.values()];
  if (all.length !== 1) throw new Error(`Expected one spreadsheet in Drive, found ${all.length}`);
  return all[0]!;
}

export function sheetOf(book: SpreadsheetModel, name: string): SheetModel {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet "${name}" in ${book.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** A cell as text: dates as YYYY-MM-DD in the workbook's zone, numbers as numbers' text, "" when empty. */
function shown(value: unknown, timeZone: string): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return formatDate(value as Date, timeZone, 'yyyy-MM-dd');
  return String(value);
}

/** Every used row of a sheet as text, header first. */
export function rowsOf(book: SpreadsheetModel, name: string): string[][] {
  const sheet = sheetOf(book, name);
  const rows = sheet.lastRow();
  const columns = sheet.lastColumn();
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_u, c) => shown(sheet.cell(r + 1, c + 1).value, book.timeZone)));
}

/** Rows as records by header text. */
export function recordsOf(book: SpreadsheetModel, name: string): Record<string, string>[] {
  const [header = [], ...rows] = rowsOf(book, name);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** Every formula in a sheet (a formula where text was meant is the injection the export must never make). */
export function formulasOf(book: SpreadsheetModel, name: string): string[] {
  const sheet = sheetOf(book, name);
  return [...sheet.cells.values()].flatMap((cell) => (cell.formula ? [cell.formula] : []));
}
