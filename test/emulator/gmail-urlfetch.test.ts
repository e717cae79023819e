/**
 * GmailApp (labels, threads, messages, attachments, replies), UrlFetchApp, and two workspaces
 * joined by the network: a standalone project (the official mailbox's) fetching the ward's web app.
 */
import { createWorkspace, type Workspace } from '../../emulator';

const MAILBOX = 'hopthu.luukiem@gmail.com';
const ALIAS = 'mttq.luukiem@example.vn';
const G = 'https://www.googleapis.com/auth/';
const SCOPES = ['https://mail.google.com/', `${G}script.external_request`, `${G}script.scriptapp`];

function mailbox(source: string, scopes = SCOPES): Workspace {
  const ws = createWorkspace({ user: MAILBOX, projectKind: 'standalone', now: '2026-12-01T01:00:00Z' });
  ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', oauthScopes: scopes }, scripts: [['Code.js', source]], html: {} });
  return ws;
}

const PNG = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');

describe('https://developers.google.com/apps-script/reference/gmail/gmail-app', () => {
  it('needs https://mail.google.com/ for every method', () => {
    const ws = mailbox('function f() { return GmailApp.getAliases(); }', [`${G}script.external_request`]);
    expect(() => ws.app!.call('f')).toThrow('You do not have permission to call GmailApp.getAliases. Required permissions: https://mail.google.com/');
  });

  it('labels threads, lists them newest first, and a thread id changes as messages arrive (gmail-thread#getId)', () => {
    const ws = mailbox(`
      function list() {
        var label = GmailApp.getUserLabelByName('Hòm thư số');
        return label.getThreads(0, 10).map(function (t) {
          return { id: t.getId(), first: t.getFirstMessageSubject(), ids: t.getMessages().map(function (m) { return m.getId(); }) };
        });
      }`);
    ws.gmail.filter('Hòm thư số');
    const a = ws.gmail.deliver({ from: 'Lan <lan@example.com>', subject: 'Đèn hỏng', body: 'Ngõ 5 tối om.' });
    ws.clock.advance(60_000);
    const b = ws.gmail.deliver({ from: 'binh@example.com', subject: 'Rác', body: 'Rác đầu ngõ.' });
    let threads = ws.app!.call('list') as Array<{ id: string; first: string; ids: string[] }>;
    expect(threads.map((t) => t.first)).toEqual(['Rác', 'Đèn hỏng']);
    expect(threads[1].id).toBe(a.messageId);
    ws.clock.advance(60_000);
    const reply = ws.gmail.deliver({ from: 'lan@example.com', subject: 'Re: Đèn hỏng', body: 'Vẫn hỏng.', inReplyTo: a.messageId });
    threads = ws.app!.call('list') as typeof threads;
    expect(threads.map((t) => t.first)).toEqual(['Đèn hỏng', 'Rác']);
    expect(threads[0].ids).toEqual([a.messageId, reply.messageId]);
    expect(threads[0].id).toBe(reply.messageId);
    expect(threads[0].id).not.toBe(a.messageId);
    expect(threads[1].id).toBe(b.messageId);
  });

  it('reads headers ("" when absent) and attachments, inline images only when asked', () => {
    const ws = mailbox(`
      function read(id, inline) {
        var m = GmailApp.getMessageById(id);
        return { from: m.getFrom(), auto: m.getHeader('auto-submitted'), none: m.getHeader('X-None'), mid: m.getHeader('Message-ID'),
          files: m.getAttachments({ includeInlineImages: inline }).map(function (a) { return [a.getName(), a.getContentType(), a.getSize(), a.getBytes().length]; }) };
      }`);
    const { messageId } = ws.gmail.deliver({
      from: 'Lan <lan@example.com>', subject: 'Ảnh', body: 'Xem ảnh.', headers: { 'Auto-Submitted': 'no' },
      attachments: [{ name: 'a.png', contentType: 'image/png', base64: PNG }, { name: 'logo.png', contentType: 'image/png', base64: PNG, inline: true }],
    });
    const withInline = ws.app!.call('read', messageId, true) as { files: unknown[] };
    const r = ws.app!.call('read', messageId, false) as { from: string; auto: string; none: string; mid: string; files: unknown[] };
    expect(withInline.files).toHaveLength(2);
    expect(r).toMatchObject({ from: 'Lan <lan@example.com>', auto: 'no', none: '', files: [['a.png', 'image/png', 8, 8]] });
    expect(r.mid).toMatch(/^<.+@.+>$/);
  });

  it('replies in the thread from an alias only; thread.reply answers the last sender, which may be the mailbox itself', () => {
    const ws = mailbox(`
      function msgReply(id, from) { GmailApp.getMessageById(id).reply('Đã nhận.', { from: from, name: 'MTTQ' }); }
      function threadReply(id) { GmailApp.getMessageById(id).getThread().reply('Lần hai.'); }`);
    ws.gmail.setAliases([ALIAS]);
    const { messageId } = ws.gmail.deliver({ from: 'Lan <lan@example.com>', subject: 'Đèn hỏng', body: 'Tối om.' });
    expect(() => ws.app!.call('msgReply', messageId, 'other@example.vn')).toThrow('Invalid argument: from');
    ws.app!.call('msgReply', messageId, ALIAS);
    ws.app!.call('threadReply', messageId);
    const thread = ws.gmail.thread(messageId)!;
    expect(thread.messages.map((m) => [m.from, m.to, m.subject, m.sent])).toEqual([
      ['Lan <lan@example.com>', MAILBOX, 'Đèn hỏng', false],
      [`MTTQ <${ALIAS}>`, 'lan@example.com', 'Re: Đèn hỏng', true],
      [MAILBOX, ALIAS, 'Re: Đèn hỏng', true],
    ]);
    expect(thread.messages[1].inReplyTo).toBe(thread.messages[0].messageIdHeader);
    expect(ws.mail.outbox().map((m) => m.from)).toEqual([ALIAS, MAILBOX]);
  });

  it('counts replies against the recipients a day MailApp also uses', () => {
    const ws = mailbox(`function r(id) { GmailApp.getMessageById(id).reply('x'); }`);
    ws.setQuotas({ emailRecipientsPerDay: 1 });
    const { messageId } = ws.gmail.deliver({ from: 'lan@example.com', subject: 's', body: 'b' });
    ws.app!.call('r', messageId);
    expect(() => ws.app!.call('r', messageId)).toThrow('Service invoked too many times for one day: email.');
  });

  it('counts Gmail reads and writes a day', () => {
    const ws = mailbox(`function f() { return GmailApp.getUserLabelByName('x'); }`);
    ws.setQuotas({ gmailReadWritePerDay: 2 });
    ws.app!.call('f');
    ws.app!.call('f');
    expect(() => ws.app!.call('f')).toThrow('Service invoked too many times for one day: gmail.');
  });
});

