/**
 * Draws a DocumentSpec (domain/report/blocks) into a new Google Doc. The number of Document
 * calls depends on the blocks, never on the number of cases: a table, however long, is one
 * appendTable call plus a constant few for its style; a chart is a DataTable, a chart, one PNG
 * (Charts service, inside Apps Script: no external chart service sees the figures) and one image.
 */
import type { Block, CellStyle, ChartBlock, DocumentSpec, ImageBlock, TableBlock, TextBlock } from '../../domain/report/blocks';

const POINTS_PER_MM = 72 / 25.4;
/** Space under an image in a cell, points. */
const IMAGE_SPACING_PT = 4;

/** A Google Doc the add-on made (drawn from blocks or copied from a template): what the sidebar opens. */
export interface WrittenDoc {
  id: string;
  url: string;
  name: string;
}

type Body = GoogleAppsScript.Document.Body;

function alignment(a: TextBlock['align']): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : H.LEFT;
}

function writeParagraph(body: Body, b: TextBlock, spec: DocumentSpec): void {
  const A = DocumentApp.Attribute;
  const para = body.appendParagraph(b.text);
  // Font, emphasis, alignment and spacing in one call: a report has many paragraphs.
  const attrs: Record<string, unknown> = { [A.FONT_FAMILY]: spec.font.family, [A.FONT_SIZE]: b.size ?? spec.font.size, [A.BOLD]: Boolean(b.bold), [A.ITALIC]: Boolean(b.italic || b.placeholder) };
  if (b.placeholder) attrs[A.BACKGROUND_COLOR] = '#fff3c4';
  if (b.align && b.align !== 'left') attrs[A.HORIZONTAL_ALIGNMENT] = alignment(b.align);
  if (b.heading) attrs[A.SPACING_BEFORE] = b.heading === 'subsection' ? 6 : 12;
  para.setAttributes(attrs);
}

function imageBlob(b: ImageBlock): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(Utilities.base64Decode(b.base64), b.mimeType, b.name);
}

function sizeImage(image: GoogleAppsScript.Document.InlineImage, b: ImageBlock): void {
  image.setAltTitle(b.title);
  image.setWidth(b.width).setHeight(b.height);
}

function writeTable(body: Body, b: TableBlock, spec: DocumentSpec): void {
  const A = DocumentApp.Attribute;
  const table = body.appendTable(b.rows);
  table.setAttributes({ [A.FONT_FAMILY]: spec.font.family, [A.FONT_SIZE]: b.size ?? (b.layout || b.cutOut ? spec.font.size : spec.font.size - 1) });
  (b.widthsMm ?? []).forEach((w, i) => table.setColumnWidth(i, w * POINTS_PER_MM));
  if (!b.layout && !b.cutOut) {
    table.getRow(0).setAttributes({ [A.BOLD]: true, [A.BACKGROUND_COLOR]: '#e8eef7' });
    return;
  }
  if (b.layout) table.setBorderWidth(0);
  else if (b.cutOut) table.setBorderWidth(b.cutOut.borderPt).setBorderColor(b.cutOut.color);
  // Each styled or illustrated cell once, in as few calls as it can be: a sheet of 42 stickers
  // or 40 slips is hundreds of cells, and every Document call counts.
  const images = new Map((b.cellImages ?? []).map((i) => [`${i.row}:${i.col}`, i.image]));
  const blobs = new Map<string, GoogleAppsScript.Base.Blob>();
  b.rows.forEach((row, r) =>
    row.forEach((text, c) => {
      const style: CellStyle = b.cellStyles?.[r]?.[c] ?? {};
      const image = images.get(`${r}:${c}`);
      const align = style.align && style.align !== 'left' ? alignment(style.align) : null;
      if (!image && !align && !style.bold && !style.italic && !style.heading && !style.lines) return;
      const cell = table.getCell(r, c);
      if (style.bold || style.italic) cell.setAttributes({ [A.BOLD]: Boolean(style.bold), [A.ITALIC]: Boolean(style.italic) });
      // While the cell holds its text alone, the text's offsets are the cell's.
      const end = (text.includes('\n') ? text.indexOf('\n') : text.length) - 1;
      if (style.heading && end >= 0) cell.editAsText().setBold(0, end, true).setFontSize(0, end, style.heading);
      if (style.lines) styleLines(cell.editAsText(), text, style.lines);
      if (align) cell.getChild(0).asParagraph().setAlignment(align);
      if (image) {
        // Above the text, in a paragraph of its own aligned like it. One blob per distinct image.
        if (!blobs.has(image.base64)) blobs.set(image.base64, imageBlob(image));
        const para = cell.insertParagraph(0, '');
        if (align) para.setAlignment(align);
        // Room under a QR code: the tall accents of the line below ("SỐ") would reach into its quiet zone.
        para.setSpacingAfter(IMAGE_SPACING_PT);
        sizeImage(para.appendInlineImage(blobs.get(image.base64)!), image);
      }
    }),
  );
}

