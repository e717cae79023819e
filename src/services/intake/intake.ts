/**
 * A form submission becomes a case. Runs as the installed form-submit trigger:
 * - only the recorded intake trigger, running as its recorded owner, files (a second installed
 *   trigger, or someone calling this function from a browser console, changes nothing);
 * - the submission's identity is its response key (timestamp + answers, see domain/journal), never
 *   its row: a second delivery, or hand edits of the responses tab, file nothing twice;
 * - under the document lock, through the one filing pipeline (services/cases/filing); the lock is
 *   kept until the trigger ends, its writes flushed under it (platform/lock holdDocumentLock);
 * - if the lock times out or anything throws, the response stays in the form, the error goes to
 *   the errors tab, and reconcile (hourly, or "Đồng bộ lại") files it later under the same code.
 * Spreadsheet calls: getActive, then getSheetByName + appendRow per tab written (submitters,
 * outbox, audit, cases; long text when needed): at most 9 (11 for a text over 50,000
 * characters), whatever the database size.
 */
import { intakeContext } from '../platform/intake-context';
import { NON_STAFF_ACTOR } from '../../domain/vocabulary';
import { fromVietnamWallTime, parseDmy, vietnamYear } from '../../domain/calendar/civil-date';
import { CHANNELS, type Channel } from '../../domain/case';
import { prepareCase, type SubmissionInput } from '../../domain/intake';
import { keyAmong, responseKey, rowPrint } from '../../domain/journal';
import { ERRORS, FORM, INTAKE_NOTES } from '../../i18n/vi';
import { isTriggerEvent, triggerOwner } from '../access/trigger';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { describeError, logError } from '../platform/errors';
import { tryDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { addressed, sendTracked } from '../platform/outbox';
import { fillSecrets } from '../platform/secrets';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { fileOne, readJournal, type CaseWrites } from '../cases/filing';
import { answerByTitles, RAW_TITLES } from './form-builder';
import { restoreCutAnswers } from './full-answers';

/** How long intake waits for another execution to finish with the database. */
export const INTAKE_LOCK_WAIT_MS = LOCK_WAIT_MS.intake;

export type IntakeOutcome = 'filed' | 'duplicate' | 'ignored' | 'deferred' | 'failed';

export type RawAnswers = Partial<Record<keyof typeof RAW_TITLES, string>>;

/** "24/11/2026 18:45:16" (vi) or "11/24/2026 18:45:16" (en) in the script's zone, as Forms shows it. */
export function parseResponseTimestamp(text: string, locale: string): Date | null {
  const t = parseDmy(String(text), { withTime: true, monthFirst: locale.startsWith('en_US') });
  return t ? fromVietnamWallTime(t) : null;
}

/** A form response's response key. */
export function keyOfResponse(answers: RawAnswers, receivedAt: Date): string {
  return responseKey({ timestamp: receivedAt, group: answers.group ?? '', content: answers.content ?? '', name: answers.name ?? '', email: answers.email ?? '' });
}

/**
 * The channel a form response came by: the place its QR code was posted, chosen by the poster's
 * link. A link without it (typed, shared, or a form made before the question existed) is a
 * group's QR: the form is only reached through the ward's QR codes and links.
 */
export function channelOfPlace(place: string | undefined): Channel {
  if (place === FORM.placeOffice) return CHANNELS.qrOffice;
  if (place === FORM.placeCentre) return CHANNELS.qrCentre;
  return CHANNELS.qr;
}

/** A submission read from a form response (values keyed by our raw keys). */
export function submissionFrom(answers: RawAnswers, receivedAt: Date, responseKey: string): SubmissionInput {
  const confidential = (answers.confidential ?? '').includes(FORM.confidentialChoice);
  return {
    channel: channelOfPlace(answers.place),
    receivedAt,
    group: answers.group ?? '',
    topic: answers.topic ?? '',
    content: answers.content ?? '',
    location: answers.location ?? '',
    name: answers.name ?? '',
    phone: answers.phone ?? '',
    email: answers.email ?? '',
    confidential,
    responseKey: responseKey,
  };
}

/** Answers by question title → by our keys, with answers the sheet cut at 50,000 characters made whole. */
export function wholeAnswers(rt: Runtime, byTitle: Record<string, string>, receivedAt: Date): RawAnswers {
  const whole = restoreCutAnswers(rt.schema.formId, receivedAt, byTitle);
  const answers: RawAnswers = {};
  for (const [key, title] of Object.entries(RAW_TITLES)) answers[key as keyof typeof RAW_TITLES] = whole[title] ?? '';
  return answers;
}

/** Is this execution the recorded intake trigger, running as its owner? */
function isIntakeTrigger(store: DocumentStore, e: unknown): e is GoogleAppsScript.Events.SheetsOnFormSubmit {
  // An event Apps Script made (from the web app's page a forged one would run as the owner too).
  if (!isTriggerEvent(e, 'formSubmit')) return false;
  const uid = (e as { triggerUid?: unknown }).triggerUid;
  const recorded = store.get(PROPERTY_NAMES.intakeTrigger);
  if (!recorded || (typeof uid !== 'string' && typeof uid !== 'number') || String(uid) !== recorded) return false;
  return triggerOwner() === (store.get(PROPERTY_NAMES.intakeOwner) ?? '').toLowerCase();
}

export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeOutcome {
  const store = DocumentStore.open();
  if (!isIntakeTrigger(store, e)) return 'ignored';
  const rt = loadRuntime(store);
  const now = new Date();
  const stamp = (Array.isArray(e.values) ? e.values : [])[0];
  const receivedAt = (stamp && parseResponseTimestamp(String(stamp), rt.schema.raw?.locale ?? 'vi_VN')) || now;
  const named = e.namedValues && typeof e.namedValues === 'object' ? e.namedValues : {};
  const byTitle: Record<string, string> = {};
  for (const [key, title] of Object.entries(RAW_TITLES)) byTitle[title] = String((answerByTitles(named, key as keyof typeof RAW_TITLES) ?? [''])[0] ?? '');
  const reference = INTAKE_NOTES.responseAt(String(stamp ?? ''));

  const lock = tryDocumentLock(INTAKE_LOCK_WAIT_MS);
  if (!lock) {
    logError({ where: 'intake', message: ERRORS.lockTimeout, reference }, rt.schema);
    return 'deferred';
  }
  let code: string | undefined;
  try {
    store.refresh();
    const answers = wholeAnswers(rt, byTitle, receivedAt);
    // Residents who answer in the same second with the same letters share a key; the response's
    // row tells them apart (and tells a second delivery of one of them).
    const row = e.range && typeof e.range.getRow === 'function' ? e.range.getRow() : 0;
    const print = row > 0 ? rowPrint(row) : undefined;
    const base = keyOfResponse(answers, receivedAt);
    const key = print ? keyAmong(readJournal(store), base, print) : base;
    const ctx = intakeContext(rt, now);
    const filed = fileOne(SpreadsheetApp.getActive(), rt, { responseKey: key, by: NON_STAFF_ACTOR.form, print, prepare: (c) => prepareCase(submissionFrom(answers, receivedAt, key), c, ctx) }, vietnamYear(receivedAt), now);
    code = filed.code;
    if (filed.outcome === 'duplicate') return 'duplicate';
    // Committed under the lock, which this trigger keeps until it ends (platform/lock holdDocumentLock).
    SpreadsheetApp.flush();
    if (filed.writes) acknowledgeNow(rt, filed.writes);
  } catch (error) {
    logError({ where: 'intake', message: ERRORS.unexpected(describeError(error)), code, reference }, rt.schema);
    return 'failed';
  }
  return 'filed';
}

/**
 * The acknowledgement leaves at once if today's quota allows, still under the lock so the
 * outbox's hourly run cannot send it a second time; otherwise it waits in the outbox. Its lookup
 * key and the resident's name are put in here, from the case just written (the outbox row holds
 * only a placeholder and "người gửi ý kiến mã …").
 */
export function acknowledgeNow(rt: Runtime, w: CaseWrites): void {
  if (!w.outbox || !w.submitter) return;
  try {
    const id = String(w.outbox.id);
    const filed = { responseKey: String(w.caseRecord.responseKey ?? ''), issue: Number(w.caseRecord.lookupVersion) || 0 };
    // Named as the hourly sender names it (platform/outbox addressed): the row keeps "người gửi ý kiến mã …".
    const named = addressed(String(w.outbox.body), w.code, String(w.submitter.name ?? ''));
    const body = fillSecrets(rt.store, named, { id, code: w.code }, (code) => (code === w.code ? filed : null));
    sendTracked(rt, { id, to: String(w.submitter.email), subject: String(w.outbox.subject), body });
  } catch (error) {
    logError({ where: 'outbox', message: describeError(error), code: w.code, reference: String(w.outbox.id) }, rt.schema);
  }
}
