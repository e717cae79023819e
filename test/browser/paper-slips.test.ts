/**
 * Issue 11 in a real browser (Debian Chromium), in the ward `npm start` serves: an admin prints
 * the sticker sheet and a sheet of paper slips from the sidebar's "Báo cáo" (300 px wide), the
 * sheets are looked at as printed (every sticker and every slip on its page, nothing spilling onto
 * an extra page), then a slip's printed code is entered from "Nhập ý kiến" — once; the second time
 * is refused. Screenshots go to test-artifacts/.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { CASE_UI as C, INBOX_UI, REPORTS as R, SIDEBAR as T, PAPER_SLIPS, STAFF_ENTRY } from '../../src/i18n/vi';
import { artifact, openSidebar, useBrowserWard } from '../support/browser';
import { blurred, darkest, readPng, readQr, shrunk } from '../support/qr';

const ward = useBrowserWard({ width: 1000, height: 1400 });
/** The Docs made, in order (the sticker sheet first). */
const madeDocs: string[] = [];

/** Pixels left free at the foot of each sheet's text area, below everything on it. */
async function roomAtFoot(doc: Page): Promise<number[]> {
  return doc.locator('section.page').evaluateAll((els) =>
    els.map((el) => {
      const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).paddingBottom);
      const last = Math.max(...Array.from(el.querySelectorAll('.flow > *')).map((b) => b.getBoundingClientRect().bottom));
      return Math.floor(bottom - last);
    }),
  );
}

async function reportsTab(): Promise<FrameLocator> {
  const frame = await openSidebar(ward.page, ward.url);
  await frame.getByRole('button', { name: R.tab, exact: true }).click();
  return frame;
}

/** Makes a Doc from one of "Báo cáo"'s forms and opens it as printed, in a page of its own. */
async function makeAndOpen(frame: FrameLocator, form: string, fill?: (f: ReturnType<FrameLocator['locator']>) => Promise<void>): Promise<Page> {
  const f = frame.locator(`form[aria-label="${form}"]`);
  if (fill) await fill(f);
  await f.getByRole('button', { name: form }).click();
  const link = f.getByRole('link', { name: C.openDoc });
  await link.waitFor({ timeout: 60_000 });
  const id = /\/document\/d\/([\w-]+)/.exec((await link.getAttribute('href')) ?? '')![1];
  madeDocs.push(id);
  const doc = await ward.page.context().browser()!.newPage({ viewport: { width: 900, height: 1250 } });
  await doc.goto(`${ward.url}/document/d/${id}/edit`);
  return doc;
}

