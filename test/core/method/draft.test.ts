/** draftPlan: the pre-filled plan the seller walks the prospect through, its dates, and the method's advice. */
import { CALENDAR_DAYS } from '../../../src/core/scheduling/calendar';
import { formatPlanDate } from '../../../src/core/reading/date-format';
import { draftPlan } from '../../../src/core/method/draft';
import type { DraftOptions, DraftResult } from '../../../src/core/method/draft';
import type { Guidance, InsertForm, Person, Plan, Role } from '../../../src/core/plan';
import { DEFAULT_THEIR_WORDS } from '../../../src/core/method/templates';
import { insertFormFor, nobody } from '../forms';

const form = insertFormFor;

const named: Record<Role, Person> = {
  champion: { name: 'Dana Ruiz', title: 'VP Finance' },
  economicBuyer: { name: 'Pat Kim', title: 'CFO' },
  technicalEvaluator: { name: 'Lee Wong', title: 'IT Director' },
  accountExecutive: { name: 'Sam Lee', title: 'Account Executive' },
  solutionsEngineer: { name: 'Ari Cohen', title: 'Solutions Engineer' },
};

const TODAY = '2026-03-02';

function draft(overrides: Partial<InsertForm> = {}, options: Partial<DraftOptions> = {}): DraftResult {
  return draftPlan(form(overrides), { today: TODAY, ...options });
}

function planOf(result: DraftResult): Plan {
  if (!result.ok) throw new Error(`Expected a plan, got ${JSON.stringify(result.errors)}`);
  return result.plan;
}

function planFor(overrides: Partial<InsertForm> = {}, options: Partial<DraftOptions> = {}): Plan {
  return planOf(draft(overrides, options));
}

function errorsOf(result: DraftResult): Record<string, string> {
  if (result.ok) throw new Error('Expected errors, got a plan');
  return result.errors;
}

const codes = (guidance: Guidance[]) => guidance.map((g) => g.code);

/** Every piece of text the plan writes into the document. */
function allText(plan: Plan): string {
  return [
    plan.title,
    plan.goal,
    ...plan.steps.flatMap((s) => [s.action, s.owner]),
    ...plan.stakeholders.flatMap((s) => [s.name, s.title, s.responsibility]),
    ...plan.successCriteria,
    ...plan.risks.flatMap((r) => [r.risk, r.impact, r.mitigation]),
  ].join('\n');
}

describe('the pre-filled plan', () => {
  it('is titled for both companies, with the goal sentence of the template', () => {
    const plan = planFor();
    expect(plan.title).toBe('Mutual Action Plan: Acme + Globex');
    expect(plan.yourCompany).toBe('Acme');
    expect(plan.theirCompany).toBe('Globex');
    expect(plan.goal).toBe('Globex evaluates Acme Flow to address slow invoice approvals and makes a go/no-go decision by 2026-04-03.');
  });

  it('writes the goal date with the given formatter, and drops the problem\'s closing full stop', () => {
    const plan = planFor({ problem: 'slow invoice approvals.' }, { formatDate: (iso) => formatPlanDate(iso, 'en_US') });
    expect(plan.goal).toBe('Globex evaluates Acme Flow to address slow invoice approvals and makes a go/no-go decision by Apr 3, 2026.');
  });

  it('defaults the decision target to the signature step and go-live to the onboarding step', () => {
    expect(planFor().keyDates).toEqual({ evaluationStart: '2026-03-02', decisionTarget: '2026-04-03', goLiveTarget: '2026-04-10' });
  });

  it('keeps targets the seller gave when the steps allow them', () => {
    const plan = planFor({ decisionTarget: '2026-04-17', goLiveTarget: '2026-05-04' });
    expect(plan.keyDates).toEqual({ evaluationStart: '2026-03-02', decisionTarget: '2026-04-17', goLiveTarget: '2026-05-04' });
    expect(plan.goal).toMatch(/decision by 2026-04-17\.$/);
  });

  it('starts every step as Pending, except the discovery and demo a post-demo plan has already held', () => {
    const postDemo = planFor({ dealType: 'enterprise' }).steps;
    expect(postDemo.map((s) => [s.action, s.status]).slice(0, 2)).toEqual([
      ['Discovery + demo (multiple stakeholders)', 'complete'],
      ['Technical deep-dive with engineering', 'pending'],
    ]);
    expect(new Set(postDemo.slice(1).map((s) => s.status))).toEqual(new Set(['pending']));
    expect(planFor({ dealType: 'mid-market', dealStage: 'proposal' }).steps[0]).toMatchObject({ action: 'Demo + discovery (if not already done)', status: 'complete' });
    // At discovery the demo is still to come.
    expect(new Set(planFor({ dealType: 'enterprise', dealStage: 'discovery' }).steps.map((s) => s.status))).toEqual(new Set(['pending']));
  });

  it('numbers the steps from 1 and sides them per owner', () => {
    const steps = planFor().steps;
    expect(steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps.map((s) => s.side)).toEqual(['both', 'both', 'ours', 'theirs', 'both', 'theirs', 'ours']);
  });

  it('carries the three typical risks with their mitigation', () => {
    expect(planFor().risks).toEqual([
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
        // A March-April plan runs into Q2 planning (the method's "Q3" is its own example).
        risk: 'Competing priority (Q2 planning) delays evaluation',
        impact: 'Evaluation pauses',
        mitigation: 'Align MAP timeline to avoid the Q2 planning conflict',
      },
    ]);
  });

  it('writes success criteria as placeholders built for this deal, and what happens if they pass', () => {
    expect(planFor().successCriteria).toEqual([
      '[Criterion 1: e.g. "Acme Flow integrates with our systems and works in our environment"]',
      '[Criterion 2: e.g. "In a 2-week pilot, Acme Flow shows a measured 30% improvement on what matters here: slow invoice approvals"]',
      '[Criterion 3: e.g. "Acme Flow pays back in under 6 months"]',
      'If all criteria pass, next step: [proposal / contract]',
    ]);
  });
});

