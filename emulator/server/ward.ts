/**
 * The local ward: an HTTP server over one emulated workspace (npm start). It shows what the
 * real thing would show — the resident form, the sheets, the add-on menu, the sidebar exactly
 * as HtmlService produced it (google.script.run bridged over HTTP under Apps Script's rules),
 * the generated documents — and persists the workspace after every change.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { SheetView, SpreadsheetView, WebAppResponse, Workspace } from '../index';
import { AppsScriptException } from '../core/errors';
import { isFormValidationError } from '../services/forms';
import { failureForClient, type RpcResponse } from './rpc';
import { dialogShell, executionsPage, formDonePage, formPage, indexPage, mailPage, parseA1, sheetPage, sheetPageOf, sidebarShell, signInPage, webAppShell } from './pages';
import { html, page } from './html';
import { LOCAL_MAILBOX_ALIAS, mailboxPage, mailboxProperties, type LocalMailbox } from './mailbox';

export interface WardOptions {
  ws: Workspace;
  port?: number;
  /** The address to listen on: 127.0.0.1 (this machine only) unless told otherwise. */
  host?: string;
  /**
   * Host names (without the port) the server answers to besides 127.0.0.1, localhost and [::1]
   * and `host` itself: requests naming any other Host are refused (DNS rebinding).
   */
  allowedHosts?: string[];
  /** Where the snapshot is written after every change; none: nothing persists. */
  snapshotFile?: string;
  /** The official mailbox beside the ward (its page: /mailbox). */
  mailbox?: LocalMailbox;
}

