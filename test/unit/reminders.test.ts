/** domain/report/reminders: the admins' report and publication reminders, the bodies' daily digests (issue 9). */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { buildInbox } from '../../src/domain/inbox';
import { adminReminders, bodyDigests } from '../../src/domain/report/reminders';
import type { StaffMember } from '../../src/domain/settings';
import { rc } from '../support/report-cases';

const calendar = new WorkingCalendar();
const day = (iso: string) => parseIsoDate(iso)!;
const at = (iso: string) => new Date(`${iso}T02:00:00Z`); // 09:00 in Hà Nội

describe('reminders', () => {
  it('the quarterly report: from 5 working days before the 25th of the quarter\'s last month, once per quarter', () => {
    // 25/12/2026 is a Friday: 5 working days before is Friday 18/12.
    expect(adminReminders(day('2026-12-17'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([]);
    expect(adminReminders(day('2026-12-18'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([{ key: 'q-2026-4', kind: 'quarterly', label: 'Quý IV năm 2026', dueOn: '25/12/2026' }]);
    expect(adminReminders(day('2026-12-26'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([]);
  });

  it('the monthly publication: on the month\'s first working day (or the two after), for the month before', () => {
    // 1/1/2027 is a holiday (Tết Dương lịch), a Friday: the first working day is Monday 4/1.
    expect(adminReminders(day('2027-01-01'), calendar)).toEqual([]);
    expect(adminReminders(day('2027-01-04'), calendar)).toEqual([{ key: 'm-2026-12', kind: 'monthly', label: 'Tháng 12 năm 2026', dueOn: '04/01/2027' }]);
    expect(adminReminders(day('2027-01-07'), calendar)).toEqual([]);
  });

  const entry = (code: string, body: string, due: string, status: string = STATUS.inProgress) => ({ ...parseIndex(buildIndex({ ...rc(code, '2026-11-10'), suggestedCategory: '', dueDate: new Date(`${due}T00:00:00+07:00`), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '', assignedBody: body, status, answerSentAt: status === STATUS.answered ? at('2026-11-19') : '' } as unknown as CaseRecord))! });
  const entries = [entry('A', 'UBND phường', '2026-11-20'), entry('B', 'UBND phường', '2026-11-26'), entry('C', 'UBND phường', '2026-12-10'), entry('D', 'Công an phường', '2026-11-25'), entry('E', 'UBND phường', '2026-11-20', STATUS.answered)];
  const bodies = [{ name: 'UBND phường', email: 'ubnd@x.vn' }, { name: 'Công an phường', email: '' }, { name: 'Hội Phụ nữ', email: 'hoi@x.vn' }];
  const staff: StaffMember[] = [{ email: 'ca1@x.vn', role: 'handler', body: 'Công an phường' }, { email: 'ca2@x.vn', role: 'handler', body: 'Công an phường' }];

  it('each body gets its open cases due within 2 working days and its overdue ones: its members, else its own address, each with a personal link', () => {
    const digests = bodyDigests([...entries, entry('F', 'Hội Phụ nữ', '2026-11-24')], bodies, staff, day('2026-11-24'), calendar);
    expect(digests.map((d) => [d.body, d.to, d.overdue.map((l) => l.code), d.dueSoon.map((l) => l.code)])).toEqual([
      ['UBND phường', [{ email: 'ubnd@x.vn', access: 'body' }], ['A'], ['B']],
      ['Công an phường', [{ email: 'ca1@x.vn', access: 'member' }, { email: 'ca2@x.vn', access: 'member' }], [], ['D']],
      ['Hội Phụ nữ', [{ email: 'hoi@x.vn', access: 'body' }], [], ['F']],
    ]);
  });

  it('goes out on working days only: none on a weekend or a day off, even with overdue cases', () => {
    expect(bodyDigests(entries, bodies, staff, day('2026-11-28'), calendar)).toEqual([]); // Saturday
    expect(bodyDigests(entries, bodies, staff, day('2026-11-29'), calendar)).toEqual([]); // Sunday
    expect(bodyDigests(entries, bodies, staff, day('2027-01-01'), calendar)).toEqual([]); // Tết Dương lịch
    expect(bodyDigests(entries, bodies, staff, day('2026-11-30'), calendar).map((d) => d.body)).toEqual(['UBND phường', 'Công an phường']);
  });

  it('counts what the body\'s members\' inbox counts, every day of a month', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(`K${i}`, i % 3 ? 'UBND phường' : 'Công an phường', `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`, i % 7 === 0 ? STATUS.answered : STATUS.inProgress));
    const rows = many.map((e, i) => ({ ...e, row: i + 2 }));
    for (let d = day('2026-11-23'); d <= day('2027-01-08'); d++) {
      const digests = bodyDigests(many, bodies, staff, d, calendar);
      for (const body of ['UBND phường', 'Công an phường']) {
        const counters = buildInbox(rows, { email: 'x@x.vn', role: 'handler', body, via: 'link' }, {}, d, calendar).counters;
        const digest = digests.find((g) => g.body === body);
        const got = digest ? [digest.overdue.length, digest.dueSoon.length] : [0, 0];
        expect([d, body, got]).toEqual([d, body, calendar.isWorkingDay(d) ? [counters.overdue, counters.dueSoon] : [0, 0]]);
      }
    }
  });
});
