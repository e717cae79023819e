/**
 * Issue 18, items 4, 5 and 9, in a real browser (Debian Chromium) on the local ward's sidebar:
 * - "Đánh dấu lợi dụng" says before anything is typed where the case will go — and, in a fresh
 *   ward with no police address, that it will reach nobody; it asks for confirmation; the case is
 *   recorded as not transferred;
 * - "Cấp mã tra cứu mới" asks first (it voids the key printed on a slip): "Hủy" changes nothing;
 * - the answer e-mail's step says "Gửi"; the case waits until the mail has left; a mail that could
 *   not be sent shows the answer approved, not delivered, with why, and offers "Gửi" again;
 * - a handler's sidebar offers nothing a handler may not do, and says where they act;
 * - the highlighted tab follows the view shown.
 * Screenshots (the 300 px sidebar) go to test-artifacts/.
 */
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { CASE_UI as C, INBOX_UI as I } from '../../src/i18n/vi';
import { REPORTS } from '../../src/i18n/vi';
import { artifact, openSidebar, showWardInBrowser, switchUser } from '../support/browser';
import { ADMIN, formAnswers, ROOT } from '../support/ward';

jest.setTimeout(120_000);

const HANDLER = 'ubnd@luukiem.example';

let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let formId: string;

type View = { code: string; row: number; version: number; history: Array<{ action: string }> };

