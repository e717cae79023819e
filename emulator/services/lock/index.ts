/**
 * LockService: https://developers.google.com/apps-script/reference/lock/lock
 * A real lock: it belongs to the execution that acquired it and is released when that execution
 * ends. An execution started with ws.execution() runs "concurrently" with those below it on the
 * stack, so a lock held below is busy inside it — and as they cannot run meanwhile to release
 * it, waiting takes the whole timeout on the virtual clock and then fails, as Apps Script does.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

class LockTable {
  /** Lock key → id of the execution holding it. */
  private readonly holders = new Map<string, number>();

  constructor(private readonly kernel: Kernel) {}

  holder(key: string): number | null {
    const id = this.holders.get(key);
    if (id === undefined) return null;
    if (!this.kernel.executionStack().some((e) => e.id === id)) {
      this.holders.delete(key);
      return null;
    }
    return id;
  }

  acquire(key: string): boolean {
    const me = this.kernel.current();
    const holder = this.holder(key);
    if (holder !== null && holder !== me.id) return false;
    if (holder === null) {
      this.holders.set(key, me.id);
      me.onEnd(() => {
        if (this.holders.get(key) === me.id) this.holders.delete(key);
      });
    }
    return true;
  }

  release(key: string): void {
    if (this.holders.get(key) === this.kernel.current().id) this.holders.delete(key);
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
    if (this._table.acquire(this._key)) {
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
  const module: SimpleModule = {
    name: 'lock',
    globals: () => ({ LockService: expose(kernel, 'LockService', 'LockService', new LockService()) }),
    // Locks live only as long as executions; nothing to keep.
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'lock' });
}
