/**
 * The few document properties every call needs (where the columns are, the settings with the
 * staff list and calendar, whether the staff tab was edited, the intake trigger's owner), kept in
 * the document cache: a cache read costs about 3 ms where reading the document properties costs
 * about 30 ms (https://ziritione.org/post/apps_script_performance), and the properties hold much
 * more (the intake journal, link records, …) than a sidebar step needs. The properties stay the
 * truth: a miss, an eviction ("data you write to the cache is not guaranteed to persist":
 * https://developers.google.com/apps-script/reference/cache/cache-service) or no cache at all (a
 * web app has no document cache: same page, getDocumentCache) reads them instead, and is correct.
 *
 * Never stale, without a lock: the entry is tagged with a *generation* that lives in the cache
 * under its own key.
 * - Whoever writes one of these properties (DocumentStore, the one way they are written) puts a
 *   new generation after the property write.
 * - A reader that misses fills the entry only when it saw a generation *before* it read the
 *   properties, and tags the entry with it. A property write it did not see came after its read,
 *   so its writer's new generation comes after too, and the entry is never accepted again.
 * - A reader that finds no generation at all (evicted, expired, a new ward) puts a new one and
 *   fills nothing: the next reader fills, tagged with it.
 * So a change is seen by the very next call; the hourly job, which stores the settings from their
 * tabs, is the backstop for changes no trigger reported.
 * A hit costs one Cache.getAll; a miss one getAll and one getProperties, plus one putAll when the
 * caller fills (read-only sidebar steps do; actions and the submission leave it to them, so their
 * miss costs one request more than their hit, not two).
 */
import { PROPERTY_NAMES } from './document-store-names';

/** The properties (before the add-on's prefix) the cache carries, with their JSON chunks ("name#0" …). */
export const CACHED_NAMES: readonly string[] = [PROPERTY_NAMES.schema, PROPERTY_NAMES.settings, PROPERTY_NAMES.staffStale, PROPERTY_NAMES.intakeTrigger, PROPERTY_NAMES.intakeOwner, PROPERTY_NAMES.archiveLedger];

const GENERATION_KEY = 'hts.rt.gen';
const ENTRY_KEY = 'hts.rt.';
/** Cache values hold at most 100 KB: 30,000 characters stay under it even at 3 bytes each in UTF-8. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 8;
/** The longest a cache keeps anything (6 hours): https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer) */
const SECONDS = 21_600;
const SEPARATOR = '\n';

/** Is the property `key` (with the add-on's prefix `prefix`) one the cache carries? */
export function isCachedProperty(key: string, prefix: string): boolean {
  return CACHED_NAMES.some((n) => key === prefix + n || key.startsWith(`${prefix}${n}#`));
}

export interface CachedRead {
  /** The generation found, or null when there is none. */
  generation: string | null;
  /** The cached properties (with their prefix), or null on a miss. */
  values: Record<string, string> | null;
  /** What the suggestions learned (platform/suggestion-model), read in the same getAll: null when absent. */
  suggestions: string | null;
}

const chunkKeys = Array.from({ length: MAX_CHUNKS }, (_, i) => `${ENTRY_KEY}${i}`);

/**
 * The suggestions' counts ride in the same getAll (so intake and the case view pay nothing for
 * them), in chunks of their own, tagged with a stamp of their own: they are not properties, the
 * hourly job puts them (platform/suggestion-model), and a stale copy only makes a suggestion
 * an hour old.
 */
const SUGGESTIONS_KEY = 'hts.sg.';
/** 24 values: the cache holds 1,000 items, each up to 100 KB (https://developers.google.com/apps-script/reference/cache/cache). */
export const SUGGESTION_CHUNKS = 24;
const suggestionKeys = Array.from({ length: SUGGESTION_CHUNKS }, (_, i) => `${SUGGESTIONS_KEY}${i}`);
/** The first chunk's key: present when the cache has the counts. */
export const SUGGESTION_FIRST_KEY = suggestionKeys[0];

