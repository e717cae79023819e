/**
 * Sending what waits in the outbox, in three phases so that the document lock is never held
 * while mail leaves (a send is a service call; a hundred take a minute):
 * 0. scan (no lock): where the rows still to settle begin, and the addresses and keys they need;
 * 1. claim (under the lock, one write, only the rows from there on): settle what earlier runs left
 *    (their marks say whether a message left), then mark the messages to send "Đang gửi" with the
 *    claim's time in "Gửi lúc"; their addresses, names and secrets are put in now, in memory only;
 * 2. send (no lock): each message noted "sending" then "sent" in its document property
 *    "out.<id>" around MailApp.sendEmail (platform/outbox sendTracked), as before;
 * 3. record (under the lock, one write): each claimed row says what became of its message.
 * Then the marks the tab now makes permanent are forgotten (no lock: one property each).
 * Nothing is sent twice: a row "Đang gửi" belongs to the run that claimed it, and no other run
 * touches it while that run may still be alive (an execution lives at most 6 minutes: CLAIM_LEASE_MS).
 * Nothing is lost: a run cut off anywhere leaves its rows "Đang gửi" with their marks; the first
 * run after the lease settles them from the marks — "sent" is sent, "sending" may have left
 * ("Cần kiểm tra", for a person to check), no mark never left and waits again.
 * The fate of a mail its case waits for (the answer, the police's) is noted in the document
 * properties before the tab says it, for services/cases/deliveries to carry to the case.
 */
import { OUTBOX_STATUS, RESIDENT_RECIPIENT } from '../../domain/vocabulary';
import { checkEmail } from '../../domain/contact';
import { isMailKey } from '../../domain/mail-match';
import { redactPersonalData } from '../../domain/redact';
import { REPORTED_MAIL_KINDS, type MailReport } from '../../domain/lifecycle/mail-settled';
import { ERRORS } from '../../i18n/vi';
import { PROPERTY_NAMES } from './document-store';
import { fillSecrets, KEY_SLOT, SecretUnavailable, type CaseKeyOf } from './secrets';
import { describeError, logError } from './errors';
import { addressed, caseKeyTable, DRAIN_BUDGET_MS, sendTracked } from './outbox';
import type { Runtime } from './runtime';

/** A claim older than this cannot belong to a running execution (6 minutes at most, and a margin). */
export const CLAIM_LEASE_MS = 7 * 60 * 1000;

export interface DrainResult {
  sent: number;
  waiting: number;
  uncertain: number;
  failed: number;
}

/** A claimed message as it leaves: address, name and secrets put in (never written anywhere). */
export interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  code: string;
}

export type SendOutcome = { id: string; state: 'sent'; at: Date } | { id: string; state: 'threw'; error: string } | { id: string; state: 'unsent' };

type Row = Record<string, unknown>;

const FINAL = new Set<string>([OUTBOX_STATUS.sent, OUTBOX_STATUS.uncertain, OUTBOX_STATUS.failed, OUTBOX_STATUS.duplicate]);
const PENDING = new Set<string>([OUTBOX_STATUS.waiting, OUTBOX_STATUS.sending]);

const noResult = (): DrainResult => ({ sent: 0, waiting: 0, uncertain: 0, failed: 0 });

/**
 * What the claim needs that no lock protects, read before it: where the rows still to settle
 * begin (every row above is final: sent, failed, duplicate, to check — and never written again),
 * the ids above that (a message queued again later is a duplicate), and the residents' addresses
 * and the cases' keys (edited by hand or by key issues whose numbers the properties keep, never
 * under the lock anyway). So the claim under the lock reads only the rows from `first` on.
 */
export interface OutboxScan {
  /** The first row not final, and the last row read; none: nothing to do (first > last). */
  first: number;
  last: number;
  earlierIds: Set<string>;
  /** Residents' valid addresses by case code, and the codes looked up (found or not). */
  residents: Map<string, { email: string; name: string }>;
  lookedUp: Set<string>;
  /** The cases' keys, when a message to send carries one. */
  keyOf: CaseKeyOf | null;
  /**
   * Cases that came through the official mailbox: their residents' mail goes back in the mail's
   * thread, handed to the mailbox by services/intake/mailbox-replies — never sent here.
   */
  viaMailbox: Set<string>;
}

