/**
 * The web app's resident form (issue 20.1) on the emulator, as an anonymous visitor: the same
 * questions as the Google Form, the case filed through the one pipeline with its code, due date
 * and lookup key in the answer; a retried request is one case; the honeypot, the caps and the
 * ward's rate budget; hostile text stays text; a fault at any service call loses and doubles nothing.
 */
import { FORM, PUBLIC } from '../../src/i18n/vi';
import { WEB_FORM } from '../../src/i18n/web-form';
import { WEB_FORM_BUDGET } from '../../src/domain/rate-budget';
import { CHANNELS } from '../../src/domain/case';
import { GENERAL_ROWS, POSTER_FORM_LABELS } from '../../src/domain/vocabulary';
import { qrCodesIn } from '../support/qr';
import { JPEG_72x96, JPEG_96x72 } from '../support/photos';
import { ADMIN, runHourly, setUpWard, tabRecords, wardFactory, type Ward } from '../support/ward';

const ID = 'Zq3v9XkP2mLr8TnB4wYc1A'; // 22 base64url characters: 128 bits, as the page makes them
const answers = { group: 'Tổ dân phố 3', topic: '', content: 'Ổ gà sâu trước số 12 ngõ 5', location: 'Ngõ 5', name: 'Trần Thị Mai', phone: '0912 345 678', email: 'mai.tran@gmail.com', confidential: false, place: FORM.placeGroup };
type Result = { code: string; dueDate: string; key: string; message: string; photos: number; photosMissing: boolean };

function send(w: Ward, input: Record<string, unknown>): Result {
  return w.ws.webapp.run('submitResidentForm', [{ requestId: ID, trap: '', photos: [], ...input, answers: { ...answers, ...(input.answers as object) } }], { user: '' }) as Result;
}

const fresh = wardFactory();

describe('the web form files a case at once', () => {
  it('files on the channel of the poster’s place, answers with code, due date and a lookup key that works', () => {
    const w = fresh();
    const r = send(w, {});
    expect(r).toEqual({ code: 'GY-2026-00001', dueDate: '03/12/2026', key: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/), message: WEB_FORM.thanks, photos: 0, photosMissing: false });
    expect(tabRecords(w, 'Ý kiến')[0]).toMatchObject({ 'Mã ý kiến': 'GY-2026-00001', 'Kênh tiếp nhận': CHANNELS.qr, 'Tổ dân phố': 'Tổ dân phố 3', 'Nội dung': answers.content });
    expect(tabRecords(w, 'Người gửi')[0]).toMatchObject({ 'Họ và tên': 'Trần Thị Mai', Email: 'mai.tran@gmail.com' });
    // The acknowledgement left at once, with the same key.
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'mai.tran@gmail.com')!;
    expect(ack.body).toContain(r.key);
    const seen = w.ws.webapp.run('lookupPublicCase', [r.code, r.key], { user: '' }) as { code: string; dueOn: string };
    expect(seen).toMatchObject({ code: 'GY-2026-00001', dueOn: '03/12/2026' });
    // The office's and the centre's posters: their own channels, as the Google Form's links.
    expect(send(w, { requestId: `${ID}o`, answers: { place: FORM.placeOffice } }).code).toBe('GY-2026-00002');
    expect(send(w, { requestId: `${ID}c`, answers: { place: FORM.placeCentre, email: '' } }).code).toBe('GY-2026-00003');
    expect(tabRecords(w, 'Ý kiến').map((c) => c['Kênh tiếp nhận'])).toEqual([CHANNELS.qr, CHANNELS.qrOffice, CHANNELS.qrCentre]);
  });

  it('a resident who leaves no e-mail gets the key on the page (the ward’s secret is made under the lock)', () => {
    const w = fresh();
    const r = send(w, { answers: { name: '', email: '', phone: '' } });
    expect(r.key).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(w.ws.mail.outbox()).toEqual([]);
    expect(w.ws.webapp.run('lookupPublicCase', [r.code, r.key], { user: '' })).toMatchObject({ code: r.code });
  });

  it('a retried request is one case, answered as the first try — also after midnight; a new key issued by an admin is never given to a retry', () => {
    const w = fresh();
    const first = send(w, {});
    const again = send(w, {});
    expect(again).toEqual(first);
    w.ws.clock.advance(24 * 3_600_000);
    expect(send(w, {})).toEqual(first);
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
    expect(tabRecords(w, 'Người gửi')).toHaveLength(1);
    expect(w.ws.mail.outbox().filter((m) => m.to[0] === 'mai.tran@gmail.com')).toHaveLength(1);
    w.app.call('issueCaseLookupKey', first.code);
    expect(send(w, {})).toEqual({ code: first.code, dueDate: first.dueDate, key: '', message: WEB_FORM.keyReissued, photos: 0, photosMissing: false });
  });

  it('the Google Form’s checks, in its words; nothing filed', () => {
    const w = fresh();
    expect(() => send(w, { answers: { content: '  ' } })).toThrow(FORM.required);
    expect(() => send(w, { answers: { phone: '12345' } })).toThrow(FORM.phoneInvalid);
    expect(() => send(w, { answers: { email: 'mai@@gmail' } })).toThrow(FORM.emailInvalid);
    expect(() => send(w, { answers: { content: 'x'.repeat(10_001) } })).toThrow(FORM.tooLong(10_000));
    expect(() => send(w, { requestId: 'short' })).toThrow(WEB_FORM.failed);
    expect(tabRecords(w, 'Ý kiến')).toEqual([]);
  });

  it('photos that are not a JPEG, too many or too large are refused before anything is filed', () => {
    const w = fresh();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, 4, 65, 66, 0xff, 0xd9]).toString('base64');
    const html = Buffer.from('<html><script>alert(1)</script>').toString('base64');
    const photo = (base64: string) => ({ name: 'a.jpg', mimeType: 'image/jpeg', base64 });
    expect(() => send(w, { photos: [photo(html)] })).toThrow(WEB_FORM.photoInvalid);
    expect(() => send(w, { photos: [photo(jpeg), photo(jpeg), photo(jpeg), photo(jpeg)] })).toThrow(WEB_FORM.tooLarge);
    expect(() => send(w, { photos: [photo(Buffer.alloc(2 * 1024 * 1024 + 10, 0xff).toString('base64'))] })).toThrow(WEB_FORM.photoInvalid);
    expect(tabRecords(w, 'Ý kiến')).toEqual([]);
  });
});

