/**
 * Issue 11 (paper slips): a sheet of slips for one residential group, each printed with its case
 * code — in its own sequence, so never a QR case's — and a stub with the lookup key. A slip's code
 * is used once by staff entry; the stub's key then opens the case on the lookup page. Codes are
 * reserved before the Doc is made: a failure leaves a gap, never a code printed twice.
 */
import { qrCodesIn } from '../support/qr';
import { formAnswers, runHourly, setUpWard, tabRecords, wardFactory, type Ward } from '../support/ward';

const entry = { channel: 'paper', receivedAt: '', group: 'Tổ dân phố 7', topic: '', content: 'Phiếu giấy: cống ngõ 3 bị tắc', location: '', name: '', phone: '', email: '', confidential: false };

type Doc = { id: string; name: string; url: string };

/** The code and key on each stub, as printed. */
function stubs(w: Ward, doc: Doc): Array<{ code: string; key: string }> {
  const text = w.ws.documents.text(doc.id);
  return [...text.matchAll(/Mã ý kiến:\n(GY-\d{4}-P\d{5})\nMã tra cứu:\n([A-Z0-9]{4}-[A-Z0-9]{4})/g)].map((m) => ({ code: m[1], key: m[2] }));
}

describe('printing paper slips', () => {
  const w = setUpWard();
  const first = w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 5 }) as Doc;
  const second = w.app.call('createPaperSlips', { group: 'Tổ dân phố 8', count: 2 }) as Doc;

  it('prints each slip with its code in the slips\' own range, two to a page, and a stub with the code and the lookup key', () => {
    expect(first.name).toBe('Phiếu góp ý giấy — Tổ dân phố 7 — GY-2026-P00001 đến GY-2026-P00005');
    const printed = stubs(w, first);
    expect(printed.map((s) => s.code)).toEqual(['GY-2026-P00001', 'GY-2026-P00002', 'GY-2026-P00003', 'GY-2026-P00004', 'GY-2026-P00005']);
    expect(new Set(printed.map((s) => s.key)).size).toBe(5);
    const text = w.ws.documents.text(first.id);
    expect(text).toContain('Tổ dân phố: Tổ dân phố 7\nMã ý kiến: GY-2026-P00001\n');
    expect(text).toContain('PHẦN ÔNG/BÀ GIỮ LẠI');
    expect(w.ws.documents.html(first.id).match(/class="page-break"/g)?.length).toBe(2);
    // The next sheet continues the range: no code is ever printed twice.
    expect(stubs(w, second).map((s) => s.code)).toEqual(['GY-2026-P00006', 'GY-2026-P00007']);
  });

  it('each stub\'s QR opens the lookup page with its own code and key', () => {
    const links = qrCodesIn(w.ws, first.id).map((u) => new URL(u));
    expect(links.map((u) => [u.searchParams.get('v'), u.searchParams.get('code'), u.searchParams.get('key')])).toEqual(stubs(w, first).map((s) => ['lookup', s.code, s.key.replace('-', '')]));
  });

  it('the audit names the range and who printed it, never a key', () => {
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'In phiếu góp ý giấy');
    expect(audit.map((r) => r['Chi tiết'].split(' — ')[0])).toEqual(['Tổ dân phố 7: GY-2026-P00001 – GY-2026-P00005 (5 phiếu)', 'Tổ dân phố 8: GY-2026-P00006 – GY-2026-P00007 (2 phiếu)']);
    const all = JSON.stringify(w.ws.spreadsheets.view(w.ssId).sheets.map((s) => s.displayValues));
    for (const s of stubs(w, first)) expect(all).not.toContain(s.key);
  });

  it('refuses a group not in the list, a count out of range, and anyone but an admin — printing nothing', () => {
    expect(() => w.app.call('createPaperSlips', { group: 'Tổ 99', count: 5 })).toThrow('Vui lòng chọn một tổ dân phố trong danh sách.');
    expect(() => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 0 })).toThrow('Số phiếu phải từ 1 đến 40.');
    expect(() => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 41 })).toThrow('Số phiếu phải từ 1 đến 40.');
    expect(() => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 2.5 })).toThrow('Số phiếu phải từ 1 đến 40.');
    expect(() => w.app.call('createPaperSlips', null as never)).toThrow('Vui lòng chọn một tổ dân phố trong danh sách.');
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      expect(() => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 2 })).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
    const next = w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 1 }) as Doc;
    expect(stubs(w, next).map((s) => s.code)).toEqual(['GY-2026-P00008']);
  });
});

