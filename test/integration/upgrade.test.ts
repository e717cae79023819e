/**
 * Issue 8 on a ward set up by an earlier version: the form's questions that said "bạn" are renamed
 * without losing what residents sent under the old titles; "Cài đặt" gains the ward's phone and
 * hours; cases saved as "Đã trả lời" whose answer never left become drafts again; the form's
 * confirmation page follows the settings, rewritten only when they change.
 */
import { STATUS } from '../../src/domain/case';
import { FORM } from '../../src/i18n/vi';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

type View = { code: string; row: number; version: number; status: string; answerState: string; workingDaysLeft: number | null };
const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
const forms = (w: Ward) => w.ws.globals.FormApp as GoogleAppsScript.Forms.FormApp;
/** Setup's report to the admin (an alert). */
function setup(w: Ward): string {
  w.app.call('setupMailbox');
  return w.ws.ui.events().at(-1)?.message ?? '';
}

describe('a form made by an earlier version', () => {
  it('its "bạn" questions are renamed by setup; answers under either title are filed whole', () => {
    const w = setUpWard();
    const form = forms(w).openById(w.formId);
    const group = form.getItems().find((i) => i.getTitle() === FORM.group)!;
    group.setTitle('Bạn ở tổ dân phố nào?');
    // A resident answers the old form…
    const old = { ...formAnswers({ group: 'Tổ dân phố 6', content: 'Cây đổ chắn ngõ 3' }) };
    old['Bạn ở tổ dân phố nào?'] = old[FORM.group];
    delete old[FORM.group];
    w.ws.forms.submit(w.formId, old);
    // …and setup brings the form up to date.
    const message = setup(w);
    expect(message).toContain(`tiêu đề câu hỏi "${FORM.group}"`);
    expect(form.getItems().map((i) => i.getTitle())).toContain(FORM.group);
    expect(form.getItems().map((i) => i.getTitle())).not.toContain('Bạn ở tổ dân phố nào?');
    w.ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 8', content: 'Đèn ngõ 8 hỏng' }));
    runHourly(w);
    const cases = tabRecords(w, 'Ý kiến');
    expect(cases.map((c) => [c['Tổ dân phố'], c['Nội dung']])).toEqual([
      ['Tổ dân phố 6', 'Cây đổ chắn ngõ 3'],
      ['Tổ dân phố 8', 'Đèn ngõ 8 hỏng'],
    ]);
  });
});

describe('"Cài đặt" from an earlier version', () => {
  it('gains the ward\'s phone and office hours, appended; the admin\'s rows are untouched; a phone keeps its leading 0', () => {
    const w = setUpWard();
    const tab = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
    const rows = tab.getRange(2, 1, tab.getLastRow() - 1, 3).getValues();
    const kept = rows.filter((r) => !['Số điện thoại tiếp nhận ý kiến', 'Giờ tiếp dân'].includes(String(r[0])));
    kept[0][1] = 'Phường Hòa Bình';
    tab.getRange(2, 1, rows.length, 3).clearContent();
    tab.getRange(2, 1, kept.length, 3).setValues(kept);
    const message = setup(w);
    expect(message).toContain('"Số điện thoại tiếp nhận ý kiến", "Giờ tiếp dân" của tab "Cài đặt"');
    const after = tabRecords(w, 'Cài đặt');
    expect(after[0]).toMatchObject({ 'Mục': 'Tên phường', 'Giá trị': 'Phường Hòa Bình' });
    const phoneRow = after.findIndex((r) => r['Mục'] === 'Số điện thoại tiếp nhận ý kiến') + 2;
    tab.getRange(phoneRow, 2).setValue('0243 825 1234');
    expect(tab.getRange(phoneRow, 2).getValue()).toBe('0243 825 1234');
    runHourly(w);
    expect(forms(w).openById(w.formId).getConfirmationMessage()).toContain('điện thoại 0243 825 1234');
    // Setup again: nothing more to add.
    expect(setup(w)).not.toContain('Số điện thoại tiếp nhận ý kiến');
  });
});

