/**
 * Document elements: Body / HeaderSection / FooterSection / TableCell (containers), Paragraph,
 * ListItem, Table, TableRow, InlineImage, PageBreak, HorizontalRule.
 * https://developers.google.com/apps-script/reference/document/body
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading } from './enums';
import { emptyParagraph, plainText, type BlockNode, type ContainerNode, type ImageData, type ParagraphNode, type TableCellNode, type TableNode, type TableRowNode } from './model';
import { insertRich, makeText, setRich } from './text';

type Parent = ContainerNode | TableCellNode;

/** PNG and GIF sizes from their headers; other images default to 100 × 100. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  return { width: 100, height: 100 };
}

function blobImage(blob: unknown, method: string): ImageData {
  const raw = unwrap(blob) as { _bytes?: Uint8Array; _contentType?: string | null };
  if (!raw || !(raw._bytes instanceof Uint8Array)) throw signatureMismatch(method, [blob]);
  if (!/^image\/(png|jpeg|gif)$/.test(raw._contentType ?? '')) throw new AppsScriptException('Invalid image data.');
  return { base64: Buffer.from(raw._bytes).toString('base64'), contentType: raw._contentType!, ...imageSize(raw._bytes) };
}

function cellsFrom(value: unknown, method: string): string[][] {
  if (!Array.isArray(value) || !value.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) throw signatureMismatch(method, [value]);
  return value as string[][];
}

function newTable(cells: string[][] | undefined): TableNode {
  return {
    type: 'TABLE',
    rows: (cells ?? []).map((r) => ({ type: 'TABLE_ROW', cells: r.map((c) => newCell(c)) })),
    borderWidth: 1,
    borderColor: '#000000',
    columnWidths: {},
  };
}

function newCell(text: string): TableCellNode {
  return { type: 'TABLE_CELL', children: [emptyParagraph(text)] };
}

export function wrapBlock(kernel: Kernel, node: BlockNode, parent: Parent): unknown {
  if (node.type === 'TABLE') return publish(kernel, 'DocumentApp', 'Table', new Table(kernel, node, parent));
  return publish(kernel, 'DocumentApp', node.type === 'LIST_ITEM' ? 'ListItem' : 'Paragraph', new Paragraph(kernel, node, parent));
}

/**
 * Docs keeps a paragraph at the end of every section (body, header, footer): its last element
 * cannot be removed. https://developers.google.com/apps-script/reference/document/body
 */
function removeBlock(parent: Parent, node: BlockNode): void {
  const i = parent.children.indexOf(node);
  if (i < 0) return;
  if (parent.type !== 'TABLE_CELL' && i === parent.children.length - 1) throw new AppsScriptException("Can't remove the last paragraph in a document section.");
  parent.children.splice(i, 1);
}

