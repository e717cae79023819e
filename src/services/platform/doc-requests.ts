/**
 * A DocumentSpec as Docs API requests (the advanced Docs service's batchUpdate): every paragraph,
 * page break and table with its text, and every style — the page, fonts, emphasis, alignment,
 * spacing, column widths, borders, shading, what stays together — in ONE call, however many
 * pages. Why: DocumentApp takes a call per paragraph, per style setter and per styled cell (1,428
 * calls for 42 posters, about 214 s at Apps Script's ~0.15 s a call), while a batchUpdate is one
 * request whatever it holds: "Each batch request, including all subrequests, is counted as one
 * API request" and is applied atomically (https://developers.google.com/workspace/docs/api/how-tos/batch).
 *
 * What the API cannot do is left to DocumentApp, and planned here:
 * - images made in the script (QR codes, charts): the API inserts an image only from a URI "fetched
 *   once at insertion time … publicly accessible and at most 2 kB in length"
 *   (InsertInlineImageRequest.uri, https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#insertinlineimagerequest);
 *   a slip's QR holds a lookup key and must never be public. The plan reserves an empty paragraph
 *   for each and gives its place among the Doc's paragraphs (Body.getParagraphs(), which lists the
 *   paragraphs of table cells too, in document order);
 * - lists of cases (TableBlock.long: a report's appendix over a big quarter is 12,500 rows): one
 *   subrequest per cell would make a request of megabytes, while DocumentApp's
 *   Body.insertTable(childIndex, cells) takes the whole grid in one call — the same few calls for
 *   10 rows as for 10,000, so a Doc's calls never depend on how busy the period was;
 * - the empty paragraph before a table that opens the Doc: the API refuses "Deleting the newline
 *   character before a Table … without deleting the element" (DeleteContentRangeRequest.range),
 *   DocumentApp removes the paragraph.
 * Indexes are UTF-16 code units (a JavaScript string's length). The Doc is written from its start
 * forward, always at its last paragraph, so what is written never moves afterwards.
 */
import type { Align, Block, CellStyle, ChartBlock, DocumentSpec, ImageBlock, TableBlock, TextBlock } from '../../domain/report/blocks';

const POINTS_PER_MM = 72 / 25.4;
/** Space under an image in a cell, points: the tall accents of the line below ("SỐ") would reach into a QR code's quiet zone. */
const IMAGE_SPACING_PT = 4;
const HEADER_SHADE = '#e8eef7';
const PLACEHOLDER_SHADE = '#fff3c4';

export interface DocPlan {
  requests: object[];
  /** Images to put into the paragraph at `paragraph` of Body.getParagraphs(). */
  images: Array<{ paragraph: number; image: ImageBlock }>;
  charts: Array<{ paragraph: number; chart: ChartBlock }>;
  /** Lists of cases, by the Body child index each takes (in order, each counting the ones before). */
  caseLists: Array<{ childIndex: number; table: TableBlock; fontSize: number }>;
  /** The Doc opens with a table: remove the empty first paragraph, once everything else is in. */
  dropFirstParagraph: boolean;
}

const dim = (points: number) => ({ magnitude: Math.round(points * 100) / 100, unit: 'PT' });

function rgb(hex: string) {
  const n = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { color: { rgbColor: { red: n(1), green: n(3), blue: n(5) } } };
}

const ALIGN: Record<Align, string> = { left: 'START', center: 'CENTER', right: 'END', justify: 'JUSTIFIED' };

interface ParagraphLook {
  align?: Align;
  spaceAbove?: number;
  spaceBelow?: number;
  keep?: boolean;
}

