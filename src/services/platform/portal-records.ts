/**
 * The records of personal links in the document properties: "portal.<sha-256 of the token>" =
 * holder, body, role, expiry and whether it was revoked. Revoking is for good: a person removed
 * from "Cán bộ", or whose role or body changed, loses every link they hold, and adding the same
 * address back later does not bring one back. Every path that replaces the cached staff list —
 * the next call after a hand edit (runtime.freshStaff), the edit triggers themselves, the hourly
 * job and setup — revokes with `staffReplaced`, in the same property write as the new list.
 * A body link (held by a body's address in "Cơ quan xử lý", domain/body-people) is revoked the
 * same way, for good, when the settings no longer give the body that address (`bodiesReplaced`).
 */
import { departedStaff, type HandlingBody, type Role, type StaffMember } from '../../domain/settings';
import { isBodyAddress } from '../../domain/body-people';
import { PROPERTY_NAMES, type DocumentStore } from './document-store';

export interface PortalLink {
  email: string;
  body: string;
  role: Role;
  issuedAt: string;
  expiresAt: string;
  revoked?: boolean;
  /** The id of the mail that made it (its token derives from it): a later mail to the holder may carry it. Absent on links made before issue 18. */
  mail?: string;
  /** 'body': held by the body's own address in "Cơ quan xử lý", not by a person in "Cán bộ". */
  holder?: 'body';
}

/** The property writes that revoke every link of these people (those `only` accepts), and how many were still valid. */
export function revocations(store: DocumentStore, emails: string[], now: Date, only: (link: PortalLink) => boolean = () => true): { updates: Record<string, string>; valid: number } {
  const who = new Set(emails.map((e) => e.trim().toLowerCase()));
  const updates: Record<string, string> = {};
  let valid = 0;
  if (who.size === 0) return { updates, valid };
  for (const [hash, json] of Object.entries(store.withPrefix(PROPERTY_NAMES.portalLink))) {
    try {
      const link = JSON.parse(json) as PortalLink;
      if (!who.has(link.email) || link.revoked || !only(link)) continue;
      if (new Date(link.expiresAt).getTime() > now.getTime()) valid += 1;
      updates[PROPERTY_NAMES.portalLink + hash] = JSON.stringify({ ...link, revoked: true });
    } catch {
      // not a link record: left alone
    }
  }
  return { updates, valid };
}

/** The staff list goes from `before` to `after`: the writes that revoke the links of those who left or changed. */
export function staffReplaced(store: DocumentStore, before: StaffMember[], after: StaffMember[], now: Date): Record<string, string> {
  return revocations(store, departedStaff(before, after), now).updates;
}

/** The bodies go from `before` to `after`: the writes that revoke the body links of addresses no longer given to their body. */
export function bodiesReplaced(store: DocumentStore, before: HandlingBody[], after: HandlingBody[], now: Date): Record<string, string> {
  const gone = before.filter((b) => b.email && !isBodyAddress(after, b.name, b.email));
  if (gone.length === 0) return {};
  return revocations(store, gone.map((b) => b.email), now, (link) => link.holder === 'body' && !isBodyAddress(after, link.body, link.email)).updates;
}
