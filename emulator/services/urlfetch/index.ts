/**
 * UrlFetchApp: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * Nothing leaves the process: a request reaches only a handler routed to its URL's prefix
 * (`ws.network.route`), e.g. another workspace's web app (`ws.webapp.endpoint()`); any other URL
 * fails as an unreachable host does ("Address unavailable: <url>").
 * - fetch(url, params): method (get|post|put|patch|delete, default get), payload (a string, or an
 *   object sent form-encoded), contentType (default application/x-www-form-urlencoded),
 *   headers, muteHttpExceptions, followRedirects (default true), validateHttpsCertificates,
 *   escaping; any other key is refused by the emulator ("not implemented"), never ignored.
 * - A response code of 400 or more throws unless muteHttpExceptions ("Request failed for <url>
 *   returned code <n>. Truncated server response: … (use muteHttpExceptions option to examine full
 *   response)", as scripts report it).
 * - A 301/302/303 is followed with a GET of its Location (default), as web app POSTs answered
 *   through ContentService need (https://developers.google.com/apps-script/guides/content#redirects:
 *   content is served from a one-time URL at script.googleusercontent.com).
 * - A request that takes longer than 60 s fails with "Timeout: <url>" (the limit is unpublished;
 *   60 s is the figure reported in https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp);
 *   the server may still have done its work.
 * - Quota: 20,000 calls a day (consumer); scope script.external_request (core/scopes.ts).
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { ServiceModule } from '../../core/modules';
import { wallTime } from '../spreadsheet/zoned';
import { makeBlob, toSigned } from '../drive/blob';

export const FETCH_TIMEOUT_MS = 60_000;
const PARAMS = new Set(['method', 'payload', 'contentType', 'headers', 'muteHttpExceptions', 'followRedirects', 'validateHttpsCertificates', 'escaping']);
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const MAX_REDIRECTS = 5;

/** One request as a routed handler receives it. */
export interface NetworkRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  contentType: string | null;
  body: string;
  /** The sender's clock when the request left (ms since the epoch). */
  sentAt: number;
}

export interface NetworkResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
  /** A binary answer (e.g. a file's bytes from the Drive API); `body` is then its UTF-8 reading. */
  bytes?: Uint8Array;
  /** The server's clock when it answered: the sender's clock moves on to it (never back). */
  answeredAt?: number;
}

export type NetworkHandler = (request: NetworkRequest) => NetworkResponse;

export interface UrlFetchModule extends ServiceModule {
  readonly name: 'urlfetch';
  route(prefix: string, handler: NetworkHandler): void;
  /** Every request made, for tests (method, url, status). */
  log(): Array<{ method: string; url: string; status: number | null; at: Date }>;
}

class HTTPResponse {
  constructor(
    readonly _kernel: Kernel,
    readonly _status: number,
    readonly _headers: Record<string, string>,
    readonly _body: string,
    readonly _bytes: Uint8Array,
  ) {}
  /** https://developers.google.com/apps-script/reference/url-fetch/http-response#getContent(): the raw bytes (Java bytes: signed). */
  getContent(): number[] {
    return toSigned(this._bytes);
  }
  /** https://developers.google.com/apps-script/reference/url-fetch/http-response#getBlob(): the bytes, typed by the Content-Type header. */
  getBlob(): unknown {
    const type = Object.entries(this._headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return makeBlob(this._kernel, new Uint8Array(this._bytes), type, null);
  }
  getResponseCode(): number {
    return this._status;
  }
  getContentText(charset?: string): string {
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) throw new NotImplementedInEmulator(`HTTPResponse.getContentText(${charset})`);
    return this._body;
  }
  getHeaders(): Record<string, string> {
    return { ...this._headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this._headers };
  }
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

class UrlFetchModuleImpl implements UrlFetchModule {
  readonly name = 'urlfetch' as const;
  private routes: Array<{ prefix: string; handler: NetworkHandler }> = [];
  private requests: Array<{ method: string; url: string; status: number | null; at: Date }> = [];
  private used: Record<string, number> = {};

  constructor(readonly kernel: Kernel) {}

