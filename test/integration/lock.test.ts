/** LockService.getDocumentLock() returns null outside a document: every action still runs, unlocked, with a line in the log instead of a TypeError. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation, loadAddOn } from '../../emulation';
import { documentFromMarkdown, documentToMarkdown } from '../../emulation/document';

const ROOT = path.join(__dirname, '..', '..');
const STANDARD = readFileSync(path.join(ROOT, 'test', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');

function outsideDocument() {
  const env = new GoogleEmulation({ inDocument: false, now: new Date('2026-11-27T15:00:00Z'), document: (ctx) => documentFromMarkdown(STANDARD, ctx) });
  return { env, addOn: loadAddOn(env, readFileSync(path.join(ROOT, 'dist', 'Code.js'), 'utf8')) };
}

test('with no document lock, a shift still applies and says so in the log, not to the person', () => {
  const { env, addOn } = outsideDocument();
  const applied = addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' }) as { ok: boolean; message: string };
  expect(applied.ok).toBe(true);
  expect(applied.message).toMatch(/^Shifted \d+ due dates and 2 key dates\./);
  expect(documentToMarkdown(env.document)).not.toContain('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Dec 25, 2026 |');
  expect(env._logMessages()).toContain('No document lock (the script is not running in a document): running without it.');
});

test.each(['getShiftState', 'getHealth', 'getReview', 'refreshStatusColours', 'undoLastShift'])('%s answers without a document lock', (name) => {
  const { addOn } = outsideDocument();
  expect(() => addOn.runSync(name)).not.toThrow();
});
