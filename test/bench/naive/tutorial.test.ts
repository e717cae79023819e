/**
 * The naive baseline must do the work it is compared on — otherwise the bench would compare the
 * add-on with something cheaper than a real tutorial script. Small database, real effects.
 */
import { STATUS } from '../../../src/domain/case';
import { wardWithCases } from '../ward';
import * as naive from './tutorial';

describe('the naive baseline does the operations it is measured on', () => {
  const w = wardWithCases(60);
  const g = w.ws.globals as unknown as naive.Services;
  const cases = () => w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!.getDataRange().getValues();
  const run = <T>(fn: () => T): T => w.ws.execution(fn, { kind: 'call' });

  it('files a submission as one appended row with the next code, and acknowledges it', () => {
    const before = cases();
    const code = run(() => naive.naiveSubmit(g, { group: 'Tổ dân phố 2', content: 'Rác ở ngõ 3', email: 'dan@gmail.com' }, w.ws.clock.now()));
    const after = cases();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)![0]).toBe(code);
    expect(code).toBe('GY-2026-00061');
    expect(w.ws.mail.outbox().at(-1)).toMatchObject({ to: ['dan@gmail.com'] });
  });

  it('lists open cases and finds a case by its text', () => {
    const open = run(() => naive.naiveInbox(g));
    expect(open.length).toBeGreaterThan(0);
    const header = cases()[0].map(String);
    expect(open.every((r) => [STATUS.new, STATUS.classified, STATUS.inProgress, STATUS.draftAnswer].includes(r[header.indexOf('Trạng thái')] as never))).toBe(true);
    const found = run(() => naive.naiveSearch(g, 'ý kiến số 17'));
    expect(found.map((r) => r[header.indexOf('Mã ý kiến')])).toEqual(['GY-2026-00017']);
  });

  it('classifies a case in its row and logs it', () => {
    const code = w.cases.find((c) => c.status === STATUS.new)!.code;
    run(() => naive.naiveClassify(g, code, 'Môi trường', w.ws.clock.now()));
    const [header, ...rows] = cases();
    const row = rows.find((r) => r[header.indexOf('Mã ý kiến')] === code)!;
    expect(row[header.indexOf('Lĩnh vực')]).toBe('Môi trường');
    expect(row[header.indexOf('Trạng thái')]).toBe(STATUS.classified);
    const audit = w.SpreadsheetApp.getActive().getSheetByName('Nhật ký')!.getDataRange().getValues();
    expect(audit.at(-1)).toContain(code);
  });

  it('writes the quarter’s cases as table rows and the month’s answers as paragraphs', () => {
    const [header, ...rows] = cases();
    const q4 = rows.filter((r) => (r[header.indexOf('Thời điểm tiếp nhận')] as Date) >= new Date(2026, 9, 1)).length; // the one filed above included
    const reportId = run(() => naive.naiveQuarterReport(g, 2026, 4));
    const text = w.ws.documents.text(reportId);
    expect(text).toContain(`Tổng số ý kiến: ${q4}`);
    for (const c of w.cases.filter((x) => x.receivedAt >= new Date(2026, 9, 1))) expect(text).toContain(c.code);
    const answered = w.cases.filter((c) => c.answeredAt instanceof Date && c.answeredAt >= new Date(2026, 10, 1) && c.answeredAt < new Date(2026, 11, 1) && !c.hiddenFromPublic);
    const pubId = run(() => naive.naiveMonthlyPublication(g, 2026, 11));
    const pub = w.ws.documents.text(pubId);
    for (const c of answered) expect(pub).toContain(c.code);
  });
});
