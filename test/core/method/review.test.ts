// The weekly review: what was completed, what is at risk, what each side owes and what is new since the last review, with the method's four questions answered.
import { CALENDAR_DAYS } from '../../../src/core/scheduling/calendar';
import { observe, recordReview, type PlanHistory } from '../../../src/core/history/history';
import type { ParsedPlan } from '../../../src/core/reading/parsed-plan';
import type { IsoDate } from '../../../src/core/plan';
import { checkHealth } from '../../../src/core/method/health';
import { REVIEW_QUESTIONS, weeklyReview, type ReviewItem } from '../../../src/core/method/review';
import { edited, fixtureText, readMarkdownPlan, historyOfVersions } from '../markdown-plan';

// March 2026: Mon 2, Wed 4, Thu 5, Wed 11, Fri 13, Mon 16, Fri 20. Steps 1 and 2 are complete from the start.
const HEALTHY = fixtureText('maps/healthy');

/** The history of the healthy plan from its first read on Mon Mar 2, then each later version seen on its day. */
function historyOf(...versions: [day: IsoDate, markdown: string][]): { history: PlanHistory; plan: ParsedPlan } {
  return historyOfVersions(HEALTHY, '2026-03-02', versions);
}

const PILOT_DONE = edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | Complete | 1 |']);
/** Week 2: security review done, pilot review brought forward, pricing blocked, a new step and a new person on Globex's side. */
const WEEK_2 = edited(
  PILOT_DONE,
  ['| Mar 20, 2026 | In progress | 2 |', '| Mar 20, 2026 | Complete | 2 |'],
  ['| Both | Mar 27, 2026 | Pending | 4 |', '| Both | Mar 20, 2026 | Pending | 4 |'],
  ['| Sam Lee (Acme) | Apr 3, 2026 | Pending | 6 |', '| Sam Lee (Acme) | Apr 3, 2026 | Blocked | 6 |'],
  [
    '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |',
    '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |\n| 12 | Data processing agreement | Tom Price (Globex vendor management) | Mar 13, 2026 | Pending | 8 |',
  ],
  [
    '| Priya Shah | Solutions Engineer, Acme | Technical support. Demo, POC, integration |',
    '| Priya Shah | Solutions Engineer, Acme | Technical support. Demo, POC, integration |\n| Ana Gomez | Data Protection Officer, Globex | Data processing agreement |',
  ],
);

const notes = (items: ReviewItem[]): [number, string][] => items.map((i) => [i.number, i.note]);

describe('the weekly review after a review held on Thu Mar 5', () => {
  const { history, plan } = historyOf(['2026-03-04', PILOT_DONE], ['2026-03-11', WEEK_2]);
  const review = weeklyReview({ plan, history: recordReview(history, '2026-03-05'), today: '2026-03-16' });

  test('looks back to the last review', () => {
    expect(review.lastReviewed).toEqual({ iso: '2026-03-05', text: 'Mar 5, 2026' });
    expect(review.since).toBe('since the last review on Mar 5, 2026');
  });

  test('completed: what was done since (not the pilot setup done before it, nor steps done before the plan began)', () => {
    expect(review.completed).toEqual([
      { number: 3, label: '3', action: 'Security questionnaire review', dueText: 'Mar 20, 2026', owner: 'Lee Wong (Globex IT)', note: 'completed Mar 11, 2026' },
    ]);
  });

  test('at risk: overdue, due within 5 working days and not started, or blocked; soonest first', () => {
    expect(notes(review.atRisk)).toEqual([
      [12, 'overdue by 1 working day'],
      [5, 'due in 4 working days, not started'],
      [7, 'blocked, due Apr 3, 2026'],
    ]);
  });

  test('what each side owes next, soonest first; a shared step is on both lists', () => {
    expect(notes(review.owedByUs)).toEqual([
      [5, 'due Mar 20, 2026'],
      [6, 'due Apr 3, 2026'],
      [7, 'blocked, due Apr 3, 2026'],
      [11, 'due May 1, 2026'],
    ]);
    expect(notes(review.owedByThem)).toEqual([
      [12, 'overdue by 1 working day'],
      [5, 'due Mar 20, 2026'],
      [6, 'due Apr 3, 2026'],
      [8, 'due Apr 10, 2026'],
      [9, 'due Apr 17, 2026'],
      [10, 'due Apr 24, 2026'],
    ]);
  });

  test('new steps and new stakeholders', () => {
    expect(review.newSteps).toEqual([
      { number: 12, label: '12', action: 'Data processing agreement', dueText: 'Mar 13, 2026', owner: 'Tom Price (Globex vendor management)', note: 'added Mar 11, 2026' },
    ]);
    expect(review.newStakeholders).toEqual([{ name: 'Ana Gomez', title: 'Data Protection Officer' }]);
  });

  test("the method's four questions, word for word, each answered in one sentence", () => {
    expect(review.questions.map((q) => q.question)).toEqual([...REVIEW_QUESTIONS]);
    expect(review.questions.map((q) => q.question)).toEqual([
      'Where are we on the MAP? Which steps are complete?',
      'Any steps that are at risk of slipping?',
      'What do you need from me to keep things on track?',
      'Any new stakeholders or requirements that have come up?',
    ]);
    expect(review.questions.map((q) => q.answer)).toEqual([
      '4 of 12 steps are complete; 1 since the last review on Mar 5, 2026: step 3 (Security questionnaire review), completed Mar 11, 2026.',
      'Yes, 3 steps: step 12 (Data processing agreement), overdue by 1 working day; ' +
        'step 5 (Pilot results review against the success criteria), due in 4 working days, not started; ' +
        'step 7 (Pricing proposal delivery), blocked, due Apr 3, 2026.',
      'Next from Acme: step 5 (Pilot results review against the success criteria), due Mar 20, 2026 (4 open steps in all); ' +
        'next from Globex: step 12 (Data processing agreement), overdue by 1 working day (6 open steps in all).',
      'Since the last review on Mar 5, 2026: 1 new step, step 12 (Data processing agreement); 1 new stakeholder, Ana Gomez (Data Protection Officer).',
    ]);
  });
});

