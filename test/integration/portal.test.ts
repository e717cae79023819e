/**
 * Issue 10.4: handling bodies and viewers work through personal links to the web app, not the
 * spreadsheet. A link shows only that body's cases, never the sender; progress and a draft answer
 * recorded through it are audited under its holder and answered by MTTQ staff; revoked, expired or
 * orphaned links are refused; handlers no longer get edit access to the spreadsheet's tabs.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

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
  assign(w, 'GY-2026-00001', 'UBND phường', UBND);
  assign(w, 'GY-2026-00002', 'Công an phường', POLICE);
  runHourly(w);
  return w;
}

function assign(w: Ward, code: string, body: string, assignee: string): void {
  let v = w.app.call('getCase', code) as View;
  v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: View }).view;
  w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body, assignee });
}

function tokenIn(w: Ward, to: string): string {
  const mail = [...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === to && /\?p=[0-9a-f]{64}/.test(m.body))!;
  return /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
}

describe('a handling body\'s personal link', () => {
  it('comes with the assignment e-mail and shows only that body\'s cases, never who sent them', () => {
    const w = ward();
    const page = w.app.call('getPortal', tokenIn(w, UBND)) as Portal;
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
    const token = tokenIn(w, UBND);
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
    expect(() => w.app.call('portalCaseAction', tokenIn(w, UBND), police.code, police.row, police.version, { kind: 'progress', text: 'x' })).toThrow('Không tìm thấy ý kiến');
  });

  it('is refused once revoked, once expired (30 days), or once its holder leaves "Cán bộ"; a made-up token too', () => {
    const w = ward();
    const token = tokenIn(w, UBND);
    expect(() => w.app.call('getPortal', '0'.repeat(64))).toThrow('Liên kết không hợp lệ');
    expect(() => w.app.call('getPortal', 'abc')).toThrow('Liên kết không hợp lệ');
    const revoked = w.app.call('revokePortalLink', UBND) as { message: string };
    expect(revoked.message).toContain('Đã thu hồi 1 liên kết');
    expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');

    const w2 = ward();
    const t2 = tokenIn(w2, UBND);
    w2.ws.clock.advance(31 * 86_400_000);
    expect(() => w2.app.call('getPortal', t2)).toThrow('Liên kết không hợp lệ');

    const w3 = ward();
    const t3 = tokenIn(w3, UBND);
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
    const token = tokenIn(w, VIEWER);
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
  it('gets a personal link when a case first reaches the body, once while it is valid', () => {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
      [UBND, 'Xử lý', 'UBND phường'],
      ['pho.chutich@luukiem.example', 'Xử lý', 'UBND phường'],
    ]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Một' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Hai' }));
    runHourly(w);
    assign(w, 'GY-2026-00001', 'UBND phường', UBND);
    assign(w, 'GY-2026-00002', 'UBND phường', UBND);
    runHourly(w);
    const links = w.ws.mail.outbox().filter((m) => m.to[0] === 'pho.chutich@luukiem.example' && /\?p=[0-9a-f]{64}/.test(m.body));
    expect(links).toHaveLength(1);
    const page = w.app.call('getPortal', /\?p=([0-9a-f]{64})/.exec(links[0].body)![1]) as Portal;
    expect(page.cases.map((c) => c.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002']);
  });
});
