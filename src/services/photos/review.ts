/**
 * An admin's decision on one photo: approve it for public use (who and when are recorded), hide
 * it (then nobody but admins sees it, not even the handling body), or show it again. Each is one
 * row update and one audit row, under the document lock. Nothing public shows a photo today: an
 * approval makes it eligible, it publishes nothing by itself (README, Photos).
 */
import type { Actor } from '../../domain/permissions';
import { CASES } from '../../i18n/vi';
import { PHOTO_VIEW } from '../../i18n/photos';
import { appendAudit } from '../platform/audit';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import type { Runtime } from '../platform/runtime';
import { photoRecords } from './view';

export type PhotoReview = 'approve' | 'hide' | 'show';

export function reviewPhoto(rt: Runtime, actor: Actor, code: string, source: string, index: number, review: PhotoReview): string {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(LOCK_WAIT_MS.staffAction, () => new BusyError(CASES.busy), () => {
    const photo = photoRecords(rt, ss, code).find((r) => r.source === source && r.index === index);
    if (!photo) throw new UserError(PHOTO_VIEW.notFound);
    // Asked again (a retry after an error the admin saw): already so, nothing written twice.
    if (review === 'approve' ? photo.approvedBy !== '' : photo.hidden === (review === 'hide')) return PHOTO_VIEW.reviewed[review];
    // Both tabs found before the first write, so no read can fail between the two writes (one
    // batch); the audit row first: a change is never in force without its row.
    const audit = rt.table('audit', ss);
    const photos = rt.table('photos', ss);
    audit.sheet();
    photos.sheet();
    const now = new Date();
    appendAudit(ss, rt, { user: actor.email, action: PHOTO_VIEW.audit[review], code, field: review === 'approve' ? 'Duyệt công khai bởi' : 'Ẩn', before: review === 'approve' ? photo.approvedBy : String(photo.hidden), after: review === 'approve' ? actor.email : String(review === 'hide'), detail: `${source} #${index + 1}` }, audit);
    photos.update(photo.row, review === 'approve' ? { approvedBy: actor.email, approvedAt: now } : { hidden: review === 'hide' });
    return PHOTO_VIEW.reviewed[review];
  });
}
