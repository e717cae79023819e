/**
 * What issue 16.7 changed, looked at in Debian Chromium as its readers see it: the transfer slip a
 * handling body receives, the handler's sidebar and personal-link page (the resident's phone and
 * e-mail masked, the lane kept), and the public board, where a case folded into "Các tổ dân phố
 * khác" names neither its submitter nor its group, and its group's own page does not claim it had
 * no opinions. Screenshots go to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { PUBLIC as T } from '../../src/i18n/vi';
import { artifact, browseAnonymously, launchBrowser, openSidebar } from '../support/browser';
import { ADMIN, formAnswers, runHourly, setUpWard, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const HANDLER = 'ubnd@luukiem.example';
const NAME = 'Nguyễn Văn Bí Mật';
const PHONE = '0912 345 678';
const EMAIL = 'bimat@gmail.com';
const CONTENT = `Đèn ngõ 7 tổ 5 hỏng cả tháng. Tôi là ${NAME}, gọi ${PHONE} hoặc ${EMAIL}.`;

let ward: Ward;
let server: Server;
let browser: Browser;
let page: Page;
let slipId = '';
let token = '';

type View = { code: string; row: number; version: number };

beforeAll(async () => {
  ward = setUpWard();
  const { ws, SpreadsheetApp } = ward;
  SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
  runHourly(ward);
  ws.forms.submit(ward.formId, formAnswers({ group: 'Tổ dân phố 5', content: CONTENT, name: NAME, email: EMAIL }));
  let v = ws.sidebar.run('getCase', ['GY-2026-00001'], { user: ADMIN }) as View;
  const act = (input: Record<string, unknown>) => (v = (ws.sidebar.run('caseAction', [v.code, v.row, v.version, input], { user: ADMIN }) as { view: View }).view);
  act({ action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  act({ action: 'assign', body: 'UBND phường', assignee: HANDLER });
  slipId = (ws.sidebar.run('createCaseDocument', ['GY-2026-00001', 'slip'], { user: ADMIN }) as { id: string }).id;
  act({ action: 'answer', text: 'Ngày 25/11, UBND phường đã thay bóng đèn ngõ 7.' });
  act({ action: 'sendAnswer' });
  runHourly(ward); // the answer leaves: the case is answered
  v = ws.sidebar.run('getCase', ['GY-2026-00001'], { user: ADMIN }) as View;
  // The admin's summary names the resident and the group: the board hides both (the case is alone in its cell, so folded).
  act({ action: 'setPublic', isPublic: true, publicSummary: `Ông Bí Mật ở tổ 5 báo đèn ngõ 7 hỏng; đã thay.` });
  runHourly(ward);
  token = /\?p=([0-9a-f]{64})/.exec(ws.mail.outbox().find((m) => m.to[0] === HANDLER)!.body)![1];
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 820, height: 1160 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const hidden = (text: string) => {
  expect(text).not.toMatch(/0912|345 678|bimat|Bí Mật/);
};

it('the transfer slip a handling body receives: the resident\'s words with phone, e-mail and name masked, the lane kept', async () => {
  await page.goto(`${server.url}/document/d/${slipId}/edit`);
  const text = await page.locator('body').innerText();
  expect(text).toContain('Đèn ngõ 7 tổ 5 hỏng cả tháng');
  hidden(text);
  await page.screenshot({ path: artifact('transfer-slip-masked.png'), fullPage: true });
});

it('the handler in the sidebar and on their personal link (390 px) reads the case without the resident\'s contact details', async () => {
  ward.ws.setUser(HANDLER);
  try {
    const frame = await openSidebar(page, server.url);
    await frame.getByRole('button', { name: /Đèn ngõ 7/ }).click();
    await frame.getByRole('heading', { name: /GY-2026-00001/ }).waitFor();
    const text = await frame.locator('body').innerText();
    expect(text).toContain('Đèn ngõ 7 tổ 5 hỏng cả tháng');
    hidden(text);
    await page.screenshot({ path: artifact('sidebar-case-handler.png'), fullPage: true });
  } finally {
    ward.ws.setUser(ADMIN);
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await browseAnonymously(phone, server.url);
  await phone.goto(`${server.url}/exec?p=${token}`);
  const f = phone.frameLocator('iframe');
  await f.locator('article.card').first().waitFor();
  const portal = await f.locator('main').innerText();
  expect(portal).toContain('Đèn ngõ 7 tổ 5 hỏng cả tháng');
  hidden(portal);
  await phone.screenshot({ path: artifact('webapp-portal-masked-390.png'), fullPage: true });
  await phone.close();
});

it('the board (390 px): the folded case names neither its submitter nor its group; the group\'s own page does not say it had none', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await browseAnonymously(phone, server.url);
  await phone.goto(`${server.url}/exec?group=${encodeURIComponent('Các tổ dân phố khác')}&year=2026&month=11`);
  const f = phone.frameLocator('iframe');
  await f.getByText('GY-2026-00001').waitFor();
  const other = await f.locator('main').innerText();
  expect(other).toContain('đèn ngõ 7 hỏng; đã thay');
  expect(other).not.toMatch(/Bí Mật|tổ 5\b/);
  await phone.screenshot({ path: artifact('webapp-board-folded-390.png'), fullPage: true });
  await phone.goto(`${server.url}/exec?group=${encodeURIComponent('Tổ dân phố 5')}&year=2026&month=11`);
  await f.getByText(T.noCases).waitFor();
  expect(await f.locator('main').innerText()).not.toContain('GY-2026-00001');
  await phone.screenshot({ path: artifact('webapp-board-group-empty-390.png'), fullPage: true });
  await phone.close();
});
