/** The inbox's counters and its filters of the same name count and list the same cases. */
import { vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { OUTCOME, STATUS } from '../../src/domain/case';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { buildInbox } from '../../src/domain/inbox';
import type { Actor } from '../../src/domain/lifecycle';
import { caseRecord } from '../support/cases';

const admin: Actor = { email: 'admin@x.vn', role: 'admin', body: '', via: 'spreadsheet' };
const calendar = new WorkingCalendar();
// Tuesday 01/12/2026; the cases below are due on 02/12 (Wednesday) unless they say otherwise.
const today = vietnamDayOf(new Date('2026-12-01T03:00:00Z'));
const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

let row = 1;
const entry = (patch: Partial<CaseRecord>) => ({ ...parseIndex(buildIndex(caseRecord(patch)))!, row: (row += 1) });

const cases = [
  entry({ code: 'GY-2026-00001' }), // new, due soon
  entry({ code: 'GY-2026-00002', status: STATUS.inProgress, dueDate: day('2026-11-30') }), // overdue
  entry({ code: 'GY-2026-00003', status: STATUS.classified, dueDate: day('2026-12-20'), hasEmail: false, hasPhone: true }), // call back, far
  entry({ code: 'GY-2026-00004', status: STATUS.closed, outcome: OUTCOME.insufficient, dueDate: day('2026-11-30'), hasEmail: false, hasPhone: true }), // closed: nothing
  entry({ code: 'GY-2026-00005', status: STATUS.answered, answer: 'x', answerSentAt: day('2026-11-28'), answerMethod: 'Email', dueDate: day('2026-11-30') }), // answered: nothing
  entry({ code: 'GY-2026-00006', status: STATUS.draftAnswer, answer: 'x', answeredAt: day('2026-11-28'), dueDate: day('2026-12-01') }), // draft due today: due soon
];

describe('buildInbox', () => {
  const all = buildInbox(cases, admin, {}, today, calendar);
  const listed = (status: string) => buildInbox(cases, admin, { status }, today, calendar).items.map((i) => i.code).sort();

  it('counts each set once', () => {
    expect(all.counters).toEqual({ new: 1, inProgress: 3, dueSoon: 2, overdue: 1, callBack: 1 });
  });

  it('lists under each counter’s name exactly the cases it counts', () => {
    expect(listed('inProgress')).toEqual(['GY-2026-00002', 'GY-2026-00003', 'GY-2026-00006']);
    expect(listed('dueSoon')).toEqual(['GY-2026-00001', 'GY-2026-00006']);
    expect(listed('overdue')).toEqual(['GY-2026-00002']);
    expect(listed('callBack')).toEqual(['GY-2026-00003']);
    expect(listed(STATUS.new)).toEqual(['GY-2026-00001']);
    for (const name of ['inProgress', 'dueSoon', 'overdue', 'callBack'] as const) expect(listed(name)).toHaveLength(all.counters[name]);
  });

  it('marks who is to be called back, and counts working days only while open', () => {
    expect(all.items.filter((i) => i.callBack).map((i) => i.code)).toEqual(['GY-2026-00003']);
    expect(all.items.find((i) => i.code === 'GY-2026-00005')!.workingDaysLeft).toBeNull();
    expect(all.items.find((i) => i.code === 'GY-2026-00002')!.workingDaysLeft).toBeLessThan(0);
  });
});
