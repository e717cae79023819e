/**
 * Issue 21 in a real browser (Debian Chromium): an admin opens a new case in the sidebar and sees
 * the learned suggestions — the category with its confidence, the words that weighed ("từ khóa:
 * rác, bốc mùi"), the handling body most often chosen — as text: the resident's markup is never
 * HTML. Screenshots at 390 px and 300 px: test-artifacts/sidebar-suggestions-390.png, -300.png.
 */
import type { Browser, Page } from 'playwright-core';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { CASE_UI } from '../../src/i18n/vi';
import { artifact, launchBrowser, openSidebar } from '../support/browser';
import { ADMIN, formAnswers, runHourly, setUpWard, type Ward } from '../support/ward';

jest.setTimeout(120_000);

let ward: Ward;
let server: Server;
let browser: Browser;
let page: Page;
type View = { code: string; row: number; version: number };

const TAUGHT = [
  'Rác ở chợ bốc mùi, ba ngày chưa thu gom',
  'bãi rác đầu ngõ bốc mùi hôi thối',
  'rac o ngo 9 boc mui qua',
  'Xe rác không đến, rác bốc mùi',
  'Mương sau nhà bốc mùi, rác ứ đọng',
  'Điểm tập kết rác bốc mùi cả khu',
  'Rác thải bốc mùi ở cuối phố',
  'Ruồi nhặng, rác bốc mùi ở khu trọ',
  'Rác vứt ra đường bốc mùi',
  'Thùng rác đầy, bốc mùi',
];

beforeAll(async () => {
  ward = setUpWard();
  const { ws } = ward;
  runHourly(ward);
  for (const content of TAUGHT) ws.forms.submit(ward.formId, formAnswers({ content }));
  for (let i = 1; i <= TAUGHT.length; i++) {
    const code = `GY-2026-${String(i).padStart(5, '0')}`;
    let v = ws.sidebar.run('getCase', [code], { user: ADMIN }) as View;
    v = (ws.sidebar.run('caseAction', [v.code, v.row, v.version, { action: 'classify', category: 'Môi trường', complexity: 'normal' }], { user: ADMIN }) as { view: View }).view;
    ws.sidebar.run('caseAction', [v.code, v.row, v.version, { action: 'assign', body: i % 5 === 0 ? 'UBND phường' : 'Phòng Kinh tế, Hạ tầng và Đô thị', assignee: '' }], { user: ADMIN });
  }
  // The hourly job folds what staff taught and puts it in the cache.
  runHourly(ward);
  ws.forms.submit(ward.formId, formAnswers({ content: '<b>RÁC</b> đầu ngõ 5 BỐC MÙI <img src=x onerror="document.title=\'hacked\'">' }));
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the case view shows the suggestion, its confidence and why, as text, at 390 px and 300 px', async () => {
  // The sidebar the menu opened, on a page of its own: as wide as the phone or as Sheets' 300 px panel.
  await openSidebar(page, server.url);
  const src = await page.locator('#sidebar iframe').getAttribute('src');
  await page.goto(`${server.url}${src}`);
  const frame = page.mainFrame();
  await frame.getByRole('button', { name: /BỐC MÙI/ }).click();
  await frame.getByRole('heading', { name: /GY-2026-00011/ }).waitFor();
  const box = frame.locator('section.suggestions');
  await box.waitFor();
  const text = await box.innerText();
  expect(text).toContain(CASE_UI.suggestions.title);
  expect(text).toMatch(/Lĩnh vực: Môi trường \(\d{2,3}%\)/);
  expect(text).toContain('từ khóa: ');
  expect(text).toMatch(/từ khóa: [^\n]*(rác|bốc mùi)/);
  expect(text).toMatch(/Cơ quan thường được chọn cho ý kiến tương tự: Phòng Kinh tế, Hạ tầng và Đô thị \(\d{2,3}%\)/);
  expect(text).toContain(CASE_UI.suggestions.learned(10));
  // The resident's markup stays text, in the content and anywhere else.
  expect(await frame.locator('img').count()).toBe(0);
  expect(await frame.locator('.content b').count()).toBe(0);
  expect(await page.title()).not.toBe('hacked');
  await page.screenshot({ path: artifact('sidebar-suggestions-390.png'), fullPage: true });
  await page.setViewportSize({ width: 300, height: 900 });
  await box.waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(await box.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifact('sidebar-suggestions-300.png'), fullPage: true });
});
