/**
 * Writing records to a managed tab in as few Spreadsheet calls as possible:
 * one record → appendRow (1 call) into rows setup has already formatted as plain text;
 * many records → one getRange + setNumberFormats + setValues after the last row.
 */
import type { ColumnSpec } from './schema';
import { encodeRow, rowFormats, type TabMap } from './table';

/** Rows kept formatted ahead of the data, so a single appendRow never lands in an unformatted row. */
export const HEADROOM_ROWS = 500;

export function appendRecord(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabMap, record: Record<string, unknown>): void {
  sheet.appendRow(encodeRow(tab, record));
}

/** Appends rows of raw values (e.g. long-text rows wider than the schema). */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabMap, columns: ReadonlyArray<ColumnSpec>, rows: unknown[][]): number {
  if (rows.length === 0) return 0;
  const width = Math.max(tab.width, ...rows.map((r) => r.length));
  const padded = rows.map((r) => (r.length < width ? r.concat(new Array(width - r.length).fill('')) : r));
  const first = sheet.getLastRow() + 1;
  const needed = first + rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed + HEADROOM_ROWS);
  const range = sheet.getRange(first, 1, rows.length, width);
  const formats = rowFormats(tab, columns, width);
  range.setNumberFormats(padded.map(() => formats));
  range.setValues(padded);
  return first;
}

export function appendRecords(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabMap, columns: ReadonlyArray<ColumnSpec>, records: Array<Record<string, unknown>>): number {
  return appendRows(
    sheet,
    tab,
    columns,
    records.map((r) => encodeRow(tab, r)),
  );
}
