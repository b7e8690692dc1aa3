/** One read of the document for the whole sidebar: the plan's health, review, timeline and shift choices from a single openPlan. */
import { withDocumentLock } from '../adapters/lock';
import { answer } from './errors';
import { dateWriter, openPlan, rememberPlan } from './plan-session';
import { healthOf, reviewOf, timelineOf } from './review';
import { shiftStateOf } from './shift';
import type { PlanRead } from './contract';

/**
 * Reads the plan once and answers every tab from that read: on Google each read is hundreds of
 * service calls, so the sidebar asks for this once and re-asks only after an action or on request.
 * A document without a steps table answers `plan: null` (the Insert tab's case), not an error.
 */
export function planRead(): PlanRead {
  return withDocumentLock((): PlanRead => {
    const session = openPlan({ requirePlan: false });
    if (!session.plan.stepsTable) return { plan: null, problem: null };
    // A steps table without readable steps has no plan to remember: the check says what it could not read.
    if (session.plan.steps.length > 0) rememberPlan(session);
    const write = dateWriter(session.plan, session.locale);
    const formatDate = (iso: string): string => write(null, iso);
    return {
      plan: {
        title: session.plan.title ?? 'Mutual Action Plan',
        health: healthOf(session, formatDate),
        review: reviewOf(session, formatDate),
        timeline: timelineOf(session),
        shift: shiftStateOf(session),
      },
      problem: null,
    };
  });
}

/** The read as the sidebar's opening call carries it: a plan the add-on cannot read leaves the sidebar usable, with the reason. */
export function planReadOrProblem(): PlanRead {
  try {
    return answer('reading the plan', planRead);
  } catch (error) {
    return { plan: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The sidebar's "Read again" and its re-read after every action. */
export function readPlan(): PlanRead {
  return answer('reading the plan', planRead);
}
