/** The weekly MAP review with the champion: the method's four questions, answered from the plan and its history. */
import { compareDates, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from '../scheduling/calendar';
import { formatPlanDate } from '../reading/date-format';
import { addedSinceLastReview, stakeholderOf, stepOf, type PlanHistory } from '../history/history';
import type { ParsedPlan, ParsedStep } from '../reading/parsed-plan';
import { isSettled, type IsoDate } from '../plan';
import { planCompanies } from '../reading/sections';
import { AT_RISK_WORKING_DAYS, dueSignal } from './status-style';

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────
//
// Since when. The review looks back to the last review held (its day included: the history
// knows days, not hours, so what happened on a review day shows again next week rather than
// never), or to the baseline when there has been none.
//
// Completed. Steps the history saw become complete on or after that day. A step already complete
// when the plan began was not completed since; one added already complete since then was (the
// history cannot know better). Without a history, every complete step is listed.
//
// At risk. Overdue, or due within AT_RISK_WORKING_DAYS and not started (the colours' at-risk), or
// blocked whatever its date: a blocked step is a step about to slip.
//
// Owed. Open steps by side, soonest first, undated last; a shared step is owed by both sides. A
// step whose owner the reader could not place is in neither list (the answer says how many).
//
// New. Steps and people the history first saw since then and that were not in the baseline.

/** The method's weekly check-in agenda, word for word. */
export const REVIEW_QUESTIONS = [
  'Where are we on the MAP? Which steps are complete?',
  'Any steps that are at risk of slipping?',
  'What do you need from me to keep things on track?',
  'Any new stakeholders or requirements that have come up?',
] as const;

/** A step in the review, as the sidebar lists it. */
export interface ReviewItem {
  number: number;
  /** The step's number as written ("5a"): what the review shows. */
  label: string;
  action: string;
  /** The due date as the document writes it. */
  dueText: string;
  owner: string;
  /** "overdue by 3 working days", "due in 2 working days, not started", "completed Mar 3, 2026". */
  note: string;
}

export interface DateText {
  iso: IsoDate;
  text: string;
}

export interface Review {
  /** The last review held, or null when there has been none. */
  lastReviewed: DateText | null;
  /** "since the last review on Mar 3, 2026" or "since the plan began". */
  since: string;
  completed: ReviewItem[];
  atRisk: ReviewItem[];
  owedByUs: ReviewItem[];
  owedByThem: ReviewItem[];
  newSteps: ReviewItem[];
  newStakeholders: { name: string; title: string }[];
  /** The four questions, each with a one-sentence answer. */
  questions: { question: string; answer: string }[];
}

export interface ReviewInput {
  plan: ParsedPlan;
  /** Null when the add-on has no history for the plan yet: nothing can be said to be new. */
  history: PlanHistory | null;
  today: IsoDate;
  calendar?: WorkCalendar;
  /** How dates read in notes and answers; "Mar 3, 2026" by default. */
  formatDate?: (iso: IsoDate) => string;
}

/** Prepares the weekly review. Pure: marking it held is recordReview's job. */
export function weeklyReview(input: ReviewInput): Review {
  const { plan, history, today } = input;
  const calendar = input.calendar ?? WORKING_DAYS;
  const format = input.formatDate ?? ((iso: IsoDate) => formatPlanDate(iso, 'en_US'));
  const words = new Words(today, calendar, format);

  const lastReview = history ? (history.reviews[history.reviews.length - 1] ?? null) : null;
  const sinceDay = lastReview ?? history?.baseline.on ?? null;
  const since = lastReview === null ? 'since the plan began' : `since the last review on ${format(lastReview)}`;
  const open = plan.steps.filter((s) => !isSettled(s.status));

  const completed = completedSince(plan, history, sinceDay).map(({ step, on }) =>
    item(step, on === null ? 'complete' : `completed ${format(on)}`),
  );

  const atRisk = bySoonest(
    open.filter((s) => s.status === 'blocked' || dueSignal(s, today, calendar) !== null),
  ).map((s) => item(s, words.riskNote(s)));

  const owed = (sides: readonly string[]): ReviewItem[] =>
    bySoonest(open.filter((s) => sides.includes(s.side))).map((s) => item(s, words.owedNote(s)));
  const owedByUs = owed(['ours', 'both']);
  const owedByThem = owed(['theirs', 'both']);

  const newSteps: ReviewItem[] = [];
  const newStakeholders: { name: string; title: string }[] = [];
  if (history && sinceDay !== null) {
    for (const s of plan.steps) {
      const r = stepOf(history, s.key);
      // The same question as the health check's new-scope finding, so the two never disagree.
      if (r && addedSinceLastReview(history, r)) newSteps.push(item(s, `added ${format(r.addedOn)}`));
    }
    for (const person of plan.stakeholders) {
      const r = stakeholderOf(history, person.name);
      if (r && !r.inBaseline && compareDates(r.addedOn, sinceDay) >= 0 && !newStakeholders.some((p) => p.name === person.name)) {
        newStakeholders.push({ name: person.name, title: person.title });
      }
    }
  }

  const companies = planCompanies(plan);
  const us = companies?.yourCompany ?? 'your side';
  const them = companies?.theirCompany ?? 'the prospect';
  const unplaced = open.filter((s) => s.side === 'unknown').length;

  const total = plan.steps.length;
  const done = plan.steps.length - open.length;
  const progress = `${done} of ${count(total, 'step')} ${done === 1 ? 'is' : 'are'} complete`;
  const answers = [
    history === null
      ? `${capital(progress)}.`
      : completed.length === 0
        ? `${capital(progress)}; none ${since}.`
        : `${capital(progress)}; ${completed.length} ${since}: ${listWords(completed.map((c) => `${name(c)}, ${c.note}`))}.`,
    atRisk.length === 0
      ? `No: nothing is overdue, blocked or due in the next ${AT_RISK_WORKING_DAYS} working days without having started.`
      : `Yes, ${count(atRisk.length, 'step')}: ${atRisk.map((r) => `${name(r)}, ${r.note}`).join('; ')}.`,
    `${capital(nextFrom(us, owedByUs))}; ${nextFrom(them, owedByThem)}${unplaced > 0 ? `; ${count(unplaced, 'open step')} ${unplaced === 1 ? 'has an owner' : 'have owners'} the add-on could not place on either side` : ''}.`,
    history === null
      ? 'The add-on has no history for this plan yet, so it cannot tell what is new: ask the champion.'
      : newSteps.length === 0 && newStakeholders.length === 0
        ? `Nothing new ${since}: no steps or stakeholders were added.`
        : `${capital(since)}: ${[
              newSteps.length > 0 ? `${count(newSteps.length, 'new step')}, ${listWords(newSteps.map(name))}` : '',
              newStakeholders.length > 0
                ? `${count(newStakeholders.length, 'new stakeholder')}, ${listWords(newStakeholders.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)))}`
                : '',
          ]
            .filter(Boolean)
            .join('; ')}.`,
  ];

  return {
    lastReviewed: lastReview === null ? null : { iso: lastReview, text: format(lastReview) },
    since,
    completed,
    atRisk,
    owedByUs,
    owedByThem,
    newSteps,
    newStakeholders,
    questions: REVIEW_QUESTIONS.map((question, i) => ({ question, answer: answers[i] ?? '' })),
  };
}

