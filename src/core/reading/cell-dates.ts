/** Reads due-date cells as people type them ("Mar 3", "3/14 (tentative)", "05-Jan-27", "Week 3", "TBD") and writes a new date back in the cell's own form. */
import { afterArrows, DAYS, languageOf, LONG, MONTH_ONLY_RE, orderShown, QUARTER_RE, scan, SHORT, TBD_RE, type Hit, type Part } from './cell-date-scan';
import type { DocumentPadding, DocumentYears } from './document-dates';
import { monthName, monthWord, writesDe, type MonthLanguage } from './month-names';
import type { IsoDate } from '../plan';
import { addDays, addWorkingDays, compareDates, dateParts, dayOfWeek, daysBetween, isoFromParts, isWorkingDay, workingDaysIn, WORKING_DAYS, type WorkCalendar } from '../scheduling/calendar';
import { MONDAY_WEEKS, moveByWeeks, weekDue } from '../scheduling/week-cells';

export type Weekday = 'none' | 'short' | 'long';
export type Caps = 'title' | 'lower' | 'upper';

/** A range written in a due cell ("Mar 3-7", "3/3 - 3/7"): the due date is its end; the start is kept only to write the range back. */
export interface DateRange {
  /** Calendar days from start to end: the length kept when the plan counts calendar days. */
  days: number;
  /**
   * Working days from start to end, both counted ("Jan 26-30" is 5): a moved range keeps this many
   * and starts on a working day ("Jan 26-30" moved 5 working days is "Feb 2-6"). 0 for a range
   * with no working day in it, which keeps its calendar days instead.
   */
  workdays: number;
  /** The text between start and end as typed: "-", " - ", " to ". */
  joiner: string;
  /**
   * One side carries only its day: "Mar 3-7" or "3-7 March". Numeric ranges are read in this
   * form ("3/3-7", "3-7/3") but written in full ("3/10-3/14"), which never reads ambiguously.
   */
  compact: boolean;
  /** The start was written with its own year ("Mar 3, 2026 - Apr 2, 2026"). */
  startYear: boolean;
}

/** What every written calendar date shares: an optional weekday (recomputed on write), letter case, and range. */
export interface Written {
  weekday: Weekday;
  /**
   * "Week of ", "w/c ", as typed before the date: the cell names a working week by its first day
   * and is due on that week's last working day; a new date is written as the Monday of its week.
   */
  weekOf?: string;
  /** The text between weekday and date as typed: " ", ", ". */
  weekdaySep: string;
  caps: Caps;
  range: DateRange | null;
}

/**
 * How a cell wrote its date, so a new date can be written the same way. `prefix` and `suffix`
 * are the cell's text around the date ("by ", " (tentative)"), kept verbatim. `yearDigits` 0
 * means the year was left out.
 */
export type DateFormat = { prefix: string; suffix: string } & (
  | ({
      style: 'iso';
      /** Year first with another separator than ISO's "-": "2027/01/05", "2027.01.05". */
      separator?: '/' | '.';
      /** A month or day typed with one digit ("2027/1/5"): written without leading zeros. */
      unpadded?: true;
    } & Written)
  | ({ style: 'numeric'; order: 'mdy' | 'dmy'; separator: '/' | '.' | '-'; yearDigits: 0 | 2 | 4; padded: boolean } & Written)
  | ({
      style: 'text';
      monthFirst: boolean;
      monthStyle: 'short' | 'long';
      /** "Mar." rather than "Mar". */
      dot: boolean;
      ordinal: boolean;
      /** "3rd of March". */
      of: boolean;
      yearDigits: 0 | 2 | 4;
      /** A comma before the year: "March 3, 2026". */
      comma: boolean;
      /** Day, month and year joined by hyphens, as spreadsheets write them: "05-Jan-27", "Jan-05-2027". */
      hyphens?: true;
      /** The day typed with a leading zero: "05-Jan-27", "05 Jan 2027". */
      padded?: true;
      /** The month named in another language ("5 janv. 2027", "5. Januar 2027"); absent: English. */
      language?: MonthLanguage;
      /** German's day with a dot: "5. Januar". */
      dayDot?: true;
      /** "de" before the year: "5 de enero de 2027" ("of" holds the one before the month). */
      yearDe?: true;
    } & Written)
  | {
      style: 'week';
      /** "Week ", "Wk ", "W" as typed. */
      word: string;
      /** Weeks from first to last in "Week 3-4" (1); 0 for a single week. */
      span: number;
      joiner: string;
    }
);

