/** DocumentApp, DriveApp, Blob and Utilities. */
import { createWorkspace } from '../../emulator';

// A 2×3 PNG (header is what matters for the size).
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000002000000030806000000', 'hex');

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T11:45:16.123Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as {
    DocumentApp: GoogleAppsScript.Document.DocumentApp;
    DriveApp: GoogleAppsScript.Drive.DriveApp;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    MimeType: Record<string, string>;
  };
  return { ws, ...g };
}

describe('Document — https://developers.google.com/apps-script/reference/document/document', () => {
  it('a new document’s body holds one empty paragraph', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Báo cáo quý IV');
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getText()).toBe('');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Báo cáo quý IV');
    expect(() => doc.addHeader() && doc.addHeader()).toThrow('Document tab already contains a header.');
  });
});

describe('Body — https://developers.google.com/apps-script/reference/document/body', () => {
  it('appends headings, paragraphs, list items, tables, images and page breaks', () => {
    const { ws, DocumentApp, Utilities } = setup();
    const doc = DocumentApp.create('Phiếu chuyển');
    const body = doc.getBody();
    const first = body.getChild(0).asParagraph();
    expect(first.setText('ỦY BAN MTTQ VIỆT NAM PHƯỜNG')).toBeUndefined();
    first.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendParagraph('Báo cáo').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendListItem('Mục một');
    const table = body.appendTable([['Lĩnh vực', 'Số ý kiến'], ['Môi trường', '12']]);
    expect(table.getNumRows()).toBe(2);
    expect(table.getCell(1, 0).getText()).toBe('Môi trường');
    body.appendPageBreak();
    const img = body.appendImage(Utilities.newBlob([...PNG], 'image/png', 'qr.png'));
    expect([img.getWidth(), img.getHeight()]).toEqual([2, 3]);
    expect(body.getText()).toBe('ỦY BAN MTTQ VIỆT NAM PHƯỜNG\nBáo cáo\nMục một\nLĩnh vực\tSố ý kiến\nMôi trường\t12\n\n');
    const html = ws.documents.html(doc.getId());
    expect(html).toContain('<h1 class="heading1">Báo cáo</h1>');
    // The page break starts a second page.
    expect(html.match(/<section class="page/g)).toHaveLength(2);
    expect(html).toContain('data:image/png;base64,');
  });

  it('styles ranges of text and renders every piece of text escaped', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Trả lời');
    const p = doc.getBody().appendParagraph('Nội dung: <img src=x onerror=alert(1)>');
    p.editAsText().setBold(0, 8, true).setForegroundColor('#b3261e');
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold(10)).toBeNull();
    expect(() => p.editAsText().setBold(0, 999, true)).toThrow();
    const html = ws.documents.html(doc.getId());
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('font-weight:bold');
  });

  it('replaceText fills a template everywhere, tables included', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Mẫu');
    const body = doc.getBody();
    body.appendParagraph('Mã: {{ma}}, hạn {{han}}');
    body.appendTable([['{{ma}}']]);
    body.replaceText('\\{\\{ma\\}\\}', 'GY-2026-00042');
    body.replaceText('\\{\\{han\\}\\}', '03/12/2026');
    expect(ws.documents.text(doc.getId())).toBe('\nMã: GY-2026-00042, hạn 03/12/2026\nGY-2026-00042');
  });
});

describe('DriveApp and File — https://developers.google.com/apps-script/reference/drive/drive-app', () => {
  it('finds every file of the workspace and copies a Doc with its content', () => {
    const { DocumentApp, DriveApp, MimeType } = setup();
    const template = DocumentApp.create('Mẫu trả lời');
    template.getBody().appendParagraph('Kính gửi ông/bà');
    const copy = DriveApp.getFileById(template.getId()).makeCopy('Trả lời GY-2026-00001');
    expect(copy.getMimeType()).toBe(MimeType.GOOGLE_DOCS);
    expect(DocumentApp.openById(copy.getId()).getBody().getText()).toBe('\nKính gửi ông/bà');
    expect(() => DriveApp.getFileById('nope')).toThrow(/No item with the given ID could be found/);
  });
});

describe('Utilities — https://developers.google.com/apps-script/reference/utilities/utilities', () => {
  it('formatDate follows SimpleDateFormat in the given zone', () => {
    const { Utilities } = setup();
    const d = new Date('2026-11-24T11:45:16.123Z');
    expect(Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', "dd/MM/yyyy HH:mm:ss.SSS 'ngày' EEE XXX")).toBe('24/11/2026 18:45:16.123 ngày Tue +07:00');
    expect(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd h:mm a Z')).toBe('2026-11-24 11:45 AM +0000');
  });

  it('works in signed bytes, as Java does', () => {
    const { Utilities } = setup();
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest.length).toBe(32);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(Buffer.from(digest.map((b) => b & 0xff)).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(Utilities.base64Encode('Hòm thư')).toBe(Buffer.from('Hòm thư').toString('base64'));
    expect(Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('Hòm thư'))).getDataAsString()).toBe('Hòm thư');
    // A GIF's header and its high bytes come back signed, and a blob made from them keeps the bytes.
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xff, 0x80, 0x7f, 0x00]);
    const decoded = Utilities.base64Decode(gif.toString('base64'));
    expect(decoded).toEqual([71, 73, 70, 56, 57, 97, -1, -128, 127, 0]);
    expect(Buffer.from(Utilities.newBlob(decoded, 'image/gif', 'qr.gif').getBytes().map((b) => b & 0xff)).equals(gif)).toBe(true);
  });

  it('sleep waits on the virtual clock, at most 5 minutes', () => {
    const { ws, Utilities } = setup();
    const t = ws.clock.now().getTime();
    Utilities.sleep(1500);
    expect(ws.clock.now().getTime() - t).toBe(1500);
    expect(() => Utilities.sleep(300_001)).toThrow(/between 0 and 300000/);
  });

  it('getUuid returns a random (version 4) UUID as a string, as java.util.UUID.randomUUID()', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('formatString is sprintf-like', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s có %d ý kiến (%05.1f%%)', 'TDP 1', 12, 3.14159)).toBe('TDP 1 có 12 ý kiến (003.1%)');
  });
});
