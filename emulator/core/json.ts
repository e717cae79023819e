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
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === DATE_TAG && typeof o[DATE_TAG] === 'number') return new Date(o[DATE_TAG]);
      if (keys.length === 1 && keys[0] === '$map' && Array.isArray(o.$map)) return new Map(o.$map as [unknown, unknown][]);
    }
    return v;
  }) as T;
}

/** Deep copy through the same codec (what a snapshot + restore would give). */
export function cloneState<T>(value: T): T {
  return decodeState<T>(encodeState(value));
}
