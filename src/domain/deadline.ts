/**
 * Deadlines: the one place that decides when a case is due, when it is due soon and when it is
 * overdue. Everything is counted in Vietnam's civil days on the working-day calendar
 * (calendar/working-calendar.ts); the numbers of days are settings (`deadlineDays`), never
 * written elsewhere.
 *
 * - Due day: the ward answers within `deadlineDays.normal` working days of receipt, or
 *   `deadlineDays.complex` once the case is classified complex. The receipt day never counts,
 *   whatever the hour (WorkingCalendar.addWorkingDays): received Wednesday with 7 days → due the
 *   Friday of the next week.
 * - Due soon: not overdue, and due on or before the DUE_SOON_WORKING_DAYS-th (2nd) working day
 *   after today — today included, a due day on a weekend before that limit included.
 * - Overdue: from the first civil day after the due day, **whether or not that day is a working
 *   day**. A case due Friday is overdue on Saturday and Sunday, not "due today": the sidebar's
 *   label, the inbox counters and filters, the bodies' digests and the report agree on this.
 * - Working days late (on a day after the due day): the working days after the due day up to and
 *   including that day, and at least 1 — so a case due Friday is 1 working day late on Saturday,
 *   Sunday and Monday, 2 on Tuesday.
 * - Working days left (what the sidebar shows): 0 on the due day, the working days after today up
 *   to the due day before it, and minus the working days late after it.
 */
import { vietnamDayOf, type CivilDay } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { COMPLEXITY } from './case';

/** "Due soon": due within this many working days from today. */
export const DUE_SOON_WORKING_DAYS = 2;

/** The settings' numbers of working days to answer (Settings.deadlineDays). */
export interface DeadlineDays {
  normal: number;
  complex: number;
}

/** Working days in (a, b]; 0 when b ≤ a. The report passes its own fast counter. */
export type WorkingDaysBetween = (a: CivilDay, b: CivilDay) => number;

/** Is a complexity — the key ('complex') or the stored label ('Phức tạp') — the complex one? */
function isComplex(complexity: string): boolean {
  return complexity === 'complex' || complexity === COMPLEXITY.complex;
}

/** The working days the ward has to answer a case of this complexity (key or label). */
export function deadlineDaysFor(complexity: string, days: DeadlineDays): number {
  return isComplex(complexity) ? days.complex : days.normal;
}

/** The due day of a case received on `receivedOn` (a Vietnam civil day). */
export function dueDayFrom(receivedOn: CivilDay, complexity: string, days: DeadlineDays, calendar: WorkingCalendar): CivilDay {
  return calendar.addWorkingDaysFrom(receivedOn, deadlineDaysFor(complexity, days));
}

/** The due day of a case received at an instant (its day in Vietnam). */
export function dueDayOf(receivedAt: Date | number, complexity: string, days: DeadlineDays, calendar: WorkingCalendar): CivilDay {
  return dueDayFrom(vietnamDayOf(receivedAt), complexity, days, calendar);
}

/** Overdue on `day`: any civil day after the due day, working or not. */
export function isOverdue(due: CivilDay, day: CivilDay): boolean {
  return day > due;
}

/** Working days late on `day` (0 when not overdue, at least 1 when overdue). */
export function workingDaysLate(due: CivilDay, day: CivilDay, between: WorkingDaysBetween): number {
  return isOverdue(due, day) ? Math.max(1, between(due, day)) : 0;
}

export type DueStanding = 'overdue' | 'dueSoon' | 'later';

/** The deadlines as seen on one day: "due soon"'s limit is worked out once for many cases. */
export interface DeadlinesOn {
  today: CivilDay;
  /** The last due day that is "due soon" today. */
  soonLimit: CivilDay;
  isOverdue(due: CivilDay): boolean;
  isDueSoon(due: CivilDay): boolean;
  standing(due: CivilDay): DueStanding;
  /** 0 on the due day, > 0 before it, −(working days late) after it. */
  workingDaysLeft(due: CivilDay): number;
}

export function deadlinesOn(today: CivilDay, calendar: WorkingCalendar): DeadlinesOn {
  const soonLimit = calendar.addWorkingDaysFrom(today, DUE_SOON_WORKING_DAYS);
  const between: WorkingDaysBetween = (a, b) => calendar.workingDaysLeft(a, b);
  const overdue = (due: CivilDay) => isOverdue(due, today);
  const soon = (due: CivilDay) => !overdue(due) && due <= soonLimit;
  return {
    today,
    soonLimit,
    isOverdue: overdue,
    isDueSoon: soon,
    standing: (due) => (overdue(due) ? 'overdue' : soon(due) ? 'dueSoon' : 'later'),
    workingDaysLeft: (due) => (overdue(due) ? -workingDaysLate(due, today, between) : calendar.workingDaysLeft(today, due)),
  };
}
