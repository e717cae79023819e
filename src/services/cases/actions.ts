/**
 * Staff actions on a case, each one server call under the document lock, all or nothing:
 * read the row → check who may do what and that the save is based on the current version →
 * decide (domain/lifecycle) → note the whole change in document properties (a write-ahead
 * record: audit rows, e-mails, the other case of a duplicate) → write the case row (the commit)
 * → write what the record lists → forget the record.
 * If anything fails before the case row is written, nothing happened (the record is discarded
 * the next time); if it fails after, the next action, or the hourly job, finds the record and
 * writes what is missing — exactly once, as the outbox ids and audit versions tell.
 * Spreadsheet calls: getActive, getRange, getValues, setValues, getSheetByName + appendRow for
 * the audit = 6; an action that sends mail adds the outbox row (+2); duplicate and follow-up
 * also touch the other case.
 */
import { CHANNELS } from '../../domain/case';
import { canonicalCode } from '../../domain/case-code';
import { appendHistory, parseHistory, type CaseRecord, type HistoryEvent } from '../../domain/case-record';
import { prepareCase, type SubmitterFields } from '../../domain/intake';
import { ActionRefused, conflictMessage, decide, linkCodes, type ActionInput, type Notice } from '../../domain/lifecycle';
import { can, canSee, worksOnBodyByLink, type Actor } from '../../domain/permissions';
import { boardDiffers } from '../../domain/board';
import { replyEmail } from '../../domain/reply';
import { maskContactDetails } from '../../domain/text/scrub';
import { roleOf } from '../../domain/settings';
import { replyFacts } from '../../domain/reply-facts';
import { letterMadeAt } from '../platform/made-documents';
import { webAppUrl } from '../platform/web-app';
import { activeLinks, linkMail, linkUrl, newPortalLink } from '../access/portal-links';
import { CASES, NOTICE } from '../../i18n/vi';
import { fileOne } from './filing';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { appendAudit, auditFromEvent, type AuditEntry } from '../platform/audit';
import { boardChanged } from '../platform/board-cache';
import { DocumentStore, KEYS } from '../platform/document-store';
import { BusyError, UserError, VersionConflict } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { queueMail, RESIDENT_RECIPIENT, type OutgoingMail } from '../platform/outbox';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { refusal } from '../access/caller';
import { KEY_SLOT } from '../platform/secrets';
import { readCase, writeCaseRow, type CaseRow } from './store';

export const ACTION_LOCK_WAIT_MS = 10_000;

/** May this staff member work on a case of `body` through a personal link (a handling body's member)? */
function worksThroughLink(rt: Runtime, email: string, body: string): boolean {
  const member = roleOf(rt.settings, email);
  return member !== null && worksOnBodyByLink(member, body);
}

function mailFor(rt: Runtime, c: CaseRecord, n: Notice, links: Record<string, string>): OutgoingMail {
  switch (n.kind) {
    case 'assignee': {
      // A member of the body in "Cán bộ" works through a personal link, not the spreadsheet.
      const id = `CX-${c.code}-v${c.version}`;
      let url = rt.schema.spreadsheetUrl;
      if (worksThroughLink(rt, n.to, n.body)) {
        Object.assign(links, newPortalLink(rt, n.to, new Date(), id).property);
        url = linkUrl();
      }
      return {
        id,
        kind: NOTICE.kinds.assignee,
        code: c.code,
        recipient: n.to,
        subject: NOTICE.assigneeSubject(c.code),
        body: NOTICE.assigneeBody({ code: c.code, body: n.body, dueOn: n.dueOn, summary: contactlessSummary(c.content), committee: rt.settings.committeeName, url }),
      };
    }
    case 'answer':
      return {
        id: `TL-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.answer,
        code: c.code,
        recipient: RESIDENT_RECIPIENT,
        subject: NOTICE.answerSubject(c.code),
        // No name here: the outbox is read by staff; the sender puts the name in from "Người gửi".
        body: replyEmail({ ...replyFacts(rt.settings, c, ''), extra: ratingLine(c) }),
      };
    case 'police':
      return {
        id: `CA-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.police,
        code: c.code,
        recipient: n.to,
        subject: NOTICE.policeSubject(c.code),
        body: NOTICE.policeBody({ code: c.code, reason: n.reason, committee: rt.settings.committeeName, url: rt.schema.spreadsheetUrl }),
      };
  }
}

