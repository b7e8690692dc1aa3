/** The plan health check: the method's anti-patterns and off-track signals found in this plan and its history, each in a seller's words with what to do and where. */
import { compareDates, daysBetween, workingDaysBetween, WORKING_DAYS, type WorkCalendar } from './calendar';
import { splitOwners } from './cell-owner';
import { formatPlanDate } from './date-format';
import { MAP_WORTH_IT_FROM } from './draft';
import { lastMovedOn, slippingSteps, stepOf, type PlanHistory } from './history';
import type { CellRef, KeyDateName, ParsedPlan, ParsedStakeholder, ParsedStep, PlanSection, StepColumn } from './parsed-plan';
import type { DealStage, DealType, IsoDate } from './plan';
import { companiesFromTitle } from './reading/sections';
import { topologicalOrder } from './schedule';
import { keyDateStep } from './shift-request';
import { AT_RISK_WORKING_DAYS, dueSignal } from './status-style';
import { DEAL_TEMPLATES } from './templates';

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────
//
// One finding per rule, pointing at the first place it applies; the detail names every step or
// person concerned. A plan that follows the method has none. Findings sort by severity, then by
// where they point in the document; plan-wide ones (no place) close their severity group.
//
// Severity. Critical: the plan is fiction or not mutual, or the deal is stalling (a close date
// the steps cannot meet, none of the prospect's steps, no dates at all, nobody updating it).
// Warning: an anti-pattern or off-track signal to fix this week. Info: worth knowing, no harm yet.
//
// Measurable criteria. "Each criterion should be pass/fail": a criterion passes the check when it
// has a number (30%, 6 months, $50K, 2 weeks), a number or threshold word ("no critical
// findings", "under", "at least", "within", "twice"), or a yes/no verb ("passes", "works in",
// "integrates", "approves", "signs off", "meets our requirements", "supports"). "We like it",
// "easy to use", "improves productivity" have none. A "[Criterion 1: ...]" line is a placeholder:
// nobody has agreed it yet. The line saying what happens when the criteria pass is not a
// criterion; it counts as agreed when it names a move (proposal, contract, signature, purchase
// order...) with no placeholder and no stalling words ("discuss further", "revisit").
//
// People. The economic buyer is the prospect's stakeholder whose role or responsibility says
// "economic buyer", "EB", "budget" or "final decision/approval", or whose title is CFO, CEO or
// president. The champion's says "champion", "evaluation lead", "internal advocate" or
// "day-to-day". A person's steps are those whose owner names them (full name, or a first or last
// name nobody else in the table has); the economic buyer's also include steps whose action names
// them ("Business case presentation to Maria Chen"), since the method's signal is the EB not
// scheduling that meeting.
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

// ─── Types ───────────────────────────────────────────────────────────────────────────────────

export type Severity = 'critical' | 'warning' | 'info';

/** A place in the document a finding points at (the sidebar selects it). */
export type DocumentPlace =
  | { kind: 'cell'; tableIndex: number; row: number; column: number }
  | { kind: 'paragraph'; index: number };

/** Every rule, in the order findings of the same severity and place are listed. */
export const RULES = [
  'close-date',
  'no-decision-target',
  'go-live-date',
  'no-dates',
  'no-owner',
  'one-sided',
  'placeholders',
  'role-owners',
  'no-economic-buyer',
  'no-criteria',
  'vague-criteria',
  'no-next-step',
  'risk-no-mitigation',
  'dependencies',
  'too-early',
  'too-late',
  'overkill',
  'dead-plan',
  'champion-silent',
  'slipping',
  'eb-overdue',
  'scope',
] as const;
export type RuleId = (typeof RULES)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Short: "Steps without a date". */
  title: string;
  /** The rule in the method's words, quoted from it. */
  method: string;
  /** What is wrong in this plan: which steps, names, numbers. */
  detail: string;
  /** What to do about it. */
  action: string;
  /** The method's suggested words for the champion, when it gives them. */
  say: string | null;
  /** Where it applies; null when it concerns the plan as a whole or the reader gives no place. */
  place: DocumentPlace | null;
}

/** What the seller told the Insert form about the deal; null when not known (a plan people wrote). */
export interface DealFacts {
  stage: DealStage | null;
  annualContractValue: number | null;
  dealType: DealType | null;
}

export interface HealthInput {
  plan: ParsedPlan;
  /** Null when the add-on has no history for this document yet: the off-track signals are skipped. */
  history: PlanHistory | null;
  deal: DealFacts;
  today: IsoDate;
  calendar?: WorkCalendar;
  /** How dates read in the texts; "Mar 3, 2026" by default. */
  formatDate?: (iso: IsoDate) => string;
}

/** "A MAP that nobody updates is dead": the method's example speaks of 2 weeks. */
export const DEAD_PLAN_DAYS = 14;
/** The champion's steps not moving for as long as the method's dead plan. */
export const CHAMPION_SILENT_DAYS = 14;
/** "Steps keep slipping": one slip happens; the second is a pattern. */
export const SLIPS_TO_FLAG = 2;

// ─── The method's words ──────────────────────────────────────────────────────────────────────

