// The plan health check: every rule on a realistic plan that triggers it and one that does not, with the seller-facing texts, severities and places.
import { checkHealth, isMeasurable, RULES, type DealFacts, type Finding, type RuleId } from '../../../../src/core/method/health';
import { recordReview, type PlanHistory } from '../../../../src/core/history/history';
import type { ParsedPlan, PlanSection, StepColumn } from '../../../../src/core/reading/parsed-plan';
import type { IsoDate } from '../../../../src/core/plan';
import { edited, fixtureText, readMarkdownPlan, historyOfVersions } from '../../markdown-plan';

// March 2026: Mon 2, Mon 9, Mon 16, Fri 20, Fri 27; April: Fri 3, Mon 6, Fri 10, Mon 13, Fri 17, Fri 24; May: Fri 1, Fri 8.
const TODAY = '2026-03-09';
const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };
const HEALTHY = fixtureText('maps/healthy');

function read(markdown: string, today: IsoDate = TODAY, history: PlanHistory | null = null): ParsedPlan {
  return readMarkdownPlan(markdown, today, history);
}

function check(plan: ParsedPlan, options: { history?: PlanHistory | null; deal?: Partial<DealFacts>; today?: IsoDate } = {}): Finding[] {
  return checkHealth({ plan, history: options.history ?? null, deal: { ...NO_DEAL, ...options.deal }, today: options.today ?? TODAY });
}

function only(findings: Finding[], rule: RuleId): Finding {
  const hits = findings.filter((f) => f.rule === rule);
  if (hits.length !== 1) throw new Error(`Expected one ${rule} finding, got ${hits.length}: ${findings.map((f) => f.rule).join(', ')}`);
  return hits[0] as Finding;
}

const rules = (findings: Finding[]): RuleId[] => findings.map((f) => f.rule);

/** Where a step's cell is, as the finding should point at it. */
function cellOf(plan: ParsedPlan, number: number, column: StepColumn): Finding['place'] {
  const ref = plan.steps.find((s) => s.number === number)?.cells[column];
  if (!ref) throw new Error(`No ${column} cell for step ${number}`);
  return { kind: 'cell', ...ref };
}

/** A stakeholder's name cell. */
function personCell(plan: ParsedPlan, name: string): Finding['place'] {
  const ref = plan.stakeholders.find((p) => p.name === name)?.cell;
  if (!ref) throw new Error(`No cell for ${name}`);
  return { kind: 'cell', ...ref };
}

/** The paragraph of the success criterion that starts with these words. */
function criterionLine(plan: ParsedPlan, start: string): Finding['place'] {
  const index = plan.successCriteriaPlaces[plan.successCriteria.findIndex((c) => c.startsWith(start))];
  if (index === undefined) throw new Error(`No criterion "${start}"`);
  return { kind: 'paragraph', index };
}

/** Where a part starts: a table's first cell, or the section's heading. */
function sectionPlace(plan: ParsedPlan, section: PlanSection): Finding['place'] {
  const index = plan.sections?.[section];
  if (index === undefined) throw new Error(`No ${section} section`);
  return section === 'steps' || section === 'stakeholders' || section === 'risks' ? { kind: 'cell', tableIndex: index, row: 0, column: 0 } : { kind: 'paragraph', index };
}

function decisionLine(plan: ParsedPlan): Finding['place'] {
  const line = plan.keyDates.decisionTarget;
  if (!line) throw new Error('No decision target line');
  return { kind: 'paragraph', index: line.paragraphIndex };
}

/** The history of the healthy plan from its first read on Mon Mar 2, then each later version seen on its day. */
function historyOf(...versions: [day: IsoDate, markdown: string][]): { history: PlanHistory; plan: ParsedPlan } {
  return historyOfVersions(HEALTHY, '2026-03-02', versions);
}

// =============================================================================================

describe('a plan that follows the method', () => {
  test('has no findings: named people on both sides, every step dated, pass/fail criteria, an agreed next step, a realistic close date, mitigations', () => {
    const plan = read(HEALTHY);
    expect(plan.diagnostics).toEqual([]);
    expect(check(plan)).toEqual([]);
    expect(check(plan, { deal: { stage: 'post-demo', annualContractValue: 85_000, dealType: 'standard' } })).toEqual([]);
  });

  test('nor with a history of a plan people keep updating and reviewing', () => {
    const week2 = edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | Complete | 1 |']);
    const { history, plan } = historyOf(['2026-03-13', week2]);
    expect(check(plan, { history: recordReview(history, '2026-03-16'), today: '2026-03-20' })).toEqual([]);
  });

  test('every rule has a stable id', () => {
    expect(RULES).toEqual([
      'no-steps', 'second-plan', 'close-date', 'no-decision-target', 'go-live-date', 'overdue', 'no-dates', 'no-owner', 'one-sided', 'placeholders', 'role-owners',
      'no-economic-buyer', 'no-criteria', 'vague-criteria', 'no-next-step', 'risk-no-mitigation', 'dependencies', 'too-early',
      'too-late', 'overkill', 'dead-plan', 'champion-silent', 'slipping', 'eb-overdue', 'scope',
    ]);
  });
});

