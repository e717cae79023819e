/**
 * Issue 21: the suggestions learn from staff decisions, stored where no limit truncates them
 * (the hidden system tab "Gợi ý (hệ thống)", platform/suggestion-model), without costing a
 * request: a classification's lesson rides in the action's write batch (5 requests, as every
 * action), intake reads the counts with the runtime's one cache read. A cut-off anywhere in the
 * action counts the lesson once, never twice; hand edits of the tab are skipped, never a crash.
 */
import { readLedger } from '../../src/domain/suggest/ledger';
import { ADMIN, formAnswers, runHourly, setUpWard, sweepHourlyRun, tabRecords, wardFactory, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const TAB = 'Gợi ý (hệ thống)';
type View = { code: string; row: number; version: number; suggestions?: unknown };

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
const submit = (w: Ward, content: string) => w.ws.forms.submit(w.formId, formAnswers({ content }));

/** The tab read back as the hourly job reads it: its counts. */
function ledgerOf(w: Ward) {
  const rows = tabRecords(w, TAB).map((r) => ({ id: r['Mã dòng'], kind: r['Loại'], data: r['Dữ liệu'] }));
  return readLedger(rows);
}
const docsOf = (w: Ward, kind: 'category' | 'complexity' | 'body', label: string) => ledgerOf(w).counts[kind].get(label)?.docs ?? 0;

function base(w: Ward): void {
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
  runHourly(w);
  submit(w, 'Chó nhà bên sủa suốt đêm, mùi hôi');
}

describe('the tab', () => {
  it('is made by setup, hidden, and only admins edit it, like the other system tabs', () => {
    const w = setUpWard();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(TAB)!;
    expect(sheet).not.toBeNull();
    expect(sheet.isSheetHidden()).toBe(true);
    const editors = sheet.getProtections(w.SpreadsheetApp.ProtectionType.SHEET).flatMap((p) => p.getEditors().map((u) => u.getEmail().toLowerCase()));
    expect(editors).toEqual([ADMIN]);
  });
});

describe('a decision teaches, inside the action', () => {
  it('classifying appends its lessons in the write batch: still 5 requests; assigning teaches the body', () => {
    const w = setUpWard();
    base(w);
    let v = open(w, 'GY-2026-00001');
    w.ws.resetStats();
    v = act(w, v, { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'complex' });
    expect(w.ws.stats().total.requests).toBeLessThanOrEqual(5);
    expect(docsOf(w, 'category', 'Đời sống khu dân cư')).toBe(1);
    expect(docsOf(w, 'complexity', 'complex')).toBe(1);
    // Staff change their mind: the case moves, it is not counted twice.
    v = act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'complex' });
    expect([docsOf(w, 'category', 'Đời sống khu dân cư'), docsOf(w, 'category', 'Môi trường'), docsOf(w, 'complexity', 'complex')]).toEqual([0, 1, 1]);
    w.ws.resetStats();
    act(w, v, { action: 'assign', body: 'Phòng Văn hóa - Xã hội', assignee: '' });
    expect(w.ws.stats().total.requests).toBeLessThanOrEqual(5);
    expect(docsOf(w, 'body', 'Phòng Văn hóa - Xã hội')).toBe(1);
  });

  it('the hourly job folds the lessons into count rows (the same counts) and the next submission uses them, at no extra request', () => {
    const w = setUpWard();
    base(w);
    for (const t of ['Chó nhà hàng xóm sủa cả đêm', 'chó sủa ầm ĩ suốt đêm không ngủ được', 'Nhà bên nuôi chó sủa, phân chó']) submit(w, t);
    for (const code of ['GY-2026-00002', 'GY-2026-00003', 'GY-2026-00004']) act(w, open(w, code), { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'normal' });
    // Before the hourly job the cache has no counts: the keyword rules ("mùi hôi": Môi trường).
    submit(w, 'Chó nhà số 8 sủa suốt đêm, mùi hôi');
    const before = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === 'GY-2026-00005')!;
    expect(before['Lĩnh vực gợi ý']).toBe('Môi trường');
    const counted = ledgerOf(w).counts;
    runHourly(w);
    expect(tabRecords(w, TAB).every((r) => r['Mã dòng'].startsWith('#'))).toBe(true);
    expect(ledgerOf(w).counts).toEqual(counted);
    // Same submission as the keyword-rule one above, same request count: the counts came with the runtime's cache read.
    w.ws.resetStats();
    submit(w, 'Chó nhà số 8 sủa suốt đêm, mùi hôi');
    const requests = w.ws.stats().total.requests;
    const after = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === 'GY-2026-00006')!;
    expect(after['Lĩnh vực gợi ý']).toBe('Đời sống khu dân cư');
    expect(requests).toBeLessThanOrEqual(12);
    // The cache gone (evicted): intake falls back to the keyword rules, no extra request either.
    const cache = (w.ws.globals.CacheService as GoogleAppsScript.Cache.CacheService).getDocumentCache()!;
    cache.removeAll(Array.from({ length: 24 }, (_, i) => `hts.sg.${i}`));
    w.ws.resetStats();
    submit(w, 'Chó nhà số 8 sủa suốt đêm, mùi hôi');
    expect(w.ws.stats().total.requests).toBe(requests);
    expect(tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === 'GY-2026-00007')!['Lĩnh vực gợi ý']).toBe('Môi trường');
  });

  it('hand edits of the tab (a garbled row, a retyped count) are skipped: intake, the case view and the hourly job carry on', () => {
    const w = setUpWard();
    base(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'normal' });
    runHourly(w);
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(TAB)!;
    w.ws.handEdit((ss) => {
      const s = ss.getSheetByName(TAB)!;
      s.getRange(2, 4).setValue('{"label": "Đời sống khu dân cư", "docs": "nhiều"');
      s.getRange(sheet.getLastRow() + 1, 1, 1, 4).setValues([['GY-2026-00099.v2.category', new Date(), 'category', 'sửa tay']]);
    });
    runHourly(w);
    expect(tabRecords(w, 'Lỗi').filter((r) => /Gợi ý|JSON/.test(r['Lỗi'] ?? ''))).toEqual([]);
    submit(w, 'Đèn đường ngõ 5 hỏng');
    runHourly(w);
    expect(tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === 'GY-2026-00002')!['Lĩnh vực gợi ý']).toBe('Hạ tầng, giao thông');
    expect(() => open(w, 'GY-2026-00002')).not.toThrow();
  });
});

