/** The JSON the preview's Sheets page and server exchange about the team workbook: sheets as the page draws them. */

export interface WorkbookCellView {
  /** What the cell shows: its value (or formula result) through its number format. */
  readonly text: string;
  readonly kind: 'empty' | 'number' | 'text' | 'boolean' | 'error';
  /** The formula, for the formula bar; "" for a value. */
  readonly formula: string;
  /** What a person edits in the formula bar: the formula, or the value as typed. */
  readonly input: string;
  readonly bold: boolean;
  /** #rrggbb, after conditional formats; null for white. */
  readonly background: string | null;
  readonly color: string | null;
  readonly align: 'left' | 'center' | 'right' | null;
  readonly note: string;
}

export interface ChartView {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** Number format of the values ("0%"), for the axis. */
  readonly format: string | null;
}

export interface SheetView {
  readonly name: string;
  readonly hidden: boolean;
  readonly frozenRows: number;
  /** Pixels per column from A. */
  readonly columnWidths: readonly number[];
  readonly rows: readonly (readonly WorkbookCellView[])[];
  /** Rows in the sheet beyond those drawn (a very long sheet is cut for the page). */
  readonly moreRows: number;
  readonly filter: boolean;
  readonly charts: readonly ChartView[];
}

/** GET /api/workbook */
export interface WorkbookView {
  readonly id: string;
  readonly name: string;
  /** Goes up with every change. */
  readonly version: number;
  readonly sheets: readonly SheetView[];
  /** Where it is saved, as the person should read it. */
  readonly file: string;
  /** The add-on's last toast, once: Sheets shows it in the corner. */
  readonly toast: { readonly serial: number; readonly title: string; readonly message: string } | null;
}

/** POST /api/sheets/edit: a person types into a cell (row and column 1-based). */
export interface CellEdit {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly text: string;
}
