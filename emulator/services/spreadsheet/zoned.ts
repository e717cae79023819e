/** Wall-clock parts of an instant in an IANA time zone, and back — what Sheets does with dates. */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Intl's formatToParts costs ~20 µs an instant, and a tab of dates shown (getDisplayValues, a
 * test reading a tab of thousands of rows) asks it for every cell. A zone's offset from UTC only
 * changes at its transitions, so it is found once per quarter hour of time and zone (checked at
 * both ends of that quarter hour; where it changes inside one, every instant there is asked of
 * Intl as before) and the wall time computed from it.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

export function wallTime(instant: Date, timeZone: string): WallTime {
  const t = instant.getTime();
  if (!Number.isFinite(t)) return exactWallTime(instant, timeZone);
  const quarter = Math.floor(t / QUARTER_HOUR);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(quarter * QUARTER_HOUR, timeZone);
    offset = start === offsetAt((quarter + 1) * QUARTER_HOUR - 1, timeZone) ? start : NaN;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  if (Number.isNaN(offset)) return exactWallTime(instant, timeZone);
  const wall = new Date(t + offset);
  const year = wall.getUTCFullYear();
  if (year < 100) return exactWallTime(instant, timeZone);
  return {
    year,
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
  };
}

/** Wall time minus UTC at an instant, in ms (NaN where Intl's year is not a plain one). */
function offsetAt(ms: number, timeZone: string): number {
  const w = exactWallTime(new Date(ms), timeZone);
  if (w.year < 100) return NaN;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - ms;
}

function exactWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((instant.getTime() % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
export function fromWallTime(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallTime(new Date(instant), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    instant += guess - shown;
  }
  return new Date(instant);
}
