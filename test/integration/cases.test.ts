/**
 * The staff's work on cases, on the emulator: inbox and case view within their budgets, every
 * action and its audit row, roles enforced on the server, two people on one case.
 */
import { buildIndex } from '../../src/domain/case-record';
import { STATUS } from '../../src/domain/case';
import { ADMIN, asUser, formAnswers, setUpWard, tabRecords, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const POLICE = 'congan@luukiem.example';
const VIEWER = 'viewer@luukiem.example';

type View = { code: string; row: number; version: number; status: string; actions: Array<{ key: string }>; history: Array<{ action: string }>; [k: string]: unknown };

function ward(): Ward {
  const w = setUpWard();
  const ss = w.SpreadsheetApp.getActive();
  ss.getSheetByName('Cán bộ')!.getRange(3, 1, 3, 3).setValues([
    [HANDLER, 'Xử lý', 'UBND phường'],
    [POLICE, 'Xử lý', 'Công an phường'],
    [VIEWER, 'Xem', ''],
  ]);
  ss.getSheetByName('Cơ quan xử lý')!.getRange(2, 2, 2, 1).setValues([['vanphong@luukiem.example'], ['congan@luukiem.example']]);
  w.ws.clock.advance(3_600_000);
  w.ws.runDueTriggers();
  return w;
}

function submit(w: Ward, content: string, extra: Parameters<typeof formAnswers>[0] = {}): void {
  w.ws.forms.submit(w.formId, formAnswers({ content, ...extra }));
}

const as = asUser;

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => w.app.call('caseAction', v.code, v.row, v.version, input) as { message: string; view: View };

describe('inbox', () => {
  it('counts, filters (text search ignores diacritics) and pages, newest first', () => {
    const w = ward();
    submit(w, 'Đường hỏng ở ngõ 5', { group: 'Tổ dân phố 2' });
    submit(w, 'Rác thải ùn ứ', { group: 'Tổ dân phố 3' });
    submit(w, 'Karaoke ồn ào ban đêm', { group: 'Tổ dân phố 3' });
    const all = w.app.call('getInbox', {}) as { counters: Record<string, number>; total: number; items: Array<{ code: string; summary: string; workingDaysLeft: number }> };
    expect(all.counters).toEqual({ new: 3, inProgress: 0, dueSoon: 0, overdue: 0, callBack: 0, lowRating: 0 });
    expect(all.items.map((i) => i.summary)).toEqual(['Karaoke ồn ào ban đêm', 'Rác thải ùn ứ', 'Đường hỏng ở ngõ 5']);
    expect((w.app.call('getInbox', { text: 'duong hong' }) as typeof all).items.map((i) => i.summary)).toEqual(['Đường hỏng ở ngõ 5']);
    expect((w.app.call('getInbox', { text: 'RÁC' }) as typeof all).total).toBe(1);
    expect((w.app.call('getInbox', { group: 'Tổ dân phố 3', pageSize: 1, page: 2 }) as typeof all).items.map((i) => i.summary)).toEqual(['Rác thải ùn ứ']);
    w.ws.clock.setTo('2026-12-02T03:00:00Z'); // due 03/12: one working day left
    expect((w.app.call('getInbox', {}) as typeof all).counters).toMatchObject({ dueSoon: 3, overdue: 0 });
    w.ws.clock.setTo('2026-12-04T03:00:00Z');
    expect((w.app.call('getInbox', { status: 'overdue' }) as typeof all).total).toBe(3);
  });

  it('opens on a 100,000-case database in at most 6 Spreadsheet calls, reading one column', () => {
    const w = ward();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const indexCol = header.indexOf('Chỉ mục (hệ thống)') + 1;
    sheet.insertRowsAfter(sheet.getMaxRows(), 100_000);
    const base = new Date('2026-01-05T02:00:00Z').getTime();
    const rows = Array.from({ length: 100_000 }, (_, i) => {
      const receivedAt = new Date(base + i * 60_000);
      return [buildIndex({ code: `GY-2026-${String(i + 1).padStart(6, '0')}`, receivedAt, channel: 'QR', group: `Tổ dân phố ${(i % 40) + 1}`, category: '', suggestedCategory: 'Môi trường', status: STATUS.new, dueDate: receivedAt, bodyDueDate: '', assignedBody: i % 2 ? 'UBND phường' : '', assignee: '', outcome: '', hiddenFromPublic: false, content: `Ý kiến ${i}`, location: '', answeredAt: '', answerSentAt: '', confidential: false, complexity: 'Thường', hasEmail: false, hasPhone: false, answerMethod: '' })];
    });
    sheet.getRange(2, indexCol, rows.length, 1).setValues(rows);
    w.ws.resetStats();
    const page = w.app.call('getInbox', { pageSize: 20 }) as { total: number; items: Array<{ code: string }> };
    const s = w.ws.stats().services.SpreadsheetApp;
    expect(page.total).toBe(100_000);
    expect(page.items[0].code).toBe('GY-2026-100000');
    expect(s.calls).toBeLessThanOrEqual(6);
    expect(s.cellsRead).toBeLessThanOrEqual(sheet.getMaxRows());
    // A handler's inbox: only their body's cases.
    const theirs = as(w, HANDLER, () => w.app.call('getInbox', {})) as { total: number };
    expect(theirs.total).toBe(50_000);
  });
});

describe('actions on a case', () => {
  it('from submission to an answered, closed case, with the answer e-mailed through the outbox', () => {
    const w = ward();
    submit(w, 'Đèn đường ngõ 12 hỏng', { email: 'dan@gmail.com' });
    let v = open(w, 'GY-2026-00001');
    v = act(w, v, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }).view;
    v = act(w, v, { action: 'assign', body: 'UBND phường', assignee: HANDLER, bodyDueDate: '2026-12-01' }).view;
    expect(v.status).toBe(STATUS.inProgress);
    // The handling body works through its personal link from the assignment e-mail (issue 10),
    // not the spreadsheet: the sidebar refuses its writes with the way to go.
    expect(() => as(w, HANDLER, () => act(w, v, { action: 'progress', text: 'x' }))).toThrow('qua liên kết cá nhân');
    w.ws.clock.advance(3_600_000);
    w.ws.runDueTriggers();
    const token = /\?p=([0-9a-f]{64})/.exec(w.ws.mail.outbox().find((m) => m.to[0] === HANDLER)!.body)![1];
    const portal = (input: Record<string, unknown>) => {
      const c = open(w, 'GY-2026-00001');
      w.app.call('portalCaseAction', token, c.code, c.row, c.version, input);
      return open(w, 'GY-2026-00001');
    };
    portal({ kind: 'progress', text: 'Đã báo điện lực thay bóng.' });
    v = portal({ kind: 'answer', text: 'Đèn đã được thay ngày 28/11.' });
    // Written is not answered (issue 8.4): a draft until the e-mail goes.
    expect([v.status, v.answerState, v.workingDaysLeft === null]).toEqual([STATUS.draftAnswer, 'draft', false]);
    expect(v.publicSummary).toBe('');
    const sent = act(w, v, { action: 'sendAnswer' });
    // Queued, not answered (issue 18.5): the clock runs on until the e-mail has left.
    expect([sent.view.status, sent.view.answerState, sent.view.workingDaysLeft === null]).toEqual([STATUS.approved, 'emailWaiting', false]);
    expect(sent.message).toContain('hộp thư đi');
    w.ws.clock.advance(3_600_000);
    w.ws.runDueTriggers();
    const answered = open(w, 'GY-2026-00001');
    expect([answered.status, answered.answerState, answered.workingDaysLeft]).toEqual([STATUS.answered, 'email', null]);
    v = act(w, answered, { action: 'close', outcome: 'resolved' }).view;
    expect([v.status, v.outcome]).toEqual([STATUS.closed, 'Đã giải quyết']);
    const mails = w.ws.mail.outbox();
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['dan@gmail.com', '[Hòm thư số] Đã tiếp nhận ý kiến GY-2026-00001'],
      [HANDLER, '[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00001 (hạn 03/12/2026)'],
      ['dan@gmail.com', '[Hòm thư số] Trả lời ý kiến GY-2026-00001'],
    ]);
    expect(mails[2].body).toContain('Đèn đã được thay ngày 28/11.');
    expect(v.history.map((h) => h.action)).toEqual(['Tiếp nhận', 'Phân loại', 'Chuyển xử lý', 'Cập nhật tiến độ', 'Soạn trả lời', 'Gửi trả lời qua email', 'Thư trả lời đã gửi đến người dân', 'Đóng ý kiến']);
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === 'GY-2026-00001');
    expect(audit.map((r) => [r['Người thực hiện'], r['Hành động']])).toEqual([
      [ADMIN, 'Phân loại'],
      [ADMIN, 'Chuyển xử lý'],
      [HANDLER, 'Cập nhật tiến độ'],
      [HANDLER, 'Soạn trả lời'],
      [ADMIN, 'Gửi trả lời qua email'],
      ['Hệ thống', 'Thư trả lời đã gửi đến người dân'],
      [ADMIN, 'Đóng ý kiến'],
    ]);
    expect(audit[0]).toMatchObject({ 'Trường': 'Lĩnh vực; Trạng thái', 'Giá trị cũ': '; Mới tiếp nhận', 'Giá trị mới': 'Hạ tầng, giao thông; Đã phân loại' });
  });

  it('one action reads its row once and writes one batch (issue 19): the row with its debt, the board stamp, one audit row, the debt emptied, flushed', () => {
    const w = ward();
    submit(w, 'Rác');
    let v = open(w, 'GY-2026-00001');
    w.ws.resetStats();
    v = act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'complex' }).view;
    let s = w.ws.stats().services.SpreadsheetApp;
    // Requests are asserted in budgets.test.ts; here the calls: no read but the row, only writes after it.
    expect(s.methods['Range.getValues'].calls).toBe(1);
    expect(s.methods['Range.setValues']).toMatchObject({ calls: 3, cellsRead: 0 });
    // The audit row, and the row of what the suggestions learn (issue 21: category and complexity), in the same batch.
    expect(s.methods['Sheet.appendRow'].calls).toBe(2);
    expect(s.methods['SpreadsheetApp.flush'].calls).toBe(1);
    expect(s.calls).toBeLessThanOrEqual(14);
    w.ws.resetStats();
    act(w, v, { action: 'assign', body: 'UBND phường', assignee: '' });
    s = w.ws.stats().services.SpreadsheetApp;
    // One e-mail here: the announcement to the body's member in "Cán bộ" (issue 18.1: a body with
    // a member does not mail its general address too), with the summary masked of the
    // submitter's name ("Người gửi" read once: one read more); each further e-mail is one appendRow more,
    // and the body's lesson for the suggestions (issue 21) one.
    expect(s.methods['Sheet.appendRow'].calls).toBe(3);
    expect(s.methods['Range.getValues'].calls).toBe(2);
    expect(s.calls).toBeLessThanOrEqual(18);
  });

  it('a save based on an old version is refused and shows what changed; nothing is overwritten', () => {
    const w = ward();
    submit(w, 'Rác');
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(6, 1, 1, 2).setValues([['admin2@luukiem.example', 'Quản trị']]);
    w.ws.clock.advance(3_600_000);
    w.ws.runDueTriggers();
    const mine = open(w, 'GY-2026-00001');
    const theirs = as(w, 'admin2@luukiem.example', () => open(w, 'GY-2026-00001'));
    as(w, 'admin2@luukiem.example', () => act(w, theirs, { action: 'classify', category: 'Môi trường', complexity: 'normal' }));
    expect(() => act(w, mine, { action: 'classify', category: 'Trật tự đô thị', complexity: 'normal' })).toThrow(/phiên bản 1 → 2[\s\S]*admin2@luukiem.example — Phân loại \(Lĩnh vực: – → Môi trường/);
    expect(open(w, 'GY-2026-00001').category).toBe('Môi trường');
  });

  it('duplicate links both ways; a follow-up opens a new linked case; misuse is hidden and reported to the police', () => {
    const w = ward();
    submit(w, 'Ngập ở ngõ 4');
    submit(w, 'Ngập ở ngõ 4 (gửi lại)');
    submit(w, 'Nội dung bôi nhọ');
    act(w, open(w, 'GY-2026-00002'), { action: 'duplicate', of: 'GY-2026-00001' });
    expect(open(w, 'GY-2026-00001').linkedCases).toBe('GY-2026-00002');
    expect(open(w, 'GY-2026-00002')).toMatchObject({ status: STATUS.closed, outcome: 'Trùng lặp', linkedCases: 'GY-2026-00001' });
    const f = act(w, open(w, 'GY-2026-00001'), { action: 'followUp', content: 'Vẫn còn ngập sau 2 tuần' });
    expect(f.message).toBe('Đã tạo ý kiến mới GY-2026-00004 (phản ánh lại ý kiến GY-2026-00001).');
    expect(open(w, 'GY-2026-00004')).toMatchObject({ linkedCases: 'GY-2026-00001', content: 'Vẫn còn ngập sau 2 tuần' });
    expect(open(w, 'GY-2026-00001').linkedCases).toBe('GY-2026-00002, GY-2026-00004');
    const m = act(w, open(w, 'GY-2026-00003'), { action: 'misuse', reason: 'Bôi nhọ cán bộ' });
    expect(m.view).toMatchObject({ status: STATUS.closed, outcome: 'Lợi dụng, vi phạm pháp luật', hiddenFromPublic: true });
    w.ws.clock.advance(3_600_000);
    w.ws.runDueTriggers();
    expect(w.ws.mail.outbox().find((x) => x.to[0] === 'congan@luukiem.example')?.subject).toBe('[Hòm thư số] Ý kiến GY-2026-00003 có dấu hiệu lợi dụng');
  });

  it('an illegal action gets a Vietnamese message and changes nothing', () => {
    const w = ward();
    submit(w, 'Rác');
    const v = open(w, 'GY-2026-00001');
    expect(() => act(w, v, { action: 'sendAnswer' })).toThrow('Không thể "Gửi trả lời qua email" khi ý kiến đang ở trạng thái "Mới tiếp nhận".');
    expect(open(w, 'GY-2026-00001').version).toBe(1);
  });
});

