/** A document's element tree, apart from the facades (DocumentApp's structure). */

export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

/** Text with one attribute set per character (paragraphs in reports are short). */
export interface RichText {
  text: string;
  attrs: TextAttrs[];
}

export interface ParagraphAttrs {
  heading?: string;
  alignment?: string;
  spacingBefore?: number;
  spacingAfter?: number;
  lineSpacing?: number;
  indentStart?: number;
  indentFirstLine?: number;
  indentEnd?: number;
  /** Set through the Docs API only (DocumentApp has no such attribute): see docs-api.ts. */
  keepWithNext?: boolean;
  keepLinesTogether?: boolean;
}

export interface ImageData {
  base64: string;
  contentType: string;
  /** Shown size in pixels; a new image has its own pixel size. */
  width: number;
  height: number;
  /** The blob's name, which getBlob() hands back. */
  name?: string | null;
  altTitle?: string | null;
  altDescription?: string | null;
  linkUrl?: string | null;
}

export type Inline = { kind: 'image'; image: ImageData } | { kind: 'pageBreak' } | { kind: 'rule' };

export interface ParagraphNode {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  rich: RichText;
  /**
   * The text style of the paragraph's newline, where the Docs API set it (an updateTextStyle range
   * that covers it): what gives an empty paragraph its height.
   */
  endAttrs?: TextAttrs;
  attrs: ParagraphAttrs;
  /** Images, page breaks and horizontal rules sit inside paragraphs in Docs. */
  inlines: Inline[];
  glyphType?: string;
  nestingLevel?: number;
}

export interface TableCellNode {
  type: 'TABLE_CELL';
  children: Array<ParagraphNode | TableNode>;
  backgroundColor?: string;
  width?: number;
}

export interface TableRowNode {
  type: 'TABLE_ROW';
  cells: TableCellNode[];
  /** Set through the Docs API only: the row never breaks across pages. */
  preventOverflow?: boolean;
}

export interface TableNode {
  type: 'TABLE';
  rows: TableRowNode[];
  borderWidth: number;
  borderColor: string;
  columnWidths: Record<number, number>;
}

export type BlockNode = ParagraphNode | TableNode;

export interface ContainerNode {
  type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION' | 'TABLE_CELL';
  children: BlockNode[];
}

export interface DocumentData {
  id: string;
  name: string;
  body: ContainerNode;
  header: ContainerNode | null;
  footer: ContainerNode | null;
  margins: { top: number; bottom: number; left: number; right: number };
  pageWidth: number;
  pageHeight: number;
}

export function emptyParagraph(text = ''): ParagraphNode {
  return { type: 'PARAGRAPH', rich: { text, attrs: Array.from(text, () => ({})) }, attrs: {}, inlines: [] };
}

export function plainText(node: BlockNode | TableCellNode | ContainerNode): string {
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.rich.text;
    case 'TABLE':
      return node.rows.map((r) => r.cells.map((c) => plainText(c)).join('\t')).join('\n');
    default:
      return node.children.map((c) => plainText(c)).join('\n');
  }
}
