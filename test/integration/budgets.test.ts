/**
 * Issue 19, deliverable 1: the budgets of the sidebar and of a submission, asserted through the
 * emulator's request counter (a request is a call that reaches a Google server; consecutive
 * Spreadsheet writes are one: emulator/core/costs.ts) at 10 and at 100,000 cases:
 * - every sidebar step — open the inbox, search it, open a case, the dashboard, an action on a
 *   case with its e-mail — at most 5 requests, under a second estimated;
 * - a form submission at most 12;
 * - also right after a settings change, when the runtime cache misses (platform/runtime-cache);
 * - and a settings or staff change is seen by the very next call, a cold cache is correct.
 * Steps that do more than one case's work have their own, stated figures: an announcement reads
 * the submitters' names (to hide the resident's name from the handling body) and the link records.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';
import { writeCases, yearOfCases } from '../support/year-of-cases';

const ADMIN = 'admin@luukiem.example';
const HANDLER = 'ubnd@luukiem.example';
const STAFF = 'Cán bộ';
const POLICE = 'congan@luukiem.example';
const VIEWER = 'xem@luukiem.example';
/** A body with neither a member in "Cán bộ" nor an address: an assignment tells nobody. */
const SILENT_BODY = 'Phòng Văn hóa - Xã hội';

type View = { code: string; row: number; version: number; status: string; category: string };
type Cost = { requests: number; estimatedMs: number; calls: number; cellsRead: number };

/** The emulator's cost of a cell read or written (emulator/core/kernel.ts DEFAULT_COSTS). */
const CELL_MS = 0.01;
/** Blank rows kept formatted below the data (read with an open-ended column: platform/sheets/table HEADROOM_ROWS, doubled by the hourly job). */
const FORMATTED_AHEAD = 1000;
/** Cells of one case row, with room for columns an upgrade adds. */
const CASE_WIDTH = 60;

/** One step's cost, as the emulator's counter has it. */
function cost<T>(w: Ward, step: () => T): { result: T; cost: Cost } {
  w.ws.resetStats();
  const result = step();
  const t = w.ws.stats().total as unknown as Cost;
  return { result, cost: { requests: t.requests, estimatedMs: t.estimatedMs, calls: t.calls, cellsRead: t.cellsRead } };
}

/** A ward with a handler for "UBND phường" and `n` cases of last year, then one resident's case of this year. */
function wardWith(n: number): Ward {
  const w = setUpWard();
  const ss = w.SpreadsheetApp.getActive();
  ss.getSheetByName(STAFF)!.getRange(3, 1, 2, 3).setValues([
    [HANDLER, 'Xử lý', 'UBND phường'],
    [VIEWER, 'Xem', ''],
  ]);
  ss.getSheetByName('Cơ quan xử lý')!.getRange(3, 2).setValue(POLICE);
  runHourly(w);
  // Last year's cases: codes of their own year, so this year's sequence starts at 1 as it would.
  if (n) {
    const cases = yearOfCases(n, 2025, new Date('2025-12-31T10:00:00Z'));
    writeCases(w, cases);
    writeSubmitters(w, cases.map((c) => c.code));
  }
  return w;
}

/** A submitter row for each case (as intake leaves them: "Người gửi", columns by its header), in one write. */
function writeSubmitters(w: Ward, codes: string[]): void {
  const sheet = w.SpreadsheetApp.getActive().getSheetByName('Người gửi')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const cell: Record<string, (code: string, i: number) => unknown> = {
    'Mã ý kiến': (code) => code,
    'Họ và tên': (_c, i) => `Người gửi số ${i + 1}`,
    'Số điện thoại': (_c, i) => `09${String(10_000_000 + i).slice(-8)}`,
    'SĐT hợp lệ': () => true,
  };
  const rows = codes.map((code, i) => header.map((h) => (cell[h] ? cell[h](code, i) : '')));
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need + 10);
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