describe('roles, checked on the server for every call', () => {
  it('a handler cannot open or act on another body’s case, even calling the server directly', () => {
    const w = ward();
    submit(w, 'Rác');
    const v = open(w, 'GY-2026-00001');
    act(w, v, { action: 'assign', body: 'Công an phường', assignee: '' });
    as(w, HANDLER, () => {
      expect(() => w.app.call('getCase', 'GY-2026-00001')).toThrow('Không tìm thấy ý kiến, hoặc đồng chí không có quyền xem ý kiến này.');
      // Handlers write only through their personal link (issue 10): refused before anything is read.
      expect(() => w.app.call('caseAction', 'GY-2026-00001', v.row, 2, { action: 'note', text: 'x' })).toThrow('qua liên kết cá nhân');
      expect((w.app.call('getInbox', {}) as { total: number }).total).toBe(0);
    });
    // Their own body's case they read in the sidebar, but the sidebar offers them no action: they act by link.
    as(w, POLICE, () => expect((w.app.call('getCase', 'GY-2026-00001') as View).actions.map((a) => a.key)).toEqual([]));
  });

  it('a viewer reads but cannot act; a stranger gets nothing', () => {
    const w = ward();
    submit(w, 'Rác');
    as(w, VIEWER, () => {
      const v = open(w, 'GY-2026-00001');
      expect(v.actions).toEqual([]);
      expect(() => act(w, v, { action: 'note', text: 'x' })).toThrow('Vai trò của đồng chí không được "Ghi chú nội bộ".');
    });
    as(w, 'stranger@gmail.com', () => expect(() => w.app.call('getInbox', {})).toThrow('Tài khoản của đồng chí chưa có vai trò trong tab "Cán bộ".'));
  });

  it('contact details: admins only, after a reason, and every view is logged with it', () => {
    const w = ward();
    submit(w, 'Rác', { name: 'Phạm Thị Lan', phone: '0987654321', email: 'lan@gmail.com' });
    expect(JSON.stringify(open(w, 'GY-2026-00001'))).not.toContain('Phạm Thị Lan');
    expect(() => w.app.call('getContactDetails', 'GY-2026-00001', ' ')).toThrow(/Hãy ghi lý do/);
    expect(w.app.call('getContactDetails', 'GY-2026-00001', 'Gọi lại xác minh địa điểm')).toEqual({ name: 'Phạm Thị Lan', phone: '0987654321', phoneValid: true, email: 'lan@gmail.com', emailValid: true, confidential: false });
    expect(tabRecords(w, 'Nhật ký').at(-1)).toMatchObject({ 'Hành động': 'Xem thông tin người gửi', 'Chi tiết': 'Gọi lại xác minh địa điểm', 'Người thực hiện': ADMIN });
    act(w, open(w, 'GY-2026-00001'), { action: 'assign', body: 'UBND phường', assignee: '' });
    as(w, HANDLER, () => expect(() => w.app.call('getContactDetails', 'GY-2026-00001', 'tò mò')).toThrow('Chỉ cán bộ quản trị được xem thông tin người gửi.'));
  });
});

