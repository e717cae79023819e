/**
 * The report model against figures computed by hand, and the reporting periods.
 *
 * Periods under 'cutoff15' follow Decree 09/2019/NĐ-CP art. 12 (thời gian chốt số liệu báo cáo
 * định kỳ): monthly 15th of the previous month → 14th; quarterly 15th of the month before the
 * quarter → 14th of its last month; first half 15/12 of the previous year → 14/6, second half
 * 15/6 → 14/12; yearly 15/12 of the previous year → 14/12. Checked against the rules as restated
 * from the decree by UBND Bà Rịa – Vũng Tàu (QĐ 40/2019/QĐ-UBND):
 * http://vungtau.baria-vungtau.gov.vn/web/guest/tin-tuc/-/brvt/extAssetPublisher/content/9094171/ubnd-tinh-ba-ria-vung-tau-quy-dinh-che-do-bao-cao-dinh-ky
 * (decree: https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/Nghi-dinh-09-2019-ND-CP-quy-dinh-ve-che-do-bao-cao-cua-co-quan-hanh-chinh-nha-nuoc-386322.aspx).
 *
 * The fixed set of cases and the hand derivation of their figures are in
 * test/support/report-cases.ts (shared with the integration test of the report Doc).
 * 24/11 (Ngày Văn hóa Việt Nam) is not a day off by default.
 */
import { fromYmd } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { CHANNELS, STATUS, UNCLASSIFIED } from '../../src/domain/case';
import { buildReport } from '../../src/domain/report/model';
import { periodOf, previousPeriod, sameTimeLastYear, specOf } from '../../src/domain/report/periods';
import type { PeriodSpec, ReportCase, ReportContext } from '../../src/domain/report/types';
import { ALL, C, CA, KT, L, T1, T2, T3, T4, aCase, rc, vn } from '../support/report-cases';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const calendar = new WorkingCalendar();
const ctx = (patch: Partial<ReportContext> = {}): ReportContext => ({ asOf: d(2026, 12, 18), rule: 'calendar', groups: [T1, T2, T3, T4], deadlineDays: { normal: 7, complex: 20 }, ...patch });
const Q4: PeriodSpec = { kind: 'quarter', year: 2026, index: 4 };

