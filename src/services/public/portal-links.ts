/**
 * Personal links for handling bodies and viewers (the web app's portal): a random token, given
 * once in an e-mail and stored only as its SHA-256 in the document properties with its holder,
 * body, role and expiry. A link can be revoked (all of a person's at once) and expires after
 * PORTAL_DAYS. The holder must still be in "Cán bộ": removing someone there ends their links.
 */
import { roleOf, type Role } from '../../domain/settings';
import { KEYS, type DocumentStore } from '../platform/document-store';
import { UserError } from '../platform/errors';
import type { Runtime } from '../platform/runtime';
import { PORTAL } from '../../i18n/vi';
import { webAppUrl } from './keys';

export const PORTAL_DAYS = 30;

export interface PortalLink {
  email: string;
  body: string;
  role: Role;
  issuedAt: string;
  expiresAt: string;
  revoked?: boolean;
}

export interface PortalHolder {
  email: string;
  body: string;
  role: Role;
  expiresAt: string;
}

function hashOf(token: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8)
    .map((b) => (b & 0xff).toString(16).padStart(2, '0'))
    .join('');
}

/**
 * A new link for a staff member (handler or viewer): its URL — the only place the token appears —
 * and the property that records it, for the caller to store with its other writes (one call).
 */
export function newPortalLink(rt: Runtime, email: string, now: Date): { url: string; link: PortalLink; property: Record<string, string> } {
  const member = roleOf(rt.settings, email);
  if (!member || member.role === 'admin') throw new UserError(PORTAL.onlyHandlersViewers);
  if (member.role === 'handler' && !member.body) throw new UserError(PORTAL.handlerWithoutBody(email));
  const token = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  const link: PortalLink = { email: member.email, body: member.body, role: member.role, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + PORTAL_DAYS * 86_400_000).toISOString() };
  const base = webAppUrl();
  return { url: base ? `${base}?p=${token}` : `?p=${token}`, link, property: { [KEYS.portalLink + hashOf(token)]: JSON.stringify(link) } };
}

/** A new link, stored at once. */
export function issuePortalLink(rt: Runtime, email: string, now: Date): { url: string; link: PortalLink } {
  const { url, link, property } = newPortalLink(rt, email, now);
  rt.store.setMany(property);
  return { url, link };
}

/** The holder of a token, if the link is valid now; a refusal that says nothing more otherwise. */
export function portalHolder(rt: Runtime, token: unknown, now: Date): PortalHolder {
  const t = String(token ?? '');
  if (!/^[0-9a-f]{64}$/.test(t)) throw new UserError(PORTAL.invalid);
  const link = rt.store.getJson<PortalLink>(KEYS.portalLink + hashOf(t));
  if (!link || link.revoked || new Date(link.expiresAt).getTime() <= now.getTime()) throw new UserError(PORTAL.invalid);
  const member = roleOf(rt.settings, link.email);
  // Still on the staff list, in the same role and body as when the link was made.
  if (!member || member.role !== link.role || member.body !== link.body) throw new UserError(PORTAL.invalid);
  return { email: link.email, body: link.body, role: link.role, expiresAt: link.expiresAt };
}

/** Every link of a person revoked; returns how many were still valid. */
export function revokePortalLinks(store: DocumentStore, email: string, now: Date): number {
  const e = email.trim().toLowerCase();
  const all = store.withPrefix(KEYS.portalLink);
  const updates: Record<string, string> = {};
  let n = 0;
  for (const [hash, json] of Object.entries(all)) {
    try {
      const link = JSON.parse(json) as PortalLink;
      if (link.email !== e || link.revoked) continue;
      if (new Date(link.expiresAt).getTime() > now.getTime()) n += 1;
      updates[KEYS.portalLink + hash] = JSON.stringify({ ...link, revoked: true });
    } catch {
      // not a link record: left alone
    }
  }
  if (Object.keys(updates).length) store.setMany(updates);
  return n;
}

/** Valid links by person, for the admin's list. */
export function activeLinks(store: DocumentStore, now: Date): PortalLink[] {
  return Object.values(store.withPrefix(KEYS.portalLink))
    .map((json) => {
      try {
        return JSON.parse(json) as PortalLink;
      } catch {
        return null;
      }
    })
    .filter((l): l is PortalLink => l !== null && !l.revoked && new Date(l.expiresAt).getTime() > now.getTime())
    .sort((a, b) => a.email.localeCompare(b.email) || b.expiresAt.localeCompare(a.expiresAt));
}
