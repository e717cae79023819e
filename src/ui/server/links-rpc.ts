/** The sidebar's "Liên kết": personal portal links for handling bodies and viewers (admins). */
import { text } from '../../domain/input';
import { mayHoldLink } from '../../domain/permissions';
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

/** Everyone who works through a personal link, and until when their last valid link runs. */
function rowsOf(rt: Runtime): LinkRow[] {
  const links = activeLinks(rt.store, new Date());
  return rt.settings.staff
    .filter((m) => mayHoldLink(m.role))
    .map((m) => {
      const last = links.find((l) => l.email === m.email);
      return { email: m.email, role: ROLE_LABELS[m.role], body: m.body, validUntil: last ? formatVietnameseDate(vietnamDayOf(new Date(last.expiresAt))) : '' };
    });
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
