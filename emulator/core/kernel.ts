/**
 * The kernel every emulated service is built on: the virtual clock, the call meter, the
 * execution stack, quotas, ids, the Drive file registry and the loaded script. Services reach
 * each other only through `kernel.module(...)`, with the contracts in `modules.ts`.
 */
import { AppsScriptException } from './errors';
import { Execution, type AuthModeName, type ExecutionOptions, type ExecutionRecord } from './execution';
import { FileRegistry } from './files';
import { costOf } from './costs';
import { Meter, type ServiceName } from './meter';
import { VirtualClock } from './clock';
import { allowedInAuthNone, permissionMessage, requiredScopes } from './scopes';
import type { ModuleMap, ServiceModule } from './modules';

export interface Quotas {
  /** MailApp recipients a day: 100 for consumer accounts, 1,500 for Workspace. */
  emailRecipientsPerDay: number;
  /** Total trigger runtime a day: 90 minutes for consumer accounts. */
  triggerRuntimeMsPerDay: number;
  /** One execution: 6 minutes. */
  executionMs: number;
  /** Characters in one cell. */
  charsPerCell: number;
  /** Cells in one spreadsheet. */
  cellsPerSpreadsheet: number;
  /** PropertiesService: bytes per value and per store. */
  propertyValueBytes: number;
  propertiesStoreBytes: number;
  /** CacheService: bytes per value, characters per key, longest expiry. */
  cacheValueBytes: number;
  cacheKeyChars: number;
  cacheMaxExpirationSeconds: number;
  /** google.script.run calls one sidebar may have in flight. */
  rpcConcurrentCalls: number;
  /** Installable triggers per user per script. */
  triggersPerUserPerScript: number;
  /** GmailApp reads and writes (sending excluded) a day: 20,000 consumer, 50,000 Workspace. */
  gmailReadWritePerDay: number;
  /** UrlFetchApp calls a day: 20,000 consumer, 100,000 Workspace. */
  urlFetchCallsPerDay: number;
}

/** Limits from https://developers.google.com/apps-script/guides/services/quotas (consumer account). */
export const DEFAULT_QUOTAS: Quotas = {
  emailRecipientsPerDay: 100,
  triggerRuntimeMsPerDay: 90 * 60 * 1000,
  executionMs: 6 * 60 * 1000,
  charsPerCell: 50_000,
  cellsPerSpreadsheet: 10_000_000,
  propertyValueBytes: 9 * 1024,
  propertiesStoreBytes: 500 * 1024,
  cacheValueBytes: 100 * 1024,
  cacheKeyChars: 250,
  cacheMaxExpirationSeconds: 21_600,
  rpcConcurrentCalls: 10,
  triggersPerUserPerScript: 20,
  gmailReadWritePerDay: 20_000,
  urlFetchCallsPerDay: 20_000,
};

/**
 * The latency model behind "estimated real time": each request to a Google server costs what the
 * cost table (costs.ts) says, local calls nothing, each cell read or written a little more. It
 * is charged to the execution's modelled time, so it counts against the 6-minute limit.
 */
export interface Costs {
  /** Overrides the table's cost of every request of a service (tests: a slow MailApp). */
  perCallMs: Partial<Record<ServiceName, number>>;
  perCellMs: number;
}

export const DEFAULT_COSTS: Costs = {
  perCallMs: {},
  perCellMs: 0.01,
};

export interface KernelOptions {
  /** The Apps Script project's name: an add-on menu (createAddonMenu) is titled with it. */
  projectName: string;
  /**
   * 'addon' (default): the Sheets add-on, under the add-on rules (time triggers at most hourly, one
   * per document); 'standalone': a project of its own in Drive, like the official mailbox's,
   * whose time triggers may run every 1–30 minutes.
   */
  projectKind?: 'addon' | 'standalone';
  now: Date | number;
  timeZone: string;
  user: string;
  locale: string;
  quotas: Quotas;
  costs: Costs;
}

export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  [key: string]: unknown;
}

/** What a loaded script offers the kernel: the trigger runner and the servers call through this. */
export interface LoadedScript {
  readonly manifest: Manifest;
  hasFunction(name: string): boolean;
  invoke(name: string, args: unknown[]): unknown;
  /** HTML files of the project, by name without extension (HtmlService.createHtmlOutputFromFile). */
  htmlFile(name: string): string | undefined;
}

