/**
 * The web app side of Apps Script: doGet(e) / doPost(e) of the loaded script, run for a visitor
 * under the manifest's "webapp" section.
 * - Event object: https://developers.google.com/apps-script/guides/web#request_parameters
 * - Requirements ("returns an HTML service HtmlOutput object or a Content service TextOutput
 *   object"): https://developers.google.com/apps-script/guides/web#requirements_for_web_apps
 * - executeAs / access: https://developers.google.com/apps-script/manifest/web-app-api-executable
 * - ScriptApp.getService(): see service.ts.
 *
 * The emulator's model (see emulator/README.md, "Web app"):
 * - the web app is deployed the first time a script whose manifest has a "webapp" section is
 *   loaded, by the bound spreadsheet's owner (the workspace's user when there is none); its
 *   deployment id and deployer are kept in snapshots, and later loads are new versions of that
 *   same deployment (same URL). A loaded script without a "webapp" section is no web app.
 * - USER_DEPLOYING runs as the deployer (Session.getActiveUser() is the visitor only for the
 *   deployer or a visitor of the deployer's Workspace domain, else ''); USER_ACCESSING runs as the
 *   visitor, who is taken to have authorised the script already.
 */
import { AppsScriptException } from '../../core/errors';
import { expose, unwrap } from '../../core/facade';
import type { ExecutionOptions } from '../../core/execution';
import type { Kernel } from '../../core/kernel';
import type { WebAppConfig, WebAppModule, WebAppRequest, WebAppResponse } from '../../core/modules';
import { CONTENT_TYPES, TextOutput } from '../content';
import { escapeHtml, HtmlOutput } from '../html/output';
import { Service } from './service';
import type { NetworkHandler, NetworkResponse } from '../urlfetch';

const EXECUTE_AS = ['USER_ACCESSING', 'USER_DEPLOYING'] as const;
const ACCESS = ['MYSELF', 'DOMAIN', 'ANYONE', 'ANYONE_ANONYMOUS'] as const;
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const HTML = 'text/html; charset=utf-8';

/**
 * Apps Script's page when doGet/doPost returns anything but an HtmlOutput or a TextOutput
 * (as Google serves it, e.g. github.com/therealaleph/MasterHttpRelayVPN-RUST/issues/948).
 */
export const NOTHING_RETURNED = 'The script completed but did not return anything.';
const NOTHING_RETURNED_PAGE = `<!DOCTYPE html><html><head><title>Web App</title></head><body><p>${NOTHING_RETURNED}</p></body></html>`;

/**
 * Google Drive's page for a web app that does not exist or that the visitor may not open
 * ("Only myself" opened by someone else answers 404 "Google Drive -- Page Not Found").
 */
export const PAGE_NOT_FOUND = 'Sorry, unable to open the file at this time.';
const PAGE_NOT_FOUND_PAGE = `<!DOCTYPE html><html><head><title>Google Drive -- Page Not Found</title></head><body><p>${PAGE_NOT_FOUND}</p><p>Please check the address and try again.</p></body></html>`;

/** google.script.run from a web app page the visitor may not run. */
const NOT_AUTHORIZED = 'Authorization is required to perform that action.';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The manifest's webapp section, checked as a deployment would be; null when there is none. */
export function parseWebAppConfig(section: unknown): WebAppConfig | null {
  if (section === undefined) return null;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw new Error('emulator: appsscript.json "webapp" must be an object { "executeAs": …, "access": … }');
  const { executeAs, access } = section as { executeAs?: unknown; access?: unknown };
  if (!EXECUTE_AS.includes(executeAs as WebAppConfig['executeAs'])) {
    throw new Error(`emulator: appsscript.json webapp.executeAs must be ${EXECUTE_AS.join(' or ')}, not ${JSON.stringify(executeAs)}`);
  }
  if (!ACCESS.includes(access as WebAppConfig['access'])) {
    throw new Error(`emulator: appsscript.json webapp.access must be one of ${ACCESS.join(', ')}, not ${JSON.stringify(access)}`);
  }
  // The deployment dialog offers "Anyone, even anonymous" only to a web app that executes as the
  // deployer: a script running as "the user accessing it" needs a signed-in user.
  if (executeAs === 'USER_ACCESSING' && access === 'ANYONE_ANONYMOUS') {
    throw new Error('emulator: appsscript.json webapp: USER_ACCESSING cannot be deployed for ANYONE_ANONYMOUS (a script running as the visitor needs a signed-in visitor)');
  }
  return { executeAs, access } as WebAppConfig;
}

