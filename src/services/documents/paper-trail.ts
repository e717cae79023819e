/**
 * Paper for people and bodies without e-mail: a transfer slip to the handling body and a reply
 * letter to the resident, each a copy of a template Doc the admin edits; and, for residents who
 * left no e-mail, a printable Doc of the answers per residential group — codes only, no names.
 * Fields are filled paragraph by paragraph with plain text (never regex replacement), so a
 * resident's words cannot be read as a pattern.
 */
import type { WrittenDoc } from '../platform/doc-writer';
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

type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

/** A new template Doc in the administrative layout. */
function buildTemplate(name: string, title: string, lines: readonly string[]): string {
  const doc = DocumentApp.create(name);
  const body = doc.getBody();
  const header = body.appendTable([
    ['{{uy_ban}}\n' + PAPER.number, `${PAPER.motto}\n${PAPER.mottoSub}\n\n${PAPER.placeDate}`],
  ]);
  header.setBorderWidth(0);
  body.appendParagraph(title).setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  for (const line of lines) body.appendParagraph(line);
  body.appendTable([[PAPER.recipients.join('\n'), PAPER.signature.join('\n')]]).setBorderWidth(0);
  doc.saveAndClose();
  return doc.getId();
}

export interface Templates {
  /** The transfer slip's template ('slip' is the name it is stored under). */
  slip: string;
  letter: string;
}

/** The two template Docs: created once by setup, kept if they exist. */
export function ensureTemplates(existing: Templates | undefined): { templates: Templates; created: boolean } {
  const alive = (id: string | undefined) => {
    if (!id) return false;
    try {
      DocumentApp.openById(id);
      return true;
    } catch {
      return false;
    }
  };
  const transferSlip = alive(existing?.slip) ? existing!.slip : buildTemplate(PAPER.transferSlipTemplateName, PAPER.transferSlipTitle, PAPER.transferSlipBody);
  const letter = alive(existing?.letter) ? existing!.letter : buildTemplate(PAPER.letterTemplateName, PAPER.letterTitle, PAPER.letterBody);
  return { templates: { slip: transferSlip, letter }, created: transferSlip !== existing?.slip || letter !== existing?.letter };
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
  return {
    ma: c.code,
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

function fill(section: Section, values: Record<string, string>): void {
  for (const p of section.getParagraphs()) {
    const text = p.getText();
    if (!text.includes('{{')) continue;
    // One pass with a function: a filled-in value (a resident's "{{ma}}" or "$&") is never re-read.
    const next = text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in values ? values[key] : m));
    if (next !== text) p.setText(next);
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
  if (previous && previous.version === at.record.version) return { name: previous.name, url: previous.url, id: previous.id };
  const n = (previous?.n ?? 0) + 1;
  const base = kind === 'slip' ? PAPER.transferSlipName(code) : PAPER.letterName(code);
  const name = n === 1 ? base : PAPER.versionName(base, n);
  const { doc, sections } = docFromTemplate(templatesOf(rt.schema)[kind], name);
  const now = new Date();
  const values = fields(rt, at.record, now, kind === 'letter' ? letterName(ss, rt, at.record) : '', kind === 'slip' ? readSubmitterNames(ss, rt).get(code) ?? '' : '');
  for (const section of sections) fill(section, values);
  doc.saveAndClose();
  const made = { id: doc.getId(), url: doc.getUrl() };
  rememberMade(rt.store, code, kind, { version: at.record.version, ...made, name, n, madeAt: now.toISOString() });
  appendAudit(ss, rt, { user: actor.email, action: kind === 'slip' ? AUDIT_ACTION.transferSlip : AUDIT_ACTION.letter, code, field: '', before: '', after: '', detail: made.url });
  return { name, ...made };
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

