/** The web app's own resident form: what a resident reads around the questions (the questions are FORM's). */
/** Why a photo is refused (domain/photo-intake's PhotoRefusal: i18n is a leaf, so named again here). */
type PhotoRefusal = 'count' | 'size' | 'notImage' | 'typeMismatch' | 'foreign' | 'empty';

export const WEB_FORM = {
  title: 'Gửi ý kiến đến Ủy ban MTTQ phường',
  intro: 'Không cần đăng nhập. Các ô có dấu * là bắt buộc.',
  requiredMark: ' *',
  photosTitle: 'Ảnh chụp (không bắt buộc, tối đa 3 ảnh)',
  photosHelp: 'Ảnh được thu nhỏ ngay trên điện thoại trước khi gửi; thông tin vị trí (GPS) trong ảnh được xóa.',
  addPhoto: 'Thêm ảnh',
  removePhoto: (n: number) => `Bỏ ảnh ${n}`,
  photoAlt: (n: number) => `Ảnh ${n}`,
  preparing: 'Đang chuẩn bị ảnh…',
  refused: (name: string, why: PhotoRefusal, max: { photos: number; mb: number }) => {
    const reason: Record<PhotoRefusal, string> = {
      count: `chỉ gửi được tối đa ${max.photos} ảnh`,
      size: `tệp lớn quá (tối đa ${max.mb} MB)`,
      notImage: 'tệp này không phải là ảnh',
      typeMismatch: 'tệp này không phải là ảnh như tên của nó',
      foreign: 'tệp ảnh có chứa nội dung khác (không an toàn)',
      empty: 'tệp trống',
    };
    return `Không nhận "${name}": ${reason[why]}.`;
  },
  undecodable: (name: string) => `Không nhận "${name}": điện thoại không mở được ảnh này. Ông/Bà hãy chụp lại hoặc chọn ảnh khác.`,
  /** As the Google Form's button, and as the poster's steps say ("Bấm Gửi"). */
  send: 'Gửi',
  sending: 'Đang gửi…',
  sendingPhotos: (n: number) => `Đang gửi ý kiến và ${n} ảnh…`,
  retry: 'Gửi lại',
  fixAbove: 'Vui lòng xem lại các ô được đánh dấu ở trên.',
  failed: 'Chưa gửi được. Ông/Bà bấm "Gửi lại" (ý kiến không bị gửi hai lần).',
  /** The confirmation, at once. */
  thanks: 'Cảm ơn ông/bà đã gửi ý kiến.',
  code: 'Mã ý kiến',
  due: 'Hạn trả lời',
  key: 'Mã tra cứu',
  saveHint: 'Hãy lưu lại mã ý kiến và mã tra cứu (chụp màn hình hoặc ghi ra giấy): ông/bà cần cả hai để xem kết quả trả lời.',
  lookupLink: 'Xem tình trạng ý kiến',
  keyReissued: 'Mã tra cứu của ý kiến này đã được cấp lại; ông/bà dùng mã mới cán bộ đã báo.',
  photosSaved: (n: number) => (n ? `Đã nhận ${n} ảnh.` : ''),
  photosNotSaved: 'Ảnh chưa lưu được; ý kiến đã được ghi nhận. Ông/Bà có thể bấm "Gửi lại" để gửi ảnh.',
  /** A bot filled the hidden field: a neutral answer, nothing filed. */
  received: 'Cảm ơn ông/bà. Ý kiến đã được gửi.',
  busy: 'Hệ thống đang bận, ông/bà vui lòng thử lại sau ít phút.',
  tooLarge: 'Nội dung gửi lên lớn quá. Ông/Bà hãy bớt ảnh hoặc rút ngắn nội dung.',
  photoInvalid: 'Ảnh gửi lên không hợp lệ. Ông/Bà hãy chọn lại ảnh.',
  notHere: 'Biểu mẫu này chỉ gửi được từ trang web của phường (đường dẫn hoặc mã QR trên áp phích).',
  notReady: 'Hòm thư chưa sẵn sàng nhận ý kiến trên trang này.',
  /** The hidden field a person never sees (a bot fills it). */
  trapLabel: 'Để trống ô này',
} as const;
