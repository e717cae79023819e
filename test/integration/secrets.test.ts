/**
 * Issue 16.5: secrets are never at rest. Lookup keys and personal-link tokens are put into a mail
 * only when it is sent (as the resident's name is): the outbox tab, the write-ahead records, the
 * document/script/user properties, the logs, the executions' errors and the errors tab never hold
 * one — while the e-mails still carry keys and links that work through the web app.
 */
import { SECRET_SLOTS } from '../../src/i18n/vi';
import { formAnswers, runHourly, setUpWard, sweepHourlyCutOff, sweepHourlyRun, tabRecords, wardFactory, type Ward } from '../support/ward';

const UBND = 'ubnd@luukiem.example';
const DEPUTY = 'pho.chutich@luukiem.example';
const VIEWER = 'danguy@luukiem.example';
const CASES = 'Ý kiến';
const OUTBOX = 'Hộp thư đi';
type View = { code: string; row: number; version: number; status: string };
type Public = { code: string; status: string; canRate: boolean; rating: number | null };
type Portal = { email: string; role: string; cases: Array<{ code: string }> };

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = open(w, code);
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

function staffed(w: Ward): void {
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 3, 3).setValues([
    [UBND, 'Xử lý', 'UBND phường'],
    [DEPUTY, 'Xử lý', 'UBND phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
}

/** Every lookup key and link token an e-mail carries, in each form it could be written. */
function secretsOf(bodies: string[]): { keys: string[]; tokens: string[]; all: string[] } {
  const keys = new Set<string>();
  const tokens = new Set<string>();
  for (const body of bodies) {
    for (const m of body.matchAll(/Mã tra cứu: ([A-Z0-9]{4}-?[A-Z0-9]{4})/g)) keys.add(m[1]);
    for (const m of body.matchAll(/[?&]key=([A-Za-z0-9-]{8,9})/g)) keys.add(m[1]);
    for (const m of body.matchAll(/[?&]p=([0-9a-f]{64})/g)) tokens.add(m[1]);
  }
  const forms = [...keys].flatMap((k) => [k, k.replace('-', ''), `${k.replace('-', '').slice(0, 4)}-${k.replace('-', '').slice(4)}`]);
  return { keys: [...keys], tokens: [...tokens], all: [...new Set([...forms, ...tokens])] };
}

/**
 * Everything the ward keeps, except the mails that left: every spreadsheet's cells, every
 * property store, Drive, Docs, forms, the UI's dialogs (a workspace snapshot without the mail
 * module), the Logger/console lines and the executions' error messages.
 */
function atRest(w: Ward): string {
  const state = JSON.parse(w.ws.snapshot()) as { modules: Record<string, unknown> };
  delete state.modules.mail;
  const logs = w.ws.logs().map((l) => l.message);
  const errors = w.ws.executions().map((e) => e.error ?? '');
  return [JSON.stringify(state), ...logs, ...errors].join('\n').toLowerCase();
}

/**
 * The same, cheaper, for fault sweeps: every cell of the ward's spreadsheet, the document
 * properties, the logs and the executions' errors.
 */
function atRestQuick(w: Ward): string {
  const ss = w.SpreadsheetApp.getActive();
  const cells = ss.getSheets().map((s) => JSON.stringify(s.getDataRange().getValues()));
  const props = JSON.stringify((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties());
  return [...cells, props, ...w.ws.logs().map((l) => l.message), ...w.ws.executions().map((e) => e.error ?? '')].join('\n').toLowerCase();
}

function expectNotAtRest(w: Ward, secrets: string[], where: string, quick = false): void {
  const haystack = quick ? atRestQuick(w) : atRest(w);
  const found = secrets.filter((s) => haystack.includes(s.toLowerCase()));
  expect([where, found]).toEqual([where, []]);
}

/** What the web app makes of a mail's URL (what follows /exec). */
function visit(w: Ward, url: string) {
  const base = w.ws.webapp.url()!;
  expect(url.startsWith(base)).toBe(true);
  return w.ws.webapp.get(url.slice(base.length), { user: '' });
}

const SLOT_MARKS = [SECRET_SLOTS.key, SECRET_SLOTS.link, '\u2063'];

describe('secrets are put into a mail only when it is sent', () => {
  it('after a whole flow no tab, property, log or error row holds a key or link a sent e-mail carries; the e-mails\' keys and links work', () => {
    const w = setUpWard();
    staffed(w);
    // A: acknowledged at once, under the intake lock. B: its acknowledgement waits in the outbox
    // (the quota check failed) and leaves with the hourly job.
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', name: 'Phạm Thị Hoa', email: 'hoa.pham@gmail.com' }));
    w.ws.faults.inject('MailApp', 'MailApp.getRemainingDailyQuota', 1);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 9', name: 'Lê Văn Nam', email: 'nam.le@gmail.com' }));
    expect(w.ws.mail.outbox().map((m) => m.to[0])).toEqual(['hoa.pham@gmail.com']);
    // While it waits, the outbox row says where the key goes, not the key.
    const waiting = tabRecords(w, OUTBOX).find((r) => r['Mã thư'] === 'TN-GY-2026-00002')!;
    expect(waiting['Trạng thái']).toBe('Chờ gửi');
    expect(waiting['Nội dung']).toContain(SECRET_SLOTS.key);
    runHourly(w);
    // Assigned to a handler (each member of the body is told of the case, with a personal link),
    // answered through the portal, sent to the resident with the rating link; a viewer's link.
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND });
    w.app.call('sendPortalLink', VIEWER);
    // The write-ahead record and the outbox hold no token before anything is sent.
    const queued = tabRecords(w, OUTBOX).filter((r) => r['Trạng thái'] === 'Chờ gửi');
    expect(queued.map((r) => r['Mã thư'].slice(0, 3)).sort()).toEqual(['CX-', 'CX-', 'LK-']);
    for (const r of queued) expect([r['Mã thư'], r['Nội dung']]).toEqual([r['Mã thư'], expect.stringContaining(SECRET_SLOTS.link)]);
    runHourly(w);
    const handlerToken = /\?p=([0-9a-f]{64})/.exec(w.ws.mail.outbox().find((m) => m.to[0] === UBND)!.body)![1];
    const c = (w.app.call('getPortal', handlerToken) as Portal & { cases: Array<{ code: string; row: number; version: number }> }).cases[0];
    w.app.call('portalCaseAction', handlerToken, c.code, c.row, c.version, { kind: 'answer', text: 'Điện lực đã thay bóng đèn ngày 26/11.' });
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    runHourly(w);

    const mails = w.ws.mail.outbox();
    expect(mails.map((m) => [m.to[0], m.subject.replace(/ GY-.*/, '')]).sort()).toEqual([
      [DEPUTY, '[Hòm thư số] Chuyển xử lý ý kiến'],
      [VIEWER, '[Hòm thư số] Liên kết xem ý kiến của Nhân dân'],
      ['hoa.pham@gmail.com', '[Hòm thư số] Trả lời ý kiến'],
      ['hoa.pham@gmail.com', '[Hòm thư số] Đã tiếp nhận ý kiến'],
      ['nam.le@gmail.com', '[Hòm thư số] Đã tiếp nhận ý kiến'],
      [UBND, '[Hòm thư số] Chuyển xử lý ý kiến'],
    ].sort());
    for (const m of mails) for (const mark of SLOT_MARKS) expect([m.subject, m.body.includes(mark)]).toEqual([m.subject, false]);
    // B's key voided by a new one the admin reads out on the phone: that one is a secret too.
    const keyB = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(mails.find((m) => m.to[0] === 'nam.le@gmail.com')!.body)![1];
    expect((w.app.call('lookupPublicCase', 'GY-2026-00002', keyB) as Public).code).toBe('GY-2026-00002');
    const issued = w.app.call('issueCaseLookupKey', 'GY-2026-00002') as { key: string };
    runHourly(w);

    const secrets = secretsOf(mails.map((m) => m.body));
    expect(secrets.keys).toHaveLength(2); // the two acknowledgements' (the rating link carries A's)
    expect(secrets.tokens).toHaveLength(3); // the handler, the body's other member, the viewer
    const all = [...secrets.all, issued.key, issued.key.replace('-', '')];
    expectNotAtRest(w, all, 'after the flow');
    // Every outbox row, sent or not, still says where each secret went.
    const bodies = tabRecords(w, OUTBOX).map((r) => r['Nội dung']);
    expect(bodies.filter((b) => b.includes(SECRET_SLOTS.key))).toHaveLength(3);
    expect(bodies.filter((b) => b.includes(SECRET_SLOTS.link))).toHaveLength(3);

    // The keys and links work, through the web app.
    const ack = (to: string) => mails.find((m) => m.to[0] === to && m.subject.includes('Đã tiếp nhận'))!.body;
    const keyA = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack('hoa.pham@gmail.com'))![1];
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', keyA) as Public).status).toBe('Đã trả lời');
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00002', keyB)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00002', issued.key) as Public).code).toBe('GY-2026-00002');
    const ratingUrl = /(https:\S+\?v=lookup&code=GY-2026-00001&key=\S+)/.exec(mails.find((m) => m.subject.includes('Trả lời ý kiến'))!.body)![1];
    const page = visit(w, ratingUrl);
    expect(page.status).toBe(200);
    const start = JSON.parse(/<script type="application\/json" id="start">(.*?)<\/script>/.exec(page.body)![1]) as { code: string; key: string };
    expect((w.app.call('ratePublicAnswer', start.code, start.key, 5, '') as Public).rating).toBe(5);
    for (const [to, role] of [[UBND, 'handler'], [DEPUTY, 'handler'], [VIEWER, 'viewer']]) {
      const url = /(https:\S+\?p=[0-9a-f]{64})/.exec(mails.find((m) => m.to[0] === to)!.body)![1];
      expect(visit(w, url).status).toBe(200);
      const token = url.slice(-64);
      expect((w.app.call('getPortal', token) as Portal)).toMatchObject({ email: to, role });
    }
    // Using them wrote none of them down either.
    expectNotAtRest(w, all, 'after using them');
  });

  it('a resident cannot plant a placeholder: what they write is never filled with a secret', () => {
    const w = setUpWard();
    staffed(w);
    const planted = `Xem \u2063${SECRET_SLOTS.link}\u2063 và \u2063${SECRET_SLOTS.key}\u2063`;
    w.ws.forms.submit(w.formId, formAnswers({ content: planted, name: `\u2063${SECRET_SLOTS.key}\u2063`, email: 'hoa.pham@gmail.com' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND });
    runHourly(w);
    const notice = w.ws.mail.outbox().find((m) => m.to[0] === UBND)!;
    // The resident's text arrives as they wrote it, without the invisible marks; one link, the add-on's.
    expect(notice.body).toContain(`Xem ${SECRET_SLOTS.link} và ${SECRET_SLOTS.key}`);
    expect(notice.body.match(/[0-9a-f]{64}/g)).toHaveLength(1);
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'hoa.pham@gmail.com')!;
    expect(ack.body.match(/\b[2-9A-Z]{4}-[2-9A-Z]{4}\b/g)).toHaveLength(1);
    // The answer leaves through the outbox, named: the planted name is put in as written, never filled.
    act(w, 'GY-2026-00001', { action: 'answer', text: 'Đã thay bóng đèn.' });
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    runHourly(w);
    const answer = w.ws.mail.outbox().find((m) => m.subject.includes('Trả lời'))!;
    expect(answer.body.split('\n')[0]).toContain(SECRET_SLOTS.key);
    expect(answer.body.match(/\b[2-9A-Z]{4}-[2-9A-Z]{4}\b/g)).toHaveLength(1);
  });

  it('a queued message with a key for a case that no longer exists is not sent, and says why', () => {
    const w = setUpWard();
    w.ws.faults.inject('MailApp', 'MailApp.getRemainingDailyQuota', 1);
    w.app.call('submitStaffCase', { channel: 'inPerson', receivedAt: '', group: 'Tổ dân phố 1', topic: '', content: 'Ổ gà trước số 5', location: '', name: '', phone: '', email: 'ba@gmail.com', confidential: false, requestId: 'r1' });
    expect(tabRecords(w, OUTBOX)[0]['Trạng thái']).toBe('Chờ gửi');
    // A staff entry has no form response to be restored from: its row deleted by hand is gone.
    w.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRow(2), { changeType: 'REMOVE_ROW' });
    runHourly(w);
    expect(w.ws.mail.outbox()).toHaveLength(0);
    const row = tabRecords(w, OUTBOX)[0];
    expect(row['Trạng thái']).toBe('Không gửi được');
    expect(row['Lỗi']).toContain('mã tra cứu');
  });
});

