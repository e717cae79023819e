/**
 * Is this request from the ward's official mailbox? doPost sees no headers and the web app is
 * open to anyone, so the request proves itself (domain/mailbox-protocol): an HMAC-SHA256 of
 * signedText() with the secret both projects keep, a time within MAILBOX_MAX_AGE_MS, and a nonce
 * the ward has not seen.
 *
 * The secret lives in the document properties (PROPERTY_NAMES.mailboxSecret): the web app runs
 * as the ward's account and reads them; staff who open the spreadsheet cannot (properties are
 * the script's, not the file's). It is made by an admin ("Kết nối hộp thư chính thức") and shown
 * once.
 *
 * Seen nonces are kept in the document properties too, not in CacheService: a cache entry "is not
 * guaranteed to be there" (CacheService reference: entries may be evicted before they expire),
 * and an evicted nonce would let a captured request be replayed while its time is still fresh.
 * A property stays until removed; the list holds only the nonces of the last 2 × MAX_AGE (a few
 * polls: the mailbox polls every 10 minutes), so it stays far below a property's 9 KB. It is
 * read and written under the document lock, so two deliveries of one request cannot both pass.
 */
import { isFresh, keptNonces, parseEnvelope, signatureMatches, type SeenNonces } from '../../domain/mailbox-auth';
import { signedText, type SignedEnvelope } from '../../domain/mailbox-protocol';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { tryDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';

export type Refusal = 'unauthorized' | 'busy';

/** The base64 HMAC-SHA256 of `text` under `secret`, both encoded as UTF-8 (as the mailbox signs it). */
export function mailboxSignature(text: string, secret: string): string {
  return Utilities.base64Encode(Utilities.computeHmacSha256Signature(text, secret, Utilities.Charset.UTF_8));
}

/** A new shared secret: 256 bits of randomness from two UUIDs, hex. */
export function newMailboxSecret(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
}

/**
 * A new shared secret, replacing any before it (which stops working at once), and the seen nonces
 * forgotten with it. Returned to be shown once; never readable again through the add-on.
 */
export function rotateMailboxSecret(store: DocumentStore): string {
  const secret = newMailboxSecret();
  store.setMany({ [PROPERTY_NAMES.mailboxSecret]: secret, ...DocumentStore.encodeJson(PROPERTY_NAMES.mailboxNonces, {}) });
  return secret;
}

/**
 * The envelope of an authentic, fresh, first-seen request; otherwise why not. The nonce is noted
 * as seen before anything else is done with the request: a request whose work fails later is not
 * replayed either (the mailbox signs a new one for its next poll; filing is idempotent by message).
 */
export function authenticate(store: DocumentStore, text: unknown, now: number = Date.now()): SignedEnvelope | Refusal {
  const envelope = parseEnvelope(text);
  if (!envelope) return 'unauthorized';
  const secret = store.get(PROPERTY_NAMES.mailboxSecret);
  if (!secret) return 'unauthorized';
  if (!signatureMatches(envelope.sig, mailboxSignature(signedText(envelope), secret))) return 'unauthorized';
  if (!isFresh(envelope.t, now)) return 'unauthorized';
  const lock = tryDocumentLock(LOCK_WAIT_MS.mailbox);
  if (!lock) return 'busy';
  try {
    store.refresh();
    const seen = keptNonces(store.getJson<SeenNonces>(PROPERTY_NAMES.mailboxNonces) ?? {}, now);
    if (Object.prototype.hasOwnProperty.call(seen, envelope.nonce)) return 'unauthorized';
    seen[envelope.nonce] = envelope.t;
    store.setJson(PROPERTY_NAMES.mailboxNonces, seen);
  } finally {
    lock.releaseLock();
  }
  return envelope;
}
