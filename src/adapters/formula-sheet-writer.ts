/** Writes a sheet the add-on owns (Metrics, Step kinds) from the metrics core's description: formulas and labels in one write, formats, notes and weights in one each, its conditional formats and charts. */
import type { ChartSpec, ConditionalRule, GridCell, GridSheet } from '../core/metrics/grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The pattern Apps Script reports for a cell whose format is automatic (recalled from getNumberFormat(); unverified). */
const AUTOMATIC = '0.###############';
/** Hints and helper cells: Sheets' dark grey 1. */
const MUTED = '#666666';
const TEXT = '#000000';

export interface FormulaSheetWrite {
  sheet: string;
  created: boolean;
  /** Cells whose formula or label was missing or different and was written back. */
  restored: number;
}

export interface FormulaSheetOptions {
  /** Tab position for a sheet created now. */
  index?: number;
  /** A1 cells a person may change ("As of", the deal size): written only when empty. */
  inputs?: readonly string[];
}

function entered(cell: GridCell | null): string | number {
  if (cell === null) return '';
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === 'number') return cell.value;
  // A label is text even when it reads like a number or starts with "+" or "-".
  return cell.value === undefined || cell.value === '' ? '' : `'${cell.value}`;
}

/** Whether a cell holds what the description wants (formulas compared as written, labels as text). */
function holds(cell: GridCell | null, value: unknown, formula: string): boolean {
  if (cell === null || (cell.formula === undefined && (cell.value === undefined || cell.value === ''))) return formula === '' && value === '';
  if (cell.formula !== undefined) return formula === cell.formula;
  return formula === '' && value === cell.value;
}

function a1(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * A constant number of calls per sheet, however many rows the data sheets hold: one read and one
 * write of the block (only when a cell differs), one write each for formats, weights, colours and
 * notes, the rules replaced in one call, and a few calls per chart.
 */
export function writeFormulaSheet(spreadsheet: Spreadsheet, spec: GridSheet, options: FormulaSheetOptions = {}): FormulaSheetWrite {
  let sheet = spreadsheet.getSheetByName(spec.name);
  const created = sheet === null;
  if (!sheet) sheet = options.index === undefined || options.index < 0 ? spreadsheet.insertSheet(spec.name) : spreadsheet.insertSheet(spec.name, options.index);
  const numRows = spec.rows.length;
  const numColumns = Math.max(1, ...spec.rows.map((r) => r.length));
  const grid = spec.rows.map((row) => Array.from({ length: numColumns }, (_, c): GridCell | null => row[c] ?? null));
  const inputs = new Set((options.inputs ?? []).map((ref) => ref.replace(/\$/g, '')));
  const block = sheet.getRange(1, 1, numRows, numColumns);
  let restored = 0;
  let values: unknown[][] | null = null;
  let formulas: string[][] | null = null;
  if (created) {
    restored = grid.flat().filter((cell) => cell !== null && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''))).length;
  } else {
    values = block.getValues();
    formulas = block.getFormulas();
    grid.forEach((row, r) => row.forEach((cell, c) => {
      const value = values![r]![c];
      const formula = formulas![r]![c]!;
      // A person's own "As of" or deal size stays; an emptied one comes back.
      if (inputs.has(a1(r + 1, c + 1)) && (value !== '' || formula !== '')) return;
      if (!holds(cell, value, formula)) restored += 1;
    }));
  }
  // Formats first: a value written into a cell formatted as a date or percent is then shown so.
  // Automatic where the grid names none (never "@" on a formula: plain text would keep the formula as its text).
  block.setNumberFormats(grid.map((row) => row.map((cell) => cell?.format ?? AUTOMATIC)));
  block.setFontWeights(grid.map((row) => row.map((cell) => (cell?.bold ? 'bold' : 'normal'))));
  block.setFontColors(grid.map((row) => row.map((cell) => (cell?.muted ? MUTED : TEXT))));
  block.setNotes(grid.map((row) => row.map((cell) => cell?.note ?? '')));
  if (restored > 0) {
    block.setValues(grid.map((row, r) => row.map((cell, c) => {
      const kept = values && formulas && inputs.has(a1(r + 1, c + 1)) && (values[r]![c] !== '' || formulas[r]![c] !== '');
      return kept ? (formulas![r]![c] || values![r]![c]) : entered(cell);
    })));
  }
  if (sheet.getFrozenRows() !== spec.frozenRows) sheet.setFrozenRows(spec.frozenRows);
  spec.columnWidths.forEach((width, c) => {
    if (sheet.getColumnWidth(c + 1) !== width) sheet.setColumnWidth(c + 1, width);
  });
  if (spec.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  applyConditionalFormats(sheet, spec.rules);
  applyCharts(spreadsheet, sheet, spec.charts);
  return { sheet: spec.name, created, restored };
}

/** The sheet's rules are replaced by the description's; rules a person added on other cells are kept. */
function applyConditionalFormats(sheet: Sheet, specs: readonly ConditionalRule[]): void {
  const ours = new Set(specs.map((s) => sheet.getRange(s.range).getA1Notation()));
  const kept = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().some((range) => ours.has(range.getA1Notation())));
  const rules = specs.map((s) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(s.formula).setBackground(s.background).setFontColor(s.fontColor).setRanges([sheet.getRange(s.range)]).build(),
  );
  sheet.setConditionalFormatRules([...kept, ...rules]);
}

/**
 * Charts are found by title: an existing one is rebuilt in place (updateChart), a missing one
 * inserted; charts people made are left alone. The domain and each series are one row (or
 * column) each, named in the legend by the series' label.
 */
function applyCharts(spreadsheet: Spreadsheet, sheet: Sheet, specs: readonly ChartSpec[]): void {
  const existing = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const title: unknown = chart.getOptions().get('title');
    if (typeof title === 'string') existing.set(title, chart);
  }
  for (const spec of specs) {
    const old = existing.get(spec.title);
    const start = old ? old.modify().clearRanges() : sheet.newChart();
    const builder = spec.type === 'BAR' ? start.asBarChart() : spec.type === 'LINE' ? start.asLineChart() : start.asColumnChart();
    const domain = spreadsheet.getRange(spec.domain);
    builder.addRange(domain);
    for (const series of spec.series) builder.addRange(spreadsheet.getRange(series.range));
    const rowWise = domain.getNumRows() === 1 && domain.getNumColumns() > 1;
    builder
      .setTransposeRowsAndColumns(rowWise)
      .setNumHeaders(0)
      .setOption('title', spec.title)
      .setOption('series', Object.fromEntries(spec.series.map((s, i) => [i, { labelInLegend: s.label }])))
      .setOption('legend', { position: 'top' })
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
    if (spec.percent) builder.setOption('vAxis', { format: '0%' });
    if (old) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
}
