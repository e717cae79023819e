/**
 * The resident form: plain, large, few questions, in Vietnamese. Setup creates it once and
 * afterwards only repairs it (missing questions, the lists of groups and categories), so a
 * form already printed on QR posters keeps its address. Its destination is this spreadsheet.
 */
import { choicesFor, QUESTIONS, textCheckOf, type AnswerKey, type QuestionSpec } from '../../domain/resident-form';
import { contactText, type Settings } from '../../domain/settings';
import { FORM, FORMER_FORM_TITLES, SETUP } from '../../i18n/vi';
import { PROPERTY_NAMES, type DocumentStore } from '../platform/document-store';
import { webAppUrl } from '../platform/web-app';

/** The questions themselves live in domain/resident-form: the web app's form is built from the same list. */
export { QUESTIONS };

/** The raw responses tab's header title of each answer. */
export const RAW_TITLES: Record<AnswerKey, string> = {
  group: FORM.group,
  topic: FORM.topic,
  content: FORM.content,
  location: FORM.location,
  name: FORM.name,
  phone: FORM.phone,
  email: FORM.email,
  confidential: FORM.confidential,
  place: FORM.place,
};


/**
 * Titles questions had in forms made by earlier versions: setup renames such a question to its
 * current title; until then, and for responses recorded under the old title, an answer is found
 * under any of its titles.
 */
export const FORMER_TITLES: Partial<Record<AnswerKey, readonly string[]>> = FORMER_FORM_TITLES;

/** Every title an answer may be recorded under, the current one first. */
export function titlesOf(key: AnswerKey): string[] {
  return [RAW_TITLES[key], ...(FORMER_TITLES[key] ?? [])];
}

/**
 * The answer to `key` in answers keyed by question title, whichever title it was recorded under:
 * the first one given (a sheet keeps an empty column for a question's other title).
 */
export function answerByTitles<T>(byTitle: Record<string, T>, key: AnswerKey): T | undefined {
  const given = (v: T) => (Array.isArray(v) ? v.some((x) => String(x ?? '') !== '') : String(v ?? '') !== '');
  const present = titlesOf(key).filter((t) => Object.prototype.hasOwnProperty.call(byTitle, t));
  const title = present.find((t) => given(byTitle[t])) ?? present[0];
  return title === undefined ? undefined : byTitle[title];
}

function addQuestion(form: GoogleAppsScript.Forms.Form, q: QuestionSpec, settings: Settings): void {
  const choices = choicesFor(q.key, settings);
  switch (q.type) {
    case 'LIST':
      form.addListItem().setTitle(q.title).setHelpText(q.help ?? '').setChoiceValues(choices ?? []).setRequired(Boolean(q.required));
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
      const item = form.addTextItem().setTitle(q.title).setHelpText(q.help ?? '').setRequired(false);
      validate(item, q.key);
      break;
    }
    case 'SECTION_HEADER':
      form.addSectionHeaderItem().setTitle(q.title).setHelpText(q.help ?? '');
      break;
  }
}

/**
 * The e-mail and phone questions check what is typed before the form is sent, with an example in
 * the message (the server checks again: domain/contact). Setting a validation is idempotent.
 */
function validate(item: GoogleAppsScript.Forms.TextItem, key: QuestionSpec['key']): void {
  const check = textCheckOf(key);
  if (check?.kind === 'email') item.setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText(check.message).build());
  if (check?.kind === 'phone') item.setValidation(FormApp.createTextValidation().requireTextMatchesPattern(check.pattern!).setHelpText(check.message).build());
}

/** What the form tells every resident: the deadline, then the confirmation page (domain/settings feed both). */
export function formTexts(settings: Settings, boardUrl = ''): { description: string; confirmation: string } {
  return {
    description: FORM.description(settings.committeeName, settings.deadlineDays.normal, settings.deadlineDays.complex),
    confirmation: FORM.confirmation({ committee: settings.committeeName, normal: settings.deadlineDays.normal, complex: settings.deadlineDays.complex, contact: contactText(settings), boardUrl }),
  };
}

/** Brings the description and confirmation page in line with the settings; true when something changed. */
export function syncFormTexts(form: GoogleAppsScript.Forms.Form, settings: Settings): boolean {
  const want = formTexts(settings, webAppUrl());
  let changed = false;
  if (form.getDescription() !== want.description) {
    form.setDescription(want.description);
    changed = true;
  }
  if (form.getConfirmationMessage() !== want.confirmation) {
    form.setConfirmationMessage(want.confirmation);
    changed = true;
  }
  return changed;
}

/**
 * The hourly job's part: when the settings behind the form's texts changed (the ward's phone,
 * the deadlines), rewrite them — two Forms calls then, none otherwise.
 */
export function refreshFormTexts(store: DocumentStore, formId: string | null, settings: Settings): boolean {
  if (!formId) return false;
  const want = JSON.stringify(formTexts(settings, webAppUrl()));
  if (store.get(PROPERTY_NAMES.formTexts) === want) return false;
  const changed = syncFormTexts(FormApp.openById(formId), settings);
  store.set(PROPERTY_NAMES.formTexts, want);
  return changed;
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
      console.warn(SETUP.formUnreadable(e instanceof Error ? e.message : String(e)));
      form = null;
    }
  }
  const created = form === null;
  if (!form) {
    form = FormApp.create(FORM.title(settings.committeeName));
    syncFormTexts(form, settings);
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
    let item = byTitle.get(q.title);
    const former = q.key in FORMER_TITLES ? FORMER_TITLES[q.key as AnswerKey]!.map((t) => byTitle.get(t)).find(Boolean) : undefined;
    if (!item && former) {
      former.setTitle(q.title);
      item = former;
      repaired.push(SETUP.questionTitle(q.title));
    }
    if (!item) {
      addQuestion(form, q, settings);
      repaired.push(SETUP.question(q.title));
      continue;
    }
    if (q.type === 'TEXT') {
      const text = item.asTextItem();
      if (text.getHelpText() !== (q.help ?? '')) text.setHelpText(q.help ?? '');
      validate(text, q.key);
    }
    const choices = choicesFor(q.key, settings);
    if (!choices || q.key === 'confidential') continue;
    const typed = q.type === 'LIST' ? item.asListItem() : item.asMultipleChoiceItem();
    const current = typed.getChoices().map((c) => c.getValue());
    if (current.join('\n') !== choices.join('\n')) {
      typed.setChoiceValues(choices);
      repaired.push(SETUP.choices(q.title));
    }
  }
  if (syncFormTexts(form, settings)) repaired.push(SETUP.formTexts);
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
