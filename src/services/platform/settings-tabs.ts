/**
 * The settings tabs an admin edits directly in the sheet. Setup creates the missing ones with the
 * defaults and never overwrites one that exists: its rows are the admin's.
 */
import { readStaffRows, STAFF } from './sheets/tabs';
import { CUTOFF_LABELS, DEFAULT_ANSWER_TEMPLATE, DEFAULT_SETTINGS, GENERAL_KEYS, HOLIDAY_KIND_LABELS, ROLE_LABELS, type SettingsTables } from '../../domain/settings';

export interface SettingsTabSpec {
  key: keyof SettingsTables;
  name: string;
  header: string[];
  /** Rows of a fresh tab. */
  defaults: (setupUser: string) => unknown[][];
  /** A dropdown on a column (1-based) of the data rows. */
  dropdown?: { column: number; values: string[] };
  widths: number[];
}

/** The staff list: e-mail, role, body, found by header (sheets/tabs STAFF). */
export const STAFF_TAB = STAFF.name;

/** The staff rows as parseStaff reads them (e-mail, role, body), wherever their columns are: 2 calls. */
export function staffRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] {
  return readStaffRows(ss).map((r) => [r.email, r.role, r.body]);
}

export const SETTINGS_TABS: SettingsTabSpec[] = [
  {
    key: 'general',
    name: 'Cài đặt',
    header: ['Mục', 'Giá trị', 'Ghi chú'],
    defaults: () => [
      [GENERAL_KEYS.wardName, DEFAULT_SETTINGS.wardName, ''],
      [GENERAL_KEYS.committeeName, DEFAULT_SETTINGS.committeeName, 'In trên biểu mẫu, thư và báo cáo.'],
      [GENERAL_KEYS.contactLine, DEFAULT_SETTINGS.contactLine, 'Nơi người dân đến hỏi về ý kiến của mình.'],
      [GENERAL_KEYS.phone, DEFAULT_SETTINGS.phone, 'In trên trang xác nhận của biểu mẫu, thư báo và thư trả lời; ví dụ 024 3825 1234.'],
      [GENERAL_KEYS.officeHours, DEFAULT_SETTINGS.officeHours, 'In cùng số điện thoại.'],
      [GENERAL_KEYS.normalDays, DEFAULT_SETTINGS.deadlineDays.normal, 'Theo kế hoạch: 07 ngày làm việc.'],
      [GENERAL_KEYS.complexDays, DEFAULT_SETTINGS.deadlineDays.complex, 'Không quá 20 ngày làm việc.'],
      [GENERAL_KEYS.approvalRequired, 'Không', 'Có / Không'],
      [GENERAL_KEYS.reportParentBody, DEFAULT_SETTINGS.report.parentBody, 'Góc trái đầu báo cáo (Nghị định 30/2020/NĐ-CP).'],
      [GENERAL_KEYS.reportLocalBody, DEFAULT_SETTINGS.report.localBody, ''],
      [GENERAL_KEYS.reportOrgan, DEFAULT_SETTINGS.report.organ, 'In đậm, có gạch chân ngắn.'],
      [GENERAL_KEYS.reportPlace, DEFAULT_SETTINGS.report.place, '"Lưu Kiếm, ngày … tháng … năm …"'],
      [GENERAL_KEYS.reportNumber, DEFAULT_SETTINGS.report.numberSuffix, '"Số: …/BC-MTTQ-BTT"'],
      [GENERAL_KEYS.reportRecipients, DEFAULT_SETTINGS.report.recipients.join('; '), ''],
      [GENERAL_KEYS.reportSignFor, DEFAULT_SETTINGS.report.signFor, ''],
      [GENERAL_KEYS.reportSignTitle, DEFAULT_SETTINGS.report.signTitle, ''],
      [GENERAL_KEYS.reportSigner, DEFAULT_SETTINGS.report.signer, 'Để trống nếu ký tay.'],
      [GENERAL_KEYS.reportCutoff, CUTOFF_LABELS.calendar, '"Chốt ngày 14": quý tính từ ngày 15 của tháng trước quý đến ngày 14 của tháng cuối quý (Nghị định 09/2019/NĐ-CP, Điều 12).'],
    ],
    widths: [320, 320, 280],
  },
  {
    key: 'groups',
    name: 'Tổ dân phố',
    header: ['Tổ dân phố'],
    defaults: () => DEFAULT_SETTINGS.groups.map((g) => [g]),
    widths: [220],
  },
  {
    key: 'categories',
    name: 'Lĩnh vực',
    header: ['Lĩnh vực', 'Từ khóa (cách nhau bằng dấu phẩy; không phân biệt dấu, hoa thường)'],
    defaults: () => DEFAULT_SETTINGS.categories.map((c) => [c.category, c.keywords.join(', ')]),
    widths: [220, 520],
  },
  {
    key: 'bodies',
    name: 'Cơ quan xử lý',
    header: ['Cơ quan', 'Email'],
    defaults: () => DEFAULT_SETTINGS.bodies.map((b) => [b.name, b.email]),
    widths: [280, 260],
  },
  {
    key: 'staff',
    name: STAFF_TAB,
    header: STAFF.columns.map((c) => c.header),
    defaults: (user) => [[user, ROLE_LABELS.admin, '']],
    dropdown: { column: 2, values: Object.values(ROLE_LABELS) },
    widths: [260, 220, 280],
  },
  {
    key: 'holidays',
    name: 'Ngày nghỉ',
    header: ['Ngày (dd/mm/yyyy)', 'Loại (Nghỉ / Làm việc / Chờ xác nhận)', 'Ghi chú (ví dụ: hoán đổi ngày làm việc theo thông báo của Chính phủ)'],
    // The official schedules announced so far are built in (domain/calendar/official.ts); this
    // tab holds what the admin adds or corrects, and what is announced but not yet in force.
    defaults: () => [
      ['24/11/2027', HOLIDAY_KIND_LABELS.pending, 'Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW ngày 7/1/2026): chỉ nghỉ khi Bộ luật Lao động được sửa; khi có thông báo, đổi loại thành "Nghỉ".'],
      ['', '', 'Lịch nghỉ chính thức 2024–2026 đã có sẵn trong hệ thống; năm 2026 còn thiếu ngày thứ Bảy làm bù cho 2/1 và ngày nghỉ liền kề 2/9: nhập tại đây khi có thông báo.'],
    ],
    dropdown: { column: 2, values: Object.values(HOLIDAY_KIND_LABELS) },
    widths: [160, 180, 420],
  },
  {
    key: 'templates',
    name: 'Mẫu trả lời',
    header: ['Lĩnh vực (để trống: dùng cho mọi lĩnh vực)', 'Mẫu trả lời ({{ma}}, {{linh_vuc}}, {{uy_ban}} được điền tự động)'],
    defaults: () => [['', DEFAULT_ANSWER_TEMPLATE]],
    widths: [260, 620],
  },
];

