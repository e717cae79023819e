/**
 * The inbox over the index entries: the person's scope (handlers: their body only), counters,
 * filters (diacritic-blind text search included), newest first, one page at a time.
 */
import { formatVietnameseDate, parseIsoDate, type CivilDay } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { CHANNELS, STATUS, isQrChannel, type StatusKey } from './case';
import type { IndexEntry } from './case-record';
import { answerStateOf, canSee, statusOf, type Actor, type AnswerState } from './lifecycle';
import { searchableWords } from './text/fold';
import { deadlinesOn } from './deadline';

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
}

export interface InboxCounters {
  new: number;
  inProgress: number;
  dueSoon: number;
  overdue: number;
  /** Open cases whose resident left a phone number and no e-mail. */
  callBack: number;
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

export function buildInbox(entries: Array<IndexEntry & { row: number }>, actor: Actor, query: InboxQuery, today: CivilDay, calendar: WorkingCalendar): InboxPage {
  const visible = entries.filter((e) => canSee(actor, e));
  const deadlines = deadlinesOn(today, calendar);
  const counters: InboxCounters = { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, callBack: 0 };
  for (const e of visible) {
    const open = isOpen(e);
    if (e.status === STATUS.new) counters.new += 1;
    else if (open) counters.inProgress += 1;
    if (!open) continue;
    if (e.hasPhone && !e.hasEmail) counters.callBack += 1;
    const standing = deadlines.standing(e.dueDay);
    if (standing === 'overdue') counters.overdue += 1;
    else if (standing === 'dueSoon') counters.dueSoon += 1;
  }

  const from = query.from ? parseIsoDate(query.from) : null;
  const to = query.to ? parseIsoDate(query.to) : null;
  const words = query.text ? searchableWords(query.text).trim() : '';
  // Besides a status, the counters' own names filter: "inProgress" (open, past "new"), "dueSoon",
  // "overdue", "callBack" (open, phone but no e-mail).
  const dueFilter = query.status === 'dueSoon' || query.status === 'overdue' || query.status === 'inProgress' || query.status === 'callBack' ? query.status : null;
  const matches = visible.filter((e) => {
    if (dueFilter === 'inProgress' && !(isOpen(e) && e.status !== STATUS.new)) return false;
    if (dueFilter === 'overdue' && !(isOpen(e) && deadlines.isOverdue(e.dueDay))) return false;
    if (dueFilter === 'dueSoon' && !(isOpen(e) && deadlines.isDueSoon(e.dueDay))) return false;
    if (dueFilter === 'callBack' && !(isOpen(e) && e.hasPhone && !e.hasEmail)) return false;
    if (query.status && !dueFilter && e.status !== query.status) return false;
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
  matches.sort((a, b) => b.receivedAt - a.receivedAt || b.row - a.row);

  const size = Math.min(Math.max(1, query.pageSize ?? 20), MAX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(matches.length / size));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const items = matches.slice((page - 1) * size, page * size).map((e) => ({
    code: e.code,
    row: e.row,
    receivedOn: formatVietnameseDate(e.receivedDay),
    channel: e.channel,
    group: e.group,
    category: e.category || e.suggestedCategory,
    suggested: !e.category,
    status: e.status,
    dueOn: formatVietnameseDate(e.dueDay),
    workingDaysLeft: isOpen(e) ? deadlines.workingDaysLeft(e.dueDay) : null,
    assignedBody: e.assignedBody,
    summary: e.summary,
    answerState: answerStateOf({ status: e.status, answer: e.answeredAt !== null ? '1' : '', answerSentAt: e.answerSentAt === null ? '' : new Date(e.answerSentAt), answerMethod: e.answerMethod }),
    callBack: isOpen(e) && e.hasPhone && !e.hasEmail,
  }));
  return { counters, total: matches.length, page, pages, items };
}
