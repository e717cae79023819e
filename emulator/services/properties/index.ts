/**
 * PropertiesService: https://developers.google.com/apps-script/reference/properties/properties
 * Limits (https://developers.google.com/apps-script/guides/services/quotas): 9 KB per value,
 * 500 KB per property store, counted in UTF-8 bytes of key + value.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';

type Store = Map<string, string>;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

class Properties {
  constructor(
    readonly _kernel: Kernel,
    readonly _store: Store,
  ) {}

  private _size(except?: Set<string>): number {
    let n = 0;
    for (const [k, v] of this._store) if (!except?.has(k)) n += bytes(k) + bytes(v);
    return n;
  }

  private _check(entries: Array<[string, string]>, replacing: Set<string>): void {
    for (const [k, v] of entries) {
      if (bytes(v) > this._kernel.quotas.propertyValueBytes) throw new AppsScriptException('Argument too large: value');
      if (bytes(k) > this._kernel.quotas.propertyValueBytes) throw new AppsScriptException('Argument too large: key');
    }
    const total = this._size(replacing) + entries.reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
    if (total > this._kernel.quotas.propertiesStoreBytes) throw new AppsScriptException('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  getProperty(key: string): string | null {
    if (typeof key !== 'string') throw signatureMismatch('PropertiesService.Properties.getProperty', [key]);
    return this._store.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }

  getKeys(): string[] {
    return [...this._store.keys()];
  }

  setProperty(key: string, value: unknown): Properties {
    if (typeof key !== 'string' || value === undefined || value === null) throw signatureMismatch('PropertiesService.Properties.setProperty', [key, value]);
    const v = String(value);
    this._check([[key, v]], new Set([key]));
    this._store.set(key, v);
    return expose(this._kernel, 'PropertiesService', 'Properties', this);
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    if (typeof properties !== 'object' || properties === null) throw signatureMismatch('PropertiesService.Properties.setProperties', [properties]);
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]);
    this._check(entries, deleteAllOthers ? new Set(this._store.keys()) : new Set(entries.map(([k]) => k)));
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of entries) this._store.set(k, v);
    return expose(this._kernel, 'PropertiesService', 'Properties', this);
  }

  deleteProperty(key: string): Properties {
    this._store.delete(key);
    return expose(this._kernel, 'PropertiesService', 'Properties', this);
  }

  deleteAllProperties(): Properties {
    this._store.clear();
    return expose(this._kernel, 'PropertiesService', 'Properties', this);
  }
}

class PropertiesModule implements SimpleModule {
  readonly name = 'properties' as const;
  private script: Store = new Map();
  private documents = new Map<string, Store>();
  private users = new Map<string, Store>();

  constructor(readonly kernel: Kernel) {}

  private of(map: Map<string, Store>, key: string): Store {
    let s = map.get(key);
    if (!s) map.set(key, (s = new Map()));
    return s;
  }

  globals(): Record<string, unknown> {
    const m = this;
    const k = this.kernel;
    class PropertiesService {
      getScriptProperties(): unknown {
        return expose(k, 'PropertiesService', 'Properties', new Properties(k, m.script));
      }
      /** Null when the script is not bound to a document (or an add-on not in one). */
      getDocumentProperties(): unknown {
        const doc = k.module('spreadsheet').activeId();
        return doc ? expose(k, 'PropertiesService', 'Properties', new Properties(k, m.of(m.documents, doc))) : null;
      }
      getUserProperties(): unknown {
        return expose(k, 'PropertiesService', 'Properties', new Properties(k, m.of(m.users, k.current().user)));
      }
    }
    return { PropertiesService: expose(k, 'PropertiesService', 'PropertiesService', new PropertiesService()) };
  }

  save(): unknown {
    const dump = (map: Map<string, Store>) => [...map].map(([k, s]) => [k, [...s]]);
    return { script: [...this.script], documents: dump(this.documents), users: dump(this.users) };
  }

  restore(state: unknown): void {
    const s = state as { script: Array<[string, string]>; documents: Array<[string, Array<[string, string]>]>; users: Array<[string, Array<[string, string]>]> };
    this.script = new Map(s.script);
    this.documents = new Map(s.documents.map(([k, v]) => [k, new Map(v)]));
    this.users = new Map(s.users.map(([k, v]) => [k, new Map(v)]));
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new PropertiesModule(kernel));
}
