/** The benchmark's plans and its one measurement: the standard plan grown to N steps, and what one action costs on it in service calls. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GoogleEmulation, loadAddOn, type AddOn } from '../emulation';
import { documentFromMarkdown } from '../emulation/document';

const ROOT = path.resolve(__dirname, '..');
export const dist = (name: string) => readFileSync(path.join(ROOT, 'dist', name), 'utf8');
const STANDARD = readFileSync(path.join(ROOT, 'test', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');

/** Columns of the standard Steps table: every row is this many cells read. */
export const STEP_COLUMNS = 6;

/**
 * The standard plan (or `base`, a plan with the same Steps header) with its Steps table grown to
 * `count` rows (a long enterprise plan a prospect added to); `longName` names one step at length.
 */
export function planWithSteps(count: number, options: { base?: string; longName?: { step: number; name: string } } = {}): string {
  const rows: string[] = [];
  let day = Date.UTC(2026, 11, 7);
  for (let n = 1; n <= count; n++) {
    day += 86_400_000 * (n % 5 === 0 ? 3 : 1);
    const due = new Date(day).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const owner = n % 3 === 0 ? 'Globex procurement' : n % 3 === 1 ? 'Acme' : 'Both';
    const action = options.longName?.step === n ? options.longName.name : `Step ${n}: review and sign-off ${n}`;
    rows.push(`| ${n} | ${action} | ${owner} | ${due} | ${n % 4 === 0 ? 'Complete' : 'Pending'} | ${n > 1 ? n - 1 : ''} |`);
  }
  return (options.base ?? STANDARD).replace(/(\| :---- \| :---- \| :---- \| :---- \| :---- \| :---- \|\n)(?:\|.*\|\n)+/, (_m, sep: string) => `${sep}${rows.join('\n')}\n`);
}

export interface Opened {
  env: GoogleEmulation;
  addOn: AddOn;
}

export function open(markdown: string | null, code = dist('Code.js'), sidebar = dist('Sidebar.html')): Opened {
  const env = new GoogleEmulation({
    now: new Date('2026-11-27T15:00:00Z'),
    files: { Sidebar: sidebar },
    ...(markdown === null ? {} : { document: (ctx) => documentFromMarkdown(markdown, ctx) }),
  });
  return { env, addOn: loadAddOn(env, code) };
}

export interface Measured {
  calls: number;
  byMethod: Record<string, number>;
  ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Calls of one action (and by method), and its median time over `runs` fresh documents (each run re-evaluates the bundle, as Apps Script does). */
export function measure(setup: () => Opened, act: (addOn: AddOn) => unknown, runs = 3): Measured {
  const times: number[] = [];
  let calls = 0;
  let byMethod: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const s = setup();
    s.env.calls.reset();
    const start = performance.now();
    act(s.addOn);
    times.push(performance.now() - start);
    calls = s.env.calls.total();
    byMethod = s.env.calls.snapshot();
  }
  return { calls, byMethod, ms: median(times) };
}

/** The actions the benchmark measures on a plan of `count` steps, each from the state a person reaches it in. */
export function actions(count: number): { name: string; goal: number; setup: () => Opened; act: (a: AddOn) => unknown }[] {
  const markdown = count === 11 ? STANDARD : planWithSteps(count);
  const fresh = () => open(markdown);
  const read = () => {
    const s = fresh();
    s.addOn.runSync('getShiftState');
    return s;
  };
  const shift = { kind: 'step', step: 2, to: '+1 week' };
  return [
    { name: 'Open the Shift tab, first read', goal: 60 + 55 * count, setup: fresh, act: (a) => a.runSync('getShiftState') },
    { name: 'Open the Shift tab again', goal: 60 + 40 * count, setup: read, act: (a) => a.runSync('getShiftState') },
    { name: 'Preview a shift of step 2', goal: 60 + 40 * count, setup: read, act: (a) => a.runSync('previewShift', shift) },
    { name: 'Apply a shift of step 2', goal: 100 + 50 * count, setup: read, act: (a) => a.runSync('applyShift', shift) },
    {
      name: 'Undo the shift',
      goal: 100 + 50 * count,
      setup: () => {
        const s = read();
        s.addOn.runSync('applyShift', shift);
        return s;
      },
      act: (a) => a.runSync('undoLastShift'),
    },
    { name: 'Check plan health', goal: 60 + 45 * count, setup: read, act: (a) => a.runSync('getHealth') },
    { name: 'Weekly review', goal: 60 + 45 * count, setup: read, act: (a) => a.runSync('getReview') },
    {
      name: 'Refresh colours, nothing to change',
      goal: 60 + 45 * count,
      setup: () => {
        const s = read();
        s.addOn.runSync('refreshStatusColours');
        return s;
      },
      act: (a) => a.runSync('refreshStatusColours'),
    },
  ];
}
