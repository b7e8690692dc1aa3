/** Reads a Mutual Action Plan back from a document outline, however people edited it: the stages in order (sections, tables, key dates, stakeholders, steps, the words around them), diagnostics in a seller's words. */
import type { DateContext } from './cell-dates';
import { detectDayFirst, documentLanguage, documentPadding, dottedMonthFirst } from './document-dates';
import type { OwnerContext } from './cell-owner';
import type { DocumentOutline, OutlineTable, ParsedPlan } from './parsed-plan';
import type { ReadContext } from './context';
import { median, readDate } from './dates';
import { Diagnostics } from './diagnostics';
import { readAgreement, readHolidays } from './agreement-and-holidays';
import { readGoal, readSuccessCriteria } from './goal-and-criteria';
import type { SectionName } from './header-words';
import { findKeyDateLines, findKeyDateTables, readKeyDates, type KeyDateTable } from './key-dates';
import { normaliseHeader } from './columns';
import { ourCompany } from './our-company';
import { stakeholderDomains } from './owners';
import { reportListsBesideTables } from './list-beside-table';
import { readRiskList } from './risk-list';
import { readRisks } from './risks';
import { companiesFromTitle, isPlanTitle, planDocument, sectionOfHeading, titleBlock, type PlanDocument } from './sections';
import { readStakeholderList } from './stakeholder-list';
import { readStakeholders } from './stakeholders';
import { stepColumns, type Companies } from './step-columns';
import { readSteps, reportNoStepsTable, stepsLayout, stepsTableOf, type StepsSource } from './steps';
import { cellAt, chooseTable, chooseTables, findTables, headersOf, type FoundTable, type TableKind } from './tables';
import { clean, ordinal } from './text';

/**
 * Reads the plan out of a document outline. Pure: no Google services, never throws on anything
 * a person can type. What it cannot read comes back in `diagnostics`, each naming the table, row,
 * column and text in a seller's words.
 */
