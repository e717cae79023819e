/**
 * What a server function receives from google.script.run is whatever JSON the caller chose —
 * anyone can type a call into the browser console of any page this script serves. So entry points
 * read their arguments only through these functions, which never throw: `String(x)` throws for
 * `{"toString": 1}` (its own toString is not callable, and valueOf gives back an object), and an
 * error from junk would land in the errors tab, which anonymous callers must not be able to fill.
 */

/** A string or a finite number as text, cut to `max` characters; anything else is ''. */
export function text(value: unknown, max = 100_000): string {
  if (typeof value === 'string') return value.length > max ? value.slice(0, max) : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A whole number (given as a number or its digits), or null. */
export function integer(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}


export type Primitive = string | number | boolean;

/**
 * A plain object's own primitive fields (strings cut to `max`), nothing else: nested objects,
 * arrays and non-finite numbers are dropped, and so are names that would shadow Object's own
 * methods. Never throws, whatever it is given.
 */
export function fields(value: unknown, max = 100_000): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype) continue;
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string') out[key] = v.length > max ? v.slice(0, max) : v;
    else if (typeof v === 'boolean') out[key] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  return out;
}