describe('due dates: the end of each step\'s typical weeks, counted in working days', () => {
  it('counts from a Monday start: Week 1 ends Friday, Week 4-5 ends five Fridays on', () => {
    expect(planFor().steps.map((s) => s.due)).toEqual([
      '2026-03-06', // Week 1
      '2026-03-13', // Week 2
      '2026-03-20', // Week 2-3
      '2026-03-20', // Week 3
      '2026-03-27', // Week 3-4
      '2026-04-03', // Week 4-5
      '2026-04-10', // Week 5-6
    ]);
  });

  it('rolls a weekend start to Monday', () => {
    const saturday = planFor({ evaluationStart: '2026-02-28' });
    const sunday = planFor({ evaluationStart: '2026-03-01' });
    expect(saturday.steps[0]!.due).toBe('2026-03-06');
    expect(sunday.steps[0]!.due).toBe('2026-03-06');
    expect(saturday.keyDates.decisionTarget).toBe('2026-04-03');
    // The evaluation start stays as the seller wrote it.
    expect(saturday.keyDates.evaluationStart).toBe('2026-02-28');
  });

  it('counts a mid-week start through the weekend', () => {
    // Wednesday 2026-03-04 + 4 working days = Tuesday 2026-03-10.
    expect(planFor({ evaluationStart: '2026-03-04' }).steps[0]!.due).toBe('2026-03-10');
  });

  it('keeps the weekly rhythm and puts no due date on a holiday: a week ending on one is due the working day before', () => {
    const calendar = { calendarDays: false, holidays: new Set(['2026-03-04', '2026-04-03']) };
    const steps = planFor({}, { calendar }).steps;
    expect(steps[0]!.due).toBe('2026-03-06'); // a holiday mid-week does not move the week's Friday
    expect(steps[5]!.due).toBe('2026-04-02'); // Week 5 ends on Good Friday: due the Thursday before
    expect(steps.every((s) => !calendar.holidays.has(s.due!))).toBe(true);
  });

  it('rolls a start on a holiday to the next working day', () => {
    const calendar = { calendarDays: false, holidays: new Set(['2026-03-02']) };
    expect(planFor({}, { calendar }).steps[0]!.due).toBe('2026-03-09');
  });

  it('counts seven-day weeks on a calendar-days calendar', () => {
    expect(planFor({}, { calendar: CALENDAR_DAYS }).steps.map((s) => s.due).slice(0, 2)).toEqual(['2026-03-08', '2026-03-15']);
  });

  it('dates the enterprise plan over 18 weeks', () => {
    const plan = planFor({ dealType: 'enterprise' });
    expect(plan.steps[2]!.due).toBe('2026-04-10'); // security review, Week 3-6
    expect(plan.keyDates.decisionTarget).toBe('2026-06-26'); // contract signature, Week 15-17
    expect(plan.keyDates.goLiveTarget).toBe('2026-07-03'); // onboarding kickoff, Week 16-18
  });

  it('dates the standard plan\'s signature in week 10', () => {
    expect(planFor({ dealType: 'standard' }).keyDates.decisionTarget).toBe('2026-05-08');
  });
});

