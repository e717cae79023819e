/**
 * Which case a mail from the official mailbox belongs to, pure. Replies opening new cases is the
 * classic helpdesk bug, so a mail is matched, in order:
 * 1. on its thread: a message of the same mailbox thread already went to a case — its thread id as
 *    recorded, or a message id equal to the thread's id ("The ID of a thread varies based on the
 *    messages it contains", GmailThread.getId reference: it is one of its messages' ids, so it
 *    need not be the id recorded with the first mail);
 * 2. on In-Reply-To and References: a Message-ID of a message filed before (the resident's own
 *    earlier mail, which every client lists in References when replying to the ward's reply);
 * 3. on a case code in the subject ("Re: Tiếp nhận ý kiến mã GY-2026-00012"), only when the
 *    sender is that case's submitter — anyone can type a code, so a stranger's mail naming a
 *    case never joins it (the caller checks the submitter; see services/intake/mailbox).
 * No match: a new case.
 */
import { canonicalCode } from './case-code';
import { keyTime } from './journal';
import type { MailboxMessage } from './mailbox-protocol';

/** One row of "Thư điện tử" as the matching needs it. */
export interface MailIndexRow {
  messageId: string;
  rfcMessageId: string;
  threadId: string;
  code: string;
}

const norm = (id: string) => id.trim().toLowerCase();

/** The case a message goes with by its thread or its headers; null when none. The latest matching row wins. */
export function matchByHeaders(index: MailIndexRow[], m: Pick<MailboxMessage, 'threadId' | 'inReplyTo' | 'references'>): string | null {
  const rows = index.filter((r) => r.code !== '');
  if (m.threadId) {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i].threadId === m.threadId || rows[i].messageId === m.threadId) return rows[i].code;
  }
  const ids = new Set([m.inReplyTo, ...m.references].map(norm).filter((id) => id !== ''));
  if (ids.size) {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i].rfcMessageId && ids.has(norm(rows[i].rfcMessageId))) return rows[i].code;
  }
  return null;
}

/** The first case code the subject names, in its one spelling; '' when none. */
export function codeInSubject(subject: string): string {
  const m = /\bGY\s*-\s*(\d{4})\s*-\s*(P?)(\d{1,7})\b/i.exec(String(subject ?? ''));
  return m ? canonicalCode(`GY-${m[1]}-${m[2].toUpperCase()}${m[3].padStart(5, '0')}`) : '';
}

/**
 * A message's key in the intake journal: "M<second it was received>-<mailbox id>" — the second
 * for the journal's watermark (domain/journal keyTime), the id for identity: the same message
 * handed twice has the same key, so it is one case.
 */
export function mailResponseKey(m: Pick<MailboxMessage, 'messageId' | 'date'>): string {
  const t = Date.parse(m.date);
  const second = Number.isFinite(t) && t > 0 ? Math.floor(t / 1000) : 0;
  const key = `M${second}-${m.messageId}`;
  // Every key the journal keeps starts with a letter and a second (keyTime): checked, not assumed.
  if (keyTime(key) === null) throw new Error('mail key without a time');
  return key;
}

/** Whether a journal key is one of a mail from the official mailbox. */
export function isMailKey(responseKey: string): boolean {
  return /^M\d+-/.test(responseKey);
}
