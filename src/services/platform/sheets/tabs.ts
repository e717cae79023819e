/**
 * The managed tabs: where each lives, who may edit it, whether it is hidden. The cases tab is the
 * central database; contact details live only in "Người gửi" (hidden, admins only), as do the
 * outbox (it names recipients) and the form's raw responses tab.
 */
import { AUDIT_COLUMNS, CASE_COLUMNS, ERROR_COLUMNS, LONG_TEXT_COLUMNS, MAIL_COLUMNS, OUTBOX_COLUMNS, PHOTO_COLUMNS, STAFF_COLUMNS, SUBMITTER_COLUMNS, SUGGESTION_COLUMNS, SYSTEM_COLUMNS, type StaffColumnKey, type TabSpec } from './schema';
import { defaultLayout, Table, type TabMap } from './table';
import { SETTINGS_TAB } from '../../../domain/vocabulary';

export const TABS = {
  cases: {
    key: 'cases',
    name: 'Ý kiến',
    columns: CASE_COLUMNS,
    hidden: false,
    protection: 'staff',
    description: 'Cơ sở dữ liệu góp ý: chỉ sửa qua thanh bên Hòm thư số.',
  },
  submitters: {
    key: 'submitters',
    name: 'Người gửi',
    columns: SUBMITTER_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Thông tin liên hệ người góp ý (bảo mật, chỉ cán bộ quản trị).',
  },
  audit: {
    key: 'audit',
    name: 'Nhật ký',
    columns: AUDIT_COLUMNS,
    hidden: false,
    protection: 'staff',
    description: 'Nhật ký thao tác: chỉ ghi thêm, không sửa.',
  },
  errors: {
    key: 'errors',
    name: 'Lỗi',
    columns: ERROR_COLUMNS,
    hidden: false,
    protection: 'staff',
    description: 'Lỗi hệ thống cần xử lý.',
  },
  outbox: {
    key: 'outbox',
    name: 'Hộp thư đi',
    columns: OUTBOX_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Thư chờ gửi và đã gửi.',
  },
  longText: {
    key: 'longText',
    name: 'Nội dung dài',
    columns: LONG_TEXT_COLUMNS,
    hidden: true,
    protection: 'staff',
    description: 'Phần tiếp theo của nội dung dài hơn một ô (50.000 ký tự).',
  },
  mail: {
    key: 'mail',
    name: 'Thư điện tử',
    columns: MAIL_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Thư nhận qua hộp thư chính thức: thư nào vào ý kiến nào (chỉ cán bộ quản trị).',
  },
  photos: {
    key: 'photos',
    name: 'Ảnh',
    columns: PHOTO_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Ảnh người dân gửi: tệp trong thư mục Drive riêng của phường (không chia sẻ); chỉ quản trị duyệt hoặc ẩn.',
  },
  system: {
    key: 'system',
    name: 'Hệ thống',
    columns: SYSTEM_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Dữ liệu hệ thống của tiện ích Hòm thư số: không sửa.',
  },
  suggestions: {
    key: 'suggestions',
    name: 'Gợi ý (hệ thống)',
    columns: SUGGESTION_COLUMNS,
    hidden: true,
    protection: 'admins',
    description: 'Những gì gợi ý lĩnh vực, cơ quan xử lý học được từ việc phân loại của cán bộ: không sửa.',
  },
} satisfies Record<string, TabSpec>;

export type TabKey = keyof typeof TABS;

/**
 * The staff list: a settings tab (platform/settings-tabs makes it, with the admin as its first
 * row), not a managed one — the admin's own, protected for admins only.
 */
export const STAFF: TabSpec<StaffColumnKey> = {
  key: 'staff',
  name: SETTINGS_TAB.staff.name,
  columns: STAFF_COLUMNS,
  hidden: false,
  protection: 'admins',
  description: 'Cán bộ được dùng hòm thư: email, vai trò, cơ quan.',
};

/** The staff tab's rows, each column found by its header (read with the rows: 2 calls). */
export function readStaffRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Array<Record<StaffColumnKey, unknown> & { row: number }> {
  return new Table(ss, STAFF, defaultLayout(STAFF)).rowsByHeader();
}
export const TAB_KEYS = Object.keys(TABS) as TabKey[];

/** The column keys of a managed tab. */
export type ColumnKeyOf<T extends TabKey> = (typeof TABS)[T]['columns'][number]['key'];

/**
 * The table object of a managed tab, laid out as `layouts` (the schema state's: where setup found
 * each column) says, or as a fresh setup lays it out when there is no schema state yet.
 */
export function openTable<T extends TabKey>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: T, layouts?: Record<TabKey, TabMap> | null): Table<ColumnKeyOf<T>> {
  const spec = TABS[key] as unknown as TabSpec<ColumnKeyOf<T>>;
  return new Table(ss, spec, layouts?.[key] ?? defaultLayout(spec));
}
