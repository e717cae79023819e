/**
 * "In phiếu giấy": a sheet of paper slips for one residential group. Their codes are reserved
 * first, in the slips' own sequence, under the document lock and in one property write (two
 * clerks printing at once get different codes); a Doc that then fails to be made leaves a gap in
 * the sequence, never a code printed twice. The stub's lookup key is derived as every case's is
 * (services/public/keys), from the journal key the slip's case will have.
 */
import { formatSlipCode, parseSlipCode, slipJournalKey, type SequenceState } from '../../domain/case-code';
import { can } from '../../domain/permissions';
import { contactText } from '../../domain/settings';
import { MAX_SLIPS, slipDocument } from '../../domain/slips';
import { REPORTS, SLIPS } from '../../i18n/vi';
import { actorOf } from '../cases/actions';
import { vietnamYear } from '../intake/intake';
import { appendAudit } from '../platform/audit';
import { KEYS, type DocumentStore } from '../platform/document-store';
import { BusyError, DeniedError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { loadRuntime } from '../platform/runtime';
import { printedKey, webAppUrl } from '../public/keys';
import { writeDocument, type WrittenDoc } from '../reports/doc-writer';

const LOCK_WAIT_MS = 10_000;

export interface SlipRequest {
  group: string;
  count: number;
}

/** Has a slip with this code been printed? (Its sequence is within the year's reserved range.) */
export function slipIssued(store: DocumentStore, code: string): boolean {
  const parsed = parseSlipCode(code);
  if (!parsed) return false;
  const state = store.getJson<SequenceState>(KEYS.slipSequence) ?? {};
  return parsed.sequence <= (state[String(parsed.year)] ?? 0);
}

export function createSlips(user: string, request: SlipRequest): WrittenDoc {
  const rt = loadRuntime();
  const actor = actorOf(rt, user);
  if (!can(actor, 'makeDocuments')) throw new DeniedError(REPORTS.notAllowed);
  const group = typeof request?.group === 'string' ? request.group : '';
  if (!rt.settings.groups.includes(group)) throw new UserError(SLIPS.groupInvalid);
  const count = Number(request?.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SLIPS) throw new UserError(SLIPS.countInvalid(MAX_SLIPS));
  const year = vietnamYear(new Date());
  const codes = withDocumentLock(LOCK_WAIT_MS, () => new BusyError(SLIPS.busy), () => {
    rt.store.refresh();
    const state = rt.store.getJson<SequenceState>(KEYS.slipSequence) ?? {};
    const from = (state[String(year)] ?? 0) + 1;
    rt.store.setJson(KEYS.slipSequence, { ...state, [String(year)]: from + count - 1 });
    return Array.from({ length: count }, (_, i) => formatSlipCode(year, from + i));
  });
  const url = webAppUrl();
  const slips = codes.map((code) => {
    const key = printedKey(rt.store, slipJournalKey(code), 0);
    return { code, key, lookupUrl: url ? `${url}?v=lookup&code=${code}&key=${key.replace('-', '')}` : '' };
  });
  const doc = writeDocument(slipDocument({ group, committee: rt.settings.committeeName, normalDays: rt.settings.deadlineDays.normal, contact: contactText(rt.settings), slips }));
  // The audit names the range, never a key.
  appendAudit(SpreadsheetApp.getActive(), rt, { user: actor.email, action: SLIPS.action, code: '', field: '', before: '', after: '', detail: `${group}: ${codes[0]} – ${codes[codes.length - 1]} (${count} phiếu) — ${doc.url}` });
  return doc;
}