describe('close-date: the decision target the steps cannot meet', () => {
  test('a step before contract signature finishing after the target (the method\'s own example) is critical, with the days and the chain', () => {
    const plan = read(edited(HEALTHY, ['| Apr 17, 2026 | Pending | 3, 8 |', '| May 8, 2026 | Pending | 3, 8 |']));
    const findings = check(plan);
    expect(only(findings, 'close-date')).toEqual({
      rule: 'close-date',
      severity: 'critical',
      title: 'The decision target is not realistic',
      method:
        'The close date must be realistic based on the step timeline. If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction.',
      detail:
        'The steps put step 10 (Contract signature) on May 8, 2026 at the earliest, 10 working days after the decision target of Apr 24, 2026. ' +
        'It is driven by step 9 (Vendor management and legal review), due May 8, 2026: steps 9 → 10.',
      action: 'Move the decision target to May 8, 2026 or later, or agree with Dana Ruiz how to finish step 9 (Vendor management and legal review) sooner.',
      say: null,
      place: decisionLine(plan),
    });
    // Onboarding follows signature, so the go-live target goes too.
    expect(only(findings, 'go-live-date')).toMatchObject({
      severity: 'warning',
      title: 'The go-live target is not realistic',
      detail:
        'The steps put step 11 (Onboarding kickoff) on May 8, 2026 at the earliest, 5 working days after the go-live target of May 1, 2026. ' +
        'It is driven by step 9 (Vendor management and legal review), due May 8, 2026: steps 9 → 10 → 11.',
    });
    // Step 10 is now due before step 9, which it depends on: the dates contradict the link too.
    expect(only(findings, 'dependencies').detail).toBe('Step 10 (Contract signature) is due 10 working days before step 9 (Vendor management and legal review), which it depends on.');
    expect(rules(findings)).toEqual(['close-date', 'go-live-date', 'dependencies']);
  });

  test('a contract signature dated after the target', () => {
    const plan = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: Apr 17, 2026']));
    expect(only(check(plan), 'close-date')).toMatchObject({
      detail: 'The steps put step 10 (Contract signature) on Apr 24, 2026 at the earliest, 5 working days after the decision target of Apr 17, 2026.',
      action: 'Move the decision target to Apr 24, 2026 or later, or agree with Dana Ruiz an earlier date for step 10 (Contract signature).',
    });
  });

  test('a target already passed with the contract unsigned', () => {
    const plan = read(HEALTHY, '2026-04-27');
    expect(only(check(plan, { today: '2026-04-27' }), 'close-date')).toMatchObject({
      detail:
        'The steps put step 10 (Contract signature) on Apr 27, 2026 at the earliest, 1 working day after the decision target of Apr 24, 2026. ' +
        'It was due Apr 24, 2026 and is still not complete.',
      action: 'Move the decision target to Apr 27, 2026 or later, or agree with Dana Ruiz when step 10 (Contract signature) will be done.',
    });
  });

  test('no finding when the steps meet the target, same-day links included, or once the contract is signed', () => {
    // Steps 6 and 7 share Apr 3 though 7 depends on 6: the templates schedule like that.
    expect(rules(check(read(HEALTHY)))).not.toContain('close-date');
    const signed = read(
      edited(
        HEALTHY,
        ['| Apr 17, 2026 | Pending | 3, 8 |', '| May 8, 2026 | Complete | 3, 8 |'],
        ['| Apr 24, 2026 | Pending | 9 |', '| Apr 24, 2026 | Complete | 9 |'],
      ),
    );
    expect(rules(check(signed))).not.toContain('close-date');
  });
});

describe('no-decision-target', () => {
  test('a decision target that is not a date points at its line', () => {
    const plan = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: TBD']));
    expect(only(check(plan), 'no-decision-target')).toEqual({
      rule: 'no-decision-target',
      severity: 'warning',
      title: 'No decision target',
      method:
        'The method\'s goal: "... makes a go/no-go decision by [target date]." The close date must be realistic based on the step timeline. ' +
        'If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction.',
      detail: 'The decision target reads "TBD", which is not a date.',
      // The date the steps give for the signature, so the target starts realistic.
      action: 'Agree the go/no-go decision date with the champion and write it as a date. The steps put step 10 (Contract signature) on Apr 24, 2026: "Decision target: Apr 24, 2026".',
      say: null,
      place: decisionLine(plan),
    });
  });

  test('without a signature step it asks for the line and proposes no date; a late signature step proposes the date the steps give', () => {
    const unsigned = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: TBD'], ['| 10 | Contract signature |', '| 10 | Kick off the rollout |']));
    expect(only(check(unsigned), 'no-decision-target').action).toBe(
      'Agree the go/no-go decision date with the champion and write it as a date under Key dates ("Decision target: " and the date).',
    );
    // Six days after the signature's own date (Apr 24), still open: the earliest it can be is today, never the stale date.
    const late = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: TBD']), '2026-04-30');
    expect(only(check(late, { today: '2026-04-30' }), 'no-decision-target').action).toMatch(/The steps put step 10 \(Contract signature\) on Apr 30, 2026: "Decision target: Apr 30, 2026"\.$/);
  });

  test('no decision target line at all points at the Key dates heading, or nowhere without one; a dated one is fine', () => {
    const plan = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026  \n', '']));
    expect(only(check(plan), 'no-decision-target')).toMatchObject({ detail: 'The Key dates section has no decision target.', place: { kind: 'paragraph', index: 3 } });
    expect(sectionPlace(plan, 'keyDates')).toEqual({ kind: 'paragraph', index: 3 });
    const noSection = read(edited(HEALTHY, ['## Key dates\n\n* Evaluation start: Mar 2, 2026  \n* Decision target: Apr 24, 2026  \n', '']));
    expect(only(check(noSection), 'no-decision-target')).toMatchObject({ place: null });
    expect(rules(check(read(HEALTHY)))).not.toContain('no-decision-target');
  });
});

describe('no-dates: "Every step needs a date and an owner"', () => {
  test('open steps without a date, named, pointing at the first due cell', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['| Both | Mar 27, 2026 | Pending | 4 |', '| Both | TBD | Pending | 4 |'],
        ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '| Dana Ruiz (Globex) |  |'],
      ),
    );
    expect(only(check(plan), 'no-dates')).toEqual({
      rule: 'no-dates',
      severity: 'warning',
      title: 'Steps without a date',
      method: "Without dates, there's no accountability. Every step needs a date and an owner.",
      detail: 'Step 5 (Pilot results review against the success criteria) and step 8 (Budget committee review) have no due date.',
      action: 'Agree a date for each with its owner and write it in the Due date column.',
      say: null,
      place: cellOf(plan, 5, 'due'),
    });
  });

  test('a plan with no dates at all is critical', () => {
    const undated = HEALTHY.replace(/\| [A-Z][a-z]{2} \d{1,2}, 2026 \| (Complete|In progress|Pending) \|/g, '| TBD | $1 |');
    const finding = only(check(read(undated)), 'no-dates');
    expect(finding).toMatchObject({ severity: 'critical', title: 'No step has a date', detail: 'None of the 11 steps has a due date.' });
  });

  test('a completed step without a date needs none', () => {
    const plan = read(edited(HEALTHY, ['| Both | Mar 6, 2026 | Complete |  |', '| Both |  | Complete |  |']));
    expect(rules(check(plan))).not.toContain('no-dates');
  });
});

