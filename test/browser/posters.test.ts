/**
 * Issue 11 in a real browser (Debian Chromium): the posters Doc as printed (a poster page), and a
 * resident who scans a poster — the test decodes the QR from the stored image and follows the link
 * in the local ward at 390 px — finds the form with the group already chosen; the case arrives with
 * that group and the QR channel. Screenshots go to test-artifacts/.
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import type { Browser } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { FORM } from '../../src/i18n/vi';
import { artifact, launchBrowser } from '../support/browser';
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

function firstQr(): string {
  const m = /src="data:image\/gif;base64,([^"]+)"/.exec(ws.documents.html(docId))!;
  const gif = new GifReader(Buffer.from(m[1], 'base64'));
  const rgba = new Uint8ClampedArray(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, rgba);
  return jsQR(rgba, gif.width, gif.height)!.data;
}

it('a poster page, as printed', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1250 } });
  await page.goto(`${server.url}/document/d/${docId}/edit`);
  expect(await page.locator('img').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: artifact('poster-page.png') });
  await page.close();
});

it('scanning the poster of Tổ dân phố 1 on a phone opens the form with that group chosen; the case has it, by QR', async () => {
  const link = firstQr();
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  // The ward serves Google's addresses locally: follow the decoded link there.
  await phone.goto(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
  expect(await phone.getByLabel(FORM.group).inputValue()).toBe('Tổ dân phố 1');
  await phone.getByLabel(FORM.content).fill('Quét mã QR trên bảng tin: xin sửa đèn ngõ 2');
  await phone.getByRole('button', { name: 'Gửi' }).click();
  await phone.getByText('Cảm ơn ông/bà đã gửi ý kiến', { exact: false }).first().waitFor();
  await phone.close();
  const cases = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.name === 'Ý kiến')!.displayValues;
  const header = cases[0];
  const row = cases.find((r) => r[header.indexOf('Nội dung')] === 'Quét mã QR trên bảng tin: xin sửa đèn ngõ 2')!;
  expect([row[header.indexOf('Tổ dân phố')], row[header.indexOf('Kênh tiếp nhận')]]).toEqual(['Tổ dân phố 1', 'QR']);
});
