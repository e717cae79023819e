/**
 * Paper for people and bodies without e-mail: a transfer slip to the handling body and a reply
 * letter to the resident, each a copy of a template Doc the admin edits; and, for residents who
 * left no e-mail, a printable Doc of the answers per residential group — codes only, no names.
 * Fields are filled paragraph by paragraph with plain text (never regex replacement), so a
 * resident's words cannot be read as a pattern.
 */
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';
import { CASE_PAPER_LAYOUT, casePaperTemplate } from '../../domain/case-papers';
import { toYmd } from '../../domain/calendar/civil-date';
import { AUDIT_ACTION } from '../../domain/vocabulary';
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import { OUTCOME, STATUS } from '../../domain/case';
import type { CaseRecord } from '../../domain/case-record';
import { canSee } from '../../domain/lifecycle';
import { PAPER } from '../../i18n/vi';
import { appendAudit } from '../platform/audit';
import { replyParts } from '../../domain/reply';
import { withoutIdentity } from '../../domain/disclosure';
import { publishedText } from '../../domain/publication';
import { readSubmitterNames } from '../cases/submitter-names';
import { lastMade, rememberMade } from '../platform/made-documents';
import { replyFacts } from '../../domain/reply-facts';
import { refusal } from '../access/caller';
import { readCase, readCaseColumns } from '../cases/store';
import type { Runtime } from '../platform/runtime';
import type { SchemaState } from '../platform/schema-state';
import { UserError } from '../platform/errors';
import { can, type Actor } from '../../domain/permissions';
import { PHOTO_VIEW } from '../../i18n/photos';
import { inScope, photoRecords, photosThroughWebApp, type ShownPhoto } from '../photos/view';

type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

export interface Templates {
  /** The transfer slip's template ('slip' is the name it is stored under). */
  slip: string;
  letter: string;
  /** The layout they were made in (domain/case-papers CASE_PAPER_LAYOUT); absent: the first one. */
  layout?: number;
}

/**
 * The two template Docs: created by setup, kept while they exist and are of the current layout.
 * Templates of an older layout are replaced by new ones (never deleted: an admin's edits stay
 * readable in Drive).
 */
export function ensureTemplates(existing: Templates | undefined): { templates: Templates; created: boolean } {
  const current = existing?.layout === CASE_PAPER_LAYOUT;
  const alive = (id: string | undefined) => {
    if (!id || !current) return false;
    try {
      DocumentApp.openById(id);
      return true;
    } catch {
      return false;
    }
  };
  const transferSlip = alive(existing?.slip) ? existing!.slip : writeDocument(casePaperTemplate('slip')).id;
  const letter = alive(existing?.letter) ? existing!.letter : writeDocument(casePaperTemplate('letter')).id;
  return { templates: { slip: transferSlip, letter, layout: CASE_PAPER_LAYOUT }, created: transferSlip !== existing?.slip || letter !== existing?.letter };
}

/**
 * The values filled into a template. The resident's own words leave the office on paper — the
 * slip to a handling body, the letter through a group leader's hands — so their phone numbers,
 * e-mail addresses and identity numbers are masked; the address stays (domain/disclosure).
 */