describe('no-owner', () => {
  test('an open step with an empty Owner cell', () => {
    const plan = read(edited(HEALTHY, ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '|  | Apr 10, 2026 |']));
    expect(only(check(plan), 'no-owner')).toEqual({
      rule: 'no-owner',
      severity: 'warning',
      title: 'Steps without an owner',
      method: 'Every step has an owner, a deadline, and a dependency. Every step needs a date and an owner.',
      detail: 'Step 8 (Budget committee review) has no owner.',
      action: 'Agree who does each one and write their name in the Owner column.',
      say: null,
      place: cellOf(plan, 8, 'owner'),
    });
  });

  test('a completed step without an owner is history', () => {
    const plan = read(edited(HEALTHY, ['| Both | Mar 6, 2026 | Complete |  |', '|  | Mar 6, 2026 | Complete |  |']));
    expect(rules(check(plan))).not.toContain('no-owner');
  });
});

describe('one-sided: "MAP that only lists your steps"', () => {
  const OURS_ONLY = [
    '# Mutual Action Plan: Acme \\+ Globex',
    '',
    '## Steps',
    '',
    '| **\\#** | **Action** | **Owner** | **Due date** | **Status** |',
    '| :---- | :---- | :---- | :---- | :---- |',
    '| 1 | Deliver the POC | Sam Lee (Acme) | Mar 13, 2026 | Pending |',
    '| 2 | Send the proposal | Sam Lee (Acme) | Mar 20, 2026 | Pending |',
    '| 3 | Schedule onboarding | Acme CS | Mar 27, 2026 | Pending |',
    '',
  ].join('\n');

  test('none of the prospect\'s steps is critical, with the method\'s question to ask', () => {
    const plan = read(OURS_ONLY);
    expect(only(check(plan), 'one-sided')).toEqual({
      rule: 'one-sided',
      severity: 'critical',
      title: 'Only your steps',
      method: 'The prospect owns half the actions. You own the other half. The prospect has as many steps as you do. Include both.',
      detail: "All 3 steps with a known owner are Acme's; none is Globex's or shared. Also, no \"Agreed by\" line records that Globex agreed to it.",
      action:
        'Add Globex\'s steps in their words ("Champion presents business case to VP", "Procurement reviews contract"), ' +
        'including their internal steps such as stakeholder alignment and budget committee review.',
      say: "What am I missing? What steps does your team need that I haven't listed?",
      place: cellOf(plan, 1, 'owner'),
    });
  });

  test('far fewer of their steps than yours is a warning; shared steps count half for each side', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['| Lee Wong (Globex IT) | Mar 20, 2026 |', '| Priya Shah (Acme) | Mar 20, 2026 |'],
        ['| Dana Ruiz (Globex) | Apr 10, 2026 |', '| Sam Lee (Acme) | Apr 10, 2026 |'],
        ['| Tom Price (Globex vendor management) | Apr 17, 2026 |', '| Sam Lee (Acme) | Apr 17, 2026 |'],
      ),
    );
    expect(only(check(plan), 'one-sided')).toMatchObject({
      severity: 'warning',
      title: 'Few of their steps',
      detail: 'Globex owns 1 step and Acme owns 7, and 3 steps are shared.',
    });
  });

  test('no finding for the method\'s expansion plan (their 1 step and 2 shared against our 3), nor when no owner can be placed', () => {
    expect(rules(check(read(fixtureText('maps/expansion-en_US'))))).not.toContain('one-sided');
    const unplaced = OURS_ONLY.replace('# Mutual Action Plan: Acme \\+ Globex', '# Evaluation plan').replace(/Sam Lee \(Acme\)|Acme CS/g, 'Jordan');
    const plan = read(unplaced);
    expect(plan.steps.every((s) => s.side === 'unknown')).toBe(true);
    expect(rules(check(plan))).not.toContain('one-sided');
  });
});

describe('placeholders: "Name specific people"', () => {
  test('placeholders left in steps, stakeholders and key dates, each with where it is', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['| Business case presentation to Maria Chen |', '| Business case presentation to \\[Economic buyer name\\] |'],
        ['| Maria Chen (Globex) | Apr 24, 2026 |', '| \\[Economic buyer name\\] | Apr 24, 2026 |'],
        ['| Maria Chen | CFO, Globex |', '| \\[Economic buyer name\\] | \\[Title\\], Globex |'],
      ),
    );
    expect(only(check(plan), 'placeholders')).toEqual({
      rule: 'placeholders',
      severity: 'warning',
      title: 'Placeholders still to fill in',
      method:
        'Name specific people. Not "stakeholder review." "[VP name] reviews the business case on [date]." Named people with dates create accountability.',
      detail: 'Still to fill in: [Economic buyer name] (steps 6 and 10 and the Stakeholders table); [Title] (the Stakeholders table).',
      action: "Find out who or what each one is and write it in, with each person's title in the Stakeholders table.",
      say: null,
      place: cellOf(plan, 6, 'action'),
    });
  });

  test('a placeholder only in the Stakeholders, Risks or Goal points at its row or heading; the first in the document wins', () => {
    const person = read(edited(HEALTHY, ['| Tom Price | Vendor Manager, Globex |', '| Tom Price | \\[Title\\], Globex |']));
    expect(only(check(person), 'placeholders')).toMatchObject({ detail: 'Still to fill in: [Title] (the Stakeholders table).', place: personCell(person, 'Tom Price') });
    expect(personCell(person, 'Tom Price')).toEqual({ kind: 'cell', tableIndex: 11, row: 4, column: 0 });
    const risk = read(edited(HEALTHY, ['| Evaluation pauses |', '| \\[Impact\\] |']));
    expect(only(check(risk), 'placeholders')).toMatchObject({ place: { kind: 'cell', tableIndex: 19, row: 3, column: 2 } });
    const goal = read(edited(HEALTHY, ['Globex evaluates Acme Close', '\\[Prospect\\] evaluates Acme Close'], ['| Tom Price | Vendor Manager, Globex |', '| Tom Price | \\[Title\\], Globex |']));
    expect(only(check(goal), 'placeholders')).toMatchObject({ place: sectionPlace(goal, 'goal') });
    expect(sectionPlace(goal, 'goal')).toEqual({ kind: 'paragraph', index: 1 });
  });

  test('the inserted plan lists every person still to name', () => {
    const plan = read(fixtureText('inserted/standard-en_US'), '2026-11-27');
    expect(only(check(plan, { today: '2026-11-27' }), 'placeholders').detail).toBe(
      'Still to fill in: [Economic buyer name] (steps 5 and 10 and the Stakeholders table); [Title] (the Stakeholders table); ' +
        '[Technical evaluator name] (the Stakeholders table); [Solutions engineer name] (the Stakeholders table).',
    );
  });

  test('placeholder criteria are left to the criteria rules; brackets without words are no placeholder', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['1. Acme Close integrates with', '1. \\[Criterion 1: e.g. "Acme Close integrates with our systems"\\]  \n2. Acme Close integrates with'],
        ['| Pricing proposal delivery |', '| Pricing proposal delivery \\[2\\] |'],
      ),
    );
    expect(rules(check(plan))).toEqual(['vague-criteria']);
  });
});

