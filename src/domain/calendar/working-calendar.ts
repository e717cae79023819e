/**
 * Working days for deadlines: Monday to Friday, minus public holidays, plus Saturdays worked in
 * exchange: the official schedule where the Government announced one (official.ts), the Labour
 * Code rules otherwise; corrected by the admin's overrides.
 * Built once per execution from the overrides; each year's holidays are computed once.
 */
import { toYmd, vietnamDayOf, weekday, type CivilDay } from './civil-date';
import { HOLIDAY_NAMES, statutoryHolidays, withCompensation, type Holiday } from './holidays';
import { officialDay, officialYear } from './official';

export interface CalendarOverride {
  day: CivilDay;
  /** 'holiday': a day off (a bridge day, a new holiday); 'workday': a working day (a Saturday worked in exchange, or a cancelled default). */
  kind: 'holiday' | 'workday';
  note: string;
}

export type DayStatus =
  | { working: true; reason: 'workday' | 'override'; note?: string }
  | { working: false; reason: 'weekend' | 'holiday' | 'override'; note: string };

export class WorkingCalendar {
  private readonly overrides = new Map<CivilDay, CalendarOverride>();
  private readonly years = new Map<number, Map<CivilDay, Holiday>>();
  private readonly workedSaturdays = new Map<number, Set<CivilDay>>();

  constructor(overrides: CalendarOverride[] = []) {
    for (const o of overrides) this.overrides.set(o.day, o);
  }

  /** Holidays of a year (with compensatory days), before overrides. */
  holidaysOf(year: number): Holiday[] {
    return [...this.yearMap(year).values()];
  }

  /** Is `year` on an announced official schedule (else: the Labour Code rules, provisional)? */
  isOfficial(year: number): boolean {
    return officialYear(year) !== null;
  }

  /** The announcement behind a year's days off, or null when they follow the rules. */
  sourcesOf(year: number): string[] | null {
    return officialYear(year)?.sources ?? null;
  }

  private yearMap(year: number): Map<CivilDay, Holiday> {
    let map = this.years.get(year);
    if (!map) {
      const official = officialYear(year);
      const holidays: Holiday[] = official
        ? official.daysOff.map((d) => ({ day: officialDay(year, d.date), kind: 'OFFICIAL' as const, name: d.name }))
        : withCompensation(statutoryHolidays(year));
      map = new Map(holidays.map((h) => [h.day, h]));
      this.years.set(year, map);
      this.workedSaturdays.set(year, new Set((official?.workedSaturdays ?? []).map((d) => officialDay(year, d))));
    }
    return map;
  }

  status(day: CivilDay): DayStatus {
    const override = this.overrides.get(day);
    if (override) {
      return override.kind === 'workday' ? { working: true, reason: 'override', note: override.note } : { working: false, reason: 'override', note: override.note || HOLIDAY_NAMES.OVERRIDE };
    }
    const year = toYmd(day).year;
    const holiday = this.yearMap(year).get(day);
    if (holiday) return { working: false, reason: 'holiday', note: holiday.name };
    if (this.workedSaturdays.get(year)!.has(day)) return { working: true, reason: 'workday', note: 'Làm bù theo thông báo' };
    const wd = weekday(day);
    if (wd === 0 || wd === 6) return { working: false, reason: 'weekend', note: wd === 0 ? 'Chủ nhật' : 'Thứ bảy' };
    return { working: true, reason: 'workday' };
  }

  isWorkingDay(day: CivilDay): boolean {
    return this.status(day).working;
  }

  /**
   * The n-th working day after the day of receipt in Vietnam. The receipt day never counts —
   * whatever the hour, and whether or not it is a working day — so a case received at 23:30 on
   * Friday, on a Sunday or on a holiday starts counting at the next working day.
   */
  addWorkingDays(receivedAt: Date | number, n: number): CivilDay {
    return this.addWorkingDaysFrom(vietnamDayOf(receivedAt), n);
  }

  addWorkingDaysFrom(start: CivilDay, n: number): CivilDay {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid number of working days: ${n}`);
    let day = start;
    let left = n;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /**
   * Working days left from `today` until `due`: 0 on the due day, 1 when the due day is the next
   * working day, negative (working days since) once overdue.
   */
  workingDaysLeft(today: CivilDay, due: CivilDay): number {
    if (due === today) return 0;
    const [from, to, sign] = due > today ? [today, due, 1] : [due, today, -1];
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) count += 1;
    return sign * count;
  }
}
