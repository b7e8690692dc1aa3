/** Serialises the add-on's executions on one document, so two clicks never interleave their reads and writes. */
import { UserError } from '../core/errors';

/**
 * Runs `work` while holding the document lock. The lock does not stop people typing (only other
 * executions of the add-on), which is why writers also re-check cells before changing them.
 * /apps-script/reference/lock/lock-service
 *
 * getDocumentLock() is documented to return null when the script runs outside a document (run
 * from the script editor, a standalone project). There is then no shared document to protect:
 * the work runs unlocked, as the only execution that can see it, and the log says so. The script
 * lock is no stand-in: for a published add-on it would queue every customer behind one another.
 */
export function withDocumentLock<T>(work: () => T, waitMs = 10_000, busy = 'Someone else is updating this plan right now. Try again in a few seconds.'): T {
  // In a Sheets add-on the container is the spreadsheet: the same call locks the workbook.
  // @types says Lock; the reference says null outside a document (or spreadsheet).
  const lock: GoogleAppsScript.Lock.Lock | null = LockService.getDocumentLock();
  if (!lock) {
    console.warn('No document lock (the script is not running in a document): running without it.');
    return work();
  }
  if (!lock.tryLock(waitMs)) {
    throw new UserError(busy);
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
