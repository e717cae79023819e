/**
 * Rows by schema key: a tab's header row tells where each column is, so code never relies on a
 * column's position, and an older layout (other order, missing columns) still reads right.
 */
import { a1Block } from './a1';
import { NUMBER_FORMAT, type ColumnSpec, type TabSpec } from './schema';

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

// ---- the table object: the one way services touch a managed tab ---------------------------

/** A tab's columns where a fresh setup puts them (the schema's order). */
export function defaultLayout(spec: TabSpec): TabMap {
  const columns: ColumnMap = {};
  spec.columns.forEach((c, i) => (columns[c.key] = i + 1));
  return { name: spec.name, columns, width: spec.columns.length };
}

/** Rows kept formatted ahead of the data, so a single appendRow never lands in an unformatted row. */
export const HEADROOM_ROWS = 500;

export type Patch<K extends string> = Partial<Record<K, unknown>>;

/** One data row as read, and the way to write it back. */
export interface TableRow<K extends string> {
  /** Its sheet row number (the header is row 1). */
  row: number;
  values: Record<K, unknown>;
  /** The whole row replaced by `record` laid out by the tab (what it lacks becomes empty): one call, through the Range read. */
  write(record: Patch<K>): void;
}

/**
 * One managed tab, its columns found by header (the layout setup read from the header row and
 * stored in the schema state), so a column a person moved or an older layout still reads and
 * writes right. Reads are one block over the columns asked for, never a row at a time; the
 * tab's name and its A1 quoting live in one place (tabs.ts, a1.ts).
 */
export class Table<K extends string = string> {
  private sheetObject: GoogleAppsScript.Spreadsheet.Sheet | null = null;

  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly spec: TabSpec<K>,
    readonly layout: TabMap,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  /** Whether this tab's layout has the column (an older layout may lack one until setup adds it). */
  has(key: K): boolean {
    return this.layout.columns[key] !== undefined;
  }

  /** The column's position (1-based) in this tab's layout. */
  column(key: K): number {
    const at = this.layout.columns[key];
    if (at === undefined) throw new Error(`Tab "${this.name}" has no column "${key}": run setup.`);
    return at;
  }

