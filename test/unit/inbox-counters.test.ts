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
  // Rated by their residents (issue 18, item 8): 1–2 is low until an admin closes the case.
  entry({ code: 'GY-2026-00007', status: STATUS.answered, answer: 'x', answerSentAt: day('2026-11-27'), answerMethod: 'Email', dueDate: day('2026-11-30'), rating: 1 }), // low rating
  entry({ code: 'GY-2026-00008', status: STATUS.answered, answer: 'x', answerSentAt: day('2026-11-27'), answerMethod: 'Email', dueDate: day('2026-11-30'), rating: 3 }), // rated 3: nothing
  entry({ code: 'GY-2026-00009', status: STATUS.closed, outcome: OUTCOME.resolved, answer: 'x', answerSentAt: day('2026-11-20'), answerMethod: 'Email', dueDate: day('2026-11-30'), rating: 2 }), // closed after: nothing
  entry({ code: 'GY-2026-00010', status: STATUS.inProgress, answer: 'x', answerSentAt: '', dueDate: day('2026-12-20'), rating: 2 }), // reopened after a low rating: in progress, still low
];

describe('buildInbox', () => {
  const all = buildInbox(cases, admin, {}, today, calendar);
  const listed = (status: string) => buildInbox(cases, admin, { status }, today, calendar).items.map((i) => i.code).sort();

  it('counts each set once', () => {
    expect(all.counters).toEqual({ new: 1, inProgress: 4, dueSoon: 2, overdue: 1, callBack: 1, lowRating: 2 });
  });

  it('lists under each counter’s name exactly the cases it counts', () => {
    expect(listed('inProgress')).toEqual(['GY-2026-00002', 'GY-2026-00003', 'GY-2026-00006', 'GY-2026-00010']);
    expect(listed('dueSoon')).toEqual(['GY-2026-00001', 'GY-2026-00006']);
    expect(listed('overdue')).toEqual(['GY-2026-00002']);
    expect(listed('callBack')).toEqual(['GY-2026-00003']);
    expect(listed('lowRating')).toEqual(['GY-2026-00007', 'GY-2026-00010']);
    expect(listed(STATUS.new)).toEqual(['GY-2026-00001']);
    for (const name of ['inProgress', 'dueSoon', 'overdue', 'callBack', 'lowRating'] as const) expect(listed(name)).toHaveLength(all.counters[name]);
  });

  it('flags the cases rated 1–2 and not closed, with their rating', () => {
    expect(all.items.filter((i) => i.lowRating).map((i) => [i.code, i.rating])).toEqual([
      ['GY-2026-00010', 2],
      ['GY-2026-00007', 1],
    ]);
    expect(all.items.find((i) => i.code === 'GY-2026-00008')).toMatchObject({ lowRating: false, rating: 3 });
  });

  it('marks who is to be called back, and counts working days only while open', () => {
    expect(all.items.filter((i) => i.callBack).map((i) => i.code)).toEqual(['GY-2026-00003']);
    expect(all.items.find((i) => i.code === 'GY-2026-00005')!.workingDaysLeft).toBeNull();
    expect(all.items.find((i) => i.code === 'GY-2026-00002')!.workingDaysLeft).toBeLessThan(0);
  });
});
