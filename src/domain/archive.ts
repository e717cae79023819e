/**
 * Years of cases (issue 19, item 4): which cases leave the cases tab for their year's archive tab,
 * and what the archive's bookkeeping says. Pure: no Apps Script here.
 *
 * A case moves when it is over and done with: received before 1 January of the current year
 * (Vietnam time), closed ("Đã đóng") at least ARCHIVE_GRACE_DAYS ago, no mail of it still on its
 * way (the answer's or the police's), no outbox report waiting to be written to its row, and no
 * linked case still open (a follow-up or a duplicate's original being worked on). An archived
 * case is read-only everywhere — it can be read, looked up, reported on, never changed — so a case
 * just closed keeps its grace period in the cases tab, where it can still be reopened, rated or
 * followed up.
 *
 * A case goes to the tab of its code's year ("Lưu trữ 2025" for GY-2025-…): a lookup knows the
 * tab from the code alone. A paper slip's code carries the year it was printed, which may be the
 * year before it was received; the archive's ledger keeps each tab's span of dates, so a report or
 * the board reads the tabs that span its period, whatever their year.
 */
import { vietnamDayOf, vietnamWallTime, vietnamYear, type CivilDay } from './calendar/civil-date';
import { parseCode } from './case-code';
import { buildIndex, parseIndex, type CaseRecord, type IndexedFields } from './case-record';
import { isLowRating, POLICE_TRANSFER } from './case';
import { statusOf } from './lifecycle';
import { answerMailWaiting } from './lifecycle/deliver';

/** Days a closed case stays in the cases tab after closing (reopen, rating, follow-up), however old. */
export const ARCHIVE_GRACE_DAYS = 30;

/**
 * The hourly job moves cases only at night, Vietnam time (22:00–04:59): the move holds the
 * document lock while it reads and rewrites the cases tab — seconds for a ward's year, minutes
 * for a first move of 100,000 cases — and nobody is at work then to wait for it.
 */
export const ARCHIVE_NIGHT = { from: 22, until: 5 } as const;
export function isArchiveHour(now: Date): boolean {
  const { hour } = vietnamWallTime(now);
  return hour >= ARCHIVE_NIGHT.from || hour < ARCHIVE_NIGHT.until;
}

/** The month an automatic move is recorded under: "2027-02" in Vietnam time. */
export function archiveMonthOf(now: Date): string {
  const { year, month } = vietnamWallTime(now);
  return `${year}-${String(month).padStart(2, '0')}`;
}
const DAY_MS = 86_400_000;

/** The archive tab of a year: "Lưu trữ 2025". */
export const ARCHIVE_TAB_PREFIX = 'Lưu trữ ';
export function archiveTabName(year: number): string {
  return `${ARCHIVE_TAB_PREFIX}${year}`;
}

/** The year an archive tab is for, or null when the name is no archive tab's. */
export function archiveYearOfTab(name: string): number | null {
  if (!name.startsWith(ARCHIVE_TAB_PREFIX)) return null;
  const rest = name.slice(ARCHIVE_TAB_PREFIX.length);
  return /^\d{4}$/.test(rest) ? Number(rest) : null;
}

/** The year whose archive tab holds (or would hold) the case of this code, or null for what is no code. */
export function archiveYearOf(code: unknown): number | null {
  return parseCode(code)?.year ?? null;
}

type Facts = Pick<CaseRecord, 'code' | 'receivedAt' | 'status' | 'closedAt' | 'linkedCases'> &
  Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy' | 'answerMethod' | 'rating' | 'policeTransfer'>>;

/** Why a case of a past year stays in the cases tab ('' when it may move). */
export type StayReason = '' | 'recent' | 'notClosed' | 'grace' | 'mailOnItsWay' | 'lowRatedOpen' | 'linkedOpen' | 'noCode';

export interface ArchiveContext {
  now: Date;
  /** Codes with a mail not yet settled (waiting or uncertain in the outbox, or a report to apply). */
  mailPending: ReadonlySet<string>;
  /** Codes of the cases in the cases tab that are not closed (a linked case among them keeps this one). */
  openCodes: ReadonlySet<string>;
}

