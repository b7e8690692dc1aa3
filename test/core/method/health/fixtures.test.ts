// The health check on plans in the shapes people leave them (test/fixtures/health/): the findings' ids and the detail a seller reads.
import { checkHealth, type DealFacts, type Finding } from '../../../../src/core/method/health';
import { startHistory, type PlanHistory } from '../../../../src/core/history/history';
import type { ParsedPlan } from '../../../../src/core/reading/parsed-plan';
import type { IsoDate } from '../../../../src/core/plan';
import { edited, fixtureText, readMarkdownPlan } from '../../markdown-plan';

const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };

/** The fixture as the add-on reads it, checked on `today`. */
function checkFixture(name: string, today: IsoDate, history: (plan: ParsedPlan) => PlanHistory | null = () => null): Finding[] {
  const markdown = fixtureText(`health/${name}`);
  const plan = readMarkdownPlan(markdown, today);
  return checkHealth({ plan, history: history(plan), deal: NO_DEAL, today });
}

const byRule = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.rule, f.detail]));

test('overdue and blocked steps: the blocked one first, then by days overdue, with owners', () => {
  const findings = checkFixture('overdue-blocked', '2026-12-14');
  expect(findings.map((f) => f.rule)).toEqual(['overdue']);
  expect(byRule(findings)).toEqual({
    overdue:
      'Step 2 (Security questionnaire returned), owned by Ravi Patel (Contoso IT), is blocked and overdue by 10 working days; ' +
      'step 3 (Sandbox connected to the ERP), owned by Jo Kim (Northwind), is overdue by 6 working days; ' +
      'step 4 (Pilot kickoff with the AP team), shared by both sides, is overdue by 4 working days; ' +
      'step 5 (Pilot results review), owned by Mei Lin (Contoso), is overdue by 2 working days; and 1 more step.',
  });
  expect(findings[0]?.title).toBe('5 steps are overdue');
});

test('a plan written as a list: the check says no Steps table was found', () => {
  const findings = checkFixture('plan-as-a-list', '2026-11-27');
  expect(findings.map((f) => [f.rule, f.severity, f.title])).toEqual([['no-steps', 'critical', 'No plan found']]);
  expect(findings[0]?.detail).toMatch(/^No Steps table was found\./);
});

test('no step reads as the contract signature: the decision target before the security, legal and procurement steps is contradicted; go-live is measured against the onboarding kickoff, not the rollout plan review after it', () => {
  const findings = checkFixture('no-signature-step', '2027-01-25');
  expect(findings.map((f) => f.rule)).toEqual(['close-date']);
  expect(findings[0]).toMatchObject({
    severity: 'critical',
    detail:
      'No step reads as the contract signature, and a decision needs step 6 (Vendor onboarding in Coupa) first. ' +
      'The steps put step 6 (Vendor onboarding in Coupa) on Mar 12, 2027 at the earliest, 15 working days after the decision target of Feb 19, 2027. ' +
      'Step 4 (InfoSec questionnaire and pen test report review) and step 5 (Legal review of the MSA and DPA) also fall after the decision target.',
    action:
      'Move the decision target to Mar 12, 2027 or later, or agree with Dana Ruiz an earlier date for step 6 (Vendor onboarding in Coupa). ' +
      'Add the contract signature as a step, so the close date is checked against it.',
  });
});

test('advice names the plan\'s own columns: "Target date" where the plan calls its due column that', () => {
  const plan = readMarkdownPlan(fixtureText('health/overdue-blocked').replace('| Jan 8, 2027 | Pending | 2, 6 |', '| TBD | Pending | 2, 6 |'), '2026-12-14');
  const noDates = checkHealth({ plan, history: null, deal: NO_DEAL, today: '2026-12-14' }).find((f) => f.rule === 'no-dates');
  expect(noDates?.action).toBe('Agree a date for each with its owner and write it in the Target date column.');
});

test('broken dependencies: a deleted step, a name that matches no step, and a step due before the step it waits for', () => {
  const findings = checkFixture('broken-dependencies', '2027-01-18');
  expect(findings.map((f) => f.rule)).toEqual(['dependencies']);
  expect(findings[0]).toMatchObject({
    title: 'Dependencies that do not hold',
    detail:
      'Step 7 (Order form and MSA review) depends on step 6, which is not in the plan; that link was ignored. ' +
      'Step 8 (Contract signature) depends on "Security sign-off", which matches no step; that link was ignored. Write the step number instead. ' +
      'Step 5 (Pilot readout) is due 2 working days before step 4 (Pilot with the finance team), which it depends on.',
    action:
      'In the Predecessor column, name a step that is in the plan by its number, or clear the link. ' +
      'Give each step a date on or after the steps it waits for, or fix the link (Shift downstream dates moves the steps after a change).',
  });
});

