/**
 * Strictness: places where the emulator used to be looser than Apps Script. Each `describe` is one
 * Apps Script class, titled with its reference page; each test fails on the looser emulator.
 */
import { createWorkspace } from '../../emulator';
import { sheetSetup } from '../support/sheet';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

function formSetup(locale = 'vi_VN') {
  const ws = createWorkspace({ locale, user: 'owner@luukiem.example', now: '2026-11-24T11:45:16Z' });
  const id = ws.spreadsheets.create('CSDL', { locale });
  ws.spreadsheets.setActive(id);
  const FormApp = ws.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const form = FormApp.create('Góp ý');
  form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, id);
  const ss = SpreadsheetApp.openById(id);
  const responses = ss.getSheets()[0];
  const submit = (text: string) => ws.forms.submit(form.getId(), { 'Nội dung': text });
  return { ws, id, FormApp, SpreadsheetApp, form, ss, responses, submit };
}

function column(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number): unknown[] {
  return sheet.getRange(1, col, Math.max(1, sheet.getLastRow()), 1).getValues().map((r) => r[0]);
}

// Google Forms' own behaviour in the responses tab is documented in the Forms help:
// https://support.google.com/docs/answer/2917686 (choose where to save responses) — Forms keeps
// writing after the last row it wrote; cleared (not deleted) rows stay blank, and it inserts a row
// for each new response so rows a script put below are pushed down, not overwritten.
describe('Form — https://developers.google.com/apps-script/reference/forms/form', () => {
  it('continues after its own last response row when response rows were cleared, not deleted', () => {
    const { responses, submit } = formSetup();
    submit('một');
    submit('hai');
    responses.getRange('A2:B3').clearContent();
    expect(responses.getLastRow()).toBe(1);
    const result = submit('ba');
    expect(result.destination!.row).toBe(4);
    expect(column(responses, 2)).toEqual(['Nội dung', '', '', 'ba']);
  });

  it('remembers its last response row across a snapshot', () => {
    const { ws, form, responses, submit } = formSetup();
    submit('một');
    submit('hai');
    responses.getRange('A2:B3').clearContent();
    const again = createWorkspace({ snapshot: ws.snapshot() });
    expect(again.forms.submit(form.getId(), { 'Nội dung': 'ba' }).destination!.row).toBe(4);
  });

  it('deleting response rows moves the next response row back', () => {
    const { responses, submit } = formSetup();
    submit('một');
    submit('hai');
    responses.deleteRow(3);
    expect(submit('ba').destination!.row).toBe(3);
    expect(column(responses, 2)).toEqual(['Nội dung', 'một', 'ba']);
  });

  it('inserts the new response above rows a script appended below the responses', () => {
    const { responses, submit } = formSetup();
    submit('một');
    responses.appendRow(['', 'ghi chú của script']);
    const before = responses.getMaxRows();
    const result = submit('hai');
    expect(result.destination!.row).toBe(3);
    expect(column(responses, 2)).toEqual(['Nội dung', 'một', 'hai', 'ghi chú của script']);
    expect(responses.getMaxRows()).toBe(before + 1);
    // The next response goes after "hai", still above the script's row.
    expect(submit('ba').destination!.row).toBe(4);
    expect(column(responses, 2)).toEqual(['Nội dung', 'một', 'hai', 'ba', 'ghi chú của script']);
  });

  it('removeDestination then setDestination starts a new responses tab; the old one stays, unlinked', () => {
    const { FormApp, form, ss, id, submit } = formSetup();
    submit('một');
    const old = ss.getSheetByName('Câu trả lời biểu mẫu 1')!;
    form.removeDestination();
    expect(old.getFormUrl()).toBeNull();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, id);
    const fresh = ss.getSheetByName('Câu trả lời biểu mẫu 2')!;
    expect(fresh).not.toBeNull();
    expect(fresh.getFormUrl()).toBe(form.getPublishedUrl());
    expect(old.getFormUrl()).toBeNull();
    expect(submit('hai').destination!.sheetName).toBe('Câu trả lời biểu mẫu 2');
    expect(column(fresh, 2)).toEqual(['Nội dung', 'hai']);
    expect(column(old, 2)).toEqual(['Nội dung', 'một']);
  });

  it('names the new tab "Form Responses 2" in English', () => {
    const { FormApp, form, ss, id } = formSetup('en_US');
    form.removeDestination();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, id);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
  });
});

