/**
 * Rows by schema key: a tab's header row tells where each column is, so code never relies on a
 * column's position, and an older layout (other order, missing columns) still reads right.
 */
import { NUMBER_FORMAT, type ColumnSpec } from './schema';

export type ColumnMap = Record<string, number>;

export interface TabMap {
  name: string;
  columns: ColumnMap;
  width: number;
}

const norm = (v: unknown): string => String(v ?? '').trim().toLowerCase();

/** Where each column of `columns` is in `header` (1-based), and which are missing. */
export function readHeader(header: unknown[], columns: ReadonlyArray<ColumnSpec>): { map: ColumnMap; missing: ColumnSpec[] } {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = norm(h);
    if (key && !index.has(key)) index.set(key, i + 1);
  });
  const map: ColumnMap = {};
  const missing: ColumnSpec[] = [];
  for (const c of columns) {
    const at = [c.header, ...(c.aliases ?? [])].map((h) => index.get(norm(h))).find((x) => x !== undefined);
    if (at === undefined) missing.push(c);
    else map[c.key] = at;
  }
  return { map, missing };
}

/** A record as one sheet row laid out by `tab`; columns the record lacks stay empty. */
export function encodeRow(tab: TabMap, record: Record<string, unknown>): unknown[] {
  const row: unknown[] = new Array(tab.width).fill('');
  for (const [key, col] of Object.entries(tab.columns)) {
    const v = record[key];
    if (v !== undefined && v !== null) row[col - 1] = v;
  }
  return row;
}

export function decodeRow(tab: TabMap, row: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(tab.columns)) out[key] = row[col - 1];
  return out;
}

/** Number formats of a tab row, per column kind; columns outside the schema are plain text. */
export function rowFormats(tab: TabMap, columns: ReadonlyArray<ColumnSpec>, width = tab.width): string[] {
  const formats = new Array(width).fill(NUMBER_FORMAT.text);
  for (const c of columns) if (tab.columns[c.key]) formats[tab.columns[c.key] - 1] = NUMBER_FORMAT[c.kind];
  return formats;
}
