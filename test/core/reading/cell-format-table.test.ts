/**
 * The cell-format table (issue 8, Measures): every written date style the reader accepts, shifted
 * forward and back across a month, a year, a weekend and a holiday, with the exact text a person
 * then reads in the cell.
 */
import type { WorkCalendar } from '../../../src/core/scheduling/calendar';
import { formatDueDate, parseDueDate, type DateContext } from '../../../src/core/reading/cell-dates';
import { publicHolidays } from '../../../src/core/scheduling/holidays';
import { resolveNewDate, weekGrid } from '../../../src/core/scheduling/shift-request';
import { shiftDownstream, type ScheduleStep } from '../../../src/core/scheduling/schedule';

const usCalendar: WorkCalendar = { calendarDays: false, holidays: publicHolidays('US', 2026, 2027) };
const gbCalendar: WorkCalendar = { calendarDays: false, holidays: publicHolidays('GB', 2026, 2027) };
// A plan running December 2026 to March 2027: year-less dates are read nearest mid-December.
const US: DateContext = { dayFirst: false, referenceDate: '2026-12-15', evaluationStart: '2026-11-30', calendar: usCalendar };
const US_YY: DateContext = { ...US, years: { numeric: 2, text: 4 } };
const GB: DateContext = { dayFirst: true, referenceDate: '2026-12-15', evaluationStart: '2026-11-30', calendar: gbCalendar };
// Plans that write their same-month ranges compactly ("Mar 3-7"), as documentRanges finds.
const US_COMPACT: DateContext = { ...US, compactRanges: true };
const GB_COMPACT: DateContext = { ...GB, compactRanges: true };
// Plans that pad their days ("05-Jan-27", "05.01.27"), as documentPadding finds: a cell typed with
// a day of 10 or more ("27-Jan-27") writes a day below 10 as they do.
const GB_PADDED: DateContext = { ...GB, paddedDays: { text: true, numeric: true } };
const US_PADDED: DateContext = { ...US, paddedDays: { text: true, numeric: true } };
const JAN_2026: DateContext = { ...US, referenceDate: '2026-01-15', calendar: { calendarDays: false, holidays: publicHolidays('US', 2026, 2026) } };

/** Reads the cell, moves it by `workdays` as a person's "+N working days" does, and writes it back as a shift does. */
function shifted(text: string, workdays: number, ctx: DateContext): string {
  const parsed = parseDueDate(text, ctx);
  if (parsed.kind !== 'date') throw new Error(`"${text}" is not read as a date`);
  const calendar = ctx.calendar ?? { calendarDays: false, holidays: new Set<string>() };
  const change = `${workdays < 0 ? '-' : '+'}${Math.abs(workdays)} working days`;
  const to = resolveNewDate(change, { number: 1, due: parsed.date, dueFormat: parsed.format }, ctx, calendar);
  if (!to.ok) throw new Error(to.message);
  return formatDueDate(to.to, parsed.format, ctx, parsed.date);
}

