// The Sheets add-on reads and writes each sheet with a constant number of calls, however many deals the workbook holds: Google's "read each range once, write each range in one call", measured on the emulation's call ledger.
import { DEALS, STEPS } from '../../src/core/metrics/layout';
import { openWorkbook } from './sheets-harness';

function crmReport(n: number): string {
  const lines = ['Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date'];
  for (let i = 0; i < n; i++) lines.push(`006X${String(i).padStart(11, '0')},Deal ${i},Company ${i},${10000 + i},Closed Won,1/5/2026,3/14/2026`);
  return lines.join('\n');
}

/** Service calls of each action on a workbook holding `deals` plans (40 steps each), as the export leaves it. */
function callsFor(deals: number): Record<string, Record<string, number>> {
  const wb = openWorkbook();
  wb.run('setUpMetrics');
  const fill = (name: string, width: number, rows: number, row: (i: number) => unknown[]): void => {
    const sheet = wb.spreadsheet.getSheetByName(name)!;
    // Rows added below, as an export appends them: new rows have no format yet, whatever their number.
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    sheet.getRange(2, 1, rows, width).setValues(Array.from({ length: rows }, (_, i) => row(i)));
  };
  fill(DEALS.name, 4, deals, (i) => [`doc-${i}`, `Plan ${i}`, 'Sam', `Company ${i}`]);
  fill(STEPS.name, 2, deals * 40, (i) => [`doc-${Math.floor(i / 40)}`, `step-${i}`]);
  const measure = (action: () => unknown): Record<string, number> => {
    wb.env.calls.reset();
    const t = Date.now();
    action();
    if (process.env.SHOW_TIMES) console.log(deals, Date.now() - t);
    // Growing the grid before writing past it happens at most once per sheet, when rows are added.
    const { ['Sheet.insertRowsAfter']: _grown, ...calls } = wb.env.calls.snapshot();
    return calls;
  };
  return {
    setUp: measure(() => wb.run('setUpMetrics')),
    refresh: measure(() => wb.run('refreshMetrics')),
    importReport: measure(() => wb.run('importCrmReport', { source: 'csv', fileName: 'crm.csv', text: crmReport(deals) })),
    reimport: measure(() => wb.run('importCrmReport', { source: 'csv', fileName: 'crm.csv', text: crmReport(deals) })),
    state: measure(() => wb.run('getWorkbookState')),
  };
}

test('Set up, Refresh, Import CRM report and the sidebar make the same calls for 1, 100 and 1,000 deals (40,000 step rows)', () => {
  const one = callsFor(1);
  expect(callsFor(100)).toEqual(one);
  expect(callsFor(1000)).toEqual(one);
  // One write per range: the import writes Opportunities in one setValues and one setNumberFormats.
  expect(one.importReport!['Range.setValues']).toBe(1);
  expect(one.importReport!['Range.setNumberFormats']).toBe(1);
  expect(one.refresh!['Range.setValue'] ?? 0).toBe(0);
});
