/** Drafts a pre-filled Mutual Action Plan from the Insert form, with the method's advice for this deal. */
import { addDays, addWorkingDays, compareDates, isIsoDate, isWorkingDay, rollForward, WORKING_DAYS } from '../scheduling/calendar';
import type { WorkCalendar } from '../scheduling/calendar';
import type { FieldErrors, Guidance, InsertForm, IsoDate, Plan, Risk, Role, Stakeholder, Step, TheirWords } from '../plan';
import { problemPhrase, quarterPlanning } from './draft-words';
import { stepKind } from '../metrics/step-kinds';
import { DEFAULT_THEIR_WORDS, DEAL_TEMPLATES } from './templates';
import type { TemplateText } from './templates';
import { hasOwn } from '../records';

export interface DraftOptions {
  /** Today in the seller's time zone: a plan cannot promise a decision that has already passed. */
  today: IsoDate;
  /** Which days count as working days; Monday to Friday without holidays by default. */
  calendar?: WorkCalendar;
  /** How dates read in the goal sentence and in messages; ISO `YYYY-MM-DD` by default. */
  formatDate?: (iso: IsoDate) => string;
}

export type DraftResult =
  | { ok: true; plan: Plan; guidance: Guidance[]; placeholders: string[] }
  | { ok: false; errors: FieldErrors; guidance: Guidance[] };

/** Below this annual value the method calls a MAP overkill ("A MAP adds value for deals > $20K"). */
export const MAP_WORTH_IT_FROM = 20_000;

/** Placeholders for people the seller has not named, as they appear in the document. */
export const PERSON_PLACEHOLDERS: Readonly<Record<Role | 'authorizedSigner', string>> = {
  champion: '[Champion name]',
  economicBuyer: '[Economic buyer name]',
  technicalEvaluator: '[Technical evaluator name]',
  accountExecutive: '[Account executive name]',
  solutionsEngineer: '[Solutions engineer name]',
  authorizedSigner: '[Authorized signer name]',
};

const PERSON_WORDS: Readonly<Record<Role | 'authorizedSigner', string>> = {
  champion: 'the champion',
  economicBuyer: 'the economic buyer',
  technicalEvaluator: 'the technical evaluator',
  accountExecutive: 'your account executive',
  solutionsEngineer: 'your solutions engineer',
  authorizedSigner: 'the authorized signer',
};

export const TITLE_PLACEHOLDER = '[Title]';
export const NEXT_STEP_PLACEHOLDER = '[proposal / contract]';

const OUR_ROLES: ReadonlySet<Role> = new Set(['accountExecutive', 'solutionsEngineer']);

/** The method's stakeholder table, in its order, with each role's responsibility in this evaluation. */
const STAKEHOLDER_ROLES: readonly { role: Role; responsibility: string }[] = [
  { role: 'champion', responsibility: 'Day-to-day evaluation lead. Internal advocate' },
  { role: 'economicBuyer', responsibility: 'Budget approval. Business case sign-off' },
  { role: 'technicalEvaluator', responsibility: 'Security review. Integration validation' },
  { role: 'accountExecutive', responsibility: 'Commercial lead. Pricing, proposal, negotiation' },
  { role: 'solutionsEngineer', responsibility: 'Technical support. Demo, POC, integration' },
];

/**
 * The line where the prospect records agreeing to the plan, right after the key dates: the method's
 * "The prospect must edit or approve the MAP". The health check reads it (one-sided plan).
 */
export function agreedByLine(theirCompany: string): string {
  return `Agreed by: [Name and title], ${theirCompany}, [date agreed]`;
}

/**
 * The method's three typical risks, each already paired with its mitigation; the competing
 * priority names the quarter planning this plan's own dates run into (the method's "Q3 planning"
 * is its example, wrong in a December-April plan).
 */
function typicalRisks(planning: string): Risk[] {
  return [
  {
    risk: 'Security review takes > 3 weeks',
    impact: 'Delays decision by 3 weeks',
    mitigation: 'Send security docs proactively. Offer to brief IT directly',
  },
  {
    risk: 'EB unavailable for business case meeting',
    impact: "Can't get budget approval",
    mitigation: 'Schedule 2 weeks out. Get on calendar now',
  },
  {
    risk: `Competing priority (${planning}) delays evaluation`,
    impact: 'Evaluation pauses',
    mitigation: `Align MAP timeline to avoid the ${planning} conflict`,
  },
  ];
}

