/**
 * The resident form: plain, large, few questions, in Vietnamese. Setup creates it once and
 * afterwards only repairs it (missing questions, the lists of groups and categories), so a
 * form already printed on QR posters keeps its address. Its destination is this spreadsheet.
 */
import type { Settings } from '../../domain/settings';
import { FORM } from '../../i18n/vi';
import type { RawKey } from '../platform/runtime';

interface QuestionSpec {
  key: RawKey | 'contactHeader' | 'privacyHeader';
  title: string;
  type: 'LIST' | 'MULTIPLE_CHOICE' | 'PARAGRAPH_TEXT' | 'TEXT' | 'CHECKBOX' | 'SECTION_HEADER';
  required?: boolean;
  help?: string;
}

export const QUESTIONS: QuestionSpec[] = [
  { key: 'group', title: FORM.group, type: 'LIST', required: true },
  { key: 'topic', title: FORM.topic, type: 'MULTIPLE_CHOICE' },
  { key: 'content', title: FORM.content, type: 'PARAGRAPH_TEXT', required: true, help: FORM.contentHelp },
  { key: 'location', title: FORM.location, type: 'TEXT' },
  { key: 'contactHeader', title: FORM.contactHeader, type: 'SECTION_HEADER', help: FORM.contactHelp },
  { key: 'name', title: FORM.name, type: 'TEXT' },
  { key: 'phone', title: FORM.phone, type: 'TEXT' },
  { key: 'email', title: FORM.email, type: 'TEXT' },
  { key: 'confidential', title: FORM.confidential, type: 'CHECKBOX' },
  { key: 'privacyHeader', title: FORM.privacyHeader, type: 'SECTION_HEADER', help: FORM.privacyNotice },
];

/** The raw responses tab's header title of each answer. */
export const RAW_TITLES: Record<Exclude<RawKey, 'timestamp'>, string> = {
  group: FORM.group,
  topic: FORM.topic,
  content: FORM.content,
  location: FORM.location,
  name: FORM.name,
  phone: FORM.phone,
  email: FORM.email,
  confidential: FORM.confidential,
};

function choicesFor(key: QuestionSpec['key'], settings: Settings): string[] | null {
  if (key === 'group') return [...settings.groups, FORM.groupOther];
  if (key === 'topic') return settings.categories.map((c) => c.category);
  if (key === 'confidential') return [FORM.confidentialChoice];
  return null;
}

function addQuestion(form: GoogleAppsScript.Forms.Form, q: QuestionSpec, settings: Settings): void {
  const choices = choicesFor(q.key, settings);
  switch (q.type) {
    case 'LIST':
      form.addListItem().setTitle(q.title).setChoiceValues(choices ?? []).setRequired(Boolean(q.required));
      break;
    case 'MULTIPLE_CHOICE':
      form.addMultipleChoiceItem().setTitle(q.title).setChoiceValues(choices ?? []).setRequired(Boolean(q.required));
      break;
    case 'CHECKBOX':
      form.addCheckboxItem().setTitle(q.title).setChoiceValues(choices ?? []).setRequired(false);
      break;
    case 'PARAGRAPH_TEXT':
      form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help ?? '').setRequired(Boolean(q.required));
      break;
    case 'TEXT': {
      const item = form.addTextItem().setTitle(q.title).setRequired(false);
      if (q.key === 'email') item.setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText(FORM.emailInvalid).build());
      break;
    }
    case 'SECTION_HEADER':
      form.addSectionHeaderItem().setTitle(q.title).setHelpText(q.help ?? '');
      break;
  }
}

export interface FormResult {
  form: GoogleAppsScript.Forms.Form;
  created: boolean;
  repaired: string[];
}

/** Opens the ward's form or creates it; brings its questions and lists up to date. */
export function ensureForm(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, formId: string | null, settings: Settings): FormResult {
  let form: GoogleAppsScript.Forms.Form | null = null;
  if (formId) {
    try {
      form = FormApp.openById(formId);
    } catch (e) {
      // The form was deleted or is out of reach: a new one is made below (and reported).
      console.warn(`Hòm thư số: không mở được biểu mẫu cũ (${e instanceof Error ? e.message : String(e)}); tạo biểu mẫu mới.`);
      form = null;
    }
  }
  const created = form === null;
  if (!form) {
    form = FormApp.create(FORM.title(settings.committeeName));
    form.setDescription(FORM.description(settings.committeeName, settings.deadlineDays.normal, settings.deadlineDays.complex));
    form.setConfirmationMessage(FORM.confirmation);
    form.setCollectEmail(false);
    form.setAllowResponseEdits(false);
    form.setProgressBar(false);
    for (const q of QUESTIONS) addQuestion(form, q, settings);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    return { form, created, repaired: [] };
  }
  const repaired: string[] = [];
  const items = form.getItems();
  const byTitle = new Map(items.map((i) => [i.getTitle(), i]));
  for (const q of QUESTIONS) {
    const item = byTitle.get(q.title);
    if (!item) {
      addQuestion(form, q, settings);
      repaired.push(`câu hỏi "${q.title}"`);
      continue;
    }
    const choices = choicesFor(q.key, settings);
    if (!choices || q.key === 'confidential') continue;
    const typed = q.type === 'LIST' ? item.asListItem() : item.asMultipleChoiceItem();
    const current = typed.getChoices().map((c) => c.getValue());
    if (current.join('\n') !== choices.join('\n')) {
      typed.setChoiceValues(choices);
      repaired.push(`danh sách "${q.title}"`);
    }
  }
  return { form, created, repaired };
}

/** The responses tab of `form` in the spreadsheet, found by the form it receives from. */
export function findResponsesSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, form: GoogleAppsScript.Forms.Form): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const sheet of ss.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    try {
      if (FormApp.openByUrl(url).getId() === form.getId()) return sheet;
    } catch {
      // A responses tab of some other (deleted) form: not ours.
    }
  }
  return null;
}
