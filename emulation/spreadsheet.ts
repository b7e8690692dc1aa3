/** Emulated SpreadsheetApp for the Sheets export: spreadsheets, sheets and ranges, with Sheets' input parsing made visible. */
import { CallLog, countCalls } from './calls';
import { formatDate, SCOPES, type AuthGate } from './session';
import {
  ConditionalFormatRuleBuilderEmulation,
  ConditionalFormatRuleEmulation,
  EmbeddedChartBuilderEmulation,
  EmbeddedChartEmulation,
  FilterEmulation,
  type ChartModel,
  type ConditionalRuleModel,
  type GridRect,
} from './spreadsheet-features';

export type CellValue = string | number | boolean | Date;

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Methods hand back Google's types (the add-on's view); the objects behind them are the emulation. */
function asGoogle<T>(emulated: object): T {
  return emulated as unknown as T;
}

export interface Cell {
  value: CellValue;
  /** "" or the formula text ("=SUM(A1:A3)"). */
  formula: string;
  background: string;
  numberFormat: string;
  fontWeight: 'normal' | 'bold';
  /** Set by setHorizontalAlignment; undefined is Sheets' "normal" (numbers right, text left). */
  align?: 'left' | 'center' | 'right';
  /** The cell's note ("" for none). */
  note?: string;
  /** Font colour, #rrggbb; undefined is black. */
  fontColor?: string;
}

/**
 * What getValues() returns for a formula cell. Sheets would compute it; the emulation does not
 * evaluate formulas and shows "#NAME?" (what text that became a formula, "=Acme + Globex",
 * usually displays), so a test sees the damage. getFormulas() returns the formula itself.
 */
export const FORMULA_STAND_IN = '#NAME?';

const DEFAULT_BACKGROUND = '#ffffff';
/** What getNumberFormat() reports for a cell never formatted (recalled from Sheets; unverified). */
const DEFAULT_NUMBER_FORMAT = '0.###############';
/** "Plain text" format: Sheets stores what is written as text, "=" and digits included. */
const PLAIN_TEXT_FORMAT = '@';
const DEFAULT_COLUMN_WIDTH = 100;

export function emptyCell(): Cell {
  return { value: '', formula: '', background: DEFAULT_BACKGROUND, numberFormat: DEFAULT_NUMBER_FORMAT, fontWeight: 'normal' };
}

export function isDate(value: unknown): value is Date {
  // Cross-realm safe: dates from the add-on's vm context are not `instanceof Date` here.
  return Object.prototype.toString.call(value) === '[object Date]';
}

