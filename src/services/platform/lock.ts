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

/**
 * Runs `fn` under the document lock and keeps it until the execution ends: for a sidebar step that
 * writes and then returns. "The lock is automatically released when the script terminates"
 * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), so an explicit
 * release would only cost one more request a few milliseconds before that. The same page advises
 * SpreadsheetApp.flush() before releasing, so that pending writes are committed before another
 * execution can read: `fn` flushes its writes (cases/actions commitChange) — flush sends the batch
 * the first write opened, no request of its own — so they are committed while the lock is held,
 * whatever the order of the automatic release and the end-of-script commit.
 */
export function holdDocumentLock<T>(waitMs: number, busy: () => Error, fn: () => T): T {
  if (!tryDocumentLock(waitMs)) throw busy();
  return fn();
}
