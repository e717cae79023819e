/**
 * The report model: the figures of a period (and of the period before and the same period a
 * year earlier) computed from the cases, without personal data. Pure: no Apps Script service;
 * one pass over the cases, so it runs over 100,000 cases well within Apps Script's 6 minutes.
 *
 * Semantics (all days are Vietnam civil days):
 * - a period's cohort: the cases received within [from, to];
 * - due day: as deadline.ts decides (the settings' working days for the case's complexity) —
 *   computed from the calendar, never read from the sheet's due date column, so a case
 *   reclassified as complex gets its complex days and a holiday in the window pushes the day;
 * - answered: the resident was answered (answerSentAt) on or before the report day; on time when
 *   on or before the due day;
 * - closed without an answer: not answered and closed (by the report day);
 * - open: neither (a reopened case whose answer was cleared is open again);
 * - overdue (deadline.ts): open past the due day, and answers that came late; working days late
 *   as deadline.ts counts them.
 */
import { vietnamDayOf, type CivilDay } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { OUTCOME, POLICE_TRANSFER, STATUS, UNCLASSIFIED, isQrChannel } from '../case';
import { deadlineDaysFor, dueDayFrom, isOverdue, workingDaysLate, type WorkingDaysBetween } from '../deadline';
import { periodOf, previousPeriod, sameTimeLastYear } from './periods';
import type { BodyFigures, Count, OverdueCase, Period, PeriodFigures, PeriodSpec, ReportCase, ReportContext, ReportModel } from './types';

