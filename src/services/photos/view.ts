/**
 * Showing a case's photos to those who may see the case, as checked data: URLs (an <img> source,
 * never HTML). The files are the ward account's and shared with nobody, so only an execution
 * running as that account reads them: the web app (a handling body's personal-link page runs
 * there; so does the ticket endpoint below). A staff member in the sidebar runs as themself and
 * cannot read them, so their sidebar call — after its own permission check — asks the web app
 * with a ticket: HMAC-signed by the ward's secret, naming one case, good for a minute.
 *
 * Bytes are read the way the Drive API documents a download: files.get?alt=media with the
 * script's own token (https://developers.google.com/drive/api/guides/manage-downloads;
 * ScriptApp.getOAuthToken: https://developers.google.com/apps-script/reference/script/script-app#getOAuthToken()),
 * over UrlFetchApp (scope script.external_request). What the advanced service's
 * Drive.Files.get(id, {alt: 'media'}) returns is not documented for Apps Script, so it is not used.
 * Every photo is checked again on the way out (domain/photo-check): only a JPEG or PNG leaves.
 */
import { checkPhoto } from '../../domain/photo-check';
import { PHOTO_VIEW } from '../../i18n/photos';
import { lookupSecret } from '../platform/secrets';
import { UserError } from '../platform/errors';
import { webAppUrl } from '../platform/web-app';
import type { Runtime } from '../platform/runtime';

export interface PhotoRecord {
  row: number;
  code: string;
  source: string;
  index: number;
  fileId: string;
  mimeType: string;
  dimensions: string;
  approvedBy: string;
  approvedAt: unknown;
  hidden: boolean;
}

export interface ShownPhoto {
  /** Which photo: its source and index (what an admin's approve/hide names). */
  source: string;
  index: number;
  /** data:image/jpeg;base64,… or data:image/png;base64,… — nothing else. */
  src: string;
  dimensions: string;
  approved: boolean;
  hidden: boolean;
}

