/**
 * What a script holds is never the emulator's object itself but a facade proxy over it:
 * - every method call is metered and checked by `kernel.call` (time limit, auth mode, scopes);
 * - a method the emulator does not model throws "not implemented in the emulator: Class.method"
 *   instead of returning undefined — never a silent no-op;
 * - internal state (fields whose names start with "_") is invisible to the script;
 * - the proxy cannot be written to, as Apps Script objects cannot be extended.
 * Emulator code gets the real object back with `unwrap()` when a facade is passed as an argument.
 */
import { NotImplementedInEmulator, registerArgType } from './errors';
import type { Kernel } from './kernel';
import type { ServiceName } from './meter';

const RAW = new WeakMap<object, object>();

/** Property names that test tooling and JSON probe on any object; they read as absent. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  'inspect',
  'valueOf',
  'toLocaleString',
  'length',
]);

export function expose<T extends object>(kernel: Kernel, service: ServiceName, className: string, target: T): T {
  if (RAW.has(target)) return target;
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop === 'toString') return () => className;
      if (INTROSPECTION.has(prop) && !(prop in t)) return undefined;
      const value = prop.startsWith('_') ? undefined : Reflect.get(t, prop);
      if (typeof value === 'function') {
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          const method = `${className}.${prop}`;
          wrapper = (...args: unknown[]) => kernel.call(service, method, () => (value as (...a: unknown[]) => unknown).apply(t, args));
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      }
      if (value !== undefined) return value;
      throw new NotImplementedInEmulator(`${className}.${prop}`);
    },
    set(_t, prop) {
      throw new TypeError(`Cannot set property ${String(prop)} of ${className}`);
    },
    defineProperty(_t, prop) {
      throw new TypeError(`Cannot define property ${String(prop)} of ${className}`);
    },
    deleteProperty(_t, prop) {
      throw new TypeError(`Cannot delete property ${String(prop)} of ${className}`);
    },
    has(t, prop) {
      return typeof prop === 'string' && !prop.startsWith('_') && prop in t;
    },
    ownKeys() {
      return [];
    },
  });
  RAW.set(proxy, target);
  registerArgType(proxy, `${service}.${className}`);
  return proxy;
}

/** The emulator object behind a facade (or the value itself if it is not one). */
export function unwrap<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (RAW.get(value) as T | undefined) ?? value;
}

export function isFacade(value: unknown): boolean {
  return typeof value === 'object' && value !== null && RAW.has(value);
}
