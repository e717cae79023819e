/**
 * The official mailbox's side of the wire, as a test plays it: signed envelopes (HMAC-SHA256 over
 * signedText with the shared secret, UTF-8, base64 — what Utilities.computeHmacSha256Signature
 * with Charset.UTF_8 gives) posted to the ward's web app, and messages as GmailApp would read them.
 */
import crypto from 'node:crypto';
import { MAILBOX_PROTOCOL_VERSION, signedText, type MailboxAnswer, type MailboxMessage, type MailboxPoll, type SignedEnvelope } from '../../src/domain/mailbox-protocol';
import { ADMIN, type Ward } from './ward';

export const MAILBOX_SECRET_PROPERTY = 'hts.mailbox.secret';

export function sign(secret: string, e: Omit<SignedEnvelope, 'sig'>): SignedEnvelope {
  const sig = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(signedText(e), 'utf8')).digest('base64');
  return { ...e, sig };
}

let nonces = 0;
export function envelope(secret: string, poll: MailboxPoll, at: number, nonce = `nonce-${++nonces}-${crypto.randomUUID()}`): SignedEnvelope {
  return sign(secret, { v: MAILBOX_PROTOCOL_VERSION, t: at, nonce, body: JSON.stringify(poll) });
}

/**
 * The admin connects the mailbox from the menu ("Kết nối hộp thư chính thức"): the secret as the
 * dialog shows it, once. `answer`: the button pressed when asked to replace a secret that exists.
 */
export function connectMailbox(ward: Ward, answer: 'YES' | 'NO' = 'YES'): { secret: string; dialog: { title: string; content: string; user: string } } {
  const before = ward.ws.ui.dialogs().length;
  // Asked only when a secret exists (the answers are a queue: none left over for a later alert).
  const props = ward.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  if (props.getDocumentProperties().getProperty(MAILBOX_SECRET_PROPERTY)) ward.ws.ui.respond({ button: answer });
  ward.ws.setUser(ADMIN);
  ward.app.call('connectOfficialMailbox');
  const shown = ward.ws.ui.dialogs();
  if (shown.length !== before + 1) throw new Error(`no dialog: ${JSON.stringify(ward.ws.ui.events().slice(-1))}`);
  const dialog = shown[shown.length - 1];
  // The secret is the second read-only box (the first holds the address).
  const boxes = [...dialog.content.matchAll(/<textarea[^>]*>([^<]*)<\/textarea>/g)].map((m) => m[1]);
  return { secret: boxes[1], dialog: { title: dialog.title ?? '', content: dialog.content, user: dialog.user } };
}

/** A secret put straight into the document properties (fault sweeps and matrices, where the menu's dialog is beside the point). */
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
