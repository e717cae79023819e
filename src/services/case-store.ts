/**
 * Reading and writing cases in the cases tab with as few calls as possible:
 * - the inbox reads one column, the packed index, for every case (getRange + getValues);
 * - a case is one row range, read and written back through the same Range object.
 */
import { parseIndex, type CaseRecord, type IndexEntry } from '../domain/case-record';
import type { Runtime } from './runtime';
import { columnLetter } from './sheets/a1';
import { decodeRow, encodeRow } from './sheets/table';
import { TABS } from './sheets/tabs';

export interface IndexedEntry extends IndexEntry {
  row: number;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Every case's index entry with its row: 2 Spreadsheet calls whatever the number of cases. */
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

const BOOLEAN_KEYS: Array<keyof CaseRecord> = ['groupKnown', 'confidential', 'hasEmail', 'answerPublic', 'hiddenFromPublic'];
const DATE_KEYS: Array<keyof CaseRecord> = ['receivedAt', 'dueDate', 'bodyDueDate', 'answeredAt', 'answerSentAt', 'closedAt', 'updatedAt'];

export function decodeCase(rt: Runtime, row: unknown[]): CaseRecord {
  const raw = decodeRow(rt.schema.tabs.cases, row);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (BOOLEAN_KEYS.includes(k as keyof CaseRecord)) out[k] = v === true;
    else if (DATE_KEYS.includes(k as keyof CaseRecord)) out[k] = v instanceof Date ? v : '';
    else if (k === 'version') out[k] = Number(v) || 1;
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
 * One case by code. `rowHint` (from the inbox) makes it one read; if rows moved, the index is
 * read to find it again.
 */
export function readCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, code: string, rowHint?: number): CaseRow | null {
  const tab = rt.schema.tabs.cases;
  const rangeAt = (row: number) => ss.getRange(`${quoted(TABS.cases.name)}!A${row}:${columnLetter(tab.width)}${row}`);
  if (rowHint && Number.isInteger(rowHint) && rowHint >= 2) {
    const range = rangeAt(rowHint);
    const record = decodeCase(rt, range.getValues()[0]);
    if (record.code === code) return { row: rowHint, range, record };
  }
  const found = readIndex(ss, rt).find((e) => e.code === code);
  if (!found) return null;
  const range = rangeAt(found.row);
  return { row: found.row, range, record: decodeCase(rt, range.getValues()[0]) };
}

export function writeCaseRow(rt: Runtime, at: CaseRow, record: CaseRecord): void {
  at.range.setValues([encodeRow(rt.schema.tabs.cases, record as unknown as Record<string, unknown>)]);
}
