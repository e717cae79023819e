/**
 * Finding cases by the sender's phone or name (issue 18, item 7): admins only, with a reason, and
 * every search written to the audit trail like any other look at a contact — one row per case whose
 * sender it showed, holding the reason and whether it was by number or name, never what was typed
 * ("Nhật ký" is read by all staff; the number or name stays in "Người gửi").
 * Spreadsheet calls, whatever the number of cases: getActive, one block of "Người gửi" (code to
 * confidential: 2), the index column of "Ý kiến" (2), the audit rows under the document lock (1 appendRow, or 5 for a batch).
 */
import { formatVietnameseDate } from '../../domain/calendar/civil-date';
import { can, type Actor } from '../../domain/permissions';
import { matchesSender, MIN_NAME_LETTERS, MIN_PHONE_DIGITS, senderQuery } from '../../domain/sender-search';
import { LIFECYCLE, SENDER_SEARCH } from '../../i18n/cases';
import { CASES } from '../../i18n/vi';
import { refusal } from '../access/caller';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { ACTION_LOCK_WAIT_MS } from './actions';
import type { Runtime } from '../platform/runtime';
import { readIndex } from './store';
import { archivedIndex } from './archive';
import { archiveYearOf } from '../../domain/archive';

/** The most cases one search shows (newest first); the total says how many there were. */
export const SENDER_SEARCH_LIMIT = 20;

export interface SenderMatch {
  code: string;
  /** The case's row, to open it directly. */
  row: number;
  receivedOn: string;
  status: string;
  summary: string;
  name: string;
  phone: string;
  email: string;
  confidential: boolean;
}

export interface SenderSearchResult {
  kind: 'phone' | 'name';
  total: number;
  items: SenderMatch[];
}

export function findCasesBySender(rt: Runtime, actor: Actor, queryInput: string, reasonInput: string): SenderSearchResult {
  if (!can(actor, 'findSender')) throw refusal(actor, 'findSender');
  const reason = reasonInput.trim();
  if (!reason) throw new UserError(CASES.contactReasonRequired);
  if (reason.length > 1000) throw new UserError(CASES.reasonTooLong);
  const query = senderQuery(queryInput);
  if (!query) throw new UserError(SENDER_SEARCH.tooShort(MIN_PHONE_DIGITS, MIN_NAME_LETTERS));

  const ss = SpreadsheetApp.getActive();
  const senders = new Map<string, { name: string; phone: string; email: string; confidential: boolean }>();
  for (const r of rt.table('submitters', ss).rows(['code', 'name', 'phone', 'email', 'confidential'])) {
    const sender = { name: String(r.name ?? ''), phone: String(r.phone ?? ''), email: String(r.email ?? ''), confidential: r.confidential === true };
    if (matchesSender(query, sender)) senders.set(String(r.code ?? ''), sender);
  }
  const current = senders.size ? readIndex(ss, rt).filter((e) => senders.has(e.code)) : [];
  // The sender's cases that moved to their year's archive (read-only; opened by code, no row hint).
  const inCurrent = new Set(current.map((e) => e.code));
  const years = [...new Set([...senders.keys()].filter((c) => !inCurrent.has(c)).map(archiveYearOf))].filter((y): y is number => y !== null);
  const found = [...current, ...archivedIndex(ss, rt, years).filter((e) => senders.has(e.code) && !inCurrent.has(e.code)).map((e) => ({ ...e, row: 0 }))];
  found.sort((a, b) => b.receivedAt - a.receivedAt || b.row - a.row);
  const shown = found.slice(0, SENDER_SEARCH_LIMIT);

  const now = new Date();
  const audit = shown.length
    ? shown.map((e) => ({ at: now, user: actor.email, action: LIFECYCLE.senderSearched, code: e.code, detail: SENDER_SEARCH.auditDetail(reason, query.kind) }))
    : [{ at: now, user: actor.email, action: LIFECYCLE.senderSearched, code: '', detail: SENDER_SEARCH.auditNone(reason, query.kind) }];
  // Up to 20 rows go in one block write (last row, then setValues): under the document lock, or
  // an intake's or an action's row appended meanwhile would be written over.
  withDocumentLock(ACTION_LOCK_WAIT_MS, () => new BusyError(CASES.busy), () => rt.table('audit', ss).append(audit));

  return {
    kind: query.kind,
    total: found.length,
    items: shown.map((e) => ({ code: e.code, row: e.row, receivedOn: formatVietnameseDate(e.receivedDay), status: e.status, summary: e.summary, ...senders.get(e.code)! })),
  };
}
