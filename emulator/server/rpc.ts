/**
 * google.script.run's rules, server side: what a server function returns reaches the client only
 * if it is JSON-like — primitives, null, arrays and plain objects of them. A Date, a function, an
 * Apps Script object or a cycle anywhere in the result makes the whole result arrive as null
 * (the well-known trap: return dates as ISO strings), and undefined array items become null.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 * https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 */
import { isFacade } from '../core/facade';

export type WireValue = null | boolean | number | string | WireValue[] | { [k: string]: WireValue };

export interface RpcRequest {
  fn: string;
  args: unknown[];
}

export type RpcResponse =
  | { ok: true; value: WireValue; undefined?: true }
  | { ok: false; error: { name: string; message: string } };

/** A value google.script.run cannot carry, found at `key` (the property or index holding it). */
class Illegal extends Error {
  constructor(readonly key: string | number) {
    super(String(key));
  }
}

/**
 * A JSON-like copy of what crosses google.script.run, either way: primitives, null, arrays and
 * plain objects (undefined array items as null, undefined properties dropped); anything else — a
 * Date, a function, an Apps Script object, a cycle, an object of another class — is Illegal.
 * Plain objects are told by their tag, not their prototype: a script's objects come from its own
 * realm, whose Object.prototype is not this one.
 */
function toWire(value: unknown, key: string | number, seen: object[]): WireValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value !== 'object') throw new Illegal(key);
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]' || isFacade(value) || seen.includes(value)) throw new Illegal(key);
  seen.push(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => toWire(v, i, seen) ?? null);
    if (Object.prototype.toString.call(value) !== '[object Object]') throw new Illegal(key);
    const out: { [k: string]: WireValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const w = toWire(v, k, seen);
      // defineProperty: "__proto__" from a caller is a property like any other.
      if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    seen.pop();
  }
}

/** The value the client's success handler receives for a server function's return value. */
export function resultForClient(value: unknown): RpcResponse {
  if (value === undefined) return { ok: true, value: null, undefined: true };
  try {
    return { ok: true, value: toWire(value, 0, []) ?? null };
  } catch (e) {
    if (e instanceof Illegal) return { ok: true, value: null };
    throw e;
  }
}

/** What the client's failure handler receives when the server function throws. */
export function failureForClient(error: unknown): RpcResponse {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const e = error as { name?: unknown; message?: unknown };
    return { ok: false, error: { name: String(e.name ?? 'Error'), message: String(e.message ?? '') } };
  }
  return { ok: false, error: { name: 'Error', message: String(error) } };
}

/**
 * The arguments as the server receives them from google.script.run: the client sends only
 * primitives, null, arrays and plain objects — anything else (a Date, a function, an Apps Script
 * object, a cycle) fails on the client with "Failed due to illegal value in property: <key>"
 * before any server code runs — so the server gets a fresh JSON-like copy (undefined array items
 * as null, undefined properties dropped). The same rules as bridge.client.js, for tests that
 * call a page's server functions without a browser.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 */
export function argsFromClient(args: unknown[]): WireValue[] {
  try {
    return args.map((a, i) => toWire(a, i, []) ?? null);
  } catch (e) {
    if (e instanceof Illegal) throw new TypeError(`Failed due to illegal value in property: ${e.key}`, { cause: e });
    throw e;
  }
}

/**
 * One google.script.run call as it travels back to the page: what its success handler receives,
 * or the error (name and message) its failure handler receives.
 */
export function responseOf(run: () => unknown): RpcResponse {
  try {
    return resultForClient(run());
  } catch (e) {
    return failureForClient(e);
  }
}

/**
 * One google.script.run call seen from the page: the value its success handler receives, or the
 * error (name and message) its failure handler receives, thrown.
 */
export function asClientSees(run: () => unknown): WireValue {
  const response = responseOf(run);
  if (response.ok) return response.value;
  const error = new Error(response.error.message);
  error.name = response.error.name;
  throw error;
}