describe('Sheet — https://developers.google.com/apps-script/reference/spreadsheet/sheet', () => {
  // deleteRows(rowPosition, howMany): Sheets keeps at least one row that is not frozen; Apps Script
  // throws "Sorry, it is not possible to delete all non-frozen rows." (the Sheets error, also seen
  // through the Sheets API: https://github.com/theoephraim/node-google-spreadsheet/issues/186).
  const NON_FROZEN = 'Sorry, it is not possible to delete all non-frozen rows.';

  it('refuses to delete every non-frozen row, and deletes nothing', () => {
    const { sheet } = sheetSetup();
    sheet.getRange('A1:A3').setValues([['Mã'], ['1'], ['2']]);
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(NON_FROZEN);
    expect(() => sheet.deleteRows(1, 1000)).toThrow(NON_FROZEN);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['Mã'], [1], [2]]);
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
    expect(() => sheet.deleteRow(2)).toThrow(NON_FROZEN);
    expect(sheet.getMaxRows()).toBe(2);
  });

  it('without frozen rows, the last row cannot be deleted either', () => {
    const { sheet } = sheetSetup();
    sheet.deleteRows(2, 999);
    expect(() => sheet.deleteRow(1)).toThrow(NON_FROZEN);
  });

  it('deleting frozen rows leaves fewer frozen rows', () => {
    const { sheet } = sheetSetup();
    sheet.setFrozenRows(2);
    sheet.deleteRow(1);
    expect(sheet.getFrozenRows()).toBe(1);
  });
  // appendRow: https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  it('appendRow writes nothing, and does not grow a full sheet, when one cell is refused', () => {
    const { sheet } = sheetSetup();
    sheet.deleteRows(3, 998);
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    expect(() => sheet.appendRow(['c', 'x'.repeat(50_001)])).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(sheet.getMaxRows()).toBe(2);
    expect(sheet.getLastRow()).toBe(2);
    sheet.deleteColumns(3, 24);
    expect(() => sheet.appendRow(['c', 'd', 'x'.repeat(50_001)])).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(sheet.getMaxColumns()).toBe(2);
    expect(sheet.getMaxRows()).toBe(2);
  });

});

