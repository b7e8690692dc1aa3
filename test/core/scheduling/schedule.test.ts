// Shifting dates after a slip: every edge case the scheduling guide lists for links, shapes, direction, pinned and undated steps, calendars and key dates.
import {
  buildDependencies,
  closeDateCheck,
  criticalChain,
  detectMoves,
  shiftDownstream,
  topologicalOrder,
  type DependencyRow,
  type KeyDateRule,
  type ScheduleStep,
  type ShiftInput,
  type ShiftResult,
} from '../../../src/core/scheduling/schedule';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { buildSync } from 'esbuild';
import { CALENDAR_DAYS, todayIn, type WorkCalendar } from '../../../src/core/scheduling/calendar';
import type { IsoDate, Status } from '../../../src/core/plan';

// March 2026 starts on a Sunday: Mon 2, Fri 6, Mon 9, Fri 13, Mon 16, Fri 20, Mon 23, Fri 27, Mon 30, Wed Apr 1.

function step(number: number, action: string, due: IsoDate | null, dependsOn: number[] = [], status: Status = 'pending'): ScheduleStep {
  return { key: `s${number}`, number, action, due, status, dependsOn: dependsOn.map((n) => `s${n}`) };
}

function shift(steps: ScheduleStep[], moves: Record<number, IsoDate>, options: Omit<ShiftInput, 'steps' | 'moves'> = {}): ShiftResult {
  const list = Object.entries(moves).map(([n, to]) => ({ key: `s${n}`, to }));
  return shiftDownstream({ steps, moves: list, ...options });
}

/** The preview rows, as the person reads them: step, old date, new date, why. */
function rows(result: ShiftResult): [number, IsoDate | null, IsoDate, string][] {
  return result.changes.map((c) => [c.number, c.from, c.to, c.reason]);
}

function holidays(...days: IsoDate[]): WorkCalendar {
  return { calendarDays: false, holidays: new Set(days) };
}

/** The seed's chain: security review, then procurement, redlines, signature and onboarding. Gaps: 5, 3, 2, 3 working days. */
function closingChain(): ScheduleStep[] {
  return [
    step(1, 'Security questionnaire review', '2026-03-06'),
    step(2, 'Procurement review', '2026-03-13', [1]),
    step(3, 'Contract redlines and negotiation', '2026-03-18', [2]),
    step(4, 'Contract signature', '2026-03-20', [3]),
    step(5, 'Onboarding kickoff', '2026-03-25', [4]),
  ];
}

const SLIP_1 = 'after step 1 (Security questionnaire review) moved 5 working days later';

// ─── buildDependencies ───────────────────────────────────────────────────────────────────────

const TEMPLATE = [
  'Technical deep-dive with engineering',
  'Security questionnaire review',
  'Pilot/POC setup',
  'Pilot results review',
  'ROI/business case presentation to Dana Whitfield',
  'Pricing proposal delivery',
  'Internal review and stakeholder alignment',
  'Procurement/legal review',
  'Contract redlines and negotiation',
  'Contract signature',
  'Onboarding kickoff',
];

/** The standard template's eleven rows, with one "Depends on" cell filled in. */
function templateRows(number: number, dependsText: string | null): DependencyRow[] {
  return TEMPLATE.map((action, i) => ({ number: i + 1, action, dependsText: i + 1 === number ? dependsText : null }));
}

function linksOf(number: number, dependsText: string | null): string[] | undefined {
  const { dependsOn, problems } = buildDependencies(templateRows(number, dependsText), true);
  expect(problems).toEqual([]);
  return dependsOn[String(number)];
}