export interface Claim {
  /** When the rows were marked (their "Gửi lúc" while "Đang gửi"). */
  at: number;
  /** The stretch of rows it read and wrote. */
  first: number;
  last: number;
  mails: ClaimedMail[];
  /** Messages whose marks the tab now makes permanent: forget them (forgetMarks). */
  forget: string[];
  /** What the claim settled of earlier runs, and what still waits beyond it. */
  result: DrainResult;
}

/** Phase 0, without the lock: the id and status columns read whole, the rest only when something waits. */
export function scanOutbox(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): OutboxScan {
  const outbox = rt.table('outbox', ss);
  const statuses = outbox.rows(['status']);
  const open = statuses.find((r) => !FINAL.has(String(r.status)));
  const scan: OutboxScan = { first: open?.row ?? statuses.length + 2, last: statuses.length + 1, earlierIds: new Set(), residents: new Map(), lookedUp: new Set(), keyOf: null, viaMailbox: new Set() };
  if (!open) return scan;
  const ids = outbox.rows(['id'], scan.last);
  for (const r of ids) if (r.row < scan.first) scan.earlierIds.add(String(r.id));
  const pending = outbox.rows(['code', 'recipient', 'body', 'status'], scan.last, scan.first).filter((r) => PENDING.has(String(r.status)));
  scan.lookedUp = new Set(pending.filter((r) => r.recipient === RESIDENT_RECIPIENT).map((r) => String(r.code)));
  const contacts = residentContacts(rt, ss, [...scan.lookedUp]);
  scan.residents = contacts.residents;
  scan.viaMailbox = contacts.viaMailbox;
  // The cases' response keys, read only when a message to send carries a lookup key.
  if (pending.some((r) => String(r.body).includes(KEY_SLOT))) scan.keyOf = caseKeys(rt, ss);
  return scan;
}

/** Phase 1, under the document lock (the caller holds it and has refreshed the store): rows `scan.first`..`scan.last` only. */
export function claimOutbox(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, scan: OutboxScan, now: Date = new Date()): Claim {
  const claim: Claim = { at: now.getTime(), first: scan.first, last: scan.last, mails: [], forget: [], result: noResult() };
  if (scan.first > scan.last) return claim;
  const outbox = rt.table('outbox', ss);
  const records: Row[] = outbox.rows(undefined, scan.last, scan.first);
  const before = records.map((r) => String(r.status));
  const marks = rt.store.withPrefix(PROPERTY_NAMES.outboxMark);

  // Settle what earlier executions did: a waiting row sent at once (intake's acknowledgement) or
  // cut off mid-send, and the rows of a claim whose run has ended.
  const mailboxOwns = (r: Row) => r.recipient === RESIDENT_RECIPIENT && scan.viaMailbox.has(String(r.code));
  for (const r of records) {
    const id = String(r.id);
    if (mailboxOwns(r)) continue;
    const dead = r.status === OUTBOX_STATUS.sending && !(r.sentAt instanceof Date && now.getTime() - r.sentAt.getTime() < CLAIM_LEASE_MS);
    if (!dead && !(r.status === OUTBOX_STATUS.waiting && marks[id])) continue;
    const [state, at] = (marks[id] ?? '').split('|');
    if (state === 'sent') {
      r.status = OUTBOX_STATUS.sent;
      r.sentAt = new Date(at);
      r.error = '';
    } else if (state === 'sending') {
      r.status = OUTBOX_STATUS.uncertain;
      r.error = ERRORS.maybeSent;
      logError({ where: 'outbox', message: ERRORS.maybeSent, code: String(r.code), reference: id }, rt.schema, ss);
    } else {
      // Claimed, never tried: it waits again.
      r.status = OUTBOX_STATUS.waiting;
      r.sentAt = '';
    }
  }

  // A message queued twice (a retried action) leaves once: later rows with an id seen before are duplicates.
  const ids = new Set(scan.earlierIds);
  for (const r of records) {
    const id = String(r.id);
    if (ids.has(id) && r.status === OUTBOX_STATUS.waiting) r.status = OUTBOX_STATUS.duplicate;
    ids.add(id);
  }

  const waiting = records.filter((r) => r.status === OUTBOX_STATUS.waiting);
  const quota = waiting.length ? MailApp.getRemainingDailyQuota() : 0;
  for (const r of waiting) {
    if (claim.mails.length >= quota) break;
    if (mailboxOwns(r)) continue;
    // A row the scan did not prepare for (rows moved by hand since): it waits for the next run.
    if ((r.recipient === RESIDENT_RECIPIENT && !scan.lookedUp.has(String(r.code))) || (!scan.keyOf && String(r.body).includes(KEY_SLOT))) continue;
    const resident = r.recipient === RESIDENT_RECIPIENT ? scan.residents.get(String(r.code)) : undefined;
    const to = r.recipient === RESIDENT_RECIPIENT ? resident?.email : String(r.recipient);
    if (!to || !checkEmail(to).valid) {
      r.status = OUTBOX_STATUS.failed;
      r.error = ERRORS.noValidEmail;
      continue;
    }
    const body = claimFilled(r, now, () => {
      const named = resident ? addressed(String(r.body), String(r.code), resident.name) : String(r.body);
      return fillSecrets(rt.store, named, { id: String(r.id), code: String(r.code), recipient: to }, scan.keyOf ?? (() => null), now);
    });
    if (body !== null) claim.mails.push({ id: String(r.id), to, subject: String(r.subject), body, code: String(r.code) });
  }

  // What happened to the mails whose case waits for them, noted before the tab says it.
  noteMailReports(rt, records.filter((r, i) => PENDING.has(before[i]) && FINAL.has(String(r.status))));
  if (records.some((r, i) => r.status !== before[i])) writeStatuses(rt, ss, scan.first, records);
  claim.forget = settledMarks(records, scan.earlierIds, marks);
  claim.result = {
    sent: records.filter((r, i) => r.status === OUTBOX_STATUS.sent && before[i] !== OUTBOX_STATUS.sent).length,
    waiting: records.filter((r) => r.status === OUTBOX_STATUS.waiting).length,
    uncertain: records.filter((r, i) => r.status === OUTBOX_STATUS.uncertain && before[i] !== OUTBOX_STATUS.uncertain).length,
    failed: records.filter((r, i) => r.status === OUTBOX_STATUS.failed && before[i] !== OUTBOX_STATUS.failed).length,
  };
  return claim;
}

