/**
 * DocumentApp elements the emulator once lacked or got wrong: a Chart as the image of
 * Body.appendImage/insertImage (a BlobSource), Body.findText and getImages, column widths of tables
 * and cells, a cell's column span, and the text attributes a paragraph reports.
 */
import { PNG } from 'pngjs';
import { createWorkspace } from '../../emulator';

type Document = GoogleAppsScript.Document.DocumentApp;
type Charts = GoogleAppsScript.Charts.Charts;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as { DocumentApp: Document; Charts: Charts; Utilities: GoogleAppsScript.Utilities.Utilities };
  return { ws, ...g, body: g.DocumentApp.create('Báo cáo').getBody() };
}

function chart(Charts: Charts, width: number, height: number): GoogleAppsScript.Charts.Chart {
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Lĩnh vực').addColumn(Charts.ColumnType.NUMBER, 'Số ý kiến').addRow(['Môi trường', 4]).addRow(['Trật tự', 2]);
  return Charts.newColumnChart().setDataTable(table).setDimensions(width, height).build();
}

function png(w: number, h: number): number[] {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([0x1a, 0x73, 0xe8, 0xff], i * 4);
  return [...PNG.sync.write(p)];
}

// "appendImage(image: BlobSource) — Creates and inserts a new InlineImage from the specified image
// blob", and Chart is one of BlobSource's implementing classes ("Chart: A Chart object, which can
// be converted to a static image"): https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)
// https://developers.google.com/apps-script/reference/base/blob-source
describe('Body.appendImage / insertImage with a Chart — https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)', () => {
  it('appendImage(chart) puts the chart’s PNG (getBlob) in the Doc at its own size', () => {
    const { Charts, body } = setup();
    const c = chart(Charts, 400, 200);
    const image = body.appendImage(c);
    expect([image.getWidth(), image.getHeight()]).toEqual([400, 200]);
    expect(image.getBlob().getContentType()).toBe('image/png');
    expect(image.getBlob().getBytes()).toEqual(c.getBlob().getBytes());
  });

  it('insertImage(childIndex, chart) puts it at the child index', () => {
    const { Charts, body } = setup();
    body.appendParagraph('Kết luận');
    const image = body.insertImage(0, chart(Charts, 300, 150));
    expect(image.getWidth()).toBe(300);
    expect(body.getChild(0).asParagraph().getText()).toBe('');
    expect(body.getImages()).toHaveLength(1);
  });

  it('other BlobSources whose blob is no image are still refused: "Invalid image data."', () => {
    const { ws, body } = setup();
    const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    expect(() => body.appendImage(HtmlService.createHtmlOutput('<b>x</b>') as unknown as GoogleAppsScript.Base.BlobSource)).toThrow('Invalid image data.');
  });
});

// "findText(searchPattern) — Searches the contents of the element for the specified text pattern
// using regular expressions … Returns: RangeElement — a search result indicating the position of
// the search text, or null if there is no match"; findText(searchPattern, from) "Searches the
// contents of the element for the specified text pattern, starting from a given search result."
// https://developers.google.com/apps-script/reference/document/body#findText(String)
// https://developers.google.com/apps-script/reference/document/body#findText(String,RangeElement)
// https://developers.google.com/apps-script/reference/document/range-element
describe('Body.findText — https://developers.google.com/apps-script/reference/document/body#findText(String)', () => {
  function doc() {
    const s = setup();
    s.body.getChild(0).asParagraph().setText('Mã hồ sơ: GY-1');
    s.body.appendTable([['Ô A', 'Hạn: GY-2']]);
    s.body.appendParagraph('Xem thêm GY-3 và GY-4');
    return s;
  }

  it('returns a RangeElement over the first match: its Text element and inclusive offsets', () => {
    const { body, DocumentApp } = doc();
    const found = body.findText('GY-\\d');
    expect(found).not.toBeNull();
    expect(found.getStartOffset()).toBe(10);
    expect(found.getEndOffsetInclusive()).toBe(13);
    expect(found.isPartial()).toBe(true);
    const text = found.getElement();
    expect(text.getType()).toBe(DocumentApp.ElementType.TEXT);
    expect(text.asText().getText()).toBe('Mã hồ sơ: GY-1');
  });

  it('from a result, goes on to the next match: inside table cells, then later in the same paragraph; null at the end', () => {
    const { body } = doc();
    const seen: string[] = [];
    for (let r = body.findText('GY-\\d'); r !== null; r = body.findText('GY-\\d', r)) {
      seen.push(r.getElement().asText().getText().slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1));
    }
    expect(seen).toEqual(['GY-1', 'GY-2', 'GY-3', 'GY-4']);
  });

  it('is null when nothing matches, and the match is case-sensitive', () => {
    const { body } = doc();
    expect(body.findText('gy-1')).toBeNull();
    expect(body.findText('Không có')).toBeNull();
  });

  it('lets the found text be styled through the Text element', () => {
    const { body } = doc();
    const found = body.findText('GY-3');
    found.getElement().asText().setBold(found.getStartOffset(), found.getEndOffsetInclusive(), true);
    const p = body.getChild(2).asParagraph();
    expect(p.editAsText().isBold(9)).toBe(true);
    expect(p.editAsText().isBold(0)).toBeNull();
  });
});

