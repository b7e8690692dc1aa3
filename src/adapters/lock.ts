/** Serialises the add-on's executions on one document, so two clicks never interleave their reads and writes. */
import { UserError } from '../core/errors';

/**
 * Runs `work` while holding the document lock. The lock does not stop people typing (only other
 * executions of the add-on), which is why writers also re-check cells before changing them.
 * /apps-script/reference/lock/lock-service
 */
export function withDocumentLock<T>(work: () => T, waitMs = 10_000, busy = 'Someone else is updating this plan right now. Try again in a few seconds.'): T {
  // In a Sheets add-on the container is the spreadsheet: the same call locks the workbook.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) {
    throw new UserError(busy);
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