/** The codes a "Ý kiến liên quan" cell lists. */
export function linkedCodesOf(cell: unknown): string[] {
  return String(cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether (and why not) a case may move to its year's archive now. */
export function stayReason(c: Facts, ctx: ArchiveContext): StayReason {
  if (archiveYearOf(c.code) === null) return 'noCode';
  if (!(c.receivedAt instanceof Date) || vietnamYear(c.receivedAt) >= vietnamYear(ctx.now)) return 'recent';
  const status = statusOf(c);
  if (status !== 'closed') return isLowRating(c.rating) ? 'lowRatedOpen' : 'notClosed';
  if (!(c.closedAt instanceof Date) || ctx.now.getTime() - c.closedAt.getTime() < ARCHIVE_GRACE_DAYS * DAY_MS) return 'grace';
  if (ctx.mailPending.has(c.code) || answerMailWaiting(c) || c.policeTransfer === POLICE_TRANSFER.waiting) return 'mailOnItsWay';
  if (linkedCodesOf(c.linkedCases).some((code) => code !== c.code && ctx.openCodes.has(code))) return 'linkedOpen';
  return '';
}

export function mayArchive(c: Facts, ctx: ArchiveContext): boolean {
  return stayReason(c, ctx) === '';
}

/**
 * What the document properties keep of one archive tab: how many cases it holds, the span of
 * their dates (epoch ms) — `first` the earliest receipt, `last` the latest receipt, answer, rating
 * or close — so a reader of a period opens only the tabs that can hold a case of it, and which
 * of the ledger's layouts (column keys in order) the tab was made with.
 */
export interface ArchiveTabFacts {
  rows: number;
  first: number;
  last: number;
  layout: number;
}

/**
 * Year → its tab's facts; `layouts`: the column orders tabs were made with (one while the schema
 * stays as it is); `earliest`: the index cell of the earliest case received of all archived.
 */
export interface ArchiveLedger {
  tabs: Record<string, ArchiveTabFacts>;
  layouts: string[][];
  earliest?: string;
}

export const EMPTY_LEDGER: ArchiveLedger = { tabs: {}, layouts: [] };

export function parseLedger(value: unknown): ArchiveLedger {
  const v = (value ?? {}) as Partial<ArchiveLedger>;
  const layouts = Array.isArray(v.layouts) ? v.layouts.filter(Array.isArray).map((l) => l.map(String)) : [];
  const tabs: Record<string, ArchiveTabFacts> = {};
  for (const [year, f] of Object.entries(v.tabs ?? {})) {
    if (!/^\d{4}$/.test(year) || !f) continue;
    tabs[year] = { rows: Number(f.rows) || 0, first: Number(f.first) || 0, last: Number(f.last) || 0, layout: Number(f.layout) || 0 };
  }
  return { tabs, layouts, ...(typeof v.earliest === 'string' ? { earliest: v.earliest } : {}) };
}

/** The column keys a year's tab was made with, or null when the ledger does not know the tab. */
export function tabColumns(ledger: ArchiveLedger, year: number): string[] | null {
  const t = ledger.tabs[String(year)];
  return t ? (ledger.layouts[t.layout] ?? null) : null;
}

/** The archive years, oldest first. */
export function ledgerYears(ledger: ArchiveLedger): number[] {
  return Object.keys(ledger.tabs)
    .map(Number)
    .sort((a, b) => a - b);
}

const time = (d: unknown): number | null => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.getTime() : null);

type Dated = Pick<CaseRecord, 'receivedAt'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'answeredAt' | 'closedAt' | 'ratedAt'>>;

/** The span of a tab's cases' dates. */
export function spanOf(cases: ReadonlyArray<Dated>): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const c of cases) {
    const received = time(c.receivedAt);
    if (received === null) continue;
    first = Math.min(first, received);
    for (const t of [received, time(c.answerSentAt), time(c.answeredAt), time(c.closedAt), time(c.ratedAt)]) if (t !== null) last = Math.max(last, t);
  }
  return Number.isFinite(first) ? { first, last } : null;
}

/**
 * The ledger after a year's tab was written: its facts as counted from the tab itself (its rows
 * after the run, the span of its dates merged with what it held), its layout (a new tab's is
 * `columns`), and the earliest archived case kept.
 */
export function ledgerAfter(before: ArchiveLedger, year: number, rows: number, span: { first: number; last: number } | null, columns: string[], earliest?: IndexedFields): ArchiveLedger {
  const old = before.tabs[String(year)];
  const first = Math.min(old?.first || Infinity, span?.first ?? Infinity);
  const last = Math.max(old?.last || -Infinity, span?.last ?? -Infinity);
  const layouts = [...before.layouts];
  let layout = old ? old.layout : layouts.findIndex((l) => l.join('|') === columns.join('|'));
  if (layout < 0) layout = layouts.push(columns) - 1;
  const tabs = { ...before.tabs, [String(year)]: { rows, first: Number.isFinite(first) ? first : 0, last: Number.isFinite(last) ? last : 0, layout } };
  const keep = earliest && (!before.earliest || earliestTime(before.earliest) > earliest.receivedAt.getTime()) ? buildIndex(earliest) : before.earliest;
  return { tabs, layouts, ...(keep ? { earliest: keep } : {}) };
}

function earliestTime(indexCell: string): number {
  return parseIndex(indexCell)?.receivedAt ?? Infinity;
}

/**
 * The archive years a reader of [from, to] (Vietnam days) must open: the tabs whose span of dates
 * (received … last answered, rated or closed) meets it — a report's cohorts by receipt, the board
 * and the publication by the month a case was answered or closed.
 */
export function yearsSpanning(ledger: ArchiveLedger, from: CivilDay, to: CivilDay): number[] {
  return ledgerYears(ledger).filter((year) => {
    const t = ledger.tabs[String(year)];
    return t.rows > 0 && vietnamDayOf(t.first) <= to && vietnamDayOf(t.last) >= from;
  });
}
