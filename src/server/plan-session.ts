/** Opening the plan for an action: read the document once, and bring the history up to date with what people edited since the last action. */
import { formatDueDate, parseDueDate, type DateContext, type DateFormat } from '../core/reading/cell-dates';
import { documentRanges, documentYears } from '../core/reading/document-dates';
import { formatPlanDate } from '../core/reading/date-format';
import { UserError } from '../core/errors';
import { stepsTableWanted } from '../core/reading/header-words';
import { liveSteps, observe, startHistory, type PlanHistory } from '../core/history/history';
import type { DocumentOutline, ParsedPlan, ParsedStep } from '../core/reading/parsed-plan';
import type { IsoDate } from '../core/plan';
import { readDocumentPlan, tagStepRows, type CellHandles } from '../adapters/document-reader';
import { loadHistory, saveHistory } from '../adapters/history-store';
import { refreshColours, type ColourReport } from '../adapters/colour-writer';
import type { WorkCalendar } from '../core/scheduling/calendar';
import { calendarOfPlan, type PlanCalendar } from '../core/scheduling/holidays';
import { loadPlanSettings, loadTeamHolidays, type PlanSettings } from '../adapters/plan-store';
import { now, today, userLocale } from '../adapters/session';
import { loadDeal } from '../adapters/deal-store';
import type { DealDetails } from '../core/deal/deal';

export interface PlanSession {
  doc: GoogleAppsScript.Document.Document;
  outline: DocumentOutline;
  plan: ParsedPlan;
  /** The table cells as read, for writes and colours without fetching them again. */
  cells: CellHandles;
  /** The history with this read's hand edits already observed. */
  history: PlanHistory;
  /** True when the history has something to save (a first baseline, or edits seen). */
  historyChanged: boolean;
  settings: PlanSettings | null;
  /** The deal behind the plan (Deal panel), for the checks that need its stage and value. */
  deal: DealDetails;
  today: IsoDate;
  locale: string;
  /** The plan's calendar (country holidays, the plan's "Holidays" line, the team's days): every working-day count of this action uses it. */
  calendar: PlanCalendar;
}

/**
 * How dates are read and written in this document: the same context the reader used, so a written
 * date reads back as itself; the years as the document writes them; and the plan's calendar, so a
 * range keeps its working days.
 */
export function dateContext(plan: ParsedPlan, calendar?: WorkCalendar): DateContext {
  const formats = [...plan.steps.map((s) => s.dueFormat), ...Object.values(plan.keyDates).map((k) => k?.format)];
  return {
    dayFirst: plan.dayFirst,
    ...(plan.dottedMonthFirst ? { dottedMonthFirst: true } : {}),
    referenceDate: plan.referenceDate,
    evaluationStart: plan.keyDates.evaluationStart?.date ?? null,
    years: documentYears(formats),
    compactRanges: documentRanges(plan.steps.map((s) => ({ date: s.due, format: s.dueFormat }))),
    ...(calendar ? { calendar } : {}),
  };
}

/**
 * A step's date written as its cell writes dates (a year-less cell stays year-less unless the date
 * changes year); a step with no date of its own is written in the user's locale style.
 */
export function dateWriter(plan: ParsedPlan, locale: string, calendar?: WorkCalendar): (step: ParsedStep | null, date: IsoDate) => string {
  const dates = dateContext(plan, calendar);
  const probe = parseDueDate(formatPlanDate('2026-03-03', locale), dates);
  const fallback: DateFormat | undefined = probe.kind === 'date' ? probe.format : undefined;
  const context: DateContext = fallback ? { ...dates, fallback } : dates;
  return (step, date) => {
    const format = step?.dueFormat ?? fallback;
    return format ? formatDueDate(date, format, context, step?.due ?? null) : formatPlanDate(date, locale);
  };
}

const NO_PLAN = `No plan found in this document. ${stepsTableWanted()} Use Insert MAP to add one.`;

/**
 * Reads the document and the plan in it. The first read of a plan saves its dates as the
 * baseline; later reads record every date and status people changed since (as hand edits).
 */
export function openPlan(options: { requirePlan?: boolean } = {}): PlanSession {
  const doc = DocumentApp.getActiveDocument();
  const settings = loadPlanSettings();
  const deal = loadDeal(settings, userLocale());
  const stored = loadHistory();
  const locale = userLocale();
  const day = today();
  const knownSteps = stored
    ? liveSteps(stored).map((r) => ({ key: r.key, action: r.action, number: r.number, due: r.currentDue }))
    : [];
  const { outline, plan, cells } = readDocumentPlan(doc, {
    locale,
    today: day,
    ...(settings ? { yourCompany: settings.yourCompany, theirCompany: settings.theirCompany } : {}),
    knownSteps,
  });
  if ((options.requirePlan ?? true) && !plan.stepsTable) throw new UserError(NO_PLAN);
  const calendar = calendarOfPlan(plan, { locale: settings?.locale ?? locale, teamHolidays: loadTeamHolidays() });
  if (!stored) {
    return { doc, outline, plan, cells, history: startHistory(plan, day, 'hand'), historyChanged: true, settings, deal, today: day, locale, calendar };
  }
  const seen = observe(stored, plan, day, 'hand', { at: now() });
  return { doc, outline, plan, cells, history: seen.history, historyChanged: seen.changed, settings, deal, today: day, locale, calendar };
}

export interface Remember {
  /** The history to save; the session's own (this read's edits observed) by default. */
  history?: PlanHistory;
  /** Save even when nothing was observed (an action that changed the history itself). */
  force?: boolean;
  /** The plan as the document now stands, when the action changed dates after reading it. */
  colourPlan?: ParsedPlan;
  calendar?: WorkCalendar;
}

/**
 * Ends every action the same way: marks untagged step rows (so their identity follows them),
 * saves the history, and brings the status and due-date colours up to date ("after every other
 * action"), writing only the cells whose colour is wrong. Call it under the document lock, before
 * any change that moves body elements (markers and colours are placed by body index).
 */
export function rememberPlan(session: PlanSession, options: Remember = {}): ColourReport {
  tagStepRows(session.doc, session.outline, session.plan);
  const history = options.history ?? session.history;
  if (options.force || session.historyChanged || history !== session.history) saveHistory(history);
  return refreshColours(session.doc, options.colourPlan ?? session.plan, session.today, options.calendar ?? session.calendar.calendar, session.cells);
}
