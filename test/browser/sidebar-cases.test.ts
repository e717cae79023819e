/**
 * The staff sidebar in a real browser (Debian Chromium), served by the local ward's server:
 * a case from the resident's form to a closed, answered case with the e-mail in the outbox;
 * hostile content shown verbatim; handlers and viewers held to their role even when they call the
 * server directly. Screenshots of the inbox and the case view are kept in test-artifacts/.
 */
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { CASE_UI as C, INBOX_UI as I } from '../../src/i18n/vi';
import { artifact, doCaseAction, openSidebar, showWardInBrowser, switchUser } from '../support/browser';
import { ADMIN, formAnswers, ROOT } from '../support/ward';

jest.setTimeout(120_000);

const HANDLER = 'ubnd@luukiem.example';
const POLICE = 'congan@luukiem.example';
const VIEWER = 'viewer@luukiem.example';
const XSS = '<img src=x onerror=alert(1)>';

let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let formId: string;

beforeAll(async () => {
  ws = createWorkspace({ user: ADMIN });
  ws.spreadsheets.setActive(ws.spreadsheets.create('Hòm thư số — CSDL'));
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  const ss = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
  ss.getSheetByName('Cán bộ')!.getRange(3, 1, 3, 3).setValues([
    [HANDLER, 'Xử lý', 'UBND phường'],
    [POLICE, 'Xử lý', 'Công an phường'],
    [VIEWER, 'Xem', ''],
  ]);
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  formId = ws.forms.list()[0].id;
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 900, height: 1300 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const switchTo = (email: string) => switchUser(page, server.url, email);

const sidebar = (): Promise<FrameLocator> => openSidebar(page, server.url);

async function openCase(frame: FrameLocator, code: string): Promise<void> {
  await frame.getByRole('button', { name: new RegExp(code) }).click();
  await frame.getByRole('heading', { name: new RegExp(code) }).waitFor();
}

const doAction = doCaseAction;

it('a case goes from the resident’s form to closed and answered, with the answer e-mail in the outbox', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 4', content: 'Cống thoát nước ngõ 9 bị tắc, nước tràn ra đường', email: 'ha@gmail.com' }));
  let frame = await sidebar();
  await frame.getByRole('button', { name: /Mới/ }).first().waitFor();
  await page.screenshot({ path: artifact('sidebar-inbox.png') });
  await openCase(frame, 'GY-\\d{4}-00001');
  await page.screenshot({ path: artifact('sidebar-case.png') });
  await doAction(frame, 'Phân loại', async (f) => {
    await f.getByLabel(C.fields.category).selectOption('Hạ tầng, giao thông');
  });
  await doAction(frame, 'Chuyển xử lý', async (f) => {
    await f.getByLabel(C.fields.body).selectOption('UBND phường');
    await f.getByLabel(C.fields.assignee).fill(HANDLER);
  });
  await doAction(frame, 'Soạn trả lời', async (f) => {
    await f.getByLabel(C.fields.answer).fill('Ngày 26/11, UBND phường đã cho nạo vét cống ngõ 9.');
    await f.getByLabel(C.fields.publicSummary).fill('Cống ngõ 9 (TDP 4) đã được nạo vét.');
  });
  // A draft is not an answer: the badge says so until the e-mail goes.
  expect(await frame.locator('[data-answer-state="draft"]').innerText()).toBe(C.answerStates.draft);
  expect(await doAction(frame, 'Gửi trả lời qua email')).toContain('hộp thư đi');
  // Queued is not sent (issue 18.5): "Đã gửi qua email" once the hourly job has sent it.
  expect(await frame.locator('[data-answer-state="emailWaiting"]').innerText()).toBe(C.answerStates.emailWaiting);
  const outboxRow = () => {
    const outbox = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.name === 'Hộp thư đi')!.displayValues;
    return outbox.find((r) => r[outbox[0].indexOf('Loại thư')] === 'Trả lời người dân')?.[outbox[0].indexOf('Trạng thái')];
  };
  expect(outboxRow()).toBe('Chờ gửi');
  await page.goto(server.url);
  await page.getByLabel('Tua thời gian (giờ):').fill('1');
  await page.getByRole('button', { name: 'Tua', exact: true }).click();
  expect(outboxRow()).toBe('Đã gửi');
  frame = await sidebar();
  await openCase(frame, 'GY-\\d{4}-00001');
  expect(await frame.locator('[data-answer-state="email"]').innerText()).toBe(C.answerStates.email);
  await doAction(frame, 'Đóng ý kiến', async (f) => {
    await f.getByLabel(C.fields.outcome).selectOption('resolved');
  });
  await frame.getByRole('heading', { name: /Đã đóng/ }).waitFor();
  await page.screenshot({ path: artifact('sidebar-case-closed.png') });
  await page.goto(`${server.url}/mail`);
  expect(await page.locator('main').innerText()).toContain('Ngày 26/11, UBND phường đã cho nạo vét cống ngõ 9.');
  expect(ws.mail.outbox().some((m) => m.to[0] === 'ha@gmail.com' && m.subject.startsWith('[Hòm thư số] Trả lời ý kiến'))).toBe(true);
});

