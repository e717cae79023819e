/**
 * domain/inbox: the inbox a person opens is cut to what they may see before anything is counted,
 * filtered or paged. A handler whose body cell in "Cán bộ" is blank belongs to no body: they see
 * no case, not the cases no body has been given yet (whose assignedBody is blank too).
 */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import type { IndexEntry } from '../../src/domain/case-record';
import { buildInbox } from '../../src/domain/inbox';
import type { Actor } from '../../src/domain/permissions';

const iso = (s: string) => parseIsoDate(s)!;
const cal = new WorkingCalendar();
const TODAY = iso('2026-12-03');

function entry(code: string, row: number, assignedBody: string): IndexEntry & { row: number } {
  const received = iso('2026-11-20') + row;
  return { code, row, receivedDay: received, receivedAt: received * 86_400_000, channel: 'QR', group: 'Tổ dân phố 1', category: '', suggestedCategory: '', status: assignedBody ? STATUS.inProgress : STATUS.new, dueDay: iso('2026-12-10'), bodyDueDay: null, assignedBody, assignee: '', outcome: '', hidden: false, summary: `Ý kiến ${code}`, search: code.toLowerCase(), answeredAt: null, answerSentAt: null, confidential: false, complexity: '', hasEmail: false, hasPhone: true, answerMethod: '', rating: null };
}

const entries = [entry('GY-2026-00001', 2, ''), entry('GY-2026-00002', 3, 'UBND phường'), entry('GY-2026-00003', 4, ''), entry('GY-2026-00004', 5, 'Công an phường')];
const person = (role: Actor['role'], body: string): Actor => ({ email: `${role}@luukiem.example`, role, body, via: 'spreadsheet' });
const NOTHING = { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, callBack: 0, lowRating: 0 };

describe('buildInbox: whose cases', () => {
  it('a handler with a blank body sees nothing: no line, no count, whatever the filter', () => {
    const h = person('handler', '');
    for (const query of [{}, { status: STATUS.new }, { body: '' }, { text: 'gy' }, { status: 'callBack' }, { page: 2, pageSize: 1 }]) {
      const page = buildInbox(entries, h, query, TODAY, cal);
      expect([query, page.items, page.total, page.counters]).toEqual([query, [], 0, NOTHING]);
    }
  });

  it('a handler of UBND phường sees its one case, and counts only it', () => {
    const page = buildInbox(entries, person('handler', 'UBND phường'), {}, TODAY, cal);
    expect(page.items.map((i) => i.code)).toEqual(['GY-2026-00002']);
    expect(page.counters).toEqual({ new: 0, inProgress: 1, dueSoon: 0, overdue: 0, callBack: 1, lowRating: 0 });
  });

  it('admins and viewers (whose body cell is blank by design) see all four, newest first', () => {
    for (const role of ['admin', 'viewer'] as const) {
      const page = buildInbox(entries, person(role, ''), {}, TODAY, cal);
      expect(page.items.map((i) => i.code)).toEqual(['GY-2026-00004', 'GY-2026-00003', 'GY-2026-00002', 'GY-2026-00001']);
      expect(page.counters).toEqual({ new: 2, inProgress: 2, dueSoon: 0, overdue: 0, callBack: 4, lowRating: 0 });
    }
  });
});

// From issue 7's bug catchers (item e), expected values read off a wall calendar.
describe('the inbox "due soon" counter: due within 2 working days', () => {
  const cal = new WorkingCalendar();
  const admin = { email: 'admin@luukiem.example', role: 'admin' as const, body: '', via: 'spreadsheet' as const };
  function entry(code: string, due: string): IndexEntry & { row: number } {
    const received = iso('2026-11-20');
    return { code, row: 2, receivedDay: received, receivedAt: received * 86_400_000, channel: 'QR', group: 'Tổ dân phố 1', category: '', suggestedCategory: '', status: STATUS.new, dueDay: iso(due), bodyDueDay: null, assignedBody: '', assignee: '', outcome: '', hidden: false, summary: code, search: code.toLowerCase(), answeredAt: null, answerSentAt: null, confidential: false, complexity: '', hasEmail: false, hasPhone: false, answerMethod: '', rating: null };
  }

  it('on Thursday 3/12/2026: due Mon 7/12 (2 working days) counts, due Tue 8/12 (3) does not; today counts, yesterday is overdue', () => {
    const entries = [entry('A', '2026-12-07'), entry('B', '2026-12-08'), entry('C', '2026-12-03'), entry('D', '2026-12-02'), entry('E', '2026-12-05')];
    const page = buildInbox(entries, admin, {}, iso('2026-12-03'), cal);
    // A (Mon, 2 working days), C (today), E (Saturday, before Monday's limit) are due soon; D is overdue.
    expect(page.counters).toEqual({ new: 5, inProgress: 0, dueSoon: 3, overdue: 1, callBack: 0, lowRating: 0 });
    const soon = buildInbox(entries, admin, { status: 'dueSoon' }, iso('2026-12-03'), cal);
    expect(soon.items.map((i) => i.code).sort()).toEqual(['A', 'C', 'E']);
  });
});
