/**
 * Reports: the sidebar's reports tab and dashboard, the reminders to admins, period names, and
 * the wording of the periodic report Doc (domain/report/report-document.ts: the administrative
 * layout of Decree 30/2020/NĐ-CP, its sections, tables and charts, and the placeholders left for
 * the standing committee's own judgement) and of the monthly publication.
 */
import { STAFF_ADDRESS } from './address';

/** The names of report periods, as headings and reminders print them. */
export const PERIOD = {
  month: (month: number, year: number) => `Tháng ${month} năm ${year}`,
  quarter: (roman: string, year: number) => `Quý ${roman} năm ${year}`,
  half: (first: boolean, year: number) => `6 tháng ${first ? 'đầu' : 'cuối'} năm ${year}`,
  year: (year: number) => `Năm ${year}`,
  custom: (from: string, to: string) => `Từ ${from} đến ${to}`,
  monthInvalid: (month: number, year: number) => `Tháng không hợp lệ: ${month}/${year}`,
} as const;

/** The dashboard's tiles (domain/report/dashboard.ts). */
export const DASHBOARD_TILES = {
  received: 'Tiếp nhận',
  onTime: 'Trả lời đúng hạn',
  overdue: 'Quá hạn, chưa trả lời',
  qr: (target: string) => `Qua mã QR (mục tiêu ${target})`,
  /** An average score, never a share of people ("2/5 Người dân hài lòng" read as 2 people of 5). */
  satisfied: (rated: number) => `Điểm hài lòng trung bình, thang 1–5 (${rated ? `${rated} lượt đánh giá` : 'chưa có đánh giá'})`,
  /** The average to one decimal, Vietnamese style: "4,5 điểm". */
  score: (average: string) => `${average} điểm`,
} as const;

