/** A workspace with one active spreadsheet, for SpreadsheetApp conformance tests. */
import { createWorkspace } from '../../emulator';

export function sheetSetup(locale = 'vi_VN') {
  const ws = createWorkspace({ locale, user: 'owner@luukiem.example' });
  const id = ws.spreadsheets.create('CSDL', { locale });
  ws.spreadsheets.setActive(id);
  const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = SpreadsheetApp.getActive();
  return { ws, id, SpreadsheetApp, ss, sheet: ss.getSheets()[0] };
}
