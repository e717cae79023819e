/** Issue 9: the report's layout (from the model only, no personal data), the dashboard, the reminders. */
import { fromYmd, parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { STATUS } from '../../src/domain/case';
import { buildIndex, parseIndex, type CaseRecord } from '../../src/domain/case-record';
import { allText } from '../../src/domain/report/blocks';
import { buildDashboard } from '../../src/domain/report/dashboard';
import { buildReport } from '../../src/domain/report/model';
import { adminReminders, bodyDigests } from '../../src/domain/report/reminders';
import { appendixRows, placeAndDate, reportDocument } from '../../src/domain/report/report-document';
import type { ReportCase } from '../../src/domain/report/types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const calendar = new WorkingCalendar();
const day = (iso: string) => parseIsoDate(iso)!;
const at = (iso: string) => new Date(`${iso}T02:00:00Z`); // 09:00 in Hà Nội

function rc(code: string, received: string, patch: Partial<ReportCase> = {}): ReportCase {
  return { code, receivedAt: at(received), channel: 'QR', group: 'Tổ dân phố 1', category: 'Môi trường', complexity: 'Thường', status: STATUS.inProgress, assignedBody: 'UBND phường', bodyDueDate: '', answeredAt: '', answerSentAt: '', outcome: '', closedAt: '', rating: null, ...patch };
}

const cases: ReportCase[] = [
  rc('GY-2026-00001', '2026-10-05', { answerSentAt: at('2026-10-08'), status: STATUS.answered }),
  rc('GY-2026-00002', '2026-10-20', { channel: 'Hòm thư giấy', group: 'Tổ dân phố 2', category: 'Hạ tầng, giao thông' }),
  rc('GY-2026-00003', '2026-11-02', { status: STATUS.closed, outcome: 'Trùng lặp' }),
];
const groups = ['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'];
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

  it('dates: days below 10 and months below 3 get a leading 0 (Decree 30/2020/NĐ-CP)', () => {
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 2, 5))).toBe('Hòa Bình, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 11, 24))).toBe('Hòa Bình, ngày 24 tháng 11 năm 2026');
  });
});

describe('the dashboard', () => {
  it('this month and quarter, with the inbox filters behind each number, and the silent groups', () => {
    const entries = cases.map((c) => {
      const record = { ...c, suggestedCategory: '', dueDate: new Date(c.receivedAt.getTime() + 9 * 86_400_000), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '' } as unknown as CaseRecord;
      return parseIndex(buildIndex(record))!;
    });
    const d = buildDashboard(entries, day('2026-11-24'), calendar, { rule: 'calendar', groups, deadlineDays: { normal: 7, complex: 20 } });
    expect(d.month.label).toBe('Tháng 11 năm 2026');
    expect(d.quarter.label).toBe('Quý IV năm 2026');
    expect(d.quarter.tiles[0]).toEqual({ label: 'Tiếp nhận', value: '3', query: { from: '2026-10-01', to: '2026-12-31' } });
    expect(d.quarter.tiles[2]).toMatchObject({ label: 'Quá hạn, chưa trả lời', value: '1', query: { status: 'overdue', from: '2026-10-01', to: '2026-12-31' }, warn: true });
    expect(d.groups.map((g) => [g.group, g.count, g.silent])).toEqual([['Tổ dân phố 1', 1, false], ['Tổ dân phố 2', 0, true], ['Tổ dân phố 3', 0, true]]);
  });
});

describe('reminders', () => {
  it('the quarterly report: from 5 working days before the 25th of the quarter\'s last month, once per quarter', () => {
    // 25/12/2026 is a Friday: 5 working days before is Friday 18/12.
    expect(adminReminders(day('2026-12-17'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([]);
    expect(adminReminders(day('2026-12-18'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([{ key: 'q-2026-4', kind: 'quarterly', label: 'Quý IV năm 2026', dueOn: '25/12/2026' }]);
    expect(adminReminders(day('2026-12-26'), calendar).filter((r) => r.kind === 'quarterly')).toEqual([]);
  });

  it('the monthly publication: on the month\'s first working day (or the two after), for the month before', () => {
    // 1/1/2027 is a holiday (Tết Dương lịch), a Friday: the first working day is Monday 4/1.
    expect(adminReminders(day('2027-01-01'), calendar)).toEqual([]);
    expect(adminReminders(day('2027-01-04'), calendar)).toEqual([{ key: 'm-2026-12', kind: 'monthly', label: 'Tháng 12 năm 2026', dueOn: '04/01/2027' }]);
    expect(adminReminders(day('2027-01-07'), calendar)).toEqual([]);
  });

  it('each body with an address (or handlers) gets its open cases due within 2 working days and its overdue ones', () => {
    const entry = (code: string, body: string, due: string, status: string = STATUS.inProgress) => ({ ...parseIndex(buildIndex({ ...rc(code, '2026-11-10'), suggestedCategory: '', dueDate: new Date(`${due}T00:00:00+07:00`), hiddenFromPublic: false, content: 'x', location: '', assignee: '', confidential: false, hasEmail: false, hasPhone: false, answerMethod: '', assignedBody: body, status, answerSentAt: status === STATUS.answered ? at('2026-11-19') : '' } as unknown as CaseRecord))! });
    const entries = [entry('A', 'UBND phường', '2026-11-20'), entry('B', 'UBND phường', '2026-11-26'), entry('C', 'UBND phường', '2026-12-10'), entry('D', 'Công an phường', '2026-11-25'), entry('E', 'UBND phường', '2026-11-20', STATUS.answered)];
    const digests = bodyDigests(entries, [{ name: 'UBND phường', email: 'ubnd@x.vn' }, { name: 'Công an phường', email: '' }], [{ email: 'ca1@x.vn', role: 'handler', body: 'Công an phường' }], day('2026-11-24'), calendar);
    expect(digests.map((d) => [d.body, d.to, d.overdue.map((l) => l.code), d.dueSoon.map((l) => l.code)])).toEqual([
      ['UBND phường', ['ubnd@x.vn'], ['A'], ['B']],
      ['Công an phường', ['ca1@x.vn'], [], ['D']],
    ]);
  });
});

describe('a handling body\'s on-time rate', () => {
  it('counts only the cases it had to answer: a duplicate or misuse closed without an answer is not late', () => {
    const body = 'Công an phường';
    const list = [
      rc('GY-2026-00101', '2026-10-05', { assignedBody: body, answerSentAt: at('2026-10-07'), status: STATUS.answered }),
      rc('GY-2026-00102', '2026-10-05', { assignedBody: body, status: STATUS.closed, outcome: 'Lợi dụng, vi phạm pháp luật', closedAt: at('2026-10-06') }),
    ];
    const f = buildReport(list, { kind: 'quarter', year: 2026, index: 4 }, calendar, ctx).current;
    expect(f.byBody).toEqual([{ body, assigned: 2, answered: 1, answeredOnTime: 1, onTimeRate: 1, committed: 0, keptCommitted: 0 }]);
  });
});
