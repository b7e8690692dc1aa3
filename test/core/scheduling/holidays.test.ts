/** Public holidays computed from rules: per-country checks against the published calendars, weekend substitutes, and the country a locale implies. */
import { countryOfLocale, easterSunday, holidaysBetween, planCalendar, publicHolidayNames, publicHolidays } from '../../../src/core/scheduling/holidays';

const names = (country: Parameters<typeof publicHolidayNames>[0], year: number) => Object.fromEntries(publicHolidayNames(country, year, year));

describe('public holidays by country', () => {
  test('Easter Sunday in known years', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  test('US 2026: Thanksgiving Nov 26, Memorial Day May 25, Independence Day observed Friday Jul 3', () => {
    const us = names('US', 2026);
    expect(us['2026-11-26']).toBe('Thanksgiving');
    expect(us['2026-05-25']).toBe('Memorial Day');
    expect(us['2026-07-03']).toBe('Independence Day (observed)');
    expect(us['2026-01-19']).toBe('Martin Luther King Jr. Day');
    expect(us['2026-09-07']).toBe('Labor Day');
    expect(us['2026-12-25']).toBe('Christmas Day');
    // Columbus Day and Veterans Day: most businesses work.
    expect(us['2026-10-12']).toBeUndefined();
    expect(us['2026-11-11']).toBeUndefined();
  });

  test('US: New Year 2028 on a Saturday is observed on Friday Dec 31, 2027', () => {
    expect(names('US', 2027)['2027-12-31']).toBe("New Year's Day (observed)");
  });

  test('GB 2026 (England and Wales): Boxing Day on a Saturday is substituted on Monday Dec 28; Easter and bank holidays', () => {
    const gb = names('GB', 2026);
    expect(gb['2026-12-28']).toBe('Boxing Day (observed)');
    expect(gb['2026-04-03']).toBe('Good Friday');
    expect(gb['2026-04-06']).toBe('Easter Monday');
    expect(gb['2026-05-04']).toBe('Early May bank holiday');
    expect(gb['2026-05-25']).toBe('Spring bank holiday');
    expect(gb['2026-08-31']).toBe('Summer bank holiday');
    expect(Object.keys(gb)).toHaveLength(8);
  });

  test('GB 2027: Christmas on Saturday and Boxing Day on Sunday are Monday Dec 27 and Tuesday Dec 28', () => {
    const gb = names('GB', 2027);
    expect(gb['2027-12-27']).toBe('Christmas Day (observed)');
    expect(gb['2027-12-28']).toBe('Boxing Day (observed)');
  });

  test('CA, AU, DE, FR, NL, IE, IN, SG in 2026', () => {
    expect(names('CA', 2026)['2026-05-18']).toBe('Victoria Day');
    expect(names('CA', 2026)['2026-10-12']).toBe('Thanksgiving');
    expect(names('CA', 2026)['2026-07-01']).toBe('Canada Day');
    expect(names('AU', 2026)['2026-01-26']).toBe('Australia Day');
    expect(names('AU', 2026)['2026-06-08']).toBe("King's Birthday");
    // Anzac Day 2026 is a Saturday and is not moved.
    expect(names('AU', 2026)['2026-04-25']).toBe('Anzac Day');
    expect(names('AU', 2026)['2026-04-27']).toBeUndefined();
    expect(names('DE', 2026)['2026-05-14']).toBe('Ascension Day');
    expect(names('DE', 2026)['2026-05-25']).toBe('Whit Monday');
    expect(names('DE', 2026)['2026-10-03']).toBe('German Unity Day');
    expect(names('FR', 2026)['2026-07-14']).toBe('Bastille Day');
    expect(names('FR', 2026)['2026-04-03']).toBeUndefined();
    expect(names('NL', 2025)['2025-04-26']).toBe("King's Day (observed)");
    expect(names('NL', 2026)['2026-04-27']).toBe("King's Day");
    expect(names('IE', 2026)['2026-02-02']).toBe("St Brigid's Day");
    expect(names('IE', 2030)['2030-02-01']).toBe("St Brigid's Day");
    expect(names('IE', 2026)['2026-03-17']).toBe("St Patrick's Day");
    expect(names('IE', 2026)['2026-10-26']).toBe('October bank holiday');
    expect(names('IN', 2026)['2026-01-26']).toBe('Republic Day');
    expect(names('IN', 2026)['2026-10-02']).toBe('Gandhi Jayanti');
    expect(names('SG', 2026)['2026-08-10']).toBe('National Day (observed)');
  });

  test('a range of years holds each year once, and nothing outside it', () => {
    const us = publicHolidays('US', 2026, 2027);
    // Nine a year, plus New Year 2028 observed on Dec 31, 2027.
    expect(us.size).toBe(19);
    expect([...us].every((d) => d >= '2026-01-01' && d <= '2027-12-31')).toBe(true);
  });
});

describe('the country a locale implies', () => {
  test.each([
    ['en_US', 'US'], ['en_GB', 'GB'], ['en-ie', 'IE'], ['fr_CA', 'CA'], ['de', 'DE'], ['en', 'US'], ['de_AT', null], ['ja_JP', null], ['', null], ['hi_IN', 'IN'], ['en_SG', 'SG'], ['nl_NL', 'NL'], ['en_AU', 'AU'],
  ])('%s → %s', (locale, country) => {
    expect(countryOfLocale(locale)).toBe(country);
  });
});

describe('the plan calendar', () => {
  test("the country's holidays and the team's own, named", () => {
    const { calendar, names: named } = planCalendar({ country: 'GB', calendarDays: false, teamHolidays: ['2026-12-24', 'nonsense'], around: '2026-12-01' });
    expect(calendar.holidays.has('2026-12-25')).toBe(true);
    expect(calendar.holidays.has('2026-12-24')).toBe(true);
    expect(named.get('2026-12-24')).toBe("the team's holiday");
    expect(holidaysBetween(named, '2026-12-23', '2027-01-04')).toEqual(['2026-12-24', '2026-12-25', '2026-12-28', '2027-01-01']);
  });
});
