/**
 * Reporting periods: which civil days a month, a quarter, a half-year, a year or a custom range
 * covers, under either counting rule, with its Vietnamese label.
 *
 * 'calendar': the calendar month / quarter / half / year.
 * 'cutoff15': Decree 09/2019/NĐ-CP on the reporting regime of state administrative agencies,
 * art. 12 "Thời gian chốt số liệu báo cáo định kỳ":
 *   - monthly: from the 15th of the previous month to the 14th of the month;
 *   - quarterly: from the 15th of the month before the quarter to the 14th of its last month;
 *   - 6 months: first half from 15/12 of the previous year to 14/6; second half from 15/6 to 14/12;
 *   - yearly: from 15/12 of the previous year to 14/12.
 * Sources: the decree, https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/Nghi-dinh-09-2019-ND-CP-quy-dinh-ve-che-do-bao-cao-cua-co-quan-hanh-chinh-nha-nuoc-386322.aspx;
 * the four rules word for word as a province restates them from the decree (UBND Bà Rịa – Vũng Tàu,
 * QĐ 40/2019/QĐ-UBND), http://vungtau.baria-vungtau.gov.vn/web/guest/tin-tuc/-/brvt/extAssetPublisher/content/9094171/ubnd-tinh-ba-ria-vung-tau-quy-dinh-che-do-bao-cao-dinh-ky;
 * the same quarterly and yearly wording in Circular 05/2023/TT-BYT, https://ducco.gialai.gov.vn/Mobile/News/11448.aspx.
 *
 * A period of either rule ends in its last calendar month of the same year (the 14th or the last
 * day), so a Period's `to` tells its year and index back (specOf).
 */
import { formatVietnameseDate, fromYmd, toYmd, type CivilDay } from '../calendar/civil-date';
import { PERIOD } from '../../i18n/reports';
import type { CutoffRule, Period, PeriodKind, PeriodSpec } from './types';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Months per period of each fixed kind. */
const MONTHS: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };

function checkIndex(kind: PeriodKind, index: number | undefined, max: number): number {
  if (max === 1) return 1;
  if (index === undefined || !Number.isInteger(index) || index < 1 || index > max) throw new RangeError(`invalid ${kind} index: ${index}`);
  return index;
}

function labelOf(kind: Exclude<PeriodKind, 'custom'>, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return PERIOD.month(index, year);
    case 'quarter':
      return PERIOD.quarter(ROMAN[index - 1], year);
    case 'half':
      return PERIOD.half(index === 1, year);
    case 'year':
      return PERIOD.year(year);
  }
}

export function customLabel(from: CivilDay, to: CivilDay): string {
  return PERIOD.custom(formatVietnameseDate(from), formatVietnameseDate(to));
}

function custom(from: CivilDay, to: CivilDay): Period {
  return { kind: 'custom', label: customLabel(from, to), from, to };
}

export function periodOf(spec: PeriodSpec, rule: CutoffRule): Period {
  if (spec.kind === 'custom') {
    const { from, to } = spec;
    if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new RangeError(`invalid custom period: ${from}..${to}`);
    return custom(from, to);
  }
  if (!Number.isInteger(spec.year)) throw new RangeError(`invalid year: ${spec.year}`);
  const length = MONTHS[spec.kind];
  const index = checkIndex(spec.kind, spec.index, 12 / length);
  const firstMonth = (index - 1) * length + 1;
  const lastMonth = index * length;
  // Date.UTC carries month 0 to December of the year before and month 13 to January after.
  const from = rule === 'cutoff15' ? fromYmd(spec.year, firstMonth - 1, 15) : fromYmd(spec.year, firstMonth, 1);
  const to = rule === 'cutoff15' ? fromYmd(spec.year, lastMonth, 14) : fromYmd(spec.year, lastMonth + 1, 1) - 1;
  return { kind: spec.kind, label: labelOf(spec.kind, spec.year, index), from, to };
}

/** The spec a period was made from (year and index read from its last day). */
export function specOf(p: Period): PeriodSpec {
  if (p.kind === 'custom') return { kind: 'custom', year: toYmd(p.from).year, from: p.from, to: p.to };
  const { year, month } = toYmd(p.to);
  return { kind: p.kind, year, index: Math.ceil(month / MONTHS[p.kind]) };
}

/** The period just before: the month, quarter, half or year before; custom: as many days just before. */
export function previousPeriod(p: Period, rule: CutoffRule): Period {
  if (p.kind === 'custom') {
    const days = p.to - p.from + 1;
    return custom(p.from - days, p.from - 1);
  }
  const spec = specOf(p);
  const count = 12 / MONTHS[p.kind];
  const index = spec.index!;
  return periodOf(index > 1 ? { kind: p.kind, year: spec.year, index: index - 1 } : { kind: p.kind, year: spec.year - 1, index: count }, rule);
}

/** The same day a year earlier (29/2 becomes 28/2). */
function yearEarlier(day: CivilDay): CivilDay {
  const { year, month, day: d } = toYmd(day);
  const lastOfMonth = fromYmd(year - 1, month + 1, 1) - fromYmd(year - 1, month, 1);
  return fromYmd(year - 1, month, Math.min(d, lastOfMonth));
}

/** The same period a year earlier; custom: the same dates a year earlier. */
export function sameTimeLastYear(p: Period, rule: CutoffRule): Period {
  if (p.kind === 'custom') return custom(yearEarlier(p.from), yearEarlier(p.to));
  const spec = specOf(p);
  return periodOf({ ...spec, year: spec.year - 1 }, rule);
}
