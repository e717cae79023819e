/**
 * The records of personal links in the document properties: "portal.<sha-256 of the token>" =
 * holder, body, role, expiry and whether it was revoked. Revoking is for good: a person removed
 * from "Cán bộ", or whose role or body changed, loses every link they hold, and adding the same
 * address back later does not bring one back. Every path that replaces the cached staff list —
 * the next call after a hand edit (runtime.freshStaff), the edit triggers themselves, the hourly
 * job and setup — revokes with `staffReplaced`, in the same property write as the new list.
 */
import { departedStaff, type Role, type StaffMember } from '../../domain/settings';
import { PROPERTY_NAMES, type DocumentStore } from './document-store';

export interface PortalLink {
  email: string;
  body: string;
  role: Role;
  issuedAt: string;
  expiresAt: string;
  revoked?: boolean;
}

/** The property writes that revoke every link of these people, and how many were still valid. */
export function revocations(store: DocumentStore, emails: string[], now: Date): { updates: Record<string, string>; valid: number } {
  const who = new Set(emails.map((e) => e.trim().toLowerCase()));
  const updates: Record<string, string> = {};
  let valid = 0;
  if (who.size === 0) return { updates, valid };
  for (const [hash, json] of Object.entries(store.withPrefix(PROPERTY_NAMES.portalLink))) {
    try {
      const link = JSON.parse(json) as PortalLink;
      if (!who.has(link.email) || link.revoked) continue;
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
