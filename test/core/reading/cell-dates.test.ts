// Due-date cells read back as people type them, and new dates written back in each cell's own form.
import { execFileSync } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { addDays, CALENDAR_DAYS, dayOfWeek, WORKING_DAYS } from '../../../src/core/scheduling/calendar';
import { formatDueDate, parseDueDate, type DateContext, type DateFormat, type ParsedDate } from '../../../src/core/reading/cell-dates';
import { detectDayFirst, documentLanguage, documentPadding, documentRanges, dottedMonthFirst } from '../../../src/core/reading/document-dates';

// Monday 2 March 2026: Week 1 ends Friday 6 March, Week 3 ends Friday 20 March.
const US: DateContext = { dayFirst: false, referenceDate: '2026-03-01', evaluationStart: '2026-03-02' };
const EU: DateContext = { ...US, dayFirst: true };

function dateOf(text: string, ctx: DateContext = US): string | null {
  const p = parseDueDate(text, ctx);
  return p.kind === 'date' ? p.date : null;
}

function formatOf(text: string, ctx: DateContext = US): DateFormat {
  const p = parseDueDate(text, ctx);
  if (p.kind !== 'date') throw new Error(`"${text}" is not a date: ${p.reason}`);
  return p.format;
}

/** Parses a cell, moves its date by `days`, and writes it back. */
function moved(text: string, days: number, ctx: DateContext = US): string {
  const p = parseDueDate(text, ctx);
  if (p.kind !== 'date') throw new Error(`"${text}" is not a date`);
  return formatDueDate(addDays(p.date, days), p.format, ctx);
}

describe('detectDayFirst', () => {
  test('a first number above 12 anywhere in the document means day-first', () => {
    expect(detectDayFirst(['3/4', 'Mar 9', '14/3'], 'en_US')).toBe(true);
  });
  test('else a second number above 12 means month-first, whatever the locale', () => {
    expect(detectDayFirst(['3/4', '3/14/2026'], 'en_GB')).toBe(false);
  });
  test('a first number above 12 wins over a second number above 12 elsewhere', () => {
    expect(detectDayFirst(['3/14', '14/3'], 'en_US')).toBe(true);
  });
  test('every date in a cell counts, not only the first', () => {
    expect(detectDayFirst(['Mar 3 (was 14/2)'], 'en_US')).toBe(true);
    expect(detectDayFirst(['3/3-3/17'], 'en_GB')).toBe(false);
  });
  test('dotted and dashed numeric dates count too', () => {
    expect(detectDayFirst(['14.03.2026'], 'en_US')).toBe(true);
    expect(detectDayFirst(['3-14-2026'], 'de_DE')).toBe(false);
  });
  test('ISO and text dates say nothing about the order', () => {
    expect(detectDayFirst(['2026-03-14', '14 March', 'March 14'], 'en_GB')).toBe(true);
    expect(detectDayFirst(['2026-03-14', '14 March'], 'en_US')).toBe(false);
  });
  test.each([
    ['en_US', false],
    ['en-US', false],
    ['en', false],
    // Unknown or empty: the day first, as date-format.ts decides for the whole add-on.
    ['', true],
    ['es_US', false],
    ['en_PH', false],
    ['en_GB', true],
    ['en_AU', true],
    ['en_IN', true],
    ['de', true],
    ['de_DE', true],
    ['fr', true],
    ['es', true],
    ['pt_BR', true],
    ['ja_JP', false],
    ['zh-Hans-CN', false],
    ['hu', false],
    ['sv_SE', true],
    ['fr_CA', true],
  ])('only ambiguous dates: locale %p gives day-first %p', (locale, dayFirst) => {
    expect(detectDayFirst(['3/4', '5/6/2026', 'TBD'], locale)).toBe(dayFirst);
  });
});

