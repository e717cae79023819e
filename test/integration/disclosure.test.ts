/**
 * Issue 16.7: identity through free text, on the emulator.
 *  1. What admins write about a call or a letter stays with admins: handlers and viewers see that
 *     the resident was answered, and how, not the details.
 *  2. Contact details in a resident's own text are masked in everything a handling body reads;
 *     house numbers stay; admins read the original.
 *  3. A submitter's own name is never published, whoever typed it.
 *  4. A case folded into "Các tổ dân phố khác" does not name its group, and the group's own page
 *     does not claim it had no opinions.
 */
import { OTHER_GROUPS } from '../../src/domain/publication';
import { CASE_UI } from '../../src/i18n/vi';
import { asUser, formAnswers, runHourly, setUpWard, type Ward, addStaff } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const VIEWER = 'viewer@luukiem.example';
const NAME = 'Nguyễn Văn Bí Mật';
const PHONES = ['0912.345.678', '+84 912 345 678', '0987654321'];
const EMAIL = 'bimat1960@gmail.com';
const CCCD = '001203004567';
const CONTENT = `Tôi là ${NAME}. Cống thoát nước trước số 15 ngõ 7 bị tràn từ ngày 12/11/2026. Có gì gọi ông Mật ${PHONES[0]} hoặc ${PHONES[1]}, email ${EMAIL}, CCCD ${CCCD}.`;
const LOCATION = `Số 15 ngõ 7, con gái tôi ${PHONES[2]}`;

type History = Array<{ action: string; detail?: string; changes?: Array<{ field: string; to: string }> }>;
type View = { code: string; row: number; version: number; status: string; content: string; location: string; history: History; [k: string]: unknown };
type Portal = { cases: Array<{ code: string; content: string; location: string; mine: Array<{ detail: string }> }> };
type Board = { rows: Array<{ code: string; summary: string; answer: string }>; empty?: string };

