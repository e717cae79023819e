/**
 * "In phiếu giấy": a sheet of paper slips for one residential group. Their codes are reserved
 * first (intake/slip-codes); the stub's lookup key is derived as every case's is
 * (services/access/keys), from the response key the slip's case will have.
 */
import { AUDIT_ACTION } from '../../domain/vocabulary';
import { formatKey } from '../../domain/lookup';
import { can, type Actor } from '../../domain/permissions';
import { contactText } from '../../domain/settings';
import { MAX_PAPER_SLIPS, paperSlipDocument } from '../../domain/paper-slips';
import { PAPER_SLIPS } from '../../i18n/vi';
import { refusal } from '../access/caller';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { reservePaperSlipCodes } from '../intake/paper-slip-codes';
import { appendAudit } from '../platform/audit';
import { UserError } from '../platform/errors';
import type { Runtime } from '../platform/runtime';
import { paperSlipLookupKey } from '../access/keys';
import { webAppUrl } from '../platform/web-app';
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';

export interface PaperSlipRequest {
  group: string;
  count: number;
}

export function createPaperSlips(rt: Runtime, actor: Actor, request: PaperSlipRequest): WrittenDoc {
  if (!can(actor, 'makeDocuments')) throw refusal(actor, 'makeDocuments');
  const group = typeof request?.group === 'string' ? request.group : '';
  if (!rt.settings.groups.includes(group)) throw new UserError(PAPER_SLIPS.groupInvalid);
  const count = Number(request?.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PAPER_SLIPS) throw new UserError(PAPER_SLIPS.countInvalid(MAX_PAPER_SLIPS));
  const codes = reservePaperSlipCodes(rt.store, vietnamYear(new Date()), count, PAPER_SLIPS.busy);
  const url = webAppUrl();
  const paperSlips = codes.map((code) => {
    const lookupKey = paperSlipLookupKey(rt.store, code);
    return { code, lookupKey: formatKey(lookupKey), lookupUrl: url ? `${url}?v=lookup&code=${code}&key=${lookupKey}` : '' };
  });
  const doc = writeDocument(paperSlipDocument({ group, committee: rt.settings.committeeName, normalDays: rt.settings.deadlineDays.normal, contact: contactText(rt.settings), paperSlips }));
  // The audit names the range, never a key.
  appendAudit(SpreadsheetApp.getActive(), rt, { user: actor.email, action: AUDIT_ACTION.paperSlips, code: '', field: '', before: '', after: '', detail: PAPER_SLIPS.printed(group, codes[0], codes[codes.length - 1], count, doc.url) });
  return doc;
}