const MAX_EXECUTION_LOG = 2000;

export class Kernel {
  readonly clock: VirtualClock;
  readonly meter = new Meter();
  readonly files: FileRegistry;
  readonly quotas: Quotas;
  readonly costs: Costs;
  timeZone: string;
  locale: string;
  readonly projectName: string;
  readonly projectKind: 'addon' | 'standalone';
  /** The user the harness acts as (ws.setUser): runs, menu clicks and RPCs default to them. */
  user: string;
  script: LoadedScript | null = null;

  private readonly stack: Execution[];
  /** Executions with a batch of Spreadsheet writes open (see costs.ts, kind 'write'). */
  private readonly writeBatchOpen = new WeakSet<Execution>();
  /** Injected service failures: "Service:Class.method" → how many calls still fail. */
  private readonly faults = new Map<string, { remaining: number; message: string }>();
  /** Interleavings: before a script's n-th call of "Service:Class.method", run a hook (once). */
  private readonly callHooks: Array<{ key: string; remaining: number; fn: () => void }> = [];
  /** Fault sweeps: the n-th service call from now fails (0: none armed); calls made so far. */
  private sweep = { countdown: 0, message: '', calls: 0, failed: null as string | null, cutOff: false, dead: null as number | null };
  private readonly modules = new Map<string, ServiceModule>();
  private readonly log: ExecutionRecord[] = [];
  private nextExecutionId = 1;
  private idCounter = 0;

  constructor(options: KernelOptions) {
    this.clock = new VirtualClock(options.now);
    this.projectName = options.projectName;
    this.projectKind = options.projectKind ?? 'addon';
    this.timeZone = options.timeZone;
    this.locale = options.locale;
    this.user = options.user;
    this.quotas = options.quotas;
    this.costs = options.costs;
    this.files = new FileRegistry(this);
    this.stack = [new Execution(0, 'harness', 'harness', options.user, 'FULL', this.clock.nowMs(), Infinity)];
  }

  // ---- modules ---------------------------------------------------------------------------

  register<K extends keyof ModuleMap>(module: ModuleMap[K] & { name: K }): void {
    this.modules.set(module.name, module);
  }

  module<K extends keyof ModuleMap>(name: K): ModuleMap[K] {
    const m = this.modules.get(name);
    if (!m) throw new Error(`emulator: module ${name} is not installed`);
    return m as ModuleMap[K];
  }

  allModules(): ServiceModule[] {
    return [...this.modules.values()];
  }

  // ---- ids ---------------------------------------------------------------------------------

  /**
   * A Drive-like id (44 characters of [A-Za-z0-9_-] starting with "1"), deterministic per
   * workspace so snapshots and tests are reproducible.
   */
  newId(kind = 'f'): string {
    this.idCounter += 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let seed = (this.idCounter * 2654435761 + kind.charCodeAt(0) * 40503) >>> 0;
    let body = '';
    for (let i = 0; i < 43; i++) {
      seed = (seed * 1103515245 + 12345 + i) >>> 0;
      body += alphabet[(seed >>> 16) % 64];
    }
    return `1${body.slice(0, 31)}${this.idCounter.toString(36).padStart(12, '0')}`;
  }

  /** Counter state, for snapshots. */
  idState(): number {
    return this.idCounter;
  }

  restoreIdState(counter: number): void {
    this.idCounter = counter;
  }

  // ---- executions --------------------------------------------------------------------------

  current(): Execution {
    return this.stack[this.stack.length - 1];
  }

  /** All executions in progress, outermost first (the harness is index 0). */
  executionStack(): readonly Execution[] {
    return this.stack;
  }

  inScriptExecution(): boolean {
    return this.current().kind !== 'harness';
  }

