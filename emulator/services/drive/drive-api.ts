/**
 * The advanced Drive service, v3 (the Drive REST API as Apps Script exposes it under the
 * manifest's userSymbol, "Drive"): https://developers.google.com/apps-script/advanced/drive.
 * Only what the project needs, over the workspace's file registry:
 * - Files.create(resource, mediaData?): a file (bytes from a Blob) or a folder, with `name`,
 *   `mimeType`, `parents` (one folder) and `appProperties` ("arbitrary key-value pairs which are
 *   private to the requesting app", https://developers.google.com/drive/api/reference/rest/v3/files);
 *   the advanced service takes the media upload as a Blob argument
 *   (https://developers.google.com/apps-script/guides/services/advanced#how_method_signatures_are_determined);
 * - Files.get(fileId): the file's metadata. `{ alt: 'media' }` is not modelled: the Apps Script
 *   guide documents media *upload* as a Blob argument but says nothing of what a media download
 *   returns, so the project reads bytes the documented REST way (files.get?alt=media over
 *   UrlFetchApp with the script's token, https://developers.google.com/drive/api/guides/manage-downloads),
 *   which `driveDownloadRoute` answers;
 * - Files.list({ q }): the clauses `'<id>' in parents`, `trashed = false|true`,
 *   `mimeType = '<type>'`, `name = '<name>'` and `appProperties has { key='<k>' and value='<v>' }`,
 *   joined by `and` (https://developers.google.com/drive/api/guides/ref-search-terms). Trashed
 *   files are listed unless the query says `trashed = false`.
 * Who sees a file: its owner only (sharing is not modelled), and under drive.file alone only the
 * files this script created through the Drive API ("files that you have opened or created with
 * this app", https://developers.google.com/drive/api/guides/api-specific-auth); the full drive
 * or drive.readonly scope sees every file the user owns. Anything else a script can see through
 * the API reads as "File not found", as the API answers for a file the caller may not see.
 * Every other method, argument or query term throws "not implemented in the emulator".
 */
import { AppsScriptException, NotImplementedInEmulator } from '../../core/errors';
import { expose, unwrap } from '../../core/facade';
import { GOOGLE_MIME, type DriveFileRecord } from '../../core/files';
import type { Kernel } from '../../core/kernel';
import { Blob } from './blob';
import type { NetworkHandler, NetworkResponse } from '../urlfetch';

const G = 'https://www.googleapis.com/auth/';
/** Scopes under which a script sees every file its user owns, not only its own. */
const WIDE = [`${G}drive`, `${G}drive.readonly`];

type Resource = Record<string, unknown>;

function failed(method: string, message: string): AppsScriptException {
  return new AppsScriptException(`API call to drive.files.${method} failed with error: ${message}`);
}

/** The File resource as the API returns it (the fields this project reads). */
function resourceOf(f: DriveFileRecord): Resource {
  const out: Resource = {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    trashed: f.trashed,
    createdTime: f.createdAt.toISOString(),
    modifiedTime: f.updatedAt.toISOString(),
  };
  if (f.appProperties) out.appProperties = { ...f.appProperties };
  if (f.contentBase64 !== undefined) out.size = String(Buffer.from(f.contentBase64, 'base64').length);
  return out;
}

/** A query string literal: 'text' with \' and \\ escapes. */
function literal(s: string): string | null {
  const m = /^'((?:[^'\\]|\\.)*)'$/.exec(s.trim());
  return m ? m[1].replace(/\\(.)/g, '$1') : null;
}

type Clause = (f: DriveFileRecord) => boolean;

/** One term of a q string, as a predicate; null when the emulator does not model it. */
function clause(term: string): Clause | null {
  const t = term.trim();
  let m = /^('(?:[^'\\]|\\.)*')\s+in\s+parents$/.exec(t);
  if (m) {
    const id = literal(m[1]);
    return id === null ? null : (f) => f.parents.includes(id);
  }
  m = /^trashed\s*=\s*(true|false)$/.exec(t);
  if (m) {
    const want = m[1] === 'true';
    return (f) => f.trashed === want;
  }
  m = /^(mimeType|name)\s*=\s*('(?:[^'\\]|\\.)*')$/.exec(t);
  if (m) {
    const field = m[1] as 'mimeType' | 'name';
    const value = literal(m[2]);
    return value === null ? null : (f) => f[field] === value;
  }
  m = /^appProperties\s+has\s+\{\s*key\s*=\s*('(?:[^'\\]|\\.)*')\s+and\s+value\s*=\s*('(?:[^'\\]|\\.)*')\s*\}$/.exec(t);
  if (m) {
    const key = literal(m[1]);
    const value = literal(m[2]);
    return key === null || value === null ? null : (f) => f.appProperties?.[key] === value;
  }
  return null;
}