describe('abuse, without blocking residents', () => {
  it('a filled honeypot: a neutral thanks, nothing filed, nothing written to the ward’s document', () => {
    const w = fresh();
    const props = () => JSON.stringify((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties());
    const before = props();
    expect(send(w, { trap: 'http://spam.example' })).toEqual({ code: '', dueDate: '', key: '', message: WEB_FORM.received, photos: 0, photosMissing: false });
    expect(tabRecords(w, 'Ý kiến')).toEqual([]);
    expect(props()).toBe(before);
    // Counted where a bot's flood costs the ward nothing: the script cache.
    send(w, { trap: 'x' });
    expect((w.ws.globals.CacheService as GoogleAppsScript.Cache.CacheService).getScriptCache().get('hts.webform.trapped')).toBe('2');
  });

  it(`the ward’s budget: ${WEB_FORM_BUDGET.max} new cases in 10 minutes, then "busy" in Vietnamese; a retry of a filed one still answers; minutes later it files again`, () => {
    const w = fresh();
    const errors = tabRecords(w, 'Lỗi').length;
    for (let i = 0; i < WEB_FORM_BUDGET.max; i++) send(w, { requestId: `${ID}${String(i).padStart(2, '0')}`, answers: { email: '' } });
    expect(() => send(w, { requestId: `${ID}xx`, answers: { email: '' } })).toThrow(WEB_FORM.busy);
    expect(send(w, { requestId: `${ID}00`, answers: { email: '' } }).code).toBe('GY-2026-00001');
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(WEB_FORM_BUDGET.max);
    expect(tabRecords(w, 'Lỗi')).toHaveLength(errors);
    w.ws.clock.advance(WEB_FORM_BUDGET.windowMs);
    expect(send(w, { requestId: `${ID}xx`, answers: { email: '' } }).code).toBe(`GY-2026-000${WEB_FORM_BUDGET.max + 1}`);
  });

  it('hostile text in every field is stored as plain text, whole', () => {
    const w = fresh();
    const hostile = { group: '=IMPORTXML("http://x","//a")', topic: '', content: '=HYPERLINK("http://evil","bấm")<script>alert(1)</script>', location: '+1+1', name: '@SUM(A1)<img src=x onerror=alert(1)>', phone: '', email: '', confidential: false, place: '-2+3' };
    send(w, { answers: hostile });
    const c = tabRecords(w, 'Ý kiến')[0];
    expect(c['Nội dung']).toBe(hostile.content);
    expect(c['Địa điểm']).toBe(hostile.location);
    expect(c['Tổ dân phố']).toBe(hostile.group);
    expect(tabRecords(w, 'Người gửi')[0]['Họ và tên']).toBe(hostile.name);
    const formulas = w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
  });
});

describe('the same questions as the Google Form', () => {
  it('the page’s questions are the Google Form’s: titles, help texts, types, required, choices, checks', () => {
    const w = fresh();
    const page = w.ws.webapp.get('?v=form&place=office&group=T%E1%BB%95%20d%C3%A2n%20ph%E1%BB%91%202', { user: '' }).body;
    const json = /<script type="application\/json" id="start">(.*?)<\/script>/s.exec(page)![1];
    const start = JSON.parse(json) as { view: string; form: { place: string; group: string; questions: Array<{ title: string; type: string; help?: string; required?: boolean; choices: string[] | null; check: { message: string; pattern?: string } | null }> } };
    expect(start).toMatchObject({ view: 'form', form: { place: FORM.placeOffice, group: 'Tổ dân phố 2' } });
    const google = w.ws.forms.model(w.formId).items;
    expect(start.form.questions.map((q) => [q.title, q.type, q.help ?? '', Boolean(q.required), q.choices ?? [], q.check?.message ?? '', q.check?.pattern ?? ''])).toEqual(
      google.map((i) => [i.title, i.type, i.helpText, i.required, i.choices, i.validation?.helpText ?? '', i.validation?.pattern ?? '']),
    );
  });
});

const PHOTOS = [
  { name: 'IMG_1.jpg', mimeType: 'image/jpeg', base64: JPEG_96x72 },
  { name: 'IMG_2.jpg', mimeType: 'image/jpeg', base64: JPEG_72x96 },
];
const photoFiles = (w: Ward) => w.ws.drive.files().filter((f) => f.appProperties?.htsPhoto);

describe('photos', () => {
  it('are stored with the case, privately (the ward’s Drive folder, the hidden tab "Ảnh"); a retry stores nothing twice', () => {
    const w = fresh();
    const r = send(w, { photos: PHOTOS });
    expect(r).toMatchObject({ code: 'GY-2026-00001', photos: 2, photosMissing: false });
    expect(photoFiles(w).map((f) => [f.appProperties?.htsCase, f.owner, f.mimeType])).toEqual([
      ['GY-2026-00001', ADMIN, 'image/jpeg'],
      ['GY-2026-00001', ADMIN, 'image/jpeg'],
    ]);
    expect(tabRecords(w, 'Ảnh').map((p) => [p['Mã ý kiến'], p['Nguồn'], p['Thứ tự']])).toEqual([
      ['GY-2026-00001', 'web', '0'],
      ['GY-2026-00001', 'web', '1'],
    ]);
    expect(send(w, { photos: PHOTOS })).toEqual(r);
    expect(photoFiles(w)).toHaveLength(2);
    expect(tabRecords(w, 'Ảnh')).toHaveLength(2);
  });

  it('the response key holds the request id’s hash, never the id (staff read the cases tab; the id would hand them the key)', () => {
    const w = fresh();
    send(w, {});
    const stored = JSON.stringify(w.ws.spreadsheets.view(w.ssId).sheets.map((t) => t.displayValues)) + JSON.stringify((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties());
    expect(stored.includes(ID)).toBe(false);
    expect(tabRecords(w, 'Ý kiến')[0]['Mã phản hồi biểu mẫu']).toMatch(/^W\d+-[\w-]{32}$/);
  });
});

describe('fault sweep: a failing service call at every step of a submission', () => {
  it('the resident’s retry (same request id) completes it: one case, one submitter row, one acknowledgement, its two photos, a key that works', () => {
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    send(clean, { photos: PHOTOS });
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      let first: Result | null = null;
      try {
        first = send(w, { photos: PHOTOS });
      } catch (e) {
        expect([k, (e as Error).message]).toEqual([k, expect.stringMatching(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i)]);
      }
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      const r = send(w, { photos: PHOTOS });
      runHourly(w);
      const where = `call ${k} (${failed})`;
      // A first try that got its answer had the same code, date and key; its photos maybe not yet.
      if (first) expect([where, { ...r, photosMissing: false, photos: 0 }]).toEqual([where, { ...first, photosMissing: false, photos: 0 }]);
      expect([where, r.photos, r.photosMissing]).toEqual([where, 2, false]);
      expect([where, photoFiles(w).length, tabRecords(w, 'Ảnh').length]).toEqual([where, 2, 2]);
      expect([where, tabRecords(w, 'Ý kiến').map((c) => c['Mã ý kiến'])]).toEqual([where, ['GY-2026-00001']]);
      expect([where, tabRecords(w, 'Người gửi').length]).toEqual([where, 1]);
      // A send that failed may have left: the outbox never repeats it (it tells the admin instead).
      const acks = w.ws.mail.outbox().filter((m) => m.to[0] === 'mai.tran@gmail.com').length;
      expect([where, acks]).toEqual([where, failed === 'MailApp:MailApp.sendEmail' ? 0 : 1]);
      expect([where, tabRecords(w, 'Hộp thư đi').filter((m) => m['Mã ý kiến'] === 'GY-2026-00001').length]).toEqual([where, 1]);
      expect([where, (w.ws.webapp.run('lookupPublicCase', [r.code, r.key], { user: '' }) as { code: string }).code]).toEqual([where, 'GY-2026-00001']);
    }
  });
});

test('the admin sees the case as any other, received by the form', () => {
  const w = setUpWard();
  send(w, {});
  const view = w.ws.sidebar.run('getCase', ['GY-2026-00001'], { user: ADMIN }) as { history: Array<{ by: string }> };
  expect(view.history.map((h) => h.by)).toEqual(['Biểu mẫu']);
  expect(PUBLIC.title).toBeTruthy();
});

describe('the setting: which form the QR posters, stickers and links open', () => {
  function choose(w: Ward, value: string): void {
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
    const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((r) => String(r[0]));
    sheet.getRange(labels.indexOf(GENERAL_ROWS.posterForm) + 1, 2).setValue(value);
    runHourly(w); // settings take effect with the hourly job (or "Đồng bộ lại")
  }

  it('a new ward has the row, on the Google Form; "Biểu mẫu trên trang web" makes every poster’s QR open the web form of its place', () => {
    const w = fresh();
    const row = tabRecords(w, 'Cài đặt').find((r) => r['Mục'] === GENERAL_ROWS.posterForm)!;
    expect(row['Giá trị']).toBe(POSTER_FORM_LABELS.google);
    const google = w.app.call('getPlaceFormLinks') as Array<{ url: string }>;
    expect(google[0].url).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
    choose(w, POSTER_FORM_LABELS.web);
    const exec = w.ws.webapp.url()!;
    const links = w.app.call('getPlaceFormLinks') as Array<{ title: string; place: string; url: string }>;
    expect(links.at(-2)).toEqual({ title: FORM.placeOffice, place: 'office', url: `${exec}?v=form&place=office` });
    const doc = w.app.call('createQrPosters', 'Tổ dân phố 2') as { id: string };
    const [formQr] = qrCodesIn(w.ws, doc.id);
    expect(formQr).toBe(`${exec}?v=form&place=group&group=${encodeURIComponent('Tổ dân phố 2')}`);
    // A resident scans it: the web form with the group and place chosen; the case arrives on the group's QR channel.
    const page = w.ws.webapp.get(formQr.slice(exec.length), { user: '' }).body;
    const start = JSON.parse(/<script type="application\/json" id="start">(.*?)<\/script>/s.exec(page)![1]) as { view: string; form: { group: string; place: string } };
    expect(start).toMatchObject({ view: 'form', form: { group: 'Tổ dân phố 2', place: FORM.placeGroup } });
    send(w, { answers: { group: start.form.group, place: start.form.place } });
    expect(tabRecords(w, 'Ý kiến')[0]).toMatchObject({ 'Tổ dân phố': 'Tổ dân phố 2', 'Kênh tiếp nhận': CHANNELS.qr });
  });

  it('a value that is neither is reported and the Google Form is kept', () => {
    const w = fresh();
    choose(w, 'trang web');
    expect((w.app.call('getPlaceFormLinks') as Array<{ url: string }>)[0].url).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
    expect(tabRecords(w, 'Lỗi').map((r) => r['Lỗi'])).toContain(`"${GENERAL_ROWS.posterForm}" phải là "${POSTER_FORM_LABELS.google}" hoặc "${POSTER_FORM_LABELS.web}"; đang dùng "${POSTER_FORM_LABELS.google}".`);
  });
});

test('it is the web app’s: from a sidebar a non-admin is refused in Vietnamese (they could not write the tabs); a second admin who deployed the web app files', () => {
  const w = fresh();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
    ['xuly@luukiem.example', 'Xử lý', 'UBND phường'],
    ['admin2@luukiem.example', 'Quản trị', ''],
  ]);
  runHourly(w);
  const input = { requestId: ID, trap: '', photos: [], answers };
  expect(() => w.ws.sidebar.run('submitResidentForm', [input], { user: 'xuly@luukiem.example' })).toThrow(WEB_FORM.notHere);
  expect(tabRecords(w, 'Ý kiến')).toEqual([]);
  expect((w.ws.sidebar.run('submitResidentForm', [input], { user: 'admin2@luukiem.example' }) as Result).code).toBe('GY-2026-00001');
});
