/**
 * The one filing pipeline, used by intake (the form trigger), reconcile, staff entry and
 * follow-ups. A filing unit is everything one submission writes: the submitter row (contact
 * details only there), long-text continuations, the acknowledgement in the outbox, the audit
 * row "Tiếp nhận" that records which submission (response key) got which code, and the case row.
 *
 * All or nothing: before anything is written, the key's case code is reserved in the journal
 * (document properties); the case row is written last and is what makes the unit count as
 * filed. If a step fails, the reservation stays: the next delivery, reconcile or retry finds it,
 * sees which parts already exist, writes only the missing ones under the same code — never a
 * second case, submitter row or acknowledgement.
 */
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import { allocateCodes, type SequenceState } from '../../domain/case-code';
import type { PreparedCase } from '../../domain/intake';
import { keyTime, notePrint, parseJournal, type JournalState } from '../../domain/journal';
import { salutation } from '../../domain/reply';
import { contactText } from '../../domain/settings';
import { ACK } from '../../i18n/vi';
import { webAppUrl } from '../platform/web-app';
import { boardChanged } from '../platform/board-cache';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { outboxRecord, type OutgoingMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { KEY_SLOT } from '../platform/secrets';
import { withIndex } from './store';
import { AUDIT_ACTION, AUDIT_FIELD, NON_STAFF_ACTOR, OUTBOX_KIND, RESIDENT_RECIPIENT } from '../../domain/vocabulary';

/** Columns of "Nội dung dài" kept as plain text: 3 + 37 parts of 50,000 characters. */
export const LONG_TEXT_PLAIN_COLUMNS = 40;

export interface CaseWrites {
  responseKey: string;
  code: string;
  caseRecord: Record<string, unknown>;
  submitter: Record<string, unknown> | null;
  longRows: unknown[][];
  outbox: Record<string, unknown> | null;
  audit: Record<string, unknown> | null;
}

/** A submission to file: its response key, who filed it, and how to prepare it once its code is known. */
export interface FilingUnit {
  /** The form response (or paper slip, or follow-up) this unit files: its identity in the journal. */
  responseKey: string;
  by: string;
  /** The code printed on a paper slip: reserved for this key instead of the next in sequence. */
  code?: string;
  /** The exact answers' fingerprint (journal answersPrint): kept with the key it was filed under. */
  print?: string;
  prepare(code: string): PreparedCase;
}

export function acknowledgement(prepared: PreparedCase, rt: Runtime): OutgoingMail | null {
  if (!prepared.acknowledge) return null;
  const f = prepared.fields;
  return {
    id: `TN-${f.code}`,
    kind: OUTBOX_KIND.acknowledgement,
    code: f.code,
    recipient: RESIDENT_RECIPIENT,
    subject: ACK.subject(f.code),
    body: ACK.body({
      greeting: salutation('', f.code),
      code: f.code,
      receivedOn: formatVietnameseDate(vietnamDayOf(f.receivedAt)),
      dueOn: formatVietnameseDate(prepared.dueDay),
      normal: rt.settings.deadlineDays.normal,
      complex: rt.settings.deadlineDays.complex,
      committee: rt.settings.committeeName,
      contact: contactText(rt.settings),
      // Put in when the mail leaves (platform/secrets): the outbox never holds the key.
      key: KEY_SLOT,
      url: webAppUrl(),
    }),
  };
}

/**
 * The unit's writes. Which key got which code must survive a case row deleted by hand: the
 * submitter row carries the key; a submission without one gets an audit row "Tiếp nhận" that
 * does (so does every staff entry, which names who entered it). A form submission with contact
 * details so writes no audit row and stays within its call budget.
 */
export function writesFor(responseKey: string, by: string, prepared: PreparedCase, rt: Runtime, now: Date): CaseWrites {
  const f = prepared.fields;
  const ack = acknowledgement(prepared, rt);
  const audited = !prepared.submitter || by !== NON_STAFF_ACTOR.form; // staff entries and follow-ups name the staff member
  return {
    responseKey: responseKey,
    code: f.code,
    caseRecord: withIndex({ ...f, responseKey: responseKey }),
    submitter: prepared.submitter ? { ...prepared.submitter, responseKey: responseKey } : null,
    longRows: prepared.spilled.map((s) => [f.code, s.field, s.length, ...s.parts]),
    outbox: ack ? outboxRecord(ack, now) : null,
    audit: audited ? { at: now, user: by, action: AUDIT_ACTION.filed, code: f.code, field: AUDIT_FIELD.responseKey, before: '', after: responseKey, detail: f.channel, version: 1 } : null,
  };
}

// ---- the journal in document properties -------------------------------------------------

export function readJournal(store: DocumentStore): JournalState {
  return parseJournal(store.getJson(PROPERTY_NAMES.journal));
}

/**
 * Codes for keys not yet reserved, reserved with the sequence in one property write. A key that
 * comes with its code (a paper slip's) reserves that code and leaves the sequence alone.
 */
export function reserveCodes(rt: Runtime, journal: JournalState, keys: Array<{ responseKey: string; year: number; code?: string }>, floors: Record<number, number> = {}): Map<string, string> {
  const out = new Map<string, string>();
  let given = false;
  const fresh = keys.filter((k) => {
    const held = journal.pending[k.responseKey];
    if (held) out.set(k.responseKey, held);
    else if (k.code) {
      out.set(k.responseKey, k.code);
      journal.pending[k.responseKey] = k.code;
      given = true;
    }
    return !held && !k.code;
  });
  if (fresh.length === 0) {
    if (given) rt.store.setJson(PROPERTY_NAMES.journal, journal);
    return out;
  }
  let state = rt.store.getJson<SequenceState>(PROPERTY_NAMES.sequence) ?? {};
  const byYear = new Map<number, string[]>();
  for (const k of fresh) byYear.set(k.year, [...(byYear.get(k.year) ?? []), k.responseKey]);
  for (const [year, yearKeys] of byYear) {
    const next = allocateCodes(state, year, yearKeys.length, floors[year] ?? 0);
    state = next.state;
    yearKeys.forEach((key, i) => {
      out.set(key, next.codes[i]);
      journal.pending[key] = next.codes[i];
    });
  }
  rt.store.setMany({ ...DocumentStore.encodeJson(PROPERTY_NAMES.sequence, state), ...DocumentStore.encodeJson(PROPERTY_NAMES.journal, journal) });
  return out;
}

/**
 * The units are written: they count as filed, their reservations end, and the public board shows
 * them at once (one property write).
 */
export function markFiled(rt: Runtime, journal: JournalState, done: Array<{ responseKey: string; code: string; print?: string }>): void {
  if (done.length === 0) return;
  for (const d of done) {
    journal.filed[d.responseKey] = d.code;
    delete journal.pending[d.responseKey];
    if (d.print) notePrint(journal, d.responseKey, d.print);
  }
  rt.store.setMany({ ...DocumentStore.encodeJson(PROPERTY_NAMES.journal, journal), ...boardChanged(`f${done.length}.${done[0].code}`) });
}

// ---- which parts of a unit already exist -------------------------------------------------

export interface PartsPresent {
  cases: Set<string>;
  caseKeys: Set<string>;
  submitters: Set<string>;
  long: Set<string>;
  outbox: Set<string>;
  audit: Set<string>;
}

/**
 * Reads the key columns of every tab a unit writes: only when completing a unit.
 * `cases` when the caller has read the cases tab's codes and keys already.
 */
export function partsPresent(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, cases?: Array<{ code: string; responseKey: string }>): PartsPresent {
  const casePair = cases ?? readCaseKeys(ss, rt);
  const audit = rt.table('audit', ss).rows(['code', 'action', 'after']);
  return {
    cases: new Set(casePair.map((p) => p.code)),
    caseKeys: new Set(casePair.map((p) => p.responseKey)),
    submitters: new Set(rt.table('submitters', ss).rows(['code']).map((r) => String(r.code ?? ''))),
    long: new Set(rt.table('longText', ss).rows(['code', 'field']).map((r) => `${r.code}|${r.field}`)),
    outbox: new Set(rt.table('outbox', ss).rows(['id']).map((r) => String(r.id ?? ''))),
    audit: new Set(audit.filter((r) => r.action === AUDIT_ACTION.filed).map((r) => String(r.code))),
  };
}

/** Every case's code and response key (two column reads). */
export function readCaseKeys(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): Array<{ code: string; responseKey: string; row: number }> {
  // Two reads, not one block: the columns lie far apart, and a block would read every column between.
  const cases = rt.table('cases', ss);
  const codes = cases.rows(['code']);
  const keys = cases.rows(['responseKey']);
  return codes.map((r, i) => ({ code: String(r.code ?? ''), responseKey: String(keys[i]?.responseKey ?? ''), row: r.row })).filter((p) => p.code !== '');
}

/** Only the parts of `w` that `present` does not have. */
export function missingParts(w: CaseWrites, present: PartsPresent | null): CaseWrites | null {
  if (!present) return w;
  if (present.cases.has(w.code) || present.caseKeys.has(w.responseKey)) return null;
  return {
    ...w,
    submitter: w.submitter && !present.submitters.has(w.code) ? w.submitter : null,
    longRows: w.longRows.filter((r) => !present.long.has(`${r[0]}|${r[1]}`)),
    outbox: w.outbox && !present.outbox.has(String(w.outbox.id)) ? w.outbox : null,
    audit: w.audit && !present.audit.has(w.code) ? w.audit : null,
  };
}

// ---- writing ------------------------------------------------------------------------------

/** One unit, one appendRow per tab it touches, the case row last. */
export function writeUnit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, w: CaseWrites): void {
  if (w.submitter) rt.table('submitters', ss).append([w.submitter], 'rows');
  if (w.longRows.length) {
    // Setup formats LONG_TEXT_PLAIN_COLUMNS columns of that tab as plain text, so "Phần 2", "Phần 3" …
    // land in text cells; a text longer still goes through the explicitly formatted batch path.
    const wide = w.longRows.some((r) => r.length > LONG_TEXT_PLAIN_COLUMNS);
    rt.table('longText', ss).appendValues(w.longRows, wide ? 'batch' : 'rows');
  }
  if (w.outbox) rt.table('outbox', ss).append([w.outbox], 'rows');
  if (w.audit) rt.table('audit', ss).append([w.audit], 'rows');
  rt.table('cases', ss).append([w.caseRecord], 'rows');
}