describe('buildDependencies: reading the "Depends on" column', () => {
  test.each([
    ['3', ['3']],
    ['3, 5', ['3', '5']],
    ['Steps 3 and 5', ['3', '5']],
    ['steps 3 & 5; 7', ['3', '5', '7']],
    ['#3', ['3']],
    ['Step 2 (Security review)', ['2']],
    ['Steps 2-4', ['2', '3', '4']],
    ['after step 9', ['9']],
  ])('step numbers: "%s"', (text, expected) => {
    expect(linksOf(10, text)).toEqual(expected);
  });

  test('an action name, case-insensitive, matches exactly', () => {
    expect(linksOf(10, 'contract REDLINES and negotiation')).toEqual(['9']);
  });

  test('a shortened name matches the one action holding all its words ("Security review")', () => {
    expect(linksOf(8, 'Security review')).toEqual(['2']);
  });

  test('a name that itself contains "and" is not split ("Internal review and stakeholder alignment")', () => {
    expect(linksOf(8, 'Internal review and stakeholder alignment')).toEqual(['7']);
  });

  test('two names joined by "and", and a number joined to a name', () => {
    expect(linksOf(8, 'Security review and Pricing proposal')).toEqual(['2', '6']);
    expect(linksOf(10, '8 and Contract redlines')).toEqual(['8', '9']);
  });

  test.each([[''], ['—'], ['-'], ['None'], ['n/a']])('"%s" means the step waits for nothing', (text) => {
    expect(linksOf(1, text)).toEqual([]);
  });

  test('an empty cell means the step waits for nothing', () => {
    expect(linksOf(1, null)).toEqual([]);
  });

  test('duplicate links are merged silently', () => {
    expect(linksOf(10, '9, 9, Step 9, #9, Contract redlines')).toEqual(['9']);
  });

  test('the row\'s own action is not a candidate when another matches ("Pilot" written in Pilot results review)', () => {
    expect(linksOf(4, 'Pilot')).toEqual(['3']);
  });

  test('self-link by number is reported and dropped', () => {
    const { dependsOn, problems } = buildDependencies(templateRows(10, '9, 10'), true);
    expect(dependsOn['10']).toEqual(['9']);
    expect(problems).toEqual([{ kind: 'self-link', message: 'Step 10 (Contract signature) depends on itself; that link was ignored.', steps: [10] }]);
  });

  test('self-link by name is reported and dropped', () => {
    const { dependsOn, problems } = buildDependencies(templateRows(10, 'Contract signature'), true);
    expect(dependsOn['10']).toEqual([]);
    expect(problems.map((p) => p.kind)).toEqual(['self-link']);
  });

  test('link to a missing step number is reported and dropped', () => {
    const { dependsOn, problems } = buildDependencies(templateRows(10, '9, 14'), true);
    expect(dependsOn['10']).toEqual(['9']);
    expect(problems).toEqual([
      { kind: 'missing-step', message: 'Step 10 (Contract signature) depends on step 14, which is not in the plan; that link was ignored.', steps: [10] },
    ]);
  });

  test('link to a name that matches no step is reported, the rest of the cell kept', () => {
    const { dependsOn, problems } = buildDependencies(templateRows(10, 'Security review and Legal sign-off'), true);
    expect(dependsOn['10']).toEqual(['2']);
    expect(problems).toEqual([
      {
        kind: 'missing-step',
        message: 'Step 10 (Contract signature) depends on "Legal sign-off", which matches no step; that link was ignored. Write the step number instead.',
        steps: [10],
      },
    ]);
  });

  test('ambiguous name is reported with every candidate and dropped', () => {
    const { dependsOn, problems } = buildDependencies(templateRows(9, 'review'), true);
    expect(dependsOn['9']).toEqual([]);
    expect(problems).toEqual([
      {
        kind: 'ambiguous',
        message:
          'Step 9 (Contract redlines and negotiation) depends on "review", which could be step 2 (Security questionnaire review), ' +
          'step 4 (Pilot results review), step 7 (Internal review and stakeholder alignment) or step 8 (Procurement/legal review); ' +
          'that link was ignored. Write the step number instead.',
        steps: [9, 2, 4, 7, 8],
      },
    ]);
  });

  test('ambiguous number: two rows carry the same step number', () => {
    const rows: DependencyRow[] = [
      { key: 'a', number: 3, action: 'Pilot/POC setup', dependsText: null },
      { key: 'b', number: 3, action: 'Pilot results review', dependsText: null },
      { key: 'c', number: 5, action: 'Procurement review', dependsText: '3' },
    ];
    const { dependsOn, problems } = buildDependencies(rows, true);
    expect(dependsOn['c']).toEqual([]);
    expect(problems).toEqual([
      { kind: 'ambiguous', message: 'Step 5 (Procurement review) depends on step 3, but 2 rows are numbered 3; that link was ignored. Renumber the steps.', steps: [5, 3] },
    ]);
  });

  test('without a "Depends on" column each step follows the row above, undated rows included (they pass dates through)', () => {
    const rows: DependencyRow[] = [
      { number: 1, action: 'Security questionnaire review', dependsText: null },
      { number: 2, action: 'Procurement review', dependsText: 'ignored: no column' },
      { number: 3, action: 'Contract signature', dependsText: null },
    ];
    expect(buildDependencies(rows, false)).toEqual({ dependsOn: { '1': [], '2': ['1'], '3': ['2'] }, problems: [] });
  });
});

// ─── topologicalOrder and criticalChain ──────────────────────────────────────────────────────

describe('topologicalOrder', () => {
  test('keeps document order where the links allow, and puts a step after a later row it waits for', () => {
    const steps = [step(1, 'Procurement review', null, [3]), step(2, 'Pricing proposal delivery', null), step(3, 'Security questionnaire review', null)];
    expect(topologicalOrder(steps)).toEqual({ ok: true, order: ['s2', 's3', 's1'], problems: [] });
  });

  test('2-step cycle is named in the order the dates flow', () => {
    const steps = [step(1, 'a', null), step(3, 'Procurement review', null, [5]), step(5, 'Contract signature', null, [3])];
    const result = topologicalOrder(steps);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ kind: 'cycle', message: 'Steps 3 → 5 → 3 depend on each other in a circle; nothing was changed.', steps: [3, 5] }]);
  });

  test('3-step cycle is named from its first row', () => {
    const steps = [step(2, 'Security questionnaire review', null, [4]), step(3, 'Procurement review', null, [2]), step(4, 'Contract signature', null, [3])];
    expect(topologicalOrder(steps).problems.map((p) => p.message)).toEqual(['Steps 2 → 3 → 4 → 2 depend on each other in a circle; nothing was changed.']);
  });

  test('two separate cycles are both named', () => {
    const steps = [
      step(1, 'Security questionnaire review', null, [2]),
      step(2, 'Pilot/POC setup', null, [1]),
      step(3, 'Procurement review', null, [2, 4]),
      step(4, 'Contract signature', null, [3]),
    ];
    expect(topologicalOrder(steps).problems.map((p) => p.steps)).toEqual([[1, 2], [3, 4]]);
  });
});

/** Fan-out from the deep-dive, fan-in at procurement: the enterprise shape. */
function enterprisePlan(): ScheduleStep[] {
  return [
    step(1, 'Technical deep-dive with engineering', '2026-03-02'),
    step(2, 'Security questionnaire review', '2026-03-06', [1]),
    step(3, 'Pilot/POC setup', '2026-03-10', [1]),
    step(4, 'Pilot results review', '2026-03-20', [3]),
    step(5, 'Procurement review', '2026-03-27', [2, 4]),
    step(6, 'Contract signature', '2026-04-01', [5]),
    step(7, 'Onboarding kickoff', '2026-04-08', [6]),
  ];
}

describe('criticalChain', () => {
  test('follows the latest predecessor at a merge point back to the first step', () => {
    expect(criticalChain(enterprisePlan(), 's7').map((c) => c.number)).toEqual([1, 3, 4, 5, 6, 7]);
  });

  test('stops at a completed step: its date is history', () => {
    const steps = enterprisePlan().map((s) => (s.number === 3 ? { ...s, status: 'complete' as const } : s));
    expect(criticalChain(steps, 's6').map((c) => c.number)).toEqual([3, 4, 5, 6]);
  });

  test('an unknown step has no chain', () => {
    expect(criticalChain(enterprisePlan(), 'nope')).toEqual([]);
  });
});

// ─── shiftDownstream: links ──────────────────────────────────────────────────────────────────