describe('snapshots', () => {
  it('keep the mailbox (threads, labels, aliases, filters, quotas used) and that the project is standalone', () => {
    const ws = mailbox(`function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create(); } function tick() {}`);
    ws.gmail.setAliases([ALIAS]);
    ws.gmail.filter('Hòm thư số');
    const { messageId } = ws.gmail.deliver({ from: 'lan@example.com', subject: 'Ảnh', body: 'x', attachments: [{ name: 'a.png', contentType: 'image/png', base64: PNG }] });
    const again = createWorkspace({ snapshot: ws.snapshot() });
    expect(again.gmail.threads()).toEqual(ws.gmail.threads());
    expect(again.gmail.thread(messageId)!.labels).toEqual(['Hòm thư số']);
    again.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: SCOPES }, scripts: [['Code.js', `function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create(); } function tick() {} function aliases() { return GmailApp.getAliases(); }`]], html: {} });
    expect(again.app!.call('aliases')).toEqual([ALIAS]);
    again.app!.call('install');
    expect(again.triggers()).toHaveLength(1);
  });
});

describe('https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)', () => {
  it('a standalone project may run every 10 minutes; an add-on may not', () => {
    const src = `function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(10).create(); } function tick() {}`;
    const ws = mailbox(src);
    ws.app!.call('install');
    expect(ws.triggers()).toEqual([expect.objectContaining({ handlerFunction: 'tick', everyMs: 600_000 })]);
    ws.clock.advance(600_000);
    expect(ws.runDueTriggers()).toEqual([expect.objectContaining({ ok: true })]);
    const addon = createWorkspace({ user: MAILBOX });
    addon.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh' }, scripts: [['Code.js', src]], html: {} });
    expect(() => addon.app!.call('install')).toThrow('Add-ons can only create time-based triggers that run at most once per hour.');
  });
});

