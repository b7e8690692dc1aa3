/** Sections: the plan's title, the companies it names, and the part of the plan each block sits in (by heading, or by a line that is just a part's name). */
import type { OutlineBlock, OutlineParagraph } from './parsed-plan';
import { normaliseHeader } from './columns';
import { CHANGES_HEADING_WORDS, SECTION_HEADING_WORDS, type SectionName } from './header-words';
import { clean } from './text';

export function sectionOfHeading(text: string): SectionName | null {
  const h = normaliseHeader(text);
  if (!h) return null;
  let best: { name: SectionName; length: number } | null = null;
  for (const name of Object.keys(SECTION_HEADING_WORDS) as SectionName[]) {
    for (const phrase of SECTION_HEADING_WORDS[name]) {
      const p = normaliseHeader(phrase);
      if ((h === p || h.startsWith(`${p} `)) && (!best || p.length > best.length)) best = { name, length: p.length };
    }
  }
  return best?.name ?? null;
}

export interface Section {
  name: SectionName | null;
  /** The heading as written, to name a table in a sentence ("the one under "Next steps""). */
  heading: string | null;
  /** Body index of the heading or name line that opened the section; -1 before any. */
  start: number;
  /** The plan's "Changes" log: dated lines the add-on writes; no part of the plan is read from it. */
  changes?: boolean;
}

/** Whether a heading (or a line that is just it) opens the plan's change log. */
export function isChangesHeading(text: string): boolean {
  const h = normaliseHeader(text);
  return CHANGES_HEADING_WORDS.some((w) => {
    const p = normaliseHeader(w);
    return h === p || h.startsWith(`${p} `);
  });
}

const PLAN_TITLE = /mutual action plan/i;
/** "MAP" as a word, in capitals, as people shorten the title ("Acme / Globex MAP"). */
const MAP_TITLE = /(?:^|[^\p{L}])MAP(?:$|[^\p{L}])/u;

/**
 * The section each block sits in. A heading starts one; so does a short plain paragraph that is
 * exactly a section's name ("Key dates:" in bold), since people often skip heading styles. A
 * deeper heading that is no section of ours ("Phase 1" under "Steps") stays in its parent.
 */
export function sectionsOf(blocks: readonly OutlineBlock[], titleAt: number): Section[] {
  const out: Section[] = [];
  let current: Section & { level: number } = { name: null, heading: null, start: -1, level: 0 };
  blocks.forEach((block, i) => {
    const start = block.index;
    const changes = block.kind === 'paragraph' && i !== titleAt && block.list === null && clean(block.text).length <= 60 && isChangesHeading(clean(block.text));
    if (changes && block.kind === 'paragraph') {
      const text = clean(block.text);
      if (block.heading > 0 || CHANGES_HEADING_WORDS.some((w) => normaliseHeader(w) === normaliseHeader(text))) {
        current = { name: null, heading: text, start, level: block.heading > 0 ? block.heading : 7, changes: true };
        out.push({ name: null, heading: text, start, changes: true });
        return;
      }
    }
    // Everything under the change log's heading, down to the next heading of its level or above, is the log.
    if (current.changes && !(block.kind === 'paragraph' && block.heading > 0 && block.heading <= current.level && clean(block.text) !== '')) {
      out.push({ name: null, heading: current.heading, start: current.start, changes: true });
      return;
    }
    if (block.kind === 'paragraph' && i !== titleAt) {
      const text = clean(block.text);
      const name = block.list === null && text.length <= 60 ? sectionOfHeading(text) : null;
      const isHeading = block.heading > 0 && text !== '';
      const exactName = name !== null && block.heading === 0 && SECTION_HEADING_WORDS[name].some((w) => normaliseHeader(w) === normaliseHeader(text));
      if (isHeading && name) current = { name, heading: text, start, level: block.heading };
      else if (isHeading && !(current.name && block.heading > current.level)) current = { name: null, heading: text, start, level: block.heading };
      else if (exactName && name) current = { name, heading: text, start, level: 7 };
    }
    if (i === titleAt) current = { name: null, heading: null, start, level: 0 };
    out.push({ name: current.name, heading: current.heading, start: current.start });
  });
  return out;
}

/** A line that titles a plan: "Mutual Action Plan: Acme + Globex", "Acme / Globex MAP". */
export function isPlanTitle(b: OutlineBlock): boolean {
  return b.kind === 'paragraph' && b.list === null && (PLAN_TITLE.test(b.text) || MAP_TITLE.test(b.text)) && clean(b.text).length <= 120;
}

/** The other names people give a MAP: "Success Plan", "Mutual plan", "Joint execution plan", "Acme | Globex close plan". */
const KIND_OF_PLAN = /\b(?:mutual|joint|success|close|closing|deal|execution|evaluation|partnership|customer success)\s+(?:(?:action|success|execution|close|closing)\s+)?plan\b/i;
/** "Plan: Acme + Globex", "Plan — Globex / Acme": a plan named by the companies it joins. */
const PLAN_OF = /^plan\s*[:\-–—|]\s*\S/i;

/**
 * A title by another name than a Mutual Action Plan, at the top of the document (before its first
 * table): "Success Plan — Globex / Acme", "Plan: Acme + Globex", "Acme | Globex close plan", "Joint
 * plan". A line that is just a part's name ("Action plan", "The plan") stays that part.
 */
