/** Property reads and writes per action, as Google counts them against the day's quota: each store read once with getProperties() and written at most once with setProperties(). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScriptError } from '../../emulation';
import { insertForm, openDocument, type Session } from './harness';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');
const SHIFT = { kind: 'step', step: 2, to: '+1 week' };

/** Forgets the calls made so far: the execution's ledger and each store's own. */
function resetCalls(s: Session): void {
  s.env.calls.reset();
  for (const store of [s.env.properties.document, s.env.properties.user]) store.calls.reset();
}

function known() {
  const s = openDocument({ markdown: STANDARD, today: '2026-11-27' });
  s.run('getShiftState');
  resetCalls(s);
  return s;
}

/** Writes per store: at most one setProperties(), and no setProperty(), deleteProperty() or deleteAllProperties() at all. */
function expectOneWritePerStore(s: Session): { document: number; user: number } {
  const writes = { document: 0, user: 0 };
  for (const name of ['document', 'user'] as const) {
    const calls = s.env.properties[name].calls;
    expect({ store: name, setProperty: calls.count('setProperty'), deleteProperty: calls.count('deleteProperty'), deleteAllProperties: calls.count('deleteAllProperties') }).toEqual({
      store: name,
      setProperty: 0,
      deleteProperty: 0,
      deleteAllProperties: 0,
    });
    expect(calls.count('setProperties')).toBeLessThanOrEqual(1);
    writes[name] = calls.count('setProperties');
  }
  return writes;
}

test.each([
  ['getShiftState', []],
  ['previewShift', [SHIFT]],
  ['applyShift', [SHIFT]],
  ['getHealth', []],
  ['getReview', []],
  ['getTimeline', []],
  ['refreshStatusColours', []],
  ['markReviewed', [{ writeLine: false }]],
  ['getSidebarState', ['Europe/Paris']],
] as const)('%s reads each property store with one getProperties() and no getProperty()', (name, args) => {
  const s = known();
  s.addOn.runSync(name, ...args);
  expect(s.env.calls.count('Properties.getProperty')).toBe(0);
  expect(s.env.calls.count('Properties.getProperties')).toBeLessThanOrEqual(2); // the document's and the user's
  expect(s.env.calls.count('Properties.getKeys')).toBe(0);
  expectOneWritePerStore(s);
});

