/**
 * Residents' photos, private by default: each accepted photo (domain/photo-check: a JPEG or PNG
 * by its bytes, metadata stripped) becomes a file in a Drive folder the ward owns — never shared —
 * through the advanced Drive service under drive.file, and a row of the hidden tab "Ảnh" (admins
 * only) that says whose case it belongs to and whether an admin approved it for public use.
 *
 * Idempotent by (code, source, index): a retried submission or a redelivered e-mail stores
 * nothing twice, even after a failure midway. Each Drive file carries its key in appProperties,
 * so a retry after files were made but before their rows were written finds them (one
 * Files.list) instead of making them again; the rows of one call are written in one batch. All of
 * it runs under the document lock (taken here unless the caller holds it), so two deliveries of
 * the same submission cannot both make a file.
 */
import { base64WithinLimit, checkPhoto, isBase64, MAX_PHOTOS, type CheckedPhoto, type PhotoRefusal } from '../../domain/photo-check';
import { CASES } from '../../i18n/vi';
import { PHOTO_REFUSALS, PHOTOS } from '../../i18n/photos';
import { BusyError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { PROPERTY_NAMES } from '../platform/document-store';
import type { Runtime } from '../platform/runtime';

export interface IncomingPhoto {
  name: string;
  mimeType: string;
  base64: string;
}

export interface AttachResult {
  /** Photos stored by this call (0 when a retry finds them all stored already). */
  stored: number;
  /** Photos refused, with the Vietnamese reason to show the resident or note on the case. */
  refused: { name: string; reason: string }[];
}

const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** appProperties keys (private to this app): the folder's mark, a photo's case and its key. */
const FOLDER_MARK = 'htsFolder';
const CASE_KEY = 'htsCase';
const PHOTO_KEY = 'htsPhoto';

interface Accepted {
  index: number;
  photo: CheckedPhoto;
}

export function attachPhotos(rt: Runtime, code: string, source: string, photos: IncomingPhoto[]): AttachResult {
  const refused: AttachResult['refused'] = [];
  const accepted: Accepted[] = [];
  photos.forEach((p, index) => {
    const reason = index >= MAX_PHOTOS ? 'tooMany' : checked(p, (photo) => accepted.push({ index, photo }));
    if (reason) refused.push({ name: String(p?.name ?? ''), reason: PHOTO_REFUSALS[reason] });
  });
  if (accepted.length === 0) return { stored: 0, refused };
  const store = () => storeAccepted(rt, code, source, accepted);
  const stored = LockService.getDocumentLock().hasLock() ? store() : withDocumentLock(LOCK_WAIT_MS.intake, () => new BusyError(CASES.busy), store);
  return { stored, refused };
}

/** The photo's refusal, or null once `keep` has it. Base64 is judged by its length before it is decoded. */
function checked(p: IncomingPhoto, keep: (photo: CheckedPhoto) => void): PhotoRefusal | null {
  const base64 = typeof p?.base64 === 'string' ? p.base64 : '';
  if (base64 === '') return 'empty';
  if (!base64WithinLimit(base64)) return 'tooLarge';
  if (!isBase64(base64)) return 'notImage';
  const bytes = Utilities.base64Decode(base64.replace(/\s/g, ''));
  const result = checkPhoto(Uint8Array.from(bytes, (b) => b & 0xff));
  if (!result.ok) return result.reason;
  keep(result);
  return null;
}

function storeAccepted(rt: Runtime, code: string, source: string, accepted: Accepted[]): number {
  const ss = SpreadsheetApp.getActive();
  const table = rt.table('photos', ss);
  const recorded = new Set(
    table
      .rows(['code', 'source', 'index'])
      .filter((r) => r.code === code && r.source === source)
      .map((r) => Number(r.index)),
  );
  const todo = accepted.filter((a) => !recorded.has(a.index));
  if (todo.length === 0) return 0;
  const folderId = photoFolder(rt, ss);
  const tag = sourceTag(source);
  const keyOf = (index: number) => `${code}|${index}|${tag}`;
  const made = new Map<string, string>();
  const listed = drive().Files.list({ q: `'${quoted(folderId)}' in parents and appProperties has { key='${CASE_KEY}' and value='${quoted(code)}' } and trashed = false` });
  for (const f of listed.files ?? []) {
    const key = f.appProperties?.[PHOTO_KEY];
    if (key && f.id) made.set(key, f.id);
  }
  const now = new Date();
  const rows = todo.map(({ index, photo }) => {
    let fileId = made.get(keyOf(index));
    if (!fileId) {
      const name = PHOTOS.fileName(code, index, photo.kind === 'png' ? 'png' : 'jpg');
      const blob = Utilities.newBlob(Array.from(photo.bytes), photo.mimeType, name);
      const file = drive().Files.create({ name, mimeType: photo.mimeType, parents: [folderId], appProperties: { [CASE_KEY]: code, [PHOTO_KEY]: keyOf(index) } }, blob);
      fileId = file.id!;
    }
    return { code, source, index, fileId, mimeType: photo.mimeType, size: photo.bytes.length, dimensions: `${photo.width}×${photo.height}`, addedAt: now, approvedBy: '', approvedAt: '', hidden: false };
  });
  table.append(rows, 'batch');
  return rows.length;
}

/**
 * The ward's private photo folder: its id from the document properties, else the folder this app
 * marked for this spreadsheet (a run that failed after making it, before storing its id), else a
 * new one. Never shared: nothing here touches its permissions.
 */
export function photoFolder(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const known = rt.store.get(PROPERTY_NAMES.photoFolder);
  if (known) return known;
  const mark = ss.getId();
  const found = drive().Files.list({ q: `mimeType = '${FOLDER_MIME}' and appProperties has { key='${FOLDER_MARK}' and value='${quoted(mark)}' } and trashed = false` }).files ?? [];
  const id = found.length > 0 ? found[0].id! : drive().Files.create({ name: PHOTOS.folderName, mimeType: FOLDER_MIME, appProperties: { [FOLDER_MARK]: mark } }).id!;
  rt.store.set(PROPERTY_NAMES.photoFolder, id);
  return id;
}

/** The advanced Drive service, enabled in the manifest (appsscript.json). */
function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('The advanced Drive service (v3) is not enabled in appsscript.json.');
  return Drive;
}

/** A short, fixed-length tag of the source (an e-mail's message id can be long; appProperties hold 124 bytes). */
function sourceTag(source: string): string {
  const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, source, Utilities.Charset.UTF_8);
  return digest
    .slice(0, 8)
    .map((b) => (b & 0xff).toString(16).padStart(2, '0'))
    .join('');
}

/** A Drive query string literal's content: ' and \ escaped. */
function quoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