function isOtherPlanTitle(b: OutlineBlock): boolean {
  if (b.kind !== 'paragraph' || b.list !== null) return false;
  const text = clean(b.text);
  if (text.length > 120 || !(KIND_OF_PLAN.test(text) || PLAN_OF.test(text))) return false;
  const name = sectionOfHeading(text);
  return !(name && SECTION_HEADING_WORDS[name].some((w) => normaliseHeader(w) === normaliseHeader(text)));
}

/**
 * The plan's title: a heading naming a Mutual Action Plan, else such a line, else a plan by another
 * name above the first table (a heading, or the first line with text), else the first Heading 1
 * that is no section of ours.
 */
export function findTitle(blocks: readonly OutlineBlock[]): number {
  const titled = isPlanTitle;
  const named = blocks.findIndex((b) => titled(b) && b.kind === 'paragraph' && b.heading > 0);
  if (named >= 0) return named;
  const line = blocks.findIndex(titled);
  if (line >= 0) return line;
  const firstTable = blocks.findIndex((b) => b.kind === 'table');
  const top = firstTable < 0 ? blocks : blocks.slice(0, firstTable);
  const firstLine = top.findIndex((b) => b.kind === 'paragraph' && clean(b.text) !== '');
  const other = top.findIndex((b, i) => isOtherPlanTitle(b) && (i === firstLine || (b.kind === 'paragraph' && b.heading > 0)));
  if (other >= 0) return other;
  return blocks.findIndex((b) => b.kind === 'paragraph' && b.heading === 1 && clean(b.text) !== '' && sectionOfHeading(b.text) === null);
}

/** Words that say what kind of plan a title names, one to three of them before "plan" ("Joint Evaluation Plan", "Mutual Close Plan"). */
const PLAN_KIND = '(?:mutual|joint|success|close|closing|deal|execution|evaluation|partnership|action|buying|decision|implementation|onboarding|customer)';
const PLAN_THEN_COMPANIES = new RegExp(`^(?:${PLAN_KIND}\\s+){0,3}plan\\s*[:\\-–—|]\\s*(.+)$`, 'i');
const COMPANIES_THEN_PLAN = new RegExp(`^(.+?)\\s*[:\\-–—|]?\\s*(?:${PLAN_KIND}\\s+){1,3}plan$`, 'i');

/**
 * The two companies a title names, in its order: "Mutual Action Plan: Acme + Globex", "Globex <>
 * Acme: Mutual Action Plan", "Acme / Globex MAP". The add-on writes the seller's first, but people
 * do not always: ourCompany() decides which is whose.
 */
export function companiesFromTitle(title: string): { yourCompany: string; theirCompany: string } | null {
  const t = clean(title);
  const m =
    /mutual action plan\s*[:\-–—|]\s*(.+)$/i.exec(t) ??
    /^(.+?)\s*[:\-–—|]?\s*mutual action plan$/i.exec(t) ??
    /^MAP\s*[:\-–—|]\s*(.+)$/.exec(t) ??
    /^(.+?)\s*[:\-–—|]?\s*MAP$/.exec(t) ??
    // "Success Plan — Globex / Acme", "Plan: Acme + Globex", "Acme | Globex close plan", "Acme x Initech – Joint Evaluation Plan".
    PLAN_THEN_COMPANIES.exec(t) ??
    COMPANIES_THEN_PLAN.exec(t);
  const pair = m?.[1];
  if (!pair) return null;
  for (const joiner of [/\s+\+\s+|\+/, /\s+<>\s+/, /\s+(?:x|×)\s+/i, /\s+&\s+/, /\s+\/\s+/, /\s+\|\s+/, /\s+and\s+/i, /\s+(?:vs\.?|with)\s+/i]) {
    const parts = pair.split(joiner).map((p) => p.trim());
    if (parts.length === 2 && parts[0] && parts[1]) return { yourCompany: parts[0], theirCompany: parts[1] };
  }
  return null;
}

/**
 * The plan's two companies for a message: as the reader decided them (ParsedPlan.companies), else,
 * for a plan built without the reader, the title's order.
 */
export function planCompanies(plan: { title: string | null; companies?: { yourCompany: string; theirCompany: string } }): { yourCompany: string; theirCompany: string } | null {
  return plan.companies ?? (plan.title ? companiesFromTitle(plan.title) : null);
}

/** A plain line that is exactly a part's name ("Key dates:" in bold): it opens the part and is not its content. */
export function isSectionLabel(block: OutlineParagraph): boolean {
  const name = sectionOfHeading(block.text);
  return name !== null && SECTION_HEADING_WORDS[name].some((w) => normaliseHeader(w) === normaliseHeader(block.text));
}

/** The document as the stages see it: its blocks, the plan's title among them, and each block's section. */
export interface PlanDocument {
  blocks: readonly OutlineBlock[];
  /** Position of the title in `blocks`, or -1. */
  titleAt: number;
  /** Parallel to `blocks`. */
  sections: readonly Section[];
}

export function planDocument(blocks: readonly OutlineBlock[]): PlanDocument {
  const titleAt = findTitle(blocks);
  return { blocks, titleAt, sections: sectionsOf(blocks, titleAt) };
}

export function titleBlock(doc: PlanDocument): OutlineParagraph | null {
  const b = doc.blocks[doc.titleAt];
  return b?.kind === 'paragraph' ? b : null;
}