/**
 * The start of the resident's words for the assignment e-mail, with their contact details masked
 * (a handling body reads it). Masked before it is cut, so no number is cut in half and missed.
 */
function contactlessSummary(content: string): string {
  const masked = maskContactDetails(content.slice(0, 2000));
  return masked.length > 300 ? masked.slice(0, 300) : masked;
}

/**
 * The one-time rating link of the answer e-mail: the web app's lookup with the case's code and
 * key — the key put in when the mail is sent (the case's key then), never stored.
 */
function ratingLine(c: CaseRecord): string {
  const url = webAppUrl();
  if (!url || !c.responseKey) return '';
  return NOTICE.ratingLine(`${url}?v=lookup&code=${c.code}&key=${KEY_SLOT}`);
}

/**
 * When a case goes to a body, each of its members in "Cán bộ" without a valid personal link gets
 * one (the assignee has it in the assignment e-mail): the body's people work through the portal.
 */
function bodyLinkMails(rt: Runtime, c: CaseRecord, now: Date, links: Record<string, string>): OutgoingMail[] {
  const linked = new Set(activeLinks(rt.store, now).map((l) => l.email));
  // The web app's address is one ScriptApp call: made once for all the body's members.
  let url: string | undefined;
  return rt.settings.staff
    .filter((m) => worksThroughLink(rt, m.email, c.assignedBody) && m.email !== c.assignee && !linked.has(m.email))
    .map((m) => {
      const id = `LK-${c.code}-v${c.version}-${m.email}`;
      const { link, property } = newPortalLink(rt, m.email, now, id);
      Object.assign(links, property);
      url = url ?? linkUrl();
      return linkMail(rt, id, c.code, link, url);
    });
}

/** The write-ahead record of one action: what must exist once the case row is at `version`. */
interface PendingAction {
  code: string;
  version: number;
  audit: AuditEntry[];
  mails: OutgoingMail[];
  /** A duplicate links its original too: that case gets its own version, history event and audit row. */
  link?: { code: string; add: string; by: string; at: string };
}

export interface ActionOutcome {
  record: CaseRecord;
  row: number;
  message: string;
  /** The runtime the action ran with, so the caller need not read the properties again. */
  rt: Runtime;
}

