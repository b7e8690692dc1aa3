// The health rules' tester, after ESLint's RuleTester: each rule lists plans that must not trigger it (valid) and plans that must (invalid, with the finding a seller would see).
import { checkHealth, REGISTRY, runRule, type DealFacts, type Finding, type RuleId } from '../../../../src/core/method/health';
import type { PlanHistory } from '../../../../src/core/history/history';
import type { ParsedPlan } from '../../../../src/core/reading/parsed-plan';
import type { IsoDate } from '../../../../src/core/plan';

export interface RuleCase {
  name: string;
  /** Built lazily so that a case's reading cost is paid only when it runs. */
  plan: () => ParsedPlan;
  history?: () => PlanHistory | null;
  deal?: Partial<DealFacts>;
  today?: IsoDate;
}

export interface InvalidCase extends RuleCase {
  /** What the seller sees: every field given must match exactly. */
  finding: Partial<Omit<Finding, 'rule'>>;
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };
export const DEFAULT_TODAY = '2026-03-09';

function inputOf(c: RuleCase) {
  return { plan: c.plan(), history: c.history?.() ?? null, deal: { ...NO_DEAL, ...c.deal }, today: c.today ?? DEFAULT_TODAY };
}

/** Runs every rule's cases: the rule alone and the whole check must agree on each. */
export function testRules(cases: Record<RuleId, RuleCases>): void {
  for (const rule of REGISTRY) {
    const own = cases[rule.id];
    describe(`${rule.id} (${rule.severity})`, () => {
      test('has plans that must and must not trigger it', () => {
        expect(own.valid.length).toBeGreaterThan(0);
        expect(own.invalid.length).toBeGreaterThan(0);
      });
      for (const c of own.valid) {
        test(`valid: ${c.name}`, () => {
          const input = inputOf(c);
          expect(runRule(rule, input)).toBeNull();
          expect(checkHealth(input).map((f) => f.rule)).not.toContain(rule.id);
        });
      }
      for (const c of own.invalid) {
        test(`invalid: ${c.name}`, () => {
          const input = inputOf(c);
          const alone = runRule(rule, input);
          expect(alone).toMatchObject({ rule: rule.id, ...c.finding });
          expect(checkHealth(input).filter((f) => f.rule === rule.id)).toEqual([alone]);
        });
      }
    });
  }
}
