/**
 * The official mailbox's side of the wire, as a test plays it: signed envelopes (HMAC-SHA256 over
 * signedText with the shared secret, UTF-8, base64 — what Utilities.computeHmacSha256Signature
 * with Charset.UTF_8 gives) posted to the ward's web app, and messages as GmailApp would read them.
 */
import crypto from 'node:crypto';
import { MAILBOX_PROTOCOL_VERSION, signedText, type MailboxAnswer, type MailboxMessage, type MailboxPoll, type SignedEnvelope } from '../../src/domain/mailbox-protocol';
import type { Ward } from './ward';

export const MAILBOX_SECRET_PROPERTY = 'hts.mailbox.secret';

export function sign(secret: string, e: Omit<SignedEnvelope, 'sig'>): SignedEnvelope {
  const sig = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(signedText(e), 'utf8')).digest('base64');
  return { ...e, sig };
}

let nonces = 0;
export function envelope(secret: string, poll: MailboxPoll, at: number, nonce = `nonce-${++nonces}-${crypto.randomUUID()}`): SignedEnvelope {
  return sign(secret, { v: MAILBOX_PROTOCOL_VERSION, t: at, nonce, body: JSON.stringify(poll) });
}

/** The admin connected the mailbox: the shared secret as the ward keeps it (returned, as the admin copies it). */
export function connectMailboxDirectly(ward: Ward, secret = 'bí-mật-chung-0123456789abcdef0123456789abcdef'): string {
  const props = ward.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  props.getDocumentProperties().setProperty(MAILBOX_SECRET_PROPERTY, secret);
  return secret;
}

/** Posts a body to the web app as UrlFetchApp would (anonymous: no Google account behind it). */
export function postRaw(ward: Ward, body: string, contentType = 'application/json'): { status: number; answer: MailboxAnswer | null; raw: string } {
  const res = ward.ws.webapp.post('', body, contentType, { user: '' });
  let answer: MailboxAnswer | null;
  try {
    answer = JSON.parse(res.body) as MailboxAnswer;
  } catch {
    answer = null;
  }
  return { status: res.status, answer, raw: res.body };
}

export function poll(ward: Ward, secret: string, p: Partial<MailboxPoll>, at = ward.ws.clock.now().getTime()): MailboxAnswer {
  const res = postRaw(ward, JSON.stringify(envelope(secret, { messages: p.messages ?? [], sent: p.sent ?? [] }, at)));
  if (!res.answer) throw new Error(`not JSON: ${res.raw.slice(0, 300)}`);
  return res.answer;
}

let ids = 0;
/** A message as the mailbox reads it from Gmail. */
export function mail(overrides: Partial<MailboxMessage> = {}): MailboxMessage {
  const n = ++ids;
  const id = overrides.messageId ?? `18c${n.toString(16).padStart(13, '0')}`;
  return {
    messageId: id,
    rfcMessageId: `<CAF${n}x@mail.gmail.com>`,
    inReplyTo: '',
    references: [],
    threadId: id,
    fromName: 'Nguyễn Thị Lan',
    fromAddress: 'lan.nguyen@gmail.com',
    subject: 'Đèn đường ngõ 12 hỏng',
    date: '2026-11-24T01:30:00.000Z',
    body: 'Kính gửi phường,\n\nĐèn đường ngõ 12 phố Hàng Bạc hỏng 2 tuần nay.\n\n-- \nNguyễn Thị Lan\n0912 345 678',
    attachments: [],
    ...overrides,
  };
}
