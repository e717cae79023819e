import { codeInSubject, isMailKey, mailResponseKey, matchByHeaders, type MailIndexRow } from '../../src/domain/mail-match';

const INDEX: MailIndexRow[] = [
  { messageId: 'm1', rfcMessageId: '<a1@mail.gmail.com>', threadId: 'm1', code: 'GY-2026-00001' },
  { messageId: 'm2', rfcMessageId: '<b2@yahoo.com>', threadId: 'm2', code: 'GY-2026-00002' },
  { messageId: 'm3', rfcMessageId: '<c3@mail.gmail.com>', threadId: 'm1', code: 'GY-2026-00003' },
  { messageId: 'm4', rfcMessageId: '<d4@x>', threadId: 'm4', code: '' },
];
const none = { threadId: '', inReplyTo: '', references: [] as string[] };

describe('matchByHeaders', () => {
  it('the thread first: the latest case of the thread (a follow-up case after the first)', () => {
    expect(matchByHeaders(INDEX, { ...none, threadId: 'm1' })).toBe('GY-2026-00003');
  });
  it('a thread id that is one of the handed messages\' ids (Gmail: a thread id is one of its messages\' ids)', () => {
    expect(matchByHeaders(INDEX, { ...none, threadId: 'm2' })).toBe('GY-2026-00002');
  });
  it('In-Reply-To or any of References, case and spaces aside', () => {
    expect(matchByHeaders(INDEX, { ...none, threadId: 'new', inReplyTo: ' <B2@yahoo.com> ' })).toBe('GY-2026-00002');
    expect(matchByHeaders(INDEX, { ...none, threadId: 'new', references: ['<zz@x>', '<a1@mail.gmail.com>'] })).toBe('GY-2026-00001');
  });
  it('nothing known: null; rows without a case (skipped mail) never match', () => {
    expect(matchByHeaders(INDEX, { ...none, threadId: 'm4', references: ['<d4@x>'] })).toBeNull();
    expect(matchByHeaders(INDEX, none)).toBeNull();
  });
});

describe('codeInSubject', () => {
  it.each([
    ['Re: [Hòm thư số] Đã tiếp nhận ý kiến GY-2026-00012', 'GY-2026-00012'],
    ['hỏi về gy-2026-12', 'GY-2026-00012'],
    ['Phiếu GY - 2026 - P00007', 'GY-2026-P00007'],
    ['Đèn hỏng', ''],
    ['XGY-2026-00012', ''],
  ])('%s → %s', (subject, code) => expect(codeInSubject(subject)).toBe(code));
});

describe('mailResponseKey', () => {
  it('the second it was received and the mailbox id; the same message gives the same key', () => {
    const m = { messageId: '18c0abc', date: '2026-11-24T01:30:00.000Z' };
    expect(mailResponseKey(m)).toBe(`M${Date.parse(m.date) / 1000}-18c0abc`);
    expect(mailResponseKey(m)).toBe(mailResponseKey({ ...m }));
    expect(mailResponseKey({ messageId: 'x', date: 'không phải ngày' })).toBe('M0-x');
    expect(isMailKey(mailResponseKey(m))).toBe(true);
    expect(isMailKey('F1764000000-0abc123')).toBe(false);
  });
});