const tab = (name: string) => (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName(name)!;
const open = (code: string) => ws.app!.call('getCase', code) as View;
const act = (code: string, input: Record<string, unknown>) => {
  const v = open(code);
  return (ws.app!.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};
function newest(text: string): string {
  return (ws.app!.call('getInbox', { text }) as { items: Array<{ code: string }> }).items[0].code;
}
/** A cell of the first row of a tab for a case (and, in "Hộp thư đi", of a kind of mail). */
function cell(tabName: string, code: string, header: string, kind?: string): string {
  const values = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.name === tabName)!.displayValues;
  const at = (h: string) => values[0].indexOf(h);
  return values.find((r) => r[at('Mã ý kiến')] === code && (!kind || r[at('Loại thư')] === kind))?.[at(header)] ?? '';
}

beforeAll(async () => {
  ws = createWorkspace({ user: ADMIN });
  ws.spreadsheets.setActive(ws.spreadsheets.create('Hòm thư số — CSDL'));
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  // A fresh ward: "Cơ quan xử lý" lists "Công an phường" with no e-mail.
  tab('Cán bộ').getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  formId = ws.forms.list()[0].id;
  // Every question is asked in the page itself, never by a browser dialog (one fails the test).
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 900, height: 1300 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const switchTo = (email: string) => switchUser(page, server.url, email);

async function openCase(frame: FrameLocator, code: string): Promise<void> {
  await frame.getByRole('button', { name: new RegExp(code) }).click();
  await frame.getByRole('heading', { name: new RegExp(code) }).waitFor();
}

async function shot(name: string, target: ReturnType<FrameLocator['locator']>): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await page.locator('#sidebar').screenshot({ path: artifact(name) });
}

it('misuse in a ward with no police address: warned before typing, asked to confirm, recorded as not transferred', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 3', content: 'Bài viết bịa đặt, bôi nhọ cán bộ khu phố' }));
  const code = newest('bia dat boi nho');
  const frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  await frame.locator('.actions').getByRole('button', { name: 'Đánh dấu lợi dụng', exact: true }).click();
  const form = frame.locator('form.action');
  const warning = form.getByRole('alert');
  expect(await warning.innerText()).toBe(C.misuseNoPolice('Cơ quan xử lý'));
  await form.getByLabel(C.fields.reason).fill('Bịa đặt, bôi nhọ cán bộ khu phố');
  await shot('misuse-no-police.png', form);

  // "Lưu" asks first; "Hủy" sends nothing.
  await form.getByRole('button', { name: C.submit, exact: true }).click();
  const dialog = form.getByRole('alertdialog');
  expect(await dialog.innerText()).toContain(C.misuseConfirm(code, ''));
  await shot('misuse-confirm.png', dialog);
  await dialog.getByRole('button', { name: C.cancel, exact: true }).click();
  expect(await form.getByRole('alertdialog').count()).toBe(0);
  expect(open(code).history.map((h) => h.action)).not.toContain('Đánh dấu lợi dụng');

  await form.getByRole('button', { name: C.submit, exact: true }).click();
  await form.getByRole('alertdialog').getByRole('button', { name: C.misuseConfirmYes }).click();
  const ok = frame.locator('.messages .status.ok');
  await ok.waitFor();
  expect(await ok.innerText()).toContain('CHƯA được chuyển Công an phường');
  expect(await frame.locator('.fact', { hasText: C.policeTransfer }).innerText()).toContain('Chưa chuyển — chưa có email Công an phường');
  await frame.getByRole('heading', { name: /Đã đóng/ }).waitFor();
  await shot('misuse-not-transferred.png', frame.locator('h2'));
  expect(cell('Ý kiến', code, 'Chuyển Công an phường')).toBe('Chưa chuyển — chưa có email Công an phường');
  expect(cell('Hộp thư đi', code, 'Trạng thái', 'Báo Công an')).toBe('');
});

it('with the police’s address, the misuse form says where the case will go', async () => {
  const bodies = tab('Cơ quan xử lý');
  const names = bodies.getRange(2, 1, bodies.getLastRow() - 1, 1).getValues().map((r) => r[0]);
  bodies.getRange(names.indexOf('Công an phường') + 2, 2).setValue('congan@luukiem.example');
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 5', content: 'Lời lẽ xuyên tạc chính sách' }));
  const code = newest('loi le xuyen tac');
  const frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  await frame.locator('.actions').getByRole('button', { name: 'Đánh dấu lợi dụng', exact: true }).click();
  const form = frame.locator('form.action');
  expect(await form.locator('.status.info').innerText()).toBe(C.misuseWillSend('Công an phường', 'congan@luukiem.example'));
  expect(await form.getByRole('alert').count()).toBe(0);
  await form.getByRole('button', { name: C.cancel, exact: true }).click();
});

it('"Cấp mã tra cứu mới" asks first: it voids the key printed on a slip; "Hủy" issues nothing', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 6', content: 'Hỏi về cấp lại mã tra cứu', email: 'tuan@gmail.com' }));
  const code = newest('cap lai ma tra cuu');
  const frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  await frame.getByRole('button', { name: C.issueKey }).click();
  const dialog = frame.locator('.lookup-key').getByRole('alertdialog');
  expect(await dialog.innerText()).toContain(C.issueKeyConfirm);
  await shot('lookup-key-confirm.png', dialog);
  await dialog.getByRole('button', { name: C.cancel, exact: true }).click();
  expect(open(code).history.map((h) => h.action)).not.toContain('Cấp mã tra cứu mới');
  await frame.getByRole('button', { name: C.issueKey }).click();
  await frame.locator('.lookup-key').getByRole('alertdialog').getByRole('button', { name: C.issueKeyConfirmYes }).click();
  await frame.locator('.lookup-key .status.ok').waitFor();
  expect(await frame.locator('.lookup-key .status.ok').innerText()).toMatch(/Mã tra cứu mới của ý kiến GY-\d{4}-\d{5}: [A-Z0-9]{4}-[A-Z0-9]{4}/);
  expect(open(code).history.map((h) => h.action)).toContain('Cấp mã tra cứu mới');
});

