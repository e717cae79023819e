/**
 * "In phiếu giấy": a sheet of paper slips for one residential group. Their codes are reserved
 * first (intake/slip-codes); the stub's lookup key is derived as every case's is
 * (services/access/keys), from the journal key the slip's case will have.
 */
import { formatKey } from '../../domain/lookup';
import { can, type Actor } from '../../domain/permissions';
import { contactText } from '../../domain/settings';
import { MAX_SLIPS, slipDocument } from '../../domain/slips';
import { SLIPS } from '../../i18n/vi';
import { refusal } from '../access/caller';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { reserveSlipCodes } from '../intake/slip-codes';
import { appendAudit } from '../platform/audit';
import { UserError } from '../platform/errors';
import type { Runtime } from '../platform/runtime';
import { slipLookupKey } from '../access/keys';
import { webAppUrl } from '../platform/web-app';
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';

export interface SlipRequest {
  group: string;
  count: number;
}

export function createSlips(rt: Runtime, actor: Actor, request: SlipRequest): WrittenDoc {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  const group = typeof request?.group === 'string' ? request.group : '';
  if (!rt.settings.groups.includes(group)) throw new UserError(SLIPS.groupInvalid);
  const count = Number(request?.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SLIPS) throw new UserError(SLIPS.countInvalid(MAX_SLIPS));
  const codes = reserveSlipCodes(rt.store, vietnamYear(new Date()), count, SLIPS.busy);
  const url = webAppUrl();
  const slips = codes.map((code) => {
    const key = slipLookupKey(rt.store, code);
    return { code, key: formatKey(key), lookupUrl: url ? `${url}?v=lookup&code=${code}&key=${key}` : '' };
  });
  const doc = writeDocument(slipDocument({ group, committee: rt.settings.committeeName, normalDays: rt.settings.deadlineDays.normal, contact: contactText(rt.settings), slips }));
  // The audit names the range, never a key.
  appendAudit(SpreadsheetApp.getActive(), rt, { user: actor.email, action: SLIPS.action, code: '', field: '', before: '', after: '', detail: `${group}: ${codes[0]} – ${codes[codes.length - 1]} (${count} phiếu) — ${doc.url}` });
  return doc;
}
