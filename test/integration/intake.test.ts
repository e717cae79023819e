/**
 * Intake on the emulator: setup, a submission becomes a case, nothing lost, nothing twice,
 * nothing leaked, bad input kept whole and harmless, acknowledgements within the mail quota.
 */
import { RECONCILE_CHUNK } from '../../src/services/jobs/maintenance';
import { FORM } from '../../src/i18n/vi';
import { ADMIN, addStaff, formAnswers, formSubmitEvent, runHourly, setUpWard, tabRecords, tabValues, type Ward } from '../support/ward';

const CASES = 'Ý kiến';
const SUBMITTERS = 'Người gửi';
const ERRORS_TAB = 'Lỗi';
const ADMIN2 = 'admin2@luukiem.example';

/** Test-only project file: what another admin or a broken trigger would do. */
const TEST_HELPERS = `
function installSecondTriggerForTest() { ScriptApp.newTrigger('onFormSubmitIntake').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
function deleteIntakeTriggerForTest() { ScriptApp.getProjectTriggers().filter(function (t) { return t.getHandlerFunction() === 'onFormSubmitIntake'; }).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
`;

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

/** Everything a setup leaves behind that a second run must not change. */
function state(ward: Ward) {
  const props = (ward.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  return { sheets: ward.ws.spreadsheets.view(ward.ssId), props, triggers: ward.ws.triggers(), forms: ward.ws.forms.list().map((f) => ward.ws.forms.model(f.id)) };
}

describe('setup ("Thiết lập hòm thư")', () => {
  it('creates the tabs, the form and the triggers; hides and protects what holds personal data', () => {
    const ward = setUpWard();
    const view = ward.ws.spreadsheets.view(ward.ssId);
    const byName = new Map(view.sheets.map((s) => [s.name, s]));
    for (const name of ['Ý kiến', 'Người gửi', 'Nhật ký', 'Lỗi', 'Hộp thư đi', 'Nội dung dài', 'Cài đặt', 'Tổ dân phố', 'Lĩnh vực', 'Cơ quan xử lý', 'Cán bộ', 'Ngày nghỉ']) expect(byName.has(name)).toBe(true);
    const raw = view.sheets.find((s) => s.formUrl)!;
    for (const s of [byName.get('Người gửi')!, byName.get('Hộp thư đi')!, raw]) expect([s.hidden, s.protected]).toEqual([true, true]);
    expect(byName.get('Tổ dân phố')!.displayValues.length).toBe(41);
    expect(tabRecords(ward, 'Cán bộ')).toEqual([{ Email: ADMIN, 'Vai trò (Quản trị / Xử lý / Xem)': 'Quản trị', 'Cơ quan (với vai trò Xử lý)': '' }]);
    expect(ward.ws.triggers().map((t) => [t.handlerFunction, t.eventType, t.owner])).toEqual([
      ['onFormSubmitIntake', 'ON_FORM_SUBMIT', ADMIN],
      ['hourlyMaintenance', 'CLOCK', ADMIN],
      ['onSpreadsheetChange', 'ON_CHANGE', ADMIN],
    ]);
    const form = ward.ws.forms.model(ward.formId);
    expect(form.destinationId).toBe(ward.ssId);
    expect(form.items.find((i) => i.title === FORM.group)!.choices).toHaveLength(41);
    expect(form.items.some((i) => i.helpText.includes('Nghị định 13/2023/NĐ-CP'))).toBe(true);
  });

  it('run twice leaves the same state, and says nothing changed', () => {
    const ward = setUpWard();
    const before = state(ward);
    ward.app.call('setupMailbox');
    expect(state(ward)).toEqual(before);
    expect(ward.ws.ui.events().at(-1)!.message).toContain('không có gì thay đổi');
  });

  it('repairs what is missing: a deleted tab, a deleted question', () => {
    const ward = setUpWard();
    const ss = ward.SpreadsheetApp.getActive();
    ss.deleteSheet(ss.getSheetByName('Lỗi')!);
    const form = (ward.ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(ward.formId);
    form.deleteItem(form.getItems().find((i) => i.getTitle() === FORM.location)!);
    ward.app.call('setupMailbox');
    expect(ss.getSheetByName('Lỗi')).not.toBeNull();
    expect(ward.ws.forms.model(ward.formId).items.some((i) => i.title === FORM.location)).toBe(true);
    expect(ward.ws.ui.events().at(-1)!.message).toMatch(/Đã tạo: tab "Lỗi"[\s\S]*Đã bổ sung: câu hỏi "Địa điểm cụ thể \(nếu có\)"/);
  });

  it('upgrades an older layout without losing rows', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Ý kiến cũ thứ nhất' });
    submit(ward, { content: 'Ý kiến cũ thứ hai' });
    // An older layout: "Ghi chú nội dung" and "Cập nhật lúc" did not exist yet.
    const sheet = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumns(header.indexOf('Cập nhật lúc') + 1, 1);
    sheet.deleteColumns(header.indexOf('Ghi chú nội dung') + 1, 1);
    ward.app.call('setupMailbox');
    const rows = tabRecords(ward, CASES);
    expect(rows.map((r) => r['Nội dung'])).toEqual(['Ý kiến cũ thứ nhất', 'Ý kiến cũ thứ hai']);
    expect(Object.keys(rows[0]).slice(-2)).toEqual(['Ghi chú nội dung', 'Cập nhật lúc']);
    submit(ward, { content: 'Ý kiến mới' });
    expect(tabRecords(ward, CASES)[2]).toMatchObject({ 'Nội dung': 'Ý kiến mới', 'Mã ý kiến': 'GY-2026-00003' });
  });

  it('gives rows from a layout without the inbox index their index, so the inbox shows them', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Ý kiến từ bản cũ' });
    const sheet = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumns(header.indexOf('Chỉ mục (hệ thống)') + 1, 1);
    ward.app.call('setupMailbox');
    expect((ward.app.call('getInbox', {}) as { items: Array<{ summary: string }> }).items.map((i) => i.summary)).toEqual(['Ý kiến từ bản cũ']);
  });

  it('is refused to anyone who is not an admin in "Cán bộ"', () => {
    const ward = setUpWard();
    ward.ws.setUser('someone@luukiem.example');
    ward.app.call('setupMailbox');
    expect(ward.ws.ui.events().at(-1)!.message).toContain('Chỉ cán bộ có vai trò "Quản trị"');
  });
});

