/**
 * Loads a built Apps Script project (`build/`: appsscript.json, *.js, *.html) into its own V8
 * context, as Apps Script does: one global scope shared by every file, only ECMAScript built-ins
 * plus the Apps Script services — no `require`, `process`, `setTimeout`, `URL`, `TextEncoder`,
 * `fetch` or `atob`, so code that leans on Node fails here as it would in Apps Script.
 * `new Date()` and `Date.now()` read the workspace's virtual clock, and local-time Date methods
 * use the manifest's time zone (Apps Script runs scripts in the project's time zone).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Kernel, LoadedScript, Manifest } from './kernel';
import type { VirtualClock } from './clock';

export interface ScriptFiles {
  manifest: Manifest;
  /** [file name, source] in push order. */
  scripts: Array<[string, string]>;
  /** HTML files by name without ".html". */
  html: Record<string, string>;
}

export function readProjectDir(dir: string): ScriptFiles {
  const manifestPath = path.join(dir, 'appsscript.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`emulator: ${manifestPath} is missing — run npm run build`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const names = fs.readdirSync(dir).sort();
  const scripts: Array<[string, string]> = names
    .filter((n) => n.endsWith('.js') || n.endsWith('.gs'))
    .map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]);
  const html: Record<string, string> = {};
  for (const n of names.filter((x) => x.endsWith('.html'))) html[n.slice(0, -5)] = fs.readFileSync(path.join(dir, n), 'utf8');
  return { manifest, scripts, html };
}

/** A Date constructor whose "now" is the virtual clock; its instances are ordinary Dates. */
export function virtualDate(clock: VirtualClock): DateConstructor {
  const RealDate = Date;
  const VDate = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(clock.nowMs()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [clock.nowMs()] : args, new.target);
  } as unknown as DateConstructor;
  Object.defineProperty(VDate, 'prototype', { value: RealDate.prototype });
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  (VDate as { now: () => number }).now = () => clock.nowMs();
  (VDate as { parse: typeof Date.parse }).parse = RealDate.parse;
  (VDate as { UTC: typeof Date.UTC }).UTC = RealDate.UTC;
  return VDate;
}

/**
 * Objects the services hand to the script (arrays from getValues, errors they throw) come from
 * the emulator's realm; make the script realm's `instanceof Array/Error/…` accept them, as they
 * would be native to the script in Apps Script.
 */
const SHARED_CONSTRUCTORS = ['Object', 'Array', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'RegExp', 'Map', 'Set', 'Promise', 'Function'] as const;

function bridgeInstanceof(context: vm.Context): void {
  const host = globalThis as unknown as Record<string, unknown>;
  for (const name of SHARED_CONSTRUCTORS) {
    const inner = vm.runInContext(name, context) as object;
    const outer = host[name] as (new () => unknown) | undefined;
    if (!outer || inner === outer) continue;
    const ordinary = Function.prototype[Symbol.hasInstance];
    Object.defineProperty(inner, Symbol.hasInstance, {
      value(this: object, candidate: unknown): boolean {
        if (ordinary.call(this, candidate)) return true;
        return this === inner && candidate instanceof outer;
      },
    });
  }
}

/**
 * A compiled script is context-free: one compile serves every workspace that loads the same
 * bundle, as fault sweeps do hundreds of times (each iteration is a fresh workspace). Keyed by
 * name and source, so a rebuilt bundle compiles anew; a few entries at most.
 */
const compiledScripts = new Map<string, vm.Script>();
function compiled(name: string, source: string): vm.Script {
  const key = `${name}\u0000${source}`;
  let script = compiledScripts.get(key);
  if (!script) {
    if (compiledScripts.size >= 8) compiledScripts.clear();
    script = new vm.Script(source, { filename: name });
    compiledScripts.set(key, script);
  }
  return script;
}

export class ScriptRealm implements LoadedScript {
  readonly context: vm.Context;
  readonly manifest: Manifest;
  private readonly html: Record<string, string>;
  private readonly serviceNames: Set<string>;

  constructor(kernel: Kernel, files: ScriptFiles, globals: Record<string, unknown>) {
    this.manifest = files.manifest;
    this.html = { ...files.html };
    this.serviceNames = new Set([...Object.keys(globals), 'Date']);
    this.context = vm.createContext({ ...globals, Date: virtualDate(kernel.clock) }, { name: 'apps-script' });
    bridgeInstanceof(this.context);
    for (const [name, source] of files.scripts) this.addFile(name, source);
  }

  /** Adds one more script file to the project (they share the global scope). */
  addFile(name: string, source: string): void {
    compiled(name, source).runInContext(this.context);
  }

  /**
   * A top-level function of the project: an own property of the script's global object, so never
   * an inherited name (constructor, toString, __proto__, hasOwnProperty …) nor a service global.
   */
  hasFunction(name: string): boolean {
    return (
      /^[A-Za-z_$][\w$]*$/.test(name) &&
      !this.serviceNames.has(name) &&
      Object.prototype.hasOwnProperty.call(this.context, name) &&
      typeof this.context[name] === 'function'
    );
  }

  invoke(name: string, args: unknown[]): unknown {
    const fn = this.context[name] as (...a: unknown[]) => unknown;
    return fn(...args);
  }

  /** The script's top-level functions (what the Apps Script editor lists as runnable). */
  functionNames(): string[] {
    return Object.keys(this.context).filter((k) => !this.serviceNames.has(k) && typeof this.context[k] === 'function');
  }

  htmlFile(name: string): string | undefined {
    return this.html[name.replace(/\.html$/, '')];
  }
}
