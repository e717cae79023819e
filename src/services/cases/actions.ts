/**
 * Staff actions on a case, each one server call under the document lock, all or nothing:
 * read the row → check who may do what and that the save is based on the current version →
 * decide (domain/lifecycle: the action's handler) → plan what it commits (effects.ts: its notices
 * as e-mails, its effects carried out) → commit (commitChange).
 *
 * The commit is one Spreadsheet write batch, so an action is one write request (Apps Script sends
 * consecutive writes together, see platform/board-cache): the case row, carrying in its system
 * column "Việc còn dở" what the change still owes (its audit row, its e-mails, the original of a
 * duplicate) — that row write IS the commit —, then the board's stamp, the audit row and the
 * outbox rows, then the system column emptied. A cut-off anywhere leaves either the old row
 * (nothing happened) or the new row with its debt: the next change of that case, or the hourly
 * job, appends what is missing — exactly once, as the audit versions and outbox ids tell — and
 * empties the column. No document property is written (the write-ahead record this replaced cost
 * three property requests an action), except what the row relies on being stored first: the
 * record of a new personal link an e-mail carries, a new lookup key's issue number.
 * Requests of a staff action (platform/runtime-cache, access/caller, platform/lock): the caller's
 * e-mail, the cached runtime, the lock, the case row, the write batch = 5. An announcement reads
 * the submitters' names too (to hide the resident's from the handling body), a duplicate finds and
 * reads its original, a follow-up files a case (the filing pipeline).
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
import { boardChanged, stampBoard } from '../platform/board-cache';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { BusyError, UserError, VersionConflict } from '../platform/errors';
import { holdDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { queueMail } from '../platform/outbox';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { refusal } from '../access/caller';
import { planCommit, type PendingAction } from './effects';
import { lessonsFrom } from '../../domain/suggest/ledger';
import { appendLessons, learns } from '../platform/suggestion-model';
import { debtOf, decodeCase, readCase, readCaseAnywhere, writeCaseRow, type CaseRow } from './store';

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
  // Held to the end of this call (platform/lock): commitChange flushes its writes under it.
  return holdDocumentLock(ACTION_LOCK_WAIT_MS, () => new BusyError(CASES.busy), () => {
    const ss = SpreadsheetApp.getActive();
    const at = readCase(ss, rt, codeInput, rowHint);
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    // A change of this case cut off earlier: finished first, whatever this one turns out to be.
    payDebtOf(ss, rt, at);
    const current = at.record;
    // The case's own code from here on, however it was typed (one form: canonicalCode).
    const code = current.code;
    if (current.version !== seenVersion) throw new VersionConflict(conflictMessage(current.version, seenVersion, parseHistory(current.history)));
    const now = new Date();
    let result;
    try {
      // The letter's date is in the document properties: read (one request) only by the action that checks it.
      const made = input.action === 'recordLetter' ? letterMadeAt(rt.store, code) : null;
      result = decide(current, input, { actor, now, settings: rt.settings, calendar: rt.calendar, letterMadeAt: made });
    } catch (e) {
      if (e instanceof ActionRefused) throw new UserError(e.message);
      throw e;
    }
    const plan = planCommit({ ss, rt, actor, current, now }, result);
    // A decision on the category, complexity or body teaches the suggestions, in the same commit.
    const lessons = learns(rt) ? lessonsFrom(current, plan.next) : [];
    if (lessons.length) plan.pending.lessons = lessons;
    commitChange(ss, rt, at, plan.next, plan.event, plan.pending, plan.links, plan.original);
    return { record: plan.next, row: at.row, message: plan.message, rt };
  });
}

/** A debt longer than this goes through the write-ahead record instead (a cell holds 50,000 characters). */
const DEBT_MAX_CHARS = 45_000;

/**
 * The commit of one change to a case, all or nothing: the row with the event in its history and
 * what the change owes (the audit row, the e-mails, a linked case) in its system column, then
 * those written and the column emptied — one write batch, flushed before the caller's lock can go.
 * Every writer of a case row goes through here (actions, the resident's rating, a new lookup key,
 * the outbox's word on a mail), under the document lock; so does the public board: a change of
 * what it shows writes its stamp in the same batch. `alsoStore`: properties the change relies on
 * (a new link's record, a key's issue number), stored first. `original`: a duplicate's original
 * as read under the lock.
 */
export function commitChange(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, at: CaseRow, next: CaseRecord, event: HistoryEvent, pending: PendingAction = { code: next.code, version: next.version, audit: [], mails: [] }, alsoStore: Record<string, string> = {}, original?: CaseRow): void {
  // The row is about to carry this change's debt: one left by a cut-off is paid first.
  payDebtOf(ss, rt, at, false);
  next.history = appendHistory(at.record.history, [event]);
  pending.audit.push(auditFromEvent(next.code, event));
  const debt = JSON.stringify(pending);
  if (!rt.table('cases', ss).has('pending') || debt.length > DEBT_MAX_CHARS) {
    commitWithWriteAhead(ss, rt, at, next, pending, alsoStore);
    return;
  }
  if (Object.keys(alsoStore).length) rt.store.setMany(alsoStore);
  writeCaseRow(at, next, debt);
  if (boardDiffers(at.record, next)) stampBoard(ss, rt, `${next.code}.v${next.version}`);
  completeAction(ss, rt, pending, false, original);
  clearDebt(ss, rt, at);
  SpreadsheetApp.flush();
}