describe('shiftDownstream: links', () => {
  test('self-link is reported and ignored; the shift still happens', () => {
    const steps = closingChain();
    steps[1] = { ...steps[1]!, dependsOn: ['s1', 's2'] };
    const result = shift(steps, { 1: '2026-03-13' });
    expect(result.ok).toBe(true);
    expect(result.changes.map((c) => c.to)).toEqual(['2026-03-13', '2026-03-20', '2026-03-25', '2026-03-27', '2026-04-01']);
    expect(result.problems).toEqual([{ kind: 'self-link', message: 'Step 2 (Procurement review) depends on itself; that link was ignored.', steps: [2] }]);
  });

  test('2-step cycle: nothing is written, not even the valid move upstream of it', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2026-03-06'),
      step(2, 'Pilot/POC setup', '2026-03-10', [1]),
      step(3, 'Procurement review', '2026-03-13', [2, 5]),
      step(4, 'Pricing proposal delivery', '2026-03-16'),
      step(5, 'Contract signature', '2026-03-20', [3]),
    ];
    const result = shift(steps, { 1: '2026-03-13' });
    expect(result).toEqual({
      ok: false,
      changes: [],
      pinned: [],
      undated: [],
      keyDates: {},
      problems: [{ kind: 'cycle', message: 'Steps 3 → 5 → 3 depend on each other in a circle; nothing was changed.', steps: [3, 5] }],
    });
  });

  test('3-step cycle elsewhere in the plan: no partial write', () => {
    const steps = [
      ...closingChain(),
      step(6, 'Internal review and stakeholder alignment', '2026-03-10', [8]),
      step(7, 'Executive sponsor sign-off', '2026-03-12', [6]),
      step(8, 'Budget committee review', '2026-03-16', [7]),
    ];
    const result = shift(steps, { 1: '2026-03-13' });
    expect(result.ok).toBe(false);
    expect(result.changes).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual(['Steps 6 → 7 → 8 → 6 depend on each other in a circle; nothing was changed.']);
  });

  test('link to a missing step is reported and ignored', () => {
    const steps = closingChain();
    steps[2] = { ...steps[2]!, dependsOn: ['s2', 'deleted-row'] };
    const result = shift(steps, { 1: '2026-03-13' });
    expect(result.ok).toBe(true);
    expect(result.changes).toHaveLength(5);
    expect(result.problems).toEqual([
      { kind: 'missing-step', message: 'Step 3 (Contract redlines and negotiation) depends on a step that is not in the plan; that link was ignored.', steps: [3] },
    ]);
  });

  test('duplicate links count once: the successor moves by the slip, not twice', () => {
    const steps = closingChain();
    steps[1] = { ...steps[1]!, dependsOn: ['s1', 's1'] };
    expect(shift(steps, { 1: '2026-03-13' }).changes[1]).toMatchObject({ number: 2, to: '2026-03-20' });
  });

  test('a move naming a step that is not in the plan writes nothing', () => {
    const result = shiftDownstream({ steps: closingChain(), moves: [{ key: 'gone', to: '2026-03-13' }] });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ kind: 'missing-step', message: 'A date change names a step that is not in the plan; nothing was changed.', steps: [] }]);
  });

  test('two different new dates for one step write nothing', () => {
    const result = shiftDownstream({ steps: closingChain(), moves: [{ key: 's1', to: '2026-03-13' }, { key: 's1', to: '2026-03-20' }] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Step 1 (Security questionnaire review) was given two new dates (Mar 13, 2026 and Mar 20, 2026); nothing was changed.',
    ]);
  });

  test('a due date that is not a calendar date writes nothing', () => {
    const steps = closingChain();
    steps[3] = { ...steps[3]!, due: '2026-02-30' };
    const result = shift(steps, { 1: '2026-03-13' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual(['Step 4 (Contract signature) has a due date that is not a calendar date ("2026-02-30"); nothing was changed.']);
  });
});

// ─── shiftDownstream: shapes ─────────────────────────────────────────────────────────────────

