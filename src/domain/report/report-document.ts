/**
 * The periodic report (quarterly, 6-month, yearly, monthly, custom) as a document, drawn from the
 * report model only: the administrative layout of Decree 30/2020/NĐ-CP (letterhead, number,
 * place and date, title, sections I–V, appendix, recipients, signature), tables of real figures
 * and two charts. It carries no personal data: codes, dates, groups, categories, bodies, counts.
 * Where judgement is needed (evaluation, direction), it leaves marked placeholders for staff.
 */
import { formatVietnameseDate, toYmd, vietnamDayOf, type CivilDay } from '../calendar/civil-date';
import type { ReportSettings } from '../settings';
import { isQrChannel } from '../case';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec } from './blocks';
import { QR_TARGET, type PeriodFigures, type ReportCase, type ReportModel } from './types';

export interface AppendixRow {
  code: string;
  receivedOn: string;
  group: string;
  category: string;
  channel: string;
  status: string;
}

/** The cases of the period for the appendix: what was received, with no content and no name. */
export function appendixRows(cases: ReadonlyArray<Pick<ReportCase, 'code' | 'receivedAt' | 'group' | 'category' | 'channel' | 'status'>>, from: CivilDay, to: CivilDay): AppendixRow[] {
  return cases
    .filter((c) => {
      const d = vietnamDayOf(c.receivedAt);
      return d >= from && d <= to;
    })
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.code.localeCompare(b.code))
    .map((c) => ({ code: c.code, receivedOn: formatVietnameseDate(vietnamDayOf(c.receivedAt)), group: c.group, category: c.category || 'Chưa phân loại', channel: c.channel, status: c.status }));
}

const num = (n: number) => n.toLocaleString('vi-VN');
const pct = (part: number, whole: number) => (whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toLocaleString('vi-VN')}%` : '—');
const share = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`);
const days = (x: number | null) => (x === null ? '—' : x.toLocaleString('vi-VN'));

function onTimeRate(f: PeriodFigures): number | null {
  const due = f.answered + f.overdue.filter((o) => o.open).length;
  return due > 0 ? f.answeredOnTime / due : null;
}

