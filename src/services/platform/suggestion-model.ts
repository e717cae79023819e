/**
 * What the suggestions learned, kept in the hidden system tab "Gợi ý (hệ thống)" (domain/suggest/
 * ledger: append-only lesson rows, folded into count rows by the hourly job) and carried to every
 * call in the document cache (platform/runtime-cache: the same getAll that brings the runtime,
 * so reading it costs nothing).
 * - A staff decision's lessons ride in its commit (cases/actions): appended in the action's write
 *   batch, no request of their own; a commit completed after a cut-off first reads the ids, so a
 *   lesson is never counted twice.
 * - The hourly job (after finishing cut-off commits, under the same lock) folds the rows into
 *   counts, writes them back in one setValues, and puts the counts in the cache.
 * - A ward set up before the tab existed learns nothing until "Thiết lập hòm thư" adds it.
 */
import { countRows, countsFromText, countsToText, lessonRow, readLedger, COUNTS_ID, type Lesson, type LedgerRow } from '../../domain/suggest/ledger';
import type { Counts } from '../../domain/suggest/model';
import { putCachedSuggestions, SUGGESTION_CACHE_CHARS } from './runtime-cache';
import type { Runtime } from './runtime';

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
  const present = check ? new Set(table.rows(['id']).map((r) => String(r.id ?? ''))) : new Set<string>();
  const at = new Date();
  const rows = lessons.filter((l) => !present.has(l.id)).map((l) => ({ ...lessonRow(l), at }));
  if (rows.length) table.append(rows, 'rows');
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
  if (!learns(rt)) return { rows: 0, folded: 0, skipped: 0, cachedChars: 0, tabChars: 0 };
  const table = rt.table('suggestions', ss);
  const read = table.rows(['id', 'kind', 'data']);
  const rows: LedgerRow[] = read.map((r) => ({ id: String(r.id ?? ''), kind: String(r.kind ?? ''), data: String(r.data ?? '') }));
  const ledger = readLedger(rows);
  const folded = rows.filter((r) => r.id && !r.id.startsWith(COUNTS_ID)).length;
  const counted = countRows(ledger.counts);
  const tabChars = counted.reduce((s, r) => s + r.data.length, 0);
  if (folded > 0 || ledger.skipped > 0) {
    const at = new Date();
    const fresh = counted.map((r) => table.encode([{ ...r, at }])[0]);
    const width = table.layout.width;
    const blank = new Array(width).fill('');
    while (fresh.length < read.length) fresh.push(blank);
    const sheet = table.sheet();
    if (fresh.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), fresh.length + 1 - sheet.getMaxRows());
    if (fresh.length) sheet.getRange(2, 1, fresh.length, width).setValues(fresh);
  }
  return { rows: counted.length, folded, skipped: ledger.skipped, cachedChars: cacheCounts(ledger.counts), tabChars };
}