describe('parseDueDate: the forms people type', () => {
  test.each([
    ['ISO', '2026-03-03', '2026-03-03'],
    ['short month', 'Mar 3', '2026-03-03'],
    ['short month with a dot', 'Mar. 3', '2026-03-03'],
    ['long month, ordinal, comma and year', 'March 3rd, 2026', '2026-03-03'],
    ['day before month with year', '3 Mar 2026', '2026-03-03'],
    ['ordinal "of" month', '3rd of March', '2026-03-03'],
    ['"the 3rd of March"', 'the 3rd of March', '2026-03-03'],
    ['short weekday and numeric date', 'Tue 3/3', '2026-03-03'],
    ['long weekday, comma, long month', 'Tuesday, March 3', '2026-03-03'],
    ['weekday before a day-first text date', 'Tue 3 March', '2026-03-03'],
    ['lower case', 'mar 3', '2026-03-03'],
    ['upper case', 'MARCH 3RD', '2026-03-03'],
    ['September as "Sept"', 'Sept 14, 2026', '2026-09-14'],
    ['no space between month and day', 'Mar3', '2026-03-03'],
    ['numeric with four-digit year', '3/14/2026', '2026-03-14'],
    ['numeric day-first with two-digit year', '14/3/26', '2026-03-14'],
    ['dots, month first, two-digit year', '3.14.26', '2026-03-14'],
    ['dots, day first, padded', '14.03.2026', '2026-03-14'],
    ['dashes with a year', '3-14-2026', '2026-03-14'],
    ['padded numeric', '03/04/2026', '2026-03-04'],
    ['numeric without a year', '3/14', '2026-03-14'],
    ['day-first dots closed by a dot ("14.3.")', '14.3.', '2026-03-14'],
    ['ISO without padding', '2026-3-3', '2026-03-03'],
  ])('%s: %p', (_name, text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  test('3/4 is March 4 under US and April 3 day-first', () => {
    expect(dateOf('3/4', US)).toBe('2026-03-04');
    expect(dateOf('3/4', EU)).toBe('2026-04-03');
    expect(dateOf('3.4.2026', EU)).toBe('2026-04-03');
  });

  test('a number above 12 settles the order whatever the document says', () => {
    expect(dateOf('3/14/2026', EU)).toBe('2026-03-14');
    expect(dateOf('14/3/2026', US)).toBe('2026-03-14');
  });

  test('a missing year near New Year takes the nearer year', () => {
    expect(dateOf('Jan 2', { ...US, referenceDate: '2026-12-30' })).toBe('2027-01-02');
    expect(dateOf('Dec 28', { ...US, referenceDate: '2026-01-03' })).toBe('2025-12-28');
    expect(dateOf('1/2', { ...US, referenceDate: '2026-12-30' })).toBe('2027-01-02');
    expect(dateOf('28/12', { ...EU, referenceDate: '2026-01-03' })).toBe('2025-12-28');
  });

  test('an overdue date without a year stays in the past (never "always the future")', () => {
    expect(dateOf('Feb 20', { ...US, referenceDate: '2026-03-10' })).toBe('2026-02-20');
    expect(dateOf('Sep 1', { ...US, referenceDate: '2026-03-10' })).toBe('2026-09-01');
  });

  test('two-digit year', () => {
    expect(dateOf('14/3/26')).toBe('2026-03-14');
    expect(dateOf('3/14/27')).toBe('2027-03-14');
    expect(dateOf('Mar 3, 27')).toBe('2027-03-03');
    expect(dateOf('3 Mar 27')).toBe('2027-03-03');
    // The century nearest the plan's dates: 99 is 1999 in a 2026 plan, 30 is 2130 in a 2090 plan.
    expect(dateOf('1/2/99')).toBe('1999-01-02');
    expect(dateOf('1/2/30', { ...US, referenceDate: '2090-06-01' })).toBe('2130-01-02');
  });

  test('a bare two-digit number after a month-first date is not a year', () => {
    const p = parseDueDate('Mar 3 26', US);
    expect(p).toMatchObject({ kind: 'date', date: '2026-03-03', format: { suffix: ' 26' } });
  });

  test('Feb 29 2028 accepted, Feb 29 2027 is not a date', () => {
    expect(dateOf('Feb 29 2028')).toBe('2028-02-29');
    expect(dateOf('2/29/2028')).toBe('2028-02-29');
    expect(parseDueDate('Feb 29 2027', US)).toEqual({ kind: 'undated', reason: 'unknown', text: 'Feb 29 2027' });
    expect(dateOf('29.02.2027', EU)).toBeNull();
  });

  test('Feb 29 without a year needs a leap year next to the plan', () => {
    expect(dateOf('Feb 29', { ...US, referenceDate: '2028-01-15' })).toBe('2028-02-29');
    expect(dateOf('Feb 29', { ...US, referenceDate: '2027-12-15' })).toBe('2028-02-29');
    expect(dateOf('Feb 29', { ...US, referenceDate: '2026-06-01' })).toBeNull();
  });

  test.each([
    ['Feb 30', US],
    ['April 31', US],
    ['Mar 32', US],
    ['Mar 0', US],
    ['13/13/2026', EU],
    ['13/13/2026', US],
    ['0/5/2026', US],
    ['2026-02-30', US],
    ['2026-13-01', US],
  ])('impossible date %p is unknown', (text, ctx) => {
    expect(parseDueDate(text, ctx)).toEqual({ kind: 'undated', reason: 'unknown', text });
  });

  test.each(['Tuesday', 'Tue', 'next Tuesday', 'Mon-Fri', 'Friday (tentative)', 'Wednesday, after legal'])(
    'weekday names alone are not a date: %p',
    (text) => {
      expect(parseDueDate(text, US)).toEqual({ kind: 'undated', reason: 'unknown', text });
    },
  );

  test('a weekday that does not match the date is ignored: the numbers are what people read', () => {
    expect(dateOf('Wed 3/3')).toBe('2026-03-03');
  });

  test('"3.14" is a decimal, not a date; "3-14" without a year is not read as a date', () => {
    expect(dateOf('3.14')).toBeNull();
    expect(dateOf('3-14')).toBeNull();
    expect(dateOf('v1.2.3')).toBeNull();
  });

  test('numbers glued to other digits or letters are not dates', () => {
    expect(dateOf('13/14/2026')).toBeNull();
    expect(dateOf('PO-12345')).toBeNull();
    expect(dateOf('Smart 3')).toBeNull();
    expect(dateOf('3 marketing emails')).toBeNull();
  });
});

describe('parseDueDate: weeks relative to the evaluation start', () => {
  test.each([
    ['Week 3', '2026-03-20'],
    ['Wk 3', '2026-03-20'],
    ['W3', '2026-03-20'],
    ['week 1', '2026-03-06'],
    ['Wk. 2', '2026-03-13'],
    ['Week 3-4', '2026-03-27'],
    ['Weeks 3 to 4', '2026-03-27'],
    ['W3-W4', '2026-03-27'],
    ['End of week 2', '2026-03-13'],
  ])('%p ends on %p', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  test('Week N ends N*5-1 working days after a mid-week start', () => {
    // Wednesday 4 March: Week 1 is Wed-Tue, ending Tuesday 10 March.
    expect(dateOf('Week 1', { ...US, evaluationStart: '2026-03-04' })).toBe('2026-03-10');
  });

  test('a holiday inside a week does not move the week: a holiday Friday ends it on Thursday', () => {
    expect(dateOf('Week 3', { ...US, calendar: { calendarDays: false, holidays: new Set(['2026-03-18']) } })).toBe('2026-03-20');
    expect(dateOf('Week 3', { ...US, calendar: { calendarDays: false, holidays: new Set(['2026-03-20']) } })).toBe('2026-03-19');
    // Week 4 is not pushed by a holiday in week 2 either.
    expect(dateOf('Week 4', { ...US, calendar: { calendarDays: false, holidays: new Set(['2026-03-10']) } })).toBe('2026-03-27');
  });

  test('with calendar days a week is seven days', () => {
    expect(dateOf('Week 3', { ...US, calendar: CALENDAR_DAYS })).toBe('2026-03-22');
  });

  test('without an evaluation start, or for week 0, a week is kept as unknown text', () => {
    expect(parseDueDate('Week 3', { ...US, evaluationStart: null })).toEqual({ kind: 'undated', reason: 'unknown', text: 'Week 3' });
    expect(parseDueDate('Week 0', US)).toMatchObject({ kind: 'undated', reason: 'unknown' });
  });

  test('"Week of Mar 2" is not a week number: it is due at the end of that working week, like a range', () => {
    expect(dateOf('Week of Mar 2')).toBe('2026-03-06');
    expect(dateOf('week of Mar 4')).toBe('2026-03-06');
    expect(dateOf('w/c 2 Mar')).toBe('2026-03-06');
    expect(dateOf('W/C 2/3', EU)).toBe('2026-03-06');
    expect(dateOf('Week commencing 2 March 2026')).toBe('2026-03-06');
    // A holiday Friday ends the week on Thursday.
    expect(dateOf('Week of Mar 30', { ...US, calendar: { calendarDays: false, holidays: new Set(['2026-04-03']) } })).toBe('2026-04-02');
  });
});

describe('parseDueDate: ranges are due at their end', () => {
  test.each([
    ['compact month-first', 'Mar 3-7', '2026-03-07'],
    ['compact with spaced en dash', 'Mar 3 – 7', '2026-03-07'],
    ['compact with year', 'Mar 3-7, 2026', '2026-03-07'],
    ['compact day-first', '3-7 March', '2026-03-07'],
    ['compact ordinals "of"', '3rd-7th of March', '2026-03-07'],
    ['across months', 'Mar 3 - Apr 2', '2026-04-02'],
    ['"to"', 'Mar 3 to Mar 9', '2026-03-09'],
    ['numeric', '3/3-3/7', '2026-03-07'],
    ['numeric with years', '3/3/26 - 3/7/26', '2026-03-07'],
    ['numeric day-first', '3/3-17/3', '2026-03-17'],
    ['compact numeric, end day only', '3/3-7', '2026-03-07'],
    ['compact numeric, start day only', '14-21/3', '2026-03-21'],
    ['ISO', '2026-03-03 to 2026-03-09', '2026-03-09'],
    ['weekdays on both ends', 'Tue 3/3 - Fri 3/6', '2026-03-06'],
    ['start with a year, end without', 'Mar 3, 2026 - Apr 2', '2026-04-02'],
  ])('%s: %p', (_name, text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  test('a range across New Year without years', () => {
    expect(dateOf('Dec 28 - Jan 3', { ...US, referenceDate: '2027-01-05' })).toBe('2027-01-03');
    expect(formatOf('Dec 28 - Jan 3', { ...US, referenceDate: '2027-01-05' })).toMatchObject({ range: { days: 6, compact: false } });
    expect(dateOf('12/28-1/3', { ...US, referenceDate: '2026-12-20' })).toBe('2027-01-03');
  });

  test('a compact numeric range takes its month from the full date, in either document order', () => {
    expect(dateOf('3/3-7', EU)).toBe('2026-03-07');
    expect(dateOf('3/14-21', EU)).toBe('2026-03-21');
    expect(dateOf('3-7/4', EU)).toBe('2026-04-07');
    // A month-first document reads the full date 7/4 as July 4, so the range is July 3-4.
    expect(dateOf('3-7/4', US)).toBe('2026-07-04');
  });

  test('a range that ends before it starts is unknown', () => {
    expect(dateOf('Mar 28-3')).toBeNull();
    expect(dateOf('3/7/2026-3/3/2026')).toBeNull();
    // Without its own year the start is the latest such day before the end: a year-long range, not an error.
    expect(dateOf('3/7-3/3/2026')).toBe('2026-03-03');
  });

  test('a dash followed by words is not a range', () => {
    expect(parseDueDate('3/14 - tentative', US)).toMatchObject({ date: '2026-03-14', format: { suffix: ' - tentative', range: null } });
  });
});

describe('parseDueDate: text around the date', () => {
  test.each([
    ['3/14 (tentative)', '2026-03-14', '', ' (tentative)'],
    ['by Mar 3', '2026-03-03', 'by ', ''],
    ['~Mar 3', '2026-03-03', '~', ''],
    ['Due: 3/14', '2026-03-14', 'Due: ', ''],
    ['Mar 3 ✅', '2026-03-03', '', ' ✅'],
    ['Done - 3/2', '2026-03-02', 'Done - ', ''],
    ['  Mar 3 ', '2026-03-03', '  ', ' '],
    ['ASAP (by Mar 3)', '2026-03-03', 'ASAP (by ', ')'],
    ['Mar 3?', '2026-03-03', '', '?'],
    ['Mar 3 (was Feb 24)', '2026-03-03', '', ' (was Feb 24)'],
  ])('%p', (text, date, prefix, suffix) => {
    expect(parseDueDate(text, US)).toMatchObject({ kind: 'date', date, format: { prefix, suffix } });
  });
});

describe('parseDueDate: cells without a date', () => {
  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['TBD', 'tbd'],
    ['tbd', 'tbd'],
    ['TBC', 'tbd'],
    ['TBA', 'tbd'],
    ['?', 'tbd'],
    ['??', 'tbd'],
    ['-', 'tbd'],
    ['—', 'tbd'],
    ['n/a', 'tbd'],
    ['N/A', 'tbd'],
    ['ASAP', 'tbd'],
    ['To be confirmed', 'tbd'],
    ['Q2', 'quarter'],
    ['Q2 2026', 'quarter'],
    ['H1', 'quarter'],
    ['end of Q3', 'quarter'],
    ['FY27', 'quarter'],
    ['EOQ', 'quarter'],
    ['March', 'quarter'],
    ['end of March', 'quarter'],
    ['mid-April', 'quarter'],
    ['March 2026', 'quarter'],
    ['next month', 'quarter'],
    ['after the board meeting', 'unknown'],
    ['soon', 'unknown'],
    ['2 weeks after signature', 'unknown'],
  ])('%p is undated: %s', (text, reason) => {
    expect(parseDueDate(text, US)).toEqual({ kind: 'undated', reason, text });
  });

  test('unknown text is kept exactly as written', () => {
    expect(parseDueDate(' After the board meets ', US)).toEqual({ kind: 'undated', reason: 'unknown', text: ' After the board meets ' });
  });
});

describe('parseDueDate: the format it records', () => {
  test('numeric', () => {
    expect(formatOf('Tue 03/14/26 (tentative)')).toEqual({
      prefix: '',
      suffix: ' (tentative)',
      style: 'numeric',
      order: 'mdy',
      separator: '/',
      yearDigits: 2,
      padded: true,
      weekday: 'short',
      weekdaySep: ' ',
      caps: 'title',
      range: null,
    });
  });

  test('text', () => {
    expect(formatOf('by Tuesday, March 3rd, 2026')).toEqual({
      prefix: 'by ',
      suffix: '',
      style: 'text',
      monthFirst: true,
      monthStyle: 'long',
      dot: false,
      ordinal: true,
      of: false,
      yearDigits: 4,
      comma: true,
      weekday: 'long',
      weekdaySep: ', ',
      caps: 'title',
      range: null,
    });
  });

  test('ranges', () => {
    expect(formatOf('Mar 3-7')).toMatchObject({ style: 'text', range: { days: 4, joiner: '-', compact: true, startYear: false } });
    expect(formatOf('3/3 - 3/7')).toMatchObject({ style: 'numeric', range: { days: 4, joiner: ' - ', compact: false } });
  });

  test('weeks', () => {
    expect(formatOf('Week 3-4')).toEqual({ prefix: '', suffix: '', style: 'week', word: 'Week ', span: 1, joiner: '-' });
  });

  test('"May" says nothing about the month style; "June" is long', () => {
    expect(formatOf('May 3')).toMatchObject({ monthStyle: 'short' });
    expect(formatOf('June 3')).toMatchObject({ monthStyle: 'long' });
  });
});

describe('formatDueDate: writing back in the cell form', () => {
  test.each([
    ['"Mar 3" stays "Mar 10" style', 'Mar 3', 7, 'Mar 10'],
    ['text around the date is kept', '3/14 (tentative)', 7, '3/21 (tentative)'],
    ['ISO stays ISO', '2026-03-03', 7, '2026-03-10'],
    ['long month, ordinal, comma, year', 'March 3rd, 2026', 19, 'March 22nd, 2026'],
    ['ordinal 11th to 13th', 'Mar 1st', 11, 'Mar 12th'],
    ['"of"', '3rd of March', 18, '21st of March'],
    ['day-first text', '3 Mar 2026', 30, '2 Apr 2026'],
    ['dots stay dots, padding stays', '14.03.2026', 7, '21.03.2026'],
    ['dashes', '3-14-2026', 7, '3-21-2026'],
    ['two-digit year', '14/3/26', 7, '21/3/26'],
    ['"14.3." keeps its closing dot', '14.3.', 7, '21.3.'],
    ['case kept', 'mar. 3', 7, 'mar. 10'],
    ['upper case', 'MARCH 3RD', 7, 'MARCH 10TH'],
    ['a weekday prefix is recomputed', 'Tue 3/3', 9, 'Thu 3/12'],
    ['a long weekday is recomputed', 'Tuesday, March 3', 4, 'Saturday, March 7'],
    ['compact range keeps its length', 'Mar 3-7', 7, 'Mar 10-14'],
    ['compact range with year', 'Mar 3-7, 2026', 7, 'Mar 10-14, 2026'],
    ['compact range across a month end writes both months', 'Mar 3-7', 28, 'Mar 31-Apr 4'],
    ['compact day-first range', '3-7 March', 7, '10-14 March'],
    ['full range', 'Mar 3 - Apr 2', 7, 'Mar 10 - Apr 9'],
    ['numeric range', '3/3-3/7', 7, '3/10-3/14'],
    ['a compact numeric range is written in full', '3/3-7', 7, '3/10-3/14'],
    ['range with a start year', 'Mar 3, 2026 - Apr 2', 7, 'Mar 10, 2026 - Apr 9'],
    ['a range moved back into one month stays full', 'Mar 3 - Mar 9', 7, 'Mar 10 - Mar 16'],
  ])('%s: %p +%p days → %p', (_name, text, days, expected) => {
    expect(moved(text, days)).toBe(expected);
  });

  test('moving by zero days writes the cell exactly as it was', () => {
    for (const text of ['Mar 3', '3/14 (tentative)', 'Tue 3/3', 'Mar 3-7', 'W3-W4', '14.03.2026', 'by March 3rd, 2026 ✅'])
      expect(moved(text, 0, { ...US, dayFirst: text.startsWith('14') })).toBe(text);
  });

  test('a year left out stays out within the reference year', () => {
    expect(formatDueDate('2026-11-20', formatOf('Mar 3'), { ...US, referenceDate: '2026-09-01' })).toBe('Nov 20');
  });

  test('a year left out is added when the new date is in another year', () => {
    expect(formatDueDate('2027-01-04', formatOf('Mar 3'), US)).toBe('Jan 4, 2027');
    expect(formatDueDate('2027-01-04', formatOf('3/14'), US)).toBe('1/4/2027');
    expect(formatDueDate('2027-01-04', formatOf('14/3', EU), EU)).toBe('4/1/2027');
    expect(formatDueDate('2027-01-04', formatOf('3 March'), US)).toBe('4 January 2027');
  });

  test('a year left out is added when the year-less date would read back in another year', () => {
    // Same year as a 3 January reference, but "Dec 28" alone reads as the nearer 28 December 2025.
    const ctx = { ...US, referenceDate: '2026-01-03' };
    expect(formatDueDate('2026-12-28', formatOf('Mar 3', ctx), ctx)).toBe('Dec 28, 2026');
  });

  test('padding is kept on both numbers', () => {
    expect(moved('14.03.2026', 20, EU)).toBe('03.04.2026');
  });

  test('an ambiguous numeric date follows the document order so that it reads back right', () => {
    // "3/14/2026" in a day-first document: 3 April is written 3/4/2026, which the document reads as 3 April.
    expect(formatDueDate('2026-04-03', formatOf('3/14/2026', EU), EU)).toBe('3/4/2026');
    expect(formatDueDate('2026-04-14', formatOf('3/14/2026', EU), EU)).toBe('4/14/2026');
  });

  test('a "Week 3" cell stays a week when the new date ends a week', () => {
    expect(moved('Week 3', 7)).toBe('Week 4');
    expect(moved('Wk 3', -14)).toBe('Wk 1');
    expect(moved('Week 3-4', 7)).toBe('Week 4-5');
    expect(moved('W3-W4', 7)).toBe('W4-W5');
    expect(moved('End of week 2 (est.)', 7)).toBe('End of week 3 (est.)');
  });

  test('a "Week 3" cell gets a date in the plan form when the new date does not end a week', () => {
    expect(moved('Week 3', 2)).toBe('Mar 22');
    const fallback = formatOf('3/14/2026');
    expect(moved('Week 3', 3, { ...US, fallback })).toBe('3/23/2026');
    // A range fallback writes a single date; the cell's own words around the week are kept.
    expect(moved('Week 3 (tentative)', 3, { ...US, fallback: formatOf('Mar 3-7') })).toBe('Mar 23 (tentative)');
  });

  test('a week before Week 1 cannot be written as a week', () => {
    expect(moved('Week 3-4', -10)).toBe('Mar 17');
  });
});

describe('round trip: parse(format(d)) is d', () => {
  const CELLS = [
    '2026-03-03',
    'Mar 3',
    'mar. 3rd',
    'March 3rd, 2026',
    'Mar 3, 26',
    '3 Mar 2026',
    '3 Mar 26',
    '3rd of March',
    'Tue 3/3',
    'Tuesday, March 3',
    'Tue 3 March 2026',
    '3/14/2026',
    '3/14',
    '03/04/2026',
    '14/3/26',
    '3.14.26',
    '14.03.2026',
    '14.3.',
    '3-14-2026',
    'Week 3',
    'Wk 3-4',
    'Mar 3-7',
    'Mar 3-7, 2026',
    '3-7 March',
    '3rd-7th of March',
    'Mar 3 - Apr 2',
    'Mar 3, 2026 - Apr 2',
    '3/3-3/7',
    '3/3-7',
    '14-21/3',
    '3/3/26 - 3/7/26',
    '2026-03-03 to 2026-03-09',
    'Tue 3/3 - Fri 3/6',
    'Due: 3/14 (tentative)',
    'by Mar 3 ✅',
  ];
  // Deterministic spread of dates over five years, with month ends, Feb 29 and New Year.
  const DATES: string[] = ['2028-02-29', '2026-12-31', '2027-01-01', '2025-12-28', '2026-01-03', '2024-02-29'];
  for (let n = 0, d = '2024-01-01'; n < 240; n++, d = addDays(d, 7 + (n % 5))) DATES.push(d);

  test.each([
    ['month-first document', US],
    ['day-first document', EU],
    ['reference at New Year', { ...US, referenceDate: '2026-12-30' }],
    ['calendar-day weeks', { ...EU, calendar: CALENDAR_DAYS, referenceDate: '2027-06-15' }],
  ])('%s', (_name, ctx) => {
    let checked = 0;
    for (const cell of CELLS) {
      const format = formatOf(cell, ctx);
      for (const date of DATES) {
        const text = formatDueDate(date, format, ctx);
        const back: ParsedDate = parseDueDate(text, ctx);
        if (back.kind !== 'date' || back.date !== date) throw new Error(`${cell} → ${date} written "${text}" read back ${JSON.stringify(back)}`);
        // Writing the date again in the form read back gives the same text: the form is stable.
        expect(formatDueDate(date, back.format, ctx)).toBe(text);
        checked++;
      }
    }
    expect(checked).toBe(CELLS.length * DATES.length);
  });
});

describe('time zones', () => {
  // A TZ set inside a running process is unreliable, so the same cells are read in child processes.
  test('parsing and writing give the same results in Auckland, Los Angeles and UTC', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cell-dates-tz-'));
    try {
      const probe = join(dir, 'probe.cjs');
      buildSync({
        stdin: {
          contents: `
            import { parseDueDate, formatDueDate } from './src/core/reading/cell-dates';
            const ctx = { dayFirst: false, referenceDate: '2026-03-08', evaluationStart: '2026-03-02' };
            const out = ['Mar 8', '3/8/2026', 'Sun 3/8', 'Week 1', 'Nov 1', 'Dec 31', 'Jan 1', '2026-03-29'].map((cell) => {
              const p = parseDueDate(cell, ctx);
              return p.kind === 'date' ? [p.date, formatDueDate(p.date, p.format, ctx), formatDueDate('2026-11-01', p.format, ctx)] : p.reason;
            });
            console.log(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), out }));`,
          resolveDir: join(__dirname, '../../..'),
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: probe,
        logLevel: 'silent',
      });
      const runs = ['Pacific/Auckland', 'America/Los_Angeles', 'UTC'].map(
        (TZ) => JSON.parse(execFileSync(process.execPath, [probe], { env: { ...process.env, TZ }, encoding: 'utf8' })) as { offset: number; out: unknown },
      );
      // The children really ran in different zones.
      expect(new Set(runs.map((r) => r.offset)).size).toBe(3);
      for (const r of runs) expect(r.out).toEqual(runs[2]!.out);
      expect(runs[0]!.out).toEqual([
        ['2026-03-08', 'Mar 8', 'Nov 1, 2026'],
        ['2026-03-08', '3/8/2026', '11/1/2026'],
        ['2026-03-08', 'Sun 3/8', 'Sun 11/1/2026'],
        ['2026-03-06', 'Week 1', 'Nov 1, 2026'],
        ['2025-11-01', 'Nov 1, 2025', 'Nov 1, 2026'],
        ['2025-12-31', 'Dec 31, 2025', 'Nov 1, 2026'],
        ['2026-01-01', 'Jan 1', 'Nov 1, 2026'],
        ['2026-03-29', '2026-03-29', '2026-11-01'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('calendar helpers agree on the weekdays used above', () => {
  expect(dayOfWeek('2026-03-02')).toBe(1);
  expect(dayOfWeek('2026-03-03')).toBe(2);
  expect(WORKING_DAYS.calendarDays).toBe(false);
});

describe('documentRanges: how the plan writes a range inside one month', () => {
  const cells = (...texts: string[]) =>
    texts.map((t) => {
      const p = parseDueDate(t, US);
      return p.kind === 'date' ? { date: p.date, format: p.format } : { date: null, format: null };
    });

  test('compactly ("Mar 3-7") or in full ("Mar 3-Mar 7"), by the more common; a range across months says neither', () => {
    expect(documentRanges(cells('Mar 3-7', 'Mar 10-14', 'Mar 16 - Mar 20'))).toBe(true);
    expect(documentRanges(cells('Mar 3-Mar 7', '10 Mar - 14 Mar', 'Mar 16-20'))).toBe(false);
    expect(documentRanges(cells('Mar 30-Apr 3', 'Mar 3', '3/3-3/7', 'TBD'))).toBeNull();
    expect(documentRanges(cells('Mar 3-7', 'Mar 10-Mar 14'))).toBeNull();
  });
});

// A December 2026 to March 2027 plan, month-first: the dates below are read nearest mid-December.
const WINTER: DateContext = { dayFirst: false, referenceDate: '2026-12-15' };
const WINTER_GB: DateContext = { ...WINTER, dayFirst: true };

/** Parses a cell, moves its date by `days`, and writes it back as a shift does: knowing the cell's old date. */
function slipped(text: string, days: number, ctx: DateContext): string {
  const p = parseDueDate(text, ctx);
  if (p.kind !== 'date') throw new Error(`"${text}" is not a date`);
  return formatDueDate(addDays(p.date, days), p.format, ctx, p.date);
}

describe('month names joined by hyphens, as spreadsheets write them ("dd-mmm-yy")', () => {
  test.each([
    ['05-Jan-27', '2027-01-05'],
    ['5-Jan-2027', '2027-01-05'],
    ['05-JAN-2027', '2027-01-05'],
    ['5-jan-27 (tentative)', '2027-01-05'],
    ['Jan-05-2027', '2027-01-05'],
    ['Jan-5-27', '2027-01-05'],
    ['5-Jan', '2027-01-05'],
    ['31-Dec', '2026-12-31'],
    ['by 29-Dec-26', '2026-12-29'],
    ['05-Jan-27 - 09-Jan-27', '2027-01-09'],
  ])('%p is %p, in a month-first and a day-first plan alike', (text, date) => {
    expect(dateOf(text, WINTER)).toBe(date);
    expect(dateOf(text, WINTER_GB)).toBe(date);
  });

  test('"Jan-27" is how spreadsheets write a month (mmm-yy), not January 27: not a day', () => {
    expect(dateOf('Jan-27', WINTER)).toBeNull();
  });

  test('the forms that read already read the same: "3-7 March", "Jan 29-Feb 4", "29 Jan-4 Feb", "Mar 3-7"', () => {
    expect(dateOf('3-7 March', WINTER)).toBe('2027-03-07');
    expect(parseDueDate('Jan 29-Feb 4', WINTER)).toMatchObject({ date: '2027-02-04', format: { range: { days: 6, joiner: '-', compact: false } } });
    expect(parseDueDate('29 Jan-4 Feb', WINTER)).toMatchObject({ date: '2027-02-04', format: { range: { days: 6, joiner: '-', compact: false } } });
    expect(parseDueDate('Mar 3-7', WINTER)).toMatchObject({ date: '2027-03-07', format: { range: { compact: true } } });
  });

  test.each([
    ['05-Jan-27', 7, '12-Jan-27'],
    ['05-JAN-2027', 7, '12-JAN-2027'],
    ['5-Jan-2027', 28, '2-Feb-2027'],
    ['Jan-05-2027', 28, 'Feb-02-2027'],
    ['5-Jan', 7, '12-Jan'],
    // A day of two digits does not say whether the cell pads a day of one.
    ['29-Dec-26', 8, '6-Jan-27'],
    ['05-Jan-27', 28, '02-Feb-27'],
    ['28-Dec', 9, '6-Jan-2027'],
    ['05-Jan-27 - 09-Jan-27', 7, '12-Jan-27 - 16-Jan-27'],
  ])('%p moved %p days is written %p', (text, days, after) => {
    expect(slipped(text, days, WINTER)).toBe(after);
  });
});

describe('year-first numbers with slashes or dots: year, month, day', () => {
  test.each([
    ['2027/01/05', '2027-01-05'],
    ['2027.01.05', '2027-01-05'],
    ['2027/1/5', '2027-01-05'],
    ['2027.1.5 (tentative)', '2027-01-05'],
    ['Tue 2027/01/05', '2027-01-05'],
  ])('%p is %p whatever the document\'s order', (text, date) => {
    expect(dateOf(text, WINTER)).toBe(date);
    expect(dateOf(text, WINTER_GB)).toBe(date);
  });

  test('the separator and the digits are kept; ISO stays ISO', () => {
    expect(slipped('2027/01/05', 7, WINTER)).toBe('2027/01/12');
    expect(slipped('2027.01.05', 28, WINTER)).toBe('2027.02.02');
    expect(slipped('2027/1/5', 7, WINTER)).toBe('2027/1/12');
    expect(slipped('2026/12/29', 8, WINTER)).toBe('2027/01/06');
    expect(slipped('2027-01-05', 7, WINTER)).toBe('2027-01-12');
    expect(slipped('2027-1-5', 7, WINTER)).toBe('2027-1-12');
  });

  test('a month/day with a two-digit year is still month/day, not year-first ("12/01/27")', () => {
    expect(dateOf('12/01/27', WINTER)).toBe('2027-12-01');
  });
});

describe('dotted numeric dates are day-first wherever they are written', () => {
  test.each([
    ['5.1.2027', '2027-01-05'],
    ['05.01.27', '2027-01-05'],
    ['5.1.', '2027-01-05'],
    ['bis 5.1.2027', '2027-01-05'],
    ['1.2.2027', '2027-02-01'],
  ])('%p is %p in a month-first plan too', (text, date) => {
    expect(dateOf(text, WINTER)).toBe(date);
    expect(dateOf(text, WINTER_GB)).toBe(date);
  });

  test('slashes and dashes keep the document\'s order beside them', () => {
    expect(dateOf('1/5', WINTER)).toBe('2027-01-05');
    expect(dateOf('1/5', WINTER_GB)).toBe('2027-05-01');
    expect(dateOf('1-5-2027', WINTER)).toBe('2027-01-05');
  });

  test('a document that writes a dotted date only month-first can ("12.31.2026") reads its dots month-first', () => {
    expect(dottedMonthFirst(['12.31.2026', '1.5.2027'])).toBe(true);
    expect(dateOf('1.5.2027', { ...WINTER, dottedMonthFirst: true })).toBe('2027-01-05');
    // One dotted date that can only be day-first settles it the other way; slashes say nothing about dots.
    expect(dottedMonthFirst(['12.31.2026', '14.1.2027'])).toBe(false);
    expect(dottedMonthFirst(['1/14/2027', '5.1.2027'])).toBe(false);
    expect(dottedMonthFirst(['5.1.2027', 'Jan 5'])).toBe(false);
  });

  test.each([
    ['5.1.2027', 7, '12.1.2027'],
    ['05.01.27', 28, '02.02.27'],
    ['5.1.', 7, '12.1.'],
    // A year-less "31.12." that moves into the next year says it, and its closing dot goes with the year.
    ['31.12.', 7, '7.1.2027'],
    ['29.12.2026', 8, '6.1.2027'],
  ])('%p moved %p days is written %p, day first', (text, days, after) => {
    expect(slipped(text, days, WINTER)).toBe(after);
    expect(slipped(after, -days, WINTER)).toBe(/^31\.12\.$/.test(text) ? '31.12.2026' : text);
  });

  test('a month-first dotted document writes month-first', () => {
    expect(slipped('12.29.2026', 8, { ...WINTER, dottedMonthFirst: true })).toBe('1.6.2027');
  });
});

describe('detectDayFirst with dotted dates beside others', () => {
  test('slashes decide the document\'s order before dots: a US plan with "12/31/2026" and a German "14.1.2027"', () => {
    expect(detectDayFirst(['12/31/2026', '14.1.2027', '1/5'], 'en_US')).toBe(false);
    expect(detectDayFirst(['31/12/2026', '12.31.2026'], 'en_US')).toBe(true);
  });
  test('dots decide only when slashes say nothing', () => {
    expect(detectDayFirst(['14.1.2027', '1/5'], 'en_US')).toBe(true);
    expect(detectDayFirst(['5.1.2027', '1/5'], 'en_GB')).toBe(true);
    expect(detectDayFirst(['5.1.2027', '1/5'], 'en_US')).toBe(false);
  });
  test('hyphenated month names and year-first dates say nothing about the order', () => {
    expect(detectDayFirst(['05-Jan-27', '2027/01/13', '2027.01.05', '1/5'], 'en_US')).toBe(false);
    expect(detectDayFirst(['05-Jan-27', '2027/01/13', '2027.01.05', '1/5'], 'en_GB')).toBe(true);
  });
});

describe('an arrow that records a slip: the step is due at the date it points to', () => {
  test.each([
    ['Jan 5 → Jan 12', '2027-01-12'],
    ['Jan 5 -> Jan 12', '2027-01-12'],
    ['Jan 5->Jan 12', '2027-01-12'],
    ['1/5 => 1/12', '2027-01-12'],
    ['Jan 5 → Jan 12 → Jan 19', '2027-01-19'],
    ['Dec 29 → Jan 5', '2027-01-05'],
    ['05-Jan-27 → 12-Jan-27 (moved by legal)', '2027-01-12'],
    ['Jan 5 → Jan 12-16', '2027-01-16'],
  ])('%p is due %p', (text, date) => {
    expect(dateOf(text, WINTER)).toBe(date);
  });

  test('an arrow to no date yet ("Jan 5 → TBD", "1/5 -> ?") leaves the step undated; text after a date is only a note', () => {
    expect(parseDueDate('Jan 5 → TBD', WINTER)).toEqual({ kind: 'undated', reason: 'tbd', text: 'Jan 5 → TBD' });
    expect(parseDueDate('1/5 -> ?', WINTER)).toMatchObject({ kind: 'undated', reason: 'tbd' });
    expect(parseDueDate('Jan 5 → Jan 12 → tbc', WINTER)).toMatchObject({ kind: 'undated', reason: 'tbd' });
    expect(dateOf('Jan 5 → Jan 12 (legal review)', WINTER)).toBe('2027-01-12');
    expect(dateOf('Jan 5 → moved, see notes', WINTER)).toBe('2027-01-05');
  });

  test('"(was …)" names the old date after the new one: the first date stays due', () => {
    expect(dateOf('Jan 29 (was Jan 22)', WINTER)).toBe('2027-01-29');
    expect(dateOf('Jan 29 (was Jan 15 → Jan 22)', WINTER)).toBe('2027-01-29');
  });

  test('a shift rewrites only the date the arrow points to, the old date and the arrow as typed', () => {
    expect(slipped('Jan 5 → Jan 12', 7, WINTER)).toBe('Jan 5 → Jan 19');
    expect(slipped('Jan 5 -> Jan 12 (legal)', 7, WINTER)).toBe('Jan 5 -> Jan 19 (legal)');
    expect(slipped('1/5 => 1/12', 21, WINTER)).toBe('1/5 => 2/2');
    expect(slipped('Dec 22 → Dec 29', 8, WINTER)).toBe('Dec 22 → Jan 6, 2027');
    expect(formatOf('Jan 5 → Jan 12', WINTER)).toMatchObject({ prefix: 'Jan 5 → ', suffix: '' });
  });

  test('every date around an arrow counts for the document\'s order', () => {
    expect(detectDayFirst(['13/1 → 1/2'], 'en_US')).toBe(true);
    expect(detectDayFirst(['1/5 → 1/13'], 'en_GB')).toBe(false);
  });
});

describe('documentPadding: leading zeros as the plan writes them', () => {
  test('the more common among the dates whose digits say it, per style', () => {
    expect(documentPadding(['05-Jan-27', '29-Dec-26', '08-Jan-27', '5-Feb-27'])).toEqual({ text: true });
    expect(documentPadding(['1/5', '01/06', '1/7', '2027/01/05'])).toEqual({ numeric: false, iso: true });
    expect(documentPadding(['29-Dec-26', '12/29', 'Jan 15'])).toEqual({});
  });

  test('a cell whose digits do not say writes as the plan does', () => {
    const padded: DateContext = { ...WINTER, paddedDays: documentPadding(['05-Jan-27', '12/01/27', '2027/1/5']) };
    expect(slipped('29-Dec-26', 8, padded)).toBe('06-Jan-27');
    expect(slipped('12/29/26', 8, padded)).toBe('01/06/27');
    expect(slipped('2026/12/29', 8, padded)).toBe('2027/1/6');
    // Its own digits win: "5-Jan-27" stays without its zero.
    expect(slipped('5-Jan-27', 1, padded)).toBe('6-Jan-27');
  });
});

describe('month names in French, German, Spanish, Portuguese, Italian and Dutch', () => {
  test.each([
    ['5 janv. 2027', '2027-01-05', 'fr'],
    ['5 janvier 2027', '2027-01-05', 'fr'],
    ['29 déc. 2026', '2026-12-29', 'fr'],
    ['5 Fevrier 2027', '2027-02-05', 'fr'],
    ['5. Januar 2027', '2027-01-05', 'de'],
    ['5. März 2027', '2027-03-05', 'de'],
    ['5. April 2027', '2027-04-05', 'de'],
    ['5 de enero de 2027', '2027-01-05', 'es'],
    ['29 de diciembre de 2026', '2026-12-29', 'es'],
    ['5 de janeiro de 2027', '2027-01-05', 'pt'],
    ['5 set. 2027', '2027-09-05', 'pt'],
    ['5 gennaio 2027', '2027-01-05', 'it'],
    ['5 agosto 2027', '2027-08-05', 'it'],
    ['5 januari 2027', '2027-01-05', 'nl'],
    ['5 mrt. 2027', '2027-03-05', 'nl'],
  ])('%p is %p, in %s', (text, date, language) => {
    expect(parseDueDate(text, WINTER)).toMatchObject({ kind: 'date', date, format: { style: 'text', language } });
  });

  test('English names stay English unless the plan writes months in another language', () => {
    expect(formatOf('5 April 2027', WINTER)).not.toHaveProperty('language');
    expect(formatOf('5 Mar 2027', WINTER)).not.toHaveProperty('language');
    expect(formatOf('5 april 2027', { ...WINTER, monthLanguage: 'nl' })).toMatchObject({ language: 'nl' });
    expect(formatOf('29 dic 2026', { ...WINTER, monthLanguage: 'es' })).toMatchObject({ language: 'es' });
  });

  test('short names that are English words count only with their dot or a year: "3 out of 5" is no date', () => {
    expect(parseDueDate('3 out of 5', WINTER).kind).toBe('undated');
    expect(parseDueDate('5 set', WINTER).kind).toBe('undated');
    expect(parseDueDate('2 ago', WINTER).kind).toBe('undated');
    expect(dateOf('5 out. 2027', WINTER)).toBe('2027-10-05');
  });

  test('documentLanguage: the most common language among the dates that can be in one only', () => {
    expect(documentLanguage(['5 agosto 2027', '5 de enero de 2027', '12 de marzo de 2027', 'Jan 5'])).toBe('es');
    expect(documentLanguage(['5. Januar 2027', '5 April 2027', '7. Mai'])).toBe('de');
    expect(documentLanguage(['5 April 2027', 'Jan 5', '2027-01-05'])).toBeUndefined();
  });

  test.each([
    ['5 janv. 2027', 7, '12 janv. 2027'],
    ['5 janv. 2027', 40, '14 févr. 2027'],
    ['29 déc.', 8, '6 janv. 2027'],
    ['5 Janvier 2027', 28, '2 Février 2027'],
    ['5 février', 28, '5 mars'],
    ['5. Januar 2027', 40, '14. Februar 2027'],
    ['29. Dezember 2026', 8, '6. Januar 2027'],
    ['5. Jan. 2027', 40, '14. Feb. 2027'],
    ['29 de diciembre de 2026', 8, '6 de enero de 2027'],
    ['5 de enero', 40, '14 de febrero'],
    ['15 de diciembre', 40, '24 de enero de 2027'],
    ['5 de janeiro de 2027', 40, '14 de fevereiro de 2027'],
    ['29 dic 2026', 8, '6 gen 2027'],
    ['5 agosto 2027', 40, '14 settembre 2027'],
    ['5 januari 2027', 40, '14 februari 2027'],
    ['29 dec. 2026', 8, '6 jan. 2027'],
    ['5 mrt. 2027', 40, '14 apr. 2027'],
  ])('%p moved %p days is written %p, in its own language', (text, days, after) => {
    expect(slipped(text, days, WINTER)).toBe(after);
  });
});
