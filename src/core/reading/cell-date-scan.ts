/** Finds the dates written in a cell's text, as typed and before their year is settled: the leftmost one, the one a slip arrow points to, every one for the plan's habits. */
import { FOREIGN_MONTHS, MONTH_LANGUAGES, monthWord, writesDe, type MonthLanguage } from './month-names';

export const SHORT = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
export const LONG = 'January February March April May June July August September October November December'.split(' ');
export const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const MON = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORD = '(st|nd|rd|th)?';
// Sticky: each pattern is tried at one position of the scan, so the leftmost date wins.
const sticky = (source: string): RegExp => new RegExp(source, 'iy');
const WD_RE = sticky('(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(\\.?,?\\s+)');
// Year first is never ambiguous: year, month, day, whatever the separator ("2027/01/05", "2027.1.5").
const ISO_RE = sticky('(\\d{4})([-/.])(\\d\\d?)\\2(\\d\\d?)(?!\\d)');
// A year is required with "-" ("3-7" is a range of days) and with "." unless a closing dot
// follows ("14.3."), so that a decimal such as "3.14" is never a date.
const NUM_RE = sticky('(\\d\\d?)([/.-])(\\d\\d?)(?:\\2(\\d{4}|\\d\\d)|(?<=\\/\\d\\d?)(?!\\/\\d)|(?<=\\.\\d\\d?)(?=\\.(?!\\d)))(?!\\d)');
// A hyphen may join month and day as spreadsheets do ("05-Jan-27", "Jan-05-2027"); such a date
// takes its year after another hyphen (HYPHEN_YEAR_RE).
const MF_RE = sticky(`(${MON})(?:(\\.)?\\s*|(-))(\\d\\d?)${ORD}(?![\\da-z])`);
// Day first, the month in English or another language: "3rd of March", "5. Januar" (German's day
// with a dot), "5 de enero" (Spanish and Portuguese), "5 janv.".
const DF_RE = sticky(`(\\d\\d?)(?:(st|nd|rd|th|\\.)?(\\s+of|\\s+de)?\\s*|(-))(${MON}|${FOREIGN_MONTHS})(\\.)?(?![a-z\\u00c0-\\u024f])`);
const ENGLISH_MONTH_RE = new RegExp(`^(?:${MON})$`, 'i');
const DAY_RE = sticky(`(\\d\\d?)${ORD}(?![\\da-z]|[/.]\\d)`);
const YEAR_RE = sticky('(,)?\\s*(\\d{4}|\\d\\d)(?![\\d:])');
const HYPHEN_YEAR_RE = sticky('-(\\d{4}|\\d\\d)(?![\\d:])');
const DE_YEAR_RE = sticky('\\s+de\\s+(\\d{4})(?![\\d:])');
// An arrow recording a slip ("Jan 5 → Jan 12", "1/5 => 1/12"): the date after it is the due date.
const ARROW_RE = sticky('\\s*(?:→|⟶|⇒|➔|➜|➝|-+>|=+>)\\s*');
// What an arrow may point to instead of a date: the step has none yet.
const NOT_YET_RE = /^(?:\?+|tb[dca]\b|to be (?:confirmed|decided|determined|agreed)\b|unknown\b|pending\b)/i;
const JOIN_RE = sticky('\\s*[-–—]\\s*|\\s+(?:to|through|thru|till|until)\\s+');
const WEEK_WORD = '(?:weeks?|wks?\\.?|w)';
// "Week of Jan 12", "w/c 12 Jan", "week commencing 12 January", "WB 12/1".
const WEEK_OF_RE = sticky('(?:(?:the\\s+)?week\\s+(?:of|commencing|beginning|starting)|w\\/[cb]|w\\.c\\.|wc|wb)\\.?:?\\s*');
const WEEK_RE = sticky(`(${WEEK_WORD}\\s*)(\\d{1,3})(?:(\\s*(?:[-–—]|to)\\s*${WEEK_WORD}?\\s*)(\\d{1,3}))?(?![\\da-z])`);
export const QUARTER_RE = /\b(?:q[1-4]|h[12]|[1-4][qh]|eo[wmqy]|fy|quarter)(?:'?\d\d){0,2}\b|\b(?:next|this|end of(?: the)?) (?:week|month|year)\b/;
export const MONTH_ONLY_RE = new RegExp(`^(?:(?:early|mid|late|end of|start of|beginning of|by|in|before)[\\s-]*)?(?:${MON})\\.?(?:,?\\s*'?\\d\\d(?:\\d\\d)?)?\\W*$`);
export const TBD_RE = /^[\s?.\-–—_/]*$|\b(?:tb[dca]|asap|n\/?a|to be \w+|unknown|pending)\b/;

/** One date as written, before its year is settled. `a`/`b` are month/day, or for numeric dates the two numbers as written. */
export interface Part {
  k: 'iso' | 'num' | 'mf' | 'df' | 'day';
  a: number;
  b: number;
  end: number;
  y?: string;
  comma?: boolean;
  sep?: string;
  /** A leading zero typed ("05"): true; a number below 10 typed with one digit: false; only numbers from 10 up: unknown. */
  pad?: boolean;
  ord?: boolean;
  of?: boolean;
  dot?: boolean;
  word?: string;
  /** Joined by hyphens: "05-Jan-27". */
  hy?: boolean;
  /** "5. Januar". */
  dayDot?: boolean;
  /** "de" before the year: "de 2027". */
  yearDe?: boolean;
  /** "de" before the month: "5 de enero" (`of` is set too). */
  de?: boolean;
}

export type Hit =
  | { i: number; end: number; first: Part | null; last: Part; joiner: string; compact: boolean; wd: RegExpExecArray | null; weekOf?: string }
  | { i: number; end: number; week: RegExpExecArray };

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

const monthOf = (word: string): number =>
  ENGLISH_MONTH_RE.test(word) ? SHORT.findIndex((m) => m.toLowerCase() === word.slice(0, 3).toLowerCase()) + 1 : (monthWord(word)?.month ?? 0);

/** The languages a date's month names can all be in, narrowed by how it writes ("5. Januar" is German, "5 de enero" Spanish or Portuguese). */
export function languagesOf(parts: (Part | null)[]): MonthLanguage[] {
  const named = parts.filter((p): p is Part => !!p?.word);
  let candidates = named.length ? [...MONTH_LANGUAGES] : [];
  for (const p of named) candidates = candidates.filter((l) => monthWord(p.word!)?.languages.includes(l));
  if (named.some((p) => p.dayDot)) candidates = candidates.filter((l) => l === 'de');
  if (named.some((p) => p.de || p.yearDe)) candidates = candidates.filter(writesDe);
  // Spanish and Portuguese write "5 de agosto" and "ago." with a dot; "5 agosto 2027", "5 ago 2027" are Italian's way.
  else if (candidates.includes('it') && !named.some((p) => p.dot)) candidates = ['it', ...candidates.filter((l) => l !== 'it')];
  return candidates;
}

/** Whether the date is in English as typed: its names are English and nothing in it is another language's way. */
export const typedInEnglish = (parts: Part[]): boolean => parts.every((p) => !p.word || ENGLISH_MONTH_RE.test(p.word)) && !parts.some((p) => p.dayDot || p.de || p.yearDe);

/**
 * The language of a date's month names, null for English. A name that is also English ("April",
 * "Mar") stays English unless the plan writes months in one of its other languages (`preferred`,
 * from documentLanguage); several languages left are settled by the plan's, else by the first.
 */
export function languageOf(parts: Part[], preferred: MonthLanguage | undefined): MonthLanguage | null {
  const candidates = languagesOf(parts);
  if (!candidates.length) return null;
  if (preferred && candidates.includes(preferred)) return preferred;
  return typedInEnglish(parts) ? null : candidates[0]!;
}

function withYear(p: Part, s: string): Part | null {
  if (p.hy) {
    const h = at(HYPHEN_YEAR_RE, s, p.end);
    if (h) return { ...p, y: h[1], end: p.end + h[0].length };
    // "Jan-27" is how spreadsheets write a month ("mmm-yy"), not January 27: month-first with hyphens needs its year.
    return p.k === 'df' ? p : null;
  }
  const de = p.k === 'df' ? at(DE_YEAR_RE, s, p.end) : null;
  if (de) return { ...p, y: de[1], yearDe: true, end: p.end + de[0].length };
  const m = at(YEAR_RE, s, p.end);
  // A bare two-digit year after a month-first date ("Mar 3 26") is too likely to be something else: it needs a comma.
  if (m && (m[2]!.length === 4 || m[1] || p.k === 'df')) return { ...p, y: m[2], comma: !!m[1], end: p.end + m[0].length };
  return p;
}

/** What the typed numbers say about leading zeros (Part.pad). */
function padding(...numbers: string[]): { pad?: boolean } {
  if (numbers.some((n) => n[0] === '0')) return { pad: true };
  return numbers.some((n) => n.length === 1) ? { pad: false } : {};
}

function single(s: string, i: number): Part | null {
  const found: (Part | null)[] = [];
  let m = at(ISO_RE, s, i);
  // "Padded" for year-first dates means no month or day typed with one digit ("2027/1/5" is not).
  if (m) found.push({ k: 'iso', a: +m[3]!, b: +m[4]!, y: m[1], sep: m[2], ...padding(m[3]!, m[4]!), end: i + m[0].length });
  m = at(NUM_RE, s, i);
  if (m) found.push({ k: 'num', a: +m[1]!, b: +m[3]!, y: m[4], sep: m[2], ...padding(m[1]!, m[3]!), end: i + m[0].length });
  m = at(MF_RE, s, i);
  if (m) found.push(withYear({ k: 'mf', a: monthOf(m[1]!), b: +m[4]!, word: m[1], dot: !!m[2], hy: !!m[3], ...padding(m[4]!), ord: !!m[5], end: i + m[0].length }, s));
  m = at(DF_RE, s, i);
  if (m) {
    const ord = m[2] !== undefined && m[2] !== '.';
    found.push(withYear({ k: 'df', a: monthOf(m[5]!), b: +m[1]!, word: m[5], dot: !!m[6], hy: !!m[4], ...padding(m[1]!), ord, dayDot: m[2] === '.', of: !!m[3], de: /de$/i.test(m[3] ?? ''), end: i + m[0].length }, s));
  }
  return found.filter((p): p is Part => p !== null).sort((x, y) => y.end - x.end)[0] ?? null;
}

function day(s: string, i: number): Part | null {
  const m = at(DAY_RE, s, i);
  return m ? { k: 'day', a: 0, b: +m[1]!, ord: !!m[2], end: i + m[0].length } : null;
}

const family = (p: Part): string => (p.k === 'mf' || p.k === 'df' ? 'text' : p.k);

function scanAt(s: string, i: number): Hit | null {
  const weekOf = at(WEEK_OF_RE, s, i);
  if (weekOf) {
    const first = single(s, i + weekOf[0].length);
    if (first) return { i, end: first.end, first: null, last: first, joiner: '', compact: false, wd: null, weekOf: weekOf[0] };
  }
  const wd = at(WD_RE, s, i);
  const from = wd ? i + wd[0].length : i;
  let hit: Hit | null = null;
  const first = single(s, from);
  if (first) {
    hit = { i, end: first.end, first: null, last: first, joiner: '', compact: false, wd };
    const j = at(JOIN_RE, s, first.end);
    if (j) {
      const k = first.end + j[0].length;
      const wd2 = at(WD_RE, s, k);
      const last = single(s, wd2 ? k + wd2[0].length : k);
      if (last && family(last) === family(first)) hit = { i, end: last.end, first, last, joiner: j[0], compact: false, wd: wd ?? wd2 };
      else if (!first.y && (first.k === 'mf' || first.k === 'num')) {
        // "Mar 3-7", "3/3-7": only the end's day follows; its month comes from the start.
        const d = day(s, k);
        const last2 = d && first.k === 'mf' ? withYear(d, s) : d;
        if (last2) hit = { i, end: last2.end, first, last: last2, joiner: j[0], compact: true, wd };
      }
    }
  } else {
    const d = day(s, from);
    const j = d && at(JOIN_RE, s, d.end);
    const last = d && j ? single(s, d.end + j[0].length) : null;
    // "3-7 March", "14-21/3": only the start's day comes first.
    if (d && j && (last?.k === 'df' || last?.k === 'num')) hit = { i, end: last.end, first: d, last, joiner: j[0], compact: true, wd };
  }
  const week = at(WEEK_RE, s, i);
  if (week && (!hit || i + week[0].length > hit.end)) return { i, end: i + week[0].length, week };
  return hit;
}

/** The leftmost date-like text in a cell, starting at a word boundary. */
export function scan(s: string, from = 0): Hit | null {
  for (let i = from; i < s.length; i++) {
    const prev = s[i - 1] ?? ' ';
    if (/[a-z\d]/i.test(prev) || (/[/.]/.test(prev) && /\d/.test(s[i]!))) continue;
    const hit = scanAt(s, i);
    if (hit) return hit;
  }
  return null;
}

/** Every numeric date in the texts: every date in every cell counts, not only each cell's due date ("Mar 3 (was 14/2)"). */
export function numericParts(texts: string[]): Part[] {
  const parts: Part[] = [];
  for (const t of texts)
    for (let h = scan(t); h; h = scan(t, h.end)) if ('last' in h) for (const p of [h.first, h.last]) if (p?.k === 'num') parts.push(p);
  return parts;
}

/** 'dmy' when a first number is above 12, 'mdy' when a second one is, else null. */
export function orderShown(parts: Part[]): 'dmy' | 'mdy' | null {
  return parts.some((p) => p.a > 12) ? 'dmy' : parts.some((p) => p.b > 12) ? 'mdy' : null;
}

/**
 * The date a slip arrow points to, right after `h` ("Jan 5 → Jan 12"), following a chain of them to
 * its last date; null when the last arrow points to no date yet ("Jan 5 → TBD", "Jan 5 → ?"): the
 * step has no date now, and the old one is history.
 */
export function afterArrows(text: string, h: Hit): Hit | null {
  for (;;) {
    const arrow = at(ARROW_RE, text, h.end);
    if (!arrow) return h;
    const rest = text.slice(h.end + arrow[0].length);
    const next = scanAt(text, h.end + arrow[0].length);
    if (next) h = next;
    else return NOT_YET_RE.test(rest) ? null : h;
  }
}
