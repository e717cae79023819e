/**
 * Copying a Doc's elements with DocumentApp alone: Element.copy() gives a detached deep copy,
 * the insert methods take only a detached element of their own type, and the body's page setup
 * reads and writes as attributes. (The transfer slip and reply letter are made this way: no
 * Drive scope.)
 */
import { createWorkspace } from '../../emulator';

type Doc = GoogleAppsScript.Document.Document;
type DocumentAppT = GoogleAppsScript.Document.DocumentApp;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example' });
  const DocumentApp = ws.globals.DocumentApp as DocumentAppT;
  const template = DocumentApp.create('Mẫu');
  const body = template.getBody();
  body.getChild(0).asParagraph().setText('Số: {{ma}}');
  body.appendParagraph('PHIẾU CHUYỂN').setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendTable([['Nơi nhận', 'Chủ tịch']]).setBorderWidth(0);
  body.appendListItem('Như trên');
  return { ws, DocumentApp, template, body };
}

describe('Element.copy() — https://developers.google.com/apps-script/reference/document/paragraph#copy()', () => {
  // "Returns a detached, deep copy of the current element. Any child elements present in the
  // element are also copied. The new element doesn't have a parent."
  it('is a deep copy: changing it leaves the original as it was; it keeps heading, alignment and borders', () => {
    const { DocumentApp, body } = setup();
    const title = body.getChild(1).copy() as GoogleAppsScript.Document.Paragraph;
    title.setText('ĐÃ SỬA');
    expect(body.getChild(1).asParagraph().getText()).toBe('PHIẾU CHUYỂN');
    expect(title.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(title.getAlignment()).toBe(DocumentApp.HorizontalAlignment.CENTER);
    const table = body.getChild(2).copy() as GoogleAppsScript.Document.Table;
    expect(table.getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(table.getBorderWidth()).toBe(0);
    expect(table.getCell(0, 1).getText()).toBe('Chủ tịch');
    expect(body.getChild(3).copy().getType()).toBe(DocumentApp.ElementType.LIST_ITEM);
  });

  it('a copy goes into another Doc with appendParagraph, appendTable, appendListItem, insertParagraph, insertTable and insertListItem', () => {
    const { DocumentApp, body } = setup();
    const out = DocumentApp.create('Phiếu').getBody();
    out.appendParagraph(body.getChild(1).copy() as GoogleAppsScript.Document.Paragraph);
    out.appendTable(body.getChild(2).copy() as GoogleAppsScript.Document.Table);
    out.appendListItem(body.getChild(3).copy() as GoogleAppsScript.Document.ListItem);
    out.insertParagraph(0, body.getChild(0).copy() as GoogleAppsScript.Document.Paragraph);
    out.insertTable(1, body.getChild(2).copy() as GoogleAppsScript.Document.Table);
    out.insertListItem(1, body.getChild(3).copy() as GoogleAppsScript.Document.ListItem);
    const types = Array.from({ length: out.getNumChildren() }, (_, i) => String(out.getChild(i).getType()));
    expect(types).toEqual(['PARAGRAPH', 'LIST_ITEM', 'TABLE', 'PARAGRAPH', 'PARAGRAPH', 'TABLE', 'LIST_ITEM']);
    expect(out.getChild(4).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(out.getChild(5).asTable().getBorderWidth()).toBe(0);
  });

  it('an element that has a parent is refused: "Element must be detached." — and a copy once inserted has one', () => {
    const { DocumentApp, body } = setup();
    const out = DocumentApp.create('Phiếu').getBody();
    expect(() => out.appendParagraph(body.getChild(1) as GoogleAppsScript.Document.Paragraph)).toThrow('Element must be detached.');
    expect(() => out.appendTable(body.getChild(2) as GoogleAppsScript.Document.Table)).toThrow('Element must be detached.');
    const copy = body.getChild(1).copy() as GoogleAppsScript.Document.Paragraph;
    out.appendParagraph(copy);
    expect(() => out.appendParagraph(copy)).toThrow('Element must be detached.');
  });

  it('each insert method takes only its own type, checked before detachment: a table for appendParagraph is a signature mismatch', () => {
    const { DocumentApp, body } = setup();
    const out = DocumentApp.create('Phiếu').getBody();
    const table = body.getChild(2).copy();
    expect(() => out.appendParagraph(table as unknown as GoogleAppsScript.Document.Paragraph)).toThrow(
      "The parameters (DocumentApp.Table) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
    expect(() => out.appendListItem(body.getChild(1).copy() as unknown as GoogleAppsScript.Document.ListItem)).toThrow(
      "The parameters (DocumentApp.Paragraph) don't match the method signature for DocumentApp.Body.appendListItem.",
    );
    expect(() => out.appendTable(body.getChild(3) as unknown as GoogleAppsScript.Document.Table)).toThrow(
      "The parameters (DocumentApp.ListItem) don't match the method signature for DocumentApp.Body.appendTable.",
    );
    expect(() => out.insertParagraph(0, table as unknown as GoogleAppsScript.Document.Paragraph)).toThrow(
      "The parameters (number,DocumentApp.Table) don't match the method signature for DocumentApp.Body.insertParagraph.",
    );
    // The refused copy is still detached and can go where it belongs.
    expect(out.appendTable(table as GoogleAppsScript.Document.Table).getNumRows()).toBe(1);
  });
});

describe('Body page setup as attributes — https://developers.google.com/apps-script/reference/document/attribute', () => {
  it('getAttributes gives the margins and page size in points; setAttributes sets them', () => {
    const { DocumentApp, body } = setup();
    body.setPageWidth(595.276).setPageHeight(841.89).setMarginLeft(85).setMarginTop(56.7);
    const attributes = body.getAttributes() as Record<string, unknown>;
    expect([attributes.PAGE_WIDTH, attributes.PAGE_HEIGHT, attributes.MARGIN_LEFT, attributes.MARGIN_TOP, attributes.MARGIN_RIGHT, attributes.MARGIN_BOTTOM]).toEqual([595.276, 841.89, 85, 56.7, 72, 72]);
    const out = DocumentApp.create('Phiếu').getBody();
    const page: Record<string, unknown> = {};
    for (const key of ['MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'PAGE_WIDTH', 'PAGE_HEIGHT']) page[key] = attributes[key];
    out.setAttributes(page);
    expect([out.getPageWidth(), out.getPageHeight(), out.getMarginLeft(), out.getMarginTop()]).toEqual([595.276, 841.89, 85, 56.7]);
    // The body's text attributes are not modelled: reading one is "not implemented", never a guess.
    expect(() => attributes[String(DocumentApp.Attribute.BOLD)]).toThrow('not implemented in the emulator');
  });
});

describe('Headers and footers — https://developers.google.com/apps-script/reference/document/header-section', () => {
  it('getHeader and getFooter are null until the Doc has one ("Retrieves the document\'s header section, if one exists")', () => {
    const { DocumentApp, body } = setup();
    const doc = DocumentApp.create('Phiếu');
    expect(doc.getHeader()).toBeNull();
    expect(doc.getFooter()).toBeNull();
    doc.addFooter().appendTable(body.getChild(2).copy() as GoogleAppsScript.Document.Table);
    expect(doc.getFooter().getNumChildren()).toBe(2);
    expect(doc.getFooter().getText()).toContain('Chủ tịch');
  });

  it('take copies too; only the body has appendPageBreak (HeaderSection, FooterSection and TableCell list none)', () => {
    const { DocumentApp, template, body } = setup();
    const header = template.addHeader();
    header.getChild(0).asParagraph().setText('{{uy_ban}}');
    const doc: Doc = DocumentApp.create('Phiếu');
    const copyHeader = doc.addHeader();
    copyHeader.appendParagraph(template.getHeader().getChild(0).copy() as GoogleAppsScript.Document.Paragraph);
    expect(copyHeader.getParagraphs().map((p) => p.getText())).toEqual(['', '{{uy_ban}}']);
    expect(() => (header as unknown as GoogleAppsScript.Document.Body).appendPageBreak()).toThrow('not implemented in the emulator: HeaderSection.appendPageBreak');
    const cell = body.getChild(2).asTable().getCell(0, 0);
    expect(() => (cell as unknown as GoogleAppsScript.Document.Body).appendPageBreak()).toThrow('not implemented in the emulator: TableCell.appendPageBreak');
  });
});
