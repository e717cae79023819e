/**
 * What staff who are not admins (handling bodies' members, viewers) read of a case's words.
 * Admins read everything as written. The others read:
 *  - the resident's own text (content, location, the note on it, a rating comment, a follow-up)
 *    with phone numbers, e-mail addresses and identity numbers masked (maskContactDetails:
 *    house numbers stay, they locate the problem);
 *  - the history without what admins wrote about reaching the resident — the call note ("who
 *    answered, what was said") and the letter note ("handed to Mr X at number 15"): the event,
 *    its time and what it changed (answered, and how) stay, so they see that the resident was
 *    answered. The details stay in the history cell and the audit tab, which only admins open.
 *    This is decided by the event's action, so events recorded before this rule are covered;
 *  - every other detail and free-text change with contact details masked.
 * Where a page or document reads "Người gửi" anyway (the personal-link page, the transfer slip),
 * the submitter's own name is hidden in those words too. Pure.
 */
import type { HistoryEvent } from './case-record';
import { ACTION_LABELS, FIELD_LABELS } from './lifecycle';
import { PERMISSIONS } from './permissions';
import type { Role } from './settings';
import { nameMasker } from './text/mentions';
import { HIDDEN_MARK, maskContactDetails } from './text/scrub';
import type { InboxItem, InboxQuery } from './inbox';

/** Events whose detail only admins read. */
export const ADMIN_ONLY_DETAILS: ReadonlySet<string> = new Set([ACTION_LABELS.recordCall, ACTION_LABELS.recordLetter]);

/** Changes whose values are free text (staff's or pasted from the resident). */
const TEXT_FIELDS: ReadonlySet<string> = new Set([FIELD_LABELS.answer, FIELD_LABELS.publicSummary, FIELD_LABELS.outcomeNote].filter((f): f is string => !!f));

/** Whoever may read a submitter's contact details (admins: the permissions table) reads what residents wrote as they wrote it. */
export function readsOriginal(role: Role): boolean {
  return PERMISSIONS[role]?.spreadsheet.includes('viewContact') ?? false;
}

/** A resident's own words as `role` reads them. */
export function residentTextFor(role: Role, text: string): string {
  return readsOriginal(role) ? text : maskContactDetails(text);
}

/**
 * A case's words as `role` reads them, where the submitter's name is at hand (the personal-link
 * page and the transfer slip read "Người gửi" once for all their cases): contact details masked,
 * and the name too, as the publication hides it (text/mentions).
 */
export function residentMasker(role: Role, submitterName = ''): (text: string) => string {
  return readsOriginal(role) ? (text) => text : withoutIdentity(submitterName);
}

/** A resident's words with their contact details masked, and their own name when it is given (what leaves for a handling body). */
export function withoutIdentity(submitterName = ''): (text: string) => string {
  const name = nameMasker(submitterName);
  return (text) => name(maskContactDetails(text));
}

/** A case's history as `role` reads it (with the submitter's name hidden too, when given). */
export function historyFor(role: Role, events: HistoryEvent[], submitterName = ''): HistoryEvent[] {
  if (readsOriginal(role)) return events;
  const mask = residentMasker(role, submitterName);
  return events.map((e) => {
    const { detail, changes, ...rest } = e;
    const out: HistoryEvent = { ...rest };
    if (detail && !ADMIN_ONLY_DETAILS.has(e.action)) out.detail = mask(detail);
    if (changes) out.changes = changes.map((c) => (TEXT_FIELDS.has(c.field) ? { field: c.field, from: mask(c.from), to: mask(c.to) } : c));
    return out;
  });
}

/**
 * A handler's or viewer's search without what is masked in what they read: searching for a phone
 * number (or its digit groups) or an e-mail address must not tell them which case holds it. Case
 * codes and short numbers ("ngõ 7") still search.
 */
export function searchAs(role: Role, query: InboxQuery): InboxQuery {
  if (readsOriginal(role) || typeof query.text !== 'string') return query;
  const words = maskContactDetails(query.text.slice(0, 200))
    .split(HIDDEN_MARK)
    .join(' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]{2}-\d{4}-P?\d{5,6}$/i.test(w) || (w.match(/\d/g) ?? []).length < 3);
  return { ...query, text: words.join(' ') };
}

/** An inbox line as a handler or viewer reads it; a number cut by the summary's end is dropped too. */
export function inboxItemAs(role: Role, item: InboxItem): InboxItem {
  if (readsOriginal(role)) return item;
  const summary = residentTextFor(role, item.summary).replace(/[\d\s.()+-]*\d[\d\s.()+-]*…$/, (cut) => ((cut.match(/\d/g) ?? []).length >= 3 ? ' …' : cut));
  return { ...item, summary, group: residentTextFor(role, item.group) };
}
