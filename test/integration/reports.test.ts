/**
 * Issue 9 on a realistic generated year (4,000 cases: every channel, holidays, complex, late,
 * open, overdue, duplicates, misuse, reopened): every report kind is generated as a Doc and its
 * figures are those of the model; the report reads the database in ≤ 5 Spreadsheet calls and
 * writes the Doc in as many Document calls for 1,000 cases as for 4,000; the publication, the
 * dashboard and the reminders.
 */
import { fromYmd, vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { CHANNELS } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';
import { buildReport } from '../../src/domain/report/model';
import type { PeriodSpec, ReportCase } from '../../src/domain/report/types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';
import { SILENT_GROUPS, writeCases, yearOfCases } from '../support/year-of-cases';

const NOW = '2026-12-20T03:00:00Z'; // Sunday 20/12/2026, 10:00 in Hà Nội
type Doc = { id: string; url: string; name: string };

function ward(n: number): { w: Ward; cases: CaseRecord[] } {
  const w = setUpWard({ now: NOW });
  const cases = yearOfCases(n, 2026, new Date(NOW));
  writeCases(w, cases);
  return { w, cases };
}

const asReportCases = (cases: CaseRecord[]): ReportCase[] => cases.map((c) => ({ ...c, rating: null }));
const num = (n: number) => n.toLocaleString('vi-VN');

describe('every report kind over a generated year', () => {
  const { w, cases } = ward(4000);
  const model = (spec: PeriodSpec) => buildReport(asReportCases(cases), spec, new WorkingCalendar(), { asOf: vietnamDayOf(new Date(NOW)), rule: 'calendar', groups: DEFAULT_SETTINGS.groups, deadlineDays: { normal: 7, complex: 20 } });

  it.each([
    ['quarter', { kind: 'quarter', year: 2026, index: 4 }, { kind: 'quarter', year: 2026, index: 4 }],
    ['6 months', { kind: 'half', year: 2026, index: 1 }, { kind: 'half', year: 2026, index: 1 }],
    ['year', { kind: 'year', year: 2026 }, { kind: 'year', year: 2026 }],
    ['month', { kind: 'month', year: 2026, index: 9 }, { kind: 'month', year: 2026, index: 9 }],
    ['custom', { kind: 'custom', from: '2026-04-20', to: '2026-05-10' }, { kind: 'custom', year: 0, from: fromYmd(2026, 4, 20), to: fromYmd(2026, 5, 10) }],
  ] as Array<[string, Record<string, unknown>, PeriodSpec]>)('%s: the Doc says what the model computes', (_name, request, spec) => {
    const m = model(spec).current;
    const doc = w.app.call('createReportDocument', request) as Doc;
    const text = w.ws.documents.text(doc.id);
    expect(doc.name).toBe(`Báo cáo Hòm thư số — ${m.period.label}`);
    expect(m.received).toBeGreaterThan(0);
    expect(text).toContain(`tiếp nhận ${num(m.received)} ý kiến`);
    expect(text).toContain(`đã trả lời ${num(m.answered)}/${num(m.received)} ý kiến`);
    expect(text).toContain(`trong đó đúng hạn ${num(m.answeredOnTime)}`);
    expect(text).toContain(`quá hạn ${num(m.answeredLate)}`);
    expect(text).toContain(`${num(m.open)} ý kiến đang xử lý`);
    expect(text).toContain(`lợi dụng, xuyên tạc, vi phạm pháp luật: ${num(m.misuse)}`);
    for (const o of m.overdue.slice(0, 5)) expect(text).toContain(o.code);
    // No personal data: the cases carry none, and nothing like an address or a phone number appears.
    expect(text).not.toMatch(/@|\b0\d{9}\b/);
    // Two charts, as PNG images.
    expect(w.ws.documents.html(doc.id).match(/<img [^>]*src="data:image\/png;base64,/g)?.length).toBe(2);
  });

  it('the generated year has what a report must handle', () => {
    const q = model({ kind: 'year', year: 2026 }).current;
    expect(q.byChannel.map((c) => c.key).sort()).toEqual(['Email', 'Hòm thư giấy', 'QR', 'Trực tiếp', 'Zalo', 'Điện thoại'].sort());
    expect(q.silentGroups).toEqual(SILENT_GROUPS);
    expect(q.overdue.filter((o) => o.open).length).toBeGreaterThan(10);
    expect(q.answeredLate).toBeGreaterThan(10);
    expect(q.misuse).toBeGreaterThan(10);
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
      expect(() => w.app.call('createReportDocument', { kind: 'year', year: 2026 })).toThrow('Vai trò của bạn không được dùng chức năng này.');
      expect(() => w.app.call('createPublicationDocument', { year: 2026, month: 11 })).toThrow('Vai trò của bạn không được dùng chức năng này.');
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
