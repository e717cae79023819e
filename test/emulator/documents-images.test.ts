/**
 * DocumentApp: images (InlineImage), the Body's page setup, element attributes on tables, and the
 * document as the local ward shows it (pages of the Doc's size and margins, images at their size).
 */
import { PNG } from 'pngjs';
import { createWorkspace } from '../../emulator';

function setup(snapshot?: string) {
  const ws = snapshot ? createWorkspace({ snapshot }) : createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  if (!snapshot) ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp; Utilities: GoogleAppsScript.Utilities.Utilities };
  return { ws, ...g };
}

/** A real w×h PNG (solid colour). */
function png(w: number, h: number): number[] {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([0x1a, 0x73, 0xe8, 0xff], i * 4);
  return [...PNG.sync.write(p)];
}

/** The header of a baseline JPEG of w×h (SOI, APP0, SOF0): enough for its size. */
function jpeg(w: number, h: number): number[] {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  return [0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9];
}

const signed = (bytes: number[]) => bytes.map((b) => (b > 127 ? b - 256 : b));

describe('InlineImage — https://developers.google.com/apps-script/reference/document/inline-image', () => {
  it('a new image has its own pixel size; setWidth/setHeight change what is shown', () => {
    const { ws, DocumentApp, Utilities } = setup();
    const doc = DocumentApp.create('Áp phích QR');
    const image = doc.getBody().appendImage(Utilities.newBlob(png(240, 160), 'image/png', 'qr.png'));
    expect(String(image.getType())).toBe('INLINE_IMAGE');
    expect([image.getWidth(), image.getHeight()]).toEqual([240, 160]);
    expect(image.setWidth(120)).toBe(image);
    image.setHeight(80);
    expect([image.getWidth(), image.getHeight()]).toEqual([120, 80]);
    expect(ws.documents.html(doc.getId())).toContain('width="120" height="80"');
    const jpg = doc.getBody().appendImage(Utilities.newBlob(jpeg(640, 480), 'image/jpeg', 'anh.jpg'));
    expect([jpg.getWidth(), jpg.getHeight()]).toEqual([640, 480]);
    expect(() => image.setWidth('120' as unknown as number)).toThrow("The parameters (String) don't match the method signature for DocumentApp.InlineImage.setWidth.");
  });

  it('keeps the image’s bytes (getBlob, getAs) and its alternate title and description', () => {
    const { DocumentApp, Utilities } = setup();
    const bytes = png(30, 20);
    const image = DocumentApp.create('Áp phích').getBody().appendImage(Utilities.newBlob(bytes, 'image/png', 'qr.png'));
    expect(image.getBlob().getBytes()).toEqual(signed(bytes));
    expect(image.getBlob().getContentType()).toBe('image/png');
    expect(image.getAs('image/png').getBytes()).toEqual(signed(bytes));
    expect(() => image.getAs('text/plain')).toThrow('Converting from image/png to text/plain is not supported.');
    // "the alternate title, or null if the element does not have an alternate title".
    expect(image.getAltTitle()).toBeNull();
    expect(image.getAltDescription()).toBeNull();
    expect(image.setAltTitle('Mã QR góp ý')).toBe(image);
    image.setAltDescription('Quét để gửi ý kiến cho Ủy ban MTTQ phường');
    expect(image.getAltTitle()).toBe('Mã QR góp ý');
    expect(image.getAltDescription()).toBe('Quét để gửi ý kiến cho Ủy ban MTTQ phường');
  });

  it('refuses what is not a PNG, JPEG or GIF image', () => {
    const { DocumentApp, Utilities } = setup();
    const body = DocumentApp.create('x').getBody();
    expect(() => body.appendImage(Utilities.newBlob('không phải ảnh', 'text/plain', 'a.txt'))).toThrow('Invalid image data.');
    expect(() => body.appendImage(Utilities.newBlob('không phải ảnh', 'image/png', 'a.png'))).toThrow('Invalid image data.');
    expect(() => body.appendImage('qr.png' as unknown as GoogleAppsScript.Base.Blob)).toThrow("The parameters (String) don't match the method signature for DocumentApp.Body.appendImage.");
  });

  it('survives a snapshot with its bytes, size and alternate title', () => {
    const first = setup();
    const doc = first.DocumentApp.create('Áp phích');
    first.DocumentApp.openById(doc.getId()).getBody().appendImage(first.Utilities.newBlob(png(50, 40), 'image/png', 'qr.png')).setWidth(100).setHeight(80).setAltTitle('Mã QR');
    const before = first.ws.documents.html(doc.getId());
    const again = setup(first.ws.snapshot());
    expect(again.ws.documents.html(doc.getId())).toBe(before);
    const src = /src="data:image\/png;base64,([^"]+)"/.exec(before)![1];
    expect([...Buffer.from(src, 'base64')]).toEqual(png(50, 40));
    expect(before).toContain('alt="Mã QR"');
    expect(before).toContain('width="100" height="80"');
  });

  it('removeFromParent takes the image out of its paragraph', () => {
    const { ws, DocumentApp, Utilities } = setup();
    const doc = DocumentApp.create('x');
    const image = doc.getBody().appendParagraph('Ảnh: ').appendInlineImage(Utilities.newBlob(png(4, 4), 'image/png'));
    expect(ws.documents.html(doc.getId())).toContain('data:image/png;base64,');
    image.removeFromParent();
    expect(ws.documents.html(doc.getId())).not.toContain('data:image/png;base64,');
  });
});

