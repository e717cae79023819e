/**
 * Issue 11 in a real browser (Debian Chromium): the posters Doc as printed (a poster page), and a
 * resident who scans a poster — the test decodes the QR from the stored image and follows the link
 * in the local ward at 390 px — finds the form with the group already chosen; the case arrives with
 * that group and the QR channel. Screenshots go to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { FORM } from '../../src/i18n/vi';
import { artifact, launchBrowser } from '../support/browser';
import { qrCodesIn } from '../support/qr';
import { setUpWard } from '../support/ward';

jest.setTimeout(120_000);

let ws: Workspace;
let server: Server;
let browser: Browser;
let docId = '';

beforeAll(async () => {
  const ward = setUpWard({ now: '2026-11-24T02:00:00Z' });
  ws = ward.ws;
  const app = ward.app;
  docId = (app.call('createQrPosters') as { id: string }).id;
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The n-th QR code of the posters Doc, read from its stored image (two a page: the form's, the board's). */
function qrAt(n: number): string {
  return qrCodesIn(ws, docId)[n];
}

function caseRow(content: string): Record<string, string> {
  const cases = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.name === 'Ý kiến')!.displayValues;
  const header = cases[0];
  const row = cases.find((r) => r[header.indexOf('Nội dung')] === content)!;
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

it('a poster page, as printed', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1250 } });
  await page.goto(`${server.url}/document/d/${docId}/edit`);
  expect(await page.locator('img').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: artifact('poster-page.png') });
  // The ward office's page: its own code, the whole ward's results, the paper mailbox "here".
  const office = page.locator('section.page').nth(40);
  expect(await office.innerText()).toContain('Góp ý, phản ánh, kiến nghị — Trụ sở Ủy ban nhân dân phường');
  expect(await office.innerText()).toContain('Xem kết quả trả lời của phường:');
  await page.close();
});

/** Pixels left free at the foot of each sheet's text area, below everything on it. */
async function roomAtFoot(page: Page): Promise<number[]> {
  return page.locator('section.page').evaluateAll((els) =>
    els.map((el) => {
      const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).paddingBottom);
      const last = Math.max(...Array.from(el.querySelectorAll('.flow > *')).map((b) => b.getBoundingClientRect().bottom));
      return Math.floor(bottom - last);
    }),
  );
}

it('printed, one page per place and no blank page: every poster, its page-break line included, fits its sheet with a line to spare', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1250 } });
  await page.goto(`${server.url}/document/d/${docId}/edit`);
  const sheets = page.locator('section.page');
  const texts = await sheets.allInnerTexts();
  expect(texts).toHaveLength(42);
  texts.forEach((t) => expect(t).toContain('HÒM THƯ SỐ'));
  // Docs keeps the paragraph holding each page break at the foot of the poster before it; a
  // poster with less room than that paragraph's line pushes it onto a page of its own — a blank
  // sheet. Each leaves more than one 14-point line (19 px) below it, page-break line included.
  const room = await roomAtFoot(page);
  expect(Math.min(...room)).toBeGreaterThan(19);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(42);
  // The ward office's poster, whose place takes two lines, was the one that spilled.
  await sheets.nth(40).screenshot({ path: artifact('poster-office-page.png') });
  await sheets.last().screenshot({ path: artifact('poster-last-page.png') });
  await page.close();
});

it('scanning the poster of Tổ dân phố 1 on a phone opens the form with that group chosen; the case has it, by QR', async () => {
  const link = qrAt(0);
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  // The ward serves Google's addresses locally: follow the decoded link there.
  await phone.goto(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
  expect(await phone.getByLabel(FORM.group).inputValue()).toBe('Tổ dân phố 1');
  await phone.getByLabel(FORM.content).fill('Quét mã QR trên bảng tin: xin sửa đèn ngõ 2');
  // The last question is chosen already, and says so.
  const place = phone.getByLabel(FORM.place);
  expect(await place.inputValue()).toBe(FORM.placeGroup);
  await place.scrollIntoViewIfNeeded();
  expect(await phone.getByText(FORM.placeHelp).isVisible()).toBe(true);
  await phone.screenshot({ path: artifact('resident-form-place-390.png') });
  await phone.getByRole('button', { name: 'Gửi' }).click();
  await phone.getByText('Cảm ơn ông/bà đã gửi ý kiến', { exact: false }).first().waitFor();
  await phone.close();
  const row = caseRow('Quét mã QR trên bảng tin: xin sửa đèn ngõ 2');
  expect([row['Tổ dân phố'], row['Kênh tiếp nhận']]).toEqual(['Tổ dân phố 1', 'QR']);
});

it('scanning the code at the ward office on a small phone (300 px): the place is chosen, the resident picks the group; the case has the office\'s channel', async () => {
  const link = qrAt(2 * 40); // after the 40 groups' pages
  const phone = await browser.newPage({ viewport: { width: 300, height: 640 } });
  await phone.goto(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
  expect(await phone.getByLabel(FORM.group).inputValue()).toBe('');
  expect(await phone.getByLabel(FORM.place).inputValue()).toBe(FORM.placeOffice);
  await phone.getByLabel(FORM.group).selectOption('Tổ dân phố 5');
  await phone.getByLabel(FORM.content).fill('Góp ý tại trụ sở: thủ tục cấp giấy chậm');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await phone.screenshot({ path: artifact('resident-form-office-300.png'), fullPage: true });
  await phone.getByRole('button', { name: 'Gửi' }).click();
  await phone.getByText('Cảm ơn ông/bà đã gửi ý kiến', { exact: false }).first().waitFor();
  await phone.close();
  const row = caseRow('Góp ý tại trụ sở: thủ tục cấp giấy chậm');
  expect([row['Tổ dân phố'], row['Kênh tiếp nhận']]).toEqual(['Tổ dân phố 5', 'QR tại trụ sở UBND']);
});
