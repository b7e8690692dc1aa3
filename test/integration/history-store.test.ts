// The history and undo stores on the emulated PropertiesService: chunks under the 9 KB value quota, one write per save, budgets, and bad data read as none.
import { GoogleEmulation, PropertiesEmulation, PROPERTY_QUOTA_MESSAGE, PROPERTY_VALUE_LIMIT_BYTES } from '../../emulation';
import {
  CHUNK_BYTES,
  HISTORY_BUDGET_BYTES,
  UNDO_BUDGET_BYTES,
  loadHistory,
  loadUndo,
  saveHistory,
  saveUndo,
  utf8Bytes,
  type PropertyStore,
} from '../../src/adapters/history-store';
import { commitProperties, REMOVED } from '../../src/adapters/property-cache';
import { addDays } from '../../src/core/scheduling/calendar';
import {
  MAX_EVENTS,
  completedOnTime,
  observe,
  slippingSteps,
  slipsOf,
  startHistory,
  type ObservedPlan,
  type ObservedStep,
  type PlanHistory,
} from '../../src/core/history/history';
import type { IsoDate, Status } from '../../src/core/plan';
import { undoRecord, type UndoCell, type UndoRecord } from '../../src/core/history/undo';

const ACTIONS = [
  'Technical deep-dive with engineering',
  'Security questionnaire review',
  'Pilot/POC setup',
  'Pilot results review',
  'ROI/business case presentation to the CFO',
  'Pricing proposal delivery',
  'Internal review and stakeholder alignment',
  'Procurement/legal review',
  'Data processing agreement redlines',
  'Contract signature',
  'Onboarding kickoff',
  'SSO and SCIM integration test',
];
const OWNERS = ['Sam Lee (Acme)', 'Dana Ruiz (Globex)', 'Globex IT security', 'Globex procurement', 'Both'];
const LABEL: Record<Status, string> = { pending: 'Pending', in_progress: 'In progress', complete: 'Complete', blocked: 'Blocked', not_needed: 'Not needed' };

/** Step keys as the document adapter tags rows: a named range per step. */
const keyOf = (n: number): string => `map.step.${(0x3f9a2c00 + n * 7919).toString(16)}`;

function makeStep(n: number, due: IsoDate | null, action = ACTIONS[(n - 1) % ACTIONS.length]!): ObservedStep {
  const round = Math.floor((n - 1) / ACTIONS.length);
  return {
    key: keyOf(n),
    number: n,
    action: round === 0 ? action : `${action} (phase ${round + 1})`,
    owner: OWNERS[n % OWNERS.length]!,
    due,
    status: 'pending',
    statusText: 'Pending',
  };
}

function makePlan(stepCount: number, start: IsoDate = '2026-03-02'): ObservedPlan {
  return {
    steps: Array.from({ length: stepCount }, (_, i) => makeStep(i + 1, addDays(start, 7 + i * 3))),
    keyDates: { evaluationStart: start, decisionTarget: addDays(start, 7 + stepCount * 3), goLiveTarget: addDays(start, 21 + stepCount * 3) },
  };
}

/** A deterministic sequence, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let env: GoogleEmulation;
let store: PropertiesEmulation;
let warn: jest.SpyInstance;

beforeEach(() => {
  env = new GoogleEmulation();
  store = env.propertiesService.getDocumentProperties();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
});

function storedValues(): Record<string, string> {
  return env.properties.document.toObject();
}

function historyKeys(): string[] {
  return Object.keys(storedValues()).filter((k) => k.startsWith('map.history')).sort();
}

/** A history with some weeks of edits: every step slipped a few times and changed status. */
function busyHistory(stepCount: number, rounds: number): PlanHistory {
  let plan = makePlan(stepCount);
  let h = startHistory(plan, '2026-03-02', 'insert');
  for (let r = 1; r <= rounds; r++) {
    plan = {
      ...plan,
      steps: plan.steps.map((s) => ({ ...s, due: s.due && addDays(s.due, 2), status: 'in_progress', statusText: `In progress (week ${r})` })),
    };
    h = observe(h, plan, addDays('2026-03-02', r * 7), 'hand').history;
  }
  return h;
}

