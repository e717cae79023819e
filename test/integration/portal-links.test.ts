/**
 * services/public/portal-links: a handling body's personal link token is never stored readable.
 * What the document properties hold for a link is keyed by exactly the SHA-256 of the token (hex),
 * computed here with node:crypto — not with the code under test — and neither the token nor any
 * reversible form of it (base64, hex of its bytes, reversed…) is anywhere in the properties, the
 * tabs or the outbox. A holder removed from "Cán bộ", or given another role or body, loses their
 * links for good: adding the same address back does not revive them (issue 16.6).
 */
import { createHash } from 'node:crypto';
import { SECRET_SLOTS } from '../../src/i18n/vi';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward, addStaff } from '../support/ward';

const UBND = 'ubnd@luukiem.example';
const VIEWER = 'danguy@luukiem.example';
type View = { code: string; row: number; version: number };
const STAFF = 'Cán bộ';

const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = w.app.call('getCase', code) as View;
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

/** The property a link is recorded under: the add-on's prefix "hts.", then "portal." and the token's SHA-256 (a stored name: wards hold it). */
const RECORD = 'hts.portal.';
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function ward(): Ward {
  const w = setUpWard();
  addStaff(w, [
    [UBND, 'Xử lý', 'UBND phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
  return w;
}

function tokensMailedTo(w: Ward, to: string): string[] {
  return w.ws.mail.outbox().filter((m) => m.to[0] === to).flatMap((m) => [...m.body.matchAll(/\?p=([0-9a-f]{64})/g)].map((x) => x[1]));
}

function portalProperties(w: Ward): Record<string, string> {
  const all = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(RECORD)));
}

/** Every readable form of a token someone could turn back into it. */
function forms(token: string): string[] {
  const bytes = Buffer.from(token, 'hex');
  return [token, token.toUpperCase(), Buffer.from(token).toString('base64'), bytes.toString('base64'), bytes.toString('base64url'), [...token].reverse().join(''), token.slice(0, 32), token.slice(32)];
}

describe('personal link tokens are stored as their SHA-256 only', () => {
  it('the link mailed with an assignment and the one an admin sends: one record each, under "hts.portal." + sha256(token)', () => {
    const w = ward();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
    let v = w.app.call('getCase', 'GY-2026-00001') as View;
    v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: View }).view;
    w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: UBND });
    w.app.call('sendPortalLink', VIEWER);
    runHourly(w);

    const tokens = [...tokensMailedTo(w, UBND), ...tokensMailedTo(w, VIEWER)];
    expect(tokens).toHaveLength(2);
    const records = portalProperties(w);
    expect(Object.keys(records).sort()).toEqual(tokens.map((t) => `${RECORD}${sha256Hex(t)}`).sort());
    expect(JSON.parse(records[`${RECORD}${sha256Hex(tokens[0])}`])).toMatchObject({ email: UBND, body: 'UBND phường', role: 'handler' });
    expect(JSON.parse(records[`${RECORD}${sha256Hex(tokens[1])}`])).toMatchObject({ email: VIEWER, role: 'viewer' });
    // And the mailed token is the one the web app accepts.
    expect(w.app.call('getPortal', tokens[0])).toMatchObject({ email: UBND });
  });

  it('no readable form of a token is kept anywhere: properties, tabs, the queued mail', () => {
    const w = ward();
    w.app.call('sendPortalLink', VIEWER);
    // Before the send: the queued mail holds a placeholder, not the token.
    const queued = JSON.stringify(w.ws.snapshot());
    runHourly(w);
    const [token] = tokensMailedTo(w, VIEWER);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const props = JSON.stringify((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties());
    const tabs = JSON.stringify(w.ws.spreadsheets.view(w.ssId).sheets.map((s) => s.displayValues));
    for (const form of forms(token)) {
      expect([form, props.includes(form)]).toEqual([form, false]);
      expect([form, tabs.includes(form)]).toEqual([form, false]);
      expect([form, queued.includes(form)]).toEqual([form, false]);
    }
    expect(props).toContain(sha256Hex(token));
  });
});

