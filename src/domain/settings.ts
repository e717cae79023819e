/**
 * The ward's settings, which an admin edits in the settings tabs: names, residential groups,
 * categories with their keywords, handling bodies, staff roles, deadlines and calendar
 * overrides. Parsing is pure and forgiving: a bad row is reported (in Vietnamese) and skipped,
 * never allowed to stop intake.
 */
import { parseIsoDate, parseDmy, fromYmd, vietnamDayOf, type CivilDay } from './calendar/civil-date';
import type { CalendarOverride } from './calendar/working-calendar';
import { parseKeywordList, type CategoryRule } from './classify';
import { checkEmail } from './contact';

export type Role = 'admin' | 'handler' | 'viewer';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Quản trị', handler: 'Xử lý', viewer: 'Xem' };

export interface StaffMember {
  email: string;
  role: Role;
  /** The handling body a handler works for. */
  body: string;
}

export interface HandlingBody {
  name: string;
  email: string;
}

export interface Settings {
  wardName: string;
  committeeName: string;
  /** Where residents follow up (the office), printed in acknowledgements, answers and the form. */
  contactLine: string;
  /** The ward's phone number for residents without e-mail ('' until an admin fills it in). */
  phone: string;
  /** When the office receives residents. */
  officeHours: string;
  groups: string[];
  categories: CategoryRule[];
  bodies: HandlingBody[];
  staff: StaffMember[];
  deadlineDays: { normal: number; complex: number };
  approvalRequired: boolean;
  calendarOverrides: CalendarOverride[];
  /** Answer templates by category ('' = for any category); {{ma}}, {{linh_vuc}}, {{uy_ban}} are filled in. */
  answerTemplates: Record<string, string>;
  /** What the report Docs print in their header and signature block (Decree 30/2020/NĐ-CP layout). */
  report: ReportSettings;
}

export interface ReportSettings {
  /** Upper line of the issuing body, left: "ỦY BAN MTTQ VIỆT NAM". */
  parentBody: string;
  /** Second line: "PHƯỜNG LƯU KIẾM". */
  localBody: string;
  /** The issuing organ, bold: "BAN THƯỜNG TRỰC". */
  organ: string;
  /** Place in "Lưu Kiếm, ngày … tháng … năm …". */
  place: string;
  /** Number suffix: "Số: …/BC-MTTQ-BTT". */
  numberSuffix: string;
  /** "Nơi nhận", one per line. */
  recipients: string[];
  /** "TM. BAN THƯỜNG TRỰC" / "CHỦ TỊCH". */
  signFor: string;
  signTitle: string;
  /** The signer's name ('' leaves the line for a hand signature). */
  signer: string;
  /** How a period's days are counted: calendar periods, or the data cut-off of Decree 09/2019/NĐ-CP art. 12. */
  cutoff: 'calendar' | 'cutoff15';
}

/**
 * The answer's substance only: the salutation, the opening ("… xin trả lời như sau:") and the
 * thanks are added once by the e-mail and the letter (domain/reply.ts). "…" must be replaced.
 */
export const DEFAULT_ANSWER_TEMPLATE = 'Kết quả xem xét, giải quyết: …\n\nCơ quan giải quyết: …';

/** A template's blank the writer has not filled: a "…" or "..." standing as a word, or a {{field}}. */
export function unfilledBlank(text: string): boolean {
  return /(^|[\s:(])(…|\.\.\.)(?=$|[\s)])/m.test(text) || /\{\{\w+\}\}/.test(text);
}

/** How residents reach the ward: the office, its phone, its hours — the parts an admin filled in. */
export function contactText(s: Pick<Settings, 'contactLine' | 'phone' | 'officeHours'>): string {
  const parts = [s.contactLine.replace(/[.\s]+$/, '')];
  if (s.phone) parts.push(`điện thoại ${s.phone}`);
  if (s.officeHours) parts.push(`giờ tiếp dân: ${s.officeHours.replace(/[.\s]+$/, '')}`);
  return `${parts.filter(Boolean).join('; ')}.`;
}

/** A template with its placeholders filled for one case. */
export function fillTemplate(template: string, values: { code: string; category: string; committee: string }): string {
  return template.replace(/\{\{ma\}\}/g, values.code).replace(/\{\{linh_vuc\}\}/g, values.category).replace(/\{\{uy_ban\}\}/g, values.committee);
}

export function answerTemplateFor(settings: Settings, category: string): string {
  return settings.answerTemplates[category] || settings.answerTemplates[''] || DEFAULT_ANSWER_TEMPLATE;
}

