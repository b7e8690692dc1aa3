/** What every rule reads, worked out once per check: the plan, the two companies, the economic buyer and champion, the open steps, the forecast and the words for dates. */
import { compareDates, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from '../../scheduling/calendar';
import { formatPlanDate } from '../../reading/date-format';
import type { PlanHistory } from '../../history/history';
import type { ParsedPlan, ParsedStakeholder, ParsedStep } from '../../reading/parsed-plan';
import { isSettled, type IsoDate } from '../../plan';
import { planCompanies } from '../../reading/sections';
import { forecastSteps, type Forecast } from './forecast';
import { findPerson, isChampion, isEconomicBuyer, isNamed } from './people';
import type { DealFacts, HealthInput } from './types';
import { count } from './words';

export interface HealthContext {
  plan: ParsedPlan;
  history: PlanHistory | null;
  deal: DealFacts;
  today: IsoDate;
  calendar: WorkCalendar;
  format: (iso: IsoDate) => string;
  /** Our company and theirs from the title; "your team" and "the prospect" without one. */
  us: string;
  them: string;
  companies: string[];
  economicBuyer: ParsedStakeholder | null;
  champion: ParsedStakeholder | null;
  /** Every named stakeholder's name, to tell who a text names. */
  people: string[];
  /** The steps not complete yet. */
  open: ParsedStep[];
  /** The earliest each step can happen; null on a circle in Depends on. Computed on first use. */
  forecast(): Map<string, Forecast> | null;
  /** "3 working days" (or "3 days" on a calendar-day plan). */
  dayCount(n: number): string;
  /** "is overdue by 3 working days", "is due today", "is due in 2 working days". */
  dueWords(step: ParsedStep): string;
}

export function healthContext(input: HealthInput): HealthContext {
  const plan = input.plan;
  const calendar = input.calendar ?? WORKING_DAYS;
  const today = input.today;
  const companies = planCompanies(plan);
  let forecast: Map<string, Forecast> | null | undefined;
  const dayCount = (n: number): string => count(n, calendar.calendarDays ? 'day' : 'working day');
  return {
    plan,
    history: input.history,
    deal: input.deal,
    today,
    calendar,
    format: input.formatDate ?? ((iso) => formatPlanDate(iso, 'en_US')),
    us: companies?.yourCompany ?? 'your team',
    them: companies?.theirCompany ?? 'the prospect',
    companies: companies ? [companies.yourCompany, companies.theirCompany] : [],
    economicBuyer: findPerson(plan.stakeholders, isEconomicBuyer),
    champion: findPerson(plan.stakeholders, isChampion),
    people: plan.stakeholders.filter(isNamed).map((p) => p.name),
    open: plan.steps.filter((s) => !isSettled(s.status)),
    forecast() {
      if (forecast === undefined) forecast = forecastSteps(plan.steps, today);
      return forecast;
    },
    dayCount,
    dueWords(step) {
      if (step.due === null) return 'has no date';
      const d = workingDaysBetween(today, step.due, calendar);
      if (compareDates(step.due, today) < 0) return `is overdue by ${dayCount(Math.max(1, -d))}`;
      if (d === 0) return 'is due today';
      return `is due in ${dayCount(d)}`;
    },
  };
}

/** The champion's name when named, else the fallback ("the champion", or their company). */
export function championName(context: HealthContext, fallback: string): string {
  const c = context.champion;
  return c && isNamed(c) ? c.name : fallback;
}
