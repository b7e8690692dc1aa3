/** Emulated Session, ScriptApp (AuthMode), LockService, Utilities, Logger and console, plus the authorization gate they share. */
import { format } from 'node:util';
import { randomUUID } from 'node:crypto';
import { CallLog, countCalls } from './calls';

// ---------------------------------------------------------------------------------------------
// Authorization modes
// ---------------------------------------------------------------------------------------------

/**
 * /apps-script/reference/script/auth-mode. Apps Script's enum values are objects that print as
 * their names; strings behave the same for `===` and `String()`, which is all an add-on does.
 */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const);
export type AuthModeName = keyof typeof AuthMode;

const AUTH_RANK: Record<AuthModeName, number> = { NONE: 0, CUSTOM_FUNCTION: 1, LIMITED: 1, FULL: 2 };

/**
 * Which services the current execution may use. NONE "does not allow access to any services that
 * require authorization" (an add-on's onOpen in a document where it has not been used); LIMITED
 * is a simple trigger in a document where it has (/apps-script/reference/script/auth-mode,
 * /workspace/add-ons/concepts/editor-auth-lifecycle). The message copies the form Apps Script logs
 * ("You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui",
 * seen in public issue threads); which call needs which mode is our reading of those pages.
 */
export class AuthGate {
  mode: AuthModeName = 'FULL';
  /**
   * The scopes the person granted: the manifest's `oauthScopes`. null when the manifest declares
   * none, where Apps Script infers them from the code, so every call is allowed.
   */
  granted: ReadonlySet<string> | null = null;

  /**
   * Fails as Apps Script does when the execution's mode is too low, or when none of the scopes the
   * call accepts was granted (an explicit `oauthScopes` list is all the script gets).
   */
  check(call: string, needs: 'LIMITED' | 'FULL', scopes: readonly string[] = []): void {
    const required = scopes.length ? ` Required permissions: ${scopes.join(' || ')}` : '';
    if (AUTH_RANK[this.mode] < AUTH_RANK[needs]) throw new Error(`You do not have permission to call ${call}.${required}`);
    if (this.granted && scopes.length && !scopes.some((scope) => this.granted!.has(scope))) {
      throw new Error(`You do not have permission to call ${call}.${required}`);
    }
  }

  /** True when one of these scopes was granted (or the scopes are inferred). */
  allows(...scopes: string[]): boolean {
    return this.granted === null || scopes.some((scope) => this.granted!.has(scope));
  }
}

export const SCOPES = {
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  currentDocument: 'https://www.googleapis.com/auth/documents.currentonly',
  currentSpreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  documents: 'https://www.googleapis.com/auth/documents',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  drive: 'https://www.googleapis.com/auth/drive',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

// ---------------------------------------------------------------------------------------------
// Session and ScriptApp
// ---------------------------------------------------------------------------------------------

export interface SessionContext {
  readonly calls: CallLog;
  readonly locale: string;
  readonly timeZone: string;
  readonly userEmail: string;
  readonly auth: AuthGate;
}

/** /apps-script/reference/base/user */
export class UserEmulation implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    readonly calls: CallLog,
    private readonly email: string,
    private readonly auth: AuthGate,
  ) {}

  getEmail(): string {
    this.auth.check('Session.getActiveUser', 'FULL', [SCOPES.email]);
    return this.email;
  }
}
countCalls(UserEmulation, 'User');

/** /apps-script/reference/base/session */
export class SessionEmulation
  implements Pick<GoogleAppsScript.Base.Session, 'getActiveUserLocale' | 'getScriptTimeZone' | 'getActiveUser' | 'getEffectiveUser'>
{
  readonly calls: CallLog;

  constructor(private readonly ctx: SessionContext) {
    this.calls = ctx.calls;
  }

  /** The user's language setting, e.g. "en_US" (underscore, as Apps Script writes it). */
  getActiveUserLocale(): string {
    return this.ctx.locale;
  }

  getScriptTimeZone(): string {
    return this.ctx.timeZone;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return new UserEmulation(this.calls, this.ctx.userEmail, this.ctx.auth) as unknown as GoogleAppsScript.Base.User;
  }

  /** An editor add-on runs as the person using it, so the effective user is the active user. */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new UserEmulation(this.calls, this.ctx.userEmail, this.ctx.auth) as unknown as GoogleAppsScript.Base.User;
  }
}
countCalls(SessionEmulation, 'Session');

