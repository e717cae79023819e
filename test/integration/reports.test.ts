/**
 * Issue 9: every report kind is generated as a Doc. Its figures are checked against numbers
 * worked out by hand for a fixed set of cases (test/support/report-cases.ts: channels, groups,
 * categories, statuses, complex cases, answers on time and late, a reopened case, a holiday in
 * the previous quarter), never against the report model; over a realistic generated year
 * (4,000 cases) only what needs no oracle: the figures add up and every case of the period is
 * counted once. The report reads the database in ≤ 5 Spreadsheet calls and writes the Doc in as
 * many Document calls for 1,000 cases as for 4,000; the publication, the dashboard and the
 * reminders.
 */
import { CHANNELS, OUTCOME, STATUS } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { caseRecord } from '../support/cases';
import { ALL } from '../support/report-cases';
import { addStaff, asUser, formAnswers, runHourly, setUpWard, sweepHourlyRun, tabRecords, wardFactory, type Ward } from '../support/ward';
import { SILENT_GROUPS, writeCases, yearOfCases } from '../support/year-of-cases';

const NOW = '2026-12-20T03:00:00Z'; // Sunday 20/12/2026, 10:00 in Hà Nội
type Doc = { id: string; url: string; name: string };

function ward(n: number): { w: Ward; cases: CaseRecord[] } {
  const w = setUpWard({ now: NOW });
  const cases = yearOfCases(n, 2026, new Date(NOW));
  writeCases(w, cases);
  return { w, cases };
}

/** The rows of the Doc's table whose header line is `header` (cells are tab-separated, one row a line). */
function table(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const at = lines.indexOf(header);
  if (at < 0) throw new Error(`no table "${header}" in the Doc`);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.includes('\t')) break;
    rows.push(line.split('\t'));
  }
  return rows;
}

/** "4.000" (vi-VN) → 4000. */
const int = (s: string) => Number(s.replace(/\./g, ''));

