/**
 * A case as the cases tab holds it, with its history (the last events, for the case view; the
 * audit tab keeps them all) and a one-cell index the inbox reads instead of a dozen columns.
 */
import { vietnamDayOf, type CivilDay } from './calendar/civil-date';
import { searchableWords } from './text/fold';

export interface CaseRecord {
  code: string;
  receivedAt: Date;
  channel: string;
  group: string;
  groupKnown: boolean;
  topic: string;
  suggestedCategory: string;
  category: string;
  content: string;
  contentNote: string;
  contentOriginal: string;
  location: string;
  confidential: boolean;
  hasEmail: boolean;
  status: string;
  complexity: string;
  dueDate: Date;
  /** The handling body's own committed date (the ward's clock never pauses for it). */
  bodyDueDate: Date | '';
  assignedBody: string;
  assignee: string;
  answer: string;
  answerPublic: boolean;
  publicSummary: string;
  outcome: string;
  outcomeNote: string;
  answeredAt: Date | '';
  answerSentAt: Date | '';
  approvedBy: string;
  closedAt: Date | '';
  linkedCases: string;
  hiddenFromPublic: boolean;
  history: string;
  index: string;
  responseKey: string;
  version: number;
  updatedAt: Date;
}

export interface HistoryEvent {
  v: number;
  at: string;
  by: string;
  action: string;
  detail?: string;
  changes?: Array<{ field: string; from: string; to: string }>;
}

/** The history cell keeps the newest events within this many characters (a cell holds 50,000). */
export const HISTORY_LIMIT = 40_000;

export function parseHistory(cell: unknown): HistoryEvent[] {
  if (typeof cell !== 'string' || cell === '') return [];
  try {
    const parsed = JSON.parse(cell) as unknown;
    return Array.isArray(parsed) ? (parsed as HistoryEvent[]) : [];
  } catch {
    return [];
  }
}

/** An event's detail is kept this long in the history cell; the audit tab keeps it whole. */
export const HISTORY_DETAIL_CHARS = 2_000;

export function appendHistory(cell: unknown, events: HistoryEvent[]): string {
  const cut = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
  const short = events.map((e) => ({
    ...e,
    ...(e.detail ? { detail: cut(e.detail, HISTORY_DETAIL_CHARS) } : {}),
    ...(e.changes ? { changes: e.changes.map((c) => ({ field: c.field, from: cut(c.from, 500), to: cut(c.to, 500) })) } : {}),
  }));
  const all = [...parseHistory(cell), ...short];
  let text = JSON.stringify(all);
  while (text.length > HISTORY_LIMIT && all.length > 1) {
    all.shift();
    text = JSON.stringify(all);
  }
  return text;
}

/** What the inbox needs of a case, packed in one cell so opening the inbox reads one column. */
export interface IndexEntry {
  code: string;
  receivedDay: CivilDay;
  receivedAt: number;
  channel: string;
  group: string;
  category: string;
  suggestedCategory: string;
  status: string;
  dueDay: CivilDay;
  bodyDueDay: CivilDay | null;
  assignedBody: string;
  assignee: string;
  outcome: string;
  hidden: boolean;
  summary: string;
  search: string;
}

export const SUMMARY_CHARS = 140;

export function buildIndex(c: Pick<CaseRecord, 'code' | 'receivedAt' | 'channel' | 'group' | 'category' | 'suggestedCategory' | 'status' | 'dueDate' | 'bodyDueDate' | 'assignedBody' | 'assignee' | 'outcome' | 'hiddenFromPublic' | 'content' | 'location'>): string {
  const summary = c.content.length > SUMMARY_CHARS ? `${c.content.slice(0, SUMMARY_CHARS - 1)}…` : c.content;
  const search = searchableWords(`${c.code} ${c.group} ${c.category || c.suggestedCategory} ${c.location} ${c.content.slice(0, 600)}`).trim();
  return JSON.stringify([
    c.code,
    c.receivedAt.getTime(),
    c.channel,
    c.group,
    c.category,
    c.suggestedCategory,
    c.status,
    vietnamDayOf(c.dueDate),
    c.bodyDueDate instanceof Date ? vietnamDayOf(c.bodyDueDate) : null,
    c.assignedBody,
    c.assignee,
    c.outcome,
    c.hiddenFromPublic ? 1 : 0,
    summary,
    search,
  ]);
}

export function parseIndex(cell: unknown): IndexEntry | null {
  if (typeof cell !== 'string' || !cell.startsWith('[')) return null;
  try {
    const a = JSON.parse(cell) as unknown[];
    const receivedAt = Number(a[1]);
    return {
      code: String(a[0]),
      receivedAt,
      receivedDay: vietnamDayOf(receivedAt),
      channel: String(a[2]),
      group: String(a[3]),
      category: String(a[4]),
      suggestedCategory: String(a[5]),
      status: String(a[6]),
      dueDay: Number(a[7]),
      bodyDueDay: a[8] === null ? null : Number(a[8]),
      assignedBody: String(a[9]),
      assignee: String(a[10]),
      outcome: String(a[11]),
      hidden: a[12] === 1,
      summary: String(a[13]),
      search: String(a[14]),
    };
  } catch {
    return null;
  }
}
