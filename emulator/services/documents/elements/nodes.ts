/**
 * The element tree's nodes: new tables and cells, detached copies, removal.
 * https://developers.google.com/apps-script/reference/document/body
 */
import { AppsScriptException, signatureMismatch } from '../../../core/errors';
import { emptyParagraph, type BlockNode, type ContainerNode, type TableCellNode, type TableNode } from '../model';

/** What holds blocks: a section (body, header, footer) or a table cell. */
export type Parent = ContainerNode | TableCellNode;

/**
 * Elements made by Element.copy(): "a detached, deep copy of the current element … The new
 * element doesn't have a parent" (https://developers.google.com/apps-script/reference/document/paragraph#copy()).
 * Only a detached element can be inserted; inserting attaches it (a second insert is refused).
 */
export const DETACHED = new WeakSet<BlockNode>();

/** A deep copy of a block: text, styles, inline images, page breaks, rules, rows and cells. */
export function cloneBlock<T extends BlockNode>(node: T): T {
  return JSON.parse(JSON.stringify(node)) as T;
}

export function cellsFrom(value: unknown, method: string): string[][] {
  if (!Array.isArray(value) || !value.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) throw signatureMismatch(method, [value]);
  return value as string[][];
}

export function newTable(cells: string[][] | undefined): TableNode {
  return {
    type: 'TABLE',
    rows: (cells ?? []).map((r) => ({ type: 'TABLE_ROW', cells: r.map((c) => newCell(c)) })),
    borderWidth: 1,
    borderColor: '#000000',
    columnWidths: {},
  };
}

export function newCell(text: string): TableCellNode {
  return { type: 'TABLE_CELL', children: [emptyParagraph(text)] };
}

/**
 * Docs keeps a paragraph at the end of every section (body, header, footer): its last element
 * cannot be removed. https://developers.google.com/apps-script/reference/document/body
 */
export function removeBlock(parent: Parent, node: BlockNode): void {
  const i = parent.children.indexOf(node);
  if (i < 0) return;
  if (parent.type !== 'TABLE_CELL' && i === parent.children.length - 1) throw new AppsScriptException("Can't remove the last paragraph in a document section.");
  parent.children.splice(i, 1);
}
