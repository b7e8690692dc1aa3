/** The team workbook through the Sheets advanced service (the Sheets API): creating it with its sheets and header rows, and running an export's calls. */
import { UserError } from '../core/errors';
import type { CallAnswer, SheetsCall } from '../core/export/export-plan';
import { headerCell } from '../core/export/sheet-rows';
import { DATA_SHEETS } from '../core/metrics/layout';

/** The Sheets service, or a clear failure when the project was deployed without it (the manifest enables it). */
function sheetsService(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new UserError('The add-on cannot reach Google Sheets (its Sheets service is not enabled in this deployment).');
  }
  return Sheets;
}

/** Google's error text without the advanced service's wrapper ("API call to sheets.… failed with error: "). */
export function sheetsMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw.replace(/^.*?failed with error:\s*/, '');
}

/** Makes one of an export's calls: an answer or Google's failure message, never a throw. */
export function sheetsCaller(spreadsheetId: string): (call: SheetsCall) => CallAnswer {
  const api = sheetsService();
  return (call) => {
    try {
      switch (call.kind) {
        case 'batchUpdate':
          return { ok: true, value: api.Spreadsheets!.batchUpdate({ requests: call.requests }, spreadsheetId) };
        case 'get':
          return { ok: true, value: api.Spreadsheets!.get(spreadsheetId, { fields: 'sheets.properties' }) };
        case 'batchGet':
          return { ok: true, value: api.Spreadsheets!.Values!.batchGet(spreadsheetId, { ranges: call.ranges, valueRenderOption: 'UNFORMATTED_VALUE' }) };
        case 'sleep':
          Utilities.sleep(call.ms);
          return { ok: true, value: null };
      }
    } catch (error) {
      return { ok: false, message: sheetsMessage(error) };
    }
  };
}

/** The workbook's name and address as Sheets gives them. */
export interface CreatedWorkbook {
  id: string;
  name: string;
  url: string;
}

/**
 * Creates the team workbook in the person's Drive with the data sheets the export writes, each
 * with its bold, frozen, filterable header row (one call). Under drive.file the add-on may use
 * it from then on; the Metrics sheet is added by the Sheets add-on's "Set up MAP metrics".
 */
export function createWorkbook(name: string): CreatedWorkbook {
  const api = sheetsService();
  const created = api.Spreadsheets!.create({
    properties: { title: name },
    sheets: DATA_SHEETS.map((sheet, i) => ({
      properties: { sheetId: i, title: sheet.name, gridProperties: { rowCount: 1000, columnCount: Math.max(26, sheet.columns.length), frozenRowCount: 1 } },
      data: [{ startRow: 0, startColumn: 0, rowData: [{ values: sheet.columns.map((column) => headerCell(column)) }] }],
      basicFilter: { range: { sheetId: i, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: sheet.columns.length } },
    })),
  });
  const id = created.spreadsheetId ?? '';
  return { id, name: created.properties?.title ?? name, url: created.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit` };
}

/** A workbook the person picked: its name, which also proves the add-on may open it. */
export function workbookName(spreadsheetId: string): string {
  try {
    return sheetsService().Spreadsheets!.get(spreadsheetId, { fields: 'properties.title' }).properties?.title ?? 'Team workbook';
  } catch (error) {
    throw new UserError(`That workbook cannot be opened by the add-on (${sheetsMessage(error)}). Choose it again with "Choose a workbook".`);
  }
}
