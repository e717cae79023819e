/**
 * Every Vietnamese sentence users see lives in i18n/, by area, so the wording is reviewed
 * together: this file holds the menus, the sidebar's frame, the form, intake's notes, setup and
 * the errors; cases.ts the inbox and case view, mail.ts the e-mails, public.ts the web app's
 * pages, documents.ts printed paper, reports.ts the reports tab and the report Docs (all
 * re-exported here, so one import serves), settings.ts what admins read about the settings tabs,
 * address.ts how residents and staff are addressed. Stored words — statuses, tab names, role names — are
 * not messages: they live in domain/vocabulary.ts.
 */
import { STAFF_ADDRESS } from './address';

import { PAPER } from './documents';
import { LOADING } from './public';
import { CASES, SENDER_SEARCH } from './cases';
import { REPORTS } from './reports';
import { ARCHIVE } from './archive';

export { PAPER, PAPER_SLIPS } from './documents';
export { PORTAL, PUBLIC } from './public';
export { CASE_UI, CASES, INBOX_UI, SENDER_SEARCH } from './cases';
export { ACK, NOTICE, REPLY } from './mail';
export { ADOPTION, REMINDERS, REPORTS } from './reports';
export { ARCHIVE } from './archive';
export { MAILBOX, MAILBOX_SETUP } from './mailbox';

export const MENU = {
  /** The add-on menu itself carries the add-on's name, "Hòm thư số". */
  openSidebar: 'Mở hòm thư',
  setup: 'Thiết lập hòm thư',
  resync: 'Đồng bộ lại',
  posters: 'In mã QR',
  postersMade: 'Đã lập tài liệu mã QR (mỗi tổ dân phố, trụ sở Ủy ban và Trung tâm Phục vụ hành chính công một trang A4):',
  stickers: 'In tem dán mã QR',
  placeInvalid: 'Nơi đặt mã không có trong danh sách tổ dân phố (hoặc trụ sở Ủy ban, Trung tâm Phục vụ hành chính công).',
  allPlaces: 'Tất cả nơi đặt mã',
  place: 'In cho',
  formOutdated: 'Biểu mẫu chưa có câu hỏi về nơi đặt mã QR hoặc về tổ dân phố. Vui lòng chọn "Thiết lập hòm thư" trong trình đơn để cập nhật biểu mẫu, rồi in lại.',
  webFormNeedsWebApp: 'Tab "Cài đặt" chọn "Biểu mẫu trên trang web" cho mã QR, nhưng trang web của phường chưa được triển khai. Hãy triển khai trang web (README, mục "Triển khai"), hoặc chọn lại "Google Biểu mẫu".',
  stickersMade: 'Đã lập tờ tem dán mã QR (mỗi nơi đặt mã một tem, 12 tem một trang A4):',
  open: 'Mở tài liệu để in',
} as const;

export const SIDEBAR = {
  title: 'Hòm thư số',
  loading: LOADING,
  /** The tab bar's name, read by screen readers. */
  sections: 'Chức năng',
  failed: 'Không liên lạc được với máy chủ. Vui lòng thử lại.',
  retry: 'Thử lại',
  notSetUp: 'Hòm thư chưa được thiết lập. Cán bộ quản trị hãy chọn menu Tiện ích › Hòm thư số › Thiết lập hòm thư.',
  noRole: (user: string) => `Tài khoản ${user} chưa có vai trò trong tab "Cán bộ". Vui lòng liên hệ cán bộ quản trị.`,
  signedInAs: (user: string, role: string) => `${user} — ${role}`,
  formLink: 'Đường dẫn biểu mẫu cho người dân (in mã QR):',
  entryTitle: 'Nhập ý kiến nhận qua kênh khác',
  entryHelp: 'Dùng cho ý kiến từ hòm thư giấy, trực tiếp, điện thoại, email hoặc Zalo.',
  channel: 'Kênh tiếp nhận',
  receivedAt: 'Thời điểm tiếp nhận',
  group: 'Tổ dân phố',
  groupOther: 'Khác / không rõ',
  topic: 'Lĩnh vực (nếu người dân nêu)',
  topicNone: '— Không nêu —',
  content: 'Nội dung',
  location: 'Địa điểm',
  contactTitle: 'Thông tin liên hệ (chỉ cán bộ quản trị xem được)',
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  email: 'Email',
  confidential: 'Người gửi muốn giữ bí mật danh tính',
  save: 'Lưu ý kiến',
  saving: 'Đang lưu…',
  readOnly: `Vai trò của ${STAFF_ADDRESS.inSentence} chỉ được xem.`,
} as const;

