/** Writes a sheet the add-on owns (Metrics, Step kinds) from its description: formulas and labels in one write, formats in one, its conditional formats and charts. */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The pattern Apps Script reports for a cell whose format is automatic (recalled from getNumberFormat(); unverified). */
const AUTOMATIC = '0.###############';

/** One cell: a string starting with "=" is a formula, any other string is a label (kept as text), a number is a number. */
export interface SheetCell {
  value: string | number | null;
  /** A Sheets number format pattern ("0%", "0.0"); omitted: automatic. */
  format?: string;
  bold?: boolean;
}

export interface ConditionalFormatSpec {
  /** A1 range on this sheet ("C3:C8"). */
  range: string;
  /** A custom formula relative to the range's top-left cell ("=C3>=0.6"). */
  formula: string;
  background: string;
  fontColor?: string;
}

export interface ChartSpec {
  type: 'column' | 'bar' | 'line';
  /** Also how a chart is found again on Refresh: titles are unique within the sheet. */
  title: string;
  /** A1 ranges on this sheet: the first column holds the labels, the others the series, row 1 the headers. */
  ranges: string[];
  /** The anchor cell of the chart's top-left corner. */
  row: number;
  column: number;
  options?: Record<string, string | number | boolean | string[]>;
}

export interface FormulaSheetSpec {
  name: string;
  /** Cells from A1, row by row. */
  rows: SheetCell[][];
  frozenRows: number;
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Column widths in pixels from column A (null: leave as is). */
  columnWidths?: (number | null)[];
}

export interface FormulaSheetWrite {
  sheet: string;
  created: boolean;
  /** Cells whose formula or label was missing or different and was written back. */
  restored: number;
}

function entered(cell: SheetCell): string | number {
  if (cell.value === null) return '';
  if (typeof cell.value === 'number') return cell.value;
  if (cell.value.startsWith('=')) return cell.value;
  // A label is text even when it reads like a number or starts with "+" or "-".
  return cell.value === '' ? '' : `'${cell.value}`;
}

/** Whether a cell holds what the description wants (formulas compared as written, labels as text). */
function holds(cell: SheetCell, value: unknown, formula: string): boolean {
  if (cell.value === null || cell.value === '') return formula === '' && (value === '' || value === null);
  if (typeof cell.value === 'number') return formula === '' && value === cell.value;
  if (cell.value.startsWith('=')) return formula === cell.value;
  return formula === '' && value === cell.value;
}

/**
 * A constant number of calls per sheet: one read and one write of the block (only when a cell
 * differs), one write of formats and weights, the rules replaced in one call, and one call per chart.
 */
export function writeFormulaSheet(spreadsheet: Spreadsheet, spec: FormulaSheetSpec, index?: number): FormulaSheetWrite {
  let sheet = spreadsheet.getSheetByName(spec.name);
  const created = sheet === null;
  if (!sheet) sheet = index === undefined ? spreadsheet.insertSheet(spec.name) : spreadsheet.insertSheet(spec.name, index);
  const numRows = spec.rows.length;
  const numColumns = Math.max(1, ...spec.rows.map((r) => r.length));
  const grid = spec.rows.map((row) => Array.from({ length: numColumns }, (_, c): SheetCell => row[c] ?? { value: null }));
  const block = sheet.getRange(1, 1, numRows, numColumns);
  let restored = 0;
  if (created) {
    restored = grid.flat().filter((cell) => cell.value !== null && cell.value !== '').length;
  } else {
    const values = block.getValues();
    const formulas = block.getFormulas();
    grid.forEach((row, r) => row.forEach((cell, c) => {
      if (!holds(cell, values[r]![c], formulas[r]![c]!)) restored += 1;
    }));
  }
  // Formats first: a value written into a cell formatted as a date or percent is then shown so.
  block.setNumberFormats(grid.map((row) => row.map((cell) => cell.format ?? AUTOMATIC)));
  block.setFontWeights(grid.map((row) => row.map((cell) => (cell.bold ? 'bold' : 'normal'))));
  if (restored > 0) block.setValues(grid.map((row) => row.map(entered)));
  if (sheet.getFrozenRows() !== spec.frozenRows) sheet.setFrozenRows(spec.frozenRows);
  spec.columnWidths?.forEach((width, c) => {
    if (width !== null && sheet.getColumnWidth(c + 1) !== width) sheet.setColumnWidth(c + 1, width);
  });
  applyConditionalFormats(sheet, spec.conditionalFormats);
  applyCharts(sheet, spec.charts);
  return { sheet: spec.name, created, restored };
}

/** The sheet's rules are replaced by the description's; rules a person added on cells outside the add-on's ranges are kept. */
function applyConditionalFormats(sheet: Sheet, specs: readonly ConditionalFormatSpec[]): void {
  const ours = new Set(specs.map((s) => s.range));
  const kept = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().some((range) => ours.has(range.getA1Notation())));
  const rules = specs.map((s) => {
    const builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(s.formula).setBackground(s.background).setRanges([sheet.getRange(s.range)]);
    if (s.fontColor) builder.setFontColor(s.fontColor);
    return builder.build();
  });
  sheet.setConditionalFormatRules([...kept, ...rules]);
}

/** Charts are found by title: an existing one is rebuilt in place (updateChart), a missing one inserted; other charts are left alone. */
function applyCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const existing = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const title: unknown = chart.getOptions().get('title');
    if (typeof title === 'string') existing.set(title, chart);
  }
  for (const spec of specs) {
    const old = existing.get(spec.title);
    let builder = old ? old.modify().clearRanges() : sheet.newChart();
    builder = spec.type === 'bar' ? builder.asBarChart() : spec.type === 'line' ? builder.asLineChart() : builder.asColumnChart();
    for (const a1 of spec.ranges) builder.addRange(sheet.getRange(a1));
    builder.setNumHeaders(1).setOption('title', spec.title).setPosition(spec.row, spec.column, 0, 0);
    for (const [key, value] of Object.entries(spec.options ?? {})) builder.setOption(key, value);
    if (old) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
}