/** Each styled line of a cell's text (lines split at "\n"), by its offsets: a letterhead's or a signature's lines. */
function styleLines(edit: GoogleAppsScript.Document.Text, text: string, lines: NonNullable<CellStyle['lines']>): void {
  let start = 0;
  text.split('\n').forEach((line, i) => {
    const style = lines[i];
    const end = start + line.length - 1;
    if (style && end >= start) {
      if (style.bold !== undefined) edit.setBold(start, end, style.bold);
      if (style.italic !== undefined) edit.setItalic(start, end, style.italic);
      if (style.size !== undefined) edit.setFontSize(start, end, style.size);
    }
    start += line.length + 1;
  });
}

function writeChart(body: Body, b: ChartBlock): void {
  const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, b.columns[0]);
  for (const c of b.columns.slice(1)) data.addColumn(Charts.ColumnType.NUMBER, c);
  for (const r of b.rows) data.addRow(r);
  const builder = b.kind === 'pie' ? Charts.newPieChart() : b.kind === 'column' ? Charts.newColumnChart() : Charts.newBarChart();
  builder.setDataTable(data).setTitle(b.title).setDimensions(b.width, b.height);
  if (b.colors?.length) builder.setColors(b.colors);
  if (b.kind !== 'pie') builder.setLegendPosition(Charts.Position.NONE);
  const png = builder.build().getAs('image/png').setName(`${b.title}.png`);
  const image = body.appendImage(png);
  image.setAltTitle(b.title);
  image.setWidth(b.width).setHeight(b.height);
}

function writeImage(body: Body, b: ImageBlock): void {
  // In a paragraph of its own, so it can be centred.
  const para = body.appendParagraph('');
  if (b.align && b.align !== 'left') para.setAlignment(alignment(b.align));
  sizeImage(para.appendInlineImage(imageBlob(b)), b);
}

function writeBlock(body: Body, b: Block, spec: DocumentSpec): void {
  switch (b.type) {
    case 'image':
      return writeImage(body, b);
    case 'paragraph':
      return writeParagraph(body, b, spec);
    case 'table':
      return writeTable(body, b, spec);
    case 'chart':
      return writeChart(body, b);
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

export function writeDocument(spec: DocumentSpec): WrittenDoc {
  const doc = DocumentApp.create(spec.name);
  const body = doc.getBody();
  const pg = spec.page;
  body
    .setPageWidth(pg.widthMm * POINTS_PER_MM)
    .setPageHeight(pg.heightMm * POINTS_PER_MM)
    .setMarginTop(pg.marginTopMm * POINTS_PER_MM)
    .setMarginBottom(pg.marginBottomMm * POINTS_PER_MM)
    .setMarginLeft(pg.marginLeftMm * POINTS_PER_MM)
    .setMarginRight(pg.marginRightMm * POINTS_PER_MM);
  for (const b of spec.blocks) writeBlock(body, b, spec);
  // A new Doc starts with one empty paragraph: drop it, the content is below it.
  const first = body.getChild(0);
  if (body.getNumChildren() > 1 && first.getType() === DocumentApp.ElementType.PARAGRAPH && first.asParagraph().getText() === '') first.removeFromParent();
  doc.saveAndClose();
  keepTogether(doc.getId(), spec);
  return { id: doc.getId(), url: doc.getUrl(), name: doc.getName() };
}

/**
 * What DocumentApp cannot say, asked of the Docs API (the advanced Docs service, under the same
 * documents scope) in two calls, once the Doc is saved — the API sees only saved changes: a
 * heading or a paragraph marked keepWithNext stays on the page of the block after it; a table
 * marked keepRowsWhole never breaks a row across pages. The body's elements after its section
 * break are the spec's blocks, one each (the new Doc's empty first paragraph was removed).
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#paragraphstyle
 */
function keepTogether(id: string, spec: DocumentSpec): void {
  const asked = spec.blocks.some((b) => (b.type === 'paragraph' && (b.keepWithNext || b.heading)) || (b.type === 'table' && b.keepRowsWhole));
  if (!asked) return;
  // The manifest enables the service (appsscript.json, dependencies.enabledAdvancedServices).
  if (!Docs) throw new Error('doc-writer: the advanced Docs service is not enabled');
  const elements = (Docs.Documents.get(id).body?.content ?? []).filter((e) => !e.sectionBreak);
  if (elements.length !== spec.blocks.length) throw new Error(`doc-writer: ${elements.length} elements for ${spec.blocks.length} blocks in ${spec.name}`);
  // As the API reference spells them (the bundled types predate updateTableRowStyle).
  const requests: object[] = [];
  spec.blocks.forEach((b, i) => {
    const e = elements[i];
    if ((b.type === 'table') !== Boolean(e.table)) throw new Error(`doc-writer: block ${i} of ${spec.name} is not where it was written`);
    if (b.type === 'paragraph' && (b.keepWithNext || b.heading)) {
      requests.push({ updateParagraphStyle: { range: { startIndex: e.startIndex, endIndex: e.endIndex }, paragraphStyle: { keepWithNext: true, keepLinesTogether: true }, fields: 'keepWithNext,keepLinesTogether' } });
    }
    if (b.type === 'table' && b.keepRowsWhole) {
      requests.push({ updateTableRowStyle: { tableStartLocation: { index: e.startIndex }, tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } });
    }
  });
  Docs.Documents.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
}