export const FORM = {
  title: (committee: string) => `Hòm thư số — Góp ý, phản ánh, kiến nghị gửi ${committee}`,
  description: (committee: string, normal: number, complex: number) =>
    `Mời người dân gửi ý kiến góp ý, phản ánh, kiến nghị. ${committee} tiếp nhận, phân loại và chuyển đến cơ quan có thẩm quyền giải quyết.\n\n` +
    `Ý kiến được trả lời trong ${normal} ngày làm việc (vụ việc phức tạp không quá ${complex} ngày làm việc). Thông tin người góp ý được bảo mật.`,
  group: 'Ông/Bà ở tổ dân phố nào?',
  groupOther: 'Khác (ngoài các tổ dân phố trên)',
  topic: 'Ý kiến của ông/bà về lĩnh vực nào? (không bắt buộc)',
  content: 'Nội dung góp ý, phản ánh, kiến nghị',
  contentHelp: 'Xin ghi rõ sự việc, thời gian và mong muốn của ông/bà.',
  location: 'Địa điểm cụ thể (nếu có)',
  contactHeader: 'Thông tin liên hệ (không bắt buộc)',
  contactHelp:
    'Để Ủy ban báo mã ý kiến và kết quả trả lời cho ông/bà. Không có email, ông/bà có thể để lại số điện thoại: cán bộ sẽ gọi điện trả lời. ' +
    'Chỉ cán bộ quản trị được xem thông tin này.',
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  phoneHelp: 'Ví dụ: 0912 345 678 (di động) hoặc 024 3825 1234 (cố định).',
  phoneInvalid: 'Số điện thoại chưa đúng. Ví dụ: 0912 345 678 (di động) hoặc 024 3825 1234 (cố định).',
  email: 'Email (để nhận mã ý kiến và kết quả)',
  emailInvalid: 'Email chưa đúng, ví dụ: nguyenvana@gmail.com',
  /** The web form's own checks, as Google Forms words them. */
  required: 'Đây là câu hỏi bắt buộc.',
  choiceInvalid: 'Vui lòng chọn một mục trong danh sách.',
  tooLong: (max: number) => `Nội dung dài quá: tối đa ${max.toLocaleString('vi-VN')} ký tự.`,
  confidential: 'Bảo mật danh tính',
  confidentialChoice: 'Giữ bí mật danh tính của tôi',
  privacyHeader: 'Về việc sử dụng thông tin cá nhân',
  /**
   * Where the QR code was scanned: chosen already by the poster's link (Google Forms has no hidden
   * fields), so the ward knows the office's and the public service centre's codes apart from the
   * groups'. Last, optional, and said to need nothing from the resident.
   */
  place: 'Mã QR ông/bà vừa quét ở đâu?',
  placeHelp: 'Ô này đã được chọn sẵn theo mã QR, ông/bà không cần chọn lại.',
  placeGroup: 'Bảng tin tổ dân phố',
  placeOffice: 'Trụ sở Ủy ban nhân dân phường',
  placeCentre: 'Trung tâm Phục vụ hành chính công',
  privacyNotice:
    'Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân: họ tên, số điện thoại và email ông/bà cung cấp chỉ dùng để trả lời ý kiến của ông/bà; ' +
    'được lưu riêng, chỉ cán bộ quản trị của Ủy ban MTTQ phường được xem, và mọi lần xem đều được ghi lại. Kết quả công khai hằng tháng không nêu tên. ' +
    'Ông/Bà có thể gửi ý kiến mà không để lại thông tin liên hệ.',
  /**
   * The page after "Gửi". Google Forms' confirmation is the same for everyone (it cannot show the
   * case code), so it says what every resident needs — above all those who left no e-mail.
   */
  confirmation: (p: { committee: string; normal: number; complex: number; contact: string; boardUrl?: string }) =>
    [
      `Cảm ơn ông/bà đã gửi ý kiến đến ${p.committee}.`,
      `Ý kiến được trả lời trong ${p.normal} ngày làm việc (vụ việc phức tạp không quá ${p.complex} ngày làm việc).`,
      'Nếu ông/bà để lại email, mã ý kiến và hạn trả lời được gửi ngay vào email. Nếu chỉ để lại số điện thoại, cán bộ sẽ gọi điện trả lời.',
      `Để hỏi về ý kiến của mình, ông/bà liên hệ: ${p.contact}`,
      `Kết quả trả lời được công khai hằng tháng, không nêu tên người gửi, tại bảng tin của tổ dân phố và trụ sở Ủy ban${p.boardUrl ? ` và trên trang: ${p.boardUrl}` : ''}.`,
      'Danh tính của ông/bà được giữ bí mật: chỉ cán bộ quản trị của Ủy ban được xem họ tên, số điện thoại và email.',
    ].join('\n\n'),
} as const;

