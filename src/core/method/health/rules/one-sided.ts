/**
 * One-sided plan, the method's first anti-pattern: "The prospect never saw it, never edited it,
 * never agreed to it." Judged on what the add-on can see: whose steps the plan lists (shared
 * steps count half for each side; per-side owner columns say which side owns a step), whether
 * anyone edited the plan by hand since the add-on inserted it, and whether the "Agreed by" line
 * records the prospect's agreement.
 */
import { daysBetween } from '../../../scheduling/calendar';
import type { PlanHistory } from '../../../history/history';
import type { ParsedPlan } from '../../../reading/parsed-plan';
import type { IsoDate } from '../../../plan';
import { championName, type HealthContext } from '../context';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, count, possessive } from '../words';

/** "After a week": a plan inserted this week may simply not have been walked through yet. */
export const UNTOUCHED_DAYS = 7;

const SAY = "What am I missing? What steps does your team need that I haven't listed?";
const ANTI_PATTERN =
  'MAP sent as a one-sided sales plan. The prospect never saw it, never edited it, never agreed to it. This is a project plan, not a mutual action plan. Co-create it with the prospect. Their input makes it mutual.';

/** A plan's side counts, with per-side owner columns deciding a step's side when the reader gives them. */
function sides(plan: ParsedPlan): { ours: number; theirs: number; both: number; known: number } {
  let ours = 0;
  let theirs = 0;
  let both = 0;
  for (const s of plan.steps) {
    const side = s.sideOwners ? sideOfColumns(s.sideOwners) ?? s.side : s.side;
    if (side === 'ours') ours++;
    else if (side === 'theirs') theirs++;
    else if (side === 'both') both++;
  }
  return { ours, theirs, both, known: ours + theirs + both };
}

const NONE = /^(?:[-–—]+|none|n\/?a|tbd|tbc|\?+)?$/i;

function sideOfColumns(owners: { ours: string; theirs: string }): 'ours' | 'theirs' | 'both' | null {
  const ours = !NONE.test(owners.ours.trim());
  const theirs = !NONE.test(owners.theirs.trim());
  return ours && theirs ? 'both' : ours ? 'ours' : theirs ? 'theirs' : null;
}

/** The days since the add-on inserted the plan when nobody has edited it by hand since, from UNTOUCHED_DAYS on; null otherwise. */
export function untouchedFor(history: PlanHistory | null, today: IsoDate): number | null {
  if (!history || history.baseline.cause !== 'insert') return null;
  // Only what the history records can count: dates, statuses, steps added or removed, people added.
  const edited =
    history.events.some((e) => e.cause === 'hand') ||
    history.summarised.events > 0 ||
    Object.values(history.stakeholders ?? {}).some((p) => !p.inBaseline);
  const days = daysBetween(history.baseline.on, today);
  return edited || days < UNTOUCHED_DAYS ? null : days;
}

/** Why the plan does not show the prospect's agreement, or null when the "Agreed by" line names who agreed. */
function notAgreed(plan: ParsedPlan, them: string): string | null {
  const agreement = plan.agreement;
  if (agreement === null) return `no "Agreed by" line records that ${them} agreed to it`;
  if (agreement.name === null) return 'the "Agreed by" line still has its placeholders';
  return null;
}

export const oneSided: Rule = {
  id: 'one-sided',
  severity: 'critical',
  method: 'The prospect owns half the actions. You own the other half. The prospect has as many steps as you do. Include both.',
  check(context) {
    const { plan, us, them, history, today } = context;
    const { ours, theirs, both, known } = sides(plan);
    const first = plan.steps[0];
    const untouched = untouchedFor(history, today);
    const agreement = notAgreed(plan, them);
    // The other signs, said after the steps: never edited since inserted, never agreed.
    const signs = [
      untouched === null || !history ? null : `nobody has edited the plan by hand since it was inserted on ${context.format(history.baseline.on)} (${untouched} days ago)`,
      agreement,
    ].filter((s): s is string => s !== null);
    const also = signs.length > 0 ? ` Also, ${signs.join(', and ')}.` : '';
    const addSteps =
      `Add ${possessive(them)} steps in their words ("Champion presents business case to VP", "Procurement reviews contract"), ` +
      'including their internal steps such as stakeholder alignment and budget committee review.';

    if (known > 0 && theirs + both === 0) {
      return {
        title: 'Only your steps',
        detail: `All ${count(known, 'step')} with a known owner ${known === 1 ? 'is' : 'are'} ${possessive(us)}; none is ${possessive(them)} or shared.${also}`,
        action: addSteps,
        say: SAY,
        place: stepPlace(first, 'owner'),
      };
    }
    if (known > 0 && ours >= 2 && (theirs + both / 2) * 2 < ours + both / 2) {
      const shared = both > 0 ? `, and ${count(both, 'step')} ${both === 1 ? 'is' : 'are'} shared` : '';
      return {
        severity: 'warning',
        title: 'Few of their steps',
        detail: `${capital(them)} owns ${count(theirs, 'step')} and ${us === 'your team' ? 'you own' : `${us} owns`} ${ours}${shared}.${also}`,
        action: addSteps,
        say: SAY,
        place: stepPlace(first, 'owner'),
      };
    }
    const walk = walkThrough(context);
    if (untouched !== null && history) {
      return {
        severity: 'warning',
        method: ANTI_PATTERN,
        title: `${capital(them)} has not taken part in the plan`,
        detail: `${capital(signs.join(', and '))}.`,
        action: walk,
        say: SAY,
        place: agreementPlace(plan) ?? stepPlace(first, 'owner'),
      };
    }
    // The agreement alone is worth saying once the plan has been around for a week.
    if (agreement !== null && history && daysBetween(history.baseline.on, today) >= UNTOUCHED_DAYS) {
      return {
        severity: 'info',
        method: ANTI_PATTERN,
        title: 'No agreement recorded',
        detail: `${capital(them)} has not recorded agreeing to the plan: ${agreement}.`,
        action: walk,
        say: null,
        place: agreementPlace(plan),
      };
    }
    return null;
  },
};

function agreementPlace(plan: ParsedPlan) {
  return plan.agreement ? ({ kind: 'paragraph', index: plan.agreement.paragraphIndex } as const) : null;
}

function walkThrough(context: HealthContext): string {
  const who = championName(context, 'the champion');
  return (
    `Walk ${who} through the plan and ask for their edits; once ${context.them} agrees, write it in the Agreed by line: ` +
    `"Agreed by: ${who === 'the champion' ? '[Name and title]' : who}, ${context.them}, ${context.format(context.today)}".`
  );
}
