/**
 * "Tổng quan": this month and this quarter at a glance, and the month per residential group —
 * drawn from the report model over the inbox index (no personal data, no extra reads), each
 * number paired with the inbox filter that lists its cases.
 */
import { toIsoDate, toYmd, vietnamMidnight, type CivilDay } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { IndexEntry } from '../case-record';
import type { InboxQuery } from '../inbox';
import { buildReport } from './model';
import { QR_TARGET, type PeriodFigures, type ReportCase, type ReportContext } from './types';

export interface Tile {
  label: string;
  value: string;
  /** The inbox filter listing these cases; null when there is nothing to list. */
  query: InboxQuery | null;
  warn?: boolean;
}

export interface DashboardPeriod {
  label: string;
  from: string;
  to: string;
  tiles: Tile[];
  /** QR share 0–1 (null when nothing received) against the target. */
  qrShare: number | null;
}

export interface Dashboard {
  asOf: string;
  qrTarget: number;
  month: DashboardPeriod;
  quarter: DashboardPeriod;
  /** This month per residential group, in settings order; silent ones flagged. */
  groups: Array<{ group: string; count: number; silent: boolean; query: InboxQuery }>;
}

/** An index entry as the report model needs it (the index carries every field it uses). */
export function reportCaseOf(e: IndexEntry): ReportCase {
  const at = (ms: number | null) => (ms === null ? '' : new Date(ms));
  return {
    code: e.code,
    receivedAt: new Date(e.receivedAt),
    channel: e.channel,
    group: e.group,
    category: e.category,
    complexity: e.complexity,
    status: e.status,
    assignedBody: e.assignedBody,
    bodyDueDate: e.bodyDueDay === null ? '' : vietnamMidnight(e.bodyDueDay),
    answeredAt: at(e.answeredAt),
    answerSentAt: at(e.answerSentAt),
    outcome: e.outcome,
    closedAt: '',
    rating: e.rating,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`);

function period(f: PeriodFigures): DashboardPeriod {
  const from = toIsoDate(f.period.from);
  const to = toIsoDate(f.period.to);
  const openLate = f.overdue.filter((o) => o.open).length;
  const due = f.answered + openLate;
  const onTime = due > 0 ? f.answeredOnTime / due : null;
  return {
    label: f.period.label,
    from,
    to,
    qrShare: f.qrShare,
    tiles: [
      { label: 'Tiếp nhận', value: f.received.toLocaleString('vi-VN'), query: { from, to } },
      { label: 'Trả lời đúng hạn', value: pct(onTime), query: null, warn: onTime !== null && onTime < 0.9 },
      { label: 'Quá hạn, chưa trả lời', value: openLate.toLocaleString('vi-VN'), query: { status: 'overdue', from, to }, warn: openLate > 0 },
      { label: `Qua mã QR (mục tiêu ${pct(QR_TARGET)})`, value: pct(f.qrShare), query: { channel: 'QR', from, to }, warn: f.qrShare !== null && f.qrShare <= QR_TARGET },
      { label: `Người dân hài lòng (${f.satisfaction.rated} đánh giá)`, value: f.satisfaction.average === null ? '—' : `${f.satisfaction.average.toLocaleString('vi-VN')}/5`, query: null, warn: f.satisfaction.average !== null && f.satisfaction.average < 3.5 },
    ],
  };
}

export function buildDashboard(entries: IndexEntry[], today: CivilDay, calendar: WorkingCalendar, ctx: Omit<ReportContext, 'asOf'>): Dashboard {
  const cases = entries.map(reportCaseOf);
  const { year, month } = toYmd(today);
  const full = { ...ctx, asOf: today };
  const m = buildReport(cases, { kind: 'month', year, index: month }, calendar, full).current;
  const q = buildReport(cases, { kind: 'quarter', year, index: Math.ceil(month / 3) }, calendar, full).current;
  const from = toIsoDate(m.period.from);
  const to = toIsoDate(m.period.to);
  const counts = new Map(m.byGroup.map((g) => [g.key, g.count]));
  return {
    asOf: toIsoDate(today),
    qrTarget: QR_TARGET,
    month: period(m),
    quarter: period(q),
    groups: ctx.groups.map((group) => ({ group, count: counts.get(group) ?? 0, silent: !counts.get(group), query: { group, from, to } })),
  };
}