/** Every photo row, by case code, in the order they came (one read of the tab). */
export function photoRecordsByCase(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, PhotoRecord[]> {
  const out = new Map<string, PhotoRecord[]>();
  const table = rt.table('photos', ss);
  if (!table.sheetIfAny()) return out;
  for (const r of table.rows()) {
    if (!r.code || !r.fileId) continue;
    const record: PhotoRecord = {
      row: r.row,
      code: String(r.code),
      source: String(r.source),
      index: Number(r.index),
      fileId: String(r.fileId),
      mimeType: String(r.mimeType),
      dimensions: String(r.dimensions ?? ''),
      approvedBy: String(r.approvedBy ?? ''),
      approvedAt: r.approvedAt,
      hidden: r.hidden === true,
    };
    out.set(record.code, [...(out.get(record.code) ?? []), record]);
  }
  return out;
}

/** The photo rows of case `code`, in the order they came (one read of the tab). */
export function photoRecords(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, code: string): PhotoRecord[] {
  return photoRecordsByCase(rt, ss).get(code) ?? [];
}

/** How many photos each case has that are not hidden (one read of the tab): what a page offers to load. */
export function shownPhotoCounts(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, number> {
  const counts = new Map<string, number>();
  const table = rt.table('photos', ss);
  if (!table.sheetIfAny()) return counts;
  for (const r of table.rows(['code', 'fileId', 'hidden'])) {
    if (r.fileId && r.hidden !== true) counts.set(String(r.code), (counts.get(String(r.code)) ?? 0) + 1);
  }
  return counts;
}

/**
 * A photo's bytes as a data: URL, read as the account this execution runs as; null when Drive
 * does not give them (gone, not this account's) or they are not a JPEG or PNG any more.
 */
export function photoDataUrl(fileId: string): string | null {
  const response = UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${encodeURIComponent(fileId)}?alt=media`, {
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
  if (response.getResponseCode() !== 200) return null;
  const bytes = response.getContent();
  const checked = checkPhoto(Uint8Array.from(bytes, (b) => b & 0xff));
  if (!checked.ok || checked.removed.length > 0) return null;
  return `data:${checked.mimeType};base64,${Utilities.base64Encode(bytes)}`;
}

/** The photos of `records` readable by this execution, as shown photos. */
export function shownPhotos(records: PhotoRecord[]): ShownPhoto[] {
  const out: ShownPhoto[] = [];
  for (const r of records) {
    const src = photoDataUrl(r.fileId);
    if (src) out.push({ source: r.source, index: r.index, src, dimensions: r.dimensions, approved: r.approvedBy !== '', hidden: r.hidden });
  }
  return out;
}

// ---- tickets: the sidebar asks the web app ----------------------------------------------------

const TICKET_MS = 60_000;

const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

function ticketMac(rt: Runtime, payload: string): string {
  return hex(Utilities.computeHmacSha256Signature(`photos:${payload}`, `${lookupSecret(rt.store)}#photo-ticket`));
}

/** A ticket for case `code`'s photos of `scope`, good for a minute. */
export type TicketScope = 'all' | 'shown' | 'approved';

/** Which photos a scope names: every one (admins), those not hidden (staff, bodies), those approved for the public and not hidden. */
export function inScope(r: PhotoRecord, scope: TicketScope): boolean {
  return scope === 'all' || (!r.hidden && (scope === 'shown' || r.approvedBy !== ''));
}

export function photoTicket(rt: Runtime, code: string, scope: TicketScope, now: Date = new Date()): string {
  const payload = `${code}|${scope}|${now.getTime() + TICKET_MS}`;
  return `${payload}|${ticketMac(rt, payload)}`;
}

/** The case and scope a ticket names, or null for a forged, altered or expired one. */
export function readTicket(rt: Runtime, ticket: string, now: Date = new Date()): { code: string; scope: TicketScope } | null {
  const m = /^([A-Z0-9-]{1,40})\|(all|shown|approved)\|(\d{13})\|([0-9a-f]{64})$/.exec(ticket);
  if (!m) return null;
  const expected = ticketMac(rt, `${m[1]}|${m[2]}|${m[3]}`);
  let diff = 0;
  for (let i = 0; i < 64; i++) diff |= expected.charCodeAt(i) ^ m[4].charCodeAt(i);
  if (diff !== 0 || Number(m[3]) < now.getTime() || Number(m[3]) > now.getTime() + TICKET_MS) return null;
  return { code: m[1], scope: m[2] as TicketScope };
}

/** The web app's answer to a ticket (runs as the ward's account): the photos it names, as JSON. */
export function photosForTicket(rt: Runtime, ticket: string): { photos: ShownPhoto[] } | { error: string } {
  const named = readTicket(rt, ticket);
  if (!named) return { error: 'ticket' };
  const records = photoRecords(rt, SpreadsheetApp.getActive(), named.code).filter((r) => inScope(r, named.scope));
  return { photos: shownPhotos(records) };
}

/**
 * For a staff member in the sidebar (already allowed to see the case): the case's photos through
 * the web app, which runs as the ward's account. Asks only when the case has photos.
 */
export function photosThroughWebApp(rt: Runtime, records: PhotoRecord[], code: string, scope: TicketScope): ShownPhoto[] {
  if (!records.some((r) => inScope(r, scope))) return [];
  const url = webAppUrl();
  if (!url) throw new UserError(PHOTO_VIEW.noWebApp);
  const response = UrlFetchApp.fetch(`${url}?photos=${encodeURIComponent(photoTicket(rt, code, scope))}`, { muteHttpExceptions: true });
  let answer: { photos?: ShownPhoto[] };
  try {
    answer = JSON.parse(response.getContentText()) as { photos?: ShownPhoto[] };
  } catch {
    answer = {};
  }
  if (response.getResponseCode() !== 200 || !Array.isArray(answer.photos)) throw new UserError(PHOTO_VIEW.unavailable);
  // What comes back is checked again: data: URLs of JPEG or PNG only.
  return answer.photos.filter((p) => typeof p.src === 'string' && /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/.test(p.src));
}
