/**
 * The local ward shows a report Doc as the pages Docs would print: A4 sheets with the Doc's margins
 * on screen, and Chromium's print-to-PDF (Debian chromium through playwright-core) gives A4 pages
 * — one more after each page break — with the chart image at its size.
 * Page setup in points: https://developers.google.com/apps-script/reference/document/body#setPageWidth(Number)
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import { startWard, type Ward } from '../../emulator/server/ward';
import { artifact, launchBrowser } from '../support/browser';

jest.setTimeout(90_000);

const A4 = { width: 595.276, height: 841.89 };
const MM = 72 / 25.4;
const PX_PER_PT = 96 / 72;

let ws: Workspace;
let ward: Ward;
let browser: Browser;
let page: Page;
let reportId: string;
let longId: string;
let tableId: string;

function a4(body: GoogleAppsScript.Document.Body): GoogleAppsScript.Document.Body {
  return body.setPageWidth(A4.width).setPageHeight(A4.height).setMarginTop(20 * MM).setMarginBottom(20 * MM).setMarginLeft(30 * MM).setMarginRight(15 * MM);
}

/** Page sizes (points) of a PDF's pages, from their MediaBox. */
function pdfPages(pdf: Buffer): Array<{ width: number; height: number }> {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

beforeAll(async () => {
  ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const { DocumentApp, Charts } = ws.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp; Charts: GoogleAppsScript.Charts.Charts };
  const A = DocumentApp.Attribute;

  const report = DocumentApp.create('Báo cáo quý IV/2026');
  const body = a4(report.getBody());
  body.getChild(0).asParagraph().setText('ỦY BAN MTTQ VIỆT NAM PHƯỜNG LƯU KIẾM');
  body.getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER).setAttributes({ [A.FONT_FAMILY]: 'Times New Roman', [A.FONT_SIZE]: 13, [A.BOLD]: true });
  body.appendParagraph('BÁO CÁO KẾT QUẢ TIẾP NHẬN Ý KIẾN').setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendTable([
    ['Lĩnh vực', 'Số ý kiến'],
    ['Môi trường', '15'],
    ['Trật tự xây dựng', '12'],
  ]);
  const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Lĩnh vực').addColumn(Charts.ColumnType.NUMBER, 'Số ý kiến').addRow(['Môi trường', 15]).addRow(['Trật tự xây dựng', 12]);
  const chart = Charts.newColumnChart().setDataTable(data).setTitle('Ý kiến theo lĩnh vực').setDimensions(400, 220).setLegendPosition(Charts.Position.NONE).build();
  body.appendImage(chart.getAs('image/png')).setAltTitle('Ý kiến theo lĩnh vực');
  body.appendPageBreak();
  body.appendParagraph('Phụ lục').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  reportId = report.getId();

  const long = DocumentApp.create('Danh sách dài');
  const longBody = a4(long.getBody());
  for (let i = 1; i <= 80; i++) longBody.appendParagraph(`${i}. Ý kiến của người dân về vệ sinh môi trường, trật tự xây dựng và chiếu sáng đô thị trên địa bàn tổ dân phố.`);
  longId = long.getId();

  const tabled = DocumentApp.create('Bảng dài');
  const tabledBody = a4(tabled.getBody());
  tabledBody.getChild(0).asParagraph().setText('Danh sách ý kiến trong tháng');
  tabledBody.appendTable([['Mã ý kiến', 'Nội dung'], ...Array.from({ length: 90 }, (_, i) => [`GY-2026-${String(i + 1).padStart(5, '0')}`, `Ý kiến số ${i + 1} về vệ sinh môi trường và chiếu sáng đô thị.`])]);
  tabledBody.appendParagraph('Tổng hợp theo lĩnh vực');
  tableId = tabled.getId();

  [ward, browser] = await Promise.all([startWard({ ws, port: 0 }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
});

afterAll(async () => {
  await browser?.close();
  await ward?.close();
});

describe('The ward’s Doc view — https://developers.google.com/apps-script/reference/document/body', () => {
  it('shows A4 sheets with the Doc’s margins and the chart at its size', async () => {
    await page.goto(`${ward.url}/document/d/${reportId}/edit`);
    const sheets = page.locator('section.page');
    expect(await sheets.count()).toBe(2);
    const box = (await sheets.first().boundingBox())!;
    expect(box.width).toBeCloseTo(A4.width * PX_PER_PT, 0);
    expect(box.height).toBeCloseTo(A4.height * PX_PER_PT, 0);
    const padding = await sheets.first().evaluate((el) => getComputedStyle(el).paddingLeft);
    expect(parseFloat(padding)).toBeCloseTo(30 * MM * PX_PER_PT, 0);
    const img = page.getByRole('img', { name: 'Ý kiến theo lĩnh vực' });
    expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.width, el.height])).toEqual([400, 400, 220]);
    await page.screenshot({ path: artifact('document-a4.png'), fullPage: true });
  });

  it('prints to PDF as A4 pages, a new one after the page break', async () => {
    await page.goto(`${ward.url}/document/d/${reportId}/edit`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(artifact('document-a4.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(Math.abs(p.width - A4.width)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.height)).toBeLessThan(1);
    }
  });

  it('flows a long Doc onto as many sheets on screen as it prints on', async () => {
    await page.goto(`${ward.url}/docs/${longId}`);
    const onScreen = await page.locator('section.page').count();
    expect(onScreen).toBeGreaterThan(1);
    // Every sheet holds its text inside its margins.
    const overflow = await page.locator('section.page').evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).length);
    expect(overflow).toBe(0);
    const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages.length).toBe(onScreen);
  });

  // A table longer than a page is not moved whole onto a page of its own (where it would run off
  // the sheet, over the next one): Docs breaks a table between its rows where the page ends and
  // carries on with the next rows on the next page ("preventOverflow: Whether the row cannot
  // overflow across page or column boundaries" — a row may even break; by default nothing keeps
  // a table together: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#tablerowstyle).
  it('breaks a long table between its rows across as many sheets as it prints on, starting right after the text above it', async () => {
    await page.goto(`${ward.url}/document/d/${tableId}/edit`);
    const sheets = page.locator('section.page');
    const onScreen = await sheets.count();
    expect(onScreen).toBeGreaterThan(2);
    const overflow = await sheets.evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).length);
    expect(overflow).toBe(0);
    // The table starts on the first sheet, under its heading, and every row is shown once, in order.
    expect(await sheets.first().locator('tr').count()).toBeGreaterThan(10);
    const codes = (await page.locator('tr td:first-child').allInnerTexts()).filter((t) => t.startsWith('GY-'));
    expect(codes).toEqual(Array.from({ length: 90 }, (_, i) => `GY-2026-${String(i + 1).padStart(5, '0')}`));
    // Nothing drawn over anything else: every sheet's blocks lie inside the sheet's text area.
    const outside = await sheets.evaluateAll((els) =>
      els.flatMap((el) => {
        const box = el.getBoundingClientRect();
        const bottom = box.bottom - parseFloat(getComputedStyle(el).paddingBottom);
        return Array.from(el.querySelectorAll('.flow > *')).filter((b) => b.getBoundingClientRect().bottom > bottom + 1).map((b) => b.textContent?.slice(0, 40));
      }),
    );
    expect(outside).toEqual([]);
    // The paragraph after the table follows its last row.
    expect(await sheets.last().innerText()).toContain('Tổng hợp theo lĩnh vực');
    await sheets.nth(1).screenshot({ path: artifact('document-long-table.png') });
    const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages.length).toBe(onScreen);
  });
});
