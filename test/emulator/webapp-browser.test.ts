/**
 * The web app in a real browser (Debian's Chromium): the page the ward serves at /exec holds the
 * HtmlOutput in a sandboxed frame, google.script.run works from inside it, a link with
 * target="_top" leaves the frame for the whole window, and the viewport meta tag applies to the
 * page. https://developers.google.com/apps-script/guides/html/communication
 * https://developers.google.com/apps-script/guides/html/restrictions#iframe_mode (links: target="_top")
 */
import type { Browser } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import { startWard, type Ward } from '../../emulator/server/ward';
import { launchBrowser } from '../support/browser';

const SOURCE = `
function doGet(e) {
  if (e.parameter.trang === '2') return HtmlService.createHtmlOutput('<p id="p2">Trang 2</p>').setTitle('Trang 2');
  return HtmlService.createHtmlOutput(
    '<!DOCTYPE html><html><head></head><body><p id="out">…</p>'
    + '<a id="top" href="' + ScriptApp.getService().getUrl() + '?trang=2" target="_top">Trang 2</a>'
    + '<a id="inside" href="' + ScriptApp.getService().getUrl() + '?trang=2">Trang 2 (trong khung)</a>'
    + '<script>google.script.run.withSuccessHandler(function (v) { document.getElementById("out").textContent = v; }).hello("Lan");</script>'
    + '</body></html>')
    .setTitle('Tra cứu').addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
function hello(name) { return 'Chào ' + name + ' — ' + Session.getEffectiveUser().getEmail(); }
`;

jest.setTimeout(60_000);

let ws: Workspace;
let ward: Ward;
let browser: Browser;

beforeAll(async () => {
  ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } }, scripts: [['Code.js', SOURCE]], html: {} });
  [ward, browser] = await Promise.all([startWard({ ws, port: 0 }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ward?.close();
});

describe('the web app page in Chromium', () => {
  it('runs google.script.run inside the sandbox frame; target="_top" replaces the whole page, a plain link cannot open the web app in the frame; the viewport meta applies', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${ward.url}/exec`);
    expect(await page.title()).toBe('Tra cứu');
    // With width=device-width the layout viewport is the phone's width, not the 980 px default.
    expect(await page.evaluate(() => window.innerWidth)).toBe(390);

    const frame = page.frameLocator('#sandboxFrame');
    await frame.locator('#out', { hasText: 'Chào Lan' }).waitFor({ timeout: 10_000 });
    expect(await frame.locator('#out').textContent()).toBe('Chào Lan — admin@luukiem.example');

    // Without target="_top" the web app cannot open inside the frame (X-Frame-Options).
    const refused = page.waitForResponse((r) => r.url().endsWith('/exec?trang=2'));
    await frame.locator('#inside').click();
    expect((await refused).headers()['x-frame-options']).toBe('DENY');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${ward.url}/exec`);
    // Chromium shows its error page in the frame instead of the web app.
    expect(page.frames().map((f) => f.url())).toEqual([`${ward.url}/exec`, 'chrome-error://chromewebdata/']);

    await page.goto(`${ward.url}/exec`);
    await frame.locator('#out', { hasText: 'Chào Lan' }).waitFor({ timeout: 10_000 });
    await frame.locator('#top').click();
    await page.waitForURL(/\/exec\?trang=2$/);
    expect(await page.title()).toBe('Trang 2');
    expect(await page.frameLocator('#sandboxFrame').locator('#p2').textContent()).toBe('Trang 2');
    await context.close();
  });
});