describe('saving and loading the history', () => {
  test('a freshly inserted 12-step plan round-trips in a single value', () => {
    const h = startHistory(makePlan(12), '2026-03-02', 'insert');
    const report = saveHistory(h, store);
    expect(report).toMatchObject({ saved: true, chunks: 1, trimmed: false, message: null });
    expect(historyKeys()).toEqual(['map.history', 'map.history.0']);
    expect(loadHistory(store)).toEqual(h);
  });

  test('a history larger than one 9 KB value is split into chunks of at most 8,000 bytes, which one value could not hold', () => {
    const h = busyHistory(12, 8);
    const json = JSON.stringify(h);
    expect(utf8Bytes(json)).toBeGreaterThan(PROPERTY_VALUE_LIMIT_BYTES);
    expect(() => store.setProperty('map.history.whole', json)).toThrow(PROPERTY_QUOTA_MESSAGE);

    const report = saveHistory(h, store);
    expect(report.saved).toBe(true);
    expect(report.chunks).toBe(Math.ceil(utf8Bytes(json) / CHUNK_BYTES));
    const values = storedValues();
    for (let i = 0; i < report.chunks; i++) expect(utf8Bytes(values[`map.history.${i}`]!)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(JSON.parse(values['map.history']!)).toMatchObject({ version: 1, chunks: report.chunks, bytes: utf8Bytes(json) });
    expect(loadHistory(store)).toEqual(h);
  });

  test('text in any script (accents, CJK, emoji) is split between characters, never inside one', () => {
    let plan = makePlan(40);
    plan = { ...plan, steps: plan.steps.map((s, i) => ({ ...s, action: `Revue sécurité 安全审查 🚦 étape ${i + 1} — Zoë Müller`, statusText: '🟡 En cours' })) };
    const h = startHistory(plan, '2026-03-02', 'hand');
    const report = saveHistory(h, store);
    expect(report.chunks).toBeGreaterThan(1);
    expect(loadHistory(store)).toEqual(h);
  });

  test('writes the chunks, the manifest and REMOVED over the chunks it no longer needs in one setProperties() call', () => {
    saveHistory(busyHistory(40, 10), store);
    const before = historyKeys().length;
    const ops: string[] = [];
    const h = startHistory(makePlan(12), '2026-03-02', 'insert');
    saveHistory(h, recording(store, ops));
    expect(before).toBeGreaterThan(3);
    const stale = Array.from({ length: before - 2 }, (_, i) => `map.history.${i + 1}`);
    expect(ops.filter((op) => !op.startsWith('get'))).toEqual([`setProperties ${[...stale, 'map.history.0', 'map.history'].join(',')}`]);
    // Nothing is deleted: the stale chunks hold the marker, which no reader takes for data.
    for (const key of stale) expect(storedValues()[key]).toBe(REMOVED);
    expect(loadHistory(store)).toEqual(h);
  });

  test('a save that wrote its chunks but not its manifest (were a write ever not all or nothing) is never read as a mixture, even at the same length', () => {
    const plan = makePlan(12);
    const h = startHistory(plan, '2026-03-02', 'insert');
    saveHistory(h, store);
    // "Pending" → "Blocked": the new history has exactly the old one's length.
    const blocked = { ...plan, steps: plan.steps.map((s, i) => (i === 2 ? { ...s, status: 'blocked' as const, statusText: 'Blocked' } : s)) };
    const next = observe(h, blocked, '2026-03-02', 'hand').history;
    const halfWritten: PropertyStore = {
      getProperties: () => store.getProperties(),
      setProperties: (values) => {
        store.setProperties(Object.fromEntries(Object.entries(values).filter(([key]) => key !== 'map.history')));
        throw new Error('Exceeded maximum execution time');
      },
    };
    const report = saveHistory(next, halfWritten);
    expect(report.saved).toBe(false);
    expect(loadHistory(store)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('do not match the manifest'));
  });

  test('a save refused before anything was written leaves the previous history readable', () => {
    const h = busyHistory(12, 2);
    saveHistory(h, store);
    const report = saveHistory(busyHistory(12, 3), failing(store, (op) => op.startsWith('setProperties')));
    expect(report).toMatchObject({ saved: false, message: expect.stringContaining('could not be saved') });
    expect(loadHistory(store)).toEqual(h);
  });

  test('a full store (other features used it up) is reported, not thrown at the person', () => {
    const crowded = new GoogleEmulation({
      properties: { document: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`map.notes.${i}`, 'x'.repeat(8100)])) },
    });
    const report = saveHistory(busyHistory(60, 6), crowded.propertiesService.getDocumentProperties());
    expect(report.saved).toBe(false);
    expect(report.message).toBe('The plan\'s history could not be saved (the document\'s storage is full); the plan itself is unchanged.');
  });
});

