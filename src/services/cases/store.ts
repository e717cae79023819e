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
import type { Runtime } from '../platform/runtime';
import type { TableRow } from '../platform/sheets/table';
import { UserError } from '../platform/errors';
import { ARCHIVE } from '../../i18n/archive';
import { archivedRowOf } from './archive';

export interface IndexedEntry extends IndexEntry {
  row: number;
}

/** Every case's index entry with its row: 2 Spreadsheet calls whatever the number of cases. */
export function readIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): IndexedEntry[] {
  const out: IndexedEntry[] = [];
  for (const r of rt.table('cases', ss).rows(['index'])) {
    const entry = parseIndex(r.index);
    if (entry) out.push({ ...entry, row: r.row });
  }
  return out;
}

const BOOLEAN_KEYS: Array<keyof CaseRecord> = ['groupKnown', 'confidential', 'hasEmail', 'hasPhone', 'answerPublic', 'hiddenFromPublic'];
const DATE_KEYS: Array<keyof CaseRecord> = ['receivedAt', 'dueDate', 'bodyDueDate', 'answeredAt', 'answerSentAt', 'closedAt', 'updatedAt', 'ratedAt'];

/** A case's cells as read (by column key) → the case record, typed; only the keys given. */
export function decodeCase(raw: Partial<Record<CaseColumnKey, unknown>>): CaseRecord {
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
  /** The row as read, and the way to write it back. */
  cells: TableRow<CaseColumnKey>;
  record: CaseRecord;
  /** The year of the archive tab the row is in (read-only); absent for the cases tab. */
  archived?: number;
}

/**
 * A case that moved to its year's archive tab (services/jobs/archive): read-only. readCase throws
 * it, so whoever tries to change the case — a sidebar holding an old view, a resident's rating —
 * gets its Vietnamese message; a reader catches it for the case (readCaseAnywhere).
 */
export class ArchivedCase extends UserError {
  constructor(readonly at: CaseRow) {
    super(ARCHIVE.readOnly(at.record.code, at.archived!));
    this.name = 'ArchivedCase';
  }
}

/** The archived row of a code, decoded (null when the code is in no archive tab). */
function fromArchive(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: string, evenly = false): CaseRow | null {
  const found = archivedRowOf(ss, rt, code, evenly);
  return found ? { row: found.row, cells: found.cells, record: decodeCase(found.cells.values), archived: found.year } : null;
}

/** A case no longer in the cases tab but in an archive tab is refused as archived; else null. */
function refuseArchived(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: string): null {
  const at = fromArchive(ss, rt, code);
  if (at) throw new ArchivedCase(at);
  return null;
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
    const cells = rt.table('cases', ss).row(rowHint);
    const record = decodeCase(cells.values);
    if (record.code === typed || record.code === want) return { row: rowHint, cells, record };
  }
  return rowOfEntry(ss, rt, entryOf(readIndex(ss, rt), typed, want)) ?? refuseArchived(ss, rt, want);
}

/** A case to read, wherever it is: the cases tab, or its year's archive tab (`archived` set). */
export function readCaseAnywhere(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: unknown, rowHint?: number): CaseRow | null {
  try {
    return readCase(ss, rt, code, rowHint);
  } catch (e) {
    if (e instanceof ArchivedCase) return e.at;
    throw e;
  }
}

/**
 * The row of an index entry. `evenly`: the same calls when there is no entry (the first row is
 * read instead), so a lookup's cost says nothing about whether the code is a case.
 */
function rowOfEntry(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, found: IndexedEntry | undefined, evenly = false): CaseRow | null {
  if (!found && !evenly) return null;
  const cells = rt.table('cases', ss).row(found ? found.row : 2);
  if (!found) return null;
  const record = decodeCase(cells.values);
  // Read without the document lock (the lookup), rows may have moved in between: never another case.
  return record.code === found.code ? { row: found.row, cells, record } : null;
}

/**
 * The lookup's read of a case: the same calls whether the code is a case or not — the index, then
 * one row (the case's, or the first row) — so a wrong key's cost says nothing about the code.
 */
export function readCaseEvenly(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: string): CaseRow | null {
  const want = canonicalCode(code);
  const current = rowOfEntry(ss, rt, want ? entryOf(readIndex(ss, rt), code, want) : undefined, true);
  // The archive of the code's year is read either way: the cost tells the year (the code shows it), never whether the case exists.
  const archived = want ? fromArchive(ss, rt, want, true) : null;
  return current ?? archived;
}

/**
 * The one place the inbox index is built: every case row written goes through here (actions)
 * or through filing's writesFor, which calls this too.
 */
export function withIndex<T extends CaseRecord>(record: T): T {
  return { ...record, index: buildIndex(record) };
}

/**
 * The whole row written back through the Range it was read with: one call. `pending`: what the
 * change still owes (cases/actions), or, when not given, what the row already held — a row is
 * never written without the debt it carries.
 */
export function writeCaseRow(at: CaseRow, record: CaseRecord, pending: string = debtOf(at)): void {
  at.cells.write({ ...(withIndex(record) as unknown as Record<CaseColumnKey, unknown>), pending });
  at.cells.values.pending = pending;
}

/** What a case row still owes (cases/actions), '' for nothing. */
export function debtOf(at: CaseRow): string {
  return String(at.cells.values.pending ?? '');
}

/**
 * Some columns of every case (reports, publication, lookup), decoded like a whole case row:
 * one block from the leftmost to the rightmost column asked for, read at once.
 */
export function readCaseColumns<K extends CaseColumnKey>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, keys: K[]): Array<Pick<CaseRecord, K & keyof CaseRecord> & { row: number }> {
  return rt
    .table('cases', ss)
    .rows(keys)
    .map((cells) => {
      // A column an older layout lacks is left out, as it always was.
      const raw: Partial<Record<CaseColumnKey, unknown>> = {};
      for (const k of keys) if (k in cells) raw[k] = cells[k];
      return { ...(decodeCase(raw) as unknown as Record<string, unknown>), row: cells.row } as Pick<CaseRecord, K & keyof CaseRecord> & { row: number };
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
  const table = rt.table('cases', ss);
  const sheet = table.sheetIfAny();
  if (!sheet) return 0;
  // Through the sheet's last row: a row typed in at the end without an index cell counts too.
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const index = table.rows(['index'], last);
  const current = (cell: unknown) => indexVersion(cell) === INDEX_VERSION;
  if (index.every((r) => current(r.index))) return 0;
  const rows = table.rows(undefined, last);
  let filled = 0;
  let restated = 0;
  const statuses = rows.map((r) => ({ status: r.status }));
  const next = rows.map((r, i) => {
    if (current(index[i].index) || String(r.code ?? '') === '') return { index: index[i].index };
    filled += 1;
    const { row: _row, ...cells } = r;
    const c = decodeCase(cells);
    // Index layouts before 3 set "Đã trả lời" when an answer was written; an answer that never
    // reached the resident is a draft (or approved): the status says so from now on.
    const real = STATUS[statusOf(c)];
    if (real !== c.status) {
      statuses[i] = { status: real };
      restated += 1;
    }
    return { index: buildIndex({ ...c, status: real }) };
  });
  if (restated) table.updateRows(2, statuses);
  if (filled) table.updateRows(2, next);
  return filled;
}