/** Rows of the general settings tab: label → key. */
export const GENERAL_KEYS = {
  wardName: 'Tên phường',
  committeeName: 'Tên Ủy ban',
  contactLine: 'Thông tin liên hệ (in trong thư báo tiếp nhận)',
  phone: 'Số điện thoại tiếp nhận ý kiến',
  officeHours: 'Giờ tiếp dân',
  normalDays: 'Số ngày làm việc để trả lời',
  complexDays: 'Số ngày làm việc để trả lời vụ việc phức tạp',
  approvalRequired: 'Trả lời phải được Chủ tịch duyệt',
  reportParentBody: 'Báo cáo: cơ quan cấp trên (dòng 1)',
  reportLocalBody: 'Báo cáo: tên cơ quan (dòng 2)',
  reportOrgan: 'Báo cáo: cơ quan ban hành',
  reportPlace: 'Báo cáo: địa danh',
  reportNumber: 'Báo cáo: ký hiệu số',
  reportRecipients: 'Báo cáo: nơi nhận (cách nhau bằng dấu ;)',
  reportSignFor: 'Báo cáo: thẩm quyền ký',
  reportSignTitle: 'Báo cáo: chức vụ người ký',
  reportSigner: 'Báo cáo: họ tên người ký',
  reportCutoff: 'Báo cáo: cách tính kỳ (Theo lịch / Chốt ngày 14)',
} as const;

export const CUTOFF_LABELS = { calendar: 'Theo lịch', cutoff15: 'Chốt ngày 14' } as const;

/**
 * "Chờ xác nhận": a day off announced as coming but not yet law (e.g. 24/11, Ngày Văn hóa Việt
 * Nam, Resolution 80-NQ/TW, pending the Labour Code amendment): it changes nothing until an admin
 * turns it into "Nghỉ".
 */
export const HOLIDAY_KIND_LABELS = { holiday: 'Nghỉ', workday: 'Làm việc', pending: 'Chờ xác nhận' } as const;

export const DEFAULT_GROUP_COUNT = 40;

export const DEFAULT_SETTINGS: Settings = {
  wardName: 'Phường Lưu Kiếm',
  committeeName: 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm',
  contactLine: 'Văn phòng Ủy ban MTTQ Việt Nam phường',
  phone: '',
  officeHours: 'sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu',
  groups: Array.from({ length: DEFAULT_GROUP_COUNT }, (_, i) => `Tổ dân phố ${i + 1}`),
  categories: [
    { category: 'Môi trường', keywords: ['rác', 'rác thải', 'ô nhiễm', 'mùi hôi', 'khói', 'bụi', 'nước thải', 'ngập', 'ngập úng', 'vệ sinh môi trường', 'cây xanh'] },
    { category: 'Trật tự đô thị', keywords: ['lấn chiếm', 'vỉa hè', 'lòng đường', 'xây dựng trái phép', 'quảng cáo', 'đỗ xe', 'họp chợ', 'biển hiệu'] },
    { category: 'Hạ tầng, giao thông', keywords: ['đường hỏng', 'ổ gà', 'đèn đường', 'chiếu sáng', 'cống', 'mặt đường', 'sụt lún', 'giao thông', 'cầu'] },
    { category: 'Thủ tục hành chính', keywords: ['thủ tục', 'hồ sơ', 'giấy tờ', 'chứng thực', 'cư trú', 'căn cước', 'đất đai', 'sổ đỏ', 'một cửa'] },
    { category: 'An sinh xã hội', keywords: ['hộ nghèo', 'trợ cấp', 'chính sách', 'người có công', 'bảo hiểm', 'khám chữa bệnh', 'người cao tuổi', 'khuyết tật'] },
    { category: 'An ninh, trật tự', keywords: ['trộm', 'mất trộm', 'đánh nhau', 'ma túy', 'cờ bạc', 'tệ nạn', 'gây rối', 'lừa đảo', 'an ninh'] },
    { category: 'Đời sống khu dân cư', keywords: ['tiếng ồn', 'karaoke', 'hàng xóm', 'nhà văn hóa', 'sinh hoạt cộng đồng', 'văn hóa'] },
    { category: 'Xây dựng Đảng, chính quyền', keywords: ['cán bộ', 'thái độ', 'nhũng nhiễu', 'tham nhũng', 'đảng viên', 'chính quyền'] },
    { category: 'Khác', keywords: [] },
  ],
  bodies: [
    { name: 'UBND phường', email: '' },
    { name: 'Công an phường', email: '' },
    { name: 'Ủy ban MTTQ Việt Nam phường', email: '' },
    { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', email: '' },
    { name: 'Phòng Văn hóa - Xã hội', email: '' },
    { name: 'Ban Công tác Mặt trận tổ dân phố', email: '' },
  ],
  staff: [],
  deadlineDays: { normal: 7, complex: 20 },
  approvalRequired: false,
  calendarOverrides: [],
  answerTemplates: {},
  report: {
    parentBody: 'ỦY BAN MTTQ VIỆT NAM',
    localBody: 'PHƯỜNG LƯU KIẾM',
    organ: 'BAN THƯỜNG TRỰC',
    place: 'Lưu Kiếm',
    numberSuffix: 'BC-MTTQ-BTT',
    recipients: ['Thường trực Đảng ủy phường (để báo cáo);', 'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố (để báo cáo);', 'UBND phường (để phối hợp);', 'Lưu: VT.'],
    signFor: 'TM. BAN THƯỜNG TRỰC',
    signTitle: 'CHỦ TỊCH',
    signer: '',
    cutoff: 'calendar',
  },
};

export interface SettingsTables {
  general: unknown[][];
  groups: unknown[][];
  categories: unknown[][];
  bodies: unknown[][];
  staff: unknown[][];
  holidays: unknown[][];
  templates: unknown[][];
}

export interface ParsedSettings {
  settings: Settings;
  /** Rows that were skipped, and why, in Vietnamese. */
  problems: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v)).trim();