describe('owners name people where the seller gave them', () => {
  it('names their people with their company and ours with ours', () => {
    const plan = planFor({ dealType: 'standard', people: named });
    expect(plan.steps[4]).toMatchObject({
      action: 'ROI/business case presentation to Pat Kim',
      owner: 'Sam Lee (Acme) + Dana Ruiz (Globex)',
    });
    expect(plan.steps[5]!.owner).toBe('Sam Lee (Acme)');
    expect(plan.steps[6]!.owner).toBe('Dana Ruiz (Globex)');
    expect(plan.steps[9]!.owner).toBe('Pat Kim (Globex)');
  });

  it('gives "Vendor" steps to our named account executive or solutions engineer', () => {
    const plan = planFor({ dealType: 'expansion', people: named });
    expect(plan.steps[1]!.owner).toBe('Ari Cohen (Acme)');
    expect(plan.steps[2]!.owner).toBe('Sam Lee (Acme)');
  });

  it('leaves visible placeholders for people not named', () => {
    const plan = planFor({ dealType: 'standard', people: { ...named, economicBuyer: nobody } });
    expect(plan.steps[4]!.action).toBe('ROI/business case presentation to [Economic buyer name]');
    expect(plan.steps[9]!.owner).toBe('[Economic buyer name]');
  });
});

describe('their words for their steps', () => {
  it('calls procurement what the prospect calls it, in action and owner', () => {
    const plan = planFor({ dealType: 'enterprise', theirWords: { ...DEFAULT_THEIR_WORDS, procurement: 'vendor management' } });
    expect(plan.steps[7]).toMatchObject({ action: 'Vendor management review', owner: 'Globex vendor management' });
    expect(allText(plan)).not.toMatch(/procurement/i);
  });

  it('uses their words for procurement and legal in the standard template', () => {
    const plan = planFor({ dealType: 'standard', theirWords: { ...DEFAULT_THEIR_WORDS, procurement: 'Vendor Management', legal: 'counsel' } });
    expect(plan.steps[7]).toMatchObject({ action: 'Vendor Management/counsel review', owner: 'Globex Vendor Management' });
  });

  it('names the team that reviews security, and their legal team', () => {
    const plan = planFor({ dealType: 'enterprise', theirWords: { ...DEFAULT_THEIR_WORDS, security: 'InfoSec', legal: 'counsel' } });
    expect(plan.steps[2]!.owner).toBe('Acme sends, Globex InfoSec reviews');
    expect(plan.steps[8]!.owner).toBe('Acme legal + Globex counsel');
  });

  it('calls their internal review what they call it', () => {
    const words = { ...DEFAULT_THEIR_WORDS, internalReview: 'budget committee review' };
    expect(planFor({ theirWords: words }).steps[3]!.action).toBe('Budget committee review with VP/stakeholders');
    expect(planFor({ dealType: 'standard', theirWords: words }).steps[6]!.action).toBe('Budget committee review and stakeholder alignment');
    expect(planFor({ dealType: 'expansion', theirWords: words }).steps[3]!.action).toBe('Budget committee review (may be simpler than new deal)');
  });
});

describe('stakeholders', () => {
  it('lists the five roles with placeholders and the method\'s responsibilities', () => {
    expect(planFor().stakeholders).toEqual([
      { name: '[Champion name]', title: '[Title]', responsibility: 'Day-to-day evaluation lead. Internal advocate', side: 'theirs' },
      { name: '[Economic buyer name]', title: '[Title]', responsibility: 'Budget approval. Business case sign-off', side: 'theirs' },
      { name: '[Technical evaluator name]', title: '[Title]', responsibility: 'Security review. Integration validation', side: 'theirs' },
      { name: '[Account executive name]', title: '[Title]', responsibility: 'Commercial lead. Pricing, proposal, negotiation', side: 'ours' },
      { name: '[Solutions engineer name]', title: '[Title]', responsibility: 'Technical support. Demo, POC, integration', side: 'ours' },
    ]);
  });

  it('names the people given, with a title placeholder where the title is missing', () => {
    const people = { ...named, champion: { name: 'Dana Ruiz', title: '' } };
    const rows = planFor({ people }).stakeholders.map((s) => [s.name, s.title]);
    expect(rows).toEqual([
      ['Dana Ruiz', '[Title]'],
      ['Pat Kim', 'CFO'],
      ['Lee Wong', 'IT Director'],
      ['Sam Lee', 'Account Executive'],
      ['Ari Cohen', 'Solutions Engineer'],
    ]);
  });
});

