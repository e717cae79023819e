/**
 * Deadlines (src/domain/deadline.ts): due days, "due soon" and "overdue", on working days.
 * Every expected value is worked out by hand from /work/shared/holidays.md and a wall calendar,
 * never from the code under test. Weekdays used below:
 *   Dec 2026: Thu 10, Fri 11, Sat 12, Sun 13, Mon 14, Tue 15, Wed 16.
 */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import type { IndexEntry } from '../../src/domain/case-record';
import { buildInbox } from '../../src/domain/inbox';
import { allText } from '../../src/domain/report/blocks';
import { buildReport } from '../../src/domain/report/model';
import { reportDocument } from '../../src/domain/report/report-document';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { bodyDigests } from '../../src/domain/report/reminders';
import type { ReportCase } from '../../src/domain/report/types';
import { CASE_UI, INBOX_UI, REMINDERS } from '../../src/i18n/vi';

const day = (iso: string) => parseIsoDate(iso)!;
const calendar = new WorkingCalendar();

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
  ])('on %s the label, the counters, the digest and the report all say overdue by %i (%s)', (today, late) => {
    const page = buildInbox([entry], admin, {}, day(today), calendar);
    expect(page.counters).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(page.items[0].workingDaysLeft).toBe(-late);
    expect(INBOX_UI.due(page.items[0].dueOn, page.items[0].workingDaysLeft)).toBe(`Quá hạn ${late} ngày làm việc (hạn 11/12/2026)`);
    expect(buildInbox([entry], admin, { status: 'overdue' }, day(today), calendar).total).toBe(1);
    expect(buildInbox([entry], admin, { status: 'dueSoon' }, day(today), calendar).total).toBe(0);

    const [digest] = bodyDigests([entry], [body], [], day(today), calendar);
    expect(digest.overdue.map((l) => [l.code, l.left])).toEqual([[entry.code, -late]]);
    expect(digest.dueSoon).toEqual([]);
    expect(REMINDERS.bodySubject(digest.body, digest.overdue.length, digest.dueSoon.length)).toBe('[Hòm thư số] UBND phường: 1 ý kiến quá hạn, 0 ý kiến sắp đến hạn');

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
