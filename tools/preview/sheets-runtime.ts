/** The preview's Sheets side, inside the worker: the Sheets add-on (dist/sheets/Code.js) running in the team workbook the Docs add-on exports into. */
import { GoogleEmulation, loadAddOn, ScriptError, type AddOn, type RecordedMenu } from '../../emulation';
import type { SpreadsheetModel } from '../../emulation/spreadsheet';
import type { Json, RunResult, UiView, WorkerRequest } from './protocol';
import type { CellEdit, WorkbookView } from './workbook-protocol';
import { loadSpreadsheets, saveSpreadsheets, serializeSpreadsheets, spreadsheetsPath, TEAM_WORKBOOK_ID } from './workbook-storage';
import { sheetViews } from './workbook-view';

export interface SheetsOptions {
  readonly previewDir: string;
  readonly cwd: string;
  readonly code: string | null;
  readonly sidebarHtml: string | null;
  readonly locale: string;
  readonly timeZone: string;
  readonly now: Date | undefined;
  readonly addOnName: string;
  readonly echoLogs: boolean;
}

/** The requests this module answers; the rest are the Docs side's. */
export const SHEETS_REQUESTS = new Set<WorkerRequest['type']>(['workbook', 'sheetsOpen', 'sheetsUi', 'sheetsMenu', 'sheetsRun', 'sheetsSidebarHtml', 'sheetsCloseSidebar', 'cellEdit']);
export const SHEETS_READ_ONLY = new Set<WorkerRequest['type']>(['workbook', 'sheetsUi', 'sheetsSidebarHtml']);

export class Failure extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 500,
    message: string,
  ) {
    super(message);
  }
}

