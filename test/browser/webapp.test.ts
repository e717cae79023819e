/**
 * Issue 10 in a real browser (Debian Chromium) at 390 px, as an anonymous visitor of the local
 * ward's web app (/exec): a resident opens their group's results board, looks up their case with
 * the code and key from the acknowledgement, rates the answer once; hostile text stays verbatim
 * and inert; nothing personal reaches the page. Screenshots go to test-artifacts/.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { PORTAL as P, PUBLIC as T } from '../../src/i18n/vi';
import { artifact, browseAnonymously, showWardInBrowser } from '../support/browser';
import { formAnswers, setUpWard } from '../support/ward';

jest.setTimeout(120_000);

const XSS = '<img src=x onerror=alert(1)>';
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let code = '';
let key = '';

type View = { code: string; row: number; version: number };

beforeAll(async () => {
  const ward = setUpWard({ now: '2026-11-20T02:00:00Z' });
  ws = ward.ws;
  const app = ward.app;
  const formId = ws.forms.list()[0].id;
  // Three cases of one category in Tổ dân phố 3 (a cell of 3: shown under the group), one of them ours.
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 3', content: 'Đèn đường ngõ 15 hỏng', name: 'Trần Văn Bình', email: 'binh.tran@gmail.com', phone: '0987654321' }));
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 3', content: 'Đèn ngõ 16 hỏng' }));
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 3', content: 'Đèn ngõ 17 hỏng' }));
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  const ack = ws.mail.outbox().find((m) => m.to[0] === 'binh.tran@gmail.com')!;
  code = /Mã ý kiến: (GY-\d{4}-\d{5})/.exec(ack.body)![1];
  key = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1];
  for (const c of ['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']) {
    const act = (input: Record<string, unknown>) => {
      const v = app.call('getCase', c) as View;
      app.call('caseAction', v.code, v.row, v.version, input);
    };
    act({ action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  }
  const act1 = (input: Record<string, unknown>) => {
    const v = app.call('getCase', code) as View;
    app.call('caseAction', v.code, v.row, v.version, input);
  };
  act1({ action: 'answer', text: `Ngày 21/11, đèn ngõ 15 đã được thay. ${XSS}` });
  act1({ action: 'sendAnswer' });
  // The answer leaves with "Đồng bộ lại": only then is the case answered, and publishable.
  app.call('resyncMailbox');
  act1({ action: 'setPublic', isPublic: true, publicSummary: `Đèn ngõ 15 đã được thay ${XSS}` });
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 390, height: 844 }));
  await browseAnonymously(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function app(): FrameLocator {
  return page.frameLocator('iframe');
}

it('the board of a residential group: the month\'s cases, the approved summary and answer as text, no names', async () => {
  await page.goto(`${server.url}/exec?group=${encodeURIComponent('Tổ dân phố 3')}&year=2026&month=11`);
  const f = app();
  await f.getByRole('heading', { name: T.boardTitle('Tổ dân phố 3', 'Tháng 11 năm 2026') }).waitFor();
  const text = await f.locator('main').innerText();
  expect(text).toContain(code);
  expect(text).toContain(`Đèn ngõ 15 đã được thay ${XSS}`);
  expect(text).not.toMatch(/Trần Văn Bình|binh\.tran|0987654321/);
  expect(await f.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: artifact('webapp-board-390.png'), fullPage: true });
});

it('the lookup with code and key shows the case and its answer; a wrong key says so', async () => {
  await page.goto(`${server.url}/exec?v=lookup`);
  const f = app();
  await f.getByLabel(T.code).fill(code);
  await f.getByLabel(T.key).fill('AAAA-AAAA');
  await f.getByRole('button', { name: T.lookup, exact: true }).click();
  await f.getByText(T.wrong).waitFor();
  await f.getByLabel(T.key).fill(key.toLowerCase());
  await f.getByRole('button', { name: T.lookup, exact: true }).click();
  await f.locator('article.card').waitFor();
  const card = await f.locator('article.card').innerText();
  expect(card).toContain('Đã trả lời');
  expect(card).toContain(`Ngày 21/11, đèn ngõ 15 đã được thay. ${XSS}`);
  expect(await f.locator('img').count()).toBe(0);
  await page.screenshot({ path: artifact('webapp-lookup-390.png'), fullPage: true });
});

it('the resident rates the answer once; the form is gone afterwards and a second rating is refused', async () => {
  const f = app();
  await f.getByLabel(T.stars[4]).check();
  await f.getByLabel(T.comment).fill('Cảm ơn Ủy ban');
  await page.screenshot({ path: artifact('webapp-rating-390.png'), fullPage: true });
  await f.getByRole('button', { name: T.rate }).click();
  await f.getByText(T.rated(5)).waitFor();
  expect(await f.locator('form.rate').count()).toBe(0);
  await page.screenshot({ path: artifact('webapp-rated-390.png'), fullPage: true });
  expect(() => ws.app!.call('ratePublicAnswer', code, key, 1, '')).toThrow(T.alreadyRated);
});

it('a handling body\'s personal link (390 px): its cases without the sender in the page or its replies, progress and a proposed answer that an admin delivers from the sidebar; a revoked link is refused', async () => {
  const ss = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
  ss.getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['ubnd@luukiem.example', 'Xử lý', 'UBND phường']]);
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  const v = ws.app!.call('getCase', 'GY-2026-00002') as View;
  ws.app!.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: 'ubnd@luukiem.example' });
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  const mail = ws.mail.outbox().find((m) => m.to[0] === 'ubnd@luukiem.example' && m.subject.includes('Chuyển xử lý'))!;
  const token = /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
  // Every RPC reply the portal page receives is kept, to look for the sender in them too.
  const replies: string[] = [];
  const keep = async (r: import('playwright-core').Response) => {
    if (r.url().includes('/webapp/rpc')) replies.push(await r.text());
  };
  page.on('response', keep);
  await page.goto(`${server.url}/exec?p=${token}`);
  const f = app();
  await f.getByRole('heading', { name: P.title('UBND phường') }).waitFor();
  const text = await f.locator('main').innerText();
  expect(text).toContain('GY-2026-00002');
  expect(text).not.toMatch(/Trần Văn Bình|binh\.tran|0987654321|GY-2026-00001/);
  // The forms are folded under each case (issue 18.3): a tap opens one.
  await f.locator('summary', { hasText: P.progress }).click();
  await f.getByLabel(P.progressText).fill('Đã kiểm tra hiện trường ngõ 16.');
  await f.locator('form.portal-progress').getByRole('button', { name: P.save }).click();
  await f.getByText(P.saved).waitFor();
  expect(await f.locator('article.card').innerText()).toContain('Cập nhật tiến độ: Đã kiểm tra hiện trường ngõ 16.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: artifact('webapp-portal-390.png'), fullPage: true });
  // The proposed answer…
  await f.locator('summary', { hasText: P.answer }).click();
  await f.locator('form.portal-answer textarea').fill('UBND phường đã thay bóng đèn ngõ 16 ngày 22/11.');
  await f.locator('form.portal-answer').getByRole('button', { name: P.save }).click();
  await f.getByText(P.saved).waitFor();
  page.off('response', keep);
  expect(replies.length).toBeGreaterThanOrEqual(3);
  for (const reply of replies) expect(reply).not.toMatch(/Trần Văn Bình|binh\.tran|0987654321/);
  // …which an admin checks in the sidebar and sends to the resident (no e-mail: by phone).
  await page.evaluate(async () => {
    await fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=admin%40luukiem.example' });
  });
  await page.setViewportSize({ width: 900, height: 1300 });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Mở hòm thư' }).click();
  await page.waitForURL(/\/sidebar$/);
  const side = page.frameLocator('#sidebar iframe');
  await side.getByRole('button', { name: /GY-2026-00002/ }).click();
  await side.locator('[data-answer-state="draft"]').waitFor();
  expect(await side.locator('.content').nth(1).innerText()).toBe('UBND phường đã thay bóng đèn ngõ 16 ngày 22/11.');
  await side.locator('.actions').getByRole('button', { name: 'Ghi nhận cuộc gọi trả lời', exact: true }).click();
  await side.locator('form.action textarea').fill('Đã đọc trả lời, người dân đồng ý.');
  await side.locator('form.action').getByRole('button', { name: 'Lưu' }).click();
  await side.locator('[data-answer-state="phone"]').waitFor();
  await page.screenshot({ path: artifact('sidebar-portal-answer-delivered.png') });
  await page.evaluate(async () => {
    await fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'anonymous=1' });
  });
  await page.setViewportSize({ width: 390, height: 844 });
  ws.app!.call('revokePortalLink', 'ubnd@luukiem.example');
  await page.goto(`${server.url}/exec?p=${token}`);
  await app().getByText(P.invalid).waitFor();
});

it('wrong keys slow the lookup of that code, never lock it: the page says how long to wait', async () => {
  // Issue 16: no day-long lock (anyone could lock every resident out); 5 wrong keys are free,
  // then tries wait 1, 2, 4, 8 and at most 15 minutes.
  await page.goto(`${server.url}/exec?v=lookup`);
  const f = app();
  await f.getByLabel(T.code).fill('GY-2026-00003');
  for (let i = 0; i < 5; i++) {
    await f.getByLabel(T.key).fill('AAAA-AAAA');
    await f.getByRole('button', { name: T.lookup, exact: true }).click();
    await f.locator('.status.error').waitFor();
  }
  await f.getByLabel(T.key).fill('BBBB-BBBB');
  await f.getByRole('button', { name: T.lookup, exact: true }).click();
  await f.getByText(T.wait(1)).waitFor();
});
