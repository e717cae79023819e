/**
 * From what a resident (or a staff member on their behalf) submitted to the records the ward
 * keeps: the case (no contact details), the submitter (contact details, admins only), text too
 * long for one cell, and whether to acknowledge. Pure: the services do the storing.
 */
import { INTAKE_NOTES } from '../i18n/vi';
import { AUDIT_ACTION, NON_STAFF_ACTOR } from './vocabulary';
import { vietnamMidnight, type CivilDay } from './calendar/civil-date';
import { appendHistory, type CaseRecord } from './case-record';
import type { WorkingCalendar } from './calendar/working-calendar';
import { COMPLEXITY, STATUS, type Channel } from './case';
import { suggestCategory, type CompiledRules } from './classify';
import { countsFor, suggestCategoryOf } from './suggest/for-case';
import type { Counts } from './suggest/model';
import { checkEmail, checkPhone } from './contact';
import type { Settings } from './settings';
import { foldDiacritics } from './text/fold';
import { cleanResidentText, looksLikeFormula, splitIntoChunks } from './text/sanitize';
import { dueDayOf } from './deadline';

/** Sheets holds at most 50,000 characters in a cell. */
export const CELL_LIMIT = 50_000;

export interface SubmissionInput {
  channel: Channel;
  receivedAt: Date;
  group: string;
  topic: string;
  content: string;
  location: string;
  name: string;
  phone: string;
  email: string;
  confidential: boolean;
  /** What the case was filed from: "R<row>" of the responses tab, or "NV:<staff e-mail>" for a hand entry. */
  responseKey: string;
  /** The staff member who typed it in (a paper slip, a call, a follow-up); absent for the form's own submissions. */
  enteredBy?: string;
}

/** Who the history says received a case: the staff member who typed it, else the form. */
function receivedBy(input: SubmissionInput): string {
  if (input.enteredBy) return input.enteredBy;
  return input.responseKey.startsWith('NV:') ? input.responseKey.slice(3) : NON_STAFF_ACTOR.form;
}

/** A new case: every field of the cases tab. */
export type CaseFields = CaseRecord;

export interface SubmitterFields {
  code: string;
  name: string;
  phone: string;
  phoneValid: boolean;
  email: string;
  emailValid: boolean;
  confidential: boolean;
  recordedAt: Date;
}

/** A text kept whole across cells: the first part in its column, the rest in the long-text tab. */
export interface SpilledText {
  field: 'content' | 'contentOriginal' | 'location';
  length: number;
  parts: string[];
}

export interface PreparedCase {
  fields: CaseFields;
  submitter: SubmitterFields | null;
  spilled: SpilledText[];
  /** A valid e-mail was given: send the acknowledgement. */
  acknowledge: boolean;
  dueDay: CivilDay;
}

export interface IntakeContext {
  settings: Settings;
  calendar: WorkingCalendar;
  rules: CompiledRules;
  now: Date;
  /**
   * What staff taught the suggestions (domain/suggest), when the document cache had it: then the
   * learned suggestion fills "Lĩnh vực gợi ý"; without it (evicted, no cache) the keyword rules
   * do, as before. Either costs no call: the case view shows the learned one with its why anyway.
   */
  taught?: Counts | null;
}

function clean(value: string): string {
  return cleanResidentText(value).text;
}

/** The settings' spelling of a residential group, matched without diacritics or case; null if unknown. */
export function canonicalGroup(settings: Settings, group: string): string | null {
  const key = foldDiacritics(group).replace(/\s+/g, ' ').trim();
  return settings.groups.find((g) => foldDiacritics(g).replace(/\s+/g, ' ').trim() === key) ?? null;
}

export function prepareCase(input: SubmissionInput, code: string, ctx: IntakeContext): PreparedCase {
  const notes: string[] = [];
  const spilled: SpilledText[] = [];

  const content = cleanResidentText(input.content);
  if (content.removed > 0) notes.push(INTAKE_NOTES.hiddenCharacters(content.removed));
  if (looksLikeFormula(content.text)) notes.push(INTAKE_NOTES.formulaStart);

  const keep = (field: SpilledText['field'], text: string): string => {
    if (text.length <= CELL_LIMIT) return text;
    const [first, ...rest] = splitIntoChunks(text, CELL_LIMIT);
    spilled.push({ field, length: text.length, parts: rest });
    return first;
  };
  const contentCell = keep('content', content.text);
  if (content.text.length > CELL_LIMIT) notes.push(INTAKE_NOTES.long(content.text.length));
  const originalCell = content.original === null ? '' : keep('contentOriginal', content.original);
  const location = keep('location', clean(input.location));

  const typedGroup = clean(input.group);
  const group = canonicalGroup(ctx.settings, typedGroup);
  if (group === null) notes.push(INTAKE_NOTES.groupUnknown(typedGroup));

  const email = checkEmail(clean(input.email));
  const phone = checkPhone(clean(input.phone));
  const name = clean(input.name);
  if (email.given && !email.valid) notes.push(INTAKE_NOTES.emailInvalid);
  if (phone.given && !phone.valid) notes.push(INTAKE_NOTES.phoneInvalid);

  const dueDay = dueDayOf(input.receivedAt, COMPLEXITY.normal, ctx.settings.deadlineDays, ctx.calendar);
  // The resident's own choice of category stands; the keywords only fill in when they chose none
  // (or a choice the ward's list no longer holds). Staff still confirm it by classifying.
  const topic = clean(input.topic);
  const chosen = ctx.settings.categories.find((c) => c.category === topic)?.category;
  const words = `${input.topic} ${content.text} ${input.location}`;
  const learned = () => suggestCategoryOf(countsFor(ctx.settings.categories, ctx.taught ?? null), words, ctx.settings.categories.map((c) => c.category))?.top[0].label;
  const suggested = chosen ?? (ctx.taught ? learned() : suggestCategory(words, ctx.rules).category) ?? '';

  const fields: CaseFields = {
    code,
    receivedAt: input.receivedAt,
    channel: input.channel,
    group: group ?? typedGroup,
    groupKnown: group !== null,
    topic,
    suggestedCategory: suggested,
    category: '',
    content: contentCell,
    contentNote: notes.join(' '),
    contentOriginal: originalCell,
    location,
    confidential: input.confidential,
    hasEmail: email.valid,
    hasPhone: phone.valid,
    status: STATUS.new,
    complexity: COMPLEXITY.normal,
    dueDate: vietnamMidnight(dueDay),
    bodyDueDate: '',
    assignedBody: '',
    assignee: '',
    answer: '',
    answerPublic: false,
    publicSummary: '',
    outcome: '',
    outcomeNote: '',
    answeredAt: '',
    answerSentAt: '',
    answerMethod: '',
    approvedBy: '',
    closedAt: '',
    linkedCases: '',
    hiddenFromPublic: false,
    history: '',
    index: '',
    responseKey: input.responseKey,
    version: 1,
    updatedAt: ctx.now,
  };
  fields.history = appendHistory('', [{ v: 1, at: ctx.now.toISOString(), by: receivedBy(input), action: AUDIT_ACTION.filed, detail: input.channel }]);

  const anyContact = name !== '' || phone.given || email.given;
  const submitter: SubmitterFields | null =
    anyContact || input.confidential
      ? { code, name, phone: phone.value, phoneValid: phone.valid, email: email.value, emailValid: email.valid, confidential: input.confidential, recordedAt: ctx.now }
      : null;

  return { fields, submitter, spilled, acknowledge: email.valid, dueDay };
}