describe('placeholders', () => {
  it('lists every placeholder written, and each one is in the document text', () => {
    const result = draft({ dealType: 'enterprise' });
    if (!result.ok) throw new Error('expected a plan');
    expect(result.placeholders).toEqual([
      '[Economic buyer name]',
      '[Account executive name]',
      '[Champion name]',
      '[Authorized signer name]',
      '[Title]',
      '[Technical evaluator name]',
      '[Solutions engineer name]',
      '[Criterion 1: e.g. "Acme Flow integrates with our systems and works in our environment"]',
      '[Criterion 2: e.g. "In a 2-week pilot, Acme Flow shows a measured 30% improvement on what matters here: slow invoice approvals"]',
      '[Criterion 3: e.g. "Acme Flow pays back in under 6 months"]',
      '[proposal / contract]',
    ]);
    const text = allText(result.plan);
    for (const placeholder of result.placeholders) expect(text).toContain(placeholder);
  });

  it('has no person placeholders once everyone is named', () => {
    const result = draft({ dealType: 'standard', people: named });
    if (!result.ok) throw new Error('expected a plan');
    expect(result.placeholders.filter((p) => !p.startsWith('[Criterion'))).toEqual(['[proposal / contract]']);
    expect(allText(result.plan)).not.toMatch(/\[(Champion|Economic buyer|Technical evaluator|Account executive|Solutions engineer) name\]|\[Title\]/);
  });

  it('does not mistake brackets in the seller\'s own text for placeholders', () => {
    const result = draft({ product: 'Flow [Beta]', people: named });
    if (!result.ok) throw new Error('expected a plan');
    expect(result.placeholders).not.toContain('[Beta]');
  });
});

describe('targets the steps cannot meet', () => {
  it('refuses a decision target before the signature step, naming the date', () => {
    expect(errorsOf(draft({ decisionTarget: '2026-03-27' }))).toEqual({
      decisionTarget:
        'The steps put contract signature (step 6) on 2026-04-03, so a decision by 2026-03-27 is not realistic. ' +
        'Choose 2026-04-03 or later, or start the evaluation earlier.',
    });
  });

  it('names the dates in the user\'s format when given a formatter', () => {
    const errors = errorsOf(draft({ decisionTarget: '2026-03-27' }, { formatDate: (iso) => formatPlanDate(iso, 'en_US') }));
    expect(errors.decisionTarget).toBe(
      'The steps put contract signature (step 6) on Apr 3, 2026, so a decision by Mar 27, 2026 is not realistic. ' +
        'Choose Apr 3, 2026 or later, or start the evaluation earlier.',
    );
  });

  it('accepts a decision target on the signature date itself', () => {
    expect(draft({ decisionTarget: '2026-04-03' }).ok).toBe(true);
  });

  it('refuses a go-live target before the onboarding step', () => {
    expect(errorsOf(draft({ goLiveTarget: '2026-04-09' }, { formatDate: (iso) => formatPlanDate(iso, 'en_GB') }))).toEqual({
      goLiveTarget: 'The steps put the onboarding kickoff (step 7) on 10 Apr 2026, so go-live on 9 Apr 2026 is too early. Choose 10 Apr 2026 or later.',
    });
  });

  it('refuses a go-live target before the decision target', () => {
    expect(errorsOf(draft({ decisionTarget: '2026-05-01', goLiveTarget: '2026-04-20' }))).toEqual({
      goLiveTarget: 'The go-live target must be on or after the decision target.',
    });
  });

  it('refuses targets that have already passed', () => {
    const errors = errorsOf(draft({ evaluationStart: '2026-01-05', decisionTarget: '2026-02-27', goLiveTarget: '2026-03-01' }));
    expect(errors).toEqual({
      decisionTarget: 'The decision target 2026-02-27 has already passed. Choose a date from today on.',
      goLiveTarget: 'The go-live target 2026-03-01 has already passed. Choose a date from today on.',
    });
  });

  it('refuses a start so old that the signature date has passed', () => {
    expect(errorsOf(draft({ evaluationStart: '2026-01-05' }))).toEqual({
      evaluationStart:
        'With this evaluation start the steps put contract signature (step 6) on 2026-02-06, which has already passed. ' +
        'Start the plan from today or later.',
    });
  });

  it('refuses a start that is not a date', () => {
    expect(errorsOf(draft({ evaluationStart: '2026-02-30' }))).toEqual({ evaluationStart: 'The evaluation start must be a date, like 2026-03-02.' });
  });

  it('still gives the method\'s advice when refusing', () => {
    const result = draft({ decisionTarget: '2026-03-27', dealStage: 'discovery' });
    expect(result.ok).toBe(false);
    expect(codes(result.guidance)).toEqual(['too-early']);
  });
});

