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

class Illegal extends Error {}

function toWire(value: unknown, seen: object[]): WireValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value !== 'object') throw new Illegal(typeof value);
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') throw new Illegal('Date');
  if (isFacade(value)) throw new Illegal('Apps Script object');
  if (seen.includes(value)) throw new Illegal('cycle');
  seen.push(value);
  try {
    if (Array.isArray(value)) return value.map((v) => toWire(v, seen) ?? null);
    if (Object.prototype.toString.call(value) !== '[object Object]') throw new Illegal('object');
    const out: { [k: string]: WireValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const w = toWire(v, seen);
      if (w !== undefined) out[k] = w;
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
    return { ok: true, value: toWire(value, []) ?? null };
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
  const illegal = (key: string | number) => new TypeError(`Failed due to illegal value in property: ${key}`);
  const copy = (value: unknown, key: string | number, seen: object[]): WireValue | undefined => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (value === undefined) return undefined;
    if (typeof value !== 'object') throw illegal(key);
    if (value instanceof Date || isFacade(value) || seen.includes(value)) throw illegal(key);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) throw illegal(key);
    seen.push(value);
    try {
      if (Array.isArray(value)) return value.map((v, i) => copy(v, i, seen) ?? null);
      const out: { [k: string]: WireValue } = {};
      for (const k of Object.keys(value)) {
        const w = copy((value as Record<string, unknown>)[k], k, seen);
        if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      seen.pop();
    }
  };
  return args.map((a, i) => copy(a, i, []) ?? null);
}

/**
 * One google.script.run call seen from the page: the value its success handler receives, or the
 * error (name and message) its failure handler receives, thrown.
 */
export function asClientSees(run: () => unknown): WireValue {
  let response: RpcResponse;
  try {
    response = resultForClient(run());
  } catch (e) {
    response = failureForClient(e);
  }
  if (response.ok) return response.value;
  const error = new Error(response.error.message);
  error.name = response.error.name;
  throw error;
}