describe('the confirmation page follows the settings', () => {
  it('the hourly job rewrites it when the phone changes, and does not touch the form otherwise', () => {
    const w = setUpWard();
    const general = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
    const labels = general.getRange(1, 1, general.getLastRow(), 1).getValues().map((r) => String(r[0]));
    general.getRange(labels.indexOf('Số điện thoại tiếp nhận ý kiến') + 1, 2).setValue('0912 000 111');
    runHourly(w);
    expect(forms(w).openById(w.formId).getConfirmationMessage()).toContain('điện thoại 0912 000 111');
    w.ws.resetStats();
    runHourly(w);
    const formCalls = Object.keys(w.ws.stats().services.FormApp?.methods ?? {});
    expect(formCalls.filter((m) => /Confirmation|Description/.test(m))).toEqual([]);
  });
});

describe('cases saved as "Đã trả lời" before answers told the truth', () => {
  it('an answer that never left is a draft again after the hourly job; one that was sent stays answered', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 1' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 2', email: 'b@gmail.com' }));
    runHourly(w);
    for (const code of ['GY-2026-00001', 'GY-2026-00002']) {
      const classified = act(w, open(w, code), { action: 'classify', category: 'Môi trường', complexity: 'normal' });
      act(w, classified, { action: 'answer', text: 'Đã thu gom.' });
    }
    act(w, open(w, 'GY-2026-00002'), { action: 'sendAnswer' });
    // What an earlier version left: status "Đã trả lời" on the unsent one, its index of layout v2.
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    sheet.getRange(2, col('Trạng thái')).setValue(STATUS.answered);
    const index = JSON.parse(String(sheet.getRange(2, col('Chỉ mục (hệ thống)')).getValue())) as unknown[];
    sheet.getRange(2, col('Chỉ mục (hệ thống)')).setValue(JSON.stringify([2, ...index.slice(1, 20)]));
    expect(open(w, 'GY-2026-00001').answerState).toBe('draft');
    runHourly(w);
    const rows = tabRecords(w, 'Ý kiến');
    expect(rows.map((r) => r['Trạng thái'])).toEqual([STATUS.draftAnswer, STATUS.answered]);
    const inbox = w.app.call('getInbox', { status: 'inProgress' }) as { items: Array<{ code: string }> };
    expect(inbox.items.map((i) => i.code)).toEqual(['GY-2026-00001']);
  });
});

describe('what staff read in the tabs (issue 8.11)', () => {
  it('after a whole flow, no tab holds an English field name or a UTC ISO time', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 1', email: 'a@gmail.com' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 2', phone: '0912 345 678' }));
    runHourly(w);
    let v = open(w, 'GY-2026-00001');
    v = act(w, v, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    v = act(w, v, { action: 'assign', body: 'UBND phường', assignee: '' });
    v = act(w, v, { action: 'answer', text: 'Đã thu gom.' });
    act(w, v, { action: 'sendAnswer' });
    runHourly(w); // the answer leaves: the case is answered
    act(w, open(w, 'GY-2026-00001'), { action: 'close', outcome: 'resolved' });
    let u = open(w, 'GY-2026-00002');
    u = act(w, u, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    u = act(w, u, { action: 'answer', text: 'Đã thay đèn.' });
    act(w, u, { action: 'recordCall', note: 'Ông Hai nghe máy.' });
    runHourly(w);
    const english = /"(v|at|by|action|detail|changes|field|from|to|code|status|kind|id)"\s*:/;
    const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
    for (const tab of w.ws.spreadsheets.view(w.ssId).sheets) {
      for (const row of tab.displayValues) {
        for (const cell of row) {
          expect([tab.name, english.test(cell) ? cell : '']).toEqual([tab.name, '']);
          expect([tab.name, iso.test(cell) ? cell : '']).toEqual([tab.name, '']);
        }
      }
    }
  });
});
