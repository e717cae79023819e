/** domain/report/dashboard: this month and quarter, with the inbox filters behind each number (issue 9). */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { buildDashboard } from '../../src/domain/report/dashboard';
import { THREE_CASES as cases, THREE_GROUPS as groups } from '../support/report-cases';

const calendar = new WorkingCalendar();
const day = (iso: string) => parseIsoDate(iso)!;

const entriesOf = (list: typeof cases) =>
  list.map((c) => {
    const record = { ...c, suggestedCategory: '', dueDate: new Date(c.receivedAt.getTime() + 9 * 86_400_000), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '' } as unknown as CaseRecord;
    return parseIndex(buildIndex(record))!;
  });

describe('the dashboard', () => {
  it('this month and quarter, with the inbox filters behind each number, and the silent groups', () => {
    const entries = cases.map((c) => {
      const record = { ...c, suggestedCategory: '', dueDate: new Date(c.receivedAt.getTime() + 9 * 86_400_000), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '' } as unknown as CaseRecord;
      return parseIndex(buildIndex(record))!;
    });
    const d = buildDashboard(entries, day('2026-11-24'), calendar, { rule: 'calendar', groups, deadlineDays: { normal: 7, complex: 20 } });
    expect(d.month.label).toBe('Tháng 11 năm 2026');
    expect(d.quarter.label).toBe('Quý IV năm 2026');
    expect(d.quarter.tiles[0]).toEqual({ label: 'Tiếp nhận', value: '3', query: { from: '2026-10-01', to: '2026-12-31' } });
    expect(d.quarter.tiles[2]).toMatchObject({ label: 'Quá hạn, chưa trả lời', value: '1', query: { status: 'overdue', from: '2026-10-01', to: '2026-12-31' }, warn: true });
    expect(d.groups.map((g) => [g.group, g.count, g.silent])).toEqual([['Tổ dân phố 1', 1, false], ['Tổ dân phố 2', 0, true], ['Tổ dân phố 3', 0, true]]);
  });

  // Issue 18, item 13: "2/5 — Người dân hài lòng" read as "2 of 5 people are satisfied".
  it('satisfaction is an average score on a 1–5 scale, with how many ratings it comes from', () => {
    const ctx = { rule: 'calendar' as const, groups, deadlineDays: { normal: 7, complex: 20 } };
    const tile = (ratings: Array<number | null>) => {
      const rated = cases.map((c, i) => ({ ...c, rating: ratings[i] ?? null }));
      return buildDashboard(entriesOf(rated), day('2026-11-24'), calendar, ctx).quarter.tiles[4];
    };
    expect(tile([2])).toEqual({ label: 'Điểm hài lòng trung bình, thang 1–5 (1 lượt đánh giá)', value: '2,0 điểm', query: null, warn: true });
    expect(tile([4, 5])).toEqual({ label: 'Điểm hài lòng trung bình, thang 1–5 (2 lượt đánh giá)', value: '4,5 điểm', query: null, warn: false });
    expect(tile([])).toEqual({ label: 'Điểm hài lòng trung bình, thang 1–5 (chưa có đánh giá)', value: '—', query: null, warn: false });
  });
});
