/** Publishing, and the ways a case closes and reopens. */
import { OUTCOME, STATUS } from '../../../src/domain/case';
import { close, duplicate, misuse, reopen } from '../../../src/domain/lifecycle/close';
import { setPublic } from '../../../src/domain/lifecycle/publish';
import type { Announcement } from '../../../src/domain/lifecycle/types';
import { aCase, ctx, now, settings } from './context';

const answered = aCase({ category: 'Môi trường', status: STATUS.answered, answer: 'x', answerSentAt: now, answerMethod: 'Email' });

describe('setPublic', () => {
  it('publishes with the summary given, or the one already written; unpublishes', () => {
    expect(setPublic(answered, { action: 'setPublic', isPublic: true, publicSummary: ' Đã thu gom rác ở TDP 1. ' }, ctx({ status: 'answered' }))).toEqual({ patch: { answerPublic: true, publicSummary: 'Đã thu gom rác ở TDP 1.' }, detail: '', notices: [], effects: [] });
    expect(setPublic({ ...answered, publicSummary: 'Có sẵn' }, { action: 'setPublic', isPublic: true }, ctx({ status: 'answered' })).patch).toEqual({ answerPublic: true, publicSummary: 'Có sẵn' });
    expect(setPublic(answered, { action: 'setPublic', isPublic: false }, ctx({ status: 'answered' })).patch).toEqual({ answerPublic: false, publicSummary: '' });
  });

  it('refuses without a summary, and always for misuse', () => {
    expect(() => setPublic(answered, { action: 'setPublic', isPublic: true }, ctx())).toThrow(/Hãy viết tóm tắt công khai/);
    expect(() => setPublic({ ...answered, hiddenFromPublic: true }, { action: 'setPublic', isPublic: true, publicSummary: 'x' }, ctx())).toThrow('Ý kiến bị đánh dấu lợi dụng: không được công khai.');
  });
});

describe('close', () => {
  it('closes with an honest outcome and its note', () => {
    expect(close(answered, { action: 'close', outcome: 'resolved' }, ctx({ status: 'answered' }))).toEqual({ patch: { outcome: OUTCOME.resolved, outcomeNote: '', status: STATUS.closed, closedAt: now }, detail: '', notices: [], effects: [] });
    expect(close(aCase(), { action: 'close', outcome: 'notCompetent', note: ' Tòa án ' }, ctx()).patch).toEqual({ outcome: OUTCOME.notCompetent, outcomeNote: 'Tòa án', status: STATUS.closed, closedAt: now });
    expect(close(aCase(), { action: 'close', outcome: 'insufficient' }, ctx()).patch).toEqual({ outcome: OUTCOME.insufficient, outcomeNote: '', status: STATUS.closed, closedAt: now });
  });

  it('refuses "resolved" before the answer, "not competent" without where to go, and anything else', () => {
    expect(() => close(aCase(), { action: 'close', outcome: 'resolved' }, ctx({ status: 'draftAnswer' }))).toThrow('Chỉ đóng với kết quả "Đã giải quyết" sau khi đã trả lời.');
    expect(() => close(aCase(), { action: 'close', outcome: 'notCompetent' }, ctx())).toThrow('Hãy ghi rõ cơ quan người dân cần liên hệ.');
    expect(() => close(aCase(), { action: 'close', outcome: 'misuse' as 'resolved' }, ctx())).toThrow('Kết quả không hợp lệ.');
  });
});

describe('duplicate', () => {
  it('closes as a duplicate of the original, in its one form, and asks the commit to link the original back', () => {
    expect(duplicate(aCase({ linkedCases: 'GY-2026-00003' }), { action: 'duplicate', of: ' gy-2026-000007 ' }, ctx())).toEqual({
      patch: { outcome: OUTCOME.duplicate, outcomeNote: 'GY-2026-00007', linkedCases: 'GY-2026-00003, GY-2026-00007', status: STATUS.closed, closedAt: now },
      detail: '',
      notices: [],
      effects: [{ kind: 'linkOriginal', of: 'GY-2026-00007' }],
    });
  });

  it('refuses no code, or its own', () => {
    expect(() => duplicate(aCase(), { action: 'duplicate', of: '' }, ctx())).toThrow('Hãy nhập mã ý kiến gốc (khác mã này).');
    expect(() => duplicate(aCase(), { action: 'duplicate', of: 'GY-2026-00001' }, ctx())).toThrow('Hãy nhập mã ý kiến gốc (khác mã này).');
  });
});

