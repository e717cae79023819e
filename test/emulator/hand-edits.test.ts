/**
 * Hand edits of the spreadsheet and the triggers Apps Script fires for them. A script's own
 * writes fire nothing; a person's cell edit fires the simple onEdit(e) (LIMITED) and installed
 * on-edit triggers; every change, structural ones included, fires installed on-change triggers
 * (ScriptApp.newTrigger(f).forSpreadsheet(ss).onChange()), whose event names the change type.
 */
import { createWorkspace } from '../../emulator';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };
const SCRIPT = `
var seen = [];
function install() {
  ScriptApp.newTrigger('changed').forSpreadsheet(SpreadsheetApp.getActive()).onChange().create();
  ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function onEdit(e) { seen.push(['simple', String(e.authMode), e.range.getSheet().getName(), e.range.getA1Notation(), e.user.email]); }
function edited(e) { seen.push(['installed edit', String(e.authMode), e.range.getA1Notation(), e.triggerUid !== undefined]); }
function changed(e) { seen.push(['change', e.changeType, String(e.authMode), e.source.getId() !== '']); }
function scriptWrite() { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('by script'); }
function events() { return seen; }
`;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT]], html: {} });
  app.call('install');
  return { ws, app };
}

describe('Triggers for hand edits — https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events', () => {
  it('a cell edit fires the simple onEdit (LIMITED), the installed on-edit and on-change triggers', () => {
    const { ws, app } = setup();
    const name = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].name;
    ws.handEdit((ss) => ss.getSheets()[0].getRange('B2').setValue('x'), { user: 'clerk@luukiem.example', range: { sheet: name, row: 2, column: 2 } });
    expect(app.call('events')).toEqual([
      ['simple', 'LIMITED', name, 'B2', 'clerk@luukiem.example'],
      ['installed edit', 'FULL', 'B2', true],
      ['change', 'EDIT', 'FULL', true],
    ]);
  });

  it('deleting a row fires on-change only (REMOVE_ROW), never onEdit', () => {
    const { ws, app } = setup();
    ws.handEdit((ss) => ss.getSheets()[0].deleteRow(3), { changeType: 'REMOVE_ROW' });
    expect(app.call('events')).toEqual([['change', 'REMOVE_ROW', 'FULL', true]]);
  });

  it("a script's own write fires nothing", () => {
    const { app } = setup();
    app.call('scriptWrite');
    expect(app.call('events')).toEqual([]);
  });

  it('ScriptApp.newTrigger(f).forSpreadsheet(ss).onChange() is one per user per document, like every add-on trigger', () => {
    const { app } = setup();
    expect(() => app.call('install')).toThrow('Only 1 is allowed');
  });
});

describe('Range.sort — https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj', () => {
  it('sorts whole rows by a column, numbers before text, blanks last, descending when asked', () => {
    const ws = createWorkspace({ user: 'admin@luukiem.example' });
    ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
    const ss = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
    const sheet = ss.getSheets()[0];
    sheet.getRange(1, 1, 5, 2).setValues([['b', 1], [3, 2], ['', 3], ['A', 4], [1, 5]]);
    sheet.getRange(1, 1, 5, 2).sort(1);
    expect(sheet.getRange(1, 1, 5, 2).getValues()).toEqual([[1, 5], [3, 2], ['A', 4], ['b', 1], ['', 3]]);
    sheet.getRange(1, 1, 5, 2).sort({ column: 2, ascending: false });
    expect(sheet.getRange(1, 2, 5, 1).getValues().map((r) => r[0])).toEqual([5, 4, 3, 2, 1]);
    expect(() => sheet.getRange(1, 1, 5, 2).sort(3)).toThrow('Invalid argument: sortSpecObj');
  });
});
