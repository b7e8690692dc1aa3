/** `npm run bench`: what each action costs on Apps Script's terms (service calls, bundle size, evaluation time), against the goals we hold ourselves to. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GoogleEmulation, loadAddOn, type AddOn } from '../emulation';
import { documentFromMarkdown } from '../emulation/document';
import type { Manifest } from '../emulation';
import { growTeamWorkbook } from './team-workbook';
import { addWorkingDays } from '../src/core/calendar';
import { publicHolidays } from '../src/core/scheduling/holidays';
import { shiftDownstream, type ScheduleStep } from '../src/core/schedule';
import { readDocumentPlan } from '../src/adapters/document-reader';
import { UNKNOWN_DEAL } from '../src/core/deal';
import { observe, startHistory } from '../src/core/history';
import { planRows } from '../src/core/metrics/rows';
import { workbookData } from '../src/core/metrics/workbook';
import { sheetsRows, sheetsSizes } from './bench-sheets';

const ROOT = path.resolve(__dirname, '..');
const dist = (name: string) => readFileSync(path.join(ROOT, 'dist', name), 'utf8');
const CODE = dist('Code.js');
const SIDEBAR = dist('Sidebar.html');
const STANDARD = readFileSync(path.join(ROOT, 'test', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');

/** The standard plan with its Steps table grown to `count` rows (a long enterprise plan a prospect added to). */
function planWithSteps(count: number): string {
  const rows: string[] = [];
  let day = Date.UTC(2026, 11, 7);
  for (let n = 1; n <= count; n++) {
    day += 86_400_000 * (n % 5 === 0 ? 3 : 1);
    const due = new Date(day).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const owner = n % 3 === 0 ? 'Globex procurement' : n % 3 === 1 ? 'Acme' : 'Both';
    rows.push(`| ${n} | Step ${n}: review and sign-off ${n} | ${owner} | ${due} | ${n % 4 === 0 ? 'Complete' : 'Pending'} | ${n > 1 ? n - 1 : ''} |`);
  }
  return STANDARD.replace(/(\| :---- \| :---- \| :---- \| :---- \| :---- \| :---- \|\n)(?:\|.*\|\n)+/, (_m, sep: string) => `${sep}${rows.join('\n')}\n`);
}

function open(markdown: string | null): { env: GoogleEmulation; addOn: AddOn } {
  const env = new GoogleEmulation({
    now: new Date('2026-11-27T15:00:00Z'),
    files: { Sidebar: SIDEBAR },
    ...(markdown === null ? {} : { document: (ctx) => documentFromMarkdown(markdown, ctx) }),
  });
  return { env, addOn: loadAddOn(env, CODE) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface Row {
  what: string;
  calls: number;
  ms: number;
  goal: number;
}

/** Calls of one action, and its median time over `runs` fresh documents (each run re-evaluates the bundle, as Apps Script does). */
function measure(what: string, goal: number, setup: () => { env: GoogleEmulation; addOn: AddOn }, act: (addOn: AddOn) => unknown, runs = 5): Row {
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < runs; i++) {
    const s = setup();
    s.env.calls.reset();
    const start = performance.now();
    act(s.addOn);
    times.push(performance.now() - start);
    calls = s.env.calls.total();
  }
  return { what, calls, ms: median(times), goal };
}

const INSERT = {
  yourCompany: 'Acme', theirCompany: 'Globex', product: 'Acme Close', problem: 'a 12-day month-end close',
  dealType: 'standard', dealStage: 'post-demo', annualContractValue: '85000', evaluationStart: '2026-12-07',
  decisionTarget: '', goLiveTarget: '',
  people: Object.fromEntries(['champion', 'economicBuyer', 'technicalEvaluator', 'accountExecutive', 'solutionsEngineer'].map((r) => [r, { name: '', title: '' }])),
  theirWords: { procurement: '', legal: '', security: '', internalReview: '' },
};

const rows: Row[] = [];
const evalTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const s = open(null);
  const start = performance.now();
  s.addOn.trigger('onOpen', { authMode: 'NONE' });
  evalTimes.push(performance.now() - start);
}