describe('misuse', () => {
  it('closes, hides from the public and sends the case to the police’s address: transferred once that mail leaves', () => {
    expect(misuse(aCase({ answerPublic: true }), { action: 'misuse', reason: ' Bôi nhọ cán bộ ' }, ctx())).toEqual({
      patch: { outcome: OUTCOME.misuse, outcomeNote: 'Bôi nhọ cán bộ', hiddenFromPublic: true, answerPublic: false, status: STATUS.closed, closedAt: now, policeTransfer: 'Đang chờ gửi' },
      detail: 'Bôi nhọ cán bộ',
      notices: [{ kind: 'police', to: 'ca@luukiem.example', code: 'GY-2026-00001', reason: 'Bôi nhọ cán bộ' }],
      effects: [],
    });
  });

  it('a ward with no police address (a fresh ward: "Công an phường" without an e-mail, or not listed): closed and hidden, recorded as not transferred, and the person told', () => {
    const notTransferred = { outcome: OUTCOME.misuse, outcomeNote: 'x', hiddenFromPublic: true, answerPublic: false, status: STATUS.closed, closedAt: now, policeTransfer: 'Chưa chuyển — chưa có email Công an phường' };
    const noAddress = { ...settings, bodies: settings.bodies.map((b) => (b.name === 'Công an phường' ? { ...b, email: '' } : b)) };
    const notListed = { ...settings, bodies: settings.bodies.filter((b) => b.name !== 'Công an phường') };
    for (const s of [noAddress, notListed]) {
      expect(misuse(aCase(), { action: 'misuse', reason: 'x' }, ctx({ settings: s }))).toEqual({ patch: notTransferred, detail: 'x', notices: [], effects: [{ kind: 'policeUnreachable' }] });
    }
  });

  it('finds the police by name, preferring the entry with an address', () => {
    const two = { ...settings, bodies: [{ name: 'Công an phường (trực ban)', email: '' }, { name: 'CÔNG AN PHƯỜNG', email: 'trucban@ca.vn' }] };
    expect(misuse(aCase(), { action: 'misuse', reason: 'x' }, ctx({ settings: two })).notices).toEqual([{ kind: 'police', to: 'trucban@ca.vn', code: 'GY-2026-00001', reason: 'x' }]);
  });

  it('refuses without a reason', () => {
    expect(() => misuse(aCase(), { action: 'misuse', reason: '' }, ctx())).toThrow(/Hãy ghi lý do \(xuyên tạc/);
  });
});

describe('reopen', () => {
  const closed = { ...answered, status: STATUS.closed, outcome: OUTCOME.resolved, outcomeNote: 'x', closedAt: now, answerPublic: true, approvedBy: 'chu.tich@x.vn' };
  const cleared = { answerPublic: false, outcome: '', outcomeNote: '', closedAt: '', answerSentAt: '', answerMethod: '', approvedBy: '' };

  it('returns to where work stood, unpublished, awaiting a new answer; the body it is with hears of it again, and why', () => {
    expect(reopen({ ...closed, assignedBody: 'UBND phường' }, { action: 'reopen', reason: ' Người dân bổ sung ' }, ctx({ status: 'closed' }))).toEqual({
      patch: { status: STATUS.inProgress, ...cleared },
      detail: 'Người dân bổ sung',
      notices: [{ kind: 'assignee', to: 'h@x.vn', access: 'member', code: 'GY-2026-00001', body: 'UBND phường', dueOn: '03/12/2026', left: 7, bodyDueOn: '', why: 'reopened', reason: 'Người dân bổ sung' }],
      effects: [],
    });
    // Past its due date: the announcement says how late it is (1 working day late on Friday 04/12).
    const late = reopen({ ...closed, assignedBody: 'Công an phường', assignee: 'ong.ba@luukiem.example' }, { action: 'reopen', reason: 'Chưa xử lý xong' }, ctx({ status: 'closed', now: new Date('2026-12-04T03:00:00Z') }));
    expect((late.notices as Announcement[]).map((n) => [n.to, n.access, n.left])).toEqual([['ca@luukiem.example', 'body', -1], ['ong.ba@luukiem.example', 'none', -1]]);
    expect(reopen({ ...closed, assignedBody: 'Đoàn thanh niên' }, { action: 'reopen', reason: 'x' }, ctx()).effects).toEqual([{ kind: 'nobodyTold', body: 'Đoàn thanh niên' }]);
    expect(reopen(closed, { action: 'reopen', reason: 'x' }, ctx()).patch).toEqual({ status: STATUS.classified, ...cleared });
    expect(reopen({ ...closed, category: '' }, { action: 'reopen', reason: 'x' }, ctx()).patch).toEqual({ status: STATUS.new, ...cleared });
  });

  it('a case closed as misuse may be shown again', () => {
    expect(reopen({ ...closed, outcome: OUTCOME.misuse, hiddenFromPublic: true }, { action: 'reopen', reason: 'Nhầm' }, ctx()).patch).toEqual({ status: STATUS.classified, ...cleared, hiddenFromPublic: false });
  });

  it('refuses without a reason', () => {
    expect(() => reopen(closed, { action: 'reopen', reason: ' ' }, ctx())).toThrow('Hãy ghi lý do mở lại.');
  });
});
