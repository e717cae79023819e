/**
 * The vocabulary of a case (one resident's feedback) as stored in the cases tab. These values
 * are Vietnamese because staff read and filter them in the sheet.
 */

export const CHANNELS = {
  /** The form reached through a residential group's poster (or any link without a place). */
  qr: 'QR',
  /** The form reached through the QR code posted at the ward office. */
  qrOffice: 'QR tại trụ sở UBND',
  /** The form reached through the QR code at the public service centre. */
  qrCentre: 'QR tại TT Phục vụ HCC',
  paper: 'Hòm thư giấy',
  inPerson: 'Trực tiếp',
  phone: 'Điện thoại',
  email: 'Email',
  zalo: 'Zalo',
  /** A resident's follow-up from the web app's lookup page, after rating the answer 1–2. */
  lookupPage: 'Trang tra cứu',
} as const;

export type ChannelKey = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ChannelKey];

/**
 * The plan's target (over 80% through the QR code) counts every QR code the ward posts: the
 * groups', the office's and the public service centre's. Their channels all start with "QR".
 */
export const QR_CHANNELS: readonly string[] = [CHANNELS.qr, CHANNELS.qrOffice, CHANNELS.qrCentre];
export function isQrChannel(channel: string): boolean {
  return QR_CHANNELS.includes(channel);
}

/** Channels staff enter by hand (the form is the QR channel). */
export const STAFF_CHANNELS: ChannelKey[] = ['paper', 'inPerson', 'phone', 'email', 'zalo'];

/**
 * "Đã trả lời" means the resident has been answered — by e-mail, by a phone call staff recorded
 * or by a letter handed over — not that an answer was written: a written answer is a draft
 * ("Dự thảo trả lời"), then, where the chair approves answers, "Chờ duyệt" and "Đã duyệt, chờ
 * gửi". Until "Đã trả lời" the case is open and its working-day clock keeps running.
 */
export const STATUS = {
  new: 'Mới tiếp nhận',
  classified: 'Đã phân loại',
  inProgress: 'Đang xử lý',
  draftAnswer: 'Dự thảo trả lời',
  awaitingApproval: 'Chờ duyệt',
  approved: 'Đã duyệt, chờ gửi',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
} as const;

export type StatusKey = keyof typeof STATUS;
export type Status = (typeof STATUS)[StatusKey];

export function statusKeyOf(label: string): StatusKey | null {
  return (Object.keys(STATUS) as StatusKey[]).find((k) => STATUS[k] === label) ?? null;
}

/**
 * A rating of 1 or 2 (of 5) says the answer did not satisfy the resident: the inbox flags the case
 * and the lookup page offers the resident a follow-up (issue 18, item 8).
 */
export const LOW_RATING_MAX = 2;
export function isLowRating(rating: unknown): boolean {
  return typeof rating === 'number' && rating >= 1 && rating <= LOW_RATING_MAX;
}

/** How the resident was answered (the cases tab's "Hình thức trả lời"). */
export const ANSWER_METHOD = {
  email: 'Email',
  phone: 'Điện thoại',
  letter: 'Thư giấy',
} as const;

export type AnswerMethodKey = keyof typeof ANSWER_METHOD;

/** Honest outcomes, not just "done". */
export const OUTCOME = {
  resolved: 'Đã giải quyết',
  notCompetent: 'Không thuộc thẩm quyền',
  insufficient: 'Không đủ thông tin',
  duplicate: 'Trùng lặp',
  misuse: 'Lợi dụng, vi phạm pháp luật',
} as const;

export type OutcomeKey = keyof typeof OUTCOME;

/**
 * Whether a case marked as misuse reached the ward police ("Chuyển Công an phường"). "Đã chuyển"
 * only once the mail to the police's address has left the outbox; a ward with no such address, or
 * a mail that could not be sent, leaves the case not transferred — and says so.
 */
export const POLICE_TRANSFER = {
  waiting: 'Đang chờ gửi',
  sent: 'Đã chuyển',
  failed: 'Chưa chuyển — thư không gửi được',
  noAddress: 'Chưa chuyển — chưa có email Công an phường',
} as const;

export const COMPLEXITY = {
  normal: 'Thường',
  complex: 'Phức tạp',
} as const;

export const UNCLASSIFIED = 'Chưa phân loại';
