/**
 * Bug catchers (issue 7, item 10). Black-box: everything goes through the built app (form
 * submissions, the hourly trigger, menu functions, RPCs) and what a person can see in the
 * spreadsheet, the mail and the logs. Each test aims at one behaviour a one-line bug could
 * silently break; expected values are worked out by hand (dates checked against a wall calendar
 * and /work/shared/holidays.md), never taken from the code under test.
 */
import { ADMIN, formAnswers, setUpWard, tabRecords, type Ward } from '../support/ward';

const CASES = 'Ý kiến';
const SUBMITTERS = 'Người gửi';
const OUTBOX = 'Hộp thư đi';
const ERRORS_TAB = 'Lỗi';
const STAFF = 'Cán bộ';

const ADMIN2 = 'admin2@luukiem.example';
const HANDLER = 'ubnd@luukiem.example';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

function ss(ward: Ward): Ss {
  return ward.SpreadsheetApp.getActive();
}

/** Runs the hourly trigger the way Apps Script would: an hour later, as its owner. */
function hourLater(ward: Ward): void {
  ward.ws.clock.advance(3_600_000);
  ward.ws.runDueTriggers();
}

/** Adds rows to "Cán bộ" under the admin's row (as an admin types them). */
function addStaff(ward: Ward, rows: string[][]): void {
  const sheet = ss(ward).getSheetByName(STAFF)!;
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 3).setValues(rows);
}

function lastUiMessage(ward: Ward): string {
  return ward.ws.ui.events().at(-1)?.message ?? '';
}