/** The row's debt paid: nothing was done twice, so the system column is emptied. */
function clearDebt(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, at: CaseRow): void {
  rt.table('cases', ss).update(at.row, { pending: '' });
  at.cells.values.pending = '';
}

/**
 * What a change cut off after its row was written still owes, written now (the audit and outbox
 * tabs read first: only what is missing) and the column emptied — unless `clear` is false
 * because the caller writes the row next anyway. The board may not have been told: it is.
 */
function payDebtOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, at: CaseRow, clear = true): void {
  const text = debtOf(at);
  if (!text) return;
  let owed: PendingAction | null;
  try {
    owed = JSON.parse(text) as PendingAction;
  } catch {
    // Not ours (a hand edit of the system column): nothing to complete.
    owed = null;
  }
  if (owed && owed.code === at.record.code) {
    stampBoard(ss, rt, `${owed.code}.v${owed.version}`);
    completeAction(ss, rt, owed, true);
  }
  if (!clear) {
    at.cells.values.pending = '';
    return;
  }
  clearDebt(ss, rt, at);
  // Committed under the lock, like a change (commitChange): the caller may stop here (a stale save refused).
  SpreadsheetApp.flush();
}

/**
 * The commit as it was before rows carried their debt, for a layout without the system column
 * (a ward not set up again since) or a debt too long for a cell: the write-ahead record in the
 * document properties (with any other properties the change stores), the row, what the record
 * lists, then the record forgotten.
 */
function commitWithWriteAhead(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, at: CaseRow, next: CaseRecord, pending: PendingAction, alsoStore: Record<string, string>): void {
  const record = PROPERTY_NAMES.pendingAction + next.code;
  rt.store.setMany({ ...alsoStore, ...DocumentStore.encodeJson(record, pending) });
  writeCaseRow(at, next);
  // After the row, never before: a board built in between would be cached as it was.
  if (boardDiffers(at.record, next)) rt.store.setMany(boardChanged(`${next.code}.v${next.version}`));
  completeAction(ss, rt, pending, false);
  forget(rt.store, record);
  SpreadsheetApp.flush();
}

function forget(store: DocumentStore, key: string): void {
  const chunks = Object.keys(store.withPrefix(`${key}#`)).map((n) => `${key}#${n}`);
  store.removeMany([key, ...chunks]);
}

/**
 * Writes what a committed change lacks. `check` reads the audit and outbox tabs first (a debt
 * found later, after a failure); right after the row nothing can exist yet. `original`: the
 * duplicate's original already read (else it is read here).
 */
function completeAction(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, p: PendingAction, check: boolean, original?: CaseRow): void {
  const now = new Date();
  if (p.link) linkOriginal(ss, rt, p.link, check, original);
  const audited = check ? auditedVersions(ss, rt) : new Set<string>();
  for (const a of p.audit) if (!audited.has(`${a.code}|${a.version}`)) appendAudit(ss, rt, a);
  const queued = check ? new Set(rt.table('outbox', ss).rows(['id']).map((r) => String(r.id))) : new Set<string>();
  queueMail(ss, rt, p.mails.filter((m) => !queued.has(m.id)), now);
  appendLessons(ss, rt, p.lessons, check);
}

/** The original of a duplicate: linked back, with its own version, history event and audit row (its own debt kept); an archived one is read-only. */
function linkOriginal(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, link: NonNullable<PendingAction['link']>, check: boolean, read?: CaseRow): void {
  const original = read ?? readCaseAnywhere(ss, rt, link.code);
  if (!original || original.archived !== undefined) return;
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
 * The hourly job's sweep (with "Đồng bộ lại"): every change cut off half-way is finished — the
 * debts rows carry (one read of the system column; a row is read only if it owes something), and
 * write-ahead records in the properties (completed if their case row was written, its version the
 * record's and its history with that event, discarded if not). Returns how many were found.
 */
export function completePendingActions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): number {
  let found = 0;
  const cases = rt.table('cases', ss);
  if (cases.has('pending')) {
    for (const r of cases.rows(['pending'])) {
      if (!r.pending) continue;
      const cells = cases.row(r.row);
      payDebtOf(ss, rt, { row: r.row, cells, record: decodeCase(cells.values) });
      found += 1;
    }
  }
  const pending = () => Object.keys(rt.store.withPrefix(PROPERTY_NAMES.pendingAction)).filter((k) => !k.includes('#'));
  if (pending().length === 0) return found;
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
  return found + records.length;
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
