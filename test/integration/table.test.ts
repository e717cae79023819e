/**
 * The table object (services/platform/sheets/table.ts), the one way services touch a managed
 * tab: columns by header, text kept as text, and what each operation costs in Spreadsheet calls.
 * The object runs here against the emulator's spreadsheet directly; the last tests run the app.
 */
import { STATUS } from '../../src/domain/case';
import { openTable } from '../../src/services/platform/sheets/tabs';
import { readHeader, type TabMap } from '../../src/services/platform/sheets/table';
import { TABS } from '../../src/services/platform/sheets/tabs';
import { asUser, formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const CASES = TABS.cases.name;

function sheetOf(w: Ward, name = CASES): GoogleAppsScript.Spreadsheet.Sheet {
  return w.SpreadsheetApp.getActive().getSheetByName(name)!;
}

/** The layout as setup finds it: every column by its header. */
function layoutOf(w: Ward): TabMap {
  const sheet = sheetOf(w);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return { name: CASES, columns: readHeader(header, TABS.cases.columns).map, width: header.filter((h) => h !== '').length };
}

function casesTable(w: Ward) {
  return openTable(w.SpreadsheetApp.getActive(), 'cases', { cases: layoutOf(w) } as never);
}

/** Spreadsheet calls made by `fn`, by method. */
function counted(w: Ward, fn: () => void): { calls: number; methods: Record<string, number> } {
  w.ws.resetStats();
  fn();
  const s = w.ws.stats().services.SpreadsheetApp;
  return { calls: s.calls, methods: Object.fromEntries(Object.entries(s.methods).map(([k, v]) => [k, v.calls])) };
}

/** A person moves a column to the end of the tab: a new column with its cells, the old one deleted. */
function moveColumnToEnd(w: Ward, header: string, tab = CASES): void {
  w.ws.handEdit(
    (ss) => {
      const sheet = ss.getSheetByName(tab)!;
      const width = sheet.getLastColumn();
      const at = (sheet.getRange(1, 1, 1, width).getValues()[0] as string[]).indexOf(header) + 1;
      const rows = sheet.getMaxRows();
      sheet.insertColumnsAfter(width, 1);
      const from = sheet.getRange(1, at, rows, 1);
      const to = sheet.getRange(1, width + 1, rows, 1);
      to.setNumberFormats(from.getNumberFormats());
      to.setValues(from.getValues());
      sheet.deleteColumns(at, 1);
    },
    { changeType: 'OTHER' },
  );
}

describe('the table object', () => {
  it('appends one record with one appendRow, a resident\'s "=1+1" stored as plain text', () => {
    const w = setUpWard();
    const t = casesTable(w);
    const cost = counted(w, () => t.append([{ code: 'GY-2026-P00001', content: '=1+1', location: '+84 ngõ 5', status: 'Mới' }]));
    expect(cost.methods).toEqual({ 'Spreadsheet.getSheetByName': 1, 'Sheet.appendRow': 1 });
    const range = sheetOf(w).getRange(2, t.column('content'));
    expect(range.getFormula()).toBe('');
    expect(range.getValue()).toBe('=1+1');
    expect(sheetOf(w).getRange(2, t.column('location')).getValue()).toBe('+84 ngõ 5');
  });

  it('appends many records in one batch (6 calls whatever the count), formats set with the values', () => {
    const w = setUpWard();
    const t = casesTable(w);
    const records = Array.from({ length: 50 }, (_, i) => ({ code: `GY-2026-P${String(i + 1).padStart(5, '0')}`, content: `=${i}+1`, version: 1 }));
    const cost = counted(w, () => t.append(records));
    expect(cost.calls).toBe(6);
    expect(cost.methods['Range.setValues']).toBe(1);
    const read = t.rows(['code', 'content', 'version']);
    expect(read).toHaveLength(50);
    expect(read[49]).toEqual({ row: 51, code: 'GY-2026-P00050', content: '=49+1', version: 1 });
    expect(sheetOf(w).getRange(2, 1, 50, t.layout.width).getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('reads some columns of every row in one getRange + getValues, and one row in the same two calls', () => {
    const w = setUpWard();
    const t = casesTable(w);
    t.append(Array.from({ length: 300 }, (_, i) => ({ code: `C${i}`, status: 'Mới', index: `i${i}` })));
    let rows: Array<Record<string, unknown>> = [];
    expect(counted(w, () => (rows = t.rows(['code', 'index']))).methods).toEqual({ 'Spreadsheet.getRange': 1, 'Range.getValues': 1 });
    expect(rows).toHaveLength(300);
    expect(rows[7]).toEqual({ row: 9, code: 'C7', index: 'i7' });
    // A stretch of rows (first..through): the same two calls, only those cells read.
    let stretch: Array<Record<string, unknown>> = [];
    const cost = counted(w, () => (stretch = t.rows(['code', 'index'], 12, 10)));
    expect(cost.methods).toEqual({ 'Spreadsheet.getRange': 1, 'Range.getValues': 1 });
    expect(stretch).toEqual([
      { row: 10, code: 'C8', index: 'i8' },
      { row: 11, code: 'C9', index: 'i9' },
      { row: 12, code: 'C10', index: 'i10' },
    ]);
    let one: ReturnType<typeof t.row> | null = null;
    expect(counted(w, () => (one = t.row(9))).calls).toBe(2);
    expect(one!.values).toMatchObject({ code: 'C7', status: 'Mới', index: 'i7' });
    // Written back through the Range it was read with: one call.
    expect(counted(w, () => one!.write({ ...one!.values, answer: '=SUM(A1:A9)' })).methods).toEqual({ 'Range.setValues': 1 });
    expect(t.row(9).values).toMatchObject({ code: 'C7', status: 'Mới', answer: '=SUM(A1:A9)' });
    expect(sheetOf(w).getRange(9, t.column('answer')).getFormula()).toBe('');
  });

  it('updates only the cells named: one getRange + setValues per run of adjacent columns, for any number of rows', () => {
    const w = setUpWard();
    const t = casesTable(w);
    t.append(Array.from({ length: 20 }, (_, i) => ({ code: `C${i}`, status: 'Mới', content: `nội dung ${i}`, answer: 'giữ nguyên' })));
    // Trạng thái and Hạn trả lời sit together in a fresh layout: one run.
    expect(counted(w, () => t.update(5, { status: 'Đang xử lý', dueDate: new Date('2026-12-01T00:00:00Z') })).methods).toEqual({ 'Spreadsheet.getRange': 1, 'Range.setValues': 1 });
    // Nội dung is elsewhere: two runs, and what lies between them is not touched.
    expect(counted(w, () => t.update(6, { status: 'Đã đóng', content: '=1+1' })).calls).toBe(4);
    expect(t.row(6).values).toMatchObject({ code: 'C4', status: 'Đã đóng', content: '=1+1', answer: 'giữ nguyên' });
    expect(sheetOf(w).getRange(6, t.column('content')).getFormula()).toBe('');
    // A column of every row: still one run.
    const cost = counted(w, () => t.updateRows(2, Array.from({ length: 20 }, (_, i) => ({ index: `x${i}` }))));
    expect(cost.methods).toEqual({ 'Spreadsheet.getRange': 1, 'Range.setValues': 1 });
    expect(t.rows(['code', 'index', 'answer']).map((r) => `${r.code}:${r.index}:${r.answer}`).slice(0, 2)).toEqual(['C0:x0:giữ nguyên', 'C1:x1:giữ nguyên']);
  });

  it('finds its columns by header: a column a person moved still reads and writes under its own header', () => {
    const w = setUpWard();
    casesTable(w).append([{ code: 'C1', content: 'Đèn hỏng', status: 'Mới', answer: '' }]);
    moveColumnToEnd(w, 'Nội dung');
    const t = casesTable(w);
    expect(t.column('content')).toBe(t.layout.width);
    expect(t.rows(['code', 'content'])).toEqual([{ row: 2, code: 'C1', content: 'Đèn hỏng' }]);
    t.update(2, { content: 'Đèn đã sửa', answer: 'Đã thay bóng' });
    t.append([{ code: 'C2', content: 'Rác', status: 'Mới' }]);
    const byHeader = tabRecords(w, CASES);
    expect(byHeader.map((r) => [r['Mã ý kiến'], r['Nội dung'], r['Trạng thái'], r['Nội dung trả lời']])).toEqual([
      ['C1', 'Đèn đã sửa', 'Mới', 'Đã thay bóng'],
      ['C2', 'Rác', 'Mới', ''],
    ]);
  });
});

describe('the app on a tab whose columns a person moved', () => {
  it('files, lists and acts on cases with each value under its header after setup re-reads the layout', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn đường ở ngõ 5 bị hỏng' }));
    moveColumnToEnd(w, 'Nội dung');
    moveColumnToEnd(w, 'Trạng thái');
    w.app.call('setupMailbox');
    w.ws.forms.submit(w.formId, formAnswers({ content: '=1+1 rác ở ngõ 7' }));
    const inbox = w.app.call('getInbox', {}) as { items: Array<{ code: string; summary: string; row: number }> };
    expect(inbox.items.map((i) => i.summary)).toEqual(['=1+1 rác ở ngõ 7', 'Đèn đường ở ngõ 5 bị hỏng']);
    const view = w.app.call('getCase', inbox.items[1].code) as { code: string; row: number; version: number; content: string; status: string };
    expect(view.content).toBe('Đèn đường ở ngõ 5 bị hỏng');
    w.app.call('caseAction', view.code, view.row, view.version, { action: 'classify', category: 'Môi trường', complexity: 'complex' });
    const rows = tabRecords(w, CASES);
    expect(rows.map((r) => [r['Nội dung'], r['Trạng thái'], r['Lĩnh vực']])).toEqual([
      ['Đèn đường ở ngõ 5 bị hỏng', STATUS.classified, 'Môi trường'],
      ['=1+1 rác ở ngõ 7', STATUS.new, ''],
    ]);
    const content = w.SpreadsheetApp.getActive().getSheetByName(CASES)!.getRange(3, layoutOf(w).columns.content);
    expect(content.getFormula()).toBe('');
  });
});

describe('the staff tab, the admin\'s own', () => {
  const HANDLER = 'ubnd@luukiem.example';

  it('is read by header: with "Email" moved behind the other columns, roles still hold, the edit trigger reading it (the next call no more)', () => {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn hỏng' }));
    moveColumnToEnd(w, 'Email', 'Cán bộ');
    // The admin makes the handler a viewer, in the role column that now comes first.
    w.ws.handEdit((ss) => ss.getSheetByName('Cán bộ')!.getRange(3, 1).setValue('Xem'), { range: { sheet: 'Cán bộ', row: 3, column: 1 }, value: 'Xem' });
    w.ws.resetStats();
    const inbox = asUser(w, HANDLER, () => w.app.call('getInbox', {})) as { total: number };
    const first = w.ws.stats().services.SpreadsheetApp.calls;
    // A viewer sees every case; a handler of UBND phường saw none (nothing assigned).
    expect(inbox.total).toBe(1);
    w.ws.resetStats();
    asUser(w, HANDLER, () => w.app.call('getInbox', {}));
    // The edit trigger read the tab and stored the list (issue 19): the next call reads no more than the one after.
    expect(first).toBe(w.ws.stats().services.SpreadsheetApp.calls);
    // The hourly job's settings refresh reads it by header too: the admin is still the admin.
    runHourly(w);
    expect(() => w.app.call('getInbox', {})).not.toThrow();
    expect(() => asUser(w, HANDLER, () => w.app.call('getInbox', {}))).not.toThrow();
    expect(() => asUser(w, 'nobody@luukiem.example', () => w.app.call('getInbox', {}))).toThrow('chưa có vai trò');
  });
});

describe('the other settings tabs, the admin\'s own', () => {
  it('are read by header: with "Cơ quan" moved behind "Email" in "Cơ quan xử lý", a body typed in that order is read by its name; a retyped header reads at its usual place', () => {
    const w = setUpWard();
    const before = (w.app.call('getInbox', {}) as { options: { bodies: string[] } }).options.bodies;
    expect(before.length).toBeGreaterThan(0);
    moveColumnToEnd(w, 'Cơ quan', 'Cơ quan xử lý');
    // A new body typed in the order the tab now has: e-mail first, then its name.
    const bodies = w.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
    w.ws.handEdit((ss) => ss.getSheetByName('Cơ quan xử lý')!.getRange(before.length + 2, 1, 1, 2).setValues([['dien@luukiem.example', 'Điện lực Lưu Kiếm']]), { range: { sheet: 'Cơ quan xử lý', row: before.length + 2, column: 1 }, value: 'dien@luukiem.example' });
    expect(bodies.getRange(1, 1, 1, 2).getValues()[0]).toEqual(['Email', 'Cơ quan']);
    // The admin retypes a header of another tab by hand: that column is still read where it was.
    w.ws.handEdit((ss) => ss.getSheetByName('Tổ dân phố')!.getRange(1, 1).setValue('Tên tổ'), { range: { sheet: 'Tổ dân phố', row: 1, column: 1 }, value: 'Tên tổ' });
    runHourly(w);
    const after = w.app.call('getInbox', {}) as { options: { bodies: string[]; groups: string[] } };
    expect(after.options.bodies).toEqual([...before, 'Điện lực Lưu Kiếm']);
    expect(after.options.groups.length).toBeGreaterThan(0);
    expect(after.options.groups[0]).toMatch(/^Tổ dân phố /);
  });
});
