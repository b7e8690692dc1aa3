/** Working-day arithmetic on plan dates: weekends, holidays, month and year ends, leap days, no time zones. */
import {
  addDays, addWorkingDays, dayOfWeek, isIsoDate, isoFromParts, rollForward, todayIn, workingDaysBetween, type WorkCalendar,
} from '../../../src/core/scheduling/calendar';

const withHolidays = (...days: string[]): WorkCalendar => ({ calendarDays: false, holidays: new Set(days) });

describe('dates', () => {
  test('only real calendar days are dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('3/14/2026')).toBe(false);
    expect(isoFromParts(2026, 3, 14)).toBe('2026-03-14');
    expect(isoFromParts(2026, 2, 30)).toBeNull();
  });

  test('day arithmetic crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayOfWeek('2026-03-02')).toBe(1); // a Monday
  });
});

describe('working days', () => {
  test('a week of work from a Monday ends on Friday', () => {
    expect(addWorkingDays('2026-03-02', 4)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  test('a start on a weekend counts as the Monday after it', () => {
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-10');
    expect(rollForward('2026-03-08')).toBe('2026-03-09');
    expect(workingDaysBetween('2026-03-07', '2026-03-09')).toBe(0);
  });

  test('holidays are skipped like weekends, and a due date on one rolls to the next working day', () => {
    const xmas = withHolidays('2026-12-25', '2027-01-01');
    expect(addWorkingDays('2026-12-24', 1, xmas)).toBe('2026-12-28');
    expect(rollForward('2026-12-25', xmas)).toBe('2026-12-28');
    // Dec 28, 29, 30, 31 and Jan 4: Christmas and New Year's Day are not counted.
    expect(workingDaysBetween('2026-12-24', '2027-01-04', xmas)).toBe(5);
  });

  test('moving back and forth are inverses, and the count between is signed', () => {
    expect(addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
    expect(workingDaysBetween('2026-03-13', '2026-03-06')).toBe(-5);
    expect(workingDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
  });

  test('calendar days count every day', () => {
    const every: WorkCalendar = { calendarDays: true, holidays: new Set() };
    expect(addWorkingDays('2026-03-06', 1, every)).toBe('2026-03-07');
    expect(workingDaysBetween('2026-03-06', '2026-03-09', every)).toBe(3);
  });
});

test('today is the calendar day in the given time zone, not the server\'s', () => {
  const lateEvening = new Date('2026-11-28T03:30:00Z');
  expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-11-27');
  expect(todayIn('Pacific/Auckland', lateEvening)).toBe('2026-11-28');
  expect(todayIn('Not/AZone', lateEvening)).toBe('2026-11-28');
});

describe('working days are counted by arithmetic, and agree with counting day by day', () => {
  // The day-by-day definition the arithmetic must match, on weekends and holidays alike.
  const naiveAdd = (iso: string, count: number, cal: WorkCalendar): string => {
    const step = count < 0 ? -1 : 1;
    const works = (d: string) => ![0, 6].includes(dayOfWeek(d)) && !cal.holidays.has(d);
    let d = iso;
    while (!works(d)) d = addDays(d, step);
    for (let left = Math.abs(count); left > 0; ) {
      d = addDays(d, step);
      if (works(d)) left--;
    }
    return d;
  };
  const cal = withHolidays('2026-12-24', '2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01', '2027-04-02', '2027-04-05', '2027-05-31');

  test('every start from mid-December to February, every count from -30 to 30', () => {
    for (let s = 0; s < 70; s++) {
      const start = addDays('2026-12-10', s);
      for (let k = -30; k <= 30; k++) {
        const got = addWorkingDays(start, k, cal);
        expect(`${start} ${k} ${got}`).toBe(`${start} ${k} ${naiveAdd(start, k, cal)}`);
        const rolled = rollForward(start, cal);
        if (rolled === start) expect(workingDaysBetween(start, got, cal)).toBe(k);
      }
    }
  });

  test('dates far apart and before 1970 still convert both ways', () => {
    expect(addDays('1969-12-31', 1)).toBe('1970-01-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2099-12-31', 1)).toBe('2100-01-01');
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(workingDaysBetween('2026-01-01', '2027-01-01')).toBe(261);
  });
});
