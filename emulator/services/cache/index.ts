/**
 * CacheService: https://developers.google.com/apps-script/reference/cache/cache
 * Limits: keys ≤ 250 characters, values ≤ 100 KB, expiry ≤ 6 hours (default 10 minutes).
 * The reference says items may be evicted before they expire; the emulator evicts the oldest
 * entry once a cache holds MAX_ITEMS, so code that assumes a hit is caught in tests.
 * Caches are not kept in snapshots: a restarted workspace starts cold, as a cache may.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';

export const MAX_ITEMS = 1000;

interface Entry {
  value: string;
  expiresAt: number;
}

class Cache {
  constructor(
    readonly _kernel: Kernel,
    readonly _store: Map<string, Entry>,
  ) {}

  private _key(key: unknown, method: string): string {
    if (typeof key !== 'string') throw signatureMismatch(`CacheService.Cache.${method}`, [key]);
    if (key.length > this._kernel.quotas.cacheKeyChars) throw new AppsScriptException('Argument too large: key');
    return key;
  }

  private _live(key: string): Entry | undefined {
    const e = this._store.get(key);
    if (e && e.expiresAt <= this._kernel.clock.nowMs()) {
      this._store.delete(key);
      return undefined;
    }
    return e;
  }

  get(key: string): string | null {
    return this._live(this._key(key, 'get'))?.value ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(this._key(k, 'getAll'));
      if (e) out[k] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.putAll({ [this._key(key, 'put')]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    if (typeof expirationInSeconds !== 'number' || expirationInSeconds < 1) throw signatureMismatch('CacheService.Cache.putAll', [values, expirationInSeconds]);
    const seconds = Math.min(expirationInSeconds, this._kernel.quotas.cacheMaxExpirationSeconds);
    for (const [key, raw] of Object.entries(values)) {
      this._key(key, 'putAll');
      if (typeof raw !== 'string') throw signatureMismatch('CacheService.Cache.putAll', [values]);
      if (Buffer.byteLength(raw, 'utf8') > this._kernel.quotas.cacheValueBytes) throw new AppsScriptException('Argument too large: value');
      this._store.delete(key);
      this._store.set(key, { value: raw, expiresAt: this._kernel.clock.nowMs() + seconds * 1000 });
      while (this._store.size > MAX_ITEMS) this._store.delete(this._store.keys().next().value as string);
    }
  }

  remove(key: string): void {
    this._store.delete(this._key(key, 'remove'));
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this._store.delete(this._key(k, 'removeAll'));
  }
}

export function install(kernel: Kernel): void {
  const caches = new Map<string, Map<string, Entry>>();
  const cache = (scope: string) => {
    let store = caches.get(scope);
    if (!store) caches.set(scope, (store = new Map()));
    return expose(kernel, 'CacheService', 'Cache', new Cache(kernel, store));
  };
  class CacheService {
    getScriptCache(): unknown {
      return cache('script');
    }
    getDocumentCache(): unknown {
      const doc = kernel.module('spreadsheet').activeId();
      return doc ? cache(`document:${doc}`) : null;
    }
    getUserCache(): unknown {
      return cache(`user:${kernel.current().user}`);
    }
  }
  const module: SimpleModule = {
    name: 'cache',
    globals: () => ({ CacheService: expose(kernel, 'CacheService', 'CacheService', new CacheService()) }),
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'cache' });
}
