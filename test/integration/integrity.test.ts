/**
 * Integrity (issue 7): the form is the journal, filing is all or nothing, and every way found to
 * lose or double a submission is a test here. Fault sweeps run an operation once per service
 * call it makes, failing the k-th call (the emulator's failNthCall), then retry and run the
 * hourly job, and check that nothing was lost and nothing doubled.
 */
import { formAnswers, formSubmitEvent, runHourly, setUpWard, tabRecords, wardFactory, type Ward } from '../support/ward';

const CASES = 'Ý kiến';
const RESPONSES = 'Câu trả lời biểu mẫu 1';

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

function contents(ward: Ward): string[] {
  return tabRecords(ward, CASES).map((r) => r['Nội dung']);
}

function codes(ward: Ward): string[] {
  return tabRecords(ward, CASES).map((r) => r['Mã ý kiến']);
}

function responses(ward: Ward) {
  return ward.SpreadsheetApp.getActive().getSheetByName(RESPONSES)!;
}

/** Hand edits of the responses tab, as a clerk tidying it would make them. */
function byHand(ward: Ward, edit: (s: GoogleAppsScript.Spreadsheet.Sheet) => void, changeType: 'EDIT' | 'REMOVE_ROW' | 'INSERT_ROW' | 'OTHER' = 'OTHER') {
  ward.ws.handEdit(() => edit(responses(ward)), { changeType });
}

describe('the form is the journal: hand edits of the responses tab lose nothing and file nothing twice', () => {
  it('a response row deleted by hand does not make the next submission look filed', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Một' });
    submit(ward, { content: 'Hai' });
    byHand(ward, (s) => s.deleteRow(2), 'REMOVE_ROW');
    submit(ward, { content: 'Ba' });
    expect(contents(ward)).toEqual(['Một', 'Hai', 'Ba']);
    runHourly(ward);
    expect(contents(ward)).toEqual(['Một', 'Hai', 'Ba']);
  });

  it('sorting, inserting and clearing rows by hand: every later submission is filed once, reconcile adds nothing', () => {
    const ward = setUpWard();
    for (const c of ['Một', 'Hai', 'Ba']) submit(ward, { content: c });
    byHand(ward, (s) => s.getRange(2, 1, s.getLastRow() - 1, s.getLastColumn()).sort({ column: 1, ascending: false }));
    byHand(ward, (s) => s.insertRowsAfter(1, 3), 'INSERT_ROW');
    submit(ward, { content: 'Bốn' });
    byHand(ward, (s) => s.getRange(2, 1, s.getLastRow() - 1, s.getLastColumn()).clearContent(), 'EDIT');
    submit(ward, { content: 'Năm' });
    submit(ward, { content: 'Sáu' });
    expect(contents(ward)).toEqual(['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu']);
    runHourly(ward);
    runHourly(ward);
    expect(contents(ward)).toEqual(['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu']);
    expect(new Set(codes(ward)).size).toBe(6);
  });

  it('a response whose row was deleted before it was filed is filed by reconcile, from the form itself', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Đã vào sổ' });
    const lock = (ward.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
    lock.waitLock(0);
    submit(ward, { content: 'Gửi lúc hệ thống bận, rồi dòng bị xóa' });
    lock.releaseLock();
    byHand(ward, (s) => s.deleteRow(s.getLastRow()), 'REMOVE_ROW');
    expect(contents(ward)).toEqual(['Đã vào sổ']);
    runHourly(ward);
    expect(contents(ward)).toEqual(['Đã vào sổ', 'Gửi lúc hệ thống bận, rồi dòng bị xóa']);
    runHourly(ward);
    expect(contents(ward)).toHaveLength(2);
  });

  it('unlinking and re-linking the form (a new responses tab) drops nothing and files nothing twice', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Trước' });
    ward.app.addFile('relink.js', `function relinkForTest(id) { var f = FormApp.openById(id); f.removeDestination(); f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId()); }`);
    ward.app.call('relinkForTest', ward.formId);
    for (const c of ['Sau 1', 'Sau 2', 'Sau 3']) submit(ward, { content: c });
    expect(contents(ward)).toEqual(['Trước', 'Sau 1', 'Sau 2', 'Sau 3']);
    runHourly(ward);
    expect(contents(ward)).toEqual(['Trước', 'Sau 1', 'Sau 2', 'Sau 3']);
  });

  it('a case row deleted by hand is restored under its own code, reported, and the resident is not e-mailed again', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Có email', email: 'dan@gmail.com' });
    submit(ward, { content: 'Ẩn danh' });
    expect(ward.ws.mail.outbox()).toHaveLength(1);
    ward.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRows(2, 2), { changeType: 'REMOVE_ROW' });
    ward.ws.clock.advance(3 * 86_400_000); // noticed days later, long after the journal forgot the keys
    runHourly(ward);
    expect(tabRecords(ward, CASES).map((r) => [r['Mã ý kiến'], r['Nội dung']]).sort()).toEqual([
      ['GY-2026-00001', 'Có email'],
      ['GY-2026-00002', 'Ẩn danh'],
    ]);
    expect(ward.ws.mail.outbox().filter((m) => m.to.includes('dan@gmail.com'))).toHaveLength(1);
    const errors = tabRecords(ward, 'Lỗi').map((r) => r['Lỗi']).join('\n');
    expect(errors).toContain('GY-2026-00001');
    expect(errors).toContain('xóa thủ công');
    expect(tabRecords(ward, 'Hộp thư đi').some((r) => r['Loại thư'] === 'Thông báo quản trị')).toBe(true);
    runHourly(ward);
    expect(codes(ward)).toHaveLength(2);
  });
});

