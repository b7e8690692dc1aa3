/** Writes plan dates the way the user's locale orders them, with English month names because the plan text is English. */
import { isIsoDate } from '../scheduling/calendar';
import type { IsoDate } from '../plan';

/** "Mar 3, 2026", "3 Mar 2026" or "2026-03-03": never numeric day/month, which reads both ways. */
export type PlanDateStyle = 'month-first' | 'day-first' | 'iso';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Regions that write the month first (CLDR's medium date: "Mar 3, 2026"), whatever the
 * language: the United States and its territories, the Philippines, Panama. So es_US and
 * fil_PH read month-first like en_US.
 */
const MONTH_FIRST_REGIONS: ReadonlySet<string> = new Set(['US', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'MH', 'PH', 'PA']);

/**
 * Locales that write the month first without such a region. A bare "en" is Google's
 * English (United States). en_CA: Canada writes numeric dates as ISO, but in English with a
 * month name the CLDR form is "Mar 3, 2026", and that is what we write.
 */
const MONTH_FIRST_LOCALES: ReadonlySet<string> = new Set(['en', 'en_CA', 'fil']);

/**
 * Languages whose dates run year-month-day (CLDR's medium date starts with the year:
 * Lithuanian, Hungarian, Japanese, Chinese, Korean, ...), plus Swedish, whose national
 * standard writes dates as ISO 8601. "2026 Mar 3" is nobody's convention in English, so these
 * get the ISO date, which reads one way only.
 */
const ISO_LANGUAGES: ReadonlySet<string> = new Set([
  'sv', 'lt', 'lv', 'hu', 'ja', 'zh', 'ko', 'mn', 'eu', 'kk', 'ky', 'si', 'ne', 'ml', 'my',
]);

/** Locales with an ISO numeric standard whose language otherwise writes the day first. */
const ISO_LOCALES: ReadonlySet<string> = new Set(['fr_CA', 'en_SE']);

/**
 * How a locale orders a written date. Accepts Apps Script's "en_US" and BCP 47's "en-US" in
 * any case, with or without a script ("zh-Hant-TW"). Anything unknown or empty gets the day
 * first ("3 Mar 2026"): most of the world's order, and unambiguous for everyone else.
 */
export function planDateStyle(locale: string): PlanDateStyle {
  const parts = locale.trim().split(/[-_]/).filter((part) => part !== '');
  const language = (parts[0] ?? '').toLowerCase();
  // The region is the 2-letter or 3-digit subtag after the language (and script, if any).
  const region = parts.slice(1).find((part) => /^([A-Za-z]{2}|\d{3})$/.test(part))?.toUpperCase() ?? '';
  const key = region ? `${language}_${region}` : language;
  if (MONTH_FIRST_LOCALES.has(key) || MONTH_FIRST_REGIONS.has(region)) return 'month-first';
  if (ISO_LOCALES.has(key) || ISO_LANGUAGES.has(language)) return 'iso';
  return 'day-first';
}

/**
 * A plan date as the user reads it: "Mar 3, 2026" (en_US), "3 Mar 2026" (en_GB, de, fr...)
 * or "2026-03-03" (sv, lt, ja...). Text that is not a date comes back unchanged, so a bad
 * value shows in the document instead of breaking the insert.
 */
export function formatPlanDate(iso: IsoDate, locale: string): string {
  if (!isIsoDate(iso)) return iso;
  const style = planDateStyle(locale);
  if (style === 'iso') return iso;
  const year = iso.slice(0, 4);
  const month = MONTHS[Number(iso.slice(5, 7)) - 1];
  const day = Number(iso.slice(8, 10));
  return style === 'month-first' ? `${month} ${day}, ${year}` : `${day} ${month} ${year}`;
}