describe('role-owners: a step owned by a role instead of a person', () => {
  test("the prospect's step owned by a team is a warning, naming each owner", () => {
    const plan = read(
      edited(
        HEALTHY,
        ['| Tom Price (Globex vendor management) |', '| Globex vendor management |'],
        ['| Priya Shah (Acme) | May 1, 2026 |', '| Acme CS team | May 1, 2026 |'],
      ),
    );
    expect(only(check(plan), 'role-owners')).toEqual({
      rule: 'role-owners',
      severity: 'warning',
      title: 'Steps owned by a role, not a person',
      method:
        'Name specific people. Not "stakeholder review." "[VP name] reviews the business case on [date]." Named people with dates create accountability.',
      detail:
        'Step 9 (Vendor management and legal review) is owned by "Globex vendor management" and step 11 (Onboarding kickoff) is owned by "Acme CS team": a team or role, not a person.',
      action: 'Ask who on each team owns the step and write their name, e.g. "Tom Price (Globex procurement)".',
      say: null,
      place: cellOf(plan, 9, 'owner'),
    });
  });

  test('only your own team\'s steps is for information', () => {
    const plan = read(edited(HEALTHY, ['| Priya Shah (Acme) | May 1, 2026 |', '| Acme CS team | May 1, 2026 |']));
    expect(only(check(plan), 'role-owners')).toMatchObject({ severity: 'info' });
  });

  test.each([
    ['EB', true],
    ['Legal', true],
    ['Procurement', true],
    ['Vendor CS', true],
    ['Champion', true],
    ['Both legal teams', true],
    ["Globex's IT team", true],
    ['Both', false],
    ['Jordan (Globex legal)', false],
    ['Tom (Globex)', false],
    // Each owner is judged on its side: Sam Lee answers for Acme, nobody by name for Globex.
    ['Sam Lee (Acme) + Globex legal', true],
    ['Sam Lee (Acme) + Dana Ruiz (Globex legal)', false],
    ['Jordan, Globex legal', false],
    ['tbd', false],
  ])('owner "%s": flagged %s', (owner, flagged) => {
    const plan = read(edited(HEALTHY, ['| Tom Price (Globex vendor management) |', `| ${owner} |`]));
    expect(rules(check(plan)).includes('role-owners')).toBe(flagged);
  });
});

describe('no-economic-buyer: "Share the MAP with the economic buyer"', () => {
  test('nobody in the Stakeholders table approves the budget', () => {
    const plan = read(edited(HEALTHY, ['| Maria Chen | CFO, Globex | Budget approval. Business case sign-off |\n', '']));
    expect(only(check(plan), 'no-economic-buyer')).toEqual({
      rule: 'no-economic-buyer',
      severity: 'warning',
      title: 'No economic buyer named',
      method: "Share the MAP with the economic buyer. The EB should have visibility into the plan, even if they're not involved in every step.",
      detail: 'Nobody in the Stakeholders table is the economic buyer: the person who approves the budget.',
      action:
        'Ask Dana Ruiz who approves the budget, add them to the Stakeholders table with their title ("Budget approval. Business case sign-off"), and share the plan with them.',
      say: null,
      // The table's first cell: where the person is to be added.
      place: { kind: 'cell', tableIndex: 11, row: 0, column: 0 },
    });
  });

  test('the economic buyer still a placeholder points at that name cell', () => {
    const plan = read(edited(HEALTHY, ['| Maria Chen | CFO, Globex |', '| \\[Economic buyer name\\] | \\[Title\\], Globex |']));
    expect(only(check(plan), 'no-economic-buyer')).toMatchObject({
      detail: 'The economic buyer is still "[Economic buyer name]" in the Stakeholders table.',
      place: { kind: 'cell', tableIndex: 11, row: 2, column: 0 },
    });
    expect(personCell(plan, '[Economic buyer name]')).toEqual({ kind: 'cell', tableIndex: 11, row: 2, column: 0 });
  });

  test('no Stakeholders table: nowhere to point', () => {
    const table = HEALTHY.slice(HEALTHY.indexOf('| **Name** |'), HEALTHY.indexOf('## Success criteria'));
    const plan = read(edited(HEALTHY, [table, '']));
    expect(only(check(plan), 'no-economic-buyer')).toMatchObject({
      detail: 'The plan has no Stakeholders table, so nobody is named as the economic buyer.',
      place: null,
    });
  });

  test('found by role words as well as by title', () => {
    const plan = read(edited(HEALTHY, ['| Maria Chen | CFO, Globex | Budget approval. Business case sign-off |', '| Maria Chen | VP Finance, Globex | Economic buyer |']));
    expect(rules(check(plan))).not.toContain('no-economic-buyer');
    const byTitle = read(edited(HEALTHY, ['| Budget approval. Business case sign-off |', '| Signs the order form |']));
    expect(rules(check(byTitle))).not.toContain('no-economic-buyer');
  });
});