/** Every paragraph style field the writer uses, so a paragraph split from a styled one keeps nothing it should not. */
function paragraphStyle(start: number, end: number, look: ParagraphLook): object {
  return {
    updateParagraphStyle: {
      range: { startIndex: start, endIndex: end },
      paragraphStyle: {
        ...(look.align && look.align !== 'left' ? { alignment: ALIGN[look.align] } : {}),
        ...(look.spaceAbove ? { spaceAbove: dim(look.spaceAbove) } : {}),
        ...(look.spaceBelow ? { spaceBelow: dim(look.spaceBelow) } : {}),
        ...(look.keep ? { keepWithNext: true, keepLinesTogether: true } : {}),
      },
      fields: 'alignment,spaceAbove,spaceBelow,keepWithNext,keepLinesTogether',
    },
  };
}

interface TextLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  family?: string;
  shade?: string;
}

/** The text style fields named by `look` (every field the writer uses when `all`). */
function textStyle(start: number, end: number, look: TextLook, all: boolean): object {
  const fields = all ? ['bold', 'italic', 'fontSize', 'weightedFontFamily', 'backgroundColor'] : (Object.keys(look) as Array<keyof TextLook>).map((k) => ({ bold: 'bold', italic: 'italic', size: 'fontSize', family: 'weightedFontFamily', shade: 'backgroundColor' })[k]);
  return {
    updateTextStyle: {
      range: { startIndex: start, endIndex: end },
      textStyle: {
        ...(look.bold !== undefined ? { bold: look.bold } : {}),
        ...(look.italic !== undefined ? { italic: look.italic } : {}),
        ...(look.size !== undefined ? { fontSize: dim(look.size) } : {}),
        ...(look.family ? { weightedFontFamily: { fontFamily: look.family } } : {}),
        ...(look.shade ? { backgroundColor: rgb(look.shade) } : {}),
      },
      fields: fields.join(','),
    },
  };
}

/** Builds the plan block by block; `open` is the Doc's last paragraph, where everything is written. */
class Planner {
  readonly plan: DocPlan = { requests: [], images: [], charts: [], caseLists: [], dropFirstParagraph: false };
  /** Start and text length of the last paragraph; fresh: empty and unused (a new Doc's, or after a table or a page break). */
  private open = { start: 1, length: 0, kind: 'fresh' as 'fresh' | 'used' };
  /** What comes before the last paragraph in the body. */
  private before: 'nothing' | 'paragraph' | 'table' = 'nothing';
  /** Paragraphs (Body.getParagraphs order) and Body children before the last paragraph. */
  private paragraphs = 0;
  private children = 0;

  constructor(private readonly spec: DocumentSpec) {
    const pg = spec.page;
    this.plan.requests.push({
      updateDocumentStyle: {
        documentStyle: { pageSize: { width: dim(pg.widthMm * POINTS_PER_MM), height: dim(pg.heightMm * POINTS_PER_MM) }, marginTop: dim(pg.marginTopMm * POINTS_PER_MM), marginBottom: dim(pg.marginBottomMm * POINTS_PER_MM), marginLeft: dim(pg.marginLeftMm * POINTS_PER_MM), marginRight: dim(pg.marginRightMm * POINTS_PER_MM) },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
      },
    });
  }

  private get end(): number {
    return this.open.start + this.open.length;
  }

  /** The last paragraph is done; a new empty one follows it. */
  private nextParagraph(): void {
    if (this.open.kind === 'fresh') return;
    this.plan.requests.push({ insertText: { location: { index: this.end }, text: '\n' } });
    this.finishOpen(this.end + 1);
  }

  private finishOpen(start: number, kind: 'fresh' | 'used' = 'fresh'): void {
    this.paragraphs += 1;
    this.children += 1;
    this.before = 'paragraph';
    this.open = { start, length: 0, kind };
  }

