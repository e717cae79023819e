/**
 * The ward's side of the official mailbox: each message the mailbox's own project hands over
 * (domain/mailbox-protocol) is filed through the one filing pipeline (cases/filing fileOne), under
 * the document lock, one message per hold:
 * - a message already in "Thư điện tử" is a second delivery: nothing is written;
 * - mail no person wrote (bounces, no-reply, auto-replies) is skipped and nothing is kept of it;
 * - a reply (domain/mail-match: thread, then In-Reply-To/References, then a case code in the
 *   subject from that case's submitter) goes with its case: before the case is answered it is an
 *   *addition* — a line in the case's history with the resident's words, which the staff handling
 *   it see where they work; after the answer (or once closed), a *linked follow-up case*, as the
 *   lookup page's follow-up: a new case with its own deadline and acknowledgement, since the
 *   resident is telling the ward that the answer did not settle it and the first case's clock has
 *   stopped. An addition too long for a history line is filed as a linked case too (kept whole);
 * - anything else is a new case: channel "Email", the sender's name and address as its contact
 *   (submitters tab only, never the case row), the subject as the content's first line, the body
 *   without quotes and signatures (domain/text/mail-body).
 * Each message's outcome is then one row of "Thư điện tử" (no address: the subject and ids).
 * All or nothing per message: the case (or addition) is written first, the index row last; a cut
 * in between is completed by the next delivery — fileOne finds its reservation, an addition its
 * marker in the history — never doubled.
 */
