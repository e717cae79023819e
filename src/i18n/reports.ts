/**
 * The wording of the periodic report Doc (domain/report/report-document.ts): the administrative
 * layout of Decree 30/2020/NĐ-CP, its sections, tables and charts, and the placeholders left for
 * the standing committee's own judgement.
 */

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
  satisfied: (rated: number) => `Người dân hài lòng (${rated} đánh giá)`,
} as const;

export const REPORT_DOC = {
  /** "Lưu Kiếm, ngày 20 tháng 12 năm 2026" — dd and mm already padded as Decree 30 asks. */
  placeAndDate: (place: string, dd: string, mm: string, year: number) => `${place}, ngày ${dd} tháng ${mm} năm ${year}`,
  nationalMotto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n――――――――――――――',
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
    summary: (p: { asOf: string; answered: string; received: string; answeredShare: string; onTime: string; late: string; closed: string; open: string; openLate: string }) =>
      `Đến ngày ${p.asOf}, đã trả lời ${p.answered}/${p.received} ý kiến (${p.answeredShare}), trong đó đúng hạn ${p.onTime} (7 ngày làm việc; vụ việc phức tạp 20 ngày làm việc), quá hạn ${p.late}; ${p.closed} ý kiến kết thúc không cần trả lời (trùng lặp, không thuộc thẩm quyền, không đủ thông tin, lợi dụng); ${p.open} ý kiến đang xử lý, trong đó ${p.openLate} ý kiến đã quá hạn.`,
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
    misuse: (n: string) => `Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: ${n} (đã chuyển Công an phường theo quy định; không công khai).`,
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

  recipients: (lines: string[]) => `Nơi nhận:\n${lines.map((r) => `- ${r}`).join('\n')}`,

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
