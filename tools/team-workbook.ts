/** A team workbook grown to a given size (deals, their steps and slips), for the export's call-count test and the benchmark: rows put straight into the emulated model, uncounted. */
import type { SpreadsheetModel } from '../emulation/spreadsheet';
import { emptyCell } from '../emulation/spreadsheet';
import { DEALS, SLIPS, STEPS, type DataSheet } from '../src/core/metrics/layout';

function fill(book: SpreadsheetModel, sheet: DataSheet, rows: Record<string, string | number>[]): void {
  const model = book.sheets.find((s) => s.name === sheet.name);
  if (!model) throw new Error(`No ${sheet.name} sheet to fill`);
  const columns = sheet.columns.map((c, i) => [c.id, i + 1] as const);
  const start = model.lastRow() + 1;
  model.maxRows = Math.max(model.maxRows, start + rows.length + 100);
  rows.forEach((row, r) => {
    for (const [id, column] of columns) {
      const value = row[id];
      if (value !== undefined) model.put(start + r, column, { ...emptyCell(), value });
    }
  });
}

/** Adds `deals` other sellers' plans with `stepsPerDeal` steps and one slip each to a workbook the add-on created. */
export function growTeamWorkbook(book: SpreadsheetModel, deals: number, stepsPerDeal: number): void {
  const dealRows: Record<string, string | number>[] = [];
  const stepRows: Record<string, string | number>[] = [];
  const slipRows: Record<string, string | number>[] = [];
  for (let d = 0; d < deals; d++) {
    const documentId = `other-plan-${d}`;
    dealRows.push({ documentId, plan: `Plan ${d}`, theirCompany: `Company ${d}`, stepsTotal: stepsPerDeal, value: 50_000 + d });
    for (let s = 0; s < stepsPerDeal; s++) {
      stepRows.push({ documentId, stepKey: `step-${s}`, action: `Step ${s + 1} of plan ${d}` });
    }
    slipRows.push({ documentId, slipId: `slip-${d}`, stepKey: 'step-0', theirCompany: `Company ${d}` });
  }
  fill(book, DEALS, dealRows);
  fill(book, STEPS, stepRows);
  fill(book, SLIPS, slipRows);
}
