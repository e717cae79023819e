/**
 * Reading and writing cases in the cases tab with as few calls as possible:
 * - the inbox reads one column, the packed index, for every case (getRange + getValues);
 * - a case is one row range, read and written back through the same Range object.
 */
import { canonicalCode } from '../../domain/case-code';
import { buildIndex, INDEX_VERSION, indexVersion, parseIndex, type CaseRecord, type IndexEntry } from '../../domain/case-record';
import { STATUS } from '../../domain/case';
import { statusOf } from '../../domain/lifecycle';
import type { CaseColumnKey } from '../platform/sheets/schema';
import { readColumns } from '../platform/sheets/access';
import type { Runtime } from '../platform/runtime';
import { columnLetter } from '../platform/sheets/a1';
import { decodeRow, encodeRow } from '../platform/sheets/table';
import { TABS } from '../platform/sheets/tabs';

export interface IndexedEntry extends IndexEntry {
  row: number;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Every case's index entry with its row: one column read, whatever the number of cases. */
export function readIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): IndexedEntry[] {
  const col = columnLetter(rt.schema.tabs.cases.columns.index);
  const values = ss.getRange(`${quoted(TABS.cases.name)}!${col}2:${col}`).getValues();
  const out: IndexedEntry[] = [];
  values.forEach((v, i) => {
    const entry = parseIndex(v[0]);
    if (entry) out.push({ ...entry, row: i + 2 });
  });
  return out;
}

const BOOLEAN_KEYS: Array<keyof CaseRecord> = ['groupKnown', 'confidential', 'hasEmail', 'hasPhone', 'answerPublic', 'hiddenFromPublic'];
const DATE_KEYS: Array<keyof CaseRecord> = ['receivedAt', 'dueDate', 'bodyDueDate', 'answeredAt', 'answerSentAt', 'closedAt', 'updatedAt', 'ratedAt'];

export function decodeCase(rt: Runtime, row: unknown[]): CaseRecord {
  const raw = decodeRow(rt.schema.tabs.cases, row);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (BOOLEAN_KEYS.includes(k as keyof CaseRecord)) out[k] = v === true;
    else if (DATE_KEYS.includes(k as keyof CaseRecord)) out[k] = v instanceof Date ? v : '';
    else if (k === 'version') out[k] = Number(v) || 1;
    else if (k === 'lookupVersion') out[k] = Number(v) || 0;
    else if (k === 'rating') out[k] = typeof v === 'number' && v >= 1 && v <= 5 ? v : '';
    else out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out as unknown as CaseRecord;
}

export interface CaseRow {
  row: number;
  range: GoogleAppsScript.Spreadsheet.Range;
  record: CaseRecord;
}

/**
 * The index entry of a code: the case stored under the code exactly as given (the inbox passes the
 * stored code, so a row written in another spelling before codes had one form is still its own), or
 * else the first whose code is the same code (canonicalCode). The spelling check runs only on codes
 * that end like the one sought, so reading 100,000 entries stays one pass of string compares.
 */
function entryOf(entries: IndexedEntry[], typed: string, want: string): IndexedEntry | undefined {
  const tail = want.slice(-5);
  let same: IndexedEntry | undefined;
  for (const e of entries) {
    if (e.code === typed) return e;
    if (!same && (e.code === want || (e.code.includes(tail) && canonicalCode(e.code) === want))) same = e;
  }
  return same;
}

function rangeAt(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, row: number): GoogleAppsScript.Spreadsheet.Range {
  return ss.getRange(`${quoted(TABS.cases.name)}!A${row}:${columnLetter(rt.schema.tabs.cases.width)}${row}`);
}

/**
 * One case by code, in any spelling of it (canonicalCode: "GY-2026-P000001" is GY-2026-P00001);
 * null for what is no code. `rowHint` (from the inbox) makes it one read; if rows moved, the index
 * is read to find it again.
 */
export function readCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: unknown, rowHint?: number): CaseRow | null {
  const want = canonicalCode(code);
  if (!want) return null;
  const typed = String(code);
  if (rowHint && Number.isInteger(rowHint) && rowHint >= 2) {
    const range = rangeAt(ss, rt, rowHint);
    const record = decodeCase(rt, range.getValues()[0]);
    if (record.code === typed || record.code === want) return { row: rowHint, range, record };
  }
  return rowOfEntry(ss, rt, entryOf(readIndex(ss, rt), typed, want));
}

