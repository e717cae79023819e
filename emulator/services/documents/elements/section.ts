/**
 * HeaderSection and FooterSection: https://developers.google.com/apps-script/reference/document/header-section
 * https://developers.google.com/apps-script/reference/document/footer-section
 */
import type { Kernel } from '../../../core/kernel';
import type { BlockNode, ContainerNode } from '../model';
import { Container } from './container';
import type { Parent } from './nodes';
import { wrapBlock } from './wrap';

export class Section extends Container {
  constructor(kernel: Kernel, node: ContainerNode, className: 'HeaderSection' | 'FooterSection') {
    super(kernel, node, className);
  }

  protected _wrap(node: BlockNode, parent: Parent): unknown {
    return wrapBlock(this._kernel, node, parent);
  }

  /** "Retrieves all the InlineImages contained in the section." https://developers.google.com/apps-script/reference/document/body#getImages() */
  getImages(): unknown[] {
    return this._images();
  }
}