function dayOf(v: unknown): CivilDay | null {
  if (v instanceof Date) return vietnamDayOf(v);
  const t = text(v);
  const iso = parseIsoDate(t);
  if (iso !== null) return iso;
  const dmy = parseDmy(t);
  return dmy ? fromYmd(dmy.year, dmy.month, dmy.day) : null;
}

function yes(v: unknown): boolean {
  return v === true || /^(có|co|yes|true|x)$/i.test(text(v));
}

/** Tables are sheet values without their header rows. */
export function parseSettings(tables: SettingsTables): ParsedSettings {
  const problems: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, deadlineDays: { ...DEFAULT_SETTINGS.deadlineDays } };

  const general = new Map(tables.general.map((r) => [text(r[0]), r[1]]));
  const str = (label: string, fallback: string) => text(general.get(label)) || fallback;
  s.wardName = str(GENERAL_KEYS.wardName, s.wardName);
  s.committeeName = str(GENERAL_KEYS.committeeName, s.committeeName);
  s.contactLine = str(GENERAL_KEYS.contactLine, s.contactLine);
  // A number typed into a General-format cell loses its leading 0 (and may be a number).
  const phone = general.get(GENERAL_KEYS.phone);
  s.phone = typeof phone === 'number' ? `0${phone}` : text(phone);
  s.officeHours = str(GENERAL_KEYS.officeHours, s.officeHours);
  if (!s.phone) problems.push(`Chưa có "${GENERAL_KEYS.phone}" (tab "Cài đặt"): người dân không có email cần số này để hỏi về ý kiến của mình.`);
  const days = (label: string, fallback: number) => {
    const raw = general.get(label);
    if (raw === undefined || text(raw) === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 60) return n;
    problems.push(`"${label}" phải là số ngày từ 1 đến 60; đang dùng ${fallback}.`);
    return fallback;
  };
  s.deadlineDays = { normal: days(GENERAL_KEYS.normalDays, 7), complex: days(GENERAL_KEYS.complexDays, 20) };
  s.approvalRequired = yes(general.get(GENERAL_KEYS.approvalRequired));

  const groups = tables.groups.map((r) => text(r[0])).filter(Boolean);
  s.groups = groups.length ? [...new Set(groups)] : s.groups;
  if (!groups.length) problems.push('Danh sách tổ dân phố đang trống; đang dùng danh sách mặc định.');

  const categories = tables.categories.filter((r) => text(r[0])).map((r) => ({ category: text(r[0]), keywords: parseKeywordList(text(r[1])) }));
  if (categories.length) s.categories = categories;
  else problems.push('Danh sách lĩnh vực đang trống; đang dùng danh sách mặc định.');

  const bodies: HandlingBody[] = [];
  tables.bodies.forEach((r, i) => {
    const name = text(r[0]);
    if (!name) return;
    const email = text(r[1]);
    if (email && !checkEmail(email).valid) problems.push(`Cơ quan xử lý dòng ${i + 2}: email "${email}" không hợp lệ, sẽ không gửi thư.`);
    bodies.push({ name, email: email && checkEmail(email).valid ? email : '' });
  });
  if (bodies.length) s.bodies = bodies;

  const staff = parseStaff(tables.staff);
  s.staff = staff.staff;
  problems.push(...staff.problems);

  s.calendarOverrides = [];
  tables.holidays.forEach((r, i) => {
    if (!text(r[0]) && !(r[0] instanceof Date)) return;
    const day = dayOf(r[0]);
    const kindText = text(r[1]).toLowerCase();
    if (kindText === HOLIDAY_KIND_LABELS.pending.toLowerCase()) return;
    const kind = kindText === HOLIDAY_KIND_LABELS.holiday.toLowerCase() ? 'holiday' : kindText === HOLIDAY_KIND_LABELS.workday.toLowerCase() ? 'workday' : null;
    if (day === null || !kind) problems.push(`Ngày nghỉ dòng ${i + 2}: cần ngày (dd/mm/yyyy) và loại "Nghỉ" hoặc "Làm việc".`);
    else s.calendarOverrides.push({ day, kind, note: text(r[2]) });
  });
  const r = DEFAULT_SETTINGS.report;
  const recipients = text(general.get(GENERAL_KEYS.reportRecipients));
  const cutoff = text(general.get(GENERAL_KEYS.reportCutoff)).toLowerCase();
  s.report = {
    parentBody: str(GENERAL_KEYS.reportParentBody, r.parentBody),
    localBody: str(GENERAL_KEYS.reportLocalBody, r.localBody),
    organ: str(GENERAL_KEYS.reportOrgan, r.organ),
    place: str(GENERAL_KEYS.reportPlace, r.place),
    numberSuffix: str(GENERAL_KEYS.reportNumber, r.numberSuffix),
    recipients: recipients ? recipients.split(';').map((x) => x.trim()).filter(Boolean) : r.recipients,
    signFor: str(GENERAL_KEYS.reportSignFor, r.signFor),
    signTitle: str(GENERAL_KEYS.reportSignTitle, r.signTitle),
    signer: text(general.get(GENERAL_KEYS.reportSigner)),
    cutoff: cutoff === CUTOFF_LABELS.cutoff15.toLowerCase() ? 'cutoff15' : 'calendar',
  };
  if (cutoff && cutoff !== CUTOFF_LABELS.cutoff15.toLowerCase() && cutoff !== CUTOFF_LABELS.calendar.toLowerCase()) problems.push(`"${GENERAL_KEYS.reportCutoff}" phải là "${CUTOFF_LABELS.calendar}" hoặc "${CUTOFF_LABELS.cutoff15}"; đang dùng "${CUTOFF_LABELS.calendar}".`);
  s.answerTemplates = {};
  for (const r of tables.templates ?? []) {
    const template = text(r[1]);
    if (template) s.answerTemplates[text(r[0])] = template;
  }
  return { settings: s, problems };
}

