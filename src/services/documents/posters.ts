/**
 * "In mã QR" and "In tem dán": the posters Doc (one page per place) and the sticker sheet. Each
 * link is Forms' own prefilled URL, made once and varied per place (a handful of Forms calls for
 * any number of groups); the results board's link is the web app's. Links are made
 * from the current groups list at every printing, so a renamed or added group gets its own.
 */
import { AUDIT_ACTION } from '../../domain/vocabulary';
import { POSTER_DOC } from '../../i18n/documents';
import { can, type Actor } from '../../domain/permissions';
import { posterDocument, stickerDocument, webFormLinks, type PosterPlace, type PosterTarget } from '../../domain/posters';
import type { DocumentSpec } from '../../domain/report/blocks';
import { FORM, MENU } from '../../i18n/vi';
import { refusal } from '../access/caller';
import { appendAudit } from '../platform/audit';
import { NotSetUpError, UserError } from '../platform/errors';
import type { Runtime } from '../platform/runtime';
import { webAppUrl } from '../platform/web-app';
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';

/** As Forms writes a prefilled answer in its link: percent-encoded, spaces as "+". */
const encoded = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
const decoded = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));

export interface PlaceLink {
  title: string;
  place: PosterPlace;
  url: string;
}

/**
 * Every group's form link (the group and "Bảng tin tổ dân phố" chosen in advance), then the ward
 * office's and the public service centre's (their place chosen, the group left to the resident).
 */
export function placeFormLinks(formId: string, groups: string[]): PlaceLink[] {
  const form = FormApp.openById(formId);
  const lists = form.getItems(FormApp.ItemType.LIST);
  const groupItem = lists.find((i) => i.getTitle() === FORM.group);
  const placeItem = lists.find((i) => i.getTitle() === FORM.place);
  // A form from before the "where" question: setup adds it, then links can say the place.
  if (!groupItem || !placeItem) throw new UserError(MENU.formOutdated);
  const sampleGroup = groups[0] ?? FORM.groupOther;
  const sample = form
    .createResponse()
    .withItemResponse(groupItem.asListItem().createResponse(sampleGroup))
    .withItemResponse(placeItem.asListItem().createResponse(FORM.placeGroup))
    .toPrefilledUrl();
  const at = sample.indexOf('?');
  const base = sample.slice(0, at);
  const params = sample
    .slice(at + 1)
    .split('&')
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string]);
  const groupParam = params.find(([, v]) => decoded(v) === sampleGroup)?.[0];
  const placeParam = params.find(([, v]) => decoded(v) === FORM.placeGroup)?.[0];
  if (!groupParam || !placeParam) throw new Error(POSTER_DOC.prefillFailed);
  const link = (group: string | null, place: string) =>
    `${base}?${params
      .filter(([k]) => k !== groupParam || group !== null)
      .map(([k, v]) => `${k}=${k === groupParam ? encoded(group!) : k === placeParam ? encoded(place) : v}`)
      .join('&')}`;
  return [
    ...groups.map((g) => ({ title: g, place: 'group' as const, url: link(g, FORM.placeGroup) })),
    { title: FORM.placeOffice, place: 'office' as const, url: link(null, FORM.placeOffice) },
    { title: FORM.placeCentre, place: 'centre' as const, url: link(null, FORM.placeCentre) },
  ];
}

/**
 * The links the posters, stickers and "Xem đường dẫn" give, by the setting: the Google Form's
 * prefilled links (default), or the web app's own form — which needs the web app deployed.
 */
export function placeLinksFor(rt: Runtime): PlaceLink[] {
  if (rt.settings.posterForm !== 'web') return placeFormLinks(rt.schema.formId!, rt.settings.groups);
  const base = webAppUrl();
  if (!base) throw new UserError(MENU.webFormNeedsWebApp);
  return webFormLinks(base, rt.settings.groups, FORM.placeOffice, FORM.placeCentre);
}

/**
 * `only`: one place's title (a torn poster reprinted: one page) — every place when empty.
 */
function printQr(rt: Runtime, actor: Actor, action: string, only: unknown, make: (targets: PosterTarget[], committee: string, normalDays: number) => DocumentSpec): WrittenDoc {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  if (!rt.schema.formId) throw new NotSetUpError();
  const place = typeof only === 'string' ? only : '';
  const links = placeLinksFor(rt).filter((l) => !place || l.title === place);
  if (links.length === 0) throw new UserError(MENU.placeInvalid);
  const board = webAppUrl();
  const targets: PosterTarget[] = links.map((l) => ({
    title: l.title,
    place: l.place,
    formUrl: l.url,
    boardUrl: board ? (l.place === 'group' ? `${board}?group=${encodeURIComponent(l.title)}` : board) : '',
  }));
  const doc = writeDocument(make(targets, rt.settings.committeeName, rt.settings.deadlineDays.normal));
  appendAudit(SpreadsheetApp.getActive(), rt, { user: actor.email, action, code: '', field: '', before: '', after: '', detail: POSTER_DOC.printed(targets.length, doc.url) });
  return doc;
}

/**
 * Every place's form link as text, for staff to send in a group's Zalo or print elsewhere; made
 * from the current groups list each time (admins, as printing).
 */
export function placeLinks(rt: Runtime, actor: Actor): PlaceLink[] {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  if (!rt.schema.formId) throw new NotSetUpError();
  return placeLinksFor(rt);
}

export function createPosters(rt: Runtime, actor: Actor, only: unknown = ''): WrittenDoc {
  return printQr(rt, actor, AUDIT_ACTION.posters, only, posterDocument);
}

export function createStickers(rt: Runtime, actor: Actor, only: unknown = ''): WrittenDoc {
  return printQr(rt, actor, AUDIT_ACTION.stickers, only, (targets) => stickerDocument(targets));
}
