/**
 * What the suggestions learned, kept in the hidden system tab "Gợi ý (hệ thống)" (domain/suggest/
 * ledger: append-only lesson rows, folded into count rows by the hourly job) and carried to every
 * call in the document cache (platform/runtime-cache: the same getAll that brings the runtime,
 * so reading it costs nothing).
 * - A staff decision's lessons ride in its commit (cases/actions): one row appended in the
 *   action's write batch, no request of its own; a commit completed after a cut-off first reads
 *   the ids, so a lesson is never counted twice.
 * - The hourly job (after finishing cut-off commits, under the same lock) folds the rows into
 *   counts, writes them back in one setValues, and puts the counts in the cache.
 * - A ward set up before the tab existed learns nothing until "Thiết lập hòm thư" adds it.
 */
import { countRows, countsFromText, countsToText, lessonRow, readLedger, COUNTS_ID, type Lesson, type LedgerRow } from '../../domain/suggest/ledger';
import type { Counts } from '../../domain/suggest/model';
import { putCachedSuggestions, SUGGESTION_CACHE_CHARS, SUGGESTION_FIRST_KEY } from './runtime-cache';
import type { Runtime } from './runtime';

/** The tab's last row after the last fold (in the cache, beside the counts it put). */
const FOLDED_KEY = 'hts.sg.rows';
/** As long as the cache keeps anything (6 hours): the hourly job puts it again well before. */
const CACHE_SECONDS = 21_600;

/** Has this ward's layout the tab (set up since issue 21)? */
export function learns(rt: Runtime): boolean {
  return Boolean(rt.schema.tabs.suggestions);
}

/** What the ward taught, as the cache holds it (no call: read with the runtime), or null. */
export function taughtCounts(rt: Runtime): Counts | null {
  return countsFromText(rt.store.cachedSuggestions());
}

/**
 * A commit's lessons appended (rows of the action's write batch). `check`: a commit completed
 * after a cut-off — the lessons already in the tab are left out.
 */
export function appendLessons(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, lessons: readonly Lesson[] | undefined, check: boolean): void {
  if (!lessons?.length || !learns(rt)) return;
  const table = rt.table('suggestions', ss);
  const row = lessonRow(lessons);
  if (check && table.rows(['id']).some((r) => String(r.id ?? '') === row.id)) return;
  table.append([{ ...row, at: new Date() }], 'rows');
}

export interface SuggestionsRefresh {
  /** Rows in the tab after the run. */
  rows: number;
  /** Lesson rows folded into counts. */
  folded: number;
  /** Rows skipped because they did not parse (hand edits). */
  skipped: number;
  /** Characters of counts put in the cache (0: not put). */
  cachedChars: number;
  /** Characters of the tab's count rows. */
  tabChars: number;
}

/** The cache's copy: the counts whole, or without the rarest features until it fits. */
function cacheCounts(counts: Counts): number {
  const cache = CacheService.getDocumentCache();
  if (!cache) return 0;
  for (let min = 1; min <= 64; min *= 2) {
    const text = countsToText(counts, min);
    if (text.length <= SUGGESTION_CACHE_CHARS && putCachedSuggestions(cache, text)) return text.length;
  }
  return 0;
}

/**
 * The hourly step, under the document lock, after cut-off commits were completed: lesson rows
 * folded into count rows (one read, one write of the whole tab), then the counts put in the cache.
 */
export function refreshSuggestions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): SuggestionsRefresh {
  const none = { rows: 0, folded: 0, skipped: 0, cachedChars: 0, tabChars: 0 };
  if (!learns(rt)) return none;
  const table = rt.table('suggestions', ss);
  // Nothing appended since the last fold, and the cache still has its copy: no read at all.
  const lastRow = table.sheet().getLastRow();
  if (lastRow < 2) return none;
  const cache = CacheService.getDocumentCache();
  const seen = cache ? cache.getAll([FOLDED_KEY, SUGGESTION_FIRST_KEY]) : {};
  if (seen[SUGGESTION_FIRST_KEY] && Number(seen[FOLDED_KEY]) === lastRow) return { ...none, rows: lastRow - 1 };
  const read = table.rows(['id', 'kind', 'data']);
  const rows: LedgerRow[] = read.map((r) => ({ id: String(r.id ?? ''), kind: String(r.kind ?? ''), data: String(r.data ?? '') }));
  const ledger = readLedger(rows);
  const lessonRows = rows.filter((r) => r.id && !r.id.startsWith(COUNTS_ID)).length;
  const counted = countRows(ledger.counts);
  const tabChars = counted.reduce((s, r) => s + r.data.length, 0);
  if (lessonRows > 0 || ledger.skipped > 0) {
    const at = new Date();
    const fresh = counted.map((r) => table.encode([{ ...r, at }])[0]);
    const width = table.layout.width;
    const blank = new Array(width).fill('');
    while (fresh.length < read.length) fresh.push(blank);
    const sheet = table.sheet();
    if (fresh.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), fresh.length + 1 - sheet.getMaxRows());
    if (fresh.length) sheet.getRange(2, 1, fresh.length, width).setValues(fresh);
  }
  const cachedChars = cacheCounts(ledger.counts);
  if (cache && cachedChars) cache.put(FOLDED_KEY, String(counted.length + 1), CACHE_SECONDS);
  return { rows: counted.length, folded: lessonRows, skipped: ledger.skipped, cachedChars, tabChars };
}
