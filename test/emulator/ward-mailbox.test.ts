/**
 * The official mailbox in the local ward (emulator/server/mailbox.ts): a resident writes to the
 * emulated Gmail on /mailbox, relayMail runs from the page, its request crosses the emulated
 * network to the ward's web app (doPost, behind Google's redirect), and the reply the ward asks for
 * shows in the thread. The ward here is a stand-in doPost that checks the signature with
 * Utilities, as any Apps Script receiver must.
 */
import { createWorkspace, type Workspace } from '../../emulator';
import { LOCAL_MAILBOX_ALIAS, openLocalMailbox, type LocalMailbox } from '../../emulator/server/mailbox';
import { startWard, type Ward } from '../../emulator/server/ward';

const RECEIVER = `
function out_(o) { return ContentService.createTextOutput(JSON.stringify(o)).setMimeType(ContentService.MimeType.JSON); }
function doPost(e) {
  var env = JSON.parse(e.postData.contents);
  var props = PropertiesService.getScriptProperties();
  var text = env.v + '.' + env.t + '.' + env.nonce + '.' + env.body;
  var sig = Utilities.base64Encode(Utilities.computeHmacSha256Signature(text, props.getProperty('SECRET'), Utilities.Charset.UTF_8));
  if (sig !== env.sig) return out_({ ok: false, error: 'bad signature' });
  var poll = JSON.parse(env.body);
  poll.sent.forEach(function (r) { if (r.ok) props.setProperty('sent_' + r.id, '1'); });
  var filed = poll.messages.map(function (m) {
    var seen = props.getProperty('seen_' + m.messageId);
    if (!seen) props.setProperty('seen_' + m.messageId, JSON.stringify({ to: m.fromAddress, subject: m.subject }));
    return { messageId: m.messageId, verdict: seen ? 'duplicate' : 'filed', code: 'GY-1' };
  });
  var all = props.getProperties();
  var replies = Object.keys(all).filter(function (k) { return k.indexOf('seen_') === 0 && !all['sent_ack-' + k.slice(5)]; }).map(function (k) {
    var m = JSON.parse(all[k]);
    return { id: 'ack-' + k.slice(5), messageId: k.slice(5), to: m.to, subject: 'Re: ' + m.subject, body: 'Đã nhận, mã GY-1.' };
  });
  return out_({ ok: true, filed: filed, replies: replies });
}`;

let wardWs: Workspace;
let mailbox: LocalMailbox;
let ward: Ward;

async function post(path: string, form: Record<string, string>): Promise<Response> {
  return fetch(ward.url + path, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
}

beforeAll(async () => {
  wardWs = createWorkspace({ user: 'admin@luukiem.example', now: '2026-12-01T02:00:00Z' });
  wardWs.spreadsheets.setActive(wardWs.spreadsheets.create('CSDL', { owner: 'admin@luukiem.example' }));
  wardWs.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } }, scripts: [['Code.js', RECEIVER]], html: {} });
  (wardWs.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().setProperty('SECRET', 'khóa-chung');
  mailbox = openLocalMailbox(wardWs, { buildDir: 'build/mailbox' });
  ward = await startWard({ ws: wardWs, port: 0, mailbox });
});

afterAll(() => ward.close());

test('a resident writes on /mailbox, relayMail carries it to the ward\'s doPost, and the acknowledgement appears in the thread', async () => {
  expect(await (await fetch(`${ward.url}/`)).text()).toContain('href="/mailbox"');
  const r = await post('/mailbox/deliver', { name: 'Nguyễn Thị Lan', from: 'lan@example.com', subject: 'Đèn <đường> hỏng', body: 'Ngõ 5 tối om.', photos: '[]' });
  expect(r.status).toBe(303);
  let page = await (await fetch(`${ward.url}/mailbox`)).text();
  expect(page).toContain('Đèn &lt;đường&gt; hỏng');
  expect(page).toContain('Khóa bí mật: chưa đặt');
  await post('/mailbox/relay', {});
  page = await (await fetch(`${ward.url}/mailbox`)).text();
  expect(page).toContain('relayMail chưa chạy: thiếu thuộc tính');

  await post('/mailbox/secret', { secret: 'khóa-chung' });
  expect(mailbox.ws.triggers()).toEqual([expect.objectContaining({ handlerFunction: 'relayMail' })]);
  await post('/mailbox/relay', {});
  page = await (await fetch(`${ward.url}/mailbox`)).text();
  expect(page).toContain('relayMail: 2 lần gọi phường, chuyển 1 thư');
  expect(page).toContain('Đã nhận, mã GY-1.');
  expect(page).toContain(LOCAL_MAILBOX_ALIAS);
  const [thread] = mailbox.ws.gmail.threads();
  expect(thread.messages.map((m) => m.sent)).toEqual([false, true]);
  // The ward's clock followed the mailbox's request.
  expect(wardWs.clock.now().getTime()).toBeGreaterThanOrEqual(thread.messages[0].date.getTime());

  // The resident answers in the thread; the form offers "Re:" and the thread grows.
  page = await (await fetch(`${ward.url}/mailbox?reply=${thread.messages[1].id}`)).text();
  expect(page).toContain('value="Re: Đèn &lt;đường&gt; hỏng"');
  await post('/mailbox/deliver', { name: 'Nguyễn Thị Lan', from: 'lan@example.com', subject: 'Re: Đèn <đường> hỏng', body: 'Vẫn hỏng.', photos: '[]', inReplyTo: thread.messages[1].id });
  expect(mailbox.ws.gmail.threads()[0].messages).toHaveLength(3);
});