describe('the report Doc of a fixed set of cases, figures worked out by hand', () => {
  // Friday 18/12/2026, 10:00 in Hà Nội: the report day of the hand derivation.
  const w = setUpWard({ now: '2026-12-18T03:00:00Z' });
  // The sheet's due date column says the day of receipt: the report must not read it (a case
  // reclassified as complex gets 20 working days, a holiday pushes the day), so it counts
  // due days on the calendar; with this column trusted every answer would be late.
  writeCases(w, ALL.map((c, i) => caseRecord({ ...c, rating: c.rating ?? '', dueDate: c.receivedAt, content: `Ý kiến ${i + 1}`, responseKey: `R${i + 1}` })));
  const doc = w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 4 }) as Doc;
  const text = w.ws.documents.text(doc.id);

  it('names the period and its days: Q4 2026, 1/10–31/12, as of 18/12', () => {
    expect(doc.name).toBe('Báo cáo Hòm thư số — Quý IV năm 2026');
    expect(text).toContain('Lưu Kiếm, ngày 18 tháng 12 năm 2026');
    expect(text).toContain('(Số liệu từ ngày 01/10/2026 đến ngày 31/12/2026; tính đến ngày 18/12/2026)');
  });

  it('receipt: 12 cases (J on 30/9 is Q3), 7 by QR = 58,3% (below the 80% target), 3 of the 40 groups', () => {
    expect(text).toContain('Quý IV năm 2026, Ủy ban MTTQ Việt Nam phường Lưu Kiếm tiếp nhận 12 ý kiến, kiến nghị của Nhân dân qua Hòm thư số. Trong đó qua mã QR 7 ý kiến (58,3%; mục tiêu trên 80%: chưa đạt).');
    const silent = ['Tổ dân phố 3', ...Array.from({ length: 36 }, (_, i) => `Tổ dân phố ${i + 5}`)];
    expect(text).toContain(`3/40 tổ dân phố có ý kiến gửi về; chưa có ý kiến: ${silent.join(', ')}.`);
    expect(text).toContain('Đề nghị Ban Công tác Mặt trận các tổ dân phố chưa có ý kiến (37 tổ)');
    // 1/12 = 8,3%; ties in Vietnamese alphabetical order.
    expect(table(text, 'Kênh tiếp nhận\tSố ý kiến\tTỷ lệ')).toEqual([
      ['QR', '7', '58,3%'],
      ['Điện thoại', '1', '8,3%'],
      ['Email', '1', '8,3%'],
      ['Hòm thư giấy', '1', '8,3%'],
      ['Trực tiếp', '1', '8,3%'],
      ['Zalo', '1', '8,3%'],
    ]);
    // Môi trường: A F P G I; Trật tự đô thị: B O H; D was never classified.
    expect(table(text, 'Lĩnh vực\tSố ý kiến\tTỷ lệ')).toEqual([
      ['Môi trường', '5', '41,7%'],
      ['Trật tự đô thị', '3', '25%'],
      ['An ninh trật tự', '1', '8,3%'],
      ['Chưa phân loại', '1', '8,3%'],
      ['Đất đai', '1', '8,3%'],
      ['Thủ tục hành chính', '1', '8,3%'],
    ]);
    // M came in person to the ward office: no group.
    expect(table(text, 'Tổ dân phố\tSố ý kiến')).toEqual([
      ['Tổ dân phố 2', '5'],
      ['Tổ dân phố 1', '4'],
      ['Tổ dân phố 4', '2'],
    ]);
  });

  it('compares with Q3 2026 (J, K: on time thanks to 1–2/9) and Q4 2025 (L)', () => {
    const at = text.indexOf('So sánh với kỳ trước và cùng kỳ năm trước:');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at)).toContain('Kỳ này\n(Quý IV năm 2026)\tKỳ trước\n(Quý III năm 2026)\tCùng kỳ năm trước\n(Quý IV năm 2025)');
    // On-time rate: answered on time over answered and open past due — 4 / (5 + 2) = 57,1%.
    // Average working days to answer: (4 + 11 + 15 + 6 + 2) / 5 = 7,6; (2 + 7) / 2 = 4,5; 4.
    for (const row of [
      'Ý kiến tiếp nhận\t12\t2\t1',
      'Tỷ lệ qua mã QR\t58,3%\t100%\t100%',
      'Đã trả lời\t5\t2\t1',
      'Tỷ lệ trả lời đúng hạn\t57,1%\t100%\t100%',
      'Chưa trả lời\t5\t0\t0',
      'Số ngày làm việc trung bình để trả lời\t7,6\t4,5\t4',
    ]) expect(text).toContain(`\n${row}\n`);
  });

  it('results: 5 answered (A C M H on time, B late; P\'s answer left after the report day), E F closed, D O P G I open, D P overdue', () => {
    expect(text).toContain('Đến ngày 18/12/2026, đã trả lời 5/12 ý kiến (41,7%), trong đó đúng hạn 4 (7 ngày làm việc; vụ việc phức tạp 20 ngày làm việc), quá hạn 1; 2 ý kiến kết thúc không cần trả lời (trùng lặp, không thuộc thẩm quyền, không đủ thông tin, lợi dụng); 5 ý kiến đang xử lý, trong đó 2 ý kiến đã quá hạn.');
    expect(table(text, 'Kết quả\tSố ý kiến\tTỷ lệ')).toEqual([
      ['Đã trả lời đúng hạn', '4', '33,3%'],
      ['Đã trả lời quá hạn', '1', '8,3%'],
      ['Kết thúc không cần trả lời', '2', '16,7%'],
      ['Đang xử lý, trong hạn', '3', '25%'],
      ['Đang xử lý, quá hạn', '2', '16,7%'],
      ['Tổng số', '12', '100%'],
    ]);
    // Working days to answer A 4, B 11, C 15, M 6, H 2: median 6. Ratings 5, 2, 4, 4: 3,75 → 3,8.
    expect(text).toContain('Thời gian trả lời: trung bình 7,6 ngày làm việc, trung vị 6 ngày làm việc.');
    expect(text).toContain('Mức độ hài lòng: 4 người dân đánh giá, điểm trung bình 3,8/5.');
    expect(text).toContain('Ý kiến có dấu hiệu lợi dụng, xuyên tạc, vi phạm pháp luật: 1 (');
  });

  it('bodies and overdue cases: Phòng Kinh tế 3 of 4 due on time, kept 2 of 3 dates; Công an phường 0 of 2; D 44, P 6, B 4 working days late', () => {
    expect(table(text, 'Cơ quan xử lý\tĐược chuyển\tĐã trả lời\tTỷ lệ đúng hạn\tGiữ đúng hạn đã hẹn')).toEqual([
      ['Phòng Kinh tế', '5', '4', '75%', '2/3'],
      ['Công an phường', '3', '0', '0%', '0/2'],
    ]);
    expect(table(text, 'Mã ý kiến\tLĩnh vực\tCơ quan xử lý\tSố ngày làm việc quá hạn\tTình trạng')).toEqual([
      ['GY-2026-00104', 'Chưa phân loại', 'Công an phường', '44', 'Chưa trả lời'],
      ['GY-2026-00114', 'Môi trường', '—', '6', 'Chưa trả lời'],
      ['GY-2026-00102', 'Trật tự đô thị', 'Phòng Kinh tế', '4', 'Đã trả lời muộn'],
    ]);
  });

  it('the appendix lists the 12 cases of the quarter by receipt, without content', () => {
    expect(table(text, 'Mã ý kiến\tNgày tiếp nhận\tTổ dân phố\tLĩnh vực\tKênh\tTrạng thái')).toEqual([
      ['GY-2026-00101', '01/10/2026', 'Tổ dân phố 1', 'Môi trường', 'QR', STATUS.answered],
      ['GY-2026-00102', '05/10/2026', 'Tổ dân phố 2', 'Trật tự đô thị', 'Hòm thư giấy', STATUS.answered],
      ['GY-2026-00103', '06/10/2026', 'Tổ dân phố 1', 'Đất đai', 'QR', STATUS.answered],
      ['GY-2026-00104', '08/10/2026', 'Tổ dân phố 2', 'Chưa phân loại', 'Điện thoại', 'Đang xử lý'],
      ['GY-2026-00105', '09/10/2026', 'Tổ dân phố 1', 'An ninh trật tự', 'QR', STATUS.closed],
      ['GY-2026-00112', '15/10/2026', '', 'Thủ tục hành chính', 'Trực tiếp', STATUS.answered],
      ['GY-2026-00106', '02/11/2026', 'Tổ dân phố 4', 'Môi trường', 'QR', STATUS.closed],
      ['GY-2026-00113', '30/11/2026', 'Tổ dân phố 4', 'Trật tự đô thị', 'Email', 'Đang xử lý'],
      ['GY-2026-00114', '01/12/2026', 'Tổ dân phố 2', 'Môi trường', 'QR', STATUS.answered],
      ['GY-2026-00107', '10/12/2026', 'Tổ dân phố 2', 'Môi trường', 'Zalo', 'Đã phân loại'],
      ['GY-2026-00108', '14/12/2026', 'Tổ dân phố 1', 'Trật tự đô thị', 'QR', STATUS.answered],
      ['GY-2026-00109', '15/12/2026', 'Tổ dân phố 2', 'Môi trường', 'QR', 'Mới tiếp nhận'],
    ]);
    expect(text).not.toMatch(/Ý kiến \d/);
    expect(w.ws.documents.html(doc.id).match(/<img [^>]*src="data:image\/png;base64,/g)?.length).toBe(2);
  });
});