const METHOD = {
  noDates: "Without dates, there's no accountability. Every step needs a date and an owner",
  noOwner: 'Every step has an owner, a deadline, and a dependency. Every step needs a date and an owner',
  oneSided: 'The prospect owns half the actions. You own the other half. The prospect has as many steps as you do. Include both',
  namePeople: 'Name specific people. Not "stakeholder review." "[VP name] reviews the business case on [date]." Named people with dates create accountability',
  economicBuyer:
    "Share the MAP with the economic buyer. The EB should have visibility into the plan, even if they're not involved in every step",
  noCriteria:
    'No success criteria. The MAP lists steps but never defines what "success" looks like. Without criteria, the evaluation ends with "let me think about it" instead of "the criteria passed, let\'s move forward"',
  measurable:
    'Make criteria specific and measurable. "We like it" is not a criterion. "Reply rates improve by 30% in a 2-week pilot" is. Each criterion should be pass/fail',
  nextStep:
    'Agree on what happens if criteria are met. "If all three criteria pass, what\'s the next step?" The answer should be "we move to proposal/contract." If it\'s "we\'ll discuss further," the criteria aren\'t really criteria. They\'re stalling mechanisms',
  closeDate:
    'The close date must be realistic based on the step timeline. If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction',
  decisionTarget: 'makes a go/no-go decision by [target date]',
  downstream: 'When a step slips, adjust ALL downstream dates',
  tooEarly: "Too early. You haven't confirmed fit yet. A MAP before qualification feels presumptuous",
  tooLate: 'You can create a "closing checklist" but the full MAP should have been in place earlier',
  overkill:
    "A MAP adds value for deals > $20K with multiple stakeholders. A $5K deal with one decision-maker doesn't need a formal plan. It needs a Calendly link and a contract",
  deadPlan:
    'A MAP that nobody updates is dead. If the champion stops engaging with the MAP, the deal is stalling. The MAP not being updated is itself a signal',
  championSilent: 'Champion stops responding to MAP updates: Deal is deprioritized internally',
  slipping: 'Steps keep slipping by 1-2 weeks: Internal process is slower than estimated',
  ebOverdue: "EB won't schedule the business case meeting: EB is not bought in or deal isn't a priority",
  scope: 'New steps get added mid-process: Scope creep or new stakeholders emerged',
  risks: '"Security review takes > 3 weeks" → "Send security docs proactively. Offer to brief IT directly"',
  dependencies: 'Every step has an owner, a deadline, and a dependency. When a step slips, both sides know immediately',
} as const;

const SAY = {
  oneSided: "What am I missing? What steps does your team need that I haven't listed?",
  noCriteria:
    "If the evaluation goes perfectly, what would you need to see to feel confident saying yes? I want to make sure we're aligned on what success looks like.",
  deadPlan: "I noticed we haven't updated the plan in 2 weeks. Has anything changed on your end?",
  championSilent: "Is the timeline still realistic? If priorities shifted, I'd rather know now",
  slipping: "What's causing the delay? Can I help unblock anything?",
  newScope: 'Any new stakeholders or requirements that have come up?',
} as const;

// ─── Entry point ─────────────────────────────────────────────────────────────────────────────

