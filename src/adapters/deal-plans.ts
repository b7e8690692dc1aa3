/** The plans the Deals sheet lists, as the CRM matching needs them (document id, CRM id, company, title, start), read in one call. */
import type { PlanToMatch } from '../core/metrics/match';
import { DEALS } from '../core/metrics/layout';
import { repairHeaders } from '../core/metrics/sheet-repair';
import { readSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function text(value: unknown): string | null {
  const s = value === null || value === undefined ? '' : String(value).trim();
  return s === '' ? null : s;
}

export function dealPlans(spreadsheet: Spreadsheet): PlanToMatch[] {
  const sheet = spreadsheet.getSheetByName(DEALS.name);
  if (!sheet) return [];
  const contents = readSheet(sheet);
  if (contents.numRows < 2) return [];
  const at = repairHeaders(DEALS, contents.values[0] ?? []).positions;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return contents.values.slice(1).flatMap((row): PlanToMatch[] => {
    const documentId = text(row[at.documentId]);
    if (!documentId) return [];
    const started: unknown = row[at.planStarted];
    return [{
      documentId,
      crm: text(row[at.crmId]),
      theirCompany: text(row[at.theirCompany]),
      title: text(row[at.plan]),
      started: Object.prototype.toString.call(started) === '[object Date]' ? Utilities.formatDate(started as Date, timeZone, 'yyyy-MM-dd') : null,
    }];
  });
}
