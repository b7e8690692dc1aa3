/** A computed sheet as plain data (cells with text, numbers or formulas, formats, conditional colours, charts) for the adapters to write and the tests to evaluate. */

/**
 * One cell. `value` is a constant (a string is text, written so it stays text); `formula` starts
 * with "=" and is written as a formula. Only functions Google Sheets and HyperFormula both
 * evaluate are used (the tests run every formula through HyperFormula).
 */
export interface GridCell {
  value?: string | number;
  formula?: string;
  /** A Google Sheets number format pattern. */
  format?: string;
  bold?: boolean;
  /** Grey text for hints and helper cells. */
  muted?: boolean;
  /** A note on the cell (shown on hover in Sheets). */
  note?: string;
}

/** A colour rule: where the formula (written for the range's top-left cell, relative references move with each cell) is true, the cell gets these colours. */
export interface ConditionalRule {
  range: string;
  formula: string;
  background: string;
  fontColor: string;
}

/** A chart as the adapters create it: series in rows of the sheet, over the domain's labels. */
export interface ChartSpec {
  id: string;
  type: 'COLUMN' | 'BAR' | 'LINE';
  title: string;
  /** The labels, e.g. the quarters (sheet-qualified A1 range). */
  domain: string;
  series: { label: string; range: string }[];
  /** Values are fractions to show as percentages. */
  percent: boolean;
  /** Where its top-left corner goes: 1-based row and column on the sheet that holds it. */
  anchor: { row: number; column: number };
}

export interface GridSheet {
  name: string;
  /** Row by row from A1; null is an empty cell. */
  rows: (GridCell | null)[][];
  frozenRows: number;
  /** Pixels per column from A; absent columns keep their width. */
  columnWidths: number[];
  rules: ConditionalRule[];
  charts: ChartSpec[];
  hidden: boolean;
}

/** Sheets' own palette: light green 3 / dark green 2, light red 3 / dark red 2. */
export const GOOD = { background: '#d9ead3', fontColor: '#274e13' } as const;
export const BAD = { background: '#f4cccc', fontColor: '#990000' } as const;

export function text(value: string, extra: Omit<GridCell, 'value' | 'formula'> = {}): GridCell {
  return { value, ...extra };
}

export function formula(f: string, extra: Omit<GridCell, 'value' | 'formula'> = {}): GridCell {
  return { formula: f.startsWith('=') ? f : `=${f}`, ...extra };
}

/** A string literal inside a formula: quotes doubled. */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
