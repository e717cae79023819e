/**
 * The Vietnamese lunisolar calendar, computed astronomically for the UTC+7 meridian: new moons
 * and the sun's longitude after Jean Meeus, "Astronomical Algorithms", in the arrangement Hồ Ngọc
 * Đức published for the Vietnamese calendar. The meridian matters: Vietnam's calendar differs
 * from China's (UTC+8) in some years — Tết 1985 was 21 January in Vietnam, 20 February in China.
 */
import { fromYmd, toYmd, VIETNAM_UTC_OFFSET_MINUTES, type CivilDay } from './civil-date';

const TIME_ZONE_HOURS = VIETNAM_UTC_OFFSET_MINUTES / 60;
const INT = Math.floor;
const DR = Math.PI / 180;
/** Julian day number of 1970-01-01, to convert to civil days. */
const JD_1970 = 2440588;

function jdFromCivil(day: CivilDay): number {
  return day + JD_1970;
}

function civilFromJd(jd: number): CivilDay {
  return jd - JD_1970;
}

/** Julian day of the k-th new moon after 1900-01-01 13:52 UTC (Meeus, ch. 49, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number): number {
  return INT(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** The sun's ecliptic longitude in radians at a Julian day (Meeus, ch. 25, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= Math.PI * 2 * INT(L / (Math.PI * 2));
  return L;
}

/** Which of the 12 major solar terms (0…11) the sun is in at the start of a local day. */
function solarTermIndex(dayNumber: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** The start of the 11th lunar month (the one holding the winter solstice) of solar year `year`. */
function lunarMonth11(year: number): number {
  const off = jdFromCivil(fromYmd(year, 12, 31)) - 2415021;
  const k = INT(off / 29.530588853);
  let nm = newMoonDay(k);
  if (solarTermIndex(nm) >= 9) nm = newMoonDay(k - 1);
  return nm;
}

/** In a 13-month lunar year starting at a11, the offset of the leap month (no major solar term). */
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = solarTermIndex(newMoonDay(k + i));
  do {
    last = arc;
    i += 1;
    arc = solarTermIndex(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export function solarToLunar(civil: CivilDay): LunarDate {
  const dayNumber = jdFromCivil(civil);
  const { year: yy } = toYmd(civil);
  const k = INT((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The civil day of a lunar date; null if it does not exist (a leap month that year lacks). */
export function lunarToSolar(lunar: LunarDate): CivilDay | null {
  const { year, month, day, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off);
  return civilFromJd(monthStart + day - 1);
}
