/** Evaluates the team workbook (data sheets plus the Metrics and Step kinds formulas) with HyperFormula in its Google Sheets compatibility settings: for the tests and the preview, never the add-on (HyperFormula is GPL). */
import { HyperFormula, type ConfigParams, type RawCellContent } from 'hyperformula';
import { isDateCell, isLinkCell, toSerial, type CellValue } from '../src/core/metrics/cells';
import type { GridCell, GridSheet } from '../src/core/metrics/grid';
import { metricsSheet, stepKindsSheet } from '../src/core/metrics/metrics-sheet';
import { METRICS_SHEET } from '../src/core/metrics/layout';
import { dataSheets, type WorkbookData } from '../src/core/metrics/workbook';
import type { IsoDate } from '../src/core/plan';

/**
 * HyperFormula's documented configuration for Google Sheets (en-US), "Compatibility with Google
 * Sheets": its dates count from 1899-12-30 as Sheets' do (the default nullDate), 1900 is not a
 * leap year, and array arithmetic is off as in Sheets.
 */
export const GOOGLE_SHEETS_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
  timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
  currencySymbol: ['$', 'USD'],
  localeLang: 'en-US',
  functionArgSeparator: ',',
  decimalSeparator: '.',
  thousandSeparator: '',
  arrayColumnSeparator: ',',
  arrayRowSeparator: ';',
  nullYear: 30,
  useArrayArithmetic: false,
  leapYear1900: false,
  smartRounding: true,
};

/** What a cell evaluates to: a number (dates as serials), text, a boolean, null when empty, or an error such as "#DIV/0!". */
export type EvaluatedValue = number | string | boolean | null | { error: string };

/** A data cell as the engine's raw content: text behind an apostrophe so that "=x" or "+1" stays text, as the writers keep it. */
export function rawOfValue(v: CellValue): RawCellContent {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  if (isDateCell(v)) return toSerial(v.date);
  if (isLinkCell(v)) return v.text === '' ? null : `'${v.text}`;
  return null;
}

export function rawOfGridCell(c: GridCell | null): RawCellContent {
  if (c === null) return null;
  if (c.formula !== undefined) return c.formula;
  if (typeof c.value === 'number') return c.value;
  if (typeof c.value === 'string') return c.value === '' ? null : `'${c.value}`;
  return null;
}

export function rawGrid(sheet: GridSheet): RawCellContent[][] {
  return sheet.rows.map((row) => row.map(rawOfGridCell));
}

export interface EvaluatedWorkbook {
  /** The value of a cell by sheet name and A1 address ("E5"). */
  value(sheet: string, a1: string): EvaluatedValue;
  /** Every value of a sheet, row by row. */
  values(sheet: string): EvaluatedValue[][];
  /** Frees the engine. */
  destroy(): void;
}

function toEvaluated(v: unknown): EvaluatedValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && 'value' in v) return { error: String((v as { value: unknown }).value) };
  return { error: String(v) };
}

/**
 * Builds and evaluates a workbook from raw sheets. TRUE and FALSE are defined as Sheets has
 * them (HyperFormula's guide). Give `asOf` to fix the Metrics sheet's "As of" (B2, =TODAY()
 * otherwise) to a day, as a person typing a date there would.
 */
export function evaluateSheets(sheets: Record<string, RawCellContent[][]>, options: { asOf?: IsoDate } = {}): EvaluatedWorkbook {
  const input = { ...sheets };
  const metrics = input[METRICS_SHEET];
  if (options.asOf !== undefined && metrics) {
    const copy = metrics.map((row) => [...row]);
    const row = copy[1] ?? [];
    row[1] = toSerial(options.asOf);
    copy[1] = row;
    input[METRICS_SHEET] = copy;
  }
  const hf = HyperFormula.buildFromSheets(input, GOOGLE_SHEETS_CONFIG);
  hf.addNamedExpression('TRUE', '=TRUE()');
  hf.addNamedExpression('FALSE', '=FALSE()');
  const idOf = (sheet: string): number => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet}`);
    return id;
  };
  return {
    value(sheet, a1) {
      const address = hf.simpleCellAddressFromString(a1, idOf(sheet));
      if (!address) throw new Error(`Not a cell address: ${a1}`);
      return toEvaluated(hf.getCellValue(address));
    },
    values(sheet) {
      return hf.getSheetValues(idOf(sheet)).map((row) => row.map(toEvaluated));
    },
    destroy() {
      hf.destroy();
    },
  };
}

/** The whole team workbook as the add-on lays it out: the data sheets with the export's rows, the Metrics and Step kinds sheets with their formulas. */
export function workbookSheets(data: WorkbookData): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const [name, rows] of Object.entries(dataSheets(data))) sheets[name] = rows.map((r) => r.map(rawOfValue));
  for (const grid of [metricsSheet(), stepKindsSheet()]) sheets[grid.name] = rawGrid(grid);
  return sheets;
}

/** Evaluates the team workbook for these rows. */
export function evaluateWorkbook(data: WorkbookData, options: { asOf?: IsoDate } = {}): EvaluatedWorkbook {
  return evaluateSheets(workbookSheets(data), options);
}