// "getImages() — Retrieves all the InlineImages contained in the section."
// https://developers.google.com/apps-script/reference/document/body#getImages()
describe('Body.getImages — https://developers.google.com/apps-script/reference/document/body#getImages()', () => {
  it('every inline image of the section in order, those in table cells included', () => {
    const { body, Utilities } = setup();
    expect(body.getImages()).toEqual([]);
    body.appendImage(Utilities.newBlob(png(10, 10), 'image/png', 'a.png'));
    const cell = body.appendTable([['']]).getCell(0, 0);
    cell.insertImage(0, Utilities.newBlob(png(20, 10), 'image/png', 'b.png'));
    body.appendParagraph('sau').appendInlineImage(Utilities.newBlob(png(30, 10), 'image/png', 'c.png'));
    const images = body.getImages();
    expect(images.map((i) => i.getWidth())).toEqual([10, 20, 30]);
    images[0].setAltTitle('QR');
    expect(body.getImages()[0].getAltTitle()).toBe('QR');
  });
});

// "getColumnWidth(columnIndex) — Retrieves the width of the specified table column, in points."
// https://developers.google.com/apps-script/reference/document/table#getColumnWidth(Integer)
// TableCell: "getWidth() — Retrieves the width of the column containing the cell, in points.",
// "setWidth(width) — Sets the width of the column containing the current cell, in points.",
// "getColSpan() — … Non-merged cells have a col span of 1."
// https://developers.google.com/apps-script/reference/document/table-cell
describe('Table and TableCell widths and spans — https://developers.google.com/apps-script/reference/document/table-cell#getWidth()', () => {
  it('Table.getColumnWidth reads what setColumnWidth set, in points', () => {
    const { body } = setup();
    const t = body.appendTable([['a', 'b'], ['c', 'd']]).setColumnWidth(1, 120.5);
    expect(t.getColumnWidth(1)).toBe(120.5);
  });

  it('TableCell.setWidth sets the width of the cell’s column: every cell of that column reports it', () => {
    const { body } = setup();
    const t = body.appendTable([['a', 'b'], ['c', 'd']]);
    t.getCell(0, 1).setWidth(90);
    expect(t.getCell(1, 1).getWidth()).toBe(90);
    expect(t.getColumnWidth(1)).toBe(90);
    t.setColumnWidth(0, 50);
    expect(t.getRow(1).getCell(0).getWidth()).toBe(50);
  });

  it('a column whose width was never set is not modelled (Docs’ default width is not documented)', () => {
    const { body } = setup();
    const t = body.appendTable([['a', 'b']]);
    expect(() => t.getColumnWidth(0)).toThrow('not implemented in the emulator');
    expect(() => t.getCell(0, 0).getWidth()).toThrow('not implemented in the emulator');
  });

  it('non-merged cells span one column and one row', () => {
    const { body } = setup();
    const cell = body.appendTable([['a', 'b']]).getCell(0, 1);
    expect(cell.getColSpan()).toBe(1);
    expect(cell.getRowSpan()).toBe(1);
  });
});