describe('success criteria', () => {
  const CRITERIA = [
    "1. Acme Close integrates with Globex's NetSuite instance and works in our environment  ",
    '2. Month-end close takes 5 days or fewer in the March pilot  ',
    "3. Passes Globex's security review with no critical findings  ",
    '4. If all criteria pass, next step: Globex moves to contract signature by Apr 24, 2026',
  ].join('\n');

  test('no-criteria: a plan without any', () => {
    const plan = read(edited(HEALTHY, ['What does Globex need to see to feel confident moving forward?\n\n' + CRITERIA + '\n', '']));
    expect(plan.successCriteria).toEqual([]);
    expect(only(check(plan), 'no-criteria')).toEqual({
      rule: 'no-criteria',
      severity: 'warning',
      title: 'No success criteria',
      method:
        'No success criteria. The MAP lists steps but never defines what "success" looks like. Without criteria, the evaluation ends with "let me think about it" instead of "the criteria passed, let\'s move forward".',
      detail: 'The plan has no success criteria.',
      action: 'Agree with Globex what they need to see to say yes, as pass/fail criteria, e.g. "Reply rates improve by 30% in a 2-week pilot".',
      say: "If the evaluation goes perfectly, what would you need to see to feel confident saying yes? I want to make sure we're aligned on what success looks like.",
      // The Success criteria heading: where they are to be written.
      place: { kind: 'paragraph', index: 12 },
    });
    expect(sectionPlace(plan, 'successCriteria')).toEqual({ kind: 'paragraph', index: 12 });
    expect(rules(check(plan))).toEqual(['no-criteria']);
  });

  test("no-criteria: the draft's placeholders are not agreed criteria; it points at the first", () => {
    const plan = read(fixtureText('inserted/standard-en_US'), '2026-11-27');
    expect(only(check(plan, { today: '2026-11-27' }), 'no-criteria')).toMatchObject({
      title: 'Success criteria not agreed yet',
      detail: "The 3 success criteria are still the draft's placeholders: Globex has not agreed any yet.",
      place: { kind: 'paragraph', index: 13 },
    });
    expect(criterionLine(plan, '[Criterion 1:')).toEqual({ kind: 'paragraph', index: 13 });
  });

  test('vague-criteria: a criterion with no number, threshold or pass/fail test, and one still a placeholder', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['2. Month-end close takes 5 days or fewer in the March pilot', '2. The finance team likes it'],
        ['3. Passes Globex', '3. \\[Criterion 3: e.g. "Pays back in under 6 months"\\]  \n4. Passes Globex'],
      ),
    );
    expect(only(check(plan), 'vague-criteria')).toEqual({
      rule: 'vague-criteria',
      severity: 'warning',
      title: 'Criteria that are not pass/fail',
      method:
        'Make criteria specific and measurable. "We like it" is not a criterion. "Reply rates improve by 30% in a 2-week pilot" is. Each criterion should be pass/fail.',
      detail: '"The finance team likes it" has no number, threshold or pass/fail test; 1 criterion is still a placeholder nobody has agreed.',
      action: 'Rewrite each as a test that passes or fails, with a number where there is one: "Reply rates improve by 30% in a 2-week pilot".',
      say: null,
      place: criterionLine(plan, 'The finance team likes it'),
    });
    expect(criterionLine(plan, 'The finance team likes it')).toEqual({ kind: 'paragraph', index: 15 });
  });

  test('vague-criteria points at the first criterion concerned, a placeholder or a vague one', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['1. Acme Close integrates with', '1. \\[Criterion 1: e.g. "Pays back in under 6 months"\\]  \n2. Acme Close integrates with'],
        ['3. Passes Globex', '3. We like it  \n4. Passes Globex'],
      ),
    );
    expect(only(check(plan), 'vague-criteria').place).toEqual(criterionLine(plan, '[Criterion 1:'));
  });

  test.each([
    // The method's examples of criteria, one per type.
    ['Integration with our Salesforce instance works in our environment', true],
    ['Reply rates improve by 30% in the pilot', true],
    ['Payback period under 6 months', true],
    ['Our SDR team can learn it in under a week', true],
    ['Passes our security review with no critical findings', true],
    ['VP Sales and IT both approve', true],
    ['Forecast accuracy within two points of actuals', true],
    ['Meets our data residency requirements', true],
    ['We like it', false],
    ['Easy to use', false],
    ['Improves productivity', false],
    ['The team is happy with the dashboards', false],
    ['Better visibility into the pipeline', false],
  ])('"%s" is pass/fail: %s', (criterion, measurable) => {
    expect(isMeasurable(criterion)).toBe(measurable);
  });

  test('no-next-step: criteria that do not say what happens when they pass', () => {
    const plan = read(edited(HEALTHY, ['  \n4. If all criteria pass, next step: Globex moves to contract signature by Apr 24, 2026', '']));
    expect(only(check(plan), 'no-next-step')).toEqual({
      rule: 'no-next-step',
      severity: 'warning',
      title: 'No agreed next step if the criteria pass',
      method:
        'Agree on what happens if criteria are met. "If all three criteria pass, what\'s the next step?" The answer should be "we move to proposal/contract." ' +
        'If it\'s "we\'ll discuss further," the criteria aren\'t really criteria. They\'re stalling mechanisms.',
      detail: 'The success criteria do not say what happens when they pass.',
      action: 'Agree it with the champion and write it under the criteria: "If all criteria pass, next step: we move to contract".',
      say: "If all three criteria pass, what's the next step?",
      // The last criterion: the line goes right under it.
      place: criterionLine(plan, 'Passes Globex'),
    });
    expect(criterionLine(plan, 'Passes Globex')).toEqual({ kind: 'paragraph', index: 16 });
  });

  test('no-next-step: a placeholder, or "we\'ll discuss further", pointing at that line', () => {
    const draft = read(fixtureText('inserted/standard-en_US'), '2026-11-27');
    expect(only(check(draft, { today: '2026-11-27' }), 'no-next-step')).toMatchObject({
      detail: '"If all criteria pass, next step: [proposal / contract]" still has its placeholder: nobody has agreed what happens when the criteria pass.',
      place: { kind: 'paragraph', index: 16 },
    });
    const stalling = read(
      edited(
        HEALTHY,
        ['next step: Globex moves to contract signature by Apr 24, 2026', "next step: we'll discuss further"],
        ["3. Passes Globex's security review with no critical findings  \n", ''],
      ),
    );
    expect(only(check(stalling), 'no-next-step')).toMatchObject({
      detail: '"If all criteria pass, next step: we\'ll discuss further" is not a next step: it leaves the decision open after the criteria pass.',
      say: "If both criteria pass, what's the next step?",
      place: criterionLine(stalling, 'If all criteria pass'),
    });
  });

  test('an agreed next step in other words is fine', () => {
    const plan = read(edited(HEALTHY, ['If all criteria pass, next step: Globex moves to contract signature by Apr 24, 2026', 'Once the criteria are met, we move to proposal']));
    expect(check(plan)).toEqual([]);
  });
});