function ward(): Ward {
  const w = setUpWard();
  addStaff(w, [
    [HANDLER, 'Xử lý', 'UBND phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
  return w;
}

const as = asUser;

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;

/** A case filed through the form and taken to "assigned to UBND phường"; returns its code. */
function assigned(w: Ward, answers: Parameters<typeof formAnswers>[0], category = 'Môi trường'): string {
  w.ws.forms.submit(w.formId, formAnswers(answers));
  const inbox = w.app.call('getInbox', {}) as { items: Array<{ code: string }> };
  let v = open(w, inbox.items[0].code);
  v = act(w, v, { action: 'classify', category, complexity: 'normal' });
  act(w, v, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
  return v.code;
}

/** Answered by a recorded call, and published with the given summary. */
function answeredByCall(w: Ward, code: string, answer: string, summary: string, note = 'Đã đọc trả lời, người dân đồng ý.'): View {
  let v = act(w, open(w, code), { action: 'answer', text: answer });
  v = act(w, v, { action: 'recordCall', note });
  return act(w, v, { action: 'setPublic', isPublic: true, publicSummary: summary });
}

function portalToken(w: Ward, to: string): string {
  runHourly(w);
  const mail = [...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === to && /\?p=[0-9a-f]{64}/.test(m.body))!;
  return /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
}

function spreadsheetCalls(w: Ward, fn: () => unknown): number {
  w.ws.resetStats();
  fn();
  return w.ws.stats().services.SpreadsheetApp?.calls ?? 0;
}

describe('1. what admins write about answering a resident stays with admins', () => {
  it('the call-record field asks for the outcome of the call, not who answered the phone', () => {
    expect(CASE_UI.fields.callNote).not.toMatch(/người nghe máy|ai nghe/i);
    expect(CASE_UI.fields.callNote).toMatch(/^Kết quả cuộc gọi/);
    const w = ward();
    const code = assigned(w, { content: 'Rác ngõ 3', name: NAME, phone: '0912345678' });
    const v = act(w, open(w, code), { action: 'answer', text: 'Đã thu gom.' });
    expect(() => act(w, v, { action: 'recordCall', note: '' })).toThrow(/kết quả cuộc gọi/);
    expect(() => act(w, v, { action: 'recordCall', note: '' })).not.toThrow(/người nghe/i);
  });

  it('a call note and a letter note: admins read them; handlers and viewers see only that the resident was answered, and how', () => {
    const w = ward();
    const called = assigned(w, { content: 'Rác ngõ 3', name: NAME, phone: '0912345678' });
    const callNote = `Bà Bí Mật (vợ ông ${NAME}) nghe máy, số 0912345678, đồng ý với trả lời.`;
    let v = act(w, open(w, called), { action: 'answer', text: 'Đã thu gom.' });
    act(w, v, { action: 'recordCall', note: callNote });
    const lettered = assigned(w, { content: 'Rác ngõ 4', name: NAME });
    v = act(w, open(w, lettered), { action: 'answer', text: 'Đã thu gom.' });
    w.app.call('createCaseDocument', lettered, 'letter');
    const letterNote = `Trao tận tay ông ${NAME} tại số 15 ngõ 7.`;
    act(w, v, { action: 'recordLetter', note: letterNote });
    // An admin looks up the contact with a reason: the audit trail keeps it, no case history.
    w.app.call('getContactDetails', called, `Gọi lại cho ông ${NAME}`);

    expect(open(w, called).history.map((h) => h.detail)).toContain(callNote);
    expect(open(w, lettered).history.map((h) => h.detail)).toContain(letterNote);
    for (const user of [HANDLER, VIEWER]) {
      for (const [code, method] of [[called, 'Điện thoại'], [lettered, 'Thư giấy']]) {
        const seen = as(w, user, () => open(w, code));
        const json = JSON.stringify(seen);
        for (const secret of ['Bí Mật', '0912345678', 'số 15 ngõ 7', 'Gọi lại']) expect(json).not.toContain(secret);
        const event = seen.history.find((h) => h.action === (code === called ? 'Ghi nhận cuộc gọi trả lời' : 'Ghi nhận thư trả lời đã gửi'))!;
        expect(event.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'Hình thức trả lời', to: method })]));
        expect(seen.status).toBe('Đã trả lời');
      }
    }
    // The personal-link pages of the handling body and of the viewer carry none of it either.
    for (const user of [HANDLER, VIEWER]) {
      if (user === VIEWER) w.app.call('sendPortalLink', VIEWER);
      const page = w.app.call('getPortal', portalToken(w, user)) as Portal;
      for (const secret of ['Bí Mật', '0912345678', 'số 15 ngõ 7']) expect(JSON.stringify(page)).not.toContain(secret);
    }
  });
});