export function readPlan(outline: DocumentOutline, context: ReadContext): ParsedPlan {
  const diagnostics = new Diagnostics();
  // Two plans in one document (a plan copied below another, one per product line): the first is
  // read, the second is named and left alone, never merged into the first nor shifted with it.
  const whole = planDocument(outline.blocks);
  const other = otherPlan(whole, companiesOf(whole, context));
  const doc = other ? planDocument(outline.blocks.slice(0, other.at)) : whole;
  const title = titleBlock(doc);
  const companies = companiesOf(doc, context);
  if (other) {
    const first = title ? ` ("${clean(title.text)}")` : '';
    diagnostics.warn(
      'warning',
      'Second plan',
      other.title,
      `This document holds a second plan, "${other.title}", below the first one${first}. The add-on reads only the first plan: nothing in "${other.title}" is read, shifted, checked or exported. Move it into a document of its own to use the add-on on it.`,
      null,
      [other.index],
    );
  }

  const allTables = findTables(doc, companies);
  const keyDateTables = keyDateTablesOf(doc, allTables);
  const isKeyDateTable = (t: FoundTable): boolean => keyDateTables.some((k) => k.table === t.table);
  const tables = allTables.filter((t) => !isKeyDateTable(t));
  const stepsTables = chooseTables(diagnostics, tables, 'steps', (t, chosen) => samePhaseTable(doc, t, chosen, companies));
  const stepsTable = stepsTables[0] ?? null;
  const peopleTable = chooseTable(diagnostics, tables, 'stakeholders');
  const risksTable = chooseTable(diagnostics, tables, 'risks');
  const keyLines = findKeyDateLines(doc, keyDateTables);
  const sources: StepsSource[] = stepsTables.map((found, i) => {
    const phase = phaseAbove(doc, found.at, stepsTables.length > 1);
    const name = stepsTables.length === 1 ? 'Steps table' : phase ? `Steps table "${phase}"` : `${ordinal(i + 1)} Steps table`;
    return { found, layout: stepsLayout(diagnostics, found, companies, name), phase, name };
  });

  // One numeric order for the whole document, from every text in it that may hold a date: the
  // key dates and the step rows' cells ("Mar 3 (was 14/2)" in a Notes column counts too), but
  // not "#" or "Depends on", whose numbers are steps.
  const dueCells = sources.flatMap(({ found, layout }) => layout.rows.map((r) => cellAt(found.table, r, layout.map.columns.due)));
  const rowTexts = sources.flatMap(({ found, layout }) => {
    const notDates = new Set([layout.map.columns.number, layout.map.columns.dependsOn]);
    return layout.rows.flatMap((r) => (found.table.rows[r]?.cells ?? []).filter((_, c) => !notDates.has(c)).map((c) => c.text));
  });
  const dateTexts = [...keyLines.map((k) => k.valueText), ...rowTexts];
  const dayFirst = detectDayFirst(dateTexts, context.locale);
  // Dotted dates keep their own order ("5.1.2027" is January 5 in a month-first plan too).
  const order = { dayFirst, ...(dottedMonthFirst(dateTexts) ? { dottedMonthFirst: true } : {}) };
  // Leading zeros and the months' language matter only to the formats read here: a written date keeps its cell's.
  const language = documentLanguage(dateTexts);
  const reading = { ...order, paddedDays: documentPadding(dateTexts), ...(language ? { monthLanguage: language } : {}) };

  // The reference date: the plan's own dates settle a missing year, not today.
  const today = context.today;
  const firstStart = readKeyDates(keyLines, { ...reading, referenceDate: today }, null).evaluationStart?.date ?? null;
  const firstDates = dueCells
    .map((c) => readDate(c.text, c.chips, { ...reading, referenceDate: firstStart ?? today, evaluationStart: firstStart }))
    .flatMap((d) => (d.kind === 'date' ? [d.date] : []));
  const referenceDate = median(firstDates) ?? firstStart ?? today;
  const keyDates = readKeyDates(keyLines, { ...reading, referenceDate }, diagnostics);
  const dateContext: DateContext = { ...reading, referenceDate, evaluationStart: keyDates.evaluationStart?.date ?? null };

  // A table wins over a list in the same part: the list beside it is notes about the people or risks.
  const stakeholders = peopleTable ? readStakeholders(peopleTable, companies) : readStakeholderList(doc, companies);
  const risks = risksTable ? readRisks(risksTable) : readRiskList(doc);
  const lists = listParts({ stakeholders: peopleTable ? [] : stakeholders, risks: risksTable ? [] : risks });
  reportListsBesideTables(diagnostics, doc, companies, { stakeholders: peopleTable ? stakeholders : null, risks: risksTable ? risks : null });
  const ownerContext: OwnerContext = {
    ...companies,
    ourPeople: stakeholders.filter((s) => s.side === 'ours').map((s) => s.name),
    theirPeople: stakeholders.filter((s) => s.side === 'theirs').map((s) => s.name),
    ...stakeholderDomains(stakeholders),
  };
  if (!stepsTable) reportNoStepsTable(diagnostics, outline.blocks.filter((b): b is OutlineTable => b.kind === 'table' && !doc.sections[doc.blocks.indexOf(b)]?.changes));
  const parsedSteps = readSteps(diagnostics, sources, dateContext, ownerContext, stakeholders, context.knownSteps ?? []);
  const goal = readGoal(doc);
  const criteria = readSuccessCriteria(doc);
  const foundTables = sources.map(stepsTableOf);

  return {
    title: title ? clean(title.text) : null,
    goal: goal?.text ?? null,
    keyDates,
    steps: parsedSteps,
    stepsTable: foundTables[0] ?? null,
    stepsTables: foundTables,
    agreement: readAgreement(doc, dateContext, companies.theirCompany),
    holidays: readHolidays(doc, dateContext, diagnostics),
    stakeholders,
    successCriteria: criteria.lines.map((c) => c.text),
    successCriteriaPlaces: criteria.lines.map((c) => c.index),
    risks,
    sections: sectionPlaces(doc, { steps: stepsTable, stakeholders: peopleTable, risks: risksTable }, lists, goal?.index ?? null, criteria.leadIn),
    ...(Object.keys(lists).length > 0 ? { listSections: Object.keys(lists) as ('stakeholders' | 'risks')[] } : {}),
    ...order,
    referenceDate,
    diagnostics: diagnostics.sorted(),
    ...(other ? { otherPlanAt: other.index } : {}),
    ...(companies.yourCompany && companies.theirCompany ? { companies: { yourCompany: companies.yourCompany, theirCompany: companies.theirCompany } } : {}),
  };
}

/**
 * The "Key dates" tables (Milestone | Date), which hold key dates, not steps. A table that looks
 * like one is still the plan's steps when it has the header row of a steps table (one phase of a
 * plan split per phase, its dates not set yet), or when no other table holds steps and it has rows
 * that name no key date (a plan of milestones whose dates are all "TBD").
 */
function keyDateTablesOf(doc: PlanDocument, allTables: readonly FoundTable[]): KeyDateTable[] {
  const candidates = findKeyDateTables(doc);
  const isCandidate = (t: FoundTable): boolean => candidates.some((k) => k.table === t.table);
  const headerWords = (t: OutlineTable): string => headersOf(t, 0).map((h) => normaliseHeader(h)).join('|');
  const stepsTables = allTables.filter((t) => t.kind === 'steps' && !isCandidate(t));
  const stepHeaders = new Set(stepsTables.map((t) => headerWords(t.table)));
  const inKeyDates = (k: KeyDateTable): boolean => doc.sections[doc.blocks.indexOf(k.table)]?.name === 'keyDates';
  const readAsSteps = (k: KeyDateTable): boolean => {
    if (!allTables.some((t) => t.table === k.table && t.kind === 'steps')) return false;
    if (!inKeyDates(k) && stepHeaders.has(headerWords(k.table))) return true;
    const named = k.table.rows.slice(1).filter((r) => r.cells.some((c) => clean(c.text) !== '')).length;
    return stepsTables.length === 0 && k.rows.length < named;
  };
  return candidates.filter((k) => !readAsSteps(k));
}