describe('risk-no-mitigation', () => {
  test('risks whose mitigation is empty or "TBD"', () => {
    const plan = read(
      edited(
        HEALTHY,
        ['| Evaluation pauses | Pilot review set for Mar 27, before quarter-end |', '| Evaluation pauses | TBD |'],
        ['| Can\'t get budget approval | Meeting booked for Apr 3 |', '| Can\'t get budget approval |  |'],
      ),
    );
    expect(only(check(plan), 'risk-no-mitigation')).toEqual({
      rule: 'risk-no-mitigation',
      severity: 'warning',
      title: 'Risks without a mitigation',
      method:
        'The method\'s risk table pairs every risk with its impact and a mitigation: "Security review takes > 3 weeks" → "Send security docs proactively. Offer to brief IT directly".',
      detail: 'Risks "Maria Chen unavailable for the business case meeting" and "Quarter-end close in early April delays the pilot review" have no mitigation.',
      action: 'Agree with the champion what each side does to prevent each one, and write it in the Mitigation column.',
      say: null,
      // The first bare risk's Mitigation cell.
      place: { kind: 'cell', tableIndex: 19, row: 2, column: 2 },
    });
  });

  test('every risk mitigated: no finding', () => {
    expect(rules(check(read(HEALTHY)))).not.toContain('risk-no-mitigation');
  });
});