/** /apps-script/reference/script/script-app: the enum, the id and the OAuth token. */
export class ScriptAppEmulation implements Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode' | 'getScriptId' | 'getOAuthToken'> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;

  constructor(
    readonly calls: CallLog,
    private readonly scriptId: string,
    private readonly auth?: AuthGate,
  ) {}

  getScriptId(): string {
    return this.scriptId;
  }

  /**
   * "Gets the OAuth 2.0 access token for the effective user": what a Google Picker dialog is given
   * so it needs no second sign-in. The user's authorization is needed; the token is a stand-in.
   */
  getOAuthToken(): string {
    this.auth?.check('ScriptApp.getOAuthToken', 'FULL');
    return `emulated-oauth-token.${this.scriptId}`;
  }
}
countCalls(ScriptAppEmulation, 'ScriptApp');

// ---------------------------------------------------------------------------------------------
// LockService
// ---------------------------------------------------------------------------------------------

/** Google's message when waitLock gives up (reported verbatim in many public projects). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Another execution holding a lock: it lets go once a waiter has waited `releasesAfterMs`, after doing `finish` (its last writes). */
export interface OtherExecution {
  other: true;
  releasesAfterMs: number;
  finish?: () => void;
}

/**
 * Who holds one of the three locks. "Another execution" is a test's stand-in for a concurrent
 * click: it holds the lock until `releasesAfterMs` of waiting have passed (Infinity: never).
 */
export class LockState {
  holder: LockEmulation | OtherExecution | null = null;
  /** The timeout of every tryLock/waitLock, for assertions ("waited at most 10 s"). */
  readonly waits: number[] = [];

  /** Executions end by releasing what they hold: "Locks are released automatically when the script terminates". */
  releaseIfOurs(): void {
    if (this.holder instanceof LockEmulation) this.holder = null;
  }
}

/**
 * /apps-script/reference/lock/lock. Nothing runs concurrently here, so waiting is modelled, not
 * performed: the lock is free, ours, or held by "another execution" that lets go after a while.
 * A second Lock object in the same execution does not share the first one's hold (a nested or
 * leaked lock then fails loudly; Google's behaviour there is unverified).
 */
export class LockEmulation implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    readonly calls: CallLog,
    private readonly state: LockState,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /** "This method has no effect if the lock has not been acquired." */
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }

  private _acquire(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || Number.isNaN(timeoutInMillis)) {
      throw new Error(`Invalid argument: timeoutInMillis`);
    }
    this.state.waits.push(timeoutInMillis);
    const holder = this.state.holder;
    if (holder === this) return true;
    if (holder === null) {
      this.state.holder = this;
      return true;
    }
    if (!(holder instanceof LockEmulation) && holder.releasesAfterMs <= timeoutInMillis) {
      // The other execution finishes its work (what it writes is there when the waiter goes on), then lets go.
      this.state.holder = null;
      holder.finish?.();
      this.state.holder = this;
      return true;
    }
    return false;
  }
}
countCalls(LockEmulation, 'Lock');

export interface LockStates {
  readonly document: LockState;
  readonly script: LockState;
  readonly user: LockState;
}

/** /apps-script/reference/lock/lock-service */
export class LockServiceEmulation
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  constructor(
    readonly calls: CallLog,
    private readonly locks: LockStates,
    private readonly inDocument: () => boolean = () => true,
  ) {}

  /**
   * Documented to return null when the script does not run in a document (…/lock-service, as the
   * shared guide's check of 2026-12-06 reads it): a script run from the editor or a standalone
   * project, which the environment models with `inDocument: false`. The wording is paraphrased.
   */
  getDocumentLock(): LockEmulation {
    // @types omits the null.
    return (this.inDocument() ? new LockEmulation(this.calls, this.locks.document) : null) as LockEmulation;
  }

  getScriptLock(): LockEmulation {
    return new LockEmulation(this.calls, this.locks.script);
  }

  getUserLock(): LockEmulation {
    return new LockEmulation(this.calls, this.locks.user);
  }
}
countCalls(LockServiceEmulation, 'LockService');

// ---------------------------------------------------------------------------------------------
// Utilities.formatDate
// ---------------------------------------------------------------------------------------------

interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIXED_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

function fieldsInZone(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  const fixed = FIXED_OFFSET.exec(timeZone);
  let offsetMinutes: number;
  if (fixed) {
    offsetMinutes = fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) : 0;
  } else {
    let parts: Intl.DateTimeFormatPart[];
    try {
      parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }).formatToParts(date);
    } catch {
      // Java would quietly fall back to GMT; a wrong zone is a bug we want to see.
      throw new Error(`Invalid time zone: ${timeZone}`);
    }
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    offsetMinutes = Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
  }
  const shifted = new Date(ms + offsetMinutes * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  return withMinutes ? `${sign}${hh}${colon ? ':' : ''}${pad(abs % 60, 2)}` : `${sign}${hh}`;
}

