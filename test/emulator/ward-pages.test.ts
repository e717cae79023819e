/**
 * The local ward's pages over HTTP (emulator/server): the resident form as Google Forms shows a
 * refused submission — each refusal under its own question, in Vietnamese — the confirmation with
 * its line breaks, and the outbox with the links of the mails' bodies.
 */
import { createWorkspace, type Workspace } from '../../emulator';
import { linkify } from '../../emulator/server/pages';
import { startWard, type Ward } from '../../emulator/server/ward';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

const SCRIPT = `
function build() {
  var form = FormApp.create('Góp ý <thử>');
  var group = form.addListItem().setTitle('Tổ dân phố').setChoiceValues(['Tổ dân phố 1', 'Tổ dân phố 2']).setRequired(true);
  var content = form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  var phone = form.addTextItem().setTitle('Số điện thoại')
    .setValidation(FormApp.createTextValidation().requireTextMatchesPattern('0[0-9]{9,10}').setHelpText('Số điện thoại gồm 10 hoặc 11 chữ số').build());
  var email = form.addTextItem().setTitle('Email')
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('Email chưa đúng, ví dụ: nguyenvana@gmail.com').build());
  var kind = form.addMultipleChoiceItem().setTitle('Loại').setChoiceValues(['Góp ý', 'Phản ánh']).setRequired(true);
  form.setConfirmationMessage('Cảm ơn bạn.\\nMã ý kiến sẽ gửi qua email.\\n\\nỦy ban <MTTQ> phường');
  return { url: form.getPublishedUrl(), group: group.getId(), content: content.getId(), phone: phone.getId(), email: email.getId(), kind: kind.getId() };
}
`;

let ws: Workspace;
let ward: Ward;
let ids: { url: string; group: number; content: number; phone: number; email: number; kind: number };
let local: string;

beforeAll(async () => {
  ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT]], html: {} });
  ids = app.call('build') as typeof ids;
  local = new URL(ids.url).pathname;
  ward = await startWard({ ws, port: 0 });
});

afterAll(async () => {
  await ward.close();
});

