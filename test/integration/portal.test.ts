/**
 * Issue 10.4: handling bodies and viewers work through personal links to the web app, not the
 * spreadsheet. A link shows only that body's cases, never the sender; progress and a draft answer
 * recorded through it are audited under its holder and answered by MTTQ staff; revoked, expired or
 * orphaned links are refused; handlers no longer get edit access to the spreadsheet's tabs.
 */
import { asUser, assignCase, formAnswers, linkTokenSentTo, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const UBND = 'ubnd@luukiem.example';
const POLICE = 'congan@luukiem.example';
const VIEWER = 'dangUy@luukiem.example'.toLowerCase();
type Portal = { email: string; body: string; role: string; cases: Array<{ code: string; row: number; version: number; canAct: boolean; mine: Array<{ at: string; action: string; detail: string }>; status: string; bodyDueOn: string }> };
type View = { code: string; row: number; version: number; status: string };

function ward(): Ward {
  const w = setUpWard();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 3, 3).setValues([
    [UBND, 'Xử lý', 'UBND phường'],
    [POLICE, 'Xử lý', 'Công an phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', name: 'Phạm Thị Hoa', email: 'hoa.pham@gmail.com', phone: '0912000111' }));
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe ở ngõ 9' }));
  runHourly(w);
  assignCase(w, 'GY-2026-00001', 'UBND phường', UBND);
  assignCase(w, 'GY-2026-00002', 'Công an phường', POLICE);
  runHourly(w);
  return w;
}

describe('a handling body\'s personal link', () => {
  it('comes with the assignment e-mail and shows only that body\'s cases, never who sent them', () => {
    const w = ward();
    const page = w.app.call('getPortal', linkTokenSentTo(w, UBND)) as Portal;
    expect([page.email, page.body, page.role]).toEqual([UBND, 'UBND phường', 'handler']);
    expect(page.cases.map((c) => c.code)).toEqual(['GY-2026-00001']);
    const json = JSON.stringify(page);
    for (const secret of ['Phạm Thị Hoa', 'hoa.pham@gmail.com', '0912000111', 'GY-2026-00002']) expect(json).not.toContain(secret);
    // The assignment e-mail points to the link, not to the spreadsheet.
    const mail = w.ws.mail.outbox().find((m) => m.to[0] === UBND && m.subject.includes('Chuyển xử lý'))!;
    expect(mail.body).not.toContain('docs.google.com/spreadsheets');
  });

  it('records progress with a committed date and a draft answer, audited under its holder; staff answer the resident', () => {
    const w = ward();
    const token = linkTokenSentTo(w, UBND);
    let page = w.app.call('getPortal', token) as Portal;
    const c = page.cases[0];
    page = w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'progress', text: 'Đã báo điện lực.', bodyDueDate: '2026-12-01' }) as Portal;
    expect(page.cases[0]).toMatchObject({ bodyDueOn: '01/12/2026' });
    expect(page.cases[0].mine.map((m) => m.action)).toEqual(['Cập nhật tiến độ']);
    // Stamped in Vietnam's wall time by civil-date, as the history is, not by the host's ICU.
    expect(page.cases[0].mine[0].at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    page = w.app.call('portalCaseAction', token, c.code, page.cases[0].row, page.cases[0].version, { kind: 'answer', text: 'Điện lực đã thay bóng đèn ngày 26/11.' }) as Portal;
    expect(page.cases[0].status).toBe('Dự thảo trả lời');
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === c.code && r['Người thực hiện'] === UBND).map((r) => r['Hành động']);
    expect(audit).toEqual(['Cập nhật tiến độ', 'Soạn trả lời']);
    // The admin sees the draft in the sidebar and answers the resident.
    const v = w.app.call('getCase', c.code) as View & { answer: string };
    expect(v.answer).toBe('Điện lực đã thay bóng đèn ngày 26/11.');
    const sent = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'sendAnswer' }) as { view: View }).view;
    // Answered once the e-mail has left the outbox (issue 18.5), with the hourly job.
    expect(sent.status).toBe('Đã duyệt, chờ gửi');
    runHourly(w);
    expect((w.app.call('getCase', c.code) as View).status).toBe('Đã trả lời');
    // Stale version through the link: refused with what changed.
    expect(() => w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'progress', text: 'x' })).toThrow('Ý kiến đã được cập nhật');
  });

  it('cannot touch another body\'s case, even by its code', () => {
    const w = ward();
    const police = w.app.call('getCase', 'GY-2026-00002') as View;
    expect(() => w.app.call('portalCaseAction', linkTokenSentTo(w, UBND), police.code, police.row, police.version, { kind: 'progress', text: 'x' })).toThrow('Không tìm thấy ý kiến');
  });

  it('is refused once revoked, once expired (30 days), or once its holder leaves "Cán bộ"; a made-up token too', () => {
    const w = ward();
    const token = linkTokenSentTo(w, UBND);
    expect(() => w.app.call('getPortal', '0'.repeat(64))).toThrow('Liên kết không hợp lệ');
    expect(() => w.app.call('getPortal', 'abc')).toThrow('Liên kết không hợp lệ');
    const revoked = w.app.call('revokePortalLink', UBND) as { message: string };
    expect(revoked.message).toContain('Đã thu hồi 1 liên kết');
    expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');

    const w2 = ward();
    const t2 = linkTokenSentTo(w2, UBND);
    w2.ws.clock.advance(31 * 86_400_000);
    expect(() => w2.app.call('getPortal', t2)).toThrow('Liên kết không hợp lệ');

    const w3 = ward();
    const t3 = linkTokenSentTo(w3, UBND);
    w3.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).clearContent();
    runHourly(w3);
    expect(() => w3.app.call('getPortal', t3)).toThrow('Liên kết không hợp lệ');
  });
});

