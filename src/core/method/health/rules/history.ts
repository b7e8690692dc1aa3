/** Off-track signals from the plan's history: a dead plan, a silent champion, steps that keep slipping, steps added since the baseline (scope). */
import { compareDates, daysBetween, workingDaysBetween } from '../../../scheduling/calendar';
import { addedSinceLastReview, lastMovedOn, slippingSteps, stepOf, type PlanHistory } from '../../../history/history';
import { isSettled, type IsoDate } from '../../../plan';
import { AT_RISK_WORKING_DAYS } from '../../status-style';
import { championName, type HealthContext } from '../context';
import { isNamed, mentions } from '../people';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, count, listWords, possessive, stepName, times } from '../words';
import { decisionTargetLate } from './key-dates';

/** "A MAP that nobody updates is dead": the method's example speaks of 2 weeks. */
export const DEAD_PLAN_DAYS = 14;
/** The champion's steps not moving for as long as the method's dead plan. */
export const CHAMPION_SILENT_DAYS = 14;
/** "Steps keep slipping": one slip happens; the second is a pattern. */
export const SLIPS_TO_FLAG = 2;

const lastReviewOf = (history: PlanHistory): IsoDate | null => history.reviews[history.reviews.length - 1] ?? null;

/** Days since anything changed or a review was held, when that is a dead plan; null otherwise (a finished plan needs no updates). */
function deadFor(context: HealthContext, history: PlanHistory): number | null {
  if (context.open.length === 0) return null;
  const lastReview = lastReviewOf(history);
  const touched = lastReview !== null && compareDates(lastReview, history.lastActivityOn) > 0 ? lastReview : history.lastActivityOn;
  const days = daysBetween(touched, context.today);
  return days < DEAD_PLAN_DAYS ? null : days;
}

export const deadPlan: Rule = {
  id: 'dead-plan',
  severity: 'critical',
  method: 'A MAP that nobody updates is dead. If the champion stops engaging with the MAP, the deal is stalling. The MAP not being updated is itself a signal.',
  needsHistory: true,
  check(context) {
    const history = context.history;
    const days = history ? deadFor(context, history) : null;
    if (!history || days === null) return null;
    const lastReview = lastReviewOf(history);
    const review = lastReview === null ? 'and there has been no weekly review' : `and the last weekly review was on ${context.format(lastReview)}`;
    return {
      title: `No updates or reviews for ${days} days`,
      detail: `No status or date has changed since ${context.format(history.lastActivityOn)}, ${review}.`,
      action: `Address it directly with ${championName(context, 'the champion')}, then update the statuses and dates together.`,
      say: "I noticed we haven't updated the plan in 2 weeks. Has anything changed on your end?",
      place: null,
    };
  },
};

export const championSilent: Rule = {
  id: 'champion-silent',
  severity: 'warning',
  method: 'Champion stops responding to MAP updates: Deal is deprioritized internally.',
  needsHistory: true,
  check(context) {
    const { history, champion, plan, today, calendar } = context;
    // A dead plan says it already, for everyone.
    if (!history || deadFor(context, history) !== null) return null;
    if (!champion || !isNamed(champion)) return null;
    const theirs = plan.steps.filter((s) => mentions(s.owner, champion.name, context.people));
    const pressing = theirs.filter((s) => !isSettled(s.status) && s.due !== null && workingDaysBetween(today, s.due, calendar) <= AT_RISK_WORKING_DAYS);
    const first = pressing[0];
    if (!first) return null;
    const last = lastMovedOn(history, theirs.map((s) => s.key));
    if (last === null) return null;
    const days = daysBetween(last, today);
    if (days < CHAMPION_SILENT_DAYS) return null;
    return {
      title: "The champion's steps have stopped moving",
      detail: `None of ${possessive(champion.name)} steps has changed since ${context.format(last)} (${days} days), though ${listWords(pressing.map((s) => `${stepName(s)} ${context.dueWords(s)}`))}.`,
      action: `Have a direct conversation with ${champion.name}.`,
      say: "Is the timeline still realistic? If priorities shifted, I'd rather know now",
      place: stepPlace(first, 'due'),
    };
  },
};

export const slipping: Rule = {
  id: 'slipping',
  severity: 'warning',
  method: 'Steps keep slipping by 1-2 weeks: Internal process is slower than estimated.',
  needsHistory: true,
  check(context) {
    const { history, open } = context;
    if (!history) return null;
    const byKey = new Map(open.map((s) => [s.key, s]));
    const found = slippingSteps(history, SLIPS_TO_FLAG).flatMap((r) => {
      const step = byKey.get(r.key);
      return step ? [{ step, record: r }] : [];
    });
    if (found.length === 0) return null;
    const inOrder = [...found].sort((a, b) => a.step.row - b.step.row);
    const described = found.slice(0, 3).map(({ step, record }) => {
      const moved = record.baselineDue && step.due ? `, from ${context.format(record.baselineDue)} to ${context.format(step.due)}` : '';
      return `${stepName(step)} has slipped ${times(record.slips)}${moved}`;
    });
    const more = found.length > 3 ? ` (and ${count(found.length - 3, 'more step')})` : '';
    return {
      title: 'Steps keep slipping',
      detail: `${capital(listWords(described))}${more}.`,
      action: 'Adjust dates: when a step slips, move every step after it too (Shift downstream dates), and ask its owner what is in the way.',
      say: "What's causing the delay? Can I help unblock anything?",
      place: stepPlace(inOrder[0]?.step, 'due'),
    };
  },
};

/** Steps added since the baseline that no weekly review has covered yet. */
export const scope: Rule = {
  id: 'scope',
  severity: 'info',
  method: 'New steps get added mid-process: Scope creep or new stakeholders emerged.',
  needsHistory: true,
  check(context) {
    const { history, open, plan } = context;
    if (!history) return null;
    const lastReview = lastReviewOf(history);
    // The weekly review's "new steps" ask the same question.
    const added = open.filter((s) => {
      const r = stepOf(history, s.key);
      return r !== null && addedSinceLastReview(history, r);
    });
    const first = added[0];
    if (!first) return null;
    const since = lastReview === null ? `the plan began on ${context.format(history.baseline.on)}` : `the last review on ${context.format(lastReview)}`;
    const list = added.slice(0, 3).map((s) => `${stepName(s)} on ${context.format(stepOf(history, s.key)?.addedOn ?? context.today)}`);
    const more = added.length > 3 ? ` and ${count(added.length - 3, 'more step')}` : '';
    const target = plan.keyDates.decisionTarget?.date ?? null;
    const holds =
      target === null
        ? ''
        : decisionTargetLate(context)
          ? ' The decision target no longer holds against the steps.'
          : ` The decision target of ${context.format(target)} still holds against the steps.`;
    return {
      title: added.length === 1 ? 'A step was added' : 'Steps were added',
      detail: `Added since ${since}: ${listWords(list)}${more}.${holds}`,
      action: 'Add the steps. Adjust timeline. Confirm close date is still achievable.',
      say: 'Any new stakeholders or requirements that have come up?',
      place: stepPlace(first, 'action'),
    };
  },
};
