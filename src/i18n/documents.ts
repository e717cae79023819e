/**
 * The wording of printed paper: the transfer slip and the reply letter (templates the admin can
 * edit), the answers sheet per residential group, the QR posters and stickers, and the paper
 * slips residents without a phone write on.
 */
import { RESIDENT } from './address';

/**
 * The parts of an administrative document every paper a clerk signs shares (Decree 30/2020/NĐ-CP,
 * Appendix I), built once by domain/report/administrative.ts: the national motto, the rules under
 * the names, the place-and-date line, "Nơi nhận" and its archive line.
 */
export const OFFICIAL_DOC = {
  motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  mottoSub: 'Độc lập - Tự do - Hạnh phúc',
  /** The solid rule under the motto (as long as its second line) and under the issuing body (shorter). */
  mottoRule: '――――――――――――――',
  bodyRule: '―――――――',
  /** "Lưu Kiếm, ngày 02 tháng 12 năm 2026" — dd and mm already padded as Decree 30 asks. */
  placeAndDate: (place: string, dd: string, mm: string, year: number | string) => `${place}, ngày ${dd} tháng ${mm} năm ${year}`,
  recipients: 'Nơi nhận:',
  /** The office's own copy, always the last recipient. */
  archive: 'Lưu: VT',
} as const;

/**
 * The transfer slip and the reply letter follow the Vietnamese administrative format (Decree
 * 30/2020/NĐ-CP): motto block, issuing body, number, place and date, title, body, recipients,
 * signature. They are Google Docs the admin can edit; {{…}} fields are filled for each case.
 */
export const PAPER = {
  transferSlipTemplateName: 'Mẫu phiếu chuyển — Hòm thư số',
  letterTemplateName: 'Mẫu thư trả lời — Hòm thư số',
  transferSlipName: (code: string) => `Phiếu chuyển ${code}`,
  letterName: (code: string) => `Thư trả lời ${code}`,
  versionName: (name: string, n: number) => `${name} (bản ${n})`,
  groupSheetName: (on: string) => `Phiếu trả lời theo tổ dân phố — ${on}`,
  transferSlipTitle: 'PHIẾU CHUYỂN Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN',
  letterTitle: 'THƯ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ',
  transferSlipBody: [
    'Kính gửi: {{co_quan}}',
    '{{uy_ban}} nhận được ý kiến mã {{ma}} qua kênh {{kenh}} ngày {{ngay_tiep_nhan}}, tại {{to_dan_pho}}, lĩnh vực {{linh_vuc}}.',
    'Nội dung:',
    '{{noi_dung}}',
    'Địa điểm: {{dia_diem}}',
    'Đề nghị quý cơ quan xem xét, giải quyết theo thẩm quyền và thông tin kết quả về {{uy_ban}} trước ngày {{han_tra_loi}} để trả lời Nhân dân.',
  ],
  /** The reply's parts are composed by domain/reply, the same for the letter and the e-mail. */
  letterBody: ['{{kinh_gui}}', '{{mo_dau}}', '{{tra_loi}}', '{{cam_on}}'],
  /** "Nơi nhận" of both: the addressee ("Như trên": the "Kính gửi" above) and the archive. */
  recipients: ['Như trên', 'Lưu: VT'],
  /**
   * The letterhead's and signature's fields, filled from the settings' report header at each
   * printing (services/documents/paper-trail.ts), so a template made once follows the settings.
   */
  parentBody: '{{co_quan_cap_tren}}',
  localBody: '{{ten_co_quan}}',
  organ: '{{co_quan_ban_hanh}}',
  placeAndDate: '{{dia_danh}}, ngày {{ngay_so}} tháng {{thang_so}} năm {{nam_so}}',
  signFor: '{{tham_quyen_ky}}',
  signTitle: '{{chuc_vu_nguoi_ky}}',
  signer: '{{nguoi_ky}}',
  number: 'Số: {{ma}}/HTS',
  groupTitle: (group: string) => `PHIẾU TRẢ LỜI Ý KIẾN — ${group}`,
  groupIntro: 'Kính gửi: Ông/Bà đã gửi ý kiến đến Hòm thư số. Ông/Bà vui lòng tìm mã ý kiến của mình (in trong phiếu tiếp nhận hoặc thư báo) để xem kết quả trả lời.',
  groupEmpty: 'Không có trả lời cần phát tay.',
  groupColumns: ['Mã ý kiến', 'Ngày tiếp nhận', 'Trả lời'],
  notAdmin: 'Chỉ cán bộ quản trị được lập văn bản.',
  noAnswer: 'Ý kiến chưa có nội dung trả lời.',
  noBody: 'Ý kiến chưa được chuyển cho cơ quan xử lý: hãy "Chuyển xử lý" trước khi lập phiếu chuyển.',
  templateElement: (type: string) => `Mẫu văn bản có một phần không sao chép được (${type}, ví dụ mục lục): hãy xóa phần đó khỏi mẫu rồi lập lại.`,
  created: (name: string) => `Đã lập "${name}".`,
  noTemplates: 'Chưa có mẫu văn bản: hãy chạy "Thiết lập hòm thư".',
  caseNotFound: 'Không tìm thấy ý kiến.',
  /** The audit's detail of the answers sheets. */
  groupSheetsMade: (cases: number, groups: number) => `${cases} ý kiến, ${groups} tổ dân phố`,
} as const;