/**
 * Phase 2, without the lock: sends the claimed messages in order, within DRAIN_BUDGET_MS of the
 * claim, before `until` (the caller's execution must keep time to record them) and within today's quota.
 */
export function sendClaimed(rt: Runtime, claim: Claim, until = Infinity): SendOutcome[] {
  const out: SendOutcome[] = [];
  let stopped = false;
  for (const m of claim.mails) {
    if (stopped || Date.now() - claim.at > DRAIN_BUDGET_MS || Date.now() > until) {
      out.push({ id: m.id, state: 'unsent' });
      continue;
    }
    try {
      if (sendTracked(rt, { id: m.id, to: m.to, subject: m.subject, body: m.body })) out.push({ id: m.id, state: 'sent', at: new Date() });
      else {
        stopped = true;
        out.push({ id: m.id, state: 'unsent' });
      }
    } catch (e) {
      // Its mark stays "sending": a service error does not prove the message did not leave.
      out.push({ id: m.id, state: 'threw', error: redactPersonalData(describeError(e)) });
    }
  }
  return out;
}

/** Phase 3, under the document lock: each claimed row says what became of its message, in one write. */
export function recordSent(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, claim: Claim, outcomes: SendOutcome[]): DrainResult {
  const result = noResult();
  if (outcomes.length === 0) return result;
  const records: Row[] = rt.table('outbox', ss).rows(undefined, claim.last, claim.first);
  // A claimed row is the one row of its id in flight (a second row of an id is a duplicate, never claimed).
  const inFlight = new Map<string, Row>();
  for (const r of records) if (r.status === OUTBOX_STATUS.sending) inFlight.set(String(r.id), r);
  const sent: Row[] = [];
  for (const o of outcomes) {
    const r = inFlight.get(o.id);
    // Not ours any more (changed by hand): its mark tells the next run what happened.
    if (!r) continue;
    if (o.state === 'sent') {
      r.status = OUTBOX_STATUS.sent;
      r.sentAt = o.at;
      r.attempts = Number(r.attempts || 0) + 1;
      r.error = '';
      sent.push(r);
      result.sent += 1;
    } else {
      // Never tried, or tried and the service threw (the next run finds its mark "sending": "Cần kiểm tra").
      r.status = OUTBOX_STATUS.waiting;
      r.sentAt = '';
      if (o.state === 'threw') {
        r.attempts = Number(r.attempts || 0) + 1;
        r.error = o.error;
        logError({ where: 'outbox', message: o.error, code: String(r.code), reference: o.id }, rt.schema, ss);
      }
    }
  }
  noteMailReports(rt, sent);
  writeStatuses(rt, ss, claim.first, records);
  claim.forget.push(...sent.map((r) => String(r.id)));
  result.waiting = records.filter((r) => r.status === OUTBOX_STATUS.waiting).length;
  return result;
}