const dayOf = (d: Date | ''): CivilDay | null => {
  if (!(d instanceof Date)) return null;
  const t = d.getTime();
  return Number.isFinite(t) ? vietnamDayOf(t) : null;
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

const byCountThenKey = (a: Count, b: Count): number => b.count - a.count || a.key.localeCompare(b.key, 'vi');

function counts(map: Map<string, number>): Count[] {
  return [...map.entries()].map(([key, count]) => ({ key, count })).sort(byCountThenKey);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Working days in (a, b] from a prefix sum over one range of days, built once; days outside it
 * (never in practice: the range covers the cohorts' receipts up to the report day) are counted
 * on the calendar.
 */
class WorkingDayCounter {
  private readonly cum: Int32Array;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly lo: CivilDay,
    private readonly hi: CivilDay,
  ) {
    const n = Math.max(0, hi - lo + 1);
    this.cum = new Int32Array(n);
    let total = 0;
    for (let i = 1; i < n; i++) {
      if (calendar.isWorkingDay(lo + i)) total += 1;
      this.cum[i] = total;
    }
  }

  /** Working days after `a` up to and including `b`; 0 when b ≤ a. */
  between(a: CivilDay, b: CivilDay): number {
    if (b <= a) return 0;
    if (a >= this.lo && b <= this.hi) return this.cum[b - this.lo] - this.cum[a - this.lo];
    return this.calendar.workingDaysLeft(a, b);
  }
}

/** A case's facts that do not depend on the period, computed once. */
interface Prepared {
  c: ReportCase;
  received: CivilDay;
}

interface Facts {
  due: CivilDay;
  answerDay: CivilDay | null;
  closed: boolean;
}

export function buildReport(cases: ReportCase[], spec: PeriodSpec, calendar: WorkingCalendar, ctx: ReportContext): ReportModel {
  const { asOf, rule } = ctx;
  const current = periodOf(spec, rule);
  const before = previousPeriod(current, rule);
  const yearAgo = sameTimeLastYear(current, rule);
  const periods = [current, before, yearAgo];
  const cohorts: Prepared[][] = [[], [], []];

  let firstReceived = Infinity;
  let lo = Infinity;
  for (const c of cases) {
    const received = dayOf(c.receivedAt);
    if (received === null) continue;
    if (received < firstReceived) firstReceived = received;
    for (let i = 0; i < 3; i++) {
      const p = periods[i];
      if (received >= p.from && received <= p.to) {
        cohorts[i].push({ c, received });
        if (received < lo) lo = received;
      }
    }
  }

  const counter = new WorkingDayCounter(calendar, Number.isFinite(lo) ? lo : asOf, asOf);
  const between: WorkingDaysBetween = (a, b) => counter.between(a, b);
  const dueCache = new Map<number, Map<CivilDay, CivilDay>>();
  const dueOf = (received: CivilDay, complexity: string): CivilDay => {
    const n = deadlineDaysFor(complexity, ctx.deadlineDays);
    let byDay = dueCache.get(n);
    if (!byDay) dueCache.set(n, (byDay = new Map()));
    let due = byDay.get(received);
    if (due === undefined) byDay.set(received, (due = dueDayFrom(received, complexity, ctx.deadlineDays, calendar)));
    return due;
  };
  const factsOf = ({ c, received }: Prepared): Facts => {
    const sent = dayOf(c.answerSentAt);
    const answerDay = sent !== null && sent <= asOf ? sent : null;
    const closedDay = dayOf(c.closedAt);
    const closed = answerDay === null && c.status === STATUS.closed && (closedDay === null || closedDay <= asOf);
    return { due: dueOf(received, c.complexity), answerDay, closed };
  };

  const figures = (period: Period, cohort: Prepared[]): PeriodFigures => {
    const channels = new Map<string, number>();
    const groups = new Map<string, number>();
    const categories = new Map<string, number>();
    const bodies = new Map<string, BodyFigures & { due: number }>();
    const overdue: OverdueCase[] = [];
    const daysToAnswer: number[] = [];
    let qr = 0;
    let answered = 0;
    let answeredOnTime = 0;
    let closedWithoutAnswer = 0;
    let open = 0;
    let rated = 0;
    let ratingSum = 0;
    let misuse = 0;
    let misuseTransferred = 0;

    for (const p of cohort) {
      const { c, received } = p;
      const { due, answerDay, closed } = factsOf(p);
      const category = c.category || UNCLASSIFIED;
      bump(channels, c.channel);
      if (isQrChannel(c.channel)) qr += 1;
      if (c.group) bump(groups, c.group);
      bump(categories, category);
      if (c.outcome === OUTCOME.misuse) misuse += 1;
      // Transferred only when the mail to the police left the outbox, never because it was marked.
      if (c.outcome === OUTCOME.misuse && c.policeTransfer === POLICE_TRANSFER.sent) misuseTransferred += 1;
      if (typeof c.rating === 'number' && Number.isInteger(c.rating) && c.rating >= 1 && c.rating <= 5) {
        rated += 1;
        ratingSum += c.rating;
      }

      const onTime = answerDay !== null && !isOverdue(due, answerDay);
      if (answerDay !== null) {
        answered += 1;
        daysToAnswer.push(counter.between(received, answerDay));
        if (onTime) answeredOnTime += 1;
        else overdue.push({ code: c.code, category, body: c.assignedBody, workingDaysLate: workingDaysLate(due, answerDay, between), open: false });
      } else if (closed) {
        closedWithoutAnswer += 1;
      } else {
        open += 1;
        if (isOverdue(due, asOf)) overdue.push({ code: c.code, category, body: c.assignedBody, workingDaysLate: workingDaysLate(due, asOf, between), open: true });
      }

      if (c.assignedBody) {
        let b = bodies.get(c.assignedBody);
        if (!b) bodies.set(c.assignedBody, (b = { body: c.assignedBody, assigned: 0, answered: 0, answeredOnTime: 0, onTimeRate: null, committed: 0, keptCommitted: 0, due: 0 }));
        b.assigned += 1;
        if (answerDay !== null) b.answered += 1;
        if (onTime) b.answeredOnTime += 1;
        // A case closed without an answer (duplicate, misuse, not competent) is not the body's to answer.
        if (answerDay !== null || (due <= asOf && !closed)) b.due += 1;
        const bodyDue = dayOf(c.bodyDueDate);
        if (bodyDue !== null) {
          const written = dayOf(c.answeredAt);
          const writtenByNow = written !== null && written <= asOf ? written : null;
          if (bodyDue <= asOf || writtenByNow !== null) {
            b.committed += 1;
            if (writtenByNow !== null && writtenByNow <= bodyDue) b.keptCommitted += 1;
          }
        }
      }
    }

    const received = cohort.length;
    daysToAnswer.sort((a, b) => a - b);
    const mid = daysToAnswer.length >> 1;
    const median = daysToAnswer.length === 0 ? null : daysToAnswer.length % 2 ? daysToAnswer[mid] : round1((daysToAnswer[mid - 1] + daysToAnswer[mid]) / 2);
    const total = daysToAnswer.reduce((s, d) => s + d, 0);

    return {
      period,
      received,
      byChannel: counts(channels),
      qrShare: received ? qr / received : null,
      byGroup: counts(groups),
      groupsWithAny: ctx.groups.filter((g) => groups.has(g)).length,
      groupsTotal: ctx.groups.length,
      silentGroups: ctx.groups.filter((g) => !groups.has(g)),
      byCategory: counts(categories),
      byBody: [...bodies.values()]
        .map(({ due, ...b }) => ({ ...b, onTimeRate: due ? b.answeredOnTime / due : null }))
        .sort((a, b) => b.assigned - a.assigned || a.body.localeCompare(b.body, 'vi')),
      answered,
      answeredOnTime,
      answeredLate: answered - answeredOnTime,
      closedWithoutAnswer,
      open,
      overdue: overdue.sort((a, b) => b.workingDaysLate - a.workingDaysLate || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      averageWorkingDaysToAnswer: daysToAnswer.length ? round1(total / daysToAnswer.length) : null,
      medianWorkingDaysToAnswer: median,
      satisfaction: { rated, average: rated ? round1(ratingSum / rated) : null },
      misuse,
      misuseTransferred,
    };
  };

  return {
    asOf,
    rule,
    deadlineDays: { ...ctx.deadlineDays },
    current: figures(current, cohorts[0]),
    previous: firstReceived <= before.to ? figures(before, cohorts[1]) : null,
    lastYear: firstReceived <= yearAgo.to ? figures(yearAgo, cohorts[2]) : null,
  };
}
