/**
 * The photos of one case, for whoever may see the case: staff in the sidebar (through the web
 * app, which alone runs as the account that owns the files), a handling body's member through
 * their personal link (the web app itself), and an admin's review. Every answer is data: URLs of
 * checked JPEG or PNG bytes — never HTML — and nothing at all for anyone else.
 */
import { can, canSee } from '../../domain/permissions';
import { text, integer } from '../../domain/input';
import { CASES, PORTAL } from '../../i18n/vi';
import { linkActor, staffCall } from '../../services/access/caller';
import { portalHolder } from '../../services/access/portal-links';
import { readCaseAnywhere } from '../../services/cases/store';
import { DeniedError, UserError } from '../../services/platform/errors';
import { loadRuntime } from '../../services/platform/runtime';
import { reviewPhoto, type PhotoReview } from '../../services/photos/review';
import { photoRecords, photosForTicket, photosThroughWebApp, shownPhotos, type ShownPhoto } from '../../services/photos/view';
import { rpc } from './rpc';

const CODE_MAX = 40;

export interface CasePhotos {
  code: string;
  photos: ShownPhoto[];
  /** An admin: may approve or hide each photo (and sees hidden ones, marked). */
  canReview: boolean;
}

/** Sidebar: a case's photos, for staff who may see the case. */
export function casePhotos(code: unknown): CasePhotos {
  return rpc('photos', () => {
    const { rt, actor } = staffCall('viewCase');
    const ss = SpreadsheetApp.getActive();
    const at = readCaseAnywhere(ss, rt, text(code, CODE_MAX));
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    const canReview = can(actor, 'reviewPhotos');
    const records = photoRecords(rt, ss, at.record.code);
    return { code: at.record.code, photos: photosThroughWebApp(rt, records, at.record.code, canReview ? 'all' : 'shown'), canReview };
  });
}

/** Sidebar (admins): approve a photo for public use, hide it, or show it again; audited. */
export function reviewCasePhoto(code: unknown, source: unknown, index: unknown, review: unknown): { message: string } {
  return rpc('photos', () => {
    const { rt, actor } = staffCall('reviewPhotos', false);
    const kind: PhotoReview | null = review === 'approve' || review === 'hide' || review === 'show' ? review : null;
    const n = integer(index);
    if (!kind || n === null) throw new UserError(CASES.notFound);
    const at = readCaseAnywhere(SpreadsheetApp.getActive(), rt, text(code, CODE_MAX));
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    return { message: reviewPhoto(rt, actor, at.record.code, text(source, 300), n, kind) };
  });
}

/** Web app: a case's photos for the holder of a personal link whose body handles it (hidden photos never). */
export function portalPhotos(token: unknown, code: unknown): CasePhotos {
  return rpc('public', () => {
    const rt = loadRuntime();
    const actor = linkActor(portalHolder(rt, text(token, 200), new Date()));
    if (!can(actor, 'viewCase')) throw new DeniedError(PORTAL.invalid);
    const ss = SpreadsheetApp.getActive();
    const at = readCaseAnywhere(ss, rt, text(code, CODE_MAX));
    if (!at || !canSee(actor, at.record)) throw new DeniedError(PORTAL.invalid);
    const records = photoRecords(rt, ss, at.record.code).filter((r) => !r.hidden);
    return { code: at.record.code, photos: shownPhotos(records), canReview: false };
  });
}

/** Web app (doGet ?photos=<ticket>): the photos a sidebar's ticket names, as JSON; nothing for a bad ticket. */
export function servePhotoTicket(ticket: string): GoogleAppsScript.Content.TextOutput {
  const answer = rpc('photos', () => photosForTicket(loadRuntime(), ticket));
  return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(ContentService.MimeType.JSON);
}
