/** Every sidebar action answers with its elapsed time and its calls into Google's services, counted by the add-on itself (no emulation code in the bundle). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { insertForm, openDocument } from './harness';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');
type Details = { ms: number; calls: Record<string, number> | null };

test.each([
  ['getShiftState', []],
  ['previewShift', [{ kind: 'step', step: 2, to: '+1 week' }]],
  ['applyShift', [{ kind: 'step', step: 2, to: '+1 week' }]],
  ['getHealth', []],
  ['refreshStatusColours', []],
] as const)('%s answers with its time and its service calls, the same count the emulation saw', (name, args) => {
  const s = openDocument({ markdown: STANDARD, today: '2026-11-27' });
  s.env.calls.reset();
  s.addOn.runSync(name, ...args);
  const details = s.lastDetails() as Details;
  expect(details.ms).toBeGreaterThanOrEqual(0);
  expect(Object.keys(details.calls ?? {})).toEqual(expect.arrayContaining(['DocumentApp', 'PropertiesService', 'LockService']));
  // The add-on's own count and the emulation's ledger agree call for call.
  const total = Object.values(details.calls ?? {}).reduce((a, b) => a + b, 0);
  expect(total).toBe(s.env.calls.total());
});

test('Insert MAP reports its calls too, and a result without details never reaches a test by accident', () => {
  const s = openDocument();
  const result = s.run('insertMap', insertForm());
  expect(result).not.toHaveProperty('details');
  expect((s.lastDetails() as Details).calls?.DocumentApp).toBeGreaterThan(50);
});
