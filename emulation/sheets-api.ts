/** Emulated Sheets advanced service (the Sheets API v4 as Apps Script exposes it) over the same in-memory spreadsheets as SpreadsheetApp: atomic batchUpdate, drive.file access, every call counted. */
import { CallLog, countCalls } from './calls';
import { formatDate, SCOPES, type AuthGate } from './session';
import {
  columnLetters,
  columnNumber,
  emptyCell,
  FORMULA_STAND_IN,
  isDate,
  midnightIn,
  SheetModel,
  SpreadsheetModel,
  type Cell,
  type CellValue,
} from './spreadsheet';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type RowData = GoogleAppsScript.Sheets.Schema.RowData;

/** What the Sheets service shares with the rest of one user's environment. */
export interface SheetsContext {
  readonly calls: CallLog;
  readonly timeZone: string;
  readonly auth: AuthGate;
  /** Every spreadsheet "in Drive" (shared by every user's environment in a test of several sellers). */
  readonly spreadsheets: Map<string, SpreadsheetModel>;
  /** Files this user created with the app or picked with Google Picker: what `drive.file` reaches. */
  readonly fileGrants: Set<string>;
  /** Files this user may read but not edit (Viewer access); absent: every reachable file is editable. */
  readonly viewOnly?: Set<string>;
}

/**
 * An advanced service's failure as Apps Script reports it: "API call to sheets.spreadsheets.get
 * failed with error: Requested entity was not found." (the form users report; the exception's
 * name is GoogleJsonResponseException).
 */