/** Body, HeaderSection, FooterSection and TableCell share the container API. */
export class Container extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: Parent,
    readonly _className: string,
  ) {
    super();
  }

  private _insert(index: number, node: BlockNode): unknown {
    if (!Number.isInteger(index) || index < 0 || index > this._node.children.length) throw new AppsScriptException(`Child index (${index}) must be less than or equal to the number of child elements (${this._node.children.length}).`);
    this._node.children.splice(index, 0, node);
    return wrapBlock(this._kernel, node, this._node);
  }

  private _paragraphNode(arg: unknown, method: string, type: 'PARAGRAPH' | 'LIST_ITEM'): ParagraphNode {
    if (typeof arg === 'string') return { ...emptyParagraph(arg), type, ...(type === 'LIST_ITEM' ? { glyphType: 'BULLET', nestingLevel: 0 } : {}) };
    const raw = unwrap(arg) as Paragraph;
    if (raw instanceof Paragraph) return JSON.parse(JSON.stringify(raw._node)) as ParagraphNode;
    throw signatureMismatch(`DocumentApp.${this._className}.${method}`, [arg]);
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
    return wrapBlock(this._kernel, node, this._node);
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
    return this._insert(this._node.children.length, this._paragraphNode(paragraph, 'appendParagraph', 'PARAGRAPH'));
  }
  insertParagraph(childIndex: number, paragraph: unknown): unknown {
    return this._insert(childIndex, this._paragraphNode(paragraph, 'insertParagraph', 'PARAGRAPH'));
  }
  appendListItem(listItem: unknown): unknown {
    return this._insert(this._node.children.length, this._paragraphNode(listItem, 'appendListItem', 'LIST_ITEM'));
  }
  insertListItem(childIndex: number, listItem: unknown): unknown {
    return this._insert(childIndex, this._paragraphNode(listItem, 'insertListItem', 'LIST_ITEM'));
  }
  appendTable(cells?: unknown): unknown {
    return this._insert(this._node.children.length, newTable(cells === undefined ? undefined : cellsFrom(cells, `DocumentApp.${this._className}.appendTable`)));
  }
  insertTable(childIndex: number, cells?: unknown): unknown {
    return this._insert(childIndex, newTable(cells === undefined ? undefined : cellsFrom(cells, `DocumentApp.${this._className}.insertTable`)));
  }
  /** Docs puts a page break inside a new paragraph at the end of the body. */
  appendPageBreak(): unknown {
    const p = emptyParagraph();
    p.inlines.push({ kind: 'pageBreak' });
    this._node.children.push(p);
    return expose(this._kernel, 'DocumentApp', 'PageBreak', new Leaf('PAGE_BREAK'));
  }
  appendHorizontalRule(): unknown {
    const p = emptyParagraph();
    p.inlines.push({ kind: 'rule' });
    this._node.children.push(p);
    return expose(this._kernel, 'DocumentApp', 'HorizontalRule', new Leaf('HORIZONTAL_RULE'));
  }
  appendImage(image: unknown): unknown {
    const data = blobImage(image, `DocumentApp.${this._className}.appendImage`);
    const p = emptyParagraph();
    p.inlines.push({ kind: 'image', image: data });
    this._node.children.push(p);
    return expose(this._kernel, 'DocumentApp', 'InlineImage', new InlineImage(data));
  }
  getParagraphs(): unknown[] {
    const out: unknown[] = [];
    const walk = (parent: Parent) => {
      for (const c of parent.children) {
        if (c.type === 'TABLE') c.rows.forEach((r) => r.cells.forEach(walk));
        else out.push(wrapBlock(this._kernel, c, parent));
      }
    };
    walk(this._node);
    return out;
  }
  getTables(): unknown[] {
    return this._node.children.filter((c): c is TableNode => c.type === 'TABLE').map((t) => wrapBlock(this._kernel, t, this._node));
  }
  getListItems(): unknown[] {
    return this._node.children.filter((c) => c.type === 'LIST_ITEM').map((t) => wrapBlock(this._kernel, t, this._node));
  }
  getText(): string {
    return plainText(this._node);
  }
  setText(text: string): unknown {
    this._node.children.splice(0, this._node.children.length, emptyParagraph(String(text)));
    return this._self;
  }
  clear(): unknown {
    this._node.children.splice(0, this._node.children.length, emptyParagraph());
    return this._self;
  }
  editAsText(): unknown {
    const first = this._node.children.find((c): c is ParagraphNode => c.type !== 'TABLE');
    if (!first) throw new AppsScriptException('not implemented in the emulator: editAsText over a section with no paragraph');
    return makeText(this._kernel, first.rich);
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
  setBackgroundColor(color: string): unknown {
    if (this._node.type !== 'TABLE_CELL') throw new AppsScriptException(`not implemented in the emulator: ${this._className}.setBackgroundColor`);
    (this._node as TableCellNode).backgroundColor = color;
    return this._self;
  }
  setWidth(width: number): unknown {
    if (this._node.type !== 'TABLE_CELL') throw new AppsScriptException(`not implemented in the emulator: ${this._className}.setWidth`);
    (this._node as TableCellNode).width = width;
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

class Leaf {
  constructor(readonly _type: 'PAGE_BREAK' | 'HORIZONTAL_RULE') {}
  getType(): unknown {
    return ElementType[this._type];
  }
}

class InlineImage {
  constructor(readonly _data: ImageData) {}
  getType(): unknown {
    return ElementType.INLINE_IMAGE;
  }
  getWidth(): number {
    return this._data.width;
  }
  getHeight(): number {
    return this._data.height;
  }
  setWidth(width: number): InlineImage {
    this._data.width = width;
    return this;
  }
  setHeight(height: number): InlineImage {
    this._data.height = height;
    return this;
  }
}

const PARAGRAPH_ATTRS: Record<string, keyof ParagraphNode['attrs']> = {
  HORIZONTAL_ALIGNMENT: 'alignment',
  HEADING: 'heading',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
  INDENT_START: 'indentStart',
  INDENT_FIRST_LINE: 'indentFirstLine',
  INDENT_END: 'indentEnd',
};
const TEXT_ATTRS: Record<string, string> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_SIZE: 'fontSize',
  FONT_FAMILY: 'fontFamily',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};

/** Paragraph and ListItem: https://developers.google.com/apps-script/reference/document/paragraph */
export class Paragraph extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: ParagraphNode,
    readonly _parent: Parent,
  ) {
    super();
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
  setAttributes(attributes: Record<string, unknown>): Paragraph {
    for (const [key, value] of Object.entries(attributes)) {
      if (!(key in Attribute)) throw new AppsScriptException(`Invalid attribute: ${key}`);
      if (key in PARAGRAPH_ATTRS) (this._node.attrs as Record<string, unknown>)[PARAGRAPH_ATTRS[key]] = isEnumValue(value) ? String(value) : value;
      else if (key in TEXT_ATTRS) this._node.rich.attrs = this._node.rich.attrs.map((a) => ({ ...a, [TEXT_ATTRS[key]]: value }));
    }
    return this._self;
  }
  getAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(PARAGRAPH_ATTRS)) out[key] = this._node.attrs[prop] ?? null;
    return out;
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
    const data = blobImage(image, 'DocumentApp.Paragraph.appendInlineImage');
    this._node.inlines.push({ kind: 'image', image: data });
    return expose(this._kernel, 'DocumentApp', 'InlineImage', new InlineImage(data));
  }
  removeFromParent(): unknown {
    removeBlock(this._parent, this._node);
    return this._self;
  }
}

/** Table: https://developers.google.com/apps-script/reference/document/table */
export class Table extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: TableNode,
    readonly _parent: Parent,
  ) {
    super();
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
    return publish(this._kernel, 'DocumentApp', 'TableCell', new Container(this._kernel, cell, 'TableCell'));
  }
  getText(): string {
    return plainText(this._node);
  }
  setBorderWidth(width: number): Table {
    this._node.borderWidth = width;
    return this._self;
  }
  setBorderColor(color: string): Table {
    this._node.borderColor = color;
    return this._self;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    this._node.columnWidths[columnIndex] = width;
    return this._self;
  }
  removeFromParent(): unknown {
    removeBlock(this._parent, this._node);
    return this._self;
  }
}

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
    return publish(this._kernel, 'DocumentApp', 'TableCell', new Container(this._kernel, cell, 'TableCell'));
  }
  appendTableCell(text?: string): unknown {
    const cell = newCell(text === undefined ? '' : String(text));
    this._node.cells.push(cell);
    return publish(this._kernel, 'DocumentApp', 'TableCell', new Container(this._kernel, cell, 'TableCell'));
  }
  getText(): string {
    return this._node.cells.map((c) => plainText(c)).join('\t');
  }
}