describe('shiftDownstream: shapes', () => {
  test('straight chain: security review takes an extra week, every step after it shifts by a week', () => {
    expect(rows(shift(closingChain(), { 1: '2026-03-13' }))).toEqual([
      [1, '2026-03-06', '2026-03-13', 'moved by you'],
      [2, '2026-03-13', '2026-03-20', SLIP_1],
      [3, '2026-03-18', '2026-03-25', SLIP_1],
      [4, '2026-03-20', '2026-03-27', SLIP_1],
      [5, '2026-03-25', '2026-04-01', SLIP_1],
    ]);
  });

  test('fan-out: one slip moves every branch by its own gap', () => {
    const result = shift(enterprisePlan(), { 1: '2026-03-05' });
    const slip = 'after step 1 (Technical deep-dive with engineering) moved 3 working days later';
    expect(rows(result)).toEqual([
      [1, '2026-03-02', '2026-03-05', 'moved by you'],
      [2, '2026-03-06', '2026-03-11', slip],
      [3, '2026-03-10', '2026-03-13', slip],
      [4, '2026-03-20', '2026-03-25', slip],
      [5, '2026-03-27', '2026-04-01', slip],
      [6, '2026-04-01', '2026-04-06', slip],
      [7, '2026-04-08', '2026-04-13', slip],
    ]);
  });

  /** Procurement waits for both security (gap 7) and the pilot review (gap 2). */
  function fanIn(): ScheduleStep[] {
    return [
      step(1, 'Security questionnaire review', '2026-03-02'),
      step(2, 'Pilot results review', '2026-03-09'),
      step(3, 'Procurement review', '2026-03-11', [1, 2]),
      step(4, 'Security sign-off letter', '2026-03-04', [1]),
    ];
  }

  test('fan-in where one predecessor slips: keep-gaps keeps that link\'s gap', () => {
    expect(rows(shift(fanIn(), { 1: '2026-03-09' }))).toEqual([
      [1, '2026-03-02', '2026-03-09', 'moved by you'],
      [3, '2026-03-11', '2026-03-18', SLIP_1],
      [4, '2026-03-04', '2026-03-11', SLIP_1],
    ]);
  });

  test('fan-in where all predecessors slip: the successor follows the later result', () => {
    expect(rows(shift(fanIn(), { 1: '2026-03-04', 2: '2026-03-12' }))).toEqual([
      [1, '2026-03-02', '2026-03-04', 'moved by you'],
      [2, '2026-03-09', '2026-03-12', 'moved by you'],
      [3, '2026-03-11', '2026-03-16', 'after step 2 (Pilot results review) moved 3 working days later'],
      [4, '2026-03-04', '2026-03-06', 'after step 1 (Security questionnaire review) moved 2 working days later'],
    ]);
  });

  test('merge point: a predecessor that did not move still holds its successor when the other is pulled in', () => {
    expect(rows(shift(fanIn(), { 1: '2026-02-23' }, { pullIn: true }))).toEqual([
      [1, '2026-03-02', '2026-02-23', 'moved by you'],
      // Procurement stays: the pilot review still needs it on Mar 11. The sign-off letter has no other holder.
      [4, '2026-03-04', '2026-02-25', 'after step 1 (Security questionnaire review) moved 5 working days earlier'],
    ]);
  });

  test('diamond: the join moves once, by the slip, and names the step that slipped', () => {
    const steps = [
      step(1, 'Technical deep-dive with engineering', '2026-03-02'),
      step(2, 'Security questionnaire review', '2026-03-06', [1]),
      step(3, 'Pilot/POC setup', '2026-03-10', [1]),
      step(4, 'Procurement review', '2026-03-17', [2, 3]),
    ];
    const slip = 'after step 1 (Technical deep-dive with engineering) moved 2 working days later';
    expect(rows(shift(steps, { 1: '2026-03-04' }))).toEqual([
      [1, '2026-03-02', '2026-03-04', 'moved by you'],
      [2, '2026-03-06', '2026-03-10', slip],
      [3, '2026-03-10', '2026-03-12', slip],
      [4, '2026-03-17', '2026-03-19', slip],
    ]);
  });

  test('steps not downstream of the slip are untouched', () => {
    const result = shift(enterprisePlan(), { 2: '2026-03-13' });
    // Steps 1, 3 and 4 are upstream or on the other branch: untouched. Procurement keeps its 15-day gap after security.
    expect(rows(result)).toEqual([
      [2, '2026-03-06', '2026-03-13', 'moved by you'],
      [5, '2026-03-27', '2026-04-03', 'after step 2 (Security questionnaire review) moved 5 working days later'],
      [6, '2026-04-01', '2026-04-08', 'after step 2 (Security questionnaire review) moved 5 working days later'],
      [7, '2026-04-08', '2026-04-15', 'after step 2 (Security questionnaire review) moved 5 working days later'],
    ]);
  });
});

// ─── shiftDownstream: direction and modes ────────────────────────────────────────────────────

describe('shiftDownstream: direction', () => {
  test('earlier without pull-in: later steps stay', () => {
    expect(rows(shift(closingChain(), { 1: '2026-03-03' }))).toEqual([[1, '2026-03-06', '2026-03-03', 'moved by you']]);
  });

  test('earlier with pull-in: later steps come in by the same working days', () => {
    const slip = 'after step 1 (Security questionnaire review) moved 3 working days earlier';
    expect(rows(shift(closingChain(), { 1: '2026-03-03' }, { pullIn: true }))).toEqual([
      [1, '2026-03-06', '2026-03-03', 'moved by you'],
      [2, '2026-03-13', '2026-03-10', slip],
      [3, '2026-03-18', '2026-03-13', slip],
      [4, '2026-03-20', '2026-03-17', slip],
      [5, '2026-03-25', '2026-03-20', slip],
    ]);
  });

  test('zero change: a move to the same date changes nothing', () => {
    expect(shift(closingChain(), { 1: '2026-03-06' })).toEqual({ ok: true, changes: [], pinned: [], undated: [], keyDates: {}, problems: [] });
  });

  test('an already negative gap is kept: the successor moves by the slip, never further, and a note says so', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2026-03-10'),
      step(2, 'Procurement review', '2026-03-06', [1]),
      step(3, 'Contract signature', '2026-03-11', [2]),
    ];
    const result = shift(steps, { 1: '2026-03-17' });
    expect(rows(result)).toEqual([
      [1, '2026-03-10', '2026-03-17', 'moved by you'],
      [2, '2026-03-06', '2026-03-13', SLIP_1],
      [3, '2026-03-11', '2026-03-18', SLIP_1],
    ]);
    expect(result.problems).toEqual([
      {
        kind: 'negative-gap',
        message: 'Step 2 (Procurement review) was due 2 working days before step 1 (Security questionnaire review), which it depends on; that overlap was kept.',
        steps: [1, 2],
      },
    ]);
  });

  test('an already negative gap under fix-overlaps keeps the old overlap instead of jumping after the predecessor', () => {
    const steps = [step(1, 'Security questionnaire review', '2026-03-10'), step(2, 'Procurement review', '2026-03-06', [1])];
    // Strictly after the new Mar 11 would be Mar 12; the existing 2-day overlap is kept: Mar 9.
    expect(rows(shift(steps, { 1: '2026-03-11' }, { mode: 'fix-overlaps' }))).toEqual([
      [1, '2026-03-10', '2026-03-11', 'moved by you'],
      [2, '2026-03-06', '2026-03-09', 'to stay after step 1 (Security questionnaire review)'],
    ]);
  });
});