describe('a submission becomes a case', () => {
  it('with a code, the QR channel, the group, a suggested category, the status and a due date 7 working days later', () => {
    const ward = setUpWard();
    ward.ws.clock.setTo('2026-11-24T03:00:00Z');
    submit(ward, { group: 'Tổ dân phố 3', content: 'DUONG HONG o ngo 5, xe may nga', location: 'Ngõ 5' });
    expect(tabRecords(ward, CASES)).toEqual([
      expect.objectContaining({
        'Mã ý kiến': 'GY-2026-00001',
        'Thời điểm tiếp nhận': '24/11/2026 10:00:00',
        'Kênh tiếp nhận': 'QR',
        'Tổ dân phố': 'Tổ dân phố 3',
        'TDP trong danh sách': 'TRUE',
        'Lĩnh vực gợi ý': 'Hạ tầng, giao thông',
        'Trạng thái': 'Mới tiếp nhận',
        'Hạn trả lời': '03/12/2026',
        'Tính chất': 'Thường',
      }),
    ]);
  });

  it('numbers codes per year and never reuses one, even after a row is deleted', () => {
    const ward = setUpWard();
    submit(ward);
    submit(ward);
    const sheet = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    sheet.deleteRow(3);
    submit(ward);
    ward.ws.clock.setTo('2027-01-04T02:00:00Z');
    submit(ward);
    expect(tabRecords(ward, CASES).map((r) => r['Mã ý kiến'])).toEqual(['GY-2026-00001', 'GY-2026-00003', 'GY-2027-00001']);
  });

  it('stays within 11 Spreadsheet calls, with 10 cases or with 100,000', () => {
    for (const existing of [10, 100_000]) {
      const ward = setUpWard();
      const sheet = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!;
      sheet.insertRowsAfter(sheet.getMaxRows(), existing + 1000);
      const width = sheet.getLastColumn();
      sheet.getRange(2, 1, existing, width).setValues(Array.from({ length: existing }, (_, i) => [`GY-2025-${String(i + 1).padStart(5, '0')}`, ...new Array(width - 1).fill('x')]));
      ward.ws.resetStats();
      const r = submit(ward, { name: 'Trần Thị B', phone: '0987654321', email: 'b@gmail.com', content: 'x'.repeat(60_000) });
      expect(r.triggerRuns[0].ok).toBe(true);
      // A 60,000-character text also writes the long-text tab; the request budget of an ordinary
      // submission is asserted in budgets.test.ts. The Spreadsheet calls include local handles
      // (getActive, getSheetByName, the event range's getRow that tells same-second responses
      // apart) and the flush that ends the one write batch.
      expect(ward.ws.stats().services.SpreadsheetApp.calls).toBeLessThanOrEqual(11);
      expect(tabRecords(ward, CASES).length).toBe(existing + 1);
    }
  });
});

