/** Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { unwrap } from '../../core/facade';
import { Published, publish } from '../../core/published';
import { parseA1 } from './a1';
import { assertCanEdit, assertCanEditSheet, type SpreadsheetStore } from './context';
import { ProtectionType } from './enums';
import { links } from './links';
import type { SheetData, SpreadsheetData } from './model';
import { makeProtection, protectSheet } from './protection';
import { checkCellInput, makeRange, type Range } from './range';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class Sheet extends Published {
  constructor(
    readonly _store: SpreadsheetStore,
    readonly _ss: SpreadsheetData,
    readonly _sheet: SheetData,
  ) {
    super();
  }

  private get _kernel() {
    return this._store.kernel;
  }

  getName(): string {
    return this._sheet.name;
  }

  setName(name: string): Sheet {
    if (typeof name !== 'string' || name.trim() === '') throw signatureMismatch('SpreadsheetApp.Sheet.setName', [name]);
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    const clash = this._ss.sheets.find((s) => s !== this._sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._sheet.name = name;
    return this._self;
  }

  getSheetId(): number {
    return this._sheet.sheetId;
  }

  getIndex(): number {
    return this._ss.sheets.indexOf(this._sheet) + 1;
  }

  getParent(): unknown {
    return (this._store as SpreadsheetStore & { facade(id: string): unknown }).facade(this._ss.id);
  }

  getLastRow(): number {
    return this._sheet.lastRow();
  }

  getLastColumn(): number {
    return this._sheet.lastColumn();
  }

  getMaxRows(): number {
    return this._sheet.maxRows;
  }

  getMaxColumns(): number {
    return this._sheet.maxColumns;
  }

  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0) throw signatureMismatch('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this._sheet.frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this._sheet.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0) throw signatureMismatch('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    this._sheet.frozenColumns = columns;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._sheet.columnWidths[columnPosition] = width;
    return this._self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._sheet.columnWidths[c] = width;
    return this._self;
  }

  getColumnWidth(columnPosition: number): number {
    return this._sheet.columnWidths[columnPosition] ?? 100;
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) delete this._sheet.columnWidths[c];
    return this._self;
  }

  setTabColor(color: string | null): Sheet {
    this._sheet.tabColor = color;
    return this._self;
  }

  getFormUrl(): string | null {
    return this._sheet.formUrl;
  }

  // ---- ranges --------------------------------------------------------------------------------

  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): Range {
    const args = [a, b, c, d].slice(0, arguments.length);
    if (args.length === 1 && typeof a === 'string') {
      const ref = parseA1(a);
      if (!ref || (ref.sheetName !== null && ref.sheetName !== this._sheet.name)) throw new AppsScriptException('Range not found');
      const lastRow = ref.lastRow ?? this._sheet.maxRows;
      const lastColumn = ref.lastColumn ?? this._sheet.maxColumns;
      return this._range(ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
    }
    if (args.length < 2 || !args.every((x) => typeof x === 'number')) throw signatureMismatch('SpreadsheetApp.Sheet.getRange', args);
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    if (!args.every((x) => Number.isInteger(x))) throw signatureMismatch('SpreadsheetApp.Sheet.getRange', args);
    if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (column < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
    return this._range(row, column, numRows, numColumns);
  }

  private _range(row: number, column: number, numRows: number, numColumns: number): Range {
    if (row + numRows - 1 > this._sheet.maxRows || column + numColumns - 1 > this._sheet.maxColumns) throw new AppsScriptException(OUTSIDE);
    return makeRange(this._store, this._ss, this._sheet, row, column, numRows, numColumns);
  }

  getDataRange(): Range {
    return makeRange(this._store, this._ss, this._sheet, 1, 1, Math.max(1, this._sheet.lastRow()), Math.max(1, this._sheet.lastColumn()));
  }

  /**
   * Writes the values in the row after the last one with content, growing the sheet by a row
   * (and columns) when it is full. Strings are typed in as a person would type them.
   */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw signatureMismatch('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) throw new AppsScriptException('The number of columns in the data does not match the number of columns in the range. The data has 0 but the range has 1.');
    // Every cell is checked before the sheet grows: a refused cell leaves the sheet as it was.
    for (const value of rowContents) checkCellInput(this._kernel.quotas.charsPerCell, value, 'SpreadsheetApp.Sheet.appendRow');
    const row = this._sheet.lastRow() + 1;
    const extraRows = Math.max(0, row - this._sheet.maxRows);
    const extraColumns = Math.max(0, rowContents.length - this._sheet.maxColumns);
    this._ss.ensureCellLimit(extraRows * this._sheet.maxColumns + extraColumns * (this._sheet.maxRows + extraRows), this._kernel.quotas.cellsPerSpreadsheet);
    assertCanEdit(this._kernel, this._ss, this._sheet, { row, column: 1, numRows: 1, numColumns: rowContents.length });
    if (extraRows) this._sheet.insertRows(this._sheet.maxRows, extraRows);
    if (extraColumns) this._sheet.insertColumns(this._sheet.maxColumns, extraColumns);
    // Written through the range object itself: the script made one call (appendRow), not two.
    unwrap(makeRange(this._store, this._ss, this._sheet, row, 1, 1, rowContents.length)).setValues([rowContents]);
    return this._self;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._checkPosition(afterPosition, this._sheet.maxRows, 'insertRowsAfter', [afterPosition, howMany]);
    if (!Number.isInteger(howMany) || howMany < 1) throw signatureMismatch('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]);
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._ss.ensureCellLimit(howMany * this._sheet.maxColumns, this._kernel.quotas.cellsPerSpreadsheet);
    this._sheet.insertRows(afterPosition, howMany);
    return this._self;
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._checkPosition(afterPosition, this._sheet.maxColumns, 'insertColumnsAfter', [afterPosition, howMany]);
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._ss.ensureCellLimit(howMany * this._sheet.maxRows, this._kernel.quotas.cellsPerSpreadsheet);
    this._sheet.insertColumns(afterPosition, howMany);
    return this._self;
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this._self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (!Number.isInteger(rowPosition) || !Number.isInteger(howMany) || rowPosition < 1 || howMany < 1) throw signatureMismatch('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany]);
    if (rowPosition + howMany - 1 > this._sheet.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    // Sheets keeps at least one row below the frozen ones.
    const last = rowPosition + howMany - 1;
    if (rowPosition <= this._sheet.frozenRows + 1 && last >= this._sheet.maxRows) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    }
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._sheet.deleteRows(rowPosition, howMany);
    // Deleted frozen rows leave fewer frozen rows.
    this._sheet.frozenRows -= Math.max(0, Math.min(last, this._sheet.frozenRows) - rowPosition + 1);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition + howMany - 1 > this._sheet.maxColumns) throw new AppsScriptException('Those columns are out of bounds.');
    if (howMany >= this._sheet.maxColumns) throw new AppsScriptException('You can\'t delete all the columns on the sheet.');
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._sheet.deleteColumns(columnPosition, howMany);
  }

  private _checkPosition(position: number, max: number, method: string, args: unknown[]): void {
    if (!Number.isInteger(position)) throw signatureMismatch(`SpreadsheetApp.Sheet.${method}`, args);
    if (position < 1 || position > max) throw new AppsScriptException(OUTSIDE);
  }

  clear(): Sheet {
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._kernel.cellsWritten(this._sheet.lastRow() * this._sheet.lastColumn());
    this._sheet.values = [];
    this._sheet.numberFormats = [];
    this._sheet.formulas.clear();
    this._sheet.styles.clear();
    return this._self;
  }

  clearContents(): Sheet {
    assertCanEditSheet(this._kernel, this._ss, this._sheet);
    this._kernel.cellsWritten(this._sheet.lastRow() * this._sheet.lastColumn());
    this._sheet.values = [];
    this._sheet.formulas.clear();
    return this._self;
  }

  // ---- visibility and protection ----------------------------------------------------------------

  hideSheet(): Sheet {
    const visible = this._ss.sheets.filter((s) => !s.hidden && s !== this._sheet);
    if (visible.length === 0) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this._self;
  }

  showSheet(): Sheet {
    this._sheet.hidden = false;
    return this._self;
  }

  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }

  protect(): unknown {
    return protectSheet(this._store, this._ss, this._sheet);
  }

  getProtections(type: unknown): unknown[] {
    if (!isEnumValue(type, ProtectionType)) throw signatureMismatch('SpreadsheetApp.Sheet.getProtections', [type]);
    return this._ss.protections
      .filter((p) => p.sheetId === this._sheet.sheetId && p.type === String(type))
      .map((p) => makeProtection(this._store, this._ss, p));
  }

  activate(): Sheet {
    this._ss.activeSheetId = this._sheet.sheetId;
    return this._self;
  }
}

export function makeSheet(store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData): Sheet {
  return publish(store.kernel, 'SpreadsheetApp', 'Sheet', new Sheet(store, ss, sheet));
}
links.makeSheet = makeSheet;