describe('shiftDownstream: fix-overlaps', () => {
  test('a successor moves only as far as needed to be due after its predecessor; slack absorbs the rest', () => {
    expect(rows(shift(closingChain(), { 1: '2026-03-17' }, { mode: 'fix-overlaps' }))).toEqual([
      [1, '2026-03-06', '2026-03-17', 'moved by you'],
      [2, '2026-03-13', '2026-03-18', 'to stay after step 1 (Security questionnaire review)'],
      [3, '2026-03-18', '2026-03-19', 'to stay after step 2 (Procurement review)'],
      // Contract signature (Mar 20) is already after Mar 19: it and onboarding stay.
    ]);
  });

  test('a same-day link stays same-day, and an unmoved same-day predecessor never pushes', () => {
    const steps = [
      step(1, 'Pricing proposal delivery', '2026-03-05'),
      step(2, 'Executive sponsor sign-off', '2026-03-10'),
      step(3, 'ROI/business case presentation', '2026-03-10', [1, 2]),
      step(4, 'Internal review and stakeholder alignment', '2026-03-10', [3]),
    ];
    // Pricing moves to Mar 6: the presentation must be after it (Mar 9 or later) and on or after sign-off (Mar 10): it stays.
    expect(rows(shift(steps, { 1: '2026-03-06' }, { mode: 'fix-overlaps' }))).toEqual([[1, '2026-03-05', '2026-03-06', 'moved by you']]);
    // Presentation moves to Mar 11: the same-day review follows to Mar 11, not Mar 12.
    expect(rows(shift(steps, { 3: '2026-03-11' }, { mode: 'fix-overlaps' }))).toEqual([
      [3, '2026-03-10', '2026-03-11', 'moved by you'],
      [4, '2026-03-10', '2026-03-11', 'to stay after step 3 (ROI/business case presentation)'],
    ]);
  });

  test('pull-in does not apply: nothing has to move earlier to stay after', () => {
    expect(rows(shift(closingChain(), { 1: '2026-03-03' }, { mode: 'fix-overlaps', pullIn: true }))).toEqual([[1, '2026-03-06', '2026-03-03', 'moved by you']]);
  });
});

// ─── shiftDownstream: pinned and undated ─────────────────────────────────────────────────────

describe('shiftDownstream: pinned and undated steps', () => {
  test('done step downstream: not moved, reported with the date it would have had', () => {
    const steps = [
      step(1, 'Pilot/POC setup', '2026-03-10'),
      step(2, 'Pilot results review', '2026-03-20', [1]),
      step(3, 'Reference call with a current customer', '2026-03-12', [1], 'complete'),
    ];
    const result = shift(steps, { 1: '2026-03-17' });
    expect(rows(result)).toEqual([
      [1, '2026-03-10', '2026-03-17', 'moved by you'],
      [2, '2026-03-20', '2026-03-27', 'after step 1 (Pilot/POC setup) moved 5 working days later'],
    ]);
    expect(result.pinned).toEqual([
      { key: 's3', number: 3, action: 'Reference call with a current customer', due: '2026-03-12', wouldMoveTo: '2026-03-19', reason: 'complete: not moved' },
    ]);
  });

  test('done step mid-chain: not moved, and its date still holds the steps after it', () => {
    const steps = closingChain().map((s) => (s.number === 3 ? { ...s, status: 'complete' as const } : s));
    const result = shift(steps, { 1: '2026-03-13' });
    expect(rows(result)).toEqual([
      [1, '2026-03-06', '2026-03-13', 'moved by you'],
      [2, '2026-03-13', '2026-03-20', SLIP_1],
    ]);
    expect(result.pinned.map((p) => [p.number, p.wouldMoveTo, p.reason])).toEqual([[3, '2026-03-25', 'complete: not moved']]);
  });

  test('undated step mid-chain: never written, passes the slip through (gap measured across it), listed as needing a date', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2026-03-06'),
      step(2, 'Procurement review', null, [1]),
      step(3, 'Contract signature', '2026-03-20', [2]),
    ];
    const result = shift(steps, { 1: '2026-03-13' });
    expect(rows(result)).toEqual([
      [1, '2026-03-06', '2026-03-13', 'moved by you'],
      [3, '2026-03-20', '2026-03-27', SLIP_1],
    ]);
    expect(result.undated).toEqual([{ key: 's2', number: 2, action: 'Procurement review', notBefore: '2026-03-13' }]);
  });

  test('undated step from the row-order fallback (no "Depends on" column) passes dates through', () => {
    const table = [
      { number: 1, action: 'Security questionnaire review', due: '2026-03-06' },
      { number: 2, action: 'Procurement review', due: null },
      { number: 3, action: 'Contract signature', due: '2026-03-20' },
    ];
    const { dependsOn } = buildDependencies(table.map((r) => ({ ...r, dependsText: null })), false);
    const steps: ScheduleStep[] = table.map((r) => ({ key: String(r.number), ...r, status: 'pending', dependsOn: dependsOn[String(r.number)] ?? [] }));
    const result = shiftDownstream({ steps, moves: [{ key: '1', to: '2026-03-13' }] });
    expect(result.changes.map((c) => [c.number, c.to])).toEqual([[1, '2026-03-13'], [3, '2026-03-27']]);
    expect(result.undated.map((u) => u.number)).toEqual([2]);
  });

  test('undated step under fix-overlaps adds no day of its own', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2026-03-06'),
      step(2, 'Procurement review', null, [1]),
      step(3, 'Contract signature', '2026-03-09', [2]),
    ];
    expect(rows(shift(steps, { 1: '2026-03-10' }, { mode: 'fix-overlaps' }))).toEqual([
      [1, '2026-03-06', '2026-03-10', 'moved by you'],
      [3, '2026-03-09', '2026-03-11', 'to stay after step 1 (Security questionnaire review)'],
    ]);
  });
});

// ─── shiftDownstream: detected moves and baseline ────────────────────────────────────────────

describe('detected moves from the saved baseline', () => {
  test('a hand edit is found and shifted, gaps measured on the saved dates', () => {
    const steps = closingChain().map((s) => (s.number === 1 ? { ...s, due: '2026-03-13' } : s));
    const baseline = Object.fromEntries(closingChain().map((s) => [s.key, s.due]));
    const moves = detectMoves(steps, baseline);
    expect(moves).toEqual([{ key: 's1', to: '2026-03-13' }]);
    const result = shiftDownstream({ steps, moves, baseline });
    expect(rows(result)[0]).toEqual([1, '2026-03-06', '2026-03-13', 'moved by you']);
    expect(result.changes.map((c) => c.to)).toEqual(['2026-03-13', '2026-03-20', '2026-03-25', '2026-03-27', '2026-04-01']);
  });

  test('nothing edited since the baseline: no moves, no changes', () => {
    const baseline = Object.fromEntries(closingChain().map((s) => [s.key, s.due]));
    expect(detectMoves(closingChain(), baseline)).toEqual([]);
  });
});

