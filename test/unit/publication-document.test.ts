/**
 * domain/report/publication-document: the monthly publication as residents read it on the notice
 * board (issue 18, item 11). The list gives the resident's words and the answer most of the page's
 * width — what a case says, not six equal columns that make one case a page — and the summary
 * tables keep their own widths. Expected values are written out by hand.
 */
import { fromYmd } from '../../src/domain/calendar/civil-date';
import type { Publication } from '../../src/domain/publication';
import { publicationDocument } from '../../src/domain/report/publication-document';
import type { TableBlock } from '../../src/domain/report/blocks';

const pub: Publication = {
  year: 2026,
  month: 11,
  label: 'Tháng 11 năm 2026',
  rows: [
    { code: 'GY-2026-00012', receivedOn: '03/11/2026', group: 'Tổ dân phố 5', category: 'Môi trường', status: 'Đã trả lời', outcome: '', summary: 'Rác tồn đọng đầu ngõ 7.', answer: 'Đã thu gom ngày 05/11/2026.' },
    { code: 'GY-2026-00031', receivedOn: '10/11/2026', group: 'Các tổ dân phố khác', category: 'Khác', status: 'Đã kết thúc', outcome: 'Đã giải quyết', summary: '', answer: '' },
  ],
  totals: { total: 2, answered: 1, closed: 1, byCategory: [{ category: 'Môi trường', count: 1 }, { category: 'Khác', count: 1 }], byGroup: [{ group: 'Tổ dân phố 5', count: 1 }, { group: 'Các tổ dân phố khác', count: 1 }] },
};

const spec = publicationDocument(pub, 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm', fromYmd(2026, 12, 2), 1);
const tables = spec.blocks.filter((b): b is TableBlock => b.type === 'table');
const textWidth = spec.page.widthMm - spec.page.marginLeftMm - spec.page.marginRightMm;

describe('the list of cases', () => {
  const list = tables[0];

  it('three columns: the code over the day, the group over the category and the result, then what the case says and its answer', () => {
    expect(list.rows).toEqual([
      ['Mã ý kiến\nNgày gửi', 'Tổ dân phố\nLĩnh vực\nKết quả', 'Nội dung và trả lời (đã được duyệt công khai)'],
      ['GY-2026-00012\n03/11/2026', 'Tổ dân phố 5\nMôi trường\nĐã trả lời', 'Tóm tắt: Rác tồn đọng đầu ngõ 7.\nTrả lời: Đã thu gom ngày 05/11/2026.'],
      ['GY-2026-00031\n10/11/2026', 'Các tổ dân phố khác\nKhác\nĐã giải quyết', '—'],
    ]);
  });

  it('gives the content and answer most of the text width, the three columns filling it', () => {
    const widths = list.widthsMm!;
    expect(widths).toHaveLength(3);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(textWidth, 5);
    expect(widths[2] / textWidth).toBeGreaterThan(0.5);
    // A case code at the table's size fits its column on one line: 13 characters of 13-point
    // Times are under 30 mm, and Docs pads a cell 5 points (1.8 mm) each side.
    expect(widths[0]).toBeGreaterThanOrEqual(34);
    // The line of folded groups, "Các tổ dân phố khác" (19 characters), likewise: under 40 mm.
    expect(widths[1]).toBeGreaterThanOrEqual(44);
  });
});

describe('the summary tables', () => {
  it('by category and by group, each with a wide name column and a narrow count', () => {
    expect(tables.slice(1).map((t) => [t.rows[0], t.widthsMm])).toEqual([
      [['Lĩnh vực', 'Số ý kiến'], [125, 40]],
      [['Tổ dân phố', 'Số ý kiến'], [125, 40]],
    ]);
  });
});