describe('the method\'s advice', () => {
  const allNamed = { people: named };

  it('says nothing after the demo, for a deal worth a MAP, with everyone named', () => {
    expect(draft(allNamed).guidance).toEqual([]);
  });

  it('warns at discovery that it is too early', () => {
    const [advice] = draft({ ...allNamed, dealStage: 'discovery' }).guidance;
    expect(advice).toEqual({
      level: 'warning',
      code: 'too-early',
      message:
        "Too early: confirm fit first. At discovery you haven't confirmed fit yet, and a MAP before qualification feels presumptuous. " +
        'Introduce it at the end of a successful demo or at the start of the evaluation.',
    });
  });

  it('reminds at proposal that it is the last chance', () => {
    const [advice] = draft({ ...allNamed, dealStage: 'proposal' }).guidance;
    expect(advice).toMatchObject({ level: 'info', code: 'proposal-stage' });
    expect(advice!.message).toContain('last chance to introduce the MAP before the deal enters the "waiting for a decision" void');
  });

  it('suggests the closing checklist at negotiation', () => {
    const [advice] = draft({ ...allNamed, dealStage: 'negotiation' }).guidance;
    expect(advice).toEqual({
      level: 'warning',
      code: 'too-late',
      message:
        'Too late for a full MAP: at negotiation it should already have been in place. ' +
        'Use the closing checklist instead: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
      suggestDealType: 'closing',
    });
  });

  it('does not suggest the closing checklist when it is already chosen', () => {
    expect(draft({ ...allNamed, dealStage: 'negotiation', dealType: 'closing' }).guidance).toEqual([]);
  });

  it('calls a MAP overkill under 20,000 a year', () => {
    const [advice] = draft({ ...allNamed, annualContractValue: 5_000 }).guidance;
    expect(advice).toEqual({
      level: 'warning',
      code: 'overkill',
      message:
        'A MAP is overkill here: it adds value for deals over 20,000 with multiple stakeholders. ' +
        "A 5,000 deal with one decision-maker doesn't need a formal plan. It needs a Calendly link and a contract.",
    });
    expect(codes(draft({ ...allNamed, annualContractValue: 19_999 }).guidance)).toEqual(['overkill']);
    expect(codes(draft({ ...allNamed, annualContractValue: 20_000 }).guidance)).toEqual([]);
  });

  it('asks to name the people still shown as placeholders', () => {
    const people = { ...named, economicBuyer: nobody, solutionsEngineer: { name: '', title: 'SE' } };
    const [advice] = draft({ people }).guidance;
    expect(advice).toEqual({
      level: 'info',
      code: 'placeholders',
      message:
        'Name specific people: the economic buyer and your solutions engineer are still placeholders ([Economic buyer name], [Solutions engineer name]). ' +
        'Named people with dates create accountability. Fill them in here, or in the document once you know them.',
    });
  });

  it('includes the authorized signer the enterprise plan asks for', () => {
    const advice = draft({ people: named, dealType: 'enterprise' }).guidance;
    expect(advice).toHaveLength(1);
    expect(advice[0]!.message).toContain('Name specific people: the authorized signer is still a placeholder');
  });

  it('gives the advice in order: stage, deal size, people', () => {
    expect(codes(draft({ dealStage: 'negotiation', annualContractValue: 5_000 }).guidance)).toEqual(['too-late', 'overkill', 'placeholders']);
  });
});