export function readSettingsTables(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { tables: SettingsTables; missing: SettingsTabSpec[] } {
  const tables = { general: [], groups: [], categories: [], bodies: [], staff: [], holidays: [], templates: [] } as SettingsTables;
  const missing: SettingsTabSpec[] = [];
  for (const spec of SETTINGS_TABS) {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) {
      missing.push(spec);
      continue;
    }
    if (spec.key === 'staff') {
      tables.staff = staffRows(ss);
      continue;
    }
    const last = sheet.getLastRow();
    tables[spec.key] = last > 1 ? sheet.getRange(2, 1, last - 1, spec.header.length).getValues() : [];
  }
  return { tables, missing };
}

/** Creates one settings tab with its defaults; text columns are plain text so "0912…" stays as typed. */
export function createSettingsTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: SettingsTabSpec, setupUser: string): unknown[][] {
  const sheet = ss.insertSheet(spec.name);
  const width = spec.header.length;
  const rows = spec.defaults(setupUser);
  sheet.getRange(1, 1, 1, width).setValues([spec.header]).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  const formats = spec.header.map((_, i) => (spec.key === 'general' && i === 1 ? 'General' : spec.key === 'holidays' && i === 0 ? 'dd/MM/yyyy' : '@'));
  const rowFormats = Array.from({ length: sheet.getMaxRows() - 1 }, (_, r) => (spec.key === 'general' && rows[r]?.[0] === GENERAL_KEYS.phone ? formats.map(() => '@') : formats));
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, width).setNumberFormats(rowFormats);
  if (rows.length) sheet.getRange(2, 1, rows.length, width).setValues(rows);
  if (spec.dropdown) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(spec.dropdown.values, true).setAllowInvalid(false).build();
    sheet.getRange(2, spec.dropdown.column, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
  }
  spec.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  return rows;
}

/**
 * Rows of "Cài đặt" added by later versions (e.g. the ward's phone number), appended to an
 * existing tab with their defaults: the admin's own rows are never touched. One write.
 */
export function addMissingGeneralRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tables: SettingsTables): string[] {
  const spec = SETTINGS_TABS.find((t) => t.key === 'general')!;
  const have = new Set(tables.general.map((r) => String(r[0] ?? '').trim()));
  const add = spec.defaults('').filter((r) => !have.has(String(r[0])));
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet || add.length === 0) return [];
  const start = sheet.getLastRow() + 1;
  const range = sheet.getRange(start, 1, add.length, spec.header.length);
  // Plain text, so a phone number keeps its leading 0.
  range.setNumberFormats(add.map((r) => spec.header.map((_, i) => (i === 1 && r[0] !== GENERAL_KEYS.phone ? 'General' : '@'))));
  range.setValues(add);
  tables.general.push(...add);
  return add.map((r) => String(r[0]));
}
