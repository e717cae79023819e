/**
 * Issue 20.2 in a real browser (Debian Chromium): a resident's two photos appear in the staff
 * sidebar's case view (fetched through the ward's web app, shown as <img> of data: URLs, no wider
 * than the column), an admin hides one, and the handling body's member opens them on their
 * personal-link page — at 390 px and 300 px, nothing scrolling sideways. The public board shows
 * none. Screenshots go to test-artifacts/.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Ward as Server } from '../../emulator/server/ward';
import { PHOTO_VIEW as V } from '../../src/i18n/photos';
import { artifact, openSidebar, showWardInBrowser } from '../support/browser';
import { photoHarness } from '../support/photo-harness';
import { JPEG_72x96, JPEG_96x72, base64Of, exifWithGps, jpegWith } from '../support/photos';
import { formAnswers, setUpWard, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const MEMBER = 'ubnd@luukiem.example';
const CODE = 'GY-2026-00001';
let ward: Ward;
let server: Server;
let browser: Browser;
let page: Page;
let token = '';

type View = { code: string; row: number; version: number };

beforeAll(async () => {
  ward = setUpWard();
  const { ws } = ward;
  ward.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[MEMBER, 'Xử lý', 'UBND phường']]);
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  ws.forms.submit(ward.formId, formAnswers({ content: 'Ổ gà lớn trước nhà số 12 đường Lê Lợi, xe máy đi qua rất nguy hiểm.', location: 'Trước nhà số 12 Lê Lợi' }));
  const act = (input: Record<string, unknown>) => {
    const v = ward.app.call('getCase', CODE) as View;
    ward.app.call('caseAction', v.code, v.row, v.version, input);
  };
  act({ action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  act({ action: 'assign', body: 'UBND phường', assignee: '' });
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  token = /\?p=([0-9a-f]{64})/.exec(ws.mail.outbox().find((m) => m.to[0] === MEMBER)!.body)![1];
  // The two photos as the web form sends them (the first still carrying a camera's GPS).
  ward.app.addFile('photo-harness.js', photoHarness());
  ward.app.call('attachPhotosForTest', CODE, 'web:req-1', [
    { name: 'o-ga-1.jpg', mimeType: 'image/jpeg', base64: base64Of(jpegWith(JPEG_96x72, exifWithGps())) },
    { name: 'o-ga-2.jpg', mimeType: 'image/jpeg', base64: JPEG_72x96 },
  ]);
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 390, height: 844 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function caseView(): Promise<FrameLocator> {
  const frame = await openSidebar(page, server.url);
  await frame.getByRole('button', { name: new RegExp(CODE) }).click();
  await frame.getByRole('heading', { name: new RegExp(CODE) }).waitFor();
  return frame;
}

for (const width of [390, 300]) {
  it(`the case view shows the resident's two photos (${width} px): real images, as wide as the column at most`, async () => {
    await page.setViewportSize({ width, height: 844 });
    const frame = await caseView();
    const photos = frame.locator('.case-photos img');
    await photos.nth(1).waitFor();
    expect(await photos.count()).toBe(2);
    expect(await photos.evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).complete, (i as HTMLImageElement).naturalWidth, i.getAttribute('src')!.slice(0, 23), i.getAttribute('alt')]))).toEqual([
      [true, 96, 'data:image/jpeg;base64,', V.alt(CODE, 1)],
      [true, 72, 'data:image/jpeg;base64,', V.alt(CODE, 2)],
    ]);
    const column = await frame.locator('.case-photos').evaluate((s) => s.getBoundingClientRect().width);
    for (const w of await photos.evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().width))) expect(w).toBeLessThanOrEqual(column);
    // Nothing in the sidebar reaches past its width (the photos above all).
    expect(await frame.locator('body').evaluate((b) => Array.from(b.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > b.clientWidth + 1).map((e) => e.tagName))).toEqual([]);
    await frame.locator('.case-photos').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact(`photos-case-view-${width}.png`) });
  });
}

it('an admin hides a photo from the case view: it is marked, and the body no longer gets it', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const frame = await caseView();
  await frame.locator('.case-photos img').nth(1).waitFor();
  await frame.locator('.case-photos li').nth(1).getByRole('button', { name: V.hide }).click();
  await frame.locator('.case-photos').getByText(V.hidden, { exact: true }).waitFor();
  expect(await frame.locator('.case-photos li').nth(1).getByRole('button', { name: V.show }).isVisible()).toBe(true);
  expect((ward.app.call('getPortalPhotos', token, CODE) as { photos: unknown[] }).photos).toHaveLength(1);
  await frame.locator('.case-photos li').nth(1).getByRole('button', { name: V.show }).click();
  await frame.locator('.case-photos li').nth(1).getByRole('button', { name: V.hide }).waitFor();
});

for (const width of [390, 300]) {
  it(`the body's member opens the photos on their personal-link page (${width} px)`, async () => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`${server.url}/exec?p=${token}`);
    const f = page.frameLocator('iframe');
    const summary = f.locator('details.portal-photos summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe(`${V.title} (2)`);
    await summary.click();
    await f.locator('.portal-photos img').nth(1).waitFor();
    expect(await f.locator('.portal-photos img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([96, 72]);
    expect(await f.locator('body').evaluate((b) => b.scrollWidth)).toBeLessThanOrEqual(width);
    await f.locator('.portal-photos').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact(`photos-portal-${width}.png`) });
  });
}

it('the public board page, opened anonymously, shows no photo', async () => {
  await page.goto(`${server.url}/exec`);
  const f = page.frameLocator('iframe');
  await f.locator('main').waitFor();
  expect(await f.locator('img').count()).toBe(0);
  expect(await f.locator('html').innerHTML()).not.toContain('data:image/jpeg');
});
