/**
 * What residents, staff and handling bodies read about photos: why a photo was refused (the web
 * form shows these to the resident; an e-mailed photo's refusal is noted on its case), and the
 * photo panels of the case view and the personal-link page.
 */
import type { PhotoRefusal } from '../domain/photo-check';

export const PHOTO_REFUSALS: Record<PhotoRefusal, string> = {
  empty: 'Tệp ảnh trống.',
  tooLarge: 'Ảnh quá lớn: mỗi ảnh tối đa 2 MB.',
  notImage: 'Tệp này không phải ảnh JPEG hoặc PNG.',
  broken: 'Ảnh bị hỏng hoặc không đọc được.',
  trailingData: 'Ảnh có dữ liệu lạ ở sau phần ảnh nên không được nhận.',
  polyglot: 'Ảnh có chứa nội dung không phải ảnh (mã trang web hoặc tệp nén) nên không được nhận.',
  tooMany: 'Mỗi ý kiến gửi tối đa 3 ảnh.',
};

export const PHOTOS = {
  /** The Drive folder the ward owns (never shared). */
  folderName: 'Hòm thư số — Ảnh người dân gửi (không chia sẻ)',
  fileName: (code: string, index: number, ext: string) => `${code}-anh-${index + 1}.${ext}`,
};