/** Chunks tagged "stamp\ncount\n", all present with the same stamp, joined; else null. */
function joinChunks(got: Record<string, string>, keys: string[], expected?: string): { stamp: string; text: string } | null {
  const head = got[keys[0]];
  if (!head) return null;
  const [stamp, count] = head.split(SEPARATOR, 2);
  const n = Number(count);
  if ((expected !== undefined && stamp !== expected) || !Number.isInteger(n) || n < 1 || n > keys.length) return null;
  const tag = `${stamp}${SEPARATOR}${n}${SEPARATOR}`;
  let text = '';
  for (let i = 0; i < n; i++) {
    const chunk = got[keys[i]];
    if (!chunk || !chunk.startsWith(tag)) return null;
    text += chunk.slice(tag.length);
  }
  return { stamp, text };
}

/** `text` as tagged chunks of at most CHUNK_CHARS under `keys`; null when it needs more than there are keys. */
function chunksOf(text: string, stamp: string, keys: string[]): Record<string, string> | null {
  const n = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (n > keys.length) return null;
  const entries: Record<string, string> = {};
  for (let i = 0; i < n; i++) entries[keys[i]] = `${stamp}${SEPARATOR}${n}${SEPARATOR}${text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`;
  return entries;
}

/** The most characters of suggestion counts the cache carries. */
export const SUGGESTION_CACHE_CHARS = SUGGESTION_CHUNKS * CHUNK_CHARS;

/** Puts the suggestions' counts (one putAll); false when too long for the cache (the caller prunes). */
export function putCachedSuggestions(cache: GoogleAppsScript.Cache.Cache, text: string): boolean {
  const entries = chunksOf(text, Date.now().toString(36), suggestionKeys);
  if (!entries) return false;
  cache.putAll(entries, SECONDS);
  return true;
}

/** One getAll: the generation and the entry, accepted only if every chunk carries that generation; the suggestions beside. */
export function readCachedProperties(cache: GoogleAppsScript.Cache.Cache): CachedRead {
  const got = cache.getAll([GENERATION_KEY, ...chunkKeys, ...suggestionKeys]);
  const suggestions = joinChunks(got, suggestionKeys)?.text ?? null;
  return { ...readProperties(got), suggestions };
}

function readProperties(got: Record<string, string>): Omit<CachedRead, 'suggestions'> {
  const generation = got[GENERATION_KEY] ?? null;
  if (!generation) return { generation: null, values: null };
  const head = got[chunkKeys[0]];
  if (!head) return { generation, values: null };
  const [gen, count] = head.split(SEPARATOR, 2);
  const n = Number(count);
  if (gen !== generation || !Number.isInteger(n) || n < 1 || n > MAX_CHUNKS) return { generation, values: null };
  let text = '';
  for (let i = 0; i < n; i++) {
    const chunk = got[chunkKeys[i]];
    const tag = `${generation}${SEPARATOR}${n}${SEPARATOR}`;
    if (!chunk || !chunk.startsWith(tag)) return { generation, values: null };
    text += chunk.slice(tag.length);
  }
  try {
    return { generation, values: JSON.parse(text) as Record<string, string> };
  } catch {
    return { generation, values: null };
  }
}

/** The cached properties out of a whole snapshot. */
export function cachedSubset(snapshot: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(snapshot)) if (isCachedProperty(k, prefix)) out[k] = v;
  return out;
}

/** Fills the entry from properties read after `generation` was seen (one putAll); too large an entry is not cached. */
export function fillCachedProperties(cache: GoogleAppsScript.Cache.Cache, generation: string, values: Record<string, string>): void {
  const text = JSON.stringify(values);
  const n = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (n > MAX_CHUNKS) return;
  const entries: Record<string, string> = {};
  for (let i = 0; i < n; i++) entries[chunkKeys[i]] = `${generation}${SEPARATOR}${n}${SEPARATOR}${text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`;
  cache.putAll(entries, SECONDS);
}

/** A new generation (one put): any entry filled before is refused from now on. */
export function newCacheGeneration(cache: GoogleAppsScript.Cache.Cache): void {
  cache.put(GENERATION_KEY, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`, SECONDS);
}
