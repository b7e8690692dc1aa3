// The plan's history: baseline, slips, completion, added and removed steps, key dates, bounds, and the numbers the health check and metrics read.
import {
  MAX_EVENTS,
  MAX_REMOVED_STEPS,
  MAX_REVIEWS,
  MAX_STAKEHOLDERS,
  closeDateAccuracy,
  completedOnTime,
  countersBefore,
  daysSinceLastActivity,
  keyDateDrift,
  lastMovedOn,
  liveSteps,
  observe,
  observeUndo,
  recordReview,
  addedSinceLastReview,
  editedByHand,
  slippingSteps,
  slipsOf,
  stakeholderOf,
  stakeholdersAddedSince,
  startHistory,
  stepOf,
  stepsAddedSinceBaseline,
  trimEvents,
  type ObservedPlan,
  type ObservedStep,
  type PlanHistory,
  type StepRecord,
} from '../../../src/core/history/history';
import { addDays } from '../../../src/core/scheduling/calendar';
import type { IsoDate, Status } from '../../../src/core/plan';

// March 2026: Mon 2, Fri 6, Fri 13, Fri 20, Fri 27; Apr 3 and 10 are Fridays.

const LABEL: Record<Status, string> = { pending: 'Pending', in_progress: 'In progress', complete: 'Complete', blocked: 'Blocked', not_needed: 'Not needed' };

function step(key: string, number: number, action: string, owner: string, due: IsoDate | null, status: Status = 'pending'): ObservedStep {
  return { key, number, action, owner, due, status, statusText: LABEL[status] };
}

/** The Globex evaluation as inserted on Mon Mar 2, 2026. */
function globexPlan(): ObservedPlan {
  return {
    steps: [
      step('deep-dive', 1, 'Technical deep-dive with engineering', 'Both', '2026-03-06'),
      step('security', 2, 'Security questionnaire review', 'Globex IT', '2026-03-13'),
      step('pilot', 3, 'Pilot results review', 'Dana Ruiz (Globex)', '2026-03-20'),
      step('roi', 4, 'ROI/business case presentation to Maria Chen', 'Dana Ruiz (Globex)', '2026-03-27'),
      step('legal', 5, 'Procurement/legal review', 'Globex procurement', '2026-04-03'),
      step('signature', 6, 'Contract signature', 'Maria Chen', '2026-04-10'),
    ],
    keyDates: { evaluationStart: '2026-03-02', decisionTarget: '2026-04-10', goLiveTarget: '2026-04-24' },
  };
}

/** The same plan after edits: a step's date, status or status text by key. */
function edit(
  plan: ObservedPlan,
  changes: Record<string, Partial<Pick<ObservedStep, 'due' | 'status' | 'statusText' | 'action' | 'number'>>>,
  keyDates: ObservedPlan['keyDates'] = {},
): ObservedPlan {
  return {
    steps: plan.steps.map((s) => {
      const c = changes[s.key];
      if (!c) return s;
      const status = c.status === undefined ? s.status : c.status;
      const statusText = c.statusText ?? (c.status ? LABEL[c.status] : s.statusText);
      return { ...s, ...c, status, statusText };
    }),
    keyDates: { ...plan.keyDates, ...keyDates },
  };
}

function record(history: PlanHistory, key: string): StepRecord {
  const r = stepOf(history, key);
  if (!r) throw new Error(`no record for ${key}`);
  return r;
}