describe('every report kind over a generated year: the figures add up, every case counted once', () => {
  const { w, cases } = ward(4000);
  /** Vietnam civil day of an instant, as "yyyy-mm-dd". */
  const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  it.each([
    ['quarter', { kind: 'quarter', year: 2026, index: 4 }, 'Quý IV năm 2026', '2026-10-01', '2026-12-31'],
    ['6 months', { kind: 'half', year: 2026, index: 1 }, '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30'],
    ['year', { kind: 'year', year: 2026 }, 'Năm 2026', '2026-01-01', '2026-12-31'],
    ['month', { kind: 'month', year: 2026, index: 9 }, 'Tháng 9 năm 2026', '2026-09-01', '2026-09-30'],
    ['custom', { kind: 'custom', from: '2026-04-20', to: '2026-05-10' }, 'Từ 20/04/2026 đến 10/05/2026', '2026-04-20', '2026-05-10'],
  ] as Array<[string, Record<string, unknown>, string, string, string]>)('%s', (_name, request, label, from, to) => {
    const doc = w.app.call('createReportDocument', request) as Doc;
    const text = w.ws.documents.text(doc.id);
    expect(doc.name).toBe(`Báo cáo Hòm thư số — ${label}`);
    // Counted from the generated cases themselves (every answer and closure is before the report day).
    const inPeriod = cases.filter((c) => vnDay(c.receivedAt) >= from && vnDay(c.receivedAt) <= to);
    expect(inPeriod.length).toBeGreaterThan(50);
    const answered = inPeriod.filter((c) => c.answerSentAt instanceof Date).length;
    const closedWithoutAnswer = inPeriod.filter((c) => !(c.answerSentAt instanceof Date) && c.status === STATUS.closed).length;
    const misuse = inPeriod.filter((c) => c.outcome === OUTCOME.misuse).length;
    const received = inPeriod.length;

    // Every case of the period once in the appendix, and no other.
    const appendix = table(text, 'Mã ý kiến\tNgày tiếp nhận\tTổ dân phố\tLĩnh vực\tKênh\tTrạng thái').map((r) => r[0]);
    expect(appendix.length).toBe(received);
    expect(new Set(appendix)).toEqual(new Set(inPeriod.map((c) => c.code)));

    const results = Object.fromEntries(table(text, 'Kết quả\tSố ý kiến\tTỷ lệ').map((r) => [r[0], int(r[1])]));
    const onTime = results['Đã trả lời đúng hạn'];
    const late = results['Đã trả lời quá hạn'];
    const openInTime = results['Đang xử lý, trong hạn'];
    const openLate = results['Đang xử lý, quá hạn'];
    expect(results['Tổng số']).toBe(received);
    expect(onTime + late).toBe(answered);
    expect(results['Kết thúc không cần trả lời']).toBe(closedWithoutAnswer);
    expect(onTime + late + closedWithoutAnswer + openInTime + openLate).toBe(received);
    const n = (x: number) => x.toLocaleString('vi-VN');
    expect(text).toContain(`tiếp nhận ${n(received)} ý kiến`);
    expect(text).toContain(`đã trả lời ${n(answered)}/${n(received)} ý kiến`);
    expect(text).toContain(`trong đó đúng hạn ${n(onTime)} (7 ngày làm việc; vụ việc phức tạp 20 ngày làm việc), quá hạn ${n(late)}; ${n(closedWithoutAnswer)} ý kiến kết thúc`);
    expect(text).toContain(`${n(openInTime + openLate)} ý kiến đang xử lý, trong đó ${n(openLate)} ý kiến đã quá hạn`);
    expect(text).toContain(`lợi dụng, xuyên tạc, vi phạm pháp luật: ${n(misuse)}`);

    // Each table counts every case once: channels, categories and groups each add up to the received.
    const sum = (rows: string[][]) => rows.reduce((s, r) => s + int(r[1]), 0);
    expect(sum(table(text, 'Kênh tiếp nhận\tSố ý kiến\tTỷ lệ'))).toBe(received);
    expect(sum(table(text, 'Lĩnh vực\tSố ý kiến\tTỷ lệ'))).toBe(received);
    expect(sum(table(text, 'Tổ dân phố\tSố ý kiến'))).toBe(received);
    const qr = inPeriod.filter((c) => c.channel === CHANNELS.qr).length;
    expect(table(text, 'Kênh tiếp nhận\tSố ý kiến\tTỷ lệ').find((r) => r[0] === CHANNELS.qr)![1]).toBe(n(qr));

    // The overdue list: the open ones past due and every late answer, each a case of the period, once.
    const overdue = table(text, 'Mã ý kiến\tLĩnh vực\tCơ quan xử lý\tSố ngày làm việc quá hạn\tTình trạng');
    expect(overdue.filter((r) => r[4] === 'Chưa trả lời').length).toBe(openLate);
    expect(overdue.filter((r) => r[4] === 'Đã trả lời muộn').length).toBe(late);
    expect(new Set(overdue.map((r) => r[0])).size).toBe(overdue.length);
    for (const [code] of overdue) expect(appendix).toContain(code);
    for (const r of overdue) expect(int(r[3])).toBeGreaterThanOrEqual(0); // 0 when past due only by a weekend or holiday

    // No personal data: the cases carry none, and nothing like an address or a phone number appears.
    expect(text).not.toMatch(/@|\b0\d{9}\b/);
    // Two charts, as PNG images.
    expect(w.ws.documents.html(doc.id).match(/<img [^>]*src="data:image\/png;base64,/g)?.length).toBe(2);
  });

  it('the generated year has what a report must handle', () => {
    const doc = w.app.call('createReportDocument', { kind: 'year', year: 2026 }) as Doc;
    const text = w.ws.documents.text(doc.id);
    expect(table(text, 'Kênh tiếp nhận\tSố ý kiến\tTỷ lệ').map((r) => r[0]).sort()).toEqual(['Email', 'Hòm thư giấy', 'QR', 'Trực tiếp', 'Zalo', 'Điện thoại'].sort());
    expect(text).toContain(`chưa có ý kiến: ${SILENT_GROUPS.join(', ')}.`);
    const overdue = table(text, 'Mã ý kiến\tLĩnh vực\tCơ quan xử lý\tSố ngày làm việc quá hạn\tTình trạng');
    expect(overdue.filter((r) => r[4] === 'Chưa trả lời').length).toBeGreaterThan(10);
    expect(overdue.filter((r) => r[4] === 'Đã trả lời muộn').length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.outcome === OUTCOME.misuse).length).toBeGreaterThan(10);
  });

  it('a period made again is a new Doc ("bản 2"); the first is never touched', () => {
    const first = w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 3 }) as Doc;
    const before = w.ws.documents.text(first.id);
    const second = w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 3 }) as Doc;
    expect(second.id).not.toBe(first.id);
    expect(second.name).toBe('Báo cáo Hòm thư số — Quý III năm 2026 (bản 2)');
    expect(w.ws.documents.text(first.id)).toBe(before);
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Lập báo cáo').length).toBeGreaterThanOrEqual(2);
  });

  it('bad requests get Vietnamese messages; a viewer or handler cannot make a report', () => {
    expect(() => w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 5 })).toThrow('Tháng, quý hoặc nửa năm không hợp lệ.');
    expect(() => w.app.call('createReportDocument', { kind: 'week' })).toThrow('Loại kỳ báo cáo không hợp lệ.');
    expect(() => w.app.call('createReportDocument', { kind: 'custom', from: '2026-05-10', to: '2026-04-20' })).toThrow('Khoảng thời gian không hợp lệ');
    expect(() => w.app.call('createReportDocument', { kind: 'year', year: 2027 })).toThrow('Năm 2027 chưa bắt đầu');
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      expect(() => w.app.call('createReportDocument', { kind: 'year', year: 2026 })).toThrow('Vai trò của đồng chí không được dùng chức năng này.');
      expect(() => w.app.call('createPublicationDocument', { year: 2026, month: 11 })).toThrow('Vai trò của đồng chí không được dùng chức năng này.');
      const d = w.app.call('getDashboard') as { month: { label: string } };
      expect(d.month.label).toBe('Tháng 12 năm 2026');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
  });
});

