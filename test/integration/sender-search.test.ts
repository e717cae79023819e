/**
 * Issue 18, item 7: a resident who left only a phone number cannot see a case code (Forms'
 * confirmation is the same for everyone), so when they call, an admin finds their cases by the
 * number or the name they give — diacritics optional — with a reason, each search written to
 * "Nhật ký" like any look at a contact: one row per case it showed, never the number or name typed
 * ("Nhật ký" is read by every staff member). Handlers and viewers can never search.
 */
import { ACCESS, SENDER_SEARCH } from '../../src/i18n/vi';
import { addStaff, ADMIN, asUser, formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const VIEWER = 'xem@luukiem.example';
const REASON = 'Bà Lan gọi điện hỏi kết quả';

interface Found {
  kind: string;
  total: number;
  items: Array<{ code: string; row: number; receivedOn: string; status: string; summary: string; name: string; phone: string; email: string; confidential: boolean }>;
}

function ward(): Ward {
  const w = setUpWard();
  addStaff(w, [[HANDLER, 'Xử lý', 'UBND phường'], [VIEWER, 'Xem', '']]);
  runHourly(w);
  // 00001: only a phone, as typed on a phone keyboard. 00002: someone else. 00003: the same resident again, by name only.
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', phone: '0912 345 678' }));
  w.ws.clock.advance(60_000);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', name: 'Trần Văn Bình', phone: '0987.654.321' }));
  w.ws.clock.advance(60_000);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 vẫn chưa thu gom', name: 'NGUYỄN THỊ LAN', confidential: true }));
  return w;
}

const find = (w: Ward, query: string, reason = REASON) => w.app.call('findCasesBySender', query, reason) as Found;
const searchRows = (w: Ward) => tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Tìm người gửi');

describe('an admin finds a caller\'s cases by phone or name', () => {
  it('by the number in another form (+84, no spaces): the case, its status, the sender to confirm who is calling', () => {
    const w = ward();
    const found = find(w, '+84912345678');
    expect(found).toMatchObject({ kind: 'phone', total: 1 });
    expect(found.items).toEqual([{ code: 'GY-2026-00001', row: 2, receivedOn: '24/11/2026', status: 'Mới tiếp nhận', summary: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', phone: '0912 345 678', email: '', confidential: false }]);
    // The last digits are enough.
    expect(find(w, '345 678').items.map((i) => i.code)).toEqual(['GY-2026-00001']);
  });

  it('by name without diacritics, in any case: every case of that name, newest first', () => {
    const w = ward();
    const found = find(w, 'nguyen thi lan');
    expect(found).toMatchObject({ kind: 'name', total: 2 });
    expect(found.items.map((i) => [i.code, i.name, i.confidential])).toEqual([
      ['GY-2026-00003', 'NGUYỄN THỊ LAN', true],
      ['GY-2026-00001', 'Nguyễn Thị Lan', false],
    ]);
    expect(find(w, 'Lan Nguyễn').total).toBe(2);
    expect(find(w, 'Đặng Thị Lan').total).toBe(0);
  });

  it('each search is logged like any contact access: one "Nhật ký" row per case shown, with the reason — never the number or name typed', () => {
    const w = ward();
    find(w, '0912345678');
    find(w, 'nguyen thi lan', 'Gọi lại xác minh địa điểm');
    find(w, 'le van tam');
    expect(searchRows(w).map((r) => [r['Người thực hiện'], r['Mã ý kiến'], r['Chi tiết']])).toEqual([
      [ADMIN, 'GY-2026-00001', `${REASON} (tìm theo số điện thoại)`],
      [ADMIN, 'GY-2026-00003', 'Gọi lại xác minh địa điểm (tìm theo họ tên)'],
      [ADMIN, 'GY-2026-00001', 'Gọi lại xác minh địa điểm (tìm theo họ tên)'],
      [ADMIN, '', `${REASON} (tìm theo họ tên: không có kết quả)`],
    ]);
    const log = JSON.stringify(tabRecords(w, 'Nhật ký'));
    for (const secret of ['0912345678', '0912 345 678', 'Nguyễn Thị Lan', 'nguyen thi lan', 'le van tam']) expect(log).not.toContain(secret);
  });

  it('its audit rows are written under the document lock: while another execution holds it, the search says busy and writes nothing', () => {
    const w = ward();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Cống ngõ 7 tắc', name: 'Nguyễn Thị Lan', phone: '0912 345 678' }));
    // Three cases shown: three rows in one block write (last row, then setValues), which an
    // appendRow from an intake or an action running meanwhile would otherwise be overwritten by.
    const lock = (w.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
    expect(lock.tryLock(0)).toBe(true);
    expect(() => find(w, 'nguyen thi lan')).toThrow(/bận|thử lại/);
    expect(searchRows(w)).toHaveLength(0);
    lock.releaseLock();
    expect(find(w, 'nguyen thi lan').total).toBe(3);
    expect(searchRows(w)).toHaveLength(3);
  });

  it('needs a reason and enough to search by; refused searches are not logged', () => {
    const w = ward();
    expect(() => find(w, '0912345678', '  ')).toThrow('Hãy ghi lý do');
    expect(() => find(w, '091', REASON)).toThrow(SENDER_SEARCH.tooShort(4, 2));
    expect(() => find(w, 'L', REASON)).toThrow(SENDER_SEARCH.tooShort(4, 2));
    expect(searchRows(w)).toEqual([]);
  });

  it('handlers and viewers can never search (sidebar or web app), and learn nothing', () => {
    const w = ward();
    for (const who of [HANDLER, VIEWER]) {
      asUser(w, who, () => expect(() => find(w, '0912345678')).toThrow(ACCESS.denied.findSender));
      expect(() => w.ws.webapp.run('findCasesBySender', ['0912345678', REASON], { user: who })).toThrow(ACCESS.denied.findSender);
    }
    expect(() => w.ws.webapp.run('findCasesBySender', ['0912345678', REASON], { user: '' })).toThrow(ACCESS.signInNeeded);
    expect(searchRows(w)).toEqual([]);
  });

  it('one batched read of "Người gửi" and of the index, whatever the number of senders', () => {
    const w = ward();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Người gửi')!;
    const many = Array.from({ length: 5_000 }, (_, i) => [`GY-2025-${String(i + 1).padStart(5, '0')}`, `Người dân ${i}`, `09${String(10_000_000 + i)}`, true, '', false, false]);
    sheet.insertRowsAfter(sheet.getMaxRows(), many.length);
    sheet.getRange(sheet.getLastRow() + 1, 1, many.length, many[0].length).setValues(many);
    w.ws.resetStats();
    expect(find(w, '0912345678').total).toBe(1);
    const s = w.ws.stats().services.SpreadsheetApp;
    expect(s.methods['Range.getValues'].calls).toBe(2);
    expect(s.calls).toBeLessThanOrEqual(7);
  });
});