/** Splits a q string on ` and ` outside quotes and braces. */
function terms(q: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (quoted) {
      if (c === '\\') i += 1;
      else if (c === "'") quoted = false;
      continue;
    }
    if (c === "'") quoted = true;
    else if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (depth === 0 && q.slice(i, i + 5).toLowerCase() === ' and ') {
      out.push(q.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  out.push(q.slice(start));
  return out;
}

/** Whether `user`, through a script holding `scopes` (null: no manifest list), may see the file through the API. */
function visibleTo(f: DriveFileRecord, user: string, scopes: readonly string[] | null): boolean {
  if (f.owner !== user) return false;
  if (!scopes || WIDE.some((s) => scopes.includes(s))) return true;
  return f.createdByApp === true;
}

/** The Drive API's reading scopes (files.get's "Authorization scopes"). */
const READ_SCOPES = ['drive', 'drive.appdata', 'drive.file', 'drive.meet.readonly', 'drive.metadata', 'drive.metadata.readonly', 'drive.photos.readonly', 'drive.readonly'].map((s) => `${G}${s}`);

export const DRIVE_FILES_URL = 'https://www.googleapis.com/drive/v3/files/';

function apiError(status: number, message: string, reason: string): NetworkResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body: JSON.stringify({ error: { code: status, message, errors: [{ message, domain: 'global', reason }] } }) };
}

/**
 * The Drive REST API's download, as UrlFetchApp reaches it: GET
 * https://www.googleapis.com/drive/v3/files/<id>?alt=media with "Authorization: Bearer <token>"
 * (https://developers.google.com/drive/api/guides/manage-downloads#download-content), the token
 * from ScriptApp.getOAuthToken() standing for its user and the script's scopes. Answers the bytes
 * with the file's type; 401 without a valid token, 403 without a Drive reading scope or for a
 * Google Docs file (those are exported, not downloaded), 404 for a file the token's user may not
 * see through this app. Anything else on this URL is not modelled.
 */