describe('a viewer\'s link', () => {
  it('is sent by an admin from the sidebar, shows open cases read-only, and cannot act', () => {
    const w = ward();
    const sent = w.app.call('sendPortalLink', VIEWER) as { message: string; rows: Array<{ email: string; validUntil: string }> };
    expect(sent.message).toContain(VIEWER);
    expect(sent.rows.find((r) => r.email === VIEWER)!.validUntil).not.toBe('');
    runHourly(w);
    const token = linkTokenSentTo(w, VIEWER);
    const page = w.app.call('getPortal', token) as Portal;
    expect(page.role).toBe('viewer');
    expect(page.cases.map((c) => c.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002']);
    expect(page.cases.every((c) => !c.canAct)).toBe(true);
    const c = page.cases[0];
    expect(() => w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'progress', text: 'x' })).toThrow('Liên kết không hợp lệ');
    expect(() => w.app.call('sendPortalLink', 'admin@luukiem.example')).toThrow('Chỉ cấp liên kết');
  });
});

describe('the spreadsheet is for MTTQ staff', () => {
  it('setup and the hourly job no longer make handlers editors of any tab', () => {
    const w = ward();
    w.app.call('setupMailbox');
    const ss = w.SpreadsheetApp.getActive();
    for (const name of ['Ý kiến', 'Nhật ký', 'Người gửi']) {
      const editors = ss.getSheetByName(name)!.getProtections(w.SpreadsheetApp.ProtectionType.SHEET)[0].getEditors().map((u) => u.getEmail());
      expect(editors).not.toContain(UBND);
      expect(editors).not.toContain(POLICE);
    }
  });
});

describe('every member of the body', () => {
  it('is told of each case that reaches the body, each time with the same valid personal link', () => {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
      [UBND, 'Xử lý', 'UBND phường'],
      ['pho.chutich@luukiem.example', 'Xử lý', 'UBND phường'],
    ]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Một' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Hai' }));
    runHourly(w);
    assignCase(w, 'GY-2026-00001', 'UBND phường', UBND);
    assignCase(w, 'GY-2026-00002', 'UBND phường', UBND);
    runHourly(w);
    const links = w.ws.mail.outbox().filter((m) => m.to[0] === 'pho.chutich@luukiem.example' && /\?p=[0-9a-f]{64}/.test(m.body));
    expect(links.map((m) => m.subject)).toEqual(['[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00001 (hạn 03/12/2026)', '[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00002 (hạn 03/12/2026)']);
    const tokens = links.map((m) => /\?p=([0-9a-f]{64})/.exec(m.body)![1]);
    expect(tokens[1]).toBe(tokens[0]);
    const page = w.app.call('getPortal', tokens[0]) as Portal;
    expect(page.cases.map((c) => c.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002']);
  });
});