describe('buildReport: Q4 2026, calendar quarters, as of Fri 18/12/2026', () => {
  const report = buildReport(ALL, Q4, calendar, ctx());
  const q = report.current;

  it('takes the cohort received 1/10–31/12 in Vietnam time: A B C D E M F O P G H I (J on 30/9 is Q3)', () => {
    expect(report.asOf).toBe(d(2026, 12, 18));
    expect(report.rule).toBe('calendar');
    expect(q.period).toEqual({ kind: 'quarter', label: 'Quý IV năm 2026', from: d(2026, 10, 1), to: d(2026, 12, 31) });
    expect(q.received).toBe(12);
  });

  it('counts channels (QR: A C E F P H I = 7 of 12), groups and categories, in Vietnamese order on ties', () => {
    expect(q.byChannel).toEqual([
      { key: 'QR', count: 7 },
      { key: 'Điện thoại', count: 1 },
      { key: 'Email', count: 1 },
      { key: 'Hòm thư giấy', count: 1 },
      { key: 'Trực tiếp', count: 1 },
      { key: 'Zalo', count: 1 },
    ]);
    expect(q.qrShare).toBeCloseTo(7 / 12, 10);
    // TDP 2: B D P G I; TDP 1: A C E H; TDP 4: F O; M has no group (ward office) and is in no group's count.
    expect(q.byGroup).toEqual([
      { key: T2, count: 5 },
      { key: T1, count: 4 },
      { key: T4, count: 2 },
    ]);
    expect(q.groupsWithAny).toBe(3);
    expect(q.groupsTotal).toBe(4);
    expect(q.silentGroups).toEqual([T3]);
    // Môi trường: A F P G I; Trật tự đô thị: B O H; D unclassified.
    expect(q.byCategory).toEqual([
      { key: 'Môi trường', count: 5 },
      { key: 'Trật tự đô thị', count: 3 },
      { key: 'An ninh trật tự', count: 1 },
      { key: UNCLASSIFIED, count: 1 },
      { key: 'Đất đai', count: 1 },
      { key: 'Thủ tục hành chính', count: 1 },
    ]);
  });

  it('answered A B C M H (P answered after the report day is still open); closed E F; open D O P G I', () => {
    expect(q.answered).toBe(5);
    expect(q.answeredOnTime).toBe(4); // A, C (complex: 20 days), M, H
    expect(q.answeredLate).toBe(1); // B
    expect(q.closedWithoutAnswer).toBe(2); // E (misuse), F (duplicate)
    expect(q.open).toBe(5); // D (reopened), O, P, G, I
    expect(q.misuse).toBe(1);
    // E's mail to the police is not recorded as sent: it is not counted as transferred (issue 18.4).
    expect(q.misuseTransferred).toBe(0);
  });

  it('lists overdue: D open 44 working days late, P open 6, B answered 4 late — not O (complex, due 28/12)', () => {
    expect(q.overdue).toEqual([
      { code: 'GY-2026-00104', category: UNCLASSIFIED, body: CA, workingDaysLate: 44, open: true },
      { code: 'GY-2026-00114', category: 'Môi trường', body: '', workingDaysLate: 6, open: true },
      { code: 'GY-2026-00102', category: 'Trật tự đô thị', body: KT, workingDaysLate: 4, open: false },
    ]);
  });

  it('working days to answer: A 4, B 11, C 15, M 6, H 2 → average 38/5 = 7.6, median 6; ratings 5, 2, 4, 4 → 3.75 → 3.8', () => {
    expect(q.averageWorkingDaysToAnswer).toBe(7.6);
    expect(q.medianWorkingDaysToAnswer).toBe(6);
    expect(q.satisfaction).toEqual({ rated: 4, average: 3.8 });
  });

  it('per body: on-time rate over due-or-answered cases; commitments kept', () => {
    expect(q.byBody).toEqual([
      // A B C M G; A B C M answered, G not due before 21/12: denominator 4, A C M on time → 3/4;
      // committed A (kept), B (not), M (written before 25/12: kept).
      { body: KT, assigned: 5, answered: 4, answeredOnTime: 3, onTimeRate: 0.75, committed: 3, keptCommitted: 2 },
      // D (due 19/10) and E (due 20/10) are due by 18/12, O (28/12) is not: 0/2; committed D (draft after 13/10) and O (10/12 passed, nothing written).
      { body: CA, assigned: 3, answered: 0, answeredOnTime: 0, onTimeRate: 0, committed: 2, keptCommitted: 0 },
    ]);
  });

  it('previous = Q3 2026 (1/7–30/9): K (holiday 1–2/9 inside its window) and J (received on 30/9, answered in Q4)', () => {
    const p = report.previous!;
    expect(p.period).toEqual({ kind: 'quarter', label: 'Quý III năm 2026', from: d(2026, 7, 1), to: d(2026, 9, 30) });
    expect(p.received).toBe(2);
    expect(p.qrShare).toBe(1);
    expect(p.byGroup).toEqual([{ key: T1, count: 1 }, { key: T4, count: 1 }]);
    expect(p.silentGroups).toEqual([T2, T3]);
    expect(p.byCategory).toEqual([{ key: 'Giao thông', count: 1 }, { key: 'Môi trường', count: 1 }]);
    expect([p.answered, p.answeredOnTime, p.answeredLate, p.open, p.closedWithoutAnswer]).toEqual([2, 2, 0, 0, 0]);
    expect(p.overdue).toEqual([]);
    // J 2, K 7 → 4.5 both ways.
    expect(p.averageWorkingDaysToAnswer).toBe(4.5);
    expect(p.medianWorkingDaysToAnswer).toBe(4.5);
    expect(p.satisfaction).toEqual({ rated: 0, average: null });
    expect(p.byBody).toEqual([]);
  });

  it('lastYear = Q4 2025: L only', () => {
    const y = report.lastYear!;
    expect(y.period).toEqual({ kind: 'quarter', label: 'Quý IV năm 2025', from: d(2025, 10, 1), to: d(2025, 12, 31) });
    expect([y.received, y.answered, y.answeredOnTime, y.averageWorkingDaysToAnswer, y.medianWorkingDaysToAnswer]).toEqual([1, 1, 1, 4, 4]);
  });
});