/** After the tab says what the marks said: forget them, one property each (no lock needed). */
export function forgetMarks(rt: Runtime, ids: string[]): void {
  rt.store.removeMany(ids.map((id) => PROPERTY_NAMES.outboxMark + id));
}

/** One write for the status, time, attempts and error of the rows from `first`. */
function writeStatuses(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, first: number, records: Row[]): void {
  rt.table('outbox', ss).updateRows(
    first,
    records.map((r) => ({ status: r.status, sentAt: r.sentAt, attempts: r.attempts, error: r.error })),
  );
}

/** The marks of messages the tab now records for good (the rows above the stretch are all final). */
function settledMarks(records: Row[], earlierIds: Set<string>, marks: Record<string, string>): string[] {
  const done = new Set([...earlierIds, ...records.filter((r) => FINAL.has(String(r.status))).map((r) => String(r.id))]);
  const pending = new Set(records.filter((r) => PENDING.has(String(r.status))).map((r) => String(r.id)));
  return Object.keys(marks).filter((id) => done.has(id) && !pending.has(id));
}

/** The reports of the mails that just left or failed and whose case waits for them, added to those not yet applied. */
export function noteMailReports(rt: Runtime, settled: Row[]): void {
  const now = new Date().toISOString();
  const fresh: MailReport[] = [];
  for (const r of settled) {
    const kind = REPORTED_MAIL_KINDS[String(r.kind)];
    if (!kind || r.status === OUTBOX_STATUS.duplicate) continue;
    const sent = r.status === OUTBOX_STATUS.sent;
    fresh.push({
      id: String(r.id),
      code: String(r.code),
      kind,
      sent,
      at: sent && r.sentAt instanceof Date ? r.sentAt.toISOString() : now,
      error: sent ? '' : String(r.error || ERRORS.maybeSent),
      // The police's address, never a resident's (theirs is not in the row either).
      to: kind === 'police' ? String(r.recipient) : '',
    });
  }
  if (fresh.length === 0) return;
  const ids = new Set(fresh.map((f) => f.id));
  const kept = (rt.store.getJson<MailReport[]>(PROPERTY_NAMES.mailReports) ?? []).filter((m) => !ids.has(m.id));
  rt.store.setJson(PROPERTY_NAMES.mailReports, [...kept, ...fresh]);
}

function caseKeys(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CaseKeyOf {
  const table = caseKeyTable(rt, ss);
  return (code) => table.get(code) ?? null;
}

/**
 * Residents' valid addresses (and names) by case code, read from "Người gửi" in one call; and
 * which of those cases came through the official mailbox (their row's key is a mail's).
 */
function residentContacts(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, codes: string[]): { residents: Map<string, { email: string; name: string }>; viaMailbox: Set<string> } {
  const residents = new Map<string, { email: string; name: string }>();
  const viaMailbox = new Set<string>();
  if (codes.length === 0) return { residents, viaMailbox };
  const wanted = new Set(codes);
  for (const r of rt.table('submitters', ss).rows(['code', 'name', 'email', 'emailValid', 'responseKey'])) {
    if (!wanted.has(String(r.code))) continue;
    if (isMailKey(String(r.responseKey ?? ''))) viaMailbox.add(String(r.code));
    else if (r.emailValid === true) residents.set(String(r.code), { email: String(r.email), name: String(r.name ?? '') });
  }
  return { residents, viaMailbox };
}

/**
 * An outbox row claimed for sending with its body filled in (status "sending" from `now`), or
 * failed for good when a placeholder cannot be filled: never sent unfilled. Shared by the MailApp
 * drain and the official mailbox's hand-over (services/intake/mailbox-replies).
 */
export function claimFilled(r: Record<string, unknown>, now: Date, fill: () => string): string | null {
  try {
    const body = fill();
    r.status = OUTBOX_STATUS.sending;
    r.sentAt = now;
    r.error = '';
    return body;
  } catch (e) {
    if (!(e instanceof SecretUnavailable)) throw e;
    r.status = OUTBOX_STATUS.failed;
    r.error = e.message;
    return null;
  }
}
