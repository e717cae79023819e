/**
 * "In mã QR": the posters Doc, one page per residential group. Each group's link preselects the
 * group in the form (Forms' own prefilled URL, made once and varied per group: 4 Forms calls for
 * 40 groups), and the results board's link is the web app's (issue 10).
 */
import { can } from '../../domain/permissions';
import { posterDocument, type PosterGroup } from '../../domain/posters';
import { FORM, REPORTS } from '../../i18n/vi';
import { actorOf } from '../cases/actions';
import { appendAudit } from '../platform/audit';
import { DeniedError, NotSetUpError } from '../platform/errors';
import { loadRuntime } from '../platform/runtime';
import { webAppUrl } from '../public/keys';
import { writeDocument, type WrittenDoc } from '../reports/doc-writer';

/** Every group's form link with that group preselected. */
export function groupFormLinks(formId: string, groups: string[]): Array<{ group: string; url: string }> {
  if (groups.length === 0) return [];
  const form = FormApp.openById(formId);
  const item = form.getItems(FormApp.ItemType.LIST).find((i) => i.getTitle() === FORM.group);
  if (!item) throw new NotSetUpError();
  const sample = form.createResponse().withItemResponse(item.asListItem().createResponse(groups[0])).toPrefilledUrl();
  const encoded = (g: string) => encodeURIComponent(g).replace(/%20/g, '+');
  const marker = `=${encoded(groups[0])}`;
  const at = sample.lastIndexOf(marker);
  return groups.map((group) => ({ group, url: `${sample.slice(0, at)}=${encoded(group)}${sample.slice(at + marker.length)}` }));
}

export function createPosters(user: string): WrittenDoc {
  const rt = loadRuntime();
  const actor = actorOf(rt, user);
  if (!can(actor, 'makeDocuments')) throw new DeniedError(REPORTS.notAllowed);
  if (!rt.schema.formId) throw new NotSetUpError();
  const board = webAppUrl();
  const groups: PosterGroup[] = groupFormLinks(rt.schema.formId, rt.settings.groups).map(({ group, url }) => ({
    group,
    formUrl: url,
    boardUrl: board ? `${board}?group=${encodeURIComponent(group)}` : '',
  }));
  const doc = writeDocument(posterDocument(groups, rt.settings.committeeName, rt.settings.deadlineDays.normal));
  appendAudit(SpreadsheetApp.getActive(), rt, { user: actor.email, action: 'In mã QR', code: '', field: '', before: '', after: '', detail: `${groups.length} tổ dân phố — ${doc.url}` });
  return doc;
}
