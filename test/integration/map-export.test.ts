// `npm run map -- export`: CSV files with the workbook's columns, the history `npm start` saved beside a plan, formula-safe text, and the same metric values as the Metrics sheet's formulas.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveHistory, type PropertyStore } from '../../src/adapters/history-store';
import type { CellValue } from '../../src/core/metrics/cells';
import { parseCsv } from '../../src/core/metrics/csv';
import { DEALS, METRICS_SHEET, OPPORTUNITIES, SLIPS, STEPS, type DataSheet } from '../../src/core/metrics/layout';
import { METRIC_ROWS, metricCell } from '../../src/core/metrics/metrics-sheet';
import { runMap } from '../../tools/map';
import { sidecarPath } from '../../tools/preview/storage';
import { evaluateWorkbook } from '../../tools/sheets-engine';
import { edited, fixtureText, historyOfVersions } from '../core/markdown-plan';

const ROOT = path.join(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'map-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runMap(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (f) => readFileSync(path.resolve(dir, f), 'utf8'),
    dist: path.join(ROOT, 'dist'),
    cwd: dir,
    previewDir: path.join(dir, '.preview'),
  });
  return { code, stdout, stderr };
}

function memoryStore(entries: Map<string, string>): PropertyStore {
  const store = {
    getProperties: () => Object.fromEntries(entries),
    getKeys: () => [...entries.keys()],
    setProperty: (k: string, v: string) => (entries.set(k, v), store),
    setProperties: (values: Record<string, string>) => {
      for (const [k, v] of Object.entries(values)) entries.set(k, v);
      return store;
    },
    deleteProperty: (k: string) => (entries.delete(k), store),
  };
  return store as unknown as PropertyStore;
}

const STANDARD = fixtureText('inserted/standard-en_US');
const SLIPPED = edited(
  STANDARD,
  ['| Security questionnaire review | Acme sends, Globex IT reviews | Dec 25, 2026 | Pending |', '| Security questionnaire review | Acme sends, Globex IT reviews | Jan 8, 2027 | Complete |'],
  ['| Technical deep-dive with engineering | Both | Dec 18, 2026 | Pending |', '| Technical deep-dive with engineering | Both | Dec 18, 2026 | Complete |'],
);

/** globex.md as `npm start` left it: the slipped plan, with its history and deal in the sidecar; initech.md with no sidecar and a hostile step. */
function plansOnDisk(): void {
  const { history } = historyOfVersions(STANDARD, '2026-12-01', [['2026-12-20', SLIPPED]]);
  const properties = new Map<string, string>();
  saveHistory(history, memoryStore(properties));
  properties.set('map.deal', JSON.stringify({ seller: 'Sam Lee', theirCompany: 'Globex', dealType: 'standard', stage: 'post-demo', annualContractValue: 85000, currency: 'USD', crm: '9001', outcome: 'won', closedOn: '2027-02-20' }));
  const globex = path.join(dir, 'plans', 'globex.md');
  mkdirSync(path.dirname(globex), { recursive: true });
  writeFileSync(globex, SLIPPED);
  const sidecar = {
    format: 'map-preview-sidecar',
    version: 1,
    markdownSha256: createHash('sha256').update(SLIPPED).digest('hex'),
    file: globex,
    name: 'globex',
    tables: [],
    paragraphs: [],
    namedRanges: [],
    documentProperties: Object.fromEntries(properties),
  };
  const sidecarFile = sidecarPath(path.join(dir, '.preview'), globex);
  mkdirSync(path.dirname(sidecarFile), { recursive: true });
  writeFileSync(sidecarFile, JSON.stringify(sidecar));
  writeFileSync(path.join(dir, 'plans', 'initech.md'), edited(STANDARD, ['| Pilot results review |', '| =IMPORTXML("http://x") |'], ['| Acme CS team |', '| @sum |']));
  writeFileSync(
    path.join(dir, 'crm.csv'),
    '"Record ID","Deal Name","Associated Company","Amount","Deal Stage","Create Date","Close Date"\n' +
      '"9001","Globex","Globex Inc.","85000","Closed Won","2026-11-02 10:00","2027-02-20 10:00"\n' +
      '"9002","Hooli","Hooli","60000","Closed Lost","2026-07-01 10:00","2026-10-15 10:00"\n' +
      '"9003","=cmd|x","Soylent","70000","Closed Won","2026-08-01 10:00","2026-12-15 10:00"\n',
  );
}

