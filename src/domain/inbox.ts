/**
 * The inbox over the index entries: the person's scope (handlers: their body only), counters,
 * filters (diacritic-blind text search included), newest first, one page at a time.
 */
import { formatVietnameseDate, parseIsoDate, type CivilDay } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { CHANNELS, STATUS, isLowRating, isQrChannel, type StatusKey } from './case';
import type { IndexEntry } from './case-record';
import { answerStateOf, canSee, statusOf, type Actor, type AnswerState } from './lifecycle';
import { searchableWords } from './text/fold';
import { deadlinesOn, type DeadlinesOn } from './deadline';

export interface InboxQuery {
  status?: string;
  category?: string;
  group?: string;
  body?: string;
  assignee?: string;
  channel?: string;
  /** ISO dates (received on or after / on or before). */
  from?: string;
  to?: string;
  text?: string;
  page?: number;
  pageSize?: number;
  /** A year whose archive tab to list instead of the cases tab ("2025"); the inbox itself ignores it. */
  archive?: string;
}

export interface InboxCounters {
  new: number;
  inProgress: number;
  dueSoon: number;
  overdue: number;
  /** Open cases whose resident left a phone number and no e-mail. */
  callBack: number;
  /** Cases their resident rated 1–2 that are not closed. */
  lowRating: number;
}

export interface InboxItem {
  code: string;
  row: number;
  receivedOn: string;
  channel: string;
  group: string;
  category: string;
  suggested: boolean;
  status: string;
  dueOn: string;
  workingDaysLeft: number | null;
  assignedBody: string;
  summary: string;
  /** Where the answer stands (a draft is not an answer). */
  answerState: AnswerState;
  /** Open, and the resident left a phone number but no e-mail: staff call them back. */
  callBack: boolean;
  /** The resident's rating of the answer (1–5), or null. */
  rating: number | null;
  /** Rated 1–2 and not closed: the answer did not satisfy the resident. */
  lowRating: boolean;
}

export interface InboxPage {
  counters: InboxCounters;
  total: number;
  page: number;
  pages: number;
  items: InboxItem[];
}

export const MAX_PAGE_SIZE = 50;
const OPEN = new Set<StatusKey>(['new', 'classified', 'inProgress', 'draftAnswer', 'awaitingApproval', 'approved']);

/**
 * Open: the resident has not been answered (and the case is not closed), so its working days
 * keep counting — whatever drafts or approvals exist.
 */
export function isOpen(c: { status: string; answerSentAt?: Date | '' | number | null; approvedBy?: string }): boolean {
  const sent = typeof c.answerSentAt === 'number' ? new Date(c.answerSentAt) : c.answerSentAt ?? '';
  return OPEN.has(statusOf({ status: c.status, answerSentAt: sent ?? '', approvedBy: c.approvedBy }));
}

/** What the named sets judge a case by (an index entry, or a case row as the portal reads it). */
export type Judgeable = Pick<IndexEntry, 'status' | 'dueDay' | 'hasPhone' | 'hasEmail'> & Partial<Pick<IndexEntry, 'rating'>> & { answerSentAt?: Date | '' | number | null; approvedBy?: string };

/** An entry as the inbox judges it: whether it is open is worked out once. */
interface Judged<E extends Judgeable = Judgeable> {
  e: E;
  open: boolean;
}


/**
 * The inbox's named sets, each defined once: its counter counts it and the status filter of the
 * same name lists it (besides a plain status, the filter takes these names).
 */
const PREDICATES: Record<keyof InboxCounters, (x: Judged, t: DeadlinesOn) => boolean> = {
  new: ({ e }) => e.status === STATUS.new,
  /** Open, past "new". */
  inProgress: ({ e, open }) => open && e.status !== STATUS.new,
  /** Open, due soon (domain/deadline) and not overdue. */
  dueSoon: ({ e, open }, t) => open && t.isDueSoon(e.dueDay),
  overdue: ({ e, open }, t) => open && t.isOverdue(e.dueDay),
  /** Open, the resident left a phone number and no e-mail. */
  callBack: ({ e, open }) => open && e.hasPhone && !e.hasEmail,
  /** Rated 1–2 by the resident, until an admin closes the case (whatever else they do: reopen, follow up). */
  lowRating: ({ e }) => isLowRating(e.rating) && e.status !== STATUS.closed,
};