/** What a mail's secrets must satisfy after any run: filled, working, sent at most once, not at rest. */
function checkSent(w: Ward, where: string): void {
  const mails = w.ws.mail.outbox();
  const seen = new Set<string>();
  for (const m of mails) {
    const id = `${m.to[0]} ${m.subject}`;
    expect([where, id, seen.has(id)]).toEqual([where, id, false]);
    seen.add(id);
    for (const mark of SLOT_MARKS) expect([where, id, m.body.includes(mark)]).toEqual([where, id, false]);
  }
  const secrets = secretsOf(mails.map((m) => m.body));
  expectNotAtRest(w, secrets.all, where, true);
  for (const m of mails) {
    const key = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.body)?.[1] ?? /&key=([A-Z0-9-]{8,9})/.exec(m.body)?.[1];
    const code = /GY-2026-\d{5}/.exec(m.subject)?.[0];
    if (key && code) expect([where, m.subject, (w.app.call('lookupPublicCase', code, key) as Public).code]).toEqual([where, m.subject, code]);
    const token = /\?p=([0-9a-f]{64})/.exec(m.body)?.[1];
    if (token) expect([where, m.to[0], (w.app.call('getPortal', token) as Portal).email]).toEqual([where, m.to[0], m.to[0]]);
  }
  // Every message is sent, or marked for a person to check (a send cut off) — never left waiting.
  for (const r of tabRecords(w, OUTBOX)) expect([where, r['Mã thư'], ['Đã gửi', 'Cần kiểm tra'].includes(r['Trạng thái'])]).toEqual([where, r['Mã thư'], true]);
}

