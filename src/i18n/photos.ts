/**
 * What residents, staff and handling bodies read about photos: why a photo was refused (the web
 * form shows these to the resident; an e-mailed photo's refusal is noted on its case), and the
 * photo panels of the case view and the personal-link page.
 */
/** By domain/photo-check's PhotoRefusal (services/photos/store indexes it: a missing reason fails the type-check). */
export const PHOTO_REFUSALS = {
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

/** The photo panels: the sidebar's case view, the personal-link page, the admin's review. */
export const PHOTO_VIEW = {
  title: 'Ảnh người dân gửi',
  none: 'Không có ảnh.',
  load: 'Xem ảnh',
  loading: 'Đang tải ảnh…',
  alt: (code: string, n: number) => `Ảnh ${n} của ý kiến ${code}`,
  approved: 'Đã duyệt công khai',
  hidden: 'Đã ẩn',
  approve: 'Duyệt công khai',
  hide: 'Ẩn ảnh',
  show: 'Hiện lại',
  private: 'Ảnh chỉ cán bộ và cơ quan xử lý xem được; chỉ ảnh đã duyệt mới được công khai.',
  /** The monthly publication's section of approved photos. */
  publicationHeading: 'Ảnh minh họa (đã được duyệt công khai)',
  noWebApp: 'Chưa triển khai ứng dụng web của hòm thư nên chưa xem được ảnh. Hãy triển khai ứng dụng web (xem hướng dẫn).',
  unavailable: 'Không tải được ảnh lúc này, vui lòng thử lại sau.',
  notFound: 'Không tìm thấy ảnh này.',
  reviewed: { approve: 'Đã duyệt ảnh để công khai.', hide: 'Đã ẩn ảnh.', show: 'Đã hiện lại ảnh.' },
  audit: { approve: 'Duyệt công khai ảnh', hide: 'Ẩn ảnh', show: 'Hiện lại ảnh' },
};
