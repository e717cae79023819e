/**
 * The spreadsheet's state, kept apart from the facades scripts hold. Rows are arrays so a sheet
 * of 100,000 rows stays cheap: reading one column or appending a row never copies the sheet.
 */
import { AppsScriptException } from '../../core/errors';
import type { CellValue } from './values';

export interface FormulaCell {
  formula: string;
  parseError: boolean;
}

export interface CellStyle {
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  note?: string;
  validation?: ValidationData;
}

export interface ValidationData {
  criteria: 'VALUE_IN_LIST' | 'CHECKBOX';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** RANGE protections: the protected cells. */
  rect: GridRect | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  /** SHEET protections: cells left editable. */
  unprotected: GridRect[];
}

/** `count` rows alike: null for rows with no formats, else the row (null for a cell with none). */
type FormatRun = [count: number, row: Array<string | null> | null];

function sameRow(a: ReadonlyArray<string | undefined> | undefined, b: ReadonlyArray<string | undefined> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function formatRuns(rows: Array<Array<string | undefined> | undefined>): FormatRun[] {
  const runs: FormatRun[] = [];
  let previous: Array<string | undefined> | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (i > 0 && sameRow(row, previous)) runs[runs.length - 1][0]++;
    else runs.push([1, row ? Array.from(row, (v) => v ?? null) : null]);
    previous = row;
  }
  return runs;
}

function rowsOfRuns(runs: FormatRun[]): Array<Array<string | undefined> | undefined> {
  const rows: Array<Array<string | undefined> | undefined> = [];
  for (const [count, row] of runs) {
    const shared = row ? (Object.freeze(row.map((v) => v ?? undefined)) as Array<string | undefined>) : undefined;
    for (let k = 0; k < count; k++) rows.push(shared);
  }
  return rows;
}

export class SheetData {
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;
  /** values[r-1][c-1]; a missing row or cell is empty. */
  values: Array<Array<CellValue | undefined> | undefined> = [];
  /** numberFormats[r-1][c-1]. */
  numberFormats: Array<Array<string | undefined> | undefined> = [];
  formulas = new Map<string, FormulaCell>();
  styles = new Map<string, CellStyle>();
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths: Record<number, number> = {};
  tabColor: string | null = null;
  formId: string | null = null;
  formUrl: string | null = null;
  /**
   * Responses tabs: the last row Google Forms wrote a response to (1, the header, before any);
   * Forms writes the next response in the row after it. Clearing cells does not move it back
   * (cleared rows stay blank); deleting or inserting rows moves it with its row. Null elsewhere.
   */
  lastResponseRow: number | null = null;

  constructor(
    public sheetId: number,
    public name: string,
  ) {}

  static key(row: number, column: number): string {
    return `${row}:${column}`;
  }

  cell(row: number, column: number): CellValue | undefined {
    return this.values[row - 1]?.[column - 1];
  }

