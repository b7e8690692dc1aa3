/** The opportunities already in the Opportunities sheet, read back in one call, so Refresh can match them to the plans again. */
import type { Opportunity, OpportunityOutcome, ReportSource } from '../core/metrics/crm-report';
import { OPPORTUNITIES } from '../core/metrics/layout';
import { repairHeaders } from '../core/metrics/sheet-repair';
import { readSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OUTCOMES: readonly OpportunityOutcome[] = ['open', 'won', 'lost'];
const SOURCES: readonly ReportSource[] = ['Salesforce', 'HubSpot', 'CSV'];

export function readOpportunities(spreadsheet: Spreadsheet): Opportunity[] {
  const sheet = spreadsheet.getSheetByName(OPPORTUNITIES.name);
  if (!sheet) return [];
  const contents = readSheet(sheet);
  if (contents.numRows < 2) return [];
  const at = repairHeaders(OPPORTUNITIES, contents.values[0] ?? []).positions;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const text = (row: unknown[], id: keyof typeof at): string => String(row[at[id]] ?? '').trim();
  const date = (row: unknown[], id: keyof typeof at): string | null => {
    const v: unknown = row[at[id]];
    return Object.prototype.toString.call(v) === '[object Date]' ? Utilities.formatDate(v as Date, timeZone, 'yyyy-MM-dd') : null;
  };
  return contents.values.slice(1).flatMap((row): Opportunity[] => {
    const id = text(row, 'opportunityId');
    if (id === '') return [];
    const amount: unknown = row[at.amount];
    const outcome = text(row, 'outcome').toLowerCase() as OpportunityOutcome;
    const source = text(row, 'source') as ReportSource;
    return [{
      id,
      name: text(row, 'name'),
      account: text(row, 'account'),
      amount: typeof amount === 'number' ? amount : null,
      currency: text(row, 'currency') || null,
      stage: text(row, 'stage'),
      pastDemo: text(row, 'pastDemo').toLowerCase() === 'yes',
      created: date(row, 'created'),
      closeDate: date(row, 'closeDate'),
      outcome: OUTCOMES.includes(outcome) ? outcome : 'open',
      source: SOURCES.includes(source) ? source : 'CSV',
      plan: null,
      matchedBy: null,
    }];
  });
}
