// Which company a message names: the one the reader decided is the prospect (settings, else the title checked against the plan), never the title's order.
import { checkHealth, type DealFacts } from '../../../src/core/method/health';
import { weeklyReview } from '../../../src/core/method/review';
import { planRows } from '../../../src/core/metrics/rows';
import { UNKNOWN_DEAL } from '../../../src/core/deal/deal';
import { fixtureText, readMarkdownPlan } from '../markdown-plan';

const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };
const TODAY = '2026-12-20';

describe.each([
  ['reading/title-theirs-first-stakeholders', 'Globex', 'Acme Analytics'],
  ['reading/title-x-agreed-by', 'Globex', 'Acme Analytics'],
  ['health/title-prospect-first-seller-owner', 'Northwind', 'Contoso'],
])('%s', (fixture, prospect, seller) => {
  const plan = readMarkdownPlan(fixtureText(fixture), TODAY);

  test(`the reader decides ${prospect} is the prospect`, () => {
    expect(plan.companies).toEqual({ yourCompany: seller, theirCompany: prospect });
  });

  test('the health check asks to agree the criteria with the prospect', () => {
    const criteria = checkHealth({ plan, history: null, deal: NO_DEAL, today: TODAY }).find((f) => f.rule === 'no-criteria');
    expect(criteria?.action).toContain(`Agree with ${prospect} what they need to see`);
  });

  test('the weekly review names each side by its company', () => {
    const review = weeklyReview({ plan, history: null, today: TODAY });
    const owed = review.questions.find((q) => q.question.startsWith('What do you need from me'))?.answer;
    expect(owed).toMatch(new RegExp(`^Next from ${seller}: .*; next from ${prospect}: `));
  });

  test('the export fills the Prospect column from the plan when the deal does not say', () => {
    const rows = planRows({ documentId: 'd', url: 'u', plan, history: null, deal: UNKNOWN_DEAL, today: TODAY });
    expect(rows.deal.theirCompany).toBe(prospect);
    expect(rows.steps.every((row) => row.theirCompany === prospect)).toBe(true);
  });
});
