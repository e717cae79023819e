/**
 * The wire between the official mailbox's own small Apps Script project (src/mailbox/, run under
 * the ward's official mailbox account, which alone holds a Gmail scope) and the ward's web app
 * (doPost of the add-on's script). Shared by both bundles, so pure: no Apps Script globals.
 *
 * Why a signed body: doPost sees no request headers (web app guide, "Request parameters"), and
 * the web app is open to anyone, so the request proves itself in its body — an HMAC-SHA256 of
 * version, time, nonce and payload with a secret both projects keep in their properties. A
 * request older than MAX_AGE_MS, or a nonce already seen within it, is refused (replay).
 */

export const MAILBOX_PROTOCOL_VERSION = 1;
/** How old (or how far ahead, clocks differ) a signed request may be. */
export const MAILBOX_MAX_AGE_MS = 5 * 60_000;

/** What travels: the payload as JSON text, and its signature over signedText(). */
export interface SignedEnvelope {
  v: typeof MAILBOX_PROTOCOL_VERSION;
  /** Milliseconds since the epoch, when the mailbox signed it. */
  t: number;
  /** Random, once per request (Utilities.getUuid()). */
  nonce: string;
  /** JSON of a MailboxPoll (request) — kept as text so both sides sign the same bytes. */
  body: string;
  /** Base64 of HMAC-SHA256(signedText(envelope), secret), UTF-8. */
  sig: string;
}

/** The exact text both sides sign. */
export function signedText(e: Pick<SignedEnvelope, 'v' | 't' | 'nonce' | 'body'>): string {
  return `${e.v}.${e.t}.${e.nonce}.${e.body}`;
}

/** One image attachment, as the mailbox read it (inline images excluded). */
export interface MailboxAttachment {
  name: string;
  mimeType: string;
  /** Base64 of the bytes. */
  base64: string;
}

/** One message the mailbox hands to the ward. */
export interface MailboxMessage {
  /** GmailMessage.getId(): the message's identity in the mailbox (a thread's id changes). */
  messageId: string;
  /** The Message-ID header, "<…@…>". */
  rfcMessageId: string;
  /** The In-Reply-To header and the ids of References, for matching a reply to its case. */
  inReplyTo: string;
  references: string[];
  /** GmailThread.getId() when read. */
  threadId: string;
  fromName: string;
  fromAddress: string;
  subject: string;
  /** ISO instant of GmailMessage.getDate(). */
  date: string;
  /** GmailMessage.getPlainBody(), whole (the ward strips quotes and signatures). */
  body: string;
  attachments: MailboxAttachment[];
}

/** What the mailbox reports about a reply it was asked to send. */
export interface SentReport {
  id: string;
  ok: boolean;
  /** Why it failed, as the mailbox saw it (no personal data). */
  error?: string;
}

/** The request payload (SignedEnvelope.body). */
export interface MailboxPoll {
  messages: MailboxMessage[];
  sent: SentReport[];
}

/** A reply the ward asks the mailbox to send in a message's thread. */
export interface MailboxReply {
  /** The ward's outbox id: reported back in SentReport. */
  id: string;
  /** The mailbox message it answers (MailboxMessage.messageId): the mailbox replies in its thread. */
  messageId: string;
  to: string;
  subject: string;
  body: string;
}

export type FilingVerdict = 'filed' | 'followUp' | 'duplicate' | 'skipped' | 'failed';

/** The web app's answer (a ContentService JSON text). */
export type MailboxAnswer =
  | { ok: true; filed: { messageId: string; verdict: FilingVerdict; code?: string }[]; replies: MailboxReply[] }
  | { ok: false; error: string };
