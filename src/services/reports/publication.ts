/**
 * The monthly publication Doc: cases answered or closed in the month, what staff approved for the
 * public, scrubbed, small counts folded (domain/publication). One read of the cases tab, and one of
 * the submitters' names (only to hide them) when a text is shown.
 */
import { AUDIT_ACTION } from '../../domain/vocabulary';
import { vietnamDayOf, toYmd } from '../../domain/calendar/civil-date';
import { can, type Actor } from '../../domain/permissions';
import { buildPublication } from '../../domain/publication';
import { publicationDocument } from '../../domain/report/publication-document';
import { REPORTS } from '../../i18n/vi';
import { PERIOD, PUBLICATION_DOC } from '../../i18n/reports';
import { refusal } from '../access/caller';
import { readCaseColumnsOfMonth } from '../cases/with-archive';
import { readSubmitterNames } from '../cases/submitter-names';
import { appendAudit } from '../platform/audit';
import { PROPERTY_NAMES } from '../platform/document-store';
import { UserError } from '../platform/errors';
import type { Runtime } from '../platform/runtime';
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';
import type { ImageBlock } from '../../domain/report/blocks';
import { PHOTO_VIEW } from '../../i18n/photos';
import { inScope, photoRecordsByCase, photosThroughWebApp } from '../photos/view';

/** Widest a photo is printed: the A4 page's text width (points). */
const PHOTO_WIDTH_PT = 440;

/**
 * The photos an admin approved for public use (and did not hide) of the cases listed, as image
 * blocks; one read of the photos tab, one request to the web app per case that has any (the
 * files are the ward account's: services/photos/view).
 */
function approvedPhotos(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, codes: string[]): Array<{ code: string; images: ImageBlock[] }> {
  if (codes.length === 0) return [];
  const byCase = photoRecordsByCase(rt, ss);
  const out: Array<{ code: string; images: ImageBlock[] }> = [];
  for (const code of codes) {
    const records = byCase.get(code) ?? [];
    if (!records.some((r) => inScope(r, 'approved'))) continue;
    const images = photosThroughWebApp(rt, records, code, 'approved').map((photo, i): ImageBlock => {
      const [, mimeType, base64] = /^data:(image\/(?:jpeg|png));base64,(.+)$/.exec(photo.src)!;
      const [w, h] = photo.dimensions.split('×').map(Number);
      const width = Math.min(w || PHOTO_WIDTH_PT, PHOTO_WIDTH_PT);
      return { type: 'image', base64, mimeType: mimeType as ImageBlock['mimeType'], name: `${code}-anh-${i + 1}`, width, height: Math.round(((h || w) * width) / (w || 1)), title: PHOTO_VIEW.alt(code, i + 1) };
    });
    if (images.length) out.push({ code, images });
  }
  return out;
}

export function createPublication(rt: Runtime, actor: Actor, request: { year?: number; month?: number }): WrittenDoc {
  if (!can(actor, 'makeReports')) throw refusal(actor, 'makeReports');
  const year = Number(request?.year);
  const month = Number(request?.month);
  if (!Number.isInteger(year) || year < 2020 || year > 2100 || !Number.isInteger(month) || month < 1 || month > 12) throw new UserError(REPORTS.badIndex);
  const today = vietnamDayOf(new Date());
  const now = toYmd(today);
  if (year > now.year || (year === now.year && month > now.month)) throw new UserError(REPORTS.future(PERIOD.month(month, year)));
  const ss = SpreadsheetApp.getActive();
  const cases = readCaseColumnsOfMonth(ss, rt, ['code', 'receivedAt', 'group', 'category', 'status', 'outcome', 'answerSentAt', 'closedAt', 'answerPublic', 'publicSummary', 'answer', 'approvedBy', 'confidential', 'hiddenFromPublic'], year, month).filter((c) => c.code && c.receivedAt instanceof Date);
  const pub = buildPublication(cases, { year, month }, { groups: rt.settings.groups, names: () => readSubmitterNames(ss, rt) });
  const key = `${PROPERTY_NAMES.reportMade}pub-${year}-${month}`;
  const version = Number(rt.store.get(key) ?? 0) + 1;
  const doc = writeDocument(publicationDocument(pub, rt.settings.committeeName, today, version, approvedPhotos(rt, ss, pub.rows.map((r) => r.code))));
  rt.store.set(key, String(version));
  appendAudit(ss, rt, { user: actor.email, action: AUDIT_ACTION.publication, code: '', field: '', before: '', after: '', detail: PUBLICATION_DOC.made(pub.label, pub.rows.length, doc.url) });
  return doc;
}