  format(row: number, column: number): string | undefined {
    return this.numberFormats[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, value: CellValue | undefined): void {
    let r = this.values[row - 1];
    if (!r) {
      if (value === undefined || value === '') return;
      r = this.values[row - 1] = [];
    }
    r[column - 1] = value === '' ? undefined : value;
  }

  setFormat(row: number, column: number, format: string | undefined): void {
    let r = this.numberFormats[row - 1];
    if (!r) {
      if (format === undefined) return;
      r = this.numberFormats[row - 1] = [];
    } else if (Object.isFrozen(r)) {
      r = this.numberFormats[row - 1] = [...r];
    }
    r[column - 1] = format;
  }

  /** Rows shared by restore() are frozen: a row about to change in place gets its own copy first. */
  private ownFormatRows(): void {
    this.numberFormats = this.numberFormats.map((r) => (r && Object.isFrozen(r) ? [...r] : r));
  }

  private rowHasContent(index: number): boolean {
    const r = this.values[index];
    if (r && r.some((v) => v !== undefined && v !== '' && v !== null)) return true;
    return false;
  }

  lastRow(): number {
    let last = 0;
    for (let i = this.values.length - 1; i >= 0; i--) {
      if (this.rowHasContent(i)) {
        last = i + 1;
        break;
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, Number(k.split(':')[0]));
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.values) {
      if (!r) continue;
      for (let c = r.length - 1; c >= last; c--) {
        if (r[c] !== undefined && r[c] !== '' && r[c] !== null) {
          last = c + 1;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, Number(k.split(':')[1]));
    return last;
  }

  /** Rows inserted after `after` take the number formats of row `after` (as Sheets' insert does). */
  insertRows(after: number, count: number): void {
    const template = after >= 1 ? this.numberFormats[after - 1] : undefined;
    const blankFormats = Array.from({ length: count }, () => (template ? [...template] : undefined));
    this.values.splice(after, 0, ...Array.from({ length: count }, () => undefined));
    this.numberFormats.splice(after, 0, ...blankFormats);
    this.shiftKeyed(this.formulas, after, count);
    this.shiftKeyed(this.styles, after, count);
    if (this.lastResponseRow !== null && this.lastResponseRow > after) this.lastResponseRow += count;
    this.maxRows += count;
  }

  deleteRows(from: number, count: number): void {
    this.values.splice(from - 1, count);
    this.numberFormats.splice(from - 1, count);
    for (const map of [this.formulas, this.styles] as Array<Map<string, unknown>>) {
      const moved = new Map<string, unknown>();
      for (const [k, v] of map) {
        const [r, c] = k.split(':').map(Number);
        if (r < from) moved.set(k, v);
        else if (r >= from + count) moved.set(SheetData.key(r - count, c), v);
      }
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
    if (this.lastResponseRow !== null && this.lastResponseRow >= from) this.lastResponseRow = Math.max(from - 1, this.lastResponseRow - count);
    this.maxRows -= count;
  }

  private shiftKeyed<T>(map: Map<string, T>, after: number, count: number): void {
    const moved = new Map<string, T>();
    for (const [k, v] of map) {
      const [r, c] = k.split(':').map(Number);
      moved.set(r > after ? SheetData.key(r + count, c) : k, v);
    }
    map.clear();
    for (const [k, v] of moved) map.set(k, v);
  }

  insertColumns(after: number, count: number): void {
    this.ownFormatRows();
    for (const grid of [this.values, this.numberFormats] as Array<Array<unknown[] | undefined>>) {
      for (const r of grid) if (r && r.length > after) r.splice(after, 0, ...Array.from({ length: count }, () => undefined));
    }
    this.maxColumns += count;
  }

  deleteColumns(from: number, count: number): void {
    this.ownFormatRows();
    for (const grid of [this.values, this.numberFormats] as Array<Array<unknown[] | undefined>>) {
      for (const r of grid) if (r) r.splice(from - 1, count);
    }
    this.maxColumns -= count;
  }

  save(): unknown {
    return {
      sheetId: this.sheetId,
      name: this.name,
      hidden: this.hidden,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      values: this.values.map((r) => (r ? r.map((v) => (v === undefined ? null : v)) : null)),
      numberFormatRuns: formatRuns(this.numberFormats),
      formulas: [...this.formulas.entries()],
      styles: [...this.styles.entries()],
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      columnWidths: this.columnWidths,
      tabColor: this.tabColor,
      formId: this.formId,
      formUrl: this.formUrl,
      lastResponseRow: this.lastResponseRow,
    };
  }

  static restore(data: Record<string, unknown>): SheetData {
    const s = new SheetData(data.sheetId as number, data.name as string);
    s.hidden = data.hidden as boolean;
    s.maxRows = data.maxRows as number;
    s.maxColumns = data.maxColumns as number;
    s.values = (data.values as Array<Array<CellValue | null> | null>).map((r) => (r ? r.map((v) => (v === null ? undefined : v)) : undefined));
    // A ward's tabs format whole columns, so most rows of formats are alike: saved as runs of
    // equal rows and restored as one shared row per run (frozen: setFormat copies a row before
    // changing it). Fault sweeps restore a ward hundreds of times; dense copies cost ~5 MB and
    // most of a restore's time. Snapshots saved before runs existed still restore.
    s.numberFormats = data.numberFormatRuns
      ? rowsOfRuns(data.numberFormatRuns as FormatRun[])
      : (data.numberFormats as Array<Array<string | null> | null>).map((r) => (r ? r.map((v) => v ?? undefined) : undefined));
    s.formulas = new Map(data.formulas as Array<[string, FormulaCell]>);
    // Styles are alike too and are only ever replaced, never changed: one frozen object each.
    const styles = new Map<string, CellStyle>();
    s.styles = new Map(
      (data.styles as Array<[string, CellStyle]>).map(([k, style]) => {
        const key = JSON.stringify(style);
        let shared = styles.get(key);
        if (!shared) styles.set(key, (shared = Object.freeze(style)));
        return [k, shared];
      }),
    );
    s.frozenRows = data.frozenRows as number;
    s.frozenColumns = data.frozenColumns as number;
    s.columnWidths = data.columnWidths as Record<number, number>;
    s.tabColor = data.tabColor as string | null;
    s.formId = data.formId as string | null;
    s.formUrl = data.formUrl as string | null;
    s.lastResponseRow = (data.lastResponseRow as number | null | undefined) ?? null;
    return s;
  }
}

export class SpreadsheetData {
  sheets: SheetData[] = [];
  editors: string[] = [];
  protections: ProtectionData[] = [];
  nextSheetId = 0;
  nextProtectionId = 1;
  activeSheetId: number | null = null;
  formUrl: string | null = null;

  constructor(
    public id: string,
    public name: string,
    public owner: string,
    public locale: string,
    public timeZone: string,
  ) {}

  sheetById(sheetId: number): SheetData | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Sheets' cap on cells in one spreadsheet: https://support.google.com/drive/answer/37603 */
  ensureCellLimit(extraCells: number, limit: number): void {
    if (this.totalCells() + extraCells > limit) {
      throw new AppsScriptException(`This action would increase the number of cells in the workbook above the limit of ${limit} cells.`);
    }
  }

  addSheet(name: string, index: number): SheetData {
    const sheet = new SheetData(this.nextSheetId, name);
    this.nextSheetId += 1;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  save(): unknown {
    return {
      id: this.id,
      name: this.name,
      owner: this.owner,
      locale: this.locale,
      timeZone: this.timeZone,
      editors: this.editors,
      protections: this.protections,
      nextSheetId: this.nextSheetId,
      nextProtectionId: this.nextProtectionId,
      activeSheetId: this.activeSheetId,
      formUrl: this.formUrl,
      sheets: this.sheets.map((s) => s.save()),
    };
  }

  static restore(data: Record<string, unknown>): SpreadsheetData {
    const ss = new SpreadsheetData(data.id as string, data.name as string, data.owner as string, data.locale as string, data.timeZone as string);
    ss.editors = data.editors as string[];
    ss.protections = data.protections as ProtectionData[];
    ss.nextSheetId = data.nextSheetId as number;
    ss.nextProtectionId = data.nextProtectionId as number;
    ss.activeSheetId = data.activeSheetId as number | null;
    ss.formUrl = data.formUrl as string | null;
    ss.sheets = (data.sheets as Array<Record<string, unknown>>).map((s) => SheetData.restore(s));
    return ss;
  }
}

export function rectContains(outer: GridRect, row: number, column: number): boolean {
  return row >= outer.row && row < outer.row + outer.numRows && column >= outer.column && column < outer.column + outer.numColumns;
}

export function rectsIntersect(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}