describe('MailApp — https://developers.google.com/apps-script/reference/mail/mail-app', () => {
  // Per-message limits: https://developers.google.com/apps-script/guides/services/quotas
  // ("Current limitations": email recipients per message 50, email body size 200 KB (consumer),
  // email total attachments size 25 MB). The subject is capped at 250 characters. Messages as
  // Apps Script throws them: "Limit Exceeded: Email Recipients Per Message.", "Limit Exceeded:
  // Email Body Size.", "Limit Exceeded: Email Total Attachments Size.", "Argument too large: subject".
  function mail() {
    const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z', quotas: { emailRecipientsPerDay: 1000 } });
    return { ws, MailApp: ws.globals.MailApp as GoogleAppsScript.Mail.MailApp, Utilities: ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities };
  }
  const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@x.vn`);

  it('refuses more than 50 recipients (to + cc + bcc) in one message, and spends no quota', () => {
    const { ws, MailApp } = mail();
    expect(() => MailApp.sendEmail({ to: people(30).join(','), bcc: people(21).join(','), subject: 's', body: 'b' })).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(MailApp.getRemainingDailyQuota()).toBe(1000);
    expect(ws.mail.outbox()).toEqual([]);
    MailApp.sendEmail({ to: people(30).join(','), cc: people(20).join(','), subject: 's', body: 'b' });
    expect(MailApp.getRemainingDailyQuota()).toBe(950);
  });

  it('refuses a subject over 250 characters', () => {
    const { MailApp } = mail();
    expect(() => MailApp.sendEmail('a@x.vn', 'ý'.repeat(251), 'b')).toThrow('Argument too large: subject');
    MailApp.sendEmail('a@x.vn', 'ý'.repeat(250), 'b');
  });

  it('refuses a body (plain and HTML together) over 200 KB', () => {
    const { MailApp } = mail();
    expect(() => MailApp.sendEmail('a@x.vn', 's', 'x'.repeat(200 * 1024 + 1))).toThrow('Limit Exceeded: Email Body Size.');
    // "ý" is two bytes in UTF-8: 100 K of them fill the 200 KB.
    expect(() => MailApp.sendEmail('a@x.vn', 's', 'ý'.repeat(100 * 1024 + 1))).toThrow('Limit Exceeded: Email Body Size.');
    expect(() => MailApp.sendEmail({ to: 'a@x.vn', subject: 's', body: 'x'.repeat(100 * 1024), htmlBody: 'x'.repeat(100 * 1024 + 1) })).toThrow('Limit Exceeded: Email Body Size.');
    MailApp.sendEmail('a@x.vn', 's', 'x'.repeat(200 * 1024));
  });

  it('refuses attachments over 25 MB in total', () => {
    const { MailApp, Utilities } = mail();
    const half = Utilities.newBlob('x'.repeat(12.5 * 1024 * 1024), 'text/plain', 'a.txt');
    const more = Utilities.newBlob('x', 'text/plain', 'b.txt');
    expect(() => MailApp.sendEmail({ to: 'a@x.vn', subject: 's', body: 'b', attachments: [half, half, more] })).toThrow('Limit Exceeded: Email Total Attachments Size.');
    MailApp.sendEmail({ to: 'a@x.vn', subject: 's', body: 'b', attachments: [half, half] });
  });
});

describe('Body — https://developers.google.com/apps-script/reference/document/body', () => {
  // Docs keeps a paragraph at the end of every section: removing the body's last element throws
  // "Can't remove the last paragraph in a document section." (Body.removeChild,
  // Paragraph.removeFromParent: https://developers.google.com/apps-script/reference/document/paragraph#removeFromParent()).
  const LAST = "Can't remove the last paragraph in a document section.";
  function doc() {
    const ws = createWorkspace({ user: 'admin@luukiem.example' });
    const DocumentApp = ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
    return DocumentApp.create('Báo cáo').getBody();
  }

  it('refuses to remove the only paragraph, by removeChild or removeFromParent', () => {
    const body = doc();
    expect(() => body.removeChild(body.getChild(0))).toThrow(LAST);
    expect(() => body.getChild(0).asParagraph().removeFromParent()).toThrow(LAST);
    expect(body.getNumChildren()).toBe(1);
  });

  it('refuses to remove the last paragraph of a longer body; others go', () => {
    const body = doc();
    body.appendParagraph('hai');
    body.appendListItem('ba');
    expect(() => body.getChild(2).asListItem().removeFromParent()).toThrow(LAST);
    expect(() => body.removeChild(body.getChild(2))).toThrow(LAST);
    body.getChild(0).asParagraph().removeFromParent();
    body.removeChild(body.getChild(0));
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('ba');
  });

  it('holds headers and footers to the same rule', () => {
    const ws = createWorkspace({ user: 'admin@luukiem.example' });
    const d = (ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp).create('Báo cáo');
    const header = d.addHeader();
    expect(() => header.getChild(0).asParagraph().removeFromParent()).toThrow(LAST);
  });
});

describe('Session — https://developers.google.com/apps-script/reference/base/session', () => {
  // getActiveUser(): "the user's email address is not available in any context that allows a script
  // to run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger […].
  // However, these restrictions generally do not apply if the developer runs the script themselves
  // or belongs to the same Google Workspace domain as the user." getEffectiveUser() "in most other
  // scenarios returns the same account as getActiveUser()", so the emulator blanks both.
  // Model: in an execution the user has not authorised (AuthMode LIMITED / CUSTOM_FUNCTION), the
  // e-mail is '' unless the user owns the bound spreadsheet, or shares the owner's Workspace domain
  // (gmail.com and googlemail.com are consumer domains, never shared).
  const SCRIPT = `
var seen = [];
function onOpen(e) { seen.push([Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]); }
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function opened() { return seen; }`;
  function open(owner: string, opener: string) {
    const ws = createWorkspace({ user: owner });
    ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL', { owner }));
    const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT]], html: {} });
    ws.setUser(opener);
    ws.open('LIMITED');
    return { ws, app, seen: (app.call('opened') as string[][])[0] };
  }

  it('is blank in a simple onOpen for another consumer account', () => {
    const { app, seen } = open('chu.nha@gmail.com', 'khach@gmail.com');
    expect(seen).toEqual(['', '']);
    // The same person running a function they authorised (a menu item, a sidebar call) is known.
    expect(app.call('who')).toEqual(['khach@gmail.com', 'khach@gmail.com']);
  });

  it('is the owner’s address when the owner opens', () => {
    expect(open('chu.nha@gmail.com', 'chu.nha@gmail.com').seen).toEqual(['chu.nha@gmail.com', 'chu.nha@gmail.com']);
  });

  it('is known within one Workspace domain, not across domains', () => {
    expect(open('admin@luukiem.example', 'canbo@luukiem.example').seen).toEqual(['canbo@luukiem.example', 'canbo@luukiem.example']);
    expect(open('admin@luukiem.example', 'canbo@khac.example').seen).toEqual(['', '']);
    expect(open('admin@luukiem.example', 'canbo@gmail.com').seen).toEqual(['', '']);
  });
});

describe('Range — https://developers.google.com/apps-script/reference/spreadsheet/range', () => {
  // A write is one request to Sheets: when one cell is refused ("Your input contains more than the
  // maximum of 50000 characters in a single cell." — a cell holds 50,000 characters,
  // https://support.google.com/drive/answer/37603), nothing of the call is written.
  const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
  const long = 'x'.repeat(50_001);

  it('setValues writes nothing when one cell is refused', () => {
    const { sheet } = sheetSetup();
    sheet.getRange('A1:C1').setValues([['cũ', 'cũ', 'cũ']]);
    expect(() => sheet.getRange('A1:C2').setValues([['mới', 'mới', 'mới'], ['mới', long, 'mới']])).toThrow(TOO_LONG);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([['cũ', 'cũ', 'cũ'], ['', '', '']]);
    expect(() => sheet.getRange('A1:B1').setValues([['mới', {}]])).toThrow("don't match the method signature for SpreadsheetApp.Range.setValues");
    expect(sheet.getRange('A1').getValue()).toBe('cũ');
  });

  it('setFormulas writes nothing when one cell is refused', () => {
    const { sheet } = sheetSetup();
    expect(() => sheet.getRange('A1:B1').setFormulas([['=1+1', `="${long}"`]])).toThrow(TOO_LONG);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });
});

// MailApp's four overloads: sendEmail(message), sendEmail(recipient, subject, body),
// sendEmail(recipient, subject, body, options) and sendEmail(to, replyTo, subject, body) — four
// strings are the last: "to: the address of the recipient; replyTo: the reply-to address".
// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,String)
describe('MailApp.sendEmail(to, replyTo, subject, body) — https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,String)', () => {
  function mail() {
    const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
    return { ws, MailApp: ws.globals.MailApp as GoogleAppsScript.Mail.MailApp };
  }

  it('four strings are to, replyTo, subject and body', () => {
    const { ws, MailApp } = mail();
    MailApp.sendEmail('dan@luukiem.example', 'mttq@luukiem.example', 'Phản hồi GY-1', 'Nội dung');
    const [sent] = ws.mail.outbox();
    expect(sent.to).toEqual(['dan@luukiem.example']);
    expect(sent.replyTo).toBe('mttq@luukiem.example');
    expect(sent.subject).toBe('Phản hồi GY-1');
    expect(sent.body).toBe('Nội dung');
  });

  it('the reply-to address is checked like any address', () => {
    const { ws, MailApp } = mail();
    expect(() => MailApp.sendEmail('dan@luukiem.example', 'không phải địa chỉ', 'Chủ đề', 'Nội dung')).toThrow('Invalid email: không phải địa chỉ');
    expect(ws.mail.outbox()).toEqual([]);
  });

  it('a fourth argument that is neither options nor a body is a signature mismatch', () => {
    const { MailApp } = mail();
    expect(() => (MailApp.sendEmail as (...a: unknown[]) => void)('dan@luukiem.example', 'Chủ đề', 'Nội dung', 5)).toThrow(
      "The parameters (String,String,String,number) don't match the method signature for MailApp.sendEmail.",
    );
  });
});

// "downloadAsFile(filename) — Tells browsers to download rather than display this content. Some
// browsers will ignore this setting. Setting this to null will clear it back to the default
// behavior of displaying rather than downloading." getFileName(): "… or null if it should be
// displayed rather than downloaded."
// https://developers.google.com/apps-script/reference/content/text-output#downloadAsFile(String)
describe('TextOutput.downloadAsFile — https://developers.google.com/apps-script/reference/content/text-output#downloadAsFile(String)', () => {
  it('null clears the file name back to displaying', () => {
    const ws = createWorkspace();
    const ContentService = ws.globals.ContentService as GoogleAppsScript.Content.ContentService;
    const out = ContentService.createTextOutput('a,b').downloadAsFile('bao-cao.csv');
    expect(out.getFileName()).toBe('bao-cao.csv');
    expect(out.downloadAsFile(null as unknown as string).getFileName()).toBeNull();
    expect(() => out.downloadAsFile(5 as unknown as string)).toThrow("The parameters (number) don't match the method signature for ContentService.TextOutput.downloadAsFile.");
  });
});

// HtmlOutput is a BlobSource: "getBlob() — Return the data inside this object as a blob."
// https://developers.google.com/apps-script/reference/html/html-output#getBlob()
// https://developers.google.com/apps-script/reference/base/blob-source
describe('HtmlOutput.getBlob — https://developers.google.com/apps-script/reference/html/html-output#getBlob()', () => {
  it('is the content as an HTML blob', () => {
    const ws = createWorkspace();
    const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    const blob = HtmlService.createHtmlOutput('<p>Phiếu</p>').append('<p>GY-1</p>').getBlob();
    expect(blob.getDataAsString()).toBe('<p>Phiếu</p><p>GY-1</p>');
    expect(blob.getContentType()).toBe('text/html');
  });
});

// "getContentType() — Returns: String — the content type of this data, if known, or null."
// https://developers.google.com/apps-script/reference/base/blob#getContentType()
// https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte)
// A blob made from bytes with no content type has none: null. For one made from a String the
// sources disagree (gas-fakes, which is checked against live Apps Script, gives 'text/plain'), so
// the emulator does not guess.
describe('Blob.getContentType of a new blob — https://developers.google.com/apps-script/reference/base/blob#getContentType()', () => {
  it('is null for bytes without a content type, the given one otherwise; a String’s is not guessed', () => {
    const ws = createWorkspace();
    const Utilities = ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    expect(Utilities.newBlob([104, 105]).getContentType()).toBeNull();
    expect(Utilities.newBlob('a,b', 'text/csv').getContentType()).toBe('text/csv');
    expect(() => Utilities.newBlob('văn bản').getContentType()).toThrow('not implemented in the emulator: Blob.getContentType');
    expect(Utilities.newBlob('văn bản').setContentType('text/plain').getContentType()).toBe('text/plain');
    expect(Utilities.newBlob('văn bản').getDataAsString()).toBe('văn bản');
  });
});
