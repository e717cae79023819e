/**
 * Secrets are never at rest (architecture: "Who reaches what"). Everything a resident or a
 * handling body holds as a secret is *derived* from one random value in the document properties
 * (the ward's secret, made once by setup), so it can be computed again whenever a mail leaves and
 * never has to be written down:
 * - a case's lookup key: HMAC-SHA256 of its response key and issue number;
 * - a personal link's token: HMAC-SHA256 of the id of the e-mail that carries it, under a key of
 *   its own (the ward's secret with a label). The link's record stays under the SHA-256 of the
 *   token, as before, so links issued before this change keep working.
 * Why the mail id and not a random token: the action that queues a link stores its record in its
 * write-ahead record, all or nothing, and the mail carries a placeholder; the sender computes the
 * same token from the same id however often a send is retried or completed, with nothing to keep.
 *
 * In the outbox tab (and in an action's write-ahead record) a mail holds placeholders, each the
 * visible text of SECRET_SLOTS between two U+2063 marks — which cleanResidentText strips from
 * every resident text, so a resident cannot plant one. `fillSecrets` replaces them as the mail is
 * sent; a placeholder it cannot fill stops the mail (SecretUnavailable), never leaves unfilled.
 *
 * A mail may also carry a link another mail made (issue 18: a body's member who holds a valid
 * link gets each new case with that same link, so no record is added and none revoked): its
 * placeholder names that mail's id between two U+2064 marks (also stripped from resident text).
 * It is filled only for the link's own holder — the record of that token must exist, be valid
 * and belong to this mail's recipient — so no text planted in another mail (a drafted answer is
 * staff's text, not cleaned) can make a mail carry somebody's link.
 */
import { formatKey, keyFromBytes } from '../../domain/lookup';
import { SECRET_SLOTS } from '../../i18n/vi';
import { DocumentStore, PROPERTY_NAMES } from './document-store';
import type { PortalLink } from './portal-records';

/** U+2063 INVISIBLE SEPARATOR: stripped from resident text by domain/text/sanitize. */
const MARK = '\u2063';
export const KEY_SLOT = `${MARK}${SECRET_SLOTS.key}${MARK}`;
export const LINK_SLOT = `${MARK}${SECRET_SLOTS.link}${MARK}`;
/** U+2064 INVISIBLE PLUS: around the id of the mail whose link a placeholder stands for. */
const REF = '\u2064';

/** The placeholder of the link that the mail `mailId` made, carried by another mail to the same holder. */
export function linkSlotOf(mailId: string): string {
  return `${MARK}${SECRET_SLOTS.link}${REF}${mailId}${REF}${MARK}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CARRIED_SLOT = new RegExp(`${MARK}${escapeRegExp(SECRET_SLOTS.link)}${REF}([^${REF}${MARK}]{1,200})${REF}${MARK}`, 'g');

/** The ward's secret: made once (two UUIDs of randomness), never shown. */
export function lookupSecret(store: DocumentStore): string {
  let secret = store.get(PROPERTY_NAMES.lookupSecret);
  if (!secret) {
    secret = `${Utilities.getUuid()}${Utilities.getUuid()}`;
    store.set(PROPERTY_NAMES.lookupSecret, secret);
  }
  return secret;
}

export function lookupKey(store: DocumentStore, responseKey: string, issue: number): string {
  return keyFromBytes(Utilities.computeHmacSha256Signature(`${responseKey}#${issue}`, lookupSecret(store)));
}

const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

/** The token of the personal link carried by the mail `mailId`: 64 hex digits. */
export function linkToken(store: DocumentStore, mailId: string): string {
  return hex(Utilities.computeHmacSha256Signature(`link:${mailId}`, `${lookupSecret(store)}#portal-link`));
}

/** What a link's record is stored under. */
export function tokenHash(token: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8));
}

// ---- issue numbers -------------------------------------------------------------------------

/**
 * The issue number of every case whose key was re-issued ("Cấp mã tra cứu mới"), kept apart from
 * the case row: a row deleted by hand and restored from the form, or an issue number typed back
 * in the row, cannot bring a voided key back. The row still shows the number.
 */
export function issuedNumbers(store: DocumentStore): Record<string, number> {
  return store.getJson<Record<string, number>>(PROPERTY_NAMES.lookupIssues) ?? {};
}

/** The key that works now is the one of the highest issue either the row or the record knows. */
export function currentIssue(store: DocumentStore, code: string, rowIssue: unknown): number {
  return Math.max(Number(rowIssue) || 0, issuedNumbers(store)[code] ?? 0);
}

/** The properties that record `issue` for `code` (written with the change that issues it). */
export function recordIssue(store: DocumentStore, code: string, issue: number): Record<string, string> {
  return DocumentStore.encodeJson(PROPERTY_NAMES.lookupIssues, { ...issuedNumbers(store), [code]: issue });
}

// ---- filling a mail --------------------------------------------------------------------------

/** A placeholder that cannot be filled: the mail must not leave. */
export class SecretUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailable';
  }
}

/** A case's response key and the issue number its row shows, by code; null when there is no such case. */
export type CaseKeyOf = (code: string) => { responseKey: string; issue: number } | null;

/**
 * The mail as it leaves: its lookup key (the case's current one) and its link's token put in —
 * its own link's, or the one another mail made for the same recipient, if that link is still valid.
 */
export function fillSecrets(store: DocumentStore, body: string, mail: { id: string; code: string; recipient?: string }, caseKey: CaseKeyOf, now: Date = new Date()): string {
  let out = body.replace(CARRIED_SLOT, (_slot, ref: string) => {
    const token = linkToken(store, ref);
    const link = store.getJson<PortalLink>(PROPERTY_NAMES.portalLink + tokenHash(token));
    const to = (mail.recipient ?? '').trim().toLowerCase();
    if (!link || !to || link.email !== to || link.revoked || new Date(link.expiresAt).getTime() <= now.getTime()) throw new SecretUnavailable(SECRET_SLOTS.noLink);
    return token;
  });
  if (out.includes(KEY_SLOT)) {
    const c = caseKey(mail.code);
    if (!c || !c.responseKey) throw new SecretUnavailable(SECRET_SLOTS.noCase);
    out = out.split(KEY_SLOT).join(formatKey(lookupKey(store, c.responseKey, currentIssue(store, mail.code, c.issue))));
  }
  if (out.includes(LINK_SLOT)) out = out.split(LINK_SLOT).join(linkToken(store, mail.id));
  return out;
}