describe('https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)', () => {
  const FETCH = `
    function get(url, params) { var r = UrlFetchApp.fetch(url, params); return { code: r.getResponseCode(), text: r.getContentText() }; }`;

  it('needs script.external_request; an unrouted host is unavailable', () => {
    expect(() => mailbox(FETCH, ['https://mail.google.com/']).app!.call('get', 'https://x.example/')).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(() => mailbox(FETCH).app!.call('get', 'https://x.example/')).toThrow('Address unavailable: https://x.example/');
  });

  it('throws on 4xx/5xx unless muteHttpExceptions; follows redirects unless told not to; times out after 60 s', () => {
    const ws = mailbox(FETCH);
    ws.network.route('https://api.example/fail', () => ({ status: 500, body: 'boom' }));
    ws.network.route('https://api.example/moved', () => ({ status: 302, body: 'moved', headers: { Location: 'https://api.example/here' } }));
    ws.network.route('https://api.example/here', (r) => ({ status: 200, body: `${r.method} here` }));
    ws.network.route('https://api.example/slow', (r) => ({ status: 200, body: 'late', answeredAt: r.sentAt + 61_000 }));
    expect(() => ws.app!.call('get', 'https://api.example/fail')).toThrow(/^Request failed for https:\/\/api.example\/fail returned code 500. Truncated server response: boom/);
    expect(ws.app!.call('get', 'https://api.example/fail', { muteHttpExceptions: true })).toEqual({ code: 500, text: 'boom' });
    expect(ws.app!.call('get', 'https://api.example/moved', { method: 'post', payload: 'x' })).toEqual({ code: 200, text: 'GET here' });
    expect(ws.app!.call('get', 'https://api.example/moved', { followRedirects: false })).toEqual({ code: 302, text: 'moved' });
    const before = ws.clock.now().getTime();
    expect(() => ws.app!.call('get', 'https://api.example/slow')).toThrow('Timeout: https://api.example/slow');
    expect(ws.clock.now().getTime() - before).toBeGreaterThanOrEqual(60_000);
    expect(() => ws.app!.call('get', 'https://api.example/here', { timeout: 5 })).toThrow('not implemented in the emulator: UrlFetchApp.fetch option timeout');
  });

  it("reaches another workspace's web app: doPost runs there, its ContentService answer comes through Google's redirect, and the clocks agree", () => {
    const ward = createWorkspace({ user: 'admin@luukiem.example', now: '2026-12-01T00:00:00Z' });
    ward.spreadsheets.setActive(ward.spreadsheets.create('CSDL', { owner: 'admin@luukiem.example' }));
    ward.load({
      manifest: { timeZone: 'Asia/Ho_Chi_Minh', webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } },
      scripts: [['Code.js', `function doPost(e) { Utilities.sleep(2000); return ContentService.createTextOutput(JSON.stringify({ got: e.postData.contents, type: e.postData.type, at: Date.now() })).setMimeType(ContentService.MimeType.JSON); }`]],
      html: {},
    });
    const ws = mailbox(`function post(url) { var r = UrlFetchApp.fetch(url, { method: 'post', payload: '{"a":1}', contentType: 'application/json' }); return { code: r.getResponseCode(), text: r.getContentText(), now: Date.now() }; }`);
    ws.network.connect(ward);
    const r = ws.app!.call('post', ward.webapp.url()) as { code: number; text: string; now: number };
    const answer = JSON.parse(r.text) as { got: string; type: string; at: number };
    expect(r.code).toBe(200);
    expect(answer).toMatchObject({ got: '{"a":1}', type: 'application/json' });
    // The ward's clock was behind: it moved on to the request's time; the mailbox waited for the answer.
    expect(answer.at).toBeGreaterThan(Date.parse('2026-12-01T01:00:00Z'));
    expect(r.now).toBeGreaterThanOrEqual(answer.at);
    expect(ws.network.log().map((x) => [x.method, x.url.split('?')[0], x.status])).toEqual([
      ['POST', ward.webapp.url(), 302],
      ['GET', 'https://script.googleusercontent.com/macros/echo', 200],
    ]);
  });
});
