/** A workbook cell's value as the export produces it, and how each writer keeps text as text: the Sheets API, SpreadsheetApp, CSV. */
import { toDayNumber } from '../scheduling/calendar';
import type { IsoDate } from '../plan';

/**
 * What a data cell holds. A string is ALWAYS text (never a formula, never a number or date to be
 * guessed from it); numbers are numbers; dates are days; a link is text with its address.
 * null is an empty cell.
 */
export type CellValue = null | string | number | { date: IsoDate } | { text: string; url: string };

export function dateCell(date: IsoDate | null): CellValue {
  return date === null ? null : { date };
}

export function isDateCell(v: CellValue): v is { date: IsoDate } {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export function isLinkCell(v: CellValue): v is { text: string; url: string } {
  return typeof v === 'object' && v !== null && 'url' in v;
}

/** Days from Sheets' epoch (1899-12-30) to 1970-01-01: a spreadsheet date's serial number is the day count from there. */
const SERIAL_OF_1970 = 25569;

/** The spreadsheet serial number of a date (2026-01-01 is 46023), as Sheets and the formula engine store dates. */
export function toSerial(date: IsoDate): number {
  const day = toDayNumber(date);
  if (day === null) throw new Error(`Not a date: ${date}`);
  return day + SERIAL_OF_1970;
}

/** The date of a whole spreadsheet serial number (a time of day is dropped). */
export function fromSerial(serial: number): IsoDate {
  const ms = (Math.floor(serial) - SERIAL_OF_1970) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * OWASP's CSV injection guidance: a cell starting with = + - @ (or tab, carriage return) is read
 * as a formula by spreadsheets. Text that starts so gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Text neutralised for a CSV file (OWASP): `'=IMPORTXML(...)`. Other text is left as it is. */
export function neutralised(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * The cell as CSV field text (before RFC 4180 quoting): dates as YYYY-MM-DD (what BigQuery's
 * DATE reads), links as their address, numbers plainly, text neutralised. Only text is
 * neutralised: a number the export computed (-3 days) is a number, not an injection.
 */
export function csvText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return neutralised(v);
  if (isDateCell(v)) return v.date;
  return neutralised(v.url);
}

/** The Sheets API's ExtendedValue: a stringValue stays text whatever it starts with (no formula, no number parsing). */
export type ApiValue = { stringValue: string } | { numberValue: number } | Record<string, never>;

export function apiValue(v: CellValue): ApiValue {
  if (v === null) return {};
  if (typeof v === 'number') return Number.isFinite(v) ? { numberValue: v } : {};
  if (typeof v === 'string') return { stringValue: v };
  if (isDateCell(v)) return { numberValue: toSerial(v.date) };
  return { stringValue: v.text };
}

/**
 * The value to give SpreadsheetApp's setValues: Sheets parses entered strings ("=A1" becomes a
 * formula, "+1" a number, "3/14" a date) as if typed, and a leading apostrophe is how a person
 * keeps typed text as text (the apostrophe is not part of the value). So every text gets one.
 * The Sheets API's stringValue (apiValue) needs no such trick: prefer it.
 * Dates go as serial numbers, to be shown by the column's date format.
 */
export function enteredValue(v: CellValue): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  if (isDateCell(v)) return toSerial(v.date);
  return v.text === '' ? '' : `'${v.text}`;
}
