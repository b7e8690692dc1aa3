/** Key dates: the "Evaluation start: Nov 16" lines of the Key dates section (or elsewhere, for a name not found there), read in order so week numbers count from the start. */
import type { DateContext } from './cell-dates';
import type { CellRef, Chip, KeyDateLine, KeyDateName, OutlineTable } from './parsed-plan';
import { KEY_DATE_LABELS } from './parsed-plan';
import { normaliseHeader } from './columns';
import { readDate } from './dates';
import type { Diagnostics } from './diagnostics';
import { KEY_DATE_ORDER, KEY_DATE_STAND_INS, KEY_DATE_WORDS } from './header-words';
import type { PlanDocument } from './sections';
import { clean } from './text';

export interface KeyDateSource {
  name: KeyDateName;
  label: string;
  /** The whole paragraph or cell. */
  text: string;
  valueText: string;
  valueOffset: number;
  chips: readonly Chip[];
  paragraphIndex: number;
  cell: CellRef | null;
  /**
   * A line among the steps (under a Steps heading, or in a plan whose only heading is "Next
   * steps"): a key date only when its value reads as a date, so that a note such as "Decision: we
   * go with option B" is not taken for the decision target.
   */
  loose?: boolean;
}

export const LABEL_LINE = /^\s*([^:–—]{1,40}?)\s*(?::|\s[–—-]\s)\s*(.*)$/s;

/** Where one labelled date may end and the next begin: "·", "•", "|", ";", ",", a dash between spaces, a soft line break. */
const SEPARATOR = /\s*(?:[·•|;,\r\n\v]|\s[—–]\s)\s*/g;

/**
 * The labelled dates of one paragraph: "Evaluation start: Nov 16, 2026 · Decision target: Jan 15,
 * 2027" gives two, each with where its value sits. A separator splits only where a known key-date
 * label follows it, so "Jan 26 – 30" or "Dec 7, 2026" stay whole.
 */
export function labelledDates(text: string): { name: KeyDateName; label: string; valueText: string; valueOffset: number }[] {
  const starts: number[] = [0];
  for (const m of text.matchAll(SEPARATOR)) {
    const at = (m.index ?? 0) + m[0].length;
    const label = LABEL_LINE.exec(text.slice(at))?.[1];
    if (label && keyDateNameOf(label) !== null && at > 0) starts.push(at);
  }
  const out: { name: KeyDateName; label: string; valueText: string; valueOffset: number }[] = [];
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    // The segment runs to the separator before the next label.
    let to = next ?? text.length;
    if (next !== undefined) {
      const sep = [...text.slice(from, next).matchAll(SEPARATOR)].pop();
      if (sep) to = from + (sep.index ?? 0);
    }
    const segment = text.slice(from, to);
    const m = LABEL_LINE.exec(segment);
    const label = m?.[1];
    const name = label ? keyDateNameOf(label) : null;
    if (!m || !label || !name) return;
    const value = m[2] ?? '';
    const valueText = next === undefined ? value : value.trimEnd();
    out.push({ name, label, valueText, valueOffset: from + segment.length - value.length });
  });
  return out;
}

export function keyDateNameOf(label: string): KeyDateName | null {
  return keyDateLabel(label)?.name ?? null;
}

/** The key date a label names, and whether it only stands in for it ("Contract start date"; see KEY_DATE_STAND_INS). */
export function keyDateLabel(label: string): { name: KeyDateName; standIn: boolean } | null {
  const l = normaliseHeader(label);
  let best: { name: KeyDateName; standIn: boolean; length: number } | null = null;
  for (const name of KEY_DATE_ORDER) {
    for (const [phrases, standIn] of [[KEY_DATE_WORDS[name], false], [KEY_DATE_STAND_INS[name] ?? [], true]] as const) {
      for (const phrase of phrases) {
        const p = normaliseHeader(phrase);
        if ((l === p || l.startsWith(`${p} `)) && (!best || p.length > best.length)) best = { name, standIn, length: p.length };
      }
    }
  }
  return best && { name: best.name, standIn: best.standIn };
}

/**
 * Which label each chip of a paragraph belongs to. One label takes them all. With several
 * ("Evaluation start: Nov 16, 2026 · Decision target: [chip] · Go-live target: Mar 1, 2027"), the
 * text the reader sees has no chip in it, so a date chip belongs to a label whose value holds no
 * date of its own, in order: the chips are in document order, and so are the labels.
 */
function chipsByLabel(found: readonly { valueText: string }[], chips: readonly Chip[]): Chip[][] {
  if (found.length <= 1) return [chips.slice()];
  const dates = chips.filter((c) => c.kind === 'date');
  let next = 0;
  return found.map((d) => (!/\d/.test(d.valueText) && next < dates.length ? [dates[next++] as Chip] : []));
}

/**
 * Key date lines, best first: those in the Key dates section (rows of a "Key dates" table count as
 * lines of the section), then "Label: date" lines elsewhere, then lines among the steps (`loose`),
 * then labels that only stand in for a key date. A title the reader does not recognise leaves
 * every line in no section or in the steps, and they are still read.
 */
