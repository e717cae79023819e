/** TableRow: https://developers.google.com/apps-script/reference/document/table-row */
import { AppsScriptException } from '../../../core/errors';
import type { Kernel } from '../../../core/kernel';
import { Published, publish } from '../../../core/published';
import { ElementType } from '../enums';
import { plainText, type TableNode, type TableRowNode } from '../model';
import { applyAttributes, paragraphsIn } from './attributes';
import { newCell } from './nodes';
import { TableCell } from './table-cell';

export class TableRow extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: TableRowNode,
    readonly _table: TableNode,
  ) {
    super();
  }
  getType(): unknown {
    return ElementType.TABLE_ROW;
  }
  getNumCells(): number {
    return this._node.cells.length;
  }
  getCell(cellIndex: number): unknown {
    const cell = this._node.cells[cellIndex];
    if (!cell) throw new AppsScriptException(`Child index (${cellIndex}) must be less than the number of child elements (${this._node.cells.length}).`);
    return publish(this._kernel, 'DocumentApp', 'TableCell', new TableCell(this._kernel, cell, this._table));
  }
  appendTableCell(text?: string): unknown {
    const cell = newCell(text === undefined ? '' : String(text));
    this._node.cells.push(cell);
    return publish(this._kernel, 'DocumentApp', 'TableCell', new TableCell(this._kernel, cell, this._table));
  }
  getText(): string {
    return this._node.cells.map((c) => plainText(c)).join('\t');
  }
  setAttributes(attributes: unknown): TableRow {
    applyAttributes(this._node.cells.flatMap((c) => paragraphsIn(c.children)), [], attributes, 'DocumentApp.TableRow.setAttributes', this._node.cells);
    return this._self;
  }
}
