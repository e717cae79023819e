/**
 * Personal links for handling bodies and viewers (the web app's portal). A link's token is
 * derived from the id of the e-mail that carries it (platform/secrets) and put into that e-mail
 * only when it is sent: the outbox holds a placeholder, the document properties only the
 * token's SHA-256 with its holder, body, role and expiry (platform/portal-records). A link can
 * be revoked (all of a person's at once) and expires after PORTAL_DAYS. The holder must still
 * be in "Cán bộ" with the same role and body; removing someone, or changing their role or body,
 * revokes their links for good.
 */
import { roleOf, type Role } from '../../domain/settings';
import { ROLE_LABELS } from '../../domain/vocabulary';
import { PROPERTY_NAMES, type DocumentStore } from '../platform/document-store';
import { UserError } from '../platform/errors';
import { queueMail, type OutgoingMail } from '../platform/outbox';
import { revocations, type PortalLink } from '../platform/portal-records';
import type { Runtime } from '../platform/runtime';
import { LINK_SLOT, linkToken, tokenHash } from '../platform/secrets';
import { PORTAL } from '../../i18n/vi';
import { webAppUrl } from '../platform/web-app';
import { mayHoldLink, seesEveryCase } from '../../domain/permissions';

export type { PortalLink } from '../platform/portal-records';

export const PORTAL_DAYS = 30;

export interface PortalHolder {
  email: string;
  body: string;
  role: Role;
  expiresAt: string;
}

/** A personal link's address as a queued mail holds it: the token a placeholder, put in when the mail is sent (one ScriptApp call). */
export function linkUrl(): string {
  return `${webAppUrl()}?p=${LINK_SLOT}`;
}

/**
 * A new link for a staff member (handler or viewer), to be carried by the mail `mailId`: its URL
 * with a placeholder where the token goes (filled when the mail is sent), and the property that
 * records it, for the caller to store with its other writes (one call).
 */
export function newPortalLink(rt: Runtime, email: string, now: Date, mailId: string): { link: PortalLink; property: Record<string, string> } {
  const member = roleOf(rt.settings, email);
  if (!member || !mayHoldLink(member.role)) throw new UserError(PORTAL.onlyHandlersViewers);
  // A link that shows only a body's cases needs the body.
  if (!seesEveryCase({ ...member, via: 'link' }) && !member.body) throw new UserError(PORTAL.handlerWithoutBody(email));
  const link: PortalLink = { email: member.email, body: member.body, role: member.role, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + PORTAL_DAYS * 86_400_000).toISOString() };
  return { link, property: { [PROPERTY_NAMES.portalLink + tokenHash(linkToken(rt.store, mailId))]: JSON.stringify(link) } };
}

/** The e-mail `id` that carries a person's link (its token put in when it is sent); `url`: linkUrl(), made once for many mails. */
export function linkMail(rt: Runtime, id: string, code: string, holder: { email: string; role: Role }, url = linkUrl()): OutgoingMail {
  return { id, kind: PORTAL.kind, code, recipient: holder.email, subject: PORTAL.mailSubject, body: PORTAL.mailBody({ committee: rt.settings.committeeName, url, days: PORTAL_DAYS, role: ROLE_LABELS[holder.role] }) };
}

/** "Gửi liên kết": a new link, recorded, and the e-mail that carries it queued. */
export function sendPortalLink(rt: Runtime, email: string, now: Date): PortalLink {
  const id = `LK-${now.getTime()}-${String(email).trim().toLowerCase()}`.slice(0, 120);
  const { link, property } = newPortalLink(rt, email, now, id);
  rt.store.setMany(property);
  queueMail(SpreadsheetApp.getActive(), rt, [linkMail(rt, id, '', link)], now);
  return link;
}

/** The holder of a token, if the link is valid now; a refusal that says nothing more otherwise. */
export function portalHolder(rt: Runtime, token: unknown, now: Date): PortalHolder {
  const t = String(token ?? '');
  if (!/^[0-9a-f]{64}$/.test(t)) throw new UserError(PORTAL.invalid);
  const link = rt.store.getJson<PortalLink>(PROPERTY_NAMES.portalLink + tokenHash(t));
  if (!link || link.revoked || new Date(link.expiresAt).getTime() <= now.getTime()) throw new UserError(PORTAL.invalid);
  const member = roleOf(rt.settings, link.email);
  // Still on the staff list, in the same role and body as when the link was made.
  if (!member || member.role !== link.role || member.body !== link.body) throw new UserError(PORTAL.invalid);
  return { email: link.email, body: link.body, role: link.role, expiresAt: link.expiresAt };
}

/** Every link of a person revoked; returns how many were still valid. */
export function revokePortalLinks(store: DocumentStore, email: string, now: Date): number {
  const { updates, valid } = revocations(store, [email], now);
  if (Object.keys(updates).length) store.setMany(updates);
  return valid;
}

/** Valid links by person, for the admin's list. */
export function activeLinks(store: DocumentStore, now: Date): PortalLink[] {
  return Object.values(store.withPrefix(PROPERTY_NAMES.portalLink))
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