it('the answer e-mail: "Gửi"; waiting until it has left; one that could not be sent shows approved, not delivered, and can be sent again', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 8', content: 'Nắp cống ngõ 4 bị vỡ', email: 'mai.tran@gmail.com' }));
  const code = newest('nap cong ngo 4');
  act(code, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  act(code, { action: 'answer', text: 'Ngày 26/11 UBND phường đã thay nắp cống ngõ 4.' });
  let frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  await frame.locator('.actions').getByRole('button', { name: 'Gửi trả lời qua email', exact: true }).click();
  const form = frame.locator('form.action');
  expect(await form.getByRole('button', { name: C.send, exact: true }).count()).toBe(1);
  expect(await form.getByRole('button', { name: C.submit, exact: true }).count()).toBe(0);
  expect(await form.innerText()).toContain(C.sendHelp);
  await form.getByRole('button', { name: C.send, exact: true }).click();
  await frame.locator('.messages .status.ok').waitFor();
  expect(await frame.locator('[data-answer-state="emailWaiting"]').innerText()).toBe(C.answerStates.emailWaiting);
  expect(await frame.locator('h2 .badge').innerText()).toBe('Đã duyệt, chờ gửi');
  expect(await frame.locator('.actions').first().innerText()).not.toContain('Gửi trả lời qua email');

  // Before the hourly job sends it, the resident's address is "corrected" into one that is none.
  const submitters = tab('Người gửi');
  const values = submitters.getDataRange().getValues();
  const row = values.findIndex((r) => r[values[0].indexOf('Mã ý kiến')] === code);
  submitters.getRange(row + 1, values[0].indexOf('Email') + 1).setValue('mai.tran@@gmail');
  await page.goto(server.url);
  await page.getByLabel('Tua thời gian (giờ):').fill('1');
  await page.getByRole('button', { name: 'Tua', exact: true }).click();

  frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  expect(await frame.locator('h2 .badge').innerText()).toBe('Đã duyệt, chờ gửi');
  expect(await frame.locator('[data-answer-state="approved"]').innerText()).toBe(C.answerStates.approved);
  const problem = frame.getByRole('alert');
  expect(await problem.innerText()).toMatch(/^Thư trả lời chưa đến người dân: Không có địa chỉ email hợp lệ\./);
  expect(await frame.locator('.actions').first().innerText()).toContain('Gửi trả lời qua email');
  expect(await frame.locator('ol.history').innerText()).toContain('Thư trả lời không gửi được — Hệ thống');
  await shot('answer-not-delivered.png', problem);
  expect(cell('Ý kiến', code, 'Đã trả lời người dân lúc')).toBe('');
  expect(cell('Hộp thư đi', code, 'Trạng thái', 'Trả lời người dân')).toBe('Không gửi được');
});

it('a handler’s sidebar offers nothing a handler may not do, and says where they act', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 9', content: 'Đèn đường ngõ 11 chập chờn' }));
  const code = newest('den duong ngo 11');
  act(code, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
  await switchTo(HANDLER);
  const frame = await openSidebar(page, server.url);
  await openCase(frame, code);
  expect(await frame.locator('.actions button').count()).toBe(0);
  expect(await frame.locator('form').count()).toBe(0);
  expect(await frame.locator('textarea').count()).toBe(0);
  expect(await frame.getByText(C.noActionsUseLink).count()).toBe(1);
  // How to answer the resident is the admins' to do: not offered to the handler.
  expect(await frame.locator('.how-to-answer').count()).toBe(0);
  expect(await frame.locator('nav.tabs button').allInnerTexts()).toEqual([I.tabInbox]);
  await shot('handler-case.png', frame.locator('h2'));
  await switchTo(ADMIN);
});

it('the highlighted tab follows the view: a dashboard figure opens the inbox, and the inbox tab lights up', async () => {
  const frame = await openSidebar(page, server.url);
  const tabs = frame.locator('nav.tabs');
  const current = () => tabs.locator('[aria-current="page"]').allInnerTexts();
  expect(await current()).toEqual([I.tabInbox]);
  await tabs.getByRole('button', { name: REPORTS.dashboardTab }).click();
  expect(await current()).toEqual([REPORTS.dashboardTab]);
  await tabs.getByRole('button', { name: I.tabEntry }).click();
  expect(await current()).toEqual([I.tabEntry]);
  await tabs.getByRole('button', { name: REPORTS.dashboardTab }).click();
  const figure = frame.locator('button.tile').first();
  await figure.waitFor();
  await figure.click();
  await frame.locator('ol.cases').waitFor();
  expect(await current()).toEqual([I.tabInbox]);
});