/**
 * Titles questions had in forms made by earlier versions (they called residents "bạn"): setup
 * finds a question by any of them and renames it; responses recorded under one are still read.
 */
export const FORMER_FORM_TITLES = {
  group: ['Bạn ở tổ dân phố nào?'],
  topic: ['Ý kiến của bạn về lĩnh vực nào? (không bắt buộc)'],
} as const;

/** What stands where text was hidden from what others read. */
export const MASKS = {
  /** In published text: short, Vietnamese, and with no digit a later scrubbing rule could see. */
  hidden: '[đã ẩn]',
  /** In error messages: a phone-like digit run. */
  phone: '[số điện thoại]',
} as const;

/** A case's system notes ("Ghi chú hệ thống"), written at intake for staff to read. */
export const INTAKE_NOTES = {
  hiddenCharacters: (n: number) => `Đã ẩn ${n} ký tự điều khiển/vô hình; xem cột "Nội dung gốc".`,
  formulaStart: 'Nội dung bắt đầu bằng ký tự công thức (=, +, -, @): được lưu nguyên văn dạng chữ.',
  long: (length: number) => `Nội dung dài ${length} ký tự: phần tiếp theo ở tab "Nội dung dài".`,
  groupUnknown: (typed: string) => (typed ? `Tổ dân phố "${typed}" không có trong danh sách.` : 'Chưa rõ tổ dân phố.'),
  emailInvalid: 'Email người gửi không hợp lệ: không gửi thư.',
  phoneInvalid: 'Số điện thoại người gửi không hợp lệ.',
  /** The errors tab's reference to a form response. */
  responseAt: (stamp: string) => `Câu trả lời biểu mẫu lúc ${stamp}`,
} as const;

export const SETUP = {
  notAdmin: 'Chỉ cán bộ có vai trò "Quản trị" trong tab "Cán bộ" mới được thiết lập hòm thư.',
  done: 'Đã thiết lập hòm thư.',
  nothingChanged: 'Hòm thư đã được thiết lập đầy đủ; không có gì thay đổi.',
  busy: 'Hòm thư đang bận (cán bộ đang thao tác hoặc tác vụ hằng giờ đang chạy). Chưa có gì được thay đổi — vui lòng chạy lại "Thiết lập hòm thư" sau ít phút.',
  busyHalfway: 'Hòm thư đang bận nên việc thiết lập chưa xong (các tab đã được tạo hoặc bổ sung vẫn giữ nguyên). Vui lòng chạy lại "Thiết lập hòm thư" sau ít phút để hoàn tất.',
  created: (names: string[]) => `Đã tạo: ${names.join(', ')}.`,
  repaired: (names: string[]) => `Đã bổ sung: ${names.join(', ')}.`,
  formLink: (url: string) => `Đường dẫn biểu mẫu (dùng để tạo mã QR): ${url}`,
  triggerOther: (owner: string) => `Trình kích hoạt tiếp nhận đang chạy dưới tài khoản ${owner}.`,
  settingsProblems: (n: number) => `Có ${n} dòng cài đặt cần sửa (xem tab "Lỗi").`,
  /** What setup made or added, listed in "Đã tạo: …" and "Đã bổ sung: …". */
  tab: (name: string) => `tab "${name}"`,
  question: (title: string) => `câu hỏi "${title}"`,
  questionTitle: (title: string) => `tiêu đề câu hỏi "${title}"`,
  choices: (title: string) => `danh sách "${title}"`,
  formTexts: 'lời giới thiệu và trang xác nhận của biểu mẫu',
  /** A log line only: the old form could not be opened, a new one is made. */
  formUnreadable: (reason: string) => `Hòm thư số: không mở được biểu mẫu cũ (${reason}); tạo biểu mẫu mới.`,
  rowsOf: (labels: string[], tab: string) => `dòng ${labels.map((a) => `"${a}"`).join(', ')} của tab "${tab}"`,
  columnsOf: (names: string[], tab: string) => `cột ${names.map((a) => `"${a}"`).join(', ')} của tab "${tab}"`,
  form: 'biểu mẫu cho người dân',
  templates: 'mẫu phiếu chuyển và thư trả lời (Google Tài liệu)',
  /** The protections' descriptions, read by anyone who tries to edit. */
  settingsProtection: (tab: string) => `${tab}: chỉ cán bộ quản trị sửa.`,
  rawProtection: 'Câu trả lời gốc của biểu mẫu (có thông tin cá nhân): chỉ cán bộ quản trị.',
  noResponsesTab: 'Không tìm thấy tab câu trả lời của biểu mẫu.',
} as const;

