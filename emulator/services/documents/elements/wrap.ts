/**
 * A block node as the facade a script holds: Paragraph, ListItem or Table.
 * https://developers.google.com/apps-script/reference/document/element
 */
import type { Kernel } from '../../../core/kernel';
import { publish } from '../../../core/published';
import type { BlockNode } from '../model';
import { cloneBlock, DETACHED, type Parent } from './nodes';
import { Paragraph } from './paragraph';
import { Table } from './table';

const CLASS_OF_TYPE: Record<BlockNode['type'], string> = { PARAGRAPH: 'Paragraph', LIST_ITEM: 'ListItem', TABLE: 'Table' };

export function wrapBlock(kernel: Kernel, node: BlockNode, parent: Parent | null): unknown {
  if (node.type === 'TABLE') return publish(kernel, 'DocumentApp', 'Table', new Table(kernel, node, parent));
  return publish(kernel, 'DocumentApp', CLASS_OF_TYPE[node.type], new Paragraph(kernel, node, parent));
}

/** A detached deep copy of `node`, as Element.copy() returns it. */
export function detachedCopy(kernel: Kernel, node: BlockNode): unknown {
  const copy = cloneBlock(node);
  DETACHED.add(copy);
  return wrapBlock(kernel, copy, null);
}
