/**
 * Civil dates (a day on the wall calendar, no time, no zone) as integers: days since 1970-01-01.
 * Deadlines are counted in Vietnam's days, and Vietnam keeps UTC+7 all year (no daylight saving
 * since 1975), so an instant's day in Vietnam is a fixed-offset computation — never the host's
 * local time.
 */
export type CivilDay = number;

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

export interface Ymd {
  year: number;
  month: number; // 1-12
  day: number;
}

export function fromYmd(year: number, month: number, day: number): CivilDay {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function toYmd(day: CivilDay): Ymd {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CivilDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day in Vietnam at an instant. */
export function vietnamDayOf(instant: Date | number): CivilDay {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000) / DAY_MS);
}

/** Midnight at the start of a Vietnam day, as an instant (what a date-only cell holds). */
export function vietnamMidnight(day: CivilDay): Date {
  return new Date(day * DAY_MS - VIETNAM_UTC_OFFSET_MINUTES * 60_000);
}

export function toIsoDate(day: CivilDay): string {
  const { year, month, day: d } = toYmd(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseIsoDate(text: string): CivilDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const day = fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  const back = toYmd(day);
  return back.month === Number(m[2]) && back.day === Number(m[3]) ? day : null;
}

/** dd/mm/yyyy as Vietnamese documents write dates. */
export function formatVietnameseDate(day: CivilDay): string {
  const { year, month, day: d } = toYmd(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** The year in Vietnam at an instant: case codes are numbered per Vietnamese calendar year. */
export function vietnamYear(at: Date): number {
  return toYmd(vietnamDayOf(at)).year;
}
