/** domain/report/report-document: the report's layout, drawn from the model only, with no personal data (issue 9). */
import { fromYmd, parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { allText } from '../../src/domain/report/blocks';
import { buildReport } from '../../src/domain/report/model';
import { placeAndDate } from '../../src/domain/report/administrative';
import { appendixRows, reportDocument } from '../../src/domain/report/report-document';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { THREE_CASES as cases, THREE_GROUPS as groups } from '../support/report-cases';

// The model is the renderer's input here (its own figures are checked by hand in report-model.test.ts);
// what is asserted is what the Doc draws, written out by hand.
const calendar = new WorkingCalendar();
const day = (iso: string) => parseIsoDate(iso)!;
const ctx = { asOf: day('2026-12-20'), rule: 'calendar' as const, groups, deadlineDays: { normal: 7, complex: 20 } };

describe('the report Doc, drawn from the model', () => {
  const model = buildReport(cases, { kind: 'quarter', year: 2026, index: 4 }, calendar, ctx);
  const header = { ...DEFAULT_SETTINGS.report, localBody: 'PHƯỜNG HÒA BÌNH', place: 'Hòa Bình', numberSuffix: 'BC-MTTQ-BTT', signer: 'Nguyễn Văn Ba' };
  const spec = reportDocument({ model, committee: 'Ủy ban MTTQ Việt Nam phường Hòa Bình', header, today: day('2026-12-20'), version: 2, appendix: appendixRows(cases, model.current.period.from, model.current.period.to) });
  const text = allText(spec);

  it('has the administrative layout with every header string from settings', () => {
    const letterhead = spec.blocks[0];
    expect(letterhead.type === 'table' && letterhead.layout).toBe(true);
    expect(text).toContain('ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG HÒA BÌNH\nBAN THƯỜNG TRỰC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số:      /BC-MTTQ-BTT');
    expect(text).toContain('Hòa Bình, ngày 20 tháng 12 năm 2026');
    expect(text).toContain('BÁO CÁO');
    for (const s of ['I. TÌNH HÌNH TIẾP NHẬN', 'II. KẾT QUẢ XỬ LÝ', 'III. CÔNG TÁC GIÁM SÁT, ĐÔN ĐỐC', 'IV. ĐÁNH GIÁ', 'V. PHƯƠNG HƯỚNG, KIẾN NGHỊ', 'PHỤ LỤC', 'Nơi nhận:', 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH']) expect(text).toContain(s);
    expect(text).toContain('Nguyễn Văn Ba');
    expect(spec.name).toBe('Báo cáo Hòm thư số — Quý IV năm 2026 (bản 2)');
    expect(spec.page).toEqual({ widthMm: 210, heightMm: 297, marginTopMm: 20, marginBottomMm: 20, marginLeftMm: 30, marginRightMm: 15 });
    expect(spec.font).toEqual({ family: 'Times New Roman', size: 13 });
  });

  it('has two charts drawn from the figures: cases by category, and results', () => {
    const charts = spec.blocks.filter((b) => b.type === 'chart');
    expect(charts.map((c) => c.type === 'chart' && [c.kind, c.rows])).toEqual([
      // By hand: 00001 and 00003 are "Môi trường", 00002 "Hạ tầng, giao thông".
      ['bar', [['Môi trường', 2], ['Hạ tầng, giao thông', 1]]],
      // 00001 answered in 3 working days (on time); 00002 open since 20/10, due 29/10 (late); 00003 a duplicate.
      ['pie', [['Trả lời đúng hạn', 1], ['Trả lời quá hạn', 0], ['Đang xử lý, trong hạn', 0], ['Đang xử lý, quá hạn', 1], ['Kết thúc không cần trả lời', 1]]],
    ]);
  });

  it('leaves the judgements to staff as marked placeholders, and lists the period\'s cases without content', () => {
    expect(spec.blocks.filter((b) => b.type === 'paragraph' && b.placeholder).length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('GY-2026-00001\n05/10/2026\nTổ dân phố 1\nMôi trường\nQR');
    expect(text).toContain('GY-2026-00003\n02/11/2026');
    expect(text).not.toMatch(/@|Rác/);
  });

  it('says "đã chuyển Công an phường" only of the misuse cases whose mail reached the police (issue 18.4)', () => {
    const misuse = (code: string, policeTransfer: string) => ({ ...cases[2], code, outcome: 'Lợi dụng, vi phạm pháp luật', policeTransfer });
    const sentence = (extra: typeof cases) => {
      const m = buildReport([...cases, ...extra], { kind: 'quarter', year: 2026, index: 4 }, calendar, ctx);
      return allText(reportDocument({ model: m, committee: 'Ủy ban MTTQ', header, today: day('2026-12-20'), version: 1, appendix: [] })).split('\n').find((l) => l.startsWith('Ý kiến có dấu hiệu lợi dụng'));
    };
    expect(sentence([])).toBe('Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: 0 (không công khai).');
    expect(sentence([misuse('GY-2026-00004', 'Đã chuyển')])).toBe('Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: 1 (đã chuyển Công an phường; không công khai).');
    const some = [misuse('GY-2026-00004', 'Đã chuyển'), misuse('GY-2026-00005', 'Chưa chuyển — chưa có email Công an phường'), misuse('GY-2026-00006', 'Đang chờ gửi'), misuse('GY-2026-00007', 'Chưa chuyển — thư không gửi được')];
    expect(sentence(some)).toBe('Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: 4 (đã chuyển Công an phường: 1; chưa chuyển: 3; không công khai).');
    expect(sentence([misuse('GY-2026-00005', 'Chưa chuyển — chưa có email Công an phường')])).toBe('Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: 1 (đã chuyển Công an phường: 0; chưa chuyển: 1; không công khai).');
  });

  it('keeps the signature block with the text above it: the last paragraph kept with the next, the block\'s row never broken across pages', () => {
    const at = spec.blocks.findIndex((b) => b.type === 'table' && b.rows[0][0].startsWith('Nơi nhận:'));
    const before = spec.blocks[at - 1];
    expect(before.type === 'paragraph' && [before.text.slice(0, 30), before.keepWithNext]).toEqual(['Đề nghị Ban Công tác Mặt trận ', true]);
    const signature = spec.blocks[at];
    expect(signature.type === 'table' && signature.keepRowsWhole).toBe(true);
    // Nothing else is kept so: the rest flows as Docs lays it out (headings aside, which the writer keeps with what follows).
    expect(spec.blocks.filter((b) => b.type === 'paragraph' && b.keepWithNext)).toHaveLength(1);
  });

  it('dates: days below 10 and months below 3 get a leading 0 (Decree 30/2020/NĐ-CP)', () => {
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 2, 5))).toBe('Hòa Bình, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 11, 24))).toBe('Hòa Bình, ngày 24 tháng 11 năm 2026');
  });
});