describe('buildReport: the same quarter under the decree cut-off (15/9–14/12/2026)', () => {
  const report = buildReport(ALL, Q4, calendar, ctx({ rule: 'cutoff15' }));
  const q = report.current;

  it('takes J (30/9) and H (14/12), leaves out I (15/12) and K (28/8)', () => {
    expect(q.period).toEqual({ kind: 'quarter', label: 'Quý IV năm 2026', from: d(2026, 9, 15), to: d(2026, 12, 14) });
    expect(report.rule).toBe('cutoff15');
    // J A B C D E M F O P G H
    expect(q.received).toBe(12);
    expect(q.qrShare).toBeCloseTo(7 / 12, 10); // J A C E F P H
    expect([q.answered, q.answeredOnTime, q.answeredLate, q.closedWithoutAnswer, q.open]).toEqual([6, 5, 1, 2, 4]);
    // J 2, A 4, B 11, C 15, M 6, H 2: sorted 2 2 4 6 11 15 → median (4 + 6) / 2 = 5; average 40 / 6 = 6.67 → 6.7.
    expect(q.medianWorkingDaysToAnswer).toBe(5);
    expect(q.averageWorkingDaysToAnswer).toBe(6.7);
  });

  it('previous = 15/6–14/9 (K), lastYear = 15/9–14/12/2025 (L)', () => {
    expect(report.previous!.period).toMatchObject({ from: d(2026, 6, 15), to: d(2026, 9, 14), label: 'Quý III năm 2026' });
    expect(report.previous!.received).toBe(1);
    expect(report.lastYear!.period).toMatchObject({ from: d(2025, 9, 15), to: d(2025, 12, 14), label: 'Quý IV năm 2025' });
    expect(report.lastYear!.received).toBe(1);
  });

  it('Q1 2027 under the cut-off starts on 15/12/2026: I is in it; its previous is the cut-off Q4 2026, its last year holds N', () => {
    const r = buildReport(ALL, { kind: 'quarter', year: 2027, index: 1 }, calendar, ctx({ rule: 'cutoff15' }));
    expect(r.current.period).toMatchObject({ from: d(2026, 12, 15), to: d(2027, 3, 14), label: 'Quý I năm 2027' });
    expect(r.current.received).toBe(1);
    expect(r.current.open).toBe(1);
    expect(r.current.overdue).toEqual([]); // I is due 24/12
    expect(r.previous!.received).toBe(12);
    expect(r.lastYear!.period).toMatchObject({ from: d(2025, 12, 15), to: d(2026, 3, 14) });
    expect(r.lastYear!.received).toBe(1);
  });
});