/** Paper slips with printed codes ("In phiếu giấy"). */
export const PAPER_SLIPS = {
  title: 'In phiếu góp ý giấy',
  help: 'Phiếu cho hòm thư giấy: mỗi phiếu có sẵn mã ý kiến và phần giữ lại có mã tra cứu. Mỗi mã chỉ nhập được một lần.',
  group: 'Tổ dân phố',
  count: 'Số phiếu (2 phiếu một trang A4)',
  groupInvalid: 'Vui lòng chọn một tổ dân phố trong danh sách.',
  countInvalid: (max: number) => `Số phiếu phải từ 1 đến ${max}.`,
  busy: 'Hệ thống đang bận, vui lòng thử lại sau ít phút. Chưa in phiếu nào.',
  /** The audit's detail: the range printed, never a key. */
  printed: (group: string, first: string, last: string, count: number, url: string) => `${group}: ${first} – ${last} (${count} phiếu) — ${url}`,
} as const;

/** The paper slip itself (domain/paper-slips.ts): the form on the left, the stub the resident keeps on the right. */
export const PAPER_SLIP_DOC = {
  title: 'PHIẾU GÓP Ý, PHẢN ÁNH, KIẾN NGHỊ',
  mailbox: (committee: string) => `${committee} — Hòm thư số`,
  group: (group: string) => `Tổ dân phố: ${group}`,
  code: (code: string) => `Mã ý kiến: ${code}`,
  content: `Nội dung (${RESIDENT.inSentence} ghi rõ sự việc, thời gian và mong muốn; viết thêm ở mặt sau nếu cần):`,
  location: 'Địa điểm (nếu có):',
  nameAndPhone: `Họ và tên, số điện thoại (không bắt buộc; để lại số điện thoại, cán bộ sẽ gọi điện trả lời ${RESIDENT.inSentence}):`,
  confidential: '☐ Giữ bí mật danh tính của tôi',
  howTo: (normalDays: number) => `Xé phần bên phải giữ lại, gấp phiếu và bỏ vào hòm thư giấy. Ý kiến được trả lời trong ${normalDays} ngày làm việc. Thông tin người gửi được giữ bí mật.`,
  stubTitle: `PHẦN ${RESIDENT.inSentence.toUpperCase()} GIỮ LẠI`,
  stubCode: 'Mã ý kiến:',
  stubLookupKey: 'Mã tra cứu:',
  stubScan: 'Quét mã ở trên để xem tình trạng và kết quả trả lời.',
  stubContact: (contact: string) => `Hỏi về ý kiến: ${contact}`,
  stubQrName: (code: string) => `Tra cứu ${code}.gif`,
  cutHere: '✂ Cắt theo đường kẻ.',
  name: (group: string, first: string, last: string) => `Phiếu góp ý giấy — ${group} — ${first}${last !== first ? ` đến ${last}` : ''}`,
} as const;

/** The QR posters (domain/posters.ts), in plain Vietnamese for elderly residents. */
export const POSTER_DOC = {
  title: 'HÒM THƯ SỐ',
  subtitle: (place: string) => `Góp ý, phản ánh, kiến nghị — ${place}`,
  qrName: (place: string) => `QR ${place}.gif`,
  howTo: 'Cách gửi ý kiến:',
  steps: `1. Mở máy ảnh (camera) của điện thoại.\n2. Hướng máy ảnh vào mã QR ở trên.\n3. Chạm vào đường dẫn hiện ra trên màn hình.\n4. Viết ý kiến của ${RESIDENT.inSentence}.\n5. Bấm "Gửi".`,
  promise: (normalDays: number) => `Thông tin người gửi được giữ bí mật. ${RESIDENT.sentenceStart} sẽ được trả lời trong ${normalDays} ngày làm việc.`,
  paperMailbox: (atGroup: boolean) => `Không dùng điện thoại? ${RESIDENT.sentenceStart} có thể viết ý kiến vào phiếu và bỏ vào hòm thư giấy ${atGroup ? 'tại nhà văn hóa tổ dân phố hoặc trụ sở Ủy ban' : 'đặt tại đây'}.`,
  groupResults: 'Xem kết quả trả lời của tổ dân phố:',
  wardResults: 'Xem kết quả trả lời của phường:',
  resultsQrName: (place: string) => `Kết quả ${place}.gif`,
  name: (places: string) => `Mã QR Hòm thư số — ${places}`,
  /** "40 tổ dân phố, trụ sở Ủy ban, Trung tâm Phục vụ hành chính công". */
  groups: (n: number) => `${n} tổ dân phố`,
  office: 'trụ sở Ủy ban',
  centre: 'Trung tâm Phục vụ hành chính công',
  /** The audit's detail of a printing. */
  printed: (places: number, url: string) => `${places} nơi đặt mã — ${url}`,
  /** Forms gave a prefilled link without the answers it was asked to carry. */
  prefillFailed: 'Không tạo được đường dẫn điền sẵn của biểu mẫu.',
} as const;

/** The sticker sheet: short lines only, a sticker is 62 mm wide. */
export const STICKER_DOC = {
  text: (place: string) => `HÒM THƯ SỐ\n${place}\nQuét mã để góp ý, kiến nghị`,
  qrName: (place: string) => `Tem ${place}.gif`,
  name: (places: string) => `Tem dán mã QR Hòm thư số — ${places}`,
} as const;