  text(b: TextBlock): void {
    let start: number;
    if (this.open.kind === 'fresh') {
      start = this.open.start;
      if (b.text) this.plan.requests.push({ insertText: { location: { index: start }, text: b.text } });
    } else {
      start = this.end + 1;
      this.plan.requests.push({ insertText: { location: { index: this.end }, text: `\n${b.text}` } });
      this.finishOpen(start);
    }
    const breaks = b.text.split('\n').length - 1;
    this.paragraphs += breaks;
    this.children += breaks;
    const lastLine = b.text.lastIndexOf('\n') + 1;
    this.open = { start: start + lastLine, length: b.text.length - lastLine, kind: 'used' };
    const end = start + b.text.length + 1;
    this.plan.requests.push(
      paragraphStyle(start, end, { align: b.align, spaceAbove: b.heading ? (b.heading === 'subsection' ? 6 : 12) : 0, keep: Boolean(b.keepWithNext || b.heading) }),
      textStyle(start, end, { bold: Boolean(b.bold), italic: Boolean(b.italic || b.placeholder), size: b.size ?? this.spec.font.size, family: this.spec.font.family, ...(b.placeholder ? { shade: PLACEHOLDER_SHADE } : {}) }, true),
    );
  }

  pageBreak(): void {
    // After an image's paragraph, in a paragraph of its own: the image goes in later, after the break.
    if (this.open.kind === 'used' && this.open.length === 0) this.nextParagraph();
    this.plan.requests.push({ insertPageBreak: { location: { index: this.end } } });
    this.finishOpen(this.end + 2);
  }

  private reserve(align: Align | undefined): number {
    this.nextParagraph();
    this.open.kind = 'used';
    this.plan.requests.push(paragraphStyle(this.open.start, this.open.start + 1, { align }));
    return this.paragraphs;
  }

  image(b: ImageBlock): void {
    this.plan.images.push({ paragraph: this.reserve(b.align), image: b });
  }

  chart(b: ChartBlock): void {
    this.plan.charts.push({ paragraph: this.reserve('left'), chart: b });
  }

  table(b: TableBlock): void {
    if (b.long) return this.caseList(b);
    let start: number;
    if (this.open.kind === 'fresh') {
      // The newline the API puts before a table leaves an empty paragraph there: joined to the
      // paragraph before it, removed by DocumentApp at the Doc's start, kept between two tables.
      this.plan.requests.push({ insertTable: { rows: b.rows.length, columns: b.rows[0].length, location: { index: this.open.start } } });
      start = this.open.start + 1;
      if (this.before === 'paragraph') {
        this.plan.requests.push({ deleteContentRange: { range: { startIndex: this.open.start - 1, endIndex: this.open.start } } });
        start -= 1;
      } else {
        if (this.before === 'nothing') this.plan.dropFirstParagraph = true;
        this.paragraphs += 1;
        this.children += 1;
      }
    } else {
      this.plan.requests.push({ insertTable: { rows: b.rows.length, columns: b.rows[0].length, location: { index: this.end } } });
      start = this.end + 1;
      this.paragraphs += 1;
      this.children += 1;
    }
    const end = this.fillTable(b, start);
    this.children += 1;
    this.before = 'table';
    this.open = { start: end, length: 0, kind: 'fresh' };
  }