function csv(name: string): string[][] {
  return parseCsv(readFileSync(path.join(dir, 'out', name), 'utf8'));
}

/** A CSV file read back into the typed values the sheet would hold (dates as days, numbers as numbers). */
function typed(sheet: DataSheet, records: string[][]): CellValue[][] {
  return records.slice(1).map((r) => sheet.columns.map((c, i) => {
    const v = r[i] ?? '';
    if (v === '') return null;
    if (c.type === 'date') return { date: v };
    if (c.type === 'number' || c.type === 'money' || c.type === 'percent') return Number(v);
    return v;
  }));
}

function rowsOf<Id extends string>(sheet: DataSheet<Id>, values: CellValue[][]) {
  return values.map((v) => Object.fromEntries(sheet.columns.map((c, i) => [c.id, v[i] ?? null])) as Partial<Record<Id, CellValue>>);
}

test('export writes the workbook columns as CSV, with the saved history, the deal, the CRM report and BigQuery schemas', () => {
  plansOnDisk();
  const { code, stdout, stderr } = run('export', 'plans/globex.md', 'plans/initech.md', '--out', 'out', '--crm', 'crm.csv', '--today', '2027-01-11', '--as-of', '2027-02-25');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toBe(
    'Exported 2 plans (22 step rows, 1 slip, 3 opportunities) to out: deals.csv, steps.csv, slips.csv, opportunities.csv, metrics.csv.\n' +
      'Not matched to an opportunity: plans/initech.md (company unknown): give it its CRM id in the Deal panel.\n',
  );
  const deals = csv('deals.csv');
  expect(deals[0]).toEqual(DEALS.columns.map((c) => c.header));
  const byHeader = (row: string[]) => Object.fromEntries(DEALS.columns.map((c, i) => [c.header, row[i]]));
  expect(byHeader(deals[1] ?? [])).toMatchObject({
    'Document id': 'plans/globex.md',
    'Their company': 'Globex',
    Value: '85000',
    'CRM id': '9001',
    'Plan started': '2026-12-01',
    'Decision target (first planned)': '2027-02-12',
    Slips: '1',
    'Total slip days': '10',
    Outcome: 'won',
    'Actual close date': '2027-02-20',
    'Close vs first target (days)': '8',
    'Outcome (manual)': '',
  });
  // No history saved for initech: the export's day is its baseline.
  expect(byHeader(deals[2] ?? [])).toMatchObject({ 'Document id': 'plans/initech.md', 'Plan started': '2027-01-11', Outcome: 'open', Slips: '0' });

  const steps = csv('steps.csv');
  expect(steps[0]).toEqual(STEPS.columns.map((c) => c.header));
  const actions = steps.map((r) => r[STEPS.columns.findIndex((c) => c.id === 'action')]);
  expect(actions).toContain("'=IMPORTXML(\"http://x\")");
  expect(readFileSync(path.join(dir, 'out', 'steps.csv'), 'utf8')).toContain(`"'=IMPORTXML(""http://x"")"`);
  expect(steps.map((r) => r[STEPS.columns.findIndex((c) => c.id === 'owner')])).toContain("'@sum");
  expect(csv('slips.csv').slice(1).map((r) => r.slice(3, 12))).toEqual([
    [expect.any(String), '2', 'Security questionnaire review', 'Security review', '2026-12-25', '2027-01-08', '10', '2026-12-20', 'edit by hand'],
  ]);
  const opportunities = csv('opportunities.csv');
  expect(opportunities[0]).toEqual(OPPORTUNITIES.columns.map((c) => c.header));
  expect(opportunities[3]?.[1]).toBe("'=cmd|x");
  expect(opportunities[1]?.slice(10, 12)).toEqual(['plans/globex.md', 'CRM id']);

  const schema = JSON.parse(readFileSync(path.join(dir, 'out', 'steps.schema.json'), 'utf8')) as { name: string; type: string }[];
  expect(schema.map((c) => c.name)).toContain('due_first_planned');
  expect(schema).toHaveLength(STEPS.columns.length);
  expect(schema.find((c) => c.name === 'completed_on')?.type).toBe('DATE');
});