describe('issue 18.3: the personal-link page is a work list', () => {
  type WorkCase = { code: string; row: number; version: number; pressing: string; left: number | null; reopened: { on: string; reason: string } | null; proposal: { text: string; state: string; answeredOn: string; method: string } | null; canAct: boolean };
  type WorkPage = { role: string; counts: { overdue: number; dueSoon: number; open: number; done: number }; cases: WorkCase[] };
  const act = (w: Ward, code: string, input: Record<string, unknown>) => {
    const v = w.app.call('getCase', code) as View;
    return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
  };

  function worklist(): { w: Ward; token: string } {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
      [UBND, 'Xử lý', 'UBND phường'],
      [VIEWER, 'Xem', ''],
    ]);
    runHourly(w);
    // A on Tuesday 24/11 (due 03/12), B on Friday 27/11 (due 08/12), C and D on Friday 04/12 (due 15/12).
    w.ws.forms.submit(w.formId, formAnswers({ content: 'A: đèn ngõ 3 hỏng' }));
    w.ws.clock.setTo(new Date('2026-11-27T02:00:00Z'));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'B: cống ngõ 5 tắc' }));
    w.ws.clock.setTo(new Date('2026-12-04T02:00:00Z'));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'C: rác ngõ 7' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'D: cây đổ ngõ 9', name: 'Phạm Thị Hoa', phone: '0912000111' }));
    for (const code of ['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003', 'GY-2026-00004']) {
      act(w, code, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
      act(w, code, { action: 'assign', body: 'UBND phường', assignee: '' });
    }
    runHourly(w);
    return { w, token: linkTokenSentTo(w, UBND) };
  }

  it('counts and marks overdue and due-soon cases as the inbox does, and lists them first', () => {
    const { w, token } = worklist();
    const page = w.app.call('getPortal', token) as WorkPage;
    expect(page.cases.map((c) => [c.code, c.pressing, c.left])).toEqual([
      ['GY-2026-00001', 'overdue', -1],
      ['GY-2026-00002', 'dueSoon', 2],
      ['GY-2026-00003', 'open', 7],
      ['GY-2026-00004', 'open', 7],
    ]);
    const inbox = asUser(w, UBND, () => w.app.call('getInbox', {}) as { counters: { overdue: number; dueSoon: number } });
    expect([page.counts.overdue, page.counts.dueSoon]).toEqual([inbox.counters.overdue, inbox.counters.dueSoon]);
    expect(page.counts).toEqual({ overdue: 1, dueSoon: 1, open: 2, done: 0 });
  });

  it('shows what the body proposed and where it stands: awaiting review, changed by MTTQ, answered; and why a case was reopened', () => {
    const { w, token } = worklist();
    const proposeOn = (code: string, text: string) => {
      const c = (w.app.call('getPortal', token) as WorkPage).cases.find((x) => x.code === code)!;
      w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'answer', text });
    };
    const caseOf = (code: string) => (w.app.call('getPortal', token) as WorkPage).cases.find((x) => x.code === code)!;
    proposeOn('GY-2026-00003', 'Đã thu gom rác ngõ 7 ngày 05/12.');
    expect(caseOf('GY-2026-00003').proposal).toMatchObject({ text: 'Đã thu gom rác ngõ 7 ngày 05/12.', state: 'awaitingReview', answeredOn: '' });
    // MTTQ changes the wording and answers the resident by phone.
    act(w, 'GY-2026-00003', { action: 'answer', text: 'UBND phường đã thu gom rác ngõ 7 ngày 05/12/2026.' });
    act(w, 'GY-2026-00003', { action: 'recordCall', note: 'Đã gọi' });
    expect(caseOf('GY-2026-00003')).toMatchObject({ pressing: 'done', left: null, proposal: { text: 'Đã thu gom rác ngõ 7 ngày 05/12.', state: 'revised', answeredOn: '04/12/2026', method: 'Điện thoại' } });
    // D: proposed, sent as it was, then reopened with a reason that names the resident.
    proposeOn('GY-2026-00004', 'Đã cưa cây đổ ngõ 9.');
    act(w, 'GY-2026-00004', { action: 'recordCall', note: 'Đã gọi' });
    expect(caseOf('GY-2026-00004').proposal).toMatchObject({ state: 'answered', answeredOn: '04/12/2026' });
    act(w, 'GY-2026-00004', { action: 'reopen', reason: 'Bà Phạm Thị Hoa (0912000111) báo còn cành chắn lối.' });
    const d = caseOf('GY-2026-00004');
    expect(d.reopened).toEqual({ on: '04/12/2026', reason: 'Bà [đã ẩn] ([đã ẩn]) báo còn cành chắn lối.' });
    expect(d.proposal).toMatchObject({ state: 'reopened', answeredOn: '' });
    expect([d.pressing, d.canAct]).toEqual(['open', true]);
  });

  it('a viewer\'s page reads: the same marks, no forms, read-only wording in the link mail', () => {
    const { w } = worklist();
    w.app.call('sendPortalLink', VIEWER);
    runHourly(w);
    const mail = [...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === VIEWER)!;
    expect(mail.subject).toBe('[Hòm thư số] Liên kết xem ý kiến của Nhân dân');
    expect(mail.body).not.toMatch(/cập nhật/i);
    const page = w.app.call('getPortal', linkTokenSentTo(w, VIEWER)) as WorkPage;
    expect([page.role, page.cases.map((c) => c.pressing), page.cases.some((c) => c.canAct)]).toEqual(['viewer', ['overdue', 'dueSoon', 'open', 'open'], false]);
  });
});
