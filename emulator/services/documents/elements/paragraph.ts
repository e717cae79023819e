/**
 * Paragraph and ListItem: https://developers.google.com/apps-script/reference/document/paragraph
 * https://developers.google.com/apps-script/reference/document/list-item
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import { isEnumValue } from '../../../core/enums';
import { expose } from '../../../core/facade';
import type { Kernel } from '../../../core/kernel';
import { Published, publish } from '../../../core/published';
import { ElementType, GlyphType, HorizontalAlignment, ParagraphHeading } from '../enums';
import { InlineImage, imageFrom } from '../images';
import type { ParagraphNode } from '../model';
import { insertRich, makeText, setRich } from '../text';
import { applyAttributes, attributesView, paragraphAttributes } from './attributes';
import { Leaf } from './leaf';
import { removeBlock, type Parent } from './nodes';
import { detachedCopy } from './wrap';

export class Paragraph extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: ParagraphNode,
    readonly _parent: Parent | null,
  ) {
    super();
  }

  /** A detached, deep copy: https://developers.google.com/apps-script/reference/document/paragraph#copy() */
  copy(): unknown {
    return detachedCopy(this._kernel, this._node);
  }

  getType(): unknown {
    return ElementType[this._node.type];
  }
  /** getChild() hands out Elements; scripts cast them. */
  asParagraph(): Paragraph {
    if (this._node.type !== 'PARAGRAPH') throw new AppsScriptException(`Cannot cast ${this._node.type} to PARAGRAPH.`);
    return this._self;
  }
  asListItem(): Paragraph {
    if (this._node.type !== 'LIST_ITEM') throw new AppsScriptException(`Cannot cast ${this._node.type} to LIST_ITEM.`);
    return this._self;
  }
  getText(): string {
    return this._node.rich.text;
  }
  /** Returns nothing, as in Apps Script (Paragraph.setText is void). */
  setText(text: string): void {
    setRich(this._node.rich, String(text));
  }
  appendText(text: string): unknown {
    const start = this._node.rich.text.length;
    insertRich(this._node.rich, start, String(text));
    return makeText(this._kernel, this._node.rich);
  }
  editAsText(): unknown {
    return makeText(this._kernel, this._node.rich);
  }
  getHeading(): unknown {
    return ParagraphHeading[(this._node.attrs.heading ?? 'NORMAL') as keyof typeof ParagraphHeading];
  }
  setHeading(heading: unknown): Paragraph {
    if (!isEnumValue(heading, ParagraphHeading)) throw signatureMismatch('DocumentApp.Paragraph.setHeading', [heading]);
    this._node.attrs.heading = String(heading);
    return this._self;
  }
  getAlignment(): unknown {
    return this._node.attrs.alignment ? HorizontalAlignment[this._node.attrs.alignment as keyof typeof HorizontalAlignment] : null;
  }
  setAlignment(alignment: unknown): Paragraph {
    if (!isEnumValue(alignment, HorizontalAlignment)) throw signatureMismatch('DocumentApp.Paragraph.setAlignment', [alignment]);
    this._node.attrs.alignment = String(alignment);
    return this._self;
  }
  /** Points, or null when the paragraph keeps its style's spacing. */
  getSpacingBefore(): number | null {
    return this._node.attrs.spacingBefore ?? null;
  }
  getSpacingAfter(): number | null {
    return this._node.attrs.spacingAfter ?? null;
  }
  getLineSpacing(): number | null {
    return this._node.attrs.lineSpacing ?? null;
  }
  setSpacingBefore(v: number): Paragraph {
    this._node.attrs.spacingBefore = v;
    return this._self;
  }
  setSpacingAfter(v: number): Paragraph {
    this._node.attrs.spacingAfter = v;
    return this._self;
  }
  setLineSpacing(v: number): Paragraph {
    this._node.attrs.lineSpacing = v;
    return this._self;
  }
  setIndentStart(v: number): Paragraph {
    this._node.attrs.indentStart = v;
    return this._self;
  }
  setIndentFirstLine(v: number): Paragraph {
    this._node.attrs.indentFirstLine = v;
    return this._self;
  }
  setIndentEnd(v: number): Paragraph {
    this._node.attrs.indentEnd = v;
    return this._self;
  }
  setGlyphType(glyphType: unknown): Paragraph {
    if (this._node.type !== 'LIST_ITEM') throw new AppsScriptException('not implemented in the emulator: Paragraph.setGlyphType');
    if (!isEnumValue(glyphType, GlyphType)) throw signatureMismatch('DocumentApp.ListItem.setGlyphType', [glyphType]);
    this._node.glyphType = String(glyphType);
    return this._self;
  }
  setNestingLevel(level: number): Paragraph {
    if (this._node.type !== 'LIST_ITEM') throw new AppsScriptException('not implemented in the emulator: Paragraph.setNestingLevel');
    this._node.nestingLevel = level;
    return this._self;
  }
  /** Keys are DocumentApp.Attribute names; text attributes apply to the whole paragraph. */
  setAttributes(attributes: unknown): Paragraph {
    applyAttributes([this._node], [], attributes, 'DocumentApp.Paragraph.setAttributes');
    return this._self;
  }
  /** Paragraph and text attributes by Attribute name (see paragraphAttributes); others are not modelled. */
  getAttributes(): Record<string, unknown> {
    return attributesView(paragraphAttributes(this._node), this._node.type === 'LIST_ITEM' ? 'ListItem' : 'Paragraph');
  }
  appendPageBreak(): unknown {
    this._node.inlines.push({ kind: 'pageBreak' });
    return expose(this._kernel, 'DocumentApp', 'PageBreak', new Leaf('PAGE_BREAK'));
  }
  appendHorizontalRule(): unknown {
    this._node.inlines.push({ kind: 'rule' });
    return expose(this._kernel, 'DocumentApp', 'HorizontalRule', new Leaf('HORIZONTAL_RULE'));
  }
  appendInlineImage(image: unknown): unknown {
    const data = imageFrom(image, 'DocumentApp.Paragraph.appendInlineImage');
    this._node.inlines.push({ kind: 'image', image: data });
    return publish(this._kernel, 'DocumentApp', 'InlineImage', new InlineImage(this._kernel, data, this._node.inlines));
  }
  removeFromParent(): unknown {
    if (!this._parent) throw new NotImplementedInEmulator('Paragraph.removeFromParent of a detached element');
    removeBlock(this._parent, this._node);
    return this._self;
  }
}
