/**
 * Issue 18, item 8 in a real browser (Debian Chromium) at 390 px and 300 px, as an anonymous
 * visitor of the local ward's web app: the resident opens the rating link of the answer e-mail,
 * rates the answer 1 of 5, and the page offers to follow up; the follow-up is filed as a new case
 * whose code and lookup key the page shows (there is no acknowledgement e-mail for it), and that
 * key opens it. Screenshots: test-artifacts/webapp-follow-up-390.png, webapp-followed-up-390.png,
 * webapp-follow-up-300.png.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { PUBLIC as T } from '../../src/i18n/vi';
import { artifact, browseAnonymously, showWardInBrowser } from '../support/browser';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(120_000);

let w: Ward;
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let ratingLink = '';

beforeAll(async () => {
  w = setUpWard();
  ws = w.ws;
  ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 5', content: 'Cống ngõ 12 tắc, nước tràn ra đường', name: 'Phạm Văn Hùng', email: 'hung.pham@gmail.com' }));
  const act = (input: Record<string, unknown>) => {
    const v = w.app.call('getCase', 'GY-2026-00001') as { code: string; row: number; version: number };
    w.app.call('caseAction', v.code, v.row, v.version, input);
  };
  act({ action: 'classify', category: 'Môi trường', complexity: 'normal' });
  act({ action: 'answer', text: 'UBND phường đã cho nạo vét cống ngõ 12 ngày 25/11.' });
  act({ action: 'sendAnswer' });
  runHourly(w);
  const answer = ws.mail.outbox().find((m) => m.subject.includes('Trả lời ý kiến'))!;
  ratingLink = /(https:\/\/\S+\?v=lookup&code=\S+&key=\S+)/.exec(answer.body)![1];
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 390, height: 844 }));
  await browseAnonymously(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const app = (): FrameLocator => page.frameLocator('iframe');
const local = (url: string) => `${server.url}/exec${url.slice(url.indexOf('?'))}`;

it('after rating the answer 1 of 5, the resident follows up; the page gives the new code and key', async () => {
  await page.goto(local(ratingLink));
  const f = app();
  await f.getByLabel(T.stars[0]).check();
  await f.getByRole('button', { name: T.rate }).click();
  await f.getByText(T.rated(1)).waitFor();
  await f.getByRole('heading', { name: T.followUpTitle }).waitFor();
  await f.getByLabel(T.followUpText).fill('Cống ngõ 12 vẫn tắc sau trận mưa hôm qua, nước lại tràn vào nhà.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: artifact('webapp-follow-up-390.png'), fullPage: true });
  await page.setViewportSize({ width: 300, height: 844 });
  await page.screenshot({ path: artifact('webapp-follow-up-300.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });

  await f.getByRole('button', { name: T.followUpSend }).click();
  const done = f.locator('.status.ok').filter({ hasText: 'GY-2026-00002' });
  await done.waitFor();
  const said = await done.innerText();
  const key = /mã tra cứu ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(said)![1];
  expect(said).toBe(T.followedUp('GY-2026-00002', key));
  expect(await f.locator('form.follow-up').count()).toBe(0);
  await page.screenshot({ path: artifact('webapp-followed-up-390.png'), fullPage: true });

  const filed = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === 'GY-2026-00002')!;
  expect(filed).toMatchObject({ 'Kênh tiếp nhận': 'Trang tra cứu', 'Ý kiến liên quan': 'GY-2026-00001', 'Nội dung': 'Cống ngõ 12 vẫn tắc sau trận mưa hôm qua, nước lại tràn vào nhà.' });

  // The key shown opens the new case on the lookup page.
  await page.goto(`${server.url}/exec?v=lookup`);
  await f.getByLabel(T.code).fill('GY-2026-00002');
  await f.getByLabel(T.key).fill(key);
  await f.getByRole('button', { name: T.lookup, exact: true }).click();
  await f.locator('article.card').waitFor();
  expect(await f.locator('article.card').innerText()).toContain('Mới tiếp nhận');
});
