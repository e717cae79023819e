/**
 * The working-day calendar. Lunar dates are checked against published Vietnamese calendars;
 * holiday rules against the Labour Code 2019 (art. 111–112) and past government schedules.
 */
import { formatVietnameseDate, fromYmd, parseIsoDate, toIsoDate, vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { lunarToSolar, solarToLunar } from '../../src/domain/calendar/lunar';
import { nationalDayCompanion } from '../../src/domain/calendar/holidays';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { parseSettings, type SettingsTables } from '../../src/domain/settings';

const iso = (s: string) => parseIsoDate(s)!;
const at = (s: string) => new Date(s).getTime();

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // Vietnam; China celebrated on 20 February that year
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2030, '2030-02-02'], // new moon at 23:07 in Hà Nội on 2/2 — already 3/2 in China (UTC+8)
  ])('Tết (lunar 1/1) %i falls on %s', (year, date) => {
    expect(toIsoDate(lunarToSolar({ year, month: 1, day: 1, leap: false })!)).toBe(date);
    expect(solarToLunar(iso(date))).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương (lunar 10/3) %i falls on %s', (year, date) => {
    expect(toIsoDate(lunarToSolar({ year, month: 3, day: 10, leap: false })!)).toBe(date);
  });

  it('handles leap months: 2023 had a leap 2nd month, 2025 a leap 6th', () => {
    const leap2 = lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })!;
    expect(solarToLunar(leap2)).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    const leap6 = lunarToSolar({ year: 2025, month: 6, day: 15, leap: true })!;
    expect(solarToLunar(leap6)).toEqual({ year: 2025, month: 6, day: 15, leap: true });
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull();
  });

  it('round-trips every day of 2020–2030', () => {
    for (let d = fromYmd(2020, 1, 1); d <= fromYmd(2030, 12, 31); d++) {
      expect(lunarToSolar(solarToLunar(d))).toBe(d);
    }
  });
});

describe('public holidays and compensatory days', () => {
  const cal = new WorkingCalendar();
  const off = (s: string) => cal.status(iso(s));

  it('weekends are not working days', () => {
    expect(off('2026-11-28')).toEqual({ working: false, reason: 'weekend', note: 'Thứ bảy' });
    expect(off('2026-11-29')).toEqual({ working: false, reason: 'weekend', note: 'Chủ nhật' });
    expect(off('2026-11-30')).toEqual({ working: true, reason: 'workday' });
  });

  it('New Year on a weekend is given back on the Monday (2022: Sat → Mon 3/1; 2023: Sun → Mon 2/1)', () => {
    expect(off('2022-01-03')).toMatchObject({ working: false, note: 'Nghỉ bù Tết Dương lịch' });
    expect(off('2023-01-02')).toMatchObject({ working: false, note: 'Nghỉ bù Tết Dương lịch' });
    expect(off('2026-01-01')).toMatchObject({ working: false, note: 'Tết Dương lịch' });
  });

  it('Tết: the last day of the lunar year and lunar 1/1–1/4', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(off(d)).toMatchObject({ working: false, note: 'Tết Nguyên đán' });
    expect(off('2026-02-23').working).toBe(true);
    // By the rules (a year not yet announced): Tết 2030 (Sat 2/2): eve Fri 1/2 … Tue 5/2; Sat 2 and
    // Sun 3 are given back on Wed 6 and Thu 7.
    expect(off('2030-02-01')).toMatchObject({ working: false, note: 'Tết Nguyên đán' });
    expect(off('2030-02-06')).toMatchObject({ working: false, note: 'Nghỉ bù Tết Nguyên đán' });
    expect(off('2030-02-07')).toMatchObject({ working: false, note: 'Nghỉ bù Tết Nguyên đán' });
    expect(off('2030-02-08').working).toBe(true);
  });

  it('30/4 and 1/5, with compensation when they fall on a weekend (2022: Sat and Sun → Mon 2/5, Tue 3/5)', () => {
    expect(off('2026-04-30')).toMatchObject({ working: false, note: 'Ngày Chiến thắng 30/4' });
    expect(off('2026-05-01')).toMatchObject({ working: false, note: 'Ngày Quốc tế Lao động 1/5' });
    expect(off('2022-05-02').working).toBe(false);
    expect(off('2022-05-03').working).toBe(false);
    expect(off('2022-05-04').working).toBe(true);
  });

  it('2/9 and the adjacent day the government usually grants', () => {
    expect(toIsoDate(nationalDayCompanion(2021))).toBe('2021-09-03'); // Thu → Fri
    expect(toIsoDate(nationalDayCompanion(2022))).toBe('2022-09-01'); // Fri → Thu
    expect(toIsoDate(nationalDayCompanion(2024))).toBe('2024-09-03'); // Mon → Tue
    expect(toIsoDate(nationalDayCompanion(2025))).toBe('2025-09-01'); // Tue → Mon
    // 2023: Fri 1/9 and Sat 2/9 off, Sat given back on Mon 4/9.
    expect(off('2023-09-01').working).toBe(false);
    expect(off('2023-09-04')).toMatchObject({ working: false, note: 'Nghỉ bù Quốc khánh 2/9' });
  });

  it('the admin’s overrides win both ways', () => {
    // A swap in a year not yet announced: Monday 1/2/2027 off, Saturday 13/2/2027 worked in exchange.
    const swapped = new WorkingCalendar([
      { day: iso('2027-02-01'), kind: 'holiday', note: 'Nghỉ hoán đổi Tết' },
      { day: iso('2027-02-13'), kind: 'workday', note: 'Làm bù cho ngày 1/2' },
      // … and against the official schedule: 2026's make-up Saturday for Friday 2/1, which our sources lack.
      { day: iso('2026-01-10'), kind: 'workday', note: 'Làm bù cho ngày 2/1' },
      { day: iso('2025-01-27'), kind: 'workday', note: 'Hủy nghỉ (thử)' },
    ]);
    expect(swapped.status(iso('2027-02-01'))).toEqual({ working: false, reason: 'override', note: 'Nghỉ hoán đổi Tết' });
    expect(swapped.status(iso('2027-02-13'))).toEqual({ working: true, reason: 'override', note: 'Làm bù cho ngày 1/2' });
    expect(swapped.isWorkingDay(iso('2026-01-10'))).toBe(true);
    expect(swapped.isWorkingDay(iso('2025-01-27'))).toBe(true);
    expect(new WorkingCalendar().isWorkingDay(iso('2027-02-01'))).toBe(true);
    expect(new WorkingCalendar().isWorkingDay(iso('2025-01-27'))).toBe(false);
  });
});