test("metrics.csv holds the same values the Metrics sheet's formulas compute over the exported rows", () => {
  plansOnDisk();
  expect(run('export', 'plans/globex.md', 'plans/initech.md', '--out', 'out', '--crm', 'crm.csv', '--today', '2027-01-11', '--as-of', '2027-02-25').code).toBe(0);
  const book = evaluateWorkbook(
    {
      deals: rowsOf(DEALS, typed(DEALS, csv('deals.csv'))),
      steps: rowsOf(STEPS, typed(STEPS, csv('steps.csv'))),
      slips: rowsOf(SLIPS, typed(SLIPS, csv('slips.csv'))),
      opportunities: rowsOf(OPPORTUNITIES, typed(OPPORTUNITIES, csv('opportunities.csv'))),
    },
    { asOf: '2027-02-25' },
  );
  try {
    const metrics = csv('metrics.csv');
    expect(metrics[0]).toEqual(['metric_id', 'metric', 'target', 'period', 'period_start', 'value', 'value_text']);
    let compared = 0;
    for (const m of METRIC_ROWS) {
      const lines = metrics.filter((r) => r[0] === m.id);
      expect(lines.map((r) => r[3])).toEqual(['to date', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
      lines.forEach((line, i) => {
        const cell = metricCell(m.id, ['E', 'F', 'G', 'H', 'I'][i]);
        const sheet = book.value(METRICS_SHEET, cell);
        const fromCsv = line[5] !== '' ? Number(line[5]) : (line[6] ?? '');
        if (typeof fromCsv === 'number') expect([m.id, i, sheet]).toEqual([m.id, i, expect.closeTo(fromCsv, 9)]);
        else expect([m.id, i, sheet ?? '']).toEqual([m.id, i, fromCsv]);
        compared += 1;
      });
    }
    expect(compared).toBe(METRIC_ROWS.length * 5);
    // Something was actually measured: one won deal with a MAP against one lost and one won without.
    expect(metrics.find((r) => r[0] === 'winRateWith' && r[3] === 'to date')?.[5]).toBe('1');
    expect(metrics.find((r) => r[0] === 'winRateWithout' && r[3] === 'to date')?.[5]).toBe('0.5');
    expect(metrics.find((r) => r[0] === 'slips-by-kind')?.slice(5)).toEqual(['1', 'Security review']);
  } finally {
    book.destroy();
  }
});

test('export refuses what it cannot do, with the reason', () => {
  expect(run('export', '--out', 'out')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^"export" needs at least one Markdown file\./) });
  writeFileSync(path.join(dir, 'a.md'), STANDARD);
  expect(run('export', 'a.md')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^"export" needs --out DIR/) });
  expect(run('export', 'a.md', '--out', 'o', '--today', 'tomorrow')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--today takes a date/) });
  expect(run('export', 'a.md', '--out', 'o', '--crm', 'none.csv')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Cannot read none\.csv/) });
  writeFileSync(path.join(dir, 'weather.csv'), 'Date,Temperature\n1/1/2026,3\n');
  expect(run('export', 'a.md', '--out', 'o', '--crm', 'weather.csv')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^weather\.csv: This does not look like an opportunity report/) });
  expect(run('export', 'missing.md', '--out', 'o')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Cannot read missing\.md/) });
});