const submit = (w: Ward, content = 'Đèn đường ngõ 5 hỏng') => w.ws.forms.submit(w.formId, formAnswers({ content, name: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan@gmail.com' }));
const open = (w: Ward, code: string, row?: number) => w.app.call('getCase', code, row) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;

/** A hand edit of a setting in "Cài đặt", taken in by the hourly job (its backstop). */
function setGeneral(w: Ward, key: string, value: string): void {
  const general = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
  const keys = general.getRange(1, 1, general.getLastRow(), 1).getValues().map((r) => r[0]);
  general.getRange(keys.indexOf(key) + 1, 2).setValue(value);
  runHourly(w);
}

describe.each([10, 100_000])('budgets at %i cases', (n) => {
  let w: Ward;
  const figures: Record<string, Cost> = {};
  const step = <T>(name: string, f: () => T): T => {
    const { result, cost: c } = cost(w, f);
    figures[name] = c;
    return result;
  };

  beforeAll(() => {
    w = wardWith(n);
  });

  afterAll(() => {
    // The figures, printed for the README and the progress notes.
    console.log(`${n} cases\n${Object.entries(figures).map(([k, c]) => `  ${k}: ${c.requests} requests, ${Math.round(c.estimatedMs)} ms (${c.calls} calls, ${c.cellsRead} cells read)`).join('\n')}`);
  });

  it('a submission: at most 12 requests, right after a settings change too', () => {
    step('submission, cache cold', () => submit(w));
    expect(figures['submission, cache cold'].requests).toBeLessThanOrEqual(12);
    open(w, 'GY-2026-00001'); // a read step fills the cache
    step('submission', () => submit(w, 'Cống ngõ 7 tắc'));
    expect(figures.submission.requests).toBeLessThanOrEqual(12);
    expect(tabRecords(w, 'Ý kiến').filter((r) => r['Mã ý kiến'].startsWith('GY-2026-'))).toHaveLength(2);
  });

  it('the read steps: at most 5 requests each, one read of the cases; under a second up to the cells of one column', () => {
    const state = step('open the sidebar', () => w.app.call('getSidebarState') as { role: string });
    expect(state.role).toBe('admin');
    const inbox = step('open the inbox', () => w.app.call('getInbox', { pageSize: 20 }) as { total: number });
    expect(inbox.total).toBe(n + 2);
    const found = step('search the inbox', () => w.app.call('getInbox', { text: 'cong ngo' }) as { items: Array<{ code: string; row: number }> });
    expect(found.items.map((i) => i.code)).toEqual(['GY-2026-00002']);
    const view = step('open a case (from the inbox)', () => open(w, 'GY-2026-00002', found.items[0].row));
    expect(view.code).toBe('GY-2026-00002');
    step('open a case by its code', () => open(w, 'GY-2026-00002'));
    step('the dashboard', () => w.app.call('getDashboard'));
    // A viewer reads the resident's words without their name: "Người gửi" is read for it.
    w.ws.setUser(VIEWER);
    try {
      step('open a case as a viewer (from the inbox)', () => open(w, 'GY-2026-00002', found.items[0].row));
    } finally {
      w.ws.setUser(ADMIN);
    }
    expect(figures['open a case as a viewer (from the inbox)'].requests).toBeLessThanOrEqual(5);
    for (const name of ['open the sidebar', 'open the inbox', 'search the inbox', 'open a case (from the inbox)', 'open a case by its code', 'the dashboard']) {
      expect([name, figures[name].requests <= 5]).toEqual([name, true]);
      // Under a second but for the cells: a list, a search or the dashboard reads the index column
      // of every case, 0.01 ms a cell (emulator/core/kernel.ts Costs) — 1 s of its own at 100,000
      // cases in the tab, which the yearly archive keeps smaller.
      expect([name, figures[name].estimatedMs - figures[name].cellsRead * CELL_MS < 1000]).toEqual([name, true]);
      expect([name, figures[name].cellsRead <= n + 2 + FORMATTED_AHEAD + 2 * CASE_WIDTH]).toEqual([name, true]);
    }
    expect(figures['open a case (from the inbox)'].cellsRead).toBeLessThanOrEqual(CASE_WIDTH);
    expect(figures['open a case (from the inbox)'].estimatedMs).toBeLessThan(1000);
    if (n <= 1000) for (const name of Object.keys(figures)) expect([name, figures[name].estimatedMs < 1000 || name.startsWith('submission')]).toEqual([name, true]);
  });

  it('an action with its e-mail: at most 5 requests, under a second', () => {
    let v = open(w, 'GY-2026-00001');
    v = step('classify', () => act(w, v, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }));
    v = step('note', () => act(w, v, { action: 'note', text: 'Đã gọi tổ trưởng.' }));
    v = step('assign (a body with nobody to tell)', () => act(w, v, { action: 'assign', body: SILENT_BODY, assignee: '' }));
    v = step('progress', () => act(w, v, { action: 'progress', text: 'Đã hẹn kiểm tra.', bodyDueDate: '2026-12-10' }));
    v = step('answer (a draft)', () => act(w, v, { action: 'answer', text: 'Đèn đã được thay ngày 28/11.' }));
    v = step('send the answer (queues the e-mail)', () => act(w, v, { action: 'sendAnswer' }));
    expect(v.status).toBe('Đã duyệt, chờ gửi');
    let other = open(w, 'GY-2026-00002');
    other = step('mark misuse (queues the e-mail to the police)', () => act(w, other, { action: 'misuse', reason: 'Bôi nhọ cá nhân' }));
    for (const name of ['classify', 'note', 'assign (a body with nobody to tell)', 'progress', 'answer (a draft)', 'send the answer (queues the e-mail)', 'mark misuse (queues the e-mail to the police)']) {
      expect([name, figures[name].requests <= 5]).toEqual([name, true]);
      expect([name, figures[name].estimatedMs < 1000]).toEqual([name, true]);
    }
    // Each action wrote its row, one audit row and its e-mails, and left no debt on the row.
    expect(tabRecords(w, 'Hộp thư đi').filter((r) => /^(TL|CA)-GY-2026-0000[12]/.test(r['Mã thư']))).toHaveLength(2);
    expect(tabRecords(w, 'Ý kiến').filter((r) => r['Việc còn dở (hệ thống)'] !== '')).toEqual([]);
  });

  it('assigning with its announcement: the names read to hide the resident from the body, and the link records', () => {
    submit(w, 'Rác ở chợ');
    let v = open(w, 'GY-2026-00003');
    v = act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    v = step('assign, announced with a new personal link', () => act(w, v, { action: 'assign', body: 'UBND phường', assignee: HANDLER }));
    v = step('assign to another body (nobody to tell)', () => act(w, v, { action: 'assign', body: SILENT_BODY, assignee: '' }));
    v = step('assign again, announced with the link the handler holds', () => act(w, v, { action: 'assign', body: 'UBND phường', assignee: HANDLER }));
    expect(figures['assign to another body (nobody to tell)'].requests).toBeLessThanOrEqual(5);
    expect(figures['assign again, announced with the link the handler holds'].requests).toBeLessThanOrEqual(7);
    expect(figures['assign, announced with a new personal link'].requests).toBeLessThanOrEqual(8);
  });

  it('right after a settings change (the cache misses): a read step at most 5, an action at most 6', () => {
    setGeneral(w, 'Trả lời phải được Chủ tịch duyệt', 'Có');
    step('open the inbox, first call after a settings change', () => w.app.call('getInbox', {}));
    expect(figures['open the inbox, first call after a settings change'].requests).toBeLessThanOrEqual(5);
    setGeneral(w, 'Trả lời phải được Chủ tịch duyệt', 'Không');
    submit(w, 'Nước ngập');
    const v = open(w, 'GY-2026-00004');
    setGeneral(w, 'Trả lời phải được Chủ tịch duyệt', 'Có');
    step('classify, first call after a settings change', () => act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'normal' }));
    expect(figures['classify, first call after a settings change'].requests).toBeLessThanOrEqual(6);
  });
});

