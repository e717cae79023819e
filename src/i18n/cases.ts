/**
 * The words of the case state machine (domain/lifecycle): the actions' and fields' names staff see
 * in the sidebar, the history and the audit trail, and why an action is refused.
 */

/** Each action's name, keyed by its ActionKey (domain/permissions). */
export const ACTION_NAMES = {
  classify: 'Phân loại',
  assign: 'Chuyển xử lý',
  note: 'Ghi chú nội bộ',
  progress: 'Cập nhật tiến độ',
  answer: 'Soạn trả lời',
  approve: 'Duyệt trả lời',
  sendAnswer: 'Gửi trả lời qua email',
  recordCall: 'Ghi nhận cuộc gọi trả lời',
  recordLetter: 'Ghi nhận thư trả lời đã gửi',
  setPublic: 'Công khai',
  close: 'Đóng ý kiến',
  reopen: 'Mở lại',
  duplicate: 'Đánh dấu trùng lặp',
  misuse: 'Đánh dấu lợi dụng',
  followUp: 'Phản ánh lại',
} as const;

/** Field names for the history and the audit trail, keyed by the case record's field. */
export const FIELD_NAMES = {
  status: 'Trạng thái',
  category: 'Lĩnh vực',
  complexity: 'Tính chất',
  dueDate: 'Hạn trả lời',
  bodyDueDate: 'Hạn cơ quan xử lý cam kết',
  assignedBody: 'Cơ quan xử lý',
  assignee: 'Người xử lý',
  answer: 'Nội dung trả lời',
  answerPublic: 'Công khai',
  publicSummary: 'Tóm tắt công khai',
  outcome: 'Kết quả',
  outcomeNote: 'Ghi chú kết quả',
  approvedBy: 'Người duyệt',
  answerSentAt: 'Đã trả lời người dân',
  answerMethod: 'Hình thức trả lời',
  linkedCases: 'Ý kiến liên quan',
  hiddenFromPublic: 'Ẩn khỏi công khai',
} as const;

/** What the texts staff type are called in a refusal ("<label> dài … ký tự"). */
export const TEXT_LABELS = {
  content: 'Nội dung',
  note: 'Ghi chú',
  progress: 'Nội dung tiến độ',
  answer: 'Nội dung trả lời',
  publicSummary: 'Tóm tắt công khai',
  callNote: 'Ghi chú cuộc gọi',
  letterNote: 'Cách gửi thư',
  outcomeNote: 'Ghi chú kết quả',
  reason: 'Lý do',
  followUp: 'Nội dung phản ánh lại',
  bodyDueDate: 'Hạn cơ quan xử lý cam kết',
} as const;

const n = (x: number) => x.toLocaleString('vi-VN');

/** Why an action is refused (nothing changes), and the other sentences of the state machine. */
export const LIFECYCLE = {
  yes: 'Có',
  no: 'Không',
  badAction: 'Thao tác không hợp lệ.',
  noRightOnCase: 'Bạn không có quyền với ý kiến này.',
  roleMayNot: (action: string) => `Vai trò của bạn không được "${action}".`,
  notInStatus: (action: string, status: string) => `Không thể "${action}" khi ý kiến đang ở trạng thái "${status}".`,
  tooLong: (label: string, length: number, limit: number) => `${label} dài ${n(length)} ký tự, vượt quá giới hạn ${n(limit)} ký tự. Vui lòng rút gọn hoặc chia thành nhiều lần ghi.`,
  dateInvalid: (label: string) => `${label} không hợp lệ.`,
  datePast: (label: string, day: string) => `${label} (${day}) đã qua: hãy chọn từ hôm nay trở đi.`,
  categoryUnknown: 'Lĩnh vực không có trong danh sách.',
  complexityInvalid: 'Tính chất không hợp lệ.',
  bodyUnknown: 'Cơ quan xử lý không có trong danh sách.',
  assigneeInvalid: 'Email người xử lý không hợp lệ.',
  noteEmpty: 'Vui lòng nhập nội dung ghi chú.',
  progressEmpty: 'Vui lòng nhập nội dung tiến độ.',
  answerEmpty: 'Vui lòng nhập nội dung trả lời.',
  classifyFirst: 'Hãy phân loại ý kiến trước khi trả lời.',
  summaryAdminsOnly: 'Chỉ cán bộ quản trị được viết tóm tắt công khai.',
  blankLeft: 'Nội dung trả lời còn chỗ trống của mẫu ("…"): hãy sửa "Trả lời" và điền đủ trước khi gửi cho người dân.',
  noAnswer: 'Chưa có nội dung trả lời.',
  alreadyAnswered: (on: string) => `Đã trả lời người dân ngày ${on}.`,
  approveFirst: 'Nội dung trả lời cần được duyệt trước khi gửi cho người dân.',
  noEmail: 'Người gửi không để lại email hợp lệ: hãy gọi điện hoặc gửi thư trả lời, rồi ghi nhận.',
  useEmail: 'Người gửi có email: hãy dùng "Gửi trả lời qua email".',
  callNoteEmpty: 'Hãy ghi kết quả cuộc gọi: đã đọc nội dung trả lời chưa, người dân đồng ý hay còn ý kiến gì.',
  letterNotCurrent: 'Hãy "Lập thư trả lời" từ nội dung trả lời hiện tại, in và gửi thư, rồi ghi nhận.',
  letterNoteEmpty: 'Hãy ghi cách gửi thư (qua tổ trưởng tổ dân phố, bưu điện, trao tận tay…).',
  misuseNotPublic: 'Ý kiến bị đánh dấu lợi dụng: không được công khai.',
  summaryFirst: 'Hãy viết tóm tắt công khai (không nêu tên, không chép nguyên văn) trước khi công khai.',
  resolvedOnlyAnswered: 'Chỉ đóng với kết quả "Đã giải quyết" sau khi đã trả lời.',
  notCompetentWhere: 'Hãy ghi rõ cơ quan người dân cần liên hệ.',
  outcomeInvalid: 'Kết quả không hợp lệ.',
  reopenReason: 'Hãy ghi lý do mở lại.',
  duplicateOf: 'Hãy nhập mã ý kiến gốc (khác mã này).',
  misuseReason: 'Hãy ghi lý do (xuyên tạc, bôi nhọ, vi phạm pháp luật…).',
  followUpEmpty: 'Vui lòng nhập nội dung phản ánh lại.',
  /** How the police's entry in the bodies' list is recognised (a misuse is reported to them). */
  policeName: /công an/i,
  conflict: (seen: number, current: number) => `Ý kiến đã được cập nhật sau khi bạn mở (phiên bản ${seen} → ${current}). Thay đổi của bạn chưa được lưu.`,
  conflictRetry: 'Vui lòng xem lại rồi thao tác lại.',
  /** The original of a duplicate, linked back: its history event. */
  duplicateLinked: 'Liên kết ý kiến trùng lặp',
  /** An admin read a submitter's contact details: the audit row. */
  contactViewed: 'Xem thông tin người gửi',
} as const;
