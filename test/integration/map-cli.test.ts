/** `npm run map`: parse and shift a Markdown MAP from the command line, through the built add-on. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // The US calendar (the default locale's): the week from Christmas Day skips New Year's Day; signature's gap spans Presidents' Day.
  expect(stderr).toContain('The decision target moves from Feb 12, 2027 to Feb 22, 2027: step 10 (Contract signature) now lands 5 working days after it.');
  expect(stderr).toContain('5 steps move.');
  expect(stderr).toContain("Note: Working days skip New Year's Day (Jan 1, 2027) and Presidents' Day (Feb 15, 2027).");
  expect(stderr).toContain('Step 8 Procurement/legal review: Jan 29, 2027 -> Feb 5, 2027');
  const original = readFileSync(STANDARD, 'utf8');
  expect(stdout).toBe(
    original
      .replace('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Dec 25, 2026 |', '| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Jan 5, 2027 |')
      .replace('| Globex procurement | Jan 29, 2027 |', '| Globex procurement | Feb 5, 2027 |')
      .replace('| Both | Feb 5, 2027 |', '| Both | Feb 12, 2027 |')
      .replace('| \\[Economic buyer name\\] | Feb 12, 2027 |', '| \\[Economic buyer name\\] | Feb 22, 2027 |')
      .replace('| Acme CS team | Feb 19, 2027 |', '| Acme CS team | Feb 26, 2027 |')
      .replace('* Decision target: Feb 12, 2027', '* Decision target: Feb 22, 2027')
      .replace('go/no-go decision by Feb 12, 2027', 'go/no-go decision by Feb 22, 2027')
      .replace('* Go-live target: Feb 19, 2027', '* Go-live target: Feb 26, 2027')
      // The prospect, who has no add-on, reads what moved and why in the plan itself.
      .concat(
        '\n## Changes\n\nNov 27: steps 2, 8-11 moved 1 week later because Security questionnaire review slipped; decision target now Feb 22, 2027; go-live target now Feb 26, 2027\n',
      ),
  );
  expect(run('shift', STANDARD, '--step', '2', '--to', '+1 week', '--today', '2026-11-27', '--no-change-log').stdout).not.toContain('## Changes');
});

test('--detect shifts from the dates edited since an earlier version', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'inserted');
  const { code, stderr } = run('shift', path.join(dir, 'standard-en_US-edited.md'), '--detect', '--baseline', STANDARD, '--today', '2026-11-27');
  expect(stderr).toContain('Step 4 Pilot results review: Jan 8, 2027 -> Jan 15, 2027 (moved by you)');
  expect(stderr).toContain('Step 5 ROI/business case presentation to [Economic buyer name]: Jan 15, 2027 -> Jan 25, 2027');
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

test('check prints the health check: a summary, then one block per finding, and exits 0', () => {
  const { code, stdout } = run('check', STANDARD, '--stage', 'negotiation', '--value', '12,000', '--today', '2026-11-27');
  expect(code).toBe(0);
  const blocks = stdout.trimEnd().split('\n\n');
  expect(blocks[0]).toBe('7 findings: 6 warnings, 1 note.');
  expect(blocks.slice(1).map((b) => b.split('\n')[0])).toEqual([
    'WARNING  Steps owned by a role, not a person  [role-owners]',
    'WARNING  Placeholders still to fill in  [placeholders]',
    'WARNING  No economic buyer named  [no-economic-buyer]',
    'WARNING  Success criteria not agreed yet  [no-criteria]',
    'WARNING  No agreed next step if the criteria pass  [no-next-step]',
    'WARNING  Too late for a full MAP  [too-late]',
    'INFO  A MAP may be more than this deal needs  [overkill]',
  ]);
  expect(blocks[6]).toBe(
    [
      'WARNING  Too late for a full MAP  [too-late]',
      '  The deal is at negotiation and the plan still has 11 open steps, more than the 5-step closing checklist.',
      '  What to do: Switch to the closing checklist for what is left: contract redlines, signature authority and the go-live date. It compresses the final steps and prevents last-minute delays.',
    ].join('\n'),
  );
  expect(blocks[5]).toContain('  Say: "If all three criteria pass, what\'s the next step?"');
});

test('check on a plan that follows the method says so; a bad deal fact is a usage error', () => {
  expect(run('check', 'test/fixtures/maps/healthy.md', '--today', '2026-03-09')).toEqual({
    code: 0,
    stdout: 'The plan follows the method: no findings.\n',
    stderr: '',
  });
  const bad = run('check', STANDARD, '--stage', 'closing');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^--stage is one of discovery, post-demo, proposal, negotiation\./);
  expect(run('check', STANDARD, '--value', 'lots').stderr).toMatch(/^--value takes the annual contract value as a number/);
});

test('check on a document whose steps cannot be read says what it could not read, and exits 1', () => {
  const { code, stdout } = run('check', 'test/fixtures/health/plan-as-a-list.md', '--today', '2026-11-27');
  expect(code).toBe(1);
  const blocks = stdout.trimEnd().split('\n\n');
  expect(blocks[0]).toBe('1 finding: 1 critical.');
  expect(blocks[1]).toMatch(/^CRITICAL {2}No plan found {2}\[no-steps\]\n {2}No Steps table was found\. The add-on looks for a table whose header row has an action column /);
  expect(blocks[1]).toContain('What to do: Use Insert MAP to add a plan, or head the steps table\'s columns with words such as "Action", "Owner", "Due date" and "Status".');
});

test('shift --step takes the number as the plan writes it: "5a" moves 5a, never 5', () => {
  const file = 'test/fixtures/reading/numbering-as-written.md';
  const { code, stdout, stderr } = run('shift', file, '--step', '5a', '--to', '+1 week', '--today', '2026-11-27');
  expect(code).toBe(0);
  expect(stderr).toContain('Step 5a Discount approval: Jan 8, 2027 -> Jan 15, 2027');
  expect(stdout).toContain('| 5 | Pricing proposal | Acme | Jan 6, 2027 |');
  expect(stdout).toContain('| 5a | Discount approval | Acme deal desk | Jan 15, 2027 |');
  expect(run('parse', file, '--today', '2026-11-27').stdout).toContain('"label": "5a"');
});

test('shift --include takes the numbers as the plan writes them ("5a"), and names the steps there are for one it lacks', () => {
  const typo = path.join(mkdtempSync(path.join(tmpdir(), 'map-include-')), 'typo.md');
  const source = readFileSync(path.join(ROOT, 'test/fixtures/reading/numbering-as-written.md'), 'utf8');
  writeFileSync(typo, source.replace('| 5a | Discount approval | Acme deal desk | Jan 8, 2027 |', '| 5a | Discount approval | Acme deal desk | Jan 8, 2099 |'));
  const left = run('shift', typo, '--step', '5', '--to', '+1 week', '--today', '2026-11-27');
  expect(left.stderr).toContain('Correct it in the document, or include step 5a if it is right.');
  const included = run('shift', typo, '--step', '5', '--to', '+1 week', '--today', '2026-11-27', '--include', '5a');
  expect(included.code).toBe(0);
  expect(included.stdout).toContain('| 5a | Discount approval | Acme deal desk | Jan 15, 2099 |');
  expect(run('shift', typo, '--step', '5', '--to', '+1 week', '--include', '5c')).toMatchObject({
    code: 1,
    stderr: 'There is no step 5c to include. The steps are numbered 1, 2, 2.1, 3, 3b, 5, 5a and 6.\n',
  });
  expect(run('shift', typo, '--step', '5', '--to', '+1 week', '--include', 'five').stderr).toContain(
    '--include takes step numbers as the plan writes them, separated by commas, e.g. --include 7,5a ("five" is not one).',
  );
});

test('npm run -s map -- parse FILE.md prints only the JSON, so it pipes into jq', () => {
  // What a person types in a shell: npm's "> map-addon@0.1.0 map" banner would land in stdout without -s.
  const done = spawnSync('npm', ['run', '-s', 'map', '--', 'parse', 'test/fixtures/maps/healthy.md', '--today', '2026-11-27'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(done.status).toBe(0);
  const plan = JSON.parse(done.stdout) as { steps: unknown[] };
  expect(plan.steps.length).toBeGreaterThan(3);
});

test('shift --step 1 on a document holding two plans shifts the first plan\'s step 1 and leaves the second as written', () => {
  const file = 'test/fixtures/hostile/two-maps.md';
  const { code, stdout, stderr } = run('shift', file, '--step', '1', '--to', '+1 week', '--today', '2026-11-27');
  expect(code).toBe(0);
  expect(stderr).not.toContain('There is no step 1');
  const original = readFileSync(path.join(ROOT, file), 'utf8');
  const second = original.slice(original.indexOf('# Mutual Action Plan: Acme \\+ Initech'));
  expect(stdout).toContain('| 1 | Technical deep-dive | Both | Dec 28, 2026 | Pending |  |');
  expect(stdout).toContain(second.trimEnd());
});
