/** Transfer slips, reply letters and printable answers per residential group, as Google Docs. */
import { answeredCase, setUpWard, formAnswers } from '../support/ward';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';


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
    expect([title.getHeading(), title.getAlignment()]).toEqual([DocumentApp.ParagraphHeading.HEADING1, DocumentApp.HorizontalAlignment.CENTER]);
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
