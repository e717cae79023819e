/** Transfer slips, reply letters and printable answers per residential group, as Google Docs. */
import { answeredCase, runHourly, setUpWard, formAnswers, type Ward } from '../support/ward';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { DocumentStore } from '../../src/services/platform/document-store';

type Doc = GoogleAppsScript.Document.Document;

const documentApp = (w: Ward) => w.ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;

/** A line of a table cell's text (lines split at "\n") with what is set on its first character. */
function cellLine(doc: Doc, table: number, row: number, col: number, line: number): { text: string; bold: boolean; italic: boolean; size: number | null } {
  const cell = doc.getBody().getTables()[table].getCell(row, col);
  // The cell's lines, each in the paragraph that holds it (a paragraph a line, or lines broken inside one).
  const lines: Array<{ paragraph: GoogleAppsScript.Document.Paragraph; at: number; text: string }> = [];
  for (let i = 0; i < cell.getNumChildren(); i++) {
    const paragraph = cell.getChild(i).asParagraph();
    let at = 0;
    for (const text of paragraph.getText().split('\n')) {
      lines.push({ paragraph, at, text });
      at += text.length + 1;
    }
  }
  const { paragraph, at, text } = lines[line];
  const edit = paragraph.editAsText();
  return { text, bold: edit.isBold(at) === true, italic: edit.isItalic(at) === true, size: edit.getFontSize(at) };
}

/** Sets a row of "Cài đặt" by its label, as an admin types it; the hourly job applies it. */
function setSetting(w: Ward, label: string, value: string): void {
  const general = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
  const keys = general.getRange(1, 1, general.getLastRow(), 1).getValues().map((r) => r[0]);
  general.getRange(keys.indexOf(label) + 1, 2).setValue(value);
}


describe('paper trail', () => {
  it('setup makes the two template Docs once', () => {
    const w = setUpWard();
    const names = () => w.ws.documents.list().map((d) => d.name).sort();
    expect(names()).toEqual(['Mẫu phiếu chuyển — Hòm thư số', 'Mẫu thư trả lời — Hòm thư số']);
    w.app.call('setupMailbox');
    expect(names()).toHaveLength(2);
  });

  it('a transfer slip is a filled copy of the template, with the resident’s words verbatim and no name', () => {
    const w = setUpWard();
    const code = answeredCase(w, 'Rác $& {{ma}} {{tra_loi}} $1 ở ngõ 7 <b>đậm</b>', { name: 'Đỗ Văn Hùng', email: 'hung@gmail.com' });
    const slip = w.app.call('createCaseDocument', code, 'slip') as { id: string; url: string };
    const text = w.ws.documents.text(slip.id);
    expect(text).toContain('PHIẾU CHUYỂN Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN');
    expect(text).toContain('Kính gửi: UBND phường');
    expect(text).toContain('Rác $& {{ma}} {{tra_loi}} $1 ở ngõ 7 <b>đậm</b>');
    expect(text).toContain(`Số: ${code}/HTS`);
    expect(text).not.toContain('Đỗ Văn Hùng');
    expect(text).not.toContain('hung@gmail.com');
    expect(w.ws.documents.html(slip.id)).toContain('&lt;b&gt;đậm&lt;/b&gt;');
    const letter = w.app.call('createCaseDocument', code, 'letter') as { id: string };
    expect(w.ws.documents.text(letter.id)).toContain(`Trả lời cho ${code}: đã thu gom rác.`);
  });

  it('the answers to hand out, one page per residential group, codes only', () => {
    const w = setUpWard();
    const a = answeredCase(w, 'Rác ngõ 1', { group: 'Tổ dân phố 1', name: 'Bà Tư' }, true);
    answeredCase(w, 'Rác ngõ 2', { group: 'Tổ dân phố 2', email: 'co@gmail.com' }, true);
    const b = answeredCase(w, 'Rác ngõ 3', { group: 'Tổ dân phố 3' }, true);
    // Not approved for publication (e.g. a confidential matter): never on a sheet read out in the group.
    const hidden = answeredCase(w, 'Chuyện riêng ngõ 4', { group: 'Tổ dân phố 4', confidential: true });
    const doc = w.app.call('createGroupAnswerSheets') as { id: string };
    const text = w.ws.documents.text(doc.id);
    expect(text).toContain('PHIẾU TRẢ LỜI Ý KIẾN — Tổ dân phố 1');
    expect(text).toContain('PHIẾU TRẢ LỜI Ý KIẾN — Tổ dân phố 3');
    expect(text).not.toContain('Tổ dân phố 2'); // that resident gets the answer by e-mail
    expect(text).toContain(a);
    expect(text).toContain(b);
    expect(text).not.toContain('Bà Tư');
    expect(text).not.toContain(hidden);
    expect(text).not.toContain('Tổ dân phố 4');
    expect(w.ws.documents.html(doc.id)).toContain('class="page-break"');
  });

  it('is for admins only', () => {
    const w = setUpWard();
    const code = answeredCase(w, 'Rác');
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['h@luukiem.example', 'Xử lý', 'UBND phường']]);
    w.ws.clock.advance(3_600_000);
    w.ws.runDueTriggers();
    w.ws.setUser('h@luukiem.example');
    expect(() => w.app.call('createCaseDocument', code, 'slip')).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
    expect(() => w.app.call('createGroupAnswerSheets')).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
  });
});

