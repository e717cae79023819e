/**
 * Cases that arrive by the paper mailbox, in person, by phone, e-mail or Zalo, entered by staff
 * from the sidebar under the same rules as the form, with the channel recorded (the plan's
 * target is over 80% through the QR code, so the channel must be right).
 */
import { formatVietnameseDate } from '../../domain/calendar/civil-date';
import { CHANNELS, STAFF_CHANNELS, type ChannelKey } from '../../domain/case';
import { prepareCase, type SubmissionInput } from '../../domain/intake';
import { roleOf } from '../../domain/settings';
import { STAFF_ENTRY } from '../../i18n/vi';
import { appendAudit } from '../platform/audit';
import { writeCase, writesFor } from './filing';
import { acknowledgeNow, takeCodes, vietnamYear } from './intake';
import { loadRuntime } from '../platform/runtime';

/** What the sidebar sends: the submission's fields, with the channel's key and an ISO time. */
export type StaffCaseInput = Omit<SubmissionInput, 'channel' | 'receivedAt' | 'responseKey'> & {
  channel: string;
  /** ISO instant the case was received (a letter found in the paper mailbox yesterday …); empty: now. */
  receivedAt: string;
};

export interface StaffCaseResult {
  code: string;
  dueDate: string;
  message: string;
}

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export const STAFF_LOCK_WAIT_MS = 10_000;

export function enterStaffCase(user: string, input: StaffCaseInput): StaffCaseResult {
  const rt = loadRuntime();
  if (roleOf(rt.settings, user)?.role !== 'admin') throw new UserError(STAFF_ENTRY.notAllowed);
  const channelKey = input.channel as ChannelKey;
  if (!STAFF_CHANNELS.includes(channelKey)) throw new UserError(STAFF_ENTRY.channelInvalid);
  if (typeof input.content !== 'string' || input.content.trim() === '') throw new UserError(STAFF_ENTRY.contentRequired);
  const now = new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 60_000) throw new UserError(STAFF_ENTRY.receivedInvalid);

  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(STAFF_LOCK_WAIT_MS)) throw new UserError(STAFF_ENTRY.busy);
  try {
    const [code] = takeCodes(rt, vietnamYear(receivedAt), 1);
    const prepared = prepareCase(
      {
        channel: CHANNELS[channelKey],
        receivedAt,
        group: String(input.group ?? ''),
        topic: String(input.topic ?? ''),
        content: input.content,
        location: String(input.location ?? ''),
        name: String(input.name ?? ''),
        phone: String(input.phone ?? ''),
        email: String(input.email ?? ''),
        confidential: input.confidential === true,
        responseKey: `NV:${user}`,
      },
      code,
      { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now },
    );
    const writes = writesFor(prepared, rt, now);
    const ss = SpreadsheetApp.getActive();
    writeCase(ss, rt, writes);
    appendAudit(ss, rt, { user, action: 'Nhập ý kiến', code, field: 'Kênh tiếp nhận', before: '', after: CHANNELS[channelKey] });
    acknowledgeNow(rt, writes);
    const due = formatVietnameseDate(prepared.dueDay);
    return { code, dueDate: due, message: STAFF_ENTRY.saved(code, due) };
  } finally {
    lock.releaseLock();
  }
}
