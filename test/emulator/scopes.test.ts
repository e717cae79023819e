/**
 * OAuth scopes, method by method (emulator/core/scopes.ts): a script whose manifest lacks the
 * scope a method needs fails as it would for a real user, with Apps Script's own words.
 * Each rule is the method's "Authorization" section on its reference page.
 */
import { createWorkspace } from '../../emulator';
import { requiredScopes } from '../../emulator/core/scopes';

const G = 'https://www.googleapis.com/auth/';
const MORE = 'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

const SOURCE = `
  function template() { return DocumentApp.create('Mẫu').getId(); }
  function open(id) { return DriveApp.getFileById(id).getName(); }
  function copy(id) { return DriveApp.getFileById(id).makeCopy('Bản sao').getId(); }
  function paragraph(id) { DocumentApp.openById(id).getBody().appendParagraph('x'); return DocumentApp.openById(id).getBody().getNumChildren(); }
  function create() { return DocumentApp.create('Mới').getId(); }
  function sheetName() { return SpreadsheetApp.getActive().getSheetByName('Trang tính1').getName(); }
  function me() { return Session.getActiveUser().getEmail(); }
  function zone() { return Session.getScriptTimeZone(); }
  function find(id) { var b = DocumentApp.openById(id).getBody(); b.appendParagraph('Mã GY-7'); var r = b.findText('GY-[0-9]'); return r.getElement().asText().getText().slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1); }
`;

/** A workspace whose script asks for exactly `scopes`; the template Doc is made by the harness. */
function withScopes(scopes: string[]) {
  const ws = createWorkspace({ user: 'admin@luukiem.example' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const template = (ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp).create('Mẫu phiếu chuyển').getId();
  const app = ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', oauthScopes: scopes }, scripts: [['Code.js', SOURCE]], html: {} });
  return { ws, app, template };
}

describe('DriveApp — https://developers.google.com/apps-script/reference/drive/drive-app#getFileById(String)', () => {
  // Its Authorization section lists drive.readonly and drive; drive.file is not among them, and
  // live runs under drive.file alone are refused with exactly this message.
  it('refuses getFileById under drive.file alone, naming both scopes that would do', () => {
    const { app, template } = withScopes([`${G}documents`, `${G}drive.file`]);
    expect(() => app.call('open', template)).toThrow(
      `You do not have permission to call DriveApp.getFileById. Required permissions: (${G}drive.readonly || ${G}drive). ${MORE}`,
    );
  });

  it('refuses File.makeCopy under drive.file alone — and under drive.readonly, which reads but never copies (file#makeCopy(String) lists drive only)', () => {
    expect(() => withScopes([`${G}drive.file`]).app.call('copy', withScopes([]).template)).toThrow('You do not have permission to call DriveApp.getFileById.');
    const { app, template } = withScopes([`${G}drive.readonly`]);
    expect(app.call('open', template)).toBe('Mẫu phiếu chuyển');
    expect(() => app.call('copy', template)).toThrow(`You do not have permission to call File.makeCopy. Required permissions: ${G}drive. ${MORE}`);
  });

  it('copies under the full drive scope', () => {
    const { app, template, ws } = withScopes([`${G}drive`]);
    const id = app.call('copy', template) as string;
    expect(ws.documents.list().find((d) => d.id === id)?.name).toBe('Bản sao');
  });

  it('the rule of each DriveApp method the old transfer slip used, from the reference', () => {
    expect(requiredScopes('DriveApp', 'DriveApp.getFileById')).toEqual([`${G}drive.readonly`, `${G}drive`]);
    expect(requiredScopes('DriveApp', 'File.getId')).toEqual([`${G}drive.readonly`, `${G}drive`]);
    expect(requiredScopes('DriveApp', 'File.makeCopy')).toEqual([`${G}drive`]);
  });
});

describe('DocumentApp — https://developers.google.com/apps-script/reference/document/document-app#create(String)', () => {
  it('create needs documents (currentonly is for the Doc a script is bound to); the body of an opened Doc takes either', () => {
    const current = withScopes([`${G}documents.currentonly`]);
    expect(() => current.app.call('create')).toThrow(`You do not have permission to call DocumentApp.create. Required permissions: ${G}documents. ${MORE}`);
    // https://developers.google.com/apps-script/reference/document/body#appendParagraph(String):
    // documents.currentonly or documents.
    expect(requiredScopes('DocumentApp', 'Body.appendParagraph')).toEqual([`${G}documents.currentonly`, `${G}documents`]);
    expect(requiredScopes('DocumentApp', 'Paragraph.copy')).toEqual([`${G}documents.currentonly`, `${G}documents`]);
    const full = withScopes([`${G}documents`]);
    expect(full.app.call('paragraph', full.template)).toBe(2);
  });

  // findText's result: https://developers.google.com/apps-script/reference/document/range-element
  // — each of its methods lists documents.currentonly or documents under Authorization.
  it('RangeElement (Body.findText) has its rule: documents.currentonly or documents', () => {
    expect(requiredScopes('DocumentApp', 'RangeElement.getElement')).toEqual([`${G}documents.currentonly`, `${G}documents`]);
    const full = withScopes([`${G}documents`]);
    expect(full.app.call('find', full.template)).toBe('GY-7');
  });
});

describe('Per method, not per service', () => {
  it('Spreadsheet.getSheetByName has no Authorization section; SpreadsheetApp.getActive lists currentonly || spreadsheets', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActive()
    expect(requiredScopes('SpreadsheetApp', 'Spreadsheet.getSheetByName')).toBeNull();
    expect(requiredScopes('SpreadsheetApp', 'Sheet.getName')).toEqual([`${G}spreadsheets.currentonly`, `${G}spreadsheets`]);
    const { app } = withScopes([`${G}script.send_mail`]);
    expect(() => app.call('sheetName')).toThrow(
      `You do not have permission to call SpreadsheetApp.getActive. Required permissions: (${G}spreadsheets.currentonly || ${G}spreadsheets). ${MORE}`,
    );
  });

  it('Session.getActiveUser needs userinfo.email; Session.getScriptTimeZone needs nothing', () => {
    // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
    const { app } = withScopes([`${G}spreadsheets.currentonly`]);
    expect(app.call('zone')).toBe('Asia/Ho_Chi_Minh');
    expect(() => app.call('me')).toThrow(`You do not have permission to call Session.getActiveUser. Required permissions: ${G}userinfo.email. ${MORE}`);
  });

  it('a class of a scoped service the table does not know is an emulator bug, never an unchecked call', () => {
    expect(() => requiredScopes('DriveApp', 'Folder.getName')).toThrow('emulator: no scope rule for DriveApp:Folder.getName');
    expect(requiredScopes('Charts', 'Charts.newDataTable')).toBeNull();
  });
});
