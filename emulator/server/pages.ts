/** The local ward's pages (Vietnamese, like everything users see). Every value is escaped. */
import type { FormItemModel, FormModel, MenuModel, ShownHtml, SpreadsheetView, SentMail } from '../index';
import type { ExecutionRecord } from '../core/execution';
import { html, raw, type Safe } from './html';

export interface IndexData {
  menus: MenuModel[];
  forms: Array<{ id: string; title: string; localUrl: string }>;
  spreadsheets: SpreadsheetView[];
  documents: Array<{ id: string; name: string }>;
  sidebars: number;
  outbox: number;
  failedExecutions: number;
  now: string;
  /** The people of the "Cán bộ" tab (e-mail, role, body), for trying every role. */
  staff: Array<{ email: string; role: string; body: string }>;
  user: string;
}

export function indexPage(d: IndexData): Safe {
  return html`
  <h1>Hòm thư số — môi trường cục bộ</h1>
  <p class="muted">Mô phỏng Google Trang tính, Biểu mẫu và Tài liệu trên máy này. Giờ mô phỏng: ${d.now}.</p>
  <section class="card"><h2>Menu tiện ích</h2>
    ${d.menus.length === 0 ? html`<p class="muted">Chưa có menu (onOpen chưa tạo).</p>` : d.menus.map(menuBlock)}
    <p><a href="/sidebar">Mở thanh bên</a> <span class="muted">(${d.sidebars} lần đã hiển thị)</span></p>
  </section>
  <section class="card"><h2>Biểu mẫu cho người dân</h2>
    ${d.forms.length === 0 ? html`<p class="muted">Chưa có biểu mẫu nào.</p>` : html`<ul class="plain">${d.forms.map((f) => html`<li><a href="${f.localUrl}">${f.title}</a></li>`)}</ul>`}
  </section>
  <section class="card"><h2>Trang tính</h2>
    ${d.spreadsheets.map(
      (s) => html`<h3>${s.name}</h3><ul class="plain">${s.sheets.map(
        (t) => html`<li><a href="/sheets/${s.id}/${t.sheetId}">${t.name}</a>${t.hidden ? html`<span class="tag">ẩn</span>` : ''}${t.protected ? html`<span class="tag">được bảo vệ</span>` : ''}${t.formUrl ? html`<span class="tag">nhận câu trả lời biểu mẫu</span>` : ''}</li>`,
      )}</ul>`,
    )}
  </section>
  <section class="card"><h2>Tài liệu</h2>
    ${d.documents.length === 0 ? html`<p class="muted">Chưa có tài liệu nào.</p>` : html`<ul class="plain">${d.documents.map((doc) => html`<li><a href="/docs/${doc.id}">${doc.name}</a></li>`)}</ul>`}
  </section>
  <section class="card"><h2>Thử với từng vai trò</h2>
    <p class="muted">Đang dùng tài khoản <strong>${d.user}</strong>. Các tài khoản dưới đây có trong tab "Cán bộ": bấm để đổi sang, rồi mở thanh bên. Quản trị làm mọi việc; Xử lý chỉ thấy ý kiến chuyển cho cơ quan mình; Xem chỉ xem.</p>
    ${d.staff.length === 0 ? html`<p class="muted">Tab "Cán bộ" chưa có ai.</p>` : html`<ul class="plain">${d.staff.map(
      (m) => html`<li><form class="inline" method="post" action="/user"><input type="hidden" name="email" value="${m.email}"><button${m.email === d.user ? raw(' disabled') : ''}>${m.email}</button></form> ${m.role}${m.body ? ` — ${m.body}` : ''}</li>`,
    )}</ul>`}
  </section>
  <section class="card"><h2>Hệ thống</h2><ul class="plain">
    <li><a href="/mail">Thư đã gửi</a> (${d.outbox})</li>
    <li><a href="/executions">Nhật ký thực thi</a>${d.failedExecutions ? html` <span class="error">(${d.failedExecutions} lỗi)</span>` : ''}</li>
    <li><form class="inline" method="post" action="/user"><label>Đổi tài khoản: <input name="email" type="email" required></label> <button>Đổi</button></form></li>
    <li><form class="inline" method="post" action="/clock"><label>Tua thời gian (giờ): <input name="hours" type="number" min="1" max="8760" value="1"></label> <button>Tua</button></form></li>
  </ul></section>`;
}

function menuBlock(menu: MenuModel): Safe {
  return html`<h3>${menu.addon ? `Tiện ích › ${menu.title}` : menu.title}</h3><ul class="plain">${menu.items.map((item) => {
    if ('separator' in item) return html`<li><hr></li>`;
    if ('submenu' in item) return html`<li>${item.caption}${menuBlock(item.submenu)}</li>`;
    return html`<li><form class="inline" method="post" action="/menu"><input type="hidden" name="fn" value="${item.functionName}"><button>${item.caption}</button></form></li>`;
  })}</ul>`;
}

