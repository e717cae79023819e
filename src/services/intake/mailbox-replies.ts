/**
 * The acknowledgement and the answer of a case that came through the official mailbox go back in
 * the mail's own thread, sent by the mailbox (the add-on has no Gmail scope). Their outbox rows
 * are queued as every resident's mail is ("Người gửi", placeholders for secrets); the hourly
 * MailApp drain leaves them alone (platform/outbox-drain, `viaMailbox`), and each poll:
 * 1. applies the mailbox's reports on the replies it was handed (SentReport): sent → "Đã gửi",
 *    and the case hears of it at once (cases/deliveries) — an answer makes it "Đã trả lời"; a
 *    failure is offered again, up to MAILBOX_REPLY_ATTEMPTS, then "Không gửi được" (the case says
 *    so and the admins are told, as for any answer that could not be sent);
 * 2. hands over what waits: each row claimed "Đang gửi" with the hand-over's time, its name and
 *    secrets put in now, in memory only (platform/secrets fillSecrets, as the MailApp drain does).
 *    A claim whose report never comes (the answer to the poll was lost) is handed again after
 *    MAILBOX_REPLY_LEASE_MS; a row "Đã gửi" is never handed again.
 * Both under the document lock, one write of the outbox rows each.
 */
import { isMailKey } from '../../domain/mail-match';
import type { MailboxReply, SentReport } from '../../domain/mailbox-protocol';
import { redactPersonalData } from '../../domain/redact';
import { replySubject } from '../../domain/text/mail-body';
import { OUTBOX_STATUS, RESIDENT_RECIPIENT } from '../../domain/vocabulary';
import { settleMailReports } from '../cases/deliveries';
import { claimFilled, noteMailReports } from '../platform/outbox-drain';
import { addressed, caseKeyTable } from '../platform/outbox';
import { fillSecrets } from '../platform/secrets';
import { logError } from '../platform/errors';
import { tryDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS, STEP_WORK_MS } from '../platform/lock-waits';
import type { Runtime } from '../platform/runtime';
import { readMailIndex } from './mailbox';
import { ACK, MAILBOX } from '../../i18n/vi';

/** Longer than two polls (every 10 minutes): a reply handed over and not reported by then is handed again. */
export const MAILBOX_REPLY_LEASE_MS = 25 * 60_000;
/** Reports of failure before a reply is given up ("Không gửi được"). */
export const MAILBOX_REPLY_ATTEMPTS = 3;

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Row = Record<string, unknown> & { row: number };

/** Residents who wrote to the official mailbox, by case code: their name and address (from "Người gửi"). */
export function mailboxResidents(ss: Ss, rt: Runtime): Map<string, { email: string; name: string; valid: boolean }> {
  const out = new Map<string, { email: string; name: string; valid: boolean }>();
  for (const r of rt.table('submitters', ss).rows(['code', 'name', 'email', 'emailValid', 'responseKey'])) {
    if (isMailKey(String(r.responseKey ?? ''))) out.set(String(r.code), { email: String(r.email ?? ''), name: String(r.name ?? ''), valid: r.emailValid === true });
  }
  return out;
}

/** The outbox rows from the first one not final to the end, in one read (none: []). */
function openRows(ss: Ss, rt: Runtime): Row[] {
  const outbox = rt.table('outbox', ss);
  const statuses = outbox.rows(['status']);
  const open = statuses.find((r) => r.status === OUTBOX_STATUS.waiting || r.status === OUTBOX_STATUS.sending);
  if (!open) return [];
  return outbox.rows(undefined, statuses.length + 1, open.row) as Row[];
}

function write(ss: Ss, rt: Runtime, rows: Row[]): void {
  if (rows.length === 0) return;
  rt.table('outbox', ss).updateRows(
    rows[0].row,
    rows.map((r) => ({ status: r.status, sentAt: r.sentAt, attempts: r.attempts, error: r.error })),
  );
}

