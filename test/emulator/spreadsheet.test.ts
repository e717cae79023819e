/**
 * SpreadsheetApp conformance: what scripts see must be what Apps Script does.
 */
import { createWorkspace } from '../../emulator';
import { sheetSetup as setup } from '../support/sheet';

describe('SpreadsheetApp — https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app', () => {
  it('getActive() is the bound spreadsheet, or null when there is none', () => {
    const { ws, SpreadsheetApp, id } = setup();
    expect(SpreadsheetApp.getActive().getId()).toBe(id);
    ws.spreadsheets.setActive(null);
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });

  it('openById fails for an unknown id; create() makes a spreadsheet with one sheet named in its language', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.openById('nope')).toThrow('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    const created = SpreadsheetApp.create('Mới');
    expect(created.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']);
    expect(SpreadsheetApp.openById(created.getId()).getName()).toBe('Mới');
  });

  it('enums are objects whose string form is the name', () => {
    const { SpreadsheetApp } = setup();
    expect(String(SpreadsheetApp.ProtectionType.SHEET)).toBe('SHEET');
    expect(SpreadsheetApp.ProtectionType.SHEET).toBe(SpreadsheetApp.ProtectionType.SHEET);
  });
});

describe('Spreadsheet — https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet', () => {
  it('insertSheet refuses a duplicate name and inserts at a 0-based index', () => {
    const { ss } = setup();
    ss.insertSheet('Ý kiến');
    expect(() => ss.insertSheet('ý kiến')).toThrow('A sheet with the name "ý kiến" already exists. Please enter another name.');
    ss.insertSheet('Đầu', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Đầu', 'Trang tính1', 'Ý kiến']);
    expect(ss.getSheetByName('Đầu')!.getIndex()).toBe(1);
  });

  it('getSheetByName returns null for a missing sheet; the last sheet cannot be deleted', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheetByName('Không có')).toBeNull();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it('getRange takes A1 notation with a quoted sheet name', () => {
    const { ss } = setup();
    ss.insertSheet('Ý kiến').getRange('B2').setValue('x');
    expect(ss.getRange("'Ý kiến'!B2").getValue()).toBe('x');
  });
});

describe('Sheet — https://developers.google.com/apps-script/reference/spreadsheet/sheet', () => {
  it('is 1-based and checks its arguments as Apps Script does', () => {
    const { sheet } = setup();
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => (sheet.getRange as unknown as (a: string, b: number) => unknown)('A', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('reads open-ended A1 ranges to the edge of the sheet', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26);
  });

  it('getLastRow/getLastColumn follow content; getDataRange spans it', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B3').setValue('x');
    sheet.getRange('D2').setValue(1);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
  });

  it('appendRow writes after the last row, grows a full sheet, and keeps the formats of the row above', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A1000').setNumberFormat('@');
    sheet.getRange(1000, 1).setValue('cuối');
    sheet.appendRow(['0912345678', 'x']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['0912345678', 'x']]);
  });

  it('cannot hide every sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  it('enforces the 10,000,000-cell limit of a spreadsheet', () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsAfter(1, 400_000)).toThrow('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
  });
});

describe('Range — https://developers.google.com/apps-script/reference/spreadsheet/range', () => {
  it('setValues checks the data against the range', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a', 'b'], ['c', 'd']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('types strings like user input unless the cell is plain text ("@")', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:F1');
    r.setValues([['0912345678', 'TRUE', '24/11/2026', "'=1+1", '-abc', '12,5']]);
    const [phone, bool, date, quoted, minus, decimal] = r.getValues()[0];
    expect(phone).toBe(912345678);
    expect(bool).toBe(true);
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2026-11-23T17:00:00.000Z'); // midnight in Hà Nội
    expect(quoted).toBe('=1+1');
    expect(minus).toBe('#ERROR!');
    expect(decimal).toBe(12.5);
    const text = sheet.getRange('A2:C2');
    text.setNumberFormat('@');
    text.setValues([['0912345678', '=HYPERLINK("http://x")', '+84 912']]);
    expect(text.getValues()).toEqual([['0912345678', '=HYPERLINK("http://x")', '+84 912']]);
    expect(text.getFormulas()).toEqual([['', '', '']]);
  });

  it('keeps a formula as a formula and refuses to fake its value', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(() => sheet.getRange('A1').getValue()).toThrow("not implemented in the emulator: formula evaluation ('Trang tính1'!A1: =1+1)");
  });

  it('holds at most 50,000 characters in a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });

  it('shows dates and numbers in the spreadsheet locale', () => {
    const { sheet } = setup();
    const when = new Date('2026-11-24T11:45:16Z');
    sheet.getRange('A1:C1').setValues([[when, 1234.5, new Date('2026-11-23T17:00:00Z')]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['24/11/2026 18:45:16', '1234,5', '24/11/2026']]);
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('24/11/2026 18:45');
    const en = setup('en_US').sheet;
    en.getRange('A1').setValue(when);
    expect(en.getRange('A1').getDisplayValue()).toBe('11/24/2026 18:45:16');
  });

  it('getCell and offset are relative and bounded', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D4');
    expect(r.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(() => r.getCell(4, 1)).toThrow('Cell reference out of range');
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
  });

  it('counts the cells each call reads and writes', () => {
    const { ws, sheet } = setup();
    ws.resetStats();
    sheet.getRange(1, 1, 3, 4).setValues([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]);
    sheet.getRange(1, 1, 3, 4).getValues();
    sheet.appendRow(['a', 'b']);
    const s = ws.stats().services.SpreadsheetApp;
    expect(s.methods['Range.setValues']).toMatchObject({ calls: 1, cellsRead: 0, cellsWritten: 12 });
    expect(s.methods['Range.getValues']).toMatchObject({ calls: 1, cellsRead: 12, cellsWritten: 0 });
    expect(s.methods['Sheet.appendRow']).toMatchObject({ calls: 1, cellsRead: 0, cellsWritten: 2 });
    expect(s.calls).toBe(5); // 2 × getRange, setValues, getValues, appendRow
  });

  it('stays cheap at 100,000 rows: one column is read without touching the others', () => {
    const { ws, sheet } = setup();
    sheet.insertRowsAfter(1000, 99_000);
    const rows = Array.from({ length: 100_000 }, (_, i) => [`GY-2026-${String(i + 1).padStart(5, '0')}`, 'Mới tiếp nhận', i]);
    sheet.getRange(1, 1, 100_000, 3).setValues(rows);
    ws.resetStats();
    const codes = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    expect(codes.length).toBe(100_000);
    expect(codes[99_999][0]).toBe('GY-2026-100000');
    expect(ws.stats().services.SpreadsheetApp.cellsRead).toBe(100_000);
  });
});