// [style, context, cell, working days, cell after]. Month: Jan 27 → Feb 3. Year: Dec 29 → Jan 6
// (New Year's Day skipped). Weekend: Fri Mar 5 → Mon Mar 8. Holiday: Thu Dec 24 → Mon Dec 28 (US),
// Tue Dec 29 (GB, where Boxing Day is observed on the 28th).
const TABLE: [string, DateContext, string, number, string][] = [
  ['Mar 3: month', US, 'Jan 27', 5, 'Feb 3'],
  ['Mar 3: year, the year written once it changes', US, 'Dec 29', 5, 'Jan 6, 2027'],
  ['Mar 3: year, back', US, 'Jan 6', -5, 'Dec 29, 2026'],
  ['Mar 3: year-less in the next year stays year-less', US, 'Jan 8', 5, 'Jan 15'],
  ['Mar 3: weekend', US, 'Mar 5', 1, 'Mar 8'],
  ['Mar 3: holiday', US, 'Dec 24', 1, 'Dec 28'],
  ['Mar 3, 2026: month', US, 'Jan 27, 2027', 5, 'Feb 3, 2027'],
  ['Mar 3, 2026: year', US, 'Dec 29, 2026', 5, 'Jan 6, 2027'],
  ['Mar 3, 2026: weekend', US, 'Mar 5, 2027', 1, 'Mar 8, 2027'],
  ['Mar 3, 2026: holiday', US, 'Dec 24, 2026', 1, 'Dec 28, 2026'],
  ['3 Mar 2026: month', US, '27 Jan 2027', 5, '3 Feb 2027'],
  ['3 Mar 2026: year', US, '29 Dec 2026', 5, '6 Jan 2027'],
  ['3 Mar 2026: weekend', US, '5 Mar 2027', 1, '8 Mar 2027'],
  ['3 Mar 2026: holiday', GB, '24 Dec 2026', 1, '29 Dec 2026'],
  ['3 Mar: year, day-first', GB, '29 Dec', 5, '6 Jan 2027'],
  ['3/14: month', US, '1/27', 5, '2/3'],
  ['3/14: year-less in the next year stays year-less', US, '1/8', 5, '1/15'],
  ['3/14: year, four digits by default', US, '12/29', 5, '1/6/2027'],
  ['3/14: year, as the plan writes years ("12/1/26")', US_YY, '12/29', 5, '1/6/27'],
  ['3/14: year, back', US, '1/6', -5, '12/29/2026'],
  ['3/14: weekend', US, '3/5', 1, '3/8'],
  ['3/14: holiday', US, '12/24', 1, '12/28'],
  ['3/14/26: month', US, '1/27/27', 5, '2/3/27'],
  ['3/14/26: year', US, '12/29/26', 5, '1/6/27'],
  ['3/14/26: weekend', US, '3/5/27', 1, '3/8/27'],
  ['3/14/26: holiday', US, '12/24/26', 1, '12/28/26'],
  ['14/3/2026 day-first: month', GB, '27/1/2027', 5, '3/2/2027'],
  ['14/3/2026 day-first: year', GB, '29/12/2026', 5, '6/1/2027'],
  ['14/3/2026 day-first: weekend', GB, '5/3/2027', 1, '8/3/2027'],
  ['14/3/2026 day-first: holiday', GB, '24/12/2026', 1, '29/12/2026'],
  ['ISO: month', US, '2027-01-27', 5, '2027-02-03'],
  ['ISO: year', US, '2026-12-29', 5, '2027-01-06'],
  ['ISO: weekend', US, '2027-03-05', 1, '2027-03-08'],
  ['ISO: holiday', US, '2026-12-24', 1, '2026-12-28'],
  ['3/14 (tentative): month', US, '1/27 (tentative)', 5, '2/3 (tentative)'],
  ['3/14 (tentative): year', US, '12/29 (tentative)', 5, '1/6/2027 (tentative)'],
  ['3/14 (tentative): weekend', US, '3/5 (tentative)', 1, '3/8 (tentative)'],
  ['3/14 (tentative): holiday', US, '12/24 (tentative)', 1, '12/28 (tentative)'],
  ['Tue, Mar 3: month', US, 'Wed, Jan 27', 5, 'Wed, Feb 3'],
  ['Tue, Mar 3: year', US, 'Tue, Dec 29', 5, 'Wed, Jan 6, 2027'],
  ['Tue, Mar 3: weekend', US, 'Fri, Mar 5', 1, 'Mon, Mar 8'],
  ['Tue, Mar 3: holiday', US, 'Thu, Dec 24', 1, 'Mon, Dec 28'],
  ['range (the issue\'s example): five working days keep their shape', JAN_2026, 'Jan 26-30', 5, 'Feb 2-6'],
  ['range: month', US, 'Jan 25-29', 5, 'Feb 1-5'],
  ['range: across months', US, 'Jan 22-28', 5, 'Jan 29-Feb 4'],
  ['range: year', US, 'Dec 28-31', 5, 'Jan 5-8, 2027'],
  ['range: year, back', US, 'Jan 5-8', -5, 'Dec 28-31, 2026'],
  ['range: weekend', US, 'Mar 1-5', 1, 'Mar 2-8'],
  ['range: holiday', US, 'Dec 21-24', 1, 'Dec 22-28'],
  ['numeric range: month', US, '1/25-1/29', 5, '2/1-2/5'],
  // A range written in full because it spanned two months keeps the person's form once it sits in
  // one month, unless the plan writes its ranges compactly.
  ['full range: into one month keeps its form', US, 'Jan 29-Feb 4', 5, 'Feb 5-Feb 11'],
  ['full range: into one month, compact where the plan writes ranges so', US_COMPACT, 'Jan 29-Feb 4', 5, 'Feb 5-11'],
  ['full range day-first: into one month keeps its form', GB, '29 Jan-4 Feb', 5, '5 Feb-11 Feb'],
  ['full range day-first: into one month, compact where the plan writes ranges so', GB_COMPACT, '29 Jan - 4 Feb', 5, '5 - 11 Feb'],
  ['full range: from one year into the next keeps its form', US, 'Dec 29-Jan 4', 5, 'Jan 6-Jan 11'],
  ['full range: from one year into the next, compact where the plan writes ranges so', US_COMPACT, 'Dec 29-Jan 4', 5, 'Jan 6-11'],
  ['full range: back into two years', US, 'Jan 6-Jan 11', -5, 'Dec 29-Jan 4'],
  ['compact range: back into two years, in full as it must', US_COMPACT, 'Jan 6-11', -5, 'Dec 29-Jan 4'],
  ['full range with its years: stays in full', US_COMPACT, 'Jan 29, 2027 - Feb 4, 2027', 5, 'Feb 5, 2027 - Feb 11, 2027'],
  ['Week of: month', US, 'Week of Jan 25', 5, 'Week of Feb 1'],
  ['Week of: year (the week of Dec 28 ends Thursday Dec 31)', US, 'Week of Dec 28', 5, 'Week of Jan 4, 2027'],
  ['Week of: year, back', US, 'Week of Jan 4', -5, 'Week of Dec 28, 2026'],
  ['Week of: weekend', US, 'Week of Mar 1', 1, 'Week of Mar 8'],
  ['Week of: holiday (Christmas Friday: due Thursday)', US, 'Week of Dec 21', 1, 'Week of Dec 28'],
  ['w/c: day-first', GB, 'w/c 11 Jan', 5, 'w/c 18 Jan'],
  ['w/c: day-first, back', GB, 'w/c 18 Jan', -5, 'w/c 11 Jan'],
  // A holiday inside the week the cell moves to does not move the week (Christmas Friday, New Year's
  // Day Friday in the US; Boxing Day observed Monday Dec 28 in GB): one week is one week.
  ['Week of: into a week with a holiday', US, 'Week of Dec 14', 5, 'Week of Dec 21'],
  ['Week of: two weeks, each with a holiday', US, 'Week of Dec 14', 10, 'Week of Dec 28'],
  ['Week of: out of a week with a holiday, back', US, 'Week of Dec 28', -5, 'Week of Dec 21'],
  ['Week of: back over the year, two weeks', US, 'Week of Jan 11', -10, 'Week of Dec 28, 2026'],
  ['Week of: month', US, 'Week of Nov 23', 5, 'Week of Nov 30'],
  ['w/c: into a week with a holiday', GB, 'w/c 14 Dec', 5, 'w/c 21 Dec'],
  ['w/c numeric: into a week with two holidays', GB, 'w/c 21/12', 5, 'w/c 28/12'],
  ['w/c numeric: the issue\'s "w/c 4/1", back over the year', GB, 'w/c 4/1', -5, 'w/c 28/12/2026'],
  ['w/c numeric: year', GB, 'w/c 28/12', 5, 'w/c 4/1/2027'],
  ['week commencing: into a week with a holiday', GB, 'week commencing 14 December', 5, 'week commencing 21 December'],
  ['WB: month', GB, 'WB 23/11', 5, 'WB 30/11'],
  // "Week N" counts weeks from the evaluation start (Mon Nov 30): Week 4 holds Christmas, Week 5 New Year's Day.
  ['Week N: into a week with a holiday', US, 'Week 3', 5, 'Week 4'],
  ['Week N: from a week with a holiday', US, 'Week 4', 5, 'Week 5'],
  ['Week N: two weeks, each with a holiday', US, 'Week 3', 10, 'Week 5'],
  ['Week N: out of a week with a holiday, back', US, 'Week 5', -5, 'Week 4'],
  ['Week N: across the year', US, 'Week 5', 5, 'Week 6'],
  ['Week N-M: a span keeps its length', US, 'Week 3-4', 5, 'Week 4-5'],
  // Month names joined by hyphens, as spreadsheets write them: the hyphens, the zero and the capitals are kept.
  ['05-Jan-27: month', GB_PADDED, '27-Jan-27', 5, '03-Feb-27'],
  ['05-Jan-27: year', GB_PADDED, '29-Dec-26', 5, '06-Jan-27'],
  ['05-Jan-27: weekend', US, '05-Mar-27', 1, '08-Mar-27'],
  ['05-Jan-27: holiday', US, '24-Dec-26', 1, '28-Dec-26'],
  ['5-Jan-2027: month', US, '27-Jan-2027', 5, '3-Feb-2027'],
  ['5-Jan-27: month, where the plan pads, a cell typed without the zero keeps its form', GB_PADDED, '5-Jan-27', 20, '2-Feb-27'],
  ['05-JAN-2027: year', US_PADDED, '29-DEC-2026', 5, '06-JAN-2027'],
  ['Jan-05-2027: month', US_PADDED, 'Jan-27-2027', 5, 'Feb-03-2027'],
  ['Jan-05-2027: year', US_PADDED, 'Dec-29-2026', 5, 'Jan-06-2027'],
  ['5-Jan: month', GB, '27-Jan', 5, '3-Feb'],
  ['5-Jan: year, the year written once it changes', GB, '29-Dec', 5, '6-Jan-2027'],
  // Year first with slashes or dots: the separator and the digits are kept.
  ['2027/01/05: month', US, '2027/01/27', 5, '2027/02/03'],
  ['2027/01/05: year', US, '2026/12/29', 5, '2027/01/06'],
  ['2027/01/05: holiday', US, '2026/12/24', 1, '2026/12/28'],
  ['2027.01.05: month', US, '2027.01.27', 5, '2027.02.03'],
  ['2027.01.05: year', US, '2026.12.29', 5, '2027.01.06'],
  ['2027/1/5: month', US, '2027/1/27', 5, '2027/2/3'],
  ['2027/1/5: year, back', US, '2027/1/6', -5, '2026/12/29'],
  // Dotted numbers are day-first, in this month-first plan too.
  ['5.1.2027 day-first in a month-first plan: month', US, '27.1.2027', 5, '3.2.2027'],
  ['5.1.2027 day-first in a month-first plan: year', US, '29.12.2026', 5, '6.1.2027'],
  ['5.1.2027 day-first in a month-first plan: weekend', US, '5.3.2027', 1, '8.3.2027'],
  ['05.01.27: month', US, '27.01.27', 5, '03.02.27'],
  ['05.01.27: year', GB_PADDED, '29.12.26', 5, '06.01.27'],
  ['5.1. (no year): month', US, '27.1.', 5, '3.2.'],
  ['5.1. (no year): year, written with the year and no closing dot', US, '29.12.', 5, '6.1.2027'],
  ['12.31.2026 where the plan writes dots month-first: year', { ...US, dottedMonthFirst: true }, '12.29.2026', 5, '1.6.2027'],
  // An arrow records a slip: the date it points to is due and moves; the old date and the arrow stay.
  ['arrow: month', US, 'Jan 20 → Jan 27', 5, 'Jan 20 → Feb 3'],
  ['arrow: year', US, 'Dec 22 -> Dec 29', 5, 'Dec 22 -> Jan 6, 2027'],
  ['arrow: holiday', US, 'Dec 17 → Dec 24', 1, 'Dec 17 → Dec 28'],
  ['arrow numeric: month', US, '1/13 => 1/27', 5, '1/13 => 2/3'],
  ['arrow day-first hyphens: month', GB_PADDED, '20-Jan-27 → 27-Jan-27', 5, '20-Jan-27 → 03-Feb-27'],
  // Month names in other languages are written back in the cell's own.
  ['French: month', GB, '27 janv. 2027', 5, '3 févr. 2027'],
  ['French: year', GB, '29 décembre 2026', 5, '6 janvier 2027'],
  ['German: month', GB, '27. Januar 2027', 5, '3. Februar 2027'],
  ['German: year', GB, '29. Dez. 2026', 5, '6. Jan. 2027'],
  ['Spanish: month', US, '27 de enero de 2027', 5, '3 de febrero de 2027'],
  ['Spanish: year', US, '29 de diciembre de 2026', 5, '6 de enero de 2027'],
  ['Portuguese: month', US, '27 de janeiro de 2027', 5, '3 de fevereiro de 2027'],
  ['Italian: month', GB, '27 gennaio 2027', 5, '3 febbraio 2027'],
  ['Italian: year', GB, '29 dic 2026', 5, '6 gen 2027'],
  ['Dutch: month', GB, '26 februari 2027', 5, '5 maart 2027'],
  // "december" is English too: the plan's other dates say it is Dutch (documentLanguage).
  ['Dutch: year, in a Dutch plan', { ...GB, monthLanguage: 'nl' }, '29 december 2026', 5, '6 januari 2027'],
];