export function findKeyDateLines({ blocks, sections, titleAt }: PlanDocument, tables: readonly KeyDateTable[] = []): KeyDateSource[] {
  const inSection: KeyDateSource[] = [];
  const elsewhere: KeyDateSource[] = [];
  const loose: KeyDateSource[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || block.heading > 0 || i === titleAt || sections[i]?.changes) return;
    const found = labelledDates(block.text);
    const chipsOf = chipsByLabel(found, block.chips);
    found.forEach((d, n) => {
      const source: KeyDateSource = { ...d, text: block.text, chips: chipsOf[n] ?? [], paragraphIndex: block.index, cell: null };
      const section = sections[i]?.name;
      if (section === 'keyDates') inSection.push(source);
      else if (section === 'steps') loose.push({ ...source, loose: true });
      else if (section !== 'successCriteria') elsewhere.push(source);
    });
  });
  for (const t of tables) inSection.push(...t.rows);
  const all = [...inSection, ...elsewhere, ...loose];
  const standIn = (s: KeyDateSource): boolean => keyDateLabel(s.label)?.standIn === true;
  return [...all.filter((s) => !standIn(s)), ...all.filter(standIn)];
}

/** A "Key dates" table: a column naming each date ("Milestone", "Key date") and a date column. */
export interface KeyDateTable {
  table: OutlineTable;
  rows: KeyDateSource[];
}

const LABEL_HEADER = /^(?:milestone|milestones|key date|key dates|event|events|what|date type|name|item|key milestone|key milestones)$/;
const STEP_ONLY_HEADER = /\b(?:owner|owners|status|progress|responsible|who|assignee|depends|dependency|dependencies|predecessor)\b/;
const DATE_HEADER = /^(?:date|dates|target date|target|when|deadline|due|due date|planned date)$/;

/**
 * The tables that hold key dates rather than steps: a label column and a date column (four columns
 * at most), with rows naming key dates. In the Key dates section one such row is enough; elsewhere
 * it takes two, and at least half its rows, so that a table of milestones that happens to hold
 * "Kickoff" and "Go-live" rows among others stays a plan of steps. Under the Steps heading a table
 * is never key dates.
 */
export function findKeyDateTables({ blocks, sections }: PlanDocument): KeyDateTable[] {
  const out: KeyDateTable[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'table' || sections[i]?.changes || sections[i]?.name === 'steps') return;
    const headers = (block.rows[0]?.cells ?? []).map((c) => normaliseHeader(c.text));
    if (headers.length < 2 || headers.length > 4) return;
    const labelColumn = headers.findIndex((h) => LABEL_HEADER.test(h));
    const dateColumn = headers.findIndex((h) => DATE_HEADER.test(h));
    if (labelColumn < 0 || dateColumn < 0) return;
    // Outside the Key dates section, a table with an owner or status column is a plan of steps.
    if (sections[i]?.name !== 'keyDates' && headers.some((h) => STEP_ONLY_HEADER.test(h))) return;
    const rows: KeyDateSource[] = [];
    block.rows.slice(1).forEach((row, r) => {
      const label = clean(row.cells[labelColumn]?.text ?? '');
      const name = keyDateNameOf(label);
      const cell = row.cells[dateColumn];
      if (!name || !cell) return;
      rows.push({ name, label, text: cell.text, valueText: cell.text, valueOffset: 0, chips: cell.chips, paragraphIndex: block.index, cell: { tableIndex: block.index, row: r + 1, column: dateColumn } });
    });
    const filled = block.rows.slice(1).filter((row) => clean(row.cells[labelColumn]?.text ?? '') !== '').length;
    const enough = sections[i]?.name === 'keyDates' ? rows.length >= 1 : rows.length >= 2 && rows.length * 2 >= filled;
    if (enough) out.push({ table: block, rows });
  });
  return out;
}

/** The key dates from their lines; `diagnostics` (on the final read) hears about a line whose date could not be read. */
export function readKeyDates(lines: readonly KeyDateSource[], base: DateContext, diagnostics: Diagnostics | null): Record<KeyDateName, KeyDateLine | null> {
  const out: Record<KeyDateName, KeyDateLine | null> = { evaluationStart: null, decisionTarget: null, goLiveTarget: null };
  // The start comes first: "Decision target: Week 8" counts from it.
  for (const name of KEY_DATE_ORDER) {
    const ctx: DateContext = { ...base, evaluationStart: out.evaluationStart?.date ?? null };
    // The first line naming it, passing over lines among the steps whose value is no date.
    const candidates = lines.filter((l) => l.name === name).map((line) => ({ line, reading: readDate(line.valueText, line.chips, ctx) }));
    const chosen = candidates.find(({ line, reading }) => !line.loose || reading.kind === 'date' || reading.reason === 'week' || reading.reason === 'tbd');
    if (!chosen) continue;
    const { line, reading } = chosen;
    out[name] = {
      date: reading.kind === 'date' ? reading.date : null,
      text: line.text,
      valueText: line.valueText || reading.text,
      valueOffset: line.valueText ? line.valueOffset : line.text.length,
      format: reading.kind === 'date' ? reading.format : null,
      paragraphIndex: line.paragraphIndex,
      cell: line.cell,
      inChip: line.chips.some((c) => c.kind === 'date'),
    };
    if (diagnostics && reading.kind === 'undated') {
      const where = `Key dates, ${clean(line.label) || KEY_DATE_LABELS[name]}`;
      const shown = clean(reading.text);
      const at = line.cell ? [line.cell.tableIndex, line.cell.row, line.cell.column] : [line.paragraphIndex];
      if (reading.reason === 'unknown') diagnostics.warn('warning', where, shown, `${where}: "${shown}" is not a date, so it is treated as not set.`, null, at);
      else if (reading.reason === 'week') diagnostics.warn('warning', where, shown, `${where}: "${shown}" counts from the evaluation start, which is not given, so it is treated as not set.`, null, at);
    }
  }
  return out;
}
