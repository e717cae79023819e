/** The three ways a resident is answered, each by the contact they left. */
import { STATUS } from '../../../src/domain/case';
import { recordCall, recordLetter, sendAnswer } from '../../../src/domain/lifecycle/deliver';
import { aCase, ctx, now, settings } from './context';

const draft = aCase({ category: 'Môi trường', status: STATUS.draftAnswer, answer: 'Đã thu gom', answeredAt: new Date('2026-11-24T01:00:00Z') });
const byPhone = { ...draft, hasEmail: false, hasPhone: true };

describe('sendAnswer', () => {
  it('queues the answer e-mail: approved, to go by e-mail — not answered until the mail has left (issue 18.5)', () => {
    expect(sendAnswer(draft, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer' }))).toEqual({
      patch: { answerMethod: 'Email', status: STATUS.approved },
      detail: '',
      notices: [{ kind: 'answer', code: 'GY-2026-00001' }],
      effects: [{ kind: 'answerQueued' }],
    });
  });

  it('refuses without an answer, with a blank left, once answered, before approval where required, without an e-mail', () => {
    expect(() => sendAnswer({ ...draft, answer: '' }, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer' }))).toThrow('Chưa có nội dung trả lời.');
    expect(() => sendAnswer({ ...draft, answer: 'Ngày {{ngay}}' }, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer' }))).toThrow(/còn chỗ trống của mẫu/);
    expect(() => sendAnswer({ ...draft, answerSentAt: new Date('2026-11-20T03:00:00Z') }, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer' }))).toThrow('Đã trả lời người dân ngày 20/11/2026.');
    expect(() => sendAnswer(draft, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer', settings: { ...settings, approvalRequired: true } }))).toThrow('Nội dung trả lời cần được duyệt trước khi gửi cho người dân.');
    expect(sendAnswer(draft, { action: 'sendAnswer' }, ctx({ status: 'approved', settings: { ...settings, approvalRequired: true } })).patch).toEqual({ answerMethod: 'Email', status: STATUS.approved });
    expect(() => sendAnswer(byPhone, { action: 'sendAnswer' }, ctx({ status: 'draftAnswer' }))).toThrow(/không để lại email hợp lệ/);
  });
});

describe('recordCall', () => {
  it('answered by phone now, with what was said', () => {
    expect(recordCall(byPhone, { action: 'recordCall', note: ' Đã đọc, đồng ý ' }, ctx({ status: 'draftAnswer' }))).toEqual({
      patch: { answerSentAt: now, answerMethod: 'Điện thoại', status: STATUS.answered },
      detail: 'Đã đọc, đồng ý',
      notices: [],
      effects: [],
    });
  });

  it('refuses where an e-mail exists, and without a note', () => {
    expect(() => recordCall(draft, { action: 'recordCall', note: 'x' }, ctx({ status: 'draftAnswer' }))).toThrow('Người gửi có email: hãy dùng "Gửi trả lời qua email".');
    expect(() => recordCall(byPhone, { action: 'recordCall', note: '' }, ctx({ status: 'draftAnswer' }))).toThrow(/Hãy ghi kết quả cuộc gọi/);
  });
});

describe('recordLetter', () => {
  const letter = (letterMadeAt: Date | null) => ctx({ status: 'draftAnswer', letterMadeAt });

  it('answered by letter now, made from the answer as it stands', () => {
    expect(recordLetter(byPhone, { action: 'recordLetter', note: 'Qua tổ trưởng' }, letter(new Date('2026-11-24T02:00:00Z')))).toEqual({
      patch: { answerSentAt: now, answerMethod: 'Thư giấy', status: STATUS.answered },
      detail: 'Qua tổ trưởng',
      notices: [],
      effects: [],
    });
  });

  it('refuses with no letter made, a letter older than the answer, no note, or an e-mail', () => {
    const makeIt = 'Hãy "Lập thư trả lời" từ nội dung trả lời hiện tại, in và gửi thư, rồi ghi nhận.';
    expect(() => recordLetter(byPhone, { action: 'recordLetter', note: 'x' }, letter(null))).toThrow(makeIt);
    expect(() => recordLetter(byPhone, { action: 'recordLetter', note: 'x' }, letter(new Date('2026-11-24T00:59:59Z')))).toThrow(makeIt);
    expect(() => recordLetter(byPhone, { action: 'recordLetter', note: ' ' }, letter(now))).toThrow(/Hãy ghi cách gửi thư/);
    expect(() => recordLetter(draft, { action: 'recordLetter', note: 'x' }, letter(now))).toThrow(/Người gửi có email/);
  });
});
