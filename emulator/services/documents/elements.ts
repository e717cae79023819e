/**
 * Document elements: Body / HeaderSection / FooterSection / TableCell (containers), Paragraph,
 * ListItem, Table, TableRow, InlineImage, PageBreak, HorizontalRule.
 * https://developers.google.com/apps-script/reference/document/body
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading } from './enums';
import { InlineImage, imageFrom } from './images';
import { emptyParagraph, plainText, type BlockNode, type ContainerNode, type DocumentData, type ParagraphNode, type TableCellNode, type TableNode, type TableRowNode } from './model';
import { insertRich, makeText, setRich } from './text';

type Parent = ContainerNode | TableCellNode;

/**
 * Elements made by Element.copy(): "a detached, deep copy of the current element … The new
 * element doesn't have a parent" (https://developers.google.com/apps-script/reference/document/paragraph#copy()).
 * Only a detached element can be inserted; inserting attaches it (a second insert is refused).
 */
const DETACHED = new WeakSet<BlockNode>();

/** A deep copy of a block: text, styles, inline images, page breaks, rules, rows and cells. */
function cloneBlock<T extends BlockNode>(node: T): T {
  return JSON.parse(JSON.stringify(node)) as T;
}

const CLASS_OF_TYPE: Record<BlockNode['type'], string> = { PARAGRAPH: 'Paragraph', LIST_ITEM: 'ListItem', TABLE: 'Table' };

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

export function wrapBlock(kernel: Kernel, node: BlockNode, parent: Parent | null): unknown {
  if (node.type === 'TABLE') return publish(kernel, 'DocumentApp', 'Table', new Table(kernel, node, parent));
  return publish(kernel, 'DocumentApp', CLASS_OF_TYPE[node.type], new Paragraph(kernel, node, parent));
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
    const raw = unwrap(arg) as { _node?: BlockNode } | null;
    const node = raw instanceof Paragraph || raw instanceof Table ? raw._node : undefined;
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

/** Every paragraph (and list item) among `children`, tables' cells included. */
function paragraphsIn(children: ReadonlyArray<BlockNode>): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const c of children) {
    if (c.type === 'TABLE') c.rows.forEach((r) => r.cells.forEach((cell) => out.push(...paragraphsIn(cell.children))));
    else out.push(c);
  }
  return out;
}

/**
 * Element.setAttributes: keys are DocumentApp.Attribute names (enum values stringify to them).
 * Paragraph attributes apply to every paragraph inside the element, text attributes to all of
 * their text; BACKGROUND_COLOR shades the cells of a table, row or cell; BORDER_WIDTH and
 * BORDER_COLOR belong to tables. null clears an attribute. Attributes the emulator does not draw
 * are refused rather than dropped.
 */
function applyAttributes(paragraphs: ParagraphNode[], tables: TableNode[], attributes: unknown, method: string, cells?: TableCellNode[]): void {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw signatureMismatch(method, [attributes]);
  for (const [key, raw] of Object.entries(attributes as Record<string, unknown>)) {
    if (!(key in Attribute)) throw new AppsScriptException(`Invalid attribute: ${key}`);
    const value = isEnumValue(raw) ? String(raw) : raw;
    if (key === 'BACKGROUND_COLOR' && cells) {
      for (const cell of cells) {
        if (value === null) delete cell.backgroundColor;
        else cell.backgroundColor = String(value);
      }
    } else if (key in PARAGRAPH_ATTRS) {
      for (const p of paragraphs) {
        const attrs = p.attrs as Record<string, unknown>;
        if (value === null) delete attrs[PARAGRAPH_ATTRS[key]];
        else attrs[PARAGRAPH_ATTRS[key]] = value;
      }
    } else if (key in TEXT_ATTRS) {
      const prop = TEXT_ATTRS[key];
      for (const p of paragraphs) {
        p.rich.attrs = p.rich.attrs.map((a) => {
          const next = { ...a } as Record<string, unknown>;
          if (value === null) delete next[prop];
          else next[prop] = value;
          return next;
        });
      }
    } else if ((key === 'BORDER_WIDTH' || key === 'BORDER_COLOR') && tables.length) {
      for (const t of tables) {
        if (key === 'BORDER_WIDTH') t.borderWidth = Number(value ?? 1);
        else t.borderColor = String(value ?? '#000000');
      }
    } else {
      throw new NotImplementedInEmulator(`${method.replace(/^DocumentApp\./, '')} with ${key}`);
    }
  }
}

/** Paragraph and ListItem: https://developers.google.com/apps-script/reference/document/paragraph */
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
    const node = cloneBlock(this._node);
    DETACHED.add(node);
    return wrapBlock(this._kernel, node, null);
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

/** Table: https://developers.google.com/apps-script/reference/document/table */
export class Table extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _node: TableNode,
    readonly _parent: Parent | null,
  ) {
    super();
  }

  /** A detached, deep copy: https://developers.google.com/apps-script/reference/document/table#copy() */
  copy(): unknown {
    const node = cloneBlock(this._node);
    DETACHED.add(node);
    return wrapBlock(this._kernel, node, null);
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
  getBorderWidth(): number {
    return this._node.borderWidth;
  }
  getBorderColor(): string {
    return this._node.borderColor;
  }
  setBorderColor(color: string): Table {
    if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) throw signatureMismatch('DocumentApp.Table.setBorderColor', [color]);
    this._node.borderColor = color;
    return this._self;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    this._node.columnWidths[columnIndex] = width;
    return this._self;
  }
  setAttributes(attributes: unknown): Table {
    const cells = this._node.rows.flatMap((r) => r.cells);
    applyAttributes(paragraphsIn([this._node]), [this._node], attributes, 'DocumentApp.Table.setAttributes', cells);
    return this._self;
  }
  removeFromParent(): unknown {
    if (!this._parent) throw new NotImplementedInEmulator('Table.removeFromParent of a detached element');
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
  setAttributes(attributes: unknown): TableRow {
    applyAttributes(this._node.cells.flatMap((c) => paragraphsIn(c.children)), [], attributes, 'DocumentApp.TableRow.setAttributes', this._node.cells);
    return this._self;
  }
}

const PAGE_SETTERS: Record<string, (body: Body, points: number) => void> = {
  MARGIN_TOP: (b, v) => (b._doc.margins.top = v),
  MARGIN_BOTTOM: (b, v) => (b._doc.margins.bottom = v),
  MARGIN_LEFT: (b, v) => (b._doc.margins.left = v),
  MARGIN_RIGHT: (b, v) => (b._doc.margins.right = v),
  PAGE_WIDTH: (b, v) => (b._doc.pageWidth = v),
  PAGE_HEIGHT: (b, v) => (b._doc.pageHeight = v),
};

/**
 * Body: the section with the page setup. Sizes are in points; a new Doc is a US Letter page
 * (612 × 792) with one-inch margins, A4 is 595.276 × 841.89.
 * https://developers.google.com/apps-script/reference/document/body#setPageWidth(Number)
 */
export class Body extends Container {
  constructor(
    kernel: Kernel,
    readonly _doc: DocumentData,
  ) {
    super(kernel, _doc.body, 'Body');
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
    return new Proxy(page, {
      get(target, key) {
        if (typeof key === 'string' && key in Attribute && !(key in target)) throw new NotImplementedInEmulator(`Body.getAttributes()[${key}]`);
        return Reflect.get(target, key);
      },
    });
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
