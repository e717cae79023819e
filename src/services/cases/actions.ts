/**
 * Staff actions on a case, each one server call under the document lock:
 * read the row → check who may do what and that the save is based on the current version →
 * decide (domain/lifecycle) → write the row back and one audit row.
 * Spreadsheet calls: getActive, getRange, getValues, setValues, getSheetByName + appendRow for the
 * audit = 6; an action that sends mail adds the outbox row (+2); duplicate and follow-up also
 * touch the other case.
 */
import { CHANNELS } from '../../domain/case';
import { appendHistory, buildIndex, parseHistory, type CaseRecord } from '../../domain/case-record';
import { prepareCase, type SubmitterFields } from '../../domain/intake';
import { ActionRefused, canSee, conflictMessage, decide, linkCodes, type ActionInput, type Actor, type Notice } from '../../domain/lifecycle';
import { roleOf } from '../../domain/settings';
import { CASES, NOTICE } from '../../i18n/vi';
import { appendAudit, auditFromEvent } from '../platform/audit';
import { OUTBOX_STATUS, RESIDENT_RECIPIENT, sheet, writeCase, writesFor } from '../intake/filing';
import { readCase, writeCaseRow } from './store';
import { takeCodes, vietnamYear } from '../intake/intake';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { encodeRow } from '../platform/sheets/table';
import { TABS } from '../platform/sheets/tabs';
import { UserError } from '../intake/staff-entry';

export const ACTION_LOCK_WAIT_MS = 10_000;

/** A save based on an old version: refused, with what changed since. */
export class VersionConflict extends UserError {}

export function actorOf(rt: Runtime, user: string): Actor {
  const member = roleOf(rt.settings, user);
  if (!member) throw new UserError(CASES.noRole);
  return { email: member.email, role: member.role, body: member.body };
}

function outboxRecord(rt: Runtime, c: CaseRecord, n: Notice, now: Date): Record<string, unknown> {
  const base = { createdAt: now, code: c.code, status: OUTBOX_STATUS.waiting, sentAt: '', attempts: 0, error: '' };
  switch (n.kind) {
    case 'assignee':
      return {
        ...base,
        id: `CX-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.assignee,
        recipient: n.to,
        subject: NOTICE.assigneeSubject(c.code),
        body: NOTICE.assigneeBody({ code: c.code, body: n.body, dueOn: n.dueOn, summary: c.content.slice(0, 300), committee: rt.settings.committeeName, url: rt.schema.spreadsheetUrl }),
      };
    case 'answer':
      return {
        ...base,
        id: `TL-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.answer,
        recipient: RESIDENT_RECIPIENT,
        subject: NOTICE.answerSubject(c.code),
        body: NOTICE.answerBody({ code: c.code, answer: c.answer, committee: rt.settings.committeeName, contactLine: rt.settings.contactLine }),
      };
    case 'police':
      return {
        ...base,
        id: `CA-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.police,
        recipient: n.to,
        subject: NOTICE.policeSubject(c.code),
        body: NOTICE.policeBody({ code: c.code, reason: n.reason, committee: rt.settings.committeeName, url: rt.schema.spreadsheetUrl }),
      };
  }
}

export interface ActionOutcome {
  record: CaseRecord;
  row: number;
  message: string;
  /** The runtime the action ran with, so the caller need not read the properties again. */
  rt: Runtime;
}

export function performAction(user: string, code: string, rowHint: number | undefined, seenVersion: number, input: ActionInput): ActionOutcome {
  const rt = loadRuntime();
  const actor = actorOf(rt, user);
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(ACTION_LOCK_WAIT_MS)) throw new UserError(CASES.busy);
  try {
    const ss = SpreadsheetApp.getActive();
    const at = readCase(ss, rt, code, rowHint);
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    const current = at.record;
    if (current.version !== seenVersion) throw new VersionConflict(conflictMessage(current.version, seenVersion, parseHistory(current.history)));
    const now = new Date();
    let result;
    try {
      result = decide(current, input, { actor, now, settings: rt.settings, calendar: rt.calendar });
    } catch (e) {
      if (e instanceof ActionRefused) throw new UserError(e.message);
      throw e;
    }
    const next: CaseRecord = { ...current, ...result.patch };
    let message = CASES.saved(result.event.action, code);

    if (input.action === 'duplicate') {
      const original = readCase(ss, rt, String(result.patch.outcomeNote));
      if (!original) throw new UserError(CASES.duplicateUnknown(String(result.patch.outcomeNote)));
      const linked = { ...original.record, linkedCases: linkCodes(original.record.linkedCases, code) };
      linked.history = appendHistory(original.record.history, [{ v: linked.version, at: now.toISOString(), by: actor.email, action: 'Liên kết ý kiến trùng lặp', detail: code }]);
      writeCaseRow(rt, original, linked);
    }
    if (input.action === 'followUp') {
      const [newCode] = takeCodes(rt, vietnamYear(now), 1);
      const prepared = prepareCase(
        { channel: CHANNELS.inPerson, receivedAt: now, group: current.group, topic: current.category, content: input.content, location: current.location, name: '', phone: '', email: '', confidential: current.confidential, responseKey: `PA:${code}` },
        newCode,
        { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now },
      );
      prepared.fields.linkedCases = code;
      prepared.fields.index = buildIndex(prepared.fields);
      writeCase(ss, rt, writesFor({ ...prepared, acknowledge: false }, rt, now));
      next.linkedCases = linkCodes(current.linkedCases, newCode);
      result.event.detail = `${result.event.detail ?? ''} → ${newCode}`.trim();
      message = CASES.followUpCreated(newCode, code);
    }

    next.history = appendHistory(current.history, [result.event]);
    next.index = buildIndex(next);
    writeCaseRow(rt, at, next);
    appendAudit(ss, rt, auditFromEvent(code, result.event));
    if (result.notices.length) {
      const outbox = sheet(ss, TABS.outbox.name);
      for (const n of result.notices) outbox.appendRow(encodeRow(rt.schema.tabs.outbox, outboxRecord(rt, next, n, now)));
      message = `${message} ${CASES.queuedMail}`;
    }
    return { record: next, row: at.row, message, rt };
  } finally {
    lock.releaseLock();
  }
}

/** What an admin sees of a submitter: the submitter record without its bookkeeping. */
export type ContactDetails = Omit<SubmitterFields, 'code' | 'recordedAt'>;

/** Admins only, after giving a reason; every view is written to the audit trail with it. */
export function revealContact(user: string, code: string, reason: string): ContactDetails | null {
  const rt = loadRuntime();
  const actor = actorOf(rt, user);
  if (actor.role !== 'admin') throw new UserError(CASES.contactAdminsOnly);
  const why = String(reason ?? '').trim();
  if (!why) throw new UserError(CASES.contactReasonRequired);
  const ss = SpreadsheetApp.getActive();
  const submitters = sheet(ss, TABS.submitters.name);
  const tab = rt.schema.tabs.submitters;
  const last = submitters.getLastRow();
  const rows = last >= 2 ? submitters.getRange(2, 1, last - 1, tab.width).getValues() : [];
  const found = rows.find((r) => r[tab.columns.code - 1] === code);
  appendAudit(ss, rt, { user: actor.email, action: 'Xem thông tin người gửi', code, field: '', before: '', after: '', detail: why });
  if (!found) return null;
  const get = (k: string) => found[tab.columns[k] - 1];
  return { name: String(get('name') ?? ''), phone: String(get('phone') ?? ''), phoneValid: get('phoneValid') === true, email: String(get('email') ?? ''), emailValid: get('emailValid') === true, confidential: get('confidential') === true };
}
