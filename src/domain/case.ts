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
} as const;

export const COMPLEXITY = {
  normal: 'Thường',
  complex: 'Phức tạp',
} as const;

export const UNCLASSIFIED = 'Chưa phân loại';