export const REPORT_DOC = {
  number: (suffix: string) => `Số:      /${suffix}`,
  title: 'BÁO CÁO',
  subtitle: (period: string) => `Kết quả tiếp nhận, xử lý ý kiến, kiến nghị của Nhân dân qua Hòm thư số ${period}`,
  span: (from: string, to: string, asOf: string) => `(Số liệu từ ngày ${from} đến ngày ${to}; tính đến ngày ${asOf})`,

  comparison: {
    current: 'Kỳ này',
    previous: 'Kỳ trước',
    lastYear: 'Cùng kỳ năm trước',
    intro: 'So sánh với kỳ trước và cùng kỳ năm trước:',
    measure: 'Chỉ tiêu',
    received: 'Ý kiến tiếp nhận',
    qrShare: 'Tỷ lệ qua mã QR',
    answered: 'Đã trả lời',
    onTimeRate: 'Tỷ lệ trả lời đúng hạn',
    open: 'Chưa trả lời',
    averageDays: 'Số ngày làm việc trung bình để trả lời',
  },

  intake: {
    heading: 'I. TÌNH HÌNH TIẾP NHẬN',
    summary: (p: { period: string; committee: string; received: string; qr: string; qrShare: string; target: string; verdict: string }) =>
      `${p.period}, ${p.committee} tiếp nhận ${p.received} ý kiến, kiến nghị của Nhân dân qua Hòm thư số. Trong đó qua mã QR ${p.qr} ý kiến (${p.qrShare}; mục tiêu trên ${p.target}: ${p.verdict}).`,
    targetNoData: 'chưa có số liệu',
    targetMet: 'đạt',
    targetMissed: 'chưa đạt',
    groups: (withAny: string, total: string, silent: string[]) =>
      `${withAny}/${total} tổ dân phố có ý kiến gửi về; ${silent.length ? `chưa có ý kiến: ${silent.join(', ')}.` : 'tất cả tổ dân phố đều có ý kiến.'}`,
    byChannel: '1. Theo kênh tiếp nhận',
    channel: 'Kênh tiếp nhận',
    byCategory: '2. Theo lĩnh vực',
    category: 'Lĩnh vực',
    categoryChart: (period: string) => `Ý kiến theo lĩnh vực — ${period}`,
    byGroup: '3. Theo tổ dân phố',
    group: 'Tổ dân phố',
    count: 'Số ý kiến',
    share: 'Tỷ lệ',
  },

  handling: {
    heading: 'II. KẾT QUẢ XỬ LÝ',
    summary: (p: { asOf: string; answered: string; received: string; answeredShare: string; onTime: string; normalDays: number; complexDays: number; late: string; closed: string; open: string; openLate: string }) =>
      `Đến ngày ${p.asOf}, đã trả lời ${p.answered}/${p.received} ý kiến (${p.answeredShare}), trong đó đúng hạn ${p.onTime} (${p.normalDays} ngày làm việc; vụ việc phức tạp ${p.complexDays} ngày làm việc), quá hạn ${p.late}; ${p.closed} ý kiến kết thúc không cần trả lời (trùng lặp, không thuộc thẩm quyền, không đủ thông tin, lợi dụng); ${p.open} ý kiến đang xử lý, trong đó ${p.openLate} ý kiến đã quá hạn.`,
    outcome: 'Kết quả',
    answeredOnTime: 'Đã trả lời đúng hạn',
    answeredLate: 'Đã trả lời quá hạn',
    closedWithoutAnswer: 'Kết thúc không cần trả lời',
    openInTime: 'Đang xử lý, trong hạn',
    openLate: 'Đang xử lý, quá hạn',
    total: 'Tổng số',
    chart: (period: string) => `Kết quả xử lý — ${period}`,
    chartOnTime: 'Trả lời đúng hạn',
    chartLate: 'Trả lời quá hạn',
    timeToAnswer: (average: string, median: string) => `Thời gian trả lời: trung bình ${average} ngày làm việc, trung vị ${median} ngày làm việc.`,
    satisfaction: (rated: string, average: string) => `Mức độ hài lòng: ${rated} người dân đánh giá, điểm trung bình ${average}/5.`,
    noSatisfaction: 'Mức độ hài lòng: chưa có đánh giá của người dân trong kỳ.',
    /** "Đã chuyển" counts only the cases whose mail reached the police (never one merely marked). */
    misuse: (n: string, transferred: string, notYet: string) =>
      `Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: ${n} (${notYet === '0' ? (n === '0' ? '' : 'đã chuyển Công an phường; ') : `đã chuyển Công an phường: ${transferred}; chưa chuyển: ${notYet}; `}không công khai).`,
  },

  oversight: {
    heading: 'III. CÔNG TÁC GIÁM SÁT, ĐÔN ĐỐC',
    bodies: '1. Kết quả của cơ quan xử lý',
    body: 'Cơ quan xử lý',
    assigned: 'Được chuyển',
    answered: 'Đã trả lời',
    onTimeRate: 'Tỷ lệ đúng hạn',
    keptCommitted: 'Giữ đúng hạn đã hẹn',
    overdue: '2. Ý kiến quá hạn',
    code: 'Mã ý kiến',
    category: 'Lĩnh vực',
    daysLate: 'Số ngày làm việc quá hạn',
    state: 'Tình trạng',
    stillOpen: 'Chưa trả lời',
    answeredLate: 'Đã trả lời muộn',
    noneOverdue: 'Không có ý kiến quá hạn.',
    placeholder: '[Ban Thường trực ghi các hoạt động giám sát, đôn đốc đã thực hiện trong kỳ.]',
  },

  evaluation: {
    heading: 'IV. ĐÁNH GIÁ',
    strengths: '1. Ưu điểm',
    strengthsPlaceholder: '[Ban Thường trực đánh giá ưu điểm.]',
    weaknesses: '2. Hạn chế, nguyên nhân',
    weaknessesPlaceholder: '[Ban Thường trực đánh giá hạn chế và nguyên nhân.]',
  },

  direction: {
    heading: 'V. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
    placeholder: '[Phương hướng kỳ tới và kiến nghị với cấp ủy, chính quyền.]',
    silentGroups: (n: number) => `Đề nghị Ban Công tác Mặt trận các tổ dân phố chưa có ý kiến (${n} tổ) kiểm tra việc niêm yết mã QR và hướng dẫn người dân sử dụng.`,
  },

  appendix: {
    heading: 'PHỤ LỤC',
    intro: (period: string) => `Danh sách ý kiến tiếp nhận ${period} (không nêu thông tin người gửi)`,
    code: 'Mã ý kiến',
    receivedOn: 'Ngày tiếp nhận',
    group: 'Tổ dân phố',
    category: 'Lĩnh vực',
    channel: 'Kênh',
    status: 'Trạng thái',
    empty: 'Không có ý kiến trong kỳ.',
  },

  name: (period: string, version: number) => `Báo cáo Hòm thư số — ${period}${version > 1 ? ` (bản ${version})` : ''}`,
} as const;

