/**
 * One poll of the official mailbox, as doPost receives it: authenticated (mailbox-auth), then the
 * mailbox's reports on the replies it was asked to send, then each message filed (mailbox.ts),
 * then the replies waiting for it handed over (mailbox-replies.ts). The answer is the
 * MailboxAnswer JSON; a request that is not authentic gets {ok:false,error:'unauthorized'} and
 * changes nothing, and is logged without anything it carried.
 */
import { parsePoll } from '../../domain/mailbox-auth';
import type { MailboxAnswer, MailboxReply } from '../../domain/mailbox-protocol';
import { redactPersonalData } from '../../domain/redact';
import { DocumentStore } from '../platform/document-store';
import { describeError, logError } from '../platform/errors';
import { loadRuntime } from '../platform/runtime';
import { authenticate } from './mailbox-auth';
import { fileMessage, type MessageOutcome } from './mailbox';
import { applySentReports, handOverReplies } from './mailbox-replies';

/** Stop filing after this long (an execution has 6 minutes): the rest is answered "failed" and handed again next poll. */
export const POLL_FILING_BUDGET_MS = 4 * 60_000;

export function receivePoll(text: unknown): MailboxAnswer {
  const started = Date.now();
  const store = DocumentStore.open();
  const verdict = authenticate(store, text, started);
  if (verdict === 'unauthorized' || verdict === 'busy') {
    // Nothing of the request is logged: it may be anyone's.
    console.warn(`[mailbox] request refused: ${verdict}`);
    return { ok: false, error: verdict };
  }
  const poll = parsePoll(verdict.body);
  if (!poll) {
    console.warn('[mailbox] signed request with an unreadable payload');
    return { ok: false, error: 'bad-request' };
  }
  const rt = loadRuntime(store);
  if (!rt.schema.tabs.mail) return { ok: false, error: 'not-set-up' };
  const ss = SpreadsheetApp.getActive();
  // The reports first, and all of them or the poll fails: an answer "ok" tells the mailbox its
  // reports arrived, and it forgets them.
  try {
    if (!applySentReports(ss, rt, poll.sent)) return { ok: false, error: 'busy' };
  } catch (e) {
    logError({ where: 'mailbox', message: redactPersonalData(describeError(e)) }, rt.schema, ss);
    return { ok: false, error: 'failed' };
  }
  const filed: MessageOutcome[] = [];
  for (const m of poll.messages) {
    if (Date.now() - started > POLL_FILING_BUDGET_MS) {
      filed.push({ messageId: m.messageId, verdict: 'failed' });
      continue;
    }
    try {
      filed.push(fileMessage(ss, rt, m));
    } catch (e) {
      // This message waits in the mailbox for the next poll; the others go on.
      logError({ where: 'mailbox', message: redactPersonalData(describeError(e)), reference: m.messageId }, rt.schema, ss);
      filed.push({ messageId: m.messageId, verdict: 'failed' });
    }
  }
  let replies: MailboxReply[] = [];
  try {
    replies = handOverReplies(ss, rt);
  } catch (e) {
    logError({ where: 'mailbox', message: redactPersonalData(describeError(e)) }, rt.schema, ss);
  }
  return { ok: true, filed, replies };
}
