/**
 * A document as plain data: what the report and the monthly publication say, block by block,
 * before anything touches DocumentApp. Pure, so what a Doc contains (and what it must never
 * contain) is tested without the Documents service; services/platform/doc-writer.ts draws it.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextBlock {
  type: 'paragraph';
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  /** Points; the document's size when absent. */
  size?: number;
  /** A section heading (I., II. …) or the title. */
  heading?: 'title' | 'section' | 'subsection';
  /** Left for staff to write (evaluation, direction): shown highlighted. */
  placeholder?: boolean;
  /**
   * Laid out on the same page as the block after it (a heading is, always). DocumentApp cannot say
   * it: the writer asks the Docs API (ParagraphStyle.keepWithNext).
   */
  keepWithNext?: boolean;
}

/** One line of a cell: its own emphasis and size. */
export interface LineStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  /** The cell's first line only: bold, at this size (points) — a sticker's or slip's heading. */
  heading?: number;
  /** Per line of the cell's text (split at "\n", in order; absent: as the cell): what that line alone has. */
  lines?: Array<LineStyle | undefined>;
}

export interface TableBlock {
  type: 'table';
  /** First row is the header (of a data table). Every cell is text; lines are separated by "\n". */
  rows: string[][];
  /** Borderless layout table (the letterhead) instead of a data table. */
  layout?: boolean;
  /**
   * A cut-out sheet (stickers, paper slips) instead of a data table: no header row, a thin border
   * to cut along.
   */
  cutOut?: { borderPt: number; color: string };
  /** Per cell of a layout or cut-out table: bold/italic/centred (whole cells) or a heading line. */
  cellStyles?: Array<Array<CellStyle | undefined>>;
  /** Column widths in millimetres; Docs shares the width evenly when absent. */
  widthsMm?: number[];
  /** Points; the document's size (one less for a data table) when absent. */
  size?: number;
  /** Images at the top of a cell, above its text (a sticker's QR code). */
  cellImages?: Array<{ row: number; col: number; image: ImageBlock }>;
  /**
   * A list of cases (an appendix, the overdue cases, a month's published answers): as long as the
   * period was busy — thousands of rows over a large ward's quarter. Drawn in one call, whatever
   * its length, instead of a request per cell (services/platform/doc-requests.ts).
   */
  long?: boolean;
  /** No row is broken across two pages (Docs API TableRowStyle.preventOverflow): a signature block. */
  keepRowsWhole?: boolean;
}

export interface ChartBlock {
  type: 'chart';
  kind: 'bar' | 'column' | 'pie';
  title: string;
  /** Label and one or more series (columns), first column is the label. */
  columns: string[];
  rows: Array<[string, ...number[]]>;
  /** Pixels of the PNG (the Doc shows it at this width). */
  width: number;
  height: number;
  stacked?: boolean;
  colors?: string[];
}

/** An image made in code (a QR code): its bytes, shown at `width` × `height` pixels. */
export interface ImageBlock {
  type: 'image';
  base64: string;
  mimeType: 'image/gif' | 'image/png' | 'image/jpeg';
  name: string;
  width: number;
  height: number;
  /** Alt text (what the image is for, e.g. the link it encodes). */
  title: string;
  align?: Align;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block = TextBlock | TableBlock | ChartBlock | ImageBlock | PageBreakBlock;

export interface DocumentSpec {
  name: string;
  /** A4 portrait, margins in millimetres (Decree 30/2020/NĐ-CP: top/bottom 20–25, left 30–35, right 15–20). */
  page: { widthMm: number; heightMm: number; marginTopMm: number; marginBottomMm: number; marginLeftMm: number; marginRightMm: number };
  font: { family: string; size: number };
  blocks: Block[];
}

export const A4_ADMINISTRATIVE: DocumentSpec['page'] = { widthMm: 210, heightMm: 297, marginTopMm: 20, marginBottomMm: 20, marginLeftMm: 30, marginRightMm: 15 };

export const p = (text: string, style: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({ type: 'paragraph', text, ...style });

/** Every text the document shows, for checks that nothing personal got in. */
export function allText(spec: DocumentSpec): string {
  const parts: string[] = [spec.name];
  for (const b of spec.blocks) {
    if (b.type === 'paragraph') parts.push(b.text);
    if (b.type === 'table') parts.push(...b.rows.flat());
    if (b.type === 'chart') parts.push(b.title, ...b.columns, ...b.rows.map((r) => r[0]));
    if (b.type === 'image') parts.push(b.title);
    if (b.type === 'table') parts.push(...(b.cellImages ?? []).map((c) => c.image.title));
  }
  return parts.join('\n');
}