function errorMessage(error: unknown): { name: string; message: string } {
  if (error instanceof ScriptError) return { name: error.serverName, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export class SheetsRuntime {
  /** Every spreadsheet "in Drive", shared with the Docs add-on's environment. */
  readonly spreadsheets: Map<string, SpreadsheetModel>;
  readonly problem: string | null;
  private env: GoogleEmulation | null = null;
  private addOn: AddOn | null = null;
  private version = 0;
  private lastSaved: string;
  private sidebarGeneration = 0;
  private uiError: string | null = null;
  private toastsSeen = 0;
  private toast: WorkbookView['toast'] = null;

  constructor(
    private readonly options: SheetsOptions,
    /** The seller's user properties: the workbook a plan is linked to is the one the page shows. */
    private readonly userProperties: () => Record<string, string>,
    private readonly onChange: (version: number) => void,
  ) {
    const loaded = loadSpreadsheets(options.previewDir, options.timeZone);
    this.spreadsheets = loaded.files;
    this.problem = loaded.problem;
    if (loaded.problem) console.warn(`Preview: ${loaded.problem}`);
    this.lastSaved = JSON.stringify(serializeSpreadsheets(this.spreadsheets));
  }

  /** The linked workbook when a plan is linked to one that exists here, else the team workbook. */
  shown(): SpreadsheetModel {
    const raw = this.userProperties()['map.workbook'];
    if (raw) {
      try {
        const id: unknown = (JSON.parse(raw) as { id?: unknown }).id;
        const linked = typeof id === 'string' ? this.spreadsheets.get(id) : undefined;
        if (linked) return linked;
      } catch {
        // Not ours to judge: the Docs add-on reports a broken link itself.
      }
    }
    return this.spreadsheets.get(TEAM_WORKBOOK_ID)!;
  }

  /** Made on first use: the Docs page alone never pays for the second add-on. */
  private environment(): { env: GoogleEmulation; addOn: AddOn } {
    if (!this.options.code || !this.options.sidebarHtml) throw new Failure(404, 'The Sheets add-on is not built (dist/sheets/ is missing): run "npm run build".');
    if (!this.env || !this.addOn) {
      this.env = new GoogleEmulation({
        locale: this.options.locale,
        timeZone: this.options.timeZone,
        now: this.options.now,
        files: { Sidebar: this.options.sidebarHtml },
        spreadsheet: this.shown(),
        spreadsheetFiles: this.spreadsheets,
        echoLogs: this.options.echoLogs,
        documentName: 'Not a document',
      });
      this.addOn = loadAddOn(this.env, this.options.code, { filename: 'sheets/Code.js' });
      const ui = this.env.ui as unknown as Record<string, (...args: unknown[]) => unknown>;
      const show = ui.showSidebar!.bind(this.env.ui);
      Object.defineProperty(this.env.ui, 'showSidebar', { value: (...args: unknown[]) => { const r = show(...args); this.sidebarGeneration += 1; return r; }, configurable: true, writable: true });
    }
    this.env.activeSpreadsheet = this.shown();
    return { env: this.env, addOn: this.addOn };
  }

  private uiView(): UiView {
    const env = this.env;
    const sidebar = env?.ui._sidebar() ?? null;
    return {
      addOnName: this.options.addOnName,
      menus: (env?.ui._menus() ?? []) as RecordedMenu[],
      sidebar: sidebar ? { title: sidebar.title, generation: this.sidebarGeneration } : null,
      htmlDialog: null,
      error: this.uiError,
    };
  }

  workbookView(): WorkbookView {
    const model = this.shown();
    const toasts = model.toasts;
    if (toasts.length > this.toastsSeen) {
      const last = toasts[toasts.length - 1]!;
      this.toast = { serial: toasts.length, title: last.title, message: last.message };
      this.toastsSeen = toasts.length;
    }
    const file = spreadsheetsPath(this.options.previewDir);
    return { id: model.id, name: model.name, version: this.version, sheets: sheetViews(model, this.options.now ? Math.floor(this.options.now.getTime() / 86_400_000) + 25569 : null), file: file.startsWith(this.options.cwd) ? file.slice(this.options.cwd.length + 1) : file, toast: this.toast };
  }

  /** A person types into a cell: Sheets reads the text as typed ("=" a formula, "12" a number, "'x" text). */
  private editCell(edit: CellEdit): void {
    const model = this.shown();
    const sheet = model.sheets.find((s) => s.name === edit.sheet);
    if (!sheet) throw new Failure(409, `There is no sheet "${edit.sheet}" any more. The workbook has been reloaded.`);
    if (edit.row > sheet.maxRows || edit.column > sheet.maxColumns) throw new Failure(400, 'That cell is outside the sheet.');
    const { env } = this.environment();
    env.spreadsheetApp._view(model)._view(sheet)._range(edit.row, edit.column, 1, 1).setValue(edit.text);
  }

  async handle(request: WorkerRequest): Promise<unknown> {
    switch (request.type) {
      case 'workbook':
        return this.workbookView();
      case 'sheetsOpen': {
        // Opening the spreadsheet: Sheets closes the sidebar and runs onOpen again.
        const { env, addOn } = this.environment();
        env.ui._closeSidebar();
        this.uiError = null;
        try {
          addOn.trigger('onOpen', { authMode: 'LIMITED' });
        } catch (error) {
          this.uiError = `The add-on's onOpen failed: ${errorMessage(error).message}`;
        }
        return this.uiView();
      }
      case 'sheetsUi':
        return this.uiView();
      case 'sheetsMenu': {
        const { addOn } = this.environment();
        this.uiError = null;
        try {
          addOn.clickMenuItem(request.caption);
        } catch (error) {
          this.uiError = errorMessage(error).message;
        }
        return this.uiView();
      }
      case 'sheetsRun': {
        const { addOn } = this.environment();
        try {
          const value: Json = await addOn.run(request.name, ...request.args);
          return { ok: true, value } satisfies RunResult;
        } catch (error) {
          return { ok: false, error: errorMessage(error) } satisfies RunResult;
        }
      }
      case 'sheetsSidebarHtml': {
        const sidebar = this.env?.ui._sidebar();
        if (!sidebar || !this.addOn) throw new Failure(404, 'No sidebar is open.');
        return { html: sidebar.html, functions: this.addOn.functionNames().filter((name) => !name.endsWith('_')) };
      }
      case 'sheetsCloseSidebar':
        this.env?.ui._closeSidebar();
        return this.uiView();
      case 'cellEdit':
        this.editCell(request.edit);
        return {};
      default:
        throw new Failure(400, `Not a Sheets request: ${request.type}`);
    }
  }

  /** After every request that may change a workbook (an export from the Doc included): saved, and the page told. */
  saveIfChanged(): void {
    const stored = serializeSpreadsheets(this.spreadsheets);
    const fingerprint = JSON.stringify(stored);
    if (fingerprint === this.lastSaved) return;
    this.lastSaved = fingerprint;
    this.version += 1;
    try {
      saveSpreadsheets(this.options.previewDir, stored);
    } catch (error) {
      console.error(`Preview: could not save the workbook: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.onChange(this.version);
  }

  uiFingerprint(): string {
    return JSON.stringify(this.uiView());
  }
}