describe('Body — https://developers.google.com/apps-script/reference/document/body', () => {
  it('insertImage puts the image in a new paragraph at the child index', () => {
    const { DocumentApp, Utilities } = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendParagraph('Cuối');
    const image = body.insertImage(0, Utilities.newBlob(png(8, 6), 'image/png'));
    expect([image.getWidth(), image.getHeight()]).toEqual([8, 6]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(0).asParagraph().getText()).toBe('');
    expect(body.getChild(2).asParagraph().getText()).toBe('Cuối');
    expect(() => body.insertImage(9, Utilities.newBlob(png(8, 6), 'image/png'))).toThrow('Child index (9) must be less than or equal to the number of child elements (3).');
  });

  it('holds the page size and margins in points: a new Doc is US Letter with one-inch margins', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Báo cáo').getBody();
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    expect([body.getMarginTop(), body.getMarginBottom(), body.getMarginLeft(), body.getMarginRight()]).toEqual([72, 72, 72, 72]);
    // A4, with the margins of a Vietnamese administrative document (20 / 20 / 30 / 15 mm).
    const mm = 72 / 25.4;
    expect(body.setPageWidth(595.276).setPageHeight(841.89).setMarginTop(20 * mm).setMarginBottom(20 * mm).setMarginLeft(30 * mm).setMarginRight(15 * mm)).toBe(body);
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([595.276, 841.89]);
    expect(body.getMarginLeft()).toBeCloseTo(85.04, 2);
    expect(() => body.setMarginLeft('30mm' as unknown as number)).toThrow("The parameters (String) don't match the method signature for DocumentApp.Body.setMarginLeft.");
  });

  it('the ward shows the Doc as pages of its size and margins, with a print stylesheet for them', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Báo cáo');
    doc.getBody().setPageWidth(595.276).setPageHeight(841.89).setMarginTop(56.693).setMarginBottom(56.693).setMarginLeft(85.039).setMarginRight(42.52);
    doc.getBody().appendParagraph('Trang một');
    doc.getBody().appendPageBreak();
    doc.getBody().appendParagraph('Trang hai');
    const html = ws.documents.html(doc.getId());
    expect(html).toContain('@page{size:595.276pt 841.89pt;margin:56.693pt 42.52pt 56.693pt 85.039pt}');
    expect(html).toContain('width:595.276pt;height:841.89pt;padding:56.693pt 42.52pt 56.693pt 85.039pt');
    expect(html).toContain('@media print{');
    expect(html.match(/<section class="page/g)).toHaveLength(2);
    expect(html.indexOf('Trang một')).toBeLessThan(html.indexOf('</section>'));
    expect(html.indexOf('Trang hai')).toBeGreaterThan(html.indexOf('</section>'));
  });
});

describe('Paragraph — https://developers.google.com/apps-script/reference/document/paragraph', () => {
  it('spacing before and after (points) and line spacing show in the ward’s page', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Khoảng cách');
    const p = doc.getBody().appendParagraph('I. KẾT QUẢ');
    expect(p.getSpacingBefore()).toBeNull();
    expect(p.setSpacingBefore(12)).toBe(p);
    p.setSpacingAfter(6).setLineSpacing(1.5);
    expect([p.getSpacingBefore(), p.getSpacingAfter(), p.getLineSpacing()]).toEqual([12, 6, 1.5]);
    expect(ws.documents.html(doc.getId())).toContain('<p style="margin-top:12pt;margin-bottom:6pt;line-height:1.73">I. KẾT QUẢ</p>');
  });
});