function signature(method: string, args: readonly unknown[]): Error {
  const types = args.map((a) => (Array.isArray(a) ? 'Object[]' : a === null ? 'null' : typeof a === 'object' ? 'Object' : typeof a === 'string' ? 'String' : typeof a === 'number' ? 'number' : typeof a));
  return new Error(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const A1 = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

interface A1Range {
  sheetName: string | null;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** "A1", "A1:C3", "'My sheet'!B2:D4". Open ranges ("A:C", "2:5") are not emulated. */
function parseA1(notation: string): A1Range {
  const m = A1.exec(String(notation).trim());
  if (!m) throw new Error('Range not found');
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const c1 = columnNumber(m[3]!);
  const r1 = Number(m[4]);
  const c2 = m[5] ? columnNumber(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) : r1;
  if (r1 < 1 || r2 < 1) throw new Error('Range not found');
  return {
    sheetName,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading typed text as Sheets does
// ---------------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTH_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})$/i;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Midnight of a calendar day in the spreadsheet's time zone, as Sheets stores a typed date. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date | null {
  const guess = Date.UTC(year, month - 1, day);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Two passes settle the zone offset (it can differ between the guess and the answer near a DST change).
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const shown = formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH:mm:ss');
    const [d, t] = shown.split(' ');
    const [y, mo, da] = d!.split('-').map(Number);
    const [h, mi, s] = t!.split(':').map(Number);
    const shownAsUtc = Date.UTC(y!, mo! - 1, da!, h!, mi!, s!);
    ms += guess - shownAsUtc;
  }
  return new Date(ms);
}

export interface Written {
  value: CellValue;
  formula: string;
}

/**
 * setValue/setValues write as if the text were typed into the cell: "=..." becomes a formula,
 * and text that looks like a number, TRUE/FALSE or a date becomes one. A leading apostrophe or
 * the plain-text number format ("@") keeps text as text. Sheets' parser accepts more forms
 * ("1,234", "$5", other date layouts) than this emulation reads; the common ones are here.
 * Text starting with "+" or "-" that is not a number is read as a formula like "=" (what
 * typing it does in the Sheets UI; unverified for setValue).
 */
export function readTyped(input: unknown, numberFormat: string, timeZone: string): Written {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (typeof input !== 'string') {
    // Unverified what Sheets stores; an object in a cell is a bug in the caller, so it fails here.
    throw new Error(`Cannot write a value of type ${Array.isArray(input) ? 'array' : typeof input} into a cell: convert it to a string first.`);
  }
  const text = input;
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.length > 1 && text.startsWith('=')) return { value: FORMULA_STAND_IN, formula: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100, formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  let date: Date | null = null;
  const iso = ISO_DATE.exec(trimmed);
  const us = US_DATE.exec(trimmed);
  const named = MONTH_DATE.exec(trimmed);
  if (iso) date = midnightIn(timeZone, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (us) date = midnightIn(timeZone, Number(us[3]), Number(us[1]), Number(us[2]));
  else if (named) date = midnightIn(timeZone, Number(named[3]), MONTH_NAMES.indexOf(named[1]!.slice(0, 3).toLowerCase()) + 1, Number(named[2]));
  if (date) return { value: date, formula: '' };
  if (text.length > 1 && (text.startsWith('+') || text.startsWith('-'))) return { value: FORMULA_STAND_IN, formula: `=${text}` };
  return { value: text, formula: '' };
}

function normaliseColour(color: string | null): string {
  if (color === null || color === undefined) return DEFAULT_BACKGROUND;
  if (typeof color !== 'string') throw signature('SpreadsheetApp.Range.setBackground', [color]);
  const text = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return text;
}

function fontWeightOf(weight: unknown, method: string): 'normal' | 'bold' {
  if (weight === null) return 'normal';
  if (weight === 'normal' || weight === 'bold') return weight;
  throw signature(method, [weight]);
}

// ---------------------------------------------------------------------------------------------
// Models (state that outlives an execution) and the classes the add-on sees
// ---------------------------------------------------------------------------------------------

/**
 * A sheet's cells by "row,column". Every change bumps `version`, so the sheet's used extent
 * (getLastRow, getLastColumn, the API's trimmed reads) is computed once per change rather than
 * once per question: a loop asking getLastRow() per row stays linear on 40,000 rows.
 */
export class CellMap extends Map<string, Cell> {
  version = 0;

  override set(key: string, cell: Cell): this {
    this.version += 1;
    return super.set(key, cell);
  }

  override delete(key: string): boolean {
    this.version += 1;
    return super.delete(key);
  }

  override clear(): void {
    this.version += 1;
    super.clear();
  }
}

export class SheetModel {
  private _cells = new CellMap();
  /** The last row and column holding a value or formula, as of `_cells.version` (null: not computed since). */
  private _extent: { cells: CellMap; version: number; row: number; column: number } | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly autoResized = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  /** The sheet's one filter (a basic filter), or null. */
  filter: GridRect | null = null;
  /** In the order setConditionalFormatRules gave them: the first matching rule wins, as in Sheets. */
  conditionalRules: ConditionalRuleModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
    readonly sheetId = 0,
  ) {}

  get cells(): Map<string, Cell> {
    return this._cells;
  }

  /** A whole new set of cells (a row shift, a rolled-back batch, a restored workbook). */
  set cells(cells: Map<string, Cell>) {
    this._cells = cells instanceof CellMap ? cells : new CellMap(cells);
    this._extent = null;
  }

  cell(row: number, column: number): Cell {
    return this._cells.get(`${row},${column}`) ?? emptyCell();
  }

  put(row: number, column: number, cell: Cell): void {
    this._cells.set(`${row},${column}`, cell);
  }

  hasContent(cell: Cell): boolean {
    return cell.value !== '' || cell.formula !== '';
  }

  lastRow(): number {
    return this.extent().row;
  }

  lastColumn(): number {
    return this.extent().column;
  }

  private extent(): { row: number; column: number } {
    const cells = this._cells;
    if (this._extent && this._extent.cells === cells && this._extent.version === cells.version) return this._extent;
    let row = 0;
    let column = 0;
    for (const [key, cell] of cells) {
      if (!this.hasContent(cell)) continue;
      const comma = key.indexOf(',');
      row = Math.max(row, Number(key.slice(0, comma)));
      column = Math.max(column, Number(key.slice(comma + 1)));
    }
    this._extent = { cells, version: cells.version, row, column };
    return this._extent;
  }
}

export class SpreadsheetModel {
  readonly sheets: SheetModel[];
  active: SheetModel;
  /** Chart and sheet ids are unique across the spreadsheet; the first sheet's id is 0, as in Sheets. */
  nextChartId = 1;
  nextSheetId = 1;
  /** Spreadsheet.toast() messages, oldest first (the preview shows the last one). */
  readonly toasts: { message: string; title: string; timeoutSeconds: number | null }[] = [];

  constructor(
    readonly id: string,
    public name: string,
    readonly timeZone: string,
    rows = 1000,
    columns = 26,
  ) {
    this.active = new SheetModel('Sheet1', rows, columns, 0);
    this.sheets = [this.active];
  }
}

export interface SpreadsheetContext {
  readonly calls: CallLog;
  readonly timeZone: string;
  readonly auth: AuthGate;
  /** Every spreadsheet "in Drive": kept by the environment so openById finds earlier executions' files. */
  readonly spreadsheets: Map<string, SpreadsheetModel>;
  /** The spreadsheet a Sheets add-on runs in (getActiveSpreadsheet), or null in a Docs add-on. */
  readonly activeSpreadsheet?: () => SpreadsheetModel | null;
  /** The environment's Ui, for SpreadsheetApp.getUi() in a Sheets add-on. */
  readonly ui?: GoogleAppsScript.Base.Ui;
}

/** /apps-script/reference/spreadsheet/range */
export class RangeEmulation
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Range,
      | 'clear'
      | 'clearContent'
      | 'createFilter'
      | 'getFilter'
      | 'getFontColors'
      | 'getNote'
      | 'getNotes'
      | 'setFontColor'
      | 'setFontColors'
      | 'setFormulas'
      | 'setHorizontalAlignment'
      | 'setNote'
      | 'setNotes'
      | 'getA1Notation'
      | 'getBackground'
      | 'getBackgrounds'
      | 'getColumn'
      | 'getDisplayValues'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'getFormula'
      | 'getFormulas'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getNumColumns'
      | 'getNumRows'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'getRow'
      | 'getSheet'
      | 'getValue'
      | 'getValues'
      | 'setBackground'
      | 'setBackgrounds'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'setValue'
      | 'setValues'
    >
{
  constructor(
    readonly calls: CallLog,
    private readonly sheet: SheetEmulation,
    private readonly model: SheetModel,
    private readonly timeZone: string,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  getA1Notation(): string {
    const start = `${columnLetters(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getSheet(): Sheet {
    return asGoogle(this.sheet);
  }

  /** Empty cells are "" (never null); dates come back as Date objects. */
  getValues(): CellValue[][] {
    return this._map((cell) => (isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value));
  }

  getValue(): CellValue {
    const value = this.model.cell(this.row, this.column).value;
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  /** As the cell shows it: numbers as typed, TRUE/FALSE, dates as M/d/yyyy (an en_US sheet). */
  getDisplayValues(): string[][] {
    return this._map((cell) => {
      if (isDate(cell.value)) return formatDate(cell.value, this.timeZone, 'M/d/yyyy');
      if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
      return String(cell.value);
    });
  }

  getFormulas(): string[][] {
    return this._map((cell) => cell.formula);
  }

  getFormula(): string {
    return this.model.cell(this.row, this.column).formula;
  }

  /** "The value can be numeric, string, boolean or date": on a bigger range every cell gets it. */
  setValue(value: unknown): Range {
    this._each((cell) => Object.assign(cell, readTyped(value, cell.numberFormat, this.timeZone)));
    return asGoogle(this);
  }

  setValues(values: unknown[][]): Range {
    this._requireGrid('setValues', values);
    this._each((cell, r, c) => Object.assign(cell, readTyped(values[r]![c], cell.numberFormat, this.timeZone)));
    return asGoogle(this);
  }

  getBackgrounds(): string[][] {
    return this._map((cell) => cell.background);
  }

  getBackground(): string {
    return this.model.cell(this.row, this.column).background;
  }

  /** null resets to white. */
  setBackground(color: string | null): Range {
    const colour = normaliseColour(color);
    this._each((cell) => {
      cell.background = colour;
    });
    return asGoogle(this);
  }

  setBackgrounds(color: Array<Array<string | null>>): Range {
    this._requireGrid('setBackgrounds', color);
    this._each((cell, r, c) => {
      cell.background = normaliseColour(color[r]![c] ?? null);
    });
    return asGoogle(this);
  }

  getNumberFormats(): string[][] {
    return this._map((cell) => cell.numberFormat);
  }

  getNumberFormat(): string {
    return this.model.cell(this.row, this.column).numberFormat;
  }

  /** Applies to what is written afterwards ("@" keeps later text as text); values already stored keep their type. */
  setNumberFormat(numberFormat: string): Range {
    if (typeof numberFormat !== 'string') throw signature('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    this._each((cell) => {
      cell.numberFormat = numberFormat;
    });
    return asGoogle(this);
  }

  setNumberFormats(numberFormats: string[][]): Range {
    this._requireGrid('setNumberFormats', numberFormats);
    this._each((cell, r, c) => {
      cell.numberFormat = String(numberFormats[r]![c]);
    });
    return asGoogle(this);
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._map((cell) => cell.fontWeight);
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.model.cell(this.row, this.column).fontWeight;
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    const weight = fontWeightOf(fontWeight, 'SpreadsheetApp.Range.setFontWeight');
    this._each((cell) => {
      cell.fontWeight = weight;
    });
    return asGoogle(this);
  }

  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): Range {
    this._requireGrid('setFontWeights', fontWeights);
    this._each((cell, r, c) => {
      cell.fontWeight = fontWeightOf(fontWeights[r]![c] ?? null, 'SpreadsheetApp.Range.setFontWeights');
    });
    return asGoogle(this);
  }

  /** Contents and formats. */
  clear(): Range {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.model.cells.delete(`${this.row + r},${this.column + c}`);
    }
    return asGoogle(this);
  }

  /** "Clears the content of the range, leaving the formatting intact." */
  clearContent(): Range {
    this._each((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return asGoogle(this);
  }

  /**
   * setFormulas: each string is a formula ("=SUM(A1:A3)"); an empty string clears the cell. Text
   * that does not start with "=" is stored as typed (Sheets reads it as a value; unverified).
   */
  setFormulas(formulas: string[][]): Range {
    this._requireGrid('setFormulas', formulas);
    this._each((cell, r, c) => {
      const text = formulas[r]![c];
      if (typeof text !== 'string') throw signature('SpreadsheetApp.Range.setFormulas', [formulas]);
      Object.assign(cell, text.startsWith('=') && text.length > 1 ? { value: FORMULA_STAND_IN, formula: text } : readTyped(text, cell.numberFormat, this.timeZone));
    });
    return asGoogle(this);
  }

  getFontColors(): string[][] {
    return this._map((cell) => cell.fontColor ?? '#000000');
  }

  setFontColor(color: string | null): Range {
    const colour = color === null ? '#000000' : normaliseColour(color);
    this._each((cell) => {
      cell.fontColor = colour === '#000000' ? undefined : colour;
    });
    return asGoogle(this);
  }

  setFontColors(colors: Array<Array<string | null>>): Range {
    this._requireGrid('setFontColors', colors);
    this._each((cell, r, c) => {
      const colour = colors[r]![c] === null || colors[r]![c] === undefined ? '#000000' : normaliseColour(colors[r]![c]!);
      cell.fontColor = colour === '#000000' ? undefined : colour;
    });
    return asGoogle(this);
  }

  getNotes(): string[][] {
    return this._map((cell) => cell.note ?? '');
  }

  getNote(): string {
    return this.model.cell(this.row, this.column).note ?? '';
  }

  /** null or "" removes the note. */
  setNote(note: string | null): Range {
    if (note !== null && typeof note !== 'string') throw signature('SpreadsheetApp.Range.setNote', [note]);
    this._each((cell) => {
      cell.note = note ?? '';
    });
    return asGoogle(this);
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    this._requireGrid('setNotes', notes);
    this._each((cell, r, c) => {
      const note = notes[r]![c];
      if (note !== null && note !== undefined && typeof note !== 'string') throw signature('SpreadsheetApp.Range.setNotes', [notes]);
      cell.note = note ?? '';
    });
    return asGoogle(this);
  }

  /** Recorded for the preview's drawing only. */
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    if (alignment !== null && !['left', 'center', 'normal', 'right'].includes(alignment)) throw signature('SpreadsheetApp.Range.setHorizontalAlignment', [alignment]);
    this._each((cell) => {
      cell.align = alignment === null || alignment === 'normal' ? undefined : alignment;
    });
    return asGoogle(this);
  }

  /**
   * A sheet has at most one basic filter: creating a second one fails (wording recalled from
   * Sheets' message, unverified). /apps-script/reference/spreadsheet/range#createFilter()
   */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    if (this.model.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.model.filter = this._rect();
    return this.sheet._filterView();
  }

  /** The sheet's filter when it overlaps this range, else null. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    const f = this.model.filter;
    if (!f) return null;
    const overlaps = f.row <= this.row + this.numRows - 1 && this.row <= f.row + f.numRows - 1 && f.column <= this.column + this.numColumns - 1 && this.column <= f.column + f.numColumns - 1;
    return overlaps ? this.sheet._filterView() : null;
  }

  _rect(): GridRect {
    return { sheetName: this.model.name, row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns };
  }

  _rangeOf(rect: GridRect): Range {
    return this.sheet._rangeOf(rect);
  }

  /**
   * Google checks the grid's shape before writing anything ("The number of rows in the data does
   * not match the number of rows in the range. The data has 2 but the range has 3.", quoted by
   * public emulations and reports).
   */
  private _requireGrid(method: string, grid: unknown): void {
    if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row))) throw signature(`SpreadsheetApp.Range.${method}`, [grid]);
    if (grid.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`);
    }
    for (const row of grid as unknown[][]) {
      if (row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private _map<T>(read: (cell: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(read(this.model.cell(this.row + r, this.column + c)));
      out.push(line);
    }
    return out;
  }

  private _each(write: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        const cell = { ...this.model.cell(this.row + r, this.column + c) };
        write(cell, r, c);
        this.model.put(this.row + r, this.column + c, cell);
      }
    }
  }
}
countCalls(RangeEmulation, 'Range');

/** What a sheet holds, for assertions without counting calls. */
export interface SheetDump {
  name: string;
  values: CellValue[][];
  formulas: string[][];
  backgrounds: string[][];
  fontWeights: ('normal' | 'bold')[][];
  numberFormats: string[][];
  frozenRows: number;
  autoResizedColumns: number[];
  hidden: boolean;
  filter: GridRect | null;
  conditionalRules: ConditionalRuleModel[];
  charts: ChartModel[];
}

/** /apps-script/reference/spreadsheet/sheet */
export class SheetEmulation
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'activate'
      | 'autoResizeColumns'
      | 'clear'
      | 'clearConditionalFormatRules'
      | 'getCharts'
      | 'getConditionalFormatRules'
      | 'getFilter'
      | 'getFrozenColumns'
      | 'getSheetId'
      | 'hideSheet'
      | 'insertChart'
      | 'insertColumnsAfter'
      | 'insertRowsAfter'
      | 'isSheetHidden'
      | 'newChart'
      | 'removeChart'
      | 'setColumnWidth'
      | 'setConditionalFormatRules'
      | 'setFrozenColumns'
      | 'showSheet'
      | 'updateChart'
      | 'clearContents'
      | 'getColumnWidth'
      | 'getDataRange'
      | 'getFrozenRows'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getMaxColumns'
      | 'getMaxRows'
      | 'getName'
      | 'getParent'
      | 'getRange'
      | 'setFrozenRows'
      | 'setName'
    >
{
  constructor(
    readonly calls: CallLog,
    private readonly spreadsheet: SpreadsheetEmulation,
    readonly _model: SheetModel,
    private readonly timeZone: string,
  ) {}

  getName(): string {
    return this._model.name;
  }

  setName(name: string): Sheet {
    this.spreadsheet._renameSheet(this._model, name);
    return asGoogle(this);
  }

  getParent(): Spreadsheet {
    return asGoogle(this.spreadsheet);
  }

  getRange(row: number, column: number): Range;
  getRange(row: number, column: number, numRows: number): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRange(a1Notation: string): Range;
  getRange(...args: unknown[]): Range {
    if (args.length === 1 && typeof args[0] === 'string') {
      const a1 = parseA1(args[0]);
      if (a1.sheetName !== null && a1.sheetName !== this._model.name) throw new Error('Range not found');
      return asGoogle(this._range(a1.row, a1.column, a1.numRows, a1.numColumns));
    }
    if (args.length < 2 || args.length > 4 || !args.every((a) => typeof a === 'number' && Number.isFinite(a))) {
      throw signature('SpreadsheetApp.Sheet.getRange', args);
    }
    const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map(Math.trunc);
    return asGoogle(this._range(row!, column!, numRows, numColumns));
  }

  /** "The position of the last row that has content"; 0 for an empty sheet. */
  getLastRow(): number {
    return this._model.lastRow();
  }

  getLastColumn(): number {
    return this._model.lastColumn();
  }

  /** A1 to the last cell with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    return asGoogle(this._range(1, 1, Math.max(1, this._model.lastRow()), Math.max(1, this._model.lastColumn())));
  }

  getMaxRows(): number {
    return this._model.maxRows;
  }

  getMaxColumns(): number {
    return this._model.maxColumns;
  }

  /** Contents and formats. */
  clear(): Sheet {
    this._model.cells.clear();
    return asGoogle(this);
  }

  clearContents(): Sheet {
    for (const [key, cell] of this._model.cells) this._model.cells.set(key, { ...cell, value: '', formula: '' });
    return asGoogle(this);
  }

  setFrozenRows(rows: number): void {
    if (typeof rows !== 'number' || rows < 0 || rows > this._model.maxRows) throw signature('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this._model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this._model.frozenRows;
  }

  /** Widths are an estimate from the longest text (Google measures rendered text); recorded for assertions. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (const [key, cell] of this._model.cells) {
        if (Number(key.split(',')[1]) === c) longest = Math.max(longest, String(cell.value).length);
      }
      this._model.columnWidths.set(c, Math.max(21, longest * 7 + 10));
      this._model.autoResized.add(c);
    }
    return asGoogle(this);
  }

  getColumnWidth(columnPosition: number): number {
    return this._model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    if (typeof columnPosition !== 'number' || typeof width !== 'number') throw signature('SpreadsheetApp.Sheet.setColumnWidth', [columnPosition, width]);
    this._model.columnWidths.set(columnPosition, width);
    return asGoogle(this);
  }

  getSheetId(): number {
    return this._model.sheetId;
  }

  activate(): Sheet {
    this.spreadsheet._activate(this._model);
    return asGoogle(this);
  }

  setFrozenColumns(columns: number): void {
    if (typeof columns !== 'number' || columns < 0 || columns > this._model.maxColumns) throw signature('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    this._model.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }

  /**
   * Grows the grid: writing past the last row fails ("The coordinates of the range are outside the
   * dimensions of the sheet."), so an add-on writing many rows inserts them first.
   */
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || howMany < 1 || afterPosition < 0 || afterPosition > this._model.maxRows) {
      throw signature('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]);
    }
    this._shiftRows(afterPosition, howMany);
    this._model.maxRows += howMany;
    return asGoogle(this);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    if (typeof afterPosition !== 'number' || typeof howMany !== 'number' || howMany < 1 || afterPosition < 0 || afterPosition > this._model.maxColumns) {
      throw signature('SpreadsheetApp.Sheet.insertColumnsAfter', [afterPosition, howMany]);
    }
    const moved = [...this._model.cells].filter(([key]) => Number(key.split(',')[1]) > afterPosition);
    for (const [key] of moved) this._model.cells.delete(key);
    for (const [key, cell] of moved) {
      const [r, c] = key.split(',').map(Number);
      this._model.cells.set(`${r},${c! + howMany}`, cell);
    }
    this._model.maxColumns += howMany;
    return asGoogle(this);
  }

  /** "You can't hide all the sheets in a document." (Sheets' message as users report it; unverified on the reference pages.) */
  hideSheet(): Sheet {
    const visible = this.spreadsheet._model.sheets.filter((s) => !s.hidden);
    if (!this._model.hidden && visible.length === 1) throw new Error("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return asGoogle(this);
  }

  showSheet(): Sheet {
    this._model.hidden = false;
    return asGoogle(this);
  }

  isSheetHidden(): boolean {
    return this._model.hidden;
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this._model.filter ? this._filterView() : null;
  }

  /** Replaces every rule of the sheet ("Removes all existing conditional format rules ... and adds the rules"). */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRuleEmulation)) {
      throw signature('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    this._model.conditionalRules = rules.map((r) => structuredClone((r as unknown as ConditionalFormatRuleEmulation)._model));
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this._model.conditionalRules.map((m) => asGoogle(new ConditionalFormatRuleEmulation(this.calls, structuredClone(m), (rect) => this._rangeOf(rect))));
  }

  clearConditionalFormatRules(): void {
    this._model.conditionalRules = [];
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asGoogle(new EmbeddedChartBuilderEmulation(this.calls, (rect) => this._rangeOf(rect)));
  }

  /** A chart needs data: one without ranges is refused (unverified wording). */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this._chartModel(chart, 'insertChart');
    if (model.ranges.length === 0) throw new Error('The chart has no data: add a range with addRange before inserting it.');
    this._model.charts.push({ ...structuredClone(model), id: this.spreadsheet._model.nextChartId++ });
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this._model.charts.map((m) => asGoogle(new EmbeddedChartEmulation(this.calls, structuredClone(m), (rect) => this._rangeOf(rect), true)));
  }

  /** Matches the placed chart by its id (a chart from getCharts(), or modify().build() of one). */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this._chartModel(chart, 'removeChart');
    const index = this._model.charts.findIndex((c) => c.id === model.id);
    if (index < 0) throw new Error('The chart is not on this sheet.');
    this._model.charts.splice(index, 1);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this._chartModel(chart, 'updateChart');
    const index = this._model.charts.findIndex((c) => c.id === model.id);
    if (index < 0) throw new Error('The chart is not on this sheet.');
    this._model.charts[index] = structuredClone(model);
  }

  private _chartModel(chart: unknown, method: string): ChartModel {
    if (!(chart instanceof EmbeddedChartEmulation)) throw signature(`SpreadsheetApp.Sheet.${method}`, [chart]);
    return chart._model;
  }

  /** Moves rows below `after` down by `howMany` (their cells, the filter and frozen rows stay put: enough for appending). */
  private _shiftRows(after: number, howMany: number): void {
    if (after >= this._model.lastRow()) return;
    const moved = [...this._model.cells].filter(([key]) => Number(key.split(',')[0]) > after);
    for (const [key] of moved) this._model.cells.delete(key);
    for (const [key, cell] of moved) {
      const [r, c] = key.split(',').map(Number);
      this._model.cells.set(`${r! + howMany},${c}`, cell);
    }
  }

  _filterView(): GoogleAppsScript.Spreadsheet.Filter {
    return asGoogle(new FilterEmulation(this.calls, this._model, (rect) => this._rangeOf(rect)));
  }

  _rangeOf(rect: GridRect): Range {
    const sheet = this.spreadsheet._model.sheets.find((s) => s.name === rect.sheetName);
    if (!sheet) throw new Error('Range not found');
    return asGoogle(this.spreadsheet._view(sheet)._range(rect.row, rect.column, rect.numRows, rect.numColumns));
  }

  _range(row: number, column: number, numRows: number, numColumns: number): RangeEmulation {
    // Messages as Apps Script words them (recalled from its errors; unverified on the reference pages).
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._model.maxRows || column + numColumns - 1 > this._model.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new RangeEmulation(this.calls, this, this._model, this.timeZone, row, column, numRows, numColumns);
  }

  /** Everything in use, uncounted. */
  _dump(): SheetDump {
    const rows = Math.max(this._model.lastRow(), 0);
    const columns = Math.max(this._model.lastColumn(), 0);
    const grid = <T>(read: (cell: Cell) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_unused, c) => read(this._model.cell(r + 1, c + 1))));
    return {
      name: this._model.name,
      values: grid((cell) => (isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value)),
      formulas: grid((cell) => cell.formula),
      backgrounds: grid((cell) => cell.background),
      fontWeights: grid((cell) => cell.fontWeight),
      numberFormats: grid((cell) => cell.numberFormat),
      frozenRows: this._model.frozenRows,
      autoResizedColumns: [...this._model.autoResized].sort((a, b) => a - b),
      hidden: this._model.hidden,
      filter: this._model.filter ? { ...this._model.filter } : null,
      conditionalRules: structuredClone(this._model.conditionalRules),
      charts: structuredClone(this._model.charts),
    };
  }
}
countCalls(SheetEmulation, 'Sheet');

