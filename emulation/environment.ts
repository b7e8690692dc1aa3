/** One emulated Apps Script environment: a user with one open document, the services they reach, and the state that outlives an execution. */
import { CallLog } from './calls';
import type { EmulationContext } from './context';
import { DocumentAppEmulation, DocumentEmulation } from './document';
import { HtmlServiceEmulation } from './html';
import { PropertiesServiceEmulation, PropertyQuota, PropertyStore, PROPERTY_CALLS_PER_DAY, type PropertyStores } from './properties';
import {
  AuthGate,
  ConsoleEmulation,
  LockServiceEmulation,
  LockState,
  LoggerEmulation,
  SCOPES,
  ScriptAppEmulation,
  SessionEmulation,
  UtilitiesEmulation,
  type AuthModeName,
  type LockStates,
  type LogEntry,
} from './session';
import { SheetsServiceEmulation } from './sheets-api';
import { SpreadsheetAppEmulation, type SpreadsheetModel } from './spreadsheet';
import { UiEmulation } from './ui';

export interface GoogleEmulationOptions {
  /** Session.getActiveUserLocale(), e.g. "en_US" (default) or "en_GB". */
  locale?: string;
  /** The script's time zone, an IANA name (default "America/New_York"). */
  timeZone?: string;
  userEmail?: string;
  /** The clock: a fixed instant or a function. Also what `new Date()` returns inside the sandbox. */
  now?: (() => Date) | Date;
  /**
   * The open document. A DocumentEmulation made for this environment counts its calls in this
   * environment's ledger, so pass a factory when the document needs the context: `(ctx) => new DocumentEmulation(ctx, { name })`.
   */
  document?: DocumentEmulation | ((ctx: EmulationContext) => DocumentEmulation);
  /** Name of the document created when none is given. */
  documentName?: string;
  /** The project's HTML files by name without ".html": { Sidebar: '<!doctype html>...' }. */
  files?: Record<string, string>;
  scriptId?: string;
  /** Properties already stored before the first execution. */
  properties?: { document?: Record<string, string>; user?: Record<string, string>; script?: Record<string, string> };
  /**
   * The spreadsheet the add-on runs in, for a Sheets add-on: SpreadsheetApp.getActiveSpreadsheet()
   * and getUi() answer it. Omitted for a Docs add-on (getActiveSpreadsheet() is then null).
   */
  spreadsheet?: SpreadsheetModel;
  /** The spreadsheets "in Drive", shared with another environment (the preview runs a Docs and a Sheets add-on on the same files). */
  spreadsheetFiles?: Map<string, SpreadsheetModel>;
  /** Also print log lines (they are always kept in `logs`). */
  echoLogs?: boolean;
  /**
   * False for a script running outside a document (from the script editor, a standalone
   * project): LockService.getDocumentLock() then returns null, as documented. Default true.
   */
  inDocument?: boolean;
  /** The user's account: a consumer account gets 50,000 property calls a day, Google Workspace 500,000. Default consumer. */
  account?: 'consumer' | 'workspace';
  /**
   * The project's appsscript.json. Its `oauthScopes` are all the script gets (a call outside them
   * fails as on Google), and an advanced service exists only when `dependencies` enables it.
   * Without a manifest, scopes are inferred (everything allowed) and the Sheets service exists.
   */
  manifest?: Manifest;
}