describe('dependencies', () => {
  test('steps that wait for each other in a circle make the dates unreliable; the close date is not checked', () => {
    const plan = read(edited(HEALTHY, ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | In progress | 1, 5 |']));
    const findings = check(plan);
    expect(only(findings, 'dependencies')).toEqual({
      rule: 'dependencies',
      severity: 'warning',
      title: 'Steps that wait for each other',
      method: 'Every step has an owner, a deadline, and a dependency. When a step slips, both sides know immediately.',
      detail: 'Steps 4 → 5 → 4 depend on each other in a circle; their dates cannot be checked against each other or the decision target.',
      action: 'Fix the Depends on column so that each step waits only for steps that can finish before it.',
      say: null,
      place: cellOf(plan, 4, 'dependsOn'),
    });
    expect(rules(findings)).toEqual(['dependencies']);
  });
});

describe('the deal: too-early, too-late, overkill', () => {
  test('too-early: a MAP at discovery', () => {
    expect(only(check(read(HEALTHY), { deal: { stage: 'discovery' } }), 'too-early')).toEqual({
      rule: 'too-early',
      severity: 'warning',
      title: 'Too early for a MAP',
      method: "Discovery: Too early. You haven't confirmed fit yet. A MAP before qualification feels presumptuous.",
      detail: 'The deal is at discovery: fit is not confirmed yet.',
      action: 'Confirm fit first, then walk the champion through the plan at the end of a successful demo or at the start of the evaluation.',
      say: null,
      place: null,
    });
  });

  test('too-late: a full MAP at negotiation', () => {
    expect(only(check(read(HEALTHY), { deal: { stage: 'negotiation', dealType: 'standard' } }), 'too-late')).toEqual({
      rule: 'too-late',
      severity: 'warning',
      title: 'Too late for a full MAP',
      method: 'Negotiation: Too late for full MAP. You can create a "closing checklist" but the full MAP should have been in place earlier.',
      detail: 'The deal is at negotiation and the plan still has 9 open steps, more than the 5-step closing checklist.',
      action:
        'Switch to the closing checklist for what is left: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
      say: null,
      place: null,
    });
  });

  test('the closing checklist at negotiation, any plan post-demo or at proposal, and an unknown stage are fine', () => {
    const closing = read(fixtureText('maps/closing-en_US'), '2026-12-07');
    expect(rules(check(closing, { deal: { stage: 'negotiation', dealType: 'closing' }, today: '2026-12-07' }))).not.toContain('too-late');
    expect(rules(check(closing, { deal: { stage: 'negotiation', dealType: null }, today: '2026-12-07' }))).not.toContain('too-late');
    for (const stage of ['post-demo', 'proposal', null] as const) expect(check(read(HEALTHY), { deal: { stage } })).toEqual([]);
  });

  test('overkill: under $20K a year', () => {
    expect(only(check(read(HEALTHY), { deal: { annualContractValue: 12_000 } }), 'overkill')).toEqual({
      rule: 'overkill',
      severity: 'info',
      title: 'A MAP may be more than this deal needs',
      method:
        "A MAP adds value for deals > $20K with multiple stakeholders. A $5K deal with one decision-maker doesn't need a formal plan. It needs a Calendly link and a contract.",
      detail: 'The annual contract value is 12,000, under the 20,000 from which a MAP adds value.',
      action: 'Keep the plan if several stakeholders decide; with one decision-maker, a meeting link and the contract will do.',
      say: null,
      place: null,
    });
    expect(check(read(HEALTHY), { deal: { annualContractValue: 20_000 } })).toEqual([]);
  });
});

describe('off-track signals from the history', () => {
  test('dead-plan: nothing changed and no review for two weeks, with the method\'s words to the champion', () => {
    const { history, plan } = historyOf();
    const findings = check(read(HEALTHY, '2026-03-16'), { history, today: '2026-03-16' });
    expect(only(findings, 'dead-plan')).toEqual({
      rule: 'dead-plan',
      severity: 'critical',
      title: 'No updates or reviews for 14 days',
      method:
        'A MAP that nobody updates is dead. If the champion stops engaging with the MAP, the deal is stalling. The MAP not being updated is itself a signal.',
      detail: 'No status or date has changed since Mar 2, 2026, and there has been no weekly review.',
      action: 'Address it directly with Dana Ruiz, then update the statuses and dates together.',
      say: "I noticed we haven't updated the plan in 2 weeks. Has anything changed on your end?",
      place: null,
    });
    expect(rules(check(plan, { history, today: '2026-03-13' }))).not.toContain('dead-plan');
  });

  test('dead-plan: a weekly review counts as engagement; a finished plan needs no updates', () => {
    const { history } = historyOf();
    const reviewed = recordReview(history, '2026-03-12');
    expect(rules(check(read(HEALTHY, '2026-03-23'), { history: reviewed, today: '2026-03-23' }))).not.toContain('dead-plan');
    expect(only(check(read(HEALTHY, '2026-03-26'), { history: reviewed, today: '2026-03-26' }), 'dead-plan').detail).toBe(
      'No status or date has changed since Mar 2, 2026, and the last weekly review was on Mar 12, 2026.',
    );
    const done = HEALTHY.replace(/\| (In progress|Pending) \|/g, '| Complete |');
    const finished = historyOf(['2026-03-02', done]);
    expect(rules(check(finished.plan, { history: finished.history, today: '2026-05-04' }))).not.toContain('dead-plan');
  });

  test('champion-silent: the champion\'s due steps have not moved for two weeks while the rest of the plan moves', () => {
    const soloBusinessCase = edited(HEALTHY, ['| Sam Lee (Acme) \\+ Dana Ruiz (Globex) |', '| Sam Lee (Acme) |']);
    const progressed = soloBusinessCase.replace(
      /(\| (?:3|4|5|6|7) \| [^|]+ \| [^|]+ \| [^|]+ \| )(?:In progress|Pending)( \|)/g,
      '$1Complete$2',
    );
    const { history, plan } = historyOf(['2026-03-02', soloBusinessCase], ['2026-04-03', progressed]);
    const findings = check(read(progressed, '2026-04-13', history), { history, today: '2026-04-13' });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'overdue', detail: 'Step 8 (Budget committee review), owned by Dana Ruiz (Globex), is overdue by 1 working day.' }),
      {
        rule: 'champion-silent',
        severity: 'warning',
        title: "The champion's steps have stopped moving",
        method: 'Champion stops responding to MAP updates: Deal is deprioritized internally.',
        detail: "None of Dana Ruiz's steps has changed since Mar 2, 2026 (42 days), though step 8 (Budget committee review) is overdue by 1 working day.",
        action: 'Have a direct conversation with Dana Ruiz.',
        say: "Is the timeline still realistic? If priorities shifted, I'd rather know now",
        place: cellOf(plan, 8, 'due'),
      },
    ]);
    // Not yet due, or moved lately: nothing to say.
    expect(check(read(progressed, '2026-03-30', history), { history, today: '2026-03-30' })).toEqual([]);
    const touched = edited(progressed, ['| Apr 10, 2026 | Pending | 7 |', '| Apr 10, 2026 | In progress | 7 |']);
    const later = historyOf(['2026-03-02', soloBusinessCase], ['2026-04-03', progressed], ['2026-04-08', touched]);
    expect(check(read(touched, '2026-04-13', later.history), { history: later.history, today: '2026-04-13' }).map((f) => f.rule)).toEqual(['overdue']);
  });

  test('slipping: a step that slipped twice, with the method\'s question', () => {
    const once = edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Mar 27, 2026 | In progress | 2 |']);
    const twice = edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Apr 3, 2026 | In progress | 2 |']);
    const { history, plan } = historyOf(['2026-03-09', once], ['2026-03-16', twice]);
    // Step 4 (due Mar 13) is overdue too: a separate finding.
    expect(check(plan, { history, today: '2026-03-16' }).filter((f) => f.rule !== 'overdue')).toEqual([
      {
        rule: 'slipping',
        severity: 'warning',
        title: 'Steps keep slipping',
        method: 'Steps keep slipping by 1-2 weeks: Internal process is slower than estimated.',
        detail: 'Step 3 (Security questionnaire review) has slipped twice, from Mar 20, 2026 to Apr 3, 2026.',
        action: 'Adjust dates: when a step slips, move every step after it too (Shift downstream dates), and ask its owner what is in the way.',
        say: "What's causing the delay? Can I help unblock anything?",
        place: cellOf(plan, 3, 'due'),
      },
    ]);
    const onceOnly = historyOf(['2026-03-09', once]);
    expect(check(onceOnly.plan, { history: onceOnly.history, today: '2026-03-16' }).map((f) => f.rule)).toEqual(['overdue']);
    // Done now: the slips are history.
    const doneLate = edited(HEALTHY, ['| Mar 20, 2026 | In progress | 2 |', '| Apr 3, 2026 | Complete | 2 |']);
    const finished = historyOf(['2026-03-09', once], ['2026-03-16', doneLate]);
    expect(check(finished.plan, { history: finished.history, today: '2026-03-16' }).map((f) => f.rule)).toEqual(['overdue']);
  });

  test('scope: a step added since the plan began, until a review covers it', () => {
    const added = HEALTHY.replace(
      '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |',
      '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |\n| 12 | Data processing agreement | Tom Price (Globex vendor management) | Apr 17, 2026 | Pending | 8 |',
    );
    const { history, plan } = historyOf(['2026-03-10', added]);
    expect(check(plan, { history, today: '2026-03-12' })).toEqual([
      {
        rule: 'scope',
        severity: 'info',
        title: 'A step was added',
        method: 'New steps get added mid-process: Scope creep or new stakeholders emerged.',
        detail:
          'Added since the plan began on Mar 2, 2026: step 12 (Data processing agreement) on Mar 10, 2026. The decision target of Apr 24, 2026 still holds against the steps.',
        action: 'Add the steps. Adjust timeline. Confirm close date is still achievable.',
        say: 'Any new stakeholders or requirements that have come up?',
        place: cellOf(plan, 12, 'action'),
      },
    ]);
    expect(check(plan, { history: recordReview(history, '2026-03-10'), today: '2026-03-12' })).toEqual([]);
  });

  test('scope: a new step that moves the close date says the target no longer holds', () => {
    const added = HEALTHY.replace(
      '| 10 | Contract signature | Maria Chen (Globex) | Apr 24, 2026 | Pending | 9 |',
      '| 10 | Contract signature | Maria Chen (Globex) | Apr 24, 2026 | Pending | 9, 12 |',
    ).replace(
      '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |',
      '| 11 | Onboarding kickoff | Priya Shah (Acme) | May 1, 2026 | Pending | 10 |\n| 12 | Vendor risk assessment | Tom Price (Globex vendor management) | May 1, 2026 | Pending | 8 |',
    );
    const { history, plan } = historyOf(['2026-03-10', added]);
    const findings = check(plan, { history, today: '2026-03-12' });
    // Onboarding was already due May 1: the go-live target still holds.
    expect(rules(findings)).toEqual(['close-date', 'dependencies', 'scope']);
    expect(only(findings, 'scope').detail).toBe(
      'Added since the plan began on Mar 2, 2026: step 12 (Vendor risk assessment) on Mar 10, 2026. The decision target no longer holds against the steps.',
    );
  });

  test('eb-overdue: the business case meeting the economic buyer owns is overdue', () => {
    const plan = read(edited(HEALTHY, ['| Sam Lee (Acme) \\+ Dana Ruiz (Globex) | Apr 3, 2026 |', '| Maria Chen (Globex) | Apr 3, 2026 |']), '2026-04-06');
    // Steps 3, 4, 5 and 7 are overdue as well: the overdue finding lists them.
    expect(check(plan, { today: '2026-04-06' }).filter((f) => f.rule !== 'overdue')).toEqual([
      {
        rule: 'eb-overdue',
        severity: 'warning',
        title: "The economic buyer's step is overdue",
        method: "EB won't schedule the business case meeting: EB is not bought in or deal isn't a priority.",
        detail: 'Step 6 (Business case presentation to Maria Chen) is overdue by 1 working day.',
        action: 'Escalate through Dana Ruiz, the champion.',
        say: 'What would help get Maria Chen to commit 15 minutes?',
        place: cellOf(plan, 6, 'due'),
      },
    ]);
  });

  test('eb-overdue judges the owner, not the words of the action: our account executive\'s step that names the economic buyer is not hers', () => {
    // Step 6 "Business case presentation to Maria Chen" is owned by Sam Lee (Acme) and Dana Ruiz.
    const plan = read(HEALTHY, '2026-04-06');
    expect(rules(check(plan, { today: '2026-04-06' }))).toEqual(['overdue']);
  });

  test('eb-overdue: a step the economic buyer owns, still a placeholder', () => {
    const plan = read(fixtureText('inserted/standard-en_US'), '2027-02-16');
    expect(only(check(plan, { today: '2027-02-16' }), 'eb-overdue')).toMatchObject({
      // Step 5 (ROI/business case presentation to [Economic buyer name]) is owned by our AE and the champion: not the EB's.
      detail: 'Step 10 (Contract signature) is overdue by 2 working days.',
      action: 'Escalate through Dana Ruiz, the champion, and find out who the economic buyer is.',
      say: 'What would help get the economic buyer to commit 15 minutes?',
    });
  });

  test('without a history the off-track signals are skipped', () => {
    // Steps 3, 4 and 5 are overdue by then: that needs no history.
    expect(rules(check(read(HEALTHY, '2026-03-30'), { history: null, today: '2026-03-30' }))).toEqual(['overdue']);
  });
});