describe('the baseline', () => {
  test('holds every step with its original due date and status, and no events', () => {
    const h = startHistory(globexPlan(), '2026-03-02', 'insert');
    expect(h.baseline).toEqual({ on: '2026-03-02', cause: 'insert' });
    expect(liveSteps(h).map((r) => [r.number, r.action, r.baselineDue, r.currentDue, r.slips, r.status])).toEqual([
      [1, 'Technical deep-dive with engineering', '2026-03-06', '2026-03-06', 0, 'pending'],
      [2, 'Security questionnaire review', '2026-03-13', '2026-03-13', 0, 'pending'],
      [3, 'Pilot results review', '2026-03-20', '2026-03-20', 0, 'pending'],
      [4, 'ROI/business case presentation to Maria Chen', '2026-03-27', '2026-03-27', 0, 'pending'],
      [5, 'Procurement/legal review', '2026-04-03', '2026-04-03', 0, 'pending'],
      [6, 'Contract signature', '2026-04-10', '2026-04-10', 0, 'pending'],
    ]);
    expect(liveSteps(h).every((r) => r.inBaseline && r.addedOn === '2026-03-02')).toBe(true);
    expect(h.events).toEqual([]);
    expect(h.lastActivityOn).toBe('2026-03-02');
    expect(keyDateDrift(h, 'decisionTarget')).toEqual({
      baseline: '2026-04-10',
      current: '2026-04-10',
      lastDated: '2026-04-10',
      changes: 0,
      slips: 0,
      daysMoved: 0,
    });
  });

  test('reads key dates as the document reader gives them (lines with a date) and leaves out the ones not given', () => {
    const h = startHistory(
      { steps: globexPlan().steps, keyDates: { decisionTarget: { date: '2026-04-10' }, goLiveTarget: { date: null }, evaluationStart: null } },
      '2026-03-02',
      'hand',
    );
    expect(h.baseline.cause).toBe('hand');
    expect(h.keyDates.decisionTarget?.baseline).toBe('2026-04-10');
    expect(h.keyDates.goLiveTarget?.baseline).toBeNull();
    expect(startHistory({ steps: [], keyDates: {} }, '2026-03-02', 'insert').keyDates).toEqual({});
  });

  test('a plan first read with a step already complete marks it complete that day, done before the add-on saw it', () => {
    const plan = edit(globexPlan(), { 'deep-dive': { status: 'complete' } });
    const r = record(startHistory(plan, '2026-03-09', 'hand'), 'deep-dive');
    expect(r.completedOn).toBe('2026-03-09');
    expect(r.completeWhenFirstSeen).toBe(true);
  });
});

