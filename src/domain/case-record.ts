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
  /** The resident left a valid phone number (the number itself stays in "Người gửi"). */
  hasPhone: boolean;
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
  /** When the resident was answered (e-mail queued, call recorded, letter handed over). */
  answerSentAt: Date | '';
  /** How: ANSWER_METHOD's values. */
  answerMethod: string;
  approvedBy: string;
  closedAt: Date | '';
  linkedCases: string;
  hiddenFromPublic: boolean;
  history: string;
  index: string;
  responseKey: string;
  version: number;
  updatedAt: Date;
  /** Which lookup key is valid: 0 the first, n after staff issued a new one n times. */
  lookupVersion?: number;
  /** The resident's rating of the answer (1–5), once; '' until rated. */
  rating?: number | '';
  ratingComment?: string;
  ratedAt?: Date | '';
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

/**
 * How an event is written in the history cell: JSON (a resident's or clerk's words can never
 * break it), with Vietnamese keys and Vietnam wall time, since staff see the cell in the sheet.
 * Cells written before this layout used English keys and ISO times; they are still read, and
 * rewritten in this layout with the next event.
 */
interface StoredEvent {
  'lần': number;
  'lúc': string;
  'người': string;
  'thao tác': string;
  'chi tiết'?: string;
  'thay đổi'?: Array<{ 'trường': string; 'cũ': string; 'mới': string }>;
}

const VN_OFFSET_MS = 7 * 3_600_000; // Việt Nam keeps UTC+7 all year.
const two = (n: number) => String(n).padStart(2, '0');

/** "24/11/2026 09:05:07" in Vietnam time. */
export function vietnamStamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return iso;
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function fromVietnamStamp(stamp: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(stamp);
  return m ? new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5], +m[6]) - VN_OFFSET_MS).toISOString() : stamp;
}

function storeEvent(e: HistoryEvent): StoredEvent {
  return {
    'lần': e.v,
    'lúc': vietnamStamp(e.at),
    'người': e.by,
    'thao tác': e.action,
    ...(e.detail ? { 'chi tiết': e.detail } : {}),
    ...(e.changes?.length ? { 'thay đổi': e.changes.map((c) => ({ 'trường': c.field, 'cũ': c.from, 'mới': c.to })) } : {}),
  };
}

function readEvent(o: unknown): HistoryEvent | null {
  if (!o || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  if ('lần' in r) {
    const s = r as unknown as StoredEvent;
    return {
      v: Number(s['lần']),
      at: fromVietnamStamp(String(s['lúc'] ?? '')),
      by: String(s['người'] ?? ''),
      action: String(s['thao tác'] ?? ''),
      ...(s['chi tiết'] ? { detail: String(s['chi tiết']) } : {}),
      ...(Array.isArray(s['thay đổi']) ? { changes: s['thay đổi'].map((c) => ({ field: String(c['trường']), from: String(c['cũ'] ?? ''), to: String(c['mới'] ?? '') })) } : {}),
    };
  }
  return 'v' in r ? (r as unknown as HistoryEvent) : null;
}

export function parseHistory(cell: unknown): HistoryEvent[] {
  if (typeof cell !== 'string' || cell === '') return [];
  try {
    const parsed = JSON.parse(cell) as unknown;
    return Array.isArray(parsed) ? parsed.map(readEvent).filter((e): e is HistoryEvent => e !== null) : [];
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
  const all = [...parseHistory(cell), ...short].map(storeEvent);
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
  /** Epoch ms, or null (layout 2 on). */
  answeredAt: number | null;
  answerSentAt: number | null;
  confidential: boolean;
  complexity: string;
  /** Layout 3 on: how the resident can be reached (no personal data, only whether) and how they were answered. */
  hasEmail: boolean;
  hasPhone: boolean;
  answerMethod: string;
  /** 1–5, or null (layout 4 on). */
  rating: number | null;
}

export const SUMMARY_CHARS = 140;

/**
 * The index cell's layout version. The cell is a JSON array whose first element is this number;
 * a change of layout bumps it, and every cell of an older layout is rebuilt from its row by the
 * next setup or hourly run (parseIndex reads the older layouts meanwhile). The layouts it reads:
 * 1 (no number in front): code, receivedAt … search.
 * 2: 1's fields, then the answer state (answered, sent) and confidentiality the reports need.
 * 3: 2's, then whether the resident left an e-mail / a phone number, and how they were answered
 *    (the inbox shows who is to be called back).
 * 4: 3's, then the resident's rating of the answer (reports, dashboard).
 */
export const INDEX_VERSION = 4;

export type IndexedFields = Pick<
  CaseRecord,
  'code' | 'receivedAt' | 'channel' | 'group' | 'category' | 'suggestedCategory' | 'status' | 'dueDate' | 'bodyDueDate' | 'assignedBody' | 'assignee' | 'outcome' | 'hiddenFromPublic' | 'content' | 'location' | 'answeredAt' | 'answerSentAt' | 'confidential' | 'complexity' | 'hasEmail' | 'hasPhone' | 'answerMethod'
> & Partial<Pick<CaseRecord, 'rating'>>;

export function buildIndex(c: IndexedFields): string {
  const summary = c.content.length > SUMMARY_CHARS ? `${c.content.slice(0, SUMMARY_CHARS - 1)}…` : c.content;
  const search = searchableWords(`${c.code} ${c.group} ${c.category || c.suggestedCategory} ${c.location} ${c.content.slice(0, 600)}`).trim();
  const time = (d: Date | '' | undefined) => (d instanceof Date ? d.getTime() : null);
  return JSON.stringify([
    INDEX_VERSION,
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
    time(c.answeredAt),
    time(c.answerSentAt),
    c.confidential ? 1 : 0,
    c.complexity ?? '',
    c.hasEmail ? 1 : 0,
    c.hasPhone ? 1 : 0,
    c.answerMethod ?? '',
    typeof c.rating === 'number' ? c.rating : null,
  ]);
}

/** The layout version of an index cell: 1 for the unnumbered first layout, 0 if it is no index at all. */
export function indexVersion(cell: unknown): number {
  if (typeof cell !== 'string' || !cell.startsWith('[')) return 0;
  return /^\[\d+,/.test(cell) ? Number(/^\[(\d+),/.exec(cell)![1]) : /^\["/.test(cell) ? 1 : 0;
}

export function parseIndex(cell: unknown): IndexEntry | null {
  const version = indexVersion(cell);
  if (version === 0 || version > INDEX_VERSION) return null;
  try {
    const all = JSON.parse(cell as string) as unknown[];
    const a = version === 1 ? all : all.slice(1);
    const receivedAt = Number(a[1]);
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
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
      answeredAt: version >= 2 ? num(a[15]) : null,
      answerSentAt: version >= 2 ? num(a[16]) : null,
      confidential: version >= 2 ? a[17] === 1 : false,
      complexity: version >= 2 ? String(a[18] ?? '') : '',
      hasEmail: version >= 3 ? a[19] === 1 : false,
      hasPhone: version >= 3 ? a[20] === 1 : false,
      answerMethod: version >= 3 ? String(a[21] ?? '') : '',
      rating: version >= 4 && typeof a[22] === 'number' ? a[22] : null,
    };
  } catch {
    return null;
  }
}
