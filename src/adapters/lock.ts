/** Serialises the add-on's executions on one document, so two clicks never interleave their reads and writes. */
import { UserError } from '../core/errors';
import { commitProperties } from './property-cache';

/**
 * How deep this execution is inside withDocumentLock. An action that refreshes the team workbook
 * does so inside its own lock, so the record of that export joins the action's one setProperties()
 * (property-cache.ts); nested calls neither lock again nor commit.
 */
let held = 0;

function holding<T>(work: () => T): () => T {
  return () => {
    held++;
    try {
      return work();
    } finally {
      held--;
    }
  };
}

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
  // Already held by this execution (the refresh after an action re-reads the plan): the outer call commits.
  if (held > 0) return work();
  // In a Sheets add-on the container is the spreadsheet: the same call locks the workbook.
  // @types says Lock; the reference says null outside a document (or spreadsheet).
  const lock: GoogleAppsScript.Lock.Lock | null = LockService.getDocumentLock();
  if (!lock) {
    console.warn('No document lock (the script is not running in a document): running without it.');
    return committed(holding(work));
  }
  if (!lock.tryLock(waitMs)) {
    throw new UserError(busy);
  }
  try {
    return committed(holding(work));
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
  // Inside the document lock, the lock's own commit sends what this staged.
  if (held > 0) return work();
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
