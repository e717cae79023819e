/**
 * The request counter: which calls are requests to a Google server (emulator/core/costs.ts), how
 * Spreadsheet writes are batched within an execution, and the estimated time that follows.
 * Batching: "Apps Script ... uses built-in caching ... write caching"
 * (https://developers.google.com/apps-script/guides/support/best-practices, "Use batch
 * operations"); "operations are sometimes bundled together ... such as when doing multiple calls
 * to Range.setValue()" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 */
import { COST_TABLE, costOf } from '../../emulator';
import { SPREADSHEET_REQUEST_MS } from '../../emulator/core/costs';
import { sheetSetup } from '../support/sheet';

function ward() {
  const { ws, SpreadsheetApp } = sheetSetup();
  const globals = ws.globals as unknown as {
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    CacheService: GoogleAppsScript.Cache.CacheService;
    LockService: GoogleAppsScript.Lock.LockService;
    Session: GoogleAppsScript.Base.Session;
  };
  ws.resetStats();
  return { ws, ...globals, SpreadsheetApp, sheet: () => SpreadsheetApp.getActive().getSheetByName('Trang tính1')! };
}

describe('request counter', () => {
  it('a local getter is counted as a call but is not a request and costs no time', () => {
    const { ws, SpreadsheetApp, PropertiesService, CacheService, LockService, Session } = ward();
    const before = ws.clock.now().getTime();
    ws.execution(() => {
      const ss = SpreadsheetApp.getActive();
      const range = ss.getSheetByName('Trang tính1')!.getRange(2, 1, 3, 2);
      expect([range.getRow(), range.getNumRows(), range.getA1Notation()]).toEqual([2, 3, 'A2:B4']);
      PropertiesService.getScriptProperties();
      CacheService.getScriptCache();
      LockService.getScriptLock();
      Session.getActiveUser();
    });
    const s = ws.stats();
    expect(s.total.calls).toBe(10);
    expect(s.total.requests).toBe(0);
    expect(s.total.estimatedMs).toBe(0);
    expect(ws.clock.now().getTime()).toBe(before);
  });

  it('User.getEmail is the request, not Session.getActiveUser', () => {
    const { ws, Session } = ward();
    ws.execution(() => Session.getActiveUser().getEmail());
    const m = ws.stats().services.Session.methods;
    expect(m['Session.getActiveUser']).toMatchObject({ calls: 1, requests: 0 });
    expect(m['User.getEmail']).toMatchObject({ calls: 1, requests: 1 });
  });

  it('three setValues in a row are one request; the cells still cost each', () => {
    const { ws, sheet } = ward();
    const before = ws.clock.now().getTime();
    ws.execution(() => {
      const s = sheet();
      s.getRange(1, 1, 1, 2).setValues([[1, 2]]);
      s.getRange(2, 1, 1, 2).setValues([[3, 4]]);
      s.getRange(3, 1, 1, 2).setValues([[5, 6]]);
    });
    const stats = ws.stats();
    const setValues = stats.services.SpreadsheetApp.methods['Range.setValues'];
    expect(setValues).toMatchObject({ calls: 3, requests: 1, cellsWritten: 6 });
    expect(stats.total.requests).toBe(1);
    expect(stats.total.estimatedMs).toBeCloseTo(SPREADSHEET_REQUEST_MS + 6 * 0.01);
    expect(ws.clock.now().getTime() - before).toBe(Math.floor(stats.total.estimatedMs)); // a Date has whole milliseconds
  });

  it('a getValues between writes ends the batch: two batches and the read, three requests', () => {
    const { ws, sheet } = ward();
    ws.execution(() => {
      const s = sheet();
      s.getRange(1, 1).setValue('a');
      s.getRange(2, 1).setValue('b');
      s.getRange(1, 1, 2, 1).getValues();
      s.getRange(3, 1).setValue('c');
    });
    const m = ws.stats().services.SpreadsheetApp.methods;
    expect(m['Range.setValue']).toMatchObject({ calls: 3, requests: 2 });
    expect(m['Range.getValues']).toMatchObject({ calls: 1, requests: 1 });
    expect(ws.stats().services.SpreadsheetApp.requests).toBe(3);
  });

  it('SpreadsheetApp.flush ends the batch and is no request of its own', () => {
    const { ws, SpreadsheetApp, sheet } = ward();
    ws.execution(() => {
      sheet().appendRow(['a']);
      SpreadsheetApp.flush();
      sheet().appendRow(['b']);
      sheet().appendRow(['c']);
    });
    const m = ws.stats().services.SpreadsheetApp.methods;
    expect(m['Sheet.appendRow']).toMatchObject({ calls: 3, requests: 2 });
    expect(m['SpreadsheetApp.flush']).toMatchObject({ calls: 1, requests: 0 });
  });

  it('a call to another service does not end the batch', () => {
    const { ws, PropertiesService, sheet } = ward();
    ws.execution(() => {
      sheet().getRange(1, 1).setValue('a');
      PropertiesService.getScriptProperties().getProperty('x');
      sheet().getRange(2, 1).setValue('b');
    });
    const s = ws.stats();
    expect(s.services.SpreadsheetApp.requests).toBe(1);
    expect(s.services.PropertiesService.requests).toBe(1);
    expect(s.total.requests).toBe(2);
  });

  it('a new execution starts a new batch', () => {
    const { ws, sheet } = ward();
    ws.execution(() => sheet().getRange(1, 1).setValue('a'));
    ws.execution(() => sheet().getRange(2, 1).setValue('b'));
    expect(ws.stats().services.SpreadsheetApp.methods['Range.setValue']).toMatchObject({ calls: 2, requests: 1 + 1 });
  });

  it('a concurrent execution has its own batch; the outer one continues after it', () => {
    const { ws, sheet } = ward();
    ws.execution(() => {
      sheet().getRange(1, 1).setValue('a');
      ws.execution(() => sheet().getRange(2, 1).setValue('b'));
      sheet().getRange(3, 1).setValue('c');
    });
    expect(ws.stats().services.SpreadsheetApp.methods['Range.setValue']).toMatchObject({ calls: 3, requests: 2 });
  });

  it('prices Properties and Cache by the published measurements, per service and per method', () => {
    const { ws, PropertiesService, CacheService } = ward();
    ws.execution(() => {
      const p = PropertiesService.getScriptProperties();
      p.getProperty('a');
      p.setProperty('a', '1');
      const c = CacheService.getScriptCache();
      c.get('a');
      c.put('a', '1');
    });
    const s = ws.stats();
    const expected = costOf('PropertiesService', 'Properties.getProperty').ms + costOf('PropertiesService', 'Properties.setProperty').ms;
    expect(s.services.PropertiesService).toMatchObject({ calls: 3, requests: 2, estimatedMs: expected });
    expect(s.services.CacheService.methods['Cache.put'].estimatedMs).toBe(costOf('CacheService', 'Cache.put').ms);
    expect(s.total.estimatedMs).toBeCloseTo(expected + costOf('CacheService', 'Cache.get').ms + costOf('CacheService', 'Cache.put').ms);
  });

  it('a failed call that reached the server is still a request', () => {
    const { ws, sheet } = ward();
    ws.faults.inject('SpreadsheetApp', 'Range.getValues', 1);
    expect(() => ws.execution(() => sheet().getRange(1, 1).getValues())).toThrow();
    expect(ws.stats().services.SpreadsheetApp.methods['Range.getValues']).toMatchObject({ calls: 1, requests: 1 });
  });

  it('every rule has a source, and a zero cost exactly when it makes no request', () => {
    for (const r of COST_TABLE) {
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.ms === 0).toBe(r.kind === 'local' || r.kind === 'flush');
    }
  });
});
