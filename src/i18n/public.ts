/**
 * What the web app says to those outside the office: residents (the results board, the case
 * lookup, the rating) and handling bodies' members (the personal-link pages).
 */
import { STAFF_ADDRESS } from './address';

/** Shown while a page waits for the server, in the sidebar and on the web app alike. */
export const LOADING = 'Đang tải…';

/** The public web app: the results board, case lookup and rating (residents read these). */
export const PUBLIC = {
  loading: LOADING,
  searching: 'Đang tra cứu…',
  views: 'Chức năng',
  boardView: 'Kết quả theo tổ dân phố',
  lookupView: 'Tra cứu ý kiến của tôi',
  title: 'Hòm thư số — Kết quả trả lời ý kiến',
  boardTitle: (group: string, month: string) => `${group} — ${month}`,
  chooseGroup: 'Tổ dân phố',
  chooseMonth: 'Tháng',
  show: 'Xem',
  // A group's cases may be shown under "Các tổ dân phố khác" (fewer than 3 in a category): never
  // "the group had no opinions", and the same words whether it had some or none.
  noCases: 'Tháng này không có ý kiến nào được hiển thị riêng cho tổ dân phố này. Ý kiến của tổ có dưới 3 ý kiến trong một lĩnh vực được hiển thị chung ở mục "Các tổ dân phố khác".',
  noCasesOther: 'Tháng này không có ý kiến nào ở mục "Các tổ dân phố khác".',
  folded: 'Tổ dân phố có dưới 3 ý kiến trong một lĩnh vực được gộp vào "Các tổ dân phố khác" để giữ bí mật cho người gửi.',
  columns: { code: 'Mã ý kiến', received: 'Ngày gửi', category: 'Lĩnh vực', status: 'Tình trạng', due: 'Hạn trả lời' },
  summary: 'Tóm tắt',
  answer: 'Trả lời',
  totals: (total: number, answered: number, closed: number) => `Cả phường trong tháng: ${total} ý kiến có kết quả (${answered} đã trả lời, ${closed} đã kết thúc).`,
  lookupTitle: 'Tra cứu ý kiến của ông/bà',
  lookupHelp: 'Nhập mã ý kiến và mã tra cứu (có trong thư báo tiếp nhận, phiếu giấy, hoặc cán bộ đọc qua điện thoại).',
  code: 'Mã ý kiến (ví dụ GY-2026-00012)',
  key: 'Mã tra cứu (8 ký tự, ví dụ K7M2-QX9P)',
  lookup: 'Tra cứu',
  wrong: 'Mã ý kiến hoặc mã tra cứu chưa đúng. Ông/Bà vui lòng kiểm tra lại.',
  paperSlipNotEntered: 'Phiếu giấy của ông/bà chưa được cán bộ nhập vào hòm thư (phiếu trong hòm thư giấy được mở và nhập định kỳ). Ông/Bà vui lòng tra cứu lại sau; hạn trả lời tính từ ngày phiếu được nhận.',
  wait: (minutes: number) => `Mã tra cứu của ý kiến này đã bị nhập sai nhiều lần. Ông/Bà vui lòng thử lại sau ${minutes} phút, hoặc gọi Ủy ban để được cấp mã tra cứu mới.`,
  busy: 'Hệ thống đang bận, ông/bà vui lòng thử lại sau ít phút.',
  status: 'Tình trạng',
  due: 'Hạn trả lời',
  answeredOn: (on: string) => `Trả lời ngày ${on}`,
  notYet: 'Ý kiến đang được xử lý; kết quả sẽ có trước hạn trả lời.',
  rateTitle: 'Ông/Bà có hài lòng với câu trả lời không?',
  stars: ['1 — Rất không hài lòng', '2 — Không hài lòng', '3 — Bình thường', '4 — Hài lòng', '5 — Rất hài lòng'],
  comment: 'Góp ý thêm (không bắt buộc; xin không ghi họ tên, số điện thoại)',
  rate: 'Gửi đánh giá',
  rated: (stars: number) => `Cảm ơn ông/bà đã đánh giá: ${stars}/5.`,
  badStars: 'Vui lòng chọn mức hài lòng từ 1 đến 5.',
  commentTooLong: (n: number) => `Góp ý tối đa ${n} ký tự.`,
  notAnswered: 'Ý kiến chưa được trả lời nên chưa thể đánh giá.',
  alreadyRated: 'Ý kiến này đã được đánh giá; mỗi ý kiến chỉ đánh giá một lần.',
  archived: 'Ý kiến này đã kết thúc từ năm trước và được lưu trữ: vẫn tra cứu được nhưng không đánh giá hay phản ánh thêm được nữa. Nếu còn vấn đề, ông/bà vui lòng gửi ý kiến mới qua biểu mẫu.',
  resident: 'Người gửi ý kiến',
  ratedAction: 'Người dân đánh giá',
  // The follow-up after a rating of 1–2 (issue 18, item 8).
  followUpTitle: 'Ông/Bà chưa hài lòng với câu trả lời?',
  followUpHelp: 'Ông/Bà có thể phản ánh lại ngay tại đây: Ủy ban tiếp nhận như một ý kiến mới, có mã và hạn trả lời riêng, gắn với ý kiến này.',
  followUpText: 'Nội dung phản ánh lại (điều gì chưa được giải quyết?)',
  followUpSend: 'Gửi phản ánh lại',
  followUpEmpty: 'Vui lòng nhập nội dung phản ánh lại.',
  followUpTooLong: (n: number) => `Nội dung phản ánh lại tối đa ${n.toLocaleString('vi-VN')} ký tự.`,
  followUpNotOffered: 'Phản ánh lại tại trang này dành cho câu trả lời ông/bà đánh giá 1 hoặc 2 điểm. Ông/Bà vẫn có thể gửi ý kiến mới qua biểu mẫu hoặc liên hệ Ủy ban.',
  followedUp: (code: string, key: string) => `Ủy ban đã tiếp nhận phản ánh lại của ông/bà: mã ý kiến ${code}, mã tra cứu ${key}. Ông/Bà vui lòng ghi lại hai mã này để tra cứu kết quả.`,
  /** The history event on the case followed up. */
  followUpAction: 'Người dân phản ánh lại',
  followUpDetail: (code: string) => `Qua trang tra cứu, sau khi đánh giá câu trả lời: ý kiến mới ${code}`,
  badMonth: 'Tháng không hợp lệ.',
  badGroup: 'Tổ dân phố không có trong danh sách.',
} as const;

