/**
 * Every Vietnamese sentence users see — menus, messages, the form, e-mails — lives in i18n/, so
 * the wording is reviewed together: this file holds what the menus, the sidebar, the form and the
 * mail say; public.ts the web app's pages and documents.ts printed paper (both re-exported here),
 * reports.ts the report and publication Docs, settings.ts what admins read about the settings
 * tabs. Stored words — statuses, tab names, role names — are not messages: they live in
 * domain/vocabulary.ts.
 */

import { RESIDENT } from './address';
import { PAPER } from './documents';
import { LOADING } from './public';

export { PAPER, PAPER_SLIPS } from './documents';
export { PORTAL, PUBLIC } from './public';

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
  readOnly: 'Vai trò của bạn chỉ được xem.',
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

export const ACK = {
  subject: (code: string) => `[Hòm thư số] Đã tiếp nhận ý kiến ${code}`,
  body: (p: { greeting: string; code: string; receivedOn: string; dueOn: string; normal: number; complex: number; committee: string; contact: string; key: string; url: string }) =>
    [
      p.greeting,
      '',
      `${p.committee} đã tiếp nhận ý kiến của ông/bà ngày ${p.receivedOn}.`,
      `Mã ý kiến: ${p.code}`,
      `Hạn trả lời: ${p.dueOn} (${p.normal} ngày làm việc; vụ việc phức tạp có thể đến ${p.complex} ngày làm việc).`,
      '',
      `Mã tra cứu: ${p.key}${p.url ? ` — xem tình trạng và kết quả tại: ${p.url}?v=lookup&code=${p.code}` : ' (đọc cho cán bộ khi hỏi qua điện thoại)'}`,
      `Để hỏi về ý kiến này, ông/bà vui lòng giữ mã ý kiến và mã tra cứu trên và liên hệ: ${p.contact}`,
      'Thư này được gửi tự động, xin không trả lời thư.',
      '',
      'Trân trọng,',
      p.committee,
    ].join('\n'),
} as const;