/** Rows a tab view shows per page, and the characters of a cell shown before "xem thêm". */
export const SHEET_PAGE_ROWS = 200;
export const CELL_PREVIEW_CHARS = 120;

/**
 * A tab, read-only, as staff would scan it: the header row stays in view, columns have a fixed
 * width, a long cell shows its beginning and expands on demand, rows come 200 a page.
 */
export function sheetPage(ss: SpreadsheetView, sheetId: number, page = 1): Safe {
  const sheet = ss.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) return html`<p class="error">Không tìm thấy trang tính.</p>`;
  const width = Math.max(0, ...sheet.displayValues.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const [header, ...rows] = sheet.displayValues;
  const pages = Math.max(1, Math.ceil(rows.length / SHEET_PAGE_ROWS));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const first = (current - 1) * SHEET_PAGE_ROWS;
  const shown = rows.slice(first, first + SHEET_PAGE_ROWS);
  const cell = (v: string) =>
    v.length <= CELL_PREVIEW_CHARS ? html`<td>${v}</td>` : html`<td><details><summary>${v.slice(0, CELL_PREVIEW_CHARS)}… <span class="muted">(${v.length.toLocaleString('vi-VN')} ký tự — xem thêm)</span></summary>${v.slice(CELL_PREVIEW_CHARS)}</details></td>`;
  const pager = pages === 1 ? '' : html`<nav class="pager">Trang: ${Array.from({ length: pages }, (_, i) => i + 1).map((n) => (n === current ? html`<strong>${n}</strong> ` : html`<a href="?page=${n}">${n}</a> `))}</nav>`;
  return html`<h1>${ss.name} › ${sheet.name}</h1>
  <p class="muted">Chỉ xem. ${sheet.hidden ? 'Trang tính đang ẩn. ' : ''}${sheet.protected ? 'Được bảo vệ. ' : ''}${rows.length} hàng dữ liệu${pages > 1 ? `, hàng ${first + 2}–${first + 1 + shown.length}` : ''}.</p>
  <nav>${ss.sheets.map((s) => html`<a href="/sheets/${ss.id}/${s.sheetId}">${s.name}</a> · `)}</nav>
  ${pager}
  <div class="sheet-scroll"><table class="grid" data-sheet="${sheet.name}"><thead><tr><th></th>${letters.map((l) => html`<th>${l}</th>`)}</tr>${header ? html`<tr class="header"><th class="rowhead">1</th>${letters.map((_, c) => html`<th>${header[c] ?? ''}</th>`)}</tr>` : ''}</thead>
  <tbody>${shown.map((row, r) => html`<tr><th class="rowhead">${first + r + 2}</th>${letters.map((_, c) => cell(row[c] ?? ''))}</tr>`)}</tbody></table></div>
  ${pager}`;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function formPage(form: FormModel, prefill: Record<number, string[]>, errors: string[] = []): Safe {
  if (!form.acceptingResponses) {
    return html`<section class="card"><h1>${form.title}</h1><p>${form.customClosedFormMessage || 'Biểu mẫu này hiện không nhận câu trả lời.'}</p></section>`;
  }
  return html`<form method="post" class="resident-form" style="max-width:720px;margin:auto;font-size:18px">
    <section class="card" style="border-top:8px solid #0b57d0"><h1>${form.title}</h1>${paragraphs(form.description)}
      <p class="error">* Bắt buộc</p></section>
    ${errors.length ? html`<section class="card error" role="alert"><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></section>` : ''}
    ${form.collectEmail ? html`<section class="card"><label>Email <span class="error">*</span><br><input name="__email" type="email" required style="width:100%;font:inherit;padding:8px"></label></section>` : ''}
    ${form.items.map((item) => formItem(item, prefill[item.id] ?? []))}
    <p><button type="submit" style="font-size:18px;padding:10px 28px;background:#0b57d0;color:#fff">Gửi</button></p>
  </form>`;
}

function paragraphs(text: string): Safe {
  return html`${text.split(/\n{2,}/).filter(Boolean).map((p) => html`<p style="white-space:pre-wrap">${p}</p>`)}`;
}

function formItem(item: FormItemModel, values: string[]): Safe {
  const name = `entry.${item.id}`;
  const label = html`${item.title}${item.required ? html` <span class="error">*</span>` : ''}`;
  const help = item.helpText ? html`<div class="muted" style="font-size:15px;white-space:pre-wrap">${item.helpText}</div>` : '';
  const input = 'width:100%;font:inherit;padding:8px';
  switch (item.type) {
    case 'SECTION_HEADER':
      return html`<section class="card"><h2>${item.title}</h2>${help}</section>`;
    case 'TEXT':
      return html`<section class="card"><label>${label}${help}<input name="${name}" value="${values[0] ?? ''}" style="${input}"${item.required ? raw(' required') : ''}></label></section>`;
    case 'PARAGRAPH_TEXT':
      return html`<section class="card"><label>${label}${help}<textarea name="${name}" rows="6" style="${input}"${item.required ? raw(' required') : ''}>${values[0] ?? ''}</textarea></label></section>`;
    case 'LIST':
      return html`<section class="card"><label>${label}${help}<select name="${name}" style="${input}"${item.required ? raw(' required') : ''}><option value="">Chọn</option>${item.choices.map(
        (c) => html`<option${values.includes(c) ? raw(' selected') : ''}>${c}</option>`,
      )}</select></label></section>`;
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      return html`<section class="card"><fieldset style="border:0;padding:0"><legend>${label}</legend>${help}${item.choices.map(
        (c) => html`<div><label><input type="${type}" name="${name}" value="${c}"${values.includes(c) ? raw(' checked') : ''}> ${c}</label></div>`,
      )}${item.hasOtherOption ? html`<div><label>Mục khác: <input name="${name}.other_option_response" style="font:inherit"></label></div>` : ''}</fieldset></section>`;
    }
    default:
      return html`<section class="card"><p class="error">Loại câu hỏi ${item.type} chưa được hiển thị ở môi trường cục bộ.</p></section>`;
  }
}