function fields(rt: Runtime, c: CaseRecord, today: Date, residentName: string, hiddenName = ''): Record<string, string> {
  const reply = replyParts(replyFacts(rt.settings, c, residentName));
  // A slip also hides the submitter's name, should they have written it in their words.
  const resident = withoutIdentity(hiddenName);
  const header = rt.settings.report;
  const on = toYmd(vietnamDayOf(today));
  const capitals = (s: string) => s.trim().toLocaleUpperCase('vi');
  return {
    ma: c.code,
    // The letterhead and signature (domain/case-papers), from the settings' report header.
    co_quan_cap_tren: capitals(header.parentBody),
    ten_co_quan: capitals(header.localBody),
    co_quan_ban_hanh: capitals(header.organ),
    dia_danh: header.place,
    ngay_so: on.day < 10 ? `0${on.day}` : String(on.day),
    thang_so: on.month < 3 ? `0${on.month}` : String(on.month),
    nam_so: String(on.year),
    tham_quyen_ky: capitals(header.signFor),
    chuc_vu_nguoi_ky: capitals(header.signTitle),
    nguoi_ky: header.signer.trim(),
    uy_ban: rt.settings.committeeName,
    phuong: rt.settings.wardName,
    ngay: formatVietnameseDate(vietnamDayOf(today)),
    ngay_tiep_nhan: c.receivedAt instanceof Date ? formatVietnameseDate(vietnamDayOf(c.receivedAt)) : '',
    kenh: c.channel,
    to_dan_pho: c.groupKnown ? c.group : resident(c.group),
    linh_vuc: c.category || c.suggestedCategory,
    noi_dung: resident(c.content),
    dia_diem: resident(c.location) || '—',
    co_quan: c.assignedBody || '—',
    han_tra_loi: c.dueDate instanceof Date ? formatVietnameseDate(vietnamDayOf(c.dueDate)) : '',
    // The reply's parts, composed once (domain/reply): whatever greeting or thanks the answer's
    // template held appears once, in the letter's own words.
    kinh_gui: reply.salutation,
    mo_dau: reply.opening,
    tra_loi: reply.body,
    cam_on: reply.thanks,
  };
}

/**
 * The resident's name for their letter — not for a confidential case, whose letter may pass
 * through a group leader's hands. Read from "Người gửi" (admins make letters).
 */
function letterName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, c: CaseRecord): string {
  if (c.confidential) return '';
  return readSubmitterNames(ss, rt).get(c.code) ?? '';
}

/**
 * Each {{field}} of the section's paragraphs replaced by its value as plain text (never a pattern:
 * a resident's "{{ma}}" or "$&" is written as it is, and never read again). The value goes in
 * right after its field, taking the field's own emphasis and size (a letterhead's bold capitals, a
 * date's italics), then the field is deleted — from the last field to the first, so the offsets of
 * those before stay true.
 */
function fill(section: Section, values: Record<string, string>): void {
  for (const p of section.getParagraphs()) {
    const text = p.getText();
    if (!text.includes('{{')) continue;
    const fields: Array<{ start: number; end: number; value: string }> = [];
    const pattern = /\{\{(\w+)\}\}/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (m[1] in values) fields.push({ start: m.index, end: m.index + m[0].length - 1, value: values[m[1]] });
    if (fields.length === 0) continue;
    const edit = p.editAsText();
    for (const { start, end, value } of fields.reverse()) {
      if (value) edit.insertText(end + 1, value);
      edit.deleteText(start, end);
    }
  }
}

/**
 * The template's elements, each copied (Element.copy(): a detached deep copy — styles, alignment,
 * inline images, table borders) into the new section `to`, in order. `to` holds the one empty
 * paragraph Docs gives a new section, and Docs keeps a paragraph last in every section. So the
 * copies go in before that paragraph — a table is never appended at the very end, where Docs
 * would add an empty paragraph of its own after it — and the template's own closing paragraph
 * (a section always ends with one) is appended after it, which lets the empty one go.
 */
function copyElements<T extends Section>(from: Section, to: T): T {
  const blank = to.getChild(0);
  const n = from.getNumChildren();
  let closed = false;
  for (let i = 0; i < n; i++) {
    const element = from.getChild(i).copy();
    const type = element.getType();
    const last = i === n - 1;
    // getChild hands out the element as its own class, so the copy goes straight back in.
    if (type === DocumentApp.ElementType.PARAGRAPH) {
      const p = element as GoogleAppsScript.Document.Paragraph;
      if (last) to.appendParagraph(p);
      else to.insertParagraph(i, p);
      closed = last;
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      const item = element as GoogleAppsScript.Document.ListItem;
      if (last) to.appendListItem(item);
      else to.insertListItem(i, item);
      closed = last;
    } else if (type === DocumentApp.ElementType.TABLE) {
      to.insertTable(i, element as GoogleAppsScript.Document.Table);
    } else {
      // A body holds paragraphs, list items, tables and a table of contents only
      // (https://developers.google.com/apps-script/reference/document/body); a contents table cannot be inserted.
      throw new UserError(PAPER.templateElement(String(type)));
    }
  }
  if (closed) blank.removeFromParent();
  return to;
}