rows.push(measure('Insert MAP (standard, 11 steps)', 200, () => open(null), (a) => a.runSync('insertMap', INSERT)));
for (const count of [11, 30, 60]) {
  const markdown = count === 11 ? STANDARD : planWithSteps(count);
  const fresh = () => open(markdown);
  const read = () => {
    const s = fresh();
    s.addOn.runSync('getShiftState');
    return s;
  };
  rows.push(measure(`Open the Shift tab, first read (${count} steps)`, 60 + 55 * count, fresh, (a) => a.runSync('getShiftState')));
  rows.push(measure(`Open the Shift tab again (${count} steps)`, 60 + 40 * count, read, (a) => a.runSync('getShiftState')));
  rows.push(measure(`Preview a shift of step 2 (${count} steps)`, 60 + 40 * count, read, (a) => a.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week' })));
  rows.push(measure(`Apply a shift of step 2 (${count} steps)`, 100 + 50 * count, read, (a) => a.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' })));
  rows.push(measure(`Check plan health (${count} steps)`, 60 + 45 * count, read, (a) => a.runSync('getHealth')));
  rows.push(measure(`Refresh colours, nothing to change (${count} steps)`, 60 + 45 * count, () => {
    const s = read();
    s.addOn.runSync('refreshStatusColours');
    return s;
  }, (a) => a.runSync('refreshStatusColours')));
}

/** The scheduler alone on a 1,000-step chain across two holiday seasons: working days are counted by arithmetic, never day by day. */
function coreShiftMs(count: number): number {
  const steps: ScheduleStep[] = [];
  let due = '2026-12-07';
  for (let n = 1; n <= count; n++) {
    due = addWorkingDays(due, 1 + (n % 3));
    steps.push({ key: `k${n}`, number: n, action: `Step ${n}`, due, status: 'pending', dependsOn: n > 1 ? [`k${n - 1}`] : [] });
  }
  const calendar = { calendarDays: false, holidays: publicHolidays('US', 2026, 2030) };
  const times: number[] = [];
  // Three warm-up runs (as a warm Apps Script runtime would have compiled the code), then the median of nine.
  for (let i = 0; i < 12; i++) {
    const start = performance.now();
    shiftDownstream({ steps, moves: [{ key: 'k2', to: addWorkingDays(steps[1]?.due ?? due, 5, calendar) }], calendar });
    if (i >= 3) times.push(performance.now() - start);
  }
  return Math.round(median(times) * 10) / 10;
}

/** The export's rows for 1,000 deals of 40 steps (40,000 step rows), each with a history that slipped: all computed in memory before any write. */
function coreMetricsRowsMs(deals: number, steps: number): number {
  const env = new GoogleEmulation({ document: (ctx) => documentFromMarkdown(planWithSteps(steps), ctx) });
  const saved = (globalThis as Record<string, unknown>).DocumentApp;
  Object.assign(globalThis, { DocumentApp: env.globals().DocumentApp });
  const plan = readDocumentPlan(env.document as unknown as GoogleAppsScript.Document.Document, { locale: 'en_US', today: '2026-12-01' }).plan;
  (globalThis as Record<string, unknown>).DocumentApp = saved;
  const slipped = { ...plan, steps: plan.steps.map((s, i) => (i % 4 === 1 && s.due ? { ...s, due: addWorkingDays(s.due, 5) } : s)) };
  const history = observe(startHistory(plan, '2026-12-01', 'hand'), slipped, '2026-12-20', 'hand').history;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const rows = [];
    for (let d = 0; d < deals; d++) rows.push(planRows({ documentId: `doc-${d}`, url: 'u', plan: slipped, history, deal: UNKNOWN_DEAL, today: '2027-01-10' }));
    workbookData(rows);
    times.push(performance.now() - start);
  }
  return Math.round(median(times));
}
// The Sheets add-on (dist/sheets/): its own bundle, and calls that stay constant however many deals the workbook holds.
rows.push(...sheetsRows());

/**
 * Export to Sheets into a team workbook already holding `deals` other plans (40 steps each): the
 * Sheets API calls of the export and of the refresh after a shift. Goal: 5 each, whatever the size.
 */
function exportRows(deals: number): Row[] {
  const env = new GoogleEmulation({ now: new Date('2026-11-27T15:00:00Z'), files: { Sidebar: SIDEBAR }, manifest: JSON.parse(dist('appsscript.json')) as Manifest });
  const addOn = loadAddOn(env, CODE);
  addOn.runSync('insertMap', INSERT);
  addOn.runSync('createTeamWorkbook', { name: 'Team' });
  growTeamWorkbook([...env.spreadsheetFiles.values()][0]!, deals, 40);
  const sheetsCalls = () => Object.entries(env.calls.snapshot()).reduce((n, [name, count]) => (name.startsWith('Sheets.') ? n + count : n), 0);
  const timed = (what: string, act: () => unknown): Row => {
    env.calls.reset();
    const start = performance.now();
    act();
    return { what, calls: sheetsCalls(), ms: performance.now() - start, goal: 5 };
  };
  return [
    timed(`Export to Sheets, ${deals} other deals (Sheets calls)`, () => addOn.runSync('exportToSheets')),
    timed(`Shift + refresh, ${deals} other deals (Sheets calls)`, () => addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' })),
  ];
}
for (const deals of [1, 100, 1000]) rows.push(...exportRows(deals));

const sizeRows = [
  { what: 'dist/Code.js (bytes)', value: Buffer.byteLength(CODE), goal: 200 * 1024 },
  { what: 'dist/Sidebar.html (bytes)', value: Buffer.byteLength(SIDEBAR), goal: 60 * 1024 },
  { what: 'evaluate Code.js + onOpen (median ms)', value: Math.round(median(evalTimes) * 10) / 10, goal: 50 },
  { what: 'core shift of 1,000 steps (median ms)', value: coreShiftMs(1000), goal: 50 },
  { what: 'export rows, 1,000 deals x 40 steps (median ms)', value: coreMetricsRowsMs(1000, 40), goal: 1500 },
  ...sheetsSizes(),
];

let over = 0;
const mark = (value: number, goal: number) => {
  if (value > goal) over++;
  return value <= goal ? 'ok' : 'OVER';
};
console.log('Bundle\n');
for (const r of sizeRows) console.log(`  ${r.what.padEnd(48)} ${String(r.value).padStart(8)}  goal ${String(r.goal).padStart(8)}  ${mark(r.value, r.goal)}`);
console.log('\nActions (service calls; median wall time in the emulation, for trend only)\n');
for (const r of rows) {
  console.log(`  ${r.what.padEnd(48)} ${String(r.calls).padStart(6)} calls  goal ${String(r.goal).padStart(6)}  ${r.ms.toFixed(1).padStart(7)} ms  ${mark(r.calls, r.goal)}`);
}
console.log(over === 0 ? '\nAll goals met.' : `\n${over} goal(s) missed.`);
process.exitCode = over === 0 ? 0 : 1;