/** The parts of appsscript.json the emulation obeys. */
export interface Manifest {
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

/** DocumentApp calls that reach the document or other files, and the mode each needs. */
const DOCUMENT_APP_GUARDS: Record<string, { needs: 'LIMITED' | 'FULL'; scopes: string[] }> = {
  // A simple trigger (LIMITED) may read its own document; NONE may not.
  getActiveDocument: { needs: 'LIMITED', scopes: [SCOPES.currentDocument, SCOPES.documents] },
  openById: { needs: 'FULL', scopes: [SCOPES.documents] },
  openByUrl: { needs: 'FULL', scopes: [SCOPES.documents] },
  create: { needs: 'FULL', scopes: [SCOPES.documents] },
};

/**
 * The environment tests build: it owns the call ledger, the Ui, the property stores, the locks,
 * the spreadsheets "in Drive" and the document. Service objects are made once; everything they
 * change lives here, so a second execution (a fresh sandbox) sees the first one's writes.
 */
export class GoogleEmulation implements EmulationContext {
  readonly calls = new CallLog();
  readonly locale: string;
  readonly timeZone: string;
  readonly userEmail: string;
  readonly scriptId: string;
  readonly files: Readonly<Record<string, string>>;
  /** Log lines from Logger and console, oldest first. */
  readonly logs: LogEntry[] = [];
  readonly echo: boolean;
  /** The current execution's authorization mode (FULL between executions). */
  readonly auth = new AuthGate();
  readonly ui: UiEmulation;
  readonly properties: PropertyStores;
  /** Property reads and writes counted against the day's quota. */
  readonly propertyQuota: PropertyQuota;
  readonly locks: LockStates = { document: new LockState(), script: new LockState(), user: new LockState() };
  /** Spreadsheets in Drive, by id (shared between environments when the options pass one map). */
  readonly spreadsheetFiles: Map<string, SpreadsheetModel>;
  /** The spreadsheet a Sheets add-on runs in; null for a Docs add-on. */
  activeSpreadsheet: SpreadsheetModel | null;
  /** Files this user created with the app or picked with Google Picker: what the drive.file scope reaches. */
  readonly fileGrants = new Set<string>();
  /** Files this user may open but not edit (the owner shared them with Viewer access). */
  readonly viewOnlyFiles = new Set<string>();
  /** The Sheets advanced service, or null when the manifest does not enable it. */
  readonly sheets: SheetsServiceEmulation | null;
  readonly document: DocumentEmulation;

  readonly documentApp: DocumentAppEmulation;
  readonly propertiesService: PropertiesServiceEmulation;
  readonly htmlService: HtmlServiceEmulation;
  readonly session: SessionEmulation;
  readonly scriptApp: ScriptAppEmulation;
  readonly lockService: LockServiceEmulation;
  readonly spreadsheetApp: SpreadsheetAppEmulation;
  readonly utilities: UtilitiesEmulation;
  readonly logger: LoggerEmulation;
  readonly console: ConsoleEmulation;

  private readonly clock: () => Date;
  /** Milliseconds the scripts slept (Utilities.sleep): added to the clock, as time passed meanwhile. */
  private slept = 0;
  private executionCount = 0;

  constructor(options: GoogleEmulationOptions = {}) {
    this.locale = options.locale ?? 'en_US';
    this.timeZone = options.timeZone ?? 'America/New_York';
    this.userEmail = options.userEmail ?? 'user@example.com';
    this.scriptId = options.scriptId ?? 'emulated-script-id';
    this.files = { ...(options.files ?? {}) };
    this.echo = options.echoLogs ?? false;
    const now = options.now;
    this.clock = now === undefined ? () => new Date() : typeof now === 'function' ? now : () => now;
    this.properties = {
      document: new PropertyStore(options.properties?.document),
      user: new PropertyStore(options.properties?.user),
      script: new PropertyStore(options.properties?.script),
    };

    this.spreadsheetFiles = options.spreadsheetFiles ?? new Map();
    this.activeSpreadsheet = options.spreadsheet ?? null;
    if (this.activeSpreadsheet) this.spreadsheetFiles.set(this.activeSpreadsheet.id, this.activeSpreadsheet);
    if (options.manifest?.oauthScopes) this.auth.granted = new Set(options.manifest.oauthScopes);
    this.ui = new UiEmulation(this.calls, this.auth);
    const doc = options.document;
    this.document =
      doc === undefined
        ? new DocumentEmulation(this, { name: options.documentName ?? 'Untitled document' })
        : typeof doc === 'function'
          ? doc(this)
          : doc;

    this.documentApp = new DocumentAppEmulation(this, this.document);
    this.propertyQuota = new PropertyQuota(() => this.now().toISOString().slice(0, 10), PROPERTY_CALLS_PER_DAY[options.account ?? 'consumer']);
    this.propertiesService = new PropertiesServiceEmulation(this.calls, this.properties, this.auth, this.propertyQuota);
    this.htmlService = new HtmlServiceEmulation(this.calls, this.files);
    this.session = new SessionEmulation(this);
    this.scriptApp = new ScriptAppEmulation(this.calls, this.scriptId, this.auth);
    const inDocument = options.inDocument ?? true;
    this.lockService = new LockServiceEmulation(this.calls, this.locks, () => inDocument);
    this.spreadsheetApp = new SpreadsheetAppEmulation({
      calls: this.calls,
      timeZone: this.timeZone,
      auth: this.auth,
      spreadsheets: this.spreadsheetFiles,
      activeSpreadsheet: () => this.activeSpreadsheet,
      ui: this.ui,
    });
    const sheetsEnabled =
      !options.manifest || (options.manifest.dependencies?.enabledAdvancedServices ?? []).some((s) => s.serviceId === 'sheets' && s.userSymbol === 'Sheets');
    this.sheets = sheetsEnabled
      ? new SheetsServiceEmulation({ calls: this.calls, timeZone: this.timeZone, auth: this.auth, spreadsheets: this.spreadsheetFiles, fileGrants: this.fileGrants, viewOnly: this.viewOnlyFiles })
      : null;
    this.utilities = new UtilitiesEmulation(this.calls, (ms) => {
      this.slept += ms;
    });
    this.logger = new LoggerEmulation(this);
    this.console = new ConsoleEmulation(this);
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.slept);
  }

