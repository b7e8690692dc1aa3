// Test helper: a validated Insert form for the core's tests (mid-market, Acme + Globex, evaluation from Monday Mar 2, 2026, nobody named).
import { ROLES } from '../../src/core/plan';
import type { InsertForm, Person, Role } from '../../src/core/plan';
import { DEFAULT_THEIR_WORDS } from '../../src/core/method/templates';

export const nobody: Person = { name: '', title: '' };

export function insertFormFor(overrides: Partial<InsertForm> = {}): InsertForm {
  return {
    yourCompany: 'Acme',
    theirCompany: 'Globex',
    product: 'Acme Flow',
    problem: 'slow invoice approvals',
    dealType: 'mid-market',
    dealStage: 'post-demo',
    annualContractValue: 85_000,
    evaluationStart: '2026-03-02', // a Monday
    decisionTarget: null,
    goLiveTarget: null,
    people: Object.fromEntries(ROLES.map((role) => [role, nobody])) as Record<Role, Person>,
    theirWords: { ...DEFAULT_THEIR_WORDS },
    ...overrides,
  };
}
