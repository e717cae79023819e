/** The local ward's pages (Vietnamese, like everything users see). Every value is escaped. */
import type { FormItemModel, FormModel, FormProblem, MenuModel, ShownHtml, SheetView, SpreadsheetView, SentMail, WebAppResponse } from '../index';
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
  /** The script's web app: its URL (null when it is none) and whether it is opened anonymously. */
  webapp: { url: string | null; anonymous: boolean };
  /** The official mailbox's Gmail and project run beside the ward (npm start). */
  mailbox?: boolean;
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
  <section class="card"><h2>Ứng dụng web</h2>
    ${d.webapp.url
      ? html`<p><a href="/exec">Mở ứng dụng web</a> <span class="muted">(trên Google: ${d.webapp.url})</span> · <a href="/exec?v=form">Biểu mẫu trên trang web</a> (gửi kèm ảnh)</p>`
      : html`<p class="muted">Dự án chưa có ứng dụng web (appsscript.json không có mục "webapp").</p>`}
    <p>Người xem ứng dụng web: <strong>${d.webapp.anonymous ? 'khách ẩn danh (chưa đăng nhập)' : d.user}</strong></p>
    <form class="inline" method="post" action="/user"><input type="hidden" name="anonymous" value="1"><button${d.webapp.anonymous ? raw(' disabled') : ''}>Ẩn danh</button></form>
    ${d.webapp.anonymous ? html` <form class="inline" method="post" action="/user"><input type="hidden" name="email" value="${d.user}"><button>Đăng nhập lại: ${d.user}</button></form>` : ''}
  </section>
  <section class="card"><h2>Hệ thống</h2><ul class="plain">
    ${d.mailbox ? html`<li><a href="/mailbox">Hộp thư chính thức (Gmail mô phỏng)</a></li>` : ''}
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

/** The page of a tab's view that shows sheet row `row` (the header row is on every page). */
export function sheetPageOf(row: number): number {
  return Math.max(1, Math.ceil((row - 1) / SHEET_PAGE_ROWS));
}