  /** The Sheet (one getSheetByName, once per table object). */
  sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const s = this.sheetIfAny();
    if (!s) throw new Error(`Thiếu tab "${this.name}": hãy chạy "Thiết lập hòm thư".`);
    return s;
  }

  /** The Sheet, or null when the tab is missing. */
  sheetIfAny(): GoogleAppsScript.Spreadsheet.Sheet | null {
    if (!this.sheetObject) this.sheetObject = this.ss.getSheetByName(this.name);
    return this.sheetObject;
  }

  /**
   * `keys` (default: every column) of every data row: one block from the leftmost to the
   * rightmost column asked for, open-ended below — 2 Spreadsheet calls (getRange, getValues)
   * whatever the number of rows. Blank rows at the end are dropped; element i is sheet row i + 2.
   * A column this layout lacks reads as undefined; none at all reads nothing.
   * `through`: read rows 2..through instead (the caller knows the last row, e.g. from
   * getLastRow), blank ones at the end included; `first`: from that row instead of row 2 (a
   * known stretch of the tab, e.g. the outbox's rows still to send).
   */
  rows<P extends K = K>(keys?: readonly P[], through?: number, first = 2): Array<Record<P, unknown> & { row: number }> {
    const wanted = (keys ?? (Object.keys(this.layout.columns) as P[])).filter((k) => this.has(k));
    const cols = wanted.map((k) => this.layout.columns[k]);
    if (cols.length === 0 || (through !== undefined && through < first)) return [];
    const from = Math.min(...cols);
    const values = this.ss.getRange(a1Block(this.name, first, from, Math.max(...cols), through ?? null)).getValues();
    let end = values.length;
    if (through === undefined) while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end -= 1;
    const out: Array<Record<P, unknown> & { row: number }> = [];
    for (let i = 0; i < end; i++) {
      const r = { row: i + first } as Record<P, unknown> & { row: number };
      for (const k of wanted) (r as Record<string, unknown>)[k] = values[i][this.layout.columns[k] - from];
      out.push(r);
    }
    return out;
  }

  /**
   * For a tab whose layout the schema state does not hold (the staff tab, the admin's own): the
   * header row and the data rows in one open-ended block of the first `span` columns (2 calls),
   * each column found by its header in that row — so one moved, or a column the admin put in
   * front, still reads right. A column the header lacks reads as undefined (or, with
   * 'usualPlace', from its column in a fresh tab); blank rows at the end are dropped; element i
   * is sheet row i + 2.
   */
  rowsByHeader(span = this.spec.columns.length + 3, headerLost: 'undefined' | 'usualPlace' = 'undefined'): Array<Record<K, unknown> & { row: number }> {
    const [header = [], ...values] = this.ss.getRange(a1Block(this.name, 1, 1, span, null)).getValues();
    const { map } = readHeader(header, this.spec.columns);
    // 'usualPlace': a column whose header was retyped by hand is read where a fresh tab has it.
    if (headerLost === 'usualPlace') this.spec.columns.forEach((c, i) => (map[c.key] ??= i + 1));
    let end = values.length;
    while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end -= 1;
    return values.slice(0, end).map((v, i) => {
      const r = { row: i + 2 } as Record<K, unknown> & { row: number };
      for (const c of this.spec.columns) (r as Record<string, unknown>)[c.key] = map[c.key] ? v[map[c.key] - 1] : undefined;
      return r;
    });
  }

  /** Row `n` whole (getRange + getValues), with the way to write it back (setValues on the same Range). */
  row(n: number): TableRow<K> {
    const range = this.ss.getRange(a1Block(this.name, n, 1, this.layout.width, n));
    const values = decodeRow(this.layout, range.getValues()[0]) as Record<K, unknown>;
    return { row: n, values, write: (record) => void range.setValues([encodeRow(this.layout, record)]) };
  }

  /** Records as rows laid out by this tab. */
  encode(records: ReadonlyArray<Patch<K>>): unknown[][] {
    return records.map((r) => encodeRow(this.layout, r));
  }

  /**
   * Appends records after the last row. 'rows': one appendRow each (getSheetByName + 1 call a
   * record) into the rows setup keeps formatted; 'batch': getLastRow, getMaxRows, getRange,
   * setNumberFormats, setValues whatever the count. By default a batch from three records on.
   */
  append(records: ReadonlyArray<Patch<K>>, how?: 'rows' | 'batch'): void {
    this.appendValues(this.encode(records), how);
  }

  /** Appends rows of raw values (e.g. long-text rows, wider than the schema), as `append` does. */
  appendValues(rows: unknown[][], how: 'rows' | 'batch' = rows.length <= 2 ? 'rows' : 'batch'): void {
    if (rows.length === 0) return;
    const sheet = this.sheet();
    if (how === 'rows') {
      for (const r of rows) sheet.appendRow(r);
      return;
    }
    const width = Math.max(this.layout.width, ...rows.map((r) => r.length));
    const padded = rows.map((r) => (r.length < width ? r.concat(new Array(width - r.length).fill('')) : r));
    const first = sheet.getLastRow() + 1;
    const needed = first + rows.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed + HEADROOM_ROWS);
    const range = sheet.getRange(first, 1, rows.length, width);
    // Formats set with the values: text stays text even in rows setup never formatted.
    const formats = rowFormats(this.layout, this.spec.columns, width);
    range.setNumberFormats(padded.map(() => formats));
    range.setValues(padded);
  }

  /** The cells of `patch` in row `n` (see updateRows). */
  update(n: number, patch: Patch<K>): void {
    this.updateRows(n, [patch]);
  }

  /**
   * Cells of consecutive rows from row `first`, one patch a row: only the columns the patches
   * name are written, each run of adjacent columns in one getRange + setValues (one run in a
   * fresh layout for columns that sit together), whatever the number of rows. A key one patch
   * lacks is written empty in its row.
   */
  updateRows(first: number, patches: ReadonlyArray<Patch<K>>): void {
    if (patches.length === 0) return;
    const keys = new Set<K>();
    for (const p of patches) for (const k of Object.keys(p) as K[]) if (this.has(k)) keys.add(k);
    const byColumn = new Map<number, K>();
    for (const k of keys) byColumn.set(this.layout.columns[k], k);
    const cols = [...byColumn.keys()].sort((a, b) => a - b);
    const last = first + patches.length - 1;
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j += 1;
      const run = cols.slice(i, j + 1).map((c) => byColumn.get(c)!);
      const values = patches.map((p) => run.map((k) => p[k] ?? ''));
      this.ss.getRange(a1Block(this.name, first, cols[i], cols[j], last)).setValues(values);
      i = j + 1;
    }
  }
}