describe('every written date style, shifted across a month, a year, a weekend and a holiday', () => {
  test.each(TABLE)('%s: "%s" %p working days → %p', (_style, ctx, cell, workdays, after) => {
    expect(shifted(cell, workdays, ctx)).toBe(after);
  });

  // Back again: a cell that kept its form moves back to exactly what was typed. Not these: a cell
  // that gained its year keeps it; "Jan 29-Feb 4" names both months, so it is a full range from
  // then on ("Jan 22-Jan 28"); a week moved by one day is still the next week, moved back by one.
  const oneWay = (style: string) => /year|across months|Week of: (weekend|holiday)/.test(style);
  test.each(TABLE.filter(([style]) => !oneWay(style)))('%s, and back', (_style, ctx, cell, workdays, after) => {
    expect(shifted(after, -workdays, ctx)).toBe(cell);
  });
});

// [what, context, step 1's cell, step 2's cell (it follows step 1), step 1's change, both cells after].
// The step after a moved one keeps its gap, and a week cell among them moves by whole weeks.
const CHAINS: [string, DateContext, string, string, string, string, string][] = [
  ['week after week, into Christmas week', US, 'Week of Dec 7', 'Week of Dec 14', '+1 week', 'Week of Dec 14', 'Week of Dec 21'],
  ['a day, then the next week, into Christmas week', US, 'Dec 11', 'Week of Dec 14', '+1 week', 'Dec 18', 'Week of Dec 21'],
  ['week after week, across the year', US, 'Week of Dec 21', 'Week of Dec 28', '+1 week', 'Week of Dec 28', 'Week of Jan 4, 2027'],
  ['week after week, back across the year', US, 'Week of Jan 4', 'Week of Jan 11', '-1 week', 'Week of Dec 28, 2026', 'Week of Jan 4'],
  ['w/c after w/c, into the Boxing Day week', GB, 'w/c 14/12', 'w/c 21/12', '+1 week', 'w/c 21/12', 'w/c 28/12'],
  ['Week N after Week N, into the New Year week', US, 'Week 3', 'Week 4', '+1 week', 'Week 4', 'Week 5'],
  ['a date typed into a week cell is its week', US, 'Week of Dec 14', 'Week of Dec 21', 'Dec 22', 'Week of Dec 21', 'Week of Dec 28'],
];