describe('buildReport: holidays, years, custom periods, presence of comparisons', () => {
  it('Tết 2026 pushes the due day: N received 12/2, answered 27/2 is on time, 6 working days', () => {
    const r = buildReport(ALL, { kind: 'month', year: 2026, index: 2 }, calendar, ctx());
    expect(r.current.period.label).toBe('Tháng 2 năm 2026');
    expect([r.current.received, r.current.answeredOnTime, r.current.answeredLate]).toEqual([1, 1, 0]);
    expect(r.current.averageWorkingDaysToAnswer).toBe(6);
    expect(r.current.silentGroups).toEqual([T1, T2, T4]);
    // January 2026 received nothing, but L (2025) was received before it: figures, all zero.
    expect(r.previous!.received).toBe(0);
    expect(r.previous!.qrShare).toBeNull();
    expect(r.previous!.averageWorkingDaysToAnswer).toBeNull();
    expect(r.previous!.silentGroups).toEqual([T1, T2, T3, T4]);
    // February 2025: nothing had been received by 28/2/2025.
    expect(r.lastYear).toBeNull();
  });

  it('year 2026: every group sent something; previous and last year are both 2025', () => {
    const r = buildReport(ALL, { kind: 'year', year: 2026 }, calendar, ctx());
    expect(r.current.period.label).toBe('Năm 2026');
    // N K J A B C D E M F O P G H I
    expect(r.current.received).toBe(15);
    expect(r.current.silentGroups).toEqual([]);
    expect(r.current.groupsWithAny).toBe(4);
    // answered N K J A B C M H, B late
    expect([r.current.answered, r.current.answeredOnTime, r.current.answeredLate]).toEqual([8, 7, 1]);
    expect(r.previous!.period.label).toBe('Năm 2025');
    expect(r.previous!.received).toBe(1);
    expect(r.lastYear!.period).toEqual(r.previous!.period);
  });

  it('year 2025: nothing before 2025, so no previous and no last year', () => {
    const r = buildReport(ALL, { kind: 'year', year: 2025 }, calendar, ctx());
    expect(r.current.received).toBe(1);
    expect(r.previous).toBeNull();
    expect(r.lastYear).toBeNull();
  });

  it('custom 1/10–15/11/2026 (46 days): A B C D E M F; previous is the 46 days 16/8–30/9 (K, J); last year 1/10–15/11/2025 (L)', () => {
    const r = buildReport(ALL, { kind: 'custom', year: 2026, from: d(2026, 10, 1), to: d(2026, 11, 15) }, calendar, ctx());
    expect(r.current.period).toEqual({ kind: 'custom', label: 'Từ 01/10/2026 đến 15/11/2026', from: d(2026, 10, 1), to: d(2026, 11, 15) });
    expect(r.current.received).toBe(7);
    expect(r.current.qrShare).toBeCloseTo(4 / 7, 10); // A C E F
    expect(r.previous!.period).toEqual({ kind: 'custom', label: 'Từ 16/08/2026 đến 30/09/2026', from: d(2026, 8, 16), to: d(2026, 9, 30) });
    expect(r.previous!.received).toBe(2);
    expect(r.lastYear!.period.label).toBe('Từ 01/10/2025 đến 15/11/2025');
    expect(r.lastYear!.received).toBe(1);
    // Without L nothing was received by 15/11/2025: no last year; the previous period still is (K, J).
    const without = buildReport(ALL.filter((c) => c !== L), { kind: 'custom', year: 2026, from: d(2026, 10, 1), to: d(2026, 11, 15) }, calendar, ctx());
    expect(without.lastYear).toBeNull();
    expect(without.previous!.received).toBe(2);
  });

  it('a complex case on the 7-day clock would be late: same C as normal is answered late by 15/10 → 27/10 = 8 working days', () => {
    // 7 days: due 15/10; 16, 19, 20, 21, 22, 23, 26, 27 = 8 late.
    const r = buildReport([{ ...C, complexity: 'Thường' }], Q4, calendar, ctx());
    expect(r.current.answeredLate).toBe(1);
    expect(r.current.overdue).toEqual([{ code: 'GY-2026-00103', category: 'Đất đai', body: KT, workingDaysLate: 8, open: false }]);
  });

  it('a case closed after the report day is still open on it; rating outside 1–5 is ignored', () => {
    const closedLater = aCase('GY-2026-00200', '2026-12-01', { status: 'Đã đóng', outcome: 'Trùng lặp', closedAt: vn('2026-12-20'), rating: 0 });
    const r = buildReport([closedLater], Q4, calendar, ctx());
    expect([r.current.open, r.current.closedWithoutAnswer]).toEqual([1, 0]);
    expect(r.current.overdue.map((o) => [o.code, o.workingDaysLate])).toEqual([['GY-2026-00200', 6]]); // due 10/12; 11, 14–18
    expect(r.current.satisfaction).toEqual({ rated: 0, average: null });
  });

  it('an open case on its due day is not overdue yet; the next day it is, by one working day', () => {
    // Received Wed 9/12: due 10, 11, 14, 15, 16, 17, 18 → Fri 18/12.
    const dueToday = aCase('GY-2026-00201', '2026-12-09');
    expect(buildReport([dueToday], Q4, calendar, ctx()).current.overdue).toEqual([]);
    // Sat 19/12 and Sun 20/12 are past the due day: overdue, and late by at least one working day
    // (deadline.ts), as the sidebar's label and the bodies' digests say on those days.
    expect(buildReport([dueToday], Q4, calendar, ctx({ asOf: d(2026, 12, 20) })).current.overdue.map((o) => o.workingDaysLate)).toEqual([1]);
    expect(buildReport([dueToday], Q4, calendar, ctx({ asOf: d(2026, 12, 21) })).current.overdue.map((o) => o.workingDaysLate)).toEqual([1]);
  });

  it('is one pass: every case is read a fixed number of times, for 10,000 cases as for 100,000 (counted, not timed)', () => {
    // A wall-clock bound passes a quadratic report on a fast machine and fails a linear one on a
    // loaded one; counting the reads of the cases' fields is the same on any machine.
    const start = Date.UTC(2025, 0, 1) - 7 * 3600_000;
    const counted = (n: number) => {
      let reads = 0;
      const cases: ReportCase[] = [];
      for (let i = 0; i < n; i++) {
        const received = new Date(start + (i % 730) * 86_400_000 + (i % 13) * 3600_000);
        const sent = i % 3 === 0 ? '' : new Date(received.getTime() + (i % 20) * 86_400_000);
        const c = aCase(`GY-${i}`, '2025-01-01', { receivedAt: received, answerSentAt: sent, group: `Tổ dân phố ${(i % 40) + 1}`, complexity: i % 9 === 0 ? 'Phức tạp' : 'Thường', assignedBody: i % 2 ? KT : CA });
        cases.push(new Proxy(c, { get: (t, k, r) => ((reads += 1), Reflect.get(t, k, r)) }));
      }
      const report = buildReport(cases, { kind: 'year', year: 2026 }, calendar, ctx({ asOf: d(2026, 12, 31) }));
      return { report, perCase: reads / n };
    };
    const small = counted(10_000);
    const large = counted(100_000);
    expect(large.report.current.received + large.report.previous!.received).toBe(100_000);
    expect(small.report.current.received + small.report.previous!.received).toBe(10_000);
    // The same reads per case at both sizes (within a read: the two sets mix answered and open cases alike)…
    expect(Math.abs(large.perCase - small.perCase)).toBeLessThan(1);
    // …and few of them: one pass over each case's fields, not one per period, group or body.
    expect(large.perCase).toBeLessThan(50);
  });
});