/** The counters' names that also filter (a plain status name filters by status). */
const FILTER_NAMES: ReadonlyArray<keyof InboxCounters> = ['inProgress', 'dueSoon', 'overdue', 'callBack', 'lowRating'];

/**
 * Is the case in the inbox's named set `name` on the day `t` judges? The bodies' digests and the
 * personal-link page count with this, so their numbers are the inbox's (issue 18.2).
 */
export function inNamedSet(name: keyof InboxCounters, e: Judgeable, t: DeadlinesOn): boolean {
  return PREDICATES[name]({ e, open: isOpen(e) }, t);
}

export function buildInbox(entries: Array<IndexEntry & { row: number }>, actor: Actor, query: InboxQuery, today: CivilDay, calendar: WorkingCalendar): InboxPage {
  const visible: Array<Judged<IndexEntry & { row: number }>> = entries.filter((e) => canSee(actor, e)).map((e) => ({ e, open: isOpen(e) }));
  const t = deadlinesOn(today, calendar);
  const counters: InboxCounters = { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, callBack: 0, lowRating: 0 };
  for (const x of visible) {
    for (const name of Object.keys(counters) as Array<keyof InboxCounters>) if (PREDICATES[name](x, t)) counters[name] += 1;
  }

  const from = query.from ? parseIsoDate(query.from) : null;
  const to = query.to ? parseIsoDate(query.to) : null;
  const words = query.text ? searchableWords(query.text).trim() : '';
  const named = FILTER_NAMES.find((n) => n === query.status);
  const matches = visible.filter((x) => {
    const { e } = x;
    if (named && !PREDICATES[named](x, t)) return false;
    if (query.status && !named && e.status !== query.status) return false;
    if (query.category && (e.category || e.suggestedCategory) !== query.category) return false;
    if (query.group && e.group !== query.group) return false;
    if (query.body && e.assignedBody !== query.body) return false;
    if (query.assignee && e.assignee !== query.assignee.toLowerCase()) return false;
    // "QR" lists every QR code's cases (the groups', the office's, the centre's), as the QR share counts them.
    if (query.channel && !(query.channel === CHANNELS.qr ? isQrChannel(e.channel) : e.channel === query.channel)) return false;
    if (from !== null && e.receivedDay < from) return false;
    if (to !== null && e.receivedDay > to) return false;
    if (words && !` ${e.search} `.includes(` ${words}`)) return false;
    return true;
  });
  matches.sort((a, b) => b.e.receivedAt - a.e.receivedAt || b.e.row - a.e.row);

  const size = Math.min(Math.max(1, query.pageSize ?? 20), MAX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(matches.length / size));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const items = matches.slice((page - 1) * size, page * size).map((x) => {
    const { e, open } = x;
    return {
      code: e.code,
      row: e.row,
      receivedOn: formatVietnameseDate(e.receivedDay),
      channel: e.channel,
      group: e.group,
      category: e.category || e.suggestedCategory,
      suggested: !e.category,
      status: e.status,
      dueOn: formatVietnameseDate(e.dueDay),
      workingDaysLeft: open ? t.workingDaysLeft(e.dueDay) : null,
      assignedBody: e.assignedBody,
      summary: e.summary,
      answerState: answerStateOf({ status: e.status, answer: e.answeredAt !== null ? '1' : '', answerSentAt: e.answerSentAt === null ? '' : new Date(e.answerSentAt), answerMethod: e.answerMethod }),
      callBack: PREDICATES.callBack(x, t),
      rating: e.rating,
      lowRating: PREDICATES.lowRating(x, t),
    };
  });
  return { counters, total: matches.length, page, pages, items };
}
