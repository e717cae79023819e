/**
 * What the public web app does with a case: look it up by code and key, and let its resident rate
 * the answer once. Codes and keys cannot be enumerated: a wrong key counts against the code
 * (CacheService counter under the document lock — a web app request carries no IP), tries are
 * slowed after 5 and the code is locked for a day after 50 (the lock kept in document properties,
 * which outlive the cache). Every lookup is logged with its code and result only.
 */
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import { STATUS } from '../../domain/case';
import type { CaseRecord } from '../../domain/case-record';
import { statusOf } from '../../domain/lifecycle';
import { constantTimeEqual, gate, LOCK_AFTER, normalizeCode, normalizeKey } from '../../domain/lookup';
import { cleanResidentText } from '../../domain/text/sanitize';
import { scrubPublicText } from '../../domain/text/scrub';
import { PUBLIC } from '../../i18n/vi';
import { commitChange, completePendingActions } from '../cases/actions';
import { readCase, type CaseRow } from '../cases/store';
import { KEYS } from '../platform/document-store';
import { BusyError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { loadRuntime, type Runtime } from '../platform/runtime';
import { slipIssued } from '../intake/slip-codes';
import { currentIssue } from '../platform/secrets';
import { lookupKey, slipLookupKey } from './keys';

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
}

const LOCK_WAIT_MS = 10_000;
const COUNTER_SECONDS = 6 * 3600;

interface Failures {
  n: number;
  last: number;
}

function failuresOf(rt: Runtime, code: string): Failures {
  const locked = rt.store.get(KEYS.lookupLock + code);
  if (locked) return { n: LOCK_AFTER, last: new Date(locked).getTime() };
  const cached = CacheService.getScriptCache()?.get(`lf.${code}`);
  try {
    return cached ? (JSON.parse(cached) as Failures) : { n: 0, last: 0 };
  } catch {
    return { n: 0, last: 0 };
  }
}

function recordFailure(rt: Runtime, code: string, f: Failures, now: number): void {
  const next = { n: f.n + 1, last: now };
  CacheService.getScriptCache()?.put(`lf.${code}`, JSON.stringify(next), COUNTER_SECONDS);
  if (next.n >= LOCK_AFTER) rt.store.set(KEYS.lookupLock + code, new Date(now).toISOString());
}

function log(code: string, result: string): void {
  console.log(JSON.stringify({ event: 'lookup', code, result }));
}

/** The case behind a code and key, or a refusal that says nothing about whether the code exists. */
function open(rt: Runtime, codeInput: unknown, keyInput: unknown): CaseRow {
  const code = normalizeCode(codeInput);
  const key = normalizeKey(keyInput);
  if (!code || !key) throw new UserError(PUBLIC.wrong);
  const now = Date.now();
  const f = failuresOf(rt, code);
  const g = gate(f.n, f.last, now);
  if (!g.allowed) {
    log(code, g.reason);
    throw new UserError(g.reason === 'locked' ? PUBLIC.locked : PUBLIC.wait(g.minutes));
  }
  const at = readCase(SpreadsheetApp.getActive(), rt, code);
  const expected = at && at.record.responseKey ? lookupKey(rt.store, at.record.responseKey, currentIssue(rt.store, code, at.record.lookupVersion)) : '';
  // Compared whole and in constant time, also when there is no such case.
  const ok = constantTimeEqual(expected || 'x'.repeat(key.length + 1), key) && expected !== '';
  // A slip's stub, read before the slip is out of the paper mailbox: right, but not entered yet.
  if (!at && slipIssued(rt.store, code) && constantTimeEqual(slipLookupKey(rt.store, code), key)) {
    log(code, 'slip not entered');
    throw new UserError(PUBLIC.slipNotEntered);
  }
  if (!ok || !at) {
    recordFailure(rt, code, f, now);
    log(code, 'wrong');
    throw new UserError(PUBLIC.wrong);
  }
  log(code, 'ok');
  return at;
}

const day = (d: unknown) => (d instanceof Date ? formatVietnameseDate(vietnamDayOf(d)) : '');

/** The facts of a case anyone it is shown to may read (the lookup, the portal): no person, no text. */
export function caseFacts(c: Pick<CaseRecord, 'code' | 'receivedAt' | 'group' | 'category' | 'suggestedCategory' | 'status' | 'dueDate'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy'>>): Pick<PublicCase, 'code' | 'receivedOn' | 'group' | 'category' | 'status' | 'dueOn'> {
  return { code: c.code, receivedOn: day(c.receivedAt), group: c.group, category: c.category || c.suggestedCategory, status: STATUS[statusOf(c)], dueOn: day(c.dueDate) };
}

function publicView(c: CaseRecord): PublicCase {
  const sent = c.answerSentAt instanceof Date;
  return {
    ...caseFacts(c),
    answer: sent ? scrubPublicText(c.answer) : '',
    answeredOn: day(c.answerSentAt),
    canRate: sent && !(c.ratedAt instanceof Date),
    rating: typeof c.rating === 'number' ? c.rating : null,
  };
}

/** Under the document lock: counters and the case row change together, once. */
export function lookupCase(codeInput: unknown, keyInput: unknown): PublicCase {
  const rt = loadRuntime();
  return withDocumentLock(LOCK_WAIT_MS, () => new BusyError(PUBLIC.busy), () => publicView(open(rt, codeInput, keyInput).record));
}

export const COMMENT_LIMIT = 1000;

export function rateAnswer(codeInput: unknown, keyInput: unknown, starsInput: unknown, commentInput: unknown): PublicCase {
  const rt = loadRuntime();
  const stars = Number(starsInput);
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new UserError(PUBLIC.badStars);
  const comment = scrubPublicText(cleanResidentText(String(commentInput ?? '')).text);
  if (comment.length > COMMENT_LIMIT) throw new UserError(PUBLIC.commentTooLong(COMMENT_LIMIT));
  return withDocumentLock(LOCK_WAIT_MS, () => new BusyError(PUBLIC.busy), () => {
    completePendingActions(SpreadsheetApp.getActive(), rt);
    const at = open(rt, codeInput, keyInput);
    const c = at.record;
    if (!(c.answerSentAt instanceof Date)) throw new UserError(PUBLIC.notAnswered);
    if (c.ratedAt instanceof Date) throw new UserError(PUBLIC.alreadyRated);
    const now = new Date();
    const event = { v: c.version + 1, at: now.toISOString(), by: PUBLIC.resident, action: PUBLIC.ratedAction, detail: `${stars}/5${comment ? ` — ${comment}` : ''}` };
    const next: CaseRecord = { ...c, rating: stars, ratingComment: comment, ratedAt: now, version: c.version + 1, updatedAt: now };
    commitChange(SpreadsheetApp.getActive(), rt, at, next, event);
    return publicView(next);
  });
}