  get authMode(): AuthModeName {
    return this.auth.mode;
  }

  /** Executions finished so far (each trigger, menu click or google.script.run call is one). */
  get executions(): number {
    return this.executionCount;
  }

  /**
   * The globals an Apps Script file sees, as host objects (the sandbox wraps them for its realm).
   * DocumentApp is guarded so that, in AuthMode.NONE, reaching the document fails as on Google.
   */
  globals(): Record<string, unknown> {
    return {
      DocumentApp: this.guardedDocumentApp(),
      PropertiesService: this.propertiesService,
      HtmlService: this.htmlService,
      Session: this.session,
      ScriptApp: this.scriptApp,
      LockService: this.lockService,
      SpreadsheetApp: this.spreadsheetApp,
      ...(this.sheets ? { Sheets: this.sheets } : {}),
      Utilities: this.utilities,
      Logger: this.logger,
      console: this.console,
    };
  }

  // ---- test plumbing ---------------------------------------------------------------------------

  /**
   * Another execution (a second click, a collaborator) holds the document lock. It lets go once a
   * waiter has waited `releasesAfterMs` (default: never), so `tryLock(10000)` succeeds against 5000.
   * `finish` is that execution's work before it lets go (a test runs a colleague's action there):
   * it runs when the waiter gets the lock, so the waiter finds what it wrote.
   */
  _holdDocumentLock(releasesAfterMs = Number.POSITIVE_INFINITY, finish?: () => void): void {
    this.locks.document.holder = { other: true, releasesAfterMs, ...(finish ? { finish } : {}) };
  }

  _releaseDocumentLock(): void {
    this.locks.document.holder = null;
  }

  /** The person chose this spreadsheet in Google Picker: under drive.file the app may open it from now on. */
  _pickFile(id: string): void {
    if (!this.spreadsheetFiles.has(id)) throw new Error(`No spreadsheet ${id} in the emulated Drive`);
    this.fileGrants.add(id);
  }

  /** The file's owner changed this person's access to Viewer: they still open and read it, every write is refused. */
  _makeViewOnly(id: string): void {
    if (!this.spreadsheetFiles.has(id)) throw new Error(`No spreadsheet ${id} in the emulated Drive`);
    this.viewOnlyFiles.add(id);
  }

  /** Log messages only, for compact assertions. */
  _logMessages(): string[] {
    return this.logs.map((entry) => entry.message);
  }

  /** The sandbox calls these around every execution. */
  _beginExecution(mode: AuthModeName): void {
    this.auth.mode = mode;
  }

  /** "Locks are released automatically when the script terminates" (/apps-script/reference/lock/lock). */
  _endExecution(): void {
    this.locks.document.releaseIfOurs();
    this.locks.script.releaseIfOurs();
    this.locks.user.releaseIfOurs();
    this.auth.mode = 'FULL';
    this.executionCount += 1;
  }

  private guardedDocumentApp(): object {
    const auth = this.auth;
    const target = this.documentApp as unknown as Record<PropertyKey, unknown>;
    return new Proxy(target, {
      get(host, key) {
        const value = Reflect.get(host, key, host);
        const guard = typeof key === 'string' && Object.hasOwn(DOCUMENT_APP_GUARDS, key) ? DOCUMENT_APP_GUARDS[key] : undefined;
        if (!guard || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          auth.check(`DocumentApp.${String(key)}`, guard.needs, guard.scopes);
          return (value as (...a: unknown[]) => unknown).apply(host, args);
        };
      },
    });
  }
}
