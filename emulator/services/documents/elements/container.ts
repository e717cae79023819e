/**
 * What Body, HeaderSection, FooterSection and TableCell share: children and the insert methods.
 * It imports no concrete element class (subclasses wrap nodes through `_wrap`), so the classes
 * that extend it can load in any order.
 * https://developers.google.com/apps-script/reference/document/body
 * https://developers.google.com/apps-script/reference/document/header-section
 * https://developers.google.com/apps-script/reference/document/footer-section
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import { expose, unwrap } from '../../../core/facade';
import type { Kernel } from '../../../core/kernel';
import { Published, publish } from '../../../core/published';
import { ElementType } from '../enums';
import { InlineImage, imageFrom } from '../images';
import { emptyParagraph, plainText, type BlockNode, type ParagraphNode, type TableCellNode, type TableNode } from '../model';
import { makeText } from '../text';
import { applyAttributes, paragraphsIn } from './attributes';
import { Leaf } from './leaf';
import { cellsFrom, DETACHED, newTable, removeBlock, type Parent } from './nodes';
import { RangeElement } from './range-element';

export abstract class Container extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: Parent,
    readonly _className: string,
  ) {
    super();
  }

  /** The facade of a block of this container (wrap.ts's wrapBlock). */
  protected abstract _wrap(node: BlockNode, parent: Parent): unknown;

  private _insert(index: number, node: BlockNode): unknown {
    if (!Number.isInteger(index) || index < 0 || index > this._node.children.length) throw new AppsScriptException(`Child index (${index}) must be less than or equal to the number of child elements (${this._node.children.length}).`);
    this._node.children.splice(index, 0, node);
    return this._wrap(node, this._node);
  }

  /**
   * What an insert method was given: text (a new paragraph or list item) or a detached element
   * of the method's own type. Apps Script checks the type first — a Table given to
   * appendParagraph is a signature mismatch, "The parameters (DocumentApp.Table) don't match the
   * method signature for DocumentApp.Body.appendParagraph." — then that it is detached:
   * "Element must be detached." (as live runs answer; the same order is noted by gas-fakes,
   * which tests against live Apps Script: brucemcpherson/gas-fakes src/services/documentapp/appenderhelpers.js).
   */
  private _element(arg: unknown, method: string, type: BlockNode['type'], extra: unknown[] = []): BlockNode {
    if (typeof arg === 'string' && type !== 'TABLE') return { ...emptyParagraph(arg), type, ...(type === 'LIST_ITEM' ? { glyphType: 'BULLET', nestingLevel: 0 } : {}) };
    // Only a Paragraph, ListItem or Table holds a block node of one of these types.
    const raw = unwrap(arg) as { _node?: BlockNode } | null;
    const node = typeof raw === 'object' && raw !== null && !(raw instanceof Container) ? raw._node : undefined;
    if (!node || node.type !== type) throw signatureMismatch(`DocumentApp.${this._className}.${method}`, [...extra, arg]);
    if (!DETACHED.has(node)) throw new AppsScriptException('Element must be detached.');
    DETACHED.delete(node);
    return node;
  }

  getType(): unknown {
    return ElementType[this._node.type];
  }
  getNumChildren(): number {
    return this._node.children.length;
  }
  getChild(childIndex: number): unknown {
    const node = this._node.children[childIndex];
    if (!node) throw new AppsScriptException(`Child index (${childIndex}) must be less than the number of child elements (${this._node.children.length}).`);
    return this._wrap(node, this._node);
  }
  getChildIndex(child: unknown): number {
    const raw = unwrap(child) as { _node?: BlockNode };
    const i = this._node.children.indexOf(raw?._node as BlockNode);
    if (i < 0) throw new AppsScriptException('Element does not contain the specified child element.');
    return i;
  }
  removeChild(child: unknown): unknown {
    const i = this.getChildIndex(child);
    removeBlock(this._node, this._node.children[i]);
    return this._self;
  }
  appendParagraph(paragraph: unknown): unknown {
    return this._insert(this._node.children.length, this._element(paragraph, 'appendParagraph', 'PARAGRAPH'));
  }
  insertParagraph(childIndex: number, paragraph: unknown): unknown {
    return this._insert(childIndex, this._element(paragraph, 'insertParagraph', 'PARAGRAPH', [childIndex]));
  }
  appendListItem(listItem: unknown): unknown {
    return this._insert(this._node.children.length, this._element(listItem, 'appendListItem', 'LIST_ITEM'));
  }
  insertListItem(childIndex: number, listItem: unknown): unknown {
    return this._insert(childIndex, this._element(listItem, 'insertListItem', 'LIST_ITEM', [childIndex]));
  }
  /** appendTable(), appendTable(cells: String[][]) or appendTable(table: a detached Table). */
  appendTable(cells?: unknown): unknown {
    return this._insert(this._node.children.length, this._table(cells, 'appendTable'));
  }
  insertTable(childIndex: number, cells?: unknown): unknown {
    return this._insert(childIndex, this._table(cells, 'insertTable', [childIndex]));
  }
  private _table(cells: unknown, method: string, extra: unknown[] = []): TableNode {
    if (cells === undefined) return newTable(undefined);
    if (Array.isArray(cells)) return newTable(cellsFrom(cells, `DocumentApp.${this._className}.${method}`));
    return this._element(cells, method, 'TABLE', extra) as TableNode;
  }
  appendHorizontalRule(): unknown {
    const p = emptyParagraph();
    p.inlines.push({ kind: 'rule' });
    this._node.children.push(p);
    return expose(this._kernel, 'DocumentApp', 'HorizontalRule', new Leaf('HORIZONTAL_RULE'));
  }
  /** A new paragraph holding the image, at the end of the section. */
  appendImage(image: unknown): unknown {
    return this.insertImage(this._node.children.length, image, 'appendImage');
  }
  insertImage(childIndex: unknown, image: unknown, method = 'insertImage'): unknown {
    if (typeof childIndex !== 'number') throw signatureMismatch(`DocumentApp.${this._className}.${method}`, [childIndex, image]);
    const data = imageFrom(image, `DocumentApp.${this._className}.${method}`);
    const p = emptyParagraph();
    p.inlines.push({ kind: 'image', image: data });
    this._insert(childIndex, p);
    return publish(this._kernel, 'DocumentApp', 'InlineImage', new InlineImage(this._kernel, data, p.inlines));
  }
  /** Attributes (DocumentApp.Attribute names) for everything in the section: see applyAttributes. */
  setAttributes(attributes: unknown): unknown {
    applyAttributes(paragraphsIn(this._node.children), [], attributes, `DocumentApp.${this._className}.setAttributes`, this._node.type === 'TABLE_CELL' ? [this._node as TableCellNode] : undefined);
    return this._self;
  }
  getParagraphs(): unknown[] {
    const out: unknown[] = [];
    const walk = (parent: Parent) => {
      for (const c of parent.children) {
        if (c.type === 'TABLE') c.rows.forEach((r) => r.cells.forEach(walk));
        else out.push(this._wrap(c, parent));
      }
    };
    walk(this._node);
    return out;
  }
  getTables(): unknown[] {
    return this._node.children.filter((c): c is TableNode => c.type === 'TABLE').map((t) => this._wrap(t, this._node));
  }
  getListItems(): unknown[] {
    return this._node.children.filter((c) => c.type === 'LIST_ITEM').map((t) => this._wrap(t, this._node));
  }
  getText(): string {
    return plainText(this._node);
  }
  /** Every InlineImage in the section, tables' cells included, in document order. */
  protected _images(): unknown[] {
    return paragraphsIn(this._node.children).flatMap((p) =>
      p.inlines.flatMap((x) => (x.kind === 'image' ? [publish(this._kernel, 'DocumentApp', 'InlineImage', new InlineImage(this._kernel, x.image, p.inlines))] : [])),
    );
  }
  setText(text: string): unknown {
    this._node.children.splice(0, this._node.children.length, emptyParagraph(String(text)));
    return this._self;
  }
  clear(): unknown {
    this._node.children.splice(0, this._node.children.length, emptyParagraph());
    return this._self;
  }
  /**
   * The section's text as one Text. Modelled for a section of one paragraph: over several, Apps
   * Script's Text spans all of them (paragraphs joined by a newline), which the emulator's
   * per-paragraph text does not hold — refused rather than answered from the first paragraph only.
   */
  editAsText(): unknown {
    const first = this._node.children.find((c): c is ParagraphNode => c.type !== 'TABLE');
    if (!first || this._node.children.length > 1) throw new NotImplementedInEmulator(`${this._className}.editAsText over ${first ? 'more than one paragraph' : 'a section with no paragraph'}`);
    return makeText(this._kernel, first.rich);
  }
  /**
   * findText(searchPattern) / findText(searchPattern, from): the first match of the pattern in the
   * section's Text elements (each paragraph's text, tables' cells included, in document order),
   * after `from` (a result of an earlier search here) when given; null when there is none. Each
   * Text element is searched on its own. Apps Script's patterns are RE2-like; the emulator uses
   * JavaScript's. A pattern that matches empty text is not modelled.
   * https://developers.google.com/apps-script/reference/document/body#findText(String,RangeElement)
   */
  findText(searchPattern: unknown, from?: unknown): unknown {
    const method = `DocumentApp.${this._className}.findText`;
    const after = from === undefined || from === null ? null : unwrap(from);
    if (typeof searchPattern !== 'string' || (after !== null && !(after instanceof RangeElement))) throw signatureMismatch(method, from === undefined ? [searchPattern] : [searchPattern, from]);
    let re: RegExp;
    try {
      re = new RegExp(searchPattern, 'g');
    } catch {
      throw new NotImplementedInEmulator(`${this._className}.findText('${searchPattern}') (not a JavaScript pattern)`);
    }
    const texts = paragraphsIn(this._node.children).map((p) => p.rich);
    let i = 0;
    let offset = 0;
    if (after) {
      i = texts.indexOf(after._rich);
      if (i < 0) throw new NotImplementedInEmulator(`${this._className}.findText from a result outside this element`);
      offset = after._end + 1;
    }
    for (; i < texts.length; i++, offset = 0) {
      re.lastIndex = offset;
      const m = re.exec(texts[i].text);
      if (!m) continue;
      if (m[0].length === 0) throw new NotImplementedInEmulator(`${this._className}.findText('${searchPattern}') matching empty text`);
      return expose(this._kernel, 'DocumentApp', 'RangeElement', new RangeElement(this._kernel, texts[i], m.index, m.index + m[0].length - 1));
    }
    return null;
  }
  /**
   * Replaces every match in every paragraph (tables included). Apps Script uses RE2 patterns;
   * the emulator uses JavaScript's, which accept a superset of what the project writes.
   */
  replaceText(searchPattern: string, replacement: string): unknown {
    if (typeof searchPattern !== 'string' || typeof replacement !== 'string') throw signatureMismatch(`DocumentApp.${this._className}.replaceText`, [searchPattern, replacement]);
    const re = new RegExp(searchPattern, 'g');
    const visit = (parent: Parent) => {
      for (const c of parent.children) {
        if (c.type === 'TABLE') c.rows.forEach((r) => r.cells.forEach(visit));
        else replaceInRich(c, re, replacement);
      }
    };
    visit(this._node);
    return this._self;
  }
}

function replaceInRich(p: ParagraphNode, re: RegExp, replacement: string): void {
  const text = p.rich.text;
  let out = '';
  const attrs: ParagraphNode['rich']['attrs'] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    out += text.slice(last, at);
    attrs.push(...p.rich.attrs.slice(last, at));
    const style = p.rich.attrs[at] ?? p.rich.attrs[at - 1] ?? {};
    out += replacement;
    attrs.push(...Array.from(replacement, () => ({ ...style })));
    last = at + m[0].length;
    if (m[0].length === 0) break;
  }
  if (last === 0 && out === '') return;
  out += text.slice(last);
  attrs.push(...p.rich.attrs.slice(last));
  p.rich.text = out;
  p.rich.attrs = attrs;
}