const OTHER_GROUPS = 'Các tổ dân phố khác';

/** The monthly publication for the notice board (domain/report/publication-document.ts): residents read it. */
export const PUBLICATION_DOC = {
  /** Groups with too few cases in a category to be shown apart are listed under this line. */
  otherGroups: OTHER_GROUPS,
  title: 'KẾT QUẢ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN',
  subtitle: (period: string) => `qua Hòm thư số — ${period}`,
  posted: (on: string) => `Niêm yết ngày ${on}. Không nêu tên người gửi; người gửi tìm ý kiến của mình theo mã ý kiến.`,
  totals: (total: number, answered: number, closed: number) => `Trong tháng, ${total} ý kiến đã có kết quả: ${answered} ý kiến đã được trả lời, ${closed} ý kiến đã kết thúc.`,
  list: 'Danh sách ý kiến',
  code: 'Mã ý kiến',
  receivedOn: 'Ngày gửi',
  group: 'Tổ dân phố',
  category: 'Lĩnh vực',
  outcome: 'Kết quả',
  content: 'Nội dung và trả lời (đã được duyệt công khai)',
  summary: (text: string) => `Tóm tắt: ${text}`,
  answer: (text: string) => `Trả lời: ${text}`,
  none: 'Trong tháng chưa có ý kiến nào có kết quả.',
  byCategory: 'Tổng hợp theo lĩnh vực',
  byGroup: 'Tổng hợp theo tổ dân phố',
  count: 'Số ý kiến',
  smallGroups: `Tổ dân phố có dưới 3 ý kiến trong một lĩnh vực được gộp vào "${OTHER_GROUPS}" để không ai bị nhận ra.`,
  name: (period: string, version: number) => `Công khai kết quả Hòm thư số — ${period}${version > 1 ? ` (bản ${version})` : ''}`,
  /** The audit's detail of a publication made. */
  made: (period: string, cases: number, url: string) => `${period}: ${cases} ý kiến — ${url}`,
} as const;

