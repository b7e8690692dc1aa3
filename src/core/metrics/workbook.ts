/** The team workbook's data as sheets of values: the export's rows laid out in each sheet's column order under its header, for CSV files, the formula engine and the preview. */
import type { CellValue } from './cells';
import { DEALS, OPPORTUNITIES, SLIPS, STEPS, type DataSheet, type DealColumnId, type OpportunityColumnId, type Row, type SlipColumnId, type StepColumnId } from './layout';
import type { PlanRows } from './rows';

export interface WorkbookData {
  deals: Row<DealColumnId>[];
  steps: Row<StepColumnId>[];
  slips: Row<SlipColumnId>[];
  opportunities: Row<OpportunityColumnId>[];
}

/** The header row, then one row per record in the layout's column order; a person's columns are left empty. */
export function sheetValues<Id extends string>(sheet: DataSheet<Id>, rows: readonly Row<Id>[]): CellValue[][] {
  return [sheet.columns.map((c) => c.header), ...rows.map((row) => sheet.columns.map((c) => (c.owner === 'export' ? (row[c.id] ?? null) : null)))];
}

/** Every plan's rows gathered into the three plan sheets, with the CRM's opportunities. */
export function workbookData(plans: readonly PlanRows[], opportunities: readonly Row<OpportunityColumnId>[] = []): WorkbookData {
  return {
    deals: plans.map((p) => p.deal),
    steps: plans.flatMap((p) => p.steps),
    slips: plans.flatMap((p) => p.slips),
    opportunities: [...opportunities],
  };
}

/** The four data sheets as values, by sheet name. */
export function dataSheets(data: WorkbookData): Record<string, CellValue[][]> {
  return {
    [DEALS.name]: sheetValues(DEALS, data.deals),
    [STEPS.name]: sheetValues(STEPS, data.steps),
    [SLIPS.name]: sheetValues(SLIPS, data.slips),
    [OPPORTUNITIES.name]: sheetValues(OPPORTUNITIES, data.opportunities),
  };
}
