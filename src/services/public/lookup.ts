/**
 * What the public web app does with a case: look it up by code and key, and let its resident rate
 * the answer once. Every lookup is logged with its code and result only.
 *
 * The attempt gate (domain/lookup): wrong keys are counted per code and key issue in
 * CacheService ("lk.<code>#<issue>"), read and written back under the script lock — held for those
 * two cache calls only, so two tries at once cannot both read the same count — and never under the
 * document lock: reading and refusing leave intake and staff alone; only a rating takes the
 * document lock, to write. Codes and keys are refused past 40 characters before they are read.
 * A wrong key costs the same calls whatever the code is (a case, a printed slip not yet entered,
 * nothing): the case read is the index and one row, and one key is always derived.
 * After a rating of 1–2 the resident may follow up (issue 18, item 8): a new case filed through
 * the one pipeline, linked to this one, once per rating — behind the same gate as the rating.
 */
import { canonicalCode, paperSlipResponseKey } from '../../domain/case-code';
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import { CHANNELS, STATUS } from '../../domain/case';
import type { CaseRecord, HistoryEvent } from '../../domain/case-record';
import { residentFollowUpKey } from '../../domain/journal';
import { FIELD_LABELS, linkCodes, statusOf } from '../../domain/lifecycle';
import { afterWrongTry, constantTimeEqual, FOLLOW_UP_LIMIT, formatKey, gate, isKeyShape, mayFollowUp, NO_FAILURES, normalizeKey, QUIET_HOURS, type Failures } from '../../domain/lookup';
import { cleanResidentText } from '../../domain/text/sanitize';
import { scrubPublicText } from '../../domain/text/scrub';
import { publishedText } from '../../domain/publication';
import { PUBLIC } from '../../i18n/vi';
import { commitChange } from '../cases/actions';
import { readCase, readCaseAnywhere, readCaseEvenly, type CaseRow } from '../cases/store';
import { readCaseKeys, readJournal } from '../cases/filing';
import { fileFollowUpCase } from '../cases/follow-up';
import { readSubmitterNames } from '../cases/submitter-names';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { paperSlipIssued } from '../intake/paper-slip-codes';
import { currentIssue } from '../platform/secrets';
import { existingLookupKey } from '../access/keys';

export interface PublicCase {
  code: string;
  receivedOn: string;
  group: string;
  category: string;
  status: string;
  dueOn: string;
  /** The answer once the resident has been answered (scrubbed); '' before. */
  answer: string;
  answeredOn: string;
  canRate: boolean;
  rating: number | null;
  /** Rated 1–2 and not followed up yet: the page offers the follow-up. */
  canFollowUp: boolean;
  /** The follow-up the resident filed from this page: its code and lookup key. */
  followUp: { code: string; key: string } | null;
}

const PUBLIC_LOCK_WAIT_MS = LOCK_WAIT_MS.publicAction;
/** How long a try waits for the counter (held for two cache calls by each other try). */
const COUNTER_WAIT_MS = LOCK_WAIT_MS.lookupCounters;
/** A count lives as long as the gate remembers it (CacheService keeps an item at most 6 hours). */
const COUNTER_SECONDS = QUIET_HOURS * 3600;

function log(code: string, result: string): void {
  console.log(JSON.stringify({ event: 'lookup', code, result }));
}

function readFailures(cached: string | null): Failures {
  if (!cached) return NO_FAILURES;
  try {
    const f = JSON.parse(cached) as Failures;
    return { n: Number(f.n), last: Number(f.last) };
  } catch {
    return NO_FAILURES;
  }
}

/**
 * Runs `fn` with the wrong-key counters to itself: the script lock (not the document lock, which
 * intake and staff hold for seconds). A try that cannot have it in time is refused as busy, before
 * its key is compared or anything counted.
 */
function withCounters<T>(fn: (cache: GoogleAppsScript.Cache.Cache) => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(COUNTER_WAIT_MS)) throw new BusyError(PUBLIC.busy);
  try {
    return fn(CacheService.getScriptCache());
  } finally {
    lock.releaseLock();
  }
}

/** The case behind a code and key, or a refusal that says nothing about whether the code exists. */
function open(rt: Runtime, code: string, lookupKey: string): CaseRow {
  const at = readCaseEvenly(SpreadsheetApp.getActive(), rt, code);
  const record = at?.record;
  // The issue the ward last gave out (kept apart from the row, which a hand edit can restore or retype).
  const issue = record ? currentIssue(rt.store, code, record.lookupVersion) : 0;
  // One key is derived whatever the code is: the case's, else the one a slip with this code has.
  const expected = existingLookupKey(rt.store, record?.responseKey || paperSlipResponseKey(code), issue);
  const right = expected !== '' && constantTimeEqual(expected, lookupKey);
  const counter = `lk.${code}#${issue}`;
  return withCounters((cache) => {
    const now = Date.now();
    const failures = readFailures(cache.get(counter));
    const g = gate(failures, now);
    if (!g.allowed) {
      log(code, 'wait');
      throw new UserError(PUBLIC.wait(g.minutes));
    }
    if (right && at && record?.responseKey) {
      log(code, 'ok');
      return at;
    }
    // A slip's stub, read before the slip is out of the paper mailbox: right, but not entered yet.
    if (right && !at && paperSlipIssued(rt.store, code)) {
      log(code, 'slip not entered');
      throw new UserError(PUBLIC.paperSlipNotEntered);
    }
    cache.put(counter, JSON.stringify(afterWrongTry(failures, now)), COUNTER_SECONDS);
    log(code, 'wrong');
    throw new UserError(PUBLIC.wrong);
  });
}