describe('each action writes each property store in at most one setProperties() call', () => {
  test('a shift: the history, the undo record and the typed holidays in one call', () => {
    const s = known();
    const result = s.run('applyShift', { ...SHIFT, options: { holidays: ['2026-12-24'] } });
    expect(result).toMatchObject({ ok: true, written: expect.any(Number) });
    expect(expectOneWritePerStore(s)).toEqual({ document: 1, user: 0 });
    const stored = s.env.properties.document.toObject();
    expect(stored['map.holidays']).toBe('["2026-12-24"]');
    expect(stored['map.undo']).toBeDefined();
  });

  test('its undo: the history and the removed undo record in one call, nothing deleted', () => {
    const s = known();
    s.run('applyShift', SHIFT);
    resetCalls(s);
    expect(s.run('undoLastShift')).toMatchObject({ ok: true });
    expect(expectOneWritePerStore(s)).toEqual({ document: 1, user: 0 });
    expect(s.run('getShiftState').undo).toBeNull();
  });

  test('a second shift after an undo writes its record over the removed one in one call', () => {
    const s = known();
    s.run('applyShift', SHIFT);
    s.run('undoLastShift');
    resetCalls(s);
    s.run('applyShift', { kind: 'step', step: 3, to: '+2 days' });
    expect(expectOneWritePerStore(s)).toEqual({ document: 1, user: 0 });
    expect(s.run('getShiftState').undo).toMatch(/^Shift downstream dates: step 3/);
  });

  test('with a linked workbook, the refresh after the action re-reads the plan, and its record goes in the action\'s one write', () => {
    const s = known();
    s.run('createTeamWorkbook', { name: 'Team' });
    const actions = [['applyShift', SHIFT], ['undoLastShift', undefined], ['markReviewed', { writeLine: false }]] as const;
    for (const [i, [name, arg]] of actions.entries()) {
      const instant = `2026-11-27T1${i + 6}:00:00.000Z`;
      s.setInstant(instant);
      resetCalls(s);
      const result = arg === undefined ? s.run(name) : s.run(name, arg);
      expect(result.message).toContain('The team workbook is up to date.');
      expect(expectOneWritePerStore(s).document).toBe(1);
      expect(JSON.parse(s.env.properties.document.toObject()['map.lastExport'] ?? 'null')).toEqual({ at: instant, workbook: 'Team' });
    }
  });

  test.each([
    ['createTeamWorkbook', { name: 'Team' }],
    ['saveDealDetails', { seller: 'Sam Lee', theirCompany: 'Globex', dealType: 'standard', stage: 'proposal', annualContractValue: '90000', currency: 'usd', crm: '', outcome: 'open', closedOn: '' }],
    ['getDeal', undefined],
    ['readPlan', undefined],
  ] as const)('%s writes each store at most once', (name, arg) => {
    const s = known();
    if (name !== 'createTeamWorkbook') s.run('createTeamWorkbook', { name: 'Team' });
    resetCalls(s);
    if (arg === undefined) s.run(name);
    else s.run(name, arg);
    const writes = expectOneWritePerStore(s);
    // Creating the workbook links it for this seller (user properties) and exports the plan.
    if (name === 'createTeamWorkbook') expect(writes.user).toBe(1);
    if (name === 'saveDealDetails') expect(writes.document).toBe(1);
  });

  test('turning the automatic refresh off and on writes the link once each time', () => {
    const s = known();
    s.run('createTeamWorkbook', { name: 'Team' });
    for (const on of [false, true]) {
      resetCalls(s);
      expect(s.run('setAutoExport', { on })).toMatchObject({ autoExport: on });
      expect(expectOneWritePerStore(s)).toEqual({ document: 0, user: 1 });
    }
  });

  test('Insert: the settings, the deal and the baseline in one call', () => {
    const s = openDocument({ today: '2026-11-27' });
    s.run('getSidebarState', 'Europe/Paris');
    resetCalls(s);
    expect(s.run('insertMap', insertForm())).toMatchObject({ ok: true });
    expect(expectOneWritePerStore(s)).toEqual({ document: 1, user: 0 });
    expect(Object.keys(s.env.properties.document.toObject())).toEqual(expect.arrayContaining(['map.settings', 'map.deal', 'map.history', 'map.history.0']));
  });

  test('opening the sidebar remembers the time zone in one call to the user\'s store', () => {
    const s = openDocument({ markdown: STANDARD, today: '2026-11-27' });
    s.run('getSidebarState', 'Pacific/Auckland');
    expect(expectOneWritePerStore(s).user).toBe(1);
    expect(s.env.properties.user.toObject()['map.timeZone']).toBe('Pacific/Auckland');
  });
});

test('Undo reads the undo record and the history from the same single read', () => {
  const s = known();
  s.run('applyShift', SHIFT);
  s.env.calls.reset();
  s.run('undoLastShift');
  expect(s.env.calls.count('Properties.getProperties')).toBeLessThanOrEqual(2);
  expect(s.env.calls.count('Properties.getProperty')).toBe(0);
});

test('property calls count against the day\'s quota; past it an action fails with Google\'s message and writes nothing', () => {
  const s = known();
  const used = s.env.propertyQuota.used;
  s.run('getShiftState');
  expect(s.env.propertyQuota.used).toBeGreaterThan(used);
  s.env.propertyQuota.used = s.env.propertyQuota.limit;
  const before = s.markdown();
  expect(() => s.run('applyShift', SHIFT)).toThrow(ScriptError);
  expect(() => s.run('applyShift', SHIFT)).toThrow(/Service invoked too many times for one day: properties\./);
  expect(s.markdown()).toBe(before);
  // The next day the quota is fresh.
  s.setToday('2026-11-28');
  expect(s.run('applyShift', SHIFT)).toMatchObject({ ok: true });
});