/** Our company and theirs: the settings, else the plan's title, its order checked against what the plan says of each. */
function companiesOf(doc: PlanDocument, context: ReadContext): Companies {
  const title = titleBlock(doc);
  return ourCompany(doc, context, title ? companiesFromTitle(title.text) : null);
}

/**
 * A second plan below the first: a later line titling a plan ("Mutual Action Plan: Acme + Initech")
 * with a Steps table under it, when the first title has a Steps table of its own before it. A title
 * repeated with no steps between (a cover line, then the plan) is one plan.
 */
function otherPlan(doc: PlanDocument, companies: Companies): { at: number; index: number; title: string } | null {
  if (doc.titleAt < 0) return null;
  const stepsAt = findTables(doc, companies).filter((t) => t.kind === 'steps').map((t) => t.at);
  for (let at = doc.titleAt + 1; at < doc.blocks.length; at++) {
    const block = doc.blocks[at];
    if (!block || block.kind !== 'paragraph' || !isPlanTitle(block) || doc.sections[at]?.changes) continue;
    if (!stepsAt.some((s) => s > doc.titleAt && s < at)) continue;
    if (!stepsAt.some((s) => s > at)) return null;
    return { at, index: block.index, title: clean(block.text) };
  }
  return null;
}

/** The parts read from a list, with the body index of each one's first item. */
function listParts(read: Record<'stakeholders' | 'risks', readonly { paragraphIndex?: number }[]>): Partial<Record<'stakeholders' | 'risks', number>> {
  const out: Partial<Record<'stakeholders' | 'risks', number>> = {};
  for (const kind of ['stakeholders', 'risks'] as const) {
    const first = read[kind][0]?.paragraphIndex;
    if (first !== undefined) out[kind] = first;
  }
  return out;
}

/** Where each part starts (see ParsedPlan.sections): its table, else the line that opens it; a part written as a list, its first item. */
function sectionPlaces(
  doc: PlanDocument,
  tables: Record<TableKind, FoundTable | null>,
  lists: Partial<Record<'stakeholders' | 'risks', number>>,
  goalAt: number | null,
  criteriaLeadIn: number | null,
): Partial<Record<SectionName, number>> {
  const out: Partial<Record<SectionName, number>> = {};
  for (const s of doc.sections) if (s.name && s.start >= 0 && out[s.name] === undefined) out[s.name] = s.start;
  for (const kind of ['steps', 'stakeholders', 'risks'] as const) {
    // A table part is its table: a heading with no table under it has nothing to select.
    const found = tables[kind];
    const listed = kind === 'steps' ? undefined : lists[kind];
    if (found) out[kind] = found.table.index;
    else if (listed !== undefined) out[kind] = listed;
    else delete out[kind];
  }
  if (out.goal === undefined && goalAt !== null) out.goal = goalAt;
  if (out.successCriteria === undefined && criteriaLeadIn !== null) out.successCriteria = criteriaLeadIn;
  return out;
}

/**
 * A steps table that continues the chosen one: a plan split per phase repeats its header row, so
 * the same columns, and either the same header words or a heading of its own above each table.
 */
function samePhaseTable(doc: PlanDocument, table: FoundTable, chosen: FoundTable, companies: Companies): boolean {
  const kinds = (t: FoundTable): string =>
    Object.keys(stepColumns(headersOf(t.table, t.headerRow), companies, t.table, t.headerRow).columns).sort().join(',');
  if (kinds(table) !== kinds(chosen)) return false;
  const words = (t: FoundTable): string => headersOf(t.table, t.headerRow).map((h) => h.toLowerCase()).join('|');
  return words(table) === words(chosen) || (phaseAbove(doc, table.at, true) !== null && phaseAbove(doc, chosen.at, true) !== null);
}

const PHASE_HEADING = /^(?:phase|stage|part|wave|workstream|work stream|track|milestone|sprint|step)\s*#?\s*\d{1,2}\b/i;

/**
 * The phase a steps table holds: the heading right above it ("Phase 2: Commercials"), when the
 * plan is split over several tables or the heading names a phase; a heading that is a part of the
 * plan ("Steps") is not a phase.
 */
function phaseAbove(doc: PlanDocument, at: number, several: boolean): string | null {
  for (let i = at - 1; i >= 0 && i > doc.titleAt; i--) {
    const block = doc.blocks[i];
    if (!block || block.kind === 'table') return null;
    const text = clean(block.text);
    if (!text) continue;
    const looksLikePhase = PHASE_HEADING.test(text);
    if (block.heading > 0 || (block.list === null && text.length <= 60 && looksLikePhase)) {
      if (sectionOfHeading(text) !== null && !looksLikePhase) return null;
      return several || looksLikePhase ? text.replace(/[:\s]+$/, '') : null;
    }
    // A sentence between the heading and the table ("Owners confirm by Friday.") does not hide the heading.
    if (block.list !== null || text.length > 200) return null;
  }
  return null;
}