test('per-side owner columns: a step whose buyer or seller owner is named has an owner; "—", "None", "n/a" and empty are none', () => {
  const findings = checkFixture('per-side-owners', '2026-03-09');
  expect(findings.map((f) => f.rule)).toEqual(['no-owner']);
  expect(findings[0]).toMatchObject({
    detail: 'Step 7 (Data processing agreement) has no owner.',
    action: 'Agree who does each one and write their name in the owner column of their side.',
  });
});

test('a one-sided plan: only the seller\'s steps, nobody has edited it by hand since it was inserted, and nobody has agreed to it', () => {
  const findings = checkFixture('one-sided', '2026-12-09', (plan) => startHistory(plan, '2026-11-27', 'insert'));
  expect(findings.map((f) => f.rule)).toEqual(['one-sided']);
  expect(findings[0]).toMatchObject({
    severity: 'critical',
    title: 'Only your steps',
    detail:
      "All 6 steps with a known owner are Acme's; none is Initech's or shared. Also, nobody has edited the plan by hand since it was inserted on Nov 27, 2026 (12 days ago), " +
      'and the "Agreed by" line still has its placeholders.',
    say: "What am I missing? What steps does your team need that I haven't listed?",
  });
});

describe('stakeholders and risks written as lists', () => {
  const LISTS = fixtureText('health/people-and-risks-as-lists');
  const check = (markdown: string): Finding[] => {
    const today = '2027-01-20';
    return checkHealth({ plan: readMarkdownPlan(markdown, today), history: null, deal: NO_DEAL, today });
  };

  test('the listed economic buyer counts: no "no Stakeholders table" finding; a listed risk with nothing said about mitigation is found, at its list item', () => {
    const findings = check(LISTS);
    expect(findings.map((f) => f.rule)).toEqual(['risk-no-mitigation']);
    expect(findings[0]).toMatchObject({
      detail: 'Risk "Budget freeze in Q1" has no mitigation.',
      action: 'Agree with the champion what each side does to prevent each one, and write it after the risk ("— mitigation: …") or as an item under it.',
      place: { kind: 'paragraph', index: 15 },
    });
  });

  test('a list that names no economic buyer: the finding says so in the list\'s words and selects the list', () => {
    const findings = check(edited(LISTS, ['Dana Ruiz, CFO, Globex (economic buyer)', 'Dana Ruiz, VP Operations, Globex']));
    expect(findings.find((f) => f.rule === 'no-economic-buyer')).toMatchObject({
      detail: 'Nobody in the Stakeholders list is the economic buyer: the person who approves the budget.',
      action: 'Ask Lee Chen who approves the budget, add them to the Stakeholders list with their title ("Budget approval. Business case sign-off"), and share the plan with them.',
      place: { kind: 'paragraph', index: 4 },
    });
  });

  test('the economic buyer still a placeholder in the list: named as such, at its item; the placeholder is one to fill in', () => {
    const findings = check(edited(LISTS, ['Dana Ruiz, CFO, Globex (economic buyer)', '[Economic buyer name], CFO, Globex']));
    expect(findings.find((f) => f.rule === 'no-economic-buyer')).toMatchObject({
      detail: 'The economic buyer is still "[Economic buyer name]" in the Stakeholders list.',
      place: { kind: 'paragraph', index: 4 },
    });
    expect(findings.find((f) => f.rule === 'placeholders')?.detail).toBe('Still to fill in: [Economic buyer name] (the Stakeholders list).');
  });

  test('every listed risk mitigated, as a nested item or after an arrow: no risk finding', () => {
    const findings = check(edited(LISTS, ['* Budget freeze in Q1', '* Budget freeze in Q1 → business case signed before Dec 31']));
    expect(findings.map((f) => f.rule)).toEqual([]);
    const nested = check(edited(LISTS, ['* Budget freeze in Q1', '* Budget freeze in Q1  \n  * Lee Chen presents the business case in the Q1 review']));
    expect(nested.map((f) => f.rule)).toEqual([]);
  });
});