  /** The cells' text (last cell first, so the indexes before stay true), then the table's look; returns the table's end. */
  private fillTable(b: TableBlock, start: number): number {
    const columns = b.rows[0].length;
    const images = new Map((b.cellImages ?? []).map((i) => [`${i.row}:${i.col}`, i.image]));
    // A cell's paragraphs: an empty one for its image first, then a paragraph a line.
    const content = b.rows.map((row, r) => row.map((text, c) => [...(images.has(`${r}:${c}`) ? [''] : []), ...text.split('\n')]));
    const inserts: object[] = [];
    content.forEach((row, r) =>
      row.forEach((lines, c) => {
        const text = lines.join('\n');
        if (text) inserts.push({ insertText: { location: { index: start + 3 + r * (1 + 2 * columns) + 2 * c }, text } });
      }),
    );
    this.plan.requests.push(...inserts.reverse());
    // Where each cell's paragraphs are now.
    let at = start + 1;
    const cells = content.map((row) => {
      at += 1;
      return row.map((lines) => {
        at += 1;
        return lines.map((line) => {
          const paragraph = { start: at, end: at + line.length + 1, ordinal: this.paragraphs++ };
          at = paragraph.end;
          return paragraph;
        });
      });
    });
    const end = at + 1;
    const family = this.spec.font.family;
    const size = b.size ?? (b.layout || b.cutOut ? this.spec.font.size : this.spec.font.size - 1);
    const requests = this.plan.requests;
    const table = { index: start };
    requests.push(textStyle(start, end, { size, family }, false));
    (b.widthsMm ?? []).forEach((w, i) => requests.push({ updateTableColumnProperties: { tableStartLocation: table, columnIndices: [i], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: dim(w * POINTS_PER_MM) }, fields: 'width,widthType' } }));
    const border = b.layout ? { width: 0, color: '#000000' } : b.cutOut ? { width: b.cutOut.borderPt, color: b.cutOut.color } : null;
    if (border) {
      const side = { width: dim(border.width), dashStyle: 'SOLID', color: rgb(border.color) };
      requests.push({ updateTableCellStyle: { tableStartLocation: table, tableCellStyle: { borderTop: side, borderBottom: side, borderLeft: side, borderRight: side }, fields: 'borderTop,borderBottom,borderLeft,borderRight' } });
    } else {
      const header = cells[0];
      requests.push(textStyle(header[0][0].start, header[columns - 1][header[columns - 1].length - 1].end, { bold: true }, false));
      requests.push({ updateTableCellStyle: { tableRange: { tableCellLocation: { tableStartLocation: table, rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: columns }, tableCellStyle: { backgroundColor: rgb(HEADER_SHADE) }, fields: 'backgroundColor' } });
    }
    cells.forEach((row, r) =>
      row.forEach((paragraphs, c) => {
        const image = images.get(`${r}:${c}`);
        const style: CellStyle = b.cellStyles?.[r]?.[c] ?? {};
        const lines = image ? paragraphs.slice(1) : paragraphs;
        const first = paragraphs[0].start;
        const last = paragraphs[paragraphs.length - 1].end;
        if (style.bold || style.italic) requests.push(textStyle(first, last, { bold: Boolean(style.bold), italic: Boolean(style.italic) }, false));
        if (style.heading && lines[0].end - lines[0].start > 1) requests.push(textStyle(lines[0].start, lines[0].end, { bold: true, size: style.heading }, false));
        (style.lines ?? []).forEach((look, i) => {
          const line = lines[i];
          if (!look || !line || line.end - line.start < 2) return;
          requests.push(textStyle(line.start, line.end, { ...(look.bold !== undefined ? { bold: look.bold } : {}), ...(look.italic !== undefined ? { italic: look.italic } : {}), ...(look.size !== undefined ? { size: look.size } : {}) }, false));
        });
        if (style.align && style.align !== 'left') requests.push(paragraphStyle(first, last, { align: style.align }));
        if (image) {
          requests.push(paragraphStyle(paragraphs[0].start, paragraphs[0].end, { align: style.align, spaceBelow: IMAGE_SPACING_PT }));
          this.plan.images.push({ paragraph: paragraphs[0].ordinal, image });
        }
      }),
    );
    if (b.keepRowsWhole) requests.push({ updateTableRowStyle: { tableStartLocation: table, tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } });
    return end;
  }

  /** Before an empty last paragraph, drawn later by DocumentApp (its cells are not among the paragraphs counted for images: images go in first). */
  private caseList(b: TableBlock): void {
    this.nextParagraph();
    this.plan.caseLists.push({ childIndex: this.children, table: b, fontSize: b.size ?? this.spec.font.size - 1 });
    this.children += 1;
    this.before = 'table';
  }
}

export function planDocument(spec: DocumentSpec): DocPlan {
  const planner = new Planner(spec);
  for (const b of spec.blocks) {
    const block: Block = b;
    if (block.type === 'paragraph') planner.text(block);
    else if (block.type === 'pageBreak') planner.pageBreak();
    else if (block.type === 'image') planner.image(block);
    else if (block.type === 'chart') planner.chart(block);
    else planner.table(block);
  }
  return planner.plan;
}