export function formDonePage(form: FormModel): Safe {
  return html`<section class="card" style="max-width:720px;margin:auto;font-size:18px"><h1>${form.title}</h1>
    <p>${form.confirmationMessage || 'Câu trả lời của bạn đã được ghi lại.'}</p>
    <p><a href="">Gửi ý kiến khác</a></p></section>`;
}

export function sidebarShell(shown: ShownHtml | undefined, index: number): Safe {
  if (!shown) return html`<p class="muted">Chưa có thanh bên nào được mở. Hãy chọn một mục trong menu ở <a href="/">trang chính</a>.</p>`;
  return html`<div style="display:flex;gap:20px;align-items:flex-start">
    <div style="flex:1" class="muted"><p>Thanh bên do HtmlService tạo, hiển thị như trong Google Trang tính (rộng 300 px). Các lệnh google.script.run được chuyển đến trình mô phỏng qua HTTP.</p><p><a href="/">Về trang chính</a></p></div>
    <aside id="sidebar" style="width:300px;height:85vh;background:#fff;border:1px solid #dadce0;display:flex;flex-direction:column">
      <div style="padding:8px 12px;border-bottom:1px solid #dadce0;font-weight:bold">${shown.title}</div>
      <iframe title="${shown.title}" src="/sidebar/content/${index}" style="flex:1;border:0;width:100%"></iframe>
    </aside></div>
    <script>window.addEventListener('message', function (e) { if (e.data && e.data.wardSidebar === 'close') document.getElementById('sidebar').remove(); });</script>`;
}

export function executionsPage(records: readonly ExecutionRecord[]): Safe {
  return html`<h1>Nhật ký thực thi</h1><table class="grid"><thead><tr><th>#</th><th>Loại</th><th>Hàm</th><th>Người dùng</th><th>Bắt đầu</th><th>Thời lượng (ms)</th><th>Trạng thái</th></tr></thead><tbody>${[...records]
    .reverse()
    .slice(0, 500)
    .map(
      (r) => html`<tr><td>${r.id}</td><td>${r.kind}</td><td>${r.label}</td><td>${r.user}</td><td>${r.startedAt.toISOString()}</td><td>${Math.round(r.durationMs)}</td><td${r.status === 'failed' ? raw(' class="error"') : ''}>${r.status === 'failed' ? `Lỗi: ${r.error ?? ''}` : 'Hoàn tất'}</td></tr>`,
    )}</tbody></table>`;
}

export function mailPage(outbox: SentMail[]): Safe {
  return html`<h1>Thư đã gửi (${outbox.length})</h1>${[...outbox].reverse().map(
    (m) => html`<section class="card"><p class="muted">${m.sentAt.toISOString()} — từ ${m.from} đến ${m.to.join(', ')}${m.cc.length ? ` · cc ${m.cc.join(', ')}` : ''}</p><h2>${m.subject}</h2><pre style="white-space:pre-wrap;font:inherit">${m.body}</pre></section>`,
  )}`;
}
