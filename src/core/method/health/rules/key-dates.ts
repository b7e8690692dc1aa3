/** The key dates against the steps: no decision target, a decision target the steps cannot meet (close-date, against the signature step or, without one, the steps a decision needs first), a go-live target the go-live step overruns. */
import { compareDates, workingDaysBetween } from '../../../scheduling/calendar';
import type { ParsedStep } from '../../../reading/parsed-plan';
import { isSettled, type IsoDate } from '../../../plan';
import { stepKind, type StepKind } from '../../../metrics/step-kinds';
import { keyDateStep } from '../../../scheduling/shift-request';
import { championName, type HealthContext } from '../context';
import { chainOf, type Forecast } from '../forecast';
import { sectionPlace } from '../places';
import type { Found, Rule } from '../types';
import { capital, listSteps, stepName } from '../words';

const CLOSE_DATE = 'The close date must be realistic based on the step timeline. If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction';

export const noDecisionTarget: Rule = {
  id: 'no-decision-target',
  severity: 'warning',
  method: `The method's goal: "... makes a go/no-go decision by [target date]." ${CLOSE_DATE}.`,
  check(context) {
    const { plan } = context;
    const decision = plan.keyDates.decisionTarget;
    if (decision && decision.date !== null) return null;
    const written = decision?.valueText.trim();
    return {
      title: 'No decision target',
      detail: decision
        ? written
          ? `The decision target reads "${written}", which is not a date.`
          : 'The decision target line has no date.'
        : 'The Key dates section has no decision target.',
      action: `Agree the go/no-go decision date with the champion and write it as a date${proposedDecision(context)}.`,
      say: null,
      place: decision ? { kind: 'paragraph', index: decision.paragraphIndex } : sectionPlace(plan, 'keyDates'),
    };
  },
};

/**
 * The date the steps give for the decision, as the line to write: the contract signature step's
 * earliest date (its due date, or later when the steps before it run late), so the target starts
 * realistic. Without a dated signature step, the shape of the line only.
 */
function proposedDecision(context: HealthContext): string {
  const step = keyDateStep(context.plan, 'decisionTarget');
  if (!step) return ' under Key dates ("Decision target: " and the date)';
  const forecast = context.forecast()?.get(step.key)?.date ?? null;
  const date = step.status === 'complete' ? step.due : (forecast ?? step.due);
  if (date === null) return ' under Key dates ("Decision target: " and the date)';
  return `. The steps put ${stepName(step)} on ${context.format(date)}: "Decision target: ${context.format(date)}"`;
}

interface LateKeyDate {
  name: 'decisionTarget' | 'goLiveTarget';
  target: IsoDate;
  paragraphIndex: number;
  step: ParsedStep;
  earliest: IsoDate;
  chain: Forecast[];
  /** Without a contract signature step: the other steps a decision needs first that fall after the target, latest first. */
  alsoLate: ParsedStep[];
  /** True when no step reads as the contract signature and the target was measured against the steps a decision needs first. */
  noSignature: boolean;
}

/**
 * Steps that must come before a decision, by kind whatever their wording (the method's own
 * example is security review and procurement finishing after the close date): a business case,
 * security, legal and procurement, contract terms, budget and executive approval.
 */
const BEFORE_DECISION: ReadonlySet<StepKind> = new Set<StepKind>(['business-case', 'security', 'procurement', 'negotiation', 'internal-review', 'sign-off']);

/** The key date's step forecast after the key date; null when it holds, is done or cannot be checked. */
function lateKeyDate(context: HealthContext, name: 'decisionTarget' | 'goLiveTarget'): LateKeyDate | null {
  const forecast = context.forecast();
  const line = context.plan.keyDates[name];
  if (!forecast || !line || line.date === null) return null;
  const target = line.date;
  const step = keyDateStep(context.plan, name);
  if (!step) return name === 'decisionTarget' ? beforeDecision(context, forecast, target, line.paragraphIndex) : null;
  if (isSettled(step.status)) return null;
  const at = forecast.get(step.key);
  if (!at || at.date === null || compareDates(at.date, target) <= 0) return null;
  return { name, target, paragraphIndex: line.paragraphIndex, step, earliest: at.date, chain: chainOf(forecast, step.key), alsoLate: [], noSignature: false };
}