  /** Runs `fn` as a new execution; its locks are released and it is logged when it ends. */
  runExecution<T>(fn: () => T, options: ExecutionOptions = {}): T {
    const execution = new Execution(
      this.nextExecutionId++,
      options.kind ?? 'call',
      options.label ?? options.kind ?? 'call',
      options.user ?? this.user,
      options.authMode ?? 'FULL',
      this.clock.nowMs(),
      options.limitMs ?? this.quotas.executionMs,
    );
    execution.activeUser = options.activeUser;
    execution.ui = options.ui ?? execution.kind !== 'webapp';
    this.stack.push(execution);
    let error: unknown = null;
    try {
      return fn();
    } catch (e) {
      error = e;
      throw e;
    } finally {
      try {
        execution.end();
      } finally {
        this.stack.pop();
        this.record(execution, error);
      }
    }
  }

  private record(execution: Execution, error: unknown): void {
    this.log.push({
      id: execution.id,
      kind: execution.kind,
      label: execution.label,
      user: execution.user,
      startedAt: new Date(execution.startedMs),
      durationMs: execution.elapsedMs(this.clock.nowMs()),
      status: error === null ? 'completed' : 'failed',
      ...(error === null ? {} : { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    });
    if (this.log.length > MAX_EXECUTION_LOG) this.log.splice(0, this.log.length - MAX_EXECUTION_LOG);
  }

  executions(): readonly ExecutionRecord[] {
    return this.log;
  }

  /** Runs a function of the loaded script: in the current execution if one is running, else in a new one. */
  runScript(name: string, args: unknown[], options: ExecutionOptions = {}): unknown {
    const script = this.script;
    if (!script) throw new Error('emulator: no script loaded (call ws.load(dir) first)');
    if (!script.hasFunction(name)) throw new AppsScriptException(`Script function not found: ${name}`);
    if (this.inScriptExecution() && options.kind === undefined) return script.invoke(name, args);
    return this.runExecution(() => script.invoke(name, args), { label: name, ...options });
  }

  // ---- metering ----------------------------------------------------------------------------

  /**
   * Every method a script calls on a service object goes through here (see `facade.ts`): the
   * execution's time limit, its auth mode and the manifest's scopes are checked, then the call
   * is counted and, if it is a request to a server (costs.ts), its modelled latency charged.
   */
  call<T>(service: ServiceName, method: string, fn: () => T): T {
    const execution = this.current();
    if (execution.kind !== 'harness') {
      if (execution.elapsedMs(this.clock.nowMs()) > execution.limitMs) {
        throw new AppsScriptException('Exceeded maximum execution time');
      }
      this.checkAuthorization(execution.authMode, service, method);
      if (this.callHooks.length) this.runCallHooks(`${service}:${method}`);
    }
    this.sweep.calls += 1;
    const requestMs = this.requestCost(execution, service, method);
    if (this.sweep.dead !== null && this.executionStack().some((e) => e.id === this.sweep.dead)) {
      // A cut-off execution: every call it (or anything it started) makes from then on fails.
      this.meter.begin(service, method, requestMs);
      this.meter.end(null);
      throw new AppsScriptException(this.sweep.message);
    }
    if (this.sweep.countdown > 0 && --this.sweep.countdown === 0) {
      this.sweep.failed = `${service}:${method}`;
      if (this.sweep.cutOff) this.sweep.dead = execution.id;
      this.meter.begin(service, method, requestMs);
      this.meter.end(null);
      throw new AppsScriptException(this.sweep.message);
    }
    const fault = this.faults.get(`${service}:${method}`);
    if (fault && fault.remaining > 0) {
      fault.remaining -= 1;
      this.meter.begin(service, method, requestMs);
      this.meter.end(null);
      throw new AppsScriptException(fault.message);
    }
    const previous = this.meter.begin(service, method, requestMs);
    if (requestMs !== null) this.spend(execution, requestMs);
    try {
      return fn();
    } finally {
      this.meter.end(previous);
    }
  }

  /**
   * The cost of the request this call makes, or null when it makes none (a local call, a flush,
   * or a Spreadsheet write joining the batch already open in this execution).
   */
  private requestCost(execution: Execution, service: ServiceName, method: string): number | null {
    const cost = costOf(service, method);
    const ms = this.costs.perCallMs[service] ?? cost.ms;
    switch (cost.kind) {
      case 'local':
        return null;
      case 'flush':
        this.writeBatchOpen.delete(execution);
        return null;
      case 'read':
        this.writeBatchOpen.delete(execution);
        return ms;
      case 'write':
        if (this.writeBatchOpen.has(execution)) return null;
        this.writeBatchOpen.add(execution);
        return ms;
      case 'request':
        return ms;
    }
  }

  private checkAuthorization(authMode: AuthModeName, service: ServiceName, method: string): void {
    if (authMode === 'NONE' && !allowedInAuthNone(service, method)) {
      throw new AppsScriptException(
        `You do not have permission to call ${method} in this authorization mode (AuthMode.NONE).`,
      );
    }
    const declared = this.script?.manifest.oauthScopes;
    if (!declared) return;
    const needed = requiredScopes(service, method);
    if (needed && !needed.some((scope) => declared.includes(scope))) {
      throw new AppsScriptException(permissionMessage(method, needed));
    }
  }

  /**
   * Another execution comes in between two of a script's service calls, as Apps Script runs
   * executions side by side: `fn` runs (once) just before the `nth` call of `key`
   * ("Service:Class.method", or "*" for any) that a script makes from now on; the harness's own
   * calls do not count.
   */
  beforeCall(key: string, nth: number, fn: () => void): void {
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`beforeCall: ${nth} is not a call number`);
    this.callHooks.push({ key, remaining: nth, fn });
  }