it('the sticker sheet: 42 stickers (40 groups, the office, the centre), 12 to an A4 page, each with its QR', async () => {
  const frame = await reportsTab();
  const doc = await makeAndOpen(frame, R.stickers);
  expect(await doc.locator('td img').count()).toBe(42);
  await doc.screenshot({ path: artifact('sticker-sheet.png') });
  expect(await doc.locator('section.page').count()).toBe(4);
  // Each sheet of stickers, with the page-break line Docs keeps under it, fits with room to spare:
  // a sheet that ran over would print a blank page (or a lone row) after it.
  expect(Math.min(...(await roomAtFoot(doc)))).toBeGreaterThan(10);
  // A line a paragraph (the Docs API makes a paragraph of each line): innerText puts a blank line around each <p>.
  const first = (await doc.locator('section.page').first().locator('td').allInnerTexts()).map((t) => t.replace(/\n+/g, '\n'));
  expect(first[0]).toContain('HÒM THƯ SỐ\nTổ dân phố 1\nQuét mã để góp ý, kiến nghị');
  const last = await doc.locator('section.page').last().innerText();
  expect(last).toContain('Trụ sở Ủy ban nhân dân phường');
  expect(last).toContain('Trung tâm Phục vụ hành chính công');
  const pdf = (await doc.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(4);
  await doc.close();
});

// A phone reads a 4 cm sticker from a hand's length, slightly out of focus. The sticker is printed
// at 300 dpi (the page rendered at 300/96 device pixels per CSS pixel, a CSS pixel being 1/96 inch
// as Docs' image pixels are), blurred by σ ≈ 0.2 mm, and must still decode to its place's link.
// The test fails if the code shrinks (modules under 0.6 mm blur into each other) or loses its
// quiet zone (4 light modules round the symbol, which readers need to find it).
it('the sticker\'s QR code is 4 cm across with its quiet zone, and still reads at 300 dpi once blurred', async () => {
  const DPI = 300;
  const MM = DPI / 25.4;
  const doc = await ward.page.context().browser()!.newPage({ viewport: { width: 900, height: 1250 }, deviceScaleFactor: DPI / 96 });
  await doc.goto(`${ward.url}/document/d/${madeDocs[0]}/edit`);
  const sticker = doc.locator('td').first();
  const png = await sticker.screenshot({ path: artifact('sticker-300dpi.png') });
  const printed = readPng(png);
  const qr = readQr(printed)!;
  expect(qr.data).toMatch(/\/viewform\?usp=pp_url&entry\.\d+=T%E1%BB%95\+d%C3%A2n\+ph%E1%BB%91\+1&entry\.\d+=/);
  const symbolMm = (qr.right - qr.left) / MM;
  expect(symbolMm).toBeGreaterThanOrEqual(39.5);
  expect(symbolMm).toBeLessThan(42);
  expect(qr.module / MM).toBeGreaterThanOrEqual(0.6);
  // The quiet zone: 4 modules of white on every side (inset by a quarter module from the symbol's edge).
  const q = 4 * qr.module;
  const inset = qr.module / 4;
  expect(darkest(printed, qr.left - q, qr.top - q, qr.left - inset, qr.bottom + q)).toBeGreaterThan(200);
  expect(darkest(printed, qr.right + inset, qr.top - q, qr.right + q, qr.bottom + q)).toBeGreaterThan(200);
  expect(darkest(printed, qr.left - q, qr.top - q, qr.right + q, qr.top - inset)).toBeGreaterThan(200);
  expect(darkest(printed, qr.left - q, qr.bottom + inset, qr.right + q, qr.bottom + q)).toBeGreaterThan(200);
  // Out of focus by σ ≈ 0.2 mm (a box blur of 2 pixels at 300 dpi, three passes): still read.
  expect(readQr(blurred(printed, 2))?.data).toBe(qr.data);
  // The same blur on the code printed at 2.5 cm, with modules of 0.41 mm: no longer read — the
  // size is what makes the sticker readable.
  expect(readQr(blurred(shrunk(printed, 0.625), 2))).toBeNull();
  await doc.close();
});

it('each place\'s link as text, to copy into a group\'s Zalo', async () => {
  const frame = await reportsTab();
  await frame.getByText(R.placeLinks).click();
  const field = frame.getByLabel('Tổ dân phố 3', { exact: true });
  await field.waitFor();
  expect(await field.inputValue()).toMatch(/\/viewform\?usp=pp_url&entry\.\d+=T%E1%BB%95\+d%C3%A2n\+ph%E1%BB%91\+3&entry\.\d+=/);
  expect(await frame.getByLabel('Trung tâm Phục vụ hành chính công', { exact: true }).inputValue()).not.toContain('T%E1%BB%95');
  await field.scrollIntoViewIfNeeded();
  await ward.page.locator('#sidebar').screenshot({ path: artifact('sidebar-place-links.png') });
});

it('a slip sheet for one group from the sidebar at 300 px: two slips a page, each with its code and a stub to keep; then the slip is entered once', async () => {
  const frame = await reportsTab();
  const form = frame.locator(`form[aria-label="${PAPER_SLIPS.title}"]`);
  await form.getByLabel(PAPER_SLIPS.group).selectOption('Tổ dân phố 9');
  await form.getByLabel(PAPER_SLIPS.count).fill('4');
  await form.scrollIntoViewIfNeeded();
  expect(await frame.locator('body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  await ward.page.screenshot({ path: artifact('sidebar-slips-form.png') });
  const doc = await makeAndOpen(frame, PAPER_SLIPS.title);
  expect(await doc.locator('section.page').count()).toBe(2);
  const text = await doc.locator('body').innerText();
  const codes = [...new Set([...text.matchAll(/GY-\d{4}-P\d{5}/g)].map((m) => m[0]))];
  expect(codes).toHaveLength(4);
  expect(text).toContain('Tổ dân phố: Tổ dân phố 9');
  expect(text).toContain('PHẦN ÔNG/BÀ GIỮ LẠI');
  expect(text).toContain('Mã tra cứu:');
  // Lines to write on for an elderly hand: ruled lines 9 mm apart or more (school exercise books
  // rule 8–9 mm; hands that shake write larger), each one line across, for the content, the place
  // and the name and phone — measured on the sheet as laid out (a CSS pixel is 1/96 inch).
  const MM = 96 / 25.4;
  const ruled = await doc.locator('section.page').first().locator('td').first().evaluate((td) => {
    const out: Array<{ bottom: number; rows: number; width: number }> = [];
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/^_{10,}$/.test(n.textContent!)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = Array.from(range.getClientRects());
      out.push({ bottom: rects[rects.length - 1].bottom, rows: new Set(rects.map((r) => Math.round(r.top))).size, width: rects[0].width });
    }
    return out;
  });
  expect(ruled.length).toBe(7);
  for (const line of ruled) {
    expect(line.rows).toBe(1);
    expect(line.width / MM).toBeGreaterThan(100);
  }
  const pitches = ruled.slice(1).map((l, i) => (l.bottom - ruled[i].bottom) / MM);
  expect(Math.min(...pitches)).toBeGreaterThanOrEqual(9);
  // Two slips and the cut line fit their sheet, with the page-break line under them.
  expect(Math.min(...(await roomAtFoot(doc)))).toBeGreaterThan(10);
  await doc.screenshot({ path: artifact('slip-sheet.png') });
  await doc.locator('section.page').first().locator('tr').first().screenshot({ path: artifact('slip-one.png') });
  // Printed: two A4 pages, no slip spilling onto a third.
  const pdf = (await doc.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(2);
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  await doc.close();

  // The slip comes back through the paper mailbox: the clerk types its printed code.
  const sidebar = await openSidebar(ward.page, ward.url);
  await sidebar.getByRole('button', { name: INBOX_UI.tabEntry }).click();
  const paperSlipField = sidebar.getByLabel(STAFF_ENTRY.paperSlipLabel);
  await sidebar.getByLabel(T.channel).selectOption({ label: 'Điện thoại' });
  expect(await paperSlipField.isVisible()).toBe(false);
  await sidebar.getByLabel(T.channel).selectOption({ label: 'Hòm thư giấy' });
  await paperSlipField.fill(codes[0].toLowerCase());
  await sidebar.getByLabel(T.group).selectOption('Tổ dân phố 9');
  await sidebar.getByLabel(T.content).fill('Phiếu giấy: xin sửa nắp cống trước nhà số 12');
  await ward.page.screenshot({ path: artifact('sidebar-entry-slip.png') });
  await sidebar.getByRole('button', { name: T.save }).click();
  const ok = sidebar.getByRole('status').filter({ hasText: `Đã lưu ý kiến ${codes[0]}` });
  await ok.waitFor();

  // The same slip again (a clerk who did not see it was done): refused, nothing saved.
  await sidebar.getByLabel(T.channel).selectOption({ label: 'Hòm thư giấy' });
  await paperSlipField.fill(codes[0]);
  await sidebar.getByLabel(T.content).fill('Nhập lại cùng phiếu');
  await sidebar.getByRole('button', { name: T.save }).click();
  const refused = sidebar.getByRole('alert');
  await refused.waitFor();
  expect(await refused.innerText()).toBe(STAFF_ENTRY.paperSlipUsed(codes[0]));
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  const grid = await ward.page.locator('table.grid').innerText();
  expect(grid.split('Phiếu giấy: xin sửa nắp cống trước nhà số 12').length - 1).toBe(1);
  expect(grid).not.toContain('Nhập lại cùng phiếu');
});
