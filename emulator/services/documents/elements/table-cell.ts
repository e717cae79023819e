/** TableCell: https://developers.google.com/apps-script/reference/document/table-cell */
import type { Kernel } from '../../../core/kernel';
import type { BlockNode, TableCellNode } from '../model';
import { Container } from './container';
import type { Parent } from './nodes';
import { wrapBlock } from './wrap';

export class TableCell extends Container {
  constructor(
    kernel: Kernel,
    readonly _cell: TableCellNode,
  ) {
    super(kernel, _cell, 'TableCell');
  }

  protected _wrap(node: BlockNode, parent: Parent): unknown {
    return wrapBlock(this._kernel, node, parent);
  }

  setBackgroundColor(color: string): TableCell {
    this._cell.backgroundColor = color;
    return this._self;
  }
  setWidth(width: number): TableCell {
    this._cell.width = width;
    return this._self;
  }
}
