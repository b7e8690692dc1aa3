/** Public holidays of the main selling countries, computed from rules (fixed, nth weekday, Easter-based) so that no list of dates ships in the bundle. */
import { addDays, dayOfWeek, isIsoDate, isoFromParts, toDayNumber, type WorkCalendar } from './calendar';
import type { IsoDate } from '../plan';

export const HOLIDAY_COUNTRIES = ['US', 'GB', 'CA', 'AU', 'DE', 'FR', 'NL', 'IE', 'IN', 'SG'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/**
 * One rule per holiday: "M-D" a fixed date; "M/N/W" the Nth weekday W (0 Sunday) of month M,
 * N = -1 the last; "M<D/W" the last weekday W before day D (Victoria Day); "E+N" N days after
 * Easter Sunday. A fixed date marked "=" is never moved off a weekend; one marked "<" moves to the
 * day before when it falls on a Sunday (King's Day).
 */
type Rules = Record<string, string>;

/**
 * What each country does with a fixed-date holiday on a weekend: 'us' Saturday to Friday and
 * Sunday to Monday; 'next' the next weekday not already a holiday (bank holiday substitutes);
 * 'sunday' only Sunday to Monday; 'none' nothing.
 */
type Observance = 'us' | 'next' | 'sunday' | 'none';

const CHRISTMAS = { 'Christmas Day': '12-25' };
const BOXING = { 'Boxing Day': '12-26' };
const NEW_YEAR = { "New Year's Day": '1-1' };
const GOOD_FRIDAY = { 'Good Friday': 'E-2' };
const EASTER_MONDAY = { 'Easter Monday': 'E+1' };
const WHIT = { 'Ascension Day': 'E+39', 'Whit Monday': 'E+50' };

/**
 * The days most businesses close in each country (national ones only: regional days and those
 * that follow the lunar calendar, such as Diwali or Chinese New Year, go in the plan's
 * "Holidays" line). US: the federal holidays except Columbus Day and Veterans Day, when most
 * businesses work. GB: England and Wales. CA and AU: the days common to most provinces and states.
 */
const COUNTRIES: Record<HolidayCountry, { observance: Observance; rules: Rules }> = {
  US: {
    observance: 'us',
    rules: {
      ...NEW_YEAR,
      'Martin Luther King Jr. Day': '1/3/1',
      "Presidents' Day": '2/3/1',
      'Memorial Day': '5/-1/1',
      Juneteenth: '6-19',
      'Independence Day': '7-4',
      'Labor Day': '9/1/1',
      Thanksgiving: '11/4/4',
      ...CHRISTMAS,
    },
  },
  GB: {
    observance: 'next',
    rules: { ...NEW_YEAR, ...GOOD_FRIDAY, ...EASTER_MONDAY, 'Early May bank holiday': '5/1/1', 'Spring bank holiday': '5/-1/1', 'Summer bank holiday': '8/-1/1', ...CHRISTMAS, ...BOXING },
  },
  CA: {
    observance: 'next',
    rules: { ...NEW_YEAR, ...GOOD_FRIDAY, 'Victoria Day': '5<25/1', 'Canada Day': '7-1', 'Civic Holiday': '8/1/1', 'Labour Day': '9/1/1', Thanksgiving: '10/2/1', ...CHRISTMAS, ...BOXING },
  },
  AU: {
    observance: 'next',
    rules: { ...NEW_YEAR, 'Australia Day': '1-26', ...GOOD_FRIDAY, ...EASTER_MONDAY, 'Anzac Day': '4-25=', "King's Birthday": '6/2/1', ...CHRISTMAS, ...BOXING },
  },
  DE: {
    observance: 'none',
    rules: { ...NEW_YEAR, ...GOOD_FRIDAY, ...EASTER_MONDAY, 'Labour Day': '5-1', ...WHIT, 'German Unity Day': '10-3', ...CHRISTMAS, 'Second Day of Christmas': '12-26' },
  },
  FR: {
    observance: 'none',
    rules: {
      ...NEW_YEAR,
      ...EASTER_MONDAY,
      'Labour Day': '5-1',
      'Victory in Europe Day': '5-8',
      ...WHIT,
      'Bastille Day': '7-14',
      Assumption: '8-15',
      "All Saints' Day": '11-1',
      'Armistice Day': '11-11',
      ...CHRISTMAS,
    },
  },
  NL: {
    observance: 'none',
    rules: { ...NEW_YEAR, ...GOOD_FRIDAY, ...EASTER_MONDAY, "King's Day": '4-27<', ...WHIT, ...CHRISTMAS, 'Second Day of Christmas': '12-26' },
  },
  IE: {
    observance: 'next',
    rules: {
      ...NEW_YEAR,
      "St Brigid's Day": 'brigid',
      "St Patrick's Day": '3-17',
      ...EASTER_MONDAY,
      'May bank holiday': '5/1/1',
      'June bank holiday': '6/1/1',
      'August bank holiday': '8/1/1',
      'October bank holiday': '10/-1/1',
      ...CHRISTMAS,
      "St Stephen's Day": '12-26',
    },
  },
  IN: {
    observance: 'none',
    rules: { 'Republic Day': '1-26', 'Independence Day': '8-15', 'Gandhi Jayanti': '10-2', ...CHRISTMAS },
  },
  SG: {
    observance: 'sunday',
    rules: { ...NEW_YEAR, ...GOOD_FRIDAY, 'Labour Day': '5-1', 'National Day': '8-9', ...CHRISTMAS },
  },
};

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromParts(year, month, day) ?? `${year}-04-01`;
}

