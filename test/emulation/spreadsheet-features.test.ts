// Behaviour of the emulated sheet features a Sheets add-on uses: the active spreadsheet and its Ui, filters, conditional format rules, charts, hidden sheets, growing the grid, notes, toasts.
import { GoogleEmulation, SpreadsheetModel } from '../../emulation';

function sheetsEnvironment() {
  const model = new SpreadsheetModel('wb', 'Team MAP metrics', 'America/New_York');
  const env = new GoogleEmulation({ spreadsheet: model });
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  return { env, model, spreadsheet, sheet: spreadsheet.getActiveSheet() };
}

describe('the active spreadsheet of a Sheets add-on', () => {
  it('is the container, reached from AuthMode.LIMITED up, and is null in a Docs add-on', () => {
    const { env, model } = sheetsEnvironment();
    expect(env.spreadsheetApp.getActiveSpreadsheet().getId()).toBe(model.id);
    env.auth.mode = 'NONE';
    expect(() => env.spreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.');
    env.auth.mode = 'FULL';
    expect(new GoogleEmulation().spreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });

  it('gives Sheets its Ui; a Docs add-on cannot call SpreadsheetApp.getUi()', () => {
    const { env } = sheetsEnvironment();
    expect(env.spreadsheetApp.getUi()).toBe(env.ui);
    expect(() => new GoogleEmulation().spreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('keeps toasts, counted as calls', () => {
    const { env, model, spreadsheet } = sheetsEnvironment();
    spreadsheet.toast('Metrics refreshed.', 'Mutual Action Plan', 10);
    expect(model.toasts).toEqual([{ message: 'Metrics refreshed.', title: 'Mutual Action Plan', timeoutSeconds: 10 }]);
    expect(env.calls.count('Spreadsheet.toast')).toBe(1);
  });
});

describe('sheet features', () => {
  it('allows one filter per sheet', () => {
    const { sheet } = sheetsEnvironment();
    const filter = sheet.getRange('A1:C10').createFilter();
    expect(filter.getRange().getA1Notation()).toBe('A1:C10');
    expect(sheet.getFilter()).not.toBeNull();
    expect(() => sheet.getRange('E1:F2').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('replaces every conditional format rule with setConditionalFormatRules', () => {
    const { env, sheet } = sheetsEnvironment();
    const rule = (formula: string, a1: string) => env.spreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground('#D9EAD3').setRanges([sheet.getRange(a1)]).build();
    sheet.setConditionalFormatRules([rule('=B2>=0.6', 'B2:B5'), rule('=C2>0', 'C2')]);
    sheet.setConditionalFormatRules([rule('=B2<0.6', 'B2:B5')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=B2<0.6']);
    expect(rules[0]!.getBooleanCondition()!.getBackground()).toBe('#d9ead3');
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B5']);
    expect(() => env.spreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#fff').build()).toThrow('needs at least one range');
  });

  it('inserts charts with an id, updates and removes them by it', () => {
    const { sheet } = sheetsEnvironment();
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B5')).setOption('title', 'Win rate').setPosition(3, 4, 0, 0).build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [placed] = sheet.getCharts();
    expect(placed!.getChartId()).toBe(1);
    expect(placed!.getContainerInfo().getAnchorRow()).toBe(3);
    sheet.updateChart(placed!.modify().setOption('title', 'Win rate with vs without a MAP').build());
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Win rate with vs without a MAP');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.insertChart(sheet.newChart().build())).toThrow('The chart has no data');
  });

  it('hides a sheet but never the last visible one', () => {
    const { spreadsheet, sheet } = sheetsEnvironment();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const other = spreadsheet.insertSheet('Step kinds');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheetByName('Sheet1')!)).not.toThrow();
    expect(() => spreadsheet.deleteSheet(other)).toThrow("You can't remove all the sheets in a document.");
  });

  it('grows the grid with insertRowsAfter; writing past it fails as on Google', () => {
    const { sheet } = sheetsEnvironment();
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    expect(sheet.getMaxRows()).toBe(1500);
    sheet.getRange(1000, 1, 2, 1).setValues([['a'], ['b']]);
    expect(sheet.getLastRow()).toBe(1001);
  });

  it('keeps notes and clears content without formats', () => {
    const { sheet } = sheetsEnvironment();
    const range = sheet.getRange('A1:B1');
    range.setNotes([['the key', null]]).setNumberFormat('0%').setValues([[0.5, '=A1*2']]);
    expect(range.getNotes()).toEqual([['the key', '']]);
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(range.getNumberFormats()).toEqual([['0%', '0%']]);
  });
});