/** A cell's A1 name ("B7") → its row and column, or null: 1–3 letters, then a row from 1. */
export function parseA1(a1: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(a1.trim().toUpperCase());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** Editing in the tab's view: whether the current account may, and the cell asked for (A1), if any. */
export interface SheetEditing {
  allowed: boolean;
  cell?: string;
}

/**
 * A tab as staff would scan it: the header row stays in view, columns have a fixed width, a long
 * cell shows its beginning and expands on demand, rows come 200 a page. Where the current account
 * may edit the tab (`editing.allowed`), each cell is a link that puts it in the edit form above
 * the grid, and a row can be deleted — as a person edits in Sheets (ward.ts does the edit).
 */
export function sheetPage(ss: SpreadsheetView, sheetId: number, page = 1, editing: SheetEditing = { allowed: false }): Safe {
  const sheet = ss.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) return html`<p class="error">Không tìm thấy trang tính.</p>`;
  const width = Math.max(0, ...sheet.displayValues.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const [header, ...rows] = sheet.displayValues;
  const pages = Math.max(1, Math.ceil(rows.length / SHEET_PAGE_ROWS));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const first = (current - 1) * SHEET_PAGE_ROWS;
  const shown = rows.slice(first, first + SHEET_PAGE_ROWS);
  // A long cell shows its beginning and expands on demand, editable or not.
  const expandable = (v: string) => html`<details><summary>${v.slice(0, CELL_PREVIEW_CHARS)}… <span class="muted">(${v.length.toLocaleString('vi-VN')} ký tự — xem thêm)</span></summary>${v.slice(CELL_PREVIEW_CHARS)}</details>`;
  const cell = (v: string, row: number, column: number) => {
    if (editing.allowed) {
      const a1 = `${columnLetter(column)}${row}`;
      if (v.length > CELL_PREVIEW_CHARS) return html`<td>${expandable(v)}<a class="cell" href="?page=${current}&amp;cell=${a1}#edit" title="Sửa ô ${a1}">Sửa ô ${a1}</a></td>`;
      return html`<td><a class="cell" href="?page=${current}&amp;cell=${a1}#edit" title="Sửa ô ${a1}">${v === '' ? raw('&nbsp;') : v}</a></td>`;
    }
    return v.length <= CELL_PREVIEW_CHARS ? html`<td>${v}</td>` : html`<td>${expandable(v)}</td>`;
  };
  const pager = pages === 1 ? '' : html`<nav class="pager">Trang: ${Array.from({ length: pages }, (_, i) => i + 1).map((n) => (n === current ? html`<strong>${n}</strong> ` : html`<a href="?page=${n}">${n}</a> `))}</nav>`;
  return html`<h1>${ss.name} › ${sheet.name}</h1>
  <p class="muted">${editing.allowed ? 'Sửa được. ' : 'Chỉ xem. '}${sheet.hidden ? 'Trang tính đang ẩn. ' : ''}${sheet.protected ? 'Được bảo vệ. ' : ''}${rows.length} hàng dữ liệu${pages > 1 ? `, hàng ${first + 2}–${first + 1 + shown.length}` : ''}.</p>
  <nav>${ss.sheets.map((s) => html`<a href="/sheets/${ss.id}/${s.sheetId}">${s.name}</a> · `)}</nav>
  ${editing.allowed ? editForms(ss.id, sheet, editing.cell) : ''}
  ${pager}
  <div class="sheet-scroll"><table class="grid" data-sheet="${sheet.name}"><thead><tr><th></th>${letters.map((l) => html`<th>${l}</th>`)}</tr>${header ? html`<tr class="header"><th class="rowhead">1</th>${letters.map((_, c) => (editing.allowed ? html`<th><a class="cell" href="?page=${current}&amp;cell=${columnLetter(c + 1)}1#edit" title="Sửa ô ${columnLetter(c + 1)}1">${header[c] || raw('&nbsp;')}</a></th>` : html`<th>${header[c] ?? ''}</th>`))}</tr>` : ''}</thead>
  <tbody>${shown.map((row, r) => html`<tr><th class="rowhead">${first + r + 2}</th>${letters.map((_, c) => cell(row[c] ?? '', first + r + 2, c + 1))}</tr>`)}</tbody></table></div>
  ${pager}`;
}

/** The edit form (one cell, its value as shown) and the row deletion, above an editable tab's grid. */
function editForms(ssId: string, sheet: SheetView, a1: string | undefined): Safe {
  const at = a1 ? parseA1(a1) : null;
  const name = at ? `${columnLetter(at.column)}${at.row}` : '';
  const value = at ? (sheet.displayValues[at.row - 1]?.[at.column - 1] ?? '') : '';
  return html`<section class="card" id="edit"><h2>Sửa trang tính</h2>
    <p class="muted">Như một người gõ trên Google Trang tính: ô nhận giá trị như khi gõ vào, với quyền của tài khoản đang dùng (trang tính được bảo vệ thì chỉ người được phép mới sửa được); onEdit và các trình kích hoạt khi sửa, khi thay đổi chạy ngay sau đó. Bấm vào một ô để đưa ô đó vào đây; gõ tên ô ngay dưới hàng cuối để thêm hàng.</p>
    <form class="cell-edit" method="post" action="/sheets/${ssId}/${sheet.sheetId}/cell">
      <label>Ô <input name="cell" value="${name}" required size="8" autocomplete="off"></label>
      <label>Giá trị <textarea name="value" rows="2" style="width:100%">${value}</textarea></label>
      <button>Lưu</button>
    </form>
    <form class="row-delete" method="post" action="/sheets/${ssId}/${sheet.sheetId}/delete-row">
      <label>Xóa hàng <input name="row" type="number" min="1" required style="width:7em"></label> <button>Xóa hàng</button>
    </form></section>`;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** What a refused submission brings back to the form page: the refusals and what was typed. */
export interface FormPageState {
  problems?: FormProblem[];
  /** The respondent's e-mail as typed (forms that collect it). */
  respondentEmail?: string;
  /** "Other" answers as typed, by item id. */
  other?: Record<number, string>;
}

/** The summary shown above a refused form; each refusal itself is shown under its question. */
export const FORM_ERROR_SUMMARY = 'Chưa gửi được: vui lòng sửa các câu được đánh dấu bên dưới.';

const RESPONDENT_EMAIL_ID = 'respondent-email';

export function formPage(form: FormModel, prefill: Record<number, string[]>, state: FormPageState = {}): Safe {
  if (!form.acceptingResponses) {
    return html`<section class="card"><h1>${form.title}</h1><p>${form.customClosedFormMessage || 'Biểu mẫu này hiện không nhận câu trả lời.'}</p></section>`;
  }
  const problems = state.problems ?? [];
  const shownItems = new Set(form.items.map((i) => i.id));
  const emailProblem = form.collectEmail ? problems.find((p) => p.field === 'respondentEmail') : undefined;
  // Refusals with no field on the page to show them under are listed in the summary itself.
  const unattached = problems.filter((p) => (p.itemId === null ? p !== emailProblem : !shownItems.has(p.itemId)));
  const messageFor = (itemId: number) => problems.find((p) => p.itemId === itemId)?.message;
  return html`<form method="post" class="resident-form" style="max-width:720px;margin:auto;font-size:18px">
    <section class="card" style="border-top:8px solid #0b57d0"><h1>${form.title}</h1>${paragraphs(form.description)}
      <p class="error">* Bắt buộc</p></section>
    ${problems.length ? html`<section class="card form-errors" role="alert"><p><strong>${FORM_ERROR_SUMMARY}</strong></p>${unattached.length ? html`<ul>${unattached.map((p) => html`<li>${p.title ? `${p.title}: ` : ''}${p.message}</li>`)}</ul>` : ''}</section>` : ''}
    ${form.collectEmail ? respondentEmailField(state.respondentEmail ?? '', emailProblem?.message) : ''}
    ${form.items.map((item) => formItem(item, prefill[item.id] ?? [], messageFor(item.id), state.other?.[item.id] ?? ''))}
    <p><button type="submit" style="font-size:18px;padding:10px 28px;background:#0b57d0;color:#fff">Gửi</button></p>
  </form>`;
}

function paragraphs(text: string): Safe {
  return html`${text.replace(/\r\n?/g, '\n').split(/\n{2,}/).filter((p) => p.trim() !== '').map((p) => html`<p style="white-space:pre-wrap">${p}</p>`)}`;
}

/** A question's card: marked, with its refusal right under the field, when Forms refused it. */
function card(problem: string | undefined, content: Safe): Safe {
  return html`<section class="${problem === undefined ? 'card' : 'card field-invalid'}">${content}</section>`;
}

/** The refusal under a field, which the field names with aria-describedby. */
function fieldMessage(id: string, problem: string | undefined): Safe | '' {
  return problem === undefined ? '' : html`<p id="${id}" class="field-message">${problem}</p>`;
}

/** aria-invalid and aria-describedby for a refused field. */
function invalid(errorId: string, problem: string | undefined): Safe | '' {
  return problem === undefined ? '' : html` aria-invalid="true" aria-describedby="${errorId}"`;
}

function respondentEmailField(value: string, problem: string | undefined): Safe {
  const errorId = `${RESPONDENT_EMAIL_ID}-error`;
  return card(
    problem,
    html`<label>Email <span class="error">*</span><br><input id="${RESPONDENT_EMAIL_ID}" name="__email" type="email" required value="${value}" style="width:100%;font:inherit;padding:8px"${invalid(errorId, problem)}></label>${fieldMessage(errorId, problem)}`,
  );
}

function formItem(item: FormItemModel, values: string[], problem: string | undefined, other: string): Safe {
  const name = `entry.${item.id}`;
  const id = `entry-${item.id}`;
  const errorId = `${id}-error`;
  const label = html`${item.title}${item.required ? html` <span class="error">*</span>` : ''}`;
  const help = item.helpText ? html`<div class="muted" style="font-size:15px;white-space:pre-wrap">${item.helpText}</div>` : '';
  const input = 'width:100%;font:inherit;padding:8px';
  const attrs = html`${item.required ? raw(' required') : ''}${invalid(errorId, problem)}`;
  const message = fieldMessage(errorId, problem);
  switch (item.type) {
    case 'SECTION_HEADER':
      return html`<section class="card"><h2>${item.title}</h2>${help}</section>`;
    case 'TEXT':
      return card(problem, html`<label>${label}${help}<input id="${id}" name="${name}" value="${values[0] ?? ''}" style="${input}"${attrs}></label>${message}`);
    case 'PARAGRAPH_TEXT':
      return card(problem, html`<label>${label}${help}<textarea id="${id}" name="${name}" rows="6" style="${input}"${attrs}>${values[0] ?? ''}</textarea></label>${message}`);
    case 'LIST':
      return card(
        problem,
        html`<label>${label}${help}<select id="${id}" name="${name}" style="${input}"${attrs}><option value="">Chọn</option>${item.choices.map(
          (c) => html`<option${values.includes(c) ? raw(' selected') : ''}>${c}</option>`,
        )}</select></label>${message}`,
      );
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      // ARIA 1.2: a radio group carries aria-invalid itself; checkboxes (and the "other" text box) each do.
      const group = html`${type === 'radio' ? raw(' role="radiogroup"') : ''} aria-labelledby="${id}-label"${type === 'radio' ? invalid(errorId, problem) : ''}`;
      const each = type === 'checkbox' ? invalid(errorId, problem) : '';
      return card(
        problem,
        html`<fieldset id="${id}" style="border:0;padding:0"${group}><legend id="${id}-label">${label}</legend>${help}${item.choices.map(
          (c) => html`<div><label><input type="${type}" name="${name}" value="${c}"${values.includes(c) ? raw(' checked') : ''}${each}> ${c}</label></div>`,
        )}${item.hasOtherOption ? html`<div><label>Mục khác: <input name="${name}.other_option_response" value="${other}" style="font:inherit"${invalid(errorId, problem)}></label></div>` : ''}${message}</fieldset>`,
      );
    }
    default:
      return html`<section class="card"><p class="error">Loại câu hỏi ${item.type} chưa được hiển thị ở môi trường cục bộ.</p></section>`;
  }
}

/** Forms shows the confirmation message with its line breaks. */
export function formDonePage(form: FormModel): Safe {
  // Forms wraps a long address in the message rather than widening the page (phones).
  return html`<section class="card" style="max-width:720px;margin:auto;font-size:18px;overflow-wrap:anywhere"><h1>${form.title}</h1>
    ${paragraphs(form.confirmationMessage || 'Câu trả lời của bạn đã được ghi lại.')}
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

/** A dialog an add-on showed (Ui.showModalDialog), at the size it asked for, its HtmlOutput in a frame as the spreadsheet shows it. */
export function dialogShell(shown: ShownHtml, index: number): Safe {
  const width = Math.min(Number(shown.width) || 600, 1200);
  const height = Math.min(Number(shown.height) || 400, 900);
  return html`<section class="card" style="max-width:${String(width + 2)}px"><h1>${shown.title ?? ''}</h1>
    <iframe title="${shown.title ?? ''}" src="/dialog/content/${String(index)}" style="border:1px solid #dadce0;width:100%;height:${String(height)}px"></iframe>
    <p><a href="/">Đóng (về trang chính)</a></p></section>`;
}

/** Apps Script's sandbox attributes for the frame a web app's HtmlOutput is shown in. */
export const WEBAPP_SANDBOX = 'allow-downloads allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-top-navigation-by-user-activation';

/**
 * A web app page as Apps Script serves it: a page of its own carrying the HtmlOutput's title, meta
 * tags (viewport …) and favicon, and the HtmlOutput itself in a sandboxed frame filling it. A link
 * with target="_top" leaves the frame; any other navigation stays inside it.
 */
export function webAppShell(answer: WebAppResponse, frameSrc: string): string {
  const meta = (answer.metaTags ?? []).map((t) => html`<meta name="${t.name}" content="${t.content}">`);
  const icon = answer.faviconUrl ? html`<link rel="shortcut icon" href="${answer.faviconUrl}">` : '';
  return `<!DOCTYPE html>${html`<html><head><meta charset="utf-8"><title>${answer.title ?? ''}</title>${meta}${icon}<style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style></head><body><iframe id="sandboxFrame" title="${answer.title ?? ''}" sandbox="${WEBAPP_SANDBOX}" allow="clipboard-read; clipboard-write" src="${frameSrc}"></iframe></body></html>`.html}`;
}

/** An anonymous visitor opening a web app that needs a Google account (Google would ask them to sign in). */
export function signInPage(anonymous: boolean): Safe {
  return html`<section class="card"><h1>Cần đăng nhập</h1><p>Ứng dụng web này chỉ mở cho người đã đăng nhập tài khoản Google; trên Google, người xem được chuyển đến trang đăng nhập.</p>${
    anonymous ? html`<p>Bạn đang xem với tư cách khách ẩn danh. Hãy chọn một tài khoản ở <a href="/">trang chính</a>.</p>` : html`<p><a href="/">Về trang chính</a></p>`
  }</section>`;
}

/** dd/MM/yyyy HH:mm:ss in the ward's time zone, as staff read times everywhere else. */
export function wardTime(d: Date, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

export function executionsPage(records: readonly ExecutionRecord[], timeZone: string): Safe {
  return html`<h1>Nhật ký thực thi</h1><table class="grid"><thead><tr><th>#</th><th>Loại</th><th>Hàm</th><th>Người dùng</th><th>Bắt đầu</th><th>Thời lượng (ms)</th><th>Trạng thái</th></tr></thead><tbody>${[...records]
    .reverse()
    .slice(0, 500)
    .map(
      (r) => html`<tr><td>${r.id}</td><td>${r.kind}</td><td>${r.label}</td><td>${r.user}</td><td>${wardTime(r.startedAt, timeZone)}</td><td>${Math.round(r.durationMs)}</td><td${r.status === 'failed' ? raw(' class="error"') : ''}>${r.status === 'failed' ? `Lỗi: ${r.error ?? ''}` : 'Hoàn tất'}</td></tr>`,
    )}</tbody></table>`;
}

/** `webAppUrl`: the script's web app on Google (ScriptApp.getService().getUrl()), served here at /exec. */
export function mailPage(outbox: SentMail[], timeZone: string, webAppUrl: string | null = null): Safe {
  return html`<h1>Thư đã gửi (${outbox.length})</h1>${[...outbox].reverse().map(
    (m) => html`<section class="card"><p class="muted">${wardTime(m.sentAt, timeZone)} — từ ${m.from} đến ${m.to.join(', ')}${m.cc.length ? ` · cc ${m.cc.join(', ')}` : ''}</p><h2>${m.subject}</h2><pre style="white-space:pre-wrap;font:inherit">${linkify(m.body, webAppUrl)}</pre></section>`,
  )}`;
}

/** Google's own address: the ward serves its local copy at the same path (see ward.ts). */
const GOOGLE_DOCS = 'https://docs.google.com/';

/** http(s) URLs in plain text, up to a space, a quote or an angle bracket. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/gi;

/**
 * Plain text with its http(s) URLs as links, everything escaped. The link text is the URL as
 * written; Google's addresses (https://docs.google.com/…) point to the ward's local copy, and so
 * does the script's own web app (`webAppUrl`, then followed by nothing, "?" or "/"): at /exec.
 * Punctuation ending a sentence is not part of the URL, nor is a closing bracket it did not open.
 */
export function linkify(text: string, webAppUrl: string | null = null): Safe {
  const parts: Array<string | Safe> = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(m[0]);
    const at = m.index ?? 0;
    parts.push(text.slice(last, at));
    // The local path must stay on the ward: "https://docs.google.com//elsewhere" is no local path.
    const tail = webAppUrl && url.startsWith(webAppUrl) ? url.slice(webAppUrl.length) : null;
    const path = tail !== null && /^([?/]|$)/.test(tail) ? `/exec${tail}` : url.toLowerCase().startsWith(GOOGLE_DOCS) ? url.slice(GOOGLE_DOCS.length - 1) : null;
    const local = path !== null && !/^\/[/\\]/.test(path);
    parts.push(local ? html`<a href="${path}">${url}</a>` : html`<a href="${url}" rel="noopener noreferrer">${url}</a>`);
    last = at + url.length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?]+$/, '');
  for (const [open, close] of [['(', ')'], ['[', ']']]) {
    while (out.endsWith(close) && out.split(close).length > out.split(open).length) out = out.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return out;
}
