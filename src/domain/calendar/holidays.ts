/**
 * Vietnam's public holidays for a year (Labour Code 2019, art. 112) with the public sector's
 * compensatory days (a holiday on a Saturday or Sunday is given back on the next working day).
 * The government fixes the exact Tết days and the day next to 2/9 each year, and swaps days;
 * the defaults below follow its usual choices and the admin's overrides correct the rest.
 */
import { fromYmd, weekday, type CivilDay } from './civil-date';
import { lunarToSolar } from './lunar';

export type HolidayKind = 'NEW_YEAR' | 'TET' | 'HUNG_KINGS' | 'REUNIFICATION' | 'LABOUR' | 'NATIONAL_DAY' | 'COMPENSATORY' | 'OVERRIDE' | 'OFFICIAL';

export const HOLIDAY_NAMES: Record<HolidayKind, string> = {
  NEW_YEAR: 'Tết Dương lịch',
  TET: 'Tết Nguyên đán',
  HUNG_KINGS: 'Giỗ Tổ Hùng Vương',
  REUNIFICATION: 'Ngày Chiến thắng 30/4',
  LABOUR: 'Ngày Quốc tế Lao động 1/5',
  NATIONAL_DAY: 'Quốc khánh 2/9',
  COMPENSATORY: 'Nghỉ bù',
  OVERRIDE: 'Ngày nghỉ theo thông báo',
  OFFICIAL: 'Ngày nghỉ theo lịch chính thức',
};

export interface Holiday {
  day: CivilDay;
  kind: HolidayKind;
  name: string;
}

const isWeekend = (day: CivilDay): boolean => weekday(day) === 0 || weekday(day) === 6;

/**
 * The day next to 2/9 the government usually grants: the one that joins the holiday to a weekend
 * (2021 Thu → Fri 3/9, 2022 Fri → Thu 1/9, 2023 Sat → Fri 1/9, 2024 Mon → Tue 3/9, 2025 Tue →
 * Mon 1/9); midweek, the day before; on a Sunday, the Monday after.
 */
export function nationalDayCompanion(year: number): CivilDay {
  const sep2 = fromYmd(year, 9, 2);
  const wd = weekday(sep2);
  const after = wd === 1 || wd === 4 || wd === 0;
  return after ? sep2 + 1 : sep2 - 1;
}

/** Statutory holidays of `year` without compensation. Tết: the last day of the lunar year and lunar 1/1–1/4. */
export function statutoryHolidays(year: number): Holiday[] {
  const list: Holiday[] = [];
  const add = (day: CivilDay, kind: HolidayKind) => list.push({ day, kind, name: HOLIDAY_NAMES[kind] });
  add(fromYmd(year, 1, 1), 'NEW_YEAR');
  const tet = lunarToSolar({ year, month: 1, day: 1, leap: false });
  if (tet !== null) for (let d = tet - 1; d <= tet + 3; d++) add(d, 'TET');
  const hung = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (hung !== null) add(hung, 'HUNG_KINGS');
  add(fromYmd(year, 4, 30), 'REUNIFICATION');
  add(fromYmd(year, 5, 1), 'LABOUR');
  const companion = nationalDayCompanion(year);
  add(Math.min(companion, fromYmd(year, 9, 2)), 'NATIONAL_DAY');
  add(Math.max(companion, fromYmd(year, 9, 2)), 'NATIONAL_DAY');
  return list.sort((a, b) => a.day - b.day);
}

/** Adds a compensatory day for each holiday on a weekend: the next day that is neither weekend nor holiday. */
export function withCompensation(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.day));
  const out = [...holidays];
  for (const h of holidays) {
    if (!isWeekend(h.day)) continue;
    let d = h.day + 1;
    while (isWeekend(d) || taken.has(d)) d += 1;
    taken.add(d);
    out.push({ day: d, kind: 'COMPENSATORY', name: `${HOLIDAY_NAMES.COMPENSATORY} ${h.name}` });
  }
  return out.sort((a, b) => a.day - b.day);
}