export type ParsedDate =
  | { kind: 'date'; date: IsoDate; format: DateFormat }
  | {
      kind: 'undated';
      /** 'quarter' covers any period coarser than a day: "Q2", "H1", "end of March", "next month". */
      reason: 'empty' | 'tbd' | 'quarter' | 'unknown';
      text: string;
    };

export interface DateContext {
  /** The document's order for numeric dates, from detectDayFirst. */
  dayFirst: boolean;
  /**
   * Dotted numeric dates ("5.1.2027") are day-first wherever they are written; true only when the
   * document itself writes one that can only be month-first ("12.31.2026"), from dottedMonthFirst.
   */
  dottedMonthFirst?: boolean;
  /** The date nearest the plan's other dates: a missing year is the one that puts the date nearest it. */
  referenceDate: IsoDate;
  /** Week 1 starts here ("Week 3" cells). */
  evaluationStart?: IsoDate | null;
  calendar?: WorkCalendar;
  /** formatDueDate only: the form for a date a "Week N" cell cannot say (the plan's usual form); default "Mar 3". */
  fallback?: DateFormat;
  /**
   * formatDueDate only: how the document writes a year, for a year-less cell that must now say one
   * ("1/15/27" where the plan writes "12/1/26"); from documentYears. Default: four digits.
   */
  years?: DocumentYears;
  /**
   * formatDueDate only: the plan writes a range inside one month compactly ("Mar 3-7"), from
   * documentRanges. Then a range written in full ("Jan 29-Feb 4") that moves inside one month is
   * written so too ("Feb 5-11"); otherwise it keeps the person's full form ("Feb 5-Feb 11").
   */
  compactRanges?: boolean | null;
  /**
   * Whether the document writes a day or month below 10 with a leading zero, per style, from
   * documentPadding: a cell whose own digits do not say ("29-Dec-26", "12/29/26") writes "06-Jan-27"
   * where the plan writes "05-Jan-27". Absent: not padded ("Mar 3", "1/5"), ISO padded.
   */
  paddedDays?: DocumentPadding;
  /**
   * The language the plan names months in, where a cell's month could be several ("agosto" is
   * Spanish, Italian and Portuguese; "April" English, German and Dutch), from documentLanguage.
   */
  monthLanguage?: MonthLanguage;
}

/** The order of a numeric date whose numbers are both 12 or less: dots have their own (dottedMonthFirst). */
function ambiguousOrder(separator: string | undefined, ctx: DateContext): 'dmy' | 'mdy' {
  if (separator === '.') return ctx.dottedMonthFirst ? 'mdy' : 'dmy';
  return ctx.dayFirst ? 'dmy' : 'mdy';
}

const yearOf = (iso: IsoDate): number => dateParts(iso).year;

/** A two-digit year in the century that puts it nearest the reference year ("26" is 2026, "99" is 1999 in a 2026 plan). */
function fullYear(y: string | undefined, ref: number): number | null {
  if (y === undefined) return null;
  if (y.length === 4) return +y;
  const c = ref - (ref % 100) + +y;
  return [c - 100, c + 100].reduce((best, n) => (Math.abs(n - ref) < Math.abs(best - ref) ? n : best), c);
}

