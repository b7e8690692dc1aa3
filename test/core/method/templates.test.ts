/** The deal-type templates say what the method says: steps, owners and timing per deal type, and the closing checklist. */
import { draftPlan } from '../../../src/core/method/draft';
import { DEAL_STAGES, DEAL_TYPES } from '../../../src/core/plan';
import type { DealType, InsertForm, Step } from '../../../src/core/plan';
import { DEAL_STAGE_LABELS, DEAL_TEMPLATES, DEAL_TYPE_LABELS } from '../../../src/core/method/templates';
import { insertFormFor } from '../forms';

function formFor(dealType: DealType): InsertForm {
  return insertFormFor({ dealType });
}

/** The steps as the seller sees them in the document when nobody is named yet. */
function stepsOf(dealType: DealType): Step[] {
  const drafted = draftPlan(formFor(dealType), { today: '2026-03-02' });
  if (!drafted.ok) throw new Error(JSON.stringify(drafted.errors));
  return drafted.plan.steps;
}

function rows(dealType: DealType): [string, string][] {
  return stepsOf(dealType).map((s) => [s.action, s.owner]);
}

function timing(dealType: DealType): string[] {
  return DEAL_TEMPLATES[dealType].steps.map(({ weeks: [from, to] }) => (from === to ? `Week ${from}` : `Week ${from}-${to}`));
}

describe('step counts', () => {
  it.each<[DealType, number]>([
    ['standard', 11],
    ['mid-market', 7],
    ['enterprise', 12],
    ['expansion', 6],
    ['closing', 5],
  ])('%s has %i steps', (dealType, count) => {
    expect(stepsOf(dealType)).toHaveLength(count);
  });
});

describe('standard: "The MAP Template"', () => {
  it('has the template steps and owners, with companies and visible placeholders filled in', () => {
    expect(rows('standard')).toEqual([
      ['Technical deep-dive with engineering', 'Both'],
      ['Security questionnaire review', 'Acme sends, Globex IT reviews'],
      ['Pilot/POC setup (if applicable)', 'Acme'],
      ['Pilot results review', 'Both'],
      ['ROI/business case presentation to [Economic buyer name]', '[Account executive name] + [Champion name]'],
      ['Pricing proposal delivery', '[Account executive name]'],
      ['Internal review and stakeholder alignment', '[Champion name]'],
      ['Procurement/legal review', 'Globex procurement'],
      ['Contract redlines and negotiation', 'Both'],
      ['Contract signature', '[Economic buyer name]'],
      ['Onboarding kickoff', 'Acme CS team'],
    ]);
  });

  it('takes our own timing, between mid-market and enterprise', () => {
    expect(timing('standard')).toEqual([
      'Week 1-2', 'Week 1-3', 'Week 2-3', 'Week 4-5', 'Week 5-6', 'Week 6',
      'Week 6-7', 'Week 7-8', 'Week 8-9', 'Week 9-10', 'Week 10-11',
    ]);
    const signatureWeek = (t: DealType) => DEAL_TEMPLATES[t].steps[DEAL_TEMPLATES[t].signatureStep - 1]!.weeks[1];
    expect(signatureWeek('standard')).toBeGreaterThan(signatureWeek('mid-market'));
    expect(signatureWeek('standard')).toBeLessThan(signatureWeek('enterprise'));
  });

  it('runs the security review alongside the deep-dive and joins it back before procurement', () => {
    const steps = stepsOf('standard');
    expect(steps[1]!.dependsOn).toEqual([]);
    expect(steps[2]!.dependsOn).toEqual([1]);
    expect(steps[7]!.dependsOn).toEqual([2, 7]);
  });
});

describe('mid-market deal ($20-80K ACV, 30-60 day cycle)', () => {
  it('has the method steps and owners ("Vendor" is our company)', () => {
    expect(rows('mid-market')).toEqual([
      ['Demo + discovery (if not already done)', 'Both'],
      ['Technical validation (integration check, security review)', 'Both'],
      ['Pricing proposal', 'Acme'],
      ['Internal review with VP/stakeholders', '[Champion name]'],
      ['Negotiation (if needed)', 'Both'],
      ['Contract signature', '[Economic buyer name]'],
      ['Onboarding kickoff', 'Acme'],
    ]);
  });

  it('has the method timing, every step after the previous one', () => {
    expect(timing('mid-market')).toEqual(['Week 1', 'Week 2', 'Week 2-3', 'Week 3', 'Week 3-4', 'Week 4-5', 'Week 5-6']);
    expect(stepsOf('mid-market').map((s) => s.dependsOn)).toEqual([[], [1], [2], [3], [4], [5], [6]]);
  });
});

