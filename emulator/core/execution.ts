/**
 * Apps Script runs every trigger, menu click and google.script.run call as its own execution:
 * its own user, auth mode, 6-minute limit and locks. The emulator keeps a stack of them; the
 * bottom one is the test harness itself (no time limit), and `ws.execution()` pushes another one
 * that runs "concurrently" with the one below it — a lock held below is busy inside it.
 */
export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';
export type ExecutionKind = 'harness' | 'call' | 'trigger' | 'rpc' | 'menu' | 'concurrent' | 'webapp';

export interface ExecutionOptions {
  user?: string;
  authMode?: AuthModeName;
  kind?: ExecutionKind;
  /** What ran, for the execution log (a function name, a trigger's handler …). */
  label?: string;
  /** Overrides the 6-minute limit (e.g. 30 s for custom functions). */
  limitMs?: number;
  /**
   * The person at the keyboard when the script runs as someone else: a web app that executes as
   * the user who deployed it ('' for an anonymous visitor). Session.getActiveUser() reads it.
   */
  activeUser?: string;
  /**
   * Whether the execution has a document open in a browser to show menus, dialogs and sidebars
   * in. Apps Script refuses SpreadsheetApp.getUi() without one — in web app executions
   * (doGet/doPost and google.script.run from a web app page) and in time-driven and form-submit
   * triggers: "Exception: Cannot call SpreadsheetApp.getUi() from this context." (seen live in
   * time-driven runs: github.com/davepar/gcalendarsync/issues/93, /issues/50;
   * github.com/diegomanuel/binance-to-google-sheets/issues/107). Default: true, except for
   * executions of kind 'webapp'.
   */
  ui?: boolean;
}

export interface ExecutionRecord {
  id: number;
  kind: ExecutionKind;
  label: string;
  user: string;
  startedAt: Date;
  /** Virtual wall time plus the modelled latency of the service calls it made. */
  durationMs: number;
  status: 'completed' | 'failed';
  error?: string;
}

export class Execution {
  /** Modelled time spent inside service calls (already on the clock; kept for reports). */
  modeledMs = 0;
  /** See ExecutionOptions.activeUser; undefined when the script runs as the person at the keyboard. */
  activeUser: string | undefined = undefined;
  /** See ExecutionOptions.ui. */
  ui = true;
  private readonly endHooks: Array<() => void> = [];

  constructor(
    readonly id: number,
    readonly kind: ExecutionKind,
    readonly label: string,
    readonly user: string,
    readonly authMode: AuthModeName,
    readonly startedMs: number,
    readonly limitMs: number,
  ) {}

  elapsedMs(nowMs: number): number {
    return nowMs - this.startedMs;
  }

  /** Runs when the execution ends, whatever way it ends (Apps Script releases locks then). */
  onEnd(hook: () => void): void {
    this.endHooks.push(hook);
  }

  end(): void {
    for (const hook of this.endHooks.splice(0).reverse()) hook();
  }
}