  route(prefix: string, handler: NetworkHandler): void {
    this.routes = this.routes.filter((r) => r.prefix !== prefix);
    this.routes.push({ prefix, handler });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  log() {
    return this.requests.map((r) => ({ ...r }));
  }

  private count(): void {
    const w = wallTime(this.kernel.now(), this.kernel.timeZone);
    const day = `${w.year}-${w.month}-${w.day}`;
    if ((this.used[day] ?? 0) >= this.kernel.quotas.urlFetchCallsPerDay) throw new AppsScriptException('Service invoked too many times for one day: urlfetch.');
    this.used[day] = (this.used[day] ?? 0) + 1;
  }

  /** Sends one request through the routes, moving this workspace's clock to the answer's time. */
  private send(request: NetworkRequest): NetworkResponse {
    const route = this.routes.find((r) => request.url.startsWith(r.prefix));
    const entry = { method: request.method, url: request.url, status: null as number | null, at: new Date(request.sentAt) };
    this.requests.push(entry);
    if (!route) throw new AppsScriptException(`Address unavailable: ${request.url}`);
    const response = route.handler(request);
    const took = (response.answeredAt ?? request.sentAt) - request.sentAt;
    if (took > FETCH_TIMEOUT_MS) {
      this.kernel.wait(FETCH_TIMEOUT_MS);
      throw new AppsScriptException(`Timeout: ${request.url}`);
    }
    if (took > 0) this.kernel.wait(took);
    entry.status = response.status;
    return response;
  }

  fetch(url: unknown, params: unknown): unknown {
    if (typeof url !== 'string' || (params !== undefined && (typeof params !== 'object' || params === null))) throw signatureMismatch('UrlFetchApp.fetch', [url, params].filter((x) => x !== undefined));
    const p = (params ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(p)) if (!PARAMS.has(key)) throw new NotImplementedInEmulator(`UrlFetchApp.fetch option ${key}`);
    if (!/^https?:\/\//i.test(url)) throw new AppsScriptException(`Invalid argument: ${url}`);
    const method = String(p.method ?? 'get').toLowerCase();
    if (!METHODS.has(method)) throw new AppsScriptException(`Invalid argument: method`);
    let body = '';
    let contentType: string | null = null;
    if (p.payload !== undefined) {
      if (typeof p.payload === 'string') body = p.payload;
      else if (typeof p.payload === 'object' && p.payload !== null && !Array.isArray(p.payload)) body = formEncode(p.payload as Record<string, unknown>);
      else throw new NotImplementedInEmulator('UrlFetchApp.fetch payload other than a string or an object');
      contentType = typeof p.contentType === 'string' ? p.contentType : 'application/x-www-form-urlencoded';
    }
    const headers = Object.fromEntries(Object.entries((p.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    this.count();
    let response = this.send({ method: method.toUpperCase() as NetworkRequest['method'], url, headers, contentType, body, sentAt: this.kernel.clock.nowMs() });
    let current = url;
    for (let hops = 0; p.followRedirects !== false && [301, 302, 303].includes(response.status); hops++) {
      const location = response.headers?.Location ?? response.headers?.location;
      if (!location || hops >= MAX_REDIRECTS) break;
      current = location;
      response = this.send({ method: 'GET', url: location, headers, contentType: null, body: '', sentAt: this.kernel.clock.nowMs() });
    }
    if (response.status >= 400 && p.muteHttpExceptions !== true) {
      throw new AppsScriptException(`Request failed for ${current} returned code ${response.status}. Truncated server response: ${response.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`);
    }
    const bytes = response.bytes ?? new Uint8Array(Buffer.from(response.body, 'utf8'));
    return expose(this.kernel, 'UrlFetchApp', 'HTTPResponse', new HTTPResponse(this.kernel, response.status, { ...(response.headers ?? {}) }, response.bytes ? Buffer.from(response.bytes).toString('utf8') : response.body, bytes));
  }

  globals(): Record<string, unknown> {
    const m = this;
    class UrlFetchApp {
      fetch(url: unknown, params?: unknown): unknown {
        return m.fetch(url, params);
      }
    }
    return { UrlFetchApp: expose(this.kernel, 'UrlFetchApp', 'UrlFetchApp', new UrlFetchApp()) };
  }

  // Routes are functions of the harness: a restored workspace is routed again by its test.
  save(): unknown {
    return { used: this.used };
  }

  restore(state: unknown): void {
    this.used = (state as { used?: Record<string, number> } | null)?.used ?? {};
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new UrlFetchModuleImpl(kernel));
}