export interface Ward {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

const FORMS_ORIGIN = 'https://docs.google.com';
const BRIDGE_SOURCE = fs.readFileSync(path.join(__dirname, 'bridge.client.js'), 'utf8');
/** Web app pages the ward keeps for their sandbox frames (the newest ones). */
const MAX_WEBAPP_FRAMES = 50;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new HttpError(413, 'Nội dung gửi lên quá lớn.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Who may see a hidden tab in the read-only views: the spreadsheet's owner, and the editors of the
 * tab's sheet protection (the add-on protects its hidden tabs for the admins, so they are the
 * people the tab is hidden for the sake of). A hidden tab with no protection: the owner only.
 * Sheets itself lets any viewer unhide a tab; the local ward, which holds residents' contact
 * details, shows less.
 */
export function maySeeTab(view: SpreadsheetView, tab: SheetView, user: string): boolean {
  if (!tab.hidden) return true;
  const me = user.toLowerCase();
  if (view.owner.toLowerCase() === me) return true;
  return (tab.protectionEditors ?? []).some((e) => e.toLowerCase() === me);
}

/**
 * Whether the current account may edit a tab by hand, for offering the edit form: the owner, or
 * anyone when the tab has no sheet protection, or the protection's editors. The edit itself runs
 * as that account, so the emulator's protections have the last word.
 */
export function mayEditTab(view: SpreadsheetView, tab: SheetView, user: string): boolean {
  const me = user.toLowerCase();
  if (view.owner.toLowerCase() === me || !tab.protected) return true;
  return (tab.protectionEditors ?? []).some((e) => e.toLowerCase() === me);
}

/** application/x-www-form-urlencoded → name → all values (checkboxes repeat their name). */
function parseForm(body: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(body)) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

export function startWard(options: WardOptions): Promise<Ward> {
  const { ws } = options;
  // The ward's scripts reach its own web app over UrlFetchApp, as on Google's servers (a staff
  // member's sidebar asks the web app for a case's photos: src/services/photos/view.ts).
  ws.network.connect(ws);

  const persist = (): void => {
    if (!options.snapshotFile) return;
    fs.mkdirSync(path.dirname(options.snapshotFile), { recursive: true });
    const tmp = `${options.snapshotFile}.tmp`;
    fs.writeFileSync(tmp, ws.snapshot());
    fs.renameSync(tmp, options.snapshotFile);
  };

  /** A spreadsheet as the current account may see it in the ward's pages. */
  const viewFor = (id: string): SpreadsheetView => {
    const view = ws.spreadsheets.view(id);
    return { ...view, sheets: view.sheets.filter((t) => maySeeTab(view, t, ws.user())) };
  };

  /** A tab the current account may see (hidden tabs: see maySeeTab), or 404. */
  const visibleTab = (id: string, sheetId: number): { view: SpreadsheetView; tab: SheetView } => {
    if (!ws.spreadsheets.list().some((x) => x.id === id)) throw new HttpError(404, 'Không tìm thấy trang tính.');
    const view = viewFor(id);
    const tab = view.sheets.find((t) => t.sheetId === sheetId);
    if (!tab) throw new HttpError(404, 'Không tìm thấy trang tính.');
    return { view, tab };
  };

  /** Hand edits reach the bound spreadsheet (ws.handEdit), by people Sheets would let edit the tab. */
  const editable = (id: string, view: SpreadsheetView, tab: SheetView): boolean => ws.spreadsheets.activeId() === id && mayEditTab(view, tab, ws.user());

  const localFormUrl = (formId: string): string => ws.forms.model(formId).publishedUrl.replace(FORMS_ORIGIN, '');

  const send = (res: http.ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };
  const redirect = (res: http.ServerResponse, to: string): void => {
    res.writeHead(303, { Location: to });
    res.end();
  };
  const show = (res: http.ServerResponse, title: string, body: ReturnType<typeof html>, flash?: string, status = 200): void =>
    send(res, status, page(title, body, { user: ws.user(), flash }));
  /** Residents are not signed in to anything: their pages name no staff account. */
  const showPublic = (res: http.ServerResponse, title: string, body: ReturnType<typeof html>, status = 200): void => send(res, status, page(title, body));

  /** Messages for the next page shown (after a redirect). */
  let flash: string | undefined;

  /**
   * Who opens the web app (/exec): the current account, or an anonymous visitor (not signed in to
   * Google) once the index page's "Ẩn danh" button is pressed; choosing an account ends it.
   */
  let anonymousVisitor = false;
  const visitor = (): string => (anonymousVisitor ? '' : ws.user());
  /** The HtmlOutput of each web app page served, by the token of its sandbox frame. */
  const webAppFrames = new Map<string, string>();

  /** The google.script.run bridge for a page, calling `rpcUrl`. */
  const bridgeFor = (rpcUrl: string): string => {
    const functions = (ws.app?.functionNames() ?? []).filter(callableByRpc);
    const bridge = BRIDGE_SOURCE.replace('__FUNCTIONS__', JSON.stringify(functions))
      .replace('__MAX_IN_FLIGHT__', String(ws.quotas().rpcConcurrentCalls))
      .replace("/*RPC_URL*/ '/rpc'", JSON.stringify(rpcUrl));
    return `<script>${bridge.replace(/<\/script/gi, '<\\/script')}</script>`;
  };

  /**
   * A request to the web app, as Apps Script serves it: an HtmlOutput as a page holding it in a
   * sandboxed frame (its title, meta tags and favicon on the page itself), a TextOutput as its
   * text, Google's pages for the rest. A visitor who must sign in is told so here: the ward cannot
   * send them to Google's sign-in page.
   */
  const serveWebApp = (res: http.ServerResponse, answer: WebAppResponse): void => {
    persist();
    if (answer.location !== undefined) {
      show(res, 'Cần đăng nhập', signInPage(anonymousVisitor), undefined, 401);
      return;
    }
    if (answer.output === 'HtmlOutput') {
      const token = randomBytes(16).toString('hex');
      webAppFrames.set(token, answer.body);
      for (const old of webAppFrames.keys()) {
        if (webAppFrames.size <= MAX_WEBAPP_FRAMES) break;
        webAppFrames.delete(old);
      }
      const headers: Record<string, string> = { 'Content-Type': answer.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      // XFrameOptionsMode.DEFAULT: no other page may frame it. Google's own sandbox frame is of
      // another origin, so a link without target="_top" cannot show the web app inside it
      // ("refused to connect"); the ward's frame is of its own origin, hence DENY, not SAMEORIGIN.
      if (answer.xFrameOptionsMode !== 'ALLOWALL') headers['X-Frame-Options'] = 'DENY';
      res.writeHead(answer.status, headers);
      res.end(webAppShell(answer, `/webapp/frame/${token}`));
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': answer.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (answer.fileName !== undefined) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const routes: Array<[string, RegExp, (req: http.IncomingMessage, res: http.ServerResponse, m: RegExpMatchArray, url: URL) => Promise<void> | void]> = [
    ['GET', /^\/$/, (_req, res) => {
      // The staff list as the "Cán bộ" tab shows it (the emulator reads the view, not the app).
      const staffOf = () => {
        const id = ws.spreadsheets.activeId();
        const tab = id ? ws.spreadsheets.view(id).sheets.find((t) => t.name === 'Cán bộ') : undefined;
        return (tab?.displayValues.slice(1) ?? []).filter((r) => r[0]).map((r) => ({ email: r[0], role: r[1] ?? '', body: r[2] ?? '' }));
      };
      const message = flash;
      flash = undefined;
      show(
        res,
        'Hòm thư số',
        indexPage({
          menus: ws.ui.menus(),
          forms: ws.forms.list().map((f) => ({ ...f, localUrl: localFormUrl(f.id) })),
          spreadsheets: ws.spreadsheets.list().map((s) => viewFor(s.id)),
          documents: ws.documents.list(),
          sidebars: ws.ui.sidebars().length,
          outbox: ws.mail.outbox().length,
          failedExecutions: ws.executions().filter((e) => e.status === 'failed').length,
          now: ws.clock.now().toLocaleString('vi-VN', { timeZone: ws.timeZone() }),
          staff: staffOf(),
          user: ws.user(),
          webapp: { url: ws.webapp.url(), anonymous: anonymousVisitor },
          mailbox: options.mailbox !== undefined,
        }),
        message,
      );
    }],

    ['POST', /^\/menu$/, async (req, res) => {
      const fn = parseForm(await readBody(req)).get('fn')?.[0] ?? '';
      const known = ws.ui.menus().some(function has(m): boolean {
        return m.items.some((i) => ('functionName' in i && i.functionName === fn) || ('submenu' in i && has(i.submenu)));
      });
      if (!known) throw new HttpError(400, 'Mục menu không tồn tại.');
      const sidebarsBefore = ws.ui.sidebars().length;
      const dialogsBefore = ws.ui.dialogs().length;
      const eventsBefore = ws.ui.events().length;
      try {
        ws.ui.runMenuItem(fn);
        const said = ws.ui.events().slice(eventsBefore).map((e) => [e.title, e.message].filter(Boolean).join(': '));
        flash = said.length ? said.join(' — ') : undefined;
      } catch (e) {
        flash = `Lỗi khi chạy "${fn}": ${e instanceof Error ? e.message : String(e)}`;
      }
      persist();
      // A dialog the item showed (showModalDialog / showModelessDialog) is shown as the spreadsheet would, once.
      const dialogs = ws.ui.dialogs().length;
      redirect(res, dialogs > dialogsBefore ? `/dialog/${dialogs - 1}` : ws.ui.sidebars().length > sidebarsBefore ? '/sidebar' : '/');
    }],

    ['GET', /^\/dialog\/(\d+)$/, (_req, res, m) => {
      const shown = ws.ui.dialogs()[Number(m[1])];
      if (!shown) throw new HttpError(404, 'Không tìm thấy hộp thoại.');
      show(res, shown.title ?? 'Hộp thoại', dialogShell(shown, Number(m[1])));
    }],

    ['GET', /^\/dialog\/content\/(\d+)$/, (_req, res, m) => {
      const shown = ws.ui.dialogs()[Number(m[1])];
      if (!shown) throw new HttpError(404, 'Không tìm thấy hộp thoại.');
      send(res, 200, shown.content);
    }],

    ['GET', /^\/sidebar$/, (_req, res) => {
      const sidebars = ws.ui.sidebars();
      show(res, 'Thanh bên — Hòm thư số', sidebarShell(sidebars[sidebars.length - 1], sidebars.length - 1));
    }],

    ['GET', /^\/sidebar\/content\/(\d+)$/, (_req, res, m) => {
      const shown = ws.ui.sidebars()[Number(m[1])];
      if (!shown) throw new HttpError(404, 'Không tìm thấy thanh bên.');
      send(res, 200, injectIntoHead(shown.content, bridgeFor('/rpc')));
    }],

    ['POST', /^\/rpc$/, async (req, res) => {
      let response: RpcResponse;
      const { fn, args } = await rpcRequest(req);
      try {
        if (!callableByRpc(fn)) throw new AppsScriptException(`Script function not found: ${fn}`);
        response = ws.sidebar.respond(fn, args);
      } catch (e) {
        response = failureForClient(e);
      }
      persist();
      send(res, 200, JSON.stringify(response), 'application/json; charset=utf-8');
    }],

    // The web app: https://script.google.com/macros/s/<deploymentId>/exec<tail> is served at /exec<tail>.
    ['GET', /^\/exec(\/.*)?$/, (_req, res, _m, url) => {
      serveWebApp(res, ws.webapp.get(url.pathname.slice('/exec'.length) + url.search, { user: visitor() }));
    }],

    ['POST', /^\/exec(\/.*)?$/, async (req, res, _m, url) => {
      const body = await readBody(req);
      serveWebApp(res, ws.webapp.post(url.pathname.slice('/exec'.length) + url.search, body, req.headers['content-type'] ?? '', { user: visitor() }));
    }],

    // The HtmlOutput inside its sandbox frame, with the google.script.run bridge; links to the web
    // app's own URL (ScriptApp.getService().getUrl()) point to the ward's /exec.
    ['GET', /^\/webapp\/frame\/([0-9a-f]{32})$/, (_req, res, m) => {
      const content = webAppFrames.get(m[1]);
      if (content === undefined) throw new HttpError(404, 'Trang của ứng dụng web đã hết hạn: hãy mở lại ứng dụng.');
      const own = ws.webapp.url();
      const local = own ? content.split(own).join('/exec') : content;
      send(res, 200, injectIntoHead(local, bridgeFor('/webapp/rpc')));
    }],

    // google.script.run from a web app page: runs as the web app runs (executeAs) for the visitor.
    ['POST', /^\/webapp\/rpc$/, async (req, res) => {
      const { fn, args } = await rpcRequest(req);
      let response: RpcResponse;
      try {
        if (!callableByRpc(fn)) throw new AppsScriptException(`Script function not found: ${fn}`);
        response = ws.webapp.respond(fn, args, { user: visitor() });
      } catch (e) {
        response = failureForClient(e);
      }
      persist();
      send(res, 200, JSON.stringify(response), 'application/json; charset=utf-8');
    }],

    ['GET', /^\/forms\/d\/e\/([\w-]+)\/viewform$/, (_req, res, _m, url) => {
      const formId = resolveForm(url);
      const form = ws.forms.model(formId);
      showPublic(res, form.title, formPage(form, prefillFrom(url.searchParams)));
    }],

    ['POST', /^\/forms\/d\/e\/([\w-]+)\/viewform$/, async (req, res, _m, url) => {
      const formId = resolveForm(url);
      const form = ws.forms.model(formId);
      const posted = parseForm(await readBody(req));
      const answers: Record<string, string | string[]> = {};
      for (const item of form.items) {
        const values = (posted.get(`entry.${item.id}`) ?? []).filter((v) => v !== '');
        const other = posted.get(`entry.${item.id}.other_option_response`)?.[0]?.trim();
        if (other) values.push(other);
        if (values.length === 0) continue;
        answers[item.title] = item.type === 'CHECKBOX' ? values : values[0];
      }
      try {
        ws.forms.submit(formId, answers, { respondentEmail: posted.get('__email')?.[0] });
      } catch (e) {
        if (isFormValidationError(e)) {
          // Forms shows the page again with what was typed, each refusal under its question.
          const prefill: Record<number, string[]> = {};
          const other: Record<number, string> = {};
          for (const item of form.items) {
            prefill[item.id] = posted.get(`entry.${item.id}`) ?? [];
            other[item.id] = posted.get(`entry.${item.id}.other_option_response`)?.[0] ?? '';
          }
          showPublic(res, form.title, formPage(form, prefill, { problems: e.problems, respondentEmail: posted.get('__email')?.[0] ?? '', other }), 400);
          return;
        }
        throw e;
      } finally {
        persist();
      }
      showPublic(res, form.title, formDonePage(form));
    }],

    ['GET', /^\/sheets\/([\w-]+)\/(\d+)$/, (_req, res, m, url) => {
      const { view, tab } = visibleTab(m[1], Number(m[2]));
      const message = flash;
      flash = undefined;
      const editing = { allowed: editable(m[1], view, tab), cell: url.searchParams.get('cell') ?? undefined };
      show(res, view.name, sheetPage(view, tab.sheetId, Number(url?.searchParams.get('page') ?? 1), editing), message);
    }],

    // A person edits one cell by hand, as in Sheets: the value as typed, as the current account
    // (protections apply), then the triggers a hand edit fires (ws.handEdit).
    ['POST', /^\/sheets\/([\w-]+)\/(\d+)\/cell$/, async (req, res, m) => {
      const { tab } = visibleTab(m[1], Number(m[2]));
      const form = parseForm(await readBody(req));
      const a1 = (form.get('cell')?.[0] ?? '').trim().toUpperCase();
      const at = parseA1(a1);
      if (!at) throw new HttpError(400, 'Tên ô không hợp lệ (ví dụ: B7).');
      if (ws.spreadsheets.activeId() !== m[1]) throw new HttpError(400, 'Chỉ sửa được bảng tính mà tiện ích gắn vào.');
      const value = form.get('value')?.[0] ?? '';
      try {
        ws.handEdit((ss) => sheetById(ss, tab.sheetId).getRange(at.row, at.column).setValue(value), { range: { sheet: tab.name, row: at.row, column: at.column }, value });
        flash = `Đã sửa ô ${a1} của trang tính "${tab.name}" (onEdit và các trình kích hoạt khi sửa đã chạy).`;
      } catch (e) {
        flash = `Không sửa được ô ${a1}: ${e instanceof Error ? e.message : String(e)}`;
      }
      persist();
      redirect(res, `/sheets/${m[1]}/${tab.sheetId}?page=${sheetPageOf(at.row)}`);
    }],

    // A person deletes a row: an on-change event (REMOVE_ROW), no onEdit — as in Sheets.
    ['POST', /^\/sheets\/([\w-]+)\/(\d+)\/delete-row$/, async (req, res, m) => {
      const { tab } = visibleTab(m[1], Number(m[2]));
      const row = Number(parseForm(await readBody(req)).get('row')?.[0]);
      if (!Number.isInteger(row) || row < 1) throw new HttpError(400, 'Số hàng không hợp lệ.');
      if (ws.spreadsheets.activeId() !== m[1]) throw new HttpError(400, 'Chỉ sửa được bảng tính mà tiện ích gắn vào.');
      try {
        ws.handEdit((ss) => sheetById(ss, tab.sheetId).deleteRow(row), { changeType: 'REMOVE_ROW' });
        flash = `Đã xóa hàng ${row} của trang tính "${tab.name}" (các trình kích hoạt khi thay đổi đã chạy).`;
      } catch (e) {
        flash = `Không xóa được hàng ${row}: ${e instanceof Error ? e.message : String(e)}`;
      }
      persist();
      redirect(res, `/sheets/${m[1]}/${tab.sheetId}?page=${sheetPageOf(row)}`);
    }],

    ['GET', /^\/docs\/([\w-]+)$/, (_req, res, m) => send(res, 200, ws.documents.html(m[1]))],
    // Google's own addresses, as the add-on hands them out (DocumentApp getUrl, the spreadsheet's
    // URL), served locally: the sidebar's bridge opens them here.
    ['GET', /^\/document\/d\/([\w-]+)\/edit$/, (_req, res, m) => send(res, 200, ws.documents.html(m[1]))],
    ['GET', /^\/spreadsheets\/d\/([\w-]+)\/edit$/, (_req, res) => {
      res.writeHead(302, { location: '/' });
      res.end();
    }],
    ['GET', /^\/mail$/, (_req, res) => show(res, 'Thư đã gửi', mailPage(ws.mail.outbox(), ws.timeZone(), ws.webapp.url()))],
    ['GET', /^\/executions$/, (_req, res) => show(res, 'Nhật ký thực thi', executionsPage(ws.executions(), ws.timeZone()))],

    ['POST', /^\/user$/, async (req, res) => {
      const form = parseForm(await readBody(req));
      if (form.get('anonymous')?.[0] === '1') {
        anonymousVisitor = true;
        flash = 'Ứng dụng web sẽ được mở với tư cách khách ẩn danh (chưa đăng nhập tài khoản Google).';
        redirect(res, '/');
        return;
      }
      const email = form.get('email')?.[0]?.trim() ?? '';
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new HttpError(400, 'Địa chỉ email không hợp lệ.');
      ws.setUser(email);
      anonymousVisitor = false;
      ws.open('LIMITED');
      flash = `Đã chuyển sang tài khoản ${email}.`;
      persist();
      redirect(res, '/');
    }],

    ...mailboxRoutes(),

    ['POST', /^\/clock$/, async (req, res) => {
      const hours = Number(parseForm(await readBody(req)).get('hours')?.[0]);
      if (!(hours >= 1 && hours <= 8760)) throw new HttpError(400, 'Số giờ không hợp lệ.');
      // Hour by hour, so hourly triggers run as they would have.
      let runs = 0;
      for (let h = 0; h < hours; h++) {
        ws.clock.advance(3_600_000);
        runs += ws.runDueTriggers().length;
      }
      flash = `Đã tua ${hours} giờ; ${runs} lần chạy trình kích hoạt theo giờ.`;
      persist();
      redirect(res, '/');
    }],
  ];

  /** The official mailbox's page and its actions (none when the ward runs without it). */
  function mailboxRoutes(): typeof routes {
    const mb = options.mailbox;
    if (!mb) return [];
    let lastRun: string | undefined;
    const done = (res: http.ServerResponse): void => {
      mb.persist();
      persist();
      redirect(res, '/mailbox');
    };
    return [
      ['GET', /^\/mailbox$/, (_req, res, _m, url) => {
        mb.catchUp();
        const props = mailboxProperties(mb.ws);
        const replyId = url.searchParams.get('reply');
        const replied = replyId ? mb.ws.gmail.thread(replyId)?.messages.find((x) => x.id === replyId) : undefined;
        const body = mailboxPage({
          account: mb.ws.gmail.account(),
          alias: props.MAILBOX_FROM || LOCAL_MAILBOX_ALIAS,
          label: props.MAILBOX_LABEL || 'Hòm thư số',
          wardUrl: props.MAILBOX_WARD_URL ?? '',
          secretSet: Boolean(props.MAILBOX_SECRET),
          threads: mb.ws.gmail.threads(),
          timeZone: ws.timeZone(),
          replyTo: replied ? { id: replied.id, subject: replied.subject, from: replied.from } : undefined,
          lastRun,
        });
        lastRun = undefined;
        const message = flash;
        flash = undefined;
        send(res, 200, page('Hộp thư chính thức', body, { flash: message }));
      }],
      ['POST', /^\/mailbox\/deliver$/, async (req, res) => {
        const form = parseForm(await readBody(req, 20 * 1024 * 1024));
        const field = (k: string) => (form.get(k)?.[0] ?? '').trim();
        if (!/^[^\s@<>]+@[^\s@<>]+$/.test(field('from'))) throw new HttpError(400, 'Địa chỉ email không hợp lệ.');
        if (!field('subject') || !field('body')) throw new HttpError(400, 'Cần có tiêu đề và nội dung.');
        let photos: Array<{ name: string; contentType: string; base64: string }>;
        try {
          photos = JSON.parse(field('photos') || '[]') as typeof photos;
        } catch {
          throw new HttpError(400, 'Ảnh đính kèm không đọc được.');
        }
        mb.catchUp();
        const name = field('name').replace(/[<>"\r\n]/g, '');
        mb.ws.gmail.deliver({
          from: name ? `${name} <${field('from')}>` : field('from'),
          to: mailboxProperties(mb.ws).MAILBOX_FROM || LOCAL_MAILBOX_ALIAS,
          subject: field('subject'),
          body: form.get('body')?.[0] ?? '',
          headers: { 'Return-Path': `<${field('from')}>` },
          attachments: photos.map((p) => ({ name: String(p.name), contentType: String(p.contentType), base64: String(p.base64) })),
          ...(field('inReplyTo') ? { inReplyTo: field('inReplyTo') } : {}),
        });
        flash = 'Thư đã tới hộp thư chính thức (nhãn được bộ lọc gắn). Bấm "Chạy relayMail ngay" để chuyển tới phường, hoặc chờ trình kích hoạt 10 phút.';
        done(res);
      }],
      ['POST', /^\/mailbox\/secret$/, async (req, res) => {
        const secret = (parseForm(await readBody(req)).get('secret')?.[0] ?? '').trim();
        if (!secret) throw new HttpError(400, 'Khóa bí mật trống.');
        (mb.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().setProperty('MAILBOX_SECRET', secret);
        // As the installer does next (README "The official mailbox"): run setupRelay once.
        try {
          mb.ws.app!.run('setupRelay', [], { label: 'setupRelay' });
          flash = 'Đã lưu khóa bí mật vào thuộc tính tập lệnh và chạy setupRelay: relayMail chạy mỗi 10 phút.';
        } catch (e) {
          flash = `Đã lưu khóa bí mật; setupRelay lỗi: ${e instanceof Error ? e.message : String(e)}`;
        }
        done(res);
      }],
      ['POST', /^\/mailbox\/relay$/, (_req, res) => {
        mb.catchUp();
        try {
          const r = mb.ws.app!.run('relayMail', [], { kind: 'trigger', label: 'relayMail' }) as { status: string; polls: number; handed: number; skipped: number; replied: number; failedReplies: number };
          lastRun = r.status === 'unconfigured'
            ? 'relayMail chưa chạy: thiếu thuộc tính (địa chỉ ứng dụng web hoặc khóa bí mật).'
            : `relayMail: ${r.polls} lần gọi phường, chuyển ${r.handed} thư, bỏ qua ${r.skipped} thư tự động hoặc của chính hộp thư, gửi ${r.replied} thư trả lời${r.failedReplies ? `, ${r.failedReplies} thư trả lời lỗi` : ''}${r.status === 'timeUp' ? ' (hết giờ, phần còn lại để lần sau)' : ''}.`;
        } catch (e) {
          lastRun = `relayMail lỗi: ${e instanceof Error ? e.message : String(e)}`;
        }
        done(res);
      }],
    ];
  }

  /**
   * google.script.run reaches only the project's own top-level functions, and never a private
   * one (name ending in "_"): https://developers.google.com/apps-script/guides/html/communication#private_functions
   */
  function callableByRpc(fn: string): boolean {
    return fn !== '' && !fn.endsWith('_') && (ws.app?.functionNames().includes(fn) ?? false);
  }

  /** host:port forms this server answers to. */
  function ownHosts(): Set<string> {
    const address = server.address() as AddressInfo | null;
    const port = address ? address.port : options.port ?? 8080;
    const names = ['127.0.0.1', 'localhost', '[::1]', ...(options.allowedHosts ?? [])];
    if (options.host && !['0.0.0.0', '::'].includes(options.host)) names.push(options.host.includes(':') ? `[${options.host}]` : options.host);
    return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
  }

  /**
   * Every request must name this server in its Host header (a page on another site that rebinds
   * its DNS name to 127.0.0.1 names its own); a state-changing one must not come from another
   * origin (a browser sends Origin on such requests; "null" counts as another origin). Clients
   * that send no Origin — curl, tests — are served.
   */
  function refuseForeign(req: http.IncomingMessage): void {
    const own = ownHosts();
    const host = (req.headers.host ?? '').toLowerCase();
    if (!own.has(host)) throw new HttpError(403, 'Yêu cầu không dành cho máy chủ này.');
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    let originHost: string | null;
    try {
      const u = new URL(origin);
      originHost = u.protocol === 'http:' ? u.host.toLowerCase() : null;
    } catch {
      originHost = null;
    }
    if (originHost === null || !own.has(originHost)) throw new HttpError(403, 'Yêu cầu từ trang khác bị từ chối.');
  }

  function resolveForm(url: URL): string {
    const id = ws.forms.idFromUrl(FORMS_ORIGIN + url.pathname);
    if (!id) throw new HttpError(404, 'Không tìm thấy biểu mẫu.');
    return id;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
    if (!route) {
      show(res, 'Không tìm thấy', html`<p class="error">Không tìm thấy trang ${url.pathname}.</p><p><a href="/">Về trang chính</a></p>`, undefined, 404);
      return;
    }
    Promise.resolve()
      .then(() => refuseForeign(req))
      .then(() => route[2](req, res, url.pathname.match(route[1]) as RegExpMatchArray, url))
      .catch((e: unknown) => {
        const status = e instanceof HttpError ? e.status : 500;
        const message = e instanceof Error ? e.message : String(e);
        if (!res.headersSent) show(res, 'Lỗi', html`<p class="error">${message}</p><p><a href="/">Về trang chính</a></p>`, undefined, status);
        if (status === 500) console.error(e);
      });
  });

  return new Promise((resolve) => {
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function sheetById(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheets().find((x) => x.getSheetId() === sheetId);
  if (!sheet) throw new HttpError(404, 'Không tìm thấy trang tính.');
  return sheet;
}

function injectIntoHead(content: string, script: string): string {
  const head = /<head[^>]*>/i.exec(content);
  if (head) return content.slice(0, head.index + head[0].length) + script + content.slice(head.index + head[0].length);
  return script + content;
}

function prefillFrom(params: URLSearchParams): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const [k, v] of params) {
    const m = /^entry\.(\d+)$/.exec(k);
    if (m) out[Number(m[1])] = [...(out[Number(m[1])] ?? []), v];
  }
  return out;
}

/** A google.script.run call as the bridge posts it: the function's name and its arguments. */
async function rpcRequest(req: http.IncomingMessage): Promise<{ fn: string; args: unknown[] }> {
  let request: { fn?: unknown; args?: unknown };
  try {
    request = JSON.parse(await readBody(req)) as { fn?: unknown; args?: unknown };
  } catch {
    throw new HttpError(400, 'Yêu cầu không hợp lệ.');
  }
  return { fn: typeof request.fn === 'string' ? request.fn : '', args: Array.isArray(request.args) ? request.args : [] };
}
