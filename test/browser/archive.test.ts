/**
 * Years of cases in a real browser at a phone's width (390 px), on the local ward: the menu item
 * "Lưu trữ ý kiến các năm trước" and what it says; a sidebar still showing a case that has just
 * moved gets the Vietnamese message when someone acts on it — never another case's data — and,
 * reloaded, the case read-only under its archive's banner. Screenshots in test-artifacts/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { ARCHIVE } from '../../src/i18n/archive';
import { ACTION_NAMES } from '../../src/i18n/cases';
import { CASE_UI } from '../../src/i18n/vi';
import { fillYears, REAL, SET_UP_ON } from '../support/archive-ward';
import { artifact, openSidebar, showWardInBrowser } from '../support/browser';
import { ADMIN, ROOT, type Ward } from '../support/ward';

jest.setTimeout(180_000);

let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ws = createWorkspace({ user: ADMIN, ...SET_UP_ON });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  const ward: Ward = { ws, app, ssId, formId: ws.forms.list()[0].id, SpreadsheetApp: ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  fillYears({ y2024: 20, y2025: 30, y2026: 10 })(ward);
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 390, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the menu moves the cases; a sidebar holding a moved case says so in Vietnamese, then shows it read-only', async () => {
  // A clerk has the case open in the sidebar (it is still in "Ý kiến").
  const frame = await openSidebar(page, server.url);
  await frame.getByRole('searchbox').fill(REAL.closed);
  await frame.getByRole('searchbox').press('Enter');
  await frame.locator('ol.cases').getByRole('button', { name: new RegExp(REAL.closed) }).click();
  await frame.getByRole('heading', { name: new RegExp(REAL.closed) }).waitFor();
  await frame.locator('.actions').getByRole('button', { name: ACTION_NAMES.note, exact: true }).waitFor();

  // Meanwhile an admin runs the menu item, in another tab at the same width.
  const menu = await browser.newPage({ viewport: { width: 390, height: 900 } });
  await menu.goto(server.url);
  await menu.getByRole('button', { name: ARCHIVE.menu }).click();
  await menu.getByText(/Đã chuyển \d+ ý kiến vào lưu trữ/).waitFor();
  await menu.screenshot({ path: artifact('archive-menu-result-390.png'), fullPage: false });
  await menu.close();

  // The clerk's sidebar still shows the case as it was: acting on it is refused by name.
  await frame.locator('.actions').getByRole('button', { name: ACTION_NAMES.note, exact: true }).click();
  await frame.locator('form.action textarea').fill('Đã gọi điện cho người dân.');
  await frame.locator('form.action').getByRole('button', { name: CASE_UI.submit, exact: true }).click();
  const refusal = frame.locator('form.action .status.error');
  await refusal.waitFor();
  expect(await refusal.innerText()).toBe(ARCHIVE.readOnly(REAL.closed, 2025));
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('archive-stale-view-390.png') });

  // Reloaded: the same case, read-only, under its archive's banner, no action offered.
  await frame.locator('form.action').getByRole('button', { name: CASE_UI.reload }).click();
  await frame.getByText(ARCHIVE.banner(2025)).waitFor();
  expect(await frame.getByRole('heading', { name: new RegExp(REAL.closed) }).count()).toBe(1);
  expect(await frame.locator('.actions button').count()).toBe(0);
  await page.screenshot({ path: artifact('archive-case-view-390.png') });
});
