/**
 * LockService: https://developers.google.com/apps-script/reference/lock/lock
 * A real lock: it belongs to the execution that acquired it and is released when that execution
 * ends. An execution started with ws.execution() runs "concurrently" with those below it on the
 * stack, so a lock held below is busy inside it — and as they cannot run meanwhile to release
 * it, waiting takes the whole timeout on the virtual clock and then fails, as Apps Script does.
 * An execution that should wait and then get the lock arrives through ws.locks.whenFree: it runs
 * when the holder releases the lock (its calls before its tryLock are made then), and its tryLock
 * succeeds if it had waited no longer than its timeout. Every hold is recorded (ws.locks.holds()).
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { ExecutionOptions } from '../../core/execution';
import type { LockModule } from '../../core/modules';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export interface LockHold {
  lock: 'document' | 'script' | 'user';
  executionId: number;
  label: string;
  user: string;
  acquiredAt: Date;
  /** Null while it is still held. */
  releasedAt: Date | null;
  /** Until the release (or until now, while held), on the modelled clock. */
  heldMs: number;
  /** How long the execution waited for it (one queued by ws.locks.whenFree; else 0). */
  waitedMs: number;
}

/** An execution queued behind a held lock (ws.locks.whenFree): what it returned or threw once it ran. */
export interface LockWaiter<T> {
  done: boolean;
  value?: T;
  error?: unknown;
}

interface HoldRecord {
  key: string;
  executionId: number;
  label: string;
  user: string;
  fromMs: number;
  toMs: number | null;
  waitedMs: number;
}

const MAX_HOLDS = 2000;

class LockTable {
  /** Lock key → the execution holding it and its hold record. */
  private readonly holders = new Map<string, { id: number; hold: HoldRecord }>();
  private readonly log: HoldRecord[] = [];
  /** Executions that arrived while a lock was held, in order: each runs when it is free. */
  private readonly waiting: Array<{ key: string; run: () => void }> = [];
  /** Execution id → how long it had waited for `key` when the lock was free (for its first tryLock). */
  private readonly queued = new Map<number, { key: string; waitedMs: number }>();

  constructor(private readonly kernel: Kernel) {}

  holder(key: string): number | null {
    const entry = this.holders.get(key);
    if (entry === undefined) return null;
    if (!this.kernel.executionStack().some((e) => e.id === entry.id)) {
      this.end(key);
      return null;
    }
    return entry.id;
  }

  acquire(key: string, waitedMs = 0): boolean {
    const me = this.kernel.current();
    const holder = this.holder(key);
    if (holder !== null && holder !== me.id) return false;
    if (holder === null) {
      const hold: HoldRecord = { key, executionId: me.id, label: me.label, user: me.user, fromMs: this.kernel.clock.nowMs(), toMs: null, waitedMs };
      this.holders.set(key, { id: me.id, hold });
      this.log.push(hold);
      if (this.log.length > MAX_HOLDS) this.log.splice(0, this.log.length - MAX_HOLDS);
      me.onEnd(() => {
        if (this.holders.get(key)?.id === me.id) this.end(key);
      });
    }
    return true;
  }

  release(key: string): void {
    if (this.holders.get(key)?.id === this.kernel.current().id) this.end(key);
  }

  private end(key: string): void {
    const entry = this.holders.get(key);
    if (!entry) return;
    entry.hold.toMs = this.kernel.clock.nowMs();
    this.holders.delete(key);
    this.wake(key);
  }

  /** The first execution waiting for `key`, now that it is free; the next one after it. */
  private wake(key: string): void {
    const at = this.waiting.findIndex((w) => w.key === key);
    if (at < 0 || this.holders.has(key)) return;
    const [next] = this.waiting.splice(at, 1);
    next.run();
    this.wake(key);
  }

