/**
 * Civil dates (a day on the wall calendar, no time, no zone) as integers: days since 1970-01-01.
 * Deadlines are counted in Vietnam's days, and Vietnam keeps UTC+7 all year (no daylight saving
 * since 1975), so an instant's day in Vietnam is a fixed-offset computation — never the host's
 * local time.
 *
 * This module owns Vietnam's offset and the date texts: VIETNAM_UTC_OFFSET_MINUTES is the one
 * offset in the code (the lunar calendar's meridian too), every instant ↔ Vietnam wall time goes
 * through vietnamWallTime / fromVietnamWallTime, and parseDmy is the one dd/mm/yyyy parser (the
 * settings' dates, Forms' timestamps in either locale, the history's stamps).
 */
export type CivilDay = number;

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
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
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** Midnight at the start of a Vietnam day, as an instant (what a date-only cell holds). */
export function vietnamMidnight(day: CivilDay): Date {
  return new Date(day * DAY_MS - OFFSET_MS);
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

/** A wall-clock time in Vietnam (no zone: it is always UTC+7). */
export interface WallTime extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in Vietnam at an instant. */
export function vietnamWallTime(instant: Date | number): WallTime {
  const d = new Date((typeof instant === 'number' ? instant : instant.getTime()) + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The instant of a wall-clock time in Vietnam (midnight when no time is given). */
export function fromVietnamWallTime(t: Ymd & Partial<Pick<WallTime, 'hour' | 'minute' | 'second'>>): Date {
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0) - OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "24/11/2026 09:05:07": an instant as Vietnam's wall time, as the history writes it. */
export function formatVietnameseStamp(instant: Date | number): string {
  const t = vietnamWallTime(instant);
  return `${two(t.day)}/${two(t.month)}/${t.year} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

export interface DmyOptions {
  /** A time "h:mm:ss" must follow the date after one space (Forms' timestamps, the history's stamps); else none may. */
  withTime?: boolean;
  /** Month first ("11/24/2026"), as Forms writes timestamps in an en_US spreadsheet. */
  monthFirst?: boolean;
}

/**
 * The one dd/mm/yyyy parser: day and month of 1 or 2 digits, a 4-digit year, and with
 * `withTime` an "h:mm:ss" time (hour of 1 or 2 digits). Null unless the text is exactly that and
 * a real date and time (31/02 is refused, not rolled over to March). The result is a wall time
 * (00:00:00 without a time): fromYmd gives its day, fromVietnamWallTime its instant in Vietnam.
 */
export function parseDmy(text: string, options: DmyOptions = {}): WallTime | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}):(\d{2}))?$/.exec(String(text).trim());
  if (!m || (m[4] !== undefined) !== Boolean(options.withTime)) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = options.monthFirst ? [b, a] : [a, b];
  const year = Number(m[3]);
  const back = toYmd(fromYmd(year, month, day));
  if (month < 1 || month > 12 || back.month !== month || back.day !== day) return null;
  const [hour, minute, second] = m[4] === undefined ? [0, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** "2026-11-23T15:30": an instant as Vietnam's wall time, the value of a datetime-local field. */
export function toVietnamLocalInput(instant: Date | number): string {
  const t = vietnamWallTime(instant);
  return `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}`;
}

/** A datetime-local value ("2026-11-23T15:30") read as Vietnam's wall time; null when not one. */
export function parseVietnamLocalInput(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  return m ? fromVietnamWallTime({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }) : null;
}