/** The sidebar's reports tab, the dashboard and the reminders to admins. */
export const REPORTS = {
  monthOption: (n: number) => `Tháng ${n}`,
  quarterOption: (roman: string) => `Quý ${roman}`,
  /** A dashboard tile's tooltip. */
  openInInbox: 'Mở danh sách trong hộp thư',
  notAllowed: `Vai trò của ${STAFF_ADDRESS.inSentence} không được dùng chức năng này.`,
  badKind: 'Loại kỳ báo cáo không hợp lệ.',
  badYear: 'Năm báo cáo không hợp lệ.',
  badIndex: 'Tháng, quý hoặc nửa năm không hợp lệ.',
  badRange: 'Khoảng thời gian không hợp lệ: hãy chọn "từ ngày" trước "đến ngày".',
  rangeTooLong: 'Khoảng thời gian tối đa 3 năm.',
  future: (label: string) => `${label} chưa bắt đầu: chưa có số liệu để báo cáo.`,
  tab: 'Báo cáo',
  title: 'Lập báo cáo',
  help: 'Báo cáo được lập thành Google Tài liệu mới theo thể thức Nghị định 30/2020/NĐ-CP; lập lại cùng kỳ sẽ tạo bản mới, không sửa bản cũ.',
  kind: 'Kỳ báo cáo',
  kinds: { quarter: 'Quý', half: '6 tháng', year: 'Năm', month: 'Tháng', custom: 'Tùy chọn' },
  year: 'Năm',
  index: { month: 'Tháng', quarter: 'Quý', half: 'Nửa năm' },
  halves: ['6 tháng đầu năm', '6 tháng cuối năm'],
  from: 'Từ ngày',
  to: 'Đến ngày',
  make: 'Lập báo cáo',
  making: 'Đang lập báo cáo… (có thể mất đến một phút)',
  made: (name: string) => `Đã lập "${name}": `,
  open: 'mở báo cáo',
  publication: 'Lập bản công khai kết quả tháng',
  posters: 'In mã QR',
  postersHelp: 'Mỗi tổ dân phố, trụ sở Ủy ban và Trung tâm Phục vụ hành chính công một trang A4: mã QR mở biểu mẫu đã chọn sẵn nơi đặt mã, hướng dẫn cho người cao tuổi, mã QR xem kết quả.',
  stickers: 'In tem dán mã QR',
  placeLinks: 'Xem đường dẫn của từng nơi (để gửi vào nhóm Zalo của tổ)',
  placeLinksLoading: 'Đang lấy đường dẫn…',
  stickersHelp: 'Mỗi nơi đặt mã một tem nhỏ (12 tem một trang A4) để cắt và dán.',
  publicationHelp: 'Để niêm yết: các ý kiến đã trả lời hoặc kết thúc trong tháng, chỉ tóm tắt và trả lời đã được duyệt công khai; không nêu tên, đã ẩn số điện thoại, số giấy tờ, email, số nhà.',
  dashboardTab: 'Tổng quan',
  dashboardTitle: 'Tổng quan',
  thisMonth: 'Tháng này',
  thisQuarter: 'Quý này',
  byGroup: (label: string) => `Ý kiến theo tổ dân phố — ${label}`,
  silent: 'chưa có ý kiến',
  silentCount: (n: number, total: number) => `${n}/${total} tổ dân phố chưa có ý kiến`,
  qrGauge: (share: string, target: string) => `Qua mã QR: ${share} (mục tiêu ${target})`,
  asOf: (on: string) => `Số liệu đến ngày ${on}.`,
} as const;

export const REMINDERS = {
  kindBody: 'Nhắc hạn cơ quan xử lý',
  kindAdmin: 'Nhắc báo cáo',
  bodySubject: (body: string, overdue: number, soon: number) => `[Hòm thư số] ${body}: ${overdue} ý kiến quá hạn, ${soon} ý kiến sắp đến hạn`,
  bodyText: (p: { body: string; committee: string; soonDays: number; dueSoon: Array<{ code: string; category: string; group: string; dueOn: string; left: number }>; overdue: Array<{ code: string; category: string; group: string; dueOn: string; left: number }>; url: string }) =>
    [
      `Kính gửi: ${p.body}`,
      '',
      `${p.committee} xin nhắc các ý kiến của Nhân dân đã chuyển đến quý cơ quan:`,
      '',
      ...(p.overdue.length ? ['Quá hạn trả lời:', ...p.overdue.map((l) => `- ${l.code} (${l.category}, ${l.group}): hạn ${l.dueOn}, quá ${-l.left} ngày làm việc`), ''] : []),
      ...(p.dueSoon.length ? [`Sắp đến hạn (trong ${p.soonDays} ngày làm việc):`, ...p.dueSoon.map((l) => `- ${l.code} (${l.category}, ${l.group}): hạn ${l.dueOn}${l.left === 0 ? ', hết hạn hôm nay' : `, còn ${l.left} ngày làm việc`}`), ''] : []),
      `Xem các ý kiến, cập nhật tiến độ và đề xuất trả lời qua liên kết cá nhân (không chuyển cho người khác): ${p.url}`,
      '',
      'Trân trọng.',
    ].join('\n'),
  adminSubject: (r: { kind: 'quarterly' | 'monthly'; label: string; dueOn: string }) =>
    r.kind === 'quarterly' ? `[Hòm thư số] Nhắc lập báo cáo ${r.label} (hạn ${r.dueOn})` : `[Hòm thư số] Nhắc công khai kết quả ${r.label}`,
  /** `posters`: the monthly reminder's lines on the groups' QR posters (ADOPTION.mailLines), if any. */
  adminText: (r: { kind: 'quarterly' | 'monthly'; label: string; dueOn: string }, committee: string, url: string, posters: string[] = []) =>
    [
      'Kính gửi cán bộ quản trị,',
      '',
      r.kind === 'quarterly'
        ? `Báo cáo kết quả Hòm thư số ${r.label} cần gửi Thường trực Đảng ủy và Ủy ban MTTQ cấp trên trước ngày ${r.dueOn}. Lập báo cáo: thanh bên › Báo cáo.`
        : `Đã đến kỳ công khai kết quả trả lời ${r.label} (không nêu tên người gửi). Lập bản công khai: thanh bên › Báo cáo.`,
      '',
      ...(posters.length ? [...posters, ''] : []),
      `Bảng tính: ${url}`,
      '',
      committee,
    ].join('\n'),
} as const;

