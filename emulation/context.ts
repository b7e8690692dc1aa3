/** What every emulated service shares within one emulated Apps Script environment. */
import type { CallLog } from './calls';

/**
 * One environment = one user with one open document, as Apps Script runs an execution.
 * Services reach each other through it (DocumentApp.getUi() answers the environment's Ui).
 */
export interface EmulationContext {
  readonly calls: CallLog;
  readonly ui: GoogleAppsScript.Base.Ui;
  /** The user's locale as Session reports it, e.g. "en_US" or "en_GB". */
  readonly locale: string;
  /** The script's and user's time zone, an IANA name such as "America/New_York". */
  readonly timeZone: string;
  /** The emulated clock; tests fix it so "today" is repeatable. */
  now(): Date;
}