describe('2. contact details in a resident\'s own text, as a handling body reads it', () => {
  const secrets = [...PHONES, EMAIL, CCCD, '912 345 678', '987654321'];
  /** Where "Người gửi" is read for the page or document anyway, the name is hidden too. */
  const withName = [...secrets, 'Bí Mật', 'Mật'];

  function filed(): { w: Ward; code: string } {
    const w = ward();
    const code = assigned(w, { content: CONTENT, location: LOCATION, name: NAME, phone: '0912345678' });
    return { w, code };
  }

  it('admins read the original', () => {
    const { w, code } = filed();
    const v = open(w, code);
    expect([v.content, v.location]).toEqual([CONTENT, LOCATION]);
  });

  it('the personal-link page: masked, with the house number, lane and date kept', () => {
    const { w, code } = filed();
    const page = w.app.call('getPortal', portalToken(w, HANDLER)) as Portal;
    const c = page.cases.find((x) => x.code === code)!;
    for (const s of withName) expect(JSON.stringify(page)).not.toContain(s);
    expect(c.content).toContain('trước số 15 ngõ 7 bị tràn từ ngày 12/11/2026');
    expect(c.content).toContain('[đã ẩn]');
    expect(c.location).toBe('Số 15 ngõ 7, con gái tôi [đã ẩn]');
  });

  it('the sidebar case view and the inbox of a handler or a viewer: masked', () => {
    const { w, code } = filed();
    for (const user of [HANDLER, VIEWER]) {
      const v = as(w, user, () => open(w, code));
      const inbox = as(w, user, () => w.app.call('getInbox', {}));
      for (const s of withName) expect(JSON.stringify(v)).not.toContain(s);
      // The inbox summary (its first 140 characters) without contact details; the name would
      // cost a read of "Người gửi" on every inbox page.
      for (const s of secrets) expect(JSON.stringify(inbox)).not.toContain(s);
      expect(v.content).toContain('trước số 15 ngõ 7');
      // A number typed into the search cannot tell a handler which case holds it.
      const found = as(w, user, () => w.app.call('getInbox', { text: '0912345678' })) as { total: number };
      const all = as(w, user, () => w.app.call('getInbox', {})) as { total: number };
      expect(found.total).toBe(all.total);
    }
    // What staff write about the resident, in a note or an outcome, reads the same way.
    let v = act(w, open(w, code), { action: 'note', text: `Đã gọi ${PHONES[0]} cho ông Mật, nhà số 15 ngõ 7.` });
    v = act(w, v, { action: 'close', outcome: 'notCompetent', note: `Ông Mật (${EMAIL}) liên hệ Tòa án nhân dân.` });
    const seen = as(w, HANDLER, () => open(w, code));
    for (const s of withName) expect(JSON.stringify(seen)).not.toContain(s);
    expect(seen.history.map((h) => h.detail)).toContain('Đã gọi [đã ẩn] cho ông [đã ẩn], nhà số 15 ngõ 7.');
    expect(seen.outcomeNote).toBe('Ông [đã ẩn] ([đã ẩn]) liên hệ Tòa án nhân dân.');
    expect(JSON.stringify(v)).toContain(EMAIL);
  });

  it('the transfer slip and the assignment e-mail: masked, with the house number kept', () => {
    const { w, code } = filed();
    const slip = w.app.call('createCaseDocument', code, 'slip') as { id: string };
    const text = w.ws.documents.text(slip.id);
    runHourly(w);
    const mail = w.ws.mail.outbox().find((m) => m.to[0] === HANDLER && m.subject.includes('Chuyển xử lý'))!;
    for (const s of withName) expect(text).not.toContain(s);
    // The e-mail is queued by the assignment itself, within an action's budget: contact details only.
    for (const s of secrets) expect(mail.body).not.toContain(s);
    expect(text).toContain('trước số 15 ngõ 7');
    expect(text).toContain('Địa điểm: Số 15 ngõ 7');
    expect(mail.body).toContain('trước số 15 ngõ 7');
  });
});

