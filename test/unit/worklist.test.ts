/** domain/worklist: the personal-link page as a work list (issue 18.3). */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import type { HistoryEvent } from '../../src/domain/case-record';
import { deadlinesOn } from '../../src/domain/deadline';
import { buildInbox } from '../../src/domain/inbox';
import { ACTION_LABELS, FIELD_LABELS } from '../../src/domain/lifecycle';
import { bodyProposal, lastReopening, pressing, worklistOrder } from '../../src/domain/worklist';

const calendar = new WorkingCalendar();
const day = (iso: string) => parseIsoDate(iso)!;
const BODY = 'ubnd@x.vn';
const ofBody = (e: string) => e === BODY;
const ev = (v: number, by: string, action: string, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({ v, at: `2026-11-${20 + v}T03:00:00.000Z`, by, action, ...extra });
const drafted = (v: number, by: string, text: string) => ev(v, by, ACTION_LABELS.answer, { changes: [{ field: FIELD_LABELS.answer!, from: '', to: text }] });

describe('pressing and order', () => {
  it('marks overdue and due soon exactly as the inbox counts them, on every day of six weeks', () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({ status: i % 5 === 0 ? STATUS.closed : STATUS.inProgress, dueDay: day('2026-12-01') + i * 3, hasPhone: false, hasEmail: true, answerSentAt: null }));
    for (let d = day('2026-11-23'); d <= day('2027-01-05'); d++) {
      const t = deadlinesOn(d, calendar);
      const marks = cases.map((c) => pressing(c, t));
      const entries = cases.map((c, i) => ({ ...c, code: `K${i}`, row: i + 2, receivedDay: 0, receivedAt: 0, channel: 'QR', group: '', category: '', suggestedCategory: '', bodyDueDay: null, assignedBody: 'B', assignee: '', outcome: '', hidden: false, summary: '', search: '', answeredAt: null, confidential: false, complexity: '', answerMethod: '', rating: null }));
      const counters = buildInbox(entries, { email: 'h@x.vn', role: 'handler', body: 'B', via: 'link' }, {}, d, calendar).counters;
      expect([d, marks.filter((m) => m === 'overdue').length, marks.filter((m) => m === 'dueSoon').length]).toEqual([d, counters.overdue, counters.dueSoon]);
      expect(marks.filter((m, i) => m === 'done' && cases[i].status !== STATUS.closed)).toEqual([]);
    }
  });

  it('orders overdue, due soon, open (soonest due first), then done (newest first)', () => {
    const items = [
      { id: 'done-old', pressing: 'done' as const, dueDay: 1, receivedAt: 1 },
      { id: 'open', pressing: 'open' as const, dueDay: 30, receivedAt: 5 },
      { id: 'soon', pressing: 'dueSoon' as const, dueDay: 20, receivedAt: 4 },
      { id: 'done-new', pressing: 'done' as const, dueDay: 2, receivedAt: 9 },
      { id: 'late-less', pressing: 'overdue' as const, dueDay: 15, receivedAt: 3 },
      { id: 'late-more', pressing: 'overdue' as const, dueDay: 10, receivedAt: 2 },
    ];
    expect(items.sort(worklistOrder).map((i) => i.id)).toEqual(['late-more', 'late-less', 'soon', 'open', 'done-new', 'done-old']);
  });
});

describe('why a case was reopened', () => {
  it('the last reopening\'s time and reason; none for a case never reopened', () => {
    const events = [ev(1, 'a@x.vn', ACTION_LABELS.reopen, { detail: 'Lần 1' }), ev(2, 'a@x.vn', ACTION_LABELS.note), ev(3, 'a@x.vn', ACTION_LABELS.reopen, { detail: 'Đèn lại hỏng' })];
    expect(lastReopening(events)).toEqual({ at: events[2].at, reason: 'Đèn lại hỏng' });
    expect(lastReopening(events.slice(1, 2))).toBeNull();
  });
});

describe('the body\'s proposed answer and where it stands', () => {
  const base = { status: STATUS.draftAnswer, answer: 'Đã thay bóng đèn ngõ 3 ngày 26/11, kèm biên bản nghiệm thu.', answerSentAt: '' as const, approvedBy: '', answerMethod: '' };
  const proposed = drafted(2, BODY, 'Đã thay bóng đèn ngõ 3 ngày 26/11, kèm…');

  it('none until the body proposes one; an admin\'s own draft is not the body\'s', () => {
    expect(bodyProposal(base, [ev(1, 'admin@x.vn', ACTION_LABELS.assign)], ofBody)).toBeNull();
    expect(bodyProposal(base, [drafted(1, 'admin@x.vn', 'x')], ofBody)).toBeNull();
  });

  it('awaiting review, approved, then answered: shown whole from the case while it is the case\'s answer', () => {
    expect(bodyProposal(base, [proposed], ofBody)).toEqual({ text: base.answer, at: proposed.at, state: 'awaitingReview', answeredAt: '', method: '' });
    expect(bodyProposal({ ...base, status: STATUS.awaitingApproval }, [proposed], ofBody)?.state).toBe('awaitingReview');
    expect(bodyProposal({ ...base, status: STATUS.approved, approvedBy: 'chu.tich@x.vn' }, [proposed], ofBody)?.state).toBe('approved');
    const sent = new Date('2026-11-27T03:00:00Z');
    expect(bodyProposal({ ...base, status: STATUS.answered, answerSentAt: sent, answerMethod: 'Điện thoại' }, [proposed], ofBody)).toEqual({ text: base.answer, at: proposed.at, state: 'answered', answeredAt: sent.toISOString(), method: 'Điện thoại' });
  });

  it('changed by MTTQ before it went out: the body\'s own words, and that they were changed', () => {
    const sent = new Date('2026-11-27T03:00:00Z');
    const p = bodyProposal({ ...base, answer: 'Nội dung MTTQ đã sửa', status: STATUS.answered, answerSentAt: sent, answerMethod: 'Email' }, [proposed, drafted(3, 'admin@x.vn', 'Nội dung MTTQ đã sửa')], ofBody);
    expect(p).toEqual({ text: 'Đã thay bóng đèn ngõ 3 ngày 26/11, kèm…', at: proposed.at, state: 'revised', answeredAt: sent.toISOString(), method: 'Email' });
  });

  it('overtaken by a reopening: a new proposal is needed', () => {
    const p = bodyProposal({ ...base, status: STATUS.inProgress }, [proposed, ev(3, 'admin@x.vn', ACTION_LABELS.recordCall), ev(4, 'admin@x.vn', ACTION_LABELS.reopen, { detail: 'Chưa xong' })], ofBody);
    expect(p).toMatchObject({ state: 'reopened', answeredAt: '' });
    // A new proposal after the reopening stands on its own.
    expect(bodyProposal({ ...base }, [proposed, ev(4, 'admin@x.vn', ACTION_LABELS.reopen), drafted(5, BODY, 'Lần hai')], ofBody)).toMatchObject({ state: 'awaitingReview', text: base.answer });
  });
});
