/**
 * The monthly publication for the notice board: the month's answered and closed cases with their
 * staff-approved public summary and answer (scrubbed), and totals — laid out as data from
 * domain/publication only. Residents read it: large print, no names, no contact details.
 */
import { formatVietnameseDate, type CivilDay } from '../calendar/civil-date';
import type { Publication } from '../publication';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec } from './blocks';

export function publicationDocument(pub: Publication, committee: string, today: CivilDay, version: number): DocumentSpec {
  const lower = pub.label.charAt(0).toLowerCase() + pub.label.slice(1);
  const blocks: Block[] = [
    p(committee.toUpperCase(), { bold: true, align: 'center' }),
    p('KẾT QUẢ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN', { heading: 'title', bold: true, align: 'center', size: 16 }),
    p(`qua Hòm thư số — ${lower}`, { bold: true, align: 'center', size: 14 }),
    p(`Niêm yết ngày ${formatVietnameseDate(today)}. Không nêu tên người gửi; người gửi tìm ý kiến của mình theo mã ý kiến.`, { italic: true, align: 'center' }),
    p(`Trong tháng, ${pub.totals.total} ý kiến đã có kết quả: ${pub.totals.answered} ý kiến đã được trả lời, ${pub.totals.closed} ý kiến đã kết thúc.`, { size: 14 }),
  ];
  if (pub.rows.length) {
    blocks.push(
      p('Danh sách ý kiến', { heading: 'section', bold: true, size: 14 }),
      { type: 'table', rows: [['Mã ý kiến', 'Ngày gửi', 'Tổ dân phố', 'Lĩnh vực', 'Kết quả', 'Nội dung và trả lời (đã được duyệt công khai)'], ...pub.rows.map((r) => [r.code, r.receivedOn, r.group, r.category, r.outcome || r.status, [r.summary && `Tóm tắt: ${r.summary}`, r.answer && `Trả lời: ${r.answer}`].filter(Boolean).join('\n') || '—'])] },
    );
  } else blocks.push(p('Trong tháng chưa có ý kiến nào có kết quả.'));
  blocks.push(
    p('Tổng hợp theo lĩnh vực', { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [['Lĩnh vực', 'Số ý kiến'], ...pub.totals.byCategory.map((c) => [c.category, String(c.count)])] },
    p('Tổng hợp theo tổ dân phố', { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [['Tổ dân phố', 'Số ý kiến'], ...pub.totals.byGroup.map((g) => [g.group, String(g.count)])] },
    p('Tổ dân phố có dưới 3 ý kiến trong một lĩnh vực được gộp vào "Các tổ dân phố khác" để không ai bị nhận ra.', { italic: true }),
  );
  const name = `Công khai kết quả Hòm thư số — ${pub.label}${version > 1 ? ` (bản ${version})` : ''}`;
  return { name, page: A4_ADMINISTRATIVE, font: { family: 'Times New Roman', size: 14 }, blocks };
}
