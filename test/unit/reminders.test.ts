/** domain/report/reminders: the admins' report and publication reminders, the bodies' daily digests (issue 9). */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { adminReminders, bodyDigests } from '../../src/domain/report/reminders';
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

  it('each body with an address (or handlers) gets its open cases due within 2 working days and its overdue ones', () => {
    const entry = (code: string, body: string, due: string, status: string = STATUS.inProgress) => ({ ...parseIndex(buildIndex({ ...rc(code, '2026-11-10'), suggestedCategory: '', dueDate: new Date(`${due}T00:00:00+07:00`), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '', assignedBody: body, status, answerSentAt: status === STATUS.answered ? at('2026-11-19') : '' } as unknown as CaseRecord))! });
    const entries = [entry('A', 'UBND phường', '2026-11-20'), entry('B', 'UBND phường', '2026-11-26'), entry('C', 'UBND phường', '2026-12-10'), entry('D', 'Công an phường', '2026-11-25'), entry('E', 'UBND phường', '2026-11-20', STATUS.answered)];
    const digests = bodyDigests(entries, [{ name: 'UBND phường', email: 'ubnd@x.vn' }, { name: 'Công an phường', email: '' }], [{ email: 'ca1@x.vn', role: 'handler', body: 'Công an phường' }], day('2026-11-24'), calendar);
    expect(digests.map((d) => [d.body, d.to, d.overdue.map((l) => l.code), d.dueSoon.map((l) => l.code)])).toEqual([
      ['UBND phường', ['ubnd@x.vn'], ['A'], ['B']],
      ['Công an phường', ['ca1@x.vn'], [], ['D']],
    ]);
  });
});