describe('fault sweeps over the send path', () => {
  const withMailToSend = () =>
    wardFactory((w) => {
      staffed(w);
      w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', email: 'hoa.pham@gmail.com' }));
      act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
      act(w, 'GY-2026-00001', { action: 'answer', text: 'Đã thay bóng đèn.' });
      act(w, 'GY-2026-00001', { action: 'sendAnswer' });
      w.ws.faults.inject('MailApp', 'MailApp.getRemainingDailyQuota', 1);
      w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 9', email: 'nam.le@gmail.com' }));
      act(w, 'GY-2026-00002', { action: 'classify', category: 'Môi trường', complexity: 'normal' });
      act(w, 'GY-2026-00002', { action: 'assign', body: 'UBND phường', assignee: UBND });
      w.app.call('sendPortalLink', VIEWER);
    });

  it('the hourly send failing at any one service call: no placeholder sent, nothing sent twice, no secret at rest', () => {
    const fresh = withMailToSend();
    const clean = fresh();
    clean.ws.clock.advance(3_600_000);
    clean.ws.faults.failNthCall(1_000_000);
    clean.ws.runDueTriggers();
    const total = clean.ws.faults.sweepState().calls;
    checkSent(clean, 'clean run');
    // Two acknowledgements (one sent before), the answer, the assignment, two personal links.
    expect(clean.ws.mail.outbox()).toHaveLength(6);
    expect(total).toBeGreaterThan(20);
    // An answer whose send was cut off is reported to the admins: that notice leaves with the second clean run.
    sweepHourlyRun(fresh, total, checkSent);
  });

  it('the hourly run cut off at any one service call, mail claimed and left in flight: finished by the next runs, nothing twice, no secret at rest', () => {
    const fresh = withMailToSend();
    const clean = fresh();
    clean.ws.clock.advance(3_600_000);
    clean.ws.faults.failNthCall(1_000_000);
    clean.ws.runDueTriggers();
    sweepHourlyCutOff(fresh, clean.ws.faults.sweepState().calls, checkSent);
  });

  it('the acknowledgement sent at once failing at any one service call: never unfilled, never twice, its key works', () => {
    const fresh = wardFactory();
    const answers = formAnswers({ content: 'Cống ngõ 4 tắc', name: 'Đỗ Văn Minh', email: 'minh@gmail.com' });
    const clean = fresh();
    clean.ws.faults.failNthCall(1_000_000);
    clean.ws.forms.submit(clean.formId, answers);
    const total = clean.ws.faults.sweepState().calls;
    expect(clean.ws.mail.outbox()).toHaveLength(1);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      w.ws.forms.submit(w.formId, answers);
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      runHourly(w);
      runHourly(w);
      checkSent(w, `call ${k} (${failed})`);
      expect([k, w.ws.mail.outbox().length <= 1]).toEqual([k, true]);
    }
  });
});