/** The nth weekday (0 Sunday) of a month; n = -1 the last. */
function nthWeekday(year: number, month: number, n: number, weekday: number): IsoDate {
  if (n < 0) {
    const last = addDays(isoFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) ?? `${year}-12-31`, -1);
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = isoFromParts(year, month, 1) ?? `${year}-01-01`;
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
}

interface Dated {
  date: IsoDate;
  name: string;
  /** A fixed date that may move off a weekend. */
  movable: boolean;
  /** Sunday moves to Saturday instead. */
  before: boolean;
}

function ruleDate(year: number, name: string, rule: string): Dated {
  const plain = (date: IsoDate, movable = false, before = false): Dated => ({ date, name, movable, before });
  if (rule === 'brigid') {
    // Since 2023: the first Monday of February, or February 1 itself when that is a Friday.
    const feb1 = `${year}-02-01`;
    return plain(dayOfWeek(feb1) === 5 ? feb1 : nthWeekday(year, 2, 1, 1));
  }
  let m = /^E([+-]\d+)$/.exec(rule);
  if (m) return plain(addDays(easterSunday(year), Number(m[1])));
  m = /^(\d+)\/(-?\d)\/(\d)$/.exec(rule);
  if (m) return plain(nthWeekday(year, Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d+)<(\d+)\/(\d)$/.exec(rule);
  if (m) {
    const limit = addDays(isoFromParts(year, Number(m[1]), Number(m[2])) ?? `${year}-01-01`, -1);
    return plain(addDays(limit, -((dayOfWeek(limit) - Number(m[3]) + 7) % 7)));
  }
  m = /^(\d+)-(\d+)([=<]?)$/.exec(rule);
  const date = m ? isoFromParts(year, Number(m[1]), Number(m[2])) : null;
  if (!m || !date) throw new Error(`Bad holiday rule "${rule}"`);
  return plain(date, m[3] === '', m[3] === '<');
}

/** Public holidays of `country` from `fromYear` to `toYear` (inclusive), with their names; weekend days moved as the country moves them. */
export function publicHolidayNames(country: HolidayCountry, fromYear: number, toYear: number): Map<IsoDate, string> {
  const { observance, rules } = COUNTRIES[country];
  const out = new Map<IsoDate, string>();
  // A year before and after: New Year's Day on a Saturday is observed on the last day of December.
  for (let year = fromYear - 1; year <= toYear + 1; year++) {
    const days = Object.entries(rules)
      .map(([name, rule]) => ruleDate(year, name, rule))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const taken = new Set(days.map((d) => d.date));
    for (const d of days) {
      const dow = dayOfWeek(d.date);
      let date = d.date;
      if (d.before && dow === 0) date = addDays(date, -1);
      else if (d.movable && (dow === 0 || dow === 6)) {
        if (observance === 'us') date = addDays(date, dow === 6 ? -1 : 1);
        else if (observance === 'sunday' && dow === 0) date = addDays(date, 1);
        else if (observance === 'next') {
          // The next weekday that is not already a holiday: Christmas on a Saturday is Monday, Boxing Day Tuesday.
          do date = addDays(date, 1);
          while (dayOfWeek(date) === 0 || dayOfWeek(date) === 6 || taken.has(date));
          taken.add(date);
        }
      }
      const y = Number(date.slice(0, 4));
      if (y >= fromYear && y <= toYear) out.set(date, date === d.date ? d.name : `${d.name} (observed)`);
    }
  }
  return out;
}

/** Just the dates, for a WorkCalendar. */
export function publicHolidays(country: HolidayCountry, fromYear: number, toYear: number): Set<IsoDate> {
  return new Set(publicHolidayNames(country, fromYear, toYear).keys());
}

/** Languages whose locale without a region still names one country here ("de" is Germany). */
const LANGUAGE_COUNTRY: Record<string, HolidayCountry> = { en: 'US', de: 'DE', fr: 'FR', nl: 'NL' };

/**
 * The country whose holidays a locale implies: its region ("en_GB", "en-IE", "fr_CA"), else its
 * language alone ("de"); null when the table has no such country (then weekends only).
 */
export function countryOfLocale(locale: string): HolidayCountry | null {
  const parts = locale.trim().split(/[-_]/).filter(Boolean);
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p))?.toUpperCase();
  if (region) return (HOLIDAY_COUNTRIES as readonly string[]).includes(region) ? (region as HolidayCountry) : null;
  return LANGUAGE_COUNTRY[(parts[0] ?? '').toLowerCase()] ?? null;
}