describe('3. a submitter\'s own name is never published', () => {
  /** Three cases of one group and category (so none is folded), the first one from NAME. */
  function published(): { w: Ward; code: string } {
    const w = ward();
    const codes = [
      assigned(w, { content: 'Cống tràn ngõ 7', name: NAME, phone: '0912345678' }),
      assigned(w, { content: 'Rác ngõ 8', name: 'Trần Thị Hoa', phone: '0912000111' }),
      assigned(w, { content: 'Rác ngõ 9' }),
    ];
    answeredByCall(w, codes[0], `Kính gửi ông Bí Mật: UBND phường đã nạo vét cống. Cảm ơn ông Mật.`, `Ông ${NAME} (nguyen van bi mat) phản ánh cống tràn ở ngõ 7; bà Hoa cũng báo.`);
    answeredByCall(w, codes[1], 'Đã thu gom rác.', 'Rác ngõ 8 chưa thu gom; giữ bí mật danh tính.');
    answeredByCall(w, codes[2], 'Đã thu gom rác.', 'Rác ngõ 9.');
    return { w, code: codes[0] };
  }

  it('on the public board (one read of the names for the page, none when no text is shown)', () => {
    const { w, code } = published();
    let board: Board | undefined;
    const calls = spreadsheetCalls(w, () => (board = w.app.call('getPublicBoard', 'Tổ dân phố 1', '2026', '11') as Board));
    const row = board!.rows.find((r) => r.code === code)!;
    expect(row.summary).toBe('Ông [đã ẩn] ([đã ẩn]) phản ánh cống tràn ở ngõ 7; bà Hoa cũng báo.');
    expect(row.answer).toBe('Kính gửi ông [đã ẩn]: UBND phường đã nạo vét cống. Cảm ơn ông [đã ẩn].');
    // Another resident's summary keeps its words: "bí mật" there is no name.
    expect(board!.rows.map((r) => r.summary)).toContain('Rác ngõ 8 chưa thu gom; giữ bí mật danh tính.');
    // getActive, the board's stamp (issue 19: 3 calls, one cell read), the cases (2 calls) and, for
    // a page that shows a text, the names (2 calls) once.
    const quiet = spreadsheetCalls(w, () => w.app.call('getPublicBoard', 'Tổ dân phố 2', '2026', '11'));
    expect(quiet).toBeLessThanOrEqual(6);
    expect(calls).toBeLessThanOrEqual(quiet + 2);
  });

  it('in the monthly publication, the group answer sheets and the lookup page', () => {
    const { w, code } = published();
    let pub: { id: string } | undefined;
    const pubCalls = spreadsheetCalls(w, () => (pub = w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as { id: string }));
    const sheets = w.app.call('createGroupAnswerSheets') as { id: string };
    const { key } = w.app.call('issueCaseLookupKey', code) as { key: string };
    const found = w.app.call('lookupPublicCase', code, key) as { answer: string };
    for (const text of [w.ws.documents.text(pub!.id), w.ws.documents.text(sheets.id), found.answer]) {
      expect(text).toContain('UBND phường đã nạo vét cống');
      for (const secret of ['Bí Mật', 'Mật', 'bi mat']) expect(text).not.toContain(secret);
    }
    expect(found.answer).toBe('Kính gửi ông [đã ẩn]: UBND phường đã nạo vét cống. Cảm ơn ông [đã ẩn].');
    // The cases, the names and the audit row: the names are read once for the whole document; so
    // is the photos tab, for the photos an admin approved (issue 20.2: getSheetByName, getRange, getValues).
    const without = spreadsheetCalls(w, () => w.app.call('createPublicationDocument', { year: 2026, month: 10 }));
    expect(pubCalls - without).toBeLessThanOrEqual(2 + 3);
  });

  it('a confidential case\'s answer is never on a group answer sheet, even if marked public', () => {
    const w = ward();
    const code = assigned(w, { content: 'Chuyện riêng', name: NAME, phone: '0912345678', confidential: true });
    answeredByCall(w, code, 'Đã giải quyết chuyện riêng.', 'Chuyện riêng đã giải quyết.');
    const sheets = w.app.call('createGroupAnswerSheets') as { id: string };
    expect(w.ws.documents.text(sheets.id)).not.toContain(code);
  });
});

describe('4. a case folded into "Các tổ dân phố khác"', () => {
  function folded(): { w: Ward; code: string } {
    const w = ward();
    const code = assigned(w, { group: 'Tổ dân phố 2', content: 'Mất trộm xe' }, 'An ninh, trật tự');
    answeredByCall(w, code, 'Công an phường đã tăng tuần tra ở TDP 2 và tổ dân phố số 2.', 'Tổ dân phố 2 báo mất trộm xe; tổ 2 đề nghị tăng tuần tra.');
    return { w, code };
  }

  it('does not name its group in its published texts', () => {
    const { w, code } = folded();
    const board = w.app.call('getPublicBoard', OTHER_GROUPS, '2026', '11') as Board;
    const row = board.rows.find((r) => r.code === code)!;
    expect(row.summary).toBe('[đã ẩn] báo mất trộm xe; [đã ẩn] đề nghị tăng tuần tra.');
    expect(row.answer).toBe('Công an phường đã tăng tuần tra ở [đã ẩn] và [đã ẩn].');
    const pub = w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as { id: string };
    const text = w.ws.documents.text(pub.id);
    expect(text).toContain('báo mất trộm xe');
    for (const g of ['Tổ dân phố 2', 'TDP 2', 'tổ 2', 'tổ dân phố số 2']) expect(text).not.toContain(g);
  });

  it('its group\'s own page does not claim the group had no opinions', () => {
    const { w } = folded();
    const board = w.app.call('getPublicBoard', 'Tổ dân phố 2', '2026', '11') as Board;
    expect(board.rows).toEqual([]);
    expect(board.empty).toContain(OTHER_GROUPS);
    expect(board.empty).not.toMatch(/chưa có ý kiến|không có ý kiến nào\.?$/);
    // A group that truly had none reads the same: the page tells nothing either way.
    expect((w.app.call('getPublicBoard', 'Tổ dân phố 3', '2026', '11') as Board).empty).toBe(board.empty);
  });
});
