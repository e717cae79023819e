/**
 * The one schema of the managed spreadsheet: every tab, every column, found by key — never by a
 * magic index. Headers are the Vietnamese labels staff see; the column order below is the
 * layout of a fresh setup, but code locates columns by header, so an older layout (missing
 * columns, other order) is read correctly and upgraded by setup without losing rows.
 */
import { SETTINGS_TAB } from '../../../domain/vocabulary';

export type ColumnKind = 'text' | 'datetime' | 'date' | 'number' | 'boolean';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  /** Older header labels of the same column, recognised when upgrading. */
  aliases?: string[];
  width?: number;
  note?: string;
}

export type Protection = 'admins' | 'staff' | 'none';

export interface TabSpec<K extends string = string> {
  key: string;
  name: string;
  columns: ReadonlyArray<ColumnSpec<K>>;
  hidden: boolean;
  protection: Protection;
  /** Shown to people who open the protection dialog. */
  description: string;
}

/** Number formats per kind: text columns are plain text ("@") so nothing a resident typed becomes a formula or a number. */
export const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: '@',
  datetime: 'dd/MM/yyyy HH:mm:ss',
  date: 'dd/MM/yyyy',
  number: '0',
  boolean: 'General',
};

const col = <K extends string>(key: K, header: string, kind: ColumnKind = 'text', extra: Partial<ColumnSpec<K>> = {}): ColumnSpec<K> => ({
  key,
  header,
  kind,
  ...extra,
});

export const CASE_COLUMNS = [
  col('code', 'Mã ý kiến', 'text', { width: 120 }),
  col('receivedAt', 'Thời điểm tiếp nhận', 'datetime', { width: 150 }),
  col('channel', 'Kênh tiếp nhận'),
  col('group', 'Tổ dân phố'),
  col('groupKnown', 'TDP trong danh sách', 'boolean'),
  col('topic', 'Người dân chọn lĩnh vực'),
  col('suggestedCategory', 'Lĩnh vực gợi ý'),
  col('category', 'Lĩnh vực'),
  col('complexity', 'Tính chất'),
  col('status', 'Trạng thái'),
  col('dueDate', 'Hạn trả lời', 'date', { width: 110 }),
  col('bodyDueDate', 'Hạn cơ quan xử lý cam kết', 'date', { width: 110 }),
  col('assignedBody', 'Cơ quan xử lý'),
  col('assignee', 'Người xử lý'),
  col('content', 'Nội dung', 'text', { width: 420 }),
  col('contentNote', 'Ghi chú nội dung', 'text', { width: 220 }),
  col('contentOriginal', 'Nội dung gốc (ký tự ẩn hiện rõ)', 'text', { width: 200 }),
  col('location', 'Địa điểm'),
  col('confidential', 'Bảo mật danh tính', 'boolean'),
  col('hasEmail', 'Có email hợp lệ', 'boolean'),
  col('hasPhone', 'Có SĐT hợp lệ', 'boolean'),
  col('answer', 'Nội dung trả lời', 'text', { width: 320 }),
  col('answeredAt', 'Trả lời lúc', 'datetime'),
  col('approvedBy', 'Người duyệt'),
  col('answerSentAt', 'Đã trả lời người dân lúc', 'datetime', { aliases: ['Gửi trả lời lúc'] }),
  col('answerMethod', 'Hình thức trả lời'),
  col('answerPublic', 'Công khai', 'boolean'),
  col('publicSummary', 'Tóm tắt công khai', 'text', { width: 260 }),
  col('outcome', 'Kết quả'),
  col('outcomeNote', 'Ghi chú kết quả'),
  col('closedAt', 'Đóng lúc', 'datetime'),
  col('linkedCases', 'Ý kiến liên quan'),
  col('hiddenFromPublic', 'Ẩn khỏi công khai', 'boolean'),
  col('policeTransfer', 'Chuyển Công an phường'),
  col('responseKey', 'Mã phản hồi biểu mẫu'),
  col('lookupVersion', 'Lần cấp mã tra cứu', 'number'),
  col('rating', 'Điểm hài lòng (1–5)', 'number'),
  col('ratingComment', 'Ý kiến về câu trả lời', 'text', { width: 260 }),
  col('ratedAt', 'Đánh giá lúc', 'datetime'),
  col('version', 'Phiên bản', 'number'),
  col('updatedAt', 'Cập nhật lúc', 'datetime'),
  col('index', 'Chỉ mục (hệ thống)', 'text', { width: 80 }),
  col('history', 'Lịch sử (hệ thống)', 'text', { width: 80 }),
  /**
   * What the last change of the row still owes after a cut-off (its audit row, its e-mails, the
   * original of a duplicate), written with the row and emptied in the same write batch once they
   * are appended (services/cases/actions): empty but for a change cut off half-way.
   */
  col('pending', 'Việc còn dở (hệ thống)', 'text', { width: 80 }),
] as const;

export type CaseColumnKey = (typeof CASE_COLUMNS)[number]['key'];

export const SUBMITTER_COLUMNS = [
  col('code', 'Mã ý kiến'),
  col('name', 'Họ và tên'),
  col('phone', 'Số điện thoại'),
  col('phoneValid', 'SĐT hợp lệ', 'boolean'),
  col('email', 'Email'),
  col('emailValid', 'Email hợp lệ', 'boolean'),
  col('confidential', 'Bảo mật danh tính', 'boolean'),
  col('recordedAt', 'Ghi lúc', 'datetime'),
  /** Which submission this is (the journal key): a deleted case row is restored under its own code. */
  col('responseKey', 'Mã phản hồi biểu mẫu'),
] as const;

