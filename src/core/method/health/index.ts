/** The plan health check: the method's anti-patterns and off-track signals found in this plan and its history, each in a seller's words with what to do and where. */
import { healthContext, type HealthContext } from './context';
import { comparePlaces } from './places';
import { REGISTRY } from './registry';
import { noSteps } from './rules/no-steps';
import { RULES, type Finding, type HealthInput, type Rule, type Severity } from './types';

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────
//
// One module per rule or small group of rules (rules/), each a Rule object with its stable id,
// severity, the method's words and its check, listed once in the registry. One finding per rule,
// pointing at the first place it applies; the detail names every step or person concerned. A
// plan that follows the method has none. Findings sort by severity, then by where they point in
// the document; plan-wide ones (no place) close their severity group.
//
// Severity. Critical: the plan is fiction or not mutual, or the deal is stalling (a close date
// the steps cannot meet, none of the prospect's steps, no dates at all, nobody updating it).
// Warning: an anti-pattern or off-track signal to fix this week. Info: worth knowing, no harm yet.
//
// People. The economic buyer is the prospect's stakeholder whose role or responsibility says
// "economic buyer", "EB", "budget" or "final decision/approval", or whose title is CFO, CEO or
// president. The champion's says "champion", "evaluation lead", "internal advocate" or
// "day-to-day". A person's steps are those whose owner names them (full name, or a first or last
// name nobody else in the table has).
//
// Role owners. An owner names a person when it has a stakeholder's name or a capitalised word
// that is not a role, team or company word ("Dana Ruiz (Globex)", "Jordan"). It names a role when
// it has role, team or company words and no person ("Globex procurement", "Acme CS team", "EB",
// "Legal"). "Both" is the method's own word for a shared step and is not flagged. Placeholders
// are left to the placeholders rule. An owner the check cannot tell is left alone.
//
// Close date. A step cannot happen before the steps it depends on (same day allowed, as the
// templates schedule), nor before today when it is overdue. The forecast carries that forward
// through Depends on; the decision target is late when contract signature's forecast falls after
// it. This catches the method's own example (security review and procurement finishing after the
// close date) that comparing the signature step's own date would miss.
//
// Places. A finding about steps, people, criteria or risks points at the first one concerned, in
// document order: a step's cell, a person's name cell, a criterion's line, a risk's Mitigation
// cell. One about something missing points where it would go: the Stakeholders table's first
// cell for a missing economic buyer, the Success criteria heading for missing criteria, the last
// criterion for a missing next step (it goes under them), the Key dates heading for a missing
// decision target. Only plan-wide findings (the deal's stage and size, a dead plan) have none.

export { RULES, type DealFacts, type DocumentPlace, type Finding, type HealthInput, type Rule, type RuleId, type Severity } from './types';
export { isMeasurable } from './rules/criteria';
export { CHAMPION_SILENT_DAYS, DEAD_PLAN_DAYS, SLIPS_TO_FLAG } from './rules/history';
export { placeholdersIn } from './words';
export { REGISTRY } from './registry';

/** One rule's finding on this plan, or null: what the registry runs, and what a rule's own tests call. */
export function runRule(rule: Rule, input: HealthInput): Finding | null {
  return applyRule(rule, healthContext(input));
}

function applyRule(rule: Rule, context: HealthContext): Finding | null {
  if (rule.needsHistory && context.history === null) return null;
  const found = rule.check(context);
  if (found === null) return null;
  const { severity, method, ...rest } = found;
  return { rule: rule.id, severity: severity ?? rule.severity, title: rest.title, method: method ?? rule.method, detail: rest.detail, action: rest.action, say: rest.say, place: rest.place };
}

/** Checks the plan against the method. Pure; never throws on anything a person can type. */
export function checkHealth(input: HealthInput): Finding[] {
  const context = healthContext(input);
  // Without steps every other rule would judge an empty plan: say only what could not be read.
  const unread = applyRule(noSteps, context);
  if (unread) return [unread];
  const findings = REGISTRY.flatMap((rule) => applyRule(rule, context) ?? []);
  const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort(
      (a, b) =>
        rank[a.finding.severity] - rank[b.finding.severity] ||
        comparePlaces(a.finding.place, b.finding.place) ||
        RULES.indexOf(a.finding.rule) - RULES.indexOf(b.finding.rule) ||
        a.i - b.i,
    )
    .map(({ finding }) => finding);
}

/** "3 findings: 1 critical, 2 warnings." or "The plan follows the method: no findings." */
export function healthSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'The plan follows the method: no findings.';
  const counts = (['critical', 'warning', 'info'] as const)
    .map((severity) => ({ severity, n: findings.filter((f) => f.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => (severity === 'warning' ? `${n} warning${n === 1 ? '' : 's'}` : severity === 'info' ? `${n} note${n === 1 ? '' : 's'}` : `${n} critical`));
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
}