describe('the transfer slip and the reply letter in the layout of Decree 30/2020/NĐ-CP, as the report', () => {
  const w = setUpWard({ now: '2026-12-02T03:00:00Z' });
  const code = answeredCase(w, 'Đèn ngõ 7 hỏng cả tháng.', { name: 'Đỗ Văn Hùng' });
  const slip = documentApp(w).openById((w.app.call('createCaseDocument', code, 'slip') as { id: string }).id);
  const letter = documentApp(w).openById((w.app.call('createCaseDocument', code, 'letter') as { id: string }).id);

  it.each([['slip', slip], ['letter', letter]] as const)('the %s: the issuing body left in bold capitals, the national motto right, the number, the place and date in italics', (_, doc) => {
    expect(doc.getBody().getTables()).toHaveLength(2);
    expect([0, 1, 2, 3].map((l) => cellLine(doc, 0, 0, 0, l))).toEqual([
      { text: 'ỦY BAN MTTQ VIỆT NAM', bold: true, italic: false, size: 13 },
      { text: 'PHƯỜNG LƯU KIẾM', bold: true, italic: false, size: 13 },
      { text: 'BAN THƯỜNG TRỰC', bold: true, italic: false, size: 13 },
      { text: '―――――――', bold: true, italic: false, size: 13 },
    ]);
    expect([0, 1].map((l) => cellLine(doc, 0, 0, 1, l))).toEqual([
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, italic: false, size: 12 },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, italic: false, size: 13 },
    ]);
    expect(cellLine(doc, 0, 1, 0, 0)).toEqual({ text: `Số: ${code}/HTS`, bold: false, italic: false, size: 13 });
    expect(cellLine(doc, 0, 1, 1, 0)).toEqual({ text: 'Lưu Kiếm, ngày 02 tháng 12 năm 2026', bold: false, italic: true, size: 13 });
    expect(doc.getBody().getText()).not.toContain('{{');
  });

  it.each([['slip', slip], ['letter', letter]] as const)('the %s: "Nơi nhận" bold italic with "- Như trên;" and "- Lưu: VT.", the signature block in bold capitals', (_, doc) => {
    expect([0, 1, 2].map((l) => cellLine(doc, 1, 0, 0, l))).toEqual([
      { text: 'Nơi nhận:', bold: true, italic: true, size: 12 },
      { text: '- Như trên;', bold: false, italic: false, size: 11 },
      { text: '- Lưu: VT.', bold: false, italic: false, size: 11 },
    ]);
    expect(doc.getBody().getTables()[1].getCell(0, 1).getText().split('\n').slice(0, 2)).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH']);
    expect(cellLine(doc, 1, 0, 1, 0).bold).toBe(true);
    // The two columns' widths, as the report's (points: millimetres × 72 / 25.4).
    expect([0, 1].map((i) => Math.round(doc.getBody().getTables()[1].getColumnWidth(i)))).toEqual([227, 241]);
  });

  it('follows the settings at each printing: the place, the body and the signer\'s name', () => {
    setSetting(w, 'Báo cáo: địa danh', 'Hòa Bình');
    setSetting(w, 'Báo cáo: tên cơ quan (dòng 2)', 'phường Hòa Bình');
    setSetting(w, 'Báo cáo: họ tên người ký', 'Nguyễn Văn Ba');
    runHourly(w);
    const v = w.app.call('getCase', code) as { row: number; version: number };
    w.app.call('caseAction', code, v.row, v.version, { action: 'note', text: 'In lại' });
    const again = documentApp(w).openById((w.app.call('createCaseDocument', code, 'slip') as { id: string }).id);
    expect(cellLine(again, 0, 0, 0, 1)).toMatchObject({ text: 'PHƯỜNG HÒA BÌNH', bold: true });
    expect(cellLine(again, 0, 1, 1, 0).text).toMatch(/^Hòa Bình, ngày \d{2} tháng 12 năm 2026$/);
    const signature = again.getBody().getTables()[1].getCell(0, 1).getText().split('\n');
    expect(signature[signature.length - 1]).toBe('Nguyễn Văn Ba');
    expect(w.ws.documents.text(again.getId())).not.toContain('Đỗ Văn Hùng');
  });
});

