/**
 * "Tổng quan": this month and this quarter at a glance, and the month per residential group —
 * drawn from the report model over the inbox index (no personal data, no extra reads), each
 * number paired with the inbox filter that lists its cases.
 */
import { toIsoDate, toYmd, vietnamMidnight, type CivilDay } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { IndexEntry } from '../case-record';
import type { InboxQuery } from '../inbox';
import { groupQrCounts, isStale, lastGroupQrDays, lastOn, qrWatchStarted, STALE_QR_DAYS } from './adoption';
import { buildReport } from './model';
import { DASHBOARD_TILES as TILE } from '../../i18n/reports';
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

/** One residential group this month, and its own QR poster. */
export interface DashboardGroup {
  group: string;
  /** Cases received this month (every channel). */
  count: number;
  silent: boolean;
  query: InboxQuery;
  /** … of which through the group's own poster (channel exactly CHANNELS.qr). */
  qr: number;
  /** qr / count (0–1); null when count is 0. */
  qrShare: number | null;
  /** The last day (dd/mm/yyyy) the group's poster brought a case, any time; null if never. */
  lastQrOn: string | null;
  /** No case through the group's poster in the last `qrWatch.days` days (never before the ward has received that long). */
  stale: boolean;
}

export interface Dashboard {
  asOf: string;
  qrTarget: number;
  month: DashboardPeriod;
  quarter: DashboardPeriod;
  /** This month per residential group, in settings order; silent ones and stale posters flagged. */
  groups: DashboardGroup[];
  /** The stale-poster window; `started` false while the ward has received for fewer days (nobody is flagged). */
  qrWatch: { days: number; started: boolean } | null;
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
    policeTransfer: e.policeTransfer ?? '',
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
      { label: TILE.received, value: f.received.toLocaleString('vi-VN'), query: { from, to } },
      { label: TILE.onTime, value: pct(onTime), query: null, warn: onTime !== null && onTime < 0.9 },
      { label: TILE.overdue, value: openLate.toLocaleString('vi-VN'), query: { status: 'overdue', from, to }, warn: openLate > 0 },
      { label: TILE.qr(pct(QR_TARGET)), value: pct(f.qrShare), query: { channel: 'QR', from, to }, warn: f.qrShare !== null && f.qrShare <= QR_TARGET },
      { label: TILE.satisfied(f.satisfaction.rated), value: f.satisfaction.average === null ? '—' : TILE.score(f.satisfaction.average.toFixed(1).replace('.', ',')), query: null, warn: f.satisfaction.average !== null && f.satisfaction.average < 3.5 },
    ],
  };
}

/**
 * `partial`: the entries are one handling body's (a handler's dashboard): the posters' adoption is
 * the ward's question and cannot be judged from part of its cases, so it is left out.
 */
export function buildDashboard(entries: IndexEntry[], today: CivilDay, calendar: WorkingCalendar, ctx: Omit<ReportContext, 'asOf'>, partial = false): Dashboard {
  const cases = entries.map(reportCaseOf);
  const { year, month } = toYmd(today);
  const full = { ...ctx, asOf: today };
  const m = buildReport(cases, { kind: 'month', year, index: month }, calendar, full).current;
  const q = buildReport(cases, { kind: 'quarter', year, index: Math.ceil(month / 3) }, calendar, full).current;
  const from = toIsoDate(m.period.from);
  const to = toIsoDate(m.period.to);
  const counts = new Map(m.byGroup.map((g) => [g.key, g.count]));
  // The same days as `count`, so the share is of the same cases (the calendar month under the default rule).
  const qrCounts = groupQrCounts(entries, m.period.from, m.period.to);
  const lastQr = lastGroupQrDays(entries);
  const watched = !partial && qrWatchStarted(entries, today);
  return {
    asOf: toIsoDate(today),
    qrTarget: QR_TARGET,
    month: period(m),
    quarter: period(q),
    groups: ctx.groups.map((group) => {
      const count = counts.get(group) ?? 0;
      const qr = qrCounts.get(group) ?? 0;
      return { group, count, silent: !count, query: { group, from, to }, qr, qrShare: count ? qr / count : null, lastQrOn: lastOn(lastQr.get(group)), stale: watched && isStale(lastQr.get(group), today) };
    }),
    qrWatch: partial ? null : { days: STALE_QR_DAYS, started: watched },
  };
}