// ─── shiftDownstream: calendar ───────────────────────────────────────────────────────────────

describe('shiftDownstream: calendar', () => {
  const pair = (aDue: IsoDate, bDue: IsoDate): ScheduleStep[] => [step(1, 'Procurement review', aDue), step(2, 'Contract signature', bDue, [1])];

  test('landing on a Saturday rolls to Monday (working days)', () => {
    // Wed Mar 11 → Fri Mar 13 is 2 working days; Thu Mar 12 + 2 working days is Mon Mar 16, not Sat Mar 14.
    expect(shift(pair('2026-03-11', '2026-03-13'), { 1: '2026-03-12' }).changes[1]?.to).toBe('2026-03-16');
  });

  test('landing on a Sunday rolls to Monday', () => {
    // Tue Mar 10 → Fri Mar 13 is 3 working days; a two-day slip in calendar days would land on Sun Mar 15, working days give Tue Mar 17.
    expect(shift(pair('2026-03-10', '2026-03-13'), { 1: '2026-03-12' }).changes[1]?.to).toBe('2026-03-17');
  });

  test('landing on a holiday rolls to the next working day', () => {
    const goodFriday = holidays('2026-04-03');
    const result = shift(pair('2026-03-31', '2026-04-02'), { 1: '2026-04-01' }, { calendar: goodFriday });
    expect(rows(result)[1]).toEqual([2, '2026-04-02', '2026-04-06', 'after step 1 (Procurement review) moved 1 working day later']);
  });

  test('original successor date on a weekend counts as the Monday it stands for', () => {
    // Sat Mar 14 stands for Mon Mar 16, 6 working days after Fri Mar 6; the slip of 5 lands on Mon Mar 23.
    expect(rows(shift(pair('2026-03-06', '2026-03-14'), { 1: '2026-03-13' }))[1]).toEqual([
      2,
      '2026-03-14',
      '2026-03-23',
      'after step 1 (Procurement review) moved 5 working days later',
    ]);
  });

  test('moved step\'s original date on a weekend: the slip is counted from the Monday', () => {
    expect(rows(shift(pair('2026-03-07', '2026-03-11'), { 1: '2026-03-13' }))).toEqual([
      [1, '2026-03-07', '2026-03-13', 'moved by you'],
      [2, '2026-03-11', '2026-03-17', 'after step 1 (Procurement review) moved 4 working days later'],
    ]);
  });

  test('a date the person gives on a Saturday is kept; successors count from the Monday', () => {
    // Sat Mar 14 counts as Mon Mar 16: 6 working days after Fri Mar 6.
    expect(rows(shift(pair('2026-03-06', '2026-03-10'), { 1: '2026-03-14' }))).toEqual([
      [1, '2026-03-06', '2026-03-14', 'moved by you'],
      [2, '2026-03-10', '2026-03-18', 'after step 1 (Procurement review) moved 6 working days later'],
    ]);
  });

  test('a successor typed on a Saturday is not moved to the Monday it already stood for', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2026-03-02'),
      step(2, 'Pilot results review', '2026-03-12'),
      step(3, 'Procurement review', '2026-03-14', [1, 2]),
    ];
    expect(rows(shift(steps, { 1: '2026-02-27' }, { pullIn: true }))).toEqual([[1, '2026-03-02', '2026-02-27', 'moved by you']]);
  });

  test('crossing a month end', () => {
    expect(shift(pair('2026-03-27', '2026-04-01'), { 1: '2026-03-31' }).changes[1]?.to).toBe('2026-04-03');
  });

  test('crossing a year, skipping Christmas and New Year\'s Day', () => {
    const steps = [
      step(1, 'Legal / contract negotiation', '2026-12-17'),
      step(2, 'Contract signature', '2026-12-22', [1]),
      step(3, 'Onboarding kickoff', '2027-01-08', [2]),
    ];
    const slip = 'after step 1 (Legal / contract negotiation) moved 8 working days later';
    expect(rows(shift(steps, { 1: '2026-12-30' }, { calendar: holidays('2026-12-25', '2027-01-01') }))).toEqual([
      [1, '2026-12-17', '2026-12-30', 'moved by you'],
      [2, '2026-12-22', '2027-01-05', slip],
      [3, '2027-01-08', '2027-01-20', slip],
    ]);
  });

  test('crossing Feb 29 in a leap year', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2028-02-24'),
      step(2, 'Procurement review', '2028-02-28', [1]),
      step(3, 'Contract signature', '2028-03-01', [2]),
    ];
    expect(shift(steps, { 1: '2028-02-25' }).changes.map((c) => c.to)).toEqual(['2028-02-25', '2028-02-29', '2028-03-02']);
  });

  test('calendar-days option: weekends count, a Saturday result stays, Feb 29 is one day', () => {
    const steps = [
      step(1, 'Security questionnaire review', '2028-02-25'),
      step(2, 'Procurement review', '2028-02-28', [1]),
      step(3, 'Contract signature', '2028-03-02', [2]),
    ];
    expect(rows(shift(steps, { 1: '2028-02-27' }, { calendar: CALENDAR_DAYS }))).toEqual([
      [1, '2028-02-25', '2028-02-27', 'moved by you'],
      [2, '2028-02-28', '2028-03-01', 'after step 1 (Security questionnaire review) moved 2 days later'],
      [3, '2028-03-02', '2028-03-04', 'after step 1 (Security questionnaire review) moved 2 days later'],
    ]);
  });

  describe('daylight-saving weeks', () => {
    // US clocks change Mar 8 and Nov 1, 2026; Europe's Mar 29 and Oct 25; Lord Howe moves by half an hour.
    const plan = (): ScheduleStep[] => [
      step(1, 'Security questionnaire review', '2026-03-06'),
      step(2, 'Procurement review', '2026-03-09', [1]),
      step(3, 'Procurement/legal review', '2026-03-27', [2]),
      step(4, 'Contract signature', '2026-10-26', [3]),
      step(5, 'Onboarding kickoff', '2026-11-02', [4]),
    ];
    const expected = ['2026-03-13', '2026-03-16', '2026-04-03', '2026-11-02', '2026-11-09'];

    // A jest worker cannot change its own time zone, so each zone runs the real module in a fresh Node process.
    const bundled = buildSync({ entryPoints: [join(__dirname, '../../../src/core/scheduling/schedule.ts')], bundle: true, format: 'cjs', platform: 'node', write: false })
      .outputFiles[0]?.text;
    const runIn = (zone: string): { offsets: number[]; dates: IsoDate[] } => {
      const input = JSON.stringify({ steps: plan(), moves: [{ key: 's1', to: '2026-03-13' }] });
      const script =
        `${bundled ?? ''}\nconst r = module.exports.shiftDownstream(${input});\n` +
        'process.stdout.write(JSON.stringify({ offsets: [new Date(2026, 0, 15).getTimezoneOffset(), new Date(2026, 6, 15).getTimezoneOffset()], dates: r.changes.map((c) => c.to) }));';
      return JSON.parse(execFileSync(process.execPath, ['-'], { input: script, env: { ...process.env, TZ: zone } }).toString()) as { offsets: number[]; dates: IsoDate[] };
    };

    test('in this process: a one-week slip across the clock changes is exactly one week', () => {
      expect(shift(plan(), { 1: '2026-03-13' }).changes.map((c) => c.to)).toEqual(expected);
    });

    test.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham'])('the same dates under the %s time zone', (zone) => {
      const { offsets, dates } = runIn(zone);
      // Prove the zone took effect: winter and summer offsets differ there.
      expect(offsets[0]).not.toBe(offsets[1]);
      expect(dates).toEqual(expected);
    });
  });
});

