/**
 * Files every form response that has no case yet — the safety net behind intake (lock timeouts,
 * errors, a trigger that never ran, a case row deleted by hand). The form is the journal:
 * - the responses tab is read in one go (cheap) and every row's response key computed;
 * - FormApp's responses since the watermark are counted, and if the tab lacks some (rows
 *   deleted or cleared by hand, a re-linked form writing to a new tab) they are read from the
 *   form itself;
 * - a response is filed when no case row carries its key. If the journal or the audit trail
 *   says it was filed before under a code, that case row was deleted by hand: it is restored
 *   under its own code (no second acknowledgement) and reported to the admins.
 * Reads each tab a constant number of times whatever the number of responses, and writes the
 * recovered cases in one batch per tab. The responses are gathered without the document lock;
 * filing them holds it, a chunk at a time when there are many (fileResponses' limit).
 */
import { intakeContext } from '../platform/intake-context';
import { AUDIT_ACTION, NON_STAFF_ACTOR } from '../../domain/vocabulary';
import { parseCaseCode, type SequenceState } from '../../domain/case-code';
import { appendHistory } from '../../domain/case-record';
import { prepareCase } from '../../domain/intake';
import { advanceJournal, FILED_KEEP_MS, keysFor, rowPrint } from '../../domain/journal';
import { ERRORS, INTAKE_NOTES, NOTICE } from '../../i18n/vi';
import { boardChanged } from '../platform/board-cache';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { currentIssue } from '../platform/secrets';
import { editorsFor } from '../platform/protection';
import { describeError, logError } from '../platform/errors';
import { type OutgoingMail, queueMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { missingParts, partsPresent, readCaseKeys, readJournal, reserveCodes, writesFor, writeUnits, type CaseWrites } from '../cases/filing';
import { answerByTitles, RAW_TITLES } from './form-builder';
import { submissionFrom, wholeAnswers, type RawAnswers } from './intake';
import { vietnamYear } from '../../domain/calendar/civil-date';

export interface ReconcileResult {
  recovered: number;
  restored: number;
  codes: string[];
}

/** Stop reading responses one by one from the form after this long; the rest waits an hour. */
export const FORM_WALK_BUDGET_MS = 3 * 60 * 1000;
/** Responses this recent may still be on their way through intake: the watermark stays behind them. */
const IN_FLIGHT_MS = 60_000;

interface Response {
  receivedAt: Date;
  answers: RawAnswers;
  responseKey: string;
}

function withKeys(list: Array<{ receivedAt: Date; answers: RawAnswers; row?: number }>, prints?: Record<string, string[]>): Response[] {
  const parts = list.map((r) => ({ timestamp: r.receivedAt, group: r.answers.group ?? '', content: r.answers.content ?? '', name: r.answers.name ?? '', email: r.answers.email ?? '', ...(r.row ? { print: rowPrint(r.row) } : {}) }));
  return keysFor(parts, prints).map((key, i) => ({ ...list[i], responseKey: key }));
}

/** Every response row of the responses tab, with its key; also the rows by number (for old keys). */
function tabResponses(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, prints?: Record<string, string[]>): { responses: Response[]; byRow: Map<number, string> } {
  const raw = rt.schema.raw!;
  const responsesTab = ss.getSheetByName(raw.name);
  const last = responsesTab ? responsesTab.getLastRow() : 0;
  const values = last > 1 ? responsesTab!.getRange(2, 1, last - 1, raw.width).getValues() : [];
  const rows: Array<{ row: number; receivedAt: Date; answers: RawAnswers }> = [];
  values.forEach((v, i) => {
    if (!(v[0] instanceof Date)) return; // an empty or foreign row, not a response
    const byTitle: Record<string, string> = {};
    for (const [key, title] of Object.entries(RAW_TITLES)) {
      // The answer, wherever the question's title put it: its column, or a former title's.
      const cols = [raw.columns[key], ...(raw.formerColumns?.[key as keyof typeof RAW_TITLES] ?? [])].filter((c): c is number => Boolean(c));
      byTitle[title] = cols.map((c) => String(v[c - 1] ?? '')).find((x) => x !== '') ?? '';
    }
    rows.push({ row: i + 2, receivedAt: v[0], answers: wholeAnswers(rt, byTitle, v[0]) });
  });
  // Keys are numbered in time order, whatever order a clerk sorted the rows into.
  const ordered = [...rows].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.row - b.row);
  const keyed = withKeys(ordered, prints);
  const byRow = new Map<number, string>();
  ordered.forEach((r, i) => byRow.set(r.row, keyed[i].responseKey));
  return { responses: keyed, byRow };
}