/** The answer to a resident, each part once: the e-mail and the letter are built from them (domain/reply.ts). */
export const REPLY = {
  /** "Kính gửi: Ông/Bà Nguyễn Văn A (người gửi ý kiến mã GY-2026-00012)". */
  salutation: (name: string, code: string) => (name ? `Kính gửi: ${RESIDENT.title} ${name} (người gửi ý kiến mã ${code})` : `Kính gửi: ${RESIDENT.title} người gửi ý kiến mã ${code}`),
  opening: (receivedOn: string, committee: string, category: string) =>
    `Ngày ${receivedOn}, ${committee} nhận được ý kiến của ${RESIDENT.inSentence}${category ? ` về lĩnh vực ${category}` : ''} và xin trả lời như sau:`,
  thanks: (committee: string) => `${committee} trân trọng cảm ơn ${RESIDENT.inSentence} đã quan tâm đóng góp ý kiến.`,
  contact: (contact: string) => `Nếu còn điều chưa rõ, ${RESIDENT.inSentence} vui lòng liên hệ: ${contact}`,
  signOff: 'Trân trọng,',
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

export const NOTICE = {
  assigneeSubject: (code: string) => `[Hòm thư số] Chuyển xử lý ý kiến ${code}`,
  assigneeBody: (p: { code: string; body: string; dueOn: string; summary: string; committee: string; url: string }) =>
    [
      `Kính gửi ${p.body},`,
      '',
      `${p.committee} chuyển đến quý cơ quan ý kiến ${p.code} để xem xét, giải quyết theo thẩm quyền.`,
      `Nội dung tóm tắt: ${p.summary}`,
      `Hạn trả lời người dân: ${p.dueOn}.`,
      '',
      `Xem và cập nhật tiến độ trên Hòm thư số: ${p.url}`,
      '',
      'Trân trọng.',
    ].join('\n'),
  answerSubject: (code: string) => `[Hòm thư số] Trả lời ý kiến ${code}`,
  ratingLine: (url: string) => `Ông/Bà vui lòng cho biết mức độ hài lòng với câu trả lời (một lần): ${url}`,
  policeSubject: (code: string) => `[Hòm thư số] Ý kiến ${code} có dấu hiệu lợi dụng`,
  policeBody: (p: { code: string; reason: string; committee: string; url: string }) =>
    ['Kính gửi Công an phường,', '', `${p.committee} chuyển ý kiến ${p.code} có dấu hiệu lợi dụng hòm thư để xuyên tạc, bôi nhọ hoặc vi phạm pháp luật.`, `Lý do: ${p.reason}`, `Xem chi tiết: ${p.url}`, '', 'Trân trọng.'].join('\n'),
  kinds: { assignee: 'Thông báo chuyển xử lý', answer: 'Trả lời người dân', police: 'Báo Công an', admin: 'Thông báo quản trị' },
  restoredDetail: 'Dòng của ý kiến trong tab "Ý kiến" đã bị xóa thủ công; khôi phục từ biểu mẫu với mã cũ (các thao tác xử lý trước đó xem trong tab "Nhật ký").',
  restoredError: (code: string) => `Dòng của ý kiến ${code} trong tab "Ý kiến" đã bị xóa thủ công. Đã khôi phục từ câu trả lời biểu mẫu với mã cũ, trạng thái "Mới"; xem lại lịch sử xử lý trong tab "Nhật ký".`,
  restoredSubject: (n: number) => `[Hòm thư số] Đã khôi phục ${n} ý kiến bị xóa khỏi tab "Ý kiến"`,
  restoredBody: (codes: string[], url: string) =>
    [
      'Kính gửi cán bộ quản trị,',
      '',
      `Hệ thống phát hiện dòng của các ý kiến sau đã bị xóa thủ công khỏi tab "Ý kiến": ${codes.join(', ')}.`,
      'Các ý kiến đã được khôi phục từ câu trả lời biểu mẫu với mã cũ (không gửi lại thư báo tiếp nhận cho người dân).',
      'Trạng thái xử lý được đặt lại "Mới": vui lòng xem tab "Nhật ký" để cập nhật lại.',
      '',
      `Bảng tính: ${url}`,
    ].join('\n'),
} as const;

export const CASES = {
  noRole: 'Tài khoản của bạn chưa có vai trò trong tab "Cán bộ".',
  notFound: 'Không tìm thấy ý kiến, hoặc bạn không có quyền xem ý kiến này.',
  busy: 'Hệ thống đang bận, vui lòng thử lại sau ít phút. Chưa có thay đổi nào được lưu.',
  saved: (action: string, code: string) => `Đã ${action.toLowerCase()}: ${code}.`,
  queuedMail: 'Thư đã vào hộp thư đi và sẽ được gửi trong vòng một giờ.',
  contactReasonRequired: 'Hãy ghi lý do cần xem thông tin người gửi (lần xem được ghi vào nhật ký).',
  contactAdminsOnly: 'Chỉ cán bộ quản trị được xem thông tin người gửi.',
  contactNone: 'Người gửi không để lại thông tin liên hệ.',
  duplicateUnknown: (code: string) => `Không tìm thấy ý kiến gốc ${code}.`,
  followUpCreated: (code: string, from: string) => `Đã tạo ý kiến mới ${code} (phản ánh lại ý kiến ${from}).`,
  badAction: 'Thao tác không hợp lệ.',
  assigneeNotStaff: (email: string) => `Lưu ý: ${email} chưa có trong tab "Cán bộ", nên chỉ nhận thư thông báo, không mở được thanh bên. Thêm vào tab "Cán bộ" (vai trò "Xử lý") nếu người này cần cập nhật tiến độ.`,
  reasonTooLong: 'Lý do quá dài (tối đa 1.000 ký tự).',
  lookupKeyAdminsOnly: 'Chỉ cán bộ quản trị được cấp mã tra cứu.',
  lookupKeyIssuedAction: 'Cấp mã tra cứu mới',
  lookupKeyIssuedDetail: (n: number) => `Lần cấp thứ ${n + 1}; mã cũ hết hiệu lực.`,
  lookupKeyIssued: (code: string, key: string) => `Mã tra cứu mới của ý kiến ${code}: ${key}. Đọc cho người dân cùng mã ý kiến; mã này chỉ hiện một lần, mã cũ hết hiệu lực.`,
} as const;

export const INBOX_UI = {
  /** The counters' group, read by screen readers. */
  countersLabel: 'Bộ đếm',
  tabInbox: 'Hộp thư',
  tabEntry: 'Nhập ý kiến',
  counters: { new: 'Mới', inProgress: 'Đang xử lý', dueSoon: 'Sắp đến hạn', overdue: 'Quá hạn', callBack: 'Cần gọi lại' },
  callBack: '☎ Cần gọi lại',
  filters: 'Bộ lọc',
  all: 'Tất cả',
  status: 'Trạng thái',
  category: 'Lĩnh vực',
  group: 'Tổ dân phố',
  body: 'Cơ quan xử lý',
  assignee: 'Người xử lý (email)',
  channel: 'Kênh',
  from: 'Từ ngày',
  to: 'Đến ngày',
  search: 'Tìm (không cần dấu)',
  apply: 'Lọc',
  clear: 'Xóa lọc',
  empty: 'Không có ý kiến nào.',
  total: (n: number) => `${n} ý kiến`,
  page: (p: number, of: number) => `Trang ${p}/${of}`,
  prev: 'Trước',
  next: 'Sau',
  due: (on: string, left: number | null) =>
    left === null ? `Hạn ${on}` : left < 0 ? `Quá hạn ${-left} ngày làm việc (hạn ${on})` : left === 0 ? `Hết hạn hôm nay (${on})` : `Còn ${left} ngày làm việc (hạn ${on})`,
  suggested: 'gợi ý',
} as const;

export const CASE_UI = {
  back: '← Hộp thư',
  received: 'Tiếp nhận',
  channel: 'Kênh',
  group: 'Tổ dân phố',
  groupUnknown: '(ngoài danh sách)',
  category: 'Lĩnh vực',
  suggested: (c: string) => `Gợi ý: ${c}`,
  complexity: 'Tính chất',
  due: 'Hạn trả lời',
  provisionalCalendar: (years: number[]) => `— tính theo lịch nghỉ dự kiến (Chính phủ chưa công bố lịch nghỉ năm ${years.join(', ')}; cán bộ quản trị sửa ở tab "Ngày nghỉ")`,
  body: 'Cơ quan xử lý',
  assignee: 'Người xử lý',
  bodyDue: 'Hạn cơ quan cam kết',
  content: 'Nội dung',
  location: 'Địa điểm',
  note: 'Ghi chú hệ thống',
  confidential: 'Người gửi yêu cầu bảo mật danh tính.',
  answer: 'Trả lời',
  answerStates: {
    none: '',
    draft: 'Dự thảo — chưa gửi cho người dân',
    awaitingApproval: 'Chờ duyệt — chưa gửi cho người dân',
    approved: 'Đã duyệt — chưa gửi cho người dân',
    email: 'Đã gửi qua email',
    phone: 'Đã trả lời qua điện thoại',
    letter: 'Đã gửi thư trả lời (bản in)',
  },
  answerSent: (how: string, on: string) => `${how} ngày ${on}.`,
  howToAnswer: {
    email: 'Người gửi để lại email: trả lời được gửi vào email.',
    phone: 'Người gửi để lại số điện thoại, không có email: gọi điện trả lời (cán bộ quản trị xem số ở "Xem thông tin người gửi") rồi "Ghi nhận cuộc gọi trả lời"; hoặc lập thư trả lời.',
    none: 'Người gửi không để lại email hay số điện thoại: lập thư trả lời, gửi qua tổ trưởng tổ dân phố rồi "Ghi nhận thư trả lời đã gửi"; công khai kết quả để người dân xem.',
  },
  preview: 'Xem thư sẽ gửi cho người dân',
  previewNote: 'Họ tên người gửi (nếu có) được điền vào dòng "Kính gửi" khi gửi.',
  letterFirst: 'Trước hết bấm "Lập thư trả lời" (mục Văn bản), in và gửi thư; sau đó ghi nhận tại đây.',
  publicSummary: 'Tóm tắt công khai',
  isPublic: 'Đang công khai',
  outcome: 'Kết quả',
  linked: 'Ý kiến liên quan',
  rating: 'Người dân đánh giá',
  history: 'Lịch sử',
  actions: 'Thao tác',
  noActions: 'Bạn không có thao tác nào với ý kiến này.',
  contact: 'Xem thông tin người gửi',
  contactReason: 'Lý do cần xem (được ghi nhật ký)',
  contactShow: 'Xem',
  contactNone: 'Người gửi không để lại thông tin liên hệ.',
  contactLabels: { name: 'Họ tên', phone: 'Điện thoại', email: 'Email', invalid: '(không hợp lệ)' },
  reload: 'Tải lại ý kiến',
  documents: 'Văn bản',
  makeTransferSlip: 'Lập phiếu chuyển',
  makeLetter: 'Lập thư trả lời',
  issueKey: 'Cấp mã tra cứu mới (đọc cho người dân qua điện thoại)',
  groupSheets: 'In phiếu trả lời theo tổ dân phố',
  opened: (name: string) => `Đã lập "${name}": `,
  openDoc: 'mở tài liệu',
  submit: 'Lưu',
  cancel: 'Hủy',
  fields: {
    category: 'Lĩnh vực',
    complexity: 'Tính chất',
    normal: 'Thường (7 ngày làm việc)',
    complex: 'Phức tạp (20 ngày làm việc)',
    body: 'Cơ quan xử lý',
    assignee: 'Email người xử lý (không bắt buộc)',
    bodyDueDate: 'Hạn cơ quan cam kết (không bắt buộc)',
    text: 'Nội dung',
    answer: 'Nội dung trả lời (sửa từ mẫu)',
    answerHelp: 'Chỉ viết phần trả lời: lời chào, câu mở đầu và lời cảm ơn được thêm tự động vào email và thư.',
    callNote: 'Kết quả cuộc gọi: đã đọc nội dung trả lời chưa, người dân đồng ý hay còn ý kiến gì (không cần ghi họ tên; chỉ cán bộ quản trị đọc được ghi chú này)',
    letterNote: 'Cách gửi thư (qua tổ trưởng tổ dân phố, bưu điện, trao tận tay…)',
    publicSummary: 'Tóm tắt công khai (không nêu tên, không chép nguyên văn)',
    isPublic: 'Công khai kết quả này',
    outcome: 'Kết quả',
    outcomeNote: 'Ghi chú (với "Không thuộc thẩm quyền": nơi người dân cần liên hệ)',
    reason: 'Lý do',
    of: 'Mã ý kiến gốc',
    followUp: 'Nội dung người dân phản ánh lại',
  },
  outcomes: { resolved: 'Đã giải quyết', notCompetent: 'Không thuộc thẩm quyền', insufficient: 'Không đủ thông tin' },
} as const;

export const REPORTS = {
  monthOption: (n: number) => `Tháng ${n}`,
  quarterOption: (roman: string) => `Quý ${roman}`,
  /** A dashboard tile's tooltip. */
  openInInbox: 'Mở danh sách trong hộp thư',
  notAllowed: 'Vai trò của bạn không được dùng chức năng này.',
  badKind: 'Loại kỳ báo cáo không hợp lệ.',
  badYear: 'Năm báo cáo không hợp lệ.',
  badIndex: 'Tháng, quý hoặc nửa năm không hợp lệ.',
  badRange: 'Khoảng thời gian không hợp lệ: hãy chọn "từ ngày" trước "đến ngày".',
  rangeTooLong: 'Khoảng thời gian tối đa 3 năm.',
  future: (label: string) => `${label} chưa bắt đầu: chưa có số liệu để báo cáo.`,
  tab: 'Báo cáo',
  title: 'Lập báo cáo',
  help: 'Báo cáo được lập thành Google Tài liệu mới theo thể thức Nghị định 30/2020/NĐ-CP; lập lại cùng kỳ sẽ tạo bản mới, không sửa bản cũ.',
  kind: 'Kỳ báo cáo',
  kinds: { quarter: 'Quý', half: '6 tháng', year: 'Năm', month: 'Tháng', custom: 'Tùy chọn' },
  year: 'Năm',
  index: { month: 'Tháng', quarter: 'Quý', half: 'Nửa năm' },
  halves: ['6 tháng đầu năm', '6 tháng cuối năm'],
  from: 'Từ ngày',
  to: 'Đến ngày',
  make: 'Lập báo cáo',
  making: 'Đang lập báo cáo… (có thể mất đến một phút)',
  made: (name: string) => `Đã lập "${name}": `,
  open: 'mở báo cáo',
  publication: 'Lập bản công khai kết quả tháng',
  posters: 'In mã QR',
  postersHelp: 'Mỗi tổ dân phố, trụ sở Ủy ban và Trung tâm Phục vụ hành chính công một trang A4: mã QR mở biểu mẫu đã chọn sẵn nơi đặt mã, hướng dẫn cho người cao tuổi, mã QR xem kết quả.',
  stickers: 'In tem dán mã QR',
  placeLinks: 'Xem đường dẫn của từng nơi (để gửi vào nhóm Zalo của tổ)',
  placeLinksLoading: 'Đang lấy đường dẫn…',
  stickersHelp: 'Mỗi nơi đặt mã một tem nhỏ (12 tem một trang A4) để cắt và dán.',
  publicationHelp: 'Để niêm yết: các ý kiến đã trả lời hoặc kết thúc trong tháng, chỉ tóm tắt và trả lời đã được duyệt công khai; không nêu tên, đã ẩn số điện thoại, số giấy tờ, email, số nhà.',
  dashboardTab: 'Tổng quan',
  dashboardTitle: 'Tổng quan',
  thisMonth: 'Tháng này',
  thisQuarter: 'Quý này',
  byGroup: (label: string) => `Ý kiến theo tổ dân phố — ${label}`,
  silent: 'chưa có ý kiến',
  silentCount: (n: number, total: number) => `${n}/${total} tổ dân phố chưa có ý kiến`,
  qrGauge: (share: string, target: string) => `Qua mã QR: ${share} (mục tiêu ${target})`,
  asOf: (on: string) => `Số liệu đến ngày ${on}.`,
} as const;

export const REMINDERS = {
  kindBody: 'Nhắc hạn cơ quan xử lý',
  kindAdmin: 'Nhắc báo cáo',
  bodySubject: (body: string, overdue: number, soon: number) => `[Hòm thư số] ${body}: ${overdue} ý kiến quá hạn, ${soon} ý kiến sắp đến hạn`,
  bodyText: (p: { body: string; committee: string; dueSoon: Array<{ code: string; category: string; group: string; dueOn: string; left: number }>; overdue: Array<{ code: string; category: string; group: string; dueOn: string; left: number }>; url: string }) =>
    [
      `Kính gửi: ${p.body}`,
      '',
      `${p.committee} xin nhắc các ý kiến của Nhân dân đã chuyển đến quý cơ quan:`,
      '',
      ...(p.overdue.length ? ['Quá hạn trả lời:', ...p.overdue.map((l) => `- ${l.code} (${l.category}, ${l.group}): hạn ${l.dueOn}, quá ${-l.left} ngày làm việc`), ''] : []),
      ...(p.dueSoon.length ? ['Sắp đến hạn (trong 2 ngày làm việc):', ...p.dueSoon.map((l) => `- ${l.code} (${l.category}, ${l.group}): hạn ${l.dueOn}${l.left === 0 ? ', hết hạn hôm nay' : `, còn ${l.left} ngày làm việc`}`), ''] : []),
      `Xem và cập nhật tiến độ trên Hòm thư số: ${p.url}`,
      '',
      'Trân trọng.',
    ].join('\n'),
  adminSubject: (r: { kind: 'quarterly' | 'monthly'; label: string; dueOn: string }) =>
    r.kind === 'quarterly' ? `[Hòm thư số] Nhắc lập báo cáo ${r.label} (hạn ${r.dueOn})` : `[Hòm thư số] Nhắc công khai kết quả ${r.label}`,
  /** `posters`: the monthly reminder's lines on the groups' QR posters (ADOPTION.mailLines), if any. */
  adminText: (r: { kind: 'quarterly' | 'monthly'; label: string; dueOn: string }, committee: string, url: string, posters: string[] = []) =>
    [
      'Kính gửi cán bộ quản trị,',
      '',
      r.kind === 'quarterly'
        ? `Báo cáo kết quả Hòm thư số ${r.label} cần gửi Thường trực Đảng ủy và Ủy ban MTTQ cấp trên trước ngày ${r.dueOn}. Lập báo cáo: thanh bên › Báo cáo.`
        : `Đã đến kỳ công khai kết quả trả lời ${r.label} (không nêu tên người gửi). Lập bản công khai: thanh bên › Báo cáo.`,
      '',
      ...(posters.length ? [...posters, ''] : []),
      `Bảng tính: ${url}`,
      '',
      committee,
    ].join('\n'),
} as const;

/** QR adoption per residential group: "Tổng quan" and the monthly reminder to admins. */
const weeks = (days: number) => (days % 7 === 0 ? `${days / 7} tuần` : `${days} ngày`);

export const ADOPTION = {
  /** "Tổng quan": the section under the groups chart. */
  title: (label: string) => `Ý kiến qua mã QR của tổ — ${label}`,
  columns: { group: 'Tổ dân phố', qr: 'QR/tổng', share: (target: string) => `Tỷ lệ (mục tiêu ${target})` },
  /** The figure read aloud with the row. */
  rowLabel: (group: string, qr: number, count: number, share: string) => `${group}: ${qr}/${count} ý kiến qua mã QR của tổ (${share})`,
  staleFlag: (days: number) => `Chưa có ý kiến qua QR ${weeks(days)}`,
  lastQr: (on: string | null) => (on ? `QR gần nhất: ${on}` : 'Chưa từng có ý kiến qua QR'),
  staleSummary: (n: number, days: number, groups: string[]) => `${n} tổ chưa có ý kiến qua mã QR trong ${weeks(days)}: ${groups.join(', ')}.`,
  noneStale: (days: number) => `Tổ nào cũng có ý kiến qua mã QR trong ${weeks(days)} qua.`,
  tooEarly: (days: number) => `Hòm thư tiếp nhận chưa đủ ${weeks(days)}: chưa đánh giá được mã QR ở các tổ.`,
  note: 'Chỉ tính mã QR dán ở tổ dân phố (không tính mã QR tại trụ sở UBND, Trung tâm Phục vụ hành chính công).',

  /** The monthly reminder to admins: lines to insert before the spreadsheet link. */
  mailLines: (posters: { days: number; stale: Array<{ group: string; lastQrOn: string | null }> }): string[] =>
    posters.stale.length === 0
      ? [`Mã QR ở các tổ dân phố: tất cả các tổ dân phố đều có ý kiến qua mã QR trong ${weeks(posters.days)} qua.`]
      : [
          `Mã QR ở các tổ dân phố: ${posters.stale.length} tổ dân phố chưa có ý kiến nào qua mã QR của tổ trong ${weeks(posters.days)} qua:`,
          ...posters.stale.map((s) => `- ${s.group} (ý kiến qua mã QR gần nhất: ${s.lastQrOn ?? 'chưa có'})`),
          'Đề nghị kiểm tra áp phích mã QR ở các tổ này còn được dán và còn đọc, quét được (không rách, mờ, bị che); in lại nếu cần: thanh bên › Báo cáo › In mã QR.',
        ],
} as const;

/** Who is calling: the refusals of services/access, one per capability where the wording exists. */
export const ACCESS = {
  /** No identified caller: an anonymous visitor of the web app, or one Google does not name to the script. */
  signInNeeded:
    'Chức năng này chỉ dành cho cán bộ Ủy ban MTTQ phường, trong bảng tính của Hòm thư số. Người dân tra cứu ý kiến bằng mã ý kiến và mã tra cứu; cơ quan xử lý dùng liên kết cá nhân.',
  notStaff: 'Tài khoản của bạn chưa có vai trò trong tab "Cán bộ". Vui lòng liên hệ cán bộ quản trị.',
  /** Menus and dialogs need the spreadsheet open in front of the person. */
  menuOnly: 'Chức năng này chỉ dùng được từ trình đơn của bảng tính (Tiện ích › Hòm thư số).',
  denied: {
    setup: SETUP.notAdmin,
    resync: RESYNC.notAdmin,
    enterCase: STAFF_ENTRY.notAllowed,
    makeDocuments: PAPER.notAdmin,
    issueLookupKey: CASES.lookupKeyAdminsOnly,
    viewContact: CASES.contactAdminsOnly,
    makeReports: REPORTS.notAllowed,
    viewDashboard: REPORTS.notAllowed,
    manageLinks: 'Chỉ cán bộ quản trị được cấp và thu hồi liên kết cá nhân.',
    viewInbox: 'Vai trò của bạn không được xem hòm thư.',
    viewCase: 'Vai trò của bạn không được xem ý kiến này.',
    editPublic: 'Chỉ cán bộ quản trị được viết nội dung công khai.',
  } as Record<string, string>,
  deniedAction: (label: string) => `Vai trò của bạn không được "${label}".`,
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
} as const;