/** The handling bodies' and viewers' portal (personal links to the web app). */
export const PORTAL = {
  useLink: 'Cán bộ cơ quan xử lý cập nhật tiến độ và dự thảo trả lời qua liên kết cá nhân (trong thư chuyển xử lý), không qua bảng tính. Vui lòng liên hệ Ủy ban MTTQ phường nếu chưa có liên kết.',
  invalid: 'Liên kết không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Vui lòng liên hệ Ủy ban MTTQ phường để được cấp liên kết mới.',
  onlyHandlersViewers: 'Chỉ cấp liên kết cho cán bộ có vai trò "Xử lý" hoặc "Xem" trong tab "Cán bộ".',
  handlerWithoutBody: (email: string) => `${email} có vai trò "Xử lý" nhưng chưa ghi cơ quan trong tab "Cán bộ".`,
  title: (body: string) => `Ý kiến chuyển đến ${body}`,
  viewerTitle: 'Ý kiến, kiến nghị của Nhân dân (chỉ xem)',
  signedAs: (email: string, days: string) => `Liên kết cá nhân của ${email}, hiệu lực đến ${days}. Xin không chuyển liên kết này cho người khác.`,
  none: 'Hiện không có ý kiến nào.',
  /** The work list (issue 18.3): what comes first, and the counts as the inbox counts them. */
  worklistHelp: 'Ý kiến quá hạn và sắp đến hạn (trong 2 ngày làm việc) ở đầu danh sách; ý kiến đã xong ở cuối.',
  viewerHelp: 'Danh sách để theo dõi (chỉ xem): ý kiến quá hạn và sắp đến hạn ở đầu.',
  countsLabel: 'Tình hình ý kiến',
  counts: { overdue: (n: number) => `Quá hạn: ${n}`, dueSoon: (n: number) => `Sắp đến hạn: ${n}`, open: (n: number) => `Còn hạn: ${n}`, done: (n: number) => `Đã xong: ${n}` },
  marks: {
    overdue: (n: number) => `Quá hạn ${n} ngày làm việc`,
    dueToday: 'Hết hạn hôm nay',
    dueSoon: (n: number) => `Sắp đến hạn: còn ${n} ngày làm việc`,
    open: (n: number) => `Còn ${n} ngày làm việc`,
    done: 'Đã xong',
  },
  reopenedOn: (on: string) => `Ý kiến được mở lại ngày ${on}. Lý do:`,
  proposalTitle: 'Đề xuất trả lời của cơ quan',
  proposalOn: (on: string) => `Đề xuất ngày ${on}`,
  proposalState: {
    awaitingReview: 'Đang chờ Ủy ban MTTQ phường xem, duyệt.',
    approved: 'Đã được duyệt, chờ trả lời người dân.',
    answered: 'Đã dùng để trả lời người dân.',
    revised: 'Ủy ban MTTQ phường đã sửa nội dung trước khi trả lời.',
    reopened: 'Ý kiến đã được mở lại sau đề xuất này: cần đề xuất mới.',
  },
  answeredOn: (on: string, method: string) => `Người dân đã được trả lời ngày ${on}${method ? ` (${method.toLowerCase()})` : ''}.`,
  reviseAnswer: 'Sửa đề xuất trả lời',
  content: 'Nội dung',
  location: 'Địa điểm',
  due: 'Hạn trả lời người dân',
  bodyDue: 'Hạn cơ quan đã hẹn',
  yourActions: 'Việc đã cập nhật qua liên kết này',
  progress: 'Cập nhật tiến độ',
  progressText: 'Tiến độ, kết quả kiểm tra',
  committed: 'Hẹn hoàn thành (không bắt buộc)',
  answer: 'Đề xuất nội dung trả lời người dân',
  answerHelp: 'Ủy ban MTTQ phường xem, duyệt và gửi cho người dân.',
  save: 'Gửi',
  saved: 'Đã ghi nhận. Cảm ơn quý cơ quan.',
  mailSubject: '[Hòm thư số] Liên kết cập nhật ý kiến của Nhân dân',
  /** A viewer reads: no "cập nhật" in what they are sent. */
  viewerMailSubject: '[Hòm thư số] Liên kết xem ý kiến của Nhân dân',
  /** How the link list and the link e-mail name a body's own address. */
  bodyAddressRole: (body: string) => `địa chỉ chung của ${body}`,
  mailBody: (p: { committee: string; url: string; days: number; role: string; reads: boolean }) =>
    [
      `Kính gửi ${STAFF_ADDRESS.inSentence},`,
      '',
      `${p.committee} gửi ${STAFF_ADDRESS.inSentence} liên kết cá nhân tới Hòm thư số (${p.role}) để ${p.reads ? 'xem các ý kiến, kiến nghị của Nhân dân đang được xử lý' : 'xem và cập nhật tiến độ các ý kiến chuyển đến cơ quan'}.`,
      `Liên kết (hiệu lực ${p.days} ngày, không chuyển cho người khác): ${p.url}`,
      '',
      'Trân trọng.',
    ].join('\n'),
  kind: 'Liên kết cơ quan',
  tab: 'Liên kết',
  adminTitle: 'Liên kết cho cơ quan xử lý và người xem',
  adminHelp: 'Cơ quan xử lý và người xem (ví dụ Thường trực Đảng ủy) không cần quyền sửa bảng tính: mỗi người nhận một liên kết cá nhân qua email, hết hạn sau 30 ngày, có thể thu hồi.',
  send: 'Gửi liên kết',
  revoke: 'Thu hồi',
  sent: (email: string) => `Đã đưa thư có liên kết cho ${email} vào hộp thư đi.`,
  revoked: (email: string, n: number) => `Đã thu hồi ${n} liên kết còn hiệu lực của ${email}.`,
  activeUntil: (on: string) => `còn hiệu lực đến ${on}`,
  noLink: 'chưa có liên kết còn hiệu lực',
} as const;