describe('entering a paper slip', () => {
  it('the case takes the printed code, once; the QR cases keep their own sequence', () => {
    const w = setUpWard();
    const [slip] = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 3 }) as Doc).slice(1);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Qua mã QR' }));
    runHourly(w);
    const r = w.app.call('submitStaffCase', { ...entry, slipCode: ' gy-2026-p00002 ' }) as { code: string; message: string };
    expect(r.code).toBe(slip.code);
    expect(() => w.app.call('submitStaffCase', { ...entry, content: 'Nhập lại lần hai', slipCode: slip.code })).toThrow(`Phiếu ${slip.code} đã được nhập trước đó (mỗi phiếu chỉ nhập một lần); không lưu lần nữa.`);
    // Still refused once the journal has moved on and only the cases tab remembers.
    runHourly(w);
    w.ws.clock.advance(2 * 86_400_000);
    runHourly(w);
    expect(() => w.app.call('submitStaffCase', { ...entry, content: 'Nhập lại lần ba', slipCode: slip.code })).toThrow('đã được nhập trước đó');
    const normal = w.app.call('submitStaffCase', { ...entry, content: 'Thư tay không có mã' }) as { code: string };
    const cases = tabRecords(w, 'Ý kiến');
    expect(cases.map((c) => [c['Mã ý kiến'], c['Kênh tiếp nhận'], c['Tổ dân phố']])).toEqual([
      ['GY-2026-00001', 'QR', 'Tổ dân phố 1'],
      ['GY-2026-P00002', 'Hòm thư giấy', 'Tổ dân phố 7'],
      [normal.code, 'Hòm thư giấy', 'Tổ dân phố 7'],
    ]);
    expect(normal.code).toBe('GY-2026-00002');
  });

  it('refuses a code that was never printed, a malformed one, and a printed code on another channel', () => {
    const w = setUpWard();
    w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 2 });
    expect(() => w.app.call('submitStaffCase', { ...entry, slipCode: 'GY-2026-P00003' })).toThrow('Chưa có phiếu giấy nào được in với mã GY-2026-P00003.');
    expect(() => w.app.call('submitStaffCase', { ...entry, slipCode: 'GY-2025-P00001' })).toThrow('Chưa có phiếu giấy nào được in với mã GY-2025-P00001.');
    expect(() => w.app.call('submitStaffCase', { ...entry, slipCode: 'GY-2026-00001' })).toThrow('Mã phiếu không đúng dạng.');
    expect(() => w.app.call('submitStaffCase', { ...entry, slipCode: '=IMPORTXML("x")' })).toThrow('Mã phiếu không đúng dạng.');
    expect(() => w.app.call('submitStaffCase', { ...entry, channel: 'phone', slipCode: 'GY-2026-P00001' })).toThrow('Mã in sẵn chỉ dùng cho phiếu của hòm thư giấy');
    expect(tabRecords(w, 'Ý kiến')).toEqual([]);
  });

  it('the stub\'s key opens the case on the lookup page; before the slip is entered it says so, without counting a wrong try', () => {
    const w = setUpWard();
    const [slip] = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 1 }) as Doc);
    for (let i = 0; i < 8; i++) expect(() => w.app.call('lookupPublicCase', slip.code, slip.key)).toThrow('Phiếu giấy của ông/bà chưa được cán bộ nhập vào hòm thư');
    // A wrong key for an unentered slip is a wrong try like any other.
    expect(() => w.app.call('lookupPublicCase', slip.code, 'AAAA-AAAA')).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
    w.app.call('submitStaffCase', { ...entry, email: 'nam@gmail.com', slipCode: slip.code });
    const found = w.app.call('lookupPublicCase', slip.code.toLowerCase(), slip.key) as { code: string; group: string; status: string };
    expect(found).toMatchObject({ code: slip.code, group: 'Tổ dân phố 7', status: 'Mới tiếp nhận' });
    // The acknowledgement carries the very key on the stub.
    runHourly(w);
    const ack = w.ws.mail.outbox().find((m) => m.subject.includes(slip.code))!;
    expect(ack.body).toContain(`Mã tra cứu: ${slip.key}`);
  });
});