function zoneName(date: Date, timeZone: string, style: 'short' | 'long'): string {
  if (FIXED_OFFSET.test(timeZone)) return timeZone;
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * Java SimpleDateFormat letters, as Utilities.formatDate documents
 * (/apps-script/reference/utilities/utilities#formatDate(Date,String,String)), in English as
 * Apps Script writes them. Week-based and day-of-year letters are not emulated: they throw rather
 * than print something wrong. Zone names (z) come from ICU and may differ from Java's.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
    throw new Error("The parameters (" + typeof date + ",String,String) don't match the method signature for Utilities.formatDate.");
  }
  const f = fieldsInZone(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      // '' is a literal quote, inside or outside quoted text; 'text' is literal text.
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i += 1;
      for (;;) {
        if (i >= pattern.length) throw new Error('Unterminated quote');
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) !== "'") break;
          out += "'";
          i += 2;
          continue;
        }
        out += pattern.charAt(i);
        i += 1;
      }
      i += 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    i += n;
    switch (ch) {
      case 'G':
        out += f.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1]!.slice(0, 3) : pad(f.month, n);
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[f.weekday] : WEEKDAYS[f.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday === 0 ? 7 : f.weekday, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.millisecond, n);
        break;
      case 'Z':
        out += offsetText(f.offsetMinutes, false);
        break;
      case 'X':
        out += f.offsetMinutes === 0 ? 'Z' : offsetText(f.offsetMinutes, n >= 3, n >= 2);
        break;
      case 'z':
        out += zoneName(date, timeZone, n >= 4 ? 'long' : 'short');
        break;
      case 'D':
      case 'F':
      case 'w':
      case 'W':
      case 'Y':
        throw new Error(`Utilities.formatDate: pattern letter '${ch}' is not emulated`);
      default:
        // Java's IllegalArgumentException text.
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** /apps-script/reference/utilities/utilities: the methods an add-on like ours uses. */
export class UtilitiesEmulation implements Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'getUuid' | 'sleep'> {
  constructor(
    readonly calls: CallLog,
    /** Moves the execution's clock on: nothing runs concurrently here, so a sleep is time passing, not waiting. */
    private readonly pass: (ms: number) => void = () => undefined,
  ) {}

  /** "Sleeps for specified number of milliseconds": the clock the script reads (new Date(), Date.now()) is that much later after it. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) throw new Error('Invalid argument: milliseconds');
    this.pass(Math.max(0, milliseconds));
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }

  getUuid(): string {
    return randomUUID();
  }
}
countCalls(UtilitiesEmulation, 'Utilities');

// ---------------------------------------------------------------------------------------------
// Logger and console
// ---------------------------------------------------------------------------------------------

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

/** Where log lines go: kept for tests, printed only when asked (tests stay quiet). */
export interface LogSink {
  readonly logs: LogEntry[];
  readonly echo: boolean;
}

function emit(sink: LogSink, entry: LogEntry): void {
  sink.logs.push(entry);
  if (sink.echo) console[entry.level](`[${entry.source}] ${entry.message}`);
}

/**
 * /apps-script/reference/base/logger. `Logger.log(format, values...)` replaces %s (Java-style);
 * Node's util.format does that and also handles %d and objects.
 */
export class LoggerEmulation implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private readonly lines: string[] = [];

  constructor(private readonly sink: LogSink) {}

  log(data: unknown, ...values: unknown[]): LoggerEmulation {
    const message = values.length ? format(String(data), ...values) : typeof data === 'string' ? data : format(data);
    this.lines.push(message);
    emit(this.sink, { source: 'Logger', level: 'info', message });
    return this;
  }

  getLog(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    this.lines.length = 0;
  }
}

/** The `console` Apps Script gives (Cloud Logging), recording instead of printing. */
export class ConsoleEmulation {
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly sink: LogSink,
    private readonly now: () => number = () => performance.now(),
  ) {}

  log(...args: unknown[]): void {
    emit(this.sink, { source: 'console', level: 'log', message: format(...args) });
  }

  info(...args: unknown[]): void {
    emit(this.sink, { source: 'console', level: 'info', message: format(...args) });
  }

  warn(...args: unknown[]): void {
    emit(this.sink, { source: 'console', level: 'warn', message: format(...args) });
  }

  error(...args: unknown[]): void {
    emit(this.sink, { source: 'console', level: 'error', message: format(...args) });
  }

  time(label: string): void {
    this.timers.set(label, this.now());
  }

  timeEnd(label: string): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    emit(this.sink, { source: 'console', level: 'info', message: `${label}: ${Math.round(this.now() - start)}ms` });
  }
}
