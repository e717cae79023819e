/**
 * Cases that arrive by the paper mailbox, in person, by phone, e-mail or Zalo, entered by staff
 * from the sidebar under the same rules as the form, with the channel recorded (the plan's
 * target is over 80% through the QR code, so the channel must be right). Filed through the one
 * filing pipeline; the sidebar sends a request id with each entry, so a retried request (a
 * dropped connection) files the case once.
 */
import { intakeContext } from '../platform/intake-context';
import { formatVietnameseDate, parseVietnamLocalInput, vietnamYear } from '../../domain/calendar/civil-date';
import { CHANNELS, STAFF_CHANNELS, type ChannelKey } from '../../domain/case';
import { canonicalCode, parsePaperSlipCode, paperSlipResponseKey } from '../../domain/case-code';
import { prepareCase, type SubmissionInput } from '../../domain/intake';
import { can, type Actor } from '../../domain/permissions';
import { refusal } from '../access/caller';
import { STAFF_ENTRY } from '../../i18n/vi';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import type { Runtime } from '../platform/runtime';
import { paperSlipIssued } from './paper-slip-codes';
import { fileOne } from '../cases/filing';
import { acknowledgeNow } from './intake';

/** What the sidebar sends: the submission's fields, with the channel's key and an ISO time. */
export type StaffCaseInput = Omit<SubmissionInput, 'channel' | 'receivedAt' | 'responseKey'> & {
  channel: string;
  /** ISO instant the case was received (a letter found in the paper mailbox yesterday …); empty: now. */
  receivedAt: string;
  /** Chosen by the sidebar once per filled-in form: the same id twice files one case. */
  requestId?: string;
  /** The code printed on a paper slip (GY-2026-P00012): the case gets it, once. */
  slipCode?: string;
};

export interface StaffCaseResult {
  code: string;
  dueDate: string;
  message: string;
}


export const STAFF_LOCK_WAIT_MS = LOCK_WAIT_MS.staffEntry;

/** "2026-11-23T15:30" is Vietnam wall time (the sidebar's datetime-local field); an ISO instant with a zone is taken as is. */
export function parseReceivedAt(text: string): Date {
  return parseVietnamLocalInput(text) ?? new Date(text);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The printed code of a paper slip, checked: its form, its channel, that it was printed. */
function paperSlipCodeOf(rt: Runtime, typed: string, channel: ChannelKey): string | null {
  if (typed.trim() === '') return null;
  if (channel !== 'paper') throw new UserError(STAFF_ENTRY.paperSlipOnlyPaper);
  // One form for every spelling (GY-2026-P000001 is GY-2026-P00001): the slip's response key is made
  // from it, so the same slip typed two ways is one submission, filed once.
  const code = canonicalCode(typed);
  if (!parsePaperSlipCode(code)) throw new UserError(STAFF_ENTRY.paperSlipInvalid);
  if (!paperSlipIssued(rt.store, code)) throw new UserError(STAFF_ENTRY.paperSlipNotIssued(code));
  return code;
}

export function enterStaffCase(rt: Runtime, actor: Actor, input: StaffCaseInput): StaffCaseResult {
  if (!can(actor, 'enterCase')) throw refusal(actor, 'enterCase');
  if (!input || typeof input !== 'object') throw new UserError(STAFF_ENTRY.contentRequired);
  const channelKey = input.channel as ChannelKey;
  if (!STAFF_CHANNELS.includes(channelKey)) throw new UserError(STAFF_ENTRY.channelInvalid);
  if (typeof input.content !== 'string' || input.content.trim() === '') throw new UserError(STAFF_ENTRY.contentRequired);
  const now = new Date();
  const receivedAt = input.receivedAt ? parseReceivedAt(String(input.receivedAt)) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 60_000) throw new UserError(STAFF_ENTRY.receivedInvalid);
  const slipCode = paperSlipCodeOf(rt, str(input.slipCode), channelKey);
  const requestId = str(input.requestId).replace(/[^\w-]/g, '').slice(0, 64) || Utilities.getUuid();
  // The key must be the same when the same request comes again: from what the request says, never
  // from the clock (a retry a few seconds later would otherwise look like a new case). A slip's
  // key is its code's: the same slip entered twice is one submission.
  const keyTime = input.receivedAt ? receivedAt.getTime() : Math.floor(now.getTime() / 86_400_000) * 86_400_000;
  const key = slipCode ? paperSlipResponseKey(slipCode) : `S${Math.floor(keyTime / 1000)}-${requestId}`;

  return withDocumentLock(STAFF_LOCK_WAIT_MS, () => new BusyError(STAFF_ENTRY.busy), () => {
    rt.store.refresh();
    const ctx = intakeContext(rt, now);
    let dueDay = 0;
    const filed = fileOne(
      SpreadsheetApp.getActive(),
      rt,
      {
        responseKey: key,
        by: actor.email,
        code: slipCode ?? undefined,
        prepare: (code) => {
          const prepared = prepareCase(
            {
              channel: CHANNELS[channelKey],
              receivedAt,
              group: str(input.group),
              topic: str(input.topic),
              content: input.content,
              location: str(input.location),
              name: str(input.name),
              phone: str(input.phone),
              email: str(input.email),
              confidential: input.confidential === true,
              responseKey: key,
              enteredBy: actor.email,
            },
            code,
            ctx,
          );
          dueDay = prepared.dueDay;
          return prepared;
        },
      },
      vietnamYear(receivedAt),
      now,
    );
    if (filed.writes) acknowledgeNow(rt, filed.writes);
    if (filed.outcome === 'duplicate' && slipCode) throw new UserError(STAFF_ENTRY.paperSlipUsed(slipCode));
    if (filed.outcome === 'duplicate') return { code: filed.code, dueDate: '', message: STAFF_ENTRY.alreadySaved(filed.code) };
    const due = formatVietnameseDate(dueDay);
    return { code: filed.code, dueDate: due, message: STAFF_ENTRY.saved(filed.code, due) };
  });
}