/** One action by an actor already identified (services/access): a staff member or a link holder. */
export function performAction(actor: Actor, codeInput: string, rowHint: number | undefined, seenVersion: number, input: ActionInput, loaded?: Runtime): ActionOutcome {
  const rt = loaded ?? loadRuntime();
  if (!input || typeof input !== 'object' || typeof input.action !== 'string') throw new UserError(CASES.badAction);
  return withDocumentLock(ACTION_LOCK_WAIT_MS, () => new BusyError(CASES.busy), () => {
    const ss = SpreadsheetApp.getActive();
    completePendingActions(ss, rt);
    const at = readCase(ss, rt, codeInput, rowHint);
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    const current = at.record;
    // The case's own code from here on, however it was typed (one form: canonicalCode).
    const code = current.code;
    if (current.version !== seenVersion) throw new VersionConflict(conflictMessage(current.version, seenVersion, parseHistory(current.history)));
    const now = new Date();
    let result;
    try {
      result = decide(current, input, { actor, now, settings: rt.settings, calendar: rt.calendar, letterMadeAt: letterMadeAt(rt.store, code) });
    } catch (e) {
      if (e instanceof ActionRefused) throw new UserError(e.message);
      throw e;
    }
    const next: CaseRecord = { ...current, ...result.patch };
    let message = CASES.saved(result.event.action, code);
    const pending: PendingAction = { code, version: next.version, audit: [], mails: [] };

    if (input.action === 'duplicate') {
      const of = String(result.patch.outcomeNote);
      if (!readCase(ss, rt, of)) throw new UserError(CASES.duplicateUnknown(of));
      // (decide gave `of` its one form: the link and the note name the case as it is stored.)
      pending.link = { code: of, add: code, by: actor.email, at: now.toISOString() };
    }
    if (input.action === 'followUp') {
      // The follow-up is a new case, filed through the one pipeline under a key tied to this
      // version of this case: a retry of the same action finds it instead of filing another.
      rt.store.refresh();
      const key = `P${Math.floor((current.updatedAt instanceof Date ? current.updatedAt : current.receivedAt).getTime() / 1000)}-${code}-v${next.version}`;
      const ctx = { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now };
      const filed = fileOne(ss, rt, {
        key,
        by: actor.email,
        prepare: (newCode) => {
          const prepared = prepareCase(
            { channel: CHANNELS.inPerson, receivedAt: now, group: current.group, topic: current.category, content: input.content, location: current.location, name: '', phone: '', email: '', confidential: current.confidential, responseKey: key },
            newCode,
            ctx,
          );
          prepared.fields.linkedCases = code;
          return { ...prepared, acknowledge: false };
        },
      }, vietnamYear(now), now);
      next.linkedCases = linkCodes(current.linkedCases, filed.code);
      result.event.detail = `${result.event.detail ?? ''} → ${filed.code}`.trim();
      message = CASES.followUpCreated(filed.code, code);
    }

    // Personal links the e-mails carry are stored with the write-ahead record, in one call.
    const links: Record<string, string> = {};
    pending.mails.push(...result.notices.map((n) => mailFor(rt, next, n, links)));
    if (input.action === 'assign') pending.mails.push(...bodyLinkMails(rt, next, now, links));
    if (pending.mails.length) message = `${message} ${CASES.queuedMail}`;
    if (input.action === 'assign' && next.assignee && !roleOf(rt.settings, next.assignee)) message = `${message} ${CASES.assigneeNotStaff(next.assignee)}`;

    commitChange(ss, rt, at, next, result.event, pending, links);
    return { record: next, row: at.row, message, rt };
  });
}

/**
 * The commit of one change to a case, all or nothing: the write-ahead record (with any other
 * properties the change stores), the row with the event in its history, then what the record
 * lists — the audit row, the e-mails, a linked case — exactly once. Every writer of a case row
 * goes through here (actions, the resident's rating, a new lookup key), under the document lock;
 * so does the public board's cache: a change of what the board shows moves it to a new generation.
 */
export function commitChange(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, at: CaseRow, next: CaseRecord, event: HistoryEvent, pending: PendingAction = { code: next.code, version: next.version, audit: [], mails: [] }, alsoStore: Record<string, string> = {}): void {
  next.history = appendHistory(at.record.history, [event]);
  pending.audit.push(auditFromEvent(next.code, event));
  const record = KEYS.pendingAction + next.code;
  rt.store.setMany({ ...alsoStore, ...DocumentStore.encodeJson(record, pending) });
  writeCaseRow(at, next);
  // After the row, never before: a board built in between would be cached as it was.
  if (boardDiffers(at.record, next)) rt.store.setMany(boardChanged(`${next.code}.v${next.version}`));
  completeAction(ss, rt, pending, false);
  forget(rt.store, record);
}

function forget(store: DocumentStore, key: string): void {
  const chunks = Object.keys(store.withPrefix(`${key}#`)).map((n) => `${key}#${n}`);
  store.removeMany([key, ...chunks]);
}

/**
 * Writes what a committed action still lacks. `check` reads the audit and outbox tabs first (a
 * record found later, after a failure); right after the commit nothing can exist yet.
 */