describe('due dates and slips', () => {
  const base = startHistory(globexPlan(), '2026-03-02', 'insert');

  test('a date moved later by hand is one slip, recorded with its original date', () => {
    const { history, events } = observe(base, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-10', 'hand');
    expect(events).toEqual([{ on: '2026-03-10', key: 'security', kind: 'due', from: '2026-03-13', to: '2026-03-20', cause: 'hand' }]);
    const r = record(history, 'security');
    expect([r.baselineDue, r.currentDue, r.slips, r.lastChangedOn]).toEqual(['2026-03-13', '2026-03-20', 1, '2026-03-10']);
    expect(history.lastActivityOn).toBe('2026-03-10');
  });

  test('a shift then a hand edit: two slips, and the step keeps slipping', () => {
    const shifted = observe(base, edit(globexPlan(), { security: { due: '2026-03-20' }, pilot: { due: '2026-03-27' } }), '2026-03-10', 'shift');
    const plan = edit(globexPlan(), { security: { due: '2026-03-27' }, pilot: { due: '2026-03-27' } });
    const { history } = observe(shifted.history, plan, '2026-03-17', 'hand');
    expect(slipsOf(history, 'security')).toBe(2);
    expect(slipsOf(history, 'pilot')).toBe(1);
    expect(slippingSteps(history).map((r) => r.action)).toEqual(['Security questionnaire review']);
    expect(history.events.map((e) => [e.key, e.cause])).toEqual([
      ['security', 'shift'],
      ['pilot', 'shift'],
      ['security', 'hand'],
    ]);
  });

  test('a move earlier is a change but not a slip; moving back later from there is one', () => {
    const earlier = observe(base, edit(globexPlan(), { legal: { due: '2026-03-27' } }), '2026-03-05', 'hand');
    expect(earlier.events).toHaveLength(1);
    expect(slipsOf(earlier.history, 'legal')).toBe(0);
    const back = observe(earlier.history, edit(globexPlan(), { legal: { due: '2026-04-03' } }), '2026-03-12', 'hand');
    expect(slipsOf(back.history, 'legal')).toBe(1);
    expect(record(back.history, 'legal').baselineDue).toBe('2026-04-03');
  });

  test('a date cleared to TBD and given again later than before is one slip', () => {
    const tbd = observe(base, edit(globexPlan(), { roi: { due: null } }), '2026-03-05', 'hand');
    expect(tbd.events[0]).toMatchObject({ kind: 'due', from: '2026-03-27', to: null });
    expect(slipsOf(tbd.history, 'roi')).toBe(0);
    const dated = observe(tbd.history, edit(globexPlan(), { roi: { due: '2026-04-03' } }), '2026-03-12', 'hand');
    expect(slipsOf(dated.history, 'roi')).toBe(1);
  });

  test('a first date for an undated step is not a slip and becomes its original date', () => {
    const plan = edit(globexPlan(), { pilot: { due: null } });
    const h = startHistory(plan, '2026-03-02', 'insert');
    const { history } = observe(h, edit(plan, { pilot: { due: '2026-03-24' } }), '2026-03-09', 'hand');
    expect(record(history, 'pilot')).toMatchObject({ baselineDue: '2026-03-24', currentDue: '2026-03-24', slips: 0 });
  });

  test('an unchanged plan records nothing and leaves the last activity alone', () => {
    const { history, events, trimmed } = observe(base, globexPlan(), '2026-03-20', 'hand');
    expect(events).toEqual([]);
    expect(trimmed).toBe(false);
    expect(history).toEqual(base);
  });

  test('renamed and renumbered steps are updated quietly: not activity', () => {
    const plan = edit(globexPlan(), { roi: { action: 'Business case to Maria Chen (CFO)', number: 5 }, legal: { number: 4 } });
    const { history, events } = observe(base, plan, '2026-03-20', 'hand');
    expect(events).toEqual([]);
    expect(record(history, 'roi')).toMatchObject({ action: 'Business case to Maria Chen (CFO)', number: 5, lastChangedOn: '2026-03-02' });
    expect(history.lastActivityOn).toBe('2026-03-02');
  });

  test('does not change the history it was given', () => {
    const before = JSON.stringify(base);
    observe(base, edit(globexPlan(), { security: { due: '2026-03-20', status: 'blocked' } }), '2026-03-10', 'hand');
    expect(JSON.stringify(base)).toBe(before);
  });

  test('a step key on two rows (a copied row) counts once: the first row speaks for it', () => {
    const plan = globexPlan();
    const copy = { ...plan.steps[1]!, number: 7, due: '2026-05-01' };
    const { history, events } = observe(base, { ...plan, steps: [...plan.steps, copy] }, '2026-03-10', 'hand');
    expect(events).toEqual([]);
    expect(record(history, 'security').currentDue).toBe('2026-03-13');
  });
});

describe('status and completion', () => {
  const base = startHistory(globexPlan(), '2026-03-02', 'insert');

  test('pending → in progress → complete: completed the first day it is seen complete', () => {
    const going = observe(base, edit(globexPlan(), { 'deep-dive': { status: 'in_progress' } }), '2026-03-04', 'hand');
    const done = observe(going.history, edit(globexPlan(), { 'deep-dive': { status: 'complete' } }), '2026-03-06', 'hand');
    expect(done.events).toEqual([
      { on: '2026-03-06', key: 'deep-dive', kind: 'status', from: 'In progress', to: 'Complete', cause: 'hand' },
    ]);
    const later = observe(done.history, edit(globexPlan(), { 'deep-dive': { status: 'complete', statusText: 'Done - 3/6' } }), '2026-03-09', 'hand');
    expect(later.events).toEqual([]);
    expect(record(later.history, 'deep-dive')).toMatchObject({ completedOn: '2026-03-06', statusText: 'Done - 3/6' });
  });

  test('reopened, the completion is cleared; completed again, it takes the new day', () => {
    const done = observe(base, edit(globexPlan(), { security: { status: 'complete' } }), '2026-03-12', 'hand').history;
    const reopened = observe(done, edit(globexPlan(), { security: { status: 'in_progress' } }), '2026-03-13', 'hand').history;
    expect(record(reopened, 'security').completedOn).toBeNull();
    const again = observe(reopened, edit(globexPlan(), { security: { status: 'complete' } }), '2026-03-18', 'hand').history;
    expect(record(again, 'security').completedOn).toBe('2026-03-18');
  });

  test('a status the reader did not understand neither completes nor reopens, but its edits are activity', () => {
    const done = observe(base, edit(globexPlan(), { pilot: { status: 'complete' } }), '2026-03-19', 'hand').history;
    const odd = observe(done, edit(globexPlan(), { pilot: { status: null, statusText: 'Go!' } }), '2026-03-20', 'hand');
    expect(record(odd.history, 'pilot').completedOn).toBe('2026-03-19');
    expect(odd.events[0]).toMatchObject({ kind: 'status', from: 'Complete', to: 'Go!' });
    const odder = observe(odd.history, edit(globexPlan(), { pilot: { status: null, statusText: 'Go go!' } }), '2026-03-23', 'hand');
    expect(odder.events).toHaveLength(1);
    expect(odder.history.lastActivityOn).toBe('2026-03-23');
  });
});

describe('steps added and removed', () => {
  const base = startHistory(globexPlan(), '2026-03-02', 'insert');
  const withReferenceCalls = (plan: ObservedPlan): ObservedPlan => ({
    ...plan,
    steps: [...plan.steps, step('refs', 7, 'Reference calls with two customers', 'Acme', '2026-03-25')],
  });

  test('a step added since the baseline is listed as scope creep with its first date as original', () => {
    const { history, events } = observe(base, withReferenceCalls(globexPlan()), '2026-03-11', 'hand');
    expect(events).toEqual([
      { on: '2026-03-11', key: 'refs', kind: 'added', from: null, to: 'Reference calls with two customers', cause: 'hand' },
    ]);
    expect(stepsAddedSinceBaseline(history).map((r) => [r.action, r.addedOn, r.baselineDue])).toEqual([
      ['Reference calls with two customers', '2026-03-11', '2026-03-25'],
    ]);
  });

  test('a removed step leaves the plan but keeps its slips; pasted back, it is the same step', () => {
    const slipped = observe(base, edit(globexPlan(), { pilot: { due: '2026-03-27' } }), '2026-03-09', 'hand').history;
    const plan = globexPlan();
    const without = { ...plan, steps: plan.steps.filter((s) => s.key !== 'pilot') };
    const removed = observe(slipped, without, '2026-03-16', 'hand');
    expect(removed.events).toEqual([
      { on: '2026-03-16', key: 'pilot', kind: 'removed', from: 'Pilot results review', to: null, cause: 'hand' },
    ]);
    expect(liveSteps(removed.history).map((r) => r.key)).not.toContain('pilot');
    expect(slippingSteps(removed.history, 1, true).map((r) => [r.action, r.slips])).toEqual([['Pilot results review', 1]]);
    const back = observe(removed.history, edit(globexPlan(), { pilot: { due: '2026-03-27' } }), '2026-03-17', 'hand').history;
    expect(record(back, 'pilot')).toMatchObject({ removedOn: null, slips: 1, inBaseline: true });
  });

  test(`keeps the ${MAX_REMOVED_STEPS} most recently removed steps`, () => {
    let h = base;
    for (let i = 0; i < MAX_REMOVED_STEPS + 5; i++) {
      const day = addDays('2026-03-03', i);
      const temp = step(`temp-${i}`, 7, `Follow-up call ${i}`, 'Acme', null);
      h = observe(h, { ...globexPlan(), steps: [...globexPlan().steps, temp] }, day, 'hand').history;
      h = observe(h, globexPlan(), day, 'hand').history;
    }
    const removed = Object.values(h.steps).filter((r) => r.removedOn !== null);
    expect(removed).toHaveLength(MAX_REMOVED_STEPS);
    expect(stepOf(h, 'temp-0')).toBeNull();
    expect(stepOf(h, `temp-${MAX_REMOVED_STEPS + 4}`)).not.toBeNull();
    expect(liveSteps(h)).toHaveLength(6);
  });
});

describe('key dates', () => {
  test('the decision target pushed by a shift: one change, one slip, and how far it drifted', () => {
    const base = startHistory(globexPlan(), '2026-03-02', 'insert');
    const { history, events } = observe(base, edit(globexPlan(), {}, { decisionTarget: { date: '2026-04-17' } }), '2026-03-10', 'shift');
    expect(events).toEqual([{ on: '2026-03-10', key: 'decisionTarget', kind: 'keyDate', from: '2026-04-10', to: '2026-04-17', cause: 'shift' }]);
    expect(keyDateDrift(history, 'decisionTarget')).toMatchObject({ changes: 1, slips: 1, daysMoved: 7 });
    // Closed Apr 24: two weeks after the first target, one after the current one.
    expect(closeDateAccuracy(history, '2026-04-24')).toEqual({ fromBaseline: 14, fromCurrent: 7 });
  });

  test('a key date line missing from the reading is not observed; one reading as undated is a change', () => {
    const base = startHistory(globexPlan(), '2026-03-02', 'insert');
    const plan = globexPlan();
    const partial = observe(base, { ...plan, keyDates: { decisionTarget: '2026-04-10' } }, '2026-03-10', 'hand');
    expect(partial.events).toEqual([]);
    const cleared = observe(base, edit(plan, {}, { goLiveTarget: null }), '2026-03-10', 'hand');
    expect(keyDateDrift(cleared.history, 'goLiveTarget')).toMatchObject({ baseline: '2026-04-24', current: null, changes: 1, slips: 0 });
  });
});

describe('what the health check and the metrics read', () => {
  test('completion rate: 7 of 10 due steps completed by their original date is 0.7', () => {
    // Twelve steps due every other day from Mon Mar 2 (step 8: Mar 16, step 10: Mar 20, step 12: Mar 24).
    let plan: ObservedPlan = {
      steps: Array.from({ length: 12 }, (_, i) => step(`s${i + 1}`, i + 1, `Step ${i + 1}`, 'Both', addDays('2026-03-02', i * 2))),
      keyDates: {},
    };
    let h = startHistory(plan, '2026-03-01', 'insert');
    const change = (key: string, c: Partial<ObservedStep>, on: IsoDate, cause: 'hand' | 'shift' = 'hand'): void => {
      plan = edit(plan, { [key]: c });
      h = observe(h, plan, on, cause).history;
    };
    // Steps 1-7 completed on their day; step 8 shifted to Mar 20 then completed Mar 18 (late against
    // its original Mar 16: a shift does not make a step on time); step 9 two days late; step 10
    // overdue and open; steps 11 and 12 not due yet on Mar 21.
    for (let n = 1; n <= 7; n++) change(`s${n}`, { status: 'complete' }, addDays('2026-03-02', (n - 1) * 2));
    change('s8', { due: '2026-03-20' }, '2026-03-13', 'shift');
    change('s8', { status: 'complete' }, '2026-03-18');
    change('s9', { status: 'complete' }, '2026-03-20');
    expect(completedOnTime(h, '2026-03-21')).toEqual({ counted: 10, completed: 9, onTime: 7, rate: 0.7 });
  });

  test('completion rate: undated steps and steps done before anyone watched, past their date, are left out', () => {
    const plan: ObservedPlan = {
      steps: [
        step('a', 1, 'Discovery call recap', 'Acme', '2026-02-20', 'complete'),
        step('b', 2, 'Pricing proposal delivery', 'Acme', '2026-03-20', 'complete'),
        step('c', 3, 'Security questionnaire review', 'Globex IT', null),
      ],
      keyDates: {},
    };
    const h = startHistory(plan, '2026-03-02', 'hand');
    expect(completedOnTime(h, '2026-03-30')).toEqual({ counted: 1, completed: 2, onTime: 1, rate: 1 });
    expect(completedOnTime(startHistory({ steps: [], keyDates: {} }, '2026-03-02', 'insert'), '2026-03-30').rate).toBeNull();
  });

  test('completion rate: a step dropped after its date ("Cancelled") was neither done nor missed, so it is left out', () => {
    let plan = globexPlan();
    let h = startHistory(plan, '2026-03-02', 'insert');
    plan = edit(plan, { 'deep-dive': { status: 'complete' } });
    h = observe(h, plan, '2026-03-06', 'hand').history;
    // On Mar 23 the security review (due Mar 13) is still open: missed. The pilot review (due Mar 20) was cancelled.
    expect(completedOnTime(h, '2026-03-23')).toEqual({ counted: 3, completed: 1, onTime: 1, rate: 1 / 3 });
    plan = edit(plan, { pilot: { status: 'not_needed', statusText: 'Cancelled - no pilot' } });
    h = observe(h, plan, '2026-03-23', 'hand').history;
    expect(completedOnTime(h, '2026-03-23')).toEqual({ counted: 2, completed: 1, onTime: 1, rate: 0.5 });
    expect(record(h, 'pilot')).toMatchObject({ status: 'not_needed', statusText: 'Cancelled - no pilot', completedOn: null });
  });

  test('a plan nobody touched for 14 days is dead; the champion\'s steps last moved on the day they changed', () => {
    const base = startHistory(globexPlan(), '2026-03-02', 'insert');
    const { history } = observe(base, edit(globexPlan(), { pilot: { status: 'in_progress' } }), '2026-03-06', 'hand');
    expect(daysSinceLastActivity(history, '2026-03-20')).toBe(14);
    expect(daysSinceLastActivity(history, '2026-03-05')).toBe(0);
    expect(lastMovedOn(history, ['pilot', 'roi'])).toBe('2026-03-06');
    expect(lastMovedOn(history, ['roi'])).toBe('2026-03-02');
    expect(lastMovedOn(history, ['nobody'])).toBeNull();
  });

  test('weekly reviews are remembered once a day, the newest two years', () => {
    let h = startHistory(globexPlan(), '2026-03-02', 'insert');
    h = recordReview(recordReview(h, '2026-03-09'), '2026-03-09');
    expect(h.reviews).toEqual(['2026-03-09']);
    for (let week = 1; week <= MAX_REVIEWS + 3; week++) h = recordReview(h, addDays('2026-03-09', week * 7));
    expect(h.reviews).toHaveLength(MAX_REVIEWS);
    expect(h.reviews[0]).toBe(addDays('2026-03-09', 4 * 7));
  });
});

describe('bounds', () => {
  test(`the log keeps the newest ${MAX_EVENTS} events; the counters stay exact and the UI is told`, () => {
    let h = startHistory(globexPlan(), '2026-03-02', 'insert');
    // The security review slips a day at a time, 450 times: 450 events, 450 slips.
    let due: IsoDate = '2026-03-13';
    let sawTrim = false;
    for (let i = 1; i <= 450; i++) {
      due = addDays(due, 1);
      const result = observe(h, edit(globexPlan(), { security: { due } }), addDays('2026-03-02', i), 'hand');
      h = result.history;
      if (result.trimmed) sawTrim = true;
      if (i === MAX_EVENTS) expect(result.trimmed).toBe(false);
    }
    expect(sawTrim).toBe(true);
    expect(h.events).toHaveLength(MAX_EVENTS);
    expect(h.summarised).toEqual({ events: 50, through: addDays('2026-03-02', 50) });
    expect(h.events[0]).toMatchObject({ on: addDays('2026-03-02', 51), from: addDays('2026-03-13', 50) });
    expect(record(h, 'security')).toMatchObject({ baselineDue: '2026-03-13', currentDue: due, slips: 450 });
  });

  test('trimming by hand (the store over budget) drops the oldest first and changes no answer', () => {
    const base = startHistory(globexPlan(), '2026-03-02', 'insert');
    let h = observe(base, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-09', 'hand').history;
    h = observe(h, edit(globexPlan(), { security: { due: '2026-03-27', status: 'complete' } }), '2026-03-16', 'hand').history;
    const { history, dropped } = trimEvents(h, 1);
    expect(dropped).toBe(2);
    expect(history.events.map((e) => e.kind)).toEqual(['status']);
    expect(history.summarised).toEqual({ events: 2, through: '2026-03-16' });
    expect(slipsOf(history, 'security')).toBe(2);
    expect(completedOnTime(history, '2026-04-30')).toEqual(completedOnTime(h, '2026-04-30'));
    expect(trimEvents(h, 10).dropped).toBe(0);
  });
});

describe('undoing a shift', () => {
  test('dates back where they were get their counters back; a date a person changed since keeps its slips', () => {
    const base = startHistory(globexPlan(), '2026-03-02', 'insert');
    const shiftedPlan = edit(
      globexPlan(),
      { pilot: { due: '2026-03-27' }, roi: { due: '2026-04-03' }, legal: { due: '2026-04-10' }, signature: { due: '2026-04-17' } },
      { decisionTarget: '2026-04-17' },
    );
    const saved = countersBefore(base, ['pilot', 'roi', 'legal', 'signature'], ['decisionTarget']);
    const shifted = observe(base, shiftedPlan, '2026-03-10', 'shift').history;
    expect(slippingSteps(shifted, 1)).toHaveLength(4);

    // Dana moved the legal review again before the undo; undo leaves her date.
    const touched = observe(shifted, edit(shiftedPlan, { legal: { due: '2026-04-14' } }), '2026-03-11', 'hand').history;
    const undone = edit(shiftedPlan, { pilot: { due: '2026-03-20' }, roi: { due: '2026-03-27' }, legal: { due: '2026-04-14' }, signature: { due: '2026-04-10' } }, { decisionTarget: '2026-04-10' });
    const { history, events } = observeUndo(touched, undone, '2026-03-11', saved);
    expect(events.every((e) => e.cause === 'undo')).toBe(true);
    expect(['pilot', 'roi', 'legal', 'signature'].map((k) => slipsOf(history, k))).toEqual([0, 0, 2, 0]);
    expect(keyDateDrift(history, 'decisionTarget')).toMatchObject({ current: '2026-04-10', changes: 0, slips: 0 });
    expect(history.lastActivityOn).toBe('2026-03-11');
  });
});

describe('stakeholders: who is new since the baseline', () => {
  const PEOPLE = [
    { name: 'Dana Ruiz', title: 'Controller' },
    { name: '[Economic buyer name]', title: '[Title]' },
    { name: 'Sam Lee', title: 'Account Executive' },
  ];
  const withPeople = (people: { name: string; title: string }[]): ObservedPlan => ({ ...globexPlan(), stakeholders: people });

  test('the baseline remembers the named people, not the placeholders', () => {
    const h = startHistory(withPeople(PEOPLE), '2026-03-02', 'insert');
    expect(h.stakeholders).toEqual({
      'dana ruiz': { name: 'Dana Ruiz', title: 'Controller', addedOn: '2026-03-02', inBaseline: true },
      'sam lee': { name: 'Sam Lee', title: 'Account Executive', addedOn: '2026-03-02', inBaseline: true },
    });
    expect(stakeholdersAddedSince(h, '2026-03-02')).toEqual([]);
  });

  test('a person added later is new from the day first seen; naming a placeholder is news; people make no event and no activity', () => {
    const base = startHistory(withPeople(PEOPLE), '2026-03-02', 'insert');
    const named = PEOPLE.map((p) => (p.name.startsWith('[') ? { name: 'Maria Chen', title: 'CFO' } : p));
    const seen = observe(base, withPeople([...named, { name: 'Ana Gomez', title: 'DPO' }]), '2026-03-10', 'hand');
    expect(seen.events).toEqual([]);
    expect(seen.changed).toBe(true);
    expect(seen.history.lastActivityOn).toBe('2026-03-02');
    expect(stakeholdersAddedSince(seen.history, '2026-03-05').map((r) => [r.name, r.title, r.addedOn, r.inBaseline])).toEqual([
      ['Maria Chen', 'CFO', '2026-03-10', false],
      ['Ana Gomez', 'DPO', '2026-03-10', false],
    ]);
    expect(stakeholdersAddedSince(seen.history, '2026-03-11')).toEqual([]);
    // Seen again unchanged: nothing to save.
    const again = observe(seen.history, withPeople([...named, { name: 'Ana Gomez', title: 'DPO' }]), '2026-03-12', 'hand');
    expect(again.changed).toBe(false);
    expect(stakeholderOf(again.history, 'ana  GOMEZ')).toMatchObject({ addedOn: '2026-03-10' });
  });

  test('a new title updates the record; a person removed and put back is not new', () => {
    const base = startHistory(withPeople(PEOPLE), '2026-03-02', 'insert');
    const promoted = observe(base, withPeople([{ name: 'Dana Ruiz', title: 'VP Finance' }]), '2026-03-10', 'hand');
    expect(promoted.changed).toBe(true);
    expect(stakeholderOf(promoted.history, 'Dana Ruiz')).toEqual({ name: 'Dana Ruiz', title: 'VP Finance', addedOn: '2026-03-02', inBaseline: true });
    const back = observe(promoted.history, withPeople(PEOPLE), '2026-03-17', 'hand');
    expect(stakeholderOf(back.history, 'Sam Lee')).toMatchObject({ inBaseline: true, addedOn: '2026-03-02' });
    expect(stakeholdersAddedSince(back.history, '2026-03-02')).toEqual([]);
  });

  test('an observation without people (a shift, the insert) leaves them as they were', () => {
    const base = startHistory(withPeople(PEOPLE), '2026-03-02', 'insert');
    const shifted = observe(base, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-10', 'shift').history;
    expect(shifted.stakeholders).toEqual(base.stakeholders);
    expect(startHistory(globexPlan(), '2026-03-02', 'insert')).not.toHaveProperty('stakeholders');
  });

  test('a history saved before people were tracked adopts the table as known at its first look, then sees additions', () => {
    const old: PlanHistory = startHistory(globexPlan(), '2026-03-02', 'insert');
    expect(old.stakeholders).toBeUndefined();
    expect(stakeholdersAddedSince(old, '2026-03-02')).toEqual([]);
    const adopted = observe(old, withPeople(PEOPLE), '2026-03-20', 'hand');
    expect(adopted.changed).toBe(true);
    expect(stakeholdersAddedSince(adopted.history, '2026-03-02')).toEqual([]);
    const added = observe(adopted.history, withPeople([...PEOPLE, { name: 'Ana Gomez', title: 'DPO' }]), '2026-03-23', 'hand');
    expect(stakeholdersAddedSince(added.history, '2026-03-20').map((r) => r.name)).toEqual(['Ana Gomez']);
    // Something else saved under the name is not trusted: read as not yet seen.
    const garbled = { ...old, stakeholders: 'nonsense' } as unknown as PlanHistory;
    expect(stakeholderOf(garbled, 'Dana Ruiz')).toBeNull();
    expect(stakeholdersAddedSince(observe(garbled, withPeople(PEOPLE), '2026-03-20', 'hand').history, '2026-03-02')).toEqual([]);
  });

  test(`at most ${MAX_STAKEHOLDERS} people are kept: the longest-known no longer in the table go first`, () => {
    const many = Array.from({ length: MAX_STAKEHOLDERS }, (_, i) => ({ name: `Person ${i}`, title: 'Analyst' }));
    const base = startHistory(withPeople(many), '2026-03-02', 'hand');
    const next = observe(base, withPeople([{ name: 'Person 5', title: 'Analyst' }, { name: 'Newcomer', title: 'CFO' }]), '2026-03-09', 'hand').history;
    expect(Object.keys(next.stakeholders ?? {})).toHaveLength(MAX_STAKEHOLDERS);
    expect(stakeholderOf(next, 'Person 0')).toBeNull();
    expect(stakeholderOf(next, 'Person 5')).not.toBeNull();
    expect(stakeholderOf(next, 'Newcomer')).toMatchObject({ inBaseline: false });
  });
});

describe('history-based findings agree with each other', () => {
  test('a slip undone by hand is no slip: back to the date before it takes it back; a partial pull-back leaves it', () => {
    const h0 = startHistory(globexPlan(), '2026-03-02', 'insert');
    const later = observe(h0, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-05', 'hand').history;
    expect(slipsOf(later, 'security')).toBe(1);
    const back = observe(later, globexPlan(), '2026-03-06', 'hand').history;
    expect(slipsOf(back, 'security')).toBe(0);
    expect(slippingSteps(back, 1)).toEqual([]);
    // Mar 13 → Mar 20 → Mar 27 → Mar 20: one slip still stands; → Mar 16: still one (later than Mar 13).
    const twice = observe(later, edit(globexPlan(), { security: { due: '2026-03-27' } }), '2026-03-09', 'hand').history;
    expect(slipsOf(twice, 'security')).toBe(2);
    const partly = observe(twice, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-10', 'hand').history;
    expect(slipsOf(partly, 'security')).toBe(1);
    expect(slipsOf(observe(partly, edit(globexPlan(), { security: { due: '2026-03-16' } }), '2026-03-11', 'hand').history, 'security')).toBe(1);
    expect(slipsOf(observe(partly, edit(globexPlan(), { security: { due: '2026-03-12' } }), '2026-03-11', 'hand').history, 'security')).toBe(0);
  });

  test('a key date moved back undoes its slip too', () => {
    const h0 = startHistory(globexPlan(), '2026-03-02', 'insert');
    const moved = observe(h0, edit(globexPlan(), {}, { decisionTarget: '2026-04-17' }), '2026-03-05', 'hand').history;
    expect(moved.keyDates.decisionTarget?.slips).toBe(1);
    expect(observe(moved, globexPlan(), '2026-03-06', 'hand').history.keyDates.decisionTarget?.slips).toBe(0);
  });

  test('a review marked today and a step added after it the same day are ordered by time, not by day', () => {
    const h0 = startHistory(globexPlan(), '2026-03-02', 'insert');
    const reviewed = recordReview(h0, '2026-03-10', '2026-03-10T09:00:00.000Z');
    const withStep = (at: string) => {
      const plan = { ...globexPlan(), steps: [...globexPlan().steps, step('dpa', 7, 'Data processing agreement', 'Globex legal', '2026-04-03')] };
      const h = observe(reviewed, plan, '2026-03-10', 'hand', { at }).history;
      return addedSinceLastReview(h, record(h, 'dpa'));
    };
    expect(withStep('2026-03-10T11:30:00.000Z')).toBe(true);
    expect(withStep('2026-03-10T08:15:00.000Z')).toBe(false);
    // A second review later that day covers it.
    const plan = { ...globexPlan(), steps: [...globexPlan().steps, step('dpa', 7, 'Data processing agreement', 'Globex legal', '2026-04-03')] };
    const h = observe(reviewed, plan, '2026-03-10', 'hand', { at: '2026-03-10T11:30:00.000Z' }).history;
    const again = recordReview(h, '2026-03-10', '2026-03-10T16:00:00.000Z');
    expect(addedSinceLastReview(again, record(again, 'dpa'))).toBe(false);
  });

  test('a hand edit seen before an unrelated shift stays a hand edit', () => {
    const h0 = startHistory(globexPlan(), '2026-03-02', 'insert');
    const typed = observe(h0, edit(globexPlan(), { security: { due: '2026-03-20' } }), '2026-03-05', 'hand').history;
    expect(editedByHand(typed).map((r) => r.key)).toEqual(['security']);
    // The shift moved the signature only.
    const shifted = edit(globexPlan(), { security: { due: '2026-03-20' }, signature: { due: '2026-04-17' } });
    const after = observe(typed, shifted, '2026-03-05', 'shift', { scheduled: ['signature'] }).history;
    expect(editedByHand(after).map((r) => r.key)).toEqual(['security']);
    expect(record(after, 'signature').scheduledDue).toBe('2026-04-17');
    // Without the keys (the old call), every date counts as scheduled.
    expect(editedByHand(observe(typed, shifted, '2026-03-05', 'shift').history)).toEqual([]);
  });
});