describe('a personal link, once its holder leaves "Cán bộ" or changes role or body', () => {
  const HANDLER_ROW = [UBND, 'Xử lý', 'UBND phường'];

  function linked(): { w: Ward; token: string } {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn hỏng' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND });
    runHourly(w);
    const token = /\?p=([0-9a-f]{64})/.exec(w.ws.mail.outbox().find((m) => m.to[0] === UBND)!.body)![1];
    expect((w.app.call('getPortal', token) as { email: string }).email).toBe(UBND);
    return { w, token };
  }
  const refused = (w: Ward, token: string) => expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');
  const staffRange = { sheet: STAFF, row: 3, column: 1, numColumns: 3 };

  it('stays dead when the row is cleared and typed back by hand with no call in between', () => {
    const { w, token } = linked();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when the row is deleted by hand and added back with no call in between', () => {
    const { w, token } = linked();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.deleteRow(3), { changeType: 'REMOVE_ROW' });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
  });

  it('stays dead when the edit trigger could not read the tab: the next call, which reads it, revokes', () => {
    const { w, token } = linked();
    w.ws.faults.inject('SpreadsheetApp', 'Range.getValues', 1); // inside onEdit: it can only mark the list stale
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    refused(w, token); // this call reads the tab again
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
  });

  it('stays dead when the role is changed by hand and changed back', () => {
    const { w, token } = linked();
    const role = { sheet: STAFF, row: 3, column: 2 };
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xem'), { range: role, value: 'Xem' });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xử lý'), { range: role, value: 'Xử lý' });
    refused(w, token);
  });

  it('stays dead when removed and added back between two hourly runs (no edit trigger saw it)', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 1, 1, 3).clearContent();
    runHourly(w);
    sheet.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when the body is changed and changed back between two hourly runs', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 3).setValue('Công an phường');
    runHourly(w);
    sheet.getRange(3, 3).setValue('UBND phường');
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when removed and added back around a run of "Thiết lập hòm thư"', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 1, 1, 3).clearContent();
    w.app.call('setupMailbox');
    sheet.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    w.app.call('setupMailbox');
    refused(w, token);
  });

  it('a person added back gets a new link that works; a colleague keeps theirs', () => {
    const { w, token } = linked();
    const DEPUTY = 'pho.chutich@luukiem.example';
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(4, 1, 1, 3).setValues([[DEPUTY, 'Xử lý', 'UBND phường']]), { range: { sheet: STAFF, row: 4, column: 1, numColumns: 3 } });
    w.app.call('sendPortalLink', DEPUTY);
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    w.app.call('sendPortalLink', UBND);
    runHourly(w);
    refused(w, token);
    const tokenOf = (to: string) => /\?p=([0-9a-f]{64})/.exec([...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === to)!.body)![1];
    expect(tokenOf(UBND)).not.toBe(token);
    expect((w.app.call('getPortal', tokenOf(UBND)) as { email: string }).email).toBe(UBND);
    expect((w.app.call('getPortal', tokenOf(DEPUTY)) as { email: string }).email).toBe(DEPUTY);
  });
});

