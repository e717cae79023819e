/**
 * A ward set up before secrets were kept out of the sheet held them in "Hộp thư đi" in plain text: each
 * acknowledgement's lookup key, each rating link, each personal link's token. Once, at the first
 * hourly job after the update (under the document lock), that outbox is cleaned:
 * - a message still waiting gets placeholders instead, filled when it leaves (platform/secrets);
 *   a waiting personal link moves to the token its mail id derives, and the old token, readable
 *   until now, is revoked;
 * - a message that left keeps «đã ẩn» where the secret was;
 * - a personal link that left and is still valid could be read by anyone who could read the
 *   spreadsheet: it is revoked, and its holder (still in "Cán bộ" as the link says) gets a new
 *   one by e-mail;
 * - the issue numbers of re-issued keys, so far only in the case rows, are recorded apart
 *   (platform/secrets), so a restored row cannot revive a voided key.
 * Lookup keys that were sent stay valid: the resident has them, and the page they open shows no
 * personal data; an admin can issue a new key for a case ("Cấp mã tra cứu mới").
 * Re-running after a cut-off is safe: moved links are not moved twice, the renewal of a person
 * has a fixed id (the outbox sends it once) and its record says it was made.
 */
import { formatKey } from '../../domain/lookup';
import { roleOf } from '../../domain/settings';
import { SECRET_SLOTS } from '../../i18n/vi';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { UserError } from '../platform/errors';
import { caseKeyTable, queueMail } from '../platform/outbox';
import { OUTBOX_STATUS } from '../../domain/vocabulary';
import type { PortalLink } from '../platform/portal-records';
import type { Runtime } from '../platform/runtime';
import { currentIssue, issuedNumbers, KEY_SLOT, LINK_SLOT, linkToken, lookupKey, tokenHash } from '../platform/secrets';
import { linkMail, linkUrl, newPortalLink } from '../access/portal-links';
import { mayHoldLink } from '../../domain/permissions';

/** The id of the one mail that renews a person's exposed link. */
const renewalId = (email: string) => `LK-16-${email}`.slice(0, 120);

export function migrateOutboxSecrets(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { cleaned: number; renewed: number } {
  const none = { cleaned: 0, renewed: 0 };
  if (rt.store.get(PROPERTY_NAMES.secretsMigrated)) return none;
  const now = new Date();
  const props: Record<string, string> = {};

  // Issue numbers kept apart from the rows.
  const cases = caseKeyTable(rt, ss);
  const issued = issuedNumbers(rt.store);
  const more = [...cases].filter(([code, c]) => c.issue > (issued[code] ?? 0));
  if (more.length) Object.assign(props, DocumentStore.encodeJson(PROPERTY_NAMES.lookupIssues, { ...issued, ...Object.fromEntries(more.map(([code, c]) => [code, c.issue])) }));

  const outbox = rt.table('outbox', ss);
  const rows = outbox.rows(['id', 'code', 'status', 'body']);
  const col = (row: Record<string, unknown>, key: string) => String(row[key] ?? '');

  // Every key a case has had, as printed and as in a link.
  const keysOf = new Map<string, string[]>();
  const everyKey = (code: string): string[] => {
    const c = cases.get(code);
    if (!c || !c.responseKey) return [];
    if (!keysOf.has(code)) {
      const all: string[] = [];
      for (let i = 0; i <= currentIssue(rt.store, code, c.issue); i++) {
        const k = lookupKey(rt.store, c.responseKey, i);
        all.push(formatKey(k), k);
      }
      keysOf.set(code, all);
    }
    return keysOf.get(code)!;
  };

  const exposed = new Set<string>();
  let cleaned = 0;
  const bodies = rows.map((row) => {
    const waiting = col(row, 'status') === OUTBOX_STATUS.waiting;
    const id = col(row, 'id');
    const before = col(row, 'body');
    let body = before;
    for (const k of everyKey(col(row, 'code'))) body = body.split(k).join(waiting ? KEY_SLOT : SECRET_SLOTS.redacted);
    body = body.replace(/([?&]p=)([0-9a-f]{64})/g, (_m, pre: string, token: string) => {
      const oldKey = PROPERTY_NAMES.portalLink + tokenHash(token);
      const link = rt.store.getJson<PortalLink>(oldKey);
      if (link && !link.revoked) {
        props[oldKey] = JSON.stringify({ ...link, revoked: true });
        if (!waiting && new Date(link.expiresAt).getTime() > now.getTime()) {
          const member = roleOf(rt.settings, link.email);
          if (member && member.role === link.role && member.body === link.body) exposed.add(link.email);
        }
      }
      if (!waiting) return `${pre}${SECRET_SLOTS.redacted}`;
      const moved = PROPERTY_NAMES.portalLink + tokenHash(linkToken(rt.store, id));
      if (link && !rt.store.get(moved)) props[moved] = JSON.stringify(link);
      return `${pre}${LINK_SLOT}`;
    });
    if (body !== before) cleaned += 1;
    return { body };
  });

  // The renewals: a record now (with the revocations, in one write), then the mail — for everyone
  // whose renewal record exists and whose renewal mail is not queued yet (also after a cut-off).
  for (const email of exposed) {
    try {
      Object.assign(props, newPortalLink(rt, email, now, renewalId(email)).property);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
  }
  if (Object.keys(props).length) rt.store.setMany(props);
  const queued = new Set(rows.map((r) => col(r, 'id')));
  const renewing = rt.settings.staff.filter((m) => mayHoldLink(m.role) && !queued.has(renewalId(m.email)) && rt.store.get(PROPERTY_NAMES.portalLink + tokenHash(linkToken(rt.store, renewalId(m.email)))) !== null);
  const url = renewing.length ? linkUrl() : '';
  const renewals = renewing.map((m) => linkMail(rt, renewalId(m.email), '', m, url));
  queueMail(ss, rt, renewals, now);
  if (cleaned) outbox.updateRows(2, bodies);
  rt.store.set(PROPERTY_NAMES.secretsMigrated, now.toISOString());
  return { cleaned, renewed: renewals.length };
}