it('content like <img src=x onerror=alert(1)> shows verbatim and runs nothing', async () => {
  ws.forms.submit(formId, formAnswers({ content: XSS }));
  const frame = await sidebar();
  const item = frame.getByRole('button', { name: /<img src=x onerror=alert\(1\)>/ });
  await item.waitFor();
  await item.click();
  await frame.locator('.content', { hasText: XSS }).waitFor();
  expect(await frame.locator('.content').first().innerText()).toBe(XSS);
  expect(await frame.locator('img').count()).toBe(0);
});

it('a handler cannot open or act on another body’s case, even by calling the server directly', async () => {
  ws.forms.submit(formId, formAnswers({ content: 'Vụ việc của công an' }));
  const police = await (async () => {
    const inbox = ws.app!.call('getInbox', { text: 'vu viec cua cong an' }) as { items: Array<{ code: string; row: number }> };
    const v = ws.app!.call('getCase', inbox.items[0].code) as { code: string; row: number; version: number };
    ws.app!.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'Công an phường', assignee: POLICE });
    return v;
  })();
  await switchTo(HANDLER);
  const frame = await sidebar();
  await frame.locator('ol.cases').waitFor();
  expect(await frame.locator('ol.cases').innerText()).not.toContain(police.code);
  const rpc = (fn: string, args: unknown[]) =>
    page.evaluate(async ([f, a]) => (await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: f, args: a }) })).json(), [fn, args] as const);
  expect(await rpc('getCase', [police.code])).toEqual({ ok: false, error: { name: 'UserError', message: 'Không tìm thấy ý kiến, hoặc đồng chí không có quyền xem ý kiến này.' } });
  expect(await rpc('caseAction', [police.code, police.row, 2, { action: 'note', text: 'x' }])).toMatchObject({ ok: false });
  expect(await rpc('getContactDetails', [police.code, 'xem thử'])).toMatchObject({ ok: false, error: { message: 'Chỉ cán bộ quản trị được xem thông tin người gửi.' } });
});

it('a viewer cannot act: no action buttons, and the server refuses direct calls', async () => {
  await switchTo(VIEWER);
  const frame = await sidebar();
  await openCase(frame, 'GY-\\d{4}-00001');
  expect(await frame.getByText(C.noActions).count()).toBe(1);
  expect(await frame.locator('.actions button').count()).toBe(0);
  const view = ws.app!.call('getCase', 'GY-2026-00001') as { row: number; version: number };
  const res = await page.evaluate(async ([row, version]) => (await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: 'caseAction', args: ['GY-2026-00001', row, version, { action: 'note', text: 'x' }] }) })).json(), [view.row, view.version] as const);
  expect(res).toMatchObject({ ok: false, error: { message: 'Vai trò của đồng chí không được "Ghi chú nội bộ".' } });
  await switchTo(ADMIN);
});

it('filters by text without diacritics and opens the match', async () => {
  const frame = await sidebar();
  await frame.getByLabel(I.search).fill('cong thoat nuoc');
  await frame.getByRole('button', { name: I.apply, exact: true }).click();
  await frame.getByText(I.total(1)).waitFor();
  expect(await frame.locator('ol.cases').innerText()).toContain('Cống thoát nước ngõ 9');
});

it('a document link in the sidebar (a Google address) opens the local copy in the ward', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 5', content: 'Cây đổ chắn lối đi ngõ 3' }));
  const inbox = ws.app!.call('getInbox', { text: 'cay do chan' }) as { items: Array<{ code: string; row: number }> };
  const code = inbox.items[0].code;
  let v = ws.app!.call('getCase', code) as { row: number; version: number };
  v = (ws.app!.call('caseAction', code, v.row, v.version, { action: 'classify', category: 'Môi trường', complexity: 'normal' }) as { view: typeof v }).view;
  ws.app!.call('caseAction', code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: '' });
  const frame = await sidebar();
  await openCase(frame, code);
  await frame.getByRole('button', { name: C.makeTransferSlip }).click();
  const link = frame.getByRole('link', { name: C.openDoc });
  await link.waitFor();
  expect(await link.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await popup.waitForLoadState();
  expect(popup.url().startsWith(server.url)).toBe(true);
  expect(await popup.locator('body').innerText()).toContain('PHIẾU CHUYỂN');
  await popup.close();
});

it('a due date counted into a year whose days off are not announced says it is provisional', async () => {
  ws.clock.setTo('2026-12-28T02:00:00Z');
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 6', content: 'Đèn hỏng cuối năm ở ngõ 2' }));
  const code = (ws.app!.call('getInbox', { text: 'den hong cuoi nam' }) as { items: Array<{ code: string }> }).items[0].code;
  const frame = await sidebar();
  await openCase(frame, code);
  const due = frame.getByText('lịch nghỉ dự kiến', { exact: false });
  await due.waitFor();
  expect(await due.innerText()).toContain('07/01/2027');
  expect(await due.innerText()).toContain('năm 2027');
  await page.screenshot({ path: artifact('sidebar-case-provisional.png') });
});
