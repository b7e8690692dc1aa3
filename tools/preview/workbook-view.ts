/** The team workbook as the Sheets page draws it: formula results from HyperFormula (dev and preview only), number formats, conditional formats, chart data. */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { GOOGLE_SHEETS_CONFIG } from '../sheets-engine';
import type { ConditionalRuleModel, GridRect } from '../../emulation/spreadsheet-features';
import type { SheetModel, SpreadsheetModel } from '../../emulation/spreadsheet';
import type { ChartView, SheetView, WorkbookCellView } from './workbook-protocol';

/** A long sheet is cut for the page: a browser grid of 40,000 rows helps nobody. */
const MAX_ROWS_DRAWN = 500;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const DEFAULT_WIDTH = 100;
const AUTOMATIC = '0.###############';
/** Days from Sheets' epoch (1899-12-30) to 1970-01-01. */
const SERIAL_OF_1970 = 25569;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A stored Date as Sheets' serial number, in the spreadsheet's time zone. */
function serialOf(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, part) => (part.type === 'literal' ? acc : { ...acc, [part.type]: Number(part.value) }), {});
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local / 86_400_000 + SERIAL_OF_1970;
}

/** What the formula engine is given for a cell: formulas as written, text always as text. */
function rawContent(sheet: SheetModel, row: number, column: number, timeZone: string): RawCellContent {
  const cell = sheet.cell(row, column);
  if (cell.formula) return cell.formula;
  if (isDate(cell.value)) return serialOf(cell.value, timeZone);
  if (typeof cell.value === 'string') return cell.value === '' ? null : `'${cell.value}`;
  return cell.value;
}

/**
 * The same engine and settings as the metrics tests (tools/sheets-engine.ts). `today` (the
 * preview's --today) stands in for TODAY(), which the engine would take from the real clock.
 */
export function engineFor(model: SpreadsheetModel, today: number | null = null): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of model.sheets) {
    const rows = sheet.lastRow();
    const columns = sheet.lastColumn();
    sheets[sheet.name] = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_unused, c) => {
      const raw = rawContent(sheet, r + 1, c + 1, model.timeZone);
      return today !== null && typeof raw === 'string' && /^=\s*TODAY\(\)\s*$/i.test(raw) ? today : raw;
    }));
  }
  return HyperFormula.buildFromSheets(sheets, GOOGLE_SHEETS_CONFIG);
}

// ---------------------------------------------------------------------------------------------
// Number formats: the patterns the add-on and the export use

