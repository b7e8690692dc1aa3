// Cell values: dates as spreadsheet serials, and text kept as text by every writer (Sheets API, SpreadsheetApp, CSV).
import { apiValue, csvText, enteredValue, fromSerial, toSerial } from '../../../src/core/metrics/cells';
import { columnLetter, DATA_SHEETS, DEALS, exportColumns, headers, letterOf, quoteSheet, wholeColumn } from '../../../src/core/metrics/layout';

test('dates are serial numbers as Sheets counts them', () => {
  expect(toSerial('1899-12-30')).toBe(0);
  expect(toSerial('1900-03-01')).toBe(61);
  expect(toSerial('2026-01-01')).toBe(46023);
  expect(fromSerial(46023)).toBe('2026-01-01');
  expect(fromSerial(46023.75)).toBe('2026-01-01');
});

const HOSTILE = ['=IMPORTXML("http://x")', '+1', '-2', '@sum', '\tx', '=1+1'];

test.each(HOSTILE)('%j stays text in the Sheets API, SpreadsheetApp and CSV', (text) => {
  expect(apiValue(text)).toEqual({ stringValue: text });
  expect(enteredValue(text)).toBe(`'${text}`);
  expect(csvText(text)).toBe(`'${text}`);
  expect(csvText({ text: 'x', url: text })).toBe(`'${text}`);
});

test('plain text, numbers, dates and links', () => {
  expect(csvText('Security review')).toBe('Security review');
  expect(csvText(-3)).toBe('-3');
  expect(csvText({ date: '2026-03-02' })).toBe('2026-03-02');
  expect(csvText(null)).toBe('');
  expect(apiValue(85000)).toEqual({ numberValue: 85000 });
  expect(apiValue({ date: '2026-01-01' })).toEqual({ numberValue: 46023 });
  expect(apiValue({ text: 'Plan', url: 'https://d' })).toEqual({ stringValue: 'Plan' });
  expect(apiValue(null)).toEqual({});
  expect(enteredValue('3/14')).toBe("'3/14");
  expect(enteredValue({ date: '2026-01-01' })).toBe(46023);
  expect(enteredValue(NaN)).toBe('');
});

test('layout: unique headers per sheet, keys among the export columns, letters and whole columns', () => {
  for (const sheet of DATA_SHEETS) {
    expect(new Set(headers(sheet)).size).toBe(sheet.columns.length);
    const own = exportColumns(sheet).map((c) => c.id as string);
    for (const key of sheet.key) expect(own).toContain(key);
    // Person columns come after the export's, so the export writes one block.
    const firstPerson = sheet.columns.findIndex((c) => c.owner === 'person');
    expect(firstPerson === -1 || sheet.columns.slice(firstPerson).every((c) => c.owner === 'person')).toBe(true);
  }
  expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  expect(letterOf(DEALS, 'documentId')).toBe('A');
  expect(wholeColumn(DEALS, 'plan')).toBe('Deals!$B:$B');
  expect(quoteSheet('Step kinds')).toBe("'Step kinds'");
});
