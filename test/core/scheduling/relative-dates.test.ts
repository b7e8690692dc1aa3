/** New dates typed as a change: "+1 month" (clamped to the month's end, then a working day), "+2 weeks", "-3 days", "next Friday", on the plan's calendar. */
import { CALENDAR_DAYS, WORKING_DAYS, type WorkCalendar } from '../../../src/core/scheduling/calendar';
import { applyChange, nextWeekday } from '../../../src/core/scheduling/relative-dates';
import { resolveNewDate } from '../../../src/core/scheduling/shift-request';

const US: WorkCalendar = { calendarDays: false, holidays: new Set(['2026-12-25', '2027-01-01', '2027-02-15']) };
const ctx = { dayFirst: false, referenceDate: '2026-12-15' };

describe('a change from the step\'s date', () => {
  test.each([
    ['+1 month', '2027-01-31', WORKING_DAYS, '2027-03-01'], // Feb 28, 2027 is a Sunday: rolls to Monday
    ['+1 month', '2028-01-31', WORKING_DAYS, '2028-02-29'], // leap year: clamped to Feb 29, a Tuesday
    ['+1 month', '2027-01-31', CALENDAR_DAYS, '2027-02-28'],
    ['+2 months', '2026-12-15', WORKING_DAYS, '2027-02-15'],
    ['+1 month', '2027-01-15', US, '2027-02-16'], // Feb 15 is Presidents' Day
    ['-1 month', '2027-03-31', WORKING_DAYS, '2027-03-01'], // Feb 28 (Sunday) rolls forward
    ['+2 weeks', '2026-12-14', US, '2026-12-29'], // 10 working days, Christmas skipped
    ['+1 week', '2026-12-18', US, '2026-12-28'],
    ['-3 days', '2027-01-06', US, '2026-12-31'],
    ['+2 working days', '2026-12-24', US, '2026-12-29'],
    ['+1w', '2027-03-05', WORKING_DAYS, '2027-03-12'],
    ['+1 mo', '2027-03-31', WORKING_DAYS, '2027-04-30'],
  ])('%s from %s → %s', (text, from, calendar, to) => {
    expect(applyChange(text, from, calendar)).toBe(to);
  });

  test('"next Friday" is the first Friday after today, a holiday rolled to the next working day', () => {
    expect(nextWeekday('next Friday', '2026-12-07', US)).toBe('2026-12-11');
    expect(nextWeekday('Friday', '2026-12-11', US)).toBe('2026-12-18');
    expect(nextWeekday('fri', '2026-12-21', US)).toBe('2026-12-28');
    expect(nextWeekday('next week', '2026-12-21', US)).toBeNull();
  });
});

describe('wherever a new date is typed', () => {
  const step = { number: 4, due: '2027-01-31' };
  test.each([
    ['+1 month', '2027-03-01'],
    ['\u2212 3 days', '2027-01-26'],
    ['next Friday', '2026-12-04'],
    ['Feb 3', '2027-02-03'],
  ])('%s', (text, to) => {
    expect(resolveNewDate(text, step, ctx, WORKING_DAYS, '2026-11-30')).toEqual({ ok: true, to });
  });

  test('what it does not understand gets the forms it does', () => {
    expect(resolveNewDate('+1 fortnight', step, ctx, WORKING_DAYS)).toEqual({
      ok: false,
      message: '"+1 fortnight" is not a date or a change the add-on understands. Try a date such as 2026-03-14, or "+1 week", "-2 days", "+1 month", "next Friday".',
    });
    expect(resolveNewDate('+1 month', { number: 2, due: null }, ctx, WORKING_DAYS)).toMatchObject({ ok: false, message: expect.stringContaining('has no date yet') });
  });
});