describe('due dates (7 and 20 working days)', () => {
  const cal = new WorkingCalendar();

  it('counts from the day after receipt, skipping weekends', () => {
    // Received Tuesday 24/11/2026 → 25, 26, 27, 30/11, 1, 2, 3/12.
    expect(toIsoDate(cal.addWorkingDays(at('2026-11-24T09:00:00+07:00'), 7))).toBe('2026-12-03');
  });

  it('uses Vietnam’s day, not UTC’s, for a case received late at night', () => {
    // 23:30 Thursday in Hà Nội is still Thursday; 00:30 Friday is Friday though UTC says Thursday.
    expect(toIsoDate(cal.addWorkingDays(at('2026-11-26T23:30:00+07:00'), 7))).toBe('2026-12-07');
    expect(toIsoDate(cal.addWorkingDays(at('2026-11-27T00:30:00+07:00'), 7))).toBe('2026-12-08');
    expect(toIsoDate(vietnamDayOf(at('2026-11-26T17:30:00Z')))).toBe('2026-11-27');
  });

  it('a case received on a holiday or weekend starts counting at the next working day', () => {
    // 2/9/2026 is a Wednesday; 1/9 is the adjacent day off. Counting starts Thursday 3/9.
    expect(toIsoDate(cal.addWorkingDays(at('2026-09-02T10:00:00+07:00'), 7))).toBe('2026-09-11');
    expect(toIsoDate(cal.addWorkingDays(at('2026-11-28T10:00:00+07:00'), 1))).toBe('2026-11-30');
  });

  it('20 working days across Tết 2026', () => {
    expect(toIsoDate(cal.addWorkingDays(at('2026-02-09T09:00:00+07:00'), 20))).toBe('2026-03-16');
  });

  it('working days left: 0 on the due day, negative once overdue', () => {
    const due = iso('2026-12-03');
    expect(cal.workingDaysLeft(iso('2026-11-27'), due)).toBe(4); // Mon 30, Tue 1, Wed 2, Thu 3
    expect(cal.workingDaysLeft(due, due)).toBe(0);
    expect(cal.workingDaysLeft(iso('2026-12-07'), due)).toBe(-2); // Fri 4, Mon 7
  });

  it('formats dates the Vietnamese way', () => {
    expect(formatVietnameseDate(iso('2026-12-03'))).toBe('03/12/2026');
  });
});