describe('the official calendar in the case view', () => {
  it('a due date counted through a year whose days off are not announced yet says so', () => {
    const w = setUpWard({ now: '2026-12-28T02:00:00Z' });
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Cuối năm' }));
    const v = w.app.call('getCase', 'GY-2026-00001') as View & { provisionalYears: number[]; dueOn: string };
    // 29, 30, 31/12/2026, then 1/1/2027 (Tết Dương lịch) off: 4, 5, 6, 7/1/2027.
    expect(v.dueOn).toBe('07/01/2027');
    expect(v.provisionalYears).toEqual([2027]);
    const early = setUpWard({ now: '2026-11-24T02:00:00Z' });
    early.ws.forms.submit(early.formId, formAnswers({ content: 'Tháng 11' }));
    expect((early.app.call('getCase', 'GY-2026-00001') as { provisionalYears: number[] }).provisionalYears).toEqual([]);
  });
});

describe('assigning to someone outside the staff list', () => {
  it('saves, e-mails them, and warns that they cannot use the sidebar', () => {
    const w = ward();
    submit(w, 'Cây đổ');
    let v = open(w, 'GY-2026-00001');
    v = act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'normal' }).view;
    const r = act(w, v, { action: 'assign', body: 'UBND phường', assignee: 'nguoila@luukiem.example' });
    expect(r.message).toContain('nguoila@luukiem.example chưa có trong tab "Cán bộ"');
    const known = act(w, r.view, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
    expect(known.message).not.toContain('chưa có trong tab');
  });
});
