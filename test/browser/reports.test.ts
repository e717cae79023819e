/**
 * Issue 9 in a real browser (Debian Chromium) on the local ward, over a generated year of cases:
 * "Tổng quan" in the sidebar (tiles that open the filtered inbox, the QR gauge, groups with the
 * silent ones flagged), "Báo cáo" making the quarterly report Doc, the Doc itself (first page and
 * a chart page, and its print view as an A4 PDF), and the monthly publication Doc.
 * Screenshots go to test-artifacts/.
 */
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { CHANNELS } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { ADOPTION as A, CASE_UI as C, REPORTS as R } from '../../src/i18n/vi';
import { artifact, launchBrowser } from '../support/browser';
import { ADMIN, ROOT, type Ward } from '../support/ward';
import { SILENT_GROUPS, writeCases, yearOfCases } from '../support/year-of-cases';

jest.setTimeout(120_000);

const NOW = '2026-12-20T03:00:00Z';
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let cases: CaseRecord[];

const PUBLIC_SUMMARIES = [
  'Đèn chiếu sáng ngõ 7 bị hỏng nhiều ngày, buổi tối đi lại khó khăn.',
  'Rác thải tồn đọng ở đầu ngõ 12, bốc mùi, đề nghị thu gom đúng giờ.',
  'Vỉa hè trước chợ bị lấn chiếm để bán hàng, người đi bộ phải xuống lòng đường.',
];
const PUBLIC_ANSWERS = [
  'UBND phường đã thay bóng đèn và kiểm tra toàn tuyến chiếu sáng của ngõ; từ nay tổ dân phố báo hỏng qua Hòm thư số để được sửa trong tuần.',
  'Công ty môi trường đã thu gom và bố trí thêm thùng rác; lịch thu gom mới được niêm yết tại nhà văn hóa tổ dân phố.',
  'Tổ công tác trật tự đô thị đã nhắc nhở các hộ kinh doanh và sẽ kiểm tra định kỳ vào buổi sáng.',
];