/** /apps-script/reference/spreadsheet/spreadsheet */
export class SpreadsheetEmulation
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Spreadsheet,
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'getId'
      | 'getName'
      | 'getRange'
      | 'getSheetByName'
      | 'getSheets'
      | 'getSpreadsheetTimeZone'
      | 'getUrl'
      | 'insertSheet'
      | 'rename'
      | 'setActiveSheet'
      | 'toast'
    >
{
  private readonly views = new WeakMap<SheetModel, SheetEmulation>();

  constructor(
    readonly calls: CallLog,
    readonly _model: SpreadsheetModel,
  ) {}

  getId(): string {
    return this._model.id;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit`;
  }

  getName(): string {
    return this._model.name;
  }

  rename(newName: string): void {
    this._model.name = String(newName);
  }

  getSheets(): Sheet[] {
    return this._model.sheets.map((sheet) => asGoogle<Sheet>(this._view(sheet)));
  }

  getSheetByName(name: string): Sheet | null {
    const sheet = this._model.sheets.find((s) => s.name === name);
    return sheet ? asGoogle(this._view(sheet)) : null;
  }

  getActiveSheet(): Sheet {
    return asGoogle(this._view(this._model.active));
  }

  /** "A1:B2" on the active sheet, or "'Sheet name'!A1:B2". */
  getRange(a1Notation: string): Range {
    const a1 = parseA1(a1Notation);
    const sheet = a1.sheetName === null ? this._model.active : this._model.sheets.find((s) => s.name === a1.sheetName);
    if (!sheet) throw new Error('Range not found');
    return asGoogle(this._view(sheet)._range(a1.row, a1.column, a1.numRows, a1.numColumns));
  }

  /** The new sheet goes last unless an index is given, and "becomes the active sheet". */
  insertSheet(): Sheet;
  insertSheet(sheetIndex: number): Sheet;
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: number): Sheet;
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index = this._model.sheets.length;
    if (typeof args[0] === 'string') {
      name = args[0];
      if (args[1] !== undefined) index = Number(args[1]);
    } else if (typeof args[0] === 'number') {
      index = args[0];
    } else if (args.length > 0) {
      throw signature('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    if (name === undefined) {
      let n = this._model.sheets.length + 1;
      while (this._model.sheets.some((s) => s.name === `Sheet${n}`)) n += 1;
      name = `Sheet${n}`;
    }
    this._requireFreeName(name);
    const sheet = new SheetModel(name, 1000, 26, this._model.nextSheetId++);
    this._model.sheets.splice(Math.max(0, Math.min(index, this._model.sheets.length)), 0, sheet);
    this._model.active = sheet;
    return asGoogle(this._view(sheet));
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  /** "Shows a popup window in the lower right corner of the spreadsheet"; the emulation keeps each message. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    if (typeof msg !== 'string') throw signature('SpreadsheetApp.Spreadsheet.toast', [msg]);
    this._model.toasts.push({ message: msg, title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? null });
  }

  setActiveSheet(sheet: Sheet): Sheet {
    const view = sheet as unknown as SheetEmulation;
    if (!(view instanceof SheetEmulation) || !this._model.sheets.includes(view._model)) throw signature('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this._activate(view._model);
    return sheet;
  }

  /** The last sheet cannot go (wording as users report Sheets' message; unverified). */
  deleteSheet(sheet: Sheet): void {
    const view = sheet as unknown as SheetEmulation;
    if (!(view instanceof SheetEmulation) || !this._model.sheets.includes(view._model)) throw signature('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    if (this._model.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._model.sheets.splice(this._model.sheets.indexOf(view._model), 1);
    if (this._model.active === view._model) this._model.active = this._model.sheets[0]!;
  }

  _activate(sheet: SheetModel): void {
    this._model.active = sheet;
  }

  _renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this._requireFreeName(name);
    sheet.name = String(name);
  }

  _view(sheet: SheetModel): SheetEmulation {
    let view = this.views.get(sheet);
    if (!view) {
      view = new SheetEmulation(this.calls, this, sheet, this._model.timeZone);
      this.views.set(sheet, view);
    }
    return view;
  }

  private _requireFreeName(name: string): void {
    // Wording as Sheets shows it (recalled; unverified on the reference pages).
    if (this._model.sheets.some((s) => s.name.toLowerCase() === String(name).toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
}
countCalls(SpreadsheetEmulation, 'Spreadsheet');

/**
 * /apps-script/reference/spreadsheet/spreadsheet-app: creating and reopening spreadsheets. A Docs
 * add-on has no active spreadsheet, so getActive* are left out. Both calls reach other files:
 * they need full authorization and the spreadsheets scope.
 */
export class SpreadsheetAppEmulation
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'create' | 'openById' | 'flush' | 'getActive' | 'getActiveSpreadsheet' | 'getUi' | 'newConditionalFormatRule'>
{
  readonly calls: CallLog;
  private readonly views = new Map<string, SpreadsheetEmulation>();

  constructor(private readonly ctx: SpreadsheetContext) {
    this.calls = ctx.calls;
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.ctx.auth.check('SpreadsheetApp.create', 'FULL', [SCOPES.spreadsheets]);
    if (typeof name !== 'string') throw signature('SpreadsheetApp.create', [name]);
    const id = `emulated-spreadsheet-${this.ctx.spreadsheets.size + 1}`;
    const model = new SpreadsheetModel(id, name, this.ctx.timeZone, rows ?? 1000, columns ?? 26);
    this.ctx.spreadsheets.set(id, model);
    return asGoogle(this._view(model));
  }

  /** Unknown ids fail the way Apps Script has long reported them. */
  openById(id: string): Spreadsheet {
    this.ctx.auth.check('SpreadsheetApp.openById', 'FULL', [SCOPES.spreadsheets]);
    const model = this.ctx.spreadsheets.get(String(id));
    if (!model) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return asGoogle(this._view(model));
  }

  /**
   * The spreadsheet a Sheets add-on runs in. Like DocumentApp.getActiveDocument(), it needs at
   * least AuthMode.LIMITED (a simple trigger may read its own file; NONE may not) and one of the
   * spreadsheet scopes. A script that is not bound to a spreadsheet gets null.
   */
  getActiveSpreadsheet(): Spreadsheet {
    this.ctx.auth.check('SpreadsheetApp.getActiveSpreadsheet', 'LIMITED', [SCOPES.currentSpreadsheet, SCOPES.spreadsheets]);
    const model = this.ctx.activeSpreadsheet?.() ?? null;
    return (model ? asGoogle(this._view(model)) : null) as Spreadsheet;
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  /** Only a script running in Sheets has Sheets' Ui; elsewhere Apps Script says "Cannot call SpreadsheetApp.getUi() from this context." */
  getUi(): GoogleAppsScript.Base.Ui {
    const model = this.ctx.activeSpreadsheet?.() ?? null;
    if (!model || !this.ctx.ui) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ctx.ui;
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    // A builder is not tied to a spreadsheet; its getRanges() reads them in the active one.
    const rangeOf = (rect: GridRect): Range => {
      const model = this.ctx.activeSpreadsheet?.() ?? null;
      const sheet = model?.sheets.find((s) => s.name === rect.sheetName);
      if (!model || !sheet) throw new Error('Range not found');
      return this._view(model)._view(sheet)._rangeOf(rect);
    };
    return asGoogle(new ConditionalFormatRuleBuilderEmulation(this.calls, rangeOf));
  }

  /** Writes are applied at once here; nothing to flush. */
  flush(): void {}

  _view(model: SpreadsheetModel): SpreadsheetEmulation {
    let view = this.views.get(model.id);
    if (!view) {
      view = new SpreadsheetEmulation(this.calls, model);
      this.views.set(model.id, view);
    }
    return view;
  }

  /** Every spreadsheet created in this environment, for assertions. */
  _all(): SpreadsheetEmulation[] {
    return [...this.ctx.spreadsheets.values()].map((model) => this._view(model));
  }
}
countCalls(SpreadsheetAppEmulation, 'SpreadsheetApp');