/** Everything a person or a trigger could notice: the spreadsheet, the document properties, triggers, forms. */
function state(ward: Ward) {
  const props = (ward.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  return { sheets: ward.ws.spreadsheets.view(ward.ssId), props, triggers: ward.ws.triggers(), forms: ward.ws.forms.list().map((f) => ward.ws.forms.model(f.id)) };
}

/** A user-visible helper file: what another staff member (or a test) can add to the project. */
const HELPERS = `
function installSecondIntakeForBugCatcher() { ScriptApp.newTrigger('onFormSubmitIntake').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
function writeCellForBugCatcher(tab) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(tab);
  try { sheet.getRange(sheet.getMaxRows(), 1).setValue('sửa bởi ' + Session.getActiveUser().getEmail()); return 'written'; } catch (e) { return 'refused: ' + e.message; }
}
`;

describe('a. a second installed intake trigger is ignored', () => {
  /** An add-on may hold one form-submit trigger per user and document: a second one is another user's. */
  function wardWithTwoIntakeTriggers(secondBy: string = ADMIN2): Ward {
    const ward = setUpWard();
    // A second admin of the ward, with edit rights once the hourly job has applied the staff list.
    addStaff(ward, [[ADMIN2, 'Quản trị', '']]);
    hourLater(ward);
    ward.app.addFile('bug-catchers-helpers.js', HELPERS);
    ward.ws.setUser(secondBy);
    ward.app.call('installSecondIntakeForBugCatcher');
    ward.ws.setUser(ADMIN);
    const intake = ward.ws.triggers().filter((t) => t.handlerFunction === 'onFormSubmitIntake');
    expect(intake.map((t) => t.owner).sort()).toEqual([ADMIN, secondBy].sort());
    return ward;
  }

  it('two onFormSubmit triggers (the second installed by another staff user) still make exactly one case per submission', () => {
    const ward = wardWithTwoIntakeTriggers();
    const r1 = submit(ward, { content: 'Ý kiến thứ nhất' });
    const r2 = submit(ward, { content: 'Ý kiến thứ hai' });
    // Both triggers fired on each submission, and neither crashed…
    expect(r1.triggerRuns.map((t) => t.ok)).toEqual([true, true]);
    expect(r2.triggerRuns.map((t) => t.ok)).toEqual([true, true]);
    // …yet exactly one case each, with consecutive codes.
    expect(tabRecords(ward, CASES).map((r) => [r['Mã ý kiến'], r['Nội dung']])).toEqual([
      ['GY-2026-00001', 'Ý kiến thứ nhất'],
      ['GY-2026-00002', 'Ý kiến thứ hai'],
    ]);
    hourLater(ward);
    expect(tabRecords(ward, CASES)).toHaveLength(2);
  });

  it('the second trigger changes nothing even when the recorded one fails: the response waits for reconcile, then makes one case', () => {
    const ward = wardWithTwoIntakeTriggers();
    // The recorded trigger runs first and its first write fails; the other admin's trigger then
    // receives the same response and must leave it alone.
    ward.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 1, 'Service Spreadsheets failed while accessing document.');
    const r = submit(ward, { content: 'Ý kiến gặp lỗi' });
    expect(r.triggerRuns).toHaveLength(2);
    expect(tabRecords(ward, CASES)).toEqual([]);
    expect(tabRecords(ward, ERRORS_TAB).some((e) => e['Lỗi'].includes('Service Spreadsheets failed'))).toBe(true);
    hourLater(ward);
    expect(tabRecords(ward, CASES).map((x) => x['Nội dung'])).toEqual(['Ý kiến gặp lỗi']);
    hourLater(ward);
    expect(tabRecords(ward, CASES)).toHaveLength(1);
  });

  it('only the recorded trigger, as its owner, files: another trigger\'s id, no id (a console run) or the recorded id run by another admin files nothing', () => {
    const ward = wardWithTwoIntakeTriggers();
    const other = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake' && t.owner === ADMIN2)!.uid;
    // Events shaped as Apps Script makes them (a Range, the AuthMode enum), so that only the uid and the owner are in question.
    const range = ward.SpreadsheetApp.getActive().getSheets()[0].getRange(2, 1);
    const AuthMode = (ward.ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode;
    const event = (triggerUid?: string) => ({ ...(triggerUid ? { triggerUid } : {}), authMode: AuthMode.FULL, range, namedValues: { 'Nội dung': ['Ý kiến giả'], 'Tổ dân phố': ['Tổ dân phố 1'] }, values: ['24/11/2026 09:30:00'] });
    expect(ward.app.run('onFormSubmitIntake', [event(other)], { kind: 'trigger', user: ADMIN })).toBe('ignored');
    expect(ward.app.run('onFormSubmitIntake', [event()], { kind: 'trigger', user: ADMIN })).toBe('ignored');
    // …nor the recorded trigger's id in another user's execution (the other admin's trigger or console).
    const recorded = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake' && t.owner === ADMIN)!.uid;
    expect(ward.app.run('onFormSubmitIntake', [event(recorded)], { kind: 'trigger', user: ADMIN2 })).toBe('ignored');
    expect(tabRecords(ward, CASES)).toEqual([]);
  });
});

describe('b. phone numbers and e-mail addresses are redacted from errors and logs', () => {
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
    hourLater(ward);

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

describe('c. a send interrupted midway is not recorded as sent', () => {
  it('the execution is cut off right after MailApp.sendEmail: the row becomes "Cần kiểm tra" and nothing is sent twice', () => {
    // Each MailApp call takes 200 s of the 6-minute limit: the quota check and the send fit,
    // then the execution runs out of time before it can note the message as sent.
    const ward = setUpWard({ costs: { perCallMs: { MailApp: 200_000 } } });
    submit(ward, { content: 'Đèn hỏng', email: 'dan@gmail.com' });
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['dan@gmail.com']]);
    hourLater(ward);
    expect(tabRecords(ward, OUTBOX).map((r) => [r['Mã ý kiến'], r['Trạng thái']])).toEqual([['GY-2026-00001', 'Cần kiểm tra']]);
    expect(ward.ws.mail.outbox()).toHaveLength(1);
    ward.ws.clock.setTo('2026-11-26T02:00:00Z'); // another day, fresh quota
    ward.ws.runDueTriggers();
    expect(tabRecords(ward, OUTBOX).map((r) => r['Trạng thái'])).toEqual(['Cần kiểm tra']);
    expect(ward.ws.mail.outbox()).toHaveLength(1);
  });

  it('a send that threw: the row never says "Đã gửi" unless an e-mail left, and at most one ever leaves', () => {
    // Whether a thrown send is retried or left for a person to check is a policy; this holds under both.
    const ward = setUpWard();
    ward.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, 'Service unavailable: Gmail');
    submit(ward, { content: 'Đèn hỏng', email: 'dan@gmail.com' });
    const consistent = () => {
      const [row] = tabRecords(ward, OUTBOX);
      const sent = ward.ws.mail.outbox().length;
      expect(sent).toBeLessThanOrEqual(1);
      expect({ status: row['Trạng thái'], sent }).toEqual(sent === 1 ? { status: 'Đã gửi', sent } : { status: expect.not.stringMatching(/^Đã gửi$/), sent });
    };
    consistent();
    hourLater(ward);
    consistent();
    ward.ws.clock.setTo('2026-11-26T02:00:00Z');
    ward.ws.runDueTriggers();
    consistent();
    expect(['Đã gửi', 'Cần kiểm tra']).toContain(tabRecords(ward, OUTBOX)[0]['Trạng thái']);
  });
});

describe('d. the outbox never sends to an invalid address', () => {
  it('a resident address corrected into an invalid one in "Người gửi": nothing sent, row "Không gửi được"', () => {
    // One recipient a day: the first resident's acknowledgement uses today's quota, the second waits.
    const ward = setUpWard({ quotas: { emailRecipientsPerDay: 1 } });
    submit(ward, { content: 'Ý kiến A', email: 'a.nguyen@gmail.com' });
    submit(ward, { content: 'Ý kiến B', email: 'b.tran@gmail.com' });
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['a.nguyen@gmail.com']]);
    // An admin "corrects" B's address and makes a typo (two dots): not a valid address.
    const sheet = ss(ward).getSheetByName(SUBMITTERS)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(3, header.indexOf('Email') + 1).setValue('b..tran@gmail.com');
    ward.ws.clock.setTo('2026-11-25T02:00:00Z'); // the next day: the quota is back
    ward.ws.runDueTriggers();
    expect(tabRecords(ward, OUTBOX).map((r) => r['Trạng thái'])).toEqual(['Đã gửi', 'Không gửi được']);
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['a.nguyen@gmail.com']]);
    ward.ws.clock.setTo('2026-11-26T02:00:00Z');
    ward.ws.runDueTriggers();
    expect(ward.ws.mail.outbox()).toHaveLength(1);
  });
});

