/**
 * Issue 18 (items 10): the transfer slip and the reply letter a clerk signs unchanged, in a real
 * browser (Debian Chromium) on the local ward's Doc view and its print to PDF: the layout of Decree
 * 30/2020/NĐ-CP, as the report's — the issuing body left in bold capitals, the national motto right
 * (its first line on one line), the number, "Lưu Kiếm, ngày 02 tháng 12 năm 2026" in italics, the
 * title, "Nơi nhận:" bold italic with "- Như trên;" and "- Lưu: VT.", the signature block — on one
 * A4 page. Screenshots go to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { artifact, launchBrowser } from '../support/browser';
import { answeredCase, setUpWard } from '../support/ward';

jest.setTimeout(120_000);

let server: Server;
let browser: Browser;
let slipId = '';
let letterId = '';
let code = '';

beforeAll(async () => {
  const w = setUpWard({ now: '2026-12-02T03:00:00Z' });
  code = answeredCase(w, 'Đèn chiếu sáng ngõ 7 tổ 5 hỏng cả tháng, buổi tối rất tối, người già đi lại khó khăn.', { group: 'Tổ dân phố 5', name: 'Đỗ Văn Hùng' });
  slipId = (w.app.call('createCaseDocument', code, 'slip') as { id: string }).id;
  letterId = (w.app.call('createCaseDocument', code, 'letter') as { id: string }).id;
  server = await startWard({ ws: w.ws, port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The computed style of the element holding `text` (its innermost element). */
async function styleOf(page: Page, text: string): Promise<{ weight: string; style: string; lines: number }> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(t);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      const rows = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      const cs = getComputedStyle(n.parentElement!);
      return { weight: cs.fontWeight, style: cs.fontStyle, lines: rows.size };
    }
    throw new Error(`not found: ${t}`);
  }, text);
}

async function open(id: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 820, height: 1160 } });
  await page.goto(`${server.url}/document/d/${id}/edit`);
  return page;
}

/** Pages of a PDF (its /Type /Page objects). */
const pdfPageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

async function expectDecree30(page: Page): Promise<void> {
  const bold = (s: { weight: string }) => Number(s.weight) >= 700;
  for (const line of ['ỦY BAN MTTQ VIỆT NAM', 'PHƯỜNG LƯU KIẾM', 'BAN THƯỜNG TRỰC', 'Độc lập - Tự do - Hạnh phúc', 'TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH']) expect(bold(await styleOf(page, line))).toBe(true);
  const motto = await styleOf(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect([bold(motto), motto.lines]).toEqual([true, 1]);
  const date = await styleOf(page, 'Lưu Kiếm, ngày 02 tháng 12 năm 2026');
  expect([date.style, bold(date), date.lines]).toEqual(['italic', false, 1]);
  const recipients = await styleOf(page, 'Nơi nhận:');
  expect([recipients.style, bold(recipients)]).toEqual(['italic', true]);
  // A line a paragraph (the template is written through the Docs API): innerText sets each <p> apart with a blank line.
  const text = (await page.locator('main').innerText()).replace(/\n+/g, '\n');
  expect(text).toContain('- Như trên;\n- Lưu: VT.');
  expect(text).not.toContain('{{');
  // One A4 page, on screen and printed.
  expect(await page.locator('section.page').count()).toBe(1);
  expect(pdfPageCount(await page.pdf({ preferCSSPageSize: true }))).toBe(1);
}

it('the transfer slip: Decree 30 layout on one A4 page, the resident\'s name nowhere', async () => {
  const page = await open(slipId);
  await expectDecree30(page);
  const text = await page.locator('main').innerText();
  expect(text).toContain('PHIẾU CHUYỂN Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN');
  expect(text).toContain(`Số: ${code}/HTS`);
  expect(text).toContain('Kính gửi: UBND phường');
  expect(text).not.toContain('Đỗ Văn Hùng');
  await page.locator('section.page').screenshot({ path: artifact('transfer-slip.png') });
  await page.close();
});

it('the reply letter: the same layout, addressed to the resident', async () => {
  const page = await open(letterId);
  await expectDecree30(page);
  const text = await page.locator('main').innerText();
  expect(text).toContain('THƯ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ');
  expect(text).toContain(`Trả lời cho ${code}: đã thu gom rác.`);
  await page.locator('section.page').screenshot({ path: artifact('reply-letter.png') });
  await page.close();
});