/** The month/day in the year (reference year or either neighbour) nearest the reference: never "always the future". */
function nearest(month: number, dayOfMonth: number, ref: IsoDate): IsoDate | null {
  const y = yearOf(ref);
  let best: IsoDate | null = null;
  for (const year of [y, y + 1, y - 1]) {
    const iso = isoFromParts(year, month, dayOfMonth);
    if (iso && (!best || Math.abs(daysBetween(ref, iso)) < Math.abs(daysBetween(ref, best)))) best = iso;
  }
  return best;
}

const capsOf = (word: string): Caps => (word === word.toLowerCase() ? 'lower' : word.length > 1 && word === word.toUpperCase() ? 'upper' : 'title');

/** Monday of the week a day falls in (a Sunday belongs to the week it ends). */
function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** Week `n` counted from the evaluation start ("Week 3"): its seven days hold the week's due day. */
function weekEnd(start: IsoDate, n: number, calendar: WorkCalendar): IsoDate {
  return moveByWeeks(start, n - 1, { anchor: start, days: 7 }, calendar);
}

function build(text: string, h: Hit, ctx: DateContext): ParsedDate | null {
  const around = { prefix: text.slice(0, h.i), suffix: text.slice(h.end) };
  const calendar = ctx.calendar ?? WORKING_DAYS;
  if ('week' in h) {
    const [n1, n2] = [+h.week[2]!, +(h.week[4] ?? h.week[2]!)];
    const [lo, hi] = [Math.min(n1, n2), Math.max(n1, n2)];
    if (lo < 1 || !ctx.evaluationStart) return null;
    const format: DateFormat = { ...around, style: 'week', word: h.week[1]!, span: hi - lo, joiner: h.week[3] ?? '' };
    return { kind: 'date', date: weekEnd(ctx.evaluationStart, hi, calendar), format };
  }
  const { first, last, compact } = h;
  const parts = first ? [first, last] : [last];
  const refYear = yearOf(ctx.referenceDate);
  // Numeric order: a number above 12 settles it for the whole cell; otherwise the document's order for the cell's separator.
  const nums = parts.filter((p) => p.k === 'num');
  const order = orderShown(nums) ?? ambiguousOrder(nums[0]?.sep, ctx);
  const md = (p: Part): [number, number] => (p.k === 'num' && order === 'dmy' ? [p.b, p.a] : [p.a, p.b]);
  if (first && compact) {
    const [bare, full] = first.k === 'day' ? [first, last] : [last, first];
    bare.a = md(full)[0];
  }
  const [lm, ld] = md(last);
  const ly = fullYear(last.y, refYear);
  const fy = first && !compact ? fullYear(first.y, refYear) : null;
  let end: IsoDate | null;
  if (ly !== null) end = isoFromParts(ly, lm, ld);
  else if (fy !== null && first) {
    // A start with a year and an end without one: the end is the first such day on or after the start.
    const start = isoFromParts(fy, ...md(first));
    end = isoFromParts(fy, lm, ld);
    if (!end || (start && compareDates(start, end) > 0)) end = isoFromParts(fy + 1, lm, ld);
  } else end = nearest(lm, ld, ctx.referenceDate);
  if (!end) return null;
  let days = 0;
  let workdays = 0;
  if (first) {
    const [fm, fd] = md(first);
    let start = isoFromParts(fy ?? yearOf(end), fm, fd);
    // Without its own year a start is the latest such day on or before the end ("Dec 28 - Jan 3").
    if (start && fy === null && !compact && compareDates(start, end) > 0) start = isoFromParts(yearOf(end) - 1, fm, fd);
    if (!start || compareDates(start, end) > 0) return null;
    days = daysBetween(start, end);
    workdays = workingDaysIn(start, end, calendar);
  }
  if (h.weekOf) {
    // The week the named day falls in, due on its last working day (a holiday Friday makes it Thursday).
    end = weekDue(mondayOf(end), MONDAY_WEEKS, calendar);
    if (!end) return null;
  }
  const shape = compact && first?.k !== 'day' ? first! : last;
  // Leading zeros as the cell types them; a cell whose numbers are all 10 or more writes them as the document does.
  const padded = (style: keyof DocumentPadding): boolean => {
    const said = parts.map((p) => p.pad).filter((p) => p !== undefined);
    return said.length ? said.includes(true) : (ctx.paddedDays?.[style] ?? style === 'iso');
  };
  const yearDigits = last.y ? (last.y.length as 2 | 4) : 0;
  const wd = h.wd;
  const written: Written = {
    weekday: wd ? (/day$/i.test(wd[1]!) ? 'long' : 'short') : 'none',
    weekdaySep: wd?.[2] ?? ' ',
    caps: capsOf(shape.word ?? wd?.[1] ?? 'T'),
    range: first ? { days, workdays, joiner: h.joiner, compact, startYear: !compact && !!first.y } : null,
    ...(h.weekOf ? { weekOf: h.weekOf } : {}),
  };
  let format: DateFormat;
  if (shape.k === 'iso') {
    const separator = shape.sep === '/' || shape.sep === '.' ? shape.sep : null;
    format = { ...around, ...written, style: 'iso', ...(separator ? { separator } : {}), ...(padded('iso') ? {} : { unpadded: true as const }) };
  } else if (shape.k === 'num') {
    const separator = shape.sep as '/' | '.' | '-';
    format = { ...around, ...written, style: 'numeric', order, separator, yearDigits, padded: padded('numeric') };
  } else {
    const language = languageOf(parts, ctx.monthLanguage);
    // "May" ("mai", "juni") is both lengths; it says nothing about how the cell writes other months.
    const long = language
      ? parts.some((p) => p.word && monthWord(p.word)?.long === true)
      : parts.some((p) => p.word && p.word.toLowerCase() !== 'may' && LONG.some((m) => m.toLowerCase() === p.word!.toLowerCase()));
    format = {
      ...around,
      ...written,
      style: 'text',
      monthFirst: shape.k === 'mf',
      monthStyle: long ? 'long' : 'short',
      dot: parts.some((p) => p.dot),
      ordinal: parts.some((p) => p.ord),
      of: !!shape.of,
      yearDigits,
      comma: !!last.comma,
      ...(shape.hy ? { hyphens: true as const } : {}),
      ...(padded('text') ? { padded: true as const } : {}),
      ...(language ? { language } : {}),
      ...(shape.dayDot ? { dayDot: true as const } : {}),
      ...(last.yearDe ? { yearDe: true as const } : {}),
    };
  }
  return { kind: 'date', date: end, format };
}