function post(path: string, fields: Array<[string, string]>): Promise<Response> {
  return fetch(ward.url + path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** The question card (section) holding the field with this id. */
function cardOf(page: string, fieldId: string): string {
  const at = page.indexOf(`id="${fieldId}"`);
  expect(at).toBeGreaterThan(-1);
  const start = page.lastIndexOf('<section', at);
  return page.slice(start, page.indexOf('</section>', at) + '</section>'.length);
}

describe('the resident form refused — each refusal under its question', () => {
  it('marks each refused question, names its message with aria-describedby, and keeps what was typed', async () => {
    const res = await post(local, [
      [`entry.${ids.group}`, 'Tổ dân phố 2'],
      [`entry.${ids.content}`, ''],
      [`entry.${ids.phone}`, '12345'],
      [`entry.${ids.email}`, 'cuong.le@gmail'],
    ]);
    expect(res.status).toBe(400);
    const page = await res.text();

    // The summary at the top, announced; no English or technical text reaches the resident.
    expect(page).toMatch(/<section class="card form-errors" role="alert"><p><strong>Chưa gửi được: vui lòng sửa các câu được đánh dấu bên dưới.<\/strong><\/p><\/section>/);
    expect(page).not.toMatch(/is required|not a choice|must be|does not match|FormValidationError/);

    const required = cardOf(page, `entry-${ids.content}`);
    expect(required).toMatch(/^<section class="card field-invalid">/);
    expect(required).toMatch(new RegExp(`<textarea id="entry-${ids.content}" name="entry.${ids.content}"[^>]* required aria-invalid="true" aria-describedby="entry-${ids.content}-error">`));
    expect(required).toContain(`</label><p id="entry-${ids.content}-error" class="field-message">Đây là một câu hỏi bắt buộc</p></section>`);

    const phone = cardOf(page, `entry-${ids.phone}`);
    expect(phone).toMatch(/^<section class="card field-invalid">/);
    expect(phone).toMatch(new RegExp(`<input id="entry-${ids.phone}" name="entry.${ids.phone}" value="12345"[^>]* aria-invalid="true" aria-describedby="entry-${ids.phone}-error">`));
    expect(phone).toContain(`<p id="entry-${ids.phone}-error" class="field-message">Số điện thoại gồm 10 hoặc 11 chữ số</p>`);

    const email = cardOf(page, `entry-${ids.email}`);
    expect(email).toContain(`value="cuong.le@gmail"`);
    expect(email).toContain(`<p id="entry-${ids.email}-error" class="field-message">Email chưa đúng, ví dụ: nguyenvana@gmail.com</p>`);

    // A radio group carries aria-invalid itself (ARIA 1.2), its message inside the group.
    const kind = cardOf(page, `entry-${ids.kind}`);
    expect(kind).toMatch(new RegExp(`<fieldset id="entry-${ids.kind}" [^>]*role="radiogroup" aria-labelledby="entry-${ids.kind}-label" aria-invalid="true" aria-describedby="entry-${ids.kind}-error">`));
    expect(kind).toContain(`<p id="entry-${ids.kind}-error" class="field-message">Đây là một câu hỏi bắt buộc</p></fieldset>`);

    // An accepted answer is kept and not marked.
    const group = cardOf(page, `entry-${ids.group}`);
    expect(group).toMatch(/^<section class="card">/);
    expect(group).not.toContain('aria-invalid');
    expect(group).toContain('<option selected>Tổ dân phố 2</option>');

    // Every aria-describedby names an element of the page.
    for (const [, id] of page.matchAll(/aria-describedby="([^"]+)"/g)) expect(page).toContain(`id="${id}"`);
  });

  it('a form that asks for the respondent’s e-mail marks that field, and keeps it', async () => {
    const formId = ws.forms.idFromUrl(ids.url)!;
    (ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId).setCollectEmail(true);
    try {
      const res = await post(local, [
        ['__email', 'khong-phai-email'],
        [`entry.${ids.group}`, 'Tổ dân phố 1'],
        [`entry.${ids.content}`, 'Đèn hỏng'],
        [`entry.${ids.kind}`, 'Góp ý'],
      ]);
      expect(res.status).toBe(400);
      const card = cardOf(await res.text(), 'respondent-email');
      expect(card).toMatch(/^<section class="card field-invalid">/);
      expect(card).toMatch(/<input id="respondent-email" name="__email" type="email" required value="khong-phai-email"[^>]* aria-invalid="true" aria-describedby="respondent-email-error">/);
      expect(card).toContain('<p id="respondent-email-error" class="field-message">Vui lòng nhập một địa chỉ email hợp lệ</p>');
    } finally {
      (ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId).setCollectEmail(false);
    }
  });

  it('the confirmation keeps the message’s line breaks, escaped, and the link to answer again', async () => {
    const res = await post(local, [
      [`entry.${ids.group}`, 'Tổ dân phố 1'],
      [`entry.${ids.content}`, 'Đèn hỏng'],
      [`entry.${ids.kind}`, 'Phản ánh'],
    ]);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<p style="white-space:pre-wrap">Cảm ơn bạn.\nMã ý kiến sẽ gửi qua email.</p><p style="white-space:pre-wrap">Ủy ban &lt;MTTQ&gt; phường</p>');
    expect(page).toContain('<a href="">Gửi ý kiến khác</a>');
  });
});

describe('the outbox page — links in mails’ bodies', () => {
  it('links the URLs of a body, Google’s to the ward’s local copy, and escapes the rest', async () => {
    const MailApp = ws.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    MailApp.sendEmail(
      'dan@luukiem.example',
      'Phiếu chuyển',
      [
        'Phiếu: https://docs.google.com/document/d/1AbC_x-9/edit.',
        'Sổ: https://docs.google.com/spreadsheets/d/1Sheet/edit#gid=0 (tab Ý kiến)',
        `Biểu mẫu (${ids.url})`,
        'Khác: https://example.org/a?b=1&c=2',
        'Lạ: <script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)',
        'https://docs.google.com//evil.example/x',
      ].join('\n'),
    );
    const page = await (await fetch(`${ward.url}/mail`)).text();
    const body = /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(page)![1];
    expect(body).toContain('Phiếu: <a href="/document/d/1AbC_x-9/edit">https://docs.google.com/document/d/1AbC_x-9/edit</a>.');
    expect(body).toContain('Sổ: <a href="/spreadsheets/d/1Sheet/edit#gid=0">https://docs.google.com/spreadsheets/d/1Sheet/edit#gid=0</a> (tab Ý kiến)');
    expect(body).toContain(`Biểu mẫu (<a href="${local}">${ids.url}</a>)`);
    expect(body).toContain('Khác: <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>');
    expect(body).toContain('Lạ: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; javascript:alert(1)');
    // "//evil.example" would leave the ward: not turned into a local path.
    expect(body).toContain('<a href="https://docs.google.com//evil.example/x" rel="noopener noreferrer">');
    expect(body).not.toMatch(/<script|<img/);
    expect(body.match(/<a /g)).toHaveLength(5);

    // The ward answers at the local path: the form a resident would open.
    const form = await fetch(ward.url + local);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<h1>Góp ý &lt;thử&gt;</h1>');
  });

  it('linkify: only http(s) URLs become links, hostile text in and around them stays text', () => {
    expect(linkify('ftp://x.vn mailto:a@b.vn javascript:alert(1)').html).toBe('ftp://x.vn mailto:a@b.vn javascript:alert(1)');
    expect(linkify('x https://a.vn/"><img src=x onerror=alert(1)>').html).toBe('x <a href="https://a.vn/" rel="noopener noreferrer">https://a.vn/</a>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(linkify("https://a.vn/x'onmouseover=alert(1)").html).toBe('<a href="https://a.vn/x" rel="noopener noreferrer">https://a.vn/x</a>&#39;onmouseover=alert(1)');
    expect(linkify('Xem https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng).').html).toBe('Xem <a href="https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)" rel="noopener noreferrer">https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)</a>.');
  });
});