  private runCallHooks(key: string): void {
    for (const hook of [...this.callHooks]) {
      if ((hook.key !== key && hook.key !== '*') || --hook.remaining > 0) continue;
      this.callHooks.splice(this.callHooks.indexOf(hook), 1);
      hook.fn();
    }
  }

  /**
   * Makes the next `times` calls of a method fail as Apps Script services do now and then
   * ("Service Spreadsheets failed while accessing document with id …"), to prove nothing is lost.
   */
  injectFault(service: ServiceName, method: string, times: number, message?: string): void {
    this.faults.set(`${service}:${method}`, { remaining: times, message: message ?? `Service ${service} failed while accessing the document.` });
  }

  /**
   * Fault sweeps: the `n`-th service call from now (any service, any method) throws as a
   * transient failure would. Returns nothing; `sweepState()` tells how many calls were made
   * since and which one failed.
   */
  failNthCall(n: number, message = 'Service error: Spreadsheets (transient failure injected by a fault sweep)'): void {
    this.sweep = { countdown: n, message, calls: 0, failed: null, cutOff: false, dead: null };
  }

  /**
   * Fault sweeps over a cut-off: the script execution making the `n`-th service call from now
   * dies there — that call and every later one it makes throw "Exceeded maximum execution time",
   * as when Apps Script stops an execution at its time limit; its locks are released when it
   * ends. `sweepState()` as for failNthCall.
   */
  cutOffAtCall(n: number): void {
    this.sweep = { countdown: n, message: 'Exceeded maximum execution time', calls: 0, failed: null, cutOff: true, dead: null };
  }

  sweepState(): { calls: number; failed: string | null; armed: boolean } {
    return { calls: this.sweep.calls, failed: this.sweep.failed, armed: this.sweep.countdown > 0 };
  }

  cellsRead(n: number): void {
    this.meter.cellsRead(n, n * this.costs.perCellMs);
    this.spend(this.current(), n * this.costs.perCellMs);
  }

  cellsWritten(n: number): void {
    this.meter.cellsWritten(n, n * this.costs.perCellMs);
    this.spend(this.current(), n * this.costs.perCellMs);
  }

  /**
   * A service call takes time: in a script's execution the clock moves by the modelled latency,
   * so the script's own Date.now() sees time pass as it would in Apps Script, and the 6-minute
   * limit is reached by work, not only by waiting. The test harness's own calls are free.
   */
  private spend(execution: Execution, ms: number): void {
    if (execution.kind === 'harness' || ms <= 0) return;
    execution.modeledMs += ms;
    this.clock.advance(ms);
  }

  /** Waiting (a lock, Utilities.sleep) takes real time: the clock moves for everyone. */
  wait(ms: number): void {
    this.clock.advance(ms);
  }

  // ---- time ----------------------------------------------------------------------------------

  now(): Date {
    return this.clock.now();
  }
}