describe('the runtime cache: never stale, and correct when cold', () => {
  function ward(): Ward {
    const w = wardWith(0);
    submit(w);
    return w;
  }
  const asUser = <T>(w: Ward, user: string, f: () => T): T => {
    w.ws.setUser(user);
    try {
      return f();
    } finally {
      w.ws.setUser(ADMIN);
    }
  };

  it('a staff change by hand is seen by the very next call, without reading the staff tab then', () => {
    const w = ward();
    expect(() => asUser(w, HANDLER, () => w.app.call('getInbox', {}))).not.toThrow();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.deleteRow(3), { changeType: 'REMOVE_ROW' });
    w.ws.resetStats();
    expect(() => asUser(w, HANDLER, () => w.app.call('getInbox', {}))).toThrow('chưa có vai trò');
    // The edit trigger stored the list: the next call reads the properties, not the tab.
    expect(w.ws.stats().services.SpreadsheetApp.methods['Range.getValues']).toBeUndefined();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xem', '']]), { range: { sheet: STAFF, row: 3, column: 1 }, value: HANDLER });
    expect((asUser(w, HANDLER, () => w.app.call('getInbox', {})) as { total: number }).total).toBe(1);
  });

  it('a setting taken in by the hourly job is seen by the very next call', () => {
    const w = ward();
    const v = act(w, open(w, 'GY-2026-00001'), { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    act(w, v, { action: 'answer', text: 'Đã dọn.' });
    const actions = () => (w.app.call('getCase', 'GY-2026-00001') as { actions: Array<{ key: string }> }).actions.map((a) => a.key);
    expect(actions()).toContain('sendAnswer'); // and the cache holds the settings as they were
    setGeneral(w, 'Trả lời phải được Chủ tịch duyệt', 'Có');
    // Where the chair approves answers, a draft is not sent before it is approved.
    expect(actions()).not.toContain('sendAnswer');
  });

  it('a fill that read the properties before a change, stored after it, is never taken', () => {
    const w = ward();
    open(w, 'GY-2026-00001'); // filled
    const cache = w.ws.globals.CacheService as GoogleAppsScript.Cache.CacheService;
    const keys = ['hts.rt.gen', ...Array.from({ length: 8 }, (_, i) => `hts.rt.${i}`)];
    const before = cache.getDocumentCache()!.getAll(keys);
    expect(Object.keys(before).length).toBeGreaterThan(1);
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.deleteRow(3), { changeType: 'REMOVE_ROW' });
    // A reader that saw the old generation and read the old properties puts its entry late.
    const { 'hts.rt.gen': _gen, ...entry } = before;
    cache.getDocumentCache()!.putAll(entry, 600);
    expect(() => asUser(w, HANDLER, () => w.app.call('getInbox', {}))).toThrow('chưa có vai trò');
  });

  it('a cold cache (evicted, or a ward restored) gives the same answers, and the next read step fills it', () => {
    const w = ward();
    const warm = w.app.call('getInbox', {});
    const cache = w.ws.globals.CacheService as GoogleAppsScript.Cache.CacheService;
    cache.getDocumentCache()!.removeAll(['hts.rt.gen', ...Array.from({ length: 8 }, (_, i) => `hts.rt.${i}`)]);
    const { result: cold, cost: first } = cost(w, () => w.app.call('getInbox', {}));
    expect(cold).toEqual(warm);
    const { cost: second } = cost(w, () => w.app.call('getInbox', {}));
    const { cost: third } = cost(w, () => w.app.call('getInbox', {}));
    // No generation: the first makes one, the second fills, the third hits (one cache read).
    expect([first.requests, second.requests, third.requests]).toEqual([5, 5, 3]);
  });
});