/**
 * Reads a due-date cell. The first date in the cell is its due date ("Jan 29 (was Jan 22)": the
 * note names the old date after the new one), except that an arrow records a slip from the old
 * date to the new ("Jan 5 → Jan 12", "1/5 => 1/12"), so the date it points to is due, and the old
 * date and the arrow are kept as typed in the format's prefix. A range is due at its end; the text
 * around the date is kept in the format. Weekday names are not checked against the date (the
 * numbers are what people read) and are never a date on their own.
 */
export function parseDueDate(text: string, context: DateContext): ParsedDate {
  const undated = (reason: 'empty' | 'tbd' | 'quarter' | 'unknown'): ParsedDate => ({ kind: 'undated', reason, text });
  const t = text.trim().toLowerCase();
  if (!t) return undated('empty');
  const first = scan(text);
  if (first) {
    const hit = afterArrows(text, first);
    return hit ? (build(text, hit, context) ?? undated('unknown')) : undated('tbd');
  }
  if (QUARTER_RE.test(t) || MONTH_ONLY_RE.test(t)) return undated('quarter');
  return undated(TBD_RE.test(t) ? 'tbd' : 'unknown');
}

const cased = (word: string, caps: Caps): string => (caps === 'lower' ? word.toLowerCase() : caps === 'upper' ? word.toUpperCase() : word);

function ordinal(n: number, on: boolean): string {
  if (!on) return String(n);
  const suffixes = ['th', 'st', 'nd', 'rd'];
  return n + (n % 100 > 10 && n % 100 < 14 ? 'th' : (suffixes[n % 10] ?? 'th'));
}

