/** LockService, PropertiesService, CacheService, ContentService, Session, Logger/console. */
import { costOf, createWorkspace } from '../../emulator';

function setup(options: Parameters<typeof createWorkspace>[0] = {}) {
  const ws = createWorkspace({ user: 'admin@luukiem.example', ...options });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as {
    LockService: GoogleAppsScript.Lock.LockService;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    CacheService: GoogleAppsScript.Cache.CacheService;
    ContentService: GoogleAppsScript.Content.ContentService;
    Session: GoogleAppsScript.Base.Session;
    Logger: GoogleAppsScript.Base.Logger;
    console: Console;
  };
  return { ws, ...g };
}

describe('Lock — https://developers.google.com/apps-script/reference/lock/lock', () => {
  it('is exclusive: a concurrent execution cannot take a held lock, waits the full timeout, then fails', () => {
    const { ws, LockService } = setup();
    const mine = LockService.getDocumentLock()!;
    expect(mine.tryLock(0)).toBe(true);
    expect(mine.hasLock()).toBe(true);
    const start = ws.clock.now().getTime();
    const other = ws.execution(() => {
      const lock = LockService.getDocumentLock()!;
      return [lock.tryLock(5000), lock.hasLock()];
    });
    expect(other).toEqual([false, false]);
    // The whole timeout, plus the latency of its one request (getDocumentLock and hasLock are local).
    expect(ws.clock.now().getTime() - start).toBe(5000 + costOf('LockService', 'Lock.tryLock').ms);
    expect(() => ws.execution(() => LockService.getDocumentLock()!.waitLock(30_000))).toThrow('Lock timeout: another process was holding the lock for too long.');
    mine.releaseLock();
    expect(ws.execution(() => LockService.getDocumentLock()!.tryLock(0))).toBe(true);
  });

  it('is released when its execution ends, and re-acquiring a held lock succeeds', () => {
    const { ws, LockService } = setup();
    ws.execution(() => {
      const lock = LockService.getScriptLock();
      lock.waitLock(1000);
      expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    });
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('document locks are per document; user locks per user; no document, no document lock', () => {
    const { ws, LockService } = setup();
    LockService.getUserLock().waitLock(0);
    expect(ws.execution(() => LockService.getUserLock().tryLock(0), { user: 'other@luukiem.example' })).toBe(true);
    ws.spreadsheets.setActive(null);
    expect(LockService.getDocumentLock()).toBeNull();
  });
});

describe('Properties — https://developers.google.com/apps-script/reference/properties/properties', () => {
  it('stores strings, returns null for missing keys, and scopes document properties to the document', () => {
    const { ws, PropertiesService } = setup();
    const doc = PropertiesService.getDocumentProperties()!;
    doc.setProperty('n', 42 as unknown as string);
    expect(doc.getProperty('n')).toBe('42');
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperties({ a: '1', b: '2' }, true);
    expect(doc.getKeys().sort()).toEqual(['a', 'b']);
    ws.spreadsheets.setActive(ws.spreadsheets.create('khác'));
    expect(PropertiesService.getDocumentProperties()!.getKeys()).toEqual([]);
    ws.spreadsheets.setActive(null);
    expect(PropertiesService.getDocumentProperties()).toBeNull();
  });

  it('enforces 9 KB per value and 500 KB per store (https://developers.google.com/apps-script/guides/services/quotas)', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // Vietnamese text takes more than one byte a character.
    expect(() => p.setProperty('vi', 'ế'.repeat(4000))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) p.setProperty(`k${i}`, 'y'.repeat(9000));
    expect(() => p.setProperty('k99', 'y'.repeat(9000))).toThrow(/exceeded the property storage quota/);
  });

  it('survives a snapshot', () => {
    const { ws, PropertiesService } = setup();
    PropertiesService.getDocumentProperties()!.setProperty('seq', '{"2026":41}');
    const again = createWorkspace({ snapshot: ws.snapshot() });
    expect((again.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperty('seq')).toBe('{"2026":41}');
  });
});

describe('Cache — https://developers.google.com/apps-script/reference/cache/cache', () => {
  it('expires on the virtual clock (default 10 minutes, at most 6 hours)', () => {
    const { ws, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('a', '1');
    c.put('b', '2', 100_000);
    ws.clock.advance(599_000);
    expect(c.get('a')).toBe('1');
    ws.clock.advance(2_000);
    expect(c.get('a')).toBeNull();
    ws.clock.advance(6 * 3_600_000);
    expect(c.get('b')).toBeNull();
  });

  it('limits keys to 250 characters and values to 100 KB, and may evict', () => {
    const { CacheService } = setup();
    const c = CacheService.getDocumentCache()!;
    expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => c.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i <= 1000; i++) c.put(`k${i}`, 'v');
    expect(c.get('k0')).toBeNull();
    expect(c.get('k1000')).toBe('v');
  });

  it('putAll stores many pairs in one call and getAll returns only the keys it found (https://developers.google.com/apps-script/reference/cache/cache#getAll(String))', () => {
    const { ws, CacheService } = setup();
    const c = CacheService.getDocumentCache()!;
    c.putAll({ a: '1', b: '2' }, 60);
    expect(c.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    ws.clock.advance(61_000);
    expect(c.getAll(['a', 'b'])).toEqual({});
    expect(() => c.putAll({ ['k'.repeat(251)]: 'v' })).toThrow('Argument too large: key');
  });
});

describe('ContentService — https://developers.google.com/apps-script/reference/content/content-service', () => {
  it('builds text outputs with a MIME type', () => {
    const { ContentService } = setup();
    const out = ContentService.createTextOutput('{"a":1}').setMimeType(ContentService.MimeType.JSON);
    expect(out.getContent()).toBe('{"a":1}');
    expect(String(out.getMimeType())).toBe('JSON');
    expect(() => out.setMimeType('application/json' as unknown as GoogleAppsScript.Content.MimeType)).toThrow(/don't match the method signature/);
  });
});

describe('Session — https://developers.google.com/apps-script/reference/base/session', () => {
  it('reports the executing user, the script time zone and locale', () => {
    const { ws, Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('admin@luukiem.example');
    expect(ws.execution(() => Session.getEffectiveUser().getEmail(), { user: 'h@luukiem.example' })).toBe('h@luukiem.example');
    expect(Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(Session.getActiveUserLocale()).toBe('vi');
  });
});

describe('Logger — https://developers.google.com/apps-script/reference/base/logger', () => {
  it('substitutes %s and keeps every entry, console included', () => {
    const { ws, Logger, console } = setup();
    Logger.log('Mã %s, hạn %s', 'GY-2026-00001', '03/12/2026');
    console.error('lỗi', { code: 'GY-2026-00002' });
    expect(Logger.getLog()).toContain('Mã GY-2026-00001, hạn 03/12/2026');
    expect(ws.logs().map((l) => [l.level, l.message])).toEqual([
      ['log', 'Mã GY-2026-00001, hạn 03/12/2026'],
      ['error', 'lỗi {"code":"GY-2026-00002"}'],
    ]);
  });
});