describe('order', () => {
  test('by severity, then where in the document, plan-wide findings last in their group', () => {
    const plan = read(fixtureText('inserted/standard-en_US'), '2026-11-27');
    const findings = check(plan, { deal: { stage: 'negotiation', annualContractValue: 9_000, dealType: 'standard' }, today: '2026-11-27' });
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['warning', 'role-owners'],
      ['warning', 'placeholders'],
      ['warning', 'no-economic-buyer'],
      ['warning', 'no-criteria'],
      ['warning', 'no-next-step'],
      ['warning', 'too-late'],
      ['info', 'overkill'],
    ]);
    expect(only(findings, 'role-owners')).toMatchObject({
      detail: '4 steps name a team or role instead of a person: steps 2, 3, 8 and 11.',
      place: cellOf(plan, 2, 'owner'),
    });
  });

  test('every finding on the inserted plan but the deal-wide ones points at its place', () => {
    const plan = read(fixtureText('inserted/standard-en_US'), '2026-11-27');
    const findings = check(plan, { deal: { stage: 'negotiation', annualContractValue: 9_000, dealType: 'standard' }, today: '2026-11-27' });
    expect(findings.map((f) => [f.rule, f.place])).toEqual([
      ['role-owners', cellOf(plan, 2, 'owner')],
      ['placeholders', cellOf(plan, 5, 'action')],
      ['no-economic-buyer', personCell(plan, '[Economic buyer name]')],
      ['no-criteria', criterionLine(plan, '[Criterion 1:')],
      ['no-next-step', criterionLine(plan, 'If all criteria pass')],
      ['too-late', null],
      ['overkill', null],
    ]);
  });

  test('critical first', () => {
    const late = read(edited(HEALTHY, ['* Decision target: Apr 24, 2026', '* Decision target: Apr 17, 2026'], ['| Lee Wong (Globex IT) |', '|  |']));
    expect(rules(check(late, { deal: { annualContractValue: 5_000 } }))).toEqual(['close-date', 'no-owner', 'overkill']);
  });
});