describe('Protection — https://developers.google.com/apps-script/reference/spreadsheet/protection', () => {
  it('stops edits by anyone but the owner and its editors; the owner and the current user cannot be removed', () => {
    const { ws, ss } = setup();
    ss.addEditor('handler@luukiem.example');
    const secret = ss.insertSheet('Người gửi');
    const p = secret.protect().setDescription('Chỉ quản trị');
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@luukiem.example']);
    expect(p.canEdit()).toBe(true);
    ws.setUser('handler@luukiem.example');
    expect(() => ws.execution(() => secret.getRange('A1').setValue('x'))).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(ws.execution(() => p.canEdit())).toBe(false);
  });

  it('a warning-only protection stops nobody; unprotected ranges stay editable', () => {
    const { ws, ss } = setup();
    const sheet = ss.insertSheet('Nhật ký');
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    p.setUnprotectedRanges([sheet.getRange('A5:B5')]);
    ws.setUser('someone@luukiem.example');
    expect(() => ws.execution(() => sheet.getRange('A5').setValue('ok'))).not.toThrow();
    expect(() => ws.execution(() => sheet.getRange('A6').setValue('no'))).toThrow(/protected cell/);
    ws.setUser('owner@luukiem.example');
    p.setWarningOnly(true);
    ws.setUser('someone@luukiem.example');
    expect(() => ws.execution(() => sheet.getRange('A6').setValue('ok'))).not.toThrow();
  });
});

describe('snapshots', () => {
  it('restore every value, format, formula, protection and hidden flag', () => {
    const { ws, ss } = setup();
    const s = ss.insertSheet('Dữ liệu');
    s.getRange('A1:C1').setNumberFormats([['@', 'dd/MM/yyyy', '0']]);
    s.getRange('A1:C1').setValues([['0912', new Date('2026-01-01T00:00:00Z'), 3]]);
    s.getRange('D1').setValue('=A1');
    s.protect().setDescription('khóa');
    s.hideSheet();
    const again = createWorkspace({ snapshot: ws.snapshot() });
    const s2 = (again.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Dữ liệu')!;
    expect(s2.getRange('A1:C1').getValues()).toEqual([['0912', new Date('2026-01-01T00:00:00Z'), 3]]);
    expect(s2.getRange('A1:C1').getNumberFormats()).toEqual([['@', 'dd/MM/yyyy', '0']]);
    expect(s2.getRange('D1').getFormula()).toBe('=A1');
    expect(s2.isSheetHidden()).toBe(true);
    expect(s2.getProtections((again.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET)[0].getDescription()).toBe('khóa');
  });

  // A snapshot keeps rows of formats alike as one run, and a restored sheet shares one row (and one
  // style object) among them: each row and cell must still change alone, as in Sheets.
  it('a restored column of formats and styles changes cell by cell, and moves whole with inserted and deleted columns', () => {
    const { ws, ss } = setup();
    const s = ss.insertSheet('Cột');
    s.getRange(1, 1, 1000, 3).setNumberFormats(Array.from({ length: 1000 }, () => ['@', 'dd/MM/yyyy', '0']));
    s.getRange(1, 2, 1000, 1).setBackground('#e8f0fe');
    const again = createWorkspace({ snapshot: ws.snapshot() });
    const SA = again.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const s2 = SA.getActive().getSheetByName('Cột')!;
    s2.getRange('A5').setNumberFormat('0.00');
    s2.getRange('B7').setBackground('#ff0000');
    expect(s2.getRange('A4:A6').getNumberFormats()).toEqual([['@'], ['0.00'], ['@']]);
    expect(['B6', 'B7', 'B8'].map((a) => s2.getRange(a).getBackground())).toEqual(['#e8f0fe', '#ff0000', '#e8f0fe']);
    s2.insertColumnsAfter(1, 1);
    const formats = s2.getRange('A4:D5').getNumberFormats();
    expect(formats.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['@', 'dd/MM/yyyy', '0'],
      ['0.00', 'dd/MM/yyyy', '0'],
    ]);
    s2.deleteColumns(2, 1);
    expect(s2.getRange('A999:C1000').getNumberFormats()).toEqual([
      ['@', 'dd/MM/yyyy', '0'],
      ['@', 'dd/MM/yyyy', '0'],
    ]);
    // The workspace it came from is untouched by the restored one's edits.
    expect((ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Cột')!.getRange('A5').getNumberFormat()).toBe('@');
  });
});
