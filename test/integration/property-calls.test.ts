/** Property reads and writes per action, as Google counts them against the day's quota: each store read once, with getProperties(). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScriptError } from '../../emulation';
import { openDocument } from './harness';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');
const SHIFT = { kind: 'step', step: 2, to: '+1 week' };

function known() {
  const s = openDocument({ markdown: STANDARD, today: '2026-11-27' });
  s.run('getShiftState');
  s.env.calls.reset();
  return s;
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
