/**
 * Civil dates at UTC+7 (src/domain/calendar/civil-date.ts): the one offset, Vietnam's wall time,
 * the one dd/mm/yyyy parser and the datetime-local texts. Expected values are written by hand
 * (Hà Nội is 7 hours ahead of UTC all year; weekdays from a wall calendar).
 */
import {
  VIETNAM_UTC_OFFSET_MINUTES, formatVietnameseDate, formatVietnameseStamp, fromVietnamWallTime, fromYmd, parseDmy, parseVietnamLocalInput,
  toIsoDate, toVietnamLocalInput, vietnamDayOf, vietnamMidnight, vietnamWallTime, vietnamYear, weekday,
} from '../../src/domain/calendar/civil-date';
import { vietnamStamp } from '../../src/domain/case-record';
import { parseSettings, type SettingsTables } from '../../src/domain/settings';

describe('the one offset: Vietnam keeps UTC+7', () => {
  it('is 420 minutes', () => expect(VIETNAM_UTC_OFFSET_MINUTES).toBe(420));

  it('a day in Vietnam starts at 17:00 UTC the day before', () => {
    expect(toIsoDate(vietnamDayOf(new Date('2026-12-31T16:59:59Z')))).toBe('2026-12-31');
    expect(toIsoDate(vietnamDayOf(new Date('2026-12-31T17:00:00Z')))).toBe('2027-01-01');
    expect(vietnamYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(vietnamMidnight(fromYmd(2027, 4, 30)).toISOString()).toBe('2027-04-29T17:00:00.000Z');
  });

  it('wall time both ways: 00:30 on mùng 1 Tết 2027 (Sat 6/2) is 17:30 UTC on Fri 5/2', () => {
    expect(vietnamWallTime(new Date('2027-02-05T17:30:00Z'))).toEqual({ year: 2027, month: 2, day: 6, hour: 0, minute: 30, second: 0 });
    expect(fromVietnamWallTime({ year: 2027, month: 2, day: 6, hour: 0, minute: 30, second: 0 }).toISOString()).toBe('2027-02-05T17:30:00.000Z');
    expect(fromVietnamWallTime({ year: 2027, month: 5, day: 1 }).toISOString()).toBe('2027-04-30T17:00:00.000Z');
    expect(vietnamWallTime(Date.parse('2027-04-30T23:59:59+07:00')).hour).toBe(23);
  });

  it('weekdays of the days the deadline tests rely on', () => {
    expect([weekday(fromYmd(2027, 2, 6)), weekday(fromYmd(2027, 4, 30)), weekday(fromYmd(2027, 5, 1)), weekday(fromYmd(2026, 12, 11))]).toEqual([6, 5, 6, 5]);
  });
});

describe('texts', () => {
  it('dd/mm/yyyy and the history stamp, in Vietnam time', () => {
    expect(formatVietnameseDate(fromYmd(2027, 5, 3))).toBe('03/05/2027');
    expect(formatVietnameseStamp(new Date('2027-02-05T17:05:07Z'))).toBe('06/02/2027 00:05:07');
    expect(vietnamStamp('2026-11-24T02:05:07.000Z')).toBe('24/11/2026 09:05:07');
    expect(vietnamStamp('not a date')).toBe('not a date');
  });

  it('the datetime-local value of the sidebar', () => {
    expect(toVietnamLocalInput(new Date('2027-04-29T17:00:00Z'))).toBe('2027-04-30T00:00');
    expect(toVietnamLocalInput(Date.parse('2026-11-23T15:30:59+07:00'))).toBe('2026-11-23T15:30');
    expect(parseVietnamLocalInput('2026-11-23T15:30')?.toISOString()).toBe('2026-11-23T08:30:00.000Z');
    expect(parseVietnamLocalInput(' 2027-02-06T00:30 ')?.toISOString()).toBe('2027-02-05T17:30:00.000Z');
    expect(parseVietnamLocalInput('2026-11-23T15:30:00+07:00')).toBeNull();
    expect(parseVietnamLocalInput('23/11/2026')).toBeNull();
  });
});

describe('the one dd/mm/yyyy parser', () => {
  const date = (year: number, month: number, day: number) => ({ year, month, day, hour: 0, minute: 0, second: 0 });

  it.each([
    ['6/2/2027', date(2027, 2, 6)],
    ['06/02/2027', date(2027, 2, 6)],
    [' 30/4/2027 ', date(2027, 4, 30)],
    ['29/02/2028', date(2028, 2, 29)],
    ['31/12/2026', date(2026, 12, 31)],
  ])('reads the date %s', (text, expected) => expect(parseDmy(text)).toEqual(expected));

  it.each(['29/02/2027', '31/04/2027', '0/1/2027', '1/13/2027', '1/0/2027', '6/2/27', '2027-02-06', '6-2-2027', '6/2/2027 07:00:00', '', 'mùng 1 Tết'])('refuses %j as a date', (text) => {
    expect(parseDmy(text)).toBeNull();
  });

  it('with a time: the Forms timestamp and the history stamp', () => {
    expect(parseDmy('24/11/2026 18:45:16', { withTime: true })).toEqual({ year: 2026, month: 11, day: 24, hour: 18, minute: 45, second: 16 });
    expect(parseDmy('6/2/2027 0:30:00', { withTime: true })).toEqual({ year: 2027, month: 2, day: 6, hour: 0, minute: 30, second: 0 });
    expect(parseDmy('24/11/2026', { withTime: true })).toBeNull();
    expect(parseDmy('24/11/2026 24:00:00', { withTime: true })).toBeNull();
    expect(parseDmy('24/11/2026 18:60:00', { withTime: true })).toBeNull();
    expect(parseDmy('24/11/2026 18:45', { withTime: true })).toBeNull();
  });

  it('month first, as an en_US form writes it', () => {
    expect(parseDmy('11/24/2026 18:45:16', { withTime: true, monthFirst: true })).toEqual({ year: 2026, month: 11, day: 24, hour: 18, minute: 45, second: 16 });
    expect(parseDmy('2/6/2027 0:30:00', { withTime: true, monthFirst: true })).toEqual({ year: 2027, month: 2, day: 6, hour: 0, minute: 30, second: 0 });
    expect(parseDmy('24/11/2026 18:45:16', { withTime: true, monthFirst: true })).toBeNull();
  });

  it('a Forms timestamp is Vietnam wall time: 18:45:16 on 24/11/2026 is 11:45:16 UTC', () => {
    expect(fromVietnamWallTime(parseDmy('24/11/2026 18:45:16', { withTime: true })!).toISOString()).toBe('2026-11-24T11:45:16.000Z');
  });

  it('the settings read a typed dd/mm/yyyy day off through it', () => {
    const tables: SettingsTables = { general: [], groups: [], categories: [], bodies: [], staff: [], holidays: [['3/5/2027', 'Nghỉ', 'Nghỉ bù 1/5'], ['31/02/2027', 'Nghỉ', 'không có ngày này']], templates: [] };
    const parsed = parseSettings(tables);
    expect(parsed.settings.calendarOverrides.map((o) => [toIsoDate(o.day), o.kind])).toEqual([['2027-05-03', 'holiday']]);
    expect(parsed.problems.some((p) => p.startsWith('Ngày nghỉ dòng 3:'))).toBe(true);
  });
});
