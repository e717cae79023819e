/** The document lock: every write to the ward's database happens under it. */

/** The lock, or null if another execution kept it for `waitMs`. */
export function tryDocumentLock(waitMs: number): GoogleAppsScript.Lock.Lock | null {
  const lock = LockService.getDocumentLock();
  return lock && lock.tryLock(waitMs) ? lock : null;
}

/** Runs `fn` under the document lock; `busy()` is thrown when the lock cannot be had in time. */
export function withDocumentLock<T>(waitMs: number, busy: () => Error, fn: () => T): T {
  const lock = tryDocumentLock(waitMs);
  if (!lock) throw busy();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
