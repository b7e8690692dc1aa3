/** Success criteria: none agreed (no-criteria), criteria that are not pass/fail (vague-criteria), and no agreed next step when they pass (no-next-step). */
import type { ParsedPlan } from '../../../reading/parsed-plan';
import { sectionPlace } from '../places';
import type { DocumentPlace, Rule } from '../types';
import { capital, clipText, count, listWords, placeholdersIn } from '../words';

// Measurable criteria. "Each criterion should be pass/fail": a criterion passes the check when it
// has a number (30%, 6 months, $50K, 2 weeks), a number or threshold word ("no critical
// findings", "under", "at least", "within", "twice"), or a yes/no verb ("passes", "works in",
// "integrates", "approves", "signs off", "meets our requirements", "supports"). "We like it",
// "easy to use", "improves productivity" have none. A "[Criterion 1: ...]" line is a placeholder:
// nobody has agreed it yet. The line saying what happens when the criteria pass is not a
// criterion; it counts as agreed when it names a move (proposal, contract, signature, purchase
// order...) with no placeholder and no stalling words ("discuss further", "revisit").

const NEXT_STEP_LINE = /\bnext step\b|^(?:if|once|when)\b.*\bcriteri(?:a|on)\b/i;
const NEXT_MOVE =
  /\b(?:proposal|contract|sign|signs|signed|signature|signing|purchase|order|PO|procurement|legal|roll ?out|deploy|buy|go[- ]live|onboard\w*|negotiat\w*|agreement|paperwork|approv\w*|commit\w*|move (?:forward|to)|moves (?:forward|to)|proceed\w*)\b/i;
const STALLING = /\b(?:discuss\w*|think|revisit|reconsider|consider|reconvene|regroup|further evaluation|evaluate further|decide later|tbd|to be decided|to be determined)\b/i;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const COUNT_WORD =
  /\b(?:zero|no|none|half|double|twice|triple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|percent|per cent)\b/i;
const THRESHOLD =
  /\b(?:under|over|below|above|within|at least|at most|less than|more than|fewer than|no more than|up to|or (?:more|less|fewer|better|faster|higher|lower)|faster than|better than|exceeds?|reach(?:es)?|hits?|target)\b/i;
const YES_NO =
  /\b(?:pass(?:es|ed)?|works? (?:in|with|on|for|across|against|end[- ]to[- ]end)|integrat(?:es?|ed)|connects? (?:to|with)|syncs?|approv(?:e|es|ed|al)|signs? off|signed off|sign-off|meets? (?:(?:our|the|all|every) )?(?:[\w-]+ ){0,3}(?:requirements?|standards?|criteria|sla|policy|policies)|complies|compliant|certified|completes?|completed|supports?)\b/i;

/** Pass/fail: a number, a number or threshold word, or a yes/no verb. */
export function isMeasurable(criterion: string): boolean {
  return /\d/.test(criterion) || COUNT_WORD.test(criterion) || THRESHOLD.test(criterion) || YES_NO.test(criterion);
}

function isNextStepLine(line: string): boolean {
  return NEXT_STEP_LINE.test(line);
}

const isDraft = (l: string): boolean => !isNextStepLine(l) && placeholdersIn(l).length > 0;

/** The plan's criteria lines sorted out: the next-step lines, the criteria, the drafts and the agreed ones. */
function criteriaOf(plan: ParsedPlan) {
  const lines = plan.successCriteria;
  const criteria = lines.filter((l) => !isNextStepLine(l));
  return {
    nextSteps: lines.filter(isNextStepLine),
    criteria,
    drafts: criteria.filter((c) => placeholdersIn(c).length > 0),
    agreed: criteria.filter((c) => placeholdersIn(c).length === 0),
  };
}

/** The paragraph of the first (or last) line that passes the test, by position: two lines may read the same. */
function lineWhere(plan: ParsedPlan, test: (line: string) => boolean, last = false): DocumentPlace | null {
  const lines = plan.successCriteria;
  const order = lines.map((_, i) => i);
  const i = (last ? order.reverse() : order).find((k) => test(lines[k] ?? ''));
  const index = i === undefined ? undefined : plan.successCriteriaPlaces[i];
  return index === undefined ? null : { kind: 'paragraph', index };
}