describe('enterprise deal ($80-300K+ ACV, 60-120 day cycle)', () => {
  it('has the method steps and owners', () => {
    expect(rows('enterprise')).toEqual([
      ['Discovery + demo (multiple stakeholders)', 'Both'],
      ['Technical deep-dive with engineering', 'Both'],
      ['Security questionnaire + review', 'Acme sends, Globex IT reviews'],
      ['Pilot / POC (2-4 weeks)', 'Both'],
      ['Pilot results review', 'Both'],
      ['Business case presentation to [Economic buyer name]', '[Account executive name] + [Champion name]'],
      ['Pricing proposal', 'Acme'],
      ['Procurement review', 'Globex procurement'],
      ['Legal / contract negotiation', 'Acme legal + Globex legal'],
      ['Executive sponsor sign-off', '[Economic buyer name]'],
      ['Contract signature', '[Authorized signer name]'],
      ['Onboarding kickoff', 'Acme CS'],
    ]);
  });

  it('has the method timing', () => {
    expect(timing('enterprise')).toEqual([
      'Week 1-2', 'Week 3-4', 'Week 3-6', 'Week 4-8', 'Week 8-9', 'Week 9-10',
      'Week 10', 'Week 10-13', 'Week 12-15', 'Week 14-16', 'Week 15-17', 'Week 16-18',
    ]);
  });

  it('runs security (Week 3-6) in parallel with the deep-dive and pilot, and procurement waits for it', () => {
    expect(stepsOf('enterprise').map((s) => s.dependsOn)).toEqual([[], [1], [1], [2], [4], [5], [6], [3, 7], [8], [9], [10], [11]]);
  });
});

describe('expansion deal ($20-100K+ additional ACV)', () => {
  it('has the method steps and owners', () => {
    expect(rows('expansion')).toEqual([
      ['Expansion scoping (new use case, seats, or tier)', 'Both'],
      ['Product walkthrough for new use case/team', 'Acme'],
      ['Pricing for expansion', 'Acme'],
      ['Internal approval (may be simpler than new deal)', '[Champion name] / [Economic buyer name]'],
      ['Contract amendment', 'Both'],
      ['Onboarding for new users/use case', 'Acme CS'],
    ]);
  });

  it('has the method timing', () => {
    expect(timing('expansion')).toEqual(['Week 1', 'Week 1-2', 'Week 2', 'Week 2-3', 'Week 3-4', 'Week 4-5']);
  });
});

describe('closing checklist ("last mile": redlines, signature authority, go-live date)', () => {
  it('lists the last-mile checks, then signature and kickoff', () => {
    expect(rows('closing')).toEqual([
      ['Final contract redlines', 'Acme legal + Globex legal'],
      ['Signature authority confirmed: who signs and which approvals they need', '[Champion name]'],
      ['Go-live date agreed', 'Both'],
      ['Contract signature', '[Economic buyer name]'],
      ['Onboarding kickoff', 'Acme CS team'],
    ]);
  });

  it('runs the three checks side by side and signs within two weeks', () => {
    expect(timing('closing')).toEqual(['Week 1', 'Week 1', 'Week 1-2', 'Week 2', 'Week 3']);
    expect(stepsOf('closing').map((s) => s.dependsOn)).toEqual([[], [], [], [1, 2], [3, 4]]);
  });
});

describe('every template', () => {
  it.each(DEAL_TYPES)('%s: marks the signature and the onboarding step, onboarding after signature', (dealType) => {
    const { steps, signatureStep, goLiveStep } = DEAL_TEMPLATES[dealType];
    const actions = stepsOf(dealType).map((s) => s.action);
    expect(actions[signatureStep - 1]).toMatch(/^Contract (signature|amendment)$/);
    expect(actions[goLiveStep - 1]).toMatch(/^Onboarding/);
    expect(steps[goLiveStep - 1]!.weeks[1]).toBeGreaterThan(steps[signatureStep - 1]!.weeks[1]);
  });

  it.each(DEAL_TYPES)('%s: a step waits only for earlier steps, which are due no later than it', (dealType) => {
    const steps = stepsOf(dealType);
    for (const step of steps) {
      for (const before of step.dependsOn) {
        expect(before).toBeLessThan(step.number);
        expect(steps[before - 1]!.due! <= step.due!).toBe(true);
      }
    }
  });

  it.each(DEAL_TYPES)('%s: weeks run from week 1 with from <= to', (dealType) => {
    const weeks = DEAL_TEMPLATES[dealType].steps.map((s) => s.weeks);
    expect(Math.min(...weeks.map(([from]) => from))).toBe(1);
    for (const [from, to] of weeks) expect(from).toBeLessThanOrEqual(to);
  });

  it.each(DEAL_TYPES)('%s: steps for both sides (the prospect owns half the actions)', (dealType) => {
    const sides = new Set(stepsOf(dealType).map((s) => s.side));
    expect(sides.has('theirs') || sides.has('both')).toBe(true);
    expect(sides.has('ours') || sides.has('both')).toBe(true);
  });
});

describe('sidebar labels', () => {
  it('labels every deal type, with the method ACV and cycle', () => {
    expect(Object.keys(DEAL_TYPE_LABELS).sort()).toEqual([...DEAL_TYPES].sort());
    expect(DEAL_TYPE_LABELS['mid-market']).toBe('Mid-market ($20-80K ACV, 30-60 days)');
    expect(DEAL_TYPE_LABELS.enterprise).toBe('Enterprise ($80-300K+ ACV, 60-120 days)');
    expect(DEAL_TYPE_LABELS.expansion).toBe('Expansion ($20-100K+ additional ACV)');
    expect(DEAL_TYPE_LABELS.closing).toMatch(/^Closing checklist/);
  });

  it('labels every deal stage', () => {
    expect(Object.keys(DEAL_STAGE_LABELS).sort()).toEqual([...DEAL_STAGES].sort());
    expect(DEAL_STAGE_LABELS['post-demo']).toBe('Post-demo (evaluation confirmed)');
  });
});