beforeAll(async () => {
  ws = createWorkspace({ user: ADMIN, now: NOW });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  const ward: Ward = { ws, app, ssId, formId: ws.forms.list()[0].id, SpreadsheetApp: ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  cases = yearOfCases(2500, 2026, new Date(NOW));
  // Staff approved a summary and an answer for publication on some of November's answers.
  cases
    .filter((c) => c.answerSentAt instanceof Date && c.answerSentAt.getTime() >= Date.UTC(2026, 10, 1) && !c.confidential && !c.hiddenFromPublic)
    .filter((_, i) => i % 3 === 0)
    .forEach((c, i) => {
      c.answerPublic = true;
      c.publicSummary = PUBLIC_SUMMARIES[i % PUBLIC_SUMMARIES.length];
      c.answer = PUBLIC_ANSWERS[i % PUBLIC_ANSWERS.length];
    });
  writeCases(ward, cases);
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 900, height: 1500 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function sidebar(): Promise<FrameLocator> {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Mở hòm thư' }).click();
  await page.waitForURL(/\/sidebar$/);
  return page.frameLocator('#sidebar iframe');
}

it('"Tổng quan": this month and quarter, silent groups flagged, each number opens the filtered inbox', async () => {
  const frame = await sidebar();
  await frame.getByRole('button', { name: R.dashboardTab }).click();
  await frame.getByRole('heading', { name: `${R.thisQuarter}: Quý IV năm 2026` }).waitFor();
  // The groups that sent nothing all year are flagged (a few more may be silent this month by chance).
  const silent = Number(/^(\d+)\/40 /.exec(await frame.locator('section.groups p').innerText())![1]);
  expect(silent).toBeGreaterThanOrEqual(SILENT_GROUPS.length);
  expect(await frame.locator('section.groups svg text', { hasText: R.silent }).count()).toBe(silent);
  for (const g of SILENT_GROUPS) expect(await frame.locator(`section.groups svg a[aria-label="${g}: 0"]`).count()).toBe(1);
  await page.screenshot({ path: artifact('sidebar-dashboard.png') });

  // Each group's own QR poster: the stale ones (no group-QR case in the 14 days ending 20/12) are flagged in red.
  // Counted here from the generated cases, not by the code under test.
  const windowStart = vietnamDayOf(new Date(NOW)) - 13;
  const expected = DEFAULT_SETTINGS.groups.filter((g) => !cases.some((c) => c.group === g && c.channel === CHANNELS.qr && vietnamDayOf(c.receivedAt) >= windowStart));
  expect(expected).toEqual(expect.arrayContaining(SILENT_GROUPS));
  const adoption = frame.locator('section.adoption');
  expect(await adoption.locator('p.summary').innerText()).toBe(`${expected.length} tổ chưa có ý kiến qua mã QR trong 2 tuần: ${expected.join(', ')}.`);
  expect(await adoption.locator('tr.stale th .name').allInnerTexts()).toEqual(expected);
  for (const g of SILENT_GROUPS) {
    const row = adoption.locator(`tr[data-group="${g}"]`);
    expect(await row.locator('.stale-flag').innerText()).toBe('Chưa có ý kiến qua QR 2 tuần');
    expect(await row.locator('.last-qr').innerText()).toBe(A.lastQr(null));
    expect(await row.locator('td').allInnerTexts()).toEqual(['0/0', '—']);
    // Red, as the summary line.
    expect(await row.locator('.stale-flag').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(179, 38, 30)');
  }
  // A busy group: its QR cases / all cases this month, counted by hand from the generated cases, and no flag.
  const busy = DEFAULT_SETTINGS.groups.find((g) => !expected.includes(g))!;
  const december = cases.filter((c) => c.group === busy && vietnamDayOf(c.receivedAt) >= vietnamDayOf(new Date('2026-12-01T00:00:00+07:00')));
  const qr = december.filter((c) => c.channel === CHANNELS.qr).length;
  const busyRow = adoption.locator(`tr[data-group="${busy}"]`);
  expect(await busyRow.locator('td').first().innerText()).toBe(`${qr}/${december.length}`);
  expect(await busyRow.locator('.stale-flag').count()).toBe(0);
  // Readable at the sidebar's 300 px: nothing wider than the frame.
  expect(await adoption.evaluate((e) => e.ownerDocument.documentElement.scrollWidth <= e.ownerDocument.documentElement.clientWidth)).toBe(true);
  await adoption.locator('tr.stale').first().scrollIntoViewIfNeeded();
  await adoption.locator('h3').scrollIntoViewIfNeeded();
  const sidebarBox = await page.locator('#sidebar').boundingBox();
  expect(Math.round(sidebarBox!.width)).toBe(300);
  await page.locator('#sidebar').screenshot({ path: artifact('sidebar-dashboard-adoption.png') });
  const overdue = frame.locator('section.period').nth(1).getByRole('button', { name: /Quá hạn, chưa trả lời/ });
  const shown = (await overdue.locator('strong').innerText()).replace(/\./g, '');
  await overdue.click();
  await frame.locator('.counters').waitFor();
  // The inbox opens on exactly those cases: "N ý kiến" equals the tile's number.
  expect(await frame.locator('p.muted', { hasText: / ý kiến$/ }).first().innerText()).toBe(`${Number(shown)} ý kiến`);
  expect(Number(shown)).toBeGreaterThan(0);
});

it('"Báo cáo": the quarterly report is made as a Doc in the administrative layout, with charts, and prints on A4', async () => {
  const frame = await sidebar();
  await frame.getByRole('button', { name: R.tab, exact: true }).click();
  await frame.getByRole('heading', { name: R.title }).waitFor();
  expect(await frame.getByLabel(R.kind).inputValue()).toBe('quarter');
  expect(await frame.getByLabel(R.index.quarter).inputValue()).toBe('4');
  await page.screenshot({ path: artifact('sidebar-reports.png') });
  await frame.getByRole('button', { name: R.make }).click();
  const link = frame.getByRole('link', { name: C.openDoc });
  await link.waitFor({ timeout: 60_000 });
  const href = await link.getAttribute('href');
  const id = /\/document\/d\/([\w-]+)/.exec(href ?? '')![1];

  const doc = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await doc.goto(`${server.url}/document/d/${id}/edit`);
  const text = await doc.locator('body').innerText();
  for (const s of ['ỦY BAN MTTQ VIỆT NAM', 'BAN THƯỜNG TRỰC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'I. TÌNH HÌNH TIẾP NHẬN', 'V. PHƯƠNG HƯỚNG, KIẾN NGHỊ', 'PHỤ LỤC']) expect(text).toContain(s);
  expect(await doc.locator('img').count()).toBe(2);
  // The number line keeps its blank for the number written by hand, as Docs keeps spaces.
  expect(text).toContain('Số:      /BC-MTTQ-BTT');
  await doc.screenshot({ path: artifact('report-first-page.png') });
  await doc.locator('img').first().scrollIntoViewIfNeeded();
  await doc.screenshot({ path: artifact('report-chart-page.png') });
  // The signature block never stands alone: the page that holds it holds the text it signs (the
  // last paragraph of section V is kept with it), and the block is whole on that page.
  const signed = doc.locator('section.page', { hasText: 'TM. BAN THƯỜNG TRỰC' });
  expect(await signed.count()).toBe(1);
  const blocks = await signed.locator('.flow > *').evaluateAll((els) => els.map((e) => ({ tag: e.tagName, text: (e.textContent ?? '').slice(0, 60) })));
  const at = blocks.findIndex((b) => b.tag === 'TABLE' && b.text.startsWith('Nơi nhận:'));
  expect(at).toBeGreaterThan(0);
  expect(blocks[at - 1].text).toMatch(/^Đề nghị Ban Công tác Mặt trận các tổ dân phố chưa có ý kiến/);
  // A line a paragraph (the Docs API makes a paragraph of each line): innerText puts a blank line around each <p>.
  expect((await signed.innerText()).replace(/\n+/g, '\n')).toMatch(/TM\. BAN THƯỜNG TRỰC\nCHỦ TỊCH/);
  await signed.screenshot({ path: artifact('report-signature-page.png') });
  const pdf = await doc.pdf({ preferCSSPageSize: true });
  // A4 is 595.28 × 841.89 pt: the MediaBox of the first page says so.
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  await doc.close();
});

it('the monthly publication Doc, as residents will read it on the notice board: the case\'s words and answer across most of the page, nothing drawn over anything', async () => {
  const frame = await sidebar();
  await frame.getByRole('button', { name: R.tab, exact: true }).click();
  await frame.getByRole('button', { name: R.publication }).click();
  const link = frame.locator('form[aria-label="Lập bản công khai kết quả tháng"]').getByRole('link', { name: C.openDoc });
  await link.waitFor({ timeout: 60_000 });
  const id = /\/document\/d\/([\w-]+)/.exec((await link.getAttribute('href')) ?? '')![1];
  const doc = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await doc.goto(`${server.url}/document/d/${id}/edit`);
  expect(await doc.locator('body').innerText()).toContain('KẾT QUẢ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN');
  const sheets = doc.locator('section.page');
  // The list begins on the first page, under the totals, not pushed to a page of its own.
  expect(await sheets.first().locator('tr').count()).toBeGreaterThan(3);
  // The content column is more than half the list's width.
  const list = sheets.first().locator('table').first();
  const [tableWidth, contentWidth] = await list.evaluate((t: HTMLTableElement) => [t.getBoundingClientRect().width, t.rows[0].cells[2].getBoundingClientRect().width]);
  expect(contentWidth / tableWidth).toBeGreaterThan(0.5);
  // An approved case takes a few lines, not a page: a row is less than a fifth of the sheet.
  const approved = doc.locator('tr', { hasText: 'Trả lời: UBND phường đã thay bóng đèn' }).first();
  expect((await approved.boundingBox())!.height).toBeLessThan((await sheets.first().boundingBox())!.height / 5);
  // Every sheet's blocks lie inside its text area: the long list never runs over the summary tables.
  const outside = await sheets.evaluateAll((els) =>
    els.flatMap((el) => {
      const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).paddingBottom);
      return Array.from(el.querySelectorAll('.flow > *')).filter((b) => b.getBoundingClientRect().bottom > bottom + 1).map((b) => b.textContent?.slice(0, 40));
    }),
  );
  expect(outside).toEqual([]);
  expect(await doc.locator('main').innerText()).toMatch(/Tổng hợp theo lĩnh vực[\s\S]*Tổng hợp theo tổ dân phố/);
  const onScreen = await sheets.count();
  const pdf = (await doc.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(onScreen);
  await sheets.first().screenshot({ path: artifact('publication-first-page.png') });
  await approved.scrollIntoViewIfNeeded();
  await doc.screenshot({ path: artifact('publication-approved-case.png') });
  await sheets.last().screenshot({ path: artifact('publication-last-page.png') });
  await doc.close();
});
