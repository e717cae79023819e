/**
 * The add-on's own state in the document's properties: the schema map, the cached settings, the
 * case-code sequence, the intake trigger's owner, the intake journal, link records.
 * Reads are served from a snapshot, taken lazily: the properties every call needs come from the
 * document cache when it holds them (platform/runtime-cache: one cheap Cache.getAll), and the
 * whole store is read with a single getProperties() only when a value outside them is needed (a
 * property call costs as much as a Sheets call). Writes go through at once and update the
 * snapshot; a write of a cached property puts a new cache generation after it, so the very next
 * call reads the properties again.
 * `refresh()` takes a new snapshot: call it after acquiring the document lock, since another
 * execution may have written while this one waited.
 * Property values hold at most 9 KB, so JSON values are split across numbered properties and
 * written in one call.
 */
import { ERRORS } from '../../i18n/vi';
import { PROPERTY_NAMES } from './document-store-names';
import { cachedSubset, fillCachedProperties, isCachedProperty, newCacheGeneration, readCachedProperties } from './runtime-cache';

export { PROPERTY_NAMES };

const PREFIX = 'hts.';
const CHUNK_CHARS = 2500; // ≤ 9 KB even when every character takes 3 bytes in UTF-8

export interface StoreOptions {
  /** The document cache (null: none, as in a web app). */
  cache?: GoogleAppsScript.Cache.Cache | null;
  /** On a cache miss, fill it from the properties read (read-only sidebar steps; see runtime-cache). */
  fill?: boolean;
}

export class DocumentStore {
  /** The whole store, once read. */
  private snapshot: Record<string, string> | null = null;
  /** The cached properties, from the document cache (undefined: not looked up yet). */
  private cached: Record<string, string> | null | undefined = undefined;
  /** The suggestions' counts the same cache read found (runtime-cache), as text; null: none, or not read. */
  private suggestions: string | null = null;
  /** The cache generation seen before the properties were read (see runtime-cache). */
  private generation: string | null = null;
  private readonly cache: GoogleAppsScript.Cache.Cache | null;
  private readonly fill: boolean;

  constructor(
    private readonly props: GoogleAppsScript.Properties.Properties,
    options: StoreOptions = {},
  ) {
    this.cache = options.cache ?? null;
    this.fill = options.fill === true;
  }

  static open(options: Omit<StoreOptions, 'cache'> = {}): DocumentStore {
    const props = PropertiesService.getDocumentProperties();
    if (!props) throw new Error(ERRORS.notInSpreadsheet);
    return new DocumentStore(props, { ...options, cache: CacheService.getDocumentCache() });
  }

  /** The suggestions' counts found in the document cache by this call's one cache read, if any (no call of its own). */
  cachedSuggestions(): string | null {
    return this.suggestions;
  }

  /** A fresh snapshot (one call): what other executions wrote meanwhile. */
  refresh(): void {
    this.snapshot = this.props.getProperties();
  }

  /** The whole store (one getProperties the first time); fills the cache after a miss when asked to. */
  private all(): Record<string, string> {
    if (this.snapshot) return this.snapshot;
    this.snapshot = this.props.getProperties();
    if (this.cache && this.cached === null) {
      // Only with a generation seen before this read; none at all: a filler makes one, the next reader fills.
      if (this.fill && this.generation === null) newCacheGeneration(this.cache);
      else if (this.fill && this.generation !== null) fillCachedProperties(this.cache, this.generation, cachedSubset(this.snapshot, PREFIX));
    }
    return this.snapshot;
  }

  /** The value of a property (prefix included): from the cache when it carries it and the store was not read whole. */
  private value(key: string): string | null {
    if (!this.snapshot && this.cache && isCachedProperty(key, PREFIX)) {
      if (this.cached === undefined) {
        const read = readCachedProperties(this.cache);
        this.generation = read.generation;
        this.cached = read.values;
        this.suggestions = read.suggestions;
      }
      if (this.cached) return this.cached[key] ?? null;
    }
    return this.all()[key] ?? null;
  }

  get(name: string): string | null {
    return this.value(PREFIX + name);
  }

  set(name: string, value: string): void {
    this.props.setProperty(PREFIX + name, value);
    this.wrote({ [PREFIX + name]: value }, []);
  }

  /** Several properties in one call (the others are kept). */
  setMany(values: Record<string, string>): void {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) out[PREFIX + k] = v;
    this.props.setProperties(out);
    this.wrote(out, []);
  }

  remove(name: string): void {
    this.props.deleteProperty(PREFIX + name);
    this.wrote({}, [PREFIX + name]);
  }

  /** What was just written, in the snapshot and the cached values; a cached property written: a new cache generation. */
  private wrote(set: Record<string, string>, removed: string[]): void {
    for (const target of [this.snapshot, this.cached]) {
      if (!target) continue;
      Object.assign(target, set);
      for (const k of removed) delete target[k];
    }
    if (this.cache && [...Object.keys(set), ...removed].some((k) => isCachedProperty(k, PREFIX))) newCacheGeneration(this.cache);
  }

  /** Every property of this add-on whose name starts with `prefix` (prefix removed). */
  withPrefix(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.all())) if (k.startsWith(PREFIX + prefix)) out[k.slice(PREFIX.length + prefix.length)] = v;
    return out;
  }

  /**
   * Deletes properties, one call each. Never by rewriting the whole store from the snapshot
   * (setProperties(all, true)): other executions write properties without the document lock —
   * the staff tab's edit trigger revoking links, the hourly job's sender marking mail in flight —
   * and a rewrite from a snapshot taken before would undo what they wrote.
   */
  removeMany(names: string[]): void {
    for (const k of names) this.remove(k);
  }

  getJson<T>(name: string): T | null {
    const head = this.get(name);
    if (head === null) return null;
    const chunked = /^#chunks:(\d+)$/.exec(head);
    if (!chunked) return JSON.parse(head) as T;
    let text = '';
    for (let i = 0; i < Number(chunked[1]); i++) text += this.value(`${PREFIX}${name}#${i}`) ?? '';
    return JSON.parse(text) as T;
  }

  /** The properties that store `value` under `name` (one or several chunks), for setMany. */
  static encodeJson(name: string, value: unknown): Record<string, string> {
    const text = JSON.stringify(value);
    if (text.length <= CHUNK_CHARS) return { [name]: text };
    const parts: Record<string, string> = {};
    let n = 0;
    for (let i = 0; i < text.length; i += CHUNK_CHARS) parts[`${name}#${n++}`] = text.slice(i, i + CHUNK_CHARS);
    parts[name] = `#chunks:${n}`;
    return parts;
  }

  setJson(name: string, value: unknown): void {
    const parts = DocumentStore.encodeJson(name, value);
    if (Object.keys(parts).length === 1) this.set(name, parts[name]);
    else this.setMany(parts);
  }
}