export const RESYNC = {
  notAdmin: 'Chỉ cán bộ "Quản trị" mới được đồng bộ lại.',
  notSetUp: 'Hòm thư chưa được thiết lập. Hãy chọn "Thiết lập hòm thư" trước.',
  result: (recovered: number) => (recovered === 0 ? 'Không có ý kiến nào bị sót: mọi câu trả lời biểu mẫu đã có mã.' : `Đã đồng bộ lại ${recovered} ý kiến bị sót.`),
} as const;

export const ERRORS = {
  where: {
    intake: 'Tiếp nhận ý kiến',
    reconcile: 'Đồng bộ lại',
    outbox: 'Gửi thư',
    settings: 'Cài đặt',
    maintenance: 'Bảo trì hằng giờ',
    staffEntry: 'Nhập ý kiến',
    inbox: 'Hộp thư (thanh bên)',
    caseView: 'Xem ý kiến',
    caseAction: 'Thao tác trên ý kiến',
    contact: 'Xem thông tin người gửi',
    documents: 'Tạo tài liệu',
    reports: 'Báo cáo',
    reminders: 'Nhắc hạn',
    public: 'Trang công khai',
    links: 'Liên kết cơ quan',
    sidebar: 'Thanh bên',
    entryPoint: 'Gọi hàm không đúng cách',
    archive: 'Lưu trữ ý kiến',
    photos: 'Ảnh người dân gửi',
    mailbox: 'Hộp thư chính thức',
  },
  systemError: (code: string) => `Lỗi hệ thống (${code}); lỗi đã được ghi vào tab "Lỗi". Vui lòng thử lại.`,
  notTrigger: 'Hàm này chỉ chạy theo trình kích hoạt của hòm thư.',
  lockTimeout: 'Hệ thống đang bận; ý kiến chưa được vào sổ và sẽ được đồng bộ lại tự động.',
  maybeSent: 'Thư có thể đã được gửi trước khi hệ thống dừng; không gửi lại tự động, vui lòng kiểm tra.',
  unexpected: (message: string) => `Lỗi không mong đợi: ${message}`,
  notSetUp: 'Hòm thư chưa được thiết lập.',
  notInSpreadsheet: 'Hòm thư số chỉ chạy trong bảng tính của phường.',
  noValidEmail: 'Không có địa chỉ email hợp lệ.',
  triggerOwnerNotAdmin: (handler: string) => `${handler}: chủ trình kích hoạt không còn là cán bộ quản trị`,
} as const;

