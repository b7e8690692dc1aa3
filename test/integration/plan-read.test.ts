// One read of the document for the whole sidebar: what it costs in service calls against the four reads the tabs used to make.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDocument, type Session } from './harness';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');

/** Service calls one server call makes, on a document whose history is already started (a second visit). */
function cost(s: Session, call: () => unknown): number {
  s.env.calls.reset();
  call();
  return s.env.calls.total();
}

describe('the sidebar reads the plan once for every tab', () => {
  test('opening the sidebar returns the plan, its health, review, timeline and shift choices from one read', () => {
    const s = openDocument({ markdown: STANDARD, today: '2026-12-21' });
    s.run('getShiftState');
    const state = s.run('getSidebarState', 'America/New_York');
    expect(state.existingPlan).toBe('Mutual Action Plan: Acme + Globex');
    const plan = state.read.plan!;
    expect(plan.title).toBe('Mutual Action Plan: Acme + Globex');
    expect(plan.health.summary).toBe(s.run('getHealth').summary);
    expect(plan.review).toEqual(s.run('getReview'));
    expect(plan.timeline).toEqual(s.run('getTimeline'));
    expect(plan.shift).toEqual(s.run('getShiftState'));
    expect(state.read.problem).toBeNull();
  });

  test('the one read costs about one read of the plan; the four tab reads cost four', () => {
    const s = openDocument({ markdown: STANDARD, today: '2026-12-21' });
    s.run('getShiftState');
    const oneRead = cost(s, () => s.run('getShiftState'));
    const before = ['getHealth', 'getReview', 'getTimeline', 'getShiftState'] as const;
    const fourReads = before.reduce((sum, name) => sum + cost(s, () => s.run(name)), 0);
    const shared = cost(s, () => s.run('readPlan'));
    const opening = cost(s, () => s.run('getSidebarState', 'America/New_York'));
    console.log(`service calls: one plan read ${oneRead}; the tabs' four reads (before) ${fourReads}; readPlan ${shared}; getSidebarState with the read ${opening}`);
    expect(shared).toBeLessThanOrEqual(Math.ceil(oneRead * 1.1));
    expect(opening).toBeLessThanOrEqual(Math.ceil(oneRead * 1.25));
    expect(fourReads).toBeGreaterThanOrEqual(oneRead * 3.5);
  });

  test('a document without a plan opens on nothing to read: no plan, no problem', () => {
    const s = openDocument({ today: '2026-12-21' });
    const state = s.run('getSidebarState', 'America/New_York');
    expect(state.existingPlan).toBeNull();
    expect(state.read).toEqual({ plan: null, problem: null });
    expect(s.run('readPlan')).toEqual({ plan: null, problem: null });
  });
});