/** Code and key as typed → their one form, or the refusal for a wrong key (nothing read, nothing counted). */
function typed(codeInput: unknown, keyInput: unknown): { code: string; lookupKey: string } {
  const code = canonicalCode(codeInput);
  const key = normalizeKey(keyInput);
  if (!code || !isKeyShape(key)) throw new UserError(PUBLIC.wrong);
  return { code, lookupKey: key };
}

const day = (d: unknown) => (d instanceof Date ? formatVietnameseDate(vietnamDayOf(d)) : '');

/** The facts of a case anyone it is shown to may read (the lookup, the portal): no person, no text. */
export function caseFacts(c: Pick<CaseRecord, 'code' | 'receivedAt' | 'group' | 'category' | 'suggestedCategory' | 'status' | 'dueDate'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy'>>): Pick<PublicCase, 'code' | 'receivedOn' | 'group' | 'category' | 'status' | 'dueOn'> {
  return { code: c.code, receivedOn: day(c.receivedAt), group: c.group, category: c.category || c.suggestedCategory, status: STATUS[statusOf(c)], dueOn: day(c.dueDate) };
}

/**
 * What the lookup shows. The page is public (a code and a key on a slip's stub can change hands),
 * so the answer is published text: scrubbed, and without its submitter's name — read from
 * "Người gửi" only when there is an answer to show.
 */
function publicView(c: CaseRecord, rt: Runtime, archived = false): PublicCase {
  const sent = c.answerSentAt instanceof Date;
  const followUp = mayFollowUp(c) ? residentFollowUpOf(rt, c) : null;
  return {
    ...caseFacts(c),
    answer: sent && c.answer ? publishedText(c.answer, readSubmitterNames(SpreadsheetApp.getActive(), rt).get(c.code) ?? '') : '',
    answeredOn: day(c.answerSentAt),
    // An archived case (services/jobs/archive) is read, never changed: no rating, no follow-up.
    canRate: sent && !(c.ratedAt instanceof Date) && !archived,
    rating: typeof c.rating === 'number' ? c.rating : null,
    canFollowUp: mayFollowUp(c) && followUp === null && !archived,
    followUp,
  };
}

/**
 * The follow-up a resident filed after rating `c` (its key comes from the rating): found in the
 * journal while recent, else by the cases' response keys (2 column reads) — read only for a case
 * rated 1–2, after its key was checked. Its own lookup key is given with it: the page is the only
 * place the resident learns it (a follow-up sends no acknowledgement).
 */
function residentFollowUpOf(rt: Runtime, c: CaseRecord): { code: string; key: string } | null {
  if (!(c.ratedAt instanceof Date)) return null;
  const responseKey = residentFollowUpKey(c.ratedAt, c.code);
  const ss = SpreadsheetApp.getActive();
  const code = readJournal(rt.store).filed[responseKey] ?? readCaseKeys(ss, rt).find((p) => p.responseKey === responseKey)?.code;
  if (!code) return null;
  const filed = readCaseAnywhere(ss, rt, code);
  const key = existingLookupKey(rt.store, responseKey, currentIssue(rt.store, code, filed?.record.lookupVersion));
  return key ? { code, key: formatKey(key) } : null;
}

/** Reading only: no document lock, so a lookup never waits for, nor holds up, intake and staff. */
export function lookupCase(codeInput: unknown, keyInput: unknown): PublicCase {
  const { code, lookupKey: key } = typed(codeInput, keyInput);
  const rt = loadRuntime();
  const at = open(rt, code, key);
  return publicView(at.record, rt, at.archived !== undefined);
}

/** A resident's write on an archived case: refused before the lock, in words for a resident. */
function notArchived(at: CaseRow): CaseRow {
  if (at.archived !== undefined) throw new UserError(PUBLIC.archived);
  return at;
}

export const COMMENT_LIMIT = 1000;
/** A comment typed longer than this is refused before any pattern cleans or scrubs it. */
const COMMENT_INPUT_MAX = 2 * COMMENT_LIMIT;

/**
 * A resident's write: under the document lock, the case read again;
 * the key was checked against the case as it was opened, so a new key issued since voids it.
 */