describe('Table and TableRow attributes — https://developers.google.com/apps-script/reference/document/table#setAttributes(Object)', () => {
  it('text attributes reach every cell’s text; BACKGROUND_COLOR shades the cells; borders belong to the table', () => {
    const { ws, DocumentApp } = setup();
    const A = DocumentApp.Attribute;
    const doc = DocumentApp.create('Bảng');
    const table = doc.getBody().appendTable([
      ['Lĩnh vực', 'Số ý kiến'],
      ['Môi trường', '12'],
    ]);
    expect(table.setAttributes({ [A.FONT_FAMILY]: 'Times New Roman', [A.FONT_SIZE]: 12 })).toBe(table);
    const header = table.getRow(0);
    expect(header.setAttributes({ [A.BOLD]: true, [A.BACKGROUND_COLOR]: '#e8eef7' })).toBe(header);
    table.getCell(1, 1).setAttributes({ [A.ITALIC]: true });
    table.setAttributes({ [A.BORDER_WIDTH]: 0 });
    expect(table.getCell(0, 0).editAsText().isBold(0)).toBe(true);
    expect(table.getCell(1, 0).editAsText().isBold(0)).toBeNull();
    expect(table.getCell(1, 0).editAsText().getFontSize(0)).toBe(12);
    const html = ws.documents.html(doc.getId());
    expect(html).toContain('background:#e8eef7');
    expect(html).toContain('font-weight:bold;font-size:12pt;font-family:&quot;Times New Roman&quot;');
    expect(html).toContain('font-style:italic');
    expect(html).toContain('border:0pt solid');
  });
});

describe('cut-out sheets: images and emphasis inside table cells', () => {
  // https://developers.google.com/apps-script/reference/document/table-cell (insertImage, editAsText)
  // https://developers.google.com/apps-script/reference/document/table (setBorderColor, setColumnWidth)
  // https://developers.google.com/apps-script/reference/document/text (setBold/setFontSize over a range)
  it('TableCell.insertImage puts the image in a new paragraph at the child index, above the cell\'s text', () => {
    const { ws, DocumentApp, Utilities } = setup();
    const doc = DocumentApp.create('Tem dán');
    const table = doc.getBody().appendTable([['HÒM THƯ SỐ\nTổ dân phố 7', '']]);
    const cell = table.getCell(0, 0);
    const image = cell.insertImage(0, Utilities.newBlob(png(60, 60), 'image/png', 'qr.png'));
    image.setWidth(40).setHeight(40);
    expect(cell.getNumChildren()).toBe(2);
    expect(String(cell.getChild(0).getType())).toBe('PARAGRAPH');
    expect(cell.getChild(1).asParagraph().getText()).toBe('HÒM THƯ SỐ\nTổ dân phố 7');
    expect(ws.documents.html(doc.getId())).toMatch(/<td[^>]*>[\s\S]*width="40" height="40"[\s\S]*HÒM THƯ SỐ/);
  });

  it('TableCell.insertParagraph adds a paragraph at the child index; an image appended to it sits above the text, aligned with it', () => {
    const { ws, DocumentApp, Utilities } = setup();
    const doc = DocumentApp.create('Phiếu');
    const cell = doc.getBody().appendTable([['PHẦN ÔNG/BÀ GIỮ LẠI']]).getCell(0, 0);
    cell.getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    const para = cell.insertParagraph(0, '');
    para.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    para.appendInlineImage(Utilities.newBlob(png(30, 30), 'image/png', 'qr.png'));
    expect(cell.getNumChildren()).toBe(2);
    expect([cell.getChild(0).asParagraph().getText(), cell.getChild(1).asParagraph().getText()]).toEqual(['', 'PHẦN ÔNG/BÀ GIỮ LẠI']);
    expect(String(cell.getChild(0).asParagraph().getAlignment())).toBe('CENTER');
    expect(ws.documents.html(doc.getId())).toMatch(/<td[^>]*><p[^>]*text-align:center[^>]*><img[\s\S]*PHẦN ÔNG\/BÀ GIỮ LẠI/);
  });

  it('editAsText of a cell sets bold and size over a range of its text only', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Phiếu');
    const cell = doc.getBody().appendTable([['PHIẾU GÓP Ý\nNội dung']]).getCell(0, 0);
    const text = cell.editAsText();
    expect(text.setBold(0, 10, true).setFontSize(0, 10, 13)).toBe(text);
    expect([text.isBold(0), text.getFontSize(0), text.isBold(12), text.getFontSize(12)]).toEqual([true, 13, null, null]);
    expect(() => text.setFontSize(0, 10, -1)).toThrow();
  });

  it('setBorderColor takes a #rrggbb colour; the ward draws the cut line in it', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Phiếu');
    const table = doc.getBody().appendTable([['a', 'b']]);
    expect(table.setBorderWidth(1).setBorderColor('#757575').setColumnWidth(0, 380)).toBe(table);
    expect([table.getBorderWidth(), table.getBorderColor()]).toEqual([1, '#757575']);
    expect(() => table.setBorderColor('grey')).toThrow();
    expect(ws.documents.html(doc.getId())).toContain('solid #757575');
  });
});
