/**
 * The official mailbox in the local ward (npm start): a second workspace — the mailbox account's
 * own Gmail and its standalone project (build/mailbox) — joined to the ward's web app by the
 * emulated network (ws.network.connect). The page /mailbox lets one write an e-mail as a resident
 * (or reply in a thread), run relayMail as its 10-minute trigger would, and read each thread with
 * the replies the mailbox sent. Both clocks move together: the mailbox's catches up with the ward's
 * before anything happens (its due triggers run then), and the ward's catches up with each request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace, type Workspace } from '../index';
import type { ThreadView } from '../services/gmail/model';
import { html, raw, type Safe } from './html';

export const LOCAL_MAILBOX_ACCOUNT = 'hopthu.mttq@luukiem.example';
export const LOCAL_MAILBOX_ALIAS = 'mttq.phuong@luukiem.example';
export const LOCAL_MAILBOX_LABEL = 'Hòm thư số';

export interface LocalMailbox {
  ws: Workspace;
  /** Brings the mailbox's clock to the ward's (never back) and runs its due triggers. */
  catchUp(): void;
  persist(): void;
}

/**
 * The mailbox workspace, restored from its snapshot or fresh: the project loaded, the ward's web
 * app URL in its script properties (the secret is pasted on the page, as the ward's admin copies
 * it), a Gmail filter labelling incoming mail, and setupRelay run once.
 */