type Dated = Exclude<DateFormat, { style: 'week' }>;

function weekdayText(date: IsoDate, f: Dated): string {
  if (f.weekday === 'none') return '';
  const name = DAYS[dayOfWeek(date)]!;
  return cased(f.weekday === 'long' ? name : name.slice(0, 3), f.caps) + f.weekdaySep;
}

function yearText(year: number, f: Dated, years?: DocumentYears): string {
  // A year-less cell that must now say its year says it as the document's other dates do.
  const digits = f.style === 'iso' ? 4 : f.yearDigits || (years?.[f.style] ?? 4);
  const yy = digits === 2 ? String(year % 100).padStart(2, '0') : String(year);
  if (f.style !== 'text') return yy;
  if (f.hyphens) return '-' + yy;
  // "5 de enero" that gains its year says it as Spanish and Portuguese do: "5 de enero de 2027".
  if (f.yearDe || (f.of && writesDe(f.language) && !f.yearDigits)) return ' de ' + yy;
  // A year added to a year-less "Mar 3" takes the usual "Mar 3, 2027".
  return (f.comma || (f.monthFirst && !f.yearDigits) ? ', ' : ' ') + yy;
}

/** A written-out date's day: "3", "3rd", "03" as the cell writes it. */
function dayText(d: number, f: Extract<Dated, { style: 'text' }>): string {
  return cased(ordinal(d, f.ordinal).padStart(f.padded ? 2 : 1, '0'), f.caps);
}

function one(date: IsoDate, f: Dated, withYear: boolean, order: 'mdy' | 'dmy', weekday = true, years?: DocumentYears): string {
  const { year, month, day: d } = dateParts(date);
  let out: string;
  if (f.style === 'iso') {
    const pad = (n: number): string => String(n).padStart(f.unpadded ? 1 : 2, '0');
    out = [String(year).padStart(4, '0'), pad(month), pad(d)].join(f.separator ?? '-');
  } else if (f.style === 'numeric') {
    const nums = (order === 'mdy' ? [month, d] : [d, month]).map((n) => String(n).padStart(f.padded ? 2 : 1, '0'));
    out = nums.join(f.separator) + (withYear ? f.separator + yearText(year, f, years) : '');
  } else {
    const name = f.language ? monthName(month, f.language, f.monthStyle === 'long', f.dot) : f.monthStyle === 'long' ? LONG[month - 1]! : SHORT[month - 1]! + (f.dot && month !== 5 ? '.' : '');
    // The tables write each language's own capitals ("Januar", "janvier"); a cell's title case capitalises.
    const mon = f.caps === 'title' ? name[0]!.toUpperCase() + name.slice(1) : cased(name, f.caps);
    const dd = dayText(d, f) + (f.dayDot ? '.' : '');
    const sep = f.hyphens ? '-' : ' ';
    const of = f.of ? (writesDe(f.language) ? ' de' : ' of') : '';
    out = (f.monthFirst ? `${mon}${sep}${dd}` : `${dd}${of}${sep}${mon}`) + (withYear ? yearText(year, f, years) : '');
  }
  return (weekday ? weekdayText(date, f) : '') + out;
}

function weekText(date: IsoDate, f: Extract<DateFormat, { style: 'week' }>, ctx: DateContext): string | null {
  const start = ctx.evaluationStart;
  if (!start) return null;
  const calendar = ctx.calendar ?? WORKING_DAYS;
  // The week the date falls in, counted from the start; then check that the date is that week's due day.
  const n = Math.floor(daysBetween(start, date) / 7) + 1;
  return n > f.span && weekEnd(start, n, calendar) === date ? f.word + (f.span ? `${n - f.span}${f.joiner}` : '') + n : null;
}

const PLAIN: Dated = {
  prefix: '',
  suffix: '',
  style: 'text',
  monthFirst: true,
  monthStyle: 'short',
  dot: false,
  ordinal: false,
  of: false,
  yearDigits: 0,
  comma: false,
  weekday: 'none',
  weekdaySep: ' ',
  caps: 'title',
  range: null,
};