describe('never reviewed', () => {
  test('looks back to the start of the plan: steps done since, not those already done when it began', () => {
    const { history, plan } = historyOf(['2026-03-04', PILOT_DONE]);
    const review = weeklyReview({ plan, history, today: '2026-03-09' });
    expect(review.lastReviewed).toBeNull();
    expect(review.since).toBe('since the plan began');
    expect(notes(review.completed)).toEqual([[4, 'completed Mar 4, 2026']]);
    expect(review.newSteps).toEqual([]);
    expect(review.newStakeholders).toEqual([]);
    expect(review.questions.map((q) => q.answer)).toEqual([
      '3 of 11 steps are complete; 1 since the plan began: step 4 (Pilot setup in the NetSuite sandbox), completed Mar 4, 2026.',
      'No: nothing is overdue, blocked or due in the next 5 working days without having started.',
      'Next from Acme: step 5 (Pilot results review against the success criteria), due Mar 27, 2026 (4 open steps in all); ' +
        'next from Globex: step 3 (Security questionnaire review), in progress, due Mar 20, 2026 (6 open steps in all).',
      'Nothing new since the plan began: no steps or stakeholders were added.',
    ]);
  });

  test('a history saved before people were tracked does not report the whole table as new', () => {
    const { history } = historyOf();
    const old = { ...history };
    delete old.stakeholders;
    const plan = readMarkdownPlan(HEALTHY, '2026-03-09', old);
    const seen = observe(old, plan, '2026-03-09', 'hand').history;
    expect(weeklyReview({ plan, history: seen, today: '2026-03-09' }).newStakeholders).toEqual([]);
  });
});

describe('without a history', () => {
  test('lists every complete step and cannot tell what is new', () => {
    const plan = readMarkdownPlan(HEALTHY, '2026-03-09');
    const review = weeklyReview({ plan, history: null, today: '2026-03-09' });
    expect(review.since).toBe('since the plan began');
    expect(notes(review.completed)).toEqual([
      [1, 'complete'],
      [2, 'complete'],
    ]);
    expect(notes(review.atRisk)).toEqual([]);
    expect(review.questions.map((q) => q.answer)[0]).toBe('2 of 11 steps are complete.');
    expect(review.questions.map((q) => q.answer)[3]).toBe(
      'The add-on has no history for this plan yet, so it cannot tell what is new: ask the champion.',
    );
  });
});

describe('words', () => {
  test('dates as the caller formats them; calendar days when the plan counts every day', () => {
    const late = edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | Pending | 1 |']);
    const plan = readMarkdownPlan(late, '2026-03-16');
    const review = weeklyReview({ plan, history: null, today: '2026-03-16', calendar: CALENDAR_DAYS, formatDate: (iso) => iso });
    expect(notes(review.atRisk)).toEqual([[4, 'overdue by 3 days']]);
    expect(notes(review.owedByUs).slice(0, 2)).toEqual([
      [4, 'overdue by 3 days'],
      [5, 'due 2026-03-27'],
    ]);
  });

  test('due today; a step whose owner cannot be placed is on neither list, and the answer says so', () => {
    const plan = readMarkdownPlan(edited(HEALTHY, ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '| Jordan | Apr 10, 2026 |']), '2026-04-10');
    const review = weeklyReview({ plan, history: null, today: '2026-04-10' });
    expect(review.atRisk.find((i) => i.number === 8)?.note).toBe('due today, not started');
    expect([...review.owedByUs, ...review.owedByThem].some((i) => i.number === 8)).toBe(false);
    expect(review.questions[2]?.answer).toMatch(/; 1 open step has an owner the add-on could not place on either side\.$/);
  });
});

describe('new steps on the day of the last review', () => {
  test('a step added after the review that day is new, with the health check agreeing; one added before it is covered', () => {
    const base = historyOf().history;
    const reviewed = recordReview(base, '2026-03-11', '2026-03-11T10:00:00.000Z');
    const added = readMarkdownPlan(WEEK_2, '2026-03-11', reviewed);
    for (const [at, isNew] of [['2026-03-11T14:00:00.000Z', true], ['2026-03-11T08:00:00.000Z', false]] as const) {
      const history = observe(reviewed, added, '2026-03-11', 'hand', { at }).history;
      const review = weeklyReview({ plan: added, history, today: '2026-03-12' });
      expect(review.newSteps.map((i) => i.number)).toEqual(isNew ? [12] : []);
      const scope = checkHealth({ plan: added, history, deal: { stage: null, annualContractValue: null, dealType: null }, today: '2026-03-12' }).filter((f) => f.rule === 'scope');
      expect(scope.map((f) => f.detail)).toEqual(
        isNew ? ['Added since the last review on Mar 11, 2026: step 12 (Data processing agreement) on Mar 11, 2026. The decision target of Apr 24, 2026 still holds against the steps.'] : [],
      );
    }
  });
});