describe('late second deliveries', () => {
  it('a delivery of the same event days later, after the journal forgot the key, files nothing', () => {
    const ward = setUpWard();
    const r = submit(ward, { content: 'Một lần thôi', email: 'mot@gmail.com' });
    ward.ws.clock.advance(3 * 86_400_000);
    runHourly(ward);
    runHourly(ward);
    const uid = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
    expect(ward.app.run('onFormSubmitIntake', [formSubmitEvent(ward, r.destination!, uid)], { kind: 'trigger', user: 'admin@luukiem.example' })).toBe('duplicate');
    expect(contents(ward)).toEqual(['Một lần thôi']);
    expect(ward.ws.mail.outbox()).toHaveLength(1);
  });
});

describe('filing is all or nothing: a fault sweep over intake', () => {
  const fresh = wardFactory();
  const answers = formAnswers({ content: 'Nước thải tràn ra ngõ 9', name: 'Lê Văn C', phone: '0912345678', email: 'c@gmail.com' });

  function countCalls(): number {
    const ward = fresh();
    ward.ws.faults.failNthCall(1_000_000);
    ward.ws.forms.submit(ward.formId, answers);
    return ward.ws.faults.sweepState().calls;
  }

  it('failing any one of its service calls, then a second delivery and the hourly job: one case, one submitter row, at most one acknowledgement', () => {
    const total = countCalls();
    expect(total).toBeGreaterThan(10);
    const failed: string[] = [];
    const toCheck: string[] = [];
    for (let k = 1; k <= total; k++) {
      const ward = fresh();
      ward.ws.faults.failNthCall(k);
      const first = ward.ws.forms.submit(ward.formId, answers);
      failed.push(ward.ws.faults.sweepState().failed ?? '');
      ward.ws.faults.failNthCall(0);
      // Apps Script may deliver the event again; the trigger's own retry is the same event.
      const uid = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
      ward.app.run('onFormSubmitIntake', [formSubmitEvent(ward, first.destination!, uid)], { kind: 'trigger', user: 'admin@luukiem.example' });
      runHourly(ward);
      runHourly(ward);
      const where = `call ${k} (${failed[k - 1]})`;
      const cases = tabRecords(ward, CASES);
      expect([where, cases.length]).toEqual([where, 1]);
      const code = cases[0]['Mã ý kiến'];
      expect([where, tabRecords(ward, 'Người gửi').map((r) => r['Mã ý kiến'])]).toEqual([where, [code]]);
      // At most one acknowledgement. None only when MailApp itself failed on it: a service error
      // does not prove the message did not leave, so a person is asked to check, never a resend.
      const acks = ward.ws.mail.outbox().filter((m) => m.subject.includes('Đã tiếp nhận'));
      const row = tabRecords(ward, 'Hộp thư đi').filter((r) => r['Mã thư'] === `TN-${code}`);
      expect([where, row.length]).toEqual([where, 1]);
      const outcome = [acks.length, row[0]['Trạng thái']].join(' ');
      expect([where, ['1 Đã gửi', '0 Cần kiểm tra', '1 Cần kiểm tra'].includes(outcome)]).toEqual([where, true]);
      if (outcome !== '1 Đã gửi') toCheck.push(failed[k - 1]);
    }
    // Only a failure of the send itself, or of noting it as sent, leaves a message for a person to check.
    expect(toCheck).toEqual(['MailApp:MailApp.sendEmail', 'PropertiesService:Properties.setProperty']);
    // The sweep reached the writes themselves, not only the reads before them.
    expect(failed).toEqual(expect.arrayContaining(['SpreadsheetApp:Sheet.appendRow', 'PropertiesService:Properties.setProperties', 'MailApp:MailApp.sendEmail']));
  });
});

