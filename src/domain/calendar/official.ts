/**
 * The official days off the Government announced for civil servants (MTTQ follows them), year
 * by year: the weekdays off and the Saturdays worked in exchange ("làm bù"), with the documents
 * that announced them. Where a year is here, it replaces the Labour Code rules of holidays.ts
 * (which guess Tết's span and the day next to 2/9); for other years the rules apply and the
 * calendar is marked provisional. The admin's rows in "Ngày nghỉ" still override both.
 * Source: ../shared/holidays.md (each year's announcement, cited per year below).
 */
import { fromYmd, type CivilDay } from './civil-date';

export interface OfficialDayOff {
  /** [month, day] */
  date: [number, number];
  name: string;
  /** Part of an announcement whose final dates were not confirmed: the rule's guess, shown as such. */
  provisional?: boolean;
}

export interface OfficialYear {
  year: number;
  daysOff: OfficialDayOff[];
  /** Saturdays worked in exchange for a weekday off. */
  workedSaturdays: Array<[number, number]>;
  sources: string[];
  /** What the announcement leaves open, for the admin (e.g. a make-up day not yet found). */
  note?: string;
}

const TET = 'Tết Nguyên đán';

export const OFFICIAL_YEARS: OfficialYear[] = [
  {
    year: 2024,
    daysOff: [
      { date: [1, 1], name: 'Tết Dương lịch' },
      ...[8, 9, 12, 13, 14].map((d) => ({ date: [2, d] as [number, number], name: TET })),
      { date: [4, 18], name: 'Giỗ Tổ Hùng Vương' },
      { date: [4, 29], name: 'Nghỉ hoán đổi (làm bù thứ Bảy 4/5)' },
      { date: [4, 30], name: 'Ngày Chiến thắng 30/4' },
      { date: [5, 1], name: 'Ngày Quốc tế Lao động 1/5' },
      { date: [9, 2], name: 'Quốc khánh 2/9' },
      { date: [9, 3], name: 'Quốc khánh (ngày liền kề)' },
    ],
    workedSaturdays: [[5, 4]],
    sources: ['TB 5015/TB-LĐTBXH ngày 22/11/2023', 'CV 2450/VPCP-KGVX ngày 12/4/2024'],
  },
  {
    year: 2025,
    daysOff: [
      { date: [1, 1], name: 'Tết Dương lịch' },
      ...[27, 28, 29, 30, 31].map((d) => ({ date: [1, d] as [number, number], name: TET })),
      { date: [4, 7], name: 'Giỗ Tổ Hùng Vương' },
      { date: [4, 30], name: 'Ngày Chiến thắng 30/4' },
      { date: [5, 1], name: 'Ngày Quốc tế Lao động 1/5' },
      { date: [5, 2], name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
      { date: [9, 1], name: 'Quốc khánh (ngày liền kề)' },
      { date: [9, 2], name: 'Quốc khánh 2/9' },
    ],
    workedSaturdays: [[4, 26]],
    sources: ['CV 8726/VPCP-KGVX ngày 26/11/2024', 'TB 6150/TB-LĐTBXH'],
  },
  {
    year: 2026,
    daysOff: [
      { date: [1, 1], name: 'Tết Dương lịch' },
      { date: [1, 2], name: 'Nghỉ hoán đổi (ngày làm bù do cơ quan thông báo)' },
      ...[16, 17, 18, 19, 20].map((d) => ({ date: [2, d] as [number, number], name: TET })),
      { date: [4, 27], name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)' },
      { date: [4, 30], name: 'Ngày Chiến thắng 30/4' },
      { date: [5, 1], name: 'Ngày Quốc tế Lao động 1/5' },
      { date: [9, 1], name: 'Quốc khánh (ngày liền kề, dự kiến)', provisional: true },
      { date: [9, 2], name: 'Quốc khánh 2/9' },
    ],
    workedSaturdays: [],
    sources: ['TB 9441 của Bộ Nội vụ ngày 16/10/2025', 'Văn bản của Chính phủ ngày 25/12/2025 về nghỉ Tết Dương lịch'],
    note: 'Ngày thứ Bảy làm bù cho ngày 2/1/2026 và ngày nghỉ liền kề 2/9/2026 chưa có trong nguồn: cán bộ quản trị nhập ở tab "Ngày nghỉ".',
  },
];

export function officialYear(year: number): OfficialYear | null {
  return OFFICIAL_YEARS.find((y) => y.year === year) ?? null;
}

export function officialDay(year: number, [month, day]: [number, number]): CivilDay {
  return fromYmd(year, month, day);
}