describe('templates of an earlier layout', () => {
  it('are replaced by setup with templates in the current layout; the old Docs stay in Drive untouched', () => {
    const w = setUpWard();
    const props = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!;
    type Schema = { templates: { slip: string; letter: string; layout?: number } };
    // The schema record is a JSON property, in chunks once it passes one property's 9 KB (platform/document-store).
    const readSchema = (): Schema => {
      const head = props.getProperty('hts.schema')!;
      const chunks = /^#chunks:(\d+)$/.exec(head);
      const text = chunks ? Array.from({ length: Number(chunks[1]) }, (_, i) => props.getProperty(`hts.schema#${i}`) ?? '').join('') : head;
      return JSON.parse(text) as Schema;
    };
    const schema = readSchema();
    const old = { slip: schema.templates.slip, letter: schema.templates.letter };
    // As a ward set up before the Decree 30 templates recorded them: no layout.
    const encoded = DocumentStore.encodeJson('schema', { ...schema, templates: old });
    props.setProperties(Object.fromEntries(Object.entries(encoded).map(([k, v]) => [`hts.${k}`, v])));
    w.app.call('setupMailbox');
    const now = readSchema().templates;
    expect(now.slip).not.toBe(old.slip);
    expect(now.letter).not.toBe(old.letter);
    expect(w.ws.documents.list().map((d) => d.id)).toEqual(expect.arrayContaining([old.slip, old.letter, now.slip, now.letter]));
    // And once current, kept: setup again changes nothing.
    w.app.call('setupMailbox');
    expect(readSchema().templates).toEqual(now);
  });
});

