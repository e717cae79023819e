/**
 * The official mailbox's relay rules, pure so both the mailbox project (src/mailbox/) and tests
 * use them: which mail is automated and never handed to the ward, which attachments travel, how
 * the relay's memory of handed messages stays bounded, and how it is cut into property values.
 */

/** Reads one header of a message ('' when absent, as GmailMessage.getHeader answers). */
export type HeaderOf = (name: string) => string;

/** Why a message is automated (an auto-reply, a bounce, a mailing list), or null for a person's mail. */
export type AutomatedReason = 'auto-submitted' | 'precedence' | 'mailing-list' | 'mailer-daemon' | 'bounce' | 'autoreply-header';

const DAEMONS = /^(mailer-daemon|postmaster)$/i;

/** The address in "Name <address>" (or the whole text), lower case. */
export function addressIn(from: string): string {
  const m = /<([^<>]*)>\s*$/.exec(from);
  return (m ? m[1] : from).trim().toLowerCase();
}

/** The display name in "Name <address>", unquoted ('' when there is none). */
export function nameIn(from: string): string {
  const m = /^(.*?)<[^<>]*>\s*$/.exec(from);
  if (!m) return '';
  return m[1].trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
}

/**
 * RFC 3834 and common practice: Auto-Submitted other than "no"; Precedence bulk, list, junk or
 * auto_reply; List-Id or List-Unsubscribe (a mailing list, RFC 2369/2919); a sender whose local part
 * is mailer-daemon or postmaster; an empty Return-Path "<>" (a delivery report, RFC 5321 §4.5.5);
 * X-Autoreply / X-Autorespond (vacation responders). A missing header is no evidence either way.
 */
export function automatedReason(from: string, header: HeaderOf): AutomatedReason | null {
  const auto = header('Auto-Submitted').split(';')[0].trim().toLowerCase();
  if (auto !== '' && auto !== 'no') return 'auto-submitted';
  if (/^(bulk|list|junk|auto_reply)$/i.test(header('Precedence').trim())) return 'precedence';
  if (header('List-Id').trim() !== '' || header('List-Unsubscribe').trim() !== '') return 'mailing-list';
  const address = addressIn(from);
  if (DAEMONS.test(address.slice(0, address.lastIndexOf('@')))) return 'mailer-daemon';
  if (/^<\s*>$/.test(header('Return-Path').trim())) return 'bounce';
  if (header('X-Autoreply').trim() !== '' || header('X-Autorespond').trim() !== '') return 'autoreply-header';
  return null;
}

/** Image types the ward keeps as photos (what phones and mail clients send). */
export const RELAYED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'] as const;
/** At most this many photos of one mail travel (the resident form's limit, FixMyStreet's too). */
export const MAX_PHOTOS_PER_MAIL = 3;
/** A photo larger than this stays in the mailbox (a phone's full-size JPEG is 2–5 MB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export interface AttachmentFacts {
  name: string;
  contentType: string;
  size: number;
}

/** Indexes of the attachments that travel: images of the known types, within size, the first three. */
export function photosToRelay(attachments: readonly AttachmentFacts[]): number[] {
  const picked: number[] = [];
  attachments.forEach((a, i) => {
    const type = a.contentType.split(';')[0].trim().toLowerCase();
    if (picked.length < MAX_PHOTOS_PER_MAIL && (RELAYED_IMAGE_TYPES as readonly string[]).includes(type) && a.size > 0 && a.size <= MAX_PHOTO_BYTES) picked.push(i);
  });
  return picked;
}

/**
 * The relay's memory of messages it handed (or decided to skip), newest last, at most `max`:
 * older ids fall out — a thread that comes back after that many messages may be handed again,
 * which the ward answers "duplicate" (it keys cases on the message id).
 */
export function remember(ids: readonly string[], add: readonly string[], max: number): string[] {
  const fresh = add.filter((id, i) => add.indexOf(id) === i && !ids.includes(id));
  const all = [...ids, ...fresh];
  return all.slice(Math.max(0, all.length - max));
}

/**
 * A list of ids in property values of at most `chunkChars` characters each (Properties values
 * stop at 9 KB), under `prefix` + 0, 1, …; `slots` values always, empty ones included, so a
 * shorter list overwrites every older chunk in the same setProperties call.
 */
export function chunkIds(ids: readonly string[], prefix: string, chunkChars: number, slots: number): Record<string, string> {
  const out: Record<string, string> = {};
  let slot = 0;
  let current = '';
  for (const id of ids) {
    if (current.length + id.length + 1 > chunkChars) {
      out[`${prefix}${slot++}`] = current;
      current = '';
    }
    current = current ? `${current} ${id}` : id;
  }
  out[`${prefix}${slot++}`] = current;
  if (slot > slots) throw new RangeError(`chunkIds: ${ids.length} ids need more than ${slots} values`);
  for (; slot < slots; slot++) out[`${prefix}${slot}`] = '';
  return out;
}

export function unchunkIds(props: Record<string, string>, prefix: string, slots: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < slots; i++) {
    const v = props[`${prefix}${i}`];
    if (v) ids.push(...v.split(' ').filter(Boolean));
  }
  return ids;
}