/**
 * Writes `date` the way `format` was written, text around it included. A year the cell left out
 * stays out while the new date is in the same year as the cell's old date (`previous`; without
 * it, the reference year) and reads back as the same date; else the year is written as the
 * document writes years (`context.years`: "1/15/27" where the plan writes "12/1/26"). A range
 * keeps its length in working days (calendar days on a calendar-days plan), so it starts on a
 * working day; a compact range writes compactly again when both ends share a month, and a full one
 * too where the plan writes ranges compactly (`context.compactRanges`). "Week of Jan 12" is
 * written as the Monday of the new date's week. A numeric date whose day is 12 or less follows
 * the document's order, so that it reads back right. A "Week N" cell stays a week when the date
 * is a week's last working day; else it gets `context.fallback` (default "Mar 3"), weeks being
 * relative and not every date a week's end.
 */
export function formatDueDate(date: IsoDate, format: DateFormat, context: DateContext, previous?: IsoDate | null): string {
  const { prefix, suffix } = format;
  let f: Dated;
  if (format.style === 'week') {
    const w = weekText(date, format, context);
    if (w !== null) return prefix + w + suffix;
    const fb = context.fallback;
    f = { ...(fb && fb.style !== 'week' ? fb : PLAIN), range: null };
  } else f = format;
  const calendar = context.calendar ?? WORKING_DAYS;
  // "Week of" names the week by its Monday; everything else writes the date itself.
  const shown = f.weekOf !== undefined ? mondayOf(date) : date;
  const { year, month, day: d } = dateParts(shown);
  const yearless = (f.style === 'text' || f.style === 'numeric') && f.yearDigits === 0;
  const inferredYear = previous ? yearOf(previous) : yearOf(context.referenceDate);
  const showYear = !yearless || yearOf(date) !== inferredYear || nearest(month, d, context.referenceDate) !== shown;
  const r = f.range;
  const start = r ? rangeStart(date, r, calendar) : shown;
  const order = f.style === 'numeric' && (d > 12 || dateParts(start).day > 12) ? f.order : ambiguousOrder(f.style === 'numeric' ? f.separator : undefined, context);
  const years = context.years;
  let body: string;
  if (!r) body = (f.weekOf ?? '') + one(shown, f, showYear, order, true, years);
  // A full range ("Jan 29-Feb 4") that now sits in one month goes compact only where the plan writes ranges so.
  else if ((r.compact || (context.compactRanges === true && !r.startYear)) && f.style === 'text' && !f.hyphens && start.slice(0, 7) === date.slice(0, 7)) {
    const [sd, ed] = [dateParts(start).day, d].map((n) => dayText(n, f));
    body = f.monthFirst
      ? one(start, f, false, order) + r.joiner + ed + (showYear ? yearText(year, f, years) : '')
      : weekdayText(start, f) + sd + r.joiner + one(date, f, showYear, order, false, years);
  } else body = one(start, f, r.startYear, order, true, years) + r.joiner + one(date, f, showYear, order, true, years);
  // "31.12." is a dotted date without its year, its closing dot part of it: with the year it is "7.1.2027".
  const closed = yearless && showYear && f.style === 'numeric' && f.separator === '.' && suffix.startsWith('.');
  return prefix + body + (closed ? suffix.slice(1) : suffix);
}

/** Where a moved range starts: as many working days before its end as it had, on a working day. */
function rangeStart(end: IsoDate, r: DateRange, calendar: WorkCalendar): IsoDate {
  if (calendar.calendarDays || r.workdays === 0) return addDays(end, -r.days);
  let last = end;
  for (let i = 0; i < 366 && !isWorkingDay(last, calendar); i++) last = addDays(last, -1);
  return r.workdays > 1 ? addWorkingDays(last, -(r.workdays - 1), calendar) : last;
}
