/** Runs the built Sheets add-on (dist/sheets/Code.js) the way Apps Script does, in an emulated team workbook, for the integration tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation, loadAddOn, SpreadsheetModel, type AddOn, type SheetDump } from '../../emulation';
import type { SpreadsheetEmulation } from '../../emulation/spreadsheet';

const DIST = path.join(__dirname, '..', '..', 'dist', 'sheets');

function distFile(name: string): string {
  try {
    return readFileSync(path.join(DIST, name), 'utf8');
  } catch {
    throw new Error(`dist/sheets/${name} is missing: run "npm test" (it builds first) or "npm run build".`);
  }
}

type Server = typeof import('../../src/sheets/entry');

export interface Workbook {
  env: GoogleEmulation;
  addOn: AddOn;
  model: SpreadsheetModel;
  /** The workbook as the emulation's own object (uncounted reads go through `_` methods). */
  spreadsheet: SpreadsheetEmulation;
  run<K extends keyof Server>(name: K, ...args: unknown[]): ReturnType<Server[K]>;
  /** A sheet's contents by name, as a person sees them (formulas as written; see `formulas`). */
  sheet(name: string): SheetDump;
  sheetNames(): string[];
  /** The last Spreadsheet.toast() message. */
  lastToast(): string | null;
}

export function openWorkbook(options: { name?: string; today?: string } = {}): Workbook {
  const model = new SpreadsheetModel('team-workbook', options.name ?? 'Team MAP metrics', 'America/New_York');
  const env = new GoogleEmulation({
    now: new Date(`${options.today ?? '2026-12-01'}T15:00:00Z`),
    files: { Sidebar: distFile('Sidebar.html') },
    spreadsheet: model,
  });
  const addOn = loadAddOn(env, distFile('Code.js'));
  const spreadsheet = env.spreadsheetApp._view(model);
  return {
    env,
    addOn,
    model,
    spreadsheet,
    run: (name, ...args) => addOn.runSync(name, ...args) as never,
    sheet(name) {
      const found = model.sheets.find((s) => s.name === name);
      if (!found) throw new Error(`No sheet "${name}" in ${model.sheets.map((s) => s.name).join(', ')}`);
      return spreadsheet._view(found)._dump();
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    lastToast: () => model.toasts.at(-1)?.message ?? null,
  };
}
