/** The export's part of `npm run bench`: Sheets API calls of "Export to Sheets" (in all, and touching each sheet) into team workbooks of 1, 100 and 1,000 other deals, with wall time and projected time on Google. */
import { performance } from 'node:perf_hooks';
import { GoogleEmulation, loadAddOn, type Manifest } from '../emulation';
import { DEALS, SLIPS, STEPS } from '../src/core/metrics/layout';
import { dist } from './bench-plans';
import { growTeamWorkbook } from './team-workbook';

/**
 * No public figure for one Sheets API round trip from Apps Script either: these bracket a fast and
 * a slow one (a batchGet of 40,000 key cells is a larger reply than a header read).
 */
export const SHEETS_MS_PER_CALL = [150, 500] as const;

export interface ExportBenchRow {
  what: string;
  deals: number;
  stepRows: number;
  /** Sheets API calls of the export, by method. */
  calls: number;
  byMethod: Record<string, number>;
  /** Calls that read or write each data sheet (one call may touch several: a batchGet reads them all). */
  callsPerSheet: Record<string, number>;
  emulationMs: number;
  projectedMs: Record<string, number>;
  goal: number;
}

const SHEET_NAMES = [DEALS.name, STEPS.name, SLIPS.name];

type Spreadsheets = NonNullable<GoogleEmulation['sheets']>['Spreadsheets'];

/** Counts, per data sheet, the calls whose ranges or subrequests name it (by A1 range or sheet id). */
function watchSheets(env: GoogleEmulation): Record<string, number> {
  const perSheet: Record<string, number> = Object.fromEntries(SHEET_NAMES.map((n) => [n, 0]));
  const api = env.sheets!.Spreadsheets as Spreadsheets;
  const touched = (names: Set<string>) => names.forEach((n) => { if (n in perSheet) perSheet[n]! += 1; });
  const namesOfRanges = (ranges: unknown) => new Set((Array.isArray(ranges) ? ranges : [ranges]).map((r) => String(r).split('!')[0]!.replace(/^'|'$/g, '')));
  const batchGet = api.Values.batchGet.bind(api.Values);
  api.Values.batchGet = (id: string, args: object = {}) => {
    touched(namesOfRanges((args as { ranges?: unknown }).ranges));
    return batchGet(id, args);
  };
  const batchUpdate = api.batchUpdate.bind(api);
  api.batchUpdate = (resource, id) => {
    const book = env.spreadsheetFiles.get(String(id));
    const byId = new Map((book?.sheets ?? []).map((s) => [s.sheetId, s.name]));
    const names = new Set<string>();
    JSON.stringify(resource, (key, value: unknown) => {
      if (key === 'sheetId' && byId.has(value as number)) names.add(byId.get(value as number)!);
      return value;
    });
    touched(names);
    return batchUpdate(resource, id);
  };
  return perSheet;
}

/** One seller's plan exported into a team workbook already holding `deals` other plans of 40 steps. */
function exportInto(deals: number): ExportBenchRow {
  const env = new GoogleEmulation({
    now: new Date('2026-11-27T15:00:00Z'),
    files: { Sidebar: dist('Sidebar.html') },
    manifest: JSON.parse(dist('appsscript.json')) as Manifest,
  });
  const addOn = loadAddOn(env, dist('Code.js'));
  addOn.runSync('insertMap', {
    yourCompany: 'Acme', theirCompany: 'Globex', product: 'Acme Close', problem: 'a 12-day month-end close',
    dealType: 'standard', dealStage: 'post-demo', annualContractValue: '85000', evaluationStart: '2026-12-07',
    decisionTarget: '', goLiveTarget: '',
    people: Object.fromEntries(['champion', 'economicBuyer', 'technicalEvaluator', 'accountExecutive', 'solutionsEngineer'].map((r) => [r, { name: '', title: '' }])),
    theirWords: { procurement: '', legal: '', security: '', internalReview: '' },
  });
  addOn.runSync('createTeamWorkbook', { name: 'Team' });
  growTeamWorkbook([...env.spreadsheetFiles.values()][0]!, deals, 40);
  const perSheet = watchSheets(env);
  env.calls.reset();
  const start = performance.now();
  const result = addOn.runSync('exportToSheets') as { ok?: boolean; message?: string };
  const ms = performance.now() - start;
  if (!result?.ok) throw new Error(`The export failed in the benchmark: ${result?.message ?? String(result)}`);
  const byMethod = Object.fromEntries(Object.entries(env.calls.snapshot()).filter(([name]) => name.startsWith('Sheets.')));
  const calls = Object.values(byMethod).reduce((a, b) => a + b, 0);
  return {
    what: `Export to Sheets (${deals.toLocaleString('en-US')} other deal${deals === 1 ? '' : 's'}, ${(deals * 40).toLocaleString('en-US')} step rows)`,
    deals,
    stepRows: deals * 40,
    calls,
    byMethod,
    callsPerSheet: perSheet,
    emulationMs: ms,
    projectedMs: Object.fromEntries(SHEETS_MS_PER_CALL.map((each) => [`at${each}msPerCall`, calls * each])),
    // The design's five: lock, sheet properties, header rows, key columns, write-and-release.
    goal: 5,
  };
}

export function exportRows(): ExportBenchRow[] {
  return [1, 100, 1000].map(exportInto);
}
