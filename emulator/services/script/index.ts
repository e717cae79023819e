/**
 * ScriptApp's installable triggers: https://developers.google.com/apps-script/reference/script/script-app
 * The project is an Editor add-on, so the add-on rules apply
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers): one trigger of each
 * event type per user per document, time-driven triggers at most hourly; plus the quotas of
 * https://developers.google.com/apps-script/guides/services/quotas (20 triggers per user per
 * script, 90 minutes of trigger runtime a day).
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { makeEnum } from '../../core/enums';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { ScriptModule, TriggerInfo, TriggerRun } from '../../core/modules';
import { Published, publish } from '../../core/published';
import { AuthMode } from '../../core/shared-enums';
import { wallTime } from '../spreadsheet/zoned';

export const EventType = makeEnum('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const WeekDay = makeEnum('WeekDay', ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);

const HOUR = 3_600_000;
const TOO_MUCH_TIME = 'Service using too much computer time for one day. Try again tomorrow.';

interface TriggerData extends TriggerInfo {
  /** One-shot clock triggers (after / at). */
  once?: boolean;
}

class Trigger {
  constructor(readonly _data: TriggerData) {}
  getUniqueId(): string {
    return this._data.uid;
  }
  getHandlerFunction(): string {
    return this._data.handlerFunction;
  }
  getEventType(): unknown {
    return EventType[this._data.eventType as keyof typeof EventType];
  }
  getTriggerSource(): unknown {
    return TriggerSource[this._data.triggerSource as keyof typeof TriggerSource];
  }
  getTriggerSourceId(): string | null {
    return this._data.sourceId;
  }
}

class ScriptModuleImpl implements ScriptModule {
  readonly name = 'script' as const;
  private list: TriggerData[] = [];
  private nextUid = 1;
  private scriptId: string;
  /** Trigger runtime used, per user per day (yyyy-m-d in the script's zone). */
  private runtime: Record<string, number> = {};
  /** Access tokens handed out by getOAuthToken: token → its user, the script's scopes, its expiry (ms). */
  private tokens = new Map<string, { user: string; scopes: string[] | null; expires: number }>();

  constructor(readonly kernel: Kernel) {
    this.scriptId = kernel.newId('s');
  }

  /**
   * ScriptApp.getOAuthToken(): "Gets the OAuth 2.0 access token for the effective user"
   * (https://developers.google.com/apps-script/reference/script/script-app#getOAuthToken()), good
   * for the scopes the script holds; Google's access tokens last an hour
   * (https://developers.google.com/identity/protocols/oauth2: "Access tokens have limited
   * lifetimes"; expires_in 3599). The emulator's token is an opaque random string.
   */
  issueToken(): string {
    const token = `ya29.emulated-${this.kernel.newId('t')}-${Math.random().toString(36).slice(2)}`;
    this.tokens.set(token, { user: this.kernel.current().user, scopes: this.kernel.script?.manifest.oauthScopes ?? null, expires: this.kernel.clock.nowMs() + 3_600_000 });
    return token;
  }

  tokenInfo(token: string): { user: string; scopes: string[] | null } | null {
    const t = this.tokens.get(token);
    if (!t || t.expires <= this.kernel.clock.nowMs()) return null;
    return { user: t.user, scopes: t.scopes };
  }

  triggers(): TriggerInfo[] {
    return this.list.map((t) => ({ ...t }));
  }

  trigger(data: TriggerData): unknown {
    return expose(this.kernel, 'ScriptApp', 'Trigger', new Trigger(data));
  }

