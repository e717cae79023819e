/**
 * Personal links for handling bodies and viewers (the web app's portal). A link's token is
 * derived from the id of the e-mail that makes it (platform/secrets) and put into an e-mail only
 * when it is sent: the outbox holds a placeholder, the document properties only the token's
 * SHA-256 with its holder, body, role, expiry and the id of the mail that made it
 * (platform/portal-records). A link can be revoked (all of a person's at once) and expires after
 * PORTAL_DAYS. The holder must still be in "Cán bộ" with the same role and body; removing someone,
 * or changing their role or body, revokes their links for good. A *body link* is held by a body's
 * own address in "Cơ quan xử lý" (a body with no member in "Cán bộ", domain/body-people): it is
 * a handler's link for that body, valid while the tab gives the body that address.
 *
 * A mail to someone who already holds a valid link carries that same link (`carriedLink`): each
 * new case reaches a body's member with the link they have, without a new record or a revoked
 * one; only when their link has less than CARRY_MIN_DAYS left does the mail make a new one, and
 * the older link still works until it expires. So a member gets at most about two links a month
 * however many cases reach them, and the properties do not fill up with link records.
 */
import { isBodyAddress } from '../../domain/body-people';
import { roleOf, type Role, type Settings } from '../../domain/settings';
import { ROLE_LABELS } from '../../domain/vocabulary';
import { PROPERTY_NAMES, type DocumentStore } from '../platform/document-store';
import { UserError } from '../platform/errors';
import { queueMail, type OutgoingMail } from '../platform/outbox';
import { revocations, type PortalLink } from '../platform/portal-records';
import type { Runtime } from '../platform/runtime';
import { LINK_SLOT, linkSlotOf, linkToken, tokenHash } from '../platform/secrets';
import { PORTAL } from '../../i18n/vi';
import { webAppUrl } from '../platform/web-app';
import { mayHoldLink, seesEveryCase } from '../../domain/permissions';

export type { PortalLink } from '../platform/portal-records';

export const PORTAL_DAYS = 30;
/** A mail carries its holder's link only while the link has this many days left; else it makes a new one. */
export const CARRY_MIN_DAYS = 15;
const DAY_MS = 86_400_000;

export interface PortalHolder {
  email: string;
  body: string;
  role: Role;
  expiresAt: string;
  holder?: 'body';
}

/** Who a link is for: its holder's address, role and body (and whether it is a body's address). */
type LinkFor = Pick<PortalLink, 'email' | 'body' | 'role' | 'holder'>;

/** A personal link's address with its placeholder `slot` (LINK_SLOT, or linkSlotOf another mail); `base`: webAppUrl(). */
export function portalAddress(base: string, slot: string = LINK_SLOT): string {
  return `${base}?p=${slot}`;
}

/** A personal link's address as a queued mail holds it: the token a placeholder, put in when the mail is sent (one ScriptApp call). */
export function linkUrl(): string {
  return portalAddress(webAppUrl());
}

/**
 * Who may hold a link: a handler (with a body) or viewer in "Cán bộ", or a body's address in
 * "Cơ quan xử lý" — for `asBody` when given (an address several bodies share), else its first body.
 */
function linkFor(settings: Settings, email: string, asBody?: string): LinkFor {
  const e = String(email).trim().toLowerCase();
  const member = asBody === undefined ? roleOf(settings, e) : null;
  if (member) {
    if (!mayHoldLink(member.role)) throw new UserError(PORTAL.onlyHandlersViewers);
    // A link that shows only a body's cases needs the body.
    if (!seesEveryCase({ ...member, via: 'link' }) && !member.body) throw new UserError(PORTAL.handlerWithoutBody(e));
    return { email: member.email, body: member.body, role: member.role };
  }
  const body = settings.bodies.find((b) => (asBody === undefined || b.name === asBody) && isBodyAddress(settings.bodies, b.name, e));
  if (!body || roleOf(settings, e)) throw new UserError(PORTAL.onlyHandlersViewers);
  return { email: e, body: body.name, role: 'handler', holder: 'body' };
}

/**
 * A new link for a staff member (handler or viewer) or a body's address, made by the mail
 * `mailId`, and the property that records it, for the caller to store with its other writes.
 */