function locked<T>(fn: () => T, otherwise: T): T {
  const lock = tryDocumentLock(LOCK_WAIT_MS.mailbox);
  if (!lock) return otherwise;
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Step 1: what the mailbox says it did with the replies it was handed. False when the lock could
 * not be had: the poll must then fail, so that the mailbox keeps its reports and sends them again
 * (a report dropped would let the lease hand a sent reply over a second time).
 */
export function applySentReports(ss: Ss, rt: Runtime, sent: SentReport[], now: Date = new Date()): boolean {
  if (sent.length === 0) return true;
  return locked(() => {
    rt.store.refresh();
    const rows = openRows(ss, rt);
    const reports = new Map(sent.map((s) => [s.id, s]));
    const settled: Row[] = [];
    let changed = false;
    for (const r of rows) {
      const report = reports.get(String(r.id));
      // Only a row handed over and not yet settled: a report on anything else changes nothing.
      if (!report || r.status !== OUTBOX_STATUS.sending) continue;
      changed = true;
      r.attempts = Number(r.attempts || 0) + 1;
      if (report.ok) {
        r.status = OUTBOX_STATUS.sent;
        r.sentAt = now;
        r.error = '';
        settled.push(r);
      } else {
        const why = redactPersonalData(String(report.error ?? '')).slice(0, 300);
        r.error = why;
        r.sentAt = '';
        r.status = Number(r.attempts) >= MAILBOX_REPLY_ATTEMPTS ? OUTBOX_STATUS.failed : OUTBOX_STATUS.waiting;
        if (r.status === OUTBOX_STATUS.failed) {
          settled.push(r);
          logError({ where: 'mailbox', message: why, code: String(r.code), reference: String(r.id) }, rt.schema, ss);
        }
      }
    }
    // The case hears first (document properties), then the tab says it: a cut in between is
    // settled again from the report, which changes nothing twice (cases/deliveries).
    noteMailReports(rt, settled);
    if (changed) write(ss, rt, rows);
    SpreadsheetApp.flush();
    settleMailReports(ss, rt, STEP_WORK_MS);
    return true;
  }, false);
}

/** Step 2: the replies waiting for the mailbox, claimed. */
export function handOverReplies(ss: Ss, rt: Runtime, now: Date = new Date()): MailboxReply[] {
  return locked(() => {
    rt.store.refresh();
    const rows = openRows(ss, rt);
    const due = rows.filter((r) => r.recipient === RESIDENT_RECIPIENT && (r.status === OUTBOX_STATUS.waiting || (r.status === OUTBOX_STATUS.sending && !(r.sentAt instanceof Date && now.getTime() - r.sentAt.getTime() < MAILBOX_REPLY_LEASE_MS))));
    if (due.length === 0) return [];
    const residents = mailboxResidents(ss, rt);
    const ours = due.filter((r) => residents.has(String(r.code)));
    if (ours.length === 0) return [];
    // The message each case's reply answers: the latest of the case's thread the mailbox handed over.
    const threadOf = new Map<string, { messageId: string; subject: string }>();
    for (const m of readMailIndex(ss, rt)) if (m.code) threadOf.set(m.code, m);
    const keys = caseKeyTable(rt, ss);
    const replies: MailboxReply[] = [];
    for (const r of ours) {
      const resident = residents.get(String(r.code))!;
      const thread = threadOf.get(String(r.code));
      // Its mail's row not written yet (a poll cut between the case and the row): it waits for the
      // next delivery of that mail, which writes the row.
      if (!thread) continue;
      if (!resident.valid) {
        r.status = OUTBOX_STATUS.failed;
        r.error = MAILBOX.noThread;
        continue;
      }
      const body = claimFilled(r, now, () => {
        // In the thread a reply is welcome: it reaches the case (services/intake/mailbox).
        const named = addressed(String(r.body), String(r.code), resident.name).split(ACK.noReply).join(MAILBOX.replyWelcome);
        return fillSecrets(rt.store, named, { id: String(r.id), code: String(r.code), recipient: resident.email }, (code) => keys.get(code) ?? null, now);
      });
      if (body !== null) replies.push({ id: String(r.id), messageId: thread.messageId, to: resident.email, subject: replySubject(thread.subject), body });
    }
    noteMailReports(rt, ours.filter((r) => r.status === OUTBOX_STATUS.failed));
    write(ss, rt, rows);
    SpreadsheetApp.flush();
    return replies;
  }, []);
}
