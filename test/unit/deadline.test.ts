/**
 * Deadlines (src/domain/deadline.ts): due days, "due soon" and "overdue", on working days.
 * Every expected value is worked out by hand from /work/shared/holidays.md and a wall calendar,
 * never from the code under test. Days used below:
 *   Dec 2026: Thu 10, Fri 11, Sat 12, Sun 13, Mon 14, Tue 15, Wed 16.
 *   2027 is not announced yet, so the Labour Code rules apply:
 *   - Tết: mùng 1 is Sat 6/2/2027; off the eve Fri 5/2 to mùng 4 Tue 9/2; Sat 6 and Sun 7 are
 *     given back on Wed 10 and Thu 11 → no work Fri 5/2 – Thu 11/2, work again Fri 12/2.
 *     Jan/Feb 2027: Mon 25/1, Fri 29/1, Mon 1/2, Wed 3/2, Thu 4/2, Mon 15/2, Fri 19/2, Mon 22/2, Mon 1/3.
 *   - 30/4 is a Friday; 1/5 a Saturday, given back on Mon 3/5 → no work Fri 30/4 – Mon 3/5.
 *     Apr/May 2027: Mon 26/4, Wed 28/4, Thu 29/4, Tue 4/5, Wed 5/5, Thu 6/5, Fri 7/5, Mon 10/5.
 */