export const noCriteria: Rule = {
  id: 'no-criteria',
  severity: 'warning',
  method:
    'No success criteria. The MAP lists steps but never defines what "success" looks like. Without criteria, the evaluation ends with "let me think about it" instead of "the criteria passed, let\'s move forward".',
  check({ plan, them }) {
    const { drafts, agreed } = criteriaOf(plan);
    if (agreed.length > 0) return null;
    return {
      title: drafts.length > 0 ? 'Success criteria not agreed yet' : 'No success criteria',
      detail:
        drafts.length > 0
          ? `${drafts.length === 1 ? 'The success criterion is' : `The ${drafts.length} success criteria are`} still the draft's placeholders: ${them} has not agreed any yet.`
          : 'The plan has no success criteria.',
      action: `Agree with ${them} what they need to see to say yes, as pass/fail criteria, e.g. "Reply rates improve by 30% in a 2-week pilot".`,
      say: "If the evaluation goes perfectly, what would you need to see to feel confident saying yes? I want to make sure we're aligned on what success looks like.",
      place: drafts.length > 0 ? lineWhere(plan, isDraft) : sectionPlace(plan, 'successCriteria'),
    };
  },
};

export const vagueCriteria: Rule = {
  id: 'vague-criteria',
  severity: 'warning',
  method: 'Make criteria specific and measurable. "We like it" is not a criterion. "Reply rates improve by 30% in a 2-week pilot" is. Each criterion should be pass/fail.',
  check({ plan }) {
    const { drafts, agreed } = criteriaOf(plan);
    if (agreed.length === 0) return null;
    const vague = agreed.filter((c) => !isMeasurable(c));
    if (vague.length === 0 && drafts.length === 0) return null;
    const parts: string[] = [];
    if (vague.length > 0) {
      parts.push(
        `${listWords(vague.slice(0, 3).map((c) => `"${clipText(c, 60)}"`))}${vague.length > 3 ? ` and ${vague.length - 3} more` : ''} ` +
          `${vague.length === 1 ? 'has' : 'have'} no number, threshold or pass/fail test`,
      );
    }
    if (drafts.length > 0) parts.push(`${count(drafts.length, 'criterion', 'criteria')} ${drafts.length === 1 ? 'is' : 'are'} still a placeholder nobody has agreed`);
    return {
      title: 'Criteria that are not pass/fail',
      detail: `${capital(parts.join('; '))}.`,
      action: 'Rewrite each as a test that passes or fails, with a number where there is one: "Reply rates improve by 30% in a 2-week pilot".',
      say: null,
      place: lineWhere(plan, (l) => isDraft(l) || (!isNextStepLine(l) && !isMeasurable(l))),
    };
  },
};

export const noNextStep: Rule = {
  id: 'no-next-step',
  severity: 'warning',
  method:
    'Agree on what happens if criteria are met. "If all three criteria pass, what\'s the next step?" The answer should be "we move to proposal/contract." If it\'s "we\'ll discuss further," the criteria aren\'t really criteria. They\'re stalling mechanisms.',
  check({ plan }) {
    const { nextSteps, criteria } = criteriaOf(plan);
    if (criteria.length === 0) return null;
    const line = nextSteps[nextSteps.length - 1];
    const n = criteria.length;
    // The method asks about its own three criteria; the question counts this plan's.
    const which = n === 1 ? 'the criterion passes' : n === 2 ? 'both criteria pass' : `all ${n <= 10 ? NUMBER_WORDS[n] : 'the'} criteria pass`;
    let detail: string | null = null;
    if (line === undefined) detail = 'The success criteria do not say what happens when they pass.';
    else if (placeholdersIn(line).length > 0) detail = `"${clipText(line, 80)}" still has its placeholder: nobody has agreed what happens when the criteria pass.`;
    else if (STALLING.test(line)) detail = `"${clipText(line, 80)}" is not a next step: it leaves the decision open after the criteria pass.`;
    else if (!NEXT_MOVE.test(line)) detail = `"${clipText(line, 80)}" does not say what both sides move to when the criteria pass.`;
    if (detail === null) return null;
    return {
      title: 'No agreed next step if the criteria pass',
      detail,
      action: 'Agree it with the champion and write it under the criteria: "If all criteria pass, next step: we move to contract".',
      say: `If ${which}, what's the next step?`,
      // The line the check read; without one, the last criterion, since the line goes right under it.
      place: line === undefined ? lineWhere(plan, (l) => !isNextStepLine(l), true) : lineWhere(plan, isNextStepLine, true),
    };
  },
};
