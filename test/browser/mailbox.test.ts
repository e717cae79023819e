/**
 * The official mailbox in the local ward (npm start's /mailbox) in a real browser (Debian Chromium)
 * at 390 px and 300 px: a resident writes an e-mail with a photo, the mailbox's secret is pasted
 * (setupRelay runs), relayMail runs from the page: the case has the photo and the acknowledgement
 * with the case code shows in the thread; the resident answers in the thread and it joins the same case. Screenshots:
 * test-artifacts/mailbox-thread-390.png, mailbox-reply-390.png, mailbox-thread-300.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openLocalMailbox, type LocalMailbox } from '../../emulator/server/mailbox';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { artifact, launchBrowser } from '../support/browser';
import { connectMailboxDirectly } from '../support/mailbox';
import { JPEG_96x72 } from '../support/photos';
import { ROOT, setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function session(width: number): Promise<{ w: Ward; mailbox: LocalMailbox; server: Server; page: Page; secret: string }> {
  const w = setUpWard();
  const secret = connectMailboxDirectly(w);
  const mailbox = openLocalMailbox(w.ws, { buildDir: path.join(ROOT, 'build/mailbox') });
  const server = await startWard({ ws: w.ws, port: 0, mailbox });
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  return { w, mailbox, server, page, secret };
}

async function noSideways(page: Page, width: number): Promise<void> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(width);
}

async function writeAsResident(page: Page, subject: string, body: string, photo?: string): Promise<void> {
  await page.getByLabel('Tiêu đề').fill(subject);
  await page.getByLabel('Nội dung').fill(body);
  if (photo) {
    await page.getByLabel('Ảnh đính kèm (không bắt buộc)').setInputFiles(photo);
    await page.waitForFunction(() => (document.getElementById('mb-photos-data') as HTMLInputElement).value !== '[]');
  }
  await page.getByRole('button', { name: 'Gửi thư tới hộp thư chính thức' }).click();
  await page.waitForURL(/\/mailbox$/);
}

test.each([390, 300])('at %i px: an e-mail with a photo becomes a case, acknowledged in its thread; a reply in the thread joins the case', async (width) => {
  const { w, mailbox, server, page, secret } = await session(width);
  try {
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-')), 'den-hong.jpg');
    fs.writeFileSync(photo, Buffer.from(JPEG_96x72, 'base64'));
    await page.goto(`${server.url}/mailbox`);
    await noSideways(page, width);
    await writeAsResident(page, 'Đèn đường ngõ 12 hỏng', 'Kính gửi phường,\nĐèn đường ngõ 12 hỏng 2 tuần nay.', photo);
    expect(await page.locator('section.thread h3').allInnerTexts()).toEqual(['Đèn đường ngõ 12 hỏng']);

    await page.getByLabel('Khóa bí mật (dán từ trang "Kết nối hộp thư chính thức" của tiện ích)').fill(secret);
    await page.getByRole('button', { name: 'Lưu vào thuộc tính tập lệnh' }).click();
    await page.waitForURL(/\/mailbox$/);
    await page.getByRole('button', { name: 'Chạy relayMail ngay' }).click();
    await page.waitForURL(/\/mailbox$/);
    expect(await page.getByRole('status').last().innerText()).toContain('chuyển 1 thư');
    const thread = page.locator('section.thread').first();
    expect(await thread.locator('article.msg.sent').count()).toBe(1);
    expect(await thread.locator('article.msg.sent').innerText()).toContain('GY-2026-00001');
    await noSideways(page, width);
    await page.screenshot({ path: artifact(`mailbox-thread-${width}.png`), fullPage: true });

    expect(tabRecords(w, 'Ý kiến').map((c) => [c['Mã ý kiến'], c['Kênh tiếp nhận']])).toEqual([['GY-2026-00001', 'Email']]);
    // The photo went in the resident's mail and became the case's photo.
    expect(await thread.locator('article.msg').first().innerText()).toContain('Tệp đính kèm: den-hong.jpg (image/jpeg');
    expect(tabRecords(w, 'Ảnh')).toHaveLength(1);

    // The resident answers in the thread.
    await thread.getByRole('link', { name: 'Trả lời trong luồng này (như người dân)' }).click();
    await page.waitForURL(/reply=/);
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Re: Đèn đường ngõ 12 hỏng');
    await writeAsResident(page, 'Re: Đèn đường ngõ 12 hỏng', 'Xin bổ sung: cột đèn số 7.');
    await page.getByRole('button', { name: 'Chạy relayMail ngay' }).click();
    await page.waitForURL(/\/mailbox$/);
    expect(await page.locator('section.thread').count()).toBe(1);
    expect(await page.locator('section.thread article.msg').count()).toBe(3);
    if (width === 390) await page.screenshot({ path: artifact('mailbox-reply-390.png'), fullPage: true });
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
    expect(mailbox.ws.gmail.threads()).toHaveLength(1);
  } finally {
    await page.close();
    await server.close();
  }
});
