/** Key dates: the "Evaluation start: Nov 16" lines of the Key dates section (or elsewhere, for a name not found there), read in order so week numbers count from the start. */
import type { DateContext } from '../cell-dates';
import type { KeyDateLine, KeyDateName, OutlineParagraph } from '../parsed-plan';
import { KEY_DATE_LABELS } from '../parsed-plan';
import { normaliseHeader } from './columns';
import { readDate } from './dates';
import type { Diagnostics } from './diagnostics';
import { KEY_DATE_ORDER, KEY_DATE_WORDS } from './header-words';
import type { PlanDocument } from './sections';
import { clean } from './text';

export interface KeyDateSource {
  name: KeyDateName;
  block: OutlineParagraph;
  label: string;
  valueText: string;
}

export const LABEL_LINE = /^\s*([^:–—]{1,40}?)\s*(?::|\s[–—-]\s)\s*(.*)$/s;

export function keyDateNameOf(label: string): KeyDateName | null {
  const l = normaliseHeader(label);
  let best: { name: KeyDateName; length: number } | null = null;
  for (const name of KEY_DATE_ORDER) {
    for (const phrase of KEY_DATE_WORDS[name]) {
      const p = normaliseHeader(phrase);
      if ((l === p || l.startsWith(`${p} `)) && (!best || p.length > best.length)) best = { name, length: p.length };
    }
  }
  return best?.name ?? null;
}

/** Key date lines: those in the Key dates section, then "Label: date" lines elsewhere for a name not found there. */
export function findKeyDateLines({ blocks, sections, titleAt }: PlanDocument): KeyDateSource[] {
  const inSection: KeyDateSource[] = [];
  const elsewhere: KeyDateSource[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || block.heading > 0 || i === titleAt || sections[i]?.changes) return;
    const m = LABEL_LINE.exec(block.text);
    const label = m?.[1];
    const name = label ? keyDateNameOf(label) : null;
    if (!name || !label) return;
    const source = { name, block, label, valueText: m?.[2] ?? '' };
    if (sections[i]?.name === 'keyDates') inSection.push(source);
    else if (sections[i]?.name !== 'steps' && sections[i]?.name !== 'successCriteria') elsewhere.push(source);
  });
  const found = new Map<KeyDateName, KeyDateSource>();
  for (const source of [...inSection, ...elsewhere]) if (!found.has(source.name)) found.set(source.name, source);
  return KEY_DATE_ORDER.flatMap((name) => found.get(name) ?? []);
}

/** The key dates from their lines; `diagnostics` (on the final read) hears about a line whose date could not be read. */
export function readKeyDates(lines: readonly KeyDateSource[], base: DateContext, diagnostics: Diagnostics | null): Record<KeyDateName, KeyDateLine | null> {
  const out: Record<KeyDateName, KeyDateLine | null> = { evaluationStart: null, decisionTarget: null, goLiveTarget: null };
  // The start comes first: "Decision target: Week 8" counts from it.
  for (const name of KEY_DATE_ORDER) {
    const line = lines.find((l) => l.name === name);
    if (!line) continue;
    const ctx: DateContext = { ...base, evaluationStart: out.evaluationStart?.date ?? null };
    const reading = readDate(line.valueText, line.block.chips, ctx);
    out[name] = {
      date: reading.kind === 'date' ? reading.date : null,
      text: line.block.text,
      valueText: line.valueText || reading.text,
      format: reading.kind === 'date' ? reading.format : null,
      paragraphIndex: line.block.index,
    };
    if (diagnostics && reading.kind === 'undated') {
      const where = `Key dates, ${clean(line.label) || KEY_DATE_LABELS[name]}`;
      const shown = clean(reading.text);
      const at = [line.block.index];
      if (reading.reason === 'unknown') diagnostics.warn('warning', where, shown, `${where}: "${shown}" is not a date, so it is treated as not set.`, null, at);
      else if (reading.reason === 'week') diagnostics.warn('warning', where, shown, `${where}: "${shown}" counts from the evaluation start, which is not given, so it is treated as not set.`, null, at);
    }
  }
  return out;
}