describe('budgets', () => {
  function measure(n: number): { sheets: number; docs: number } {
    const { w } = ward(n);
    w.ws.resetStats();
    w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 4 });
    const s = w.ws.stats().services;
    return { sheets: s.SpreadsheetApp?.calls ?? 0, docs: (s.DocumentApp?.calls ?? 0) + (s.Charts?.calls ?? 0) };
  }

  it('the quarterly report reads the database in ≤ 5 Spreadsheet calls; its Document calls do not grow with the cases', () => {
    const small = measure(1000);
    const large = measure(4000);
    expect(large.sheets).toBeLessThanOrEqual(5);
    expect(large.docs).toBe(small.docs);
  });

  it('the dashboard opens in ≤ 3 Spreadsheet calls', () => {
    const { w } = ward(2000);
    w.ws.resetStats();
    w.app.call('getDashboard');
    expect(w.ws.stats().services.SpreadsheetApp?.calls).toBeLessThanOrEqual(3);
  });
});

describe('the monthly publication', () => {
  it('lists the month\'s answered and closed cases with what staff approved, scrubbed and folded; misuse never appears', () => {
    const { w, cases } = ward(1500);
    // Staff approved some answers for publication, one with personal data typed into it.
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    const inNovember = cases.map((c, i) => ({ c, row: i + 2 })).filter(({ c }) => c.answerSentAt instanceof Date && c.answerSentAt.getTime() >= Date.UTC(2026, 10, 1) && c.answerSentAt.getTime() < Date.UTC(2026, 10, 30) && !c.confidential && !c.hiddenFromPublic);
    const approved = inNovember.slice(0, 3);
    for (const { row } of approved) {
      sheet.getRange(row, col('Công khai')).setValue(true);
      sheet.getRange(row, col('Tóm tắt công khai')).setValue('Đèn trước số nhà 15 ngõ 7 đã thay; liên hệ 0912 345 678 hoặc ba.lan@gmail.com');
      sheet.getRange(row, col('Nội dung trả lời')).setValue('UBND phường đã thay bóng đèn ngày 20/11/2026.');
    }
    const doc = w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as Doc;
    const text = w.ws.documents.text(doc.id);
    expect(doc.name).toBe('Công khai kết quả Hòm thư số — Tháng 11 năm 2026');
    for (const { c } of approved) expect(text).toContain(c.code);
    expect(text).toContain('Tóm tắt: Đèn trước số nhà [đã ẩn] ngõ 7 đã thay; liên hệ [đã ẩn] hoặc [đã ẩn]');
    expect(text).toContain('Trả lời: UBND phường đã thay bóng đèn ngày 20/11/2026.');
    expect(text).not.toMatch(/0912|ba\.lan|số nhà 15/);
    const misuse = cases.filter((c) => c.outcome === 'Lợi dụng, vi phạm pháp luật').map((c) => c.code);
    expect(misuse.length).toBeGreaterThan(0);
    for (const code of misuse) expect(text).not.toContain(code);
    // Unapproved answers never show: only the three approved ones carry "Trả lời:".
    expect(text.match(/Trả lời: /g)).toHaveLength(3);
  });
});

