/**
 * A form submission becomes a case. Runs as the installed form-submit trigger:
 * - only the recorded intake trigger files (a second installed trigger changes nothing);
 * - under the document lock, and once per responses-tab row (a second delivery changes nothing);
 * - if the lock times out or anything throws, the response stays in the responses tab, the error
 *   goes to the errors tab, and reconcile (hourly, or "Đồng bộ lại") files it later.
 * Spreadsheet calls: e.range.getRow, getActive, then getSheetByName + appendRow per tab written
 * (cases; submitters, long text and outbox when needed) — at most 10, whatever the database size.
 */
import { vietnamDayOf } from '../../domain/calendar/civil-date';
import { allocateCodes, type SequenceState } from '../../domain/case-code';
import { CHANNELS } from '../../domain/case';
import { prepareCase, type SubmissionInput } from '../../domain/intake';
import { RowSet } from '../../domain/row-set';
import { ERRORS, FORM } from '../../i18n/vi';
import { writeCase, writesFor, type CaseWrites } from './filing';
import { DocumentStore, KEYS } from '../platform/document-store';
import { describeError, logError } from '../platform/errors';
import { sendTracked } from '../platform/outbox';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { RAW_TITLES } from './form-builder';
import { restoreCutAnswers } from './full-answers';

/** How long intake waits for another execution to finish with the database. */
export const INTAKE_LOCK_WAIT_MS = 20_000;

export type IntakeOutcome = 'filed' | 'duplicate' | 'ignored' | 'deferred' | 'failed';

/** The next codes of a year, moving the stored sequence forward (caller holds the lock). */
export function takeCodes(rt: Runtime, year: number, count: number, floor = 0): string[] {
  const state = rt.store.getJson<SequenceState>(KEYS.sequence) ?? {};
  const { codes, state: next } = allocateCodes(state, year, count, floor);
  rt.store.setJson(KEYS.sequence, next);
  return codes;
}

export function vietnamYear(at: Date): number {
  return new Date(vietnamDayOf(at) * 86_400_000).getUTCFullYear();
}

/** "24/11/2026 18:45:16" (vi) or "11/24/2026 18:45:16" (en) in the script's zone, as Forms shows it. */
export function parseResponseTimestamp(text: string, locale: string): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = locale.startsWith('en_US') ? [b, a] : [a, b];
  const utc = Date.UTC(Number(m[3]), month - 1, day, Number(m[4]) - 7, Number(m[5]), Number(m[6]));
  return Number.isNaN(utc) ? null : new Date(utc);
}

/** A submission read from a responses-tab row (values keyed by our raw keys). */
export function submissionFrom(answers: Partial<Record<keyof typeof RAW_TITLES, string>>, receivedAt: Date, row: number): SubmissionInput {
  const confidential = (answers.confidential ?? '').includes(FORM.confidentialChoice);
  return {
    channel: CHANNELS.qr,
    receivedAt,
    group: answers.group ?? '',
    topic: answers.topic ?? '',
    content: answers.content ?? '',
    location: answers.location ?? '',
    name: answers.name ?? '',
    phone: answers.phone ?? '',
    email: answers.email ?? '',
    confidential,
    responseKey: responseKeyOf(row),
  };
}

export function responseKeyOf(row: number): string {
  return `R${row}`;
}

export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeOutcome {
  const store = DocumentStore.open();
  const owner = store.get(KEYS.intakeTrigger);
  if (owner && e.triggerUid && String(e.triggerUid) !== owner) return 'ignored';
  const rt = loadRuntime(store);
  const row = e.range.getRow();
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(INTAKE_LOCK_WAIT_MS)) {
    logError({ where: 'intake', message: ERRORS.lockTimeout, reference: `Câu trả lời biểu mẫu, dòng ${row}` }, rt.schema);
    return 'deferred';
  }
  let writes: CaseWrites | null = null;
  try {
    const filed = RowSet.parse(store.get(KEYS.filedRows));
    if (filed.has(row)) return 'duplicate';
    const now = new Date();
    const stamp = (e.values ?? [])[0];
    const receivedAt = (stamp && parseResponseTimestamp(stamp, rt.schema.raw?.locale ?? 'vi_VN')) || now;
    const named = e.namedValues ?? {};
    const byTitle: Record<string, string> = {};
    for (const title of Object.values(RAW_TITLES)) byTitle[title] = (named[title] ?? [''])[0] ?? '';
    const whole = restoreCutAnswers(rt.schema.formId, receivedAt, byTitle);
    const answers: Partial<Record<keyof typeof RAW_TITLES, string>> = {};
    for (const [key, title] of Object.entries(RAW_TITLES)) answers[key as keyof typeof RAW_TITLES] = whole[title];
    const input = submissionFrom(answers, receivedAt, row);
    const [code] = takeCodes(rt, vietnamYear(receivedAt), 1);
    const prepared = prepareCase(input, code, { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now });
    writes = writesFor(prepared, rt, now);
    writeCase(SpreadsheetApp.getActive(), rt, writes);
    filed.add(row);
    store.set(KEYS.filedRows, filed.toString());
    acknowledgeNow(rt, writes);
  } catch (error) {
    logError({ where: 'intake', message: ERRORS.unexpected(describeError(error)), code: writes?.code, reference: `Câu trả lời biểu mẫu, dòng ${row}` }, rt.schema);
    return 'failed';
  } finally {
    lock.releaseLock();
  }
  return 'filed';
}

/**
 * The acknowledgement leaves at once if today's quota allows, still under the lock so the
 * outbox's hourly run cannot send it a second time; otherwise it waits in the outbox.
 */
export function acknowledgeNow(rt: Runtime, w: CaseWrites): void {
  if (!w.outbox || !w.submitter) return;
  try {
    sendTracked(rt, { id: String(w.outbox.id), to: String(w.submitter.email), subject: String(w.outbox.subject), body: String(w.outbox.body) });
  } catch (error) {
    logError({ where: 'outbox', message: describeError(error), code: w.code, reference: String(w.outbox.id) }, rt.schema);
  }
}
