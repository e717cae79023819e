/**
 * QR adoption per residential group: which groups' posters brought no case in the 14 calendar
 * days ending today (only once the ward has received for 14 days), the dashboard's per-group QR
 * figures, and the monthly reminder's list of stale posters.
 */
import { parseIsoDate, type CivilDay } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { CHANNELS, STATUS } from '../../src/domain/case';
import type { IndexEntry } from '../../src/domain/case-record';
import { STALE_QR_DAYS, staleQrGroups } from '../../src/domain/report/adoption';
import { buildDashboard } from '../../src/domain/report/dashboard';
import { adminReminders } from '../../src/domain/report/reminders';
import { ADOPTION } from '../../src/i18n/vi';

const day = (iso: string): CivilDay => parseIsoDate(iso)!;
const calendar = new WorkingCalendar();
const GROUPS = ['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'];
const [T1, T2, T3] = GROUPS;

let n = 0;
function entry(received: string, channel: string, group: string): IndexEntry {
  const receivedDay = day(received);
  n += 1;
  return {
    code: `GY-2026-${String(n).padStart(5, '0')}`,
    receivedDay,
    receivedAt: Date.parse(`${received}T02:00:00Z`), // 09:00 in Hà Nội, the same civil day
    channel,
    group,
    category: 'Môi trường',
    suggestedCategory: 'Môi trường',
    status: STATUS.inProgress,
    dueDay: receivedDay + 9,
    bodyDueDay: null,
    assignedBody: '',
    assignee: '',
    outcome: '',
    hidden: false,
    summary: 'x',
    search: 'x',
    answeredAt: null,
    answerSentAt: null,
    confidential: false,
    complexity: 'Thường',
    hasEmail: false,
    hasPhone: false,
    answerMethod: '',
    rating: null,
  };
}

const TODAY = day('2026-12-20');
/** The ward has been receiving since well before the window. */
const OLD = entry('2026-10-01', CHANNELS.paper, T3);

describe('staleQrGroups', () => {
  it('the window is the 14 calendar days ending today: a group QR case 13 days ago keeps the group off, 14 days ago does not', () => {
    expect(STALE_QR_DAYS).toBe(14);
    const inside = [OLD, entry('2026-12-07', CHANNELS.qr, T1), entry('2026-12-06', CHANNELS.qr, T2)];
    expect(staleQrGroups(inside, [T1, T2], TODAY)).toEqual([{ group: T2, lastQrOn: '06/12/2026' }]);
    // One day later the 07/12 case falls out of the window too.
    expect(staleQrGroups(inside, [T1, T2], TODAY + 1)).toEqual([
      { group: T1, lastQrOn: '07/12/2026' },
      { group: T2, lastQrOn: '06/12/2026' },
    ]);
    // A case received today counts.
    expect(staleQrGroups([OLD, entry('2026-12-20', CHANNELS.qr, T1)], [T1], TODAY)).toEqual([]);
  });

  it('is too early to tell until the ward has received for 14 days (earliest case ≤ today − 13)', () => {
    // Earliest case 12 days ago: nobody is flagged, not even a group that never sent anything.
    expect(staleQrGroups([entry('2026-12-08', CHANNELS.paper, T1)], GROUPS, TODAY)).toEqual([]);
    // Earliest case 13 days ago: 14 days of receiving, today included — the groups without a QR case are flagged.
    expect(staleQrGroups([entry('2026-12-07', CHANNELS.paper, T1), entry('2026-12-15', CHANNELS.qr, T2)], GROUPS, TODAY)).toEqual([
      { group: T1, lastQrOn: null },
      { group: T3, lastQrOn: null },
    ]);
    // No case at all: too early.
    expect(staleQrGroups([], GROUPS, TODAY)).toEqual([]);
  });

  it('the office and service-centre QR codes, and other channels, do not count for a group\'s poster', () => {
    const entries = [
      OLD,
      entry('2026-11-02', CHANNELS.qr, T1),
      entry('2026-12-18', CHANNELS.qrOffice, T1),
      entry('2026-12-19', CHANNELS.qrCentre, T1),
      entry('2026-12-19', CHANNELS.paper, T1),
      entry('2026-12-19', CHANNELS.zalo, T1),
    ];
    expect(staleQrGroups(entries, [T1], TODAY)).toEqual([{ group: T1, lastQrOn: '02/11/2026' }]);
  });

  it('a QR case of another group does not count; groups come in settings order with their last QR day any time', () => {
    const entries = [OLD, entry('2026-12-19', CHANNELS.qr, T2), entry('2026-09-30', CHANNELS.qr, T3), entry('2026-08-01', CHANNELS.qr, T3), entry('2026-12-19', CHANNELS.qr, 'Tổ dân phố 99')];
    expect(staleQrGroups(entries, [T3, T1, T2], TODAY)).toEqual([
      { group: T3, lastQrOn: '30/09/2026' },
      { group: T1, lastQrOn: null },
    ]);
  });
});