describe('issue 18.1: every case that reaches a body is announced, with the holder\'s working link', () => {
  const DEPUTY = 'pho.chutich@luukiem.example';
  type Mail = { to: string[]; subject: string; body: string };

  function staffed(): Ward {
    const w = setUpWard();
    addStaff(w, [
      [UBND, 'Xử lý', 'UBND phường'],
      [DEPUTY, 'Xử lý', 'UBND phường'],
      ['congan@luukiem.example', 'Xử lý', 'Công an phường'],
    ]);
    runHourly(w);
    return w;
  }
  const classify = (w: Ward, code: string) => act(w, code, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  const mailsTo = (w: Ward, to: string): Mail[] => w.ws.mail.outbox().filter((m) => m.to[0] === to);
  const tokenOf = (m: Mail) => /\?p=([0-9a-f]{64})/.exec(m.body)![1];
  const portal = (w: Ward, token: string) => w.app.call('getPortal', token) as { email: string; body: string; cases: Array<{ code: string; row: number; version: number }> };

  it('each member gets each case in one e-mail: code, masked summary, due date, the link they hold (no new record, none revoked)', () => {
    const w = staffed();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Tôi là Phạm Thị Hoa, số 0912000111, hoa.pham@gmail.com: đèn ngõ 3 hỏng', name: 'Phạm Thị Hoa', phone: '0912000111', email: 'hoa.pham@gmail.com' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Cống ngõ 8 tắc' }));
    classify(w, 'GY-2026-00001');
    classify(w, 'GY-2026-00002');
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND });
    runHourly(w);
    const before = Object.keys(portalProperties(w)).length;
    act(w, 'GY-2026-00002', { action: 'assign', body: 'UBND phường', assignee: '' });
    // The second case reaches the members who already hold links: no record is added.
    expect(Object.keys(portalProperties(w))).toHaveLength(before);
    runHourly(w);
    for (const who of [UBND, DEPUTY]) {
      const mails = mailsTo(w, who);
      // One e-mail per case, nothing else: no separate "Liên kết" mail without the case.
      expect(mails.map((m) => m.subject)).toEqual(['[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00001 (hạn 03/12/2026)', '[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00002 (hạn 03/12/2026)']);
      const [first, second] = mails;
      expect(first.body).toContain('ý kiến GY-2026-00001');
      expect(first.body).toContain('Hạn trả lời người dân: 03/12/2026 (còn 7 ngày làm việc).');
      expect(first.body).toContain('đèn ngõ 3 hỏng');
      for (const secret of ['Phạm Thị Hoa', 'Hoa', '0912000111', 'hoa.pham@gmail.com', 'docs.google.com/spreadsheets']) expect(first.body).not.toContain(secret);
      expect(second.body).toContain('Nội dung tóm tắt: Cống ngõ 8 tắc');
      // The same link both times, and it works: it shows both cases.
      expect(tokenOf(second)).toBe(tokenOf(first));
      expect(portal(w, tokenOf(second)).cases.map((c) => c.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002']);
    }
  });

  it('a link with less than 15 days left is not carried: the mail brings a new one, and the old one still works', () => {
    const w = staffed();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Một' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Hai' }));
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: '' });
    runHourly(w);
    const old = tokenOf(mailsTo(w, UBND)[0]);
    w.ws.clock.advance(16 * 86_400_000);
    act(w, 'GY-2026-00002', { action: 'assign', body: 'UBND phường', assignee: '' });
    runHourly(w);
    const fresh = tokenOf(mailsTo(w, UBND)[1]);
    expect(fresh).not.toBe(old);
    expect(portal(w, old).email).toBe(UBND);
    expect(portal(w, fresh).cases.map((c) => c.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002']);
  });

  it('a reopened case is announced again, with why; a case moved to another body is announced there and leaves the old body\'s page', () => {
    const w = staffed();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
    classify(w, 'GY-2026-00001');
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: '' });
    act(w, 'GY-2026-00001', { action: 'answer', text: 'Đã thay bóng đèn.' });
    act(w, 'GY-2026-00001', { action: 'recordCall', note: 'Đã gọi' });
    act(w, 'GY-2026-00001', { action: 'reopen', reason: 'Người dân báo đèn lại hỏng sau 2 ngày, gọi 0912000111' });
    runHourly(w);
    const reopened = mailsTo(w, DEPUTY).at(-1)!;
    expect(reopened.subject).toBe('[Hòm thư số] Ý kiến GY-2026-00001 được mở lại, đề nghị tiếp tục xử lý (hạn 03/12/2026)');
    expect(reopened.body).toContain('Lý do mở lại: Người dân báo đèn lại hỏng sau 2 ngày, gọi [đã ẩn]');
    expect(tokenOf(reopened)).toBe(tokenOf(mailsTo(w, DEPUTY)[0]));

    act(w, 'GY-2026-00001', { action: 'assign', body: 'Công an phường', assignee: '' });
    runHourly(w);
    const moved = mailsTo(w, 'congan@luukiem.example');
    expect(moved.map((m) => m.subject)).toEqual(['[Hòm thư số] Chuyển xử lý ý kiến GY-2026-00001 (hạn 03/12/2026)']);
    expect(portal(w, tokenOf(moved[0])).cases.map((c) => c.code)).toEqual(['GY-2026-00001']);
    expect(portal(w, tokenOf(reopened)).cases).toEqual([]);
    // UBND's members heard nothing more: the case is no longer theirs.
    expect(mailsTo(w, DEPUTY)).toHaveLength(2);
  });

  it('the same body again tells only an assignee new to the case', () => {
    const w = staffed();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Một' }));
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: '' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND, bodyDueDate: '2026-12-01' });
    const r = w.app.call('caseAction', 'GY-2026-00001', undefined, (w.app.call('getCase', 'GY-2026-00001') as View).version, { action: 'assign', body: 'UBND phường', assignee: 'totruong@gmail.com' }) as { message: string };
    expect(r.message).toContain('totruong@gmail.com chưa có trong tab "Cán bộ"');
    runHourly(w);
    expect([UBND, DEPUTY].map((who) => mailsTo(w, who).length)).toEqual([1, 1]);
    const outsider = mailsTo(w, 'totruong@gmail.com');
    expect(outsider).toHaveLength(1);
    // Someone who can hold no link is told of the case, and how to get one — not sent to the spreadsheet.
    expect(outsider[0].body).toContain('đề nghị liên hệ');
    expect(outsider[0].body).not.toMatch(/\?p=|docs\.google\.com/);
  });
});