/** Responses since the watermark read from the form itself, when the tab has fewer than the form. */
function formResponsesSince(rt: Runtime, since: number, inTab: Response[], started: number): { responses: Response[]; complete: boolean } {
  if (!rt.schema.formId) return { responses: [], complete: true };
  const all = FormApp.openById(rt.schema.formId).getResponses(new Date(since));
  const tabCount = inTab.filter((r) => r.receivedAt.getTime() >= since).length;
  if (all.length <= tabCount) return { responses: [], complete: true };
  const read: Array<{ receivedAt: Date; answers: RawAnswers }> = [];
  let complete = true;
  for (const response of all) {
    if (Date.now() - started > FORM_WALK_BUDGET_MS) {
      complete = false;
      break;
    }
    const byTitle: Record<string, string> = {};
    for (const ir of response.getItemResponses()) {
      const value = ir.getResponse();
      byTitle[ir.getItem().getTitle()] = Array.isArray(value) ? value.join(', ') : String(value ?? '');
    }
    const answers: RawAnswers = {};
    for (const key of Object.keys(RAW_TITLES) as Array<keyof typeof RAW_TITLES>) answers[key] = answerByTitles(byTitle, key) ?? '';
    read.push({ receivedAt: new Date(response.getTimestamp().getTime()), answers });
  }
  return { responses: withKeys(read), complete };
}

/** Cases filed before the journal (keys "R<row>") get their response's key, so they are not filed again. */
function migrateRowKeys(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, cases: Array<{ code: string; responseKey: string; row: number }>, byRow: Map<number, string>): void {
  // Rows of the cases tab only (an archived case's row is 0).
  const old = cases.filter((c) => c.row >= 2 && /^R\d+$/.test(c.responseKey));
  if (old.length === 0) return;
  const table = rt.table('cases', ss);
  const values = table.rows(['responseKey']).map((r) => ({ responseKey: r.responseKey }));
  for (const c of old) {
    const key = byRow.get(Number(c.responseKey.slice(1)));
    if (key) {
      values[c.row - 2] = { responseKey: key };
      c.responseKey = key;
    }
  }
  table.updateRows(2, values);
}

/** Which key got which code, as the submitters tab and the audit trail ("Tiếp nhận" rows) record it. */
function ledger(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rt.table('audit', ss).rows(['code', 'action', 'after'])) if (r.action === AUDIT_ACTION.filed) out.set(String(r.after), String(r.code));
  const submitters = rt.table('submitters', ss);
  if (submitters.has('responseKey')) {
    for (const r of submitters.rows(['code', 'responseKey'])) {
      const key = String(r.responseKey ?? '');
      if (key) out.set(key, String(r.code));
    }
  }
  return out;
}

/** Every response there is (the tab's, and the form's when the tab lacks some), read without the lock. */
export interface GatheredResponses {
  started: number;
  responses: Response[];
  /** Response keys by the tab's row numbers (for cases filed under "R<row>" keys). */
  byRow: Map<number, string>;
  /** False when the form's responses could not all be read in time: the watermark stays. */
  complete: boolean;
  /** Across chunks: the responses tried already (filed or failed), and the oldest that failed. */
  tried: Set<string>;
  oldestFailed: number;
}

/**
 * The responses, read without the document lock: the form is an append-only journal and the
 * responses tab is written by Forms, not by the add-on, so holding the lock would protect
 * nothing — and reading responses one by one from the form can take minutes.
 */
