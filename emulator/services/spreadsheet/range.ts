/** Range: https://developers.google.com/apps-script/reference/spreadsheet/range */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../core/errors';
import { unwrap } from '../../core/facade';
import { Published, publish } from '../../core/published';
import { toA1, quoteSheetName } from './a1';
import { assertCanEdit, type SpreadsheetStore } from './context';
import { SheetData, type CellStyle, type SpreadsheetData, type ValidationData } from './model';
import { cellLength, displayValue, typeIntoCell, type CellValue } from './values';
import type { DataValidation } from './validation';
import { links } from './links';

/** What getNumberFormat() reports for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

type PreparedCell = { kind: 'empty' } | { kind: 'value'; value: CellValue } | { kind: 'formula'; formula: string; parseError: boolean };

function tooLong(limit: number): AppsScriptException {
  return new AppsScriptException(`Your input contains more than the maximum of ${limit} characters in a single cell.`);
}

/**
 * The checks on one input value that do not depend on the cell it goes to (its type, its length):
 * appendRow runs them over the whole row before it grows the sheet.
 */
export function checkCellInput(limit: number, value: unknown, method: string): void {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (value.length > limit) throw tooLong(limit);
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw signatureMismatch(method, [value]);
    return;
  }
  throw signatureMismatch(method, [value]);
}

export function makeRange(store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData, row: number, column: number, numRows: number, numColumns: number): Range {
  return publish(store.kernel, 'SpreadsheetApp', 'Range', new Range(store, ss, sheet, row, column, numRows, numColumns));
}

export class Range extends Published {
  constructor(
    readonly _store: SpreadsheetStore,
    readonly _ss: SpreadsheetData,
    readonly _sheet: SheetData,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {
    super();
  }

  private get _kernel() {
    return this._store.kernel;
  }

  get _cells(): number {
    return this._numRows * this._numColumns;
  }

  private _forEach(fn: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this._numRows; i++) for (let j = 0; j < this._numColumns; j++) fn(this._row + i, this._column + j, i, j);
  }

  private _grid<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const line: T[] = new Array(this._numColumns);
      for (let j = 0; j < this._numColumns; j++) line[j] = fn(this._row + i, this._column + j);
      out.push(line);
    }
    return out;
  }

  /** A formula's value needs a formula engine, which the emulator does not have: fail loudly. */
  private _read(row: number, column: number): CellValue {
    // Most tabs hold no formula: skip building a key per cell read (whole-tab reads are hot).
    const formula = this._sheet.formulas.size === 0 ? undefined : this._sheet.formulas.get(SheetData.key(row, column));
    if (formula) {
      if (formula.parseError) return '#ERROR!';
      throw new NotImplementedInEmulator(`formula evaluation (${quoteSheetName(this._sheet.name)}!${toA1(row, column, 1, 1)}: ${formula.formula})`);
    }
    const v = this._sheet.cell(row, column);
    return v === undefined || v === null ? '' : v;
  }

