/** The case state machine: legal transitions, roles, honest outcomes, conflicts. */
import { parseIsoDate, toIsoDate, vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { OUTCOME, STATUS } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';
import { caseRecord } from '../support/cases';
import { ACTION_LABELS, ActionRefused, allowedActions, conflictMessage, decide, type ActionInput, type Actor } from '../../src/domain/lifecycle';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';

const settings: Settings = { ...DEFAULT_SETTINGS, bodies: [{ name: 'UBND phường', email: 'ubnd@luukiem.example' }, { name: 'Công an phường', email: 'ca@luukiem.example' }] };
const admin: Actor = { email: 'admin@x.vn', role: 'admin', body: '', via: 'spreadsheet' };
const handler: Actor = { email: 'h@x.vn', role: 'handler', body: 'UBND phường', via: 'link' };
const viewer: Actor = { email: 'v@x.vn', role: 'viewer', body: '', via: 'spreadsheet' };
const now = new Date('2026-11-24T03:00:00Z');
const calendar = new WorkingCalendar();

const aCase = caseRecord;

const run = (c: CaseRecord, input: ActionInput, actor = admin, s = settings) => decide(c, input, { actor, now, settings: s, calendar });
const apply = (c: CaseRecord, input: ActionInput, actor = admin, s = settings) => ({ ...c, ...run(c, input, actor, s).patch });

describe('decide', () => {
  it('classify sets the category; complex recomputes the due date at 20 working days from receipt', () => {
    const c = apply(aCase(), { action: 'classify', category: 'Môi trường', complexity: 'complex' });
    expect([c.status, c.category, c.complexity, c.version]).toEqual([STATUS.classified, 'Môi trường', 'Phức tạp', 2]);
    // Received Tue 24/11/2026; 20 working days, no day off between: 25, 26, 27, 30/11, 1–4/12 (8), 7–11 (13), 14–18 (18), 21, 22/12.
    expect(toIsoDate(vietnamDayOf(c.dueDate))).toBe('2026-12-22');
    expect(() => run(aCase(), { action: 'classify', category: 'Không có', complexity: 'normal' })).toThrow('Lĩnh vực không có trong danh sách.');
  });

  it('assign moves to "Đang xử lý", keeps the ward’s due date and tracks the body’s date, and notifies', () => {
    const r = run(aCase({ status: STATUS.classified, category: 'Môi trường' }), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-12-10' });
    expect(r.patch.status).toBe(STATUS.inProgress);
    expect(r.patch.dueDate).toBeUndefined();
    expect(toIsoDate(vietnamDayOf(r.patch.bodyDueDate as Date))).toBe('2026-12-10');
    expect(r.notices).toEqual([{ kind: 'assignee', to: 'ubnd@luukiem.example', access: 'body', code: 'GY-2026-00001', body: 'UBND phường', dueOn: '03/12/2026', left: 7, bodyDueOn: '10/12/2026', why: 'assigned', reason: '' }]);
  });

  it('answering needs a category; with approval required it waits for the chair', () => {
    expect(() => run(aCase(), { action: 'answer', text: 'Trả lời' })).toThrow('Hãy phân loại ý kiến trước khi trả lời.');
    const pending = apply(aCase({ category: 'Môi trường', status: STATUS.classified }), { action: 'answer', text: 'Trả lời' }, admin, { ...settings, approvalRequired: true });
    expect(pending.status).toBe(STATUS.awaitingApproval);
    expect(() => run(pending, { action: 'sendAnswer' })).toThrow('Không thể "Gửi trả lời qua email" khi ý kiến đang ở trạng thái "Chờ duyệt".');
    const approved = apply(pending, { action: 'approve' });
    expect([approved.status, approved.approvedBy]).toEqual([STATUS.approved, 'admin@x.vn']);
  });

  it('sends an answer once, and only where a valid e-mail exists', () => {
    const draft = aCase({ category: 'Môi trường', status: STATUS.draftAnswer, answer: 'Đã xử lý', answeredAt: now });
    const queued = apply(draft, { action: 'sendAnswer' });
    // Queued, not answered (issue 18.5): the outbox reports when it left (mail-settled.test.ts).
    expect([queued.answerSentAt, queued.answerMethod, queued.status]).toEqual(['', 'Email', STATUS.approved]);
    // While it waits, the answer is neither sent again nor rewritten, nor offered.
    const held = 'Thư trả lời đang chờ gửi trong hộp thư đi: chưa sửa hay gửi lại được cho đến khi thư đã đi hoặc báo không gửi được.';
    expect(() => run(queued, { action: 'sendAnswer' })).toThrow(held);
    expect(() => run(queued, { action: 'answer', text: 'Sửa lại' })).toThrow(held);
    expect(allowedActions(admin, queued)).toEqual(['note', 'misuse']);
    const sent = { ...queued, answerSentAt: now, status: STATUS.answered };
    expect(() => run(sent, { action: 'sendAnswer' })).toThrow('Không thể "Gửi trả lời qua email" khi ý kiến đang ở trạng thái "Đã trả lời".');
    // A mail that failed leaves the answer approved and not delivered: it can be sent again.
    expect(allowedActions(admin, { ...queued, answerMethod: '' })).toEqual(['answer', 'sendAnswer', 'note', 'misuse']);
    expect(() => run({ ...draft, hasEmail: false }, { action: 'sendAnswer' })).toThrow(/không để lại email hợp lệ: hãy gọi điện hoặc gửi thư/);
  });

  it('publishing needs a summary staff wrote; misuse is never public', () => {
    const answered = aCase({ category: 'Môi trường', status: STATUS.answered, answer: 'x', answerSentAt: now, answerMethod: 'Email' });
    expect(() => run(answered, { action: 'setPublic', isPublic: true })).toThrow(/tóm tắt công khai/);
    expect(apply(answered, { action: 'setPublic', isPublic: true, publicSummary: 'Rác ở TDP 1 đã được thu gom.' }).answerPublic).toBe(true);
    const misuse = apply(aCase(), { action: 'misuse', reason: 'Bôi nhọ cán bộ' });
    expect([misuse.status, misuse.outcome, misuse.hiddenFromPublic]).toEqual([STATUS.closed, OUTCOME.misuse, true]);
    expect(() => run(misuse, { action: 'setPublic', isPublic: true, publicSummary: 'x' })).toThrow(/lợi dụng/);
  });

  it('closes with honest outcomes', () => {
    expect(() => run(aCase(), { action: 'close', outcome: 'resolved' })).toThrow('Chỉ đóng với kết quả "Đã giải quyết" sau khi đã trả lời.');
    expect(() => run(aCase(), { action: 'close', outcome: 'notCompetent' })).toThrow('Hãy ghi rõ cơ quan người dân cần liên hệ.');
    expect(apply(aCase(), { action: 'close', outcome: 'notCompetent', note: 'Tòa án nhân dân khu vực' })).toMatchObject({ status: STATUS.closed, outcome: OUTCOME.notCompetent, outcomeNote: 'Tòa án nhân dân khu vực' });
    expect(apply(aCase({ status: STATUS.answered, answer: 'x', category: 'Môi trường', answerSentAt: now }), { action: 'close', outcome: 'resolved' })).toMatchObject({ outcome: OUTCOME.resolved });
    // A draft is not an answer: the case cannot be closed as resolved on it.
    expect(() => run(aCase({ status: STATUS.draftAnswer, answer: 'x', category: 'Môi trường' }), { action: 'close', outcome: 'resolved' })).toThrow('Chỉ đóng với kết quả "Đã giải quyết" sau khi đã trả lời.');
    const dup = apply(aCase(), { action: 'duplicate', of: 'gy-2026-00007' });
    expect([dup.status, dup.outcome, dup.linkedCases]).toEqual([STATUS.closed, OUTCOME.duplicate, 'GY-2026-00007']);
  });

  it('reopening needs a reason and returns to where work stood', () => {
    const closed = aCase({ status: STATUS.closed, outcome: OUTCOME.insufficient, assignedBody: 'UBND phường', category: 'Môi trường' });
    expect(() => run(closed, { action: 'reopen', reason: ' ' })).toThrow('Hãy ghi lý do mở lại.');
    expect(apply(closed, { action: 'reopen', reason: 'Người dân bổ sung thông tin' })).toMatchObject({ status: STATUS.inProgress, outcome: '' });
  });

  it('refuses illegal transitions and changes nothing', () => {
    const closed = aCase({ status: STATUS.closed });
    expect(() => run(closed, { action: 'classify', category: 'Môi trường', complexity: 'normal' })).toThrow(ActionRefused);
    expect(closed.status).toBe(STATUS.closed);
  });

  it('handlers act only on their body’s cases, only progress and a draft answer, only through their link; viewers never act', () => {
    const theirs = aCase({ status: STATUS.inProgress, assignedBody: 'UBND phường', category: 'Môi trường' });
    expect(allowedActions(handler, theirs)).toEqual(['progress', 'answer']);
    // MTTQ's internal notes stay MTTQ's; from the spreadsheet a handler acts on nothing.
    expect(() => run(theirs, { action: 'note', text: 'x' }, handler)).toThrow('Vai trò của đồng chí không được "Ghi chú nội bộ".');
    expect(allowedActions({ ...handler, via: 'spreadsheet' }, theirs)).toEqual([]);
    expect(() => run(theirs, { action: 'close', outcome: 'insufficient' }, handler)).toThrow('Vai trò của đồng chí không được "Đóng ý kiến".');
    expect(() => run({ ...theirs, assignedBody: 'Công an phường' }, { action: 'note', text: 'x' }, handler)).toThrow('Đồng chí không có quyền với ý kiến này.');
    expect(allowedActions(viewer, theirs)).toEqual([]);
    expect(() => run(theirs, { action: 'note', text: 'x' }, viewer)).toThrow(ActionRefused);
  });

  it('records who changed what, old → new, with the new version', () => {
    const r = run(aCase(), { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    expect(r.event).toMatchObject({ v: 2, by: 'admin@x.vn', action: 'Phân loại', changes: [{ field: 'Lĩnh vực', from: '', to: 'Môi trường' }, { field: 'Trạng thái', from: STATUS.new, to: STATUS.classified }] });
  });
});

describe('conflictMessage', () => {
  it('shows what changed since the version the person saw', () => {
    const msg = conflictMessage(3, 1, [
      { v: 2, at: '', by: 'a@x.vn', action: 'Phân loại', changes: [{ field: 'Lĩnh vực', from: '', to: 'Môi trường' }] },
      { v: 3, at: '', by: 'b@x.vn', action: 'Ghi chú nội bộ' },
    ]);
    expect(msg).toContain('phiên bản 1 → 3');
    expect(msg).toContain('• a@x.vn — Phân loại (Lĩnh vực: – → Môi trường)');
    expect(msg).toContain('• b@x.vn — Ghi chú nội bộ');
  });
});

it('parses ISO dates for the body’s committed date', () => {
  expect(parseIsoDate('2026-02-30')).toBeNull();
});

describe('what the send button and committed dates allow', () => {
  it('a committed date before today (24/11/2026 in Hà Nội) is refused; today and later are kept', () => {
    const c = aCase({ category: 'Môi trường' });
    expect(() => run(c, { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-11-23' })).toThrow('Hạn cơ quan xử lý cam kết (23/11/2026) đã qua');
    expect(run(c, { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-11-24' }).patch.bodyDueDate).toBeInstanceOf(Date);
    expect(() => run(aCase({ status: STATUS.inProgress, category: 'Môi trường', assignedBody: 'UBND phường' }), { action: 'progress', text: 'x', bodyDueDate: '2026-01-01' })).toThrow('đã qua');
  });

  it('"Gửi trả lời qua email" is offered once an answer is ready, and no more once it has left or the case is closed', () => {
    const ready = aCase({ status: STATUS.draftAnswer, answer: 'Đã xử lý', hasEmail: true });
    expect(allowedActions(admin, ready)).toContain('sendAnswer');
    expect(ACTION_LABELS.sendAnswer).toBe('Gửi trả lời qua email');
    expect(allowedActions(admin, { ...ready, status: STATUS.answered, answerSentAt: now })).not.toContain('sendAnswer');
    expect(allowedActions(admin, { ...ready, status: 'Đã đóng' })).not.toContain('sendAnswer');
  });
});