/** Body.getAttributes() keys of the page setup (https://developers.google.com/apps-script/reference/document/attribute). */
const PAGE_SETUP = ['MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'PAGE_WIDTH', 'PAGE_HEIGHT'] as const;

/**
 * A new Doc made from a template Doc with DocumentApp alone: page setup, body, header, footer.
 *
 * Why not `DriveApp.getFileById(template).makeCopy(name)`: DriveApp needs the restricted scopes
 * drive.readonly / drive (https://developers.google.com/apps-script/reference/drive/file#makeCopy(String)
 * lists drive only); live runs without them are refused ("You do not have permission to call
 * DriveApp.getFileById. Required permissions: (…/drive.readonly || …/drive)"), and asking every
 * user for their whole Drive is what the least-scopes manifest avoids.
 * Why not the advanced Drive service's Files.copy, which works under drive.file: that scope
 * reaches only the files this app created or opened for the user at hand. The templates are made
 * by whichever admin ran setup, so another admin's copy would be refused; and it would keep a
 * Drive scope on every user's consent screen. DocumentApp needs only `documents`, which the
 * reports need anyway.
 */
function docFromTemplate(templateId: string, name: string): { doc: GoogleAppsScript.Document.Document; sections: Section[] } {
  const template = DocumentApp.openById(templateId);
  const doc = DocumentApp.create(name);
  const from = template.getBody();
  const to = doc.getBody();
  const attributes = from.getAttributes() as Record<string, unknown>;
  const page: Record<string, unknown> = {};
  for (const key of PAGE_SETUP) page[key] = attributes[key];
  to.setAttributes(page);
  copyElements(from, to);
  const sections: Section[] = [to];
  const header = template.getHeader();
  if (header) sections.push(copyElements(header, doc.addHeader()));
  const footer = template.getFooter();
  if (footer) sections.push(copyElements(footer, doc.addFooter()));
  return { doc, sections };
}

function templatesOf(schema: SchemaState): Templates {
  if (!schema.templates) throw new UserError(PAPER.noTemplates);
  return schema.templates;
}

export function createCaseDocument(rt: Runtime, actor: Actor, codeInput: string, kind: 'slip' | 'letter'): WrittenDoc {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  const ss = SpreadsheetApp.getActive();
  const at = readCase(ss, rt, codeInput);
  if (!at || !canSee(actor, at.record)) throw new UserError(PAPER.caseNotFound);
  // The case's own code, however it was typed: one document per case, not one per spelling.
  const code = at.record.code;
  if (kind === 'letter' && !at.record.answer) throw new UserError(PAPER.noAnswer);
  if (kind === 'slip' && !at.record.assignedBody) throw new UserError(PAPER.noBody);
  // Made twice for the same case and purpose: the same document while the case is unchanged;
  // a new version ("bản 2") once it has changed — never a pile of identical copies.
  const previous = lastMade(rt.store, code, kind);
  // A slip carries the photos the body may see (never a hidden one): which ones is part of "unchanged".
  const photos = kind === 'slip' ? photoRecords(rt, ss, code).filter((r) => inScope(r, 'shown')) : [];
  const photoIds = photos.map((r) => r.fileId).join(',');
  if (previous && previous.version === at.record.version && (previous.photos ?? '') === photoIds) return { name: previous.name, url: previous.url, id: previous.id };
  const n = (previous?.n ?? 0) + 1;
  const base = kind === 'slip' ? PAPER.transferSlipName(code) : PAPER.letterName(code);
  const name = n === 1 ? base : PAPER.versionName(base, n);
  const { doc, sections } = docFromTemplate(templatesOf(rt.schema)[kind], name);
  const now = new Date();
  const values = fields(rt, at.record, now, kind === 'letter' ? letterName(ss, rt, at.record) : '', kind === 'slip' ? readSubmitterNames(ss, rt).get(code) ?? '' : '');
  for (const section of sections) fill(section, values);
  // A transfer slip carries the residents' photos the body may see (never a hidden one).
  if (photos.length) appendPhotos(doc.getBody(), photosThroughWebApp(rt, photos, code, 'shown'));
  doc.saveAndClose();
  const made = { id: doc.getId(), url: doc.getUrl() };
  rememberMade(rt.store, code, kind, { version: at.record.version, ...made, name, n, madeAt: now.toISOString(), ...(photoIds ? { photos: photoIds } : {}) });
  appendAudit(ss, rt, { user: actor.email, action: kind === 'slip' ? AUDIT_ACTION.transferSlip : AUDIT_ACTION.letter, code, field: '', before: '', after: '', detail: made.url });
  return { name, ...made };
}

/** Widest a photo is printed: an A4 page's text width with the template's margins (points). */
const PHOTO_WIDTH_PT = 440;

/** The photos under their heading, each as wide as the text at most, its proportions kept. */
function appendPhotos(body: GoogleAppsScript.Document.Body, photos: ShownPhoto[]): void {
  if (photos.length === 0) return;
  body.appendParagraph(PHOTO_VIEW.title).setHeading(DocumentApp.ParagraphHeading.HEADING2);
  photos.forEach((p, i) => {
    const [, type, data] = /^data:(image\/(?:jpeg|png));base64,(.+)$/.exec(p.src) ?? [];
    if (!type) return;
    const image = body.appendImage(Utilities.newBlob(Utilities.base64Decode(data), type, `anh-${i + 1}`));
    const [w, h] = [image.getWidth(), image.getHeight()];
    if (w > PHOTO_WIDTH_PT) image.setWidth(PHOTO_WIDTH_PT).setHeight(Math.round((h * PHOTO_WIDTH_PT) / w));
  });
}

/**
 * Answers to hand out, one page per residential group: answered cases whose submitter left no
 * valid e-mail. The sheets are posted or read out in the group, so they carry only answers an
 * admin approved for publication ("Công khai"), never a confidential or misuse case's, and each
 * answer as the board publishes it: scrubbed, without its submitter's name (the names are read
 * once for the whole document).
 */
export function createGroupAnswerSheets(rt: Runtime, actor: Actor): WrittenDoc {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  const ss = SpreadsheetApp.getActive();
  const records = readCaseColumns(ss, rt, ['code', 'receivedAt', 'group', 'answer', 'answerPublic', 'hiddenFromPublic', 'hasEmail', 'outcome', 'status', 'confidential']);
  const toHand = records.filter((c) => c.answer && c.answerPublic && !c.confidential && !c.hiddenFromPublic && !c.hasEmail && c.outcome !== OUTCOME.misuse && (c.status === STATUS.answered || c.status === STATUS.closed));
  const names = toHand.length ? readSubmitterNames(ss, rt) : new Map<string, string>();
  const published = (c: (typeof toHand)[number]) => publishedText(c.answer, names.get(c.code) ?? '');
  const today = formatVietnameseDate(vietnamDayOf(new Date()));
  const doc = DocumentApp.create(PAPER.groupSheetName(today));
  const body = doc.getBody();
  const groups = [...new Set([...rt.settings.groups, ...toHand.map((c) => c.group)])].filter((g) => toHand.some((c) => c.group === g));
  body.getChild(0).asParagraph().setText(rt.settings.committeeName);
  groups.forEach((group, i) => {
    if (i > 0) body.appendPageBreak();
    body.appendParagraph(PAPER.groupTitle(group)).setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph(PAPER.groupIntro);
    const rows = toHand.filter((c) => c.group === group).map((c) => [c.code, c.receivedAt instanceof Date ? formatVietnameseDate(vietnamDayOf(c.receivedAt)) : '', published(c)]);
    body.appendTable([[...PAPER.groupColumns], ...rows]);
  });
  if (groups.length === 0) body.appendParagraph(PAPER.groupEmpty);
  doc.saveAndClose();
  appendAudit(ss, rt, { user: actor.email, action: AUDIT_ACTION.groupAnswerSheets, code: '', field: '', before: '', after: '', detail: PAPER.groupSheetsMade(toHand.length, groups.length) });
  return { name: doc.getName(), url: doc.getUrl(), id: doc.getId() };
}