function dateParts(serial: number): { y: number; m: number; d: number } {
  const date = new Date(Math.round((serial - SERIAL_OF_1970) * 86_400_000));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDatePattern(serial: number, pattern: string): string {
  const { y, m, d } = dateParts(serial);
  const two = (n: number): string => String(n).padStart(2, '0');
  return pattern
    .replace(/yyyy/gi, String(y))
    .replace(/mmmm/gi, MONTHS[m - 1]!)
    .replace(/mmm/gi, MONTHS[m - 1]!)
    .replace(/mm/gi, two(m))
    .replace(/dd/gi, two(d))
    .replace(/(^|[^a-z])d(?![a-z])/gi, `$1${d}`)
    .replace(/(^|[^a-z])m(?![a-z])/gi, `$1${m}`);
}

/** A number through a Sheets pattern: decimals, thousands, percent, quoted text, dates; anything else as Sheets' automatic format would. */
export function formatNumber(value: number, pattern: string): string {
  if (!pattern || pattern === AUTOMATIC || pattern === 'General') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  const section = pattern.split(';')[value < 0 && pattern.includes(';') ? 1 : 0] ?? pattern;
  if (/[yd]/i.test(section.replace(/"[^"]*"/g, ''))) return formatDatePattern(value, section);
  const literal = (text: string): string => text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const match = /^(.*?)([#0,]*0(?:\.0+|\.#+)?|#(?:,##0)?(?:\.0+)?)(%?)(.*)$/.exec(section);
  if (!match) return String(value);
  const [, before, digits, percent, after] = match as unknown as [string, string, string, string, string];
  const decimals = (digits.split('.')[1] ?? '').length;
  const shown = percent ? value * 100 : value;
  const abs = Math.abs(shown).toFixed(decimals);
  const [whole, fraction] = abs.split('.');
  const grouped = digits.includes(',') ? whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole!;
  const sign = shown < 0 && !(pattern.includes(';') && value < 0) ? '-' : '';
  return `${literal(before)}${sign}${grouped}${fraction ? `.${fraction}` : ''}${percent}${literal(after)}`;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats: a custom formula is relative to the range's top-left cell

/** Moves a formula's relative references by (rows, columns), as Sheets applies a rule to each cell of its range. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const letters = (n: number): string => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const number = (l: string): number => [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  // Strings are left alone; a name followed by "(" is a function, not a cell.
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(/(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g, (all, colAbs: string, col: string, rowAbs: string, row: string, offset: number, whole: string) => {
    if (/[\w.]$/.test(whole.slice(0, offset))) return all;
    const c = colAbs ? col : letters(number(col) + columns);
    const r = rowAbs ? row : String(Number(row) + rows);
    return `${colAbs}${c}${rowAbs}${r}`;
  }))).join('');
}

function ruleHolds(engine: HyperFormula, sheetId: number, rule: ConditionalRuleModel, rect: GridRect, row: number, column: number, value: unknown): boolean {
  const n = typeof value === 'number' ? value : null;
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const result = engine.calculateFormula(shiftFormula(String(a), row - rect.row, column - rect.column), sheetId);
      return result === true || (typeof result === 'number' && result !== 0);
    }
    case 'NUMBER_GREATER_THAN': return n !== null && n > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n !== null && n >= Number(a);
    case 'NUMBER_LESS_THAN': return n !== null && n < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n !== null && n <= Number(a);
    case 'NUMBER_BETWEEN': return n !== null && n >= Number(a) && n <= Number(b);
    case 'NUMBER_EQUAL_TO': return n !== null && n === Number(a);
    case 'CELL_EMPTY': return value === null || value === '';
    case 'CELL_NOT_EMPTY': return value !== null && value !== '';
    case 'TEXT_EQUAL_TO': return String(value) === String(a);
    case 'TEXT_CONTAINS': return String(value).includes(String(a));
    default: return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The view

function computed(engine: HyperFormula, sheetId: number, row: number, column: number): unknown {
  return engine.getCellValue({ sheet: sheetId, row: row - 1, col: column - 1 });
}

function cellView(sheet: SheetModel, engine: HyperFormula, sheetId: number, row: number, column: number, timeZone: string): WorkbookCellView {
  const cell = sheet.cell(row, column);
  const value = cell.formula ? computed(engine, sheetId, row, column) : isDate(cell.value) ? serialOf(cell.value, timeZone) : cell.value;
  let text: string;
  let kind: WorkbookCellView['kind'];
  if (value instanceof DetailedCellError) {
    text = value.value;
    kind = 'error';
  } else if (typeof value === 'number') {
    text = formatNumber(value, cell.numberFormat);
    kind = 'number';
  } else if (typeof value === 'boolean') {
    text = value ? 'TRUE' : 'FALSE';
    kind = 'boolean';
  } else if (value === null || value === '') {
    text = '';
    kind = 'empty';
  } else {
    text = String(value);
    kind = 'text';
  }
  const input = cell.formula || (isDate(cell.value) ? formatDatePattern(serialOf(cell.value, timeZone), 'yyyy-mm-dd') : typeof cell.value === 'boolean' ? (cell.value ? 'TRUE' : 'FALSE') : String(cell.value));
  let background: string | null = cell.background === '#ffffff' ? null : cell.background;
  let color: string | null = cell.fontColor ?? null;
  let bold = cell.fontWeight === 'bold';
  // The first rule that holds wins, as in Sheets.
  for (const rule of sheet.conditionalRules) {
    const rect = rule.ranges.find((r) => r.sheetName === sheet.name && row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns);
    if (!rect || !ruleHolds(engine, sheetId, rule, rect, row, column, value instanceof DetailedCellError ? null : value)) continue;
    background = rule.background ?? background;
    color = rule.fontColor ?? color;
    bold = rule.bold ?? bold;
    break;
  }
  return { text, kind, formula: cell.formula, input, bold, background, color, align: cell.align ?? null, note: cell.note ?? '' };
}

/** A chart's range read cell by cell, in reading order (a row or a column): values, and the first number format met. */
function rangeCells(model: SpreadsheetModel, engine: HyperFormula, rect: GridRect): { values: unknown[]; texts: string[]; format: string | null } {
  const sheet = model.sheets.find((s) => s.name === rect.sheetName);
  const sheetId = engine.getSheetId(rect.sheetName);
  const out = { values: [] as unknown[], texts: [] as string[], format: null as string | null };
  if (!sheet || sheetId === undefined) return out;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      const cell = sheet.cell(r, c);
      const v = cell.formula ? computed(engine, sheetId, r, c) : isDate(cell.value) ? serialOf(cell.value, model.timeZone) : cell.value;
      out.values.push(v);
      out.texts.push(typeof v === 'number' ? formatNumber(v, cell.numberFormat) : v instanceof DetailedCellError ? '' : String(v ?? ''));
      if (out.format === null && cell.numberFormat !== AUTOMATIC) out.format = cell.numberFormat;
    }
  }
  return out;
}

function chartView(model: SpreadsheetModel, engine: HyperFormula, chart: SheetModel['charts'][number]): ChartView {
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  const names = (chart.options.series ?? {}) as Record<string, { labelInLegend?: unknown } | undefined>;
  if (chart.ranges.length >= 2) {
    // A domain range and one range per series (a row or a column each), as the add-on builds its charts.
    const [domain, ...rest] = chart.ranges;
    const labels = rangeCells(model, engine, domain!).texts;
    let format: string | null = null;
    const vAxis = chart.options.vAxis as { format?: unknown } | undefined;
    if (typeof vAxis?.format === 'string') format = vAxis.format;
    const series = rest.map((rect, i) => {
      const cells = rangeCells(model, engine, rect);
      format ??= cells.format;
      const label = names[String(i)]?.labelInLegend;
      return { name: typeof label === 'string' ? label : `Series ${i + 1}`, values: cells.values.map((v) => (typeof v === 'number' ? v : null)) };
    });
    return { id: chart.id, title, type: chart.type, anchorRow: chart.anchorRow, anchorColumn: chart.anchorColumn, labels, series, format };
  }
  const labels: string[] = [];
  const series: { name: string; values: (number | null)[] }[] = [];
  let format: string | null = null;
  const headers = Math.max(0, chart.numHeaders);
  chart.ranges.forEach((rect, index) => {
    const sheet = model.sheets.find((s) => s.name === rect.sheetName);
    const sheetId = engine.getSheetId(rect.sheetName);
    if (!sheet || sheetId === undefined) return;
    const read = (r: number, c: number): unknown => {
      const cell = sheet.cell(r, c);
      return cell.formula ? computed(engine, sheetId, r, c) : isDate(cell.value) ? serialOf(cell.value, model.timeZone) : cell.value;
    };
    // The first column of the first range holds the labels, as Sheets reads a chart's data.
    const firstSeries = index === 0 ? 1 : 0;
    if (index === 0) {
      for (let r = rect.row + headers; r < rect.row + rect.numRows; r++) {
        const v = read(r, rect.column);
        labels.push(typeof v === 'number' ? formatNumber(v, sheet.cell(r, rect.column).numberFormat) : String(v ?? ''));
      }
    }
    for (let c = rect.column + firstSeries; c < rect.column + rect.numColumns; c++) {
      const name = headers > 0 ? String(read(rect.row, c) ?? '') : `Series ${series.length + 1}`;
      const values: (number | null)[] = [];
      for (let r = rect.row + headers; r < rect.row + rect.numRows; r++) {
        const v = read(r, c);
        values.push(typeof v === 'number' ? v : null);
        format ??= sheet.cell(r, c).numberFormat !== AUTOMATIC ? sheet.cell(r, c).numberFormat : null;
      }
      series.push({ name, values });
    }
  });
  return { id: chart.id, title, type: chart.type, anchorRow: chart.anchorRow, anchorColumn: chart.anchorColumn, labels, series, format };
}

/** Every sheet of the workbook, drawn as Sheets shows it. */
export function sheetViews(model: SpreadsheetModel, today: number | null = null): SheetView[] {
  const engine = engineFor(model, today);
  try {
    return model.sheets.map((sheet): SheetView => {
      const sheetId = engine.getSheetId(sheet.name)!;
      const lastRow = sheet.lastRow();
      const chartRows = Math.max(0, ...sheet.charts.map((c) => c.anchorRow + 18));
      const rows = Math.min(Math.max(lastRow, MIN_ROWS, chartRows), MAX_ROWS_DRAWN, sheet.maxRows);
      const chartColumns = Math.max(0, ...sheet.charts.map((c) => c.anchorColumn + 5));
      const columns = Math.min(Math.max(sheet.lastColumn(), MIN_COLUMNS, chartColumns), sheet.maxColumns);
      return {
        name: sheet.name,
        hidden: sheet.hidden,
        frozenRows: sheet.frozenRows,
        columnWidths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? DEFAULT_WIDTH),
        rows: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_unused, c) => cellView(sheet, engine, sheetId, r + 1, c + 1, model.timeZone))),
        moreRows: Math.max(0, lastRow - rows),
        filter: sheet.filter !== null,
        charts: sheet.charts.map((chart) => chartView(model, engine, chart)),
      };
    });
  } finally {
    engine.destroy();
  }
}
