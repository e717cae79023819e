/**
 * Issue 8.4 — answer states tell the truth: a written answer is a draft until the resident has
 * been answered (e-mail, a recorded phone call, a letter handed over); until then the case is
 * open and its working days keep counting, whatever drafts or approvals exist.
 */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { buildInbox, isOpen } from '../../src/domain/inbox';
import { allowedActions, answerStateOf, decide, statusOf, type ActionInput, type Actor } from '../../src/domain/lifecycle';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import { caseRecord } from '../support/cases';

const settings: Settings = { ...DEFAULT_SETTINGS };
const approving: Settings = { ...DEFAULT_SETTINGS, approvalRequired: true };
const admin: Actor = { email: 'admin@x.vn', role: 'admin', body: '', via: 'spreadsheet' };
const handler: Actor = { email: 'h@x.vn', role: 'handler', body: 'UBND phường', via: 'link' };
const now = new Date('2026-11-24T03:00:00Z');
const calendar = new WorkingCalendar();

function aCase(patch: Partial<CaseRecord> = {}): CaseRecord {
  // Received 10/11, due 18/11 (past on 24/11), no e-mail but a phone, with UBND phường.
  return caseRecord({ receivedAt: new Date('2026-11-10T02:00:00Z'), category: 'Môi trường', hasEmail: false, hasPhone: true, status: STATUS.inProgress, dueDate: new Date('2026-11-18T17:00:00Z'), assignedBody: 'UBND phường', responseKey: 'F1-a', ...patch });
}

const ctx = (s: Settings = settings, letterMadeAt: Date | null = null, actor = admin) => ({ actor, now, settings: s, calendar, letterMadeAt });
const apply = (c: CaseRecord, input: ActionInput, s: Settings = settings, letterMadeAt: Date | null = null, actor = admin): CaseRecord => ({ ...c, ...decide(c, input, ctx(s, letterMadeAt, actor)).patch });
const answer: ActionInput = { action: 'answer', text: 'Đường ống đã được thay ngày 20/11.' };

describe('a written answer is a draft, not an answer', () => {
  it('saving an answer makes a draft: status "Dự thảo trả lời", the case stays open, nothing is sent', () => {
    const draft = apply(aCase(), answer);
    expect(draft.status).toBe(STATUS.draftAnswer);
    expect(draft.answerSentAt).toBe('');
    expect(answerStateOf(draft)).toBe('draft');
    expect(isOpen(draft)).toBe(true);
    expect(decide(aCase(), answer, ctx()).notices).toEqual([]);
  });

  it('with approval required: draft → "Chờ duyệt" → "Đã duyệt, chờ gửi", still open, still not answered', () => {
    const pending = apply(aCase(), answer, approving);
    expect([pending.status, answerStateOf(pending), isOpen(pending)]).toEqual([STATUS.awaitingApproval, 'awaitingApproval', true]);
    expect(allowedActions(admin, pending, true)).not.toContain('recordCall');
    const approved = apply(pending, { action: 'approve' }, approving);
    expect([approved.status, answerStateOf(approved), isOpen(approved)]).toEqual([STATUS.approved, 'approved', true]);
    // Editing an approved answer sends it back for approval.
    expect(apply(approved, { action: 'answer', text: 'Sửa lại' }, approving).status).toBe(STATUS.awaitingApproval);
  });

  it('a draft cannot be delivered where approval is required, and is not offered', () => {
    const draft = apply(aCase(), answer);
    expect(allowedActions(admin, draft, true)).not.toContain('recordCall');
    expect(() => decide(draft, { action: 'recordCall', note: 'Ông A nghe máy' }, ctx(approving))).toThrow('cần được duyệt trước khi gửi');
  });

  it('an answer still holding the template\'s blank "…" cannot go to the resident', () => {
    const draft = apply(aCase(), { action: 'answer', text: 'Kết quả xem xét, giải quyết: …' });
    expect(() => decide(draft, { action: 'recordCall', note: 'Đã gọi' }, ctx())).toThrow('còn chỗ trống của mẫu');
    const pending = apply(aCase(), { action: 'answer', text: 'Kết quả: {{ket_qua}}' }, approving);
    expect(() => decide(pending, { action: 'approve' }, ctx(approving))).toThrow('còn chỗ trống của mẫu');
    // An ellipsis inside a sentence is prose, not a blank.
    const prose = apply(aCase(), { action: 'answer', text: 'Đã thu gom rác, cống, vỉa hè… trong ngày 20/11.' });
    expect(apply(prose, { action: 'recordCall', note: 'Đã gọi' }).status).toBe(STATUS.answered);
  });
});

