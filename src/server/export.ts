/** "Export to Sheets": linking the team workbook (created by the add-on or picked), exporting the plan's rows, and the automatic refresh after every action that changes the plan. */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { exportPlanRows, runExport, type ExportOutcome } from '../core/export/export-plan';
import { planRows } from '../core/metrics/rows';
import { UserError } from '../core/errors';
import { loadDeal } from '../adapters/deal-store';
import { withDocumentLock } from '../adapters/lock';
import { createWorkbook, sheetsCaller, workbookName } from '../adapters/sheets-workbook';
import { loadWorkbookLink, saveWorkbookLink, type WorkbookLink } from '../adapters/workbook-link';
import { loadLastExport, saveLastExport } from '../adapters/last-export';
import { timeZone, userLocale } from '../adapters/session';
import { todayIn } from '../core/scheduling/calendar';
import { formatPlanDate } from '../core/reading/date-format';
import { answer } from './errors';
import { openPlan, rememberPlan, type PlanSession } from './plan-session';
import { openSidebar } from './menu';
import type { ExportResult, LastExportView } from './contract';

/** Reads the plan (saving what the read learnt, as every action does) and builds its rows. */
function rowsOfDocument(session?: PlanSession) {
  const s =
    session ??
    withDocumentLock(() => {
      const opened = openPlan();
      rememberPlan(opened);
      return opened;
    });
  const deal = loadDeal(s.settings, s.locale);
  const rows = planRows({ documentId: s.doc.getId(), url: s.doc.getUrl(), plan: s.plan, history: s.history, deal, today: s.today, calendar: s.calendar.calendar });
  return { documentId: s.doc.getId(), deal: rows.deal, steps: rows.steps, slips: rows.slips };
}

/**
 * Reads and exports under the document lock, so that the record of a successful export goes in
 * the same setProperties() as the rest of the action (an action's refresh runs inside its lock).
 */
function exportTo(link: WorkbookLink, session?: PlanSession): ExportOutcome {
  return withDocumentLock(() => {
    const rows = rowsOfDocument(session);
    const outcome = runExport(exportPlanRows(rows, () => Date.now()), sheetsCaller(link.id));
    if (outcome.ok) saveLastExport({ at: new Date().toISOString(), workbook: link.name });
    return outcome;
  });
}

/** "Dec 6, 14:05" in the plan's time zone (with the year when it is not this year), and the workbook: the Deal tab's verdict. */
export function lastExportView(): LastExportView | null {
  const last = loadLastExport();
  if (!last) return null;
  const zone = timeZone();
  const instant = new Date(last.at);
  const day = todayIn(zone, instant);
  const date = formatPlanDate(day, userLocale());
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  const shown = day.slice(0, 4) === todayIn(zone).slice(0, 4) ? date.replace(/,?\s+\d{4}$/, '') : date;
  return { at: last.at, text: `${shown}, ${time}`, workbook: last.workbook };
}

function resultOf(link: WorkbookLink, outcome: ExportOutcome): ExportResult {
  const workbook = { name: link.name, url: link.url };
  if (!outcome.ok) return { ok: false, message: `The plan could not be exported to "${link.name}": ${outcome.message}`, needsWorkbook: false };
  const steps = outcome.written?.Steps;
  const count = steps ? steps.updated + steps.added : 0;
  return { ok: true, message: `Exported to "${link.name}": the deal and ${count} step${count === 1 ? '' : 's'}.`, workbook, lastExport: lastExportView() };
}

/** The sidebar's "Export to Sheets" (and the menu's, once a workbook is linked). */
export function exportToSheets(): ExportResult {
  return answer('exporting to Sheets', () => {
    const link = loadWorkbookLink();
    if (!link) return { ok: false, message: 'Link a team workbook first: create one, or choose the one your manager set up.', needsWorkbook: true };
    return resultOf(link, exportTo(link));
  });
}

/** Menu "Export to Sheets": exports and says so; the first time, opens the Deal panel to link a workbook. */
export function exportToSheetsFromMenu(): void {
  const link = answer('exporting to Sheets', () => loadWorkbookLink());
  if (!link) {
    openSidebar('deal');
    return;
  }
  const result = exportToSheets();
  DocumentApp.getUi().alert(result.message);
}