  /** `fn` as an execution that arrives now and waits for `key`: at once if it is free, else when it is released. */
  whenFree<T>(key: string, fn: () => T, options: ExecutionOptions): LockWaiter<T> {
    const waiter: LockWaiter<T> = { done: false };
    const arrivedMs = this.kernel.clock.nowMs();
    const run = () => {
      const waitedMs = this.kernel.clock.nowMs() - arrivedMs;
      try {
        waiter.value = this.kernel.runExecution(() => {
          this.queued.set(this.kernel.current().id, { key, waitedMs });
          return fn();
        }, { kind: 'concurrent', ...options });
      } catch (e) {
        waiter.error = e;
      } finally {
        waiter.done = true;
      }
    };
    this.waiting.push({ key, run });
    if (this.holder(key) === null) this.wake(key);
    return waiter;
  }

  /**
   * For the first try of `key` in a queued execution — or in one it started, as a sidebar call or
   * a trigger runs as its own execution: how long it had waited when the lock was free.
   */
  queuedWait(key: string): number | null {
    for (const e of [...this.kernel.executionStack()].reverse()) {
      const q = this.queued.get(e.id);
      if (!q || q.key !== key) continue;
      this.queued.delete(e.id);
      return q.waitedMs;
    }
    return null;
  }

  holds(): LockHold[] {
    const now = this.kernel.clock.nowMs();
    return this.log.map((h) => ({
      lock: h.key.startsWith('document:') ? 'document' : h.key === 'script' ? 'script' : 'user',
      executionId: h.executionId,
      label: h.label,
      user: h.user,
      acquiredAt: new Date(h.fromMs),
      releasedAt: h.toMs === null ? null : new Date(h.toMs),
      heldMs: (h.toMs ?? now) - h.fromMs,
      waitedMs: h.waitedMs,
    }));
  }
}

class Lock {
  _acquired = false;

  constructor(
    readonly _kernel: Kernel,
    readonly _table: LockTable,
    readonly _key: string,
  ) {}

  private _timeout(ms: unknown, method: string): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw signatureMismatch(`LockService.Lock.${method}`, [ms]);
    return ms;
  }

  tryLock(timeoutInMillis: number): boolean {
    const ms = this._timeout(timeoutInMillis, 'tryLock');
    // Queued behind a holder (ws.locks.whenFree): it has waited until the lock was free; past its
    // timeout it had given up by then.
    const waited = this._table.queuedWait(this._key);
    if (waited !== null && waited > ms) {
      this._acquired = false;
      return false;
    }
    if (this._table.acquire(this._key, waited ?? 0)) {
      this._acquired = true;
      return true;
    }
    this._kernel.wait(ms);
    this._acquired = false;
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    const ms = this._timeout(timeoutInMillis, 'waitLock');
    if (!this.tryLock(ms)) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this._table.release(this._key);
    this._acquired = false;
  }

  hasLock(): boolean {
    return this._acquired && this._table.holder(this._key) === this._kernel.current().id;
  }
}

export function install(kernel: Kernel): void {
  const table = new LockTable(kernel);
  const lock = (key: string) => expose(kernel, 'LockService', 'Lock', new Lock(kernel, table, key));
  class LockService {
    /** Null when the script runs outside a document (not bound, add-on not in one). */
    getDocumentLock(): unknown {
      const doc = kernel.module('spreadsheet').activeId();
      return doc ? lock(`document:${doc}`) : null;
    }
    getScriptLock(): unknown {
      return lock('script');
    }
    getUserLock(): unknown {
      return lock(`user:${kernel.current().user}`);
    }
  }
  const documentKey = () => {
    const doc = kernel.module('spreadsheet').activeId();
    if (!doc) throw new Error('emulator: no bound spreadsheet, no document lock');
    return `document:${doc}`;
  };
  const module: LockModule = {
    name: 'lock',
    globals: () => ({ LockService: expose(kernel, 'LockService', 'LockService', new LockService()) }),
    holds: () => table.holds(),
    whenFree: (fn, options = {}) => table.whenFree(documentKey(), fn, options),
    // Locks live only as long as executions; nothing to keep.
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module);
}
