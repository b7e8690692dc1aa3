// Every health rule with plans that must and must not trigger it, run by one tester; the record's type makes a rule without cases a compile error.
import { observe, recordReview, startHistory } from '../../../../src/core/history/history';
import type { RuleId } from '../../../../src/core/method/health';
import { edited, fixtureText, historyOfVersions, readMarkdownPlan } from '../../markdown-plan';
import { DEFAULT_TODAY, testRules, type RuleCases } from './tester';

const HEALTHY = fixtureText('maps/healthy');
const read = (markdown: string, today = DEFAULT_TODAY) => () => readMarkdownPlan(markdown, today);
const healthy = read(HEALTHY);
const INSERTED = fixtureText('inserted/standard-en_US');
/** What Insert writes today, with its "Agreed by" placeholders; then a status edited by hand; then the champion's agreement too. */
const INSERTED_NOW = fixtureText('inserted/standard-en_US-holidays');
const EDITED = edited(INSERTED_NOW, ['| Dec 18, 2026 | Pending |  |', '| Dec 18, 2026 | In progress |  |']);
const AGREED = edited(EDITED, ['Agreed by: \\[Name and title\\], Globex, \\[date agreed\\]', 'Agreed by: Dana Ruiz, Controller, Globex, Dec 2, 2026']);

/** A plan with an owner column per side ("Seller owner", "Buyer owner"); the first step's owners as given. */
function sideColumns(seller: string, buyer: string): string {
  return [
    '# Mutual Action Plan: Acme + Globex',
    '',
    '## Key dates',
    '',
    '* Decision target: Apr 24, 2026',
    '',
    '## Steps',
    '',
    '| **#** | **Action** | **Seller owner** | **Buyer owner** | **Due date** | **Status** |',
    '| :---- | :---- | :---- | :---- | :---- | :---- |',
    `| 1 | Security questionnaire review | ${seller} | ${buyer} | Mar 20, 2026 | In progress |`,
    '| 2 | Contract signature | Sam Lee | Maria Chen | Apr 24, 2026 | Pending |',
    '',
    '## Stakeholders',
    '',
    '| **Name** | **Role** | **Responsibility in this evaluation** |',
    '| :---- | :---- | :---- |',
    '| Maria Chen | CFO, Globex | Budget approval |',
    '| Lee Wong | IT Security Manager, Globex | Security review |',
    '| Sam Lee | Account Executive, Acme | Commercial lead |',
    '| Priya Shah | Solutions Engineer, Acme | Technical support |',
    '',
  ].join('\n');
}

/** The history of the plan inserted on Nov 27, then each version seen on its day. */
function insertedHistory(versions: [day: string, markdown: string][] = []) {
  let history = startHistory(readMarkdownPlan(INSERTED_NOW, '2026-11-27'), '2026-11-27', 'insert');
  for (const [day, markdown] of versions) history = observe(history, readMarkdownPlan(markdown, day, history), day, 'hand').history;
  return history;
}

