/**
 * What the fate of a case's mail does to the case, once the outbox knows it. Only a mail that has
 * left makes something true: the answer e-mail makes the case "Đã trả lời" ("Đã gửi qua email"),
 * the police's mail records the case as transferred. A mail that could not be sent (no valid
 * address, a send that may or may not have left) puts the answer back to approved, not delivered,
 * or records the case as not transferred — and the admins are told.
 * Pure: the outbox's report and the case in, the change out; null when it changes nothing (already
 * settled, or a mail that a later action has overtaken), so a report applied twice changes nothing.
 */
import { ANSWER_METHOD, POLICE_TRANSFER, STATUS } from '../case';
import { parseHistory, type CaseRecord, type HistoryEvent } from '../case-record';
import { NON_STAFF_ACTOR } from '../vocabulary';
import { ACTION_NAMES, FIELD_NAMES, LIFECYCLE } from '../../i18n/cases';
import { NOTICE } from '../../i18n/mail';
import { statusOf } from '../lifecycle';
import { answerMailWaiting } from './deliver';
import { show } from './inputs';

export type ReportedMail = 'answer' | 'police';

/** The outbox's kinds whose fate goes back to their case, by the outbox tab's "Loại thư". */
export const REPORTED_MAIL_KINDS: Readonly<Record<string, ReportedMail>> = { [NOTICE.kinds.answer]: 'answer', [NOTICE.kinds.police]: 'police' };

/** One mail's fate, as the outbox found it: sent (it left) or not (failed, or not known to have left). */
export interface MailReport {
  id: string;
  code: string;
  kind: ReportedMail;
  sent: boolean;
  /** When it left or was found unsendable (ISO). */
  at: string;
  /** Why it was not sent (already free of personal data); '' when sent. */
  error: string;
  /** The address it went to: only for the police's mail (a resident's address never goes into a case). */
  to: string;
}

export interface Settlement {
  patch: Partial<CaseRecord>;
  event: HistoryEvent;
  /** A mail that failed: the admins get a notice. */
  tellAdmins: boolean;
}

/** The case version a mail was queued with: its id ends in "-v<version>" (services/cases/effects.ts). */
export function mailVersion(id: string): number | null {
  const m = /-v(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

/** The version of the latest event of an action in the case's history (null when none is kept). */
function latestEventOf(history: string, action: string): number | null {
  const events = parseHistory(history).filter((e) => e.action === action);
  return events.length ? events[events.length - 1].v : null;
}

/** The report's mail is the one the case's latest action of that kind queued (an earlier one is overtaken). */
function isCurrentMail(c: CaseRecord, r: MailReport): boolean {
  const queuedAt = mailVersion(r.id);
  const latest = latestEventOf(c.history, r.kind === 'answer' ? ACTION_NAMES.sendAnswer : ACTION_NAMES.misuse);
  return queuedAt === null || latest === null || queuedAt === latest;
}

function changesOf(c: CaseRecord, patch: Partial<CaseRecord>): NonNullable<HistoryEvent['changes']> {
  return (Object.keys(patch) as Array<keyof CaseRecord>)
    .filter((k) => k in FIELD_NAMES && show(patch[k]) !== show(c[k]))
    .map((k) => ({ field: FIELD_NAMES[k as keyof typeof FIELD_NAMES], from: show(c[k]), to: show(patch[k]) }));
}

function answerSettlement(c: CaseRecord, r: MailReport): { patch: Partial<CaseRecord>; action: string; detail: string } | null {
  if (!answerMailWaiting(c)) return null;
  if (r.sent) {
    const at = new Date(r.at);
    // A case closed meanwhile (marked as misuse) stays closed; it still was answered.
    const open = ['draftAnswer', 'awaitingApproval', 'approved'].includes(statusOf(c));
    return { patch: { answerSentAt: at, answerMethod: ANSWER_METHOD.email, ...(open ? { status: STATUS.answered } : {}) }, action: LIFECYCLE.answerMailSent, detail: '' };
  }
  return { patch: { answerMethod: '' }, action: LIFECYCLE.answerMailFailed, detail: LIFECYCLE.answerMailFailedDetail(r.error) };
}

function policeSettlement(c: CaseRecord, r: MailReport): { patch: Partial<CaseRecord>; action: string; detail: string } | null {
  if (c.policeTransfer !== POLICE_TRANSFER.waiting) return null;
  if (r.sent) return { patch: { policeTransfer: POLICE_TRANSFER.sent }, action: LIFECYCLE.policeMailSent, detail: LIFECYCLE.policeMailSentDetail(r.to) };
  return { patch: { policeTransfer: POLICE_TRANSFER.failed }, action: LIFECYCLE.policeMailFailed, detail: LIFECYCLE.policeMailFailedDetail(r.error) };
}

/** The change a mail's fate makes to its case (a new version, by "Hệ thống", at the time it was found), or null. */
export function settleMail(c: CaseRecord, r: MailReport): Settlement | null {
  if (c.code !== r.code || !isCurrentMail(c, r)) return null;
  const s = r.kind === 'answer' ? answerSettlement(c, r) : policeSettlement(c, r);
  if (!s) return null;
  const at = new Date(r.at);
  const version = c.version + 1;
  const changes = changesOf(c, s.patch);
  const event: HistoryEvent = { v: version, at: at.toISOString(), by: NON_STAFF_ACTOR.system, action: s.action, ...(s.detail ? { detail: s.detail } : {}), ...(changes.length ? { changes } : {}) };
  return { patch: { ...s.patch, version, updatedAt: at }, event, tellAdmins: !r.sent };
}

/** The latest word on the answer e-mail, when it is that it failed (the case view says so until it is sent again). */
export function answerMailProblem(history: HistoryEvent[]): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (e.action === LIFECYCLE.answerMailFailed) return e.detail ?? '';
    if (e.action === ACTION_NAMES.sendAnswer || e.action === LIFECYCLE.answerMailSent || e.action === ACTION_NAMES.answer) return '';
  }
  return '';
}