describe('the three ways to answer', () => {
  it('no e-mail: "record a phone call" and "record the letter" are offered, e-mail is not', () => {
    const draft = apply(aCase({ hasEmail: false }), answer);
    const offered = allowedActions(admin, draft);
    expect(offered).toEqual(expect.arrayContaining(['recordCall', 'recordLetter']));
    expect(offered).not.toContain('sendAnswer');
  });

  it('with e-mail: only "Gửi trả lời qua email" is offered; a call or letter is refused with the way to use', () => {
    const draft = apply(aCase({ hasEmail: true }), answer);
    const offered = allowedActions(admin, draft);
    expect(offered).toContain('sendAnswer');
    expect(offered).not.toContain('recordCall');
    expect(() => decide(draft, { action: 'recordCall', note: 'x' }, ctx())).toThrow('hãy dùng "Gửi trả lời qua email"');
  });

  it('a recorded phone call answers the resident: status, time, method, and the call note in the history', () => {
    const draft = apply(aCase(), answer);
    const r = decide(draft, { action: 'recordCall', note: 'Bà Lan nghe máy, đã đọc nội dung trả lời, bà đồng ý.' }, ctx());
    expect(r.patch).toMatchObject({ status: STATUS.answered, answerSentAt: now, answerMethod: 'Điện thoại' });
    expect(r.event.detail).toBe('Bà Lan nghe máy, đã đọc nội dung trả lời, bà đồng ý.');
    const answered = { ...draft, ...r.patch };
    expect([answerStateOf(answered), isOpen(answered)]).toEqual(['phone', false]);
    expect(() => decide(draft, { action: 'recordCall', note: '  ' }, ctx())).toThrow('Hãy ghi kết quả cuộc gọi');
  });

  it('a letter counts once it was made from the answer as it stands, and how it went is written down', () => {
    const draft = apply(aCase(), answer); // answeredAt = now
    expect(() => decide(draft, { action: 'recordLetter', note: 'Qua tổ trưởng' }, ctx(settings, null))).toThrow('Hãy "Lập thư trả lời"');
    // Made before the answer was last edited: an older letter.
    expect(() => decide(draft, { action: 'recordLetter', note: 'Qua tổ trưởng' }, ctx(settings, new Date(now.getTime() - 60_000)))).toThrow('Hãy "Lập thư trả lời"');
    expect(() => decide(draft, { action: 'recordLetter', note: '' }, ctx(settings, now))).toThrow('Hãy ghi cách gửi thư');
    const r = decide(draft, { action: 'recordLetter', note: 'Qua tổ trưởng tổ dân phố 1' }, ctx(settings, new Date(now.getTime() + 60_000)));
    expect(r.patch).toMatchObject({ status: STATUS.answered, answerMethod: 'Thư giấy' });
  });

  it('a handler\'s public summary is refused: what residents read is written by admins', () => {
    expect(() => decide(aCase(), { action: 'answer', text: 'Đã xử lý.', publicSummary: 'Tóm tắt' }, ctx(settings, null, handler))).toThrow('Chỉ cán bộ quản trị được viết tóm tắt công khai.');
  });

  it('handlers draft answers but do not deliver them', () => {
    const draft = apply(aCase(), answer, settings, null, handler);
    expect(draft.status).toBe(STATUS.draftAnswer);
    expect(allowedActions(handler, draft)).not.toContain('recordCall');
    expect(() => decide(draft, { action: 'recordCall', note: 'x' }, ctx(settings, null, handler))).toThrow('Vai trò của đồng chí không được');
  });

  it('reopening clears the delivery so a new answer can reach the resident', () => {
    const answered = apply(apply(aCase(), answer), { action: 'recordCall', note: 'Đã gọi' });
    const reopened = apply(answered, { action: 'reopen', reason: 'Người dân phản ánh chưa được giải quyết' });
    expect([reopened.status, reopened.answerSentAt, reopened.answerMethod]).toEqual([STATUS.inProgress, '', '']);
    expect(isOpen(reopened)).toBe(true);
  });
});

