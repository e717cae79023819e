/**
 * Errors (services/platform/errors) are recorded in "Lỗi", the outbox and the execution log without
 * the phone numbers and e-mail addresses they quote (issue 7), black-box through the built app.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const SUBMITTERS = 'Người gửi';
const OUTBOX = 'Hộp thư đi';
const ERRORS_TAB = 'Lỗi';

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

describe('phone numbers and e-mail addresses are redacted from errors and logs', () => {
  const SECRETS = ['0912345678', '+84912345678', '912345678', '0987 654 321', 'canbo.loi@gmail.com'];
  const MESSAGE = 'Service failed for 0912345678 / +84912345678 / 0987 654 321 <canbo.loi@gmail.com>';

  it('an error quoting a Vietnamese phone (0…, +84…) and an e-mail reaches neither the "Lỗi" tab, the outbox, nor the logs', () => {
    const ward = setUpWard();
    // 1. Intake's write fails: the error goes to "Lỗi".
    ward.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 1, MESSAGE);
    submit(ward, { content: 'Lỗi ghi lần một' });
    // 2. Intake's write fails and so does writing "Lỗi": the error goes to the execution log.
    ward.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 2, MESSAGE);
    submit(ward, { content: 'Lỗi ghi lần hai' });
    // 3. The acknowledgement's send fails at intake.
    ward.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, MESSAGE);
    submit(ward, { content: 'Thư lỗi khi tiếp nhận', email: 'dan.mot@gmail.com' });
    // 4. A send from the outbox fails in the hourly job.
    const lock = (ward.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
    lock.waitLock(0);
    submit(ward, { content: 'Gửi lúc hệ thống bận', email: 'dan.hai@gmail.com' });
    lock.releaseLock();
    ward.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, MESSAGE);
    runHourly(ward);

    // The errors were recorded (else this test proves nothing)…
    const errors = tabRecords(ward, ERRORS_TAB).map((e) => e['Lỗi']);
    expect(errors.filter((m) => m.includes('Service failed for')).length).toBeGreaterThanOrEqual(3);
    const logs = ward.ws.logs().map((l) => l.message);
    expect(logs.some((m) => m.includes('Service failed for'))).toBe(true);
    expect(tabRecords(ward, OUTBOX).some((r) => r['Lỗi'].includes('Service failed for'))).toBe(true);
    // …without the phone numbers or the address, anywhere but "Người gửi" and the raw responses.
    const view = ward.ws.spreadsheets.view(ward.ssId);
    for (const sheet of view.sheets) {
      if (sheet.name === SUBMITTERS || sheet.formUrl) continue;
      const text = JSON.stringify(sheet.displayValues);
      for (const s of SECRETS) expect({ tab: sheet.name, leaked: text.includes(s) ? s : null }).toEqual({ tab: sheet.name, leaked: null });
    }
    const everything = JSON.stringify(ward.ws.logs()) + JSON.stringify(ward.ws.executions());
    for (const s of SECRETS) expect({ where: 'logs', leaked: everything.includes(s) ? s : null }).toEqual({ where: 'logs', leaked: null });
  });
});