describe('reconcile and staff entry are all or nothing too', () => {
  const STOP = "function stopIntake() { ScriptApp.getProjectTriggers().filter(function (t) { return t.getHandlerFunction() === 'onFormSubmitIntake'; }).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }";

  it('a fault sweep over the hourly job filing three missed responses: three cases, nothing twice', () => {
    const fresh = wardFactory((w) => {
      w.app.addFile('stop.js', STOP);
      w.app.call('stopIntake');
      submit(w, { content: 'Có liên hệ', name: 'Phạm D', email: 'd@gmail.com' });
      submit(w, { content: 'Ẩn danh' });
      submit(w, { content: 'Rất dài '.repeat(8000), phone: '0987654321' });
    });
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    runHourly(clean);
    const total = clean.ws.faults.sweepState().calls;
    expect(contents(clean)).toHaveLength(3);
    const longRows = tabRecords(clean, 'Nội dung dài').length;
    expect(longRows).toBeGreaterThan(0);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      runHourly(w);
      const where = `call ${k} (${w.ws.faults.sweepState().failed})`;
      w.ws.faults.failNthCall(0);
      runHourly(w);
      runHourly(w);
      const cases = tabRecords(w, CASES);
      expect([where, cases.length, new Set(cases.map((c) => c['Mã ý kiến'])).size]).toEqual([where, 3, 3]);
      const submitters = tabRecords(w, 'Người gửi').map((r) => r['Mã ý kiến']);
      expect([where, submitters.length, new Set(submitters).size]).toEqual([where, 2, 2]);
      expect([where, tabRecords(w, 'Nội dung dài').length]).toEqual([where, longRows]);
      expect([where, w.ws.mail.outbox().filter((m) => m.to.includes('d@gmail.com')).length <= 1]).toEqual([where, true]);
      expect([where, tabRecords(w, 'Hộp thư đi').filter((r) => r['Loại thư'] === 'Báo tiếp nhận').length]).toEqual([where, 1]);
    }
  });

  it('a fault sweep over a staff entry retried with the same request id: one case', () => {
    const fresh = wardFactory();
    const input = { channel: 'paper', receivedAt: '', group: 'Tổ dân phố 2', topic: '', content: 'Thư tay về đèn đường', location: '', name: 'Bà Năm', phone: '0912000111', email: '', confidential: false, requestId: 'a1b2c3' };
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    clean.app.call('submitStaffCase', input);
    const total = clean.ws.faults.sweepState().calls;
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      let message = '';
      try {
        w.app.call('submitStaffCase', input);
      } catch (e) {
        message = (e as Error).message;
      }
      const where = `call ${k} (${w.ws.faults.sweepState().failed}) ${message}`;
      w.ws.faults.failNthCall(0);
      const retry = w.app.call('submitStaffCase', input) as { code: string };
      runHourly(w);
      const cases = tabRecords(w, CASES);
      expect([where, cases.map((c) => c['Mã ý kiến'])]).toEqual([where, [retry.code]]);
      expect([where, tabRecords(w, 'Người gửi').length]).toEqual([where, 1]);
    }
  });
});