/** Name → values, in order; `__proto__` and the like are ordinary names. */
function addParams(into: Map<string, string[]>, encoded: string): void {
  for (const [k, v] of new URLSearchParams(encoded)) into.set(k, [...(into.get(k) ?? []), v]);
}

function plainObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

interface ParsedTail {
  pathInfo: string | undefined;
  queryString: string | null;
}

function parseTail(tail: string): ParsedTail {
  if (typeof tail !== 'string' || (tail !== '' && !tail.startsWith('/') && !tail.startsWith('?'))) {
    throw new Error(`emulator: a web app request names what follows /exec in its URL ('', '?…' or '/…'), not ${JSON.stringify(tail)}`);
  }
  const hash = tail.indexOf('#');
  const bare = hash >= 0 ? tail.slice(0, hash) : tail;
  const q = bare.indexOf('?');
  const path = q >= 0 ? bare.slice(0, q) : bare;
  let pathInfo: string | undefined;
  if (path.length > 1) {
    try {
      pathInfo = decodeURIComponent(path.slice(1));
    } catch {
      pathInfo = path.slice(1);
    }
  }
  return { pathInfo, queryString: q >= 0 ? bare.slice(q + 1) : null };
}

function describeError(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return `${String(name ?? 'Error')}: ${String(message ?? '')}`;
  }
  return String(e);
}

function errorPage(message: string): WebAppResponse {
  return { status: 200, contentType: HTML, body: `<!DOCTYPE html><html><head><title>Error</title></head><body><div>${escapeHtml(message)}</div></body></html>`, error: message };
}

interface WebAppState {
  deploymentId: string | null;
  deployer: string | null;
}

class WebAppModuleImpl implements WebAppModule {
  readonly name = 'webapp' as const;
  private state: WebAppState = { deploymentId: null, deployer: null };
  /** ContentService answers waiting at their one-time googleusercontent URL. */
  private readonly echoes = new Map<string, { body: string; contentType: string }>();

  constructor(readonly kernel: Kernel) {}

  globals(): Record<string, unknown> {
    return {};
  }

  serviceFacade(): unknown {
    return expose(this.kernel, 'ScriptApp', 'Service', new Service(this));
  }

  loaded(manifest: Record<string, unknown>): void {
    const config = parseWebAppConfig(manifest.webapp);
    if (!config || this.state.deploymentId) return;
    this.state.deploymentId = `AKfycb${this.kernel.newId('d').slice(1)}`;
    const ssId = this.kernel.module('spreadsheet').activeId();
    this.state.deployer = (ssId ? this.kernel.files.get(ssId)?.owner : undefined) ?? this.kernel.user;
  }

  config(): WebAppConfig | null {
    return parseWebAppConfig(this.kernel.script?.manifest.webapp);
  }

  url(): string | null {
    return this.config() && this.state.deploymentId ? `https://script.google.com/macros/s/${this.state.deploymentId}/exec` : null;
  }

  deployer(): string | null {
    return this.state.deployer;
  }

