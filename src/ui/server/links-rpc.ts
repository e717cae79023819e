/** The sidebar's "Liên kết": personal portal links for handling bodies and viewers (admins). */
import { text } from '../../domain/input';
import { bodyPeople } from '../../domain/body-people';
import { mayHoldLink } from '../../domain/permissions';
import { roleOf } from '../../domain/settings';
import { ROLE_LABELS } from '../../domain/vocabulary';
import { PORTAL } from '../../i18n/vi';
import { staffCall } from '../../services/access/caller';
import { UserError } from '../../services/platform/errors';
import type { Runtime } from '../../services/platform/runtime';
import { activeLinks, revokePortalLinks, sendPortalLink } from '../../services/access/portal-links';
import { rpc } from './rpc';
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';

export interface LinkRow {
  email: string;
  role: string;
  body: string;
  /** dd/mm/yyyy of the last valid link, or ''. */
  validUntil: string;
}

/**
 * Everyone who works through a personal link, and until when their last valid link runs: the
 * staff who may hold one, then the bodies' own addresses that hold or would get a body link (a
 * body with no member in "Cán bộ", domain/body-people), so an admin can send or revoke it too.
 */
function rowsOf(rt: Runtime): LinkRow[] {
  const links = activeLinks(rt.store, new Date());
  const until = (email: string, body?: string) => {
    const last = links.find((l) => l.email === email && (body === undefined || (l.holder === 'body' && l.body === body)));
    return last ? formatVietnameseDate(vietnamDayOf(new Date(last.expiresAt))) : '';
  };
  const staff = rt.settings.staff.filter((m) => mayHoldLink(m.role)).map((m) => ({ email: m.email, role: ROLE_LABELS[m.role], body: m.body, validUntil: until(m.email) }));
  const addresses = rt.settings.bodies
    .map((b) => ({ b, email: b.email.trim().toLowerCase() }))
    .filter(({ b, email }) => email && !roleOf(rt.settings, email) && (bodyPeople(b, rt.settings.staff).some((p) => p.access === 'body') || until(email, b.name)))
    .map(({ b, email }) => ({ email, role: PORTAL.bodyAddressRole(b.name), body: b.name, validUntil: until(email, b.name) }));
  return [...staff, ...addresses];
}

export function linkRows(): LinkRow[] {
  return rpc('links', () => rowsOf(staffCall('manageLinks').rt));
}

export function sendLink(email: unknown): { message: string; rows: LinkRow[] } {
  return rpc('links', () => {
    const { rt } = staffCall('manageLinks');
    const link = sendPortalLink(rt, text(email, 320), new Date());
    return { message: PORTAL.sent(link.email), rows: rowsOf(rt) };
  });
}

export function revokeLinks(email: unknown): { message: string; rows: LinkRow[] } {
  return rpc('links', () => {
    const { rt } = staffCall('manageLinks');
    const e = text(email, 320).trim().toLowerCase();
    if (!e) throw new UserError(PORTAL.onlyHandlersViewers);
    const n = revokePortalLinks(rt.store, e, new Date());
    return { message: PORTAL.revoked(e, n), rows: rowsOf(rt) };
  });
}