function apiError(method: string, message: string): Error {
  const error = new Error(`API call to sheets.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** A subrequest Google rejects: the whole batch applies nothing. */
class InvalidRequest extends Error {}

/** Days from Sheets' epoch (1899-12-30) to a date cell's calendar day in the spreadsheet's zone. */
function serialOf(date: Date, timeZone: string): number {
  const day = formatDate(date, timeZone, 'yyyy-MM-dd');
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000 + 25_569;
}

function dateOfSerial(serial: number, timeZone: string): Date | null {
  const utc = new Date(Math.round((Math.floor(serial) - 25_569) * 86_400_000));
  return midnightIn(timeZone, utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function hexOf(color: GoogleAppsScript.Sheets.Schema.Color | undefined): string {
  const part = (n: number | undefined): string => Math.round((n ?? 0) * 255).toString(16).padStart(2, '0');
  return color ? `#${part(color.red)}${part(color.green)}${part(color.blue)}` : '#ffffff';
}

// ---------------------------------------------------------------------------------------------
// A1 ranges as the API reads them: "Deals", "Deals!1:1", "Deals!A2:A", "'My deals'!B2:D9"
// ---------------------------------------------------------------------------------------------

interface GridArea {
  sheet: SheetModel;
  /** 1-based, inclusive; open ends run to the sheet's grid size. */
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
  notation: string;
}

const CELL_PART = /^([A-Za-z]{0,3})(\d*)$/;

function parseRange(model: SpreadsheetModel, notation: string): GridArea {
  const text = String(notation);
  const bang = text.lastIndexOf('!');
  const rawSheet = bang >= 0 ? text.slice(0, bang) : text;
  const sheetName = /^'(.*)'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new InvalidRequest(`Unable to parse range: ${text}`);
  const whole = { sheet, row: 1, column: 1, lastRow: sheet.maxRows, lastColumn: sheet.maxColumns, notation: `${quoteSheet(sheet.name)}` };
  if (bang < 0) return whole;
  const [from, to = from] = text.slice(bang + 1).split(':');
  const a = CELL_PART.exec(from ?? '');
  const b = CELL_PART.exec(to ?? '');
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new InvalidRequest(`Unable to parse range: ${text}`);
  const row = a[2] ? Number(a[2]) : 1;
  const column = a[1] ? columnNumber(a[1]) : 1;
  const lastRow = b[2] ? Number(b[2]) : sheet.maxRows;
  const lastColumn = b[1] ? columnNumber(b[1]) : sheet.maxColumns;
  return { sheet, row, column, lastRow: Math.min(lastRow, sheet.maxRows), lastColumn: Math.min(lastColumn, sheet.maxColumns), notation: text };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Atomic batches: copy-on-write of what a batch touches, restored when a subrequest is invalid
// ---------------------------------------------------------------------------------------------

interface SavedSheet {
  name: string;
  cells: Map<string, Cell>;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: boolean;
}

class Transaction {
  private readonly saved = new Map<SheetModel, SavedSheet>();
  private readonly sheets: SheetModel[];
  private readonly active: SheetModel;

  constructor(private readonly model: SpreadsheetModel) {
    this.sheets = [...model.sheets];
    this.active = model.active;
  }

  /** Call before changing a sheet: its state as it was before the batch is kept once. */
  touch(sheet: SheetModel): SheetModel {
    if (!this.saved.has(sheet)) {
      this.saved.set(sheet, {
        name: sheet.name,
        // Cells are replaced, never mutated, so a shallow copy of the map is the sheet's old state.
        cells: new Map(sheet.cells),
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        hidden: sheet.hidden,
      });
    }
    return sheet;
  }

  rollback(): void {
    for (const [sheet, old] of this.saved) Object.assign(sheet, old);
    this.model.sheets.splice(0, this.model.sheets.length, ...this.sheets);
    this.model.active = this.active;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells written through the API
// ---------------------------------------------------------------------------------------------

/** Which parts of a cell a `fields` mask writes ("*", "userEnteredValue", "userEnteredFormat.numberFormat"...). */
interface Mask {
  value: boolean;
  numberFormat: boolean;
  bold: boolean;
  background: boolean;
}

function maskOf(fields: string | undefined, where: string): Mask {
  if (!fields) throw new InvalidRequest(`${where}: At least one field must be updated, but none were specified.`);
  const parts = fields.split(',').map((f) => f.trim());
  const has = (...names: string[]): boolean => parts.some((p) => p === '*' || names.includes(p));
  return {
    value: has('userEnteredValue'),
    numberFormat: has('userEnteredFormat', 'userEnteredFormat.numberFormat'),
    bold: has('userEnteredFormat', 'userEnteredFormat.textFormat', 'userEnteredFormat.textFormat.bold'),
    background: has('userEnteredFormat', 'userEnteredFormat.backgroundColor'),
  };
}

const DEFAULT_FORMATS: Record<string, string> = {
  DATE: 'M/d/yyyy',
  NUMBER: '#,##0.00',
  CURRENCY: '$#,##0.00',
  PERCENT: '0.00%',
  TEXT: '@',
};

/**
 * One CellData written into a cell. A stringValue is stored as text whatever it looks like ("=SUM(1)",
 * "+1", "2026-03-03"): the API never parses it, unlike setValue or USER_ENTERED. A number with a
 * DATE format is a date.
 */
function writeCell(old: Cell, data: CellData | undefined, mask: Mask, timeZone: string, where: string): Cell {
  const cell: Cell = { ...old };
  const format = data?.userEnteredFormat;
  if (mask.numberFormat) {
    const nf = format?.numberFormat;
    if (nf && nf.type && !(nf.type in DEFAULT_FORMATS) && nf.type !== 'NUMBER_FORMAT_TYPE_UNSPECIFIED') {
      throw new InvalidRequest(`${where}: Invalid value at 'numberFormat.type' (${String(nf.type)})`);
    }
    cell.numberFormat = nf ? (nf.pattern ?? DEFAULT_FORMATS[nf.type ?? ''] ?? '0.###############') : emptyCell().numberFormat;
  }
  if (mask.bold) cell.fontWeight = format?.textFormat?.bold ? 'bold' : 'normal';
  if (mask.background) cell.background = hexOf(format?.backgroundColor);
  if (mask.value) {
    const v = data?.userEnteredValue;
    const isDateFormat = format?.numberFormat?.type === 'DATE' || /[dy]/i.test(cell.numberFormat) && !/[#0]/.test(cell.numberFormat);
    let value: CellValue = '';
    let formula = '';
    if (v) {
      const kinds = (['stringValue', 'numberValue', 'boolValue', 'formulaValue'] as const).filter((k) => v[k] !== undefined);
      if (kinds.length > 1) throw new InvalidRequest(`${where}: Oneof field 'value' is already set. Cannot set '${kinds[1]}'`);
      if (v.stringValue !== undefined) value = String(v.stringValue);
      else if (v.numberValue !== undefined) {
        if (typeof v.numberValue !== 'number' || !Number.isFinite(v.numberValue)) throw new InvalidRequest(`${where}: Invalid value at 'numberValue'`);
        value = isDateFormat ? (dateOfSerial(v.numberValue, timeZone) ?? v.numberValue) : v.numberValue;
      } else if (v.boolValue !== undefined) value = Boolean(v.boolValue);
      else if (v.formulaValue !== undefined) {
        formula = String(v.formulaValue);
        value = FORMULA_STAND_IN;
      }
    }
    cell.value = value;
    cell.formula = formula;
  }
  return cell;
}

function requireSheet(model: SpreadsheetModel, sheetId: unknown, where: string): SheetModel {
  const sheet = model.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) throw new InvalidRequest(`${where}: No grid with id: ${String(sheetId)}`);
  return sheet;
}

/** Moves every cell at or after `from` (rows or columns) by `by` (negative: removes `-by` of them first). */
function shiftCells(sheet: SheetModel, dimension: 'ROWS' | 'COLUMNS', from: number, by: number): void {
  const next = new Map<string, Cell>();
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const at = dimension === 'ROWS' ? r : c;
    if (by < 0 && at >= from && at < from - by) continue;
    const moved = at >= from ? at + by : at;
    next.set(dimension === 'ROWS' ? `${moved},${c}` : `${r},${moved}`, cell);
  }
  sheet.cells = next;
}

function writeRows(sheet: SheetModel, rows: RowData[] | undefined, row: number, column: number, mask: Mask, timeZone: string, where: string): void {
  (rows ?? []).forEach((rowData, r) => {
    const values = rowData.values ?? [];
    if (row + r > sheet.maxRows || column + values.length - 1 > sheet.maxColumns) {
      throw new InvalidRequest(`${where}: Range (${sheet.name}!${columnLetters(column)}${row + r}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`);
    }
    values.forEach((data, c) => {
      sheet.put(row + r, column + c, writeCell(sheet.cell(row + r, column + c), data, mask, timeZone, where));
    });
  });
}

function sheetProperties(sheet: SheetModel, index: number): GoogleAppsScript.Sheets.Schema.SheetProperties {
  return {
    sheetId: sheet.sheetId,
    title: sheet.name,
    index,
    sheetType: 'GRID',
    hidden: sheet.hidden || undefined,
    gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxColumns, frozenRowCount: sheet.frozenRows || undefined },
  };
}

function newSheetId(model: SpreadsheetModel): number {
  let id = 1 + Math.floor(Math.random() * 2_000_000_000);
  while (model.sheets.some((s) => s.sheetId === id)) id += 1;
  return id;
}

function addSheet(model: SpreadsheetModel, properties: GoogleAppsScript.Sheets.Schema.SheetProperties | undefined, where: string): GoogleAppsScript.Sheets.Schema.Response {
  const title = properties?.title ?? `Sheet${model.sheets.length + 1}`;
  if (model.sheets.some((s) => s.name.toLowerCase() === title.toLowerCase())) {
    throw new InvalidRequest(`${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  if (properties?.sheetId !== undefined && model.sheets.some((s) => s.sheetId === properties.sheetId)) {
    throw new InvalidRequest(`${where}: Sheet with id ${properties.sheetId} already exists.`);
  }
  const grid = properties?.gridProperties;
  const sheet = new SheetModel(title, grid?.rowCount ?? 1000, grid?.columnCount ?? 26, properties?.sheetId ?? newSheetId(model));
  sheet.hidden = Boolean(properties?.hidden);
  sheet.frozenRows = grid?.frozenRowCount ?? 0;
  const index = Math.min(properties?.index ?? model.sheets.length, model.sheets.length);
  model.sheets.splice(index, 0, sheet);
  return { addSheet: { properties: sheetProperties(sheet, index) } };
}

/** Applies one subrequest to the spreadsheet (inside a transaction). Returns its reply. */
function apply(model: SpreadsheetModel, tx: Transaction, request: Request, where: string, timeZone: string): GoogleAppsScript.Sheets.Schema.Response {
  const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) throw new InvalidRequest(`${where}: exactly one kind of request must be set, found ${kinds.join(', ') || 'none'}`);
  const kind = kinds[0]!;
  const at = `${where}.${kind}`;
  if (request.addSheet) return addSheet(model, request.addSheet.properties, at);
  if (request.deleteSheet) {
    const sheet = requireSheet(model, request.deleteSheet.sheetId, at);
    if (model.sheets.filter((s) => !s.hidden).length === 1 && !sheet.hidden) {
      throw new InvalidRequest(`${at}: You can't remove all the visible sheets in a document.`);
    }
    model.sheets.splice(model.sheets.indexOf(sheet), 1);
    if (model.active === sheet) model.active = model.sheets[0]!;
    return {};
  }
  if (request.updateCells) {
    const u = request.updateCells;
    const mask = maskOf(u.fields, at);
    const sheetId = u.start?.sheetId ?? u.range?.sheetId;
    const sheet = tx.touch(requireSheet(model, sheetId, at));
    const row = (u.start?.rowIndex ?? u.range?.startRowIndex ?? 0) + 1;
    const column = (u.start?.columnIndex ?? u.range?.startColumnIndex ?? 0) + 1;
    writeRows(sheet, u.rows, row, column, mask, timeZone, at);
    return {};
  }
  if (request.appendCells) {
    const a = request.appendCells;
    const mask = maskOf(a.fields, at);
    const sheet = tx.touch(requireSheet(model, a.sheetId, at));
    const rows = a.rows ?? [];
    const start = sheet.lastRow() + 1;
    // "Appends new cells after the last row with data in a sheet, inserting new rows into the sheet if necessary."
    sheet.maxRows = Math.max(sheet.maxRows, start + rows.length - 1);
    const widest = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
    sheet.maxColumns = Math.max(sheet.maxColumns, widest);
    writeRows(sheet, rows, start, 1, mask, timeZone, at);
    return {};
  }
  if (request.insertDimension || request.deleteDimension) {
    const range = request.insertDimension?.range ?? request.deleteDimension?.range;
    const sheet = tx.touch(requireSheet(model, range?.sheetId, at));
    const dimension = range?.dimension;
    if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw new InvalidRequest(`${at}: range.dimension must be ROWS or COLUMNS`);
    const start = range?.startIndex ?? 0;
    const end = range?.endIndex ?? 0;
    const size = dimension === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
    if (end <= start || start < 0) throw new InvalidRequest(`${at}: Invalid range: startIndex must be less than endIndex`);
    const count = end - start;
    if (request.deleteDimension) {
      if (end > size) throw new InvalidRequest(`${at}: Cannot delete a ${dimension === 'ROWS' ? 'row' : 'column'} that doesn't exist. Tried to delete index ${end - 1} but there are only ${size}.`);
      if (count >= size) throw new InvalidRequest(`${at}: You can't delete all the ${dimension === 'ROWS' ? 'rows' : 'columns'} on the sheet.`);
      shiftCells(sheet, dimension, start + 1, -count);
      if (dimension === 'ROWS') sheet.maxRows -= count;
      else sheet.maxColumns -= count;
    } else {
      if (start > size) throw new InvalidRequest(`${at}: Invalid range: startIndex ${start} is past the end of the sheet (${size})`);
      shiftCells(sheet, dimension, start + 1, count);
      if (dimension === 'ROWS') sheet.maxRows += count;
      else sheet.maxColumns += count;
    }
    return {};
  }
  if (request.appendDimension) {
    const a = request.appendDimension;
    const sheet = tx.touch(requireSheet(model, a.sheetId, at));
    const length = a.length ?? 0;
    if (length < 1) throw new InvalidRequest(`${at}: length must be at least 1`);
    if (a.dimension === 'ROWS') sheet.maxRows += length;
    else if (a.dimension === 'COLUMNS') sheet.maxColumns += length;
    else throw new InvalidRequest(`${at}: dimension must be ROWS or COLUMNS`);
    return {};
  }
  if (request.updateSheetProperties) {
    const u = request.updateSheetProperties;
    const sheet = tx.touch(requireSheet(model, u.properties?.sheetId, at));
    const fields = (u.fields ?? '').split(',').map((f) => f.trim());
    if (!u.fields) throw new InvalidRequest(`${at}: At least one field must be updated, but none were specified.`);
    const set = (name: string): boolean => fields.includes('*') || fields.includes(name);
    if (set('title') && u.properties?.title !== undefined) {
      const title = u.properties.title;
      if (model.sheets.some((s) => s !== sheet && s.name.toLowerCase() === title.toLowerCase())) {
        throw new InvalidRequest(`${at}: A sheet with the name "${title}" already exists. Please enter another name.`);
      }
      sheet.name = title;
    }
    if (set('hidden')) sheet.hidden = Boolean(u.properties?.hidden);
    if (set('gridProperties.frozenRowCount') || set('gridProperties')) sheet.frozenRows = u.properties?.gridProperties?.frozenRowCount ?? 0;
    return {};
  }
  // Accepted and kept nowhere: filters and widths do not change what the add-on reads back.
  if (request.setBasicFilter || request.autoResizeDimensions || request.updateDimensionProperties) return {};
  throw new InvalidRequest(`${at}: this kind of request is not emulated (emulation gap, not Google's answer)`);
}

// ---------------------------------------------------------------------------------------------
// The service: Sheets.Spreadsheets and Sheets.Spreadsheets.Values
// ---------------------------------------------------------------------------------------------

/** Who may reach which spreadsheet: `spreadsheets` or `drive` reach every file the person can open; `drive.file` only those the app created or the person picked. */
function open(ctx: SheetsContext, method: string, id: unknown): SpreadsheetModel {
  ctx.auth.check(`Sheets.Spreadsheets.${method.split('.').pop() ?? method}`, 'FULL');
  if (!ctx.auth.allows(SCOPES.spreadsheets, SCOPES.drive, SCOPES.driveFile)) {
    throw apiError(`spreadsheets.${method}`, 'Request had insufficient authentication scopes.');
  }
  const model = ctx.spreadsheets.get(String(id));
  const reachable = model && (ctx.auth.allows(SCOPES.spreadsheets, SCOPES.drive) || ctx.fileGrants.has(model.id));
  // Drive answers "not found" for a file the app was not granted, not "forbidden" (reported for drive.file).
  if (!model || !reachable) throw apiError(`spreadsheets.${method}`, 'Requested entity was not found.');
  return model;
}

function spreadsheetResource(model: SpreadsheetModel): GoogleAppsScript.Sheets.Schema.Spreadsheet {
  return {
    spreadsheetId: model.id,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${model.id}/edit`,
    properties: { title: model.name, timeZone: model.timeZone, locale: 'en_US' },
    sheets: model.sheets.map((sheet, index) => ({ properties: sheetProperties(sheet, index) })),
  };
}

type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

function rendered(cell: Cell, render: Render, timeZone: string): string | number | boolean {
  if (render === 'FORMULA' && cell.formula) return cell.formula;
  const value = cell.value;
  if (isDate(value)) return render === 'FORMATTED_VALUE' ? formatDate(value, timeZone, 'M/d/yyyy') : serialOf(value, timeZone);
  if (render === 'FORMATTED_VALUE') return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return value;
}

/** /apps-script/advanced/sheets: Sheets.Spreadsheets.Values */
export class ValuesEmulation implements Pick<GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection, 'batchGet' | 'get'> {
  readonly calls: CallLog;

  constructor(private readonly ctx: SheetsContext) {
    this.calls = ctx.calls;
  }

  /** Each range's rows, without trailing empty rows and trailing empty cells (as the API trims them). */
  batchGet(spreadsheetId: string, optionalArgs: object = {}): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    const model = open(this.ctx, 'values.batchGet', spreadsheetId);
    const args = optionalArgs as { ranges?: string | string[]; valueRenderOption?: Render };
    const ranges = args.ranges === undefined ? [] : Array.isArray(args.ranges) ? args.ranges : [args.ranges];
    const render = args.valueRenderOption ?? 'FORMATTED_VALUE';
    try {
      return { spreadsheetId: model.id, valueRanges: ranges.map((range) => this._read(model, range, render)) };
    } catch (error) {
      if (error instanceof InvalidRequest) throw apiError('spreadsheets.values.batchGet', error.message);
      throw error;
    }
  }

  get(spreadsheetId: string, range: string, optionalArgs: object = {}): GoogleAppsScript.Sheets.Schema.ValueRange {
    const model = open(this.ctx, 'values.get', spreadsheetId);
    try {
      return this._read(model, range, (optionalArgs as { valueRenderOption?: Render }).valueRenderOption ?? 'FORMATTED_VALUE');
    } catch (error) {
      if (error instanceof InvalidRequest) throw apiError('spreadsheets.values.get', error.message);
      throw error;
    }
  }

  _read(model: SpreadsheetModel, range: string, render: Render): GoogleAppsScript.Sheets.Schema.ValueRange {
    const area = parseRange(model, range);
    const lastRow = Math.min(area.lastRow, area.sheet.lastRow());
    const values: (string | number | boolean)[][] = [];
    for (let r = area.row; r <= lastRow; r++) {
      const line: (string | number | boolean)[] = [];
      for (let c = area.column; c <= area.lastColumn; c++) line.push(rendered(area.sheet.cell(r, c), render, model.timeZone));
      while (line.length && line[line.length - 1] === '') line.pop();
      values.push(line);
    }
    while (values.length && values[values.length - 1]!.length === 0) values.pop();
    return { range: area.notation, majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
  }
}
countCalls(ValuesEmulation, 'Sheets.Spreadsheets.Values');

/** /apps-script/advanced/sheets: Sheets.Spreadsheets */
export class SpreadsheetsEmulation implements Pick<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, 'batchUpdate' | 'create' | 'get'> {
  readonly calls: CallLog;
  readonly Values: ValuesEmulation;

  constructor(private readonly ctx: SheetsContext) {
    this.calls = ctx.calls;
    this.Values = new ValuesEmulation(ctx);
  }

  /** A new file in the person's Drive; under drive.file the app may use it from now on. Sheets' `data` (header rows) is written too. */
  create(resource: GoogleAppsScript.Sheets.Schema.Spreadsheet): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    this.ctx.auth.check('Sheets.Spreadsheets.create', 'FULL');
    if (!this.ctx.auth.allows(SCOPES.spreadsheets, SCOPES.drive, SCOPES.driveFile)) {
      throw apiError('spreadsheets.create', 'Request had insufficient authentication scopes.');
    }
    const id = `emulated-spreadsheet-${this.ctx.spreadsheets.size + 1}`;
    const model = new SpreadsheetModel(id, resource?.properties?.title ?? 'Untitled spreadsheet', resource?.properties?.timeZone ?? this.ctx.timeZone);
    const tx = new Transaction(model);
    try {
      if (resource?.sheets?.length) {
        model.sheets.splice(0, model.sheets.length);
        resource.sheets.forEach((sheet, i) => {
          addSheet(model, { sheetId: i === 0 ? 0 : undefined, ...sheet.properties }, `sheets[${i}]`);
          const added = model.sheets[model.sheets.length - 1]!;
          for (const data of sheet.data ?? []) {
            writeRows(added, data.rowData, (data.startRow ?? 0) + 1, (data.startColumn ?? 0) + 1, maskOf('*', `sheets[${i}].data`), model.timeZone, `sheets[${i}].data`);
          }
        });
        model.active = model.sheets[0]!;
      }
    } catch (error) {
      tx.rollback();
      if (error instanceof InvalidRequest) throw apiError('spreadsheets.create', `Invalid ${error.message}`);
      throw error;
    }
    this.ctx.spreadsheets.set(id, model);
    this.ctx.fileGrants.add(id);
    return spreadsheetResource(model);
  }

  /** The spreadsheet's properties and its sheets' properties (grid data is not emulated). */
  get(spreadsheetId: string, _optionalArgs: object = {}): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    return spreadsheetResource(open(this.ctx, 'get', spreadsheetId));
  }

  /** Every subrequest in order, all or nothing: "If any request is not valid, no requests will be applied." */
  batchUpdate(resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const model = open(this.ctx, 'batchUpdate', spreadsheetId);
    // A viewer reads the file but may not change it: 403 PERMISSION_DENIED (reported wording), nothing applied.
    if (this.ctx.viewOnly?.has(model.id)) throw apiError('spreadsheets.batchUpdate', 'The caller does not have permission');
    const requests = resource?.requests ?? [];
    const tx = new Transaction(model);
    const replies: GoogleAppsScript.Sheets.Schema.Response[] = [];
    try {
      requests.forEach((request, i) => replies.push(apply(model, tx, request, `requests[${i}]`, model.timeZone)));
    } catch (error) {
      tx.rollback();
      if (error instanceof InvalidRequest) throw apiError('spreadsheets.batchUpdate', `Invalid ${error.message}`);
      throw error;
    }
    return { spreadsheetId: model.id, replies };
  }
}
countCalls(SpreadsheetsEmulation, 'Sheets.Spreadsheets');

/** The `Sheets` global an Apps Script project gets when the manifest enables the Sheets advanced service (v4). */
export class SheetsServiceEmulation {
  readonly Spreadsheets: SpreadsheetsEmulation;

  constructor(ctx: SheetsContext) {
    this.Spreadsheets = new SpreadsheetsEmulation(ctx);
  }
}
