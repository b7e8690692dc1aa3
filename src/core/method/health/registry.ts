/** The one list of the health check's rules, in RULES order: add a rule module here and its id to RULES. */
import { closeDate, goLiveDate, noDecisionTarget } from './rules/key-dates';
import { noCriteria, noNextStep, vagueCriteria } from './rules/criteria';
import { tooEarly, tooLate, overkill } from './rules/deal';
import { dependencies } from './rules/dependencies';
import { ebOverdue } from './rules/eb-overdue';
import { championSilent, deadPlan, scope, slipping } from './rules/history';
import { noSteps } from './rules/no-steps';
import { oneSided } from './rules/one-sided';
import { overdue } from './rules/overdue';
import { noEconomicBuyer, placeholders, roleOwners } from './rules/people';
import { riskNoMitigation } from './rules/risks';
import { secondPlan } from './rules/second-plan';
import { noDates, noOwner } from './rules/steps';
import { RULES, type Rule, type RuleId } from './types';

const ALL: readonly Rule[] = [
  noSteps,
  secondPlan,
  closeDate,
  noDecisionTarget,
  goLiveDate,
  overdue,
  noDates,
  noOwner,
  oneSided,
  placeholders,
  roleOwners,
  noEconomicBuyer,
  noCriteria,
  vagueCriteria,
  noNextStep,
  riskNoMitigation,
  dependencies,
  tooEarly,
  tooLate,
  overkill,
  deadPlan,
  championSilent,
  slipping,
  ebOverdue,
  scope,
];

/** Every rule by its id, in RULES order. */
export const REGISTRY: readonly Rule[] = RULES.map((id) => {
  const rule = ALL.find((r) => r.id === id);
  if (!rule) throw new Error(`The health check has no rule module for "${id}".`);
  return rule;
});

export function ruleById(id: RuleId): Rule {
  const rule = REGISTRY.find((r) => r.id === id);
  if (!rule) throw new Error(`No health rule "${id}".`);
  return rule;
}