/**
 * Drafts the plan the seller walks the prospect through: pre-filled, not a blank template
 * (the method: "a blank template feels like homework"), with visible placeholders wherever
 * the seller still has to find something out. Refuses dates the steps make impossible: a
 * close date nobody believes makes the plan fiction.
 */
export function draftPlan(form: InsertForm, options: DraftOptions): DraftResult {
  const calendar = options.calendar ?? WORKING_DAYS;
  const format = options.formatDate ?? ((iso: IsoDate) => iso);
  const guidance = adviseOn(form);
  if (!isIsoDate(form.evaluationStart)) {
    return { ok: false, errors: { evaluationStart: 'The evaluation start must be a date, like 2026-03-02.' }, guidance };
  }

  const template = DEAL_TEMPLATES[form.dealType];
  const writer = new Writer(form);
  // A seller inserting after the demo has had it. The discovery and demo row stays, so the prospect
  // sees where the evaluation began and the next step still follows it (its date is kept: the
  // schedule counts from it), but as Complete: a plan that opens with a pending step both sides
  // know is done reads as a template nobody looked at. At discovery it is still to do.
  const demoDone = form.dealStage !== 'discovery';
  const steps: Step[] = template.steps.map((stepTemplate, index) => {
    const done = demoDone && stepKind(stepTemplate.action) === 'discovery';
    return {
      number: index + 1,
      action: sentenceCase(writer.fill(stepTemplate.action, 'action')),
      owner: writer.fill(stepTemplate.owner.text, 'owner'),
      side: stepTemplate.owner.side,
      due: weekEnd(form.evaluationStart, stepTemplate.weeks[1], calendar),
      status: done ? 'complete' : 'pending',
      dependsOn: [...stepTemplate.dependsOn],
    };
  });

  const signatureDue = dueOf(steps, template.signatureStep);
  const goLiveDue = dueOf(steps, template.goLiveStep);
  const errors = checkTargets(form, options.today, format, {
    signature: { number: template.signatureStep, due: signatureDue },
    goLive: { number: template.goLiveStep, due: goLiveDue },
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors, guidance };

  const decisionTarget = form.decisionTarget ?? signatureDue;
  const goLiveTarget = form.goLiveTarget ?? goLiveDue;

  const stakeholders: Stakeholder[] = STAKEHOLDER_ROLES.map(({ role, responsibility }) => {
    const person = form.people[role];
    return {
      name: person.name || writer.placeholder(PERSON_PLACEHOLDERS[role], role),
      title: person.title || writer.placeholder(TITLE_PLACEHOLDER),
      responsibility,
      side: OUR_ROLES.has(role) ? 'ours' : 'theirs',
    };
  });

  const problem = problemPhrase(form.problem, [form.theirCompany, form.yourCompany, form.product]);
  // The method: criteria are agreed with the prospect, so these stay visible placeholders,
  // shaped by its examples (technical, performance, ROI) and this deal's product and problem.
  const successCriteria = [
    writer.placeholder(`[Criterion 1: e.g. "${form.product} integrates with our systems and works in our environment"]`),
    writer.placeholder(`[Criterion 2: e.g. "In a 2-week pilot, ${form.product} shows a measured 30% improvement on what matters here: ${problem.phrase}"]`),
    writer.placeholder(`[Criterion 3: e.g. "${form.product} pays back in under 6 months"]`),
    // "Agree on what happens if criteria are met": otherwise criteria become stalling mechanisms.
    `If all criteria pass, next step: ${writer.placeholder(NEXT_STEP_PLACEHOLDER)}`,
  ];

  const plan: Plan = {
    title: `Mutual Action Plan: ${form.yourCompany} + ${form.theirCompany}`,
    yourCompany: form.yourCompany,
    theirCompany: form.theirCompany,
    goal: `${form.theirCompany} evaluates ${form.product} ${problem.inGoal} and makes a go/no-go decision by ${format(decisionTarget)}.`,
    keyDates: { evaluationStart: form.evaluationStart, decisionTarget, goLiveTarget },
    steps,
    stakeholders,
    successCriteria,
    risks: typicalRisks(quarterPlanning(form.evaluationStart, goLiveTarget ?? decisionTarget)),
  };

  const unnamed = writer.unnamedPeople();
  if (unnamed.length > 0) guidance.push(nameThePeople(unnamed));
  return { ok: true, plan, guidance, placeholders: writer.placeholders() };
}

/**
 * Week N of the plan ends on its 5N-th weekday, counting the evaluation start as day 1 (a start
 * on a weekend or holiday counts from the next working day). Weeks keep the method's rhythm (each
 * ends on the same weekday); a week that ends on a holiday is due the working day before it, so
 * no step is due on Christmas Day. With calendar days a week is seven days.
 */
function weekEnd(start: IsoDate, week: number, calendar: WorkCalendar): IsoDate {
  if (calendar.calendarDays) return addWorkingDays(start, week * 7 - 1, calendar);
  let end = addWorkingDays(rollForward(start, calendar), week * 5 - 1, WORKING_DAYS);
  while (!isWorkingDay(end, calendar)) end = addDays(end, -1);
  return end;
}

function dueOf(steps: readonly Step[], number: number): IsoDate {
  const due = steps[number - 1]?.due;
  if (!due) throw new Error(`Template has no step ${number}`);
  return due;
}

interface Milestones {
  signature: { number: number; due: IsoDate };
  goLive: { number: number; due: IsoDate };
}

function checkTargets(form: InsertForm, today: IsoDate, format: (iso: IsoDate) => string, milestones: Milestones): FieldErrors {
  const errors: FieldErrors = {};
  const { signature, goLive } = milestones;
  const decision = form.decisionTarget;
  if (decision !== null) {
    if (!isIsoDate(decision)) errors.decisionTarget = 'The decision target must be a date, like 2026-03-02.';
    else if (compareDates(decision, signature.due) < 0) {
      errors.decisionTarget =
        `The steps put contract signature (step ${signature.number}) on ${format(signature.due)}, ` +
        `so a decision by ${format(decision)} is not realistic. Choose ${format(signature.due)} or later, or start the evaluation earlier.`;
    } else if (compareDates(decision, today) < 0) {
      errors.decisionTarget = `The decision target ${format(decision)} has already passed. Choose a date from today on.`;
    }
  } else if (compareDates(signature.due, today) < 0) {
    errors.evaluationStart =
      `With this evaluation start the steps put contract signature (step ${signature.number}) on ${format(signature.due)}, ` +
      'which has already passed. Start the plan from today or later.';
  }
  const live = form.goLiveTarget;
  if (live !== null) {
    if (!isIsoDate(live)) errors.goLiveTarget = 'The go-live target must be a date, like 2026-03-02.';
    else if (compareDates(live, goLive.due) < 0) {
      errors.goLiveTarget =
        `The steps put the onboarding kickoff (step ${goLive.number}) on ${format(goLive.due)}, ` +
        `so go-live on ${format(live)} is too early. Choose ${format(goLive.due)} or later.`;
    } else if (decision !== null && isIsoDate(decision) && compareDates(live, decision) < 0) {
      errors.goLiveTarget = 'The go-live target must be on or after the decision target.';
    } else if (compareDates(live, today) < 0) {
      errors.goLiveTarget = `The go-live target ${format(live)} has already passed. Choose a date from today on.`;
    }
  }
  return errors;
}

/** The method's advice on timing and deal size; shown before inserting, so it never blocks. */
function adviseOn(form: InsertForm): Guidance[] {
  const guidance: Guidance[] = [];
  switch (form.dealStage) {
    case 'discovery':
      guidance.push({
        level: 'warning',
        code: 'too-early',
        message:
          "Too early: confirm fit first. At discovery you haven't confirmed fit yet, and a MAP before qualification feels presumptuous. " +
          'Introduce it at the end of a successful demo or at the start of the evaluation.',
      });
      break;
    case 'negotiation':
      if (form.dealType !== 'closing') {
        guidance.push({
          level: 'warning',
          code: 'too-late',
          message:
            'Too late for a full MAP: at negotiation it should already have been in place. ' +
            'Use the closing checklist instead: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
          suggestDealType: 'closing',
        });
      }
      break;
    case 'proposal':
      guidance.push({
        level: 'info',
        code: 'proposal-stage',
        message:
          'Proposal stage: this is the last chance to introduce the MAP before the deal enters the "waiting for a decision" void. ' +
          'Walk the prospect through the draft and ask what you have missed.',
      });
      break;
    case 'post-demo':
      // The method's moment: no advice needed.
      break;
  }
  if (form.annualContractValue < MAP_WORTH_IT_FROM) {
    guidance.push({
      level: 'warning',
      code: 'overkill',
      message:
        `A MAP is overkill here: it adds value for deals over ${groupThousands(MAP_WORTH_IT_FROM)} with multiple stakeholders. ` +
        `A ${groupThousands(form.annualContractValue)} deal with one decision-maker doesn't need a formal plan. It needs a Calendly link and a contract.`,
    });
  }
  return guidance;
}

function nameThePeople(unnamed: readonly (Role | 'authorizedSigner')[]): Guidance {
  const who = listInWords(unnamed.map((role) => PERSON_WORDS[role]));
  const placeholders = unnamed.map((role) => PERSON_PLACEHOLDERS[role]).join(', ');
  const still = unnamed.length === 1 ? 'is still a placeholder' : 'are still placeholders';
  return {
    level: 'info',
    code: 'placeholders',
    message:
      `Name specific people: ${who} ${still} (${placeholders}). ` +
      'Named people with dates create accountability. Fill them in here, or in the document once you know them.',
  };
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const TOKEN = /\{(\w+)(?:\|(\w+)|:([^}]*))?\}/g;

/** Fills template tokens from the form and remembers every placeholder it writes, in order. */
class Writer {
  private readonly written = new Set<string>();
  private readonly unnamed = new Set<Role | 'authorizedSigner'>();

  constructor(private readonly form: InsertForm) {}

  placeholder(text: string, person?: Role | 'authorizedSigner'): string {
    this.written.add(text);
    if (person) this.unnamed.add(person);
    return text;
  }

  placeholders(): string[] {
    return [...this.written];
  }

  /** People still shown as placeholders, in the stakeholder table's order. */
  unnamedPeople(): (Role | 'authorizedSigner')[] {
    const order = Object.keys(PERSON_PLACEHOLDERS) as (Role | 'authorizedSigner')[];
    return order.filter((person) => this.unnamed.has(person));
  }

  /** Owners name the person with their company ("Dana Ruiz (Globex)"); actions name the person. */
  fill(text: TemplateText, where: 'action' | 'owner'): string {
    return text.replace(TOKEN, (token, name: string, fallback: string | undefined, ownWording: string | undefined) => {
      const value = this.token(name, fallback, ownWording, where);
      if (value === null) throw new Error(`Unknown template token ${token}`);
      return value;
    });
  }

  private token(name: string, fallback: string | undefined, ownWording: string | undefined, where: 'action' | 'owner'): string | null {
    const form = this.form;
    if (name === 'yourCompany') return form.yourCompany;
    if (name === 'theirCompany') return form.theirCompany;
    if (name === 'authorizedSigner') return this.placeholder(PERSON_PLACEHOLDERS.authorizedSigner, 'authorizedSigner');
    if (hasOwn(form.theirWords, name)) {
      const word = name as keyof TheirWords;
      const given = form.theirWords[word];
      const isDefault = given.trim().toLowerCase() === DEFAULT_THEIR_WORDS[word].toLowerCase();
      if (ownWording !== undefined && (isDefault || given.trim() === '')) return ownWording;
      return given.trim() === '' ? DEFAULT_THEIR_WORDS[word] : given;
    }
    if (hasOwn(form.people, name)) {
      const role = name as Role;
      const person = form.people[role];
      if (person.name) {
        if (where === 'action') return person.name;
        return `${person.name} (${OUR_ROLES.has(role) ? form.yourCompany : form.theirCompany})`;
      }
      if (fallback !== undefined) return this.token(fallback, undefined, undefined, where);
      return this.placeholder(PERSON_PLACEHOLDERS[role], role);
    }
    return null;
  }
}