function completeAction(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, p: PendingAction, check: boolean): void {
  const now = new Date();
  if (p.link) linkOriginal(ss, rt, p.link, check);
  const audited = check ? auditedVersions(ss, rt) : new Set<string>();
  for (const a of p.audit) if (!audited.has(`${a.code}|${a.version}`)) appendAudit(ss, rt, a);
  const queued = check ? new Set(rt.table('outbox', ss).rows(['id']).map((r) => String(r.id))) : new Set<string>();
  queueMail(ss, rt, p.mails.filter((m) => !queued.has(m.id)), now);
}

/** The original of a duplicate: linked back, with its own version, history event and audit row. */
function linkOriginal(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, link: NonNullable<PendingAction['link']>, check: boolean): void {
  const original = readCase(ss, rt, link.code);
  if (!original) return;
  const o = original.record;
  const linked = linkCodes(o.linkedCases, link.add);
  if (check && linked === o.linkedCases) return;
  const event: HistoryEvent = { v: o.version + 1, at: link.at, by: link.by, action: 'Liên kết ý kiến trùng lặp', detail: link.add, changes: [{ field: 'Ý kiến liên quan', from: o.linkedCases, to: linked }] };
  const next: CaseRecord = { ...o, linkedCases: linked, version: o.version + 1, updatedAt: new Date(link.at), history: appendHistory(o.history, [event]) };
  writeCaseRow(original, next);
  appendAudit(ss, rt, auditFromEvent(o.code, event));
}

function auditedVersions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): Set<string> {
  return new Set(rt.table('audit', ss).rows(['code', 'version']).map((r) => `${r.code}|${r.version}`));
}

/**
 * Actions cut off half-way: completed if their case row was written (its version is the
 * record's and its history has that event), discarded if not. Costs nothing when none is left.
 */
export function completePendingActions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): number {
  const pending = () => Object.keys(rt.store.withPrefix(KEYS.pendingAction)).filter((k) => !k.includes('#'));
  if (pending().length === 0) return 0;
  // The snapshot was taken before the lock: an action that was running then has finished since.
  rt.store.refresh();
  const records = pending();
  for (const code of records) {
    const key = KEYS.pendingAction + code;
    const p = rt.store.getJson<PendingAction>(key);
    const at = p ? readCase(ss, rt, p.code) : null;
    const committed = p && at && at.record.version >= p.version && parseHistory(at.record.history).some((e) => e.v === p.version);
    if (p && committed) {
      // Cut off after its row was written: the board may not have been told.
      rt.store.setMany(boardChanged(`${p.code}.v${p.version}`));
      completeAction(ss, rt, p, true);
    }
    forget(rt.store, key);
  }
  return records.length;
}

/** What an admin sees of a submitter: the submitter record without its bookkeeping. */
export type ContactDetails = Omit<SubmitterFields, 'code' | 'recordedAt'>;

/** Admins only, after giving a reason; every view is written to the audit trail with it. */
export function revealContact(rt: Runtime, actor: Actor, codeInput: string, reason: string): ContactDetails | null {
  if (!can(actor, 'viewContact')) throw refusal(actor, 'viewContact');
  const why = String(reason ?? '').trim();
  if (!why) throw new UserError(CASES.contactReasonRequired);
  if (why.length > 1000) throw new UserError(CASES.reasonTooLong);
  // One form for every code (canonicalCode); what is no code finds nobody, and is not written to the audit tab as typed.
  const code = canonicalCode(codeInput);
  if (!code) return null;
  const ss = SpreadsheetApp.getActive();
  const found = rt.table('submitters', ss).rows().find((r) => r.code === code);
  appendAudit(ss, rt, { user: actor.email, action: 'Xem thông tin người gửi', code, field: '', before: '', after: '', detail: why });
  if (!found) return null;
  return { name: String(found.name ?? ''), phone: String(found.phone ?? ''), phoneValid: found.phoneValid === true, email: String(found.email ?? ''), emailValid: found.emailValid === true, confidential: found.confidential === true };
}