const NAME = onFirstUse(() => z.object({ name: z.string().check(z.maxLength(200)) }));

/** "Create a workbook": a new team workbook in the seller's Drive, linked for every plan they export, and this plan exported into it. */
export function createTeamWorkbook(raw: unknown): ExportResult {
  const parsed = NAME().safeParse(raw ?? { name: '' });
  if (!parsed.success) throw new Error('The workbook name must be text of at most 200 characters.');
  // Under the document lock from the start: when another execution holds it, the answer is "try
  // again" before a workbook exists, so trying again never leaves a second, empty one in Drive.
  return answer('creating the workbook', () =>
    withDocumentLock(() => {
      const name = parsed.data.name.replace(/\s+/g, ' ').trim() || 'MAP metrics';
      const created = createWorkbook(name);
      const link: WorkbookLink = { ...created, auto: loadWorkbookLink()?.auto ?? true };
      saveWorkbookLink(link);
      return resultOf(link, exportTo(link));
    }),
  );
}

/** What the Picker dialog sends back: the picked file's id, and its name and type as Picker reports them. */
const PICKED = onFirstUse(() =>
  z.object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/)),
    name: z.optional(z.string().check(z.maxLength(1000))),
    mimeType: z.optional(z.string().check(z.maxLength(200))),
  }),
);
const SPREADSHEET_TYPE = 'application/vnd.google-apps.spreadsheet';

/**
 * The workbook the person chose in Google Picker (a manager's team workbook): under drive.file,
 * picking it is what lets the add-on open it. Linked, then this plan is exported into it. A pick
 * that is not a Google Sheets file, or that the add-on cannot open, is answered in words and
 * leaves the current link as it was.
 */
export function linkPickedWorkbook(raw: unknown): ExportResult {
  const parsed = PICKED().safeParse(raw);
  if (!parsed.success) throw new Error('That is not a spreadsheet id. Choose the workbook again.');
  const picked = parsed.data;
  if (picked.mimeType !== undefined && picked.mimeType !== SPREADSHEET_TYPE) {
    const what = picked.name ? `"${picked.name.slice(0, 100)}"` : 'That file';
    throw new Error(`${what} is not a Google Sheets spreadsheet. Choose the team workbook (a Google Sheets file) again.`);
  }
  return answer('linking the workbook', () => {
    const id = picked.id;
    const link: WorkbookLink = { id, name: workbookName(id), url: `https://docs.google.com/spreadsheets/d/${id}/edit`, auto: loadWorkbookLink()?.auto ?? true };
    // Linked only once a plan could be written there: a workbook the person may only view is not kept.
    const outcome = exportTo(link);
    if (!outcome.ok) return { ok: false, message: `"${link.name}" was not linked: ${outcome.message}`, needsWorkbook: !loadWorkbookLink() };
    saveWorkbookLink(link);
    return resultOf(link, outcome);
  });
}

/** The "Refresh the workbook after every change" setting (per user, like the link). */
export function setAutoExport(raw: unknown): { autoExport: boolean } {
  const parsed = z.object({ on: z.boolean() }).safeParse(raw);
  if (!parsed.success) throw new Error('The setting needs { on: true | false }. Reload the sidebar and try again.');
  return answer('changing the setting', () => {
    const link = loadWorkbookLink();
    if (!link) throw new UserError('Link a team workbook first.');
    saveWorkbookLink({ ...link, auto: parsed.data.on });
    return { autoExport: parsed.data.on };
  });
}

/**
 * After an action that changed the plan: refreshes its rows in the linked workbook when the
 * seller has not turned that off. Never fails the action: a failure comes back as one sentence to
 * add to the action's message ("" when nothing was to be done).
 */
export function exportAfterChange(session?: PlanSession): string {
  try {
    const link = loadWorkbookLink();
    if (!link || !link.auto) return '';
    const outcome = exportTo(link, session);
    return outcome.ok ? ` The team workbook is up to date.` : ` The team workbook was not updated: ${outcome.message}`;
  } catch (error) {
    console.error('export after change failed', error);
    const detail = error instanceof UserError ? error.message : error instanceof Error ? error.message : String(error);
    return ` The team workbook was not updated: ${detail}`;
  }
}