/**
 * What the code before issue 16.5 left in a ward: a sent acknowledgement with its key in the tab,
 * a handler's sent link and a viewer's waiting one, their random tokens in the tab and only their
 * hashes in the properties; the ward not yet cleaned.
 */
const OLD_TOKEN = 'ab'.repeat(32);
const SENT_TOKEN = 'cd'.repeat(32);

function oldOutbox(w: Ward): { sentKey: string; oldToken: string; sentToken: string } {
    staffed(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', email: 'hoa.pham@gmail.com' }));
    const sentKey = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(w.ws.mail.outbox()[0].body)![1];
    // What the old code left: the sent acknowledgement with its key, and a personal link still
    // waiting, its random token in the tab and only its hash in the properties.
    const oldToken = OLD_TOKEN;
    const U = w.ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    const digest = (token: string) => U.computeDigest(U.DigestAlgorithm.SHA_256, token, U.Charset.UTF_8).map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    const props = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!;
    const now = w.ws.clock.now();
    props.deleteProperty('hts.secrets.migrated'); // a ward set up before this change
    const record = (email: string, role: string, body: string) => JSON.stringify({ email, body, role, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString() });
    props.setProperty(`hts.portal.${digest(oldToken)}`, record(VIEWER, 'viewer', ''));
    // A handler's link that left: readable in the tab for anyone who could read the spreadsheet.
    const sentToken = SENT_TOKEN;
    props.setProperty(`hts.portal.${digest(sentToken)}`, record(UBND, 'handler', 'UBND phường'));
    expect((w.app.call('getPortal', sentToken) as Portal).email).toBe(UBND);
    const outbox = w.SpreadsheetApp.getActive().getSheetByName(OUTBOX)!;
    const sentRow = outbox.getRange(2, 1, 1, outbox.getLastColumn()).getValues()[0];
    const body = 6;
    sentRow[body] = String(sentRow[body]).split(`\u2063${SECRET_SLOTS.key}\u2063`).join(sentKey);
    expect(sentRow[body]).toContain(`Mã tra cứu: ${sentKey}`);
    outbox.getRange(2, 1, 1, sentRow.length).setValues([sentRow]);
    const base = w.ws.webapp.url();
    outbox.appendRow(['LK-1763000000000-' + UBND, now, 'Liên kết cơ quan', '', UBND, '[Hòm thư số] Liên kết cập nhật ý kiến của Nhân dân', `Liên kết (hiệu lực 30 ngày, không chuyển cho người khác): ${base}?p=${sentToken}`, 'Đã gửi', now, 1, '']);
    outbox.appendRow(['LK-1764000000000-' + VIEWER, now, 'Liên kết cơ quan', '', VIEWER, '[Hòm thư số] Liên kết cập nhật ý kiến của Nhân dân', `Liên kết (hiệu lực 30 ngày, không chuyển cho người khác): ${base}?p=${oldToken}`, 'Chờ gửi', '', 0, '']);
  return { sentKey, oldToken, sentToken };
}

describe('an outbox written before this change', () => {
  it('is cleaned of the keys and tokens it holds; what still waits leaves with a working key and link', () => {
    const w = setUpWard();
    const { sentKey, oldToken, sentToken } = oldOutbox(w);
    expect(atRest(w)).toContain(sentKey.toLowerCase());
    runHourly(w);
    expectNotAtRest(w, [sentKey, oldToken, sentToken], 'after the hourly job');
    // The handler's exposed link is revoked, and a new one is on its way to them.
    expect(() => w.app.call('getPortal', sentToken)).toThrow('Liên kết không hợp lệ');
    const renewed = w.ws.mail.outbox().filter((m) => m.to[0] === UBND);
    expect(renewed).toHaveLength(1);
    expect((w.app.call('getPortal', /\?p=([0-9a-f]{64})/.exec(renewed[0].body)![1]) as Portal).email).toBe(UBND);
    expect(tabRecords(w, OUTBOX).find((r) => r['Mã thư'] === 'LK-1763000000000-' + UBND)!['Nội dung']).toContain(`?p=${SECRET_SLOTS.redacted}`);
    runHourly(w);
    expect(w.ws.mail.outbox().filter((m) => m.to[0] === UBND)).toHaveLength(1);
    const link = w.ws.mail.outbox().find((m) => m.to[0] === VIEWER)!;
    const token = /\?p=([0-9a-f]{64})/.exec(link.body)![1];
    expect(token).not.toBe(oldToken);
    expect((w.app.call('getPortal', token) as Portal).email).toBe(VIEWER);
    // The old token sat readable in the tab: it no longer opens anything.
    expect(() => w.app.call('getPortal', oldToken)).toThrow('Liên kết không hợp lệ');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', sentKey) as Public).code).toBe('GY-2026-00001');
    expect(tabRecords(w, OUTBOX)[0]['Trạng thái']).toBe('Đã gửi');
  });

  it('a fault sweep over the cleaning: failing at any one service call, the next runs leave no secret at rest, revoke the exposed links and send each new link once', () => {
    let sentKey = '';
    const fresh = wardFactory((w) => {
      sentKey = oldOutbox(w).sentKey;
    });
    const clean = fresh();
    clean.ws.clock.advance(3_600_000);
    clean.ws.faults.failNthCall(1_000_000);
    clean.ws.runDueTriggers();
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(20);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.clock.advance(3_600_000);
      w.ws.faults.failNthCall(k);
      w.ws.runDueTriggers();
      const where = `call ${k} (${w.ws.faults.sweepState().failed})`;
      w.ws.faults.failNthCall(0);
      runHourly(w);
      runHourly(w);
      expectNotAtRest(w, [sentKey, OLD_TOKEN, SENT_TOKEN], where, true);
      // Nothing sent twice or unfilled, every key and link sent works, nothing left waiting.
      checkSent(w, where);
      // The tokens that sat readable in the tab open nothing.
      const opens = (t: string) => {
        try {
          w.app.call('getPortal', t);
          return true;
        } catch {
          return false;
        }
      };
      expect([where, [OLD_TOKEN, SENT_TOKEN].filter(opens)]).toEqual([where, []]);
      // Each holder gets their new link once — or, when its send was cut off, a row a person checks
      // (the outbox never sends a mail twice: a send that may have left is not tried again).
      for (const who of [UBND, VIEWER]) {
        const sent = w.ws.mail.outbox().filter((m) => m.to[0] === who && /\?p=[0-9a-f]{64}/.test(m.body)).length;
        const toCheck = tabRecords(w, OUTBOX).some((r) => r['Người nhận'] === who && r['Trạng thái'] === 'Cần kiểm tra');
        expect([where, who, sent === 1 || (sent === 0 && toCheck)]).toEqual([where, who, true]);
      }
    }
  });
});