describe('periods', () => {
  const p = (spec: PeriodSpec, rule: 'calendar' | 'cutoff15' = 'calendar') => periodOf(spec, rule);

  it('calendar months, quarters, halves and years, with their Vietnamese labels', () => {
    expect(p({ kind: 'month', year: 2026, index: 11 })).toEqual({ kind: 'month', label: 'Tháng 11 năm 2026', from: d(2026, 11, 1), to: d(2026, 11, 30) });
    expect(p({ kind: 'month', year: 2028, index: 2 })).toMatchObject({ from: d(2028, 2, 1), to: d(2028, 2, 29) });
    expect(p({ kind: 'quarter', year: 2026, index: 4 })).toEqual({ kind: 'quarter', label: 'Quý IV năm 2026', from: d(2026, 10, 1), to: d(2026, 12, 31) });
    expect(p({ kind: 'quarter', year: 2026, index: 2 }).label).toBe('Quý II năm 2026');
    expect(p({ kind: 'half', year: 2026, index: 1 })).toEqual({ kind: 'half', label: '6 tháng đầu năm 2026', from: d(2026, 1, 1), to: d(2026, 6, 30) });
    expect(p({ kind: 'half', year: 2026, index: 2 })).toEqual({ kind: 'half', label: '6 tháng cuối năm 2026', from: d(2026, 7, 1), to: d(2026, 12, 31) });
    expect(p({ kind: 'year', year: 2026 })).toEqual({ kind: 'year', label: 'Năm 2026', from: d(2026, 1, 1), to: d(2026, 12, 31) });
  });

  it('Decree 09/2019 art. 12 cut-off periods', () => {
    expect(p({ kind: 'month', year: 2026, index: 11 }, 'cutoff15')).toEqual({ kind: 'month', label: 'Tháng 11 năm 2026', from: d(2026, 10, 15), to: d(2026, 11, 14) });
    expect(p({ kind: 'month', year: 2026, index: 1 }, 'cutoff15')).toMatchObject({ from: d(2025, 12, 15), to: d(2026, 1, 14) });
    expect(p({ kind: 'quarter', year: 2026, index: 1 }, 'cutoff15')).toMatchObject({ from: d(2025, 12, 15), to: d(2026, 3, 14) });
    expect(p({ kind: 'quarter', year: 2026, index: 4 }, 'cutoff15')).toMatchObject({ from: d(2026, 9, 15), to: d(2026, 12, 14) });
    expect(p({ kind: 'half', year: 2026, index: 1 }, 'cutoff15')).toMatchObject({ from: d(2025, 12, 15), to: d(2026, 6, 14), label: '6 tháng đầu năm 2026' });
    expect(p({ kind: 'half', year: 2026, index: 2 }, 'cutoff15')).toMatchObject({ from: d(2026, 6, 15), to: d(2026, 12, 14), label: '6 tháng cuối năm 2026' });
    expect(p({ kind: 'year', year: 2026 }, 'cutoff15')).toMatchObject({ from: d(2025, 12, 15), to: d(2026, 12, 14), label: 'Năm 2026' });
  });

  it('consecutive periods tile the days under both rules', () => {
    for (const rule of ['calendar', 'cutoff15'] as const) {
      for (const [kind, count] of [['month', 12], ['quarter', 4], ['half', 2]] as const) {
        for (let i = 1; i <= count; i++) {
          const cur = p({ kind, year: 2026, index: i }, rule);
          const prev = previousPeriod(cur, rule);
          expect(prev.to + 1).toBe(cur.from);
          expect(specOf(cur)).toEqual({ kind, year: 2026, index: i });
        }
      }
      const y = p({ kind: 'year', year: 2026 }, rule);
      expect(previousPeriod(y, rule).to + 1).toBe(y.from);
    }
  });

  it('previous and same time last year', () => {
    expect(previousPeriod(p({ kind: 'month', year: 2026, index: 1 }), 'calendar').label).toBe('Tháng 12 năm 2025');
    expect(previousPeriod(p({ kind: 'quarter', year: 2027, index: 1 }, 'cutoff15'), 'cutoff15')).toMatchObject({ label: 'Quý IV năm 2026', from: d(2026, 9, 15), to: d(2026, 12, 14) });
    expect(previousPeriod(p({ kind: 'half', year: 2026, index: 1 }), 'calendar').label).toBe('6 tháng cuối năm 2025');
    expect(sameTimeLastYear(p({ kind: 'half', year: 2026, index: 2 }, 'cutoff15'), 'cutoff15')).toMatchObject({ label: '6 tháng cuối năm 2025', from: d(2025, 6, 15), to: d(2025, 12, 14) });
    const leap = periodOf({ kind: 'custom', year: 2028, from: d(2028, 2, 1), to: d(2028, 2, 29) }, 'calendar');
    expect(leap.label).toBe('Từ 01/02/2028 đến 29/02/2028');
    expect(previousPeriod(leap, 'calendar')).toMatchObject({ from: d(2028, 1, 3), to: d(2028, 1, 31) });
    expect(sameTimeLastYear(leap, 'calendar')).toMatchObject({ from: d(2027, 2, 1), to: d(2027, 2, 28), label: 'Từ 01/02/2027 đến 28/02/2027' });
  });

  it('refuses impossible specs', () => {
    expect(() => p({ kind: 'month', year: 2026, index: 13 })).toThrow(RangeError);
    expect(() => p({ kind: 'quarter', year: 2026 })).toThrow(RangeError);
    expect(() => p({ kind: 'half', year: 2026, index: 3 })).toThrow(RangeError);
    expect(() => p({ kind: 'custom', year: 2026, from: d(2026, 2, 2), to: d(2026, 2, 1) })).toThrow(RangeError);
    expect(() => p({ kind: 'custom', year: 2026 })).toThrow(RangeError);
  });
});