/** "Lưu Kiếm, ngày 20 tháng 12 năm 2026" (days and months below 10 written with a leading 0 for 1 and 2, as Decree 30 asks). */
export function placeAndDate(place: string, day: CivilDay): string {
  const { year, month, day: d } = toYmd(day);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

export interface ReportDocumentInput {
  model: ReportModel;
  committee: string;
  header: ReportSettings;
  today: CivilDay;
  /** 1 for the first Doc of this period, 2… for later versions. */
  version: number;
  appendix: AppendixRow[];
}

function comparison(model: ReportModel): Block[] {
  const cols: Array<[string, PeriodFigures]> = [['Kỳ này', model.current]];
  if (model.previous) cols.push(['Kỳ trước', model.previous]);
  if (model.lastYear) cols.push(['Cùng kỳ năm trước', model.lastYear]);
  if (cols.length === 1) return [];
  const row = (label: string, f: (x: PeriodFigures) => string): string[] => [label, ...cols.map(([, x]) => f(x))];
  return [
    p('So sánh với kỳ trước và cùng kỳ năm trước:', { italic: true }),
    {
      type: 'table',
      rows: [
        ['Chỉ tiêu', ...cols.map(([label, x]) => `${label}\n(${x.period.label})`)],
        row('Ý kiến tiếp nhận', (x) => num(x.received)),
        row('Tỷ lệ qua mã QR', (x) => share(x.qrShare)),
        row('Đã trả lời', (x) => num(x.answered)),
        row('Tỷ lệ trả lời đúng hạn', (x) => share(onTimeRate(x))),
        row('Chưa trả lời', (x) => num(x.open)),
        row('Số ngày làm việc trung bình để trả lời', (x) => days(x.averageWorkingDaysToAnswer)),
      ],
    },
  ];
}

export function reportDocument(input: ReportDocumentInput): DocumentSpec {
  const { model, header, committee } = input;
  const f = model.current;
  const label = f.period.label;
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  const openLate = f.overdue.filter((o) => o.open).length;
  const openInTime = f.open - openLate;
  const qr = f.byChannel.filter((c) => isQrChannel(c.key)).reduce((n, c) => n + c.count, 0);
  const blocks: Block[] = [
    {
      type: 'table',
      layout: true,
      rows: [
        [`${header.parentBody}\n${header.localBody}\n${header.organ}\n―――――`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n――――――――――――――'],
        [`Số:      /${header.numberSuffix}`, placeAndDate(header.place, input.today)],
      ],
      cellStyles: [
        [{ bold: true, align: 'center' }, { bold: true, align: 'center' }],
        [{ align: 'center' }, { italic: true, align: 'center' }],
      ],
    },
    p('BÁO CÁO', { heading: 'title', bold: true, align: 'center', size: 14 }),
    p(`Kết quả tiếp nhận, xử lý ý kiến, kiến nghị của Nhân dân qua Hòm thư số ${lower}`, { bold: true, align: 'center' }),
    p(`(Số liệu từ ngày ${formatVietnameseDate(f.period.from)} đến ngày ${formatVietnameseDate(f.period.to)}; tính đến ngày ${formatVietnameseDate(model.asOf)})`, { italic: true, align: 'center' }),

    p('I. TÌNH HÌNH TIẾP NHẬN', { heading: 'section', bold: true }),
    p(`${label}, ${committee} tiếp nhận ${num(f.received)} ý kiến, kiến nghị của Nhân dân qua Hòm thư số. Trong đó qua mã QR ${num(qr)} ý kiến (${share(f.qrShare)}; mục tiêu trên ${share(QR_TARGET)}: ${f.qrShare === null ? 'chưa có số liệu' : f.qrShare > QR_TARGET ? 'đạt' : 'chưa đạt'}).`, { align: 'justify' }),
    p(`${num(f.groupsWithAny)}/${num(f.groupsTotal)} tổ dân phố có ý kiến gửi về; ${f.silentGroups.length ? `chưa có ý kiến: ${f.silentGroups.join(', ')}.` : 'tất cả tổ dân phố đều có ý kiến.'}`, { align: 'justify' }),
    p('1. Theo kênh tiếp nhận', { heading: 'subsection', bold: true }),
    { type: 'table', rows: [['Kênh tiếp nhận', 'Số ý kiến', 'Tỷ lệ'], ...f.byChannel.map((c) => [c.key, num(c.count), pct(c.count, f.received)])] },
    p('2. Theo lĩnh vực', { heading: 'subsection', bold: true }),
    { type: 'table', rows: [['Lĩnh vực', 'Số ý kiến', 'Tỷ lệ'], ...f.byCategory.map((c) => [c.key, num(c.count), pct(c.count, f.received)])] },
    { type: 'chart', kind: 'bar', title: `Ý kiến theo lĩnh vực — ${label}`, columns: ['Lĩnh vực', 'Số ý kiến'], rows: f.byCategory.map((c) => [c.key, c.count] as [string, number]), width: 600, height: Math.max(220, 60 + 32 * f.byCategory.length), colors: ['#1a5fb4'] },
    p('3. Theo tổ dân phố', { heading: 'subsection', bold: true }),
    { type: 'table', rows: [['Tổ dân phố', 'Số ý kiến'], ...f.byGroup.map((g) => [g.key, num(g.count)])] },
    ...comparison(model),

    p('II. KẾT QUẢ XỬ LÝ', { heading: 'section', bold: true }),
    p(`Đến ngày ${formatVietnameseDate(model.asOf)}, đã trả lời ${num(f.answered)}/${num(f.received)} ý kiến (${pct(f.answered, f.received)}), trong đó đúng hạn ${num(f.answeredOnTime)} (${model.deadlineDays.normal} ngày làm việc; vụ việc phức tạp ${model.deadlineDays.complex} ngày làm việc), quá hạn ${num(f.answeredLate)}; ${num(f.closedWithoutAnswer)} ý kiến kết thúc không cần trả lời (trùng lặp, không thuộc thẩm quyền, không đủ thông tin, lợi dụng); ${num(f.open)} ý kiến đang xử lý, trong đó ${num(openLate)} ý kiến đã quá hạn.`, { align: 'justify' }),
    {
      type: 'table',
      rows: [
        ['Kết quả', 'Số ý kiến', 'Tỷ lệ'],
        ['Đã trả lời đúng hạn', num(f.answeredOnTime), pct(f.answeredOnTime, f.received)],
        ['Đã trả lời quá hạn', num(f.answeredLate), pct(f.answeredLate, f.received)],
        ['Kết thúc không cần trả lời', num(f.closedWithoutAnswer), pct(f.closedWithoutAnswer, f.received)],
        ['Đang xử lý, trong hạn', num(openInTime), pct(openInTime, f.received)],
        ['Đang xử lý, quá hạn', num(openLate), pct(openLate, f.received)],
        ['Tổng số', num(f.received), f.received ? '100%' : '—'],
      ],
    },
    { type: 'chart', kind: 'pie', title: `Kết quả xử lý — ${label}`, columns: ['Kết quả', 'Số ý kiến'], rows: [['Trả lời đúng hạn', f.answeredOnTime], ['Trả lời quá hạn', f.answeredLate], ['Đang xử lý, trong hạn', openInTime], ['Đang xử lý, quá hạn', openLate], ['Kết thúc không cần trả lời', f.closedWithoutAnswer]], width: 600, height: 320, colors: ['#2e7d32', '#ef6c00', '#1a5fb4', '#c62828', '#9e9e9e'] },
    p(`Thời gian trả lời: trung bình ${days(f.averageWorkingDaysToAnswer)} ngày làm việc, trung vị ${days(f.medianWorkingDaysToAnswer)} ngày làm việc.`),
    p(f.satisfaction.rated ? `Mức độ hài lòng: ${num(f.satisfaction.rated)} người dân đánh giá, điểm trung bình ${days(f.satisfaction.average)}/5.` : 'Mức độ hài lòng: chưa có đánh giá của người dân trong kỳ.'),
    p(`Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: ${num(f.misuse)} (đã chuyển Công an phường theo quy định; không công khai).`),

    p('III. CÔNG TÁC GIÁM SÁT, ĐÔN ĐỐC', { heading: 'section', bold: true }),
    p('1. Kết quả của cơ quan xử lý', { heading: 'subsection', bold: true }),
    {
      type: 'table',
      rows: [
        ['Cơ quan xử lý', 'Được chuyển', 'Đã trả lời', 'Tỷ lệ đúng hạn', 'Giữ đúng hạn đã hẹn'],
        ...f.byBody.map((b) => [b.body, num(b.assigned), num(b.answered), share(b.onTimeRate), b.committed ? `${num(b.keptCommitted)}/${num(b.committed)}` : '—']),
      ],
    },
    p('2. Ý kiến quá hạn', { heading: 'subsection', bold: true }),
    f.overdue.length
      ? { type: 'table', rows: [['Mã ý kiến', 'Lĩnh vực', 'Cơ quan xử lý', 'Số ngày làm việc quá hạn', 'Tình trạng'], ...f.overdue.map((o) => [o.code, o.category, o.body || '—', num(o.workingDaysLate), o.open ? 'Chưa trả lời' : 'Đã trả lời muộn'])] }
      : p('Không có ý kiến quá hạn.'),
    p('[Ban Thường trực ghi các hoạt động giám sát, đôn đốc đã thực hiện trong kỳ.]', { placeholder: true }),

    p('IV. ĐÁNH GIÁ', { heading: 'section', bold: true }),
    p('1. Ưu điểm', { heading: 'subsection', bold: true }),
    p('[Ban Thường trực đánh giá ưu điểm.]', { placeholder: true }),
    p('2. Hạn chế, nguyên nhân', { heading: 'subsection', bold: true }),
    p('[Ban Thường trực đánh giá hạn chế và nguyên nhân.]', { placeholder: true }),

    p('V. PHƯƠNG HƯỚNG, KIẾN NGHỊ', { heading: 'section', bold: true }),
    p('[Phương hướng kỳ tới và kiến nghị với cấp ủy, chính quyền.]', { placeholder: true }),
    f.silentGroups.length ? p(`Đề nghị Ban Công tác Mặt trận các tổ dân phố chưa có ý kiến (${f.silentGroups.length} tổ) kiểm tra việc niêm yết mã QR và hướng dẫn người dân sử dụng.`, { align: 'justify' }) : null,

    {
      type: 'table',
      layout: true,
      rows: [[`Nơi nhận:\n${header.recipients.map((r) => `- ${r}`).join('\n')}`, `${header.signFor}\n${header.signTitle}\n\n\n\n${header.signer}`]],
      cellStyles: [[{ italic: false }, { bold: true, align: 'center' }]],
    },

    { type: 'pageBreak' },
    p('PHỤ LỤC', { heading: 'section', bold: true, align: 'center' }),
    p(`Danh sách ý kiến tiếp nhận ${lower} (không nêu thông tin người gửi)`, { italic: true, align: 'center' }),
    input.appendix.length
      ? { type: 'table', rows: [['Mã ý kiến', 'Ngày tiếp nhận', 'Tổ dân phố', 'Lĩnh vực', 'Kênh', 'Trạng thái'], ...input.appendix.map((r) => [r.code, r.receivedOn, r.group, r.category, r.channel, r.status])] }
      : p('Không có ý kiến trong kỳ.'),
  ].filter((b): b is Block => b !== null);
  const name = `Báo cáo Hòm thư số — ${label}${input.version > 1 ? ` (bản ${input.version})` : ''}`;
  return { name, page: A4_ADMINISTRATIVE, font: { family: 'Times New Roman', size: 13 }, blocks };
}
