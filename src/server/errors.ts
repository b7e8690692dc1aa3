/** How server functions fail: a sentence for the person, never a stack trace. */
import { UserError } from '../core/errors';
import { committed } from '../adapters/lock';

/**
 * Runs a sidebar or menu action; the property writes it staged are sent when it ends. A UserError passes its message through; anything else is an
 * add-on defect: logged in full for us (Apps Script's execution log), and reported to the person
 * as one sentence naming what failed.
 */
// The person's message is all google.script.run carries to the sidebar; the cause goes to the log above, not onto the new error.
/* eslint-disable preserve-caught-error */
export function answer<T>(action: string, work: () => T): T {
  try {
    // Property writes staged outside the document lock (user properties) are sent here, once.
    return committed(work);
  } catch (error) {
    if (error instanceof UserError) throw new Error(error.message);
    console.error(`${action} failed`, error instanceof Error ? error.stack : error);
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Sorry, ${action} failed: ${detail}. Try again; if it keeps failing, reload the document.`);
  }
}
/* eslint-enable preserve-caught-error */