/** Many units: one batch per tab, the case rows last. */
export function writeUnits(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, all: CaseWrites[]): void {
  if (all.length === 0) return;
  const submitters = all.filter((w) => w.submitter).map((w) => w.submitter!);
  if (submitters.length) rt.table('submitters', ss).append(submitters, 'batch');
  const longRows = all.flatMap((w) => w.longRows);
  if (longRows.length) rt.table('longText', ss).appendValues(longRows, 'batch');
  const outbox = all.filter((w) => w.outbox).map((w) => w.outbox!);
  if (outbox.length) rt.table('outbox', ss).append(outbox, 'batch');
  const audit = all.filter((w) => w.audit).map((w) => w.audit!);
  if (audit.length) rt.table('audit', ss).append(audit, 'batch');
  rt.table('cases', ss).append(all.map((w) => w.caseRecord), 'batch');
}

export interface FiledOne {
  outcome: 'filed' | 'duplicate';
  code: string;
  writes: CaseWrites | null;
}

/**
 * Files one submission (the caller holds the document lock and has refreshed the store).
 * Duplicate check: the journal's recent keys; for a key older than the watermark, the cases tab.
 */
export function fileOne(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, unit: FilingUnit, year: number, now: Date): FiledOne {
  const journal = readJournal(rt.store);
  const known = journal.filed[unit.responseKey];
  if (known) return { outcome: 'duplicate', code: known, writes: null };
  const t = keyTime(unit.responseKey);
  const resuming = Boolean(journal.pending[unit.responseKey]);
  if (!resuming && t !== null && t < journal.since) {
    const old = readCaseKeys(ss, rt).find((p) => p.responseKey === unit.responseKey);
    if (old) return { outcome: 'duplicate', code: old.code, writes: null };
  }
  const code = reserveCodes(rt, journal, [{ responseKey: unit.responseKey, year, code: unit.code }]).get(unit.responseKey)!;
  const writes = writesFor(unit.responseKey, unit.by, unit.prepare(code), rt, now);
  const todo = missingParts(writes, resuming ? partsPresent(ss, rt) : null);
  if (todo) writeUnit(ss, rt, todo);
  markFiled(rt, journal, [{ responseKey: unit.responseKey, code, print: unit.print }]);
  return { outcome: 'filed', code, writes: todo };
}
