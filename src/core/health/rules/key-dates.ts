/** The key dates against the steps: no decision target, a decision target the steps cannot meet (close-date), a go-live target they overrun. */
import { compareDates, workingDaysBetween } from '../../calendar';
import type { ParsedStep } from '../../parsed-plan';
import type { IsoDate } from '../../plan';
import { keyDateStep } from '../../shift-request';
import { championName, type HealthContext } from '../context';
import { chainOf, type Forecast } from '../forecast';
import { sectionPlace } from '../places';
import type { Found, Rule } from '../types';
import { stepName } from '../words';

const CLOSE_DATE = 'The close date must be realistic based on the step timeline. If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction';

export const noDecisionTarget: Rule = {
  id: 'no-decision-target',
  severity: 'warning',
  method: `The method's goal: "... makes a go/no-go decision by [target date]." ${CLOSE_DATE}.`,
  check({ plan }) {
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
      action: 'Agree the go/no-go decision date with the champion and write it as a date: "Decision target: Mar 31, 2026".',
      say: null,
      place: decision ? { kind: 'paragraph', index: decision.paragraphIndex } : sectionPlace(plan, 'keyDates'),
    };
  },
};

interface LateKeyDate {
  name: 'decisionTarget' | 'goLiveTarget';
  target: IsoDate;
  paragraphIndex: number;
  step: ParsedStep;
  earliest: IsoDate;
  chain: Forecast[];
}

/** The key date's step forecast after the key date; null when it holds, is done or cannot be checked. */
function lateKeyDate(context: HealthContext, name: 'decisionTarget' | 'goLiveTarget'): LateKeyDate | null {
  const forecast = context.forecast();
  const line = context.plan.keyDates[name];
  const step = keyDateStep(context.plan, name);
  if (!forecast || !line || line.date === null || !step || step.status === 'complete') return null;
  const at = forecast.get(step.key);
  if (!at || at.date === null || compareDates(at.date, line.date) <= 0) return null;
  return { name, target: line.date, paragraphIndex: line.paragraphIndex, step, earliest: at.date, chain: chainOf(forecast, step.key) };
}

/** Whether the steps put contract signature after the decision target (the scope rule says whether it still holds). */
export function decisionTargetLate(context: HealthContext): boolean {
  return lateKeyDate(context, 'decisionTarget') !== null;
}

function lateFinding(context: HealthContext, late: LateKeyDate): Found {
  const { name, target, paragraphIndex, step, earliest, chain } = late;
  const decision = name === 'decisionTarget';
  const lateBy = Math.max(1, workingDaysBetween(target, earliest, context.calendar));
  const label = decision ? 'decision target' : 'go-live target';
  const root = chain[0]?.step ?? step;
  const rootOverdue = chain[0]?.overdue ?? false;
  const due = root.due === null ? '' : `, due ${context.format(root.due)}${rootOverdue ? ' and still not complete' : ''}`;
  const cause =
    root.key !== step.key
      ? ` It is driven by ${stepName(root)}${due}: steps ${chain.map((c) => c.step.number).join(' → ')}.`
      : rootOverdue
        ? ` It was due ${context.format(root.due ?? context.today)} and is still not complete.`
        : '';
  const who = championName(context, context.them);
  const sooner = rootOverdue
    ? `when ${stepName(root)} will be done`
    : root.key !== step.key
      ? `how to finish ${stepName(root)} sooner`
      : `an earlier date for ${stepName(step)}`;
  return {
    title: decision ? 'The decision target is not realistic' : 'The go-live target is not realistic',
    detail:
      `The steps put ${stepName(step)} on ${context.format(earliest)} at the earliest, ` +
      `${context.dayCount(lateBy)} after the ${label} of ${context.format(target)}.${cause}`,
    action: `Move the ${label} to ${context.format(earliest)} or later, or agree with ${who} ${sooner}.`,
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