  /**
   * Who may open the web app (access), as Google answers the others: a visitor who is not signed
   * in is sent to Google's sign-in page unless the app is for ANYONE_ANONYMOUS — and even then
   * when the URL has a path after /exec (observed: "a login screen will appear", tanaikech's
   * "Taking advantage of Web Apps", pathInfo); a signed-in visitor outside MYSELF / DOMAIN gets
   * Drive's "Page Not Found".
   */
  private refusal(config: WebAppConfig, visitor: string, hasPath: boolean, continueUrl: string): WebAppResponse | null {
    const deployer = this.state.deployer ?? '';
    if (visitor === '') {
      if (config.access === 'ANYONE_ANONYMOUS' && !hasPath) return null;
      return { status: 302, contentType: HTML, body: '', location: `https://accounts.google.com/ServiceLogin?continue=${encodeURIComponent(continueUrl)}` };
    }
    const me = visitor.toLowerCase() === deployer.toLowerCase();
    if (config.access === 'MYSELF' && !me) return { status: 404, contentType: HTML, body: PAGE_NOT_FOUND_PAGE };
    if (config.access === 'DOMAIN' && !me) {
      const domain = domainOf(deployer);
      if (CONSUMER_DOMAINS.has(domain) || domainOf(visitor) !== domain) return { status: 404, contentType: HTML, body: PAGE_NOT_FOUND_PAGE };
    }
    return null;
  }

  private runAs(config: WebAppConfig, visitor: string, kind: 'webapp' | 'rpc', label: string): ExecutionOptions {
    return config.executeAs === 'USER_DEPLOYING'
      ? { kind, label, user: this.state.deployer ?? '', authMode: 'FULL', activeUser: visitor, ui: false }
      : { kind, label, user: visitor, authMode: 'FULL', ui: false };
  }

