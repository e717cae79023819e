/**
 * Debian's Chromium driven by playwright-core — never a downloaded browser. The flags keep it off
 * the network: this machine's network is closed and Chromium would otherwise keep trying.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { CASE_UI } from '../../src/i18n/vi';
import { ACTION_NAMES } from '../../src/i18n/cases';
import { startWard, type Ward as WardServer } from '../../emulator/server/ward';
import type { Workspace } from '../../emulator';
import { startWardProcess } from './start-ward';
import { ROOT } from './ward';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * For a browser test file: npm start's server and a Chromium page, started before the tests and
 * stopped after. Returns a live view (fields are set once beforeAll has run).
 */
export function useBrowserWard(viewport: { width: number; height: number }): { url: string; page: Page } {
  const live = {} as { url: string; page: Page };
  let browser: Browser | undefined;
  let stop: (() => Promise<void>) | undefined;
  jest.setTimeout(90_000);
  beforeAll(async () => {
    const [ward, b] = await Promise.all([startWardProcess(), launchBrowser()]);
    browser = b;
    stop = ward.stop;
    live.url = ward.url;
    live.page = await b.newPage({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });
  return live;
}

/** The local ward's sidebar, opened from the add-on menu as the ward's current account. */
export async function openSidebar(page: Page, wardUrl: string): Promise<FrameLocator> {
  await page.goto(wardUrl);
  await page.getByRole('button', { name: 'Mở hòm thư' }).click();
  await page.waitForURL(/\/sidebar$/);
  return page.frameLocator('#sidebar iframe');
}

/** One action on the open case: its button, its form (filled by `fill`), "Lưu" ("Gửi" for the answer e-mail); the success message. */
export async function doCaseAction(frame: FrameLocator, label: string, fill?: (form: ReturnType<FrameLocator['locator']>) => Promise<void>): Promise<string> {
  await frame.locator('.actions').getByRole('button', { name: label, exact: true }).click();
  const form = frame.locator('form.action');
  if (fill) await fill(form);
  await form.getByRole('button', { name: label === ACTION_NAMES.sendAnswer ? CASE_UI.send : CASE_UI.submit, exact: true }).click();
  const ok = frame.locator('.messages .status.ok');
  await ok.waitFor();
  return ok.innerText();
}

/**
 * Opens the local ward as a visitor who is not signed in to Google — how residents and anyone
 * else reach the web app (the emulator's account switch, as its index page offers it).
 */
export async function browseAnonymously(page: Page, wardUrl: string): Promise<void> {
  await page.goto(wardUrl);
  await page.evaluate(async () => {
    await fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'anonymous=1' });
  });
}

/** Switches the local ward's current account (its index page's "Đổi tài khoản"), as a person signing in as someone else. */
export async function switchUser(page: Page, wardUrl: string, email: string): Promise<void> {
  await page.goto(wardUrl);
  await page.getByLabel('Đổi tài khoản:').fill(email);
  await page.getByRole('button', { name: 'Đổi', exact: true }).click();
}

/**
 * An emulated ward served on a free port and a Chromium page on it. Any dialog fails the test:
 * the add-on never uses alert/confirm (its confirmations are in the page), so one would be a bug.
 */
export async function showWardInBrowser(ws: Workspace, viewport: { width: number; height: number }): Promise<{ server: WardServer; browser: Browser; page: Page }> {
  const server = await startWard({ ws, port: 0 });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  return { server, browser, page };
}