describe('nothing lost, nothing twice', () => {
  it('200 submissions in a burst with lock timeouts and thrown errors: exactly 200 cases after reconcile, none twice', () => {
    const ward = setUpWard();
    const LockService = ward.ws.globals.LockService as GoogleAppsScript.Lock.LockService;
    // A second admin installed their own intake trigger too: it must change nothing.
    ward.app.addFile('test-helpers.js', TEST_HELPERS);
    ward.ws.setUser('admin2@luukiem.example');
    ward.app.call('installSecondTriggerForTest');
    ward.ws.setUser(ADMIN);
    const outcomes: string[] = [];
    for (let i = 0; i < 200; i++) {
      let held: GoogleAppsScript.Lock.Lock | null = null;
      if (i % 17 === 5) {
        held = LockService.getDocumentLock()!; // another process holds the database
        held.waitLock(0);
      }
      if (i % 23 === 7) ward.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 1, 'Service Spreadsheets failed while accessing document.');
      const r = submit(ward, { content: `Ý kiến số ${i}`, email: i % 3 === 0 ? `dan${i}@gmail.com` : undefined });
      outcomes.push(...r.triggerRuns.map((t) => (t.ok ? 'ok' : 'failed')));
      held?.releaseLock();
    }
    expect(outcomes.filter((o) => o === 'failed')).toEqual([]);
    const filedBefore = tabRecords(ward, CASES).length;
    expect(filedBefore).toBeLessThan(200);
    const errors = tabRecords(ward, 'Lỗi');
    expect(errors.some((e) => e['Lỗi'].includes('Hệ thống đang bận'))).toBe(true);
    expect(errors.some((e) => e['Lỗi'].includes('Service Spreadsheets failed'))).toBe(true);

    ward.app.call('resyncMailbox');
    expect(ward.ws.ui.events().at(-1)!.message).toBe(`Đã đồng bộ lại ${200 - filedBefore} ý kiến bị sót.`);
    const rows = tabRecords(ward, CASES);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r['Nội dung'])).size).toBe(200);
    expect(new Set(rows.map((r) => r['Mã ý kiến'])).size).toBe(200);
    expect(new Set(rows.map((r) => r['Mã phản hồi biểu mẫu'])).size).toBe(200);

    ward.app.call('resyncMailbox');
    expect(ward.ws.ui.events().at(-1)!.message).toBe('Không có ý kiến nào bị sót: mọi câu trả lời biểu mẫu đã có mã.');
    expect(tabRecords(ward, CASES)).toHaveLength(200);
  });

  it('a second delivery of the same response changes nothing', () => {
    const ward = setUpWard();
    const r = submit(ward);
    const uid = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
    // The same event Forms delivered the first time (Apps Script may deliver a trigger twice).
    const event = formSubmitEvent(ward, r.destination!, uid);
    expect(ward.app.run('onFormSubmitIntake', [event], { kind: 'trigger' })).toBe('duplicate');
    expect(tabRecords(ward, CASES)).toHaveLength(1);
  });

  it('two residents in the same second whose answers differ only in digits are two cases at once', () => {
    // Found when the cost model made a trigger take well under a second: the response key is the
    // second plus a hash of the answers' letters (it must survive a cell turning "0912" into 912),
    // so "Ý kiến số 1" and "Ý kiến số 2" sent in one second had one key and the second delivery
    // was taken for a repeat of the first (filed only at the next hourly reconcile).
    const ward = setUpWard();
    ward.app.addFile('test-helpers.js', TEST_HELPERS);
    const uid = ward.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
    ward.app.call('deleteIntakeTriggerForTest');
    const a = submit(ward, { content: 'Ý kiến số 1' });
    const b = submit(ward, { content: 'Ý kiến số 2' });
    expect(b.destination!.displayValues[0]).toBe(a.destination!.displayValues[0]);
    const deliver = (r: typeof a) => ward.app.run('onFormSubmitIntake', [formSubmitEvent(ward, r.destination!, uid)], { kind: 'trigger' });
    expect([deliver(a), deliver(b)]).toEqual(['filed', 'filed']);
    // A second delivery of either is still a repeat, and reconcile finds nothing missing.
    expect([deliver(b), deliver(a)]).toEqual(['duplicate', 'duplicate']);
    expect(tabRecords(ward, CASES).map((r) => r['Nội dung']).sort()).toEqual(['Ý kiến số 1', 'Ý kiến số 2']);
    ward.app.call('resyncMailbox');
    expect(tabRecords(ward, CASES)).toHaveLength(2);
  });

  it('the hourly job files what intake missed', () => {
    const ward = setUpWard();
    const LockService = ward.ws.globals.LockService as GoogleAppsScript.Lock.LockService;
    const lock = LockService.getDocumentLock()!;
    lock.waitLock(0);
    submit(ward, { content: 'gửi lúc hệ thống bận' });
    lock.releaseLock();
    expect(tabRecords(ward, CASES)).toHaveLength(0);
    ward.ws.clock.advance(3_600_000);
    ward.ws.runDueTriggers();
    expect(tabRecords(ward, CASES).map((r) => r['Nội dung'])).toEqual(['gửi lúc hệ thống bận']);
  });

  it('reconcile over 5,000 responses reads each tab a constant number of times per chunk it files', () => {
    // Filed under the document lock a chunk at a time (each hold short: hourly-concurrency.test.ts),
    // so the reads grow by one chunk's worth per chunk — never per response.
    const reads: number[] = [];
    const writes: number[] = [];
    for (const n of [RECONCILE_CHUNK, 2 * RECONCILE_CHUNK, 5 * RECONCILE_CHUNK]) {
      const ward = setUpWard();
      // Intake is down (its trigger deleted): responses pile up unfiled.
      ward.app.addFile('test-helpers.js', TEST_HELPERS);
      ward.app.call('deleteIntakeTriggerForTest');
      for (let i = 0; i < n; i++) submit(ward, { content: `Ý kiến ${i}` });
      ward.ws.resetStats();
      ward.app.call('resyncMailbox');
      const s = ward.ws.stats().services.SpreadsheetApp.methods;
      reads.push(s['Range.getValues'].calls);
      writes.push(s['Range.setValues'].calls);
      expect(tabRecords(ward, CASES)).toHaveLength(n);
    }
    const perChunk = reads[1] - reads[0];
    expect(perChunk).toBeGreaterThan(0);
    expect(perChunk).toBeLessThanOrEqual(4);
    expect(reads[2]).toBe(reads[0] + 4 * perChunk);
    expect(reads[0]).toBeLessThanOrEqual(15);
    // The cases of a chunk go in one write (appendRow-free batches), the other tabs' too.
    expect(writes[2]).toBeLessThanOrEqual(5 * 3);
  });
});

