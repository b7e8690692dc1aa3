/** Turns a person's "Shift downstream dates" request and the plan read from the document into the scheduler's input. */
import { WORKING_DAYS, type WorkCalendar } from './calendar';
import { applyChange, nextWeekday, RELATIVE_CHANGE } from './relative-dates';
import { parseDueDate, type DateContext, type DateFormat } from '../reading/cell-dates';
import { MONDAY_WEEKS, moveByWeeks, shiftWeek, weekDueOf, type WeekGrid } from './week-cells';
import type { ParsedPlan, ParsedStep } from '../reading/parsed-plan';
import type { IsoDate } from '../plan';
import type { KeyDateRules, ScheduleStep } from './schedule';

export interface ShiftOptions {
  mode: 'keep-gaps' | 'fix-overlaps';
  pullIn: boolean;
  calendar: WorkCalendar;
  holdDecisionTarget: boolean;
  holdGoLiveTarget: boolean;
  /** Steps whose implausible date (far outside the plan) the person confirmed, by number as written ("5a", "2.1") or key. */
  include: string[];
  /** Write a dated line into the plan's "Changes" section. */
  changeLog: boolean;
}

export const DEFAULT_SHIFT_OPTIONS: ShiftOptions = {
  mode: 'keep-gaps',
  pullIn: false,
  calendar: WORKING_DAYS,
  holdDecisionTarget: false,
  holdGoLiveTarget: false,
  include: [],
  changeLog: true,
};

/**
 * The weeks a due cell names: "Week of Jan 4" / "w/c 4/1" weeks run Monday to Friday; "Week 3"
 * weeks count from the evaluation start. Undefined for a cell that names a day.
 */
export function weekGrid(format: DateFormat | null | undefined, evaluationStart: IsoDate | null | undefined): WeekGrid | undefined {
  if (!format) return undefined;
  if (format.style === 'week') return evaluationStart ? { anchor: evaluationStart, days: 7 } : undefined;
  return format.weekOf !== undefined ? MONDAY_WEEKS : undefined;
}

/**
 * The new date a person asked for: a change from the step's date ("+3 days", "-1 week", "+2
 * working days", "+1 month"), a weekday ("next Friday", from today), or any date the document
 * itself accepts ("2026-03-14", "Mar 14", "14/3"). Days count on the plan's calendar. A step whose
 * cell names a week ("Week of Jan 4") moves by weeks: "+1 week" is the next week whatever holiday
 * falls in it, a change in days moves it by the weeks that change starts, and a date is its week.
 */
export function resolveNewDate(
  text: string,
  step: Pick<ParsedStep, 'number' | 'due'> & Partial<Pick<ParsedStep, 'label' | 'dueFormat'>>,
  dates: DateContext,
  calendar: WorkCalendar,
  today?: IsoDate,
): { ok: true; to: IsoDate } | { ok: false; message: string } {
  const input = text.trim().replace(/^[\u2212\u2013\u2014]/, '-');
  const name = step.label || String(step.number);
  if (!input) return { ok: false, message: `Give step ${name} a new date, or a change such as "+1 week".` };
  const week = weekGrid(step.dueFormat, dates.evaluationStart);
  const inWeek = (date: IsoDate): IsoDate => (week ? weekDueOf(date, week, calendar) : date);
  const change = RELATIVE_CHANGE.exec(input);
  if (change) {
    if (!step.due) {
      return { ok: false, message: `Step ${name} has no date yet, so "${input}" has nothing to count from: give it a date instead.` };
    }
    const to = applyChange(input, step.due, calendar);
    if (to) {
      if (!week) return { ok: true, to };
      const unit = (change[3] ?? '').toLowerCase();
      const weeks = unit.startsWith('w') && !unit.startsWith('working') ? (change[1] === '-' ? -1 : 1) * Number(change[2]) : null;
      if (weeks !== null) return { ok: true, to: moveByWeeks(step.due, weeks, week, calendar) };
      return { ok: true, to: unit.startsWith('m') ? inWeek(to) : shiftWeek(step.due, to, week, calendar) };
    }
  }
  const weekday = nextWeekday(input, today ?? dates.referenceDate, calendar);
  if (weekday) return { ok: true, to: inWeek(weekday) };
  const parsed = parseDueDate(input, dates);
  if (parsed.kind === 'date') return { ok: true, to: inWeek(parsed.date) };
  return {
    ok: false,
    message: `"${input}" is not a date or a change the add-on understands. Try a date such as 2026-03-14, or "+1 week", "-2 days", "+1 month", "next Friday".`,
  };
}