export function gatherResponses(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GatheredResponses {
  const started = Date.now();
  if (!rt.schema.raw) return { started, responses: [], byRow: new Map(), complete: true, tried: new Set(), oldestFailed: Infinity };
  const journal = readJournal(rt.store);
  const tab = tabResponses(rt, ss, journal.prints);
  const fromForm = formResponsesSince(rt, journal.since, tab.responses, started);
  return { started, responses: [...tab.responses, ...fromForm.responses], byRow: tab.byRow, complete: fromForm.complete, tried: new Set(), oldestFailed: Infinity };
}

export function reconcile(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReconcileResult {
  return fileResponses(rt, ss, gatherResponses(rt, ss));
}

/**
 * Files the gathered responses that have no case, at most `limit` of them (oldest first); the
 * caller holds the document lock and has refreshed the store. `more`: some are left for another
 * call — the watermark stays before the oldest of them.
 */
export function fileResponses(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, gathered: GatheredResponses, limit = Infinity): ReconcileResult & { more: boolean } {
  const none = { recovered: 0, restored: 0, codes: [], more: false };
  if (!rt.schema.raw) return none;
  const journal = readJournal(rt.store);
  const cases = readCaseKeys(ss, rt);
  migrateRowKeys(rt, ss, cases, gathered.byRow);

  const filedKeys = new Set(cases.map((c) => c.responseKey));
  const seen = new Set<string>();
  const all: Response[] = [];
  for (const r of gathered.responses) {
    if (seen.has(r.responseKey)) continue;
    seen.add(r.responseKey);
    // One that failed in an earlier chunk of this run is not tried again (the next run does).
    if (!filedKeys.has(r.responseKey) && !gathered.tried.has(r.responseKey)) all.push(r);
  }
  const unfiled = all.slice(0, limit);
  const left = all.slice(unfiled.length);
  for (const r of unfiled) gathered.tried.add(r.responseKey);
  let upTo = gathered.complete ? gathered.started - IN_FLIGHT_MS : journal.since;
  for (const r of left) upTo = Math.min(upTo, r.receivedAt.getTime() - 1);
  upTo = Math.min(upTo, gathered.oldestFailed - 1);
  const floors: Record<number, number> = {};
  for (const c of cases) {
    const parsed = parseCaseCode(c.code);
    if (parsed) floors[parsed.year] = Math.max(floors[parsed.year] ?? 0, parsed.sequence);
  }
  raiseSequence(rt, floors);
  if (unfiled.length === 0) {
    const next = advanceJournal(journal, upTo);
    if (next.since !== journal.since || Object.keys(next.filed).length !== Object.keys(journal.filed).length) rt.store.setJson(PROPERTY_NAMES.journal, next);
    return none;
  }

  // Codes: a reservation (a unit cut off half-way), the code it was filed under before (a case
  // row deleted by hand), or a new one above every code present.
  // Every key filed since the watermark (less a day) is in the journal; only an older response
  // can have been filed under a code the journal no longer lists.
  const keepFrom = journal.since - FILED_KEEP_MS;
  const earlier = unfiled.some((r) => !journal.pending[r.responseKey] && !journal.filed[r.responseKey] && r.receivedAt.getTime() < keepFrom) ? ledger(rt, ss) : new Map<string, string>();
  const before = (key: string) => journal.filed[key] ?? earlier.get(key);
  // Parts may already exist only for a unit cut off half-way or filed before: only then look.
  const resuming = unfiled.some((r) => before(r.responseKey) || journal.pending[r.responseKey]);
  const fresh = unfiled.filter((r) => !before(r.responseKey));
  const codes = reserveCodes(rt, journal, fresh.map((r) => ({ responseKey: r.responseKey, year: vietnamYear(r.receivedAt) })), floors);
  const present = resuming ? partsPresent(ss, rt, cases) : null;

  const now = new Date();
  const ctx = intakeContext(rt, now);
  const writes: CaseWrites[] = [];
  const done: Array<{ responseKey: string; code: string }> = [];
  const restored: string[] = [];
  for (const r of unfiled) {
    const previous = before(r.responseKey);
    const code = previous ?? codes.get(r.responseKey)!;
    try {
      const prepared = prepareCase(submissionFrom(r.answers, r.receivedAt, r.responseKey), code, ctx);
      if (previous) {
        prepared.fields.history = appendHistory(prepared.fields.history, [{ v: 1, at: now.toISOString(), by: NON_STAFF_ACTOR.system, action: AUDIT_ACTION.restored, detail: NOTICE.restoredDetail }]);
        // Its lookup key stays the one last issued: a key voided before the row was deleted stays void.
        prepared.fields.lookupVersion = currentIssue(rt.store, code, 0);
      }
      const todo = missingParts(writesFor(r.responseKey, NON_STAFF_ACTOR.form, prepared, rt, now), present);
      if (todo) writes.push(todo);
      done.push({ responseKey: r.responseKey, code });
      if (previous) restored.push(code);
    } catch (error) {
      // The reservation stays: the next run files it under the same code.
      gathered.oldestFailed = Math.min(gathered.oldestFailed, r.receivedAt.getTime());
      logError({ where: 'reconcile', message: ERRORS.unexpected(describeError(error)), code, reference: INTAKE_NOTES.responseAt(r.receivedAt.toISOString()) }, rt.schema, ss);
    }
  }
  writeUnits(ss, rt, writes);
  if (restored.length) reportRestored(rt, ss, restored, now);
  for (const d of done) {
    journal.filed[d.responseKey] = d.code;
    delete journal.pending[d.responseKey];
  }
  // The new and restored cases are on the public board at once (one property write with the journal).
  rt.store.setMany({ ...DocumentStore.encodeJson(PROPERTY_NAMES.journal, advanceJournal(journal, Math.min(upTo, gathered.oldestFailed - 1))), ...(writes.length ? boardChanged(`r${writes.length}`) : {}) });
  return { recovered: done.length - restored.length, restored: restored.length, codes: done.map((d) => d.code), more: left.length > 0 };
}

/**
 * Codes are never reused: if the database holds a code above the stored sequence (a row typed
 * or pasted by hand, a restored copy), the sequence moves past it. One property write, when needed.
 */
function raiseSequence(rt: Runtime, floors: Record<number, number>): void {
  const state = rt.store.getJson<SequenceState>(PROPERTY_NAMES.sequence) ?? {};
  const raised = Object.entries(floors).filter(([year, top]) => (state[year] ?? 0) < top);
  if (raised.length === 0) return;
  rt.store.setJson(PROPERTY_NAMES.sequence, { ...state, ...Object.fromEntries(raised) });
}

/** A restored case row is reported in the errors tab and to every admin by e-mail. */
function reportRestored(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, codes: string[], now: Date): void {
  for (const code of codes) logError({ where: 'reconcile', message: NOTICE.restoredError(code), code }, rt.schema, ss);
  const admins = editorsFor('admins', rt.settings);
  const stamp = now.getTime();
  const mails: OutgoingMail[] = admins.map((to) => ({ id: `KP-${stamp}-${to}`, kind: NOTICE.kinds.admin, code: codes.join(', '), recipient: to, subject: NOTICE.restoredSubject(codes.length), body: NOTICE.restoredBody(codes, rt.schema.spreadsheetUrl) }));
  queueMail(ss, rt, mails, now);
}
