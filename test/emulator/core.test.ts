/**
 * The emulator's kernel: how scripts are loaded and what they can see, how calls are metered,
 * and the execution limit. Apps Script behaviours cited per block.
 */
import { createWorkspace } from '../../emulator';
import { Kernel, DEFAULT_COSTS, DEFAULT_QUOTAS } from '../../emulator/core/kernel';
import { expose, unwrap } from '../../emulator/core/facade';
import { AppsScriptException } from '../../emulator/core/errors';
import { decodeState, encodeState } from '../../emulator/core/json';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

function kernel(): Kernel {
  return new Kernel({
    projectName: 'test',
    now: new Date('2026-05-22T01:00:00Z'),
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    user: 'a@example.com',
    quotas: DEFAULT_QUOTAS,
    costs: DEFAULT_COSTS,
  });
}

class Counter {
  _n = 0;
  increment(): number {
    return ++this._n;
  }
  twice(): number {
    this.increment();
    return this.increment();
  }
}

// https://developers.google.com/apps-script/guides/v8-runtime — V8 scripts: one global scope,
// ECMAScript built-ins, no browser or Node APIs.
describe('script realm — https://developers.google.com/apps-script/guides/v8-runtime', () => {
  it('shares one global scope across files and exposes top-level functions', () => {
    const ws = createWorkspace();
    const app = ws.load({ manifest, scripts: [['a.js', 'var shared = 2; function one() { return shared; }'], ['b.js', 'function two() { return one() * shared; }']], html: {} });
    expect(app.call('two')).toBe(4);
    expect(app.functionNames().sort()).toEqual(['one', 'two']);
  });

  it('has none of the Node or browser globals Apps Script lacks', () => {
    const ws = createWorkspace();
    const names = ['require', 'process', 'setTimeout', 'setInterval', 'URL', 'TextEncoder', 'fetch', 'atob', 'btoa', 'Buffer', 'window', 'document'];
    const app = ws.load({ manifest, scripts: [['a.js', `function probe() { return ${JSON.stringify(names)}.filter(function (n) { return typeof globalThis[n] !== 'undefined'; }); }`]], html: {} });
    expect(app.call('probe')).toEqual([]);
  });

  it('reads the virtual clock through new Date() and Date.now(), and local time in the project time zone', () => {
    const ws = createWorkspace({ now: '2026-05-22T23:30:00Z' });
    const app = ws.load({ manifest, scripts: [['a.js', 'function now() { var d = new Date(); return [d.getTime(), Date.now(), d.getDate(), d.getHours(), d instanceof Date]; }']], html: {} });
    const t = Date.parse('2026-05-22T23:30:00Z');
    expect(app.call('now')).toEqual([t, t, 23, 6, true]); // 23:30 UTC is 06:30 on the 23rd in Hà Nội
    ws.clock.advance(60_000);
    expect((app.call('now') as number[])[0]).toBe(t + 60_000);
  });

  it('lets instanceof work on values the services hand to the script', () => {
    const ws = createWorkspace();
    const app = ws.load({ manifest, scripts: [['a.js', 'function check(a, e, d) { return [a instanceof Array, e instanceof Error, d instanceof Date]; }']], html: {} });
    expect(app.call('check', [1], new AppsScriptException('x'), new Date())).toEqual([true, true, true]);
  });

  it('reports a missing function as Apps Script does', () => {
    const ws = createWorkspace();
    const app = ws.load({ manifest, scripts: [['a.js', 'function x() {}']], html: {} });
    expect(() => app.call('nope')).toThrow('Script function not found: nope');
  });
});