describe('the dashboard per group', () => {
  it('counts this month\'s cases and those through the group\'s own poster, with the share, the last QR day and the stale flag', () => {
    const entries = [
      OLD,
      // T1: 3 cases in December, 2 through its poster; one office QR case does not count as its poster.
      entry('2026-12-02', CHANNELS.qr, T1),
      entry('2026-12-15', CHANNELS.qr, T1),
      entry('2026-12-16', CHANNELS.qrOffice, T1),
      // November's QR case is not this month's.
      entry('2026-11-28', CHANNELS.qr, T1),
      // T2: one paper case this month; its last poster case was in November, so stale.
      entry('2026-11-20', CHANNELS.qr, T2),
      entry('2026-12-18', CHANNELS.paper, T2),
    ];
    const d = buildDashboard(entries, TODAY, calendar, { rule: 'calendar', groups: GROUPS, deadlineDays: { normal: 7, complex: 20 } });
    expect(d.qrWatch).toEqual({ days: 14, started: true });
    expect(d.groups.map((g) => [g.group, g.count, g.qr, g.qrShare, g.lastQrOn, g.stale, g.silent])).toEqual([
      [T1, 3, 2, 2 / 3, '15/12/2026', false, false],
      [T2, 1, 0, 0, '20/11/2026', true, false],
      [T3, 0, 0, null, null, true, true],
    ]);
    expect(d.groups[0].query).toEqual({ group: T1, from: '2026-12-01', to: '2026-12-31' });
  });

  it('flags nobody while the ward has received for fewer than 14 days', () => {
    const d = buildDashboard([entry('2026-12-10', CHANNELS.paper, T1)], TODAY, calendar, { rule: 'calendar', groups: GROUPS, deadlineDays: { normal: 7, complex: 20 } });
    expect(d.qrWatch?.started).toBe(false);
    expect(d.groups.filter((g) => g.stale)).toEqual([]);
  });

  it('leaves adoption out of a dashboard built from one body\'s cases (a handler\'s): it cannot be judged from part of the ward', () => {
    const entries = [entry('2026-10-01', CHANNELS.qr, T1), entry('2026-12-18', CHANNELS.paper, T2)];
    const whole = buildDashboard(entries, TODAY, calendar, { rule: 'calendar', groups: GROUPS, deadlineDays: { normal: 7, complex: 20 } });
    const part = buildDashboard(entries, TODAY, calendar, { rule: 'calendar', groups: GROUPS, deadlineDays: { normal: 7, complex: 20 } }, true);
    expect(whole.groups.filter((g) => g.stale).map((g) => g.group)).toEqual([T1, T2, T3]);
    expect([part.qrWatch, part.groups.filter((g) => g.stale)]).toEqual([null, []]);
  });
});

describe('the monthly reminder to admins', () => {
  // 1/12/2026 is a Tuesday, the month's first working day.
  const first = day('2026-12-01');

  it('lists the groups whose poster brought nothing in 2 weeks, with their last QR day', () => {
    const entries = [entry('2026-10-01', CHANNELS.qr, T1), entry('2026-11-25', CHANNELS.qr, T2)];
    const [monthly] = adminReminders(first, calendar, { entries, groups: GROUPS }).filter((r) => r.kind === 'monthly');
    expect(monthly.qrPosters).toEqual({ days: 14, stale: [{ group: T1, lastQrOn: '01/10/2026' }, { group: T3, lastQrOn: null }] });
    const text = ADOPTION.mailLines(monthly.qrPosters!).join('\n');
    expect(text).toContain('2 tổ dân phố chưa có ý kiến nào qua mã QR của tổ trong 2 tuần qua');
    expect(text).toContain(`- ${T1} (ý kiến qua mã QR gần nhất: 01/10/2026)`);
    expect(text).toContain(`- ${T3} (ý kiến qua mã QR gần nhất: chưa có)`);
    expect(text).toMatch(/kiểm tra áp phích mã QR .* còn được dán và còn đọc/);
    expect(text).not.toContain(T2);
  });

  it('says every group had QR opinions when none is stale, and says nothing when it is too early', () => {
    const all = GROUPS.map((g) => entry('2026-11-30', CHANNELS.qr, g));
    const [ok] = adminReminders(first, calendar, { entries: [entry('2026-10-01', CHANNELS.paper, T1), ...all], groups: GROUPS }).filter((r) => r.kind === 'monthly');
    expect(ok.qrPosters).toEqual({ days: 14, stale: [] });
    expect(ADOPTION.mailLines(ok.qrPosters!)).toEqual(['Mã QR ở các tổ dân phố: tất cả các tổ dân phố đều có ý kiến qua mã QR trong 2 tuần qua.']);
    const [early] = adminReminders(first, calendar, { entries: all, groups: GROUPS }).filter((r) => r.kind === 'monthly');
    expect(early.qrPosters).toBeNull();
    // Without cases (older callers) the reminder is as before.
    expect(adminReminders(first, calendar)).toEqual([{ key: 'm-2026-11', kind: 'monthly', label: 'Tháng 11 năm 2026', dueOn: '01/12/2026' }]);
  });
});
