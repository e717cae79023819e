/**
 * JSON with Dates kept as Dates: workspace snapshots hold sheet cells, timestamps and expiry
 * times, and a snapshot restored must be indistinguishable from the state saved.
 */
const DATE_TAG = '$date';

export function encodeState(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE_TAG]: raw.getTime() };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return v;
  });
}

export function decodeState<T = unknown>(text: string): T {
  // A walk over the plain parse, not JSON.parse's reviver: the reviver turns every array index
  // into a string key and calls back for each of a snapshot's million-odd values, which made
  // restoring a ward (dense number-format grids) six times slower and every fault sweep with it.
  return revive(JSON.parse(text)) as T;
}

/** Tagged objects back to Dates and Maps, inside out (as a reviver would: a Map's entries first). */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = revive(item);
    }
    return value;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === DATE_TAG && typeof o[DATE_TAG] === 'number') return new Date(o[DATE_TAG]);
  if (keys.length === 1 && keys[0] === '$map' && Array.isArray(o.$map)) return new Map(revive(o.$map) as [unknown, unknown][]);
  for (const k of keys) {
    const item = o[k];
    if (item !== null && typeof item === 'object') o[k] = revive(item);
  }
  return o;
}

/** Deep copy through the same codec (what a snapshot + restore would give). */
export function cloneState<T>(value: T): T {
  return decodeState<T>(encodeState(value));
}
