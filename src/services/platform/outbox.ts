/**
 * Mail goes through the outbox tab, sent within MailApp.getRemainingDailyQuota(); what does not
 * fit waits for the next hourly run. No message is lost (it stays "Chờ gửi" until sent) and none
 * is sent twice: before each send its id is noted as "sending" and after it as "sent" in document
 * properties; a message found still "sending" was cut off mid-send, so it is marked for a person
 * to check ("Cần kiểm tra") rather than sent again.
 * Secrets never wait here: a row holds placeholders where a lookup key or a personal link's token
 * goes, and they are put in as the message leaves (platform/secrets), like the resident's name.
 * The fate of a mail its case depends on (the answer e-mail, the police's mail) is noted in the
 * document properties before the tab says it, for services/cases/deliveries to carry to the case.
 */
import { OUTBOX_STATUS, RESIDENT_RECIPIENT } from '../../domain/vocabulary';
import { checkEmail } from '../../domain/contact';
import { redactPersonalData } from '../../domain/redact';
import { REPORTED_MAIL_KINDS, type MailReport } from '../../domain/lifecycle/mail-settled';
import { salutation } from '../../domain/reply';
import { ERRORS } from '../../i18n/vi';
import { PROPERTY_NAMES } from './document-store';
import { fillSecrets, KEY_SLOT, SecretUnavailable, type CaseKeyOf } from './secrets';
import { describeError, logError } from './errors';
import type { Runtime } from './runtime';

/** Re-exported for services/cases/actions.ts, which imports it from here. */
export { RESIDENT_RECIPIENT };

/** A message to queue. Its id is deterministic (kind, case, version), so a retry cannot queue it twice. */
export interface OutgoingMail {
  id: string;
  kind: string;
  code: string;
  /** An address, or RESIDENT_RECIPIENT. */
  recipient: string;
  subject: string;
  body: string;
}

/** The outbox row of a new message, waiting. */
export function outboxRecord(mail: OutgoingMail, now: Date): Record<string, unknown> {
  return { ...mail, createdAt: now, status: OUTBOX_STATUS.waiting, sentAt: '', attempts: 0, error: '' };
}

/** Up to this many messages are queued with one appendRow each (see queueMail). */
const QUEUED_BY_ROW = 20;

/**
 * Queues messages: one appendRow each when up to QUEUED_BY_ROW — writes only, so they join the
 * caller's write batch and cost no request of their own (an action's row, audit and e-mails are
 * one request: Apps Script sends consecutive writes together, platform/board-cache) — one block
 * when more (which reads where the tab ends first).
 */
export function queueMail(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, mails: OutgoingMail[], now: Date): void {
  if (mails.length === 0) return;
  rt.table('outbox', ss).append(mails.map((m) => outboxRecord(m, now)), mails.length <= QUEUED_BY_ROW ? 'rows' : 'batch');
}

/** Stop sending after this long, leaving time to record what was sent; the rest waits an hour. */
export const DRAIN_BUDGET_MS = 4 * 60 * 1000;

export interface MailToSend {
  id: string;
  to: string;
  subject: string;
  body: string;
}

/** Sends one message if the quota allows; true when it left. Marks it before and after. */
export function sendTracked(rt: Runtime, mail: MailToSend): boolean {
  if (MailApp.getRemainingDailyQuota() < 1) return false;
  const key = PROPERTY_NAMES.outboxMark + mail.id;
  rt.store.set(key, `sending|${new Date().toISOString()}`);
  // If sendEmail throws, the mark stays "sending": a service error does not prove the message
  // did not leave, so it is never sent again automatically — a person checks ("Cần kiểm tra").
  MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, name: rt.settings.committeeName });
  rt.store.set(key, `sent|${new Date().toISOString()}`);
  return true;
}

export interface DrainResult {
  sent: number;
  waiting: number;
  uncertain: number;
  failed: number;
}