describe('week cells in a shift: a holiday inside a week does not move the week', () => {
  test.each(CHAINS)('%s', (_what, ctx, first, second, change, firstAfter, secondAfter) => {
    const calendar = ctx.calendar ?? { calendarDays: false, holidays: new Set<string>() };
    const cells = [first, second].map((text) => {
      const parsed = parseDueDate(text, ctx);
      if (parsed.kind !== 'date') throw new Error(`"${text}" is not read as a date`);
      return parsed;
    });
    const steps: ScheduleStep[] = cells.map((c, i) => {
      const week = weekGrid(c.format, ctx.evaluationStart);
      return { key: `s${i + 1}`, number: i + 1, action: `Step ${i + 1}`, due: c.date, status: 'pending', dependsOn: i ? ['s1'] : [], ...(week ? { week } : {}) };
    });
    const to = resolveNewDate(change, { number: 1, due: cells[0]!.date, dueFormat: cells[0]!.format }, ctx, calendar);
    if (!to.ok) throw new Error(to.message);
    const result = shiftDownstream({ steps, moves: [{ key: 's1', to: to.to }], calendar, pullIn: true });
    const written = cells.map((c, i) => {
      const change = result.changes.find((x) => x.key === `s${i + 1}`);
      return change ? formatDueDate(change.to, c.format, ctx, c.date) : [first, second][i];
    });
    expect(written).toEqual([firstAfter, secondAfter]);
  });
});
