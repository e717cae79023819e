/** The sidebar's "Liên kết": personal portal links for handling bodies and viewers (admins). */
import { can } from '../../domain/permissions';
import { ROLE_LABELS } from '../../domain/settings';
import { PORTAL } from '../../i18n/vi';
import { actorOf } from '../../services/cases/actions';
import { DeniedError, UserError } from '../../services/platform/errors';
import { loadRuntime } from '../../services/platform/runtime';
import { activeLinks, revokePortalLinks, sendPortalLink } from '../../services/public/portal-links';
import { currentUser } from './current-user';
import { rpc } from './rpc';

export interface LinkRow {
  email: string;
  role: string;
  body: string;
  /** dd/mm/yyyy of the last valid link, or ''. */
  validUntil: string;
}

function admin() {
  const rt = loadRuntime();
  const actor = actorOf(rt, currentUser());
  if (!can(actor, 'manageLinks')) throw new DeniedError(PORTAL.onlyHandlersViewers);
  return { rt, actor };
}

export function linkRows(): LinkRow[] {
  return rpc('links', () => {
    const { rt } = admin();
    const links = activeLinks(rt.store, new Date());
    return rt.settings.staff
      .filter((m) => m.role !== 'admin')
      .map((m) => {
        const last = links.find((l) => l.email === m.email);
        return { email: m.email, role: ROLE_LABELS[m.role], body: m.body, validUntil: last ? new Date(last.expiresAt).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '' };
      });
  });
}

export function sendLink(email: string): { message: string; rows: LinkRow[] } {
  return rpc('links', () => {
    const { rt } = admin();
    const link = sendPortalLink(rt, String(email ?? ''), new Date());
    return { message: PORTAL.sent(link.email), rows: linkRows() };
  });
}

export function revokeLinks(email: string): { message: string; rows: LinkRow[] } {
  return rpc('links', () => {
    const { rt } = admin();
    const e = String(email ?? '').trim().toLowerCase();
    if (!e) throw new UserError(PORTAL.onlyHandlersViewers);
    const n = revokePortalLinks(rt.store, e, new Date());
    return { message: PORTAL.revoked(e, n), rows: linkRows() };
  });
}