  add(data: Omit<TriggerData, 'uid' | 'owner'>): unknown {
    const owner = this.kernel.current().user;
    const mine = this.list.filter((t) => t.owner === owner);
    if (mine.length >= this.kernel.quotas.triggersPerUserPerScript) {
      throw new AppsScriptException('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (data.eventType !== 'CLOCK' && mine.some((t) => t.eventType === data.eventType && t.sourceId === data.sourceId)) {
      throw new AppsScriptException(`This add-on has created too many ${data.eventType.toLowerCase()} triggers in this document for this Google user account. Only 1 is allowed.`);
    }
    if (data.eventType === 'CLOCK' && this.kernel.projectKind === 'addon' && mine.some((t) => t.eventType === 'CLOCK' && t.sourceId === data.sourceId)) {
      throw new AppsScriptException('This add-on has created too many time-based triggers in this document for this Google user account. Only 1 is allowed.');
    }
    const full: TriggerData = { ...data, uid: String(this.nextUid++ * 7919 + 1000000), owner };
    this.list.push(full);
    return this.trigger(full);
  }

  remove(uid: string): void {
    const owner = this.kernel.current().user;
    const t = this.list.find((x) => x.uid === uid);
    if (!t) return;
    if (t.owner !== owner) throw new AppsScriptException('You do not have permission to delete this trigger.');
    this.list = this.list.filter((x) => x !== t);
  }

  private day(): string {
    const w = wallTime(this.kernel.now(), this.kernel.timeZone);
    return `${w.year}-${w.month}-${w.day}`;
  }

  private run(t: TriggerData, event: Record<string, unknown>): TriggerRun {
    const key = `${this.day()}|${t.owner}`;
    const base = { triggerUid: t.uid, handlerFunction: t.handlerFunction, user: t.owner };
    if ((this.runtime[key] ?? 0) >= this.kernel.quotas.triggerRuntimeMsPerDay) return { ...base, ok: false, error: `Exception: ${TOO_MUCH_TIME}` };
    let result: TriggerRun;
    try {
      // Edits and changes come from a person at the spreadsheet; time and form submissions from nobody's screen.
      const ui = t.eventType === 'ON_EDIT' || t.eventType === 'ON_CHANGE' || t.eventType === 'ON_OPEN';
      this.kernel.runScript(t.handlerFunction, [event], { kind: 'trigger', user: t.owner, authMode: 'FULL', label: t.handlerFunction, ui });
      result = { ...base, ok: true };
    } catch (e) {
      result = { ...base, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    const record = this.kernel.executions()[this.kernel.executions().length - 1];
    this.runtime[key] = (this.runtime[key] ?? 0) + (record?.durationMs ?? 0);
    return result;
  }

  fire(sourceId: string, eventType: string, makeEvent: (triggerUid: string) => Record<string, unknown>): TriggerRun[] {
    return this.list.filter((t) => t.sourceId === sourceId && t.eventType === eventType).map((t) => this.run(t, makeEvent(t.uid)));
  }

  runDue(): TriggerRun[] {
    const now = this.kernel.clock.nowMs();
    const due = this.list.filter((t) => t.eventType === 'CLOCK' && t.nextRunAt && t.nextRunAt.getTime() <= now);
    const runs: TriggerRun[] = [];
    for (const t of due) {
      const w = wallTime(this.kernel.now(), this.kernel.timeZone);
      const event = {
        authMode: AuthMode.FULL,
        triggerUid: t.uid,
        year: w.year,
        month: w.month,
        'day-of-month': w.day,
        'day-of-week': w.weekday === 0 ? 7 : w.weekday,
        hour: w.hour,
        minute: w.minute,
        second: w.second,
        timezone: this.kernel.timeZone,
        'week-of-year': 0,
      };
      runs.push(this.run(t, event));
      if (t.once) this.list = this.list.filter((x) => x !== t);
      else t.nextRunAt = new Date(this.kernel.clock.nowMs() + (t.everyMs ?? HOUR));
    }
    return runs;
  }

  globals(): Record<string, unknown> {
    const m = this;
    const k = this.kernel;
    const sourceIdOf = (x: unknown, method: string): string => {
      if (typeof x === 'string') return x;
      const raw = unwrap(x) as { getId?: () => string };
      if (raw && typeof raw.getId === 'function') return raw.getId();
      throw signatureMismatch(method, [x]);
    };

    class SourceTriggerBuilder extends Published {
      _event: string | null = null;
      constructor(
        readonly _handler: string,
        readonly _source: 'SPREADSHEETS' | 'FORMS',
        readonly _sourceId: string,
        readonly _allowed: string[],
      ) {
        super();
      }
      private _on(event: string): SourceTriggerBuilder {
        this._event = event;
        return this._self;
      }
      onFormSubmit(): SourceTriggerBuilder {
        return this._on('ON_FORM_SUBMIT');
      }
      onOpen(): SourceTriggerBuilder {
        return this._on('ON_OPEN');
      }
      onEdit(): SourceTriggerBuilder {
        if (!this._allowed.includes('ON_EDIT')) throw new AppsScriptException('not implemented in the emulator: FormTriggerBuilder.onEdit');
        return this._on('ON_EDIT');
      }
      onChange(): SourceTriggerBuilder {
        if (!this._allowed.includes('ON_CHANGE')) throw new AppsScriptException('not implemented in the emulator: FormTriggerBuilder.onChange');
        return this._on('ON_CHANGE');
      }
      create(): unknown {
        if (!this._event) throw new AppsScriptException('Missing event type for trigger.');
        return m.add({ handlerFunction: this._handler, eventType: this._event, triggerSource: this._source, sourceId: this._sourceId });
      }
    }

    class ClockTriggerBuilder extends Published {
      _everyMs: number | null = null;
      _at: number | null = null;
      _hour: number | null = null;
      _minute = 0;
      constructor(readonly _handler: string) {
        super();
      }
      /**
       * https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)
       * ("n must be 1, 5, 10, 15 or 30"); an add-on's time triggers run at most hourly
       * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), a standalone
       * project's as often as that.
       */
      everyMinutes(n: number): ClockTriggerBuilder {
        if (![1, 5, 10, 15, 30].includes(n)) throw new AppsScriptException('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
        if (k.projectKind === 'addon') throw new AppsScriptException('Add-ons can only create time-based triggers that run at most once per hour.');
        this._everyMs = n * 60_000;
        return this._self;
      }
      everyHours(n: number): ClockTriggerBuilder {
        if (!Number.isInteger(n) || n < 1) throw signatureMismatch('ClockTriggerBuilder.everyHours', [n]);
        this._everyMs = n * HOUR;
        return this._self;
      }
      everyDays(n: number): ClockTriggerBuilder {
        if (!Number.isInteger(n) || n < 1) throw signatureMismatch('ClockTriggerBuilder.everyDays', [n]);
        this._everyMs = n * 24 * HOUR;
        return this._self;
      }
      everyWeeks(n: number): ClockTriggerBuilder {
        this._everyMs = n * 7 * 24 * HOUR;
        return this._self;
      }
      atHour(hour: number): ClockTriggerBuilder {
        if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw signatureMismatch('ClockTriggerBuilder.atHour', [hour]);
        this._hour = hour;
        return this._self;
      }
      nearMinute(minute: number): ClockTriggerBuilder {
        this._minute = minute;
        return this._self;
      }
      inTimezone(_timezone: string): ClockTriggerBuilder {
        return this._self;
      }
      after(durationMilliseconds: number): ClockTriggerBuilder {
        this._at = k.clock.nowMs() + durationMilliseconds;
        return this._self;
      }
      at(date: Date): ClockTriggerBuilder {
        if (!(date instanceof Date)) throw signatureMismatch('ClockTriggerBuilder.at', [date]);
        this._at = date.getTime();
        return this._self;
      }
      create(): unknown {
        if (this._at === null && this._everyMs === null) throw new AppsScriptException('Trigger must be scheduled: call everyHours, everyDays, after or at.');
        if (this._everyMs !== null && this._everyMs < HOUR && k.projectKind === 'addon') throw new AppsScriptException('Add-ons can only create time-based triggers that run at most once per hour.');
        let next = this._at ?? k.clock.nowMs() + (this._everyMs ?? HOUR);
        if (this._hour !== null && this._at === null) {
          const w = wallTime(k.now(), k.timeZone);
          const todayAt = k.clock.nowMs() + ((this._hour - w.hour) * 60 + (this._minute - w.minute)) * 60000 - w.second * 1000;
          next = todayAt > k.clock.nowMs() ? todayAt : todayAt + 24 * HOUR;
        }
        return m.add({
          handlerFunction: this._handler,
          eventType: 'CLOCK',
          triggerSource: 'CLOCK',
          sourceId: k.module('spreadsheet').activeId(),
          everyMs: this._everyMs ?? undefined,
          nextRunAt: new Date(next),
          once: this._at !== null,
        });
      }
    }

    class TriggerBuilder {
      constructor(readonly _handler: string) {}
      forSpreadsheet(sheet: unknown): unknown {
        return publish(k, 'ScriptApp', 'SpreadsheetTriggerBuilder', new SourceTriggerBuilder(this._handler, 'SPREADSHEETS', sourceIdOf(sheet, 'TriggerBuilder.forSpreadsheet'), ['ON_EDIT', 'ON_CHANGE']));
      }
      forForm(form: unknown): unknown {
        return publish(k, 'ScriptApp', 'FormTriggerBuilder', new SourceTriggerBuilder(this._handler, 'FORMS', sourceIdOf(form, 'TriggerBuilder.forForm'), []));
      }
      timeBased(): unknown {
        return publish(k, 'ScriptApp', 'ClockTriggerBuilder', new ClockTriggerBuilder(this._handler));
      }
    }

    class ScriptApp {
      readonly AuthMode = AuthMode;
      readonly EventType = EventType;
      readonly TriggerSource = TriggerSource;
      readonly WeekDay = WeekDay;
      getOAuthToken(): string {
        return m.issueToken();
      }
      newTrigger(functionName: string): unknown {
        if (typeof functionName !== 'string' || functionName === '') throw signatureMismatch('ScriptApp.newTrigger', [functionName]);
        return expose(k, 'ScriptApp', 'TriggerBuilder', new TriggerBuilder(functionName));
      }
      getProjectTriggers(): unknown[] {
        const user = k.current().user;
        return m.list.filter((t) => t.owner === user).map((t) => m.trigger(t));
      }
      getUserTriggers(source: unknown): unknown[] {
        const id = sourceIdOf(source, 'ScriptApp.getUserTriggers');
        const user = k.current().user;
        return m.list.filter((t) => t.owner === user && t.sourceId === id && t.eventType !== 'CLOCK').map((t) => m.trigger(t));
      }
      deleteTrigger(trigger: unknown): void {
        const raw = unwrap(trigger) as Trigger;
        if (!(raw instanceof Trigger)) throw signatureMismatch('ScriptApp.deleteTrigger', [trigger]);
        m.remove(raw._data.uid);
      }
      getScriptId(): string {
        return m.scriptId;
      }
      /** The web app's Service: https://developers.google.com/apps-script/reference/script/script-app#getService() */
      getService(): unknown {
        return k.module('webapp').serviceFacade();
      }
    }
    return { ScriptApp: expose(k, 'ScriptApp', 'ScriptApp', new ScriptApp()) };
  }

  save(): unknown {
    return { list: this.list, nextUid: this.nextUid, scriptId: this.scriptId, runtime: this.runtime };
  }

  restore(state: unknown): void {
    const s = state as { list: TriggerData[]; nextUid: number; scriptId: string; runtime: Record<string, number> };
    this.list = s.list;
    this.nextUid = s.nextUid;
    this.scriptId = s.scriptId;
    this.runtime = s.runtime;
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new ScriptModuleImpl(kernel));
}

