/**
 * In the local ward (npm start), in a real browser: a resident fills the form behind the QR code,
 * and the case appears in the cases view — escaped, with no contact detail in sight.
 */
import type { Browser, Page } from 'playwright-core';
import { FORM } from '../../src/i18n/vi';
import { artifact, launchBrowser } from '../support/browser';
import { startWardProcess, type RunningWard } from '../support/start-ward';

jest.setTimeout(90_000);

let ward: RunningWard;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [ward, browser] = await Promise.all([startWardProcess(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await ward?.stop();
});

it('a resident submits the form and the case shows in the cases view', async () => {
  await page.goto(ward.url);
  await page.getByRole('link', { name: FORM.title('Ủy ban MTTQ Việt Nam phường Lưu Kiếm') }).click();
  await page.getByLabel(FORM.group).selectOption('Tổ dân phố 7');
  await page.getByLabel(FORM.content).fill('Đèn đường ngõ 12 hỏng <img src=x onerror=alert(1)> đã hai tuần');
  await page.getByLabel(FORM.name).fill('Lê Văn Cường');
  await page.getByLabel(FORM.email).fill('cuong.le@gmail.com');
  await page.screenshot({ path: artifact('resident-form.png'), fullPage: true });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Gửi' }).click();
  await page.getByText(FORM.confirmation).waitFor();

  await page.goto(ward.url);
  await page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  const table = page.locator('table.grid');
  await table.getByText('GY-', { exact: false }).first().waitFor();
  const text = await table.innerText();
  expect(text).toContain('GY-');
  expect(text).toContain('Tổ dân phố 7');
  expect(text).toContain('Đèn đường ngõ 12 hỏng <img src=x onerror=alert(1)> đã hai tuần');
  expect(text).toContain('Hạ tầng, giao thông');
  expect(text).not.toContain('Lê Văn Cường');
  expect(text).not.toContain('cuong.le@gmail.com');
  expect(await page.locator('table.grid img').count()).toBe(0);
  expect(dialogs).toBe(0);
  await page.screenshot({ path: artifact('cases-view.png'), fullPage: true });
});
