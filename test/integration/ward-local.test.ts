/**
 * Issue 18, item 14: the local ward is where the lead tries the ward out, so
 * - every link in "Thư đã gửi" opens the local page: the personal links, the lookup and the rating
 *   links point to the web app's address on Google (ScriptApp.getService().getUrl()), which the
 *   ward serves at /exec;
 * - the tabs can be edited in the ward as a person edits them in Sheets: the value goes in as
 *   typed (Range.setValue) as the ward's current account, protections apply, and the triggers a
 *   hand edit fires run (simple onEdit, installed on-edit and on-change) — so the add-on reacts
 *   exactly as it would in Apps Script: an edit of "Cán bộ" takes effect at once, the other
 *   settings tabs at the hourly run or "Đồng bộ lại".
 */
import type { Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { addStaff, ADMIN, formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';

let w: Ward;
let ws: Workspace;
let server: Server;

beforeAll(async () => {
  w = setUpWard();
  ws = w.ws;
  addStaff(w, [[HANDLER, 'Xử lý', 'UBND phường']]);
  runHourly(w);
  server = await startWard({ ws, port: 0 });
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(server.url + path, { redirect: 'manual' });
const post = (path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });

function tab(name: string): { id: string; sheetId: number } {
  const view = ws.spreadsheets.view(w.ssId);
  return { id: w.ssId, sheetId: view.sheets.find((s) => s.name === name)!.sheetId };
}

/** The row of "Cài đặt" whose first cell is `key` (1-based). */
function generalRow(key: string): number {
  return tabRecords(w, 'Cài đặt').findIndex((r) => r['Mục'] === key) + 2;
}

async function switchTo(email: string): Promise<void> {
  await post('/user', { email });
}

describe('"Thư đã gửi": every link opens the local page', () => {
  it('the acknowledgement\'s lookup link, the answer\'s rating link and a personal link all point to /exec, and open there', async () => {
    ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', email: 'lan@gmail.com' }));
    const act = (input: Record<string, unknown>) => {
      const v = w.app.call('getCase', 'GY-2026-00001') as { code: string; row: number; version: number };
      w.app.call('caseAction', v.code, v.row, v.version, input);
    };
    act({ action: 'classify', category: 'Môi trường', complexity: 'normal' });
    act({ action: 'assign', body: 'UBND phường', assignee: HANDLER });
    act({ action: 'answer', text: 'Đã thu gom.' });
    act({ action: 'sendAnswer' });
    runHourly(w);
    const google = ws.webapp.url()!;
    expect(ws.mail.outbox().map((m) => m.body).join('\n')).toContain(`${google}?`);

    const page = await (await get('/mail')).text();
    const hrefs = [...page.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    const webApp = hrefs.filter((h) => h.includes('?v=lookup') || h.includes('?p='));
    expect(webApp.length).toBeGreaterThanOrEqual(3);
    expect(webApp.filter((h) => h.includes('&key='))).toHaveLength(1);
    expect(webApp.filter((h) => h.includes('?p='))).toHaveLength(1);
    for (const h of webApp) expect(h).toMatch(/^\/exec\?/);
    expect(hrefs.filter((h) => h.startsWith(google))).toEqual([]);
    // The link text stays the address on Google, as in the real mail.
    expect(page).toContain(`>${google}?v=lookup&amp;code=GY-2026-00001</a>`);
    for (const h of webApp) {
      const res = await get(h);
      expect([h, res.status]).toEqual([h, 200]);
      expect(await res.text()).toContain('sandboxFrame');
    }
  });

  it('only the web app\'s own address is rewritten: a longer path that starts like it stays as written', async () => {
    const { linkify } = await import('../../emulator/server/pages');
    const google = 'https://script.google.com/macros/s/ABC/exec';
    expect(linkify(`Xem ${google}?v=lookup&code=GY-2026-00001.`, google).html).toBe(`Xem <a href="/exec?v=lookup&amp;code=GY-2026-00001">${google}?v=lookup&amp;code=GY-2026-00001</a>.`);
    expect(linkify(`${google}`, google).html).toBe(`<a href="/exec">${google}</a>`);
    expect(linkify(`${google}2?x=1`, google).html).toBe(`<a href="${google}2?x=1" rel="noopener noreferrer">${google}2?x=1</a>`);
  });
});

describe('the tabs can be edited in the local ward, as in Sheets', () => {
  it('an admin edits the ward\'s phone in "Cài đặt": the cell takes the value as typed, onEdit runs, and "Đồng bộ lại" applies it to the form\'s confirmation', async () => {
    const { id, sheetId } = tab('Cài đặt');
    const row = generalRow('Số điện thoại tiếp nhận ý kiến');
    expect(row).toBeGreaterThan(1);
    const page = await (await get(`/sheets/${id}/${sheetId}?cell=B${row}`)).text();
    expect(page).toContain('<form class="cell-edit"');
    expect(page).toContain(`value="B${row}"`);
    const runs = ws.executions().length;
    const res = await post(`/sheets/${id}/${sheetId}/cell`, { cell: `B${row}`, value: '0243 812 3456' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/sheets/${id}/${sheetId}?page=1`);
    expect(tabRecords(w, 'Cài đặt')[row - 2]['Giá trị']).toBe('0243 812 3456');
    expect(ws.executions().slice(runs).map((e) => [e.kind, e.label])).toEqual(expect.arrayContaining([['trigger', 'onEdit']]));
    const after = await (await get(`/sheets/${id}/${sheetId}?page=1`)).text();
    expect(after).toContain(`Đã sửa ô B${row}`);

    const form = ws.forms.model(w.formId);
    expect(form.confirmationMessage).not.toContain('0243 812 3456');
    ws.ui.runMenuItem('resyncMailbox');
    expect(ws.forms.model(w.formId).confirmationMessage).toContain('0243 812 3456');
  });

  it('chair approval switched on in "Cài đặt" from the ward: after "Đồng bộ lại" an answer waits for approval', async () => {
    const { id, sheetId } = tab('Cài đặt');
    const row = generalRow('Trả lời phải được Chủ tịch duyệt');
    await post(`/sheets/${id}/${sheetId}/cell`, { cell: `B${row}`, value: 'Có' });
    ws.ui.runMenuItem('resyncMailbox');
    ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
    const code = (w.app.call('getInbox', {}) as { items: Array<{ code: string }> }).items[0].code;
    let v = w.app.call('getCase', code) as { code: string; row: number; version: number; status: string };
    v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: typeof v }).view;
    v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'answer', text: 'Đã thay bóng đèn.' }) as { view: typeof v }).view;
    expect(v.status).toBe('Chờ duyệt');
  });

  it('an edit of "Cán bộ" takes effect at once (onEdit marks the staff list stale), as in Apps Script', async () => {
    const { id, sheetId } = tab('Cán bộ');
    const next = tabRecords(w, 'Cán bộ').length + 2;
    await post(`/sheets/${id}/${sheetId}/cell`, { cell: `A${next}`, value: 'xem@luukiem.example' });
    await post(`/sheets/${id}/${sheetId}/cell`, { cell: `B${next}`, value: 'Xem' });
    expect(ws.sidebar.run('getSidebarState', [], { user: 'xem@luukiem.example' })).toMatchObject({ role: 'viewer' });
    // Removing the row (an on-change event, no onEdit) takes effect at once too.
    const del = await post(`/sheets/${id}/${sheetId}/delete-row`, { row: String(next) });
    expect(del.status).toBe(303);
    expect(ws.sidebar.run('getSidebarState', [], { user: 'xem@luukiem.example' })).toMatchObject({ role: null });
  });

  it('protections apply: a handler is refused, in Vietnamese, and nothing changes; the page offers them no edit form', async () => {
    const { id, sheetId } = tab('Cài đặt');
    const before = tabRecords(w, 'Cài đặt');
    await switchTo(HANDLER);
    const page = await (await get(`/sheets/${id}/${sheetId}`)).text();
    expect(page).not.toContain('<form class="cell-edit"');
    const res = await post(`/sheets/${id}/${sheetId}/cell`, { cell: 'B2', value: 'giả mạo' });
    expect(res.status).toBe(303);
    const shown = await (await get(res.headers.get('location')!)).text();
    expect(shown).toContain('Không sửa được ô B2');
    expect(tabRecords(w, 'Cài đặt')).toEqual(before);
    // A hidden tab they may not see cannot be edited either.
    const hidden = tab('Người gửi');
    expect((await post(`/sheets/${id}/${hidden.sheetId}/cell`, { cell: 'B2', value: 'x' })).status).toBe(404);
    await switchTo(ADMIN);
  });

  it('refuses what is no cell of the tab', async () => {
    const { id, sheetId } = tab('Cài đặt');
    for (const cell of ['', 'B0', '2B', 'ZZZZ99999999', 'B2;A1']) {
      const res = await post(`/sheets/${id}/${sheetId}/cell`, { cell, value: 'x' });
      expect([cell, res.status]).toEqual([cell, 400]);
    }
  });
});
