/**
 * Conformance for the rest of the Apps Script surface the app calls (the pieces not already pinned
 * by the other emulator tests), and a guard that keeps it that way: every method the built app
 * calls in a full run must be exercised by an emulator conformance test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace } from '../../emulator';

function setup() {
  const ws = createWorkspace({ user: 'owner@luukiem.example', now: '2026-11-24T03:00:00Z' });
  const id = ws.spreadsheets.create('CSDL');
  ws.spreadsheets.setActive(id);
  const g = ws.globals as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    FormApp: GoogleAppsScript.Forms.FormApp;
    DocumentApp: GoogleAppsScript.Document.DocumentApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
  return { ws, ss: g.SpreadsheetApp.getActive(), ...g };
}

describe('Sheet formatting and structure — https://developers.google.com/apps-script/reference/spreadsheet/sheet', () => {
  it('insertColumnsAfter grows getMaxColumns; setColumnWidth, setFrozenRows take effect', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.insertColumnsAfter(26, 10);
    expect(sheet.getMaxColumns()).toBe(36);
    expect(() => sheet.insertColumnsAfter(40, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.setColumnWidth(2, 320);
    expect(sheet.getColumnWidth(2)).toBe(320);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('getFormUrl is null on an ordinary sheet', () => {
    const { ss } = setup();
    expect(ss.getSheets()[0].getFormUrl()).toBeNull();
  });
});

describe('Spreadsheet facts — https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet', () => {
  it('getUrl and getSpreadsheetLocale', () => {
    const { ss } = setup();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
  });
});

describe('Range styles — https://developers.google.com/apps-script/reference/spreadsheet/range', () => {
  it('setFontWeight, setBackground, setWrap chain and read back; bad values are refused', () => {
    const { ss } = setup();
    const r = ss.getSheets()[0].getRange('A1:B1').setFontWeight('bold').setBackground('#e8f0fe').setWrap(true);
    expect([r.getFontWeight(), r.getBackground(), r.getWrap()]).toEqual(['bold', '#e8f0fe', true]);
    expect(() => r.setFontWeight('heavy' as GoogleAppsScript.Spreadsheet.FontWeight)).toThrow(/don't match the method signature/);
  });
});

describe('DataValidationBuilder — https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder', () => {
  it('newDataValidation().requireValueInList().setAllowInvalid().build() goes onto cells with setDataValidation', () => {
    const { ss, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Quản trị', 'Xử lý', 'Xem'], true).setAllowInvalid(false).build();
    const cell = ss.getSheets()[0].getRange('B2');
    cell.setDataValidation(rule);
    const back = cell.getDataValidation()!;
    expect(back.getCriteriaValues()).toEqual([['Quản trị', 'Xử lý', 'Xem'], true]);
    expect(back.getAllowInvalid()).toBe(false);
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow('You must specify a criteria type for data validation rules.');
  });
});

describe('Protection settings — https://developers.google.com/apps-script/reference/spreadsheet/protection', () => {
  it('description, warning-only and domain edit read back what was set', () => {
    const { ss } = setup();
    const p = ss.getSheets()[0].protect();
    expect([p.getDescription(), p.isWarningOnly(), p.canDomainEdit()]).toEqual(['', false, true]);
    p.setDescription('Chỉ quản trị').setDomainEdit(false).setWarningOnly(true);
    expect([p.getDescription(), p.isWarningOnly(), p.canDomainEdit()]).toEqual(['Chỉ quản trị', true, false]);
  });
});

describe('Form settings and items — https://developers.google.com/apps-script/reference/forms/form', () => {
  it('setters read back; section headers and multiple choice items; getChoices and getTitle', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Góp ý')
      .setDescription('Mô tả')
      .setConfirmationMessage('Cảm ơn')
      .setCollectEmail(false)
      .setAllowResponseEdits(false)
      .setProgressBar(false);
    expect([form.getDescription(), form.getConfirmationMessage(), form.collectsEmail()]).toEqual(['Mô tả', 'Cảm ơn', false]);
    form.addSectionHeaderItem().setTitle('Liên hệ').setHelpText('Không bắt buộc');
    const mc = form.addMultipleChoiceItem().setTitle('Lĩnh vực').setChoiceValues(['Môi trường', 'Khác']);
    const item = form.getItems(FormApp.ItemType.MULTIPLE_CHOICE)[0];
    expect(item.getTitle()).toBe('Lĩnh vực');
    expect(item.asMultipleChoiceItem().getChoices().map((c) => c.getValue())).toEqual(['Môi trường', 'Khác']);
    expect(String(form.getItems()[0].getType())).toBe('SECTION_HEADER');
    expect(mc.getId()).toBe(item.getId());
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(() => FormApp.openByUrl('https://docs.google.com/forms/d/nope/edit')).toThrow(/No item with the given ID could be found/);
  });
});

describe('FormResponse and ItemResponse — https://developers.google.com/apps-script/reference/forms/form-response', () => {
  it('getResponses(since) returns the responses from a time on, each with its timestamp and item responses', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('Góp ý');
    form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
    ws.forms.submit(form.getId(), { 'Nội dung': 'một' });
    ws.clock.advance(60_000);
    const since = ws.clock.now();
    ws.forms.submit(form.getId(), { 'Nội dung': 'hai' });
    expect(form.getResponses()).toHaveLength(2);
    const [late] = form.getResponses(since);
    expect(late.getTimestamp().getTime()).toBe(since.getTime());
    const [answer] = late.getItemResponses();
    expect([answer.getItem().getTitle(), answer.getResponse()]).toEqual(['Nội dung', 'hai']);
    expect(() => form.getResponses('hôm nay' as unknown as Date)).toThrow(/don't match the method signature/);
  });
});

describe('Documents — https://developers.google.com/apps-script/reference/document/body', () => {
  it('getParagraphs includes those inside tables; setBorderWidth; saveAndClose keeps the content', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Mẫu');
    const body = doc.getBody();
    body.appendParagraph('{{ma}}');
    body.appendTable([['{{uy_ban}}', 'b']]).setBorderWidth(0);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', '{{ma}}', '{{uy_ban}}', 'b']);
    doc.saveAndClose();
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Mẫu');
    expect(ws.documents.html(doc.getId())).toContain('border:0pt solid');
  });
});

describe('Properties maps — https://developers.google.com/apps-script/reference/properties/properties', () => {
  it('getProperties returns a copy; deleteProperty removes one key', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties()!;
    p.setProperties({ a: '1', b: '2' });
    const all = p.getProperties();
    all.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
    p.deleteProperty('a');
    expect(p.getProperties()).toEqual({ b: '2' });
  });
});

describe('every method the app calls is exercised by a conformance test', () => {
  it('the built app, run through setup, intake, every case action, documents and the hourly job, calls nothing untested', () => {
    const ws = createWorkspace({ user: 'admin@luukiem.example' });
    ws.spreadsheets.setActive(ws.spreadsheets.create('x'));
    const root = path.resolve(__dirname, '../..');
    const app = ws.load(path.join(root, 'build'));
    ws.open('NONE');
    ws.open('LIMITED');
    app.call('setupMailbox');
    app.call('setupMailbox');
    const formId = ws.forms.list()[0].id;
    const model = ws.forms.model(formId);
    const title = (type: string) => model.items.find((i) => i.type === type)!.title;
    ws.forms.submit(formId, { [title('LIST')]: 'Tổ dân phố 1', [title('PARAGRAPH_TEXT')]: 'x'.repeat(60_000), [model.items.find((i) => i.validation?.kind === 'EMAIL')!.title]: 'a@gmail.com' });
    app.call('showSidebar');
    app.call('getSidebarState');
    app.call('submitStaffCase', { channel: 'paper', receivedAt: '', group: 'Tổ dân phố 1', topic: '', content: 'y', location: '', name: '', phone: '', email: '', confidential: false });
    let v = app.call('getCase', 'GY-2026-00001') as { code: string; row: number; version: number };
    for (const input of [
      { action: 'classify', category: 'Môi trường', complexity: 'normal' },
      { action: 'assign', body: 'UBND phường', assignee: 'h@luukiem.example' },
      { action: 'note', text: 'n' },
      { action: 'progress', text: 'p' },
      { action: 'answer', text: 'ok' },
      { action: 'sendAnswer' },
      { action: 'setPublic', isPublic: true, publicSummary: 's' },
      { action: 'close', outcome: 'resolved' },
      { action: 'reopen', reason: 'r' },
      { action: 'followUp', content: 'f' },
      { action: 'misuse', reason: 'm' },
    ]) {
      v = (app.call('caseAction', v.code, v.row, v.version, input) as { view: typeof v }).view;
      // The answer e-mail leaves with "Đồng bộ lại" (or the hourly job): only then is the case answered.
      if (input.action === 'sendAnswer') {
        app.call('resyncMailbox');
        v = app.call('getCase', v.code) as typeof v;
      }
    }
    app.call('caseAction', 'GY-2026-00002', undefined, 1, { action: 'duplicate', of: 'GY-2026-00001' });
    app.call('getInbox', { text: 'x' });
    app.call('getContactDetails', 'GY-2026-00001', 'why');
    app.call('createCaseDocument', 'GY-2026-00001', 'slip');
    app.call('createCaseDocument', 'GY-2026-00001', 'letter');
    app.call('createGroupAnswerSheets');
    app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 1 });
    app.call('createPublicationDocument', { year: 2026, month: 1 });
    app.call('getDashboard');
    app.call('printQrPosters');
    app.call('printQrStickers');
    app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 2 });
    expect(() => app.call('lookupPublicCase', 'GY-2026-00001', 'AAAA-AAAA')).toThrow('chưa đúng');
    ws.clock.advance(3_600_000);
    ws.runDueTriggers();
    app.call('resyncMailbox');
    const called = Object.values(ws.stats().services).flatMap((s) => Object.keys(s.methods).map((m) => m.split('.')[1]));
    const testDir = path.join(root, 'test/emulator');
    const sources = fs.readdirSync(testDir).filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename)).map((f) => fs.readFileSync(path.join(testDir, f), 'utf8')).join('\n') + fs.readFileSync(__filename, 'utf8').split("describe('every method the app calls")[0];
    const untested = [...new Set(called)].filter((name) => !new RegExp(`\\b${name}\\b`).test(sources)).sort();
    expect(untested).toEqual([]);
  });
});