/**
 * The row of an index entry. `evenly`: the same calls when there is no entry (the first row is
 * read instead), so a lookup's cost says nothing about whether the code is a case.
 */
function rowOfEntry(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, found: IndexedEntry | undefined, evenly = false): CaseRow | null {
  if (!found && !evenly) return null;
  const range = rangeAt(ss, rt, found ? found.row : 2);
  const values = range.getValues()[0];
  if (!found) return null;
  const record = decodeCase(rt, values);
  // Read without the document lock (the lookup), rows may have moved in between: never another case.
  return record.code === found.code ? { row: found.row, range, record } : null;
}

/**
 * The lookup's read of a case: the same calls whether the code is a case or not — the index, then
 * one row (the case's, or the first row) — so a wrong key's cost says nothing about the code.
 */
export function readCaseEvenly(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: string): CaseRow | null {
  const want = canonicalCode(code);
  return rowOfEntry(ss, rt, want ? entryOf(readIndex(ss, rt), code, want) : undefined, true);
}

/**
 * The one place the inbox index is built: every case row written goes through here (actions)
 * or through filing's writesFor, which calls this too.
 */
export function withIndex<T extends CaseRecord>(record: T): T {
  return { ...record, index: buildIndex(record) };
}

export function writeCaseRow(rt: Runtime, at: CaseRow, record: CaseRecord): void {
  at.range.setValues([encodeRow(rt.schema.tabs.cases, withIndex(record) as unknown as Record<string, unknown>)]);
}

/**
 * Some columns of every case (reports, publication, lookup), decoded like a whole case row:
 * one block from the leftmost to the rightmost column asked for, read at once.
 */
export function readCaseColumns<K extends CaseColumnKey>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, keys: K[]): Array<Pick<CaseRecord, K & keyof CaseRecord> & { row: number }> {
  const tab = rt.schema.tabs.cases;
  const cols = keys.map((k) => tab.columns[k]).filter((c) => c !== undefined);
  if (cols.length === 0) return [];
  const from = Math.min(...cols);
  const block = readColumns(ss, TABS.cases.name, from, Math.max(...cols));
  return block
    .map((values, i) => {
      const row: unknown[] = new Array(tab.width).fill('');
      values.forEach((v, j) => (row[from - 1 + j] = v));
      const full = decodeCase(rt, row) as unknown as Record<string, unknown>;
      const out: Record<string, unknown> = { row: i + 2 };
      for (const k of keys) out[k] = full[k];
      return out as Pick<CaseRecord, K & keyof CaseRecord> & { row: number };
    })
    .filter((r) => (keys.includes('code' as K) ? (r as { code?: string }).code !== '' : true));
}

/**
 * Rows without an index cell (a layout from before the index existed, or a row typed in by hand)
 * would be invisible to the inbox, and cells of an older index layout lack what newer readers
 * need: build them from their rows. Reads the index column; the whole table only if
 * some cell is missing. Returns how many rows were indexed.
 */
export function backfillIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): number {
  const tab = rt.schema.tabs.cases;
  const sheet = ss.getSheetByName(TABS.cases.name);
  if (!sheet) return 0;
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const index = sheet.getRange(2, tab.columns.index, last - 1, 1).getValues();
  const current = (cell: unknown) => indexVersion(cell) === INDEX_VERSION;
  if (index.every((r) => current(r[0]))) return 0;
  const rows = sheet.getRange(2, 1, last - 1, tab.width).getValues();
  let filled = 0;
  let restated = 0;
  const statuses = rows.map((r) => [r[tab.columns.status - 1]]);
  const next = rows.map((r, i) => {
    if (current(index[i][0]) || String(r[tab.columns.code - 1] ?? '') === '') return [index[i][0]];
    filled += 1;
    const c = decodeCase(rt, r);
    // Index layouts before 3 set "Đã trả lời" when an answer was written; an answer that never
    // reached the resident is a draft (or approved): the status says so from now on.
    const real = STATUS[statusOf(c)];
    if (real !== c.status) {
      statuses[i] = [real];
      restated += 1;
    }
    return [buildIndex({ ...c, status: real })];
  });
  if (restated) sheet.getRange(2, tab.columns.status, statuses.length, 1).setValues(statuses);
  if (filled) sheet.getRange(2, tab.columns.index, next.length, 1).setValues(next);
  return filled;
}
