/** The Sheets add-on's part of `npm run bench`: its bundle, and the service calls of Set up, Refresh and Import for workbooks of 1, 100 and 1,000 deals. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation, loadAddOn, SpreadsheetModel, type AddOn } from '../emulation';
import { DEALS, STEPS } from '../src/core/metrics/layout';

const ROOT = path.resolve(__dirname, '..');
const dist = (name: string): string => readFileSync(path.join(ROOT, 'dist', 'sheets', name), 'utf8');

export interface SheetsBenchRow {
  what: string;
  calls: number;
  ms: number;
  goal: number;
}

function crmReport(n: number): string {
  const lines = ['Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date'];
  for (let i = 0; i < n; i++) lines.push(`006X${String(i).padStart(11, '0')},Deal ${i},Company ${i},${10000 + i},Closed Won,1/5/2026,3/14/2026`);
  return lines.join('\n');
}

/** A team workbook set up, holding `deals` plans of 40 steps each, as exports leave it. */
function workbook(deals: number): { env: GoogleEmulation; addOn: AddOn } {
  const model = new SpreadsheetModel('bench', 'Team MAP metrics', 'America/New_York');
  const env = new GoogleEmulation({ now: new Date('2026-12-01T15:00:00Z'), files: { Sidebar: dist('Sidebar.html') }, spreadsheet: model });
  const addOn = loadAddOn(env, dist('Code.js'));
  addOn.runSync('setUpMetrics');
  const spreadsheet = env.spreadsheetApp._view(model);
  const fill = (name: string, width: number, rows: number, row: (i: number) => unknown[]): void => {
    const sheet = spreadsheet.getSheetByName(name)!;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    sheet.getRange(2, 1, rows, width).setValues(Array.from({ length: rows }, (_, i) => row(i)));
  };
  fill(DEALS.name, 4, deals, (i) => [`doc-${i}`, `Plan ${i}`, 'Sam', `Company ${i}`]);
  fill(STEPS.name, 2, deals * 40, (i) => [`doc-${Math.floor(i / 40)}`, `step-${i}`]);
  return { env, addOn };
}

function measured(what: string, goal: number, s: { env: GoogleEmulation; addOn: AddOn }, act: (addOn: AddOn) => unknown): SheetsBenchRow {
  s.env.calls.reset();
  const start = performance.now();
  act(s.addOn);
  return { what, calls: s.env.calls.total(), ms: performance.now() - start, goal };
}

export function sheetsSizes(): { what: string; value: number; goal: number }[] {
  return [
    { what: 'dist/sheets/Code.js (bytes)', value: Buffer.byteLength(dist('Code.js')), goal: 100 * 1024 },
    { what: 'dist/sheets/Sidebar.html (bytes)', value: Buffer.byteLength(dist('Sidebar.html')), goal: 30 * 1024 },
  ];
}

/** The same goal for every size: a constant number of calls however many deals. */
export function sheetsRows(): SheetsBenchRow[] {
  const rows: SheetsBenchRow[] = [];
  for (const deals of [1, 100, 1000]) {
    const s = workbook(deals);
    const label = `${deals.toLocaleString('en-US')} deal${deals === 1 ? '' : 's'}, ${(deals * 40).toLocaleString('en-US')} steps`;
    rows.push(measured(`Sheets: Set up MAP metrics again (${label})`, 400, s, (a) => a.runSync('setUpMetrics')));
    rows.push(measured(`Sheets: Refresh metrics (${label})`, 300, s, (a) => a.runSync('refreshMetrics')));
    rows.push(measured(`Sheets: Import CRM report (${deals.toLocaleString('en-US')} opportunities)`, 40, s, (a) => a.runSync('importCrmReport', { source: 'csv', fileName: 'crm.csv', text: crmReport(deals) })));
    rows.push(measured(`Sheets: sidebar summary (${label})`, 30, s, (a) => a.runSync('getWorkbookState')));
  }
  return rows;
}
