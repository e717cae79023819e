/**
 * The emulator's public contract (see ../shared/architecture.md, "The emulator contract"):
 * tests, the benchmark and the local server build a workspace here and drive it only through
 * this object.
 */
import { decodeState, encodeState } from './core/json';
import { AppsScriptException } from './core/errors';
import { DEFAULT_COSTS, DEFAULT_QUOTAS, Kernel, type Costs, type Manifest, type Quotas } from './core/kernel';
import type { ExecutionOptions, ExecutionRecord } from './core/execution';
import type { StatsReport } from './core/meter';
import type { DriveFileRecord } from './core/files';
import { readProjectDir, ScriptRealm, type ScriptFiles } from './core/realm';
import { AuthMode } from './core/shared-enums';
import type {
  FormModel,
  LogEntry,
  MenuModel,
  SentMail,
  ShownHtml,
  SpreadsheetView,
  SubmitResult,
  TriggerInfo,
  TriggerRun,
  UiEvent,
  WebAppResponse,
} from './core/modules';
import { installServices } from './services';
import type { IncomingMail, ThreadView } from './services/gmail/model';
import type { NetworkHandler, NetworkRequest, NetworkResponse } from './services/urlfetch';
import type { LockHold, LockWaiter } from './services/lock';
import { argsFromClient, asClientSees, responseOf, type RpcResponse } from './server/rpc';

export interface WorkspaceOptions {
  /** The Apps Script project's name (default "Hòm thư số"): add-on menus carry it. */
  projectName?: string;
  /**
   * 'addon' (default): the Sheets add-on bound to the ward's spreadsheet; 'standalone': a project
   * of its own (the official mailbox's), whose time triggers may run every 1–30 minutes.
   */
  projectKind?: 'addon' | 'standalone';
  /** Virtual start time (default 2026-05-22 08:00 in Hà Nội: the day the model was launched). */
  now?: Date | number | string;
  /** The script's and spreadsheets' time zone (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** The person at the keyboard (default admin@luukiem.example). */
  user?: string;
  /** Spreadsheet locale (default vi_VN). */
  locale?: string;
  quotas?: Partial<Quotas>;
  costs?: Partial<Costs>;
  /** A string from ws.snapshot(): restores that state (options above are ignored then). */
  snapshot?: string;
}

export type RunOptions = ExecutionOptions;

/** What a hand edit changed, as Apps Script's change event names it. */
export interface HandEditOptions {
  user?: string;
  changeType?: 'EDIT' | 'INSERT_ROW' | 'INSERT_COLUMN' | 'REMOVE_ROW' | 'REMOVE_COLUMN' | 'INSERT_GRID' | 'REMOVE_GRID' | 'FORMAT' | 'OTHER';
  /** The edited cells (cell edits): sheet name and 1-based position. */
  range?: { sheet: string; row: number; column: number; numRows?: number; numColumns?: number };
  value?: unknown;
}

export interface App {
  /** Calls a global function of the script, as a menu item, trigger or RPC would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Same, with explicit execution options (user, auth mode, kind). */
  run(name: string, args?: unknown[], options?: RunOptions): unknown;
  functionNames(): string[];
  manifest: ScriptFiles['manifest'];
  /** Adds one more .js file to the project (shares the global scope). */
  addFile(name: string, source: string): void;
  html(name: string): string | undefined;
}

interface SnapshotData {
  version: 1;
  clock: number;
  timeZone: string;
  locale: string;
  user: string;
  projectKind?: 'addon' | 'standalone';
  ids: number;
  files: DriveFileRecord[];
  modules: Record<string, unknown>;
}

/**
 * Apps Script evaluates a script's local-time Date methods (getHours, getDate …) in the project's
 * time zone. Scripts run in this process, so its zone must be that one: Node re-reads TZ when it
 * is assigned, except where the environment is sandboxed (jest), which must set it up front.
 */
function useHostTimeZone(timeZone: string): void {
  process.env.TZ = timeZone;
  const probe = new Date(Date.UTC(2026, 0, 1, 12));
  const zoned = Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(probe));
  if (probe.getHours() !== zoned) {
    throw new Error(`emulator: this process runs in another time zone than ${timeZone}; start it with TZ=${timeZone}`);
  }
}

