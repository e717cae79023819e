/** Table: https://developers.google.com/apps-script/reference/document/table */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import type { Kernel } from '../../../core/kernel';
import { Published, publish } from '../../../core/published';
import { ElementType } from '../enums';
import { plainText, type TableNode, type TableRowNode } from '../model';
import { applyAttributes, paragraphsIn } from './attributes';
import { newCell, removeBlock, type Parent } from './nodes';
import { TableCell } from './table-cell';
import { TableRow } from './table-row';
import { detachedCopy } from './wrap';

export class Table extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: TableNode,
    readonly _parent: Parent | null,
  ) {
    super();
  }

  /** A detached, deep copy: https://developers.google.com/apps-script/reference/document/table#copy() */
  copy(): unknown {
    return detachedCopy(this._kernel, this._node);
  }
  getType(): unknown {
    return ElementType.TABLE;
  }
  asTable(): Table {
    return this._self;
  }
  getNumRows(): number {
    return this._node.rows.length;
  }
  getRow(rowIndex: number): unknown {
    const row = this._node.rows[rowIndex];
    if (!row) throw new AppsScriptException(`Child index (${rowIndex}) must be less than the number of child elements (${this._node.rows.length}).`);
    return publish(this._kernel, 'DocumentApp', 'TableRow', new TableRow(this._kernel, row, this._node));
  }
  appendTableRow(cells?: string[]): unknown {
    const row: TableRowNode = { type: 'TABLE_ROW', cells: (cells ?? []).map((c) => newCell(String(c))) };
    this._node.rows.push(row);
    return publish(this._kernel, 'DocumentApp', 'TableRow', new TableRow(this._kernel, row, this._node));
  }
  getCell(rowIndex: number, cellIndex: number): unknown {
    const cell = this._node.rows[rowIndex]?.cells[cellIndex];
    if (!cell) throw new AppsScriptException(`Child index (${cellIndex}) must be less than the number of child elements.`);
    return publish(this._kernel, 'DocumentApp', 'TableCell', new TableCell(this._kernel, cell, this._node));
  }
  getText(): string {
    return plainText(this._node);
  }
  setBorderWidth(width: number): Table {
    this._node.borderWidth = width;
    return this._self;
  }
  getBorderWidth(): number {
    return this._node.borderWidth;
  }
  getBorderColor(): string {
    return this._node.borderColor;
  }
  setBorderColor(color: string): Table {
    if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) throw signatureMismatch('DocumentApp.Table.setBorderColor', [color]);
    this._node.borderColor = color;
    return this._self;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    this._node.columnWidths[columnIndex] = width;
    return this._self;
  }
  /**
   * "Retrieves the width of the specified table column, in points."
   * https://developers.google.com/apps-script/reference/document/table#getColumnWidth(Integer)
   * A column whose width was never set has Docs' default width, which the reference does not give,
   * and the refusal of a column index past the last is not documented either: both not modelled.
   */
  getColumnWidth(columnIndex: unknown): number {
    if (typeof columnIndex !== 'number' || !Number.isInteger(columnIndex)) throw signatureMismatch('DocumentApp.Table.getColumnWidth', [columnIndex]);
    const columns = Math.max(0, ...this._node.rows.map((r) => r.cells.length));
    if (columnIndex < 0 || columnIndex >= columns) throw new NotImplementedInEmulator(`Table.getColumnWidth(${columnIndex}) of a table with ${columns} columns`);
    const width = this._node.columnWidths[columnIndex] ?? this._node.rows.find((r) => r.cells[columnIndex]?.width !== undefined)?.cells[columnIndex].width;
    if (width === undefined) throw new NotImplementedInEmulator('Table.getColumnWidth of a column whose width was never set');
    return width;
  }
  setAttributes(attributes: unknown): Table {
    const cells = this._node.rows.flatMap((r) => r.cells);
    applyAttributes(paragraphsIn([this._node]), [this._node], attributes, 'DocumentApp.Table.setAttributes', cells);
    return this._self;
  }
  removeFromParent(): unknown {
    if (!this._parent) throw new NotImplementedInEmulator('Table.removeFromParent of a detached element');
    removeBlock(this._parent, this._node);
    return this._self;
  }
}
