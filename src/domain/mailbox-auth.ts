/**
 * The ward's checks of a signed request from the official mailbox (domain/mailbox-protocol), pure:
 * the shape of the envelope and of its payload, its age, and the nonces seen. The HMAC itself is
 * computed by the service (Utilities) and compared here in constant time.
 */
import { MAILBOX_MAX_AGE_MS, MAILBOX_PROTOCOL_VERSION, type MailboxMessage, type MailboxPoll, type SentReport, type SignedEnvelope } from './mailbox-protocol';
import { constantTimeEqual } from './lookup';

/** The largest request the ward reads (photos travel in it as base64): well under a web app's 50 MB. */
export const MAILBOX_REQUEST_MAX_CHARS = 30_000_000;
/** Messages in one request: the mailbox hands over at most this many per poll. */
export const MAILBOX_MESSAGES_MAX = 50;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** The envelope, or null when the text is not one (anything a visitor or a form may post). */
export function parseEnvelope(text: unknown): SignedEnvelope | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAILBOX_REQUEST_MAX_CHARS) return null;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  const e = o as Record<string, unknown>;
  if (e.v !== MAILBOX_PROTOCOL_VERSION) return null;
  if (typeof e.t !== 'number' || !Number.isFinite(e.t)) return null;
  if (!isString(e.nonce, 100) || !/^[\w-]{8,100}$/.test(e.nonce)) return null;
  if (!isString(e.body, MAILBOX_REQUEST_MAX_CHARS) || !isString(e.sig, 200)) return null;
  return { v: MAILBOX_PROTOCOL_VERSION, t: e.t, nonce: e.nonce, body: e.body, sig: e.sig };
}

/** The signature the request carries equals the one the ward computes (both base64), in constant time. */
export function signatureMatches(carried: string, computed: string): boolean {
  return computed.length > 0 && constantTimeEqual(carried, computed);
}

/** Signed within MAILBOX_MAX_AGE_MS of now, either way (clocks differ). */
export function isFresh(t: number, now: number): boolean {
  return Math.abs(now - t) <= MAILBOX_MAX_AGE_MS;
}

/** Nonces seen → when their request was signed; kept while a request signed then could still be fresh. */
export type SeenNonces = Record<string, number>;

/** The nonces still worth keeping at `now`: a request older than the window is refused by its age anyway. */
export function keptNonces(seen: SeenNonces, now: number): SeenNonces {
  const out: SeenNonces = {};
  for (const [nonce, t] of Object.entries(seen ?? {})) if (typeof t === 'number' && now - t <= 2 * MAILBOX_MAX_AGE_MS) out[nonce] = t;
  return out;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

function message(o: unknown): MailboxMessage | null {
  if (!o || typeof o !== 'object') return null;
  const m = o as Record<string, unknown>;
  // GmailMessage.getId() is hex; it becomes part of the case's journal key as it is.
  const messageId = typeof m.messageId === 'string' ? m.messageId : '';
  if (!/^[\w-]{1,64}$/.test(messageId)) return null;
  const attachments = Array.isArray(m.attachments) ? m.attachments : [];
  return {
    messageId,
    rfcMessageId: str(m.rfcMessageId, 1000),
    inReplyTo: str(m.inReplyTo, 1000),
    references: (Array.isArray(m.references) ? m.references : []).slice(0, 100).map((r) => str(r, 1000)).filter((r) => r !== ''),
    threadId: str(m.threadId, 200),
    fromName: str(m.fromName, 300),
    fromAddress: str(m.fromAddress, 320),
    subject: str(m.subject, 2000),
    date: str(m.date, 40),
    body: str(m.body, 1_000_000),
    attachments: attachments
      .slice(0, 10)
      .filter((a): a is Record<string, unknown> => Boolean(a) && typeof a === 'object')
      .map((a) => ({ name: str(a.name, 300), mimeType: str(a.mimeType, 100), base64: str(a.base64, 15_000_000) })),
  };
}

function report(o: unknown): SentReport | null {
  if (!o || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  const id = str(r.id, 200);
  if (id === '' || typeof r.ok !== 'boolean') return null;
  return { id, ok: r.ok, ...(typeof r.error === 'string' ? { error: r.error.slice(0, 500) } : {}) };
}

/** The payload of a verified envelope, every field checked and cut to what a real one can be; null when it is not a poll. */
export function parsePoll(body: string): MailboxPoll | null {
  let o: unknown;
  try {
    o = JSON.parse(body);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object') return null;
  const p = o as Record<string, unknown>;
  if (!Array.isArray(p.messages) || !Array.isArray(p.sent)) return null;
  const messages = p.messages.slice(0, MAILBOX_MESSAGES_MAX).map(message);
  const sent = p.sent.slice(0, 500).map(report);
  if (messages.some((m) => m === null) || sent.some((s) => s === null)) return null;
  return { messages: messages as MailboxMessage[], sent: sent as SentReport[] };
}
