/** Reads a Mutual Action Plan back from a document outline, however people edited it: the stages in order (sections, tables, key dates, stakeholders, steps, the words around them), diagnostics in a seller's words. */
import { detectDayFirst, type DateContext } from '../cell-dates';
import type { OwnerContext } from '../cell-owner';
import type { DocumentOutline, ParsedPlan, StepsTable } from '../parsed-plan';
import type { ReadContext } from './context';
import { median, readDate } from './dates';
import { Diagnostics } from './diagnostics';
import { readGoal, readSuccessCriteria } from './goal-and-criteria';
import type { SectionName } from './header-words';
import { findKeyDateLines, readKeyDates } from './key-dates';
import { readRisks } from './risks';
import { companiesFromTitle, planDocument, titleBlock, type PlanDocument } from './sections';
import { readStakeholders } from './stakeholders';
import { readSteps, reportNoStepsTable, stepsLayout } from './steps';
import { cellAt, chooseTable, findTables, type FoundTable, type TableKind } from './tables';
import { clean } from './text';

/**
 * Reads the plan out of a document outline. Pure: no Google services, never throws on anything
 * a person can type. What it cannot read comes back in `diagnostics`, each naming the table, row,
 * column and text in a seller's words.
 */
export function readPlan(outline: DocumentOutline, context: ReadContext): ParsedPlan {
  const doc = planDocument(outline.blocks);
  const diagnostics = new Diagnostics();
  const title = titleBlock(doc);
  const fromTitle = title ? companiesFromTitle(title.text) : null;
  const companies = {
    yourCompany: context.yourCompany?.trim() || fromTitle?.yourCompany || '',
    theirCompany: context.theirCompany?.trim() || fromTitle?.theirCompany || '',
  };

  const tables = findTables(doc);
  const stepsTable = chooseTable(diagnostics, tables, 'steps');
  const peopleTable = chooseTable(diagnostics, tables, 'stakeholders');
  const risksTable = chooseTable(diagnostics, tables, 'risks');
  const keyLines = findKeyDateLines(doc);
  const steps = stepsTable ? stepsLayout(diagnostics, stepsTable) : null;

  // One numeric order for the whole document, from every text in it that may hold a date: the
  // key dates and the step rows' cells ("Mar 3 (was 14/2)" in a Notes column counts too), but
  // not "#" or "Depends on", whose numbers are steps.
  const dueCells = stepsTable && steps ? steps.rows.map((r) => cellAt(stepsTable.table, r, steps.map.columns.due)) : [];
  const notDates = new Set([steps?.map.columns.number, steps?.map.columns.dependsOn]);
  const rowTexts = stepsTable && steps
    ? steps.rows.flatMap((r) => (stepsTable.table.rows[r]?.cells ?? []).filter((_, c) => !notDates.has(c)).map((c) => c.text))
    : [];
  const dayFirst = detectDayFirst([...keyLines.map((k) => k.valueText), ...rowTexts], context.locale);

  // The reference date: the plan's own dates settle a missing year, not today.
  const today = context.today;
  const firstStart = readKeyDates(keyLines, { dayFirst, referenceDate: today }, null).evaluationStart?.date ?? null;
  const firstDates = dueCells
    .map((c) => readDate(c.text, c.chips, { dayFirst, referenceDate: firstStart ?? today, evaluationStart: firstStart }))
    .flatMap((d) => (d.kind === 'date' ? [d.date] : []));
  const referenceDate = median(firstDates) ?? firstStart ?? today;
  const keyDates = readKeyDates(keyLines, { dayFirst, referenceDate }, diagnostics);
  const dateContext: DateContext = { dayFirst, referenceDate, evaluationStart: keyDates.evaluationStart?.date ?? null };

  const stakeholders = peopleTable ? readStakeholders(peopleTable, companies) : [];
  const ownerContext: OwnerContext = {
    ...companies,
    ourPeople: stakeholders.filter((s) => s.side === 'ours').map((s) => s.name),
    theirPeople: stakeholders.filter((s) => s.side === 'theirs').map((s) => s.name),
  };
  if (!stepsTable) reportNoStepsTable(diagnostics);
  const parsedSteps = stepsTable && steps ? readSteps(diagnostics, stepsTable, steps, dateContext, ownerContext, stakeholders, context.knownSteps ?? []) : [];
  const goal = readGoal(doc);
  const criteria = readSuccessCriteria(doc);
  const foundSteps: StepsTable | null =
    stepsTable && steps
      ? {
          index: stepsTable.table.index,
          columns: { ...steps.map.columns },
          headers: steps.headers,
          otherColumns: steps.map.other.map((c) => steps.headers[c] ?? ''),
          phase: null,
        }
      : null;

  return {
    title: title ? clean(title.text) : null,
    goal: goal?.text ?? null,
    keyDates,
    steps: parsedSteps,
    stepsTable: foundSteps,
    stepsTables: foundSteps ? [foundSteps] : [],
    agreement: null,
    holidays: [],
    stakeholders,
    successCriteria: criteria.lines.map((c) => c.text),
    successCriteriaPlaces: criteria.lines.map((c) => c.index),
    risks: risksTable ? readRisks(risksTable) : [],
    sections: sectionPlaces(doc, { steps: stepsTable, stakeholders: peopleTable, risks: risksTable }, goal?.index ?? null, criteria.leadIn),
    dayFirst,
    referenceDate,
    diagnostics: diagnostics.sorted(),
  };
}

/** Where each part starts (see ParsedPlan.sections): its table, else the line that opens it. */
function sectionPlaces(
  doc: PlanDocument,
  tables: Record<TableKind, FoundTable | null>,
  goalAt: number | null,
  criteriaLeadIn: number | null,
): Partial<Record<SectionName, number>> {
  const out: Partial<Record<SectionName, number>> = {};
  for (const s of doc.sections) if (s.name && s.start >= 0 && out[s.name] === undefined) out[s.name] = s.start;
  for (const kind of ['steps', 'stakeholders', 'risks'] as const) {
    // A table part is its table: a heading with no table under it has nothing to select.
    const found = tables[kind];
    if (found) out[kind] = found.table.index;
    else delete out[kind];
  }
  if (out.goal === undefined && goalAt !== null) out.goal = goalAt;
  if (out.successCriteria === undefined && criteriaLeadIn !== null) out.successCriteria = criteriaLeadIn;
  return out;
}
