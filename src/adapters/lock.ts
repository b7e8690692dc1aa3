/** Serialises the add-on's executions on one document, so two clicks never interleave their reads and writes. */
import { UserError } from '../core/errors';
import { commitProperties } from './property-cache';

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
    return committed(work);
  }
  if (!lock.tryLock(waitMs)) {
    throw new UserError(busy);
  }
  try {
    return committed(work);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `work`, then sends the property writes it staged (one setProperties() per store) while the
 * lock is still held, so the next execution reads them. Also when `work` failed part way: what it
 * wrote into the document before failing is described by what it staged; then `work`'s error is
 * the one reported.
 */
export function committed<T>(work: () => T): T {
  let result: T;
  try {
    result = work();
  } catch (error) {
    try {
      commitProperties();
    } catch (second) {
      console.error('saving properties after a failure failed too', second);
    }
    throw error;
  }
  commitProperties();
  return result;
}