/** The calendar the plan is scheduled on, and the name of every holiday in it (for the preview). */
export interface PlanCalendar {
  calendar: WorkCalendar;
  names: ReadonlyMap<IsoDate, string>;
}

/**
 * The one calendar every insert and shift uses: working days (or calendar days), minus the
 * country's public holidays around `around` (two years back, four ahead: plans run months, and a
 * shift can push them), minus the team's own days (the plan's "Holidays" line, the document's
 * setting, the shift form's list).
 */
export function planCalendar(options: { country: HolidayCountry | null; calendarDays: boolean; teamHolidays: readonly IsoDate[]; around: IsoDate }): PlanCalendar {
  const year = Number(options.around.slice(0, 4));
  const names = new Map(options.country && isIsoDate(options.around) ? publicHolidayNames(options.country, year - 2, year + 4) : []);
  for (const day of options.teamHolidays) if (isIsoDate(day) && !names.has(day)) names.set(day, "the team's holiday");
  return { calendar: { calendarDays: options.calendarDays, holidays: new Set(names.keys()) }, names };
}

/**
 * The calendar of a plan read from its document: the public holidays of the locale's country (the
 * one the plan was inserted for, else the user's), the plan's "Holidays" line and the team's days.
 * Every count of working days a person reads (a shift, the status colours, the weekly review, the
 * health check, the timeline, the export) comes from this one calendar.
 */
export function calendarOfPlan(
  plan: { holidays: readonly IsoDate[]; referenceDate: IsoDate },
  options: { locale: string; teamHolidays?: readonly IsoDate[]; calendarDays?: boolean },
): PlanCalendar {
  return planCalendar({
    country: countryOfLocale(options.locale),
    calendarDays: options.calendarDays ?? false,
    teamHolidays: [...plan.holidays, ...(options.teamHolidays ?? [])],
    around: plan.referenceDate,
  });
}

/** The holidays on weekdays strictly after `from` and up to `to`: the days a move skipped. */
export function holidaysBetween(names: ReadonlyMap<IsoDate, string>, from: IsoDate, to: IsoDate): IsoDate[] {
  const [a, b] = [toDayNumber(from), toDayNumber(to)];
  if (a === null || b === null) return [];
  return [...names.keys()]
    .filter((d) => {
      const n = toDayNumber(d);
      return n !== null && n > Math.min(a, b) && n <= Math.max(a, b) && dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
    })
    .sort();
}

