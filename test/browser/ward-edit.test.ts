/**
 * Issue 18, item 14 in a real browser (Debian Chromium): the local ward lets an admin edit a
 * settings tab as in Sheets — click the cell, type, save — and the add-on reacts as in Apps Script
 * ("Đồng bộ lại" applies "Cài đặt": the form's confirmation page gives the new phone number); and
 * a link in "Thư đã gửi" opens the local web app. Screenshots: test-artifacts/ward-settings-edit.png,
 * ward-settings-applied-390.png, ward-mail-link-390.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { Ward as Server } from '../../emulator/server/ward';
import { PUBLIC } from '../../src/i18n/vi';
import { artifact, showWardInBrowser } from '../support/browser';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const PHONE = '0243 812 3456';

let w: Ward;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  w = setUpWard();
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn đường ngõ 5 hỏng', name: 'Lê Văn Nam', email: 'nam@gmail.com' }));
  runHourly(w);
  ({ server, browser, page } = await showWardInBrowser(w.ws, { width: 1100, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an admin edits the ward\'s phone in "Cài đặt"; after "Đồng bộ lại" the form\'s confirmation gives it', async () => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const row = tabRecords(w, 'Cài đặt').findIndex((r) => r['Mục'] === 'Số điện thoại tiếp nhận ý kiến') + 2;
  await page.getByTitle(`Sửa ô B${row}`).click();
  const form = page.locator('form.cell-edit');
  expect(await form.getByLabel('Ô').inputValue()).toBe(`B${row}`);
  await form.getByLabel('Giá trị').fill(PHONE);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText(`Đã sửa ô B${row}`).waitFor();
  expect(await page.locator(`a[title="Sửa ô B${row}"]`).innerText()).toBe(PHONE);
  await page.getByTitle(`Sửa ô B${row}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('ward-settings-edit.png') });

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Đồng bộ lại' }).click();
  await page.getByRole('link', { name: /Hòm thư số — Góp ý/ }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: /Hòm thư số — Góp ý/ }).click();
  await page.getByLabel(/Ông\/Bà ở tổ dân phố nào/).selectOption('Tổ dân phố 2');
  await page.getByLabel(/Nội dung góp ý/).fill('Cống ngõ 9 bốc mùi');
  await page.getByRole('button', { name: 'Gửi' }).click();
  await page.getByText(PHONE).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: artifact('ward-settings-applied-390.png'), fullPage: true });
});

it('the lookup link of the acknowledgement in "Thư đã gửi" opens the local web app', async () => {
  await page.goto(`${server.url}/mail`);
  const link = page.getByRole('link', { name: /\?v=lookup&code=GY-2026-00001/ }).first();
  expect(await link.getAttribute('href')).toBe('/exec?v=lookup&code=GY-2026-00001');
  await link.click();
  await page.waitForURL(/\/exec\?v=lookup&code=GY-2026-00001$/);
  const f = page.frameLocator('iframe');
  await f.getByRole('heading', { name: PUBLIC.lookupTitle }).waitFor();
  expect(await f.getByLabel(PUBLIC.code).inputValue()).toBe('GY-2026-00001');
  await page.screenshot({ path: artifact('ward-mail-link-390.png') });
});