export function newPortalLink(rt: Runtime, email: string, now: Date, mailId: string, asBody?: string): { link: PortalLink; property: Record<string, string> } {
  const link: PortalLink = { ...linkFor(rt.settings, email, asBody), issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + PORTAL_DAYS * DAY_MS).toISOString(), mail: mailId };
  if (!link.holder) delete link.holder;
  return { link, property: { [PROPERTY_NAMES.portalLink + tokenHash(linkToken(rt.store, mailId))]: JSON.stringify(link) } };
}

function parseLinks(values: string[]): PortalLink[] {
  return values
    .map((json) => {
      try {
        return JSON.parse(json) as PortalLink;
      } catch {
        return null;
      }
    })
    .filter((l): l is PortalLink => l !== null);
}

/**
 * The link the mail `mailId` to `to` carries, as the placeholder that goes after "?p=": the
 * holder's newest valid link that a mail made and that has CARRY_MIN_DAYS left (made before, or
 * earlier in this batch: `props`), or else a new one made by this mail, its record added to
 * `props` for the caller to store before the mail is queued.
 */
export function carriedLink(rt: Runtime, to: { email: string; asBody?: string }, mailId: string, now: Date, props: Record<string, string>): string {
  const want = linkFor(rt.settings, to.email, to.asBody);
  const enough = now.getTime() + CARRY_MIN_DAYS * DAY_MS;
  const pending = Object.entries(props).filter(([k]) => k.startsWith(PROPERTY_NAMES.portalLink)).map(([, v]) => v);
  const held = parseLinks([...Object.values(rt.store.withPrefix(PROPERTY_NAMES.portalLink)), ...pending])
    .filter((l) => !l.revoked && l.mail && l.email === want.email && l.body === want.body && l.role === want.role && (l.holder ?? '') === (want.holder ?? '') && new Date(l.expiresAt).getTime() >= enough)
    .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt))[0];
  if (held?.mail) return held.mail === mailId ? LINK_SLOT : linkSlotOf(held.mail);
  Object.assign(props, newPortalLink(rt, to.email, now, mailId, to.asBody).property);
  return LINK_SLOT;
}

/** The e-mail `id` that carries a person's link (its token put in when it is sent); `url`: linkUrl(), made once for many mails. */
export function linkMail(rt: Runtime, id: string, code: string, holder: { email: string; role: Role; holder?: 'body'; body?: string }, url = linkUrl()): OutgoingMail {
  const reads = holder.role === 'viewer';
  return {
    id,
    kind: PORTAL.kind,
    code,
    recipient: holder.email,
    subject: reads ? PORTAL.viewerMailSubject : PORTAL.mailSubject,
    body: PORTAL.mailBody({ committee: rt.settings.committeeName, url, days: PORTAL_DAYS, role: holder.holder === 'body' ? PORTAL.bodyAddressRole(holder.body ?? '') : ROLE_LABELS[holder.role], reads }),
  };
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
  if (link.holder === 'body') {
    // A body's address holds its link while "Cơ quan xử lý" gives the body that address.
    if (link.role !== 'handler' || !isBodyAddress(rt.settings.bodies, link.body, link.email)) throw new UserError(PORTAL.invalid);
    return { email: link.email, body: link.body, role: link.role, expiresAt: link.expiresAt, holder: 'body' };
  }
  const member = roleOf(rt.settings, link.email);
  // Still on the staff list, in the same role and body as when the link was made.
  if (!member || member.role !== link.role || member.body !== link.body) throw new UserError(PORTAL.invalid);
  return { email: link.email, body: link.body, role: link.role, expiresAt: link.expiresAt };
}

/** Every link of a person (or a body's address) revoked; returns how many were still valid. */
export function revokePortalLinks(store: DocumentStore, email: string, now: Date): number {
  const { updates, valid } = revocations(store, [email], now);
  if (Object.keys(updates).length) store.setMany(updates);
  return valid;
}

/** Valid links by person, for the admin's list. */
export function activeLinks(store: DocumentStore, now: Date): PortalLink[] {
  return parseLinks(Object.values(store.withPrefix(PROPERTY_NAMES.portalLink)))
    .filter((l) => !l.revoked && new Date(l.expiresAt).getTime() > now.getTime())
    .sort((a, b) => a.email.localeCompare(b.email) || b.expiresAt.localeCompare(a.expiresAt));
}