/** Checks the plan against the method. Pure; never throws on anything a person can type. */
export function checkHealth(input: HealthInput): Finding[] {
  const check = new Check(input);
  const findings = check.run();
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

/** Document order: body index, then row and column; no place last. */
function comparePlaces(a: DocumentPlace | null, b: DocumentPlace | null): number {
  const key = (p: DocumentPlace | null): number[] =>
    p === null ? [Infinity, 0, 0] : p.kind === 'cell' ? [p.tableIndex, p.row, p.column] : [p.index, 0, 0];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

// ─── The checks ──────────────────────────────────────────────────────────────────────────────

type Omitted = Omit<Finding, 'rule' | 'severity'>;

class Check {
  private readonly plan: ParsedPlan;
  private readonly history: PlanHistory | null;
  private readonly deal: DealFacts;
  private readonly today: IsoDate;
  private readonly calendar: WorkCalendar;
  private readonly format: (iso: IsoDate) => string;
  private readonly us: string;
  private readonly them: string;
  private readonly companies: string[];
  private readonly economicBuyer: ParsedStakeholder | null;
  private readonly champion: ParsedStakeholder | null;
  private readonly open: ParsedStep[];
  private readonly findings: Finding[] = [];

  constructor(input: HealthInput) {
    this.plan = input.plan;
    this.history = input.history;
    this.deal = input.deal;
    this.today = input.today;
    this.calendar = input.calendar ?? WORKING_DAYS;
    this.format = input.formatDate ?? ((iso) => formatPlanDate(iso, 'en_US'));
    const companies = input.plan.title ? companiesFromTitle(input.plan.title) : null;
    this.us = companies?.yourCompany ?? 'your team';
    this.them = companies?.theirCompany ?? 'the prospect';
    this.companies = companies ? [companies.yourCompany, companies.theirCompany] : [];
    this.economicBuyer = findPerson(input.plan.stakeholders, isEconomicBuyer);
    this.champion = findPerson(input.plan.stakeholders, isChampion);
    this.open = input.plan.steps.filter((s) => s.status !== 'complete');
  }

  run(): Finding[] {
    const closeDateLate = this.keyDates();
    this.noDates();
    this.noOwner();
    this.oneSided();
    this.placeholders();
    this.roleOwners();
    this.noEconomicBuyer();
    this.criteria();
    this.risks();
    this.dependencies();
    this.stage();
    this.overkill();
    if (this.history) {
      const dead = this.deadPlan(this.history);
      if (!dead) this.championSilent(this.history);
      this.slipping(this.history);
      this.scope(this.history, closeDateLate);
    }
    this.ebOverdue();
    return this.findings;
  }

  private add(rule: RuleId, severity: Severity, finding: Omitted): void {
    this.findings.push({ rule, severity, ...finding });
  }

  /** Where a part of the plan starts (see ParsedPlan.sections): a table's first cell, or the section's opening line. */
  private sectionPlace(section: PlanSection): DocumentPlace | null {
    const index = this.plan.sections?.[section];
    if (index === undefined) return null;
    return section === 'steps' || section === 'stakeholders' || section === 'risks'
      ? { kind: 'cell', tableIndex: index, row: 0, column: 0 }
      : { kind: 'paragraph', index };
  }

  // --- Dates ---

  /** The decision target and go-live against the steps; returns whether the decision target is late. */
  private keyDates(): boolean {
    const decision = this.plan.keyDates.decisionTarget;
    if (!decision || decision.date === null) {
      const written = decision?.valueText.trim();
      this.add('no-decision-target', 'warning', {
        title: 'No decision target',
        method: `The method's goal: "... ${METHOD.decisionTarget}." ${METHOD.closeDate}.`,
        detail: decision
          ? written
            ? `The decision target reads "${written}", which is not a date.`
            : 'The decision target line has no date.'
          : 'The Key dates section has no decision target.',
        action: 'Agree the go/no-go decision date with the champion and write it as a date: "Decision target: Mar 31, 2026".',
        say: null,
        place: decision ? { kind: 'paragraph', index: decision.paragraphIndex } : this.sectionPlace('keyDates'),
      });
    }
    const forecast = forecastSteps(this.plan.steps, this.today);
    let late = false;
    for (const name of ['decisionTarget', 'goLiveTarget'] as const) {
      const line = this.plan.keyDates[name];
      const step = keyDateStep(this.plan, name);
      if (!forecast || !line || line.date === null || !step || step.status === 'complete') continue;
      const at = forecast.get(step.key);
      if (!at || at.date === null || compareDates(at.date, line.date) <= 0) continue;
      if (name === 'decisionTarget') late = true;
      this.lateKeyDate(name, line.date, line.paragraphIndex, step, at.date, chainOf(forecast, step.key));
    }
    return late;
  }

  private lateKeyDate(name: KeyDateName, target: IsoDate, paragraphIndex: number, step: ParsedStep, earliest: IsoDate, chain: Forecast[]): void {
    const decision = name === 'decisionTarget';
    const lateBy = Math.max(1, workingDaysBetween(target, earliest, this.calendar));
    const label = decision ? 'decision target' : 'go-live target';
    const root = chain[0]?.step ?? step;
    const rootOverdue = chain[0]?.overdue ?? false;
    const due = root.due === null ? '' : `, due ${this.format(root.due)}${rootOverdue ? ' and still not complete' : ''}`;
    const cause =
      root.key !== step.key
        ? ` It is driven by ${stepName(root)}${due}: steps ${chain.map((c) => c.step.number).join(' → ')}.`
        : rootOverdue
          ? ` It was due ${this.format(root.due ?? this.today)} and is still not complete.`
          : '';
    const who = this.champion && isNamed(this.champion) ? this.champion.name : this.them;
    const sooner = rootOverdue
      ? `when ${stepName(root)} will be done`
      : root.key !== step.key
        ? `how to finish ${stepName(root)} sooner`
        : `an earlier date for ${stepName(step)}`;
    this.add(decision ? 'close-date' : 'go-live-date', decision ? 'critical' : 'warning', {
      title: decision ? 'The decision target is not realistic' : 'The go-live target is not realistic',
      method: decision ? `${METHOD.closeDate}.` : `${METHOD.downstream}.`,
      detail:
        `The steps put ${stepName(step)} on ${this.format(earliest)} at the earliest, ` +
        `${this.dayCount(lateBy)} after the ${label} of ${this.format(target)}.${cause}`,
      action: `Move the ${label} to ${this.format(earliest)} or later, or agree with ${who} ${sooner}.`,
      say: null,
      place: { kind: 'paragraph', index: paragraphIndex },
    });
  }

  private noDates(): void {
    const undated = this.open.filter((s) => s.due === null);
    if (undated.length === 0) return;
    const none = this.plan.steps.every((s) => s.due === null);
    this.add('no-dates', none ? 'critical' : 'warning', {
      title: none ? 'No step has a date' : 'Steps without a date',
      method: `${METHOD.noDates}.`,
      detail: none
        ? `None of the ${count(this.plan.steps.length, 'step')} has a due date.`
        : `${capital(listSteps(undated))} ${undated.length === 1 ? 'has' : 'have'} no due date.`,
      action: 'Agree a date for each with its owner and write it in the Due date column.',
      say: null,
      place: stepPlace(undated[0], 'due'),
    });
  }

  private noOwner(): void {
    const ownerless = this.open.filter((s) => s.owner.trim() === '');
    if (ownerless.length === 0) return;
    this.add('no-owner', 'warning', {
      title: 'Steps without an owner',
      method: `${METHOD.noOwner}.`,
      detail: `${capital(listSteps(ownerless))} ${ownerless.length === 1 ? 'has' : 'have'} no owner.`,
      action: 'Agree who does each one and write their name in the Owner column.',
      say: null,
      place: stepPlace(ownerless[0], 'owner'),
    });
  }

  /** "MAP that only lists your steps." Shared steps count half for each side. */
  private oneSided(): void {
    const known = this.plan.steps.filter((s) => s.side !== 'unknown');
    if (known.length === 0) return;
    const ours = known.filter((s) => s.side === 'ours').length;
    const theirs = known.filter((s) => s.side === 'theirs').length;
    const both = known.filter((s) => s.side === 'both').length;
    const first = this.plan.steps[0];
    const action =
      `Add ${possessive(this.them)} steps in their words ("Champion presents business case to VP", "Procurement reviews contract"), ` +
      'including their internal steps such as stakeholder alignment and budget committee review.';
    if (theirs + both === 0) {
      this.add('one-sided', 'critical', {
        title: 'Only your steps',
        method: `${METHOD.oneSided}.`,
        detail: `All ${count(known.length, 'step')} with a known owner ${known.length === 1 ? 'is' : 'are'} ${possessive(this.us)}; none is ${possessive(this.them)} or shared.`,
        action,
        say: SAY.oneSided,
        place: stepPlace(first, 'owner'),
      });
      return;
    }
    const theirShare = theirs + both / 2;
    const ourShare = ours + both / 2;
    if (ours >= 2 && theirShare * 2 < ourShare) {
      const shared = both > 0 ? `, and ${count(both, 'step')} ${both === 1 ? 'is' : 'are'} shared` : '';
      this.add('one-sided', 'warning', {
        title: 'Few of their steps',
        method: `${METHOD.oneSided}.`,
        detail: `${capital(this.them)} owns ${count(theirs, 'step')} and ${this.us === 'your team' ? 'you own' : `${this.us} owns`} ${ours}${shared}.`,
        action,
        say: SAY.oneSided,
        place: stepPlace(first, 'owner'),
      });
    }
  }

  // --- People ---

  /** Bracketed placeholders the seller still has to fill in; the success criteria have their own rules. */
  private placeholders(): void {
    const found = new Map<string, string[]>();
    let place: DocumentPlace | null = null;
    // The first placeholder in the document, whichever part it is in.
    const at = (p: DocumentPlace | null): void => {
      if (p !== null && (place === null || comparePlaces(p, place) < 0)) place = p;
    };
    const note = (text: string, where: string, p: DocumentPlace | null): void => {
      for (const placeholder of placeholdersIn(text)) {
        const wheres = found.get(placeholder) ?? [];
        if (!wheres.includes(where)) wheres.push(where);
        found.set(placeholder, wheres);
        at(p);
      }
    };
    const plan = this.plan;
    if (plan.goal) note(plan.goal, 'the goal', this.sectionPlace('goal'));
    for (const name of ['evaluationStart', 'decisionTarget', 'goLiveTarget'] as const) {
      const line = plan.keyDates[name];
      if (line) note(line.text, 'the key dates', { kind: 'paragraph', index: line.paragraphIndex });
    }
    const stepsWith = new Map<string, number[]>();
    for (const s of plan.steps) {
      for (const [column, text] of [['action', s.action], ['owner', s.owner]] as const) {
        for (const p of placeholdersIn(text)) {
          const numbers = stepsWith.get(p) ?? [];
          if (!numbers.includes(s.number)) numbers.push(s.number);
          stepsWith.set(p, numbers);
          at(stepPlace(s, column));
        }
      }
    }
    for (const [p, numbers] of stepsWith) {
      found.set(p, [`${numbers.length === 1 ? 'step' : 'steps'} ${listWords(numbers.map(String))}`, ...(found.get(p) ?? [])]);
    }
    for (const person of plan.stakeholders) note(`${person.name} ${person.title} ${person.responsibility}`, 'the Stakeholders table', cellPlace(person.cell));
    for (const risk of plan.risks) note(`${risk.risk} ${risk.impact} ${risk.mitigation}`, 'the Risks table', cellPlace(risk.cell));
    if (found.size === 0) return;
    const shown = [...found].slice(0, 5).map(([p, wheres]) => `${p} (${listWords(wheres)})`);
    const more = found.size > 5 ? `, and ${found.size - 5} more` : '';
    this.add('placeholders', 'warning', {
      title: 'Placeholders still to fill in',
      method: `${METHOD.namePeople}.`,
      detail: `Still to fill in: ${shown.join('; ')}${more}.`,
      action: 'Find out who or what each one is and write it in, with each person\'s title in the Stakeholders table.',
      say: null,
      place,
    });
  }

  private roleOwners(): void {
    const people = this.plan.stakeholders.filter(isNamed).map((p) => p.name);
    const flagged = this.open.filter((s) => s.owner.trim() !== '' && !/[[\]]/.test(s.owner) && ownerKind(s.owner, people, this.companies) === 'role');
    if (flagged.length === 0) return;
    const theirsToo = flagged.some((s) => s.side === 'theirs' || s.side === 'both');
    const detail =
      flagged.length <= 3
        ? `${capital(listWords(flagged.map((s) => `${stepName(s)} is owned by "${s.owner.trim()}"`)))}: a team or role, not a person.`
        : `${capital(count(flagged.length, 'step'))} name a team or role instead of a person: steps ${listWords(flagged.map((s) => String(s.number)))}.`;
    this.add('role-owners', theirsToo ? 'warning' : 'info', {
      title: 'Steps owned by a role, not a person',
      method: `${METHOD.namePeople}.`,
      detail,
      action: 'Ask who on each team owns the step and write their name, e.g. "Tom Price (Globex procurement)".',
      say: null,
      place: stepPlace(flagged[0], 'owner'),
    });
  }

  private noEconomicBuyer(): void {
    const eb = this.economicBuyer;
    if (eb && isNamed(eb)) return;
    this.add('no-economic-buyer', 'warning', {
      title: 'No economic buyer named',
      method: `${METHOD.economicBuyer}.`,
      detail: eb
        ? `The economic buyer is still "${eb.name.trim() || 'unnamed'}" in the Stakeholders table.`
        : this.plan.stakeholders.length === 0
          ? 'The plan has no Stakeholders table, so nobody is named as the economic buyer.'
          : 'Nobody in the Stakeholders table is the economic buyer: the person who approves the budget.',
      action: `Ask ${this.champion && isNamed(this.champion) ? this.champion.name : 'the champion'} who approves the budget, add them to the Stakeholders table with their title ("Budget approval. Business case sign-off"), and share the plan with them.`,
      say: null,
      place: eb ? cellPlace(eb.cell) : this.sectionPlace('stakeholders'),
    });
  }

  // --- Success criteria ---

  private criteria(): void {
    const lines = this.plan.successCriteria;
    // The paragraph of the first (or last) line that passes the test, by position: two lines may read the same.
    const lineWhere = (test: (line: string) => boolean, last = false): DocumentPlace | null => {
      const order = lines.map((_, i) => i);
      const i = (last ? order.reverse() : order).find((k) => test(lines[k] ?? ''));
      const index = i === undefined ? undefined : this.plan.successCriteriaPlaces[i];
      return index === undefined ? null : { kind: 'paragraph', index };
    };
    const isDraft = (l: string): boolean => !isNextStepLine(l) && placeholdersIn(l).length > 0;
    const nextSteps = lines.filter(isNextStepLine);
    const criteria = lines.filter((l) => !isNextStepLine(l));
    const drafts = criteria.filter((c) => placeholdersIn(c).length > 0);
    const agreed = criteria.filter((c) => placeholdersIn(c).length === 0);

    if (agreed.length === 0) {
      this.add('no-criteria', 'warning', {
        title: drafts.length > 0 ? 'Success criteria not agreed yet' : 'No success criteria',
        method: `${METHOD.noCriteria}.`,
        detail:
          drafts.length > 0
            ? `${drafts.length === 1 ? 'The success criterion is' : `The ${drafts.length} success criteria are`} still the draft's placeholders: ${this.them} has not agreed any yet.`
            : 'The plan has no success criteria.',
        action: `Agree with ${this.them} what they need to see to say yes, as pass/fail criteria, e.g. "Reply rates improve by 30% in a 2-week pilot".`,
        say: SAY.noCriteria,
        place: drafts.length > 0 ? lineWhere(isDraft) : this.sectionPlace('successCriteria'),
      });
    } else {
      const vague = agreed.filter((c) => !isMeasurable(c));
      if (vague.length > 0 || drafts.length > 0) {
        const parts: string[] = [];
        if (vague.length > 0) {
          parts.push(
            `${listWords(vague.slice(0, 3).map((c) => `"${clipText(c, 60)}"`))}${vague.length > 3 ? ` and ${vague.length - 3} more` : ''} ` +
              `${vague.length === 1 ? 'has' : 'have'} no number, threshold or pass/fail test`,
          );
        }
        if (drafts.length > 0) parts.push(`${count(drafts.length, 'criterion', 'criteria')} ${drafts.length === 1 ? 'is' : 'are'} still a placeholder nobody has agreed`);
        this.add('vague-criteria', 'warning', {
          title: 'Criteria that are not pass/fail',
          method: `${METHOD.measurable}.`,
          detail: `${capital(parts.join('; '))}.`,
          action: 'Rewrite each as a test that passes or fails, with a number where there is one: "Reply rates improve by 30% in a 2-week pilot".',
          say: null,
          place: lineWhere((l) => isDraft(l) || (!isNextStepLine(l) && !isMeasurable(l))),
        });
      }
    }

    if (criteria.length === 0) return;
    const line = nextSteps[nextSteps.length - 1];
    const n = criteria.length;
    // The method asks about its own three criteria; the question counts this plan's.
    const which = n === 1 ? 'the criterion passes' : n === 2 ? 'both criteria pass' : `all ${n <= 10 ? NUMBER_WORDS[n] : 'the'} criteria pass`;
    const say = `If ${which}, what's the next step?`;
    let detail: string | null = null;
    if (line === undefined) detail = 'The success criteria do not say what happens when they pass.';
    else if (placeholdersIn(line).length > 0) detail = `"${clipText(line, 80)}" still has its placeholder: nobody has agreed what happens when the criteria pass.`;
    else if (STALLING.test(line)) detail = `"${clipText(line, 80)}" is not a next step: it leaves the decision open after the criteria pass.`;
    else if (!NEXT_MOVE.test(line)) detail = `"${clipText(line, 80)}" does not say what both sides move to when the criteria pass.`;
    if (detail === null) return;
    this.add('no-next-step', 'warning', {
      title: 'No agreed next step if the criteria pass',
      method: `${METHOD.nextStep}.`,
      detail,
      action: 'Agree it with the champion and write it under the criteria: "If all criteria pass, next step: we move to contract".',
      say,
      // The line the check read; without one, the last criterion, since the line goes right under it.
      place: line === undefined ? lineWhere((l) => !isNextStepLine(l), true) : lineWhere(isNextStepLine, true),
    });
  }

  // --- Risks and dependencies ---

  private risks(): void {
    const bare = this.plan.risks.filter((r) => r.risk.trim() !== '' && isEmptyMitigation(r.mitigation));
    if (bare.length === 0) return;
    const names = bare.slice(0, 3).map((r) => `"${clipText(r.risk, 60)}"`);
    const more = bare.length > 3 ? ` and ${bare.length - 3} more` : '';
    this.add('risk-no-mitigation', 'warning', {
      title: 'Risks without a mitigation',
      method: `The method's risk table pairs every risk with its impact and a mitigation: ${METHOD.risks}.`,
      detail: `${bare.length === 1 ? 'Risk' : 'Risks'} ${listWords(names)}${more} ${bare.length === 1 ? 'has' : 'have'} no mitigation.`,
      action: 'Agree with the champion what each side does to prevent each one, and write it in the Mitigation column.',
      say: null,
      place: cellPlace(bare[0]?.cell),
    });
  }

  private dependencies(): void {
    const sorted = topologicalOrder(this.plan.steps, 'their dates cannot be checked against each other or the decision target');
    const cycles = sorted.problems.filter((p) => p.kind === 'cycle');
    const first = cycles[0];
    if (!first) return;
    const step = this.plan.steps.find((s) => s.number === first.steps[0]);
    this.add('dependencies', 'warning', {
      title: 'Steps that wait for each other',
      method: `${METHOD.dependencies}.`,
      detail: cycles.map((c) => c.message).join(' '),
      action: 'Fix the Depends on column so that each step waits only for steps that can finish before it.',
      say: null,
      place: stepPlace(step, 'dependsOn'),
    });
  }

  // --- The deal ---

  private stage(): void {
    const stage = this.deal.stage;
    if (stage === 'discovery' && this.plan.steps.length > 0) {
      this.add('too-early', 'warning', {
        title: 'Too early for a MAP',
        method: `Discovery: ${METHOD.tooEarly}.`,
        detail: 'The deal is at discovery: fit is not confirmed yet.',
        action: 'Confirm fit first, then walk the champion through the plan at the end of a successful demo or at the start of the evaluation.',
        say: null,
        place: null,
      });
    }
    const checklist = DEAL_TEMPLATES.closing.steps.length;
    if (stage === 'negotiation' && this.deal.dealType !== 'closing' && this.open.length > checklist) {
      this.add('too-late', 'warning', {
        title: 'Too late for a full MAP',
        method: `Negotiation: Too late for full MAP. ${METHOD.tooLate}.`,
        detail: `The deal is at negotiation and the plan still has ${count(this.open.length, 'open step')}, more than the ${checklist}-step closing checklist.`,
        action:
          'Switch to the closing checklist for what is left: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
        say: null,
        place: null,
      });
    }
  }

  private overkill(): void {
    const value = this.deal.annualContractValue;
    if (value === null || !Number.isFinite(value) || value >= MAP_WORTH_IT_FROM) return;
    this.add('overkill', 'info', {
      title: 'A MAP may be more than this deal needs',
      method: `${METHOD.overkill}.`,
      detail: `The annual contract value is ${groupThousands(value)}, under the ${groupThousands(MAP_WORTH_IT_FROM)} from which a MAP adds value.`,
      action: 'Keep the plan if several stakeholders decide; with one decision-maker, a meeting link and the contract will do.',
      say: null,
      place: null,
    });
  }

  // --- Off-track signals from the history ---

  /** Nothing changed and no review held for DEAD_PLAN_DAYS; a finished plan needs no updates. */
  private deadPlan(history: PlanHistory): boolean {
    if (this.open.length === 0) return false;
    const lastReview = history.reviews[history.reviews.length - 1] ?? null;
    const touched = lastReview !== null && compareDates(lastReview, history.lastActivityOn) > 0 ? lastReview : history.lastActivityOn;
    const days = daysBetween(touched, this.today);
    if (days < DEAD_PLAN_DAYS) return false;
    const review = lastReview === null ? 'and there has been no weekly review' : `and the last weekly review was on ${this.format(lastReview)}`;
    const who = this.champion && isNamed(this.champion) ? this.champion.name : 'the champion';
    this.add('dead-plan', 'critical', {
      title: `No updates or reviews for ${days} days`,
      method: `${METHOD.deadPlan}.`,
      detail: `No status or date has changed since ${this.format(history.lastActivityOn)}, ${review}.`,
      action: `Address it directly with ${who}, then update the statuses and dates together.`,
      say: SAY.deadPlan,
      place: null,
    });
    return true;
  }

  private championSilent(history: PlanHistory): void {
    const champion = this.champion;
    if (!champion || !isNamed(champion)) return;
    const people = this.plan.stakeholders.filter(isNamed).map((p) => p.name);
    const theirs = this.plan.steps.filter((s) => mentions(s.owner, champion.name, people));
    const pressing = theirs.filter(
      (s) => s.status !== 'complete' && s.due !== null && workingDaysBetween(this.today, s.due, this.calendar) <= AT_RISK_WORKING_DAYS,
    );
    const first = pressing[0];
    if (!first) return;
    const last = lastMovedOn(history, theirs.map((s) => s.key));
    if (last === null) return;
    const days = daysBetween(last, this.today);
    if (days < CHAMPION_SILENT_DAYS) return;
    this.add('champion-silent', 'warning', {
      title: "The champion's steps have stopped moving",
      method: `${METHOD.championSilent}.`,
      detail: `None of ${possessive(champion.name)} steps has changed since ${this.format(last)} (${days} days), though ${listWords(pressing.map((s) => `${stepName(s)} ${this.dueWords(s)}`))}.`,
      action: `Have a direct conversation with ${champion.name}.`,
      say: SAY.championSilent,
      place: stepPlace(first, 'due'),
    });
  }

  private slipping(history: PlanHistory): void {
    const byKey = new Map(this.open.map((s) => [s.key, s]));
    const slipping = slippingSteps(history, SLIPS_TO_FLAG).flatMap((r) => {
      const step = byKey.get(r.key);
      return step ? [{ step, record: r }] : [];
    });
    if (slipping.length === 0) return;
    const inOrder = [...slipping].sort((a, b) => a.step.row - b.step.row);
    const described = slipping.slice(0, 3).map(({ step, record }) => {
      const moved = record.baselineDue && step.due ? `, from ${this.format(record.baselineDue)} to ${this.format(step.due)}` : '';
      return `${stepName(step)} has slipped ${times(record.slips)}${moved}`;
    });
    const more = slipping.length > 3 ? ` (and ${count(slipping.length - 3, 'more step')})` : '';
    this.add('slipping', 'warning', {
      title: 'Steps keep slipping',
      method: `${METHOD.slipping}.`,
      detail: `${capital(listWords(described))}${more}.`,
      action: 'Adjust dates: when a step slips, move every step after it too (Shift downstream dates), and ask its owner what is in the way.',
      say: SAY.slipping,
      place: stepPlace(inOrder[0]?.step, 'due'),
    });
  }

  /** Steps added since the baseline that no weekly review has covered yet. */
  private scope(history: PlanHistory, closeDateLate: boolean): void {
    const lastReview = history.reviews[history.reviews.length - 1] ?? null;
    const added = this.open.filter((s) => {
      const r = stepOf(history, s.key);
      return r !== null && !r.inBaseline && (lastReview === null || compareDates(r.addedOn, lastReview) > 0);
    });
    const first = added[0];
    if (!first) return;
    const since = lastReview === null ? `the plan began on ${this.format(history.baseline.on)}` : `the last review on ${this.format(lastReview)}`;
    const list = added.slice(0, 3).map((s) => `${stepName(s)} on ${this.format(stepOf(history, s.key)?.addedOn ?? this.today)}`);
    const more = added.length > 3 ? ` and ${count(added.length - 3, 'more step')}` : '';
    const target = this.plan.keyDates.decisionTarget?.date ?? null;
    const holds =
      target === null
        ? ''
        : closeDateLate
          ? ' The decision target no longer holds against the steps.'
          : ` The decision target of ${this.format(target)} still holds against the steps.`;
    this.add('scope', 'info', {
      title: added.length === 1 ? 'A step was added' : 'Steps were added',
      method: `${METHOD.scope}.`,
      detail: `Added since ${since}: ${listWords(list)}${more}.${holds}`,
      action: 'Add the steps. Adjust timeline. Confirm close date is still achievable.',
      say: SAY.newScope,
      place: stepPlace(first, 'action'),
    });
  }

  /** "EB won't schedule the business case meeting": an overdue step the economic buyer owns or is the audience of. */
  private ebOverdue(): void {
    const eb = this.economicBuyer;
    const people = this.plan.stakeholders.filter(isNamed).map((p) => p.name);
    const involves = (s: ParsedStep): boolean =>
      EB_WORDS.test(s.owner) ||
      EB_WORDS.test(s.action) ||
      (eb !== null && eb.name.trim() !== '' && (mentions(s.owner, eb.name, people) || mentions(s.action, eb.name, people)));
    const overdue = this.open.filter((s) => involves(s) && dueSignal(s, this.today, this.calendar) === 'overdue');
    const first = overdue[0];
    if (!first) return;
    const name = eb && isNamed(eb) ? eb.name.trim() : null;
    const via = this.champion && isNamed(this.champion) ? `${this.champion.name}, the champion` : 'the champion';
    this.add('eb-overdue', 'warning', {
      title: "The economic buyer's step is overdue",
      method: `${METHOD.ebOverdue}.`,
      detail: `${capital(listWords(overdue.map((s) => `${stepName(s)} ${this.dueWords(s)}`)))}.`,
      action: `Escalate through ${via}${name ? '' : ', and find out who the economic buyer is'}.`,
      say: `What would help get ${name ?? 'the economic buyer'} to commit 15 minutes?`,
      place: stepPlace(first, 'due'),
    });
  }

  // --- Words ---

  private dayCount(n: number): string {
    return count(n, this.calendar.calendarDays ? 'day' : 'working day');
  }

  /** "is overdue by 3 working days", "is due today", "is due in 2 working days". */
  private dueWords(step: ParsedStep): string {
    if (step.due === null) return 'has no date';
    const d = workingDaysBetween(this.today, step.due, this.calendar);
    if (compareDates(step.due, this.today) < 0) return `is overdue by ${this.dayCount(Math.max(1, -d))}`;
    if (d === 0) return 'is due today';
    return `is due in ${this.dayCount(d)}`;
  }
}

// ─── The close-date forecast ─────────────────────────────────────────────────────────────────

interface Forecast {
  step: ParsedStep;
  /** The earliest day the step can happen; null when neither it nor anything before it has a date. */
  date: IsoDate | null;
  /** The predecessor that holds it back, or null when its own date (or today) does. */
  driver: string | null;
  /** Its own date has passed and it is not complete: it cannot happen before today. */
  overdue: boolean;
}

/**
 * The earliest each step can happen: its own date, or today when that has passed, or the latest
 * of its predecessors' when that is later. A completed step happened on its date and holds
 * nothing back. Null on a circle in Depends on (the dependencies rule reports it).
 */
function forecastSteps(steps: readonly ParsedStep[], today: IsoDate): Map<string, Forecast> | null {
  const sorted = topologicalOrder(steps);
  if (!sorted.ok) return null;
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const out = new Map<string, Forecast>();
  for (const key of sorted.order) {
    const step = byKey.get(key);
    if (!step) continue;
    if (step.status === 'complete') {
      out.set(key, { step, date: step.due, driver: null, overdue: false });
      continue;
    }
    const overdue = step.due !== null && compareDates(step.due, today) < 0;
    let date = overdue ? today : step.due;
    let driver: string | null = null;
    for (const p of step.dependsOn) {
      const pd = out.get(p)?.date ?? null;
      if (pd !== null && (date === null || compareDates(pd, date) > 0)) {
        date = pd;
        driver = p;
      }
    }
    out.set(key, { step, date, driver, overdue: driver === null && overdue });
  }
  return out;
}

/** The steps that drive a step's forecast, first cause first, ending with the step. */
function chainOf(forecast: Map<string, Forecast>, key: string): Forecast[] {
  const chain: Forecast[] = [];
  const seen = new Set<string>();
  let at: string | null = key;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const f = forecast.get(at);
    if (!f) break;
    chain.push(f);
    at = f.driver;
  }
  return chain.reverse();
}

// ─── People and owners ───────────────────────────────────────────────────────────────────────

const EB_ROLE = /\beconomic buyer\b|\bEB\b|\bbudget\b|\bfinal (?:decision|approval|sign[- ]?off)\b/i;
const EB_TITLE = /\b(?:CFO|CEO|chief (?:executive|financial) officer|president)\b/i;
const CHAMPION_ROLE = /\bchampion\b|\bevaluation lead\b|\binternal advocate\b|\bday[- ]to[- ]day\b/i;
const EB_WORDS = /\beconomic buyer\b|\bEB\b/i;

function isEconomicBuyer(p: ParsedStakeholder): boolean {
  return EB_ROLE.test(`${p.title} ${p.responsibility}`) || EB_TITLE.test(p.title) || /\[economic buyer/i.test(p.name);
}

function isChampion(p: ParsedStakeholder): boolean {
  return CHAMPION_ROLE.test(`${p.title} ${p.responsibility}`) || /\[champion/i.test(p.name);
}

/** The prospect's person in that role, a named one before a placeholder. */
function findPerson(people: readonly ParsedStakeholder[], is: (p: ParsedStakeholder) => boolean): ParsedStakeholder | null {
  const candidates = people.filter((p) => p.side !== 'ours' && is(p));
  return candidates.find(isNamed) ?? candidates[0] ?? null;
}

function isNamed(p: ParsedStakeholder): boolean {
  return p.name.trim() !== '' && placeholdersIn(p.name).length === 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Whether the text names the person: their full name, or a first or last name nobody else in the table has. */
function mentions(text: string, name: string, everyone: readonly string[]): boolean {
  const full = name.trim().replace(/\s+/g, ' ');
  if (full === '') return false;
  if (wholeWord(text.replace(/\s+/g, ' '), full)) return true;
  if (/[[\]]/.test(full)) return false;
  const others = everyone.filter((n) => n.trim().toLowerCase() !== full.toLowerCase()).flatMap((n) => n.toLowerCase().split(/\s+/));
  return full.split(' ').some((part) => part.length > 2 && !others.includes(part.toLowerCase()) && wholeWord(text, part));
}

/** Words that name a role, a team or a function, not a person (compared in lower case). */
const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'champion eb economic buyer buyers signer signers signatory authorized authorised legal counsel lawyer lawyers procurement purchasing ' +
    'sourcing vendor vendors supplier management manager managers finance it security infosec cs csm customer customers success team teams ' +
    'sales vp svp evp avp director directors head chief cfo cio cto ciso coo ceo cro cmo ae se sa sdr bdr rep reps engineering engineer engineers ' +
    'product ops operations admin admins administrator stakeholder stakeholders committee board exec execs executive executives sponsor lead leads ' +
    'owner owners department dept group partner partners implementation onboarding services professional support hr marketing prospect client ' +
    'clients user users evaluator evaluators technical solutions solution consultant consultants architect architects account compliance risk data ' +
    'privacy dpo infra infrastructure devops approver approvers reviewer reviewers office pmo project program programme steering staff desk deal ' +
    'contracts contract accounting treasury controller controllers analyst analysts specialist specialists officer officers coordinator'
  ).split(' '),
);
const STOP_WORDS: ReadonlySet<string> = new Set('the a an our their your we they them us and or with from of for to on by at in both all sends reviews review tbd'.split(' '));
const JOINT = /^(?:both|jointly|joint|together|everyone|all|all parties|both sides|both parties)$/i;

/**
 * What an owner cell names: a person (someone is accountable), a role or team only, or nothing
 * the check can tell. Shared "Both" counts as a person: it is the method's own word.
 */
function ownerKind(owner: string, people: readonly string[], companies: readonly string[]): 'person' | 'role' | 'unclear' {
  const parts = splitOwners(owner);
  if (parts.length === 0) return 'unclear';
  const companyWords = new Set(companies.flatMap((c) => c.toLowerCase().split(/\s+/)).filter(Boolean));
  let role = false;
  for (const part of parts) {
    if (JOINT.test(part.trim())) return 'person';
    if (people.some((name) => mentions(part, name, people))) return 'person';
    for (const word of part.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean)) {
      const lower = word.toLowerCase().replace(/['’]s$/, '');
      if (ROLE_WORDS.has(lower) || companyWords.has(lower)) {
        role = true;
        continue;
      }
      // A capitalised word that is no role, team or company word reads as a name ("Jordan").
      if (!STOP_WORDS.has(lower) && /^\p{Lu}\p{Ll}/u.test(word)) return 'person';
    }
  }
  return role ? 'role' : 'unclear';
}

// ─── Criteria ────────────────────────────────────────────────────────────────────────────────

const NEXT_STEP_LINE = /\bnext step\b|^(?:if|once|when)\b.*\bcriteri(?:a|on)\b/i;
const NEXT_MOVE =
  /\b(?:proposal|contract|sign|signs|signed|signature|signing|purchase|order|PO|procurement|legal|roll ?out|deploy|buy|go[- ]live|onboard\w*|negotiat\w*|agreement|paperwork|approv\w*|commit\w*|move (?:forward|to)|moves (?:forward|to)|proceed\w*)\b/i;
const STALLING = /\b(?:discuss\w*|think|revisit|reconsider|consider|reconvene|regroup|further evaluation|evaluate further|decide later|tbd|to be decided|to be determined)\b/i;

function isNextStepLine(line: string): boolean {
  return NEXT_STEP_LINE.test(line);
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const COUNT_WORD =
  /\b(?:zero|no|none|half|double|twice|triple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|percent|per cent)\b/i;
const THRESHOLD =
  /\b(?:under|over|below|above|within|at least|at most|less than|more than|fewer than|no more than|up to|or (?:more|less|fewer|better|faster|higher|lower)|faster than|better than|exceeds?|reach(?:es)?|hits?|target)\b/i;
const YES_NO =
  /\b(?:pass(?:es|ed)?|works? (?:in|with|on|for|across|against|end[- ]to[- ]end)|integrat(?:es?|ed)|connects? (?:to|with)|syncs?|approv(?:e|es|ed|al)|signs? off|signed off|sign-off|meets? (?:(?:our|the|all|every) )?(?:[\w-]+ ){0,3}(?:requirements?|standards?|criteria|sla|policy|policies)|complies|compliant|certified|completes?|completed|supports?)\b/i;

/** Pass/fail: a number, a number or threshold word, or a yes/no verb (see Decisions). */
/** "3 findings: 1 critical, 2 warnings." or "The plan follows the method: no findings." */
export function healthSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'The plan follows the method: no findings.';
  const counts = (['critical', 'warning', 'info'] as const)
    .map((severity) => ({ severity, n: findings.filter((f) => f.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => (severity === 'warning' ? `${n} warning${n === 1 ? '' : 's'}` : severity === 'info' ? `${n} note${n === 1 ? '' : 's'}` : `${n} critical`));
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
}

export function isMeasurable(criterion: string): boolean {
  return /\d/.test(criterion) || COUNT_WORD.test(criterion) || THRESHOLD.test(criterion) || YES_NO.test(criterion);
}

function isEmptyMitigation(text: string): boolean {
  const t = text.trim();
  return t === '' || placeholdersIn(t).length > 0 || /^(?:tbd|tbc|n\/?a|none|-+|–|—|\?+)$/i.test(t);
}

// ─── Small helpers ───────────────────────────────────────────────────────────────────────────

/** "[Economic buyer name]", "[Title]": bracketed text with a letter in it. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\[[^\][]*\p{L}[^\][]*\]/gu) ?? [])];
}

function cellPlace(ref: CellRef | null | undefined): DocumentPlace | null {
  return ref ? { kind: 'cell', tableIndex: ref.tableIndex, row: ref.row, column: ref.column } : null;
}

/** The step's cell in that column, else its action or number cell, so the sidebar can still select the row. */
function stepPlace(step: ParsedStep | undefined, column: StepColumn): DocumentPlace | null {
  if (!step) return null;
  return cellPlace(step.cells[column] ?? step.cells.action ?? step.cells.number);
}

function clipText(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function stepName(step: ParsedStep): string {
  const action = clipText(step.action, 60);
  return action ? `step ${step.number} (${action})` : `step ${step.number}`;
}

/** Up to three steps by name, more by number only. */
function listSteps(steps: readonly ParsedStep[]): string {
  if (steps.length <= 3) return listWords(steps.map(stepName));
  return `steps ${listWords(steps.map((s) => String(s.number)))}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function possessive(name: string): string {
  if (name === 'your team') return 'yours';
  if (name === 'the prospect') return "the prospect's";
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