import { intakeContext } from '../platform/intake-context';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { CHANNELS } from '../../domain/case';
import { parseHistory, type CaseRecord, type HistoryEvent } from '../../domain/case-record';
import { prepareCase, type PreparedCase } from '../../domain/intake';
import { FIELD_LABELS, linkCodes, statusOf } from '../../domain/lifecycle';
import { codeInSubject, mailResponseKey, matchByHeaders, type MailIndexRow } from '../../domain/mail-match';
import type { FilingVerdict, MailboxMessage } from '../../domain/mailbox-protocol';
import { cleanResidentText } from '../../domain/text/sanitize';
import { baseSubject, isAutomatedMail, mailBody } from '../../domain/text/mail-body';
import { MAILBOX } from '../../i18n/vi';
import { commitChange } from '../cases/actions';
import { fileOne } from '../cases/filing';
import { ArchivedCase, readCase, type CaseRow } from '../cases/store';
import { attachPhotos } from '../photos/store';
import { tryDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import type { Runtime } from '../platform/runtime';

/** Longer than this, a reply before the answer is filed as a linked case (kept whole) rather than a history line. */
export const ADDITION_MAX_CHARS = 4_000;

export interface MessageOutcome {
  messageId: string;
  verdict: FilingVerdict;
  code?: string;
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "Thư điện tử" as the matching needs it, with each row's verdict. */
export function readMailIndex(ss: Ss, rt: Runtime): Array<MailIndexRow & { verdict: string; subject: string }> {
  return rt.table('mail', ss).rows(['messageId', 'rfcMessageId', 'threadId', 'code', 'verdict', 'subject']).map((r) => ({
    messageId: String(r.messageId ?? ''),
    rfcMessageId: String(r.rfcMessageId ?? ''),
    threadId: String(r.threadId ?? ''),
    code: String(r.code ?? ''),
    verdict: String(r.verdict ?? ''),
    subject: String(r.subject ?? ''),
  }));
}

/** When the mailbox received it, unless that is no time or in the future (a sender's clock): then now. */
function receivedAt(m: MailboxMessage, now: Date): Date {
  const t = Date.parse(m.date);
  return Number.isFinite(t) && t > 0 && t <= now.getTime() + 60_000 ? new Date(t) : now;
}

/** The case's content: the subject as its first line, then what the resident wrote. */
export function mailContent(m: MailboxMessage): string {
  const subject = baseSubject(cleanResidentText(m.subject).text.replace(/\s+/g, ' '));
  const body = mailBody(m.body).text;
  return `${MAILBOX.subjectLine(subject || MAILBOX.noSubject)}\n\n${body}`;
}

/** Files one message (takes and releases the document lock). */
export function fileMessage(ss: Ss, rt: Runtime, m: MailboxMessage, now: Date = new Date()): MessageOutcome {
  if (isAutomatedMail(m.fromAddress, m.fromName, m.subject)) return { messageId: m.messageId, verdict: 'skipped' };
  const lock = tryDocumentLock(LOCK_WAIT_MS.mailbox);
  if (!lock) return { messageId: m.messageId, verdict: 'failed' };
  try {
    rt.store.refresh();
    const index = readMailIndex(ss, rt);
    const known = index.find((r) => r.messageId === m.messageId);
    if (known) return { messageId: m.messageId, verdict: 'duplicate', ...(known.code ? { code: known.code } : {}) };
    const matched = matchByHeaders(index, m) ?? matchBySubject(ss, rt, m);
    const at = matched ? openCase(ss, rt, matched) : null;
    const outcome = at ? fileReply(ss, rt, m, at, now) : { verdict: 'filed' as const, code: fileNew(ss, rt, m, null, now), label: MAILBOX.verdict.filed };
    attachImages(rt, outcome.code, m);
    rt.table('mail', ss).append(
      [{ messageId: m.messageId, rfcMessageId: m.rfcMessageId, threadId: m.threadId, code: outcome.code, verdict: outcome.label, subject: cleanResidentText(m.subject).text.slice(0, 500), receivedAt: receivedAt(m, now), recordedAt: now }],
      'rows',
    );
    SpreadsheetApp.flush();
    return { messageId: m.messageId, verdict: outcome.verdict, code: outcome.code };
  } finally {
    lock.releaseLock();
  }
}

/** The matched case, when it is still in the cases tab (an archived one is read-only: the mail becomes a new case). */
function openCase(ss: Ss, rt: Runtime, code: string): CaseRow | null {
  try {
    return readCase(ss, rt, code);
  } catch (e) {
    if (e instanceof ArchivedCase) return null;
    throw e;
  }
}

/**
 * The mail's image attachments (inline images are left out by the mailbox) become the case's
 * photos through the photo store, which checks each, keeps them private and stores each once per
 * (case, mail, index) — so a second delivery stores nothing again. Anything else attached is not kept.
 */
function attachImages(rt: Runtime, code: string, m: MailboxMessage): void {
  const images = m.attachments.filter((a) => /^image\//i.test(a.mimeType));
  if (images.length === 0) return;
  attachPhotos(rt, code, `mail:${m.messageId}`, images.map((a) => ({ name: a.name, mimeType: a.mimeType, base64: a.base64 })));
}

/** A code in the subject counts only when the sender is that case's submitter (one read of "Người gửi"). */
function matchBySubject(ss: Ss, rt: Runtime, m: MailboxMessage): string | null {
  const code = codeInSubject(m.subject);
  const from = m.fromAddress.trim().toLowerCase();
  if (!code || !from) return null;
  const submitter = rt.table('submitters', ss).rows(['code', 'email']).find((r) => String(r.code) === code);
  return submitter && String(submitter.email ?? '').trim().toLowerCase() === from ? code : null;
}

/** Answered (the answer really reached the resident, domain/lifecycle statusOf) or closed. */
function answeredOrClosed(c: CaseRecord): boolean {
  const status = statusOf(c);
  return status === 'answered' || status === 'closed';
}

function fileReply(ss: Ss, rt: Runtime, m: MailboxMessage, at: CaseRow, now: Date): { verdict: FilingVerdict; code: string; label: string } {
  const c = at.record;
  const key = mailResponseKey(m);
  const text = cleanResidentText(mailBody(m.body).text).text;
  if (!answeredOrClosed(c) && text.length <= ADDITION_MAX_CHARS) {
    const history = parseHistory(c.history);
    // Written before a cut-off stopped the index row: the addition is there, only the row is missing.
    if (!history.some((e) => (e.changes ?? []).some((ch) => ch.field === MAILBOX.additionMarker && ch.to === key))) {
      const event: HistoryEvent = { v: c.version + 1, at: now.toISOString(), by: MAILBOX.by, action: MAILBOX.additionAction, detail: text, changes: [{ field: MAILBOX.additionMarker, from: '', to: key }] };
      commitChange(ss, rt, at, { ...c, version: c.version + 1, updatedAt: now }, event);
    }
    return { verdict: 'followUp', code: c.code, label: MAILBOX.verdict.addition };
  }
  const code = fileNew(ss, rt, m, c, now);
  const linked = linkCodes(c.linkedCases, code);
  if (linked !== c.linkedCases) {
    const event: HistoryEvent = { v: c.version + 1, at: now.toISOString(), by: MAILBOX.by, action: MAILBOX.followUpAction, detail: MAILBOX.followUpDetail(code), changes: [{ field: FIELD_LABELS.linkedCases!, from: c.linkedCases, to: linked }] };
    commitChange(ss, rt, at, { ...c, linkedCases: linked, version: c.version + 1, updatedAt: now }, event);
  }
  return { verdict: 'followUp', code, label: MAILBOX.verdict.followUp };
}

/** A new case from the message; `from`: the case it follows up (its group, category, place, confidentiality, and a link back). */
function fileNew(ss: Ss, rt: Runtime, m: MailboxMessage, from: CaseRecord | null, now: Date): string {
  const key = mailResponseKey(m);
  const received = receivedAt(m, now);
  const ctx = intakeContext(rt, now);
  const filed = fileOne(
    ss,
    rt,
    {
      responseKey: key,
      by: MAILBOX.by,
      prepare: (code): PreparedCase => {
        const prepared = prepareCase(
          {
            channel: CHANNELS.email,
            receivedAt: received,
            group: from?.group ?? '',
            topic: from?.category ?? '',
            content: mailContent(m),
            location: from?.location ?? '',
            name: m.fromName,
            phone: '',
            email: m.fromAddress,
            confidential: from?.confidential ?? false,
            responseKey: key,
            enteredBy: MAILBOX.by,
          },
          code,
          ctx,
        );
        if (from) prepared.fields.linkedCases = from.code;
        return prepared;
      },
    },
    vietnamYear(received),
    now,
  );
  return filed.code;
}
