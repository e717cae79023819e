/**
 * What admins read about the settings tabs: the problems found in their rows (shown in "Lỗi" and
 * after setup), the notes setup writes beside the general rows and the holidays, and the default
 * answer template. The tabs' names, headers and row labels are stored values (domain/vocabulary.ts).
 */

export const SETTINGS_PROBLEMS = {
  phoneMissing: (label: string) => `Chưa có "${label}" (tab "Cài đặt"): người dân không có email cần số này để hỏi về ý kiến của mình.`,
  daysOutOfRange: (label: string, fallback: number) => `"${label}" phải là số ngày từ 1 đến 60; đang dùng ${fallback}.`,
  groupsEmpty: 'Danh sách tổ dân phố đang trống; đang dùng danh sách mặc định.',
  categoriesEmpty: 'Danh sách lĩnh vực đang trống; đang dùng danh sách mặc định.',
  policeMissing: (tab: string) => `Chưa có email của Công an phường (tab "${tab}", cột Email): ý kiến bị đánh dấu lợi dụng sẽ không được chuyển Công an phường cho đến khi có email.`,
  bodyEmail: (row: number, email: string) => `Cơ quan xử lý dòng ${row}: email "${email}" không hợp lệ, sẽ không gửi thư.`,
  holidayRow: (row: number, holiday: string, workday: string) => `Ngày nghỉ dòng ${row}: cần ngày (dd/mm/yyyy) và loại "${holiday}" hoặc "${workday}".`,
  posterForm: (label: string, google: string, web: string) => `"${label}" phải là "${google}" hoặc "${web}"; đang dùng "${google}".`,
  cutoff: (label: string, calendar: string, cutoff15: string) => `"${label}" phải là "${calendar}" hoặc "${cutoff15}"; đang dùng "${calendar}".`,
  staffEmail: (row: number, email: string) => `Cán bộ dòng ${row}: email "${email}" không hợp lệ.`,
  staffRole: (row: number, role: string, roles: string[]) => `Cán bộ dòng ${row}: vai trò "${role}" không hợp lệ (${roles.join(' / ')}).`,
} as const;

/** How residents reach the ward, after the contact line an admin wrote. */
export const CONTACT_TEXT = {
  phone: (phone: string) => `điện thoại ${phone}`,
  hours: (hours: string) => `giờ tiếp dân: ${hours}`,
} as const;

/**
 * The answer's substance only: the salutation, the opening ("… xin trả lời như sau:") and the
 * thanks are added once by the e-mail and the letter (domain/reply.ts). "…" must be replaced.
 */
export const DEFAULT_ANSWER_TEMPLATE = 'Kết quả xem xét, giải quyết: …\n\nCơ quan giải quyết: …';

/** Notes setup writes in column C of "Cài đặt", by row. */
export const GENERAL_NOTES = {
  committeeName: 'In trên biểu mẫu, thư và báo cáo.',
  contactLine: 'Nơi người dân đến hỏi về ý kiến của mình.',
  phone: 'In trên trang xác nhận của biểu mẫu, thư báo và thư trả lời; ví dụ 024 3825 1234.',
  officeHours: 'In cùng số điện thoại.',
  normalDays: 'Theo kế hoạch: 07 ngày làm việc.',
  complexDays: 'Không quá 20 ngày làm việc.',
  approvalRequired: (yes: string, no: string) => `${yes} / ${no}`,
  reportParentBody: 'Góc trái đầu báo cáo (Nghị định 30/2020/NĐ-CP).',
  reportOrgan: 'In đậm, có gạch chân ngắn.',
  reportPlace: '"Lưu Kiếm, ngày … tháng … năm …"',
  reportNumber: '"Số: …/BC-MTTQ-BTT"',
  reportSigner: 'Để trống nếu ký tay.',
  posterForm: (web: string) => `"${web}": người dân gửi được ảnh và thấy ngay mã ý kiến, mã tra cứu; không cần tài khoản Google. In lại áp phích, tem sau khi đổi.`,
  reportCutoff: (cutoff15: string) => `"${cutoff15}": quý tính từ ngày 15 của tháng trước quý đến ngày 14 của tháng cuối quý (Nghị định 09/2019/NĐ-CP, Điều 12).`,
} as const;

/** The rows a fresh "Ngày nghỉ" tab starts with, besides the built-in official schedules. */
export const HOLIDAY_NOTES = {
  cultureDay: (holiday: string) => `Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW ngày 7/1/2026): chỉ nghỉ khi Bộ luật Lao động được sửa; khi có thông báo, đổi loại thành "${holiday}".`,
  builtIn: 'Lịch nghỉ chính thức 2024–2026 đã có sẵn trong hệ thống; năm 2026 còn thiếu ngày thứ Bảy làm bù cho 2/1 và ngày nghỉ liền kề 2/9: nhập tại đây khi có thông báo.',
} as const;