/**
 * A name google.script.run can reach: private functions (ending in "_") are not offered to the
 * client ("Private functions": https://developers.google.com/apps-script/guides/html/communication#private_functions).
 */
function clientCallable(fn: string): string {
  if (typeof fn !== 'string' || fn.endsWith('_')) throw new AppsScriptException(`Script function not found: ${String(fn)}`);
  return fn;
}

/**
 * Advanced services, by the serviceId a manifest enables them with: a script sees one only under
 * the userSymbol its manifest's dependencies.enabledAdvancedServices gives it
 * (https://developers.google.com/apps-script/manifest/dependencies); the built-in services always.
 */
const ADVANCED_SERVICES: Record<string, { global: string; version: string }> = { docs: { global: 'Docs', version: 'v1' }, drive: { global: 'Drive', version: 'v3' } };

function scriptGlobals(globals: Record<string, unknown>, manifest: Manifest): Record<string, unknown> {
  const out = { ...globals };
  for (const { global } of Object.values(ADVANCED_SERVICES)) delete out[global];
  const enabled = ((manifest.dependencies as { enabledAdvancedServices?: Array<{ userSymbol?: string; serviceId?: string; version?: string }> } | undefined)?.enabledAdvancedServices ?? []);
  for (const service of enabled) {
    const known = service.serviceId ? ADVANCED_SERVICES[service.serviceId] : undefined;
    if (!known || service.version !== known.version || !service.userSymbol) throw new Error(`emulator: advanced service ${JSON.stringify(service)} is not modelled`);
    out[service.userSymbol] = globals[known.global];
  }
  return out;
}

