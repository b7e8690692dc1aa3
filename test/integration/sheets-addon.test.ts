// The Sheets add-on in the team workbook: its menu under AuthMode.NONE, "Set up MAP metrics" creating and repairing the layout without touching data, the sidebar's summary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEALS, OPPORTUNITIES, SHEET_ORDER, STEPS, headers } from '../../src/core/metrics/layout';
import { metricCell, metricsSheet } from '../../src/core/metrics/metrics-sheet';
import { openWorkbook } from './sheets-harness';

describe('the Sheets add-on', () => {
  it('builds its menu under AuthMode.NONE without reaching the spreadsheet', () => {
    const wb = openWorkbook();
    wb.addOn.trigger('onOpen', { authMode: 'NONE' });
    const [menu] = wb.env.ui._menus();
    expect(menu?.items.map((item) => (item === 'separator' ? '-' : 'caption' in item ? item.caption : item.subMenu))).toEqual([
      'Set up MAP metrics',
      'Refresh metrics',
      'Import CRM report',
      'About this workbook',
    ]);
  });

  it('declares only the current spreadsheet and the container UI as scopes', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'dist', 'sheets', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('sets up every sheet with its header row, frozen and filterable, and says what it created', () => {
    const wb = openWorkbook();
    wb.addOn.trigger('onOpen', { authMode: 'LIMITED' });
    wb.addOn.clickMenuItem('Set up MAP metrics');
    for (const name of SHEET_ORDER.filter((n) => n !== 'Step kinds')) expect(wb.sheetNames()).toContain(name);
    const deals = wb.sheet(DEALS.name);
    expect(deals.values[0]).toEqual(headers(DEALS));
    expect(deals.frozenRows).toBe(1);
    expect(deals.filter).toMatchObject({ row: 1, column: 1, numColumns: DEALS.columns.length });
    expect(deals.fontWeights[0]?.every((w) => w === 'bold')).toBe(true);
    expect(wb.lastToast()).toMatch(/^Created Deals, Steps, Slips, Opportunities/);
  });

  it('repairs a deleted header and a missing sheet without touching the rows people and exports wrote', () => {
    const wb = openWorkbook();
    wb.run('setUpMetrics');
    const deals = wb.spreadsheet.getSheetByName('Deals')!;
    deals.getRange(2, 1, 2, 3).setValues([['doc-1', 'Globex MAP', 'Sam'], ['doc-2', 'Initech MAP', 'Ana']]);
    deals.getRange(1, 3).setValue('');
    deals.getRange(2, DEALS.columns.length).setValue('call the CFO');
    wb.spreadsheet.deleteSheet(wb.spreadsheet.getSheetByName('Steps')!);
    const result = wb.run('setUpMetrics');
    expect(result.message).toBe('Created Steps. Restored Deals: Seller. Rows already in the workbook were left as they were.');
    const after = wb.sheet('Deals');
    expect(after.values[0]).toEqual(headers(DEALS));
    expect(after.values.slice(1).map((row) => row.slice(0, 3))).toEqual([['doc-1', 'Globex MAP', 'Sam'], ['doc-2', 'Initech MAP', 'Ana']]);
    expect(after.values[1]?.[DEALS.columns.length - 1]).toBe('call the CFO');
    expect(wb.sheet('Steps').values[0]).toEqual(headers(STEPS));
    expect(wb.run('setUpMetrics').message).toBe('The workbook is set up: every sheet, header and formula is in place.');
  });

  it('keeps a column a person added and moved headers where they are', () => {
    const wb = openWorkbook();
    wb.run('setUpMetrics');
    const opportunities = wb.spreadsheet.getSheetByName('Opportunities')!;
    const width = OPPORTUNITIES.columns.length;
    opportunities.getRange(1, width + 1).setValue('Region');
    opportunities.getRange(2, width + 1).setValue('EMEA');
    wb.run('setUpMetrics');
    const after = wb.sheet('Opportunities');
    expect(after.values[0]?.[width]).toBe('Region');
    expect(after.values[1]?.[width]).toBe('EMEA');
  });

  it('tells the sidebar what the workbook holds', () => {
    const wb = openWorkbook();
    expect(wb.run('getWorkbookState')).toMatchObject({ name: 'Team MAP metrics', setUp: false, counts: { plans: 0 }, lastExport: null, otherSheets: ['Sheet1'] });
    wb.run('setUpMetrics');
    const deals = wb.spreadsheet.getSheetByName('Deals')!;
    const exportedOn = DEALS.columns.findIndex((c) => c.id === 'exportedOn') + 1;
    deals.getRange(2, 1, 2, 1).setValues([['doc-1'], ['doc-2']]);
    deals.getRange(2, exportedOn, 2, 1).setValues([['2026-11-20'], ['2026-11-28']]);
    expect(wb.run('getWorkbookState')).toMatchObject({ setUp: true, missing: [], counts: { plans: 2, steps: 0 }, lastExport: '2026-11-28' });
  });

  it('opens its sidebar from the menu', () => {
    const wb = openWorkbook();
    wb.addOn.trigger('onOpen', { authMode: 'LIMITED' });
    wb.addOn.clickMenuItem('About this workbook');
    expect(wb.env.ui._sidebar()?.html).toContain('data-initial-view="about"');
  });
});

describe('the Metrics sheet in the workbook', () => {
  it('is written from the metrics core: formulas, conditional colours and the four charts', () => {
    const wb = openWorkbook();
    wb.run('setUpMetrics');
    const metrics = wb.sheet('Metrics');
    const spec = metricsSheet();
    spec.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell?.formula !== undefined) expect(metrics.formulas[r]?.[c]).toBe(cell.formula);
    }));
    expect(metrics.charts.map((chart) => chart.options.title)).toEqual(spec.charts.map((chart) => chart.title));
    expect(metrics.conditionalRules).toHaveLength(spec.rules.length);
    expect(metrics.frozenRows).toBe(spec.frozenRows);
  });

  it('gives every formula cell a number format Sheets computes in, never plain text: the slip ranking too', () => {
    const wb = openWorkbook();
    wb.run('setUpMetrics');
    const metrics = wb.sheet('Metrics');
    const slipRow = Number(/\d+$/.exec(metricCell('slipMost'))![0]);
    // To date and the four quarters: automatic (Sheets' "0.###############"), as a formula must be.
    expect(metrics.numberFormats[slipRow - 1]!.slice(4, 9)).toEqual(Array(5).fill('0.###############'));
    metrics.formulas.forEach((row, r) => row.forEach((f, c) => {
      if (f !== '') expect([r + 1, c + 1, metrics.numberFormats[r]![c]]).not.toEqual([r + 1, c + 1, '@']);
    }));
  });

  it('Refresh restores a deleted formula, keeps the "As of" a person typed, and leaves their own chart alone', () => {
    const wb = openWorkbook();
    wb.run('setUpMetrics');
    const sheet = wb.spreadsheet.getSheetByName('Metrics')!;
    const spec = metricsSheet();
    const r = spec.rows.findIndex((row) => row[4]?.formula !== undefined && row[0]?.value !== undefined);
    sheet.getRange(r + 1, 5).setValue('');
    sheet.getRange('B2').setValue('2026-06-30');
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B3')).setOption('title', 'My own chart').build());
    expect(wb.run('refreshMetrics').message).toBe('Metrics refreshed. 1 formula or label restored.');
    const after = wb.sheet('Metrics');
    expect(after.formulas[r]?.[4]).toBe(spec.rows[r]?.[4]?.formula);
    expect(after.formulas[1]?.[1]).toBe('');
    expect(Object.prototype.toString.call(after.values[1]?.[1])).toBe('[object Date]');
    expect(after.charts.map((chart) => chart.options.title)).toContain('My own chart');
    expect(after.charts).toHaveLength(spec.charts.length + 1);
  });
});