describe('the clock runs until the resident is answered', () => {
  const today = parseIsoDate('2026-11-24')!; // due 19/11: past
  const entry = (c: CaseRecord, row: number) => ({ ...parseIndex(buildIndex(c))!, row });

  it('past its due date, a case with a draft, one waiting for approval and one approved are all overdue; an answered one is not', () => {
    const draft = apply(aCase({ code: 'GY-2026-00001' }), answer);
    const pending = apply(aCase({ code: 'GY-2026-00002' }), answer, approving);
    const approved = apply(pending, { action: 'approve' }, approving);
    const answered = apply(apply(aCase({ code: 'GY-2026-00004' }), answer), { action: 'recordCall', note: 'Đã gọi' });
    const entries = [entry(draft, 2), entry(pending, 3), entry({ ...approved, code: 'GY-2026-00003' }, 4), entry(answered, 5)];
    const page = buildInbox(entries, admin, { status: 'overdue' }, today, calendar);
    expect(page.items.map((i) => i.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']);
    expect(page.counters.overdue).toBe(3);
    const all = buildInbox(entries, admin, {}, today, calendar);
    const byCode = new Map(all.items.map((i) => [i.code, i]));
    expect(byCode.get('GY-2026-00001')!.workingDaysLeft).toBeLessThan(0);
    expect(byCode.get('GY-2026-00004')!.workingDaysLeft).toBeNull();
    expect(byCode.get('GY-2026-00004')!.answerState).toBe('phone');
    expect(byCode.get('GY-2026-00001')!.answerState).toBe('draft');
  });

  it('phone but no e-mail: "Cần gọi lại" until answered', () => {
    const open = entry(aCase({ code: 'GY-2026-00010', hasPhone: true, hasEmail: false }), 2);
    const withEmail = entry(aCase({ code: 'GY-2026-00011', hasPhone: true, hasEmail: true }), 3);
    const answered = entry(apply(apply(aCase({ code: 'GY-2026-00012' }), answer), { action: 'recordCall', note: 'Đã gọi' }), 4);
    const page = buildInbox([open, withEmail, answered], admin, {}, today, calendar);
    expect(page.counters.callBack).toBe(1);
    expect(page.items.filter((i) => i.callBack).map((i) => i.code)).toEqual(['GY-2026-00010']);
    expect(buildInbox([open, withEmail, answered], admin, { status: 'callBack' }, today, calendar).items.map((i) => i.code)).toEqual(['GY-2026-00010']);
  });

  it('a case saved as "Đã trả lời" by an earlier version, whose answer never left, is a draft (or approved)', () => {
    const legacy = aCase({ status: STATUS.answered, answer: 'x', answerSentAt: '' });
    expect(statusOf(legacy)).toBe('draftAnswer');
    expect(statusOf({ ...legacy, approvedBy: 'chu.tich@x.vn' })).toBe('approved');
    expect(isOpen(legacy)).toBe(true);
    // Any action writes its real status back.
    expect(decide(legacy, { action: 'note', text: 'Kiểm tra' }, ctx()).patch.status).toBe(STATUS.draftAnswer);
    expect(allowedActions(admin, legacy)).toContain('recordCall');
  });
});
