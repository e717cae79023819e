/** TableCell: https://developers.google.com/apps-script/reference/document/table-cell */
import { NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import type { Kernel } from '../../../core/kernel';
import type { BlockNode, TableCellNode, TableNode } from '../model';
import { Container } from './container';
import type { Parent } from './nodes';
import { wrapBlock } from './wrap';

export class TableCell extends Container {
  constructor(
    kernel: Kernel,
    readonly _cell: TableCellNode,
    readonly _owner: TableNode,
  ) {
    super(kernel, _cell, 'TableCell');
  }

  protected _wrap(node: BlockNode, parent: Parent): unknown {
    return wrapBlock(this._kernel, node, parent);
  }

  /** The cell's column (cells are never merged in the emulator, so its index in its row). */
  private _column(): number {
    for (const row of this._owner.rows) {
      const i = row.cells.indexOf(this._cell);
      if (i >= 0) return i;
    }
    throw new NotImplementedInEmulator('TableCell of a row removed from its table');
  }

  setBackgroundColor(color: string): TableCell {
    this._cell.backgroundColor = color;
    return this._self;
  }
  /**
   * "Sets the width of the column containing the current cell, in points": every cell of the
   * column takes it. https://developers.google.com/apps-script/reference/document/table-cell#setWidth(Number)
   */
  setWidth(width: unknown): TableCell {
    if (typeof width !== 'number' || !Number.isFinite(width)) throw signatureMismatch('DocumentApp.TableCell.setWidth', [width]);
    const column = this._column();
    this._owner.columnWidths[column] = width;
    for (const row of this._owner.rows) delete row.cells[column]?.width;
    return this._self;
  }
  /**
   * "Retrieves the width of the column containing the cell, in points." A column whose width was
   * never set has Docs' default width, which the reference does not give: not modelled.
   */
  getWidth(): number {
    const width = this._owner.columnWidths[this._column()] ?? this._cell.width;
    if (width === undefined) throw new NotImplementedInEmulator('TableCell.getWidth of a column whose width was never set');
    return width;
  }
  /** "Non-merged cells have a col span of 1" — the emulator merges no cells. */
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
}
