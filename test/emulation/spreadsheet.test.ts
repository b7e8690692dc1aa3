// Behaviour of the emulated SpreadsheetApp: files, sheets, ranges, Google's shape checks, and Sheets reading typed text.
import { CallLog } from '../../emulation/calls';
import { AuthGate } from '../../emulation/session';
import { FORMULA_STAND_IN, SpreadsheetAppEmulation, type SheetEmulation, type SpreadsheetModel } from '../../emulation/spreadsheet';

function spreadsheetApp(mode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL') {
  const calls = new CallLog();
  const auth = new AuthGate();
  auth.mode = mode;
  const files = new Map<string, SpreadsheetModel>();
  const app = new SpreadsheetAppEmulation({ calls, auth, timeZone: 'America/New_York', spreadsheets: files });
  return { calls, auth, files, app };
}

function newSheet() {
  const env = spreadsheetApp();
  const spreadsheet = env.app.create('MAP export');
  return { ...env, spreadsheet, sheet: spreadsheet.getActiveSheet() };
}

describe('SpreadsheetApp files', () => {
  it('creates a spreadsheet with one empty "Sheet1" and reopens it by id', () => {
    const { app } = spreadsheetApp();
    const created = app.create('MAP export');
    expect(created.getName()).toBe('MAP export');
    expect(created.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${created.getId()}/edit`);
    expect(created.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const reopened = app.openById(created.getId());
    expect(reopened).toBe(created);
    expect(app._all()).toHaveLength(1);
  });

  it('fails openById on an unknown id the way Apps Script reports it', () => {
    const { app } = spreadsheetApp();
    expect(() => app.openById('nope')).toThrow('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  });

  it('needs full authorization and the spreadsheets scope', () => {
    const { app } = spreadsheetApp('LIMITED');
    expect(() => app.create('x')).toThrow(
      'You do not have permission to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('inserts sheets that become active, names them, and refuses duplicate names', () => {
    const { spreadsheet } = newSheet();
    const steps = spreadsheet.insertSheet('Steps');
    expect(spreadsheet.getActiveSheet().getName()).toBe('Steps');
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet3');
    expect(spreadsheet.getSheetByName('Steps')).toBe(steps);
    expect(spreadsheet.getSheetByName('Missing')).toBeNull();
    expect(() => spreadsheet.insertSheet('steps')).toThrow('A sheet with the name "steps" already exists. Please enter another name.');
    expect(spreadsheet.insertSheet('First', 0).getName()).toBe('First');
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Steps', 'Sheet3']);
  });
});

describe('Range values', () => {
  it('writes and reads a block, with empty cells as ""', () => {
    const { sheet } = newSheet();
    const range = sheet.getRange(1, 1, 2, 3);
    range.setValues([
      ['#', 'Action', 'Owner'],
      [1, 'Kick-off', ''],
    ]);
    expect(range.getA1Notation()).toBe('A1:C2');
    expect(range.getValues()).toEqual([
      ['#', 'Action', 'Owner'],
      [1, 'Kick-off', ''],
    ]);
    expect(sheet.getRange('B2').getValue()).toBe('Kick-off');
    expect(sheet.getRange('A1:C3').getValues()[2]).toEqual(['', '', '']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
  });

  it('requires setValues data to match the range exactly, with Google messages', () => {
    const { sheet } = newSheet();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() => range.setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([['a', 'b'], ['c'], ['d', 'e']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setBackgrounds([['#ffffff']])).toThrow('The number of rows in the data does not match');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('turns text starting with "=" into a formula: getFormulas shows it, getValues shows a stand-in', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1:B1').setValues([['=Acme + Globex', 'plain']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=Acme + Globex', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[FORMULA_STAND_IN, 'plain']]);
    sheet.getRange('C1').setValue('=SUM(1,2)');
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(1,2)');
  });

  it('reads "+" or "-" text that is not a number as a formula too', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1:A3').setValues([['+1 555 0100'], ['- confirm owner'], ['-12.5']]);
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([['=+1 555 0100'], ['=- confirm owner'], ['']]);
    expect(sheet.getRange('A3').getValue()).toBe(-12.5);
  });

  it('keeps text as text behind an apostrophe or under the plain-text format "@"', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1').setValue("'=not a formula");
    sheet.getRange('A2:B2').setNumberFormat('@').setValues([['=still text', '0042']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['=not a formula', ''],
      ['=still text', '0042'],
    ]);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('reads numbers, percentages, TRUE/FALSE and dates out of text, as typing into a cell does', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1:F1').setValues([['0042', '12%', 'TRUE', '2026-03-05', '3/5/2026', 'Mar 5, 2026']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row!.slice(0, 3)).toEqual([42, 0.12, true]);
    // A typed date is midnight in the spreadsheet's time zone (New York: UTC-5 in March).
    for (const cell of row!.slice(3)) expect(cell).toEqual(new Date('2026-03-05T05:00:00.000Z'));
    expect(sheet.getRange('D1').getDisplayValues()).toEqual([['3/5/2026']]);
  });

  it('stores Date, number and boolean values as given, and null as empty', () => {
    const { sheet } = newSheet();
    const when = new Date('2026-01-02T03:04:05Z');
    sheet.getRange('A1:D1').setValues([[when, 3.5, false, null]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row).toEqual([when, 3.5, false, '']);
    expect(row![0]).not.toBe(when);
  });

  it('refuses objects in cells rather than storing "[object Object]"', () => {
    const { sheet } = newSheet();
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow('Cannot write a value of type object into a cell');
  });

  it('sets one value into every cell of a bigger range', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('Range formats', () => {
  it('sets and reads backgrounds, normalised to lower-case #rrggbb, white by default', () => {
    const { sheet } = newSheet();
    const range = sheet.getRange(1, 1, 1, 3);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff', '#ffffff']]);
    range.setBackgrounds([['#ABC', '#D9EAD3', null]]);
    expect(range.getBackgrounds()).toEqual([['#aabbcc', '#d9ead3', '#ffffff']]);
    sheet.getRange('A2').setBackground('#FF0000');
    expect(sheet.getRange('A2').getBackground()).toBe('#ff0000');
  });

  it('sets font weights and number formats per cell', () => {
    const { sheet } = newSheet();
    sheet.getRange('A1:B1').setFontWeights([['bold', null]]).setNumberFormats([['@', 'yyyy-mm-dd']]);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'normal']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['@', 'yyyy-mm-dd']]);
    sheet.getRange('A2:B2').setFontWeight('bold');
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
    expect(() => sheet.getRange('A3').setFontWeight('heavy' as GoogleAppsScript.Spreadsheet.FontWeight)).toThrow("don't match the method signature");
  });

  it('records frozen rows and auto-resized columns; clear() removes contents and formats', () => {
    const { sheet, spreadsheet } = newSheet();
    sheet.getRange('A1').setValue('Action').setBackground('#000000');
    sheet.setFrozenRows(1);
    sheet.autoResizeColumns(1, 2);
    const view = spreadsheet.getActiveSheet() as unknown as SheetEmulation;
    expect(view._dump()).toMatchObject({ frozenRows: 1, autoResizedColumns: [1, 2], values: [['Action']], backgrounds: [['#000000']] });
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });
});

describe('Range coordinates', () => {
  it('rejects ranges that start before the sheet or go past it', () => {
    const { sheet } = newSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1:ZZ2')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('reads A1 notation with a sheet name on the spreadsheet', () => {
    const { spreadsheet } = newSheet();
    spreadsheet.insertSheet("Bo's plan");
    const range = spreadsheet.getRange("'Bo''s plan'!B2:C4");
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 2, 3, 2]);
    expect(range.getSheet().getName()).toBe("Bo's plan");
  });
});

describe('call ledger', () => {
  it('counts one batched write as one call, however many cells it fills', () => {
    const { sheet, calls } = newSheet();
    calls.reset();
    sheet.getRange(1, 1, 50, 6).setValues(Array.from({ length: 50 }, () => ['a', 'b', 'c', 'd', 'e', 'f']));
    expect(calls.snapshot()).toEqual({ 'Range.setValues': 1, 'Sheet.getRange': 1 });
  });
});

describe('the used extent (getLastRow, getLastColumn)', () => {
  it('follows every kind of change (it is kept between changes, so a loop asking it per row stays linear)', () => {
    const { sheet } = newSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange(1, 1, 3, 2).setValues([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.getRange('C7').setFormulas([['=A1']]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    sheet.getRange('C7').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.insertRowsAfter(1, 4);
    expect(sheet.getLastRow()).toBe(7);
    sheet.getRange('A1:B7').clear();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
  });
});