describe('facades and metering', () => {
  it('counts calls a script makes, not calls a service makes internally', () => {
    const k = kernel();
    const c = expose(k, 'SpreadsheetApp', 'Counter', new Counter());
    c.twice();
    c.increment();
    const s = k.meter.report().services.SpreadsheetApp;
    expect(s.calls).toBe(2);
    expect(s.methods['Counter.twice'].calls).toBe(1);
    expect(s.methods['Counter.increment'].calls).toBe(1);
  });

  it('hides internal state, refuses unknown members and writes', () => {
    const k = kernel();
    const c = expose(k, 'SpreadsheetApp', 'Counter', new Counter()) as Counter & Record<string, unknown>;
    expect(() => c._n).toThrow('not implemented in the emulator: Counter._n');
    expect(() => (c as unknown as { setFoo: () => void }).setFoo()).toThrow('not implemented in the emulator: Counter.setFoo');
    expect(() => {
      c.extra = 1;
    }).toThrow(TypeError);
    expect(String(c)).toBe('Counter');
    expect(unwrap(c)).toBeInstanceOf(Counter);
  });

  // https://developers.google.com/apps-script/guides/services/quotas — script runtime 6 min / execution
  it('stops an execution that runs past 6 minutes with "Exceeded maximum execution time"', () => {
    const k = kernel();
    const c = expose(k, 'SpreadsheetApp', 'Counter', new Counter());
    expect(() =>
      k.runExecution(() => {
        c.increment();
        k.clock.advance(6 * 60 * 1000 + 1);
        c.increment();
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(k.executions().at(-1)?.status).toBe('failed');
  });

  it('moves a script execution’s clock by the modelled latency of its calls and cells; the harness’s calls are free', () => {
    const k = kernel();
    const before = k.clock.nowMs();
    k.runExecution(() => {
      k.call('SpreadsheetApp', 'Range.getValues', () => k.cellsRead(1000));
    });
    expect(k.clock.nowMs() - before).toBeCloseTo(150 + 1000 * 0.01);
    expect(k.executions().at(-1)?.durationMs).toBeCloseTo(150 + 1000 * 0.01);
    const after = k.clock.nowMs();
    k.call('SpreadsheetApp', 'Range.getValues', () => k.cellsRead(1000));
    expect(k.clock.nowMs()).toBe(after);
  });

  it('a script that works too long is stopped by its own calls', () => {
    const k = kernel();
    expect(() => k.runExecution(() => {
      for (let i = 0; i < 3000; i++) k.call('SpreadsheetApp', 'Range.getValue', () => 1);
    })).toThrow('Exceeded maximum execution time');
  });

  it('refuses a call the manifest has no scope for', () => {
    const ws = createWorkspace();
    ws.load({ manifest: { ...manifest, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] }, scripts: [['a.js', '']], html: {} });
    ws.spreadsheets.setActive(ws.spreadsheets.create('Sổ'));
    const MailApp = ws.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(() => ws.execution(() => MailApp.sendEmail('a@luukiem.example', 'Chủ đề', 'Nội dung'))).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(ws.execution(() => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValues())).toEqual([['']]);
    expect(ws.mail.outbox()).toEqual([]);
  });
});

describe('snapshot codec', () => {
  it('keeps Dates and Maps', () => {
    const v = { d: new Date('2026-01-01T00:00:00Z'), m: new Map([['a', [new Date(5)]]]) };
    const back = decodeState<typeof v>(encodeState(v));
    expect(back.d).toBeInstanceOf(Date);
    expect(back.d.getTime()).toBe(v.d.getTime());
    expect(back.m.get('a')?.[0].getTime()).toBe(5);
  });

  it('keeps nested Maps, Dates inside arrays and objects, and objects that only look tagged', () => {
    const v = { rows: [[1, null, new Date(7)], null], m: new Map([['k', new Map([['x', { d: new Date(9) }]])]]), lookalike: { $date: 'not a number', other: 1 } };
    const back = decodeState<typeof v>(encodeState(v));
    expect(back.rows[0]![2]).toEqual(new Date(7));
    expect(back.m.get('k')!.get('x')!.d).toEqual(new Date(9));
    expect(back.lookalike).toEqual({ $date: 'not a number', other: 1 });
    expect(back.rows).toEqual([[1, null, new Date(7)], null]);
  });
});