export function openLocalMailbox(ward: Workspace, options: { buildDir: string; snapshotFile?: string }): LocalMailbox {
  const restored = options.snapshotFile && fs.existsSync(options.snapshotFile);
  const ws = restored
    ? createWorkspace({ snapshot: fs.readFileSync(options.snapshotFile!, 'utf8') })
    : createWorkspace({ user: LOCAL_MAILBOX_ACCOUNT, projectKind: 'standalone', projectName: 'Hòm thư số — hộp thư chính thức', now: ward.clock.now() });
  ws.load(options.buildDir);
  ws.network.connect(ward);
  if (!restored) {
    ws.gmail.setAliases([LOCAL_MAILBOX_ALIAS]);
    ws.gmail.filter(LOCAL_MAILBOX_LABEL);
    const props = (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.setProperties({ MAILBOX_WARD_URL: ward.webapp.url() ?? '', MAILBOX_LABEL: LOCAL_MAILBOX_LABEL, MAILBOX_FROM: LOCAL_MAILBOX_ALIAS, MAILBOX_REPLY_NAME: 'Ban Thường trực UBMTTQ phường' });
  }
  const mailbox: LocalMailbox = {
    ws,
    catchUp() {
      const ahead = ward.clock.now().getTime() - ws.clock.now().getTime();
      if (ahead > 0) ws.clock.advance(ahead);
      ws.runDueTriggers();
    },
    persist() {
      if (!options.snapshotFile) return;
      fs.mkdirSync(path.dirname(options.snapshotFile), { recursive: true });
      fs.writeFileSync(`${options.snapshotFile}.tmp`, ws.snapshot());
      fs.renameSync(`${options.snapshotFile}.tmp`, options.snapshotFile);
    },
  };
  return mailbox;
}

/** Script properties of the mailbox project (the secret is never shown, only whether it is set). */
export function mailboxProperties(ws: Workspace): Record<string, string> {
  return (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().getProperties();
}

const STYLE = `
  .mailbox form.write label { display:block; margin:8px 0 4px; font-weight:bold; }
  .mailbox form.write input[type=text], .mailbox form.write input[type=email], .mailbox form.write textarea, .mailbox form.write select, .mailbox form.secret input { width:100%; max-width:100%; font:inherit; padding:6px 8px; border:1px solid var(--line); border-radius:4px; }
  .mailbox form.write textarea { min-height:120px; }
  .mailbox .actions { margin-top:12px; display:flex; gap:8px; flex-wrap:wrap; }
  .mailbox article.msg { border-top:1px solid var(--line); padding:8px 0; overflow-wrap:anywhere; }
  .mailbox article.msg.sent { background:#f1f8e9; padding:8px; }
  .mailbox article.msg p.body { white-space:pre-wrap; margin:6px 0 0; }
  .mailbox .meta { font-size:14px; color:var(--muted); }
  .mailbox h3 { margin:0 0 6px; font-size:17px; overflow-wrap:anywhere; }
  .mailbox p, .mailbox label { overflow-wrap:anywhere; }
`;

function threadBlock(t: ThreadView, timeZone: string): Safe {
  const fmt = (d: Date) => d.toLocaleString('vi-VN', { timeZone });
  const last = t.messages[t.messages.length - 1];
  return html`<section class="card thread" data-thread="${t.id}">
    <h3>${t.messages[0].subject}</h3>
    <p class="meta">${t.labels.map((l) => html`<span class="tag">${l}</span>`)} ${t.messages.length} thư</p>
    ${t.messages.map(
      (m) => html`<article class="msg${m.sent ? ' sent' : ''}">
        <div class="meta"><strong>${m.from}</strong> → ${m.to} · ${fmt(m.date)}${m.sent ? html` <span class="tag">hộp thư đã trả lời</span>` : ''}</div>
        <p class="body">${m.body}</p>
        ${m.attachments.length ? html`<p class="meta">Tệp đính kèm: ${m.attachments.map((a) => `${a.name} (${a.contentType}, ${a.size} byte)`).join('; ')}</p>` : ''}
      </article>`,
    )}
    <p class="actions"><a href="/mailbox?reply=${encodeURIComponent(last.id)}#viet-thu">Trả lời trong luồng này (như người dân)</a></p>
  </section>`;
}

export interface MailboxPageData {
  account: string;
  alias: string;
  label: string;
  wardUrl: string;
  secretSet: boolean;
  threads: ThreadView[];
  timeZone: string;
  replyTo?: { id: string; subject: string; from: string };
  lastRun?: string;
}

/** The /mailbox page. */
export function mailboxPage(d: MailboxPageData): Safe {
  const reply = d.replyTo;
  const subject = reply ? (/^re:/i.test(reply.subject) ? reply.subject : `Re: ${reply.subject}`) : '';
  return html`<style>${raw(STYLE)}</style><div class="mailbox">
  <h1>Hộp thư chính thức (Gmail mô phỏng)</h1>
  <p class="muted">Tài khoản hộp thư: <strong>${d.account}</strong>, gửi trả lời bằng địa chỉ <strong>${d.alias}</strong>. Bộ lọc Gmail gắn nhãn "${d.label}" cho thư đến; dự án của hộp thư chuyển thư trong nhãn đó tới ứng dụng web của phường mỗi 10 phút.</p>
  <section class="card" id="viet-thu"><h2>${reply ? 'Trả lời trong luồng, như người dân' : 'Viết thư như người dân'}</h2>
    <form class="write" method="post" action="/mailbox/deliver">
      ${reply ? html`<input type="hidden" name="inReplyTo" value="${reply.id}"><p class="meta">Trả lời thư của ${reply.from}. <a href="/mailbox#viet-thu">Viết thư mới</a></p>` : ''}
      <label for="mb-name">Họ và tên</label><input type="text" id="mb-name" name="name" value="Nguyễn Thị Lan" autocomplete="name">
      <label for="mb-from">Địa chỉ email</label><input type="email" id="mb-from" name="from" required value="lan.nguyen@example.com" autocomplete="email">
      <label for="mb-subject">Tiêu đề</label><input type="text" id="mb-subject" name="subject" required value="${subject}">
      <label for="mb-body">Nội dung</label><textarea id="mb-body" name="body" required></textarea>
      <label for="mb-photos">Ảnh đính kèm (không bắt buộc)</label><input type="file" id="mb-photos" accept="image/*" multiple>
      <input type="hidden" name="photos" id="mb-photos-data" value="[]">
      <div class="actions"><button type="submit">Gửi thư tới hộp thư chính thức</button></div>
    </form>
  </section>
  <section class="card"><h2>Chuyển thư tới phường</h2>
    <p class="muted">Ứng dụng web của phường: ${d.wardUrl || 'chưa có'} · Khóa bí mật: ${d.secretSet ? 'đã đặt' : 'chưa đặt'}</p>
    <form class="secret" method="post" action="/mailbox/secret"><label for="mb-secret">Khóa bí mật (dán từ trang "Kết nối hộp thư chính thức" của tiện ích)</label>
      <input type="password" id="mb-secret" name="secret" autocomplete="off" required><div class="actions"><button type="submit">Lưu vào thuộc tính tập lệnh</button></div></form>
    <form method="post" action="/mailbox/relay"><div class="actions"><button type="submit" id="mb-relay">Chạy relayMail ngay</button></div></form>
    ${d.lastRun ? html`<p role="status">${d.lastRun}</p>` : ''}
  </section>
  <h2>Các luồng thư</h2>
  ${d.threads.length === 0 ? html`<p class="muted">Chưa có thư nào.</p>` : d.threads.map((t) => threadBlock(t, d.timeZone))}
  <script>${raw(PHOTO_SCRIPT)}</script></div>`;
}

/** Photos chosen in the form travel as base64 in a hidden field (the page posts a plain form). */
const PHOTO_SCRIPT = `
(function () {
  var input = document.getElementById('mb-photos');
  var out = document.getElementById('mb-photos-data');
  if (!input || !out) return;
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || [], 0, 5);
    var done = [];
    files.forEach(function (f) {
      var r = new FileReader();
      r.onload = function () {
        done.push({ name: f.name, contentType: f.type || 'application/octet-stream', base64: String(r.result).split(',')[1] || '' });
        if (done.length === files.length) out.value = JSON.stringify(done);
      };
      r.readAsDataURL(f);
    });
  });
})();`;