describe('one slip, one code (issue 16)', () => {
  it('a slip cannot be entered twice under two spellings of its code; every spelling finds it', () => {
    const w = setUpWard();
    const [slip] = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 3 }) as Doc);
    expect(slip.code).toBe('GY-2026-P00001');
    // Before it is entered, every spelling is the same printed slip.
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-P000001', slip.key)).toThrow('Phiếu giấy của ông/bà chưa được cán bộ nhập vào hòm thư');
    const r = w.app.call('submitStaffCase', { ...entry, slipCode: 'GY-2026-P000001' }) as { code: string };
    expect(r.code).toBe('GY-2026-P00001');
    for (const again of ['GY-2026-P00001', 'gy 2026 p 0000001', 'GY-2026-P000001']) {
      expect(() => w.app.call('submitStaffCase', { ...entry, content: `Nhập lại: ${again}`, slipCode: again })).toThrow('Phiếu GY-2026-P00001 đã được nhập trước đó');
    }
    expect(tabRecords(w, 'Ý kiến').map((c) => c['Mã ý kiến'])).toEqual(['GY-2026-P00001']);
    expect((w.app.call('lookupPublicCase', 'GY-2026-P0000001', slip.key) as { code: string }).code).toBe('GY-2026-P00001');
    expect((w.app.call('getCase', 'GY-2026-P000001') as { code: string }).code).toBe('GY-2026-P00001');
    // The printed range is checked on the number, however it is written.
    expect(() => w.app.call('submitStaffCase', { ...entry, slipCode: 'GY-2026-P000004' })).toThrow('Chưa có phiếu giấy nào được in với mã GY-2026-P00004.');
    expect((w.app.call('submitStaffCase', { ...entry, content: 'Phiếu thứ ba', slipCode: 'GY-2026-P000003' }) as { code: string }).code).toBe('GY-2026-P00003');
  });
});

describe('faults', () => {
  it('a slip entry failing at any one service call, then entered again: one case under the printed code, one acknowledgement', () => {
    let code = '';
    const fresh = wardFactory((w) => {
      code = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 1 }) as Doc)[0].code;
    });
    const input = { ...entry, email: 'nam@gmail.com', slipCode: code };
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    clean.app.call('submitStaffCase', input);
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      let first: string;
      try {
        first = (w.app.call('submitStaffCase', input) as { code: string }).code;
      } catch (e) {
        first = (e as Error).message;
      }
      const where = `call ${k}: ${first}`;
      w.ws.faults.failNthCall(0);
      try {
        w.app.call('submitStaffCase', input);
      } catch (e) {
        // The first try got through before its failure: the slip is used, which is what it says.
        expect([where, (e as Error).message]).toEqual([where, expect.stringContaining('đã được nhập trước đó')]);
      }
      runHourly(w);
      expect([where, tabRecords(w, 'Ý kiến').map((c) => c['Mã ý kiến'])]).toEqual([where, [code]]);
      expect([where, tabRecords(w, 'Người gửi').length]).toEqual([where, 1]);
      expect([where, tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Báo tiếp nhận').length]).toEqual([where, 1]);
    }
  });

  it('printing that fails after the codes are reserved leaves a gap, never a code printed twice', () => {
    const fresh = wardFactory();
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    clean.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 2 });
    const total = clean.ws.faults.sweepState().calls;
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      let printed: string[] = [];
      try {
        printed = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 2 }) as Doc).map((s) => s.code);
      } catch {
        // the clerk prints again
      }
      w.ws.faults.failNthCall(0);
      const again = stubs(w, w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 2 }) as Doc).map((s) => s.code);
      expect([`call ${k}`, again.filter((c) => printed.includes(c))]).toEqual([`call ${k}`, []]);
    }
  });
});