import { parseIsoDate, toIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import type { IndexEntry } from '../../src/domain/case-record';
import { buildInbox } from '../../src/domain/inbox';
import { DUE_SOON_WORKING_DAYS, deadlineDaysFor, deadlinesOn, dueDayFrom, dueDayOf, isOverdue, workingDaysLate } from '../../src/domain/deadline';
import { allText } from '../../src/domain/report/blocks';
import { buildReport } from '../../src/domain/report/model';
import { reportDocument } from '../../src/domain/report/report-document';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { bodyDigests } from '../../src/domain/report/reminders';
import type { ReportCase } from '../../src/domain/report/types';
import { CASE_UI, INBOX_UI, REMINDERS } from '../../src/i18n/vi';

const day = (iso: string) => parseIsoDate(iso)!;
const calendar = new WorkingCalendar();
const days = { normal: 7, complex: 20 };
const at = (s: string) => new Date(s);

describe('due days', () => {
  it.each([
    // received (Vietnam time), complexity, due, how
    ['2027-04-26T09:00:00+07:00', 'Thường', '2027-05-07', 'Mon 26/4: Tue 27, Wed 28, Thu 29, (30/4–3/5 off) Tue 4, Wed 5, Thu 6, Fri 7'],
    ['2027-02-03T09:00:00+07:00', 'Thường', '2027-02-19', 'Wed 3/2: Thu 4, (Tết 5–11/2) Fri 12, Mon 15 … Fri 19'],
    ['2027-01-25T09:00:00+07:00', 'Phức tạp', '2027-03-01', 'complex, Mon 25/1: 26–29/1 (4), 1–4/2 (8), Tết, 12/2 (9), 15–19/2 (14), 22–26/2 (19), Mon 1/3 (20)'],
    ['2027-01-25T09:00:00+07:00', 'complex', '2027-03-01', 'the same by the action\'s key'],
    ['2027-01-25T09:00:00+07:00', 'Thường', '2027-02-03', 'normal, Mon 25/1: 26–29/1, Mon 1, Tue 2, Wed 3/2'],
    ['2027-02-06T10:00:00+07:00', 'Thường', '2027-02-22', 'received on mùng 1 (a Saturday and a holiday): counting starts Fri 12/2 → Mon 22/2'],
    ['2027-04-28T23:30:00+07:00', 'Thường', '2027-05-11', 'Wed 28/4 at 23:30 in Hà Nội: Thu 29, Tue 4 … Mon 10, Tue 11'],
    ['2027-04-29T00:30:00+07:00', 'Thường', '2027-05-12', 'Thu 29/4 at 00:30 in Hà Nội (still 28/4 in UTC): Tue 4 … Wed 12'],
    ['2026-12-02T09:00:00+07:00', 'Thường', '2026-12-11', 'Wed 2/12/2026: Thu 3, Fri 4, Mon 7 … Fri 11'],
  ])('received %s (%s) → due %s — %s', (received, complexity, due) => {
    expect(toIsoDate(dueDayOf(at(received), complexity, days, calendar))).toBe(due);
  });

  it('the numbers of days are the settings\'', () => {
    expect(deadlineDaysFor('Thường', days)).toBe(7);
    expect(deadlineDaysFor('', days)).toBe(7);
    expect(deadlineDaysFor('Phức tạp', days)).toBe(20);
    expect(deadlineDaysFor('complex', { normal: 10, complex: 30 })).toBe(30);
    // 10 working days from Mon 26/4/2027: 27, 28, 29/4, 4, 5, 6, 7, 10, 11, 12/5.
    expect(toIsoDate(dueDayFrom(day('2027-04-26'), 'Thường', { normal: 10, complex: 30 }, calendar))).toBe('2027-05-12');
  });
});

describe('due soon (within 2 working days), overdue, working days left', () => {
  it('due soon is 2 working days', () => expect(DUE_SOON_WORKING_DAYS).toBe(2));

  it('on Thu 29/4/2027 the next two working days are Tue 4/5 and Wed 5/5 (30/4–3/5 off)', () => {
    const d = deadlinesOn(day('2027-04-29'), calendar);
    expect(toIsoDate(d.soonLimit)).toBe('2027-05-05');
    const look = (due: string) => [d.standing(day(due)), d.workingDaysLeft(day(due))];
    expect(look('2027-04-28')).toEqual(['overdue', -1]);
    expect(look('2027-04-29')).toEqual(['dueSoon', 0]);
    expect(look('2027-04-30')).toEqual(['dueSoon', 0]); // a due day on a holiday: no working day before it
    expect(look('2027-05-04')).toEqual(['dueSoon', 1]);
    expect(look('2027-05-05')).toEqual(['dueSoon', 2]);
    expect(look('2027-05-06')).toEqual(['later', 3]);
    expect(look('2027-05-10')).toEqual(['later', 5]);
  });

  it('overdue counts working days late, not calendar days: due Wed 28/4/2027, seen Tue 4/5 → 29/4 and 4/5', () => {
    const d = deadlinesOn(day('2027-05-04'), calendar);
    expect(d.isOverdue(day('2027-04-28'))).toBe(true);
    expect(d.workingDaysLeft(day('2027-04-28'))).toBe(-2);
    expect(d.isDueSoon(day('2027-04-28'))).toBe(false);
  });

  it.each([
    ['2026-12-10', 'dueSoon', 1],
    ['2026-12-11', 'dueSoon', 0],
    ['2026-12-12', 'overdue', -1],
    ['2026-12-13', 'overdue', -1],
    ['2026-12-14', 'overdue', -1],
    ['2026-12-15', 'overdue', -2],
  ])('a case due Friday 11/12/2026 seen on %s: %s, %i working days left', (today, standing, left) => {
    const d = deadlinesOn(day(today), calendar);
    expect([d.standing(day('2026-12-11')), d.workingDaysLeft(day('2026-12-11'))]).toEqual([standing, left]);
    expect(d.isOverdue(day('2026-12-11'))).toBe(standing === 'overdue');
  });

  it('through Tết 2027: due Thu 4/2, late 1 on every day off until Fri 12/2, 2 on Mon 15/2', () => {
    const due = day('2027-02-04');
    for (const today of ['2027-02-05', '2027-02-06', '2027-02-08', '2027-02-11', '2027-02-12']) expect([today, deadlinesOn(day(today), calendar).workingDaysLeft(due)]).toEqual([today, -1]);
    expect(deadlinesOn(day('2027-02-15'), calendar).workingDaysLeft(due)).toBe(-2);
    // On Thu 4/2 the next two working days are Fri 12/2 and Mon 15/2.
    const d = deadlinesOn(day('2027-02-04'), calendar);
    expect(toIsoDate(d.soonLimit)).toBe('2027-02-15');
    expect([d.standing(day('2027-02-15')), d.standing(day('2027-02-16'))]).toEqual(['dueSoon', 'later']);
    expect(d.workingDaysLeft(day('2027-02-15'))).toBe(2);
  });

  it('working days late takes the report\'s own counter, and is at least 1 once overdue', () => {
    const none = () => 0;
    expect(workingDaysLate(day('2026-12-11'), day('2026-12-11'), none)).toBe(0);
    expect(workingDaysLate(day('2026-12-11'), day('2026-12-12'), none)).toBe(1);
    expect(workingDaysLate(day('2026-12-11'), day('2026-12-18'), () => 5)).toBe(5);
    expect([isOverdue(day('2026-12-11'), day('2026-12-11')), isOverdue(day('2026-12-11'), day('2026-12-12'))]).toEqual([false, true]);
  });
});

describe('the bug: a case due Friday 11/12/2026, seen on the weekend', () => {
  const admin = { email: 'admin@luukiem.example', role: 'admin' as const, body: '', via: 'spreadsheet' as const };
  const body = { name: 'UBND phường', email: 'ubnd@luukiem.example' };
  const entry: IndexEntry & { row: number } = {
    code: 'GY-2026-00042', row: 2, receivedDay: day('2026-12-02'), receivedAt: day('2026-12-02') * 86_400_000, channel: 'QR', group: 'Tổ dân phố 1',
    category: 'Môi trường', suggestedCategory: '', status: STATUS.inProgress, dueDay: day('2026-12-11'), bodyDueDay: null, assignedBody: body.name, assignee: '',
    outcome: '', hidden: false, summary: 'x', search: 'x', answeredAt: null, answerSentAt: null, confidential: false, complexity: 'Thường', hasEmail: false, hasPhone: false, answerMethod: '', rating: null,
  };
  const reportCase: ReportCase = {
    code: entry.code, receivedAt: new Date('2026-12-02T02:00:00Z'), channel: 'QR', group: 'Tổ dân phố 1', category: 'Môi trường', complexity: 'Thường', status: STATUS.inProgress,
    assignedBody: body.name, bodyDueDate: '', answeredAt: '', answerSentAt: '', outcome: '', closedAt: '', rating: null,
  };

  // Received Wed 2/12: 7 working days are Thu 3, Fri 4, Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.
  it.each([
    // today, working days late (the label), why
    ['2026-12-12', 1, 'Saturday: overdue since midnight, at least one working day late'],
    ['2026-12-13', 1, 'Sunday: the same'],
    ['2026-12-14', 1, 'Monday: one working day (Mon 14) after the due day'],
    ['2026-12-15', 2, 'Tuesday: Mon 14 and Tue 15'],
  ])('on %s the label, the counters, the digest (working days) and the report all say overdue by %i (%s)', (today, late) => {
    const page = buildInbox([entry], admin, {}, day(today), calendar);
    expect(page.counters).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(page.items[0].workingDaysLeft).toBe(-late);
    expect(INBOX_UI.due(page.items[0].dueOn, page.items[0].workingDaysLeft)).toBe(`Quá hạn ${late} ngày làm việc (hạn 11/12/2026)`);
    expect(buildInbox([entry], admin, { status: 'overdue' }, day(today), calendar).total).toBe(1);
    expect(buildInbox([entry], admin, { status: 'dueSoon' }, day(today), calendar).total).toBe(0);

    // Digests go out on working days only (issue 18.2): none on the weekend; on a working day it says overdue.
    const digests = bodyDigests([entry], [body], [], day(today), calendar);
    if (!calendar.isWorkingDay(day(today))) expect(digests).toEqual([]);
    else {
      const [digest] = digests;
      expect(digest.overdue.map((l) => [l.code, l.left])).toEqual([[entry.code, -late]]);
      expect(digest.dueSoon).toEqual([]);
      expect(REMINDERS.bodySubject(digest.body, digest.overdue.length, digest.dueSoon.length)).toBe('[Hòm thư số] UBND phường: 1 ý kiến quá hạn, 0 ý kiến sắp đến hạn');
    }

    const report = buildReport([reportCase], { kind: 'quarter', year: 2026, index: 4 }, calendar, { asOf: day(today), rule: 'calendar', groups: ['Tổ dân phố 1'], deadlineDays: { normal: 7, complex: 20 } });
    expect(report.current.overdue).toEqual([{ code: entry.code, category: 'Môi trường', body: body.name, workingDaysLate: late, open: true }]);
  });

  it('on Friday 11/12 itself it is due today, not overdue', () => {
    const page = buildInbox([entry], admin, {}, day('2026-12-11'), calendar);
    expect(page.counters).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(INBOX_UI.due(page.items[0].dueOn, page.items[0].workingDaysLeft)).toBe('Hết hạn hôm nay (11/12/2026)');
    const [digest] = bodyDigests([entry], [body], [], day('2026-12-11'), calendar);
    expect([digest.overdue.length, digest.dueSoon.length]).toEqual([0, 1]);
  });
});

describe('texts that print the deadline days take them from the settings', () => {
  const days = { normal: 10, complex: 30 };

  it('the report Doc prints the days the figures were counted with', () => {
    const model = buildReport([], { kind: 'quarter', year: 2026, index: 4 }, calendar, { asOf: day('2026-12-20'), rule: 'calendar', groups: [], deadlineDays: days });
    const text = allText(reportDocument({ model, committee: 'Ủy ban MTTQ Việt Nam phường Hòa Bình', header: DEFAULT_SETTINGS.report, today: day('2026-12-20'), version: 1, appendix: [] }));
    expect(text).toContain('(10 ngày làm việc; vụ việc phức tạp 30 ngày làm việc)');
    expect(text).not.toMatch(/\b(7|20) ngày làm việc/);
  });

  it('the classify form labels the choices with the settings\' days', () => {
    expect([CASE_UI.fields.normal(days.normal), CASE_UI.fields.complex(days.complex)]).toEqual(['Thường (10 ngày làm việc)', 'Phức tạp (30 ngày làm việc)']);
  });

  it('the digest names the due-soon window', () => {
    const text = REMINDERS.bodyText({ body: 'UBND phường', committee: 'Ủy ban MTTQ', soonDays: 2, dueSoon: [{ code: 'A', category: 'x', group: 'y', dueOn: '14/12/2026', left: 1 }], overdue: [], url: 'u' });
    expect(text).toContain('Sắp đến hạn (trong 2 ngày làm việc):');
  });
});
