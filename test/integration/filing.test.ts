/**
 * Filing (services/cases/filing): case codes stay above the highest code in the database, also when
 * staff type a case row by hand and "Đồng bộ lại" recovers a missed response. Black-box, expected
 * codes worked out by hand.
 */
import { formAnswers, lastUiMessage, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const CASES = 'Ý kiến';

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

describe('case codes stay above the highest code in the database', () => {
  function typeCaseRow(ward: Ward, code: string): void {
    const sheet = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as string[];
    const row = sheet.getRange(2, 1, 1, width).getValues()[0];
    row[header.indexOf('Mã ý kiến')] = code;
    row[header.indexOf('Mã phản hồi biểu mẫu')] = '';
    row[header.indexOf('Nội dung')] = 'Ý kiến nhập tay từ sổ';
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, width).setValues([row]);
  }

  it('a case row typed with GY-2026-00050: the next recovered case is GY-2026-00051', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Ý kiến đầu tiên' }); // GY-2026-00001
    typeCaseRow(ward, 'GY-2026-00050');
    const lock = (ward.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
    lock.waitLock(0);
    submit(ward, { content: 'Gửi lúc hệ thống bận' });
    lock.releaseLock();
    ward.app.call('resyncMailbox');
    expect(lastUiMessage(ward)).toBe('Đã đồng bộ lại 1 ý kiến bị sót.');
    const codes = tabRecords(ward, CASES).map((r) => [r['Mã ý kiến'], r['Nội dung']]);
    expect(codes).toEqual([
      ['GY-2026-00001', 'Ý kiến đầu tiên'],
      ['GY-2026-00050', 'Ý kiến nhập tay từ sổ'],
      ['GY-2026-00051', 'Gửi lúc hệ thống bận'],
    ]);
    // And the next form submission goes on from there.
    submit(ward, { content: 'Ý kiến sau đồng bộ' });
    expect(tabRecords(ward, CASES).at(-1)!['Mã ý kiến']).toBe('GY-2026-00052');
  });

  it('a case row typed with GY-2026-00050, then "Đồng bộ lại" with nothing missing: the next filed case is above 50', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Ý kiến đầu tiên' }); // GY-2026-00001
    typeCaseRow(ward, 'GY-2026-00050');
    ward.app.call('resyncMailbox');
    submit(ward, { content: 'Ý kiến sau đồng bộ' });
    const code = tabRecords(ward, CASES).at(-1)!['Mã ý kiến'];
    expect(Number(code.split('-')[2])).toBeGreaterThan(50);
  });

  it('a case row typed with GY-2026-00003 and "Đồng bộ lại": later submissions never get a code already in the tab', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Ý kiến đầu tiên' }); // GY-2026-00001
    typeCaseRow(ward, 'GY-2026-00003');
    ward.app.call('resyncMailbox');
    runHourly(ward);
    submit(ward, { content: 'Ý kiến thứ hai' });
    submit(ward, { content: 'Ý kiến thứ ba' });
    const codes = tabRecords(ward, CASES).map((r) => r['Mã ý kiến']);
    expect(codes).toHaveLength(4);
    expect(new Set(codes).size).toBe(4);
  });
});