/**
 * The official schedules (../shared/holidays.md: TB 5015/TB-LĐTBXH and CV 2450/VPCP-KGVX for 2024;
 * CV 8726/VPCP-KGVX and TB 6150/TB-LĐTBXH for 2025; TB 9441 of the Ministry of Home Affairs and
 * the Government's letter of 25/12/2025 for 2026), copied here by hand, not from the code.
 */
describe('the official days off, 2024–2026', () => {
  const cal = new WorkingCalendar();
  const OFFICIAL: Record<number, { off: string[]; worked: string[] }> = {
    2024: { off: ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03'], worked: ['05-04'] },
    2025: { off: ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02'], worked: ['04-26'] },
    // 1/9/2026 is the rule's guess for the day next to 2/9 (not confirmed in our sources).
    2026: { off: ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '04-27', '04-30', '05-01', '09-01', '09-02'], worked: [] },
  };

  it.each(Object.keys(OFFICIAL).map(Number))('%i: exactly the announced weekdays are off, the make-up Saturdays are worked', (year) => {
    const weekdaysOff: string[] = [];
    const saturdaysWorked: string[] = [];
    for (let d = iso(`${year}-01-01`); d <= iso(`${year}-12-31`); d++) {
      const wd = new Date(d * 86_400_000).getUTCDay();
      if (wd >= 1 && wd <= 5 && !cal.isWorkingDay(d)) weekdaysOff.push(toIsoDate(d).slice(5));
      if (wd === 6 && cal.isWorkingDay(d)) saturdaysWorked.push(toIsoDate(d).slice(5));
    }
    expect(weekdaysOff).toEqual(OFFICIAL[year].off);
    expect(saturdaysWorked).toEqual(OFFICIAL[year].worked);
    expect(cal.isOfficial(year)).toBe(true);
    expect(cal.sourcesOf(year)!.length).toBeGreaterThan(0);
  });

  it('years not announced yet follow the rules and say so', () => {
    expect(cal.isOfficial(2027)).toBe(false);
    expect(cal.sourcesOf(2027)).toBeNull();
  });

  it.each([
    // received (a working day) → 7 working days later, counted by hand on the official schedule
    ['2024-02-07', '2024-02-23'], // Tết 2024: Thu 8 – Wed 14/2 off
    ['2024-04-26', '2024-05-09'], // 29/4 – 1/5 off, Saturday 4/5 worked
    ['2024-08-30', '2024-09-12'], // 2 – 3/9 off
    ['2025-01-24', '2025-02-11'], // Tết 2025: 27 – 31/1 off
    ['2025-04-24', '2025-05-07'], // Saturday 26/4 worked, 30/4 – 2/5 off
    ['2025-12-31', '2026-01-13'], // 1 – 2/1/2026 off
    ['2026-02-13', '2026-03-03'], // Tết 2026: 16 – 20/2 off
    ['2026-04-24', '2026-05-08'], // Giỗ Tổ given back Monday 27/4; 30/4 – 1/5 off
  ])('received %s: due %s', (received, due) => {
    expect(toIsoDate(cal.addWorkingDays(at(`${received}T09:00:00+07:00`), 7))).toBe(due);
  });
});

describe('the "Ngày nghỉ" tab: announced but not yet in force', () => {
  const tables = (holidays: unknown[][]): SettingsTables => ({ general: [], groups: [], categories: [], bodies: [], staff: [], holidays, templates: [] });

  it('a "Chờ xác nhận" row (24/11, Ngày Văn hóa Việt Nam) changes nothing until an admin makes it "Nghỉ"', () => {
    const pending = parseSettings(tables([['24/11/2027', 'Chờ xác nhận', 'Ngày Văn hóa Việt Nam']]));
    expect(pending.problems.filter((p) => p.startsWith('Ngày nghỉ'))).toEqual([]);
    expect(new WorkingCalendar(pending.settings.calendarOverrides).isWorkingDay(iso('2027-11-24'))).toBe(true); // a Wednesday
    const confirmed = parseSettings(tables([['24/11/2027', 'Nghỉ', 'Ngày Văn hóa Việt Nam']]));
    expect(new WorkingCalendar(confirmed.settings.calendarOverrides).isWorkingDay(iso('2027-11-24'))).toBe(false);
  });
});