/** Runs under the document lock (the caller holds it). */
export function drainOutbox(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DrainResult {
  const result: DrainResult = { sent: 0, waiting: 0, uncertain: 0, failed: 0 };
  const outbox = rt.table('outbox', ss);
  const records: Array<Record<string, unknown>> = outbox.rows();
  if (records.length === 0) return result;
  const before = records.map((r) => r.status);
  const marks = rt.store.withPrefix(PROPERTY_NAMES.outboxMark);
  const started = Date.now();

  // Settle what earlier executions did.
  for (const r of records) {
    const id = String(r.id);
    if (r.status !== OUTBOX_STATUS.waiting || !marks[id]) continue;
    const [state, at] = marks[id].split('|');
    if (state === 'sent') {
      r.status = OUTBOX_STATUS.sent;
      r.sentAt = new Date(at);
    } else {
      r.status = OUTBOX_STATUS.uncertain;
      r.error = ERRORS.maybeSent;
      logError({ where: 'outbox', message: ERRORS.maybeSent, code: String(r.code), reference: id }, rt.schema, ss);
    }
  }

  // A message queued twice (a retried action) leaves once: later rows with an id seen before are duplicates.
  const ids = new Set<string>();
  for (const r of records) {
    const id = String(r.id);
    if (ids.has(id) && r.status === OUTBOX_STATUS.waiting) r.status = OUTBOX_STATUS.duplicate;
    ids.add(id);
  }

  const waiting = records.filter((r) => r.status === OUTBOX_STATUS.waiting);
  if (waiting.length) {
    const residents = residentContacts(rt, ss, waiting.filter((r) => r.recipient === RESIDENT_RECIPIENT).map((r) => String(r.code)));
    // The cases' response keys, read only when a waiting message carries a lookup key.
    const keyOf = waiting.some((r) => String(r.body).includes(KEY_SLOT)) ? caseKeys(rt, ss) : () => null;
    for (const r of waiting) {
      if (Date.now() - started > DRAIN_BUDGET_MS) break;
      const resident = r.recipient === RESIDENT_RECIPIENT ? residents.get(String(r.code)) : undefined;
      const to = r.recipient === RESIDENT_RECIPIENT ? resident?.email : String(r.recipient);
      if (!to || !checkEmail(to).valid) {
        r.status = OUTBOX_STATUS.failed;
        r.error = ERRORS.noValidEmail;
        continue;
      }
      r.attempts = Number(r.attempts || 0) + 1;
      try {
        const named = resident ? addressed(String(r.body), String(r.code), resident.name) : String(r.body);
        const body = fillSecrets(rt.store, named, { id: String(r.id), code: String(r.code), recipient: to }, keyOf);
        if (!sendTracked(rt, { id: String(r.id), to, subject: String(r.subject), body })) break;
        r.status = OUTBOX_STATUS.sent;
        r.sentAt = new Date();
        r.error = '';
      } catch (e) {
        if (e instanceof SecretUnavailable) {
          // A placeholder that cannot be filled: the message is not sent, ever — never unfilled.
          r.status = OUTBOX_STATUS.failed;
          r.error = e.message;
          continue;
        }
        r.error = redactPersonalData(describeError(e));
        logError({ where: 'outbox', message: String(r.error), code: String(r.code), reference: String(r.id) }, rt.schema, ss);
      }
    }
  }

  // What happened to the mails whose case waits for them, noted before the tab says it: a cut-off
  // after this leaves them to be carried to their cases; before it, the next run finds them again.
  noteReports(rt, records.filter((r, i) => before[i] === OUTBOX_STATUS.waiting && r.status !== before[i]));
  // One write for every status, then forget the marks it made permanent.
  outbox.updateRows(
    2,
    records.map((r) => ({ status: r.status, sentAt: r.sentAt, attempts: r.attempts, error: r.error })),
  );
  // The sheet now says what the marks said: forget the marks of every settled message.
  const settled = records.filter((r) => r.status !== OUTBOX_STATUS.waiting).map((r) => String(r.id));
  const known = new Set(Object.keys(rt.store.withPrefix(PROPERTY_NAMES.outboxMark)));
  rt.store.removeMany(settled.filter((id) => known.has(id)).map((id) => PROPERTY_NAMES.outboxMark + id));

  result.sent = records.filter((r, i) => r.status === OUTBOX_STATUS.sent && before[i] !== OUTBOX_STATUS.sent).length;
  result.waiting = records.filter((r) => r.status === OUTBOX_STATUS.waiting).length;
  result.uncertain = records.filter((r, i) => r.status === OUTBOX_STATUS.uncertain && before[i] !== OUTBOX_STATUS.uncertain).length;
  result.failed = records.filter((r, i) => r.status === OUTBOX_STATUS.failed && before[i] !== OUTBOX_STATUS.failed).length;
  return result;
}

/** The reports of the mails that just left or failed and whose case waits for them, added to those not yet applied. */
function noteReports(rt: Runtime, settled: Array<Record<string, unknown>>): void {
  const now = new Date().toISOString();
  const fresh: MailReport[] = [];
  for (const r of settled) {
    const kind = REPORTED_MAIL_KINDS[String(r.kind)];
    if (!kind || r.status === OUTBOX_STATUS.duplicate) continue;
    const sent = r.status === OUTBOX_STATUS.sent;
    fresh.push({
      id: String(r.id),
      code: String(r.code),
      kind,
      sent,
      at: sent && r.sentAt instanceof Date ? r.sentAt.toISOString() : now,
      error: sent ? '' : String(r.error || ERRORS.maybeSent),
      // The police's address, never a resident's (theirs is not in the row either).
      to: kind === 'police' ? String(r.recipient) : '',
    });
  }
  if (fresh.length === 0) return;
  const ids = new Set(fresh.map((f) => f.id));
  const kept = (rt.store.getJson<MailReport[]>(PROPERTY_NAMES.mailReports) ?? []).filter((m) => !ids.has(m.id));
  rt.store.setJson(PROPERTY_NAMES.mailReports, [...kept, ...fresh]);
}

/**
 * A resident's message names them in its salutation. The outbox row (read by staff) says only
 * "Ông/Bà người gửi ý kiến mã …"; the name is put in here, at sending, from "Người gửi" — and
 * only into the first line, which the add-on wrote, never into anything else.
 */
export function addressed(body: string, code: string, name: string): string {
  const anonymous = salutation('', code);
  if (!name.trim() || !body.startsWith(`${anonymous}\n`)) return body;
  return salutation(name.replace(/\s+/g, ' '), code) + body.slice(anonymous.length);
}

/** Every case's response key and issue number by code, in column reads whose number does not grow with the cases. */
export function caseKeyTable(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, { responseKey: string; issue: number }> {
  // Two reads: the code is far from the other two, and one block would read every column between.
  const cases = rt.table('cases', ss);
  const codes = cases.rows(['code']);
  const rest = cases.rows(['responseKey', 'lookupVersion']);
  const byCode = new Map<string, { responseKey: string; issue: number }>();
  codes.forEach((r, i) => {
    if (r.code !== '' && r.code !== null) byCode.set(String(r.code), { responseKey: String(rest[i]?.responseKey ?? ''), issue: Number(rest[i]?.lookupVersion) || 0 });
  });
  return byCode;
}

function caseKeys(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CaseKeyOf {
  const table = caseKeyTable(rt, ss);
  return (code) => table.get(code) ?? null;
}

/** Residents' valid addresses (and names) by case code, read from "Người gửi" in one call. */
function residentContacts(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, codes: string[]): Map<string, { email: string; name: string }> {
  const out = new Map<string, { email: string; name: string }>();
  if (codes.length === 0) return out;
  const wanted = new Set(codes);
  for (const r of rt.table('submitters', ss).rows(['code', 'name', 'email', 'emailValid'])) {
    if (wanted.has(String(r.code)) && r.emailValid === true) out.set(String(r.code), { email: String(r.email), name: String(r.name ?? '') });
  }
  return out;
}