  request(request: WebAppRequest): WebAppResponse {
    const { pathInfo, queryString } = parseTail(request.tail);
    const config = this.config();
    const url = this.url();
    if (!config || !url) return { status: 404, contentType: HTML, body: PAGE_NOT_FOUND_PAGE };
    const refused = this.refusal(config, request.user, pathInfo !== undefined, url + request.tail);
    if (refused) return refused;

    const params = new Map<string, string[]>();
    if (queryString) addParams(params, queryString);
    const event: Record<string, unknown> = { queryString, parameter: {}, parameters: {}, contextPath: '', contentLength: -1 };
    if (pathInfo !== undefined) event.pathInfo = pathInfo;
    if (request.method === 'POST') {
      const body = request.body ?? '';
      const type = request.contentType ?? '';
      const length = Buffer.byteLength(body, 'utf8');
      event.contentLength = length;
      if (length > 0) {
        event.postData = { length, type, contents: body, name: 'postData' };
        // Form-encoded bodies fill parameter / parameters too; others (JSON …) do not.
        if (type.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded') addParams(params, body);
      }
    }
    event.parameter = plainObject([...params].map(([k, v]) => [k, v[0]]));
    event.parameters = plainObject([...params].map(([k, v]) => [k, [...v]]));

    const fn = request.method === 'GET' ? 'doGet' : 'doPost';
    if (!this.kernel.script?.hasFunction(fn)) return errorPage(`Script function not found: ${fn}`);
    let result: unknown;
    try {
      result = this.kernel.runScript(fn, [event], this.runAs(config, request.user, 'webapp', fn));
    } catch (e) {
      return errorPage(describeError(e));
    }
    return this.serve(result);
  }

  private serve(result: unknown): WebAppResponse {
    const raw = unwrap(result);
    if (raw instanceof HtmlOutput) {
      return {
        status: 200,
        contentType: HTML,
        body: raw._content,
        output: 'HtmlOutput',
        title: raw._title,
        metaTags: raw._metaTags.map((t) => ({ ...t })),
        ...(raw._faviconUrl !== null ? { faviconUrl: raw._faviconUrl } : {}),
        xFrameOptionsMode: raw._xFrameOptionsMode,
      };
    }
    if (raw instanceof TextOutput) {
      const mime = String(raw._mimeType) as keyof typeof CONTENT_TYPES;
      return {
        status: 200,
        contentType: `${CONTENT_TYPES[mime]}; charset=utf-8`,
        body: raw._content,
        output: 'TextOutput',
        ...(raw._fileName !== null ? { fileName: raw._fileName } : {}),
      };
    }
    return { status: 200, contentType: HTML, body: NOTHING_RETURNED_PAGE, error: NOTHING_RETURNED };
  }

  /**
   * This web app as another workspace's UrlFetchApp reaches it (`ws.webapp.endpoint()`): the clock
   * first moves on to the request's time (each workspace keeps its own clock; they never go back),
   * the request runs for an anonymous visitor (UrlFetchApp sends no Google sign-in), and a
   * TextOutput is answered, as Google answers it, with a 302 to a one-time
   * https://script.googleusercontent.com/macros/echo?user_content_key=… URL whose GET gives the
   * text once (https://developers.google.com/apps-script/guides/content#redirects). An
   * HtmlOutput or Google's error page comes back directly with its status.
   */
  endpoint(): { prefixes: string[]; handle: NetworkHandler } {
    const echo = 'https://script.googleusercontent.com/macros/echo';
    const handle: NetworkHandler = (request) => {
      const url = this.url();
      if (request.sentAt > this.kernel.clock.nowMs()) this.kernel.clock.setTo(request.sentAt);
      const answered = (r: NetworkResponse): NetworkResponse => ({ ...r, answeredAt: this.kernel.clock.nowMs() });
      if (request.url.startsWith(echo)) {
        const key = new URL(request.url).searchParams.get('user_content_key') ?? '';
        const text = this.echoes.get(key);
        this.echoes.delete(key);
        if (request.method !== 'GET' || text === undefined) return answered({ status: 404, body: PAGE_NOT_FOUND_PAGE, headers: { 'Content-Type': HTML } });
        return answered({ status: 200, body: text.body, headers: { 'Content-Type': text.contentType } });
      }
      if (!url || !request.url.startsWith(url)) return answered({ status: 404, body: PAGE_NOT_FOUND_PAGE, headers: { 'Content-Type': HTML } });
      const tail = request.url.slice(url.length);
      if (request.method !== 'GET' && request.method !== 'POST') return answered({ status: 405, body: '', headers: {} });
      const response = this.request({ method: request.method, tail, body: request.body, contentType: request.contentType ?? undefined, user: '' });
      if (response.location) return answered({ status: response.status, body: response.body, headers: { Location: response.location, 'Content-Type': HTML } });
      if (response.output === 'TextOutput') {
        const key = `${this.kernel.newId('e').slice(1)}`;
        this.echoes.set(key, { body: response.body, contentType: response.contentType });
        const location = `${echo}?user_content_key=${key}&lib=${this.state.deploymentId ?? ''}`;
        return answered({ status: 302, body: `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY><H1>Moved Temporarily</H1>The document has moved <A HREF="${location}">here</A>.</BODY></HTML>`, headers: { Location: location, 'Content-Type': HTML } });
      }
      return answered({ status: response.status, body: response.body, headers: { 'Content-Type': response.contentType } });
    };
    return { prefixes: [this.url() ?? 'https://script.google.com/macros/s/none/exec', echo], handle };
  }

  rpc(fn: string, args: unknown[], visitor: string): unknown {
    const config = this.config();
    const url = this.url();
    if (!config || !url || this.refusal(config, visitor, false, url)) {
      const e = new Error(NOT_AUTHORIZED);
      e.name = 'ScriptError';
      throw e;
    }
    if (!this.kernel.script?.hasFunction(fn)) throw new AppsScriptException(`Script function not found: ${fn}`);
    return this.kernel.runScript(fn, args, this.runAs(config, visitor, 'rpc', fn));
  }

  save(): unknown {
    return { ...this.state };
  }

  restore(state: unknown): void {
    this.state = { ...(state as WebAppState) };
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new WebAppModuleImpl(kernel));
}