describe('reading bad data as no history', () => {
  beforeEach(() => {
    saveHistory(busyHistory(12, 8), store);
    expect(historyKeys().length).toBeGreaterThan(2);
  });

  test('nothing saved: null, quietly', () => {
    const fresh = new GoogleEmulation();
    expect(loadHistory(fresh.propertiesService.getDocumentProperties())).toBeNull();
    expect(loadUndo(fresh.propertiesService.getDocumentProperties())).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  test('a corrupt chunk: null', () => {
    const chunk = storedValues()['map.history.1']!;
    // One digit changed, as a bit flip or a hand edit in a script would: same length, different record.
    env.properties.document.entries.set('map.history.1', chunk.replace(/\d/, (d) => String((Number(d) + 1) % 10)));
    expect(loadHistory(store)).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  test('a missing chunk: null', () => {
    env.properties.document.entries.delete('map.history.1');
    expect(loadHistory(store)).toBeNull();
  });

  test('an unreadable manifest: null', () => {
    env.properties.document.entries.set('map.history', '{"version":1,"chunks":');
    expect(loadHistory(store)).toBeNull();
    env.properties.document.entries.set('map.history', '{"version":1,"chunks":-2,"bytes":10,"hash":"0"}');
    expect(loadHistory(store)).toBeNull();
  });

  test('chunks that match the manifest but hold the wrong shape: null', () => {
    // A self-consistent record (chunk and manifest agree): the shape check is what refuses it.
    const json = JSON.stringify({ baseline: { on: 'yesterday' }, steps: [] });
    store.setProperties({ 'map.history.0': json });
    store.setProperty('map.history', JSON.stringify({ version: 1, chunks: 1, bytes: utf8Bytes(json), hash: fnv(json) }));
    expect(loadHistory(store)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not in the expected shape'));
  });

  test('a history saved by a newer add-on: null, with a warning', () => {
    const manifest = JSON.parse(storedValues()['map.history']!) as Record<string, unknown>;
    env.properties.document.entries.set('map.history', JSON.stringify({ ...manifest, version: 2 }));
    expect(loadHistory(store)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('newer version of the add-on (format 2)'));
  });
});

describe('a 60-step plan through 500 edits', () => {
  test('stays within every quota, keeps its counters exact, and summarises only the oldest events', () => {
    const rand = random(20260302);
    let plan = makePlan(60);
    let h = startHistory(plan, '2026-03-02', 'insert');
    saveHistory(h, store);
    const expectedSlips = new Map<string, number>();
    // The date before each slip that still stands: a move back to one of them undoes the slips after it.
    const slippedFrom = new Map<string, string[]>();
    const slip = (key: string, from: string): void => {
      expectedSlips.set(key, (expectedSlips.get(key) ?? 0) + 1);
      slippedFrom.set(key, [...(slippedFrom.get(key) ?? []), from]);
    };
    const moveEarlier = (key: string, to: string): void => {
      const stack = slippedFrom.get(key) ?? [];
      while (stack.length > 0 && to <= stack[stack.length - 1]!) {
        stack.pop();
        expectedSlips.set(key, (expectedSlips.get(key) ?? 0) - 1);
      }
    };
    const completed = new Set<string>();
    let events = 0;
    let nextNumber = 61;
    let largestValue = 0;
    let largestStore = 0;

    for (let edit = 1; edit <= 500; edit++) {
      const today = addDays('2026-03-02', Math.floor(edit / 4));
      const steps = [...plan.steps];
      const i = Math.floor(rand() * steps.length);
      const s = steps[i]!;
      const roll = rand();
      let cause: 'hand' | 'shift' = 'hand';
      let undo: UndoRecord | null = null;
      if (roll < 0.35 && s.due) {
        // A slip by hand: 2-7 days later.
        steps[i] = { ...s, due: addDays(s.due, 2 + Math.floor(rand() * 6)) };
        slip(s.key, s.due);
      } else if (roll < 0.45 && s.due) {
        steps[i] = { ...s, due: addDays(s.due, -3) };
        moveEarlier(s.key, steps[i]!.due!);
      } else if (roll < 0.55) {
        // A shift: this step and the next four move a week later.
        cause = 'shift';
        const cells: UndoCell[] = [];
        for (let j = i; j < Math.min(steps.length, i + 5); j++) {
          const t = steps[j]!;
          if (!t.due) continue;
          steps[j] = { ...t, due: addDays(t.due, 7) };
          slip(t.key, t.due);
          cells.push({ ref: { tableIndex: 9, row: j + 1, column: 3 }, key: t.key, field: 'due', column: 'Due date', before: t.due, after: steps[j]!.due! });
        }
        undo = undoRecord({ at: today, action: `Shift downstream dates: step ${s.number} to ${steps[i]!.due}`, cells, keyDates: [] }, h);
      } else if (roll < 0.9) {
        const next: Status = s.status === 'pending' ? 'in_progress' : s.status === 'in_progress' ? 'complete' : 'in_progress';
        steps[i] = { ...s, status: next, statusText: LABEL[next] };
        if (next === 'complete') completed.add(s.key);
        else completed.delete(s.key);
      } else if (roll < 0.95) {
        steps.push(makeStep(nextNumber, addDays(today, 14), 'Reference call with a Globex-sized customer'));
        nextNumber += 1;
      } else if (steps.length > 40) {
        steps.splice(i, 1);
      }
      plan = { ...plan, steps };
      const seen = observe(h, plan, today, cause);
      h = seen.history;
      events += seen.events.length;
      const report = saveHistory(h, store);
      expect(report.saved).toBe(true);
      if (undo) expect(saveUndo(undo, store).saved).toBe(true);
      for (const value of Object.values(storedValues())) largestValue = Math.max(largestValue, utf8Bytes(value));
      largestStore = Math.max(largestStore, env.properties.document.bytes());
    }

    expect(largestValue).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(largestStore).toBeLessThan(HISTORY_BUDGET_BYTES + UNDO_BUDGET_BYTES);
    // Far under the store's 500 KB: a full log for 60+ steps is about 100 KB with the undo record.
    expect(largestStore).toBeLessThan(120 * 1024);

    const loaded = loadHistory(store);
    expect(loaded).toEqual(h);
    expect(loaded!.events).toHaveLength(MAX_EVENTS);
    expect(loaded!.summarised.events).toBe(events - MAX_EVENTS);
    for (const s of plan.steps) expect([s.action, slipsOf(loaded!, s.key)]).toEqual([s.action, expectedSlips.get(s.key) ?? 0]);
    const rate = completedOnTime(loaded!, '2026-07-01');
    expect(rate.completed).toBe(plan.steps.filter((s) => completed.has(s.key)).length);
    expect(slippingSteps(loaded!).length).toBeGreaterThan(10);
    expect(loadUndo(store)?.cells.length).toBeGreaterThan(0);
  });
});

describe('over the history budget', () => {
  test('older events are summarised until it fits; slips and completions stay exact, and the person is told', () => {
    // 260 steps with long names: more than the history's 160 KB with a full log.
    const long = 'Security review of the SOC 2 Type II report, the penetration test summary and the data flow diagrams with Globex IT';
    let plan: ObservedPlan = { ...makePlan(260), steps: makePlan(260).steps.map((s) => ({ ...s, action: `${long} ${s.number}` })) };
    let h = startHistory(plan, '2026-03-02', 'insert');
    for (let week = 1; week <= 2; week++) {
      plan = { ...plan, steps: plan.steps.map((s) => ({ ...s, due: s.due && addDays(s.due, 7) })) };
      h = observe(h, plan, addDays('2026-03-02', week * 7), 'shift').history;
    }
    expect(h.events).toHaveLength(MAX_EVENTS);
    const report = saveHistory(h, store);
    expect(report).toMatchObject({
      saved: true,
      trimmed: true,
      message: 'Older history entries were summarised to fit the document\'s storage; slip counts and completion dates are kept.',
    });
    expect(report.bytes).toBeLessThanOrEqual(HISTORY_BUDGET_BYTES);
    expect(report.eventsDropped).toBeGreaterThan(0);
    const loaded = loadHistory(store)!;
    expect(loaded.events.length).toBe(MAX_EVENTS - report.eventsDropped);
    expect(loaded.summarised.events).toBe(h.summarised.events + report.eventsDropped);
    expect(plan.steps.every((s) => slipsOf(loaded, s.key) === 2)).toBe(true);
  });

  test('a plan too large even without events is not saved, and the previous history stays', () => {
    const small = startHistory(makePlan(12), '2026-03-02', 'insert');
    saveHistory(small, store);
    const huge = startHistory(
      { ...makePlan(600), steps: makePlan(600).steps.map((s) => ({ ...s, action: `${'Detailed integration test of the Globex data warehouse connector '.repeat(2)}${s.number}` })) },
      '2026-03-02',
      'insert',
    );
    const report = saveHistory(huge, store);
    expect(report).toMatchObject({ saved: false, message: expect.stringContaining('too large') });
    expect(loadHistory(store)).toEqual(small);
  });
});

describe('the undo record', () => {
  const cells = (n: number): UndoCell[] =>
    Array.from({ length: n }, (_, i) => ({
      ref: { tableIndex: 9, row: i + 1, column: 3 },
      key: keyOf(i + 1),
      field: 'due',
      column: 'Due date',
      before: 'Mar 20, 2026',
      after: 'Mar 27, 2026',
    }));

  test('round-trips next to the history, and is removed after the undo', () => {
    const h = startHistory(makePlan(60), '2026-03-02', 'insert');
    saveHistory(h, store);
    const rec = undoRecord(
      {
        at: '2026-03-10',
        action: 'Shift downstream dates: step 3 to Mar 27',
        cells: cells(60),
        keyDates: [{ name: 'decisionTarget', paragraphIndex: 4, before: 'Decision target: Jun 1, 2026', after: 'Decision target: Jun 8, 2026' }],
      },
      h,
    );
    const report = saveUndo(rec, store);
    expect(report.saved).toBe(true);
    expect(report.chunks).toBeGreaterThan(1);
    expect(loadUndo(store)).toEqual(rec);
    expect(loadHistory(store)).toEqual(h);

    expect(saveUndo(null, store).saved).toBe(true);
    expect(loadUndo(store)).toBeNull();
    // One call overwrote the manifest and every chunk with the marker; nothing was deleted.
    const undoKeys = Object.entries(storedValues()).filter(([k]) => k.startsWith('map.undo'));
    expect(undoKeys.length).toBe(report.chunks + 1);
    for (const [, value] of undoKeys) expect(value).toBe(REMOVED);
    expect(loadHistory(store)).toEqual(h);
  });

  test('a record over its budget is not kept, and the older one goes too so undo never reverts the wrong shift', () => {
    const small = undoRecord({ at: '2026-03-10', action: 'Shift downstream dates: step 2 to Mar 20', cells: cells(3), keyDates: [] }, null);
    saveUndo(small, store);
    const big = undoRecord(
      { at: '2026-03-11', action: 'Shift downstream dates: step 1 to Mar 9', cells: cells(600).map((c) => ({ ...c, before: 'Mar 20, 2026 (tentative, waiting on Globex IT)' })), keyDates: [] },
      null,
    );
    const report = saveUndo(big, store);
    expect(report.bytes).toBeGreaterThan(UNDO_BUDGET_BYTES);
    expect(report).toMatchObject({ saved: false, message: 'Undo is not available for this change: it touched too much of the plan to remember.' });
    expect(loadUndo(store)).toBeNull();
  });

  test('a corrupt undo record reads as none', () => {
    saveUndo(undoRecord({ at: '2026-03-10', action: 'Shift downstream dates: step 2 to Mar 20', cells: cells(3), keyDates: [] }, null), store);
    env.properties.document.entries.set('map.undo.0', '{"at":"2026-03-10"');
    expect(loadUndo(store)).toBeNull();
  });
});

describe('the default store', () => {
  const global = globalThis as unknown as { PropertiesService?: unknown };
  beforeEach(() => {
    global.PropertiesService = env.globals().PropertiesService;
  });
  afterEach(() => {
    delete global.PropertiesService;
  });

  test('is the document\'s properties, shared by everyone working on the plan', () => {
    const h = startHistory(makePlan(12), '2026-03-02', 'insert');
    saveHistory(h);
    expect(loadHistory()).toEqual(h);
    // Staged in the action's copy until the action commits: then one setProperties() call.
    expect(storedValues()['map.history.0']).toBeUndefined();
    commitProperties();
    expect(env.calls.count('Properties.setProperties')).toBe(1);
    expect(storedValues()['map.history.0']).toBeDefined();
    expect(env.calls.count('PropertiesService.getDocumentProperties')).toBeGreaterThanOrEqual(2);
  });
});

// ─── Store wrappers ──────────────────────────────────────────────────────────────────────────

/** Logs each call ("setProperty map.history") before passing it on. */
function recording(inner: PropertyStore, ops: string[]): PropertyStore {
  return failing(inner, () => false, ops);
}

/** Throws, as a quota error or a stopped execution would, on the calls `fail` picks; nothing is written by them. */
function failing(inner: PropertyStore, fail: (op: string) => boolean, ops: string[] = []): PropertyStore {
  const run = <T>(op: string, call: () => T): T => {
    ops.push(op);
    if (fail(op)) throw new Error('Exceeded maximum execution time');
    return call();
  };
  return {
    getProperties: () => run('getProperties', () => inner.getProperties()),
    setProperties: (values: { [key: string]: string }) => run(`setProperties ${Object.keys(values).join(',')}`, () => inner.setProperties(values)),
  };
}

/** The store's manifest hash (32-bit FNV-1a), to forge a self-consistent record. */
function fnv(text: string): string {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = (hash + (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)) | 0;
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