export function createWorkspace(options: WorkspaceOptions = {}) {
  const saved = options.snapshot ? decodeState<SnapshotData>(options.snapshot) : null;
  const timeZone = saved?.timeZone ?? options.timeZone ?? 'Asia/Ho_Chi_Minh';
  useHostTimeZone(timeZone);
  const kernel = new Kernel({
    projectName: options.projectName ?? 'Hòm thư số',
    projectKind: saved?.projectKind ?? options.projectKind ?? 'addon',
    now: saved?.clock ?? (options.now !== undefined ? new Date(options.now) : new Date('2026-05-22T08:00:00+07:00')),
    timeZone,
    locale: saved?.locale ?? options.locale ?? 'vi_VN',
    user: saved?.user ?? options.user ?? 'admin@luukiem.example',
    quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
    costs: { ...DEFAULT_COSTS, ...options.costs, perCallMs: { ...DEFAULT_COSTS.perCallMs, ...options.costs?.perCallMs } },
  });
  installServices(kernel);
  if (saved) {
    kernel.restoreIdState(saved.ids);
    kernel.files.restore(saved.files);
    for (const module of kernel.allModules()) {
      if (module.name in saved.modules) module.restore(saved.modules[module.name]);
    }
  }

  const globals: Record<string, unknown> = {};
  for (const module of kernel.allModules()) Object.assign(globals, module.globals());

  let app: (App & { realm: ScriptRealm }) | null = null;

  /** google.script.run from the sidebar or a dialog, as the person at the keyboard. */
  const sidebarCall = (fn: string, args: unknown[], user: string | undefined) => () =>
    kernel.runScript(clientCallable(fn), argsFromClient(args), { kind: 'rpc', label: fn, user: user ?? kernel.user });
  /** google.script.run from a page the web app served, run as the web app runs for the visitor. */
  const webAppCall = (fn: string, args: unknown[], user: string | undefined) => () =>
    kernel.module('webapp').rpc(clientCallable(fn), argsFromClient(args), user ?? kernel.user);

  // The kernel stays inside: tests, the benchmark and the ward reach it only through the named
  // methods below.
  const ws = {
    /** Apps Script globals keyed by their names, for tests that call services directly. */
    globals,

    /** Loads a built project (default `build/`) and makes it the workspace's script. */
    load(dirOrFiles: string | ScriptFiles = 'build'): App {
      const files = typeof dirOrFiles === 'string' ? readProjectDir(dirOrFiles) : dirOrFiles;
      if (files.manifest.timeZone) {
        kernel.timeZone = files.manifest.timeZone;
        useHostTimeZone(files.manifest.timeZone);
      }
      // A "webapp" section is checked as a deployment would check it, and deploys the web app once.
      kernel.module('webapp').loaded(files.manifest);
      const realm = new ScriptRealm(kernel, files, scriptGlobals(globals, files.manifest));
      kernel.script = realm;
      app = {
        realm,
        manifest: realm.manifest,
        call: (name, ...args) => kernel.runScript(name, args),
        run: (name, args = [], runOptions) => kernel.runScript(name, args, { kind: 'call', ...runOptions }),
        functionNames: () => realm.functionNames(),
        addFile: (name, source) => realm.addFile(name, source),
        html: (name) => realm.htmlFile(name),
      };
      return app;
    },

    get app(): App | null {
      return app;
    },

    /**
     * A person opens the bound spreadsheet: the simple onOpen trigger runs with the event object
     * Apps Script gives it ({authMode, source, user}). Add-ons not yet used in a document get
     * AuthMode.NONE; after that, LIMITED.
     */
    open(authMode: 'NONE' | 'LIMITED' = 'LIMITED'): void {
      const script = kernel.script;
      if (!script?.hasFunction('onOpen')) return;
      const ssId = kernel.module('spreadsheet').activeId();
      const source = authMode === 'NONE' || !ssId ? undefined : kernel.module('spreadsheet').facade(ssId);
      kernel.runScript('onOpen', [{ authMode: AuthMode[authMode], source, user: undefined }], { kind: 'menu', authMode, label: 'onOpen' });
    },

    spreadsheets: {
      create: (name: string, opts?: { owner?: string; locale?: string }): string => kernel.module('spreadsheet').create(name, opts),
      activeId: (): string | null => kernel.module('spreadsheet').activeId(),
      setActive: (id: string | null): void => kernel.module('spreadsheet').setActive(id),
      list: () => kernel.module('spreadsheet').list(),
      view: (id: string): SpreadsheetView => kernel.module('spreadsheet').view(id),
      /**
       * A Range facade over cells of a spreadsheet (1-based row and column; the sheet by its id),
       * as an event object carries it — e.g. to deliver a form-submit event a second time.
       */
      range: (id: string, sheetId: number, row: number, column: number, numRows = 1, numColumns = 1): GoogleAppsScript.Spreadsheet.Range =>
        kernel.module('spreadsheet').rangeFacade(id, sheetId, row, column, numRows, numColumns),
    },

    ui: {
      menus: (): MenuModel[] => kernel.module('html').menus(),
      sidebars: (): ShownHtml[] => kernel.module('html').shown().filter((h) => h.kind === 'sidebar'),
      dialogs: (): ShownHtml[] => kernel.module('html').shown().filter((h) => h.kind !== 'sidebar'),
      events: (): UiEvent[] => kernel.module('html').uiEvents(),
      respond: (response: { button: string; text?: string }): void => kernel.module('html').queueUiResponse(response),
      /**
       * A person picks a menu item: its function runs in an execution of kind 'menu' as `user`
       * (default: the workspace's user). The item is not looked up in the menus.
       */
      runMenuItem: (functionName: string, options: { user?: string } = {}): unknown =>
        kernel.runScript(functionName, [], { kind: 'menu', label: functionName, user: options.user ?? kernel.user }),
    },

    forms: {
      list: () => kernel.module('forms').list(),
      model: (formId: string): FormModel => kernel.module('forms').model(formId),
      idFromUrl: (url: string): string | null => kernel.module('forms').idFromUrl(url),
      submit: (formId: string, answers: Record<string, string | string[]>, opts?: { respondentEmail?: string }): SubmitResult =>
        kernel.module('forms').submit(formId, answers, opts),
    },

    documents: {
      list: () => kernel.module('documents').list(),
      html: (id: string): string => kernel.module('documents').renderHtml(id),
      text: (id: string): string => kernel.module('documents').text(id),
    },

    /**
     * The loaded script as a web app (its manifest's "webapp" section): a visitor opens
     * <url><tail>, where `tail` is what follows /exec ('', '?code=GY-1', '/lookup?x=1'); `user: ''`
     * is an anonymous visitor (default: the workspace's user). Each request is one execution of
     * kind 'webapp' running doGet(e) / doPost(e) with Apps Script's event object.
     * https://developers.google.com/apps-script/guides/web
     */
    webapp: {
      get: (tail = '', options: { user?: string } = {}): WebAppResponse =>
        kernel.module('webapp').request({ method: 'GET', tail, user: options.user ?? kernel.user }),
      post: (tail: string, body: string, contentType: string, options: { user?: string } = {}): WebAppResponse =>
        kernel.module('webapp').request({ method: 'POST', tail, body, contentType, user: options.user ?? kernel.user }),
      /** https://script.google.com/macros/s/<deploymentId>/exec, or null when the script is no web app. */
      url: (): string | null => kernel.module('webapp').url(),
      /** This web app as another workspace's UrlFetchApp reaches it (see ws.network.connect). */
      endpoint: (): { prefixes: string[]; handle: NetworkHandler } => kernel.module('webapp').endpoint(),
      /** Who deployed it (USER_DEPLOYING runs as them). */
      deployer: (): string | null => kernel.module('webapp').deployer(),
      /**
       * google.script.run from a page the web app served — where anyone, signed in or not, can
       * type it into the browser console: the arguments cross as the client serialises them, the
       * function runs as the web app runs (executeAs; Session.getActiveUser() is '' for anonymous
       * and outside visitors), and the result is what the page's handlers receive (a failure is
       * thrown with its name and message). `user: ''` is an anonymous visitor.
       */
      run: (fn: string, args: unknown[] = [], options: { user?: string } = {}): unknown => asClientSees(webAppCall(fn, args, options.user)),
      /** The same call as the page's bridge receives it: { ok, value } or { ok: false, error }. */
      respond: (fn: string, args: unknown[] = [], options: { user?: string } = {}): RpcResponse => responseOf(webAppCall(fn, args, options.user)),
    },

    /**
     * google.script.run from the sidebar (or a dialog) of the bound spreadsheet: it runs as the
     * person at the keyboard (`user`, default the workspace's user), with the client's argument
     * and result rules, as ws.webapp.run.
     */
    sidebar: {
      run: (fn: string, args: unknown[] = [], options: { user?: string } = {}): unknown => asClientSees(sidebarCall(fn, args, options.user)),
      /** The same call as the sidebar's bridge receives it: { ok, value } or { ok: false, error }. */
      respond: (fn: string, args: unknown[] = [], options: { user?: string } = {}): RpcResponse => responseOf(sidebarCall(fn, args, options.user)),
    },

    clock: {
      now: (): Date => kernel.clock.now(),
      advance: (ms: number): void => kernel.clock.advance(ms),
      setTo: (when: Date | number | string): void => kernel.clock.setTo(new Date(when)),
    },

    triggers: (): TriggerInfo[] => kernel.module('script').triggers(),
    runDueTriggers: (): TriggerRun[] => kernel.module('script').runDue(),
    /**
     * Delivers an event to the installed triggers of `eventType` (ScriptApp.EventType name:
     * ON_FORM_SUBMIT, ON_EDIT, ON_CHANGE, ON_OPEN) on the bound spreadsheet, each as its owner
     * — as Apps Script may deliver an event again. `makeEvent` gets each trigger's uid.
     */
    fireTriggers: (eventType: 'ON_FORM_SUBMIT' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_OPEN', makeEvent: (triggerUid: string) => Record<string, unknown>): TriggerRun[] => {
      const ssId = kernel.module('spreadsheet').activeId();
      if (!ssId) throw new Error('emulator: no bound spreadsheet to fire triggers on');
      return kernel.module('script').fire(ssId, eventType, makeEvent);
    },

    /**
     * A person edits the bound spreadsheet by hand (in the Sheets UI, not from a script): `edit`
     * runs as that person (protections apply), then the triggers Apps Script fires for a hand
     * edit run: for a cell edit (changeType EDIT, with `range`) the simple onEdit(e) in LIMITED
     * mode and installed on-edit triggers; for every change the installed on-change triggers
     * (rows or columns inserted or removed fire on-change only).
     * https://developers.google.com/apps-script/guides/triggers#onedite
     * https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events
     * Scripts' own writes never fire them.
     */
    handEdit<T>(edit: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T, opts: HandEditOptions = {}): T {
      const sheets = kernel.module('spreadsheet');
      const ssId = sheets.activeId();
      if (!ssId) throw new Error('emulator: no active spreadsheet to edit');
      const user = opts.user ?? kernel.user;
      const result = kernel.runExecution(() => edit(sheets.facade(ssId)), { kind: 'concurrent', user, label: 'hand edit' });
      const changeType = opts.changeType ?? 'EDIT';
      const userObject = { email: user, nickname: user.split('@')[0] };
      const rangeOf = () => {
        if (!opts.range) return undefined;
        const sheet = sheets.view(ssId).sheets.find((x) => x.name === opts.range!.sheet);
        if (!sheet) throw new Error(`emulator: no sheet ${opts.range.sheet}`);
        return sheets.rangeFacade(ssId, sheet.sheetId, opts.range.row, opts.range.column, opts.range.numRows ?? 1, opts.range.numColumns ?? 1);
      };
      if (changeType === 'EDIT' && opts.range) {
        const script = kernel.script;
        if (script?.hasFunction('onEdit')) {
          try {
            kernel.runScript('onEdit', [{ authMode: AuthMode.LIMITED, range: rangeOf(), source: sheets.facade(ssId), user: userObject, value: opts.value }], { kind: 'trigger', authMode: 'LIMITED', user, label: 'onEdit' });
          } catch {
            // A failing simple trigger is logged as a failed execution; the edit itself stands.
          }
        }
        kernel.module('script').fire(ssId, 'ON_EDIT', (triggerUid) => ({ authMode: AuthMode.FULL, range: rangeOf(), source: sheets.facade(ssId), triggerUid, user: userObject, value: opts.value }));
      }
      kernel.module('script').fire(ssId, 'ON_CHANGE', (triggerUid) => ({ authMode: AuthMode.FULL, changeType, source: sheets.facade(ssId), triggerUid, user: userObject }));
      return result;
    },

    setUser(email: string): void {
      kernel.user = email;
    },
    user: (): string => kernel.user,
    /** The script's time zone (the manifest's, once loaded). */
    timeZone: (): string => kernel.timeZone,

    /** The quotas in force (a copy); setQuotas changes some of them from now on. */
    quotas: (): Quotas => ({ ...kernel.quotas }),
    setQuotas(quotas: Partial<Quotas>): void {
      Object.assign(kernel.quotas, quotas);
    },

    /** Runs fn as another, concurrent execution (a lock held by the caller is busy inside it). */
    execution<T>(fn: () => T, opts: RunOptions = {}): T {
      return kernel.runExecution(fn, { kind: 'concurrent', ...opts });
    },
    executions: (): readonly ExecutionRecord[] => kernel.executions(),
    /**
     * Another execution comes in between two of a script's calls: `fn` (which typically runs
     * ws.execution) runs once, just before the `nth` call of `method` ("Service:Class.method",
     * e.g. "MailApp:MailApp.sendEmail"; "*": any call) that a script makes from now on.
     */
    beforeCall: (method: string, nth: number, fn: () => void): void => kernel.beforeCall(method, nth, fn),
    locks: {
      /** Every hold of a lock: which, by which execution, when, how long (modelled clock), how long it was waited for. */
      holds: (): LockHold[] => kernel.module('lock').holds(),
      /**
       * An execution arrives now wanting the document lock: `fn` runs as a concurrent execution at
       * once if the lock is free, else when its holder releases it; its first tryLock then
       * succeeds if it had waited no longer than its timeout. The result is filled in when it ran.
       */
      whenFree: <T>(fn: () => T, opts: RunOptions = {}): LockWaiter<T> => kernel.module('lock').whenFree(fn, opts),
    },

    mail: { outbox: (): SentMail[] => kernel.module('mail').outbox() },

    /** Drive's files as the registry holds them (bytes base64), e.g. what the advanced Drive service stored. */
    drive: {
      files: (): DriveFileRecord[] => kernel.files.list().map((f) => ({ ...f, parents: [...f.parents] })),
      file: (id: string): DriveFileRecord | undefined => kernel.files.get(id),
    },

    /**
     * The Gmail account GmailApp works on (default: the workspace's user): residents' mail arrives
     * with `deliver`, a Gmail filter labelling incoming threads is `filter(label)`, and `thread` /
     * `threads` show what is there (replies the script sent included).
     */
    gmail: {
      account: (): string => kernel.module('gmail').account(),
      setAccount: (email: string): void => kernel.module('gmail').setAccount(email),
      setAliases: (aliases: string[]): void => kernel.module('gmail').setAliases(aliases),
      filter: (label: string): void => kernel.module('gmail').filter(label),
      deliver: (mail: IncomingMail): { messageId: string; threadId: string } => kernel.module('gmail').deliver(mail),
      threads: (): ThreadView[] => kernel.module('gmail').threads(),
      thread: (messageId: string): ThreadView | null => kernel.module('gmail').thread(messageId),
    },

    /**
     * Where this workspace's UrlFetchApp requests go: `route(prefix, handler)` sends requests whose
     * URL starts with prefix to handler (anything unrouted is "Address unavailable");
     * `connect(other)` routes to another workspace's web app (its /exec URL and Google's one-time
     * echo URL), e.g. the official mailbox's project reaching the ward's web app.
     */
    network: {
      route: (prefix: string, handler: NetworkHandler): void => kernel.module('urlfetch').route(prefix, handler),
      connect(other: { webapp: { endpoint(): { prefixes: string[]; handle: NetworkHandler } } }): void {
        const { prefixes, handle } = other.webapp.endpoint();
        for (const prefix of prefixes) kernel.module('urlfetch').route(prefix, handle);
      },
      log: () => kernel.module('urlfetch').log(),
    },

    /** Transient service failures on demand: the next `times` calls of `method` throw. */
    faults: {
      inject: (service: Parameters<Kernel['injectFault']>[0], method: string, times: number, message?: string): void => kernel.injectFault(service, method, times, message),
      /** Fault sweeps: the n-th service call from now fails, whatever it is; 0 disarms. */
      failNthCall: (n: number, message?: string): void => kernel.failNthCall(n, message),
      /** Cut-off sweeps: the execution making the n-th service call from now dies there (that call and all its later ones fail). */
      cutOffAtCall: (n: number): void => kernel.cutOffAtCall(n),
      /** Calls made since failNthCall, and which one failed ("Service:method"), if any. */
      sweepState: () => kernel.sweepState(),
    },
    logs: (): LogEntry[] => kernel.module('logger').entries(),

    stats: (): StatsReport => kernel.meter.report(),
    resetStats: (): void => kernel.meter.reset(),

    /** The whole state as a string (Dates preserved); createWorkspace({ snapshot }) restores it. */
    snapshot(): string {
      const data: SnapshotData = {
        version: 1,
        clock: kernel.clock.nowMs(),
        timeZone: kernel.timeZone,
        locale: kernel.locale,
        user: kernel.user,
        projectKind: kernel.projectKind,
        ids: kernel.idState(),
        files: kernel.files.save(),
        modules: Object.fromEntries(kernel.allModules().map((m) => [m.name, m.save()])),
      };
      return encodeState(data);
    },
  };
  return ws;
}

export type Workspace = ReturnType<typeof createWorkspace>;
export { AppsScriptException, NotImplementedInEmulator } from './core/errors';
export { FORM_REFUSALS, FormValidationError, isFormValidationError } from './services/forms';
export type { Counts, ServiceStats, StatsReport } from './core/meter';
export { COST_TABLE, costOf, type CallKind, type CostRule } from './core/costs';
export type { LockHold, LockWaiter } from './services/lock';
export type * from './core/modules';
export type { IncomingMail, ThreadView, NetworkHandler, NetworkRequest, NetworkResponse };