export type SubmitterColumnKey = (typeof SUBMITTER_COLUMNS)[number]['key'];

export const AUDIT_COLUMNS = [
  col('at', 'Thời điểm', 'datetime'),
  col('user', 'Người thực hiện'),
  col('action', 'Hành động'),
  col('code', 'Mã ý kiến'),
  col('field', 'Trường'),
  col('before', 'Giá trị cũ'),
  col('after', 'Giá trị mới'),
  col('detail', 'Chi tiết', 'text', { width: 320 }),
  col('version', 'Phiên bản', 'number'),
] as const;

export type AuditColumnKey = (typeof AUDIT_COLUMNS)[number]['key'];

export const ERROR_COLUMNS = [
  col('at', 'Thời điểm', 'datetime'),
  col('where', 'Nơi xảy ra'),
  col('code', 'Mã ý kiến'),
  col('reference', 'Tham chiếu'),
  col('message', 'Lỗi', 'text', { width: 360 }),
  col('resolved', 'Đã xử lý', 'boolean'),
] as const;

export type ErrorColumnKey = (typeof ERROR_COLUMNS)[number]['key'];

export const OUTBOX_COLUMNS = [
  col('id', 'Mã thư'),
  col('createdAt', 'Tạo lúc', 'datetime'),
  col('kind', 'Loại thư'),
  col('code', 'Mã ý kiến'),
  col('recipient', 'Người nhận'),
  col('subject', 'Tiêu đề'),
  col('body', 'Nội dung', 'text', { width: 360 }),
  col('status', 'Trạng thái'),
  col('sentAt', 'Gửi lúc', 'datetime'),
  col('attempts', 'Số lần thử', 'number'),
  col('error', 'Lỗi'),
] as const;

export type OutboxColumnKey = (typeof OUTBOX_COLUMNS)[number]['key'];

/**
 * "Thư điện tử": each message the official mailbox handed over (services/intake/mailbox), by its
 * mailbox id — what became of it and which case it went to. Replies are matched against it
 * (thread, Message-ID) and a second delivery is found in it. Hidden, admins only: the subject may
 * name a person; no address is kept here (the sender's is in "Người gửi").
 */
export const MAIL_COLUMNS = [
  col('messageId', 'Mã thư (hộp thư)'),
  col('rfcMessageId', 'Message-ID'),
  col('threadId', 'Mã chuỗi thư'),
  col('code', 'Mã ý kiến'),
  col('verdict', 'Xử lý'),
  col('subject', 'Tiêu đề', 'text', { width: 240 }),
  col('receivedAt', 'Nhận lúc', 'datetime'),
  col('recordedAt', 'Ghi lúc', 'datetime'),
] as const;

export type MailColumnKey = (typeof MAIL_COLUMNS)[number]['key'];

/** The add-on's own cells, written in the same write batch as the rows they go with. */
export const SYSTEM_COLUMNS = [
  /** Changes with every change of a case that the public board shows (platform/board-cache). */
  col('boardStamp', 'Bảng kết quả công khai (hệ thống)'),
] as const;

export type SystemColumnKey = (typeof SYSTEM_COLUMNS)[number]['key'];

/**
 * The staff list ("Cán bộ"), a settings tab the admin edits: its layout is not in the schema
 * state, so each read finds the columns by the header row it reads with them.
 */
export const STAFF_COLUMNS = [
  col('email', SETTINGS_TAB.staff.header[0]),
  col('role', SETTINGS_TAB.staff.header[1], 'text', { aliases: ['Vai trò'] }),
  col('body', SETTINGS_TAB.staff.header[2], 'text', { aliases: ['Cơ quan'] }),
] as const;

export type StaffColumnKey = (typeof STAFF_COLUMNS)[number]['key'];

/** One row per long text: its continuation parts fill "Phần 1", "Phần 2", … to the right. */
export const LONG_TEXT_COLUMNS = [
  col('code', 'Mã ý kiến'),
  col('field', 'Trường'),
  col('length', 'Tổng số ký tự', 'number'),
  col('part1', 'Phần 1', 'text', { width: 420 }),
] as const;

export type LongTextColumnKey = (typeof LONG_TEXT_COLUMNS)[number]['key'];

/**
 * One row per stored photo (services/photos): the Drive file in the ward's private folder, what
 * was checked of it, and whether an admin approved it for public use or hid it.
 */
export const PHOTO_COLUMNS = [
  col('code', 'Mã ý kiến'),
  col('source', 'Nguồn'),
  col('index', 'Thứ tự', 'number'),
  col('fileId', 'Mã tệp Drive'),
  col('mimeType', 'Loại'),
  col('size', 'Dung lượng (byte)', 'number'),
  col('dimensions', 'Kích thước'),
  col('addedAt', 'Thời điểm nhận', 'datetime'),
  col('approvedBy', 'Duyệt công khai bởi'),
  col('approvedAt', 'Thời điểm duyệt', 'datetime'),
  col('hidden', 'Ẩn', 'boolean'),
] as const;

export type PhotoColumnKey = (typeof PHOTO_COLUMNS)[number]['key'];

/** What the suggestions learned (domain/suggest/ledger): one lesson or count row each. */
export const SUGGESTION_COLUMNS = [
  col('id', 'Mã dòng'),
  col('at', 'Thời điểm', 'datetime'),
  col('kind', 'Loại'),
  col('data', 'Dữ liệu', 'text', { width: 420 }),
] as const;

export type SuggestionColumnKey = (typeof SUGGESTION_COLUMNS)[number]['key'];
