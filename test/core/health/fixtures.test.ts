// The health check on plans in the shapes people leave them (test/fixtures/health/): the findings' ids and the detail a seller reads.
import { checkHealth, type DealFacts, type Finding } from '../../../src/core/health';
import type { IsoDate } from '../../../src/core/plan';
import { fixtureText, readMarkdownPlan } from '../markdown-plan';

const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };

function checkFixture(name: string, today: IsoDate): Finding[] {
  const plan = readMarkdownPlan(fixtureText(`health/${name}`), today);
  return checkHealth({ plan, history: null, deal: NO_DEAL, today });
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