/**
   * What writing `value` to a cell would store, or the error Apps Script throws for it. Nothing
   * is written: callers check every cell of a call first, so a refused cell leaves the sheet as it
   * was (one call is one request to Sheets, applied whole or not at all).
   */
  private _prepare(row: number, column: number, value: unknown, method: string): PreparedCell {
    if (value === null || value === undefined || value === '') return { kind: 'empty' };
    let stored: CellValue;
    if (typeof value === 'string') {
      checkCellInput(this._kernel.quotas.charsPerCell, value, `SpreadsheetApp.Range.${method}`);
      const typed = typeIntoCell(value, this._sheet.format(row, column), this._ss.locale, this._ss.timeZone);
      if (typed.kind === 'formula') return { kind: 'formula', formula: typed.formula, parseError: typed.parseError };
      stored = typed.value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      stored = value;
    } else if (value instanceof Date) {
      checkCellInput(this._kernel.quotas.charsPerCell, value, `SpreadsheetApp.Range.${method}`);
      stored = new Date(value.getTime());
    } else {
      throw signatureMismatch(`SpreadsheetApp.Range.${method}`, [value]);
    }
    if (cellLength(stored) > this._kernel.quotas.charsPerCell) throw tooLong(this._kernel.quotas.charsPerCell);
    return { kind: 'value', value: stored };
  }

  private _apply(row: number, column: number, cell: PreparedCell): void {
    const key = SheetData.key(row, column);
    if (cell.kind === 'formula') {
      this._sheet.formulas.set(key, { formula: cell.formula, parseError: cell.parseError });
      this._sheet.setCell(row, column, undefined);
      return;
    }
    this._sheet.formulas.delete(key);
    this._sheet.setCell(row, column, cell.kind === 'value' ? cell.value : undefined);
  }

  /** Writes value(i, j) to every cell, after checking them all. */
  private _writeAll(method: string, value: (i: number, j: number) => unknown): void {
    const prepared = this._grid((r, c) => this._prepare(r, c, value(r - this._row, c - this._column), method));
    this._forEach((r, c, i, j) => this._apply(r, c, prepared[i][j]));
  }

  private _assertEditable(): void {
    assertCanEdit(this._kernel, this._ss, this._sheet, { row: this._row, column: this._column, numRows: this._numRows, numColumns: this._numColumns });
  }

  private _checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every(Array.isArray)) throw signatureMismatch(`SpreadsheetApp.Range.${method}`, [values]);
    const grid = values as unknown[][];
    if (grid.length !== this._numRows) {
      throw new AppsScriptException(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this._numRows}.`);
    }
    for (const line of grid) {
      if (line.length !== this._numColumns) {
        throw new AppsScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this._numColumns}.`,
        );
      }
    }
    return grid;
  }

  // ---- values --------------------------------------------------------------------------------

  getValues(): CellValue[][] {
    this._kernel.cellsRead(this._cells);
    if (this._sheet.formulas.size > 0) return this._grid((r, c) => this._read(r, c));
    // No formula on the tab: straight from the stored rows. The app reads whole tabs through open
    // ranges ("A1:H", to the last of the sheet's rows), so this loop runs for every cell of every
    // tab on every run; a closure per cell made it most of a fault sweep's time.
    const out: CellValue[][] = [];
    const rows = this._sheet.values;
    const first = this._column - 1;
    for (let i = 0; i < this._numRows; i++) {
      const stored = rows[this._row - 1 + i];
      const line: CellValue[] = new Array(this._numColumns);
      for (let j = 0; j < this._numColumns; j++) {
        const v = stored ? stored[first + j] : undefined;
        line[j] = v === undefined || v === null ? '' : v;
      }
      out.push(line);
    }
    return out;
  }

  getValue(): CellValue {
    this._kernel.cellsRead(1);
    return this._read(this._row, this._column);
  }

  getDisplayValues(): string[][] {
    this._kernel.cellsRead(this._cells);
    return this._grid((r, c) => {
      const v = this._read(r, c);
      return displayValue(v, this._sheet.format(r, c), this._ss.locale, this._ss.timeZone);
    });
  }

  getDisplayValue(): string {
    this._kernel.cellsRead(1);
    return displayValue(this._read(this._row, this._column), this._sheet.format(this._row, this._column), this._ss.locale, this._ss.timeZone);
  }

  setValues(values: unknown[][]): Range {
    const grid = this._checkGrid(values, 'setValues');
    this._assertEditable();
    this._writeAll('setValues', (i, j) => grid[i][j]);
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  setValue(value: unknown): Range {
    if (arguments.length === 0) throw signatureMismatch('SpreadsheetApp.Range.setValue', []);
    this._assertEditable();
    this._writeAll('setValue', () => value);
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  getFormulas(): string[][] {
    this._kernel.cellsRead(this._cells);
    return this._grid((r, c) => this._sheet.formulas.get(SheetData.key(r, c))?.formula ?? '');
  }

  getFormula(): string {
    this._kernel.cellsRead(1);
    return this._sheet.formulas.get(SheetData.key(this._row, this._column))?.formula ?? '';
  }

  setFormula(formula: string): Range {
    if (typeof formula !== 'string') throw signatureMismatch('SpreadsheetApp.Range.setFormula', [formula]);
    this._assertEditable();
    this._writeAll('setFormula', () => (formula.startsWith('=') ? formula : `=${formula}`));
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  setFormulas(formulas: string[][]): Range {
    const grid = this._checkGrid(formulas, 'setFormulas');
    this._assertEditable();
    this._writeAll('setFormulas', (i, j) => grid[i][j]);
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  /**
   * Sorts the rows of the range by column(s): a column number, {column, ascending}, or an array
   * of them (https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj).
   * Columns are absolute sheet columns inside the range. As in Sheets, numbers and dates come
   * before text (compared without case), then booleans; blank cells stay last either way.
   */
  sort(sortSpecObj: unknown): Range {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((x) => {
      const spec = typeof x === 'number' ? { column: x, ascending: true } : (x as { column?: unknown; ascending?: unknown });
      const column = Number(spec?.column);
      if (!Number.isInteger(column) || column < this._column || column >= this._column + this._numColumns) throw new AppsScriptException('Invalid argument: sortSpecObj');
      return { column, ascending: spec.ascending !== false };
    });
    this._assertEditable();
    const rank = (v: CellValue | undefined): [number, number | string] => {
      if (v === undefined || v === null || v === '') return [9, 0];
      if (typeof v === 'number') return [0, v];
      if (v instanceof Date) return [0, v.getTime()];
      if (typeof v === 'boolean') return [2, v ? 1 : 0];
      return [1, String(v).toLowerCase()];
    };
    const rows = Array.from({ length: this._numRows }, (_, i) => this._row + i);
    const order = [...rows].sort((a, b) => {
      for (const spec of specs) {
        const [ka, va] = rank(this._sheet.cell(a, spec.column));
        const [kb, vb] = rank(this._sheet.cell(b, spec.column));
        if (ka === 9 || kb === 9) {
          if (ka !== kb) return ka === 9 ? 1 : -1;
          continue;
        }
        const cmp = ka !== kb ? ka - kb : va < vb ? -1 : va > vb ? 1 : 0;
        if (cmp !== 0) return spec.ascending ? cmp : -cmp;
      }
      return a - b;
    });
    const snapshot = order.map((from) => {
      const line: Array<{ value: CellValue | undefined; format: string | undefined; style: CellStyle | undefined; formula: unknown }> = [];
      for (let j = 0; j < this._numColumns; j++) {
        const c = this._column + j;
        const key = SheetData.key(from, c);
        line.push({ value: this._sheet.cell(from, c), format: this._sheet.format(from, c), style: this._sheet.styles.get(key), formula: this._sheet.formulas.get(key) });
      }
      return line;
    });
    snapshot.forEach((line, i) => {
      const row = this._row + i;
      line.forEach((cell, j) => {
        const c = this._column + j;
        const key = SheetData.key(row, c);
        this._sheet.setCell(row, c, cell.value);
        this._sheet.setFormat(row, c, cell.format);
        if (cell.style) this._sheet.styles.set(key, cell.style);
        else this._sheet.styles.delete(key);
        if (cell.formula) this._sheet.formulas.set(key, cell.formula as never);
        else this._sheet.formulas.delete(key);
      });
    });
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  clearContent(): Range {
    this._assertEditable();
    this._forEach((r, c) => this._apply(r, c, { kind: 'empty' }));
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  clear(): Range {
    this._assertEditable();
    this._forEach((r, c) => {
      this._apply(r, c, { kind: 'empty' });
      this._sheet.setFormat(r, c, undefined);
      this._sheet.styles.delete(SheetData.key(r, c));
    });
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  isBlank(): boolean {
    this._kernel.cellsRead(this._cells);
    let blank = true;
    this._forEach((r, c) => {
      if (this._sheet.formulas.has(SheetData.key(r, c)) || (this._sheet.cell(r, c) ?? '') !== '') blank = false;
    });
    return blank;
  }

  // ---- formats and styles -------------------------------------------------------------------

  getNumberFormat(): string {
    return this._sheet.format(this._row, this._column) ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    this._kernel.cellsRead(this._cells);
    return this._grid((r, c) => this._sheet.format(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(format: string): Range {
    if (typeof format !== 'string') throw signatureMismatch('SpreadsheetApp.Range.setNumberFormat', [format]);
    this._assertEditable();
    this._forEach((r, c) => this._sheet.setFormat(r, c, format));
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  setNumberFormats(formats: string[][]): Range {
    const grid = this._checkGrid(formats, 'setNumberFormats');
    this._assertEditable();
    this._forEach((r, c, i, j) => {
      const f = grid[i][j];
      if (typeof f !== 'string') throw signatureMismatch('SpreadsheetApp.Range.setNumberFormats', [formats]);
      this._sheet.setFormat(r, c, f);
    });
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  private _style(patch: CellStyle): Range {
    this._assertEditable();
    this._forEach((r, c) => {
      const key = SheetData.key(r, c);
      this._sheet.styles.set(key, { ...this._sheet.styles.get(key), ...patch });
    });
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  private _styleGrid(values: unknown[][], method: string, make: (v: unknown) => CellStyle): Range {
    const grid = this._checkGrid(values, method);
    this._assertEditable();
    this._forEach((r, c, i, j) => {
      const key = SheetData.key(r, c);
      this._sheet.styles.set(key, { ...this._sheet.styles.get(key), ...make(grid[i][j]) });
    });
    this._kernel.cellsWritten(this._cells);
    return this._self;
  }

  setFontWeight(fontWeight: string | null): Range {
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') throw signatureMismatch('SpreadsheetApp.Range.setFontWeight', [fontWeight]);
    return this._style({ fontWeight: fontWeight ?? 'normal' });
  }

  setFontWeights(weights: string[][]): Range {
    return this._styleGrid(weights, 'setFontWeights', (v) => ({ fontWeight: (v as string) ?? 'normal' }));
  }

  getFontWeight(): string {
    return this._sheet.styles.get(SheetData.key(this._row, this._column))?.fontWeight ?? 'normal';
  }

  setBackground(color: string | null): Range {
    return this._style({ background: color ?? '#ffffff' });
  }

  setBackgrounds(colors: string[][]): Range {
    return this._styleGrid(colors, 'setBackgrounds', (v) => ({ background: (v as string) ?? '#ffffff' }));
  }

  getBackground(): string {
    return this._sheet.styles.get(SheetData.key(this._row, this._column))?.background ?? '#ffffff';
  }

  setFontColor(color: string | null): Range {
    return this._style({ fontColor: color ?? '#000000' });
  }

  setWrap(isWrapEnabled: boolean): Range {
    if (typeof isWrapEnabled !== 'boolean') throw signatureMismatch('SpreadsheetApp.Range.setWrap', [isWrapEnabled]);
    return this._style({ wrap: isWrapEnabled });
  }

  getWrap(): boolean {
    return this._sheet.styles.get(SheetData.key(this._row, this._column))?.wrap ?? false;
  }

  setWrapStrategy(strategy: unknown): Range {
    return this._style({ wrapStrategy: String(strategy) });
  }

  setHorizontalAlignment(alignment: string | null): Range {
    if (alignment !== null && !['left', 'center', 'normal', 'right'].includes(alignment)) throw signatureMismatch('SpreadsheetApp.Range.setHorizontalAlignment', [alignment]);
    return this._style({ horizontalAlignment: alignment ?? 'general' });
  }

  setVerticalAlignment(alignment: string | null): Range {
    if (alignment !== null && !['top', 'middle', 'bottom'].includes(alignment)) throw signatureMismatch('SpreadsheetApp.Range.setVerticalAlignment', [alignment]);
    return this._style({ verticalAlignment: alignment ?? 'bottom' });
  }

  setNote(note: string | null): Range {
    return this._style({ note: note ?? '' });
  }

  getNote(): string {
    return this._sheet.styles.get(SheetData.key(this._row, this._column))?.note ?? '';
  }

  setDataValidation(rule: DataValidation | null): Range {
    const data: ValidationData | undefined = rule === null ? undefined : unwrap(rule)._data;
    return this._style({ validation: data });
  }

  getDataValidation(): DataValidation | null {
    const data = this._sheet.styles.get(SheetData.key(this._row, this._column))?.validation;
    if (!data) return null;
    return links.makeDataValidation(this._kernel, data) as DataValidation;
  }

  // ---- geometry ------------------------------------------------------------------------------

  getRow(): number {
    return this._row;
  }

  getColumn(): number {
    return this._column;
  }

  getNumRows(): number {
    return this._numRows;
  }

  getNumColumns(): number {
    return this._numColumns;
  }

  getLastRow(): number {
    return this._row + this._numRows - 1;
  }

  getLastColumn(): number {
    return this._column + this._numColumns - 1;
  }

  getA1Notation(): string {
    return toA1(this._row, this._column, this._numRows, this._numColumns);
  }

  getSheet(): unknown {
    return links.makeSheet(this._store, this._ss, this._sheet);
  }

  getCell(row: number, column: number): Range {
    if (!Number.isInteger(row) || !Number.isInteger(column)) throw signatureMismatch('SpreadsheetApp.Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns) throw new AppsScriptException('Cell reference out of range');
    return makeRange(this._store, this._ss, this._sheet, this._row + row - 1, this._column + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numColumns;
    const row = this._row + rowOffset;
    const column = this._column + columnOffset;
    if (row < 1 || column < 1 || row + nr - 1 > this._sheet.maxRows || column + nc - 1 > this._sheet.maxColumns || nr < 1 || nc < 1) {
      throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return makeRange(this._store, this._ss, this._sheet, row, column, nr, nc);
  }

  protect(): unknown {
    return links.protectRange(this._store, this._ss, this._sheet, {
      row: this._row,
      column: this._column,
      numRows: this._numRows,
      numColumns: this._numColumns,
    });
  }
}
