/** How a whole plan writes its dates, so that each cell is read and written the same way: the numeric order, the dotted dates' order, leading zeros, the months' language, year digits, compact ranges. */
import { planDateStyle } from './date-format';
import { languagesOf, numericParts, orderShown, scan, typedInEnglish, type Part } from './cell-date-scan';
import type { DateFormat } from './cell-dates';
import type { MonthLanguage } from './month-names';
import type { IsoDate } from '../plan';
import { addDays } from '../scheduling/calendar';

export type DocumentPadding = Partial<Record<'text' | 'numeric' | 'iso', boolean>>;

/** The year digits the document's numeric and written-out dates use when they give a year. */
export interface DocumentYears {
  numeric: 2 | 4;
  text: 2 | 4;
}

/** How the document's dates write their years: the most common digits among those that give one, per style. */
export function documentYears(formats: readonly (DateFormat | null | undefined)[]): DocumentYears {
  const count = { numeric: [0, 0], text: [0, 0] };
  for (const f of formats) {
    if (f && (f.style === 'numeric' || f.style === 'text') && f.yearDigits) count[f.style][f.yearDigits === 2 ? 0 : 1]!++;
  }
  const pick = (c: number[]): 2 | 4 => ((c[0] ?? 0) > (c[1] ?? 0) ? 2 : 4);
  return { numeric: pick(count.numeric), text: pick(count.text) };
}

/**
 * Whether the plan writes ranges inside one month compactly ("Mar 3-7": true) or in full ("Mar
 * 3-Mar 7": false), by the more common among its written-out ranges that sit in one month; null when
 * it has none, or as many of each (then every cell keeps its own form).
 */
export function documentRanges(cells: readonly { date: IsoDate | null; format: DateFormat | null | undefined }[]): boolean | null {
  let [compact, full] = [0, 0];
  for (const { date, format: f } of cells) {
    if (!date || !f || f.style !== 'text' || !f.range) continue;
    if (f.range.compact) compact++;
    else if (addDays(date, -f.range.days).slice(0, 7) === date.slice(0, 7)) full++;
  }
  return compact === full ? null : compact > full;
}

/**
 * Day/month order for a whole document's numeric dates: any first number above 12 means
 * day-first, else any second number above 12 means month-first, else the locale decides.
 * Dates with slashes and hyphens are asked first; dotted ones ("14.1.2027") only when those say
 * nothing, because dots are day-first by habit and do not show how the same plan writes "1/5".
 */
export function detectDayFirst(texts: string[], locale: string): boolean {
  const parts = numericParts(texts);
  const shown = orderShown(parts.filter((p) => p.sep !== '.')) ?? orderShown(parts.filter((p) => p.sep === '.'));
  if (shown) return shown === 'dmy';
  const style = planDateStyle(locale);
  if (style !== 'iso') return style === 'day-first';
  // Year-first languages (ja, zh, ko, hu, lt...) keep month before day when the year is left
  // out ("3/4" is March 4); the ISO-by-standard ones (sv, lv, fr_CA, en_SE) write the day first.
  return /^(sv|lv|fr|en)(?![a-z])/i.test(locale.trim());
}

/**
 * Whether the document writes days and months below 10 with a leading zero, per style: the more
 * common among the dates whose digits say it ("05-Jan-27" against "5-Jan-27"); a style none says
 * is left out (its default holds).
 */
export function documentPadding(texts: string[]): DocumentPadding {
  const count: Record<keyof DocumentPadding, [number, number]> = { text: [0, 0], numeric: [0, 0], iso: [0, 0] };
  const style = (p: Part): keyof DocumentPadding | null => (p.k === 'num' ? 'numeric' : p.k === 'iso' ? 'iso' : p.k === 'day' ? null : 'text');
  for (const t of texts)
    for (let h = scan(t); h; h = scan(t, h.end))
      if ('last' in h)
        for (const p of [h.first, h.last]) {
          const key = p && p.pad !== undefined ? style(p) : null;
          if (key) count[key][p!.pad ? 0 : 1]++;
        }
  const out: DocumentPadding = {};
  for (const key of ['text', 'numeric', 'iso'] as const) if (count[key][0] !== count[key][1]) out[key] = count[key][0] > count[key][1];
  return out;
}

/**
 * Whether the document writes its dotted dates month-first. Dots are day-first wherever people
 * write them (German, Dutch, Scandinavian, Russian habits: "5.1.2027" is January 5), whatever the
 * locale or the plan's slashes say; only the document itself can say otherwise, with a dotted date
 * that can only be month-first ("12.31.2026") and none that can only be day-first.
 */
export function dottedMonthFirst(texts: string[]): boolean {
  return orderShown(numericParts(texts).filter((p) => p.sep === '.')) === 'mdy';
}

/** The language the plan names months in: the most common among its dates that can be in one language only, and not English. */
export function documentLanguage(texts: string[]): MonthLanguage | undefined {
  const count = new Map<MonthLanguage, number>();
  for (const t of texts)
    for (let h = scan(t); h; h = scan(t, h.end)) {
      if (!('last' in h)) continue;
      const parts = [h.first, h.last].filter((p): p is Part => !!p);
      const candidates = languagesOf(parts);
      if (candidates.length === 1 && !typedInEnglish(parts)) count.set(candidates[0]!, (count.get(candidates[0]!) ?? 0) + 1);
    }
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}
