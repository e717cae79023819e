/**
 * Body: the section with the page setup. Sizes are in points; a new Doc is a US Letter page
 * (612 × 792) with one-inch margins, A4 is 595.276 × 841.89.
 * https://developers.google.com/apps-script/reference/document/body#setPageWidth(Number)
 */
import { NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import { expose } from '../../../core/facade';
import type { Kernel } from '../../../core/kernel';
import { emptyParagraph, type BlockNode, type DocumentData } from '../model';
import { attributesView } from './attributes';
import { Container } from './container';
import { Leaf } from './leaf';
import type { Parent } from './nodes';
import { wrapBlock } from './wrap';

const PAGE_SETTERS: Record<string, (body: Body, points: number) => void> = {
  MARGIN_TOP: (b, v) => (b._doc.margins.top = v),
  MARGIN_BOTTOM: (b, v) => (b._doc.margins.bottom = v),
  MARGIN_LEFT: (b, v) => (b._doc.margins.left = v),
  MARGIN_RIGHT: (b, v) => (b._doc.margins.right = v),
  PAGE_WIDTH: (b, v) => (b._doc.pageWidth = v),
  PAGE_HEIGHT: (b, v) => (b._doc.pageHeight = v),
};

export class Body extends Container {
  constructor(
    kernel: Kernel,
    readonly _doc: DocumentData,
  ) {
    super(kernel, _doc.body, 'Body');
  }

  protected _wrap(node: BlockNode, parent: Parent): unknown {
    return wrapBlock(this._kernel, node, parent);
  }

  /** "Retrieves all the InlineImages contained in the section." https://developers.google.com/apps-script/reference/document/body#getImages() */
  getImages(): unknown[] {
    return this._images();
  }

  /**
   * Docs puts a page break inside a new paragraph at the end of the body. Only the body has
   * appendPageBreak: HeaderSection, FooterSection and TableCell list no such method
   * (https://developers.google.com/apps-script/reference/document/table-cell).
   */
  appendPageBreak(): unknown {
    const p = emptyParagraph();
    p.inlines.push({ kind: 'pageBreak' });
    this._node.children.push(p);
    return expose(this._kernel, 'DocumentApp', 'PageBreak', new Leaf('PAGE_BREAK'));
  }

  /**
   * The page setup as attributes: MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
   * PAGE_WIDTH and PAGE_HEIGHT, in points ("The page height attribute, in points":
   * https://developers.google.com/apps-script/reference/document/attribute). The body's text and
   * paragraph attributes are not modelled: reading one throws "not implemented", never a guess.
   */
  getAttributes(): Record<string, unknown> {
    const page: Record<string, number> = {
      MARGIN_TOP: this._doc.margins.top,
      MARGIN_BOTTOM: this._doc.margins.bottom,
      MARGIN_LEFT: this._doc.margins.left,
      MARGIN_RIGHT: this._doc.margins.right,
      PAGE_WIDTH: this._doc.pageWidth,
      PAGE_HEIGHT: this._doc.pageHeight,
    };
    return attributesView(page, 'Body');
  }

  /** Page-setup attributes set the page; the others apply to the body's paragraphs and text. */
  setAttributes(attributes: unknown): unknown {
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw signatureMismatch('DocumentApp.Body.setAttributes', [attributes]);
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
      const setter = PAGE_SETTERS[key];
      if (!setter) rest[key] = value;
      else if (value !== null) setter(this, this._points(value, 'setAttributes'));
    }
    return super.setAttributes(rest);
  }

  private _points(value: unknown, method: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureMismatch(`DocumentApp.Body.${method}`, [value]);
    if (value < 0) throw new NotImplementedInEmulator(`Body.${method}(${value})`);
    return value;
  }

  getMarginTop(): number {
    return this._doc.margins.top;
  }
  getMarginBottom(): number {
    return this._doc.margins.bottom;
  }
  getMarginLeft(): number {
    return this._doc.margins.left;
  }
  getMarginRight(): number {
    return this._doc.margins.right;
  }
  getPageWidth(): number {
    return this._doc.pageWidth;
  }
  getPageHeight(): number {
    return this._doc.pageHeight;
  }
  setMarginTop(marginTop: unknown): Body {
    this._doc.margins.top = this._points(marginTop, 'setMarginTop');
    return this._self;
  }
  setMarginBottom(marginBottom: unknown): Body {
    this._doc.margins.bottom = this._points(marginBottom, 'setMarginBottom');
    return this._self;
  }
  setMarginLeft(marginLeft: unknown): Body {
    this._doc.margins.left = this._points(marginLeft, 'setMarginLeft');
    return this._self;
  }
  setMarginRight(marginRight: unknown): Body {
    this._doc.margins.right = this._points(marginRight, 'setMarginRight');
    return this._self;
  }
  setPageWidth(pageWidth: unknown): Body {
    this._doc.pageWidth = this._points(pageWidth, 'setPageWidth');
    return this._self;
  }
  setPageHeight(pageHeight: unknown): Body {
    this._doc.pageHeight = this._points(pageHeight, 'setPageHeight');
    return this._self;
  }
}
