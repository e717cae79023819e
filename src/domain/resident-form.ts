/**
 * The resident form's questions, in one place: the Google Form (services/intake/form-builder)
 * and the web app's own form (ui/client/resident-form) are both built from this list, so their
 * wording, help texts, choices and checks cannot drift apart. Pure: no Apps Script, no DOM.
 */
import { checkEmail, PHONE_PATTERN } from './contact';
import { FORM } from '../i18n/vi';
import type { SubmissionInput } from './intake';

/** The answers a resident gives (the raw responses tab's keys, without the timestamp). */
export type AnswerKey = 'group' | 'topic' | 'content' | 'location' | 'name' | 'phone' | 'email' | 'confidential' | 'place';

export type QuestionType = 'LIST' | 'MULTIPLE_CHOICE' | 'PARAGRAPH_TEXT' | 'TEXT' | 'CHECKBOX' | 'SECTION_HEADER';

export interface QuestionSpec {
  key: AnswerKey | 'contactHeader' | 'privacyHeader';
  title: string;
  type: QuestionType;
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
  { key: 'phone', title: FORM.phone, type: 'TEXT', help: FORM.phoneHelp },
  { key: 'email', title: FORM.email, type: 'TEXT' },
  { key: 'confidential', title: FORM.confidential, type: 'CHECKBOX' },
  { key: 'privacyHeader', title: FORM.privacyHeader, type: 'SECTION_HEADER', help: FORM.privacyNotice },
  { key: 'place', title: FORM.place, type: 'LIST', help: FORM.placeHelp },
];

/** The lists the form offers: the groups (and "other"), the categories, the confidentiality box, the places. */
export function choicesFor(key: QuestionSpec['key'], lists: { groups: readonly string[]; categories: ReadonlyArray<{ category: string }> }): string[] | null {
  if (key === 'group') return [...lists.groups, FORM.groupOther];
  if (key === 'topic') return lists.categories.map((c) => c.category);
  if (key === 'confidential') return [FORM.confidentialChoice];
  if (key === 'place') return [FORM.placeGroup, FORM.placeOffice, FORM.placeCentre];
  return null;
}

/** The check a text question carries, with the message the Google Form shows. */
export interface TextCheck {
  kind: 'email' | 'phone';
  /** For 'phone': the regular expression the whole answer must match (Forms' requireTextMatchesPattern). */
  pattern?: string;
  message: string;
}

export function textCheckOf(key: QuestionSpec['key']): TextCheck | null {
  if (key === 'email') return { kind: 'email', message: FORM.emailInvalid };
  if (key === 'phone') return { kind: 'phone', pattern: PHONE_PATTERN, message: FORM.phoneInvalid };
  return null;
}

/** One question as a page renders it: the spec, its choices and its check. */
export interface RenderedQuestion extends QuestionSpec {
  choices: string[] | null;
  check: TextCheck | null;
}

export function renderedQuestions(lists: Parameters<typeof choicesFor>[1]): RenderedQuestion[] {
  return QUESTIONS.map((q) => ({ ...q, choices: choicesFor(q.key, lists), check: textCheckOf(q.key) }));
}

/** The answers of one web-form submission: a submission's own fields, and the place its QR code was posted. */
export type ResidentAnswers = Omit<SubmissionInput, 'channel' | 'receivedAt' | 'responseKey' | 'enteredBy'> & { place: string };

/**
 * Size caps of the web form's fields (the Google Form has none; its responses tab cuts at 50,000
 * characters). Generous for what a resident writes — a page of content is ~3,000 characters —
 * and small enough that one submission cannot fill the sheet.
 */
export const ANSWER_MAX: Record<keyof ResidentAnswers, number> = {
  group: 200,
  topic: 200,
  content: 10_000,
  location: 500,
  name: 200,
  phone: 40,
  email: 254,
  confidential: 1,
  place: 100,
};

/**
 * What the Google Form refuses before sending, refused the same way (and again on the server):
 * a missing group or content, a phone or e-mail that does not pass; the web form's caps too.
 * Field key → the message shown under it; empty when the answers may be sent. With `lists`, a
 * choice must be one offered (the page); the server passes null: a page loaded before an admin
 * renamed a group still files, and the pipeline flags a group not in the list, as for staff entry.
 */
export function answerProblems(a: ResidentAnswers, lists: Parameters<typeof choicesFor>[1] | null): Partial<Record<AnswerKey, string>> {
  const out: Partial<Record<AnswerKey, string>> = {};
  for (const q of QUESTIONS) {
    if (q.key === 'contactHeader' || q.key === 'privacyHeader' || q.key === 'confidential') continue;
    const value = a[q.key];
    if (value.length > ANSWER_MAX[q.key]) out[q.key] = FORM.tooLong(ANSWER_MAX[q.key]);
    else if (q.required && value.trim() === '') out[q.key] = FORM.required;
    // Exactly the Google Form's check (its pattern over the whole answer), so the two forms accept the same numbers.
    else if (value.trim() !== '' && q.key === 'phone' && !new RegExp(`^(?:${PHONE_PATTERN})$`).test(value)) out[q.key] = FORM.phoneInvalid;
    else if (value.trim() !== '' && q.key === 'email' && !checkEmail(value).valid) out[q.key] = FORM.emailInvalid;
    else if (lists && value !== '' && (q.type === 'LIST' || q.type === 'MULTIPLE_CHOICE') && !(choicesFor(q.key, lists) ?? []).includes(value)) out[q.key] = FORM.choiceInvalid;
  }
  return out;
}

/** The place a poster's link names (?place=office …) → the answer the form records. */
export function placeAnswer(param: string): string {
  if (param === 'office') return FORM.placeOffice;
  if (param === 'centre') return FORM.placeCentre;
  return FORM.placeGroup;
}