export function driveDownloadRoute(kernel: Kernel): NetworkHandler {
  return (request) => {
    const url = new URL(request.url);
    const id = decodeURIComponent(url.pathname.replace('/drive/v3/files/', ''));
    if (request.method !== 'GET' || url.searchParams.get('alt') !== 'media' || id.includes('/')) throw new NotImplementedInEmulator(`the Drive API request ${request.method} ${request.url}`);
    const auth = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    const token = /^Bearer (.+)$/.exec(auth)?.[1];
    const info = token ? kernel.module('script').tokenInfo(token) : null;
    if (!info) return apiError(401, 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'required');
    if (info.scopes && !READ_SCOPES.some((s) => info.scopes!.includes(s))) return apiError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
    const f = kernel.files.get(id);
    if (!f || !visibleTo(f, info.user, info.scopes)) return apiError(404, `File not found: ${id}.`, 'notFound');
    if (f.contentBase64 === undefined) return apiError(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable');
    const bytes = new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
    return { status: 200, headers: { 'Content-Type': f.mimeType }, body: '', bytes };
  };
}

class Files {
  constructor(readonly _kernel: Kernel) {}

  /** Whether the calling script, as its user, may see the file through the API. */
  private _visible(f: DriveFileRecord): boolean {
    return visibleTo(f, this._kernel.current().user, this._kernel.script?.manifest.oauthScopes ?? null);
  }

  private _find(fileId: unknown, method: string): DriveFileRecord {
    const f = typeof fileId === 'string' ? this._kernel.files.get(fileId) : undefined;
    if (!f || !this._visible(f)) throw failed(method, `File not found: ${String(fileId)}.`);
    return f;
  }

  create(resource?: unknown, mediaData?: unknown, optionalArgs?: unknown): unknown {
    if (optionalArgs !== undefined) throw new NotImplementedInEmulator('Drive.Files.create with optional arguments');
    const r = (resource ?? {}) as Resource;
    for (const key of Object.keys(r)) {
      if (!['name', 'mimeType', 'parents', 'appProperties', 'description'].includes(key)) throw new NotImplementedInEmulator(`Drive.Files.create with the field ${key}`);
    }
    const parents = r.parents === undefined ? [] : r.parents;
    if (!Array.isArray(parents) || parents.length > 1 || !parents.every((p) => typeof p === 'string')) {
      throw failed('create', 'Increasing the number of parents is not allowed.');
    }
    for (const p of parents as string[]) {
      const parent = this._find(p, 'create');
      if (parent.mimeType !== GOOGLE_MIME.FOLDER) throw failed('create', 'The specified parent is not a folder.');
    }
    const appProperties = r.appProperties === undefined ? undefined : (r.appProperties as Record<string, unknown>);
    if (appProperties !== undefined) {
      if (typeof appProperties !== 'object' || appProperties === null) throw failed('create', 'Invalid value for appProperties.');
      for (const [k, v] of Object.entries(appProperties)) {
        // "Maximum of 124 bytes size per property (including both key and value)" (https://developers.google.com/drive/api/guides/properties).
        if (typeof v !== 'string' || Buffer.byteLength(k + v, 'utf8') > 124) throw failed('create', `The property ${k} is too large or not a string.`);
      }
    }
    const blob = mediaData === undefined ? undefined : unwrap(mediaData);
    if (blob !== undefined && !(blob instanceof Blob)) throw new AppsScriptException('The mediaData parameter only supports Blob types for upload.');
    const mimeType = typeof r.mimeType === 'string' ? r.mimeType : blob ? (blob._contentType ?? 'application/octet-stream') : 'application/octet-stream';
    if (mimeType === GOOGLE_MIME.FOLDER && blob) throw failed('create', 'A folder cannot have content.');
    if (mimeType.startsWith('application/vnd.google-apps.') && mimeType !== GOOGLE_MIME.FOLDER) throw new NotImplementedInEmulator(`Drive.Files.create of ${mimeType}`);
    const name = typeof r.name === 'string' && r.name !== '' ? r.name : (blob?._name ?? 'Untitled');
    const record = this._kernel.files.add({
      name,
      mimeType,
      parents: [...(parents as string[])],
      description: typeof r.description === 'string' ? r.description : '',
      createdByApp: true,
      ...(appProperties ? { appProperties: { ...(appProperties as Record<string, string>) } } : {}),
      ...(mimeType === GOOGLE_MIME.FOLDER ? {} : { contentBase64: Buffer.from(blob ? blob._bytes : new Uint8Array()).toString('base64') }),
    });
    return resourceOf(record);
  }

  get(fileId: unknown, optionalArgs?: unknown): unknown {
    const args = (optionalArgs ?? {}) as Resource;
    if ('alt' in args) throw new NotImplementedInEmulator("Drive.Files.get with alt: what a media download returns through the advanced service is not documented (read the bytes with files.get?alt=media over UrlFetchApp)");
    if (Object.keys(args).some((k) => k !== 'fields')) throw new NotImplementedInEmulator(`Drive.Files.get with ${Object.keys(args).join(', ')}`);
    return resourceOf(this._find(fileId, 'get'));
  }

  list(optionalArgs?: unknown): unknown {
    const args = (optionalArgs ?? {}) as Resource;
    if (Object.keys(args).some((k) => !['q', 'fields', 'pageSize'].includes(k))) throw new NotImplementedInEmulator(`Drive.Files.list with ${Object.keys(args).join(', ')}`);
    const q = typeof args.q === 'string' ? args.q : '';
    const clauses: Clause[] = [];
    if (q.trim() !== '') {
      for (const term of terms(q)) {
        const c = clause(term);
        if (!c) throw new NotImplementedInEmulator(`Drive.Files.list with the query term ${term.trim()}`);
        clauses.push(c);
      }
    }
    const pageSize = args.pageSize === undefined ? 100 : Number(args.pageSize);
    const found = this._kernel.files.list().filter((f) => this._visible(f) && clauses.every((c) => c(f)));
    // "pageSize … If unspecified, at most 100 files will be returned" (files.list reference): more would need nextPageToken.
    if (found.length > pageSize) throw new NotImplementedInEmulator('Drive.Files.list with more results than one page (nextPageToken)');
    return { kind: 'drive#fileList', incompleteSearch: false, files: found.map(resourceOf) };
  }
}

/** The global "Drive" (its Files collection). */
export function driveApi(kernel: Kernel): unknown {
  return expose(kernel, 'Drive', 'Drive', { Files: expose(kernel, 'Drive', 'Files', new Files(kernel)) });
}
