/** Emulated sheet features beyond cells: conditional format rules, embedded charts and the sheet's filter, with their builders. */
import { CallLog, countCalls } from './calls';

/** A rectangle of one sheet, 1-based, as the models keep ranges (a Range object is only a view). */
export interface GridRect {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What a Range hands the builders: its rectangle, read without a counted call. */
export interface HasRect {
  _rect(): GridRect;
  /** A new Range view on a rectangle (for getRanges()). */
  _rangeOf(rect: GridRect): GoogleAppsScript.Spreadsheet.Range;
}

function asGoogle<T>(emulated: object): T {
  return emulated as unknown as T;
}

function rectOf(range: unknown, method: string): GridRect {
  if (range === null || typeof range !== 'object' || typeof (range as Partial<HasRect>)._rect !== 'function') {
    throw new Error(`The parameters (${range === null ? 'null' : typeof range}) don't match the method signature for ${method}.`);
  }
  return (range as HasRect)._rect();
}

// ---------------------------------------------------------------------------------------------
// Conditional format rules (/apps-script/reference/spreadsheet/conditional-format-rule-builder)
// ---------------------------------------------------------------------------------------------

/** The boolean criteria the add-on uses, named as SpreadsheetApp.BooleanCriteria names them. */
export type CriteriaType =
  | 'CUSTOM_FORMULA'
  | 'NUMBER_GREATER_THAN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_EQUAL_TO'
  | 'CELL_EMPTY'
  | 'CELL_NOT_EMPTY'
  | 'TEXT_EQUAL_TO'
  | 'TEXT_CONTAINS';

/** A rule as the sheet keeps it: the ranges it covers, its condition and the format it applies. */
export interface ConditionalRuleModel {
  ranges: GridRect[];
  criteria: CriteriaType;
  values: (string | number)[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** A rule is immutable once built; getBooleanCondition() reads it back. */
export class ConditionalFormatRuleEmulation
  implements Pick<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, 'getBooleanCondition' | 'getRanges' | 'copy'>
{
  constructor(
    readonly calls: CallLog,
    readonly _model: ConditionalRuleModel,
    private readonly rangeOf: (rect: GridRect) => GoogleAppsScript.Spreadsheet.Range,
  ) {}

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._model.ranges.map((rect) => this.rangeOf(rect));
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition {
    const model = this._model;
    return asGoogle({
      getCriteriaType: () => model.criteria,
      getCriteriaValues: () => [...model.values],
      getBackground: () => model.background,
      getFontColor: () => model.fontColor,
      getBold: () => model.bold,
      getItalic: () => null,
      getStrikethrough: () => null,
      getUnderline: () => null,
    });
  }

  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asGoogle(new ConditionalFormatRuleBuilderEmulation(this.calls, this.rangeOf, structuredClone(this._model)));
  }
}
countCalls(ConditionalFormatRuleEmulation, 'ConditionalFormatRule');

function colourOrNull(color: unknown, method: string): string | null {
  if (color === null) return null;
  if (typeof color !== 'string') throw new Error(`The parameters (${typeof color}) don't match the method signature for ${method}.`);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : color.trim().toLowerCase();
}

function numberArg(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`The parameters (${typeof value}) don't match the method signature for ${method}.`);
  return value;
}

/** SpreadsheetApp.newConditionalFormatRule(): one condition (the last one set wins), a format, ranges. */
export class ConditionalFormatRuleBuilderEmulation
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      | 'build'
      | 'setBackground'
      | 'setBold'
      | 'setFontColor'
      | 'setRanges'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'whenFormulaSatisfied'
      | 'whenNumberBetween'
      | 'whenNumberEqualTo'
      | 'whenNumberGreaterThan'
      | 'whenNumberGreaterThanOrEqualTo'
      | 'whenNumberLessThan'
      | 'whenNumberLessThanOrEqualTo'
      | 'whenTextContains'
      | 'whenTextEqualTo'
    >
{
  private readonly model: ConditionalRuleModel;

  constructor(
    readonly calls: CallLog,
    private readonly rangeOf: (rect: GridRect) => GoogleAppsScript.Spreadsheet.Range,
    model?: ConditionalRuleModel,
  ) {
    this.model = model ?? { ranges: [], criteria: 'CELL_NOT_EMPTY', values: [], background: null, fontColor: null, bold: null };
  }

  private when(criteria: CriteriaType, values: (string | number)[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.model.criteria = criteria;
    this.model.values = values;
    return asGoogle(this);
  }

  /** "The formula must evaluate to true or false": it is kept as given, relative to the top-left cell of the first range. */
  whenFormulaSatisfied(formula: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    if (typeof formula !== 'string') throw new Error(`The parameters (${typeof formula}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied.`);
    return this.when('CUSTOM_FORMULA', [formula]);
  }

  whenNumberGreaterThan(n: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [numberArg(n, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberGreaterThan')]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [numberArg(n, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberGreaterThanOrEqualTo')]);
  }

  whenNumberLessThan(n: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [numberArg(n, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThan')]);
  }

  whenNumberLessThanOrEqualTo(n: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [numberArg(n, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThanOrEqualTo')]);
  }

  whenNumberEqualTo(n: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('NUMBER_EQUAL_TO', [numberArg(n, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberEqualTo')]);
  }

  whenNumberBetween(start: number, end: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    const m = 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberBetween';
    return this.when('NUMBER_BETWEEN', [numberArg(start, m), numberArg(end, m)]);
  }

  whenCellEmpty(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }

  whenTextEqualTo(text: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }

  setBackground(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.model.background = colourOrNull(color, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setBackground');
    return asGoogle(this);
  }

  setFontColor(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.model.fontColor = colourOrNull(color, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setFontColor');
    return asGoogle(this);
  }

  setBold(bold: boolean | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.model.bold = bold === null ? null : Boolean(bold);
    return asGoogle(this);
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw new Error(`The parameters (${typeof ranges}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.`);
    this.model.ranges = ranges.map((r) => rectOf(r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges'));
    return asGoogle(this);
  }

  /** A rule without ranges or without a format is refused by Sheets (unverified wording). */
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (this.model.ranges.length === 0) throw new Error('A conditional format rule needs at least one range: call setRanges first.');
    if (this.model.background === null && this.model.fontColor === null && this.model.bold === null) {
      throw new Error('A conditional format rule needs a format (a background, a font colour or bold).');
    }
    return asGoogle(new ConditionalFormatRuleEmulation(this.calls, structuredClone(this.model), this.rangeOf));
  }
}
countCalls(ConditionalFormatRuleBuilderEmulation, 'ConditionalFormatRuleBuilder');

// ---------------------------------------------------------------------------------------------
// Embedded charts (/apps-script/reference/spreadsheet/embedded-chart-builder)
// ---------------------------------------------------------------------------------------------

export type ChartKind = 'COLUMN' | 'BAR' | 'LINE' | 'PIE' | 'AREA' | 'SCATTER' | 'TABLE';

/** A chart as the sheet keeps it: its data ranges, options ("title", "vAxis.format"...) and anchor cell. */
export interface ChartModel {
  id: number;
  type: ChartKind;
  ranges: GridRect[];
  options: Record<string, unknown>;
  numHeaders: number;
  /** Series in rows rather than columns (setTransposeRowsAndColumns). */
  transpose: boolean;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** The chart placed on a sheet (or built and not yet inserted). */
export class EmbeddedChartEmulation
  implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getContainerInfo' | 'getOptions' | 'getRanges' | 'getNumHeaders' | 'modify'>
{
  constructor(
    readonly calls: CallLog,
    readonly _model: ChartModel,
    private readonly rangeOf: (rect: GridRect) => GoogleAppsScript.Spreadsheet.Range,
    private readonly inserted: boolean,
  ) {}

  /** "Returns a stable identifier for the chart that's unique across the spreadsheet ... or null if the chart is not in a spreadsheet." */
  getChartId(): number | null {
    return this.inserted ? this._model.id : null;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._model.ranges.map((rect) => this.rangeOf(rect));
  }

  getNumHeaders(): number {
    return this._model.numHeaders;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this._model.options;
    return asGoogle({ get: (key: string) => (Object.hasOwn(options, key) ? options[key] : null) });
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const m = this._model;
    return asGoogle({ getAnchorRow: () => m.anchorRow, getAnchorColumn: () => m.anchorColumn, getOffsetX: () => m.offsetX, getOffsetY: () => m.offsetY });
  }

  /** A builder on a copy: the placed chart changes only when updateChart() is called with the rebuilt chart. */
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asGoogle(new EmbeddedChartBuilderEmulation(this.calls, this.rangeOf, structuredClone(this._model)));
  }
}
countCalls(EmbeddedChartEmulation, 'EmbeddedChart');

/**
 * Sheet.newChart(): the typed builders (asColumnChart() and the like) are the same builder here;
 * their own setters (setTitle...) are options under Google's names, set with setOption.
 */
export class EmbeddedChartBuilderEmulation
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      | 'addRange'
      | 'asBarChart'
      | 'asColumnChart'
      | 'asLineChart'
      | 'asPieChart'
      | 'build'
      | 'clearRanges'
      | 'getRanges'
      | 'setNumHeaders'
      | 'setOption'
      | 'setPosition'
      | 'setTransposeRowsAndColumns'
    >
{
  private readonly model: ChartModel;

  constructor(
    readonly calls: CallLog,
    private readonly rangeOf: (rect: GridRect) => GoogleAppsScript.Spreadsheet.Range,
    model?: ChartModel,
  ) {
    this.model = model ?? { id: 0, type: 'COLUMN', ranges: [], options: {}, numHeaders: -1, transpose: false, anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
  }

  private kind<T>(type: ChartKind): T {
    this.model.type = type;
    return asGoogle<T>(this);
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.kind('COLUMN');
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.kind('BAR');
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.kind('LINE');
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.kind('PIE');
  }

  /** EmbeddedColumnChartBuilder.setTitle and friends: an option, as Google's chart options name it. */
  setTitle(title: string): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.setOption('title', String(title));
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.model.ranges.push(rectOf(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return asGoogle(this);
  }

  clearRanges(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.model.ranges = [];
    return asGoogle(this);
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.ranges.map((rect) => this.rangeOf(rect));
  }

  setTransposeRowsAndColumns(transpose: boolean): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.model.transpose = Boolean(transpose);
    return asGoogle(this);
  }

  setNumHeaders(headers: number): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.model.numHeaders = numberArg(headers, 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders');
    return asGoogle(this);
  }

  /** Options are Google Charts' configuration names ("title", "legend.position", "colors"); values are kept as given. */
  setOption(option: string, value: unknown): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    if (typeof option !== 'string') throw new Error(`The parameters (${typeof option}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setOption.`);
    this.model.options[option] = structuredClone(value);
    return asGoogle(this);
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const m = 'SpreadsheetApp.EmbeddedChartBuilder.setPosition';
    this.model.anchorRow = numberArg(anchorRowPos, m);
    this.model.anchorColumn = numberArg(anchorColPos, m);
    this.model.offsetX = numberArg(offsetX, m);
    this.model.offsetY = numberArg(offsetY, m);
    return asGoogle(this);
  }

  /** A chart with no data range cannot be drawn; Sheets refuses it when inserted (unverified wording). */
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    return asGoogle(new EmbeddedChartEmulation(this.calls, structuredClone(this.model), this.rangeOf, false));
  }
}
countCalls(EmbeddedChartBuilderEmulation, 'EmbeddedChartBuilder');

// ---------------------------------------------------------------------------------------------
// The sheet's filter (/apps-script/reference/spreadsheet/filter)
// ---------------------------------------------------------------------------------------------

/** One filter per sheet: the range it covers (header row first); criteria are not emulated. */
export class FilterEmulation implements Pick<GoogleAppsScript.Spreadsheet.Filter, 'getRange' | 'remove'> {
  constructor(
    readonly calls: CallLog,
    private readonly owner: { filter: GridRect | null },
    private readonly rangeOf: (rect: GridRect) => GoogleAppsScript.Spreadsheet.Range,
  ) {}

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    if (!this.owner.filter) throw new Error('This filter has been removed.');
    return this.rangeOf(this.owner.filter);
  }

  remove(): void {
    this.owner.filter = null;
  }
}
countCalls(FilterEmulation, 'Filter');
