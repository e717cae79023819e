/**
 * Stored values: the Vietnamese words the sheet holds and the code compares — tab names and
 * headers of the settings tabs, the labels of their rows, role names, holiday kinds, and the
 * defaults a fresh ward starts with (its groups, categories, bodies, report header). They are
 * Vietnamese because staff read and edit them in the sheet; each is declared here once, and a
 * change here changes what existing sheets must contain.
 *
 * The case's own vocabulary (channels, statuses, outcomes) is domain/case.ts, re-exported here;
 * the cases, audit and other system tabs are declared by their schema (services/platform/sheets).
 */
export * from './case';

/** Staff roles as the "Cán bộ" tab spells them. */
export const ROLE_LABELS = { admin: 'Quản trị', handler: 'Xử lý', viewer: 'Xem' } as const;

/** Yes and no as a settings cell holds them (yes is read loosely: "có", "co", "yes", "true", "x"). */
export const YES_NO = { yes: 'Có', no: 'Không' } as const;

/** The rows of the general settings tab, by their label in column A. */
export const GENERAL_ROWS = {
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
  posterForm: 'Mã QR và đường dẫn mở biểu mẫu (Google Biểu mẫu / Biểu mẫu trên trang web)',
} as const;

/** Which form the QR posters, stickers and place links open. */
export const POSTER_FORM_LABELS = { google: 'Google Biểu mẫu', web: 'Biểu mẫu trên trang web' } as const;

export const CUTOFF_LABELS = { calendar: 'Theo lịch', cutoff15: 'Chốt ngày 14' } as const;

/**
 * "Chờ xác nhận": a day off announced as coming but not yet law (e.g. 24/11, Ngày Văn hóa Việt
 * Nam, Resolution 80-NQ/TW, pending the Labour Code amendment): it changes nothing until an admin
 * turns it into "Nghỉ".
 */
export const HOLIDAY_KIND_LABELS = { holiday: 'Nghỉ', workday: 'Làm việc', pending: 'Chờ xác nhận' } as const;

/** The settings tabs' names and header rows. */
export const SETTINGS_TAB = {
  general: { name: 'Cài đặt', header: ['Mục', 'Giá trị', 'Ghi chú'] },
  groups: { name: 'Tổ dân phố', header: ['Tổ dân phố'] },
  categories: { name: 'Lĩnh vực', header: ['Lĩnh vực', 'Từ khóa (cách nhau bằng dấu phẩy; không phân biệt dấu, hoa thường)'] },
  bodies: { name: 'Cơ quan xử lý', header: ['Cơ quan', 'Email'] },
  staff: { name: 'Cán bộ', header: ['Email', `Vai trò (${Object.values(ROLE_LABELS).join(' / ')})`, 'Cơ quan (với vai trò Xử lý)'] },
  holidays: { name: 'Ngày nghỉ', header: ['Ngày (dd/mm/yyyy)', `Loại (${Object.values(HOLIDAY_KIND_LABELS).join(' / ')})`, 'Ghi chú (ví dụ: hoán đổi ngày làm việc theo thông báo của Chính phủ)'] },
  templates: { name: 'Mẫu trả lời', header: ['Lĩnh vực (để trống: dùng cho mọi lĩnh vực)', 'Mẫu trả lời ({{ma}}, {{linh_vuc}}, {{uy_ban}} được điền tự động)'] },
} as const;

/** The empty first sheet Google gives a new spreadsheet, by locale: setup removes it. */
export const BLANK_SHEET_NAMES = ['Trang tính1', 'Sheet1'] as const;

/** What a fresh ward's settings tabs hold until an admin edits them. */
export const DEFAULT_WARD = {
  wardName: 'Phường Lưu Kiếm',
  committeeName: 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm',
  contactLine: 'Văn phòng Ủy ban MTTQ Việt Nam phường',
  officeHours: 'sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu',
  group: (n: number) => `Tổ dân phố ${n}`,
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
  bodies: ['UBND phường', 'Công an phường', 'Ủy ban MTTQ Việt Nam phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội', 'Ban Công tác Mặt trận tổ dân phố'],
  report: {
    parentBody: 'ỦY BAN MTTQ VIỆT NAM',
    localBody: 'PHƯỜNG LƯU KIẾM',
    organ: 'BAN THƯỜNG TRỰC',
    place: 'Lưu Kiếm',
    numberSuffix: 'BC-MTTQ-BTT',
    recipients: ['Thường trực Đảng ủy phường (để báo cáo);', 'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố (để báo cáo);', 'UBND phường (để phối hợp);', 'Lưu: VT.'],
    signFor: 'TM. BAN THƯỜNG TRỰC',
    signTitle: 'CHỦ TỊCH',
  },
} as const;

/**
 * Actions as the audit tab ("Nhật ký") and a case's history name them. A filing's row is read
 * back by reconcile (its "after" is the response key), so these are compared, not only shown.
 * The case actions' own names are the state machine's (domain/lifecycle.ts).
 */
export const AUDIT_ACTION = {
  filed: 'Tiếp nhận',
  restored: 'Khôi phục',
  posters: 'In mã QR',
  stickers: 'In tem dán mã QR',
  paperSlips: 'In phiếu góp ý giấy',
  transferSlip: 'Lập phiếu chuyển',
  letter: 'Lập thư trả lời',
  groupAnswerSheets: 'Lập phiếu trả lời theo tổ dân phố',
  report: 'Lập báo cáo',
  publication: 'Lập bản công khai',
} as const;

/** The audit field of a filing: its value is the form response's key. */
export const AUDIT_FIELD = { responseKey: 'Mã phản hồi biểu mẫu' } as const;

/** Who acted, when no staff member did: the form's filings and the system's own repairs. */
export const NON_STAFF_ACTOR = { form: 'Biểu mẫu', system: 'Hệ thống' } as const;

/** The outbox's recipient for a resident: the sender looks the address up in "Người gửi" by case code. */
export const RESIDENT_RECIPIENT = 'Người gửi';

/** The outbox tab's message kinds written outside the case actions. */
export const OUTBOX_KIND = { acknowledgement: 'Báo tiếp nhận' } as const;

/** The outbox tab's "Trạng thái": the sender reads it back to decide what to send. */
export const OUTBOX_STATUS = {
  waiting: 'Chờ gửi',
  /** Claimed by a run of the hourly job that is sending it (its "Gửi lúc": when it was claimed). */
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  uncertain: 'Cần kiểm tra',
  failed: 'Không gửi được',
  /** A second row with the id of a message already sent or queued: never sent. */
  duplicate: 'Trùng, không gửi',
} as const;
