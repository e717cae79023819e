/**
 * Issue 18, items 7 and 8 in a real browser (Debian Chromium), in the local ward's 300 px sidebar:
 * a resident who left only a phone number calls without their code — the admin finds the case by
 * the number (typed another way than the resident typed it) and by the name without diacritics,
 * and opens it; the search is logged without the number. A handler's sidebar offers no search.
 * A case its resident rated 1–2 is flagged in the inbox, with its own counter.
 * Screenshots: test-artifacts/sidebar-find-by-phone.png, sidebar-find-by-name.png,
 * sidebar-low-rating.png.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { INBOX_UI as I, SENDER_SEARCH as S } from '../../src/i18n/vi';
import { artifact, openSidebar, showWardInBrowser } from '../support/browser';
import { addStaff, formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const HANDLER = 'ubnd@luukiem.example';

let w: Ward;
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  w = setUpWard();
  ws = w.ws;
  addStaff(w, [[HANDLER, 'Xử lý', 'UBND phường']]);
  runHourly(w);
  ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom ba ngày nay', name: 'Nguyễn Thị Lan', phone: '0912 345 678' }));
  ws.clock.advance(60_000);
  ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 2', content: 'Đèn đường ngõ 3 hỏng', name: 'Trần Văn Bình', phone: '0987.654.321' }));
  ws.clock.advance(60_000);
  ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 vẫn chưa được thu gom', name: 'NGUYỄN THỊ LAN', confidential: true }));
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 900, height: 1100 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(f: FrameLocator, query: string): Promise<string> {
  const form = f.locator('form.sender-search');
  if (!(await form.isVisible())) await f.getByText(S.title).click();
  await form.getByLabel(S.query).fill(query);
  await form.getByRole('button', { name: S.find }).click();
  const found = f.locator('details.sender-search ol.cases');
  await found.waitFor();
  return found.innerText();
}

it('the admin finds the caller\'s case by phone (typed as +84…), then by name without diacritics, and opens it', async () => {
  const f = await openSidebar(page, server.url);
  await f.locator('ol.cases').first().waitFor();
  const byPhone = await search(f, '+84 912 345 678');
  expect(byPhone).toContain('GY-2026-00001');
  expect(byPhone).toContain('Nguyễn Thị Lan · 0912 345 678');
  expect(byPhone).not.toContain('GY-2026-00002');
  expect(await f.locator('details.sender-search').innerText()).toContain(S.found(1, 1));
  await page.locator('#sidebar').screenshot({ path: artifact('sidebar-find-by-phone.png') });

  const byName = await search(f, 'nguyen thi lan');
  expect(byName).toContain('GY-2026-00003');
  expect(byName).toContain('GY-2026-00001');
  expect(byName).toContain(S.confidential);
  expect(byName).not.toContain('Trần Văn Bình');
  await page.locator('#sidebar').screenshot({ path: artifact('sidebar-find-by-name.png') });

  await f.locator('details.sender-search').getByRole('button', { name: /GY-2026-00003/ }).click();
  await f.getByRole('heading', { name: /GY-2026-00003/ }).waitFor();
  expect(await f.locator('.content').first().innerText()).toContain('Rác ngõ 7 vẫn chưa được thu gom');

  const log = tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Tìm người gửi');
  expect(log.map((r) => r['Mã ý kiến'])).toEqual(['GY-2026-00001', 'GY-2026-00003', 'GY-2026-00001']);
  expect(JSON.stringify(log)).not.toMatch(/0912|Nguyễn|nguyen/);
});

it('a case its resident rated 2 of 5 is flagged in the inbox and has its own counter', async () => {
  // Answered by phone (the resident left no e-mail), then rated on the lookup page with a key read out to them.
  const act = (input: Record<string, unknown>) => {
    const v = w.app.call('getCase', 'GY-2026-00002') as { code: string; row: number; version: number };
    w.app.call('caseAction', v.code, v.row, v.version, input);
  };
  act({ action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  act({ action: 'answer', text: 'Đã báo Điện lực thay bóng đèn ngõ 3.' });
  act({ action: 'recordCall', note: 'Đã gọi ông Bình' });
  const { key } = w.app.call('issueCaseLookupKey', 'GY-2026-00002') as { key: string };
  ws.webapp.run('ratePublicAnswer', ['GY-2026-00002', key, 2, 'Đèn vẫn chưa sáng'], { user: '' });

  const f = await openSidebar(page, server.url);
  const flagged = f.locator('button.case.low-rating');
  await flagged.waitFor();
  expect(await flagged.innerText()).toContain('GY-2026-00002');
  expect(await flagged.innerText()).toContain(I.lowRating(2));
  expect(await f.locator('button.case.low-rating').count()).toBe(1);
  const counter = f.locator('.counters button.lowRating');
  expect(await counter.innerText()).toMatch(/^1\s+Người dân chưa hài lòng$/);
  await counter.click();
  await f.getByText(I.total(1)).waitFor();
  expect(await f.locator('ol.cases li').count()).toBe(1);
  await f.locator('button.case.low-rating').scrollIntoViewIfNeeded();
  await page.locator('#sidebar').screenshot({ path: artifact('sidebar-low-rating.png') });
});

it('a handler\'s sidebar has no search, and the server refuses it to them', async () => {
  await page.goto(server.url);
  await page.getByLabel('Đổi tài khoản:').fill(HANDLER);
  await page.getByRole('button', { name: 'Đổi', exact: true }).click();
  const f = await openSidebar(page, server.url);
  await f.getByRole('button', { name: I.tabInbox }).waitFor();
  expect(await f.locator('details.sender-search').count()).toBe(0);
  const reply = await f.locator('body').evaluate(
    () =>
      new Promise((resolve) => {
        const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run as unknown as {
          withSuccessHandler(h: (v: unknown) => void): { withFailureHandler(h: (e: Error) => void): Record<string, (...a: unknown[]) => void> };
        };
        run.withSuccessHandler(resolve).withFailureHandler((e) => resolve({ refused: e.message })).findCasesBySender('0912345678', 'tò mò');
      }),
  );
  expect(reply).toEqual({ refused: S.adminsOnly });
});
