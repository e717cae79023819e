/** domain/body-people: who hears of a handling body's cases, and how each opens them (issue 18.1). */
import { accessOf, announcementRecipients, bodyPeople, isBodyAddress } from '../../src/domain/body-people';
import type { StaffMember } from '../../src/domain/settings';

const staff: StaffMember[] = [
  { email: 'admin@x.vn', role: 'admin', body: '' },
  { email: 'h1@x.vn', role: 'handler', body: 'UBND phường' },
  { email: 'h2@x.vn', role: 'handler', body: 'UBND phường' },
  { email: 'ca@x.vn', role: 'handler', body: 'Công an phường' },
  { email: 'xem@x.vn', role: 'viewer', body: '' },
];
const UBND = { name: 'UBND phường', email: 'VanPhong@X.vn' };
const DOAN = { name: 'Đoàn thanh niên', email: 'Doan@X.vn' };
const HOI = { name: 'Hội Phụ nữ', email: '' };

describe('bodyPeople', () => {
  it('a body\'s members who work by link; its own address only when it has none; nobody when it has neither', () => {
    expect(bodyPeople(UBND, staff)).toEqual([{ email: 'h1@x.vn', access: 'member' }, { email: 'h2@x.vn', access: 'member' }]);
    expect(bodyPeople(DOAN, staff)).toEqual([{ email: 'doan@x.vn', access: 'body' }]);
    expect(bodyPeople(HOI, staff)).toEqual([]);
  });
});

describe('announcementRecipients and accessOf', () => {
  it('adds an assignee who is not one of the body\'s people, once, with how they open the case', () => {
    expect(announcementRecipients(UBND, staff, ' H1@x.vn ')).toEqual(bodyPeople(UBND, staff));
    expect(announcementRecipients(UBND, staff, 'vanphong@x.vn')).toEqual([...bodyPeople(UBND, staff), { email: 'vanphong@x.vn', access: 'body' }]);
    expect(announcementRecipients(HOI, staff, 'ai.do@gmail.com')).toEqual([{ email: 'ai.do@gmail.com', access: 'none' }]);
    // An admin opens the spreadsheet; a viewer or another body's handler holds no link for this body.
    expect(['admin@x.vn', 'xem@x.vn', 'ca@x.vn', 'h2@x.vn'].map((e) => accessOf(e, UBND, staff))).toEqual(['spreadsheet', 'none', 'none', 'member']);
  });

  it('a body link holds while "Cơ quan xử lý" gives the body that address (any case)', () => {
    expect(isBodyAddress([UBND, DOAN], 'Đoàn thanh niên', 'doan@x.vn')).toBe(true);
    expect(isBodyAddress([UBND, DOAN], 'UBND phường', 'doan@x.vn')).toBe(false);
    expect(isBodyAddress([UBND, HOI], 'Hội Phụ nữ', '')).toBe(false);
  });
});

describe('a body whose address is someone in "Cán bộ"', () => {
  it('that address opens cases as its role does, never through a body link', () => {
    const shared = { name: 'Hội Cựu chiến binh', email: 'admin@x.vn' };
    expect(bodyPeople(shared, staff)).toEqual([{ email: 'admin@x.vn', access: 'spreadsheet' }]);
    expect(bodyPeople({ name: 'Hội Nông dân', email: 'xem@x.vn' }, staff)).toEqual([{ email: 'xem@x.vn', access: 'none' }]);
  });
});