/** "step 5a", "#5a", "5A" all name the step written "5a". */
const labelKey = (text: string): string => text.trim().replace(/^(?:step\s*)?#?\s*/i, '').toLowerCase();

/**
 * The steps a person confirmed for the shift, from the numbers they gave as the plan writes them
 * ("5a", "2.1"; the CLI's --include and the sidebar's "Include step 5a") or the steps' keys. A number
 * no step has, or that two rows share, is refused with a sentence naming the steps there are: a
 * shift must never move a step the person did not mean.
 */
export function includedSteps(plan: ParsedPlan, include: readonly string[]): { ok: true; keys: ReadonlySet<string> } | { ok: false; message: string } {
  const keys = new Set<string>();
  for (const given of include) {
    const byKey = plan.steps.find((s) => s.key === given);
    if (byKey) {
      keys.add(byKey.key);
      continue;
    }
    const wanted = labelKey(given);
    const same = plan.steps.filter((s) => s.label.toLowerCase() === wanted);
    if (same.length > 1) {
      return { ok: false, message: `${same.length} steps are numbered ${same[0]?.label ?? wanted}, so "include ${given.trim()}" could mean either: renumber them, or correct the date in the document.` };
    }
    const [only] = same;
    if (!only) return { ok: false, message: `There is no step ${given.trim()} to include. ${stepLabelsSentence(plan)}` };
    keys.add(only.key);
  }
  return { ok: true, keys };
}

/** "The steps are numbered 1, 2, 3, 5 and 5a.", every label as written (a long plan's first 40). */
function stepLabelsSentence(plan: ParsedPlan): string {
  const labels = [...new Set(plan.steps.map((s) => s.label))];
  if (labels.length === 0) return 'The plan has no steps.';
  const shown = labels.slice(0, 40);
  const more = labels.length > shown.length ? ` and ${labels.length - shown.length} more` : '';
  const list = shown.length === 1 ? shown[0] : more ? shown.join(', ') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `The steps are numbered ${list}${more}.`;
}

/**
 * The steps as the scheduler sees them. A date the reader flagged as far outside the plan (1900,
 * 2099, a typo year) is left out of the shift, as if undated, until the person confirms it
 * (`included`, by key) or corrects it: it is never written, and it does not drive the steps after it.
 */
export function scheduleSteps(plan: ParsedPlan, included: ReadonlySet<string> = new Set()): ScheduleStep[] {
  return plan.steps.map((s) => ({
    key: s.key,
    number: s.number,
    ...(s.label !== String(s.number) ? { label: s.label } : {}),
    action: s.action,
    due: s.dueImplausible && !included.has(s.key) ? null : s.due,
    status: s.status,
    dependsOn: s.dependsOn,
    ...withWeek(weekGrid(s.dueFormat, plan.keyDates.evaluationStart?.date)),
  }));
}

const withWeek = (week: WeekGrid | undefined): { week?: WeekGrid } => (week ? { week } : {});

/** The steps a shift leaves alone until their date is checked. */
export function stepsToCheck(plan: ParsedPlan, included: ReadonlySet<string> = new Set()): ParsedStep[] {
  return plan.steps.filter((s) => s.dueImplausible && s.due !== null && !included.has(s.key));
}

const SIGNATURE = /signature|\bsigning\b|\bsigned\b|\bsign (?:the )?contract\b|\bcontract amendment\b/i;
const GO_LIVE = /go[- ]?live|onboarding|kick[- ]?off|\blaunch\b|\brollout\b/i;
/** A step about planning the go-live ("Rollout plan review", "Agree the implementation timeline") is not the go-live itself. */
const GO_LIVE_PLANNING =
  /\b(?:go[- ]?live|onboarding|kick[- ]?off|launch|roll[- ]?out|implementation|deployment)\s+(?:plan|plans|planning|timeline|scoping|scope|approach|strategy|discussion|proposal|checklist|readiness)\b|\b(?:plan|discuss|scope|agree|draft|review)\w*\s+(?:the\s+|a\s+)?(?:go[- ]?live|roll[- ]?out|launch|implementation|deployment)\b/i;

/**
 * The step a key date belongs to: the decision target to the (last) contract signature step,
 * go-live to the (last) onboarding or go-live step. The last one, because "Kickoff call" early in
 * a plan is not the onboarding kickoff at its end; and not a step that only plans it ("Rollout plan
 * review"), which is not when the product goes live.
 */
export function keyDateStep(plan: ParsedPlan, which: 'decisionTarget' | 'goLiveTarget'): ParsedStep | null {
  const pattern = which === 'decisionTarget' ? SIGNATURE : GO_LIVE;
  for (let i = plan.steps.length - 1; i >= 0; i--) {
    const step = plan.steps[i];
    if (step && pattern.test(step.action) && !(which === 'goLiveTarget' && GO_LIVE_PLANNING.test(step.action))) return step;
  }
  return null;
}

/** The key dates as the scheduler sees them: which step each follows, and whether the person holds it. */
export function keyDateRules(plan: ParsedPlan, options: Pick<ShiftOptions, 'holdDecisionTarget' | 'holdGoLiveTarget'>): KeyDateRules {
  const rules: KeyDateRules = {};
  const decision = plan.keyDates.decisionTarget;
  if (decision) {
    rules.decisionTarget = { date: decision.date, followsStep: keyDateStep(plan, 'decisionTarget')?.key ?? null, fixed: options.holdDecisionTarget };
  }
  const goLive = plan.keyDates.goLiveTarget;
  if (goLive) {
    rules.goLiveTarget = { date: goLive.date, followsStep: keyDateStep(plan, 'goLiveTarget')?.key ?? null, fixed: options.holdGoLiveTarget };
  }
  return rules;
}