/** QR adoption per residential group: "Tổng quan" and the monthly reminder to admins. */
const weeks = (days: number) => (days % 7 === 0 ? `${days / 7} tuần` : `${days} ngày`);

export const ADOPTION = {
  /** "Tổng quan": the section under the groups chart. */
  title: (label: string) => `Ý kiến qua mã QR của tổ — ${label}`,
  columns: { group: 'Tổ dân phố', qr: 'QR/tổng', share: (target: string) => `Tỷ lệ (mục tiêu ${target})` },
  /** The figure read aloud with the row. */
  rowLabel: (group: string, qr: number, count: number, share: string) => `${group}: ${qr}/${count} ý kiến qua mã QR của tổ (${share})`,
  staleFlag: (days: number) => `Chưa có ý kiến qua QR ${weeks(days)}`,
  lastQr: (on: string | null) => (on ? `QR gần nhất: ${on}` : 'Chưa từng có ý kiến qua QR'),
  staleSummary: (n: number, days: number, groups: string[]) => `${n} tổ chưa có ý kiến qua mã QR trong ${weeks(days)}: ${groups.join(', ')}.`,
  noneStale: (days: number) => `Tổ nào cũng có ý kiến qua mã QR trong ${weeks(days)} qua.`,
  tooEarly: (days: number) => `Hòm thư tiếp nhận chưa đủ ${weeks(days)}: chưa đánh giá được mã QR ở các tổ.`,
  note: 'Chỉ tính mã QR dán ở tổ dân phố (không tính mã QR tại trụ sở UBND, Trung tâm Phục vụ hành chính công).',

  /** The monthly reminder to admins: lines to insert before the spreadsheet link. */
  mailLines: (posters: { days: number; stale: Array<{ group: string; lastQrOn: string | null }> }): string[] =>
    posters.stale.length === 0
      ? [`Mã QR ở các tổ dân phố: tất cả các tổ dân phố đều có ý kiến qua mã QR trong ${weeks(posters.days)} qua.`]
      : [
          `Mã QR ở các tổ dân phố: ${posters.stale.length} tổ dân phố chưa có ý kiến nào qua mã QR của tổ trong ${weeks(posters.days)} qua:`,
          ...posters.stale.map((s) => `- ${s.group} (ý kiến qua mã QR gần nhất: ${s.lastQrOn ?? 'chưa có'})`),
          'Đề nghị kiểm tra áp phích mã QR ở các tổ này còn được dán và còn đọc, quét được (không rách, mờ, bị che); in lại nếu cần: thanh bên › Báo cáo › In mã QR.',
        ],
} as const;