// "getAttributes() — Retrieves the element's attributes. The result is an object containing a
// property for each valid element attribute where each property name corresponds to an item in
// the DocumentApp.Attribute enumeration." Text attributes set with setAttributes are among them.
// https://developers.google.com/apps-script/reference/document/paragraph#getAttributes()
// https://developers.google.com/apps-script/reference/document/attribute
describe('Paragraph.getAttributes — https://developers.google.com/apps-script/reference/document/paragraph#getAttributes()', () => {
  it('reports the text attributes setAttributes gave the whole paragraph', () => {
    const { body, DocumentApp } = setup();
    const p = body.appendParagraph('Kính gửi');
    const A = DocumentApp.Attribute;
    p.setAttributes({ [A.BOLD]: true, [A.FONT_SIZE]: 14, [A.FOREGROUND_COLOR]: '#cc0000', [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER });
    const attrs = p.getAttributes();
    expect(attrs[A.BOLD]).toBe(true);
    expect(attrs[A.FONT_SIZE]).toBe(14);
    expect(attrs[A.FOREGROUND_COLOR]).toBe('#cc0000');
    expect(attrs[A.ITALIC]).toBeNull();
    expect(attrs[A.HORIZONTAL_ALIGNMENT]).toBe(DocumentApp.HorizontalAlignment.CENTER);
  });

  it('a text attribute that differs along the text reads null', () => {
    const { body, DocumentApp } = setup();
    const p = body.appendParagraph('Kính gửi');
    p.editAsText().setBold(0, 3, true);
    expect(p.getAttributes()[DocumentApp.Attribute.BOLD]).toBeNull();
  });

  it('an attribute the emulator does not model is never read as a guess', () => {
    const { body } = setup();
    expect(() => (body.appendParagraph('x').getAttributes() as Record<string, unknown>).LEFT_TO_RIGHT).toThrow('not implemented in the emulator');
  });
});

// "copy() — Returns a detached, deep copy of the current element."
// https://developers.google.com/apps-script/reference/document/paragraph#copy()
describe('Paragraph.copy — https://developers.google.com/apps-script/reference/document/paragraph#copy()', () => {
  it('exists and keeps the text attributes, which the copy reports', () => {
    const { body, DocumentApp } = setup();
    const p = body.appendParagraph('Trân trọng');
    p.setAttributes({ [DocumentApp.Attribute.ITALIC]: true });
    const copy = p.copy();
    expect(copy.getText()).toBe('Trân trọng');
    expect(copy.getAttributes()[DocumentApp.Attribute.ITALIC]).toBe(true);
    copy.setText('khác');
    expect(p.getText()).toBe('Trân trọng');
  });
});

// Text.insertText(offset, text), deleteText(start, endInclusive) and setItalic(start, end, italic):
// https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String).
// Text inserted inside a run takes the attributes of the character before it (as typing does in
// Docs); what the reference leaves open, the emulator keeps narrow: offsets past the end are refused.
describe('Text.insertText, deleteText, setItalic — https://developers.google.com/apps-script/reference/document/text', () => {
  it('fills a field in place, keeping its emphasis: insert after it, then delete it', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('Mẫu').getBody().appendParagraph('Số: {{ma}}/HTS');
    const text = p.editAsText();
    text.setItalic(4, 9, true);
    text.insertText(10, 'GY-2026-00001');
    text.deleteText(4, 9);
    expect(p.getText()).toBe('Số: GY-2026-00001/HTS');
    expect([text.isItalic(3), text.isItalic(4), text.isItalic(16), text.isItalic(17)]).toEqual([null, true, true, null]);
    expect(() => text.insertText(99, 'x')).toThrow('Invalid offset: 99');
    expect(() => text.deleteText(3, 99)).toThrow('Invalid text range.');
  });
});
