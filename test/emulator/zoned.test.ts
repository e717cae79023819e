/**
 * The emulator's wall clock of a time zone (what Sheets shows a date as) is computed from an offset
 * found once per quarter hour, not asked of Intl for every cell: it must still agree with Intl
 * everywhere, across daylight-saving changes (New York's hour, Lord Howe's half hour), zones a
 * quarter hour off (Kathmandu), the ward's own zone and its history (local mean time before 1906).
 */
import { fromWallTime, wallTime } from '../../emulator/services/spreadsheet/zoned';

const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London', 'UTC'];

function intlWallTime(instant: Date, timeZone: string): number[] {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
}

const fields = (instant: Date, timeZone: string): number[] => {
  const w = wallTime(instant, timeZone);
  return [w.year, w.month, w.day, w.hour, w.minute, w.second];
};

describe('wall time in a zone', () => {
  it.each(ZONES)('agrees with Intl in %s every 7 minutes around the 2026 changes of clocks, and on instants from 1890 to 2060', (zone) => {
    const instants: Date[] = [];
    for (const [from, to] of [
      [Date.UTC(2026, 2, 7), Date.UTC(2026, 2, 10)],
      [Date.UTC(2026, 3, 3), Date.UTC(2026, 3, 6)],
      [Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 6)],
      [Date.UTC(2026, 9, 30), Date.UTC(2026, 10, 3)],
    ]) {
      for (let t = from; t < to; t += 7 * 60_000 + 1_013) instants.push(new Date(t));
    }
    for (let i = 0; i < 1500; i++) instants.push(new Date(Date.UTC(1890, 0, 1) + Math.floor(((i * 7919) % 1500) / 1500 * (Date.UTC(2060, 0, 1) - Date.UTC(1890, 0, 1)))));
    const wrong = instants.filter((d) => fields(d, zone).join() !== intlWallTime(d, zone).join()).map((d) => d.toISOString());
    expect(wrong).toEqual([]);
  });

  it('gives the weekday and milliseconds of the instant, and fromWallTime finds the instant back', () => {
    const instant = new Date('2026-12-03T17:05:09.250Z');
    expect(wallTime(instant, 'Asia/Ho_Chi_Minh')).toEqual({ year: 2026, month: 12, day: 4, hour: 0, minute: 5, second: 9, millisecond: 250, weekday: 5 });
    expect(fromWallTime(2026, 12, 4, 0, 5, 9, 'Asia/Ho_Chi_Minh').getTime()).toBe(instant.getTime() - 250);
  });
});