function underLockAsOpened<T>(rt: Runtime, opened: CaseRecord, row: number, write: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, at: NonNullable<ReturnType<typeof readCase>>, c: CaseRecord) => T): T {
  return withDocumentLock(PUBLIC_LOCK_WAIT_MS, () => new BusyError(PUBLIC.busy), () => {
    const ss = SpreadsheetApp.getActive();
    // (A change of this case cut off earlier is finished by commitChange, which the row's debt tells.)
    const at = readCase(ss, rt, opened.code, row);
    const c = at?.record;
    if (!at || !c || c.responseKey !== opened.responseKey || (c.lookupVersion ?? 0) !== (opened.lookupVersion ?? 0)) throw new UserError(PUBLIC.wrong);
    return write(ss, at, c);
  });
}

/** The key is checked without the document lock; the lock is taken to write the rating, and the case read again under it. */
export function rateAnswer(codeInput: unknown, keyInput: unknown, starsInput: unknown, commentInput: unknown): PublicCase {
  const stars = Number(starsInput);
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new UserError(PUBLIC.badStars);
  const raw = typeof commentInput === 'string' ? commentInput : '';
  if (raw.length > COMMENT_INPUT_MAX) throw new UserError(PUBLIC.commentTooLong(COMMENT_LIMIT));
  const { code, lookupKey: key } = typed(codeInput, keyInput);
  const comment = scrubPublicText(cleanResidentText(raw).text);
  if (comment.length > COMMENT_LIMIT) throw new UserError(PUBLIC.commentTooLong(COMMENT_LIMIT));
  const rt = loadRuntime();
  const { row, record: opened } = notArchived(open(rt, code, key));
  if (!(opened.answerSentAt instanceof Date)) throw new UserError(PUBLIC.notAnswered);
  if (opened.ratedAt instanceof Date) throw new UserError(PUBLIC.alreadyRated);
  return underLockAsOpened(rt, opened, row, (ss, at, c) => {
    if (!(c.answerSentAt instanceof Date)) throw new UserError(PUBLIC.notAnswered);
    if (c.ratedAt instanceof Date) throw new UserError(PUBLIC.alreadyRated);
    const now = new Date();
    const event = { v: c.version + 1, at: now.toISOString(), by: PUBLIC.resident, action: PUBLIC.ratedAction, detail: `${stars}/5${comment ? ` — ${comment}` : ''}` };
    const next: CaseRecord = { ...c, rating: stars, ratingComment: comment, ratedAt: now, version: c.version + 1, updatedAt: now };
    commitChange(ss, rt, at, next, event);
    return publicView(next, rt);
  });
}

/** A follow-up typed longer than this is refused before it is cleaned. */
const FOLLOW_UP_INPUT_MAX = 2 * FOLLOW_UP_LIMIT;

/**
 * The resident follows up from the lookup page, after rating the answer 1–2: authorised by the
 * code and key through the same gate as the lookup and the rating, then, under the document lock,
 * the case read again and a new case filed through the one pipeline (services/cases/follow-up),
 * linked to this one, whose history says so. Its key comes from the rating, so there is one
 * follow-up per rating: a retry — after a cut-off, a lost reply, a second tap — finds the one filed
 * and changes nothing more; a cut-off between the two writes is completed by the retry.
 */
export function followUpFromLookup(codeInput: unknown, keyInput: unknown, contentInput: unknown): PublicCase {
  const raw = typeof contentInput === 'string' ? contentInput : '';
  if (raw.length > FOLLOW_UP_INPUT_MAX) throw new UserError(PUBLIC.followUpTooLong(FOLLOW_UP_LIMIT));
  const { code, lookupKey: key } = typed(codeInput, keyInput);
  const words = cleanResidentText(raw).text;
  if (!words) throw new UserError(PUBLIC.followUpEmpty);
  if (words.length > FOLLOW_UP_LIMIT) throw new UserError(PUBLIC.followUpTooLong(FOLLOW_UP_LIMIT));
  const rt = loadRuntime();
  const { row, record: opened } = notArchived(open(rt, code, key));
  if (!mayFollowUp(opened)) throw new UserError(PUBLIC.followUpNotOffered);
  return underLockAsOpened(rt, opened, row, (ss, at, c) => {
    if (!mayFollowUp(c)) throw new UserError(PUBLIC.followUpNotOffered);
    const now = new Date();
    const filed = fileFollowUpCase(ss, rt, c, { content: raw, channel: CHANNELS.lookupPage, responseKey: residentFollowUpKey(c.ratedAt as Date, c.code), by: PUBLIC.resident, now });
    const linked = linkCodes(c.linkedCases, filed.code);
    // Already linked: this is a retry of a follow-up committed whole.
    if (linked === c.linkedCases) return publicView(c, rt);
    const event: HistoryEvent = { v: c.version + 1, at: now.toISOString(), by: PUBLIC.resident, action: PUBLIC.followUpAction, detail: PUBLIC.followUpDetail(filed.code), changes: [{ field: FIELD_LABELS.linkedCases!, from: c.linkedCases, to: linked }] };
    const next: CaseRecord = { ...c, linkedCases: linked, version: c.version + 1, updatedAt: now };
    commitChange(ss, rt, at, next, event);
    return publicView(next, rt);
  });
}