describe('the daily reminders', () => {
  it('once a day from 7:00: each body its cases due within 2 working days and overdue; never two digests a day', () => {
    const w = setUpWard({ now: '2026-12-15T23:30:00Z' }); // Wednesday 16/12, 06:30 in Hà Nội
    const ss = w.SpreadsheetApp.getActive();
    ss.getSheetByName('Cơ quan xử lý')!.getRange(2, 2).setValue('ubnd@luukiem.example');
    const cases = yearOfCases(600, 2026, new Date('2026-12-15T23:00:00Z'));
    writeCases(w, cases);
    const digests = () => tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Nhắc hạn cơ quan xử lý');
    runHourly(w); // 07:30: settings picked up; the reminders run after the outbox
    expect(digests().map((r) => r['Người nhận'])).toEqual(['ubnd@luukiem.example']);
    expect(digests()[0]['Tiêu đề']).toMatch(/^\[Hòm thư số\] UBND phường: \d+ ý kiến quá hạn, \d+ ý kiến sắp đến hạn$/);
    runHourly(w);
    runHourly(w);
    expect(digests()).toHaveLength(1);
    w.ws.clock.advance(24 * 3_600_000);
    runHourly(w);
    expect(digests()).toHaveLength(2);
    // The digest names codes, categories, groups and dates — never a resident or their words.
    const body = w.ws.mail.outbox().find((m) => m.subject.includes('ý kiến quá hạn'))!.body;
    expect(body).toMatch(/GY-2026-\d{5} \(/);
    expect(body).not.toMatch(/Ý kiến số \d+/);
  });

  it('issue 18.2: each digest carries its recipient\'s personal link, never the spreadsheet; counts what their inbox counts; none on days off', () => {
    const HANDLER = 'ubnd@luukiem.example';
    const w = setUpWard({ now: '2026-12-17T23:30:00Z' }); // Friday 18/12, 06:30 in Hà Nội
    addStaff(w, [[HANDLER, 'Xử lý', 'UBND phường']]);
    writeCases(w, yearOfCases(600, 2026, new Date('2026-12-17T23:00:00Z')));
    const digests = () => w.ws.mail.outbox().filter((m) => m.to[0] === HANDLER && m.subject.includes('ý kiến quá hạn'));
    runHourly(w); // 07:30
    runHourly(w); // the digest queued at 07:30 leaves
    expect(digests()).toHaveLength(1);
    const [friday] = digests();
    expect(friday.body).not.toContain('docs.google.com/spreadsheets');
    const token = /\?p=([0-9a-f]{64})/.exec(friday.body)![1];
    expect((w.app.call('getPortal', token) as { email: string }).email).toBe(HANDLER);
    // The numbers in the subject are the handler's inbox counters that day.
    const [, overdue, soon] = /(\d+) ý kiến quá hạn, (\d+) ý kiến sắp đến hạn/.exec(friday.subject)!.map(Number);
    const counters = asUser(w, HANDLER, () => w.app.call('getInbox', {}) as { counters: { overdue: number; dueSoon: number } }).counters;
    expect([overdue, soon]).toEqual([counters.overdue, counters.dueSoon]);
    expect(overdue + soon).toBeGreaterThan(0);
    // Saturday and Sunday: nothing, overdue cases or not. Monday: the next one, with the same link.
    for (let h = 0; h < 48; h++) runHourly(w);
    expect(digests()).toHaveLength(1);
    for (let h = 0; h < 24; h++) runHourly(w);
    expect(digests()).toHaveLength(2);
    expect(/\?p=([0-9a-f]{64})/.exec(digests()[1].body)![1]).toBe(token);
  });

  it('issue 18.2, a fault sweep: failing any one call of the hourly job that makes a digest and its new link, then the next runs — one digest, and its link works', () => {
    const HANDLER = 'ubnd@luukiem.example';
    const fresh = wardFactory((w) => {
      addStaff(w, [[HANDLER, 'Xử lý', 'UBND phường']]);
      runHourly(w);
      w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
      const v = w.app.call('getCase', 'GY-2026-00001') as { code: string; row: number; version: number };
      w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: '' });
      runHourly(w);
      // Friday 11/12, 06:30: the case is overdue, and the link the announcement carried has 13 days
      // left, so the digest makes a new one (a record written before the mail is queued).
      w.ws.clock.setTo(new Date('2026-12-10T23:30:00Z'));
    });
    const digests = (w: Ward) => tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Nhắc hạn cơ quan xử lý');
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    runHourly(clean);
    const total = clean.ws.faults.sweepState().calls;
    clean.ws.faults.failNthCall(0);
    expect(digests(clean)).toHaveLength(1);
    runHourly(clean);
    const tokens = clean.ws.mail.outbox().filter((m) => m.to[0] === HANDLER).map((m) => /\?p=([0-9a-f]{64})/.exec(m.body)![1]);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(tokens[0]); // the digest made a new link: the write path under the sweep
    sweepHourlyRun(fresh, total, (w, where) => {
      const sent = w.ws.mail.outbox().filter((m) => m.to[0] === HANDLER && m.subject.includes('ý kiến quá hạn'));
      expect([where, sent.length, digests(w).filter((r) => r['Trạng thái'] === 'Đã gửi').length]).toEqual([where, 1, 1]);
      const token = /\?p=([0-9a-f]{64})/.exec(sent[0].body)![1];
      expect([where, (w.app.call('getPortal', token) as { email: string }).email]).toEqual([where, HANDLER]);
    });
  });

  it('admins are reminded of the quarterly report 5 working days before the 25th, once', () => {
    const w = setUpWard({ now: '2026-12-18T01:00:00Z' }); // Friday 18/12, 08:00
    const reminders = () => tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Nhắc báo cáo');
    runHourly(w);
    expect(reminders().map((r) => r['Tiêu đề'])).toEqual(['[Hòm thư số] Nhắc lập báo cáo Quý IV năm 2026 (hạn 25/12/2026)']);
    w.ws.clock.advance(3 * 24 * 3_600_000);
    runHourly(w);
    expect(reminders()).toHaveLength(1);
  });

  it('the monthly reminder lists the groups whose QR poster brought nothing in 2 weeks, with their last QR day', () => {
    const w = setUpWard({ now: '2026-12-01T00:00:00Z' }); // Tuesday 1/12, 07:00 in Hà Nội: the month's first working day
    const cases = yearOfCases(3000, 2026, new Date('2026-11-30T12:00:00Z'));
    // Tổ dân phố 5: its poster last brought a case on 10/11; since then only the office QR code and paper.
    const five = cases.filter((c) => c.group === 'Tổ dân phố 5');
    for (const c of five) {
      if (c.receivedAt.getTime() >= Date.parse('2026-11-10T17:00:00Z')) c.channel = c.receivedAt.getTime() % 2 ? CHANNELS.qrOffice : CHANNELS.paper;
    }
    const last = five.filter((c) => c.channel === CHANNELS.qr).at(-1)!;
    last.receivedAt = new Date('2026-11-10T03:00:00Z');
    five.push({ ...last, code: 'GY-2026-09999', responseKey: 'F-recent-office', channel: CHANNELS.qrOffice, receivedAt: new Date('2026-11-29T03:00:00Z') });
    writeCases(w, [...cases, five.at(-1)!]);
    // Counted here from the cases themselves, not by the code under test: a group is stale when no
    // case of it came by its poster ("QR") from 18/11 (00:00 in Hà Nội, 17/11 17:00 UTC) to 1/12.
    const all = [...cases, five.at(-1)!];
    const lastQr = (g: string) => all.filter((c) => c.group === g && c.channel === CHANNELS.qr).reduce<Date | null>((a, c) => (!a || c.receivedAt > a ? c.receivedAt : a), null);
    const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const expected = DEFAULT_SETTINGS.groups
      .filter((g) => { const d = lastQr(g); return !d || d.getTime() < Date.parse('2026-11-17T17:00:00Z'); })
      .map((group) => ({ group, lastQrOn: lastQr(group) ? vnDay(lastQr(group)!) : null }));
    // The generated year has its silent groups (never a QR case) and Tổ dân phố 5; the others are busy.
    expect(expected.map((s) => s.group)).toEqual(expect.arrayContaining(['Tổ dân phố 5', ...SILENT_GROUPS]));
    expect(expected.find((s) => s.group === 'Tổ dân phố 5')).toEqual({ group: 'Tổ dân phố 5', lastQrOn: '10/11/2026' });
    expect(expected.length).toBeLessThan(DEFAULT_SETTINGS.groups.length / 2);

    runHourly(w);
    runHourly(w); // the outbox sends what the first run queued
    const reminders = tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Nhắc báo cáo');
    expect(reminders.map((r) => r['Tiêu đề'])).toEqual(['[Hòm thư số] Nhắc công khai kết quả Tháng 11 năm 2026']);
    const mail = w.ws.mail.outbox().find((m) => m.subject === '[Hòm thư số] Nhắc công khai kết quả Tháng 11 năm 2026')!;
    expect(mail.body).toContain('Đã đến kỳ công khai kết quả trả lời Tháng 11 năm 2026');
    expect(mail.body).toContain(`${expected.length} tổ dân phố chưa có ý kiến nào qua mã QR của tổ trong 2 tuần qua:`);
    expect(mail.body).toContain('- Tổ dân phố 5 (ý kiến qua mã QR gần nhất: 10/11/2026)');
    for (const g of SILENT_GROUPS) expect(mail.body).toContain(`- ${g} (ý kiến qua mã QR gần nhất: chưa có)`);
    // Exactly the stale groups, in settings order, before the spreadsheet link.
    const listed = mail.body.split('\n').filter((l) => /^- Tổ dân phố \d+ \(/.test(l)).map((l) => /^- (Tổ dân phố \d+) \(/.exec(l)![1]);
    expect(listed).toEqual(expected.map((s) => s.group));
    expect(mail.body.indexOf('còn được dán và còn đọc')).toBeLessThan(mail.body.indexOf('Bảng tính:'));
  });
});