describe('the QR share counts every QR code the ward posts', () => {
  it('the groups\' posters, the ward office\'s and the public service centre\'s; not the paper mailbox', () => {
    const cases = [aCase('GY-2026-00001', '2026-11-02'), aCase('GY-2026-00002', '2026-11-03', { channel: CHANNELS.qrOffice }), aCase('GY-2026-00003', '2026-11-04', { channel: CHANNELS.qrCentre }), aCase('GY-2026-00004', '2026-11-05', { channel: CHANNELS.paper })];
    const f = buildReport(cases, { kind: 'month', year: 2026, index: 11 }, new WorkingCalendar(), ctx({ asOf: d(2026, 11, 30) })).current;
    expect(f.qrShare).toBe(3 / 4);
    expect(f.byChannel.map((c) => c.key).sort()).toEqual(['Hòm thư giấy', 'QR', 'QR tại TT Phục vụ HCC', 'QR tại trụ sở UBND']);
  });
});

describe('a handling body\'s on-time rate', () => {
  it('counts only the cases it had to answer: a duplicate or misuse closed without an answer is not late', () => {
    const body = 'Công an phường';
    const list = [
      rc('GY-2026-00101', '2026-10-05', { assignedBody: body, answerSentAt: vn('2026-10-07'), status: STATUS.answered }),
      rc('GY-2026-00102', '2026-10-05', { assignedBody: body, status: STATUS.closed, outcome: 'Lợi dụng, vi phạm pháp luật', closedAt: vn('2026-10-06') }),
    ];
    const f = buildReport(list, Q4, calendar, ctx({ asOf: d(2026, 12, 20) })).current;
    expect(f.byBody).toEqual([{ body, assigned: 2, answered: 1, answeredOnTime: 1, onTimeRate: 1, committed: 0, keptCommitted: 0 }]);
  });
});