describe('e. "due soon" means due within 2 working days', () => {
  type Inbox = { counters: Record<string, number>; items: Array<{ code: string; dueOn: string; workingDaysLeft: number }> };

  it('on Thursday 3/12/2026, a case due Monday 7/12 (2 working days, across the weekend) is due soon; one due Tuesday 8/12 (3) is not', () => {
    const ward = setUpWard();
    // By hand, 7 working days after receipt (the receipt day never counts), no holiday in between:
    // Thu 26/11 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7/12.
    ward.ws.clock.setTo('2026-11-26T03:00:00Z');
    submit(ward, { content: 'Hạn thứ Hai' });
    // Fri 27/11 → Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8/12.
    ward.ws.clock.setTo('2026-11-27T03:00:00Z');
    submit(ward, { content: 'Hạn thứ Ba' });
    ward.ws.clock.setTo('2026-12-03T03:00:00Z'); // Thursday 3/12, 10:00 in Hà Nội
    const inbox = ward.app.call('getInbox', {}) as Inbox;
    expect(inbox.items.map((i) => [i.code, i.dueOn, i.workingDaysLeft])).toEqual([
      ['GY-2026-00002', '08/12/2026', 3],
      ['GY-2026-00001', '07/12/2026', 2],
    ]);
    expect(inbox.counters).toEqual({ new: 2, inProgress: 0, dueSoon: 1, overdue: 0, callBack: 0 });
    expect((ward.app.call('getInbox', { status: 'dueSoon' }) as Inbox).items.map((i) => i.code)).toEqual(['GY-2026-00001']);
    // Friday 4/12: Monday is 1 working day away, Tuesday 2: both due soon.
    ward.ws.clock.setTo('2026-12-04T03:00:00Z');
    expect((ward.app.call('getInbox', {}) as Inbox).counters).toMatchObject({ dueSoon: 2, overdue: 0 });
  });
});

describe('f. case codes stay above the highest code in the database', () => {
  function typeCaseRow(ward: Ward, code: string): void {
    const sheet = ss(ward).getSheetByName(CASES)!;
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
    hourLater(ward);
    submit(ward, { content: 'Ý kiến thứ hai' });
    submit(ward, { content: 'Ý kiến thứ ba' });
    const codes = tabRecords(ward, CASES).map((r) => r['Mã ý kiến']);
    expect(codes).toHaveLength(4);
    expect(new Set(codes).size).toBe(4);
  });
});

describe('g. handlers cannot edit the admin-only tabs', () => {
  it('after setup, a handler in "Cán bộ" is no editor of "Người gửi" and "Hộp thư đi", and their writes there fail', () => {
    const ward = setUpWard();
    addStaff(ward, [[HANDLER, 'Xử lý', 'UBND phường']]);
    ward.app.call('setupMailbox');
    hourLater(ward);
    const editors = (name: string) =>
      ss(ward)
        .getSheetByName(name)!
        .getProtections(ward.SpreadsheetApp.ProtectionType.SHEET)
        .flatMap((p) => p.getEditors().map((u) => u.getEmail().toLowerCase()));
    // Since issue 10, handlers work through personal links: they edit no tab, the cases tab included.
    for (const name of [SUBMITTERS, OUTBOX, CASES]) {
      expect(editors(name)).toContain(ADMIN);
      expect({ tab: name, handlerIsEditor: editors(name).includes(HANDLER) }).toEqual({ tab: name, handlerIsEditor: false });
    }

    // A write as the handler, from a script running as them: refused on every tab.
    ward.app.addFile('bug-catchers-helpers.js', HELPERS);
    ward.ws.setUser(HANDLER);
    try {
      for (const name of [SUBMITTERS, OUTBOX, CASES]) expect({ tab: name, result: ward.app.call('writeCellForBugCatcher', name) }).toEqual({ tab: name, result: expect.stringMatching(/^refused: .*protected cell or object/) });
    } finally {
      ward.ws.setUser(ADMIN);
    }
  });
});

describe('h. only an admin may run setup', () => {
  it('a handler (staff, not admin) running "Thiết lập hòm thư" is refused and nothing changes', () => {
    const ward = setUpWard();
    addStaff(ward, [
      [HANDLER, 'Xử lý', 'UBND phường'],
      ['viewer@luukiem.example', 'Xem', ''],
    ]);
    hourLater(ward);
    for (const user of [HANDLER, 'viewer@luukiem.example']) {
      const before = state(ward);
      const events = ward.ws.ui.events().length;
      ward.ws.setUser(user);
      try {
        ward.app.call('setupMailbox');
      } finally {
        ward.ws.setUser(ADMIN);
      }
      expect(ward.ws.ui.events().length).toBe(events + 1);
      expect(lastUiMessage(ward)).toContain('Chỉ cán bộ có vai trò "Quản trị"');
      expect(state(ward)).toEqual(before);
    }
  });
});
