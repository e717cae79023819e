/**
 * Staff actions on a case, each one server call under the document lock, all or nothing:
 * read the row → check who may do what and that the save is based on the current version →
 * decide (domain/lifecycle: the action's handler) → plan what it commits (effects.ts: its notices
 * as e-mails, its effects carried out) → note the whole change in document properties (a write-ahead
 * record: audit rows, e-mails, the other case of a duplicate) → write the case row (the commit)
 * → write what the record lists → forget the record.
 * If anything fails before the case row is written, nothing happened (the record is discarded
 * the next time); if it fails after, the next action, or the hourly job, finds the record and
 * writes what is missing — exactly once, as the outbox ids and audit versions tell.
 * Spreadsheet calls: getActive, getRange, getValues, setValues, getSheetByName + appendRow for
 * the audit = 6; an action that sends mail adds the outbox row (+2); duplicate and follow-up
 * also touch the other case.
 */
import { canonicalCode } from '../../domain/case-code';
import { appendHistory, parseHistory, type CaseRecord, type HistoryEvent } from '../../domain/case-record';
import type { SubmitterFields } from '../../domain/intake';
import { ActionRefused, conflictMessage, decide, FIELD_LABELS, linkCodes, type ActionInput } from '../../domain/lifecycle';
import { can, canSee, type Actor } from '../../domain/permissions';
import { boardDiffers } from '../../domain/board';
import { LIFECYCLE } from '../../i18n/cases';
import { letterMadeAt } from '../platform/made-documents';
import { CASES } from '../../i18n/vi';
import { appendAudit, auditFromEvent } from '../platform/audit';
import { boardChanged } from '../platform/board-cache';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { BusyError, UserError, VersionConflict } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { queueMail } from '../platform/outbox';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { refusal } from '../access/caller';
import { planCommit, type PendingAction } from './effects';
import { readCase, writeCaseRow, type CaseRow } from './store';

export const ACTION_LOCK_WAIT_MS = LOCK_WAIT_MS.staffAction;

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
    const plan = planCommit({ ss, rt, actor, current, now }, result);
    commitChange(ss, rt, at, plan.next, plan.event, plan.pending, plan.links);
    return { record: plan.next, row: at.row, message: plan.message, rt };
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
  const record = PROPERTY_NAMES.pendingAction + next.code;
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
  const event: HistoryEvent = { v: o.version + 1, at: link.at, by: link.by, action: LIFECYCLE.duplicateLinked, detail: link.add, changes: [{ field: FIELD_LABELS.linkedCases!, from: o.linkedCases, to: linked }] };
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
  const pending = () => Object.keys(rt.store.withPrefix(PROPERTY_NAMES.pendingAction)).filter((k) => !k.includes('#'));
  if (pending().length === 0) return 0;
  // The snapshot was taken before the lock: an action that was running then has finished since.
  rt.store.refresh();
  const records = pending();
  for (const code of records) {
    const key = PROPERTY_NAMES.pendingAction + code;
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
  appendAudit(ss, rt, { user: actor.email, action: LIFECYCLE.contactViewed, code, field: '', before: '', after: '', detail: why });
  if (!found) return null;
  return { name: String(found.name ?? ''), phone: String(found.phone ?? ''), phoneValid: found.phoneValid === true, email: String(found.email ?? ''), emailValid: found.emailValid === true, confidential: found.confidential === true };
}