/** Complete steps the history saw complete on or after the day (see Decisions), in the order they were done. */
function completedSince(plan: ParsedPlan, history: PlanHistory | null, since: IsoDate | null): { step: ParsedStep; on: IsoDate | null }[] {
  const complete = plan.steps.filter((s) => s.status === 'complete');
  if (!history || since === null) return complete.map((step) => ({ step, on: null }));
  const out: { step: ParsedStep; on: IsoDate }[] = [];
  for (const step of complete) {
    const r = stepOf(history, step.key);
    if (!r || r.completedOn === null || (r.completeWhenFirstSeen && r.inBaseline)) continue;
    if (compareDates(r.completedOn, since) >= 0) out.push({ step, on: r.completedOn });
  }
  return out.sort((a, b) => compareDates(a.on, b.on) || a.step.number - b.step.number);
}

/** Soonest due first, undated last, then by step number. */
function bySoonest(steps: readonly ParsedStep[]): ParsedStep[] {
  return [...steps].sort((a, b) => {
    if (a.due !== null && b.due !== null) return compareDates(a.due, b.due) || a.number - b.number;
    if (a.due !== b.due) return a.due === null ? 1 : -1;
    return a.number - b.number;
  });
}

function item(step: ParsedStep, note: string): ReviewItem {
  return { number: step.number, label: step.label, action: step.action, dueText: step.dueText, owner: step.owner, note };
}

class Words {
  constructor(
    private readonly today: IsoDate,
    private readonly calendar: WorkCalendar,
    private readonly format: (iso: IsoDate) => string,
  ) {}

  private days(n: number): string {
    return count(n, this.calendar.calendarDays ? 'day' : 'working day');
  }

  private overdue(due: IsoDate): string {
    return `overdue by ${this.days(Math.max(1, workingDaysBetween(due, this.today, this.calendar)))}`;
  }

  /** "overdue by 3 working days", "due in 2 working days, not started", "blocked, due Mar 20, 2026". */
  riskNote(step: ParsedStep): string {
    const blocked = step.status === 'blocked';
    if (step.due === null) return 'blocked, no date yet';
    if (compareDates(step.due, this.today) < 0) return `${this.overdue(step.due)}${blocked ? ', blocked' : ''}`;
    const d = workingDaysBetween(this.today, step.due, this.calendar);
    if (blocked) return `blocked, due ${d === 0 ? 'today' : d <= AT_RISK_WORKING_DAYS ? `in ${this.days(d)}` : this.format(step.due)}`;
    return `due ${d === 0 ? 'today' : `in ${this.days(d)}`}, not started`;
  }

  /** "due Mar 20, 2026", "in progress, overdue by 2 working days", "no date yet". */
  owedNote(step: ParsedStep): string {
    const status = step.status === 'in_progress' ? 'in progress, ' : step.status === 'blocked' ? 'blocked, ' : '';
    if (step.due === null) return `${status}no date yet`;
    if (compareDates(step.due, this.today) < 0) return `${status}${this.overdue(step.due)}`;
    if (step.due === this.today) return `${status}due today`;
    return `${status}due ${this.format(step.due)}`;
  }
}

function nextFrom(side: string, owed: readonly ReviewItem[]): string {
  const next = owed[0];
  if (!next) return `${side} has no open steps`;
  return `next from ${side}: ${name(next)}, ${next.note} (${count(owed.length, 'open step')} in all)`;
}

function name(item: { number: number; label: string; action: string }): string {
  const action = item.action.trim().replace(/\s+/g, ' ');
  const short = action.length > 60 ? `${action.slice(0, 59).trimEnd()}…` : action;
  return short ? `step ${item.label} (${short})` : `step ${item.label}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function count(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