describe('issue 18.1: a body with no member in "Cán bộ" but an address in "Cơ quan xử lý"', () => {
  const BODY = 'Công an phường';
  const ADDRESS = 'conganphuong@luukiem.example';

  function bodyWithAddress(): Ward {
    const w = setUpWard();
    const bodies = w.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
    const names = bodies.getRange(2, 1, bodies.getLastRow() - 1, 1).getValues().map((r) => r[0]);
    bodies.getRange(2 + names.indexOf(BODY), 2).setValue(ADDRESS);
    runHourly(w);
    return w;
  }
  const bodyRow = (w: Ward) => {
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
    return 2 + sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]).indexOf(BODY);
  };

  it('its address gets the announcement with a body link: the body\'s cases, progress recorded under that address', () => {
    const w = bodyWithAddress();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe ở ngõ 9' }));
    act(w, 'GY-2026-00001', { action: 'assign', body: BODY, assignee: '' });
    runHourly(w);
    const mail = w.ws.mail.outbox().find((m) => m.to[0] === ADDRESS)!;
    expect(mail.subject).toContain('Chuyển xử lý ý kiến GY-2026-00001');
    const token = /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
    const page = w.app.call('getPortal', token) as { email: string; body: string; role: string; cases: Array<{ code: string; row: number; version: number; canAct: boolean }> };
    expect([page.email, page.body, page.role, page.cases.map((c) => [c.code, c.canAct])]).toEqual([ADDRESS, BODY, 'handler', [['GY-2026-00001', true]]]);
    const c = page.cases[0];
    w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'progress', text: 'Đã xác minh.' });
    expect(tabRecords(w, 'Nhật ký').at(-1)).toMatchObject({ 'Người thực hiện': ADDRESS, 'Hành động': 'Cập nhật tiến độ' });
    // The admin's list shows that address with its link, to send again or revoke.
    const rows = w.app.call('getPortalLinks') as Array<{ email: string; body: string; validUntil: string }>;
    expect(rows.find((r) => r.email === ADDRESS)).toMatchObject({ body: BODY, validUntil: expect.stringMatching(/\d{2}\/\d{2}\/\d{4}/) });
    expect((w.app.call('revokePortalLink', ADDRESS) as { message: string }).message).toContain('Đã thu hồi 1 liên kết');
    expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');
    w.app.call('sendPortalLink', ADDRESS);
    runHourly(w);
    const again = /\?p=([0-9a-f]{64})/.exec([...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === ADDRESS)!.body)![1];
    expect((w.app.call('getPortal', again) as { email: string; body: string }).body).toBe(BODY);
  });

  it('the body link dies for good once "Cơ quan xử lý" gives the body another address, even if it is changed back', () => {
    const w = bodyWithAddress();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe' }));
    act(w, 'GY-2026-00001', { action: 'assign', body: BODY, assignee: '' });
    runHourly(w);
    const token = /\?p=([0-9a-f]{64})/.exec(w.ws.mail.outbox().find((m) => m.to[0] === ADDRESS)!.body)![1];
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
    sheet.getRange(bodyRow(w), 2).setValue('moi@luukiem.example');
    runHourly(w);
    expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');
    sheet.getRange(bodyRow(w), 2).setValue(ADDRESS);
    runHourly(w);
    expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');
  });

  it('once the body has a member in "Cán bộ", the member is told instead of the address', () => {
    const w = bodyWithAddress();
    addStaff(w, [['ca1@luukiem.example', 'Xử lý', BODY]]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe' }));
    act(w, 'GY-2026-00001', { action: 'assign', body: BODY, assignee: '' });
    runHourly(w);
    expect(w.ws.mail.outbox().filter((m) => m.subject.includes('Chuyển xử lý')).map((m) => m.to[0])).toEqual(['ca1@luukiem.example']);
  });

  it('a body with neither: the person assigning is told nobody was', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe' }));
    const v = w.app.call('getCase', 'GY-2026-00001') as View;
    const r = w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: BODY, assignee: '' }) as { message: string };
    expect(r.message).toContain(`${BODY} chưa có cán bộ "Xử lý"`);
  });
});

describe('issue 18.1: a carried link is put in only for its own holder', () => {
  it('a placeholder naming another\'s link, typed into a proposed answer, stops the resident\'s mail; no token leaves', () => {
    const w = ward();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn hỏng', email: 'dan@gmail.com' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: '' });
    runHourly(w);
    const outbox = tabRecords(w, 'Hộp thư đi');
    const announced = outbox.find((r) => r['Người nhận'] === UBND)!;
    const victimId = announced['Mã thư'];
    const token = tokensMailedTo(w, UBND)[0];
    const planted = `Xem: ?p=\u2063${SECRET_SLOTS.link}\u2064${victimId}\u2064\u2063`;
    const page = w.app.call('getPortal', token) as { cases: Array<{ code: string; row: number; version: number }> };
    const c = page.cases[0];
    w.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'answer', text: planted });
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    runHourly(w);
    const toResident = w.ws.mail.outbox().filter((m) => m.to[0] === 'dan@gmail.com');
    expect(toResident.map((m) => m.subject)).not.toContain('[Hòm thư số] Trả lời ý kiến GY-2026-00001');
    for (const m of toResident) expect(m.body).not.toContain(token);
    expect(tabRecords(w, 'Hộp thư đi').find((r) => r['Mã thư'].startsWith('TL-GY-2026-00001'))).toMatchObject({ 'Trạng thái': 'Không gửi được', 'Lỗi': SECRET_SLOTS.noLink });
  });
});