describe('who sees the suggestions', () => {
  it('an admin on a case not yet classified; a handler never (they do not classify, and why quotes the resident)', () => {
    const w = setUpWard();
    base(w);
    const v = open(w, 'GY-2026-00001') as View & { suggestions: { categories: Array<{ label: string; percent: number }>; categoryWhy: string[] } | null };
    // The seeded model (no counts cached yet): the default list's "chó", "sủa", "đêm khuya" outweigh "mùi hôi".
    expect(v.suggestions?.categories[0]).toMatchObject({ label: 'Đời sống khu dân cư' });
    expect(v.suggestions!.categories[0].percent).toBeLessThan(100);
    expect(v.suggestions!.categoryWhy).toEqual(expect.arrayContaining(['chó', 'sủa']));
    act(w, v, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
    w.ws.setUser(HANDLER);
    try {
      expect(open(w, 'GY-2026-00001').suggestions).toBeNull();
    } finally {
      w.ws.setUser(ADMIN);
    }
  });
});

describe('fault sweep: a classification cut off at any call counts its lesson once, never twice', () => {
  it('classify', () => {
    const fresh = wardFactory(base);
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    act(clean, open(clean, 'GY-2026-00001'), { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'complex' });
    const total = clean.ws.faults.sweepState().calls;
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      const seen = open(w, 'GY-2026-00001');
      w.ws.faults.failNthCall(k);
      try {
        act(w, seen, { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'complex' });
      } catch {
        // the person is told; they retry below
      }
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      const where = `call ${k} (${failed})`;
      try {
        act(w, seen, { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'complex' });
      } catch {
        // committed already: the retry is refused as stale
      }
      // The next change of the case pays any debt first; then the hourly job folds the rows.
      act(w, open(w, 'GY-2026-00001'), { action: 'note', text: 'Đã xem.' });
      runHourly(w);
      runHourly(w);
      const counts = [docsOf(w, 'category', 'Đời sống khu dân cư'), docsOf(w, 'complexity', 'complex')];
      expect([where, counts]).toEqual([where, [1, 1]]);
    }
    expect(total).toBeGreaterThan(3);
  });
});

describe('fault sweep: the hourly fold failing at any call loses nothing and counts nothing twice', () => {
  it('the counts after the next runs are those of the lessons', () => {
    const fresh = wardFactory((w) => {
      base(w);
      submit(w, 'Rác bốc mùi ở chợ');
      act(w, open(w, 'GY-2026-00001'), { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'complex' });
      act(w, open(w, 'GY-2026-00002'), { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    });
    const clean = fresh();
    const expected = ledgerOf(clean).counts;
    clean.ws.faults.failNthCall(1_000_000);
    runHourly(clean);
    const total = clean.ws.faults.sweepState().calls;
    expect(ledgerOf(clean).counts).toEqual(expected);
    sweepHourlyRun(fresh, total, (w, where) => {
      expect([where, ledgerOf(w).counts]).toEqual([where, expected]);
      // Folded by the clean runs after it: only count rows remain.
      expect([where, tabRecords(w, TAB).every((r) => r['Mã dòng'].startsWith('#'))]).toEqual([where, true]);
    });
  });
});
