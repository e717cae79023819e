/**
 * The vocabulary of a case (one resident's feedback) as stored in the cases tab. These values
 * are Vietnamese because staff read and filter them in the sheet.
 */

export const CHANNELS = {
  qr: 'QR',
  paper: 'Hòm thư giấy',
  inPerson: 'Trực tiếp',
  phone: 'Điện thoại',
  email: 'Email',
  zalo: 'Zalo',
} as const;

export type ChannelKey = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ChannelKey];

/** Channels staff enter by hand (the form is the QR channel). */
export const STAFF_CHANNELS: ChannelKey[] = ['paper', 'inPerson', 'phone', 'email', 'zalo'];

export const STATUS = {
  new: 'Mới tiếp nhận',
  classified: 'Đã phân loại',
  inProgress: 'Đang xử lý',
  awaitingApproval: 'Chờ duyệt',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
} as const;

export type StatusKey = keyof typeof STATUS;
export type Status = (typeof STATUS)[StatusKey];

export function statusKeyOf(label: string): StatusKey | null {
  return (Object.keys(STATUS) as StatusKey[]).find((k) => STATUS[k] === label) ?? null;
}

/** Honest outcomes, not just "done". */
export const OUTCOME = {
  resolved: 'Đã giải quyết',
  notCompetent: 'Không thuộc thẩm quyền',
  insufficient: 'Không đủ thông tin',
  duplicate: 'Trùng lặp',
  misuse: 'Lợi dụng, vi phạm pháp luật',
} as const;

export type OutcomeKey = keyof typeof OUTCOME;

export const COMPLEXITY = {
  normal: 'Thường',
  complex: 'Phức tạp',
} as const;

export const UNCLASSIFIED = 'Chưa phân loại';