export const STAFF_ENTRY = {
  notAllowed: 'Chỉ cán bộ "Quản trị" mới được nhập ý kiến.',
  contentRequired: 'Vui lòng nhập nội dung ý kiến.',
  channelInvalid: 'Kênh tiếp nhận không hợp lệ.',
  receivedInvalid: 'Thời điểm tiếp nhận không hợp lệ hoặc ở tương lai.',
  busy: 'Hệ thống đang bận, vui lòng thử lại sau ít phút. Ý kiến chưa được lưu.',
  paperSlipLabel: 'Mã in trên phiếu giấy (nếu có, ví dụ GY-2026-P00012)',
  paperSlipOnlyPaper: 'Mã in sẵn chỉ dùng cho phiếu của hòm thư giấy: hãy chọn kênh "Hòm thư giấy" hoặc để trống ô mã.',
  paperSlipInvalid: 'Mã phiếu không đúng dạng. Mã in trên phiếu giấy có dạng GY-2026-P00012.',
  paperSlipNotIssued: (code: string) => `Chưa có phiếu giấy nào được in với mã ${code}. Vui lòng kiểm tra lại mã trên phiếu.`,
  paperSlipUsed: (code: string) => `Phiếu ${code} đã được nhập trước đó (mỗi phiếu chỉ nhập một lần); không lưu lần nữa.`,
  saved: (code: string, due: string) => `Đã lưu ý kiến ${code}. Hạn trả lời: ${due}.`,
  alreadySaved: (code: string) => `Ý kiến này đã được lưu trước đó với mã ${code}; không lưu lần nữa.`,
} as const;

/** Who is calling: the refusals of services/access, one per capability where the wording exists. */
export const ACCESS = {
  /** No identified caller: an anonymous visitor of the web app, or one Google does not name to the script. */
  signInNeeded:
    'Chức năng này chỉ dành cho cán bộ Ủy ban MTTQ phường, trong bảng tính của Hòm thư số. Người dân tra cứu ý kiến bằng mã ý kiến và mã tra cứu; cơ quan xử lý dùng liên kết cá nhân.',
  notStaff: `Tài khoản của ${STAFF_ADDRESS.inSentence} chưa có vai trò trong tab "Cán bộ". Vui lòng liên hệ cán bộ quản trị.`,
  /** Menus and dialogs need the spreadsheet open in front of the person. */
  menuOnly: 'Chức năng này chỉ dùng được từ trình đơn của bảng tính (Tiện ích › Hòm thư số).',
  denied: {
    setup: SETUP.notAdmin,
    resync: RESYNC.notAdmin,
    enterCase: STAFF_ENTRY.notAllowed,
    makeDocuments: PAPER.notAdmin,
    issueLookupKey: CASES.lookupKeyAdminsOnly,
    viewContact: CASES.contactAdminsOnly,
    findSender: SENDER_SEARCH.adminsOnly,
    makeReports: REPORTS.notAllowed,
    viewDashboard: REPORTS.notAllowed,
    manageLinks: 'Chỉ cán bộ quản trị được cấp và thu hồi liên kết cá nhân.',
    viewInbox: `Vai trò của ${STAFF_ADDRESS.inSentence} không được xem hòm thư.`,
    viewCase: `Vai trò của ${STAFF_ADDRESS.inSentence} không được xem ý kiến này.`,
    editPublic: 'Chỉ cán bộ quản trị được viết nội dung công khai.',
    archive: ARCHIVE.notAdmin,
  } as Record<string, string>,
  deniedAction: (label: string) => `Vai trò của ${STAFF_ADDRESS.inSentence} không được "${label}".`,
} as const;

/**
 * Secrets never at rest: in the outbox a lookup key or a personal link's code is
 * only a placeholder (what staff read in "Hộp thư đi"); the sender puts the real one in when the
 * message leaves.
 */
export const SECRET_SLOTS = {
  key: '«mã tra cứu: điền khi gửi thư»',
  link: '«mã liên kết: điền khi gửi thư»',
  /** An outbox row written before secrets were kept out of the tab: what was there instead. */
  redacted: '«đã ẩn»',
  noCase: 'Không tìm thấy ý kiến để điền mã tra cứu khi gửi: thư không được gửi.',
  noLink: 'Liên kết cá nhân mà thư này mang đã hết hạn, bị thu hồi hoặc không phải của người nhận: thư không được gửi. Gửi liên kết mới từ thanh bên › "Liên kết" nếu cần.',
} as const;
