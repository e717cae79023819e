/**
 * The mailbox's side of the wire (src/domain/mailbox-protocol.ts): a Gmail message as a
 * MailboxMessage, and one signed poll posted to the ward's web app.
 */
import { addressIn, nameIn, photosToRelay } from '../domain/mailbox-relay';
import { MAILBOX_PROTOCOL_VERSION, signedText, type MailboxAnswer, type MailboxMessage, type MailboxPoll, type SignedEnvelope } from '../domain/mailbox-protocol';
import { MAILBOX_TEXT } from './messages';

/** One message as the ward receives it: its ids, sender, text and its photos (inline images left out). */
export function toWire(message: GoogleAppsScript.Gmail.GmailMessage, threadId: string): MailboxMessage {
  const from = message.getFrom();
  const attachments = message.getAttachments({ includeInlineImages: false });
  const facts = attachments.map((a) => ({ name: a.getName(), contentType: a.getContentType(), size: a.getSize() }));
  return {
    messageId: message.getId(),
    rfcMessageId: message.getHeader('Message-ID'),
    inReplyTo: message.getHeader('In-Reply-To'),
    references: message.getHeader('References').split(/\s+/).filter(Boolean),
    threadId,
    fromName: nameIn(from),
    fromAddress: addressIn(from),
    subject: message.getSubject(),
    date: message.getDate().toISOString(),
    body: message.getPlainBody(),
    attachments: photosToRelay(facts).map((i) => ({
      name: facts[i].name,
      mimeType: facts[i].contentType.split(';')[0].trim().toLowerCase(),
      base64: Utilities.base64Encode(attachments[i].getBytes()),
    })),
  };
}

/** The ward refused the poll ({ ok: false, error }); "busy" and "failed" mean: ask again later. */
export class WardRefusal extends Error {
  constructor(readonly code: string) {
    super(MAILBOX_TEXT.wardError(code));
    this.name = 'WardRefusal';
  }
  get passing(): boolean {
    return this.code === 'busy' || this.code === 'failed';
  }
}

/** The signed request for one poll. */
export function envelope(poll: MailboxPoll, secret: string): SignedEnvelope {
  const unsigned: Omit<SignedEnvelope, 'sig'> = { v: MAILBOX_PROTOCOL_VERSION, t: Date.now(), nonce: Utilities.getUuid(), body: JSON.stringify(poll) };
  const sig = Utilities.base64Encode(Utilities.computeHmacSha256Signature(signedText(unsigned), secret, Utilities.Charset.UTF_8));
  return { ...unsigned, sig };
}

/**
 * Posts one poll and returns the ward's answer; throws when there is none to act on (a refusal, an
 * error page, a timeout), so the caller changes nothing and the next run asks again. The web app
 * answers a POST with a redirect to its content, which UrlFetchApp follows.
 */
export function post(url: string, poll: MailboxPoll, secret: string): Extract<MailboxAnswer, { ok: true }> {
  const response = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(envelope(poll, secret)),
    muteHttpExceptions: true,
    followRedirects: true,
  });
  const code = response.getResponseCode();
  if (code !== 200) throw new Error(MAILBOX_TEXT.wardRefused(code));
  let answer: MailboxAnswer;
  try {
    answer = JSON.parse(response.getContentText()) as MailboxAnswer;
  } catch {
    throw new Error(MAILBOX_TEXT.wardUnreadable);
  }
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new Error(MAILBOX_TEXT.wardUnreadable);
  if (!answer.ok) throw new WardRefusal(String(answer.error));
  return { ok: true, filed: Array.isArray(answer.filed) ? answer.filed : [], replies: Array.isArray(answer.replies) ? answer.replies : [] };
}
