/**
 * Issue 16.6: things that came back to life. A lookup key voided by "Cấp mã tra cứu mới" stays
 * void when its case row is deleted by hand and restored; a handler's personal links stay dead
 * when the same address comes back to "Cán bộ" (removal, and a change of role or body, revoke);
 * and the public board shows every change at once instead of after its 5-minute cache.
 */
import { OTHER_GROUPS } from '../../src/domain/publication';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const UBND = 'ubnd@luukiem.example';
const STAFF = 'Cán bộ';
const CASES = 'Ý kiến';
type View = { code: string; row: number; version: number; status: string };
type Public = { code: string };
type BoardRow = { code: string; status: string; summary: string; answer: string };

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = open(w, code);
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

describe('a lookup key voided by a new one', () => {
  function filed(): { w: Ward; key0: string; key1: string } {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7', email: 'lan@gmail.com' }));
    const key0 = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(w.ws.mail.outbox()[0].body)![1];
    const key1 = (w.app.call('issueCaseLookupKey', 'GY-2026-00001') as { key: string }).key;
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    return { w, key0, key1 };
  }

  it('stays void when the case row is deleted by hand and restored; the re-issued key keeps working', () => {
    const { w, key0, key1 } = filed();
    w.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRow(2), { changeType: 'REMOVE_ROW' });
    runHourly(w);
    const row = tabRecords(w, CASES).find((r) => r['Mã ý kiến'] === 'GY-2026-00001')!;
    expect(row['Lần cấp mã tra cứu']).toBe('1');
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key1) as Public).code).toBe('GY-2026-00001');
    // Issuing goes on from there: the next key voids the one before.
    const key2 = (w.app.call('issueCaseLookupKey', 'GY-2026-00001') as { key: string }).key;
    expect([key2 === key0, key2 === key1]).toEqual([false, false]);
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key1)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key2) as Public).code).toBe('GY-2026-00001');
  });

  it('stays void when the issue number in the case row is typed back by hand', () => {
    const { w, key0, key1 } = filed();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    const col = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Lần cấp mã tra cứu') + 1;
    w.ws.handEdit(() => sheet.getRange(2, col).setValue(0), { range: { sheet: CASES, row: 2, column: col }, value: '0' });
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key1) as Public).code).toBe('GY-2026-00001');
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

describe('the public board shows every change at once', () => {
  function boardRows(w: Ward): BoardRow[] {
    return (w.app.call('getPublicBoard', OTHER_GROUPS, '', '') as { rows: BoardRow[] }).rows;
  }
  const row = (w: Ward, code: string) => boardRows(w).find((r) => r.code === code);

  function answered(): Ward {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', email: 'hoa@gmail.com' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Bài viết bôi nhọ', group: 'Tổ dân phố 2' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'answer', text: 'Đèn đã được thay ngày 26/11.' });
    return w;
  }

  it('answer sent, published, unpublished, closed, reopened, marked misuse: each seen by the very next visitor', () => {
    const w = answered();
    expect(row(w, 'GY-2026-00001')!.status).toBe('Dự thảo trả lời');
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    expect(row(w, 'GY-2026-00001')!.status).toBe('Đã trả lời');
    act(w, 'GY-2026-00001', { action: 'setPublic', isPublic: true, publicSummary: 'Đèn ngõ 3 đã được thay.' });
    expect(row(w, 'GY-2026-00001')).toMatchObject({ summary: 'Đèn ngõ 3 đã được thay.', answer: 'Đèn đã được thay ngày 26/11.' });
    act(w, 'GY-2026-00001', { action: 'setPublic', isPublic: false });
    expect(row(w, 'GY-2026-00001')).toMatchObject({ summary: '', answer: '' });
    act(w, 'GY-2026-00001', { action: 'close', outcome: 'resolved' });
    expect(row(w, 'GY-2026-00001')!.status).toBe('Đã đóng — Đã giải quyết');
    act(w, 'GY-2026-00001', { action: 'reopen', reason: 'Đèn lại hỏng' });
    expect(row(w, 'GY-2026-00001')!.status).not.toContain('Đã đóng');
    expect(row(w, 'GY-2026-00002')).toBeDefined();
    act(w, 'GY-2026-00002', { action: 'misuse', reason: 'Bôi nhọ cá nhân' });
    expect(row(w, 'GY-2026-00002')).toBeUndefined();
  });

  it('a new case and a hand-deleted case row restored are seen at once', () => {
    const w = answered();
    expect(row(w, 'GY-2026-00003')).toBeUndefined();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Cống tắc', group: 'Tổ dân phố 3' }));
    expect(row(w, 'GY-2026-00003')).toBeDefined();
    w.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRow(4), { changeType: 'REMOVE_ROW' });
    w.ws.clock.advance(6 * 60_000); // the board as cached before the deletion has expired
    expect(row(w, 'GY-2026-00003')).toBeUndefined();
    w.app.call('resyncMailbox');
    expect(row(w, 'GY-2026-00003')).toBeDefined();
  });

  it('a change the board does not show (an internal note) keeps the cached board: no Spreadsheet call', () => {
    const w = answered();
    boardRows(w);
    act(w, 'GY-2026-00001', { action: 'note', text: 'Đã gọi tổ trưởng.' });
    w.ws.resetStats();
    boardRows(w);
    expect(w.ws.stats().services.SpreadsheetApp?.calls ?? 0).toBe(0);
  });
});
