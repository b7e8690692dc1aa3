// "Import CRM report" in the Sheets add-on: a Salesforce or HubSpot CSV (or a sheet it was pasted into) replaces the previous import in Opportunities, text stays text, people's notes stay with their opportunity, plans are matched.
import { DEALS, OPPORTUNITIES } from '../../src/core/metrics/layout';
import { openWorkbook, type Workbook } from './sheets-harness';

const SALESFORCE = [
  'Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date,Won,Closed',
  '0061x00000AAAAA,Globex expansion,"Globex, Inc.","$85,000.00",Closed Won,1/5/2026,3/14/2026,1,1',
  '0061x00000BBBBB,=IMPORTXML("http://x"),Initech,42000,Proposal/Price Quote,2/1/2026,6/30/2026,0,0',
  '0061x00000CCCCC,Hooli renewal,Hooli,+12000,Closed Lost,11/3/2025,2/2/2026,0,1',
].join('\n');

function column(wb: Workbook, id: (typeof OPPORTUNITIES.columns)[number]['id']): unknown[] {
  const sheet = wb.sheet('Opportunities');
  const at = sheet.values[0]!.indexOf(OPPORTUNITIES.columns.find((c) => c.id === id)!.header);
  return sheet.values.slice(1).map((row) => row[at]);
}

function setUpWithPlan(): Workbook {
  const wb = openWorkbook();
  wb.run('setUpMetrics');
  const deals = wb.spreadsheet.getSheetByName('Deals')!;
  const at = (id: string) => DEALS.columns.findIndex((c) => c.id === id) + 1;
  deals.getRange(2, at('documentId')).setValue('doc-globex');
  deals.getRange(2, at('plan')).setValue('Acme + Globex MAP');
  deals.getRange(2, at('theirCompany')).setValue('Globex');
  deals.getRange(3, at('documentId')).setValue('doc-umbrella');
  deals.getRange(3, at('plan')).setValue('Acme + Umbrella MAP');
  deals.getRange(3, at('theirCompany')).setValue('Umbrella');
  return wb;
}

describe('Import CRM report', () => {
  it('writes the report into Opportunities with real types, text kept as text, and matches the plans', () => {
    const wb = setUpWithPlan();
    const result = wb.run('importCrmReport', { source: 'csv', fileName: 'report.csv', text: SALESFORCE });
    expect(result).toEqual({
      ok: true,
      message: 'Imported 3 opportunities from report.csv (Salesforce); 1 plan matched.',
      imported: 3,
      matched: 1,
      unmatchedPlans: ['Acme + Umbrella MAP'],
    });
    expect(column(wb, 'name')).toEqual(['Globex expansion', '=IMPORTXML("http://x")', 'Hooli renewal']);
    expect(wb.sheet('Opportunities').formulas.flat().every((f) => f === '')).toBe(true);
    expect(column(wb, 'amount')).toEqual([85000, 42000, 12000]);
    expect(column(wb, 'outcome')).toEqual(['won', 'open', 'lost']);
    expect(column(wb, 'plan')).toEqual(['doc-globex', '', '']);
    expect(column(wb, 'created').every((v) => typeof v === 'number')).toBe(true);
  });

  it('replaces the previous import; a note a person typed stays with its opportunity, and a dropped one keeps its row only for the note', () => {
    const wb = setUpWithPlan();
    wb.run('importCrmReport', { source: 'csv', fileName: 'report.csv', text: SALESFORCE });
    const sheet = wb.spreadsheet.getSheetByName('Opportunities')!;
    const notesAt = OPPORTUNITIES.columns.findIndex((c) => c.id === 'notes') + 1;
    sheet.getRange(3, notesAt).setValue('Legal review stuck');
    sheet.getRange(4, notesAt).setValue('Lost on price');
    const next = [SALESFORCE.split('\n')[0], SALESFORCE.split('\n')[2], '0061x00000DDDDD,New deal,Umbrella,30000,Prospecting,3/1/2026,9/1/2026,0,0'].join('\n');
    const result = wb.run('importCrmReport', { source: 'csv', fileName: 'march.csv', text: next });
    expect(result).toMatchObject({ ok: true, imported: 2, message: 'Imported 2 opportunities from march.csv (Salesforce); 1 plan matched. 1 earlier row with your notes kept below them.' });
    expect(column(wb, 'name')).toEqual(['=IMPORTXML("http://x")', 'New deal', 'Hooli renewal']);
    expect(column(wb, 'notes')).toEqual(['Legal review stuck', '', 'Lost on price']);
    expect(wb.sheet('Opportunities').values).toHaveLength(4);
  });

  it('reads a report pasted into a sheet of its own, and refuses one of the layout\'s sheets', () => {
    const wb = setUpWithPlan();
    const pasted = wb.spreadsheet.insertSheet('Pasted');
    const rows = SALESFORCE.split('\n').map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((cell) => cell.replace(/^"|"$/g, '')));
    pasted.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows.map((row) => row.map((cell) => `'${cell}`)));
    expect(wb.run('importCrmReport', { source: 'sheet', sheetName: 'Pasted' })).toMatchObject({ ok: true, imported: 3, matched: 1 });
    expect(wb.run('importCrmReport', { source: 'sheet', sheetName: 'Deals' })).toEqual({ ok: false, message: 'Deals is one of the workbook\'s own sheets: paste the report into a sheet of its own.', problems: [] });
    expect(wb.run('importCrmReport', { source: 'nope' })).toMatchObject({ ok: false, message: 'Choose a CSV file or a sheet holding the report.' });
    expect(wb.run('importCrmReport', { source: 'csv', fileName: 'x.csv', text: 'Foo,Bar\n1,2' })).toMatchObject({ ok: false, message: expect.stringContaining('does not look like an opportunity report') });
  });

  it('Refresh matches plans exported since the import, keeps notes, and names the plans still without an opportunity', () => {
    const wb = setUpWithPlan();
    wb.run('importCrmReport', { source: 'csv', fileName: 'report.csv', text: SALESFORCE });
    const notesAt = OPPORTUNITIES.columns.findIndex((c) => c.id === 'notes') + 1;
    wb.spreadsheet.getSheetByName('Opportunities')!.getRange(4, notesAt).setValue('Lost on price');
    const deals = wb.spreadsheet.getSheetByName('Deals')!;
    const at = (id: string) => DEALS.columns.findIndex((c) => c.id === id) + 1;
    deals.getRange(4, at('documentId')).setValue('doc-hooli');
    deals.getRange(4, at('plan')).setValue('Acme + Hooli MAP');
    deals.getRange(4, at('theirCompany')).setValue('HOOLI Inc.');
    expect(wb.run('refreshMetrics').message).toBe('Metrics refreshed. 2 plans matched to the CRM report. Without an opportunity: Acme + Umbrella MAP.');
    expect(column(wb, 'plan')).toEqual(['doc-globex', '', 'doc-hooli']);
    expect(column(wb, 'matchedBy')).toEqual(['account name', '', 'account name']);
    expect(column(wb, 'notes')).toEqual(['', '', 'Lost on price']);
    expect(column(wb, 'name')).toEqual(['Globex expansion', '=IMPORTXML("http://x")', 'Hooli renewal']);
  });
});
