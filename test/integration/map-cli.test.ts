/** `npm run map`: parse and shift a Markdown MAP from the command line, through the built add-on. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMap } from '../../tools/map';

const ROOT = path.join(__dirname, '..', '..');
const STANDARD = path.join(ROOT, 'test', 'fixtures', 'inserted', 'standard-en_US.md');

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runMap(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (f) => readFileSync(path.resolve(ROOT, f), 'utf8'),
    dist: path.join(ROOT, 'dist'),
  });
  return { code, stdout, stderr };
}

test('parse prints the plan and its diagnostics as JSON', () => {
  const { code, stdout } = run('parse', 'test/fixtures/maps/renamed-headers.md', '--today', '2026-11-27');
  expect(code).toBe(0);
  const plan = JSON.parse(stdout) as { steps: { number: number; action: string; due: string | null }[]; diagnostics: unknown[] };
  expect(plan.steps.length).toBeGreaterThan(3);
  expect(plan.steps[0]).toMatchObject({ number: 1 });
  expect(Array.isArray(plan.diagnostics)).toBe(true);
});

test('shift prints the preview on stderr and the shifted Markdown on stdout', () => {
  const { code, stdout, stderr } = run('shift', STANDARD, '--step', '2', '--to', '+1 week', '--today', '2026-11-27');
  expect(code).toBe(0);
  expect(stderr).toContain('5 steps move; the decision target moves to Feb 19, 2027');
  expect(stderr).toContain('Step 8 Procurement/legal review: Jan 29, 2027 -> Feb 5, 2027');
  const original = readFileSync(STANDARD, 'utf8');
  expect(stdout).toBe(
    original
      .replace('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Dec 25, 2026 |', '| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Jan 1, 2027 |')
      .replace('| Globex procurement | Jan 29, 2027 |', '| Globex procurement | Feb 5, 2027 |')
      .replace('| Both | Feb 5, 2027 |', '| Both | Feb 12, 2027 |')
      .replace('| \\[Economic buyer name\\] | Feb 12, 2027 |', '| \\[Economic buyer name\\] | Feb 19, 2027 |')
      .replace('| Acme CS team | Feb 19, 2027 |', '| Acme CS team | Feb 26, 2027 |')
      .replace('* Decision target: Feb 12, 2027', '* Decision target: Feb 19, 2027')
      .replace('go/no-go decision by Feb 12, 2027', 'go/no-go decision by Feb 19, 2027')
      .replace('* Go-live target: Feb 19, 2027', '* Go-live target: Feb 26, 2027'),
  );
});

test('--detect shifts from the dates edited since an earlier version', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'inserted');
  const { code, stderr } = run('shift', path.join(dir, 'standard-en_US-edited.md'), '--detect', '--baseline', STANDARD, '--today', '2026-11-27');
  expect(stderr).toContain('Step 4 Pilot results review: Jan 8, 2027 -> Jan 15, 2027 (moved by you)');
  expect(stderr).toContain('Step 5 ROI/business case presentation to [Economic buyer name]: Jan 15, 2027 -> Jan 22, 2027');
  expect(code).toBe(0);
});

test('a refused shift exits 1 with the reason; a bad call exits 2 with the usage', () => {
  expect(run('shift', STANDARD, '--step', '42', '--to', '+1 week')).toMatchObject({ code: 1, stderr: 'There is no step 42 in the Steps table.\n' });
  const usage = run('shift', STANDARD, '--step', '2');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/^--to takes the new date or the change/);
  expect(run('frobnicate', STANDARD).stderr).toMatch(/^Unknown command "frobnicate"\./);
  expect(run('parse', 'no/such/file.md').stderr).toMatch(/^Cannot read no\/such\/file\.md/);
});