/** The staff tab's rows (e-mail, role label, body) → members; rows that cannot be used are problems. */
export function parseStaff(rows: unknown[][]): { staff: StaffMember[]; problems: string[] } {
  const byLabel = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label.toLowerCase(), role as Role]));
  const staff: StaffMember[] = [];
  const problems: string[] = [];
  rows.forEach((r, i) => {
    const email = text(r[0]).toLowerCase();
    if (!email) return;
    const role = byLabel.get(text(r[1]).toLowerCase());
    if (!checkEmail(email).valid) problems.push(`Cán bộ dòng ${i + 2}: email "${email}" không hợp lệ.`);
    else if (!role) problems.push(`Cán bộ dòng ${i + 2}: vai trò "${text(r[1])}" không hợp lệ (Quản trị / Xử lý / Xem).`);
    else staff.push({ email, role, body: text(r[2]) });
  });
  return { staff, problems };
}

/**
 * Who left the staff list, or stayed with another role or body, between two versions of it:
 * their personal links must be revoked, not merely refused while they are away (issue 16.6).
 */
export function departedStaff(before: StaffMember[], after: StaffMember[]): string[] {
  const now = new Map(after.map((m) => [m.email, m]));
  return before.filter((m) => {
    const next = now.get(m.email);
    return !next || next.role !== m.role || next.body !== m.body;
  }).map((m) => m.email);
}

export function roleOf(settings: Settings, email: string): StaffMember | null {
  const e = email.trim().toLowerCase();
  return settings.staff.find((m) => m.email === e) ?? null;
}