// ─── Key dates ───────────────────────────────────────────────────────────────────────────────

const follows = (date: IsoDate | null, stepKey: string | null, fixed = false): KeyDateRule => ({ date, followsStep: stepKey, fixed });

describe('key dates during a shift', () => {
  // Decision target two working days after signature (Mar 20 → Tue Mar 24); go-live a week after onboarding (Mar 25 → Apr 1).
  const keyDates = (fixedDecision = false) => ({ decisionTarget: follows('2026-03-24', 's4', fixedDecision), goLiveTarget: follows('2026-04-01', 's5') });

  test('a key date whose step now lands after it moves by the overrun only, onto the step\'s day (rule 9)', () => {
    const result = shift(closingChain(), { 1: '2026-03-13' }, { keyDates: keyDates() });
    expect(result.keyDates.decisionTarget).toMatchObject({
      from: '2026-03-24',
      to: '2026-03-27',
      moved: true,
      held: false,
      overrunBy: 3,
      reason: 'step 4 (Contract signature) now lands Mar 27, 2026, 3 working days after it',
      verdict: 'on-time',
      forecast: '2026-03-27',
    });
    expect(result.keyDates.decisionTarget?.chain.map((c) => [c.number, c.due])).toEqual([[1, '2026-03-13'], [2, '2026-03-20'], [3, '2026-03-25'], [4, '2026-03-27']]);
    // Onboarding (step 5) lands Apr 1, on the go-live target: it still fits, so go-live stays.
    expect(result.keyDates.goLiveTarget).toMatchObject({ from: '2026-04-01', to: '2026-04-01', moved: false, held: false, stepMoved: true, stepDate: '2026-04-01', verdict: 'on-time' });
  });

  test('while the signature step still lands on or before the decision target, the target does not move', () => {
    const result = shift(closingChain(), { 1: '2026-03-09' }, { keyDates: keyDates() });
    expect(result.changes.find((c) => c.number === 4)?.to).toBe('2026-03-23');
    expect(result.keyDates.decisionTarget).toMatchObject({ from: '2026-03-24', to: '2026-03-24', moved: false, verdict: 'on-time', stepMoved: true });
  });

  test('fixed decision target never moves and is flagged "not realistic: N working days late" with the chain', () => {
    const outcome = shift(closingChain(), { 1: '2026-03-13' }, { keyDates: keyDates(true) }).keyDates.decisionTarget;
    expect(outcome).toMatchObject({ from: '2026-03-24', to: '2026-03-24', moved: false, verdict: 'late', lateBy: 3 });
    expect(outcome?.message).toBe(
      'Decision target Mar 24, 2026 is not realistic: 3 working days late. Step 4 (Contract signature) is due Mar 27, 2026, driven by steps 1 → 2 → 3 → 4.',
    );
  });

  test('a key date stays when its step moves earlier, with or without pull-in: the commitment still holds', () => {
    expect(shift(closingChain(), { 4: '2026-03-19' }, { keyDates: keyDates() }).keyDates.decisionTarget).toMatchObject({ to: '2026-03-24', moved: false });
    expect(shift(closingChain(), { 4: '2026-03-19' }, { keyDates: keyDates(), pullIn: true }).keyDates.decisionTarget).toMatchObject({ to: '2026-03-24', moved: false });
  });

  test('fix-overlaps: the decision target moves only when signature would land after it, and then to the signature day', () => {
    const result = shift(closingChain(), { 1: '2026-03-20' }, { mode: 'fix-overlaps', keyDates: keyDates() });
    expect(result.changes.map((c) => [c.number, c.to])).toEqual([[1, '2026-03-20'], [2, '2026-03-23'], [3, '2026-03-24'], [4, '2026-03-25'], [5, '2026-03-26']]);
    expect(result.keyDates.decisionTarget).toMatchObject({ to: '2026-03-25', moved: true, verdict: 'on-time' });
  });

  test('no signature step: the decision target is not moved and says why it cannot be checked', () => {
    const outcome = shift(closingChain(), { 1: '2026-03-13' }, { keyDates: { decisionTarget: follows('2026-03-24', null) } }).keyDates.decisionTarget;
    expect(outcome).toEqual({
      from: '2026-03-24',
      to: '2026-03-24',
      moved: false,
      held: false,
      verdict: 'unchecked',
      forecast: null,
      chain: [],
      message: 'No step is marked as the contract signature step, so the decision target cannot be checked against the plan.',
    });
  });

  test('signature step already done: it is pinned, the decision target stays, verdict done', () => {
    const steps = closingChain().map((s) => (s.number === 4 ? { ...s, status: 'complete' as const } : s));
    const result = shift(steps, { 1: '2026-03-13' }, { keyDates: keyDates() });
    expect(result.pinned.map((p) => p.number)).toEqual([4]);
    expect(result.changes.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(result.keyDates.decisionTarget).toMatchObject({ to: '2026-03-24', moved: false, verdict: 'done', message: 'Step 4 (Contract signature) is complete.' });
  });

  test('a key date that follows a step no longer in the plan is reported, not moved', () => {
    const result = shift(closingChain(), { 1: '2026-03-13' }, { keyDates: { decisionTarget: follows('2026-03-24', 'deleted') } });
    expect(result.ok).toBe(true);
    expect(result.keyDates.decisionTarget).toMatchObject({
      moved: false,
      verdict: 'unchecked',
      message: 'The step it follows is no longer in the plan, so the decision target cannot be checked against the plan.',
    });
    expect(result.problems).toEqual([{ kind: 'missing-step', message: 'The decision target follows a step that is not in the plan; it was not checked.', steps: [] }]);
  });
});

describe('closeDateCheck: key dates without any move', () => {
  const steps = closingChain();

  test('decision target earlier than the signature step allows: late, with the chain', () => {
    const check = closeDateCheck(steps, { decisionTarget: follows('2026-03-18', 's4', true) });
    expect(check.ok).toBe(true);
    expect(check.decisionTarget).toMatchObject({ date: '2026-03-18', verdict: 'late', lateBy: 2, forecast: '2026-03-20' });
    expect(check.decisionTarget?.chain.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(check.decisionTarget?.message).toBe(
      'Decision target Mar 18, 2026 is not realistic: 2 working days late. Step 4 (Contract signature) is due Mar 20, 2026, driven by steps 1 → 2 → 3 → 4.',
    );
  });

  test('forecast equal to target: on time, nothing to say', () => {
    const check = closeDateCheck(steps, { decisionTarget: follows('2026-03-20', 's4') });
    expect(check.decisionTarget).toEqual({ date: '2026-03-20', verdict: 'on-time', forecast: '2026-03-20', chain: expect.any(Array) });
    expect(check.decisionTarget?.lateBy).toBeUndefined();
  });

  test('target already past and signature not done: late counted to today', () => {
    const check = closeDateCheck(steps, { decisionTarget: follows('2026-03-24', 's4', true) }, undefined, '2026-03-26');
    expect(check.decisionTarget).toMatchObject({ verdict: 'late', lateBy: 2, forecast: '2026-03-26' });
    expect(check.decisionTarget?.message).toBe(
      'Decision target Mar 24, 2026 (already past) is not realistic: 2 working days late. ' +
        'Step 4 (Contract signature) was due Mar 20, 2026 and is not complete (today is Mar 26, 2026).',
    );
  });

  test('target already past but signature done: nothing to flag', () => {
    const done = steps.map((s) => (s.number === 4 ? { ...s, status: 'complete' as const } : s));
    expect(closeDateCheck(done, { decisionTarget: follows('2026-03-18', 's4') }, undefined, '2026-03-26').decisionTarget?.verdict).toBe('done');
  });

  test('no signature step: unchecked', () => {
    expect(closeDateCheck(steps, { decisionTarget: follows('2026-03-18', null) }).decisionTarget).toMatchObject({ verdict: 'unchecked', chain: [] });
  });

  test('a Saturday target before a Monday signature is still one working day late', () => {
    const mondaySignature = steps.map((s) => (s.number === 4 ? { ...s, due: '2026-03-23' } : s));
    expect(closeDateCheck(mondaySignature, { decisionTarget: follows('2026-03-21', 's4') }).decisionTarget).toMatchObject({ verdict: 'late', lateBy: 1 });
  });

  test('undated signature step is judged by the steps before it', () => {
    const undatedSignature = steps.map((s) => (s.number === 4 ? { ...s, due: null } : s));
    expect(closeDateCheck(undatedSignature, { decisionTarget: follows('2026-03-17', 's4') }).decisionTarget?.message).toBe(
      'Decision target Mar 17, 2026 is not realistic: 1 working day late. Step 4 (Contract signature) has no date but cannot happen before Mar 18, 2026, driven by steps 1 → 2 → 3 → 4.',
    );
  });

  test('go-live target is checked against onboarding', () => {
    expect(closeDateCheck(steps, { goLiveTarget: follows('2026-03-23', 's5') }).goLiveTarget).toMatchObject({ verdict: 'late', lateBy: 2 });
  });

  test('a cycle means the key dates are not checked', () => {
    const looped = steps.map((s) => (s.number === 1 ? { ...s, dependsOn: ['s4'] } : s));
    expect(closeDateCheck(looped, { decisionTarget: follows('2026-03-18', 's4') })).toEqual({
      ok: false,
      problems: [{ kind: 'cycle', message: 'Steps 1 → 2 → 3 → 4 → 1 depend on each other in a circle; the key dates were not checked.', steps: [1, 2, 3, 4] }],
    });
  });

  test('script time zone different from the user\'s: the person\'s today decides whether signature is overdue', () => {
    const instant = new Date('2026-03-24T02:00:00Z');
    const userToday = todayIn('America/Los_Angeles', instant); // still Monday evening there
    const scriptToday = todayIn('Europe/Berlin', instant); // already Tuesday in the script's zone
    expect([userToday, scriptToday]).toEqual(['2026-03-23', '2026-03-24']);
    const mondaySignature = steps.map((s) => (s.number === 4 ? { ...s, due: '2026-03-23' } : s));
    const rules = { decisionTarget: follows('2026-03-23', 's4') };
    expect(closeDateCheck(mondaySignature, rules, undefined, userToday).decisionTarget?.verdict).toBe('on-time');
    expect(closeDateCheck(mondaySignature, rules, undefined, scriptToday).decisionTarget?.verdict).toBe('late');
  });
});