describe('bad input is kept whole and harmless', () => {
  it('formula and HTML payloads are stored verbatim as text', () => {
    const ward = setUpWard();
    const payloads = ['=HYPERLINK("http://x","bấm")', '+84 912 345 678', '-1+2', '@SUM(A1)', '   =1+1', '<img src=x onerror=alert(1)>', "'quoted"];
    for (const p of payloads) submit(ward, { content: p, location: p });
    const values = tabValues(ward, CASES);
    const header = values[0] as string[];
    const contentCol = header.indexOf('Nội dung');
    const locationCol = header.indexOf('Địa điểm');
    expect(values.slice(1).map((r) => r[contentCol])).toEqual(payloads.map((p) => p.trim()));
    expect(values.slice(1).map((r) => r[locationCol])).toEqual(payloads.map((p) => p.trim()));
    const formulas = ward.SpreadsheetApp.getActive().getSheetByName(CASES)!.getDataRange().getFormulas();
    expect(formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('hidden characters cannot disguise what staff see; the original stays recoverable', () => {
    const ward = setUpWard();
    submit(ward, { content: 'Chuyển 100\u202E000\u202C đồng\u200B cho cán bộ' });
    const [row] = tabRecords(ward, CASES);
    expect(row['Nội dung']).toBe('Chuyển 100000 đồng cho cán bộ');
    expect(row['Ghi chú nội dung']).toContain('Đã ẩn 3 ký tự');
    expect(row['Nội dung gốc (ký tự ẩn hiện rõ)']).toBe('Chuyển 100\\u{202E}000\\u{202C} đồng\\u{200B} cho cán bộ');
  });

  it('a text longer than a cell is kept whole across cells, and the case says so', () => {
    const ward = setUpWard();
    const long = 'Đoạn văn rất dài. '.repeat(7000); // 126,000 characters
    submit(ward, { content: long });
    const [row] = tabValues(ward, CASES).slice(1);
    const header = tabValues(ward, CASES)[0] as string[];
    const first = String(row[header.indexOf('Nội dung')]);
    expect(String(row[header.indexOf('Ghi chú nội dung')])).toContain('phần tiếp theo ở tab "Nội dung dài"');
    const [spill] = tabValues(ward, 'Nội dung dài').slice(1);
    expect(spill.slice(0, 3)).toEqual(['GY-2026-00001', 'content', long.trim().length]);
    expect(first + spill.slice(3).join('')).toBe(long.trim());
  });

  it('a group that is not in the list is kept and flagged', () => {
    const ward = setUpWard();
    submit(ward, { group: FORM.groupOther });
    expect(tabRecords(ward, CASES)[0]).toMatchObject({ 'Tổ dân phố': FORM.groupOther, 'TDP trong danh sách': 'FALSE' });
    expect(tabRecords(ward, CASES)[0]['Ghi chú nội dung']).toContain('không có trong danh sách');
  });
});

describe('contact details stay in "Người gửi"', () => {
  it('no name, phone or e-mail anywhere else: not in any other tab, the logs, the errors or the mail bodies', () => {
    const ward = setUpWard();
    const people = [
      { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email: 'hoa.nguyen@gmail.com' },
      { name: 'Trần Văn Bình', phone: '+84 987 654 321', email: 'binh.tran@yahoo.com', confidential: true },
    ];
    ward.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, 'Invalid email: hoa.nguyen@gmail.com');
    for (const p of people) submit(ward, { ...p, content: 'Đường ngập sau mưa' });
    ward.ws.clock.advance(3_600_000);
    ward.ws.runDueTriggers();
    const secrets = people.flatMap((p) => [p.name, p.phone, p.email, p.phone.replace(/\D/g, '')]);
    const view = ward.ws.spreadsheets.view(ward.ssId);
    const raw = view.sheets.find((s) => s.formUrl)!;
    for (const sheet of view.sheets) {
      if (sheet.name === SUBMITTERS || sheet === raw) continue;
      const text = JSON.stringify(sheet.displayValues);
      for (const s of secrets) expect({ tab: sheet.name, leaked: text.includes(s) ? s : null }).toEqual({ tab: sheet.name, leaked: null });
    }
    const logs = JSON.stringify(ward.ws.logs()) + JSON.stringify(ward.ws.executions());
    for (const s of secrets) expect(logs.includes(s)).toBe(false);
    // A mail holds nobody's contact details but, in its greeting, its own recipient's name (issue 18, item 13).
    for (const m of ward.ws.mail.outbox()) {
      const own = people.find((p) => m.to.includes(p.email));
      const body = [m.subject, m.body.split('\n').slice(own ? 1 : 0).join('\n')].join('\n');
      for (const s of secrets) expect({ to: m.to, leaked: body.includes(s) ? s : null }).toEqual({ to: m.to, leaked: null });
      if (own) expect(m.body.split('\n')[0]).toMatch(/^Kính gửi: Ông\/Bà (Nguyễn Thị Hoa|Trần Văn Bình) \(người gửi ý kiến mã GY-2026-0000\d\)$/);
    }
    expect(tabRecords(ward, SUBMITTERS).map((r) => [r['Họ và tên'], r['Số điện thoại'], r['Email'], r['Bảo mật danh tính']])).toEqual([
      ['Nguyễn Thị Hoa', '0912 345 678', 'hoa.nguyen@gmail.com', 'FALSE'],
      ['Trần Văn Bình', '+84 987 654 321', 'binh.tran@yahoo.com', 'TRUE'],
    ]);
    // The raw responses tab necessarily holds them: it is hidden and protected to admins.
    expect([raw.hidden, raw.protected]).toEqual([true, true]);
  });
});

describe('acknowledgements', () => {
  it('tell the resident the code, the due date and how to follow up, in Vietnamese', () => {
    const ward = setUpWard();
    submit(ward, { email: 'dan@gmail.com' });
    const [mail] = ward.ws.mail.outbox();
    expect(mail.to).toEqual(['dan@gmail.com']);
    expect(mail.subject).toBe('[Hòm thư số] Đã tiếp nhận ý kiến GY-2026-00001');
    expect(mail.body).toContain('Mã ý kiến: GY-2026-00001');
    expect(mail.body).toContain('Hạn trả lời: 03/12/2026');
    expect(mail.body).toContain('Văn phòng Ủy ban MTTQ Việt Nam phường');
  });

  it('under a quota of 5, five go today and the rest tomorrow; none is sent twice', () => {
    const ward = setUpWard({ quotas: { emailRecipientsPerDay: 5 } });
    for (let i = 0; i < 8; i++) submit(ward, { email: `dan${i}@gmail.com` });
    expect(ward.ws.mail.outbox()).toHaveLength(5);
    ward.ws.clock.advance(3_600_000);
    ward.ws.runDueTriggers();
    expect(ward.ws.mail.outbox()).toHaveLength(5);
    expect(tabRecords(ward, 'Hộp thư đi').map((r) => r['Trạng thái'])).toEqual([...new Array(5).fill('Đã gửi'), ...new Array(3).fill('Chờ gửi')]);
    ward.ws.clock.setTo('2026-11-25T01:00:00Z');
    ward.ws.runDueTriggers();
    const sent = ward.ws.mail.outbox().map((m) => m.to[0]);
    expect(sent.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `dan${i}@gmail.com`).sort());
    ward.ws.clock.setTo('2026-11-26T01:00:00Z');
    ward.ws.runDueTriggers();
    expect(ward.ws.mail.outbox()).toHaveLength(8);
    expect(tabRecords(ward, 'Hộp thư đi').every((r) => r['Trạng thái'] === 'Đã gửi')).toBe(true);
  });
});

describe('a second installed intake trigger is ignored', () => {
  /** An add-on may hold one form-submit trigger per user and document: a second one is another user's. */
  function wardWithTwoIntakeTriggers(secondBy: string = ADMIN2): Ward {
    const ward = setUpWard();
    // A second admin of the ward, with edit rights once the hourly job has applied the staff list.
    addStaff(ward, [[ADMIN2, 'Quản trị', '']]);
    runHourly(ward);
    ward.app.addFile('test-helpers.js', TEST_HELPERS);
    ward.ws.setUser(secondBy);
    ward.app.call('installSecondTriggerForTest');
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
    runHourly(ward);
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
    runHourly(ward);
    expect(tabRecords(ward, CASES).map((x) => x['Nội dung'])).toEqual(['Ý kiến gặp lỗi']);
    runHourly(ward);
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