/** No signature step: the decision target against the open steps a decision needs first. */
function beforeDecision(context: HealthContext, forecast: Map<string, Forecast>, target: IsoDate, paragraphIndex: number): LateKeyDate | null {
  const late = context.open
    .filter((s) => BEFORE_DECISION.has(stepKind(s.action)))
    .flatMap((s) => {
      const date = forecast.get(s.key)?.date ?? null;
      return date !== null && compareDates(date, target) > 0 ? [{ step: s, date }] : [];
    })
    .sort((a, b) => compareDates(b.date, a.date));
  const latest = late[0];
  if (!latest) return null;
  return {
    name: 'decisionTarget',
    target,
    paragraphIndex,
    step: latest.step,
    earliest: latest.date,
    chain: chainOf(forecast, latest.step.key),
    alsoLate: late.slice(1).map((l) => l.step).sort((a, b) => context.open.indexOf(a) - context.open.indexOf(b)),
    noSignature: true,
  };
}

/** Whether the steps put the decision after the decision target (the scope rule says whether it still holds). */
export function decisionTargetLate(context: HealthContext): boolean {
  return lateKeyDate(context, 'decisionTarget') !== null;
}

function lateFinding(context: HealthContext, late: LateKeyDate): Found {
  const { name, target, paragraphIndex, step, earliest, chain, alsoLate, noSignature } = late;
  const decision = name === 'decisionTarget';
  const lateBy = Math.max(1, workingDaysBetween(target, earliest, context.calendar));
  const label = decision ? 'decision target' : 'go-live target';
  const root = chain[0]?.step ?? step;
  const rootOverdue = chain[0]?.overdue ?? false;
  const due = root.due === null ? '' : `, due ${context.format(root.due)}${rootOverdue ? ' and still not complete' : ''}`;
  const cause =
    root.key !== step.key
      ? ` It is driven by ${stepName(root)}${due}: steps ${chain.map((c) => c.step.label).join(' → ')}.`
      : rootOverdue
        ? ` It was due ${context.format(root.due ?? context.today)} and is still not complete.`
        : '';
  const who = championName(context, context.them);
  const sooner = rootOverdue
    ? `when ${stepName(root)} will be done`
    : root.key !== step.key
      ? `how to finish ${stepName(root)} sooner`
      : `an earlier date for ${stepName(step)}`;
  const lead = noSignature ? `No step reads as the contract signature, and a decision needs ${stepName(step)} first. ` : '';
  const others = alsoLate.length > 0 ? ` ${capital(listSteps(alsoLate))} ${alsoLate.length === 1 ? 'also falls' : 'also fall'} after the ${label}.` : '';
  const addSignature = noSignature ? ' Add the contract signature as a step, so the close date is checked against it.' : '';
  return {
    title: decision ? 'The decision target is not realistic' : 'The go-live target is not realistic',
    detail:
      `${lead}The steps put ${stepName(step)} on ${context.format(earliest)} at the earliest, ` +
      `${context.dayCount(lateBy)} after the ${label} of ${context.format(target)}.${cause}${others}`,
    action: `Move the ${label} to ${context.format(earliest)} or later, or agree with ${who} ${sooner}.${addSignature}`,
    say: null,
    place: { kind: 'paragraph', index: paragraphIndex },
  };
}

export const closeDate: Rule = {
  id: 'close-date',
  severity: 'critical',
  method: `${CLOSE_DATE}.`,
  check(context) {
    const late = lateKeyDate(context, 'decisionTarget');
    return late ? lateFinding(context, late) : null;
  },
};

export const goLiveDate: Rule = {
  id: 'go-live-date',
  severity: 'warning',
  method: 'When a step slips, adjust ALL downstream dates.',
  check(context) {
    const late = lateKeyDate(context, 'goLiveTarget');
    return late ? lateFinding(context, late) : null;
  },
};
