/** "Set up MAP metrics", "Refresh metrics" and what the sidebar says the workbook holds: the team workbook made and repaired from the metrics layout. */
import { DATA_SHEETS, DEALS, OPPORTUNITIES, SHEET_ORDER, SLIPS, STEPS } from '../core/metrics/layout';
import { opportunityRow } from '../core/metrics/crm-report';
import { matchPlans } from '../core/metrics/match';
import { setUpDataSheet } from '../adapters/data-sheet-setup';
import { dealPlans } from '../adapters/deal-plans';
import { readOpportunities } from '../adapters/opportunities-reader';
import { writeOpportunities } from '../adapters/opportunities-writer';
import { writeFormulaSheet } from '../adapters/formula-sheet-writer';
import { withDocumentLock } from '../adapters/lock';
import { activeWorkbook } from '../adapters/workbook';
import { answer } from '../server/errors';
import { formulaSheets } from './formula-sheets';
import type { WorkbookActionResult, WorkbookState } from './contract';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const BUSY = 'Someone else is setting up or refreshing this workbook right now. Try again in a few seconds.';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Every sheet of the layout, created where missing and repaired where damaged; rows people or exports wrote are never touched. */
function setUpWorkbook(spreadsheet: Spreadsheet): { created: string[]; restored: string[] } {
  const created: string[] = [];
  const restored: string[] = [];
  for (const layout of DATA_SHEETS) {
    const result = setUpDataSheet(spreadsheet, layout);
    if (result.created) created.push(result.sheet);
    for (const header of result.restored) restored.push(`${result.sheet}: ${header}`);
  }
  for (const spec of formulaSheets()) {
    const result = writeFormulaSheet(spreadsheet, spec.grid, spec);
    if (result.created) created.push(result.sheet);
    else if (result.restored > 0) restored.push(`${result.sheet}: ${plural(result.restored, 'cell')}`);
  }
  return { created, restored };
}

function setUpMessage(outcome: { created: string[]; restored: string[] }): string {
  if (outcome.created.length === 0 && outcome.restored.length === 0) return 'The workbook is set up: every sheet, header and formula is in place.';
  const parts: string[] = [];
  if (outcome.created.length > 0) parts.push(`Created ${outcome.created.join(', ')}.`);
  if (outcome.restored.length > 0) parts.push(`Restored ${outcome.restored.join('; ')}.`);
  return `${parts.join(' ')} Rows already in the workbook were left as they were.`;
}

/** Sidebar and menu: set the workbook up (or repair it). */
export function setUpMetrics(): WorkbookActionResult {
  return answer('setting up the workbook', () =>
    withDocumentLock(() => ({ message: setUpMessage(setUpWorkbook(activeWorkbook())) }), 10_000, BUSY),
  );
}

/** Menu "Set up MAP metrics": the same, reported in a toast (Sheets' own small message in the corner). */
export function setUpMetricsFromMenu(): void {
  const { message } = setUpMetrics();
  activeWorkbook().toast(message, 'Mutual Action Plan', 10);
}

/**
 * Re-applies the formulas, formats, conditional formats and charts. It never adds a data sheet a
 * person deleted on purpose: that is "Set up"'s job, and Refresh says so.
 */
export function refreshMetrics(): WorkbookActionResult {
  return answer('refreshing the metrics', () =>
    withDocumentLock(() => {
      const spreadsheet = activeWorkbook();
      const missing = DATA_SHEETS.filter((layout) => !spreadsheet.getSheetByName(layout.name)).map((layout) => layout.name);
      let restored = 0;
      for (const spec of formulaSheets()) restored += writeFormulaSheet(spreadsheet, spec.grid, spec).restored;
      const fixed = restored > 0 ? ` ${plural(restored, 'formula or label')} restored.` : '';
      const matching = rematch(spreadsheet);
      const warn = missing.length > 0 ? ` ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: use Set up MAP metrics.` : '';
      return { message: `Metrics refreshed.${fixed}${matching}${warn}` };
    }, 10_000, BUSY),
  );
}

/**
 * What is not a formula is recomputed: the plans exported since the last import are matched to
 * the opportunities again (Plan and Matched by columns), and the plans without one are named.
 */
function rematch(spreadsheet: Spreadsheet): string {
  const opportunities = readOpportunities(spreadsheet);
  if (opportunities.length === 0) return '';
  const plans = dealPlans(spreadsheet);
  const match = matchPlans(plans, opportunities);
  writeOpportunities(spreadsheet, match.opportunities.map(opportunityRow));
  const matched = match.opportunities.filter((o) => o.plan !== null).length;
  const unmatched = match.unmatched.map((plan) => plan.title ?? plan.documentId);
  const names = unmatched.length === 0 ? '' : ` Without an opportunity: ${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? ` and ${unmatched.length - 5} more` : ''}.`;
  return ` ${plural(matched, 'plan')} matched to the CRM report.${names}`;
}

export function refreshMetricsFromMenu(): void {
  const { message } = refreshMetrics();
  activeWorkbook().toast(message, 'Mutual Action Plan', 10);
}

/** Data rows of a sheet (the header row not counted); 0 when the sheet is missing. */
function rowCount(spreadsheet: Spreadsheet, name: string): number {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
}

/** The latest "Exported on" day in Deals, found by its header. */
function lastExport(spreadsheet: Spreadsheet): string | null {
  const sheet = spreadsheet.getSheetByName(DEALS.name);
  if (!sheet || sheet.getLastRow() < 2) return null;
  const header = DEALS.columns.find((c) => c.id === 'exportedOn')!.header;
  const at = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.findIndex((cell) => String(cell).trim() === header);
  if (at < 0) return null;
  let latest: Date | null = null;
  for (const [cell] of sheet.getRange(2, at + 1, sheet.getLastRow() - 1, 1).getValues() as unknown[][]) {
    if (Object.prototype.toString.call(cell) === '[object Date]' && (latest === null || (cell as Date) > latest)) latest = cell as Date;
  }
  return latest ? Utilities.formatDate(latest, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd') : null;
}

/** The sidebar's "About this workbook". */
export function getWorkbookState(): WorkbookState {
  return answer('reading the workbook', () => {
    const spreadsheet = activeWorkbook();
    const names = spreadsheet.getSheets().map((sheet) => sheet.getName());
    const layoutNames = new Set<string>([...DATA_SHEETS.map((layout) => layout.name), ...formulaSheets().map((spec) => spec.grid.name)]);
    const missing = SHEET_ORDER.filter((name) => layoutNames.has(name) && !names.includes(name));
    return {
      name: spreadsheet.getName(),
      setUp: missing.length === 0,
      missing: [...missing],
      counts: {
        plans: rowCount(spreadsheet, DEALS.name),
        steps: rowCount(spreadsheet, STEPS.name),
        slips: rowCount(spreadsheet, SLIPS.name),
        opportunities: rowCount(spreadsheet, OPPORTUNITIES.name),
      },
      lastExport: lastExport(spreadsheet),
      otherSheets: names.filter((name) => !layoutNames.has(name)),
    };
  });
}
