/**
 * Mail goes through the outbox tab: queued with the change that causes it, sent by the hourly job
 * (or "Đồng bộ lại") within MailApp.getRemainingDailyQuota() — see outbox-drain.ts, which sends
 * without holding the document lock; what does not fit waits for the next run. No message is lost
 * (it stays "Chờ gửi" until sent) and none is sent twice: before each send its id is noted as
 * "sending" and after it as "sent" in document properties (sendTracked, also used by intake for
 * the acknowledgement it sends at once); a message found still "sending" was cut off mid-send, so
 * it is marked for a person to check ("Cần kiểm tra") rather than sent again.
 * Secrets never wait here: a row holds placeholders where a lookup key or a personal link's token
 * goes, and they are put in as the message leaves (platform/secrets), like the resident's name.
 */
import { OUTBOX_STATUS, RESIDENT_RECIPIENT } from '../../domain/vocabulary';
import { salutation } from '../../domain/reply';
import { PROPERTY_NAMES } from './document-store';
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
