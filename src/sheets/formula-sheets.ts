/** The sheets the add-on owns outright (Metrics, Step kinds), from the metrics core, with the cells people may change in them. */
import type { GridSheet } from '../core/metrics/grid';
import { SHEET_ORDER } from '../core/metrics/layout';
import { AS_OF, DEAL_SIZE, metricsSheet, stepKindsSheet } from '../core/metrics/metrics-sheet';

export interface FormulaSheet {
  grid: GridSheet;
  /** Tab position when created. */
  index: number;
  /** Cells a person may set ("As of", the deal size the adoption rate counts from): never overwritten, only restored when emptied. */
  inputs: string[];
}

export function formulaSheets(): FormulaSheet[] {
  const at = (name: string): number => SHEET_ORDER.indexOf(name as (typeof SHEET_ORDER)[number]);
  const metrics = metricsSheet();
  const kinds = stepKindsSheet();
  return [
    { grid: metrics, index: at(metrics.name), inputs: [AS_OF, DEAL_SIZE] },
    { grid: kinds, index: at(kinds.name), inputs: [] },
  ];
}