describe('the template an admin edited', () => {
  // The slip is built from the template's elements with DocumentApp alone (no Drive scope): what
  // the admin changed in the template — page size and margins, a header, a bold line, a list,
  // alignment, a table's borders — is in every slip, with the placeholders filled.
  it('carries its page setup, header, styles, lists and tables into the slip, filled', () => {
    const w = setUpWard();
    const code = answeredCase(w, 'Rác ngõ 5');
    const DocumentApp = w.ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
    const templateId = w.ws.documents.list().find((d) => d.name === 'Mẫu phiếu chuyển — Hòm thư số')!.id;
    const template = DocumentApp.openById(templateId);
    const body = template.getBody();
    body.setPageWidth(595.276).setPageHeight(841.89).setMarginLeft(85.04).setMarginRight(56.69);
    template.addHeader().getChild(0).asParagraph().setText('{{phuong}} — phiếu {{ma}}');
    body.appendParagraph('Ghi chú: xử lý trong 15 ngày').setAlignment(DocumentApp.HorizontalAlignment.RIGHT).editAsText().setBold(0, 7, true);
    body.appendListItem('Hồ sơ kèm theo: {{ma}}');

    const slip = w.app.call('createCaseDocument', code, 'slip') as { id: string };
    const doc = DocumentApp.openById(slip.id);
    const out = doc.getBody();
    expect([out.getPageWidth(), out.getPageHeight(), out.getMarginLeft(), out.getMarginRight()]).toEqual([595.276, 841.89, 85.04, 56.69]);
    expect(doc.getHeader().getText()).toBe(`${DEFAULT_SETTINGS.wardName} — phiếu ${code}`);
    const types = Array.from({ length: out.getNumChildren() }, (_, i) => String(out.getChild(i).getType()));
    expect(types).toEqual(Array.from({ length: body.getNumChildren() }, (_, i) => String(body.getChild(i).getType())));
    const note = out.getParagraphs().find((p) => p.getText().startsWith('Ghi chú'))!;
    expect(note.getAlignment()).toBe(DocumentApp.HorizontalAlignment.RIGHT);
    expect(note.editAsText().isBold(0)).toBe(true);
    expect(note.editAsText().isBold(9)).toBeFalsy();
    expect(out.getListItems().map((l) => l.getText())).toEqual([`Hồ sơ kèm theo: ${code}`]);
    const title = out.getParagraphs().find((p) => p.getText() === 'PHIẾU CHUYỂN Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN')!;
    expect([title.getAlignment(), title.editAsText().isBold(0), title.editAsText().getFontSize(0)]).toEqual([DocumentApp.HorizontalAlignment.CENTER, true, 14]);
    expect(out.getTables().map((t) => t.getBorderWidth())).toEqual([0, 0]);
    expect(w.ws.documents.text(slip.id)).not.toContain('{{');
    // The template itself is untouched.
    expect(template.getHeader().getText()).toBe('{{phuong}} — phiếu {{ma}}');
  });
});

describe('a transfer slip needs a handling body', () => {
  it('is refused, in Vietnamese, before the case is assigned', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Chưa chuyển' }));
    expect(() => w.app.call('createCaseDocument', 'GY-2026-00001', 'slip')).toThrow('hãy "Chuyển xử lý" trước khi lập phiếu chuyển');
    expect(w.ws.documents.list()).toHaveLength(2); // the two templates only
  });
});

describe('a document made twice', () => {
  it('for an unchanged case gives the same document; once the case changed, a new version "bản 2"', () => {
    const w = setUpWard();
    const code = answeredCase(w, 'Rác ngõ 9');
    const count = () => w.ws.documents.list().length;
    const first = w.app.call('createCaseDocument', code, 'slip') as { id: string; name: string };
    const again = w.app.call('createCaseDocument', code, 'slip') as { id: string; name: string };
    expect(again).toEqual(first);
    const before = count();
    const v = w.app.call('getCase', code) as { row: number; version: number };
    w.app.call('caseAction', code, v.row, v.version, { action: 'note', text: 'Đã gọi điện' });
    const second = w.app.call('createCaseDocument', code, 'slip') as { id: string; name: string };
    expect(second.id).not.toBe(first.id);
    expect(second.name).toBe(`Phiếu chuyển ${code} (bản 2)`);
    expect(count()).toBe(before + 1);
    // A letter is its own purpose.
    expect((w.app.call('createCaseDocument', code, 'letter') as { name: string }).name).toBe(`Thư trả lời ${code}`);
  });
});
