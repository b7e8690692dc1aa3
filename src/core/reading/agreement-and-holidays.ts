/** The plan's own lines about itself: "Agreed by: Dana Lee, Globex, Dec 8, 2026" (the prospect's agreement) and "Holidays: Dec 24, Dec 25, Jan 1" (days nobody works). */
import { addDays, compareDates } from '../scheduling/calendar';
import { parseDueDate, type DateContext } from './cell-dates';
import type { Agreement, OutlineParagraph } from './parsed-plan';
import type { IsoDate } from '../plan';
import { readDate } from './dates';
import type { Diagnostics } from './diagnostics';
import type { PlanDocument } from './sections';
import { clean } from './text';

export const AGREED = /^\s*(?:agreed|approved|signed off|signed-off|accepted|confirmed|endorsed)(?:\s+(?:to\s+)?(?:by|on behalf of))?\s*[:–—-]\s*(.*)$/is;
const HOLIDAYS = /^\s*(?:holidays|public holidays|company holidays|bank holidays|non-working days|non working days|office closed|office closures|closed on|blackout dates)\s*[:–—-]\s*(.*)$/is;
/** "[Name and title]", "[date agreed]", "<Their company>": a part not filled in yet. */
const PLACEHOLDER = /^\s*(?:\[[^\]]*\]|<[^>]*>|_+|\.{3,}|…|tbd|tbc|pending)\s*$/i;

/** Plain lines of the plan outside the change log, with their block. */
function lines(doc: PlanDocument): OutlineParagraph[] {
  return doc.blocks.filter((b, i): b is OutlineParagraph => b.kind === 'paragraph' && b.heading === 0 && i !== doc.titleAt && !doc.sections[i]?.changes);
}

/**
 * The "Agreed by" line: name, company and date, each null while it is still a placeholder. The
 * date is the trailing part that reads as a date ("Dec 8, 2026" spans two comma parts); the
 * company the part before it (the prospect's name when it is among them), the name the first part.
 */
export function readAgreement(doc: PlanDocument, dates: DateContext, theirCompany: string): Agreement | null {
  for (const block of lines(doc)) {
    const m = AGREED.exec(block.text);
    if (!m) continue;
    const parts = (m[1] ?? '').split(/\s*[,;]\s*/).map((p) => clean(p)).filter((p) => p !== '');
    let date: IsoDate | null = null;
    for (const take of [2, 1]) {
      if (parts.length < take) continue;
      const reading = readDate(parts.slice(-take).join(', '), take === 1 ? block.chips : [], dates);
      if (reading.kind === 'date' && !PLACEHOLDER.test(parts[parts.length - 1] ?? '')) {
        date = reading.date;
        parts.splice(parts.length - take, take);
        break;
      }
    }
    // A trailing placeholder date ("[date agreed]") is not a name or company.
    if (date === null && parts.length > 1 && PLACEHOLDER.test(parts[parts.length - 1] ?? '')) parts.pop();
    const filled = (p: string | undefined): string | null => (p && !PLACEHOLDER.test(p) && !/[[\]<>]/.test(p) ? p : null);
    const theirs = theirCompany.trim().toLowerCase();
    const companyAt = theirs ? parts.findIndex((p, i) => i > 0 && p.toLowerCase().includes(theirs.split(/\s+/)[0] ?? theirs)) : -1;
    const company = companyAt > 0 ? filled(parts[companyAt]) : parts.length > 1 ? filled(parts[parts.length - 1]) : null;
    return { text: block.text, name: filled(parts[0]), company, date, paragraphIndex: block.index };
  }
  return null;
}

/** "Dec 24-26": the days of a range within one month. */
const DAY_RANGE = /^(.*?\b)(\d{1,2})\s*[-–—]\s*(\d{1,2})$/;

/**
 * The days a "Holidays:" (or "Non-working days:") line lists, read with the document's date rules:
 * "Dec 24, Dec 25, Jan 1", "Dec 24-26, 2026", "12/24; 12/31". What is not a date is reported.
 */
export function readHolidays(doc: PlanDocument, dates: DateContext, diagnostics: Diagnostics): IsoDate[] {
  const out = new Set<IsoDate>();
  for (const block of lines(doc)) {
    const m = HOLIDAYS.exec(block.text);
    if (!m) continue;
    // Split on commas and "and", then put a lone year back on the date before it ("Dec 25, 2026").
    const raw = (m[1] ?? '').split(/\s*(?:[,;]|\band\b)\s*/i).map((p) => clean(p)).filter((p) => p !== '');
    const parts: string[] = [];
    for (const p of raw) {
      if (/^\d{4}$/.test(p) && parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}, ${p}`;
      else parts.push(p);
    }
    const where = `Holidays line`;
    for (const part of parts) {
      const range = DAY_RANGE.exec(part.replace(/,\s*\d{4}$/, ''));
      const year = /,\s*(\d{4})$/.exec(part)?.[1];
      if (range && !/\d[/.]\d/.test(part)) {
        const first = parseDueDate(`${range[1] ?? ''}${range[2] ?? ''}${year ? `, ${year}` : ''}`, dates);
        const last = parseDueDate(`${range[1] ?? ''}${range[3] ?? ''}${year ? `, ${year}` : ''}`, dates);
        if (first.kind === 'date' && last.kind === 'date' && compareDates(first.date, last.date) <= 0) {
          for (let d = first.date; compareDates(d, last.date) <= 0; d = addDays(d, 1)) out.add(d);
          continue;
        }
      }
      const day = parseDueDate(part, dates);
      if (day.kind === 'date') out.add(day.date);
      else diagnostics.warn('warning', where, part, `${where}: "${part}" is not a date, so it is not counted as a holiday.`, null, [block.index]);
    }
  }
  return [...out].sort();
}
