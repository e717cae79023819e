/**
 * A resident without e-mail calls the ward: an admin issues a new lookup key for their case and
 * reads it out (the key of the acknowledgement, if any, stops working). Admins only, under the
 * document lock, audited; the key itself is shown once and never stored — only its issue number,
 * in the case row and in the document properties (platform/secrets).
 */
import type { CaseRecord } from '../../domain/case-record';
import { formatKey } from '../../domain/lookup';
import { can, type Actor } from '../../domain/permissions';
import { CASES } from '../../i18n/vi';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import type { Runtime } from '../platform/runtime';
import { currentIssue, lookupKey, recordIssue } from '../platform/secrets';
import { ACTION_LOCK_WAIT_MS, commitChange } from './actions';
import { refusal } from '../access/caller';
import { readCase } from './store';

export function issueLookupKey(rt: Runtime, actor: Actor, code: string): { key: string; message: string } {
  if (!can(actor, 'issueLookupKey')) throw refusal(actor, 'issueLookupKey');
  return withDocumentLock(ACTION_LOCK_WAIT_MS, () => new BusyError(CASES.busy), () => {
    const ss = SpreadsheetApp.getActive();
    // The issue numbers may have changed while this call waited for the lock.
    rt.store.refresh();
    // (A change of this case cut off earlier is finished by commitChange, which the row's debt tells.)
    const at = readCase(ss, rt, String(code));
    if (!at) throw new UserError(CASES.notFound);
    const c = at.record;
    if (!c.responseKey) throw new UserError(CASES.notFound);
    const issue = currentIssue(rt.store, c.code, c.lookupVersion) + 1;
    const now = new Date();
    const event = { v: c.version + 1, at: now.toISOString(), by: actor.email, action: CASES.lookupKeyIssuedAction, detail: CASES.lookupKeyIssuedDetail(issue) };
    const next: CaseRecord = { ...c, lookupVersion: issue, version: c.version + 1, updatedAt: now };
    // The issue number is kept apart from the row too (with the write-ahead record, in one
    // write): a row deleted by hand and restored, or a number typed back, revives no old key.
    commitChange(ss, rt, at, next, event, undefined, recordIssue(rt.store, c.code, issue));
    const key = formatKey(lookupKey(rt.store, c.responseKey, issue));
    return { key, message: CASES.lookupKeyIssued(c.code, key) };
  });
}
