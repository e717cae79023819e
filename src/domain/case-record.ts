/**
 * A case as the cases tab holds it, with its history (the last events, for the case view; the
 * audit tab keeps them all) and a one-cell index the inbox reads instead of a dozen columns.
 */
import { formatVietnameseStamp, fromVietnamWallTime, parseDmy, vietnamDayOf, type CivilDay } from './calendar/civil-date';
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
  /** A misuse case's transfer to the ward police: POLICE_TRANSFER's values, '' for none (an older layout reads undefined). */
  policeTransfer?: string;
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

/** "24/11/2026 09:05:07" in Vietnam time. */
export function vietnamStamp(iso: string): string {
  const ms = new Date(iso).getTime();
  return Number.isNaN(ms) ? iso : formatVietnameseStamp(ms);
}

function fromVietnamStamp(stamp: string): string {
  const t = parseDmy(stamp, { withTime: true });
  return t ? fromVietnamWallTime(t).toISOString() : stamp;
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
  /** POLICE_TRANSFER's value, or '' (layout 5 on; parseIndex always sets it). */
  policeTransfer?: string;
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
 * 5: 4's, then whether a misuse case reached the police (the report counts only those transferred).
 */
export const INDEX_VERSION = 5;

export type IndexedFields = Pick<
  CaseRecord,
  'code' | 'receivedAt' | 'channel' | 'group' | 'category' | 'suggestedCategory' | 'status' | 'dueDate' | 'bodyDueDate' | 'assignedBody' | 'assignee' | 'outcome' | 'hiddenFromPublic' | 'content' | 'location' | 'answeredAt' | 'answerSentAt' | 'confidential' | 'complexity' | 'hasEmail' | 'hasPhone' | 'answerMethod'
> & Partial<Pick<CaseRecord, 'rating' | 'policeTransfer'>>;

/** The entry's fields that are stored in the cell (receivedDay is derived from receivedAt). */
type StoredKey = Exclude<keyof IndexEntry, 'receivedDay'>;

/**
 * One position of the cell: the entry field it holds, the layout that added it, how it is
 * written from the case, read back from JSON, and what an older cell without it reads as.
 */
interface IndexField<K extends StoredKey = StoredKey> {
  name: K;
  since: number;
  write: (c: IndexedFields) => unknown;
  read: (x: unknown) => IndexEntry[K];
  absent?: IndexEntry[K];
}

const field = <K extends StoredKey>(f: IndexField<K>): IndexField => f;
const str = (x: unknown) => String(x);
const strOr = (x: unknown) => String(x ?? '');
const flag = (b: boolean) => (b ? 1 : 0);
const isOne = (x: unknown) => x === 1;
const time = (d: Date | '' | undefined) => (d instanceof Date ? d.getTime() : null);
const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

/**
 * The one field list of the index cell, in cell order: a layout version's cell holds the fields
 * with `since` ≤ that version, in this order (after the version number, from v2 on). Adding a
 * field = appending it here with the new INDEX_VERSION as its `since` (never inserting: `since`
 * never decreases along the list); reading and writing every layout follows from this list.
 */
export const INDEX_FIELDS: ReadonlyArray<IndexField> = [
  field({ name: 'code', since: 1, write: (c) => c.code, read: str }),
  field({ name: 'receivedAt', since: 1, write: (c) => c.receivedAt.getTime(), read: (x) => Number(x) }),
  field({ name: 'channel', since: 1, write: (c) => c.channel, read: str }),
  field({ name: 'group', since: 1, write: (c) => c.group, read: str }),
  field({ name: 'category', since: 1, write: (c) => c.category, read: str }),
  field({ name: 'suggestedCategory', since: 1, write: (c) => c.suggestedCategory, read: str }),
  field({ name: 'status', since: 1, write: (c) => c.status, read: str }),
  field({ name: 'dueDay', since: 1, write: (c) => vietnamDayOf(c.dueDate), read: (x) => Number(x) }),
  field({ name: 'bodyDueDay', since: 1, write: (c) => (c.bodyDueDate instanceof Date ? vietnamDayOf(c.bodyDueDate) : null), read: (x) => (x === null ? null : Number(x)) }),
  field({ name: 'assignedBody', since: 1, write: (c) => c.assignedBody, read: str }),
  field({ name: 'assignee', since: 1, write: (c) => c.assignee, read: str }),
  field({ name: 'outcome', since: 1, write: (c) => c.outcome, read: str }),
  field({ name: 'hidden', since: 1, write: (c) => flag(c.hiddenFromPublic), read: isOne }),
  field({ name: 'summary', since: 1, write: (c) => (c.content.length > SUMMARY_CHARS ? `${c.content.slice(0, SUMMARY_CHARS - 1)}…` : c.content), read: str }),
  field({ name: 'search', since: 1, write: (c) => searchableWords(`${c.code} ${c.group} ${c.category || c.suggestedCategory} ${c.location} ${c.content.slice(0, 600)}`).trim(), read: str }),
  field({ name: 'answeredAt', since: 2, write: (c) => time(c.answeredAt), read: num, absent: null }),
  field({ name: 'answerSentAt', since: 2, write: (c) => time(c.answerSentAt), read: num, absent: null }),
  field({ name: 'confidential', since: 2, write: (c) => flag(c.confidential), read: isOne, absent: false }),
  field({ name: 'complexity', since: 2, write: (c) => c.complexity ?? '', read: strOr, absent: '' }),
  field({ name: 'hasEmail', since: 3, write: (c) => flag(c.hasEmail), read: isOne, absent: false }),
  field({ name: 'hasPhone', since: 3, write: (c) => flag(c.hasPhone), read: isOne, absent: false }),
  field({ name: 'answerMethod', since: 3, write: (c) => c.answerMethod ?? '', read: strOr, absent: '' }),
  field({ name: 'rating', since: 4, write: (c) => (typeof c.rating === 'number' ? c.rating : null), read: (x) => (typeof x === 'number' ? x : null), absent: null }),
  field({ name: 'policeTransfer', since: 5, write: (c) => c.policeTransfer ?? '', read: strOr, absent: '' }),
];

/** The fields a layout version holds, in cell order. */
export function indexLayout(version: number): IndexField[] {
  return INDEX_FIELDS.filter((f) => f.since <= version);
}

/** The index cell of a case, in the current layout (an older one only to test that it is still read). */
export function buildIndex(c: IndexedFields, version = INDEX_VERSION): string {
  const values = indexLayout(version).map((f) => f.write(c));
  return JSON.stringify(version === 1 ? values : [version, ...values]);
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
    const values = version === 1 ? all : all.slice(1);
    const entry: Record<string, unknown> = {};
    // Fields only ever get appended, so a field sits at its place in INDEX_FIELDS in every layout that has it.
    INDEX_FIELDS.forEach((f, i) => {
      entry[f.name] = f.since <= version ? f.read(values[i]) : f.absent;
    });
    entry.receivedDay = vietnamDayOf(entry.receivedAt as number);
    return entry as unknown as IndexEntry;
  } catch {
    return null;
  }
}