const CASES: Record<RuleId, RuleCases> = {
  'no-steps': {
    valid: [{ name: 'a plan with steps', plan: healthy }],
    invalid: [
      {
        name: 'a document with no steps table',
        plan: read('# Meeting notes\n\nWe talked about the pilot and the contract.\n'),
        finding: {
          severity: 'critical',
          title: 'No plan found',
          detail: expect.stringMatching(/^No Steps table was found\. The add-on looks for a table whose header row has an action column/),
          place: null,
        },
      },
      {
        name: 'a steps table whose rows are empty',
        plan: read('# Plan\n\n| **Action** | **Owner** | **Due date** | **Status** |\n| :---- | :---- | :---- | :---- |\n|  |  |  |  |\n'),
        finding: {
          title: 'No steps could be read',
          detail: 'The Steps table has no steps yet.',
          place: { kind: 'cell', tableIndex: 1, row: 0, column: 0 },
        },
      },
    ],
  },
  'second-plan': {
    valid: [{ name: 'a document with one plan', plan: healthy }],
    invalid: [
      {
        name: 'a plan per product line in one document',
        plan: () => readMarkdownPlan(fixtureText('reading/two-plans-per-product-line'), DEFAULT_TODAY),
        finding: {
          severity: 'warning',
          title: 'Only the first plan was checked',
          detail: 'This document also holds "Mutual Action Plan: Acme Analytics + Globex (Payments)", below the first plan. Nothing in it was read or checked.',
          place: null,
        },
      },
    ],
  },
  'close-date': {
    valid: [
      { name: 'the steps meet the decision target', plan: healthy },
      {
        name: 'no signature step, and the security and legal steps come before the decision target',
        plan: read(edited(HEALTHY, ['| 10 | Contract signature |', '| 10 | Go/no-go meeting |'], ['* Decision target: Apr 24, 2026', '* Decision target: May 1, 2026'])),
      },
    ],
    invalid: [
      {
        name: 'contract signature dated after the target',
        plan: read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: Apr 17, 2026'])),
        finding: { severity: 'critical', detail: 'The steps put step 10 (Contract signature) on Apr 24, 2026 at the earliest, 5 working days after the decision target of Apr 17, 2026.' },
      },
      {
        name: 'no signature step, and the decision target falls before the legal review',
        plan: read(edited(HEALTHY, ['| 10 | Contract signature |', '| 10 | Go/no-go meeting |'], ['* Decision target: Apr 24, 2026', '* Decision target: Apr 10, 2026'])),
        finding: {
          detail:
            'No step reads as the contract signature, and a decision needs step 9 (Vendor management and legal review) first. ' +
            'The steps put step 9 (Vendor management and legal review) on Apr 17, 2026 at the earliest, 5 working days after the decision target of Apr 10, 2026.',
        },
      },
    ],
  },
  'no-decision-target': {
    valid: [{ name: 'a dated decision target', plan: healthy }],
    invalid: [
      {
        name: 'TBD',
        plan: read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: TBD'])),
        finding: { detail: 'The decision target reads "TBD", which is not a date.' },
      },
    ],
  },
  'go-live-date': {
    valid: [
      { name: 'onboarding before the go-live target', plan: healthy },
      {
        name: 'a rollout plan review after the onboarding kickoff is not the go-live',
        plan: read(
          edited(HEALTHY, [
            '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |',
            '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |\n| 12 | Rollout plan review with Globex IT | Priya Shah (Acme) | May 15, 2026 | Pending | 11 |',
          ]),
        ),
      },
    ],
    invalid: [
      {
        name: 'go-live target before onboarding',
        plan: read(edited(HEALTHY, ['* Go-live target: May 1, 2026', '* Go-live target: Apr 24, 2026'])),
        finding: { severity: 'warning', title: 'The go-live target is not realistic' },
      },
    ],
  },
  overdue: {
    valid: [
      { name: 'nothing due yet', plan: healthy },
      { name: 'a completed step past its date', plan: read(HEALTHY, '2026-03-10'), today: '2026-03-10' },
    ],
    invalid: [
      {
        name: 'a blocked step listed before a longer overdue one',
        plan: read(edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Mar 20, 2026 | Blocked | 2 |']), '2026-03-24'),
        today: '2026-03-24',
        finding: {
          title: '2 steps are overdue',
          detail:
            'Step 3 (Security questionnaire review), owned by Lee Wong (Globex IT), is blocked and overdue by 2 working days; ' +
            'step 4 (Pilot setup in the NetSuite sandbox), owned by Priya Shah (Acme), is overdue by 7 working days.',
          action:
            'Ask what unblocks the blocked step and who can do it. Agree a new date with each owner, mark what is done as Complete, and shift the steps after them (Shift downstream dates).',
        },
      },
    ],
  },
  'no-dates': {
    valid: [
      { name: 'every open step dated', plan: healthy },
      { name: 'a completed step without a date', plan: read(edited(HEALTHY, ['| Both | Mar 6, 2026 | Complete |  |', '| Both |  | Complete |  |'])) },
    ],
    invalid: [
      {
        name: 'an open step dated TBD',
        plan: read(edited(HEALTHY, ['| Both | Mar 27, 2026 | Pending | 4 |', '| Both | TBD | Pending | 4 |'])),
        finding: { severity: 'warning', detail: 'Step 5 (Pilot results review against the success criteria) has no due date.' },
      },
    ],
  },
  'no-owner': {
    valid: [
      { name: 'every open step owned', plan: healthy },
      { name: 'the buyer owner named in its own column', plan: withSideOwners({ ours: '', theirs: 'Dana Ruiz' }) },
      { name: 'the seller owner named in its own column', plan: withSideOwners({ ours: 'Sam Lee', theirs: '—' }) },
      { name: 'a completed step without an owner', plan: read(edited(HEALTHY, ['| Both | Mar 6, 2026 | Complete |  |', '|  | Mar 6, 2026 | Complete |  |'])) },
    ],
    invalid: [
      {
        name: 'an empty Owner cell',
        plan: read(edited(HEALTHY, ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '|  | Apr 10, 2026 |'])),
        finding: { detail: 'Step 8 (Budget committee review) has no owner.' },
      },
      {
        name: 'both per-side owner cells say none',
        plan: withSideOwners({ ours: '—', theirs: 'n/a' }),
        finding: { detail: 'Step 8 (Budget committee review) has no owner.', action: 'Agree who does each one and write their name in the owner column of their side.' },
      },
    ],
  },
  'one-sided': {
    valid: [
      { name: 'both sides own steps', plan: healthy },
      { name: "the method's expansion plan", plan: read(fixtureText('maps/expansion-en_US')) },
      { name: 'inserted three days ago, not edited yet', plan: read(INSERTED_NOW, '2026-11-30'), history: () => insertedHistory(), today: '2026-11-30' },
      {
        name: 'inserted ten days ago, edited by hand, agreed by the champion',
        plan: read(AGREED, '2026-12-07'),
        history: () => insertedHistory([['2026-12-02', AGREED]]),
        today: '2026-12-07',
      },
    ],
    invalid: [
      {
        name: 'inserted ten days ago and never edited by hand',
        plan: read(INSERTED_NOW, '2026-12-07'),
        history: () => insertedHistory(),
        today: '2026-12-07',
        finding: {
          severity: 'warning',
          title: 'Globex has not taken part in the plan',
          method:
            'MAP sent as a one-sided sales plan. The prospect never saw it, never edited it, never agreed to it. This is a project plan, not a mutual action plan. Co-create it with the prospect. Their input makes it mutual.',
          detail: 'Nobody has edited the plan by hand since it was inserted on Nov 27, 2026 (10 days ago), and the "Agreed by" line still has its placeholders.',
          action:
            'Walk Dana Ruiz through the plan and ask for their edits; once Globex agrees, write it in the Agreed by line: "Agreed by: Dana Ruiz, Globex, Dec 7, 2026".',
          place: { kind: 'paragraph', index: 7 },
        },
      },
      {
        name: 'edited by hand, but a week on nobody has recorded agreeing to it',
        plan: read(EDITED, '2026-12-07'),
        history: () => insertedHistory([['2026-12-02', EDITED]]),
        today: '2026-12-07',
        finding: { severity: 'info', title: 'No agreement recorded', detail: 'Globex has not recorded agreeing to the plan: the "Agreed by" line still has its placeholders.' },
      },
      {
        name: 'per-side owner columns with only the seller side filled',
        plan: () => {
          const plan = readMarkdownPlan(HEALTHY, DEFAULT_TODAY);
          return { ...plan, steps: plan.steps.map((s) => ({ ...s, side: 'unknown' as const, sideOwners: { ours: 'Sam Lee', theirs: '—' } })) };
        },
        // The plan's "Agreed by" line is read, so only the owners are wrong.
        finding: { severity: 'critical', title: 'Only your steps', detail: "All 11 steps with a known owner are Acme's; none is Globex's or shared." },
      },
      {
        name: 'their steps moved to us',
        plan: read(
          edited(
            HEALTHY,
            ['| Lee Wong (Globex IT) | Mar 20, 2026 |', '| Priya Shah (Acme) | Mar 20, 2026 |'],
            ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '| Sam Lee (Acme) | Apr 10, 2026 |'],
            ['| Tom Price (Globex vendor management) | Apr 17, 2026 |', '| Sam Lee (Acme) | Apr 17, 2026 |'],
          ),
        ),
        finding: { severity: 'warning', detail: 'Globex owns 1 step and Acme owns 7, and 3 steps are shared.' },
      },
    ],
  },
  placeholders: {
    valid: [{ name: 'everyone named', plan: healthy }],
    invalid: [
      {
        name: 'a title left as a placeholder',
        plan: read(edited(HEALTHY, ['| Tom Price | Vendor Manager, Globex |', '| Tom Price | \\[Title\\], Globex |'])),
        finding: { detail: 'Still to fill in: [Title] (the Stakeholders table).' },
      },
    ],
  },
  'role-owners': {
    valid: [
      { name: 'people own the steps', plan: healthy },
      { name: 'a person with their team', plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Jordan (Globex legal) |'])) },
      { name: 'a person on each side', plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Sam Lee (Acme) + Tom Price (Globex legal) |'])) },
      { name: 'each side does its part, each by name', plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Sam Lee sends, Tom Price reviews |'])) },
      { name: 'a person whose side is not known answers for the team beside them', plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Jordan, Globex legal |'])) },
      { name: 'per-side owner columns, a person in each', plan: read(sideColumns('Priya Shah', 'Lee Wong')) },
      { name: 'per-side owner columns, one side left empty', plan: read(sideColumns('Priya Shah', '—')) },
    ],
    invalid: [
      {
        name: 'a team owns their step',
        plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Globex vendor management |'])),
        finding: { severity: 'warning', detail: 'Step 9 (Vendor management and legal review) is owned by "Globex vendor management": a team or role, not a person.' },
      },
      {
        name: 'each side does its part, each a team ("Acme sends, Globex IT reviews")',
        plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Acme sends, Globex IT reviews |'])),
        finding: {
          severity: 'warning',
          detail: 'Step 9 (Vendor management and legal review) is owned by "Acme sends" (Acme\'s side) and "Globex IT reviews" (Globex\'s side): teams or roles, not people.',
        },
      },
      {
        name: 'our person named, their side left to a team',
        plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Sam Lee (Acme) + Globex legal |'])),
        finding: { severity: 'warning', detail: 'Step 9 (Vendor management and legal review) is owned by "Globex legal" (Globex\'s side): a team or role, not a person.' },
      },
      {
        name: 'their person named, our side left to a team: for information',
        plan: read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', '| Tom Price (Globex), Acme legal |'])),
        finding: { severity: 'info', detail: 'Step 9 (Vendor management and legal review) is owned by "Acme legal" (Acme\'s side): a team or role, not a person.' },
      },
      {
        name: 'per-side owner columns: the buyer column names a team',
        plan: read(sideColumns('Priya Shah', 'Globex IT')),
        finding: {
          severity: 'warning',
          detail: 'Step 1 (Security questionnaire review) is owned by "Globex IT" (Globex\'s side): a team or role, not a person.',
          place: { kind: 'cell', tableIndex: 4, row: 1, column: 3 },
        },
      },
      {
        name: 'per-side owner columns: both name teams',
        plan: read(sideColumns('Acme CS', 'Globex IT')),
        finding: {
          severity: 'warning',
          detail: 'Step 1 (Security questionnaire review) is owned by "Acme CS" (Acme\'s side) and "Globex IT" (Globex\'s side): teams or roles, not people.',
          place: { kind: 'cell', tableIndex: 4, row: 1, column: 2 },
        },
      },
    ],
  },
  'no-economic-buyer': {
    valid: [{ name: 'the CFO approves the budget', plan: healthy }],
    invalid: [
      {
        name: 'the economic buyer still a placeholder',
        plan: read(edited(HEALTHY, ['| Maria Chen | CFO, Globex |', '| \\[Economic buyer name\\] | \\[Title\\], Globex |'])),
        finding: { detail: 'The economic buyer is still "[Economic buyer name]" in the Stakeholders table.' },
      },
    ],
  },
  'no-criteria': {
    valid: [{ name: 'agreed criteria', plan: healthy }],
    invalid: [
      {
        name: "the inserted plan's placeholder criteria",
        plan: read(INSERTED, '2026-11-27'),
        today: '2026-11-27',
        finding: { title: 'Success criteria not agreed yet' },
      },
    ],
  },
  'vague-criteria': {
    valid: [{ name: 'pass/fail criteria', plan: healthy }],
    invalid: [
      {
        name: '"we like it"',
        plan: read(edited(HEALTHY, ['2. Month-end close takes 5 days or fewer in the March pilot', '2. The finance team likes it'])),
        finding: { detail: '"The finance team likes it" has no number, threshold or pass/fail test.' },
      },
    ],
  },
  'no-next-step': {
    valid: [{ name: 'next step: contract signature', plan: healthy }],
    invalid: [
      {
        name: '"we discuss further"',
        plan: read(edited(HEALTHY, ['next step: Globex moves to contract signature by Apr 24, 2026', 'next step: we discuss further'])),
        finding: { detail: '"If all criteria pass, next step: we discuss further" is not a next step: it leaves the decision open after the criteria pass.' },
      },
    ],
  },
  'risk-no-mitigation': {
    valid: [{ name: 'every risk mitigated', plan: healthy }],
    invalid: [
      {
        name: 'a mitigation left TBD',
        plan: read(edited(HEALTHY, ['| Meeting booked for Apr 3 |', '| TBD |'])),
        finding: { detail: 'Risk "Maria Chen unavailable for the business case meeting" has no mitigation.' },
      },
    ],
  },
  dependencies: {
    valid: [
      { name: 'links that flow forward', plan: healthy },
      { name: 'a step due before the one it waits for, once that one is complete', plan: read(edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 5, 2026 | In progress | 1 |'])) },
    ],
    invalid: [
      {
        name: 'a circle',
        plan: read(edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | In progress | 1, 5 |'])),
        finding: { detail: 'Steps 4 → 5 → 4 depend on each other in a circle; their dates cannot be checked against each other or the decision target.' },
      },
      {
        name: 'a Depends on naming a deleted step',
        plan: read(edited(HEALTHY, ['| Apr 10, 2026 | Pending | 7 |', '| Apr 10, 2026 | Pending | 7, 12 |'])),
        finding: { title: 'Dependencies that do not hold', detail: 'Step 8 (Budget committee review) depends on step 12, which is not in the plan; that link was ignored.' },
      },
      {
        name: 'a successor due before its predecessor',
        plan: read(edited(HEALTHY, ['| Apr 3, 2026 | Pending | 6 |', '| Apr 1, 2026 | Pending | 6 |'])),
        finding: {
          detail: 'Step 7 (Pricing proposal delivery) is due 2 working days before step 6 (Business case presentation to Maria Chen), which it depends on.',
          place: expect.objectContaining({ kind: 'cell', row: 7, column: 3 }),
        },
      },
    ],
  },
  'too-early': {
    valid: [{ name: 'post-demo', plan: healthy, deal: { stage: 'post-demo' } }],
    invalid: [{ name: 'discovery', plan: healthy, deal: { stage: 'discovery' }, finding: { detail: 'The deal is at discovery: fit is not confirmed yet.' } }],
  },
  'too-late': {
    valid: [{ name: 'the closing checklist at negotiation', plan: read(fixtureText('maps/closing-en_US'), '2026-12-07'), today: '2026-12-07', deal: { stage: 'negotiation', dealType: 'closing' } }],
    invalid: [
      {
        name: 'a full plan at negotiation',
        plan: healthy,
        deal: { stage: 'negotiation', dealType: 'standard' },
        finding: { detail: 'The deal is at negotiation and the plan still has 9 open steps, more than the 5-step closing checklist.' },
      },
    ],
  },
  overkill: {
    valid: [{ name: '$20K', plan: healthy, deal: { annualContractValue: 20_000 } }],
    invalid: [{ name: '$12K', plan: healthy, deal: { annualContractValue: 12_000 }, finding: { severity: 'info', detail: 'The annual contract value is 12,000, under the 20,000 from which a MAP adds value.' } }],
  },
  'dead-plan': {
    valid: [
      { name: 'no history', plan: read(HEALTHY, '2026-03-30'), today: '2026-03-30' },
      { name: 'reviewed lately', plan: read(HEALTHY, '2026-03-23'), history: () => recordReview(historyOfVersions(HEALTHY, '2026-03-02', []).history, '2026-03-12'), today: '2026-03-23' },
    ],
    invalid: [
      {
        name: 'two weeks without a change or a review',
        plan: read(HEALTHY, '2026-03-16'),
        history: () => historyOfVersions(HEALTHY, '2026-03-02', []).history,
        today: '2026-03-16',
        finding: { detail: 'No status or date has changed since Mar 2, 2026, and there has been no weekly review.' },
      },
    ],
  },
  'champion-silent': {
    valid: [{ name: 'no history', plan: healthy }],
    invalid: [
      {
        name: "the champion's overdue step untouched for six weeks",
        plan: () => championSilent().plan,
        history: () => championSilent().history,
        today: '2026-04-13',
        finding: { place: expect.objectContaining({ kind: 'cell' }), title: "The champion's steps have stopped moving" },
      },
    ],
  },
  slipping: {
    valid: [{ name: 'slipped once', plan: () => slipped(1).plan, history: () => slipped(1).history, today: '2026-03-16' }],
    invalid: [
      {
        name: 'slipped twice',
        plan: () => slipped(2).plan,
        history: () => slipped(2).history,
        today: '2026-03-16',
        finding: { detail: 'Step 3 (Security questionnaire review) has slipped twice, from Mar 20, 2026 to Apr 3, 2026.' },
      },
    ],
  },
  'eb-overdue': {
    valid: [
      { name: 'the business case is not due yet', plan: healthy },
      { name: 'an overdue step that names the economic buyer but is owned by our AE and the champion', plan: read(HEALTHY, '2026-04-06'), today: '2026-04-06' },
    ],
    invalid: [
      {
        name: 'the business case meeting the economic buyer owns is overdue',
        plan: read(edited(HEALTHY, ['| Sam Lee (Acme) \\+ Dana Ruiz (Globex) | Apr 3, 2026 |', '| Maria Chen (Globex) | Apr 3, 2026 |']), '2026-04-06'),
        today: '2026-04-06',
        finding: { detail: 'Step 6 (Business case presentation to Maria Chen) is overdue by 1 working day.' },
      },
    ],
  },
  scope: {
    valid: [{ name: 'no step added', plan: () => historyOfVersions(HEALTHY, '2026-03-02', []).plan, history: () => historyOfVersions(HEALTHY, '2026-03-02', []).history, today: '2026-03-12' }],
    invalid: [
      {
        name: 'a step added since the plan began',
        plan: () => added().plan,
        history: () => added().history,
        today: '2026-03-12',
        finding: { title: 'A step was added' },
      },
    ],
  },
};

/** The healthy plan with step 8's owners in per-side columns (as the reader gives "Seller owner" + "Buyer owner"). */
function withSideOwners(sideOwners: { ours: string; theirs: string }) {
  return () => {
    const plan = readMarkdownPlan(HEALTHY, DEFAULT_TODAY);
    return { ...plan, steps: plan.steps.map((s) => (s.number === 8 ? { ...s, owner: '', sideOwners } : s)) };
  };
}

function slipped(times: 1 | 2) {
  const once = edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Mar 27, 2026 | In progress | 2 |']);
  const twice = edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Apr 3, 2026 | In progress | 2 |']);
  return historyOfVersions(HEALTHY, '2026-03-02', times === 1 ? [['2026-03-09', once]] : [['2026-03-09', once], ['2026-03-16', twice]]);
}

function added() {
  const more = HEALTHY.replace(
    '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |',
    '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |\n| 12 | Data processing agreement | Tom Price (Globex vendor management) | Apr 17, 2026 | Pending | 8 |',
  );
  return historyOfVersions(HEALTHY, '2026-03-02', [['2026-03-10', more]]);
}

function championSilent() {
  const solo = edited(HEALTHY, ['| Sam Lee (Acme) \\+ Dana Ruiz (Globex) |', '| Sam Lee (Acme) |']);
  const progressed = solo.replace(/(\| (?:3|4|5|6|7) \| [^|]+ \| [^|]+ \| [^|]+ \| )(?:In progress|Pending)( \|)/g, '$1Complete$2');
  const { history } = historyOfVersions(HEALTHY, '2026-03-02', [['2026-03-02', solo], ['2026-04-03', progressed]]);
  return { history, plan: readMarkdownPlan(progressed, '2026-04-13', history) };
}

testRules(CASES);
