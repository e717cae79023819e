/**
 * Issue 18.1–18.3 in a real browser (Debian Chromium): a handling body's member reads the
 * announcement of a case on the local ward's "Thư đã gửi" page — code, masked summary, due date,
 * their personal link — follows the link, and finds a work list: overdue and due-soon cases first,
 * marked in words, why a case was reopened, what the body proposed and where that stands; the
 * forms folded. At 390 px and 300 px nothing scrolls sideways. Screenshots go to test-artifacts/.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { PORTAL as P } from '../../src/i18n/vi';
import { artifact, showWardInBrowser } from '../support/browser';
import { formAnswers, setUpWard, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const MEMBER = 'ubnd@luukiem.example';
let ward: Ward;
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let token = '';

type View = { code: string; row: number; version: number };
type PortalCase = { code: string; row: number; version: number };

const act = (code: string, input: Record<string, unknown>) => {
  const v = ward.app.call('getCase', code) as View;
  ward.app.call('caseAction', v.code, v.row, v.version, input);
};
const hourly = () => {
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
};
const propose = (code: string, text: string) => {
  const c = (ward.app.call('getPortal', token) as { cases: PortalCase[] }).cases.find((x) => x.code === code)!;
  ward.app.call('portalCaseAction', token, c.code, c.row, c.version, { kind: 'answer', text });
};

beforeAll(async () => {
  ward = setUpWard({ now: '2026-11-20T02:00:00Z' }); // Friday 20/11, 09:00 in Hà Nội
  ws = ward.ws;
  ward.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[MEMBER, 'Xử lý', 'UBND phường']]);
  hourly();
  const submit = (content: string, extra: Parameters<typeof formAnswers>[0] = {}) => ws.forms.submit(ward.formId, formAnswers({ content, ...extra }));
  // GY-2026-00001 and 00002 on Friday 20/11 (due 01/12); 00003 on Monday 23/11 (due 02/12);
  // 00004 on Wednesday 25/11 (due 04/12); 00005 on Thursday 26/11 (due 07/12).
  submit('Đèn chiếu sáng ngõ 15 hỏng từ đầu tháng, tối đi lại rất nguy hiểm. Tôi là Trần Văn Bình, số 0987654321, binh.tran@gmail.com.', { name: 'Trần Văn Bình', phone: '0987654321', email: 'binh.tran@gmail.com' });
  submit('Cây xà cừ trước nhà văn hóa tổ 3 bị nghiêng sau bão.');
  ws.clock.setTo(new Date('2026-11-23T02:00:00Z'));
  submit('Cống thoát nước ngõ 7 tắc, nước tràn ra đường khi mưa.');
  ws.clock.setTo(new Date('2026-11-25T02:00:00Z'));
  submit('Rác thải tập kết sai nơi quy định ở đầu ngõ 9.');
  ws.clock.setTo(new Date('2026-11-26T02:00:00Z'));
  submit('Vỉa hè đường Lê Lợi bị lấn chiếm để bán hàng.');
  for (const code of ['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003', 'GY-2026-00004', 'GY-2026-00005']) {
    act(code, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(code, { action: 'assign', body: 'UBND phường', assignee: '' });
  }
  hourly();
  const mail = ws.mail.outbox().find((m) => m.to[0] === MEMBER && m.subject.includes('GY-2026-00001'))!;
  token = /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
  // The tree: the body proposed, MTTQ called the resident, then reopened it on 02/12.
  propose('GY-2026-00002', 'Đội cây xanh đã chằng chống cây ngày 24/11.');
  act('GY-2026-00002', { action: 'recordCall', note: 'Đã gọi' });
  // The rubbish: a proposal waiting for MTTQ's review.
  propose('GY-2026-00005', 'Đã nhắc các hộ kinh doanh trả lại vỉa hè; sẽ kiểm tra lại ngày 08/12.');
  ws.clock.setTo(new Date('2026-12-02T01:00:00Z')); // Wednesday 02/12, 08:00
  act('GY-2026-00002', { action: 'reopen', reason: 'Người dân báo cây vẫn nghiêng, gọi 0912000111.' });
  hourly();
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 900, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function app(): FrameLocator {
  return page.frameLocator('iframe');
}

it('the announcement on "Thư đã gửi": code, summary without the sender, due date, the member\'s own link', async () => {
  await page.goto(`${server.url}/mail`);
  const card = page.locator('section.card', { hasText: 'Chuyển xử lý ý kiến GY-2026-00001' }).filter({ hasText: MEMBER });
  await card.waitFor();
  const text = await card.innerText();
  expect(text).toContain('Hạn trả lời người dân: 01/12/2026 (còn 3 ngày làm việc).');
  expect(text).toContain('Đèn chiếu sáng ngõ 15 hỏng');
  expect(text).not.toMatch(/Trần Văn Bình|0987654321|binh\.tran|docs\.google\.com\/spreadsheets/);
  expect(text).toMatch(/\?p=[0-9a-f]{64}/);
  await card.screenshot({ path: artifact('body-assignment-email.png') });
  const reopened = page.locator('section.card', { hasText: 'GY-2026-00002 được mở lại' });
  expect(await reopened.innerText()).toContain('Lý do mở lại: Người dân báo cây vẫn nghiêng, gọi [đã ẩn].');
  // The member's one link, carried by every e-mail about their body's cases.
  expect(/\?p=([0-9a-f]{64})/.exec(await reopened.innerText())![1]).toBe(token);
  await reopened.screenshot({ path: artifact('body-reopened-email.png') });
});

for (const width of [390, 300]) {
  it(`the personal link opens a work list (${width} px): marks, counts, the reopening, the proposal, folded forms`, async () => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`${server.url}/exec?p=${token}`);
    const f = app();
    await f.getByRole('heading', { name: P.title('UBND phường') }).waitFor();
    expect(await f.locator('ul.counts').innerText()).toMatch(/Quá hạn: 2\s+Sắp đến hạn: 2\s+Còn hạn: 1\s+Đã xong: 0/);
    const cards = f.locator('article.card');
    expect(await cards.locator('.code').allInnerTexts()).toEqual(['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003', 'GY-2026-00004', 'GY-2026-00005']);
    expect(await cards.locator('.mark').allInnerTexts()).toEqual(['Quá hạn 1 ngày làm việc', 'Quá hạn 1 ngày làm việc', 'Hết hạn hôm nay', 'Sắp đến hạn: còn 2 ngày làm việc', 'Còn 3 ngày làm việc']);
    const tree = cards.nth(1);
    expect(await tree.locator('.reopened').innerText()).toContain('Người dân báo cây vẫn nghiêng, gọi [đã ẩn].');
    expect(await tree.locator('.proposal-state').innerText()).toContain(P.proposalState.reopened);
    expect(await cards.nth(4).locator('.proposal-state').innerText()).toContain(P.proposalState.awaitingReview);
    // The forms are folded; one tap opens one.
    expect(await f.locator('form.portal-progress').first().isVisible()).toBe(false);
    const text = await f.locator('main').innerText();
    expect(text).not.toMatch(/Trần Văn Bình|0987654321|binh\.tran/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await f.locator('body').evaluate((b) => b.scrollWidth)).toBeLessThanOrEqual(width);
    // The page lives in the web app's frame: the whole list is in the picture once the window is as tall as it.
    await page.setViewportSize({ width, height: await f.locator('html').evaluate((h) => h.scrollHeight) });
    expect(await f.locator('body').evaluate((b) => b.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: artifact(`portal-worklist-${width}.png`) });
  });
}

it('a folded form opens, records progress, and the list says so', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/exec?p=${token}`);
  const f = app();
  const first = f.locator('article.card').first();
  await first.locator('summary', { hasText: P.progress }).click();
  await first.getByLabel(P.progressText).fill('Đã báo Điện lực, hẹn thay đèn ngày 03/12.');
  await page.screenshot({ path: artifact('portal-worklist-form-390.png'), fullPage: true });
  await first.locator('form.portal-progress').getByRole('button', { name: P.save }).click();
  await f.getByText(P.saved).waitFor();
  expect(await f.locator('article.card').first().innerText()).toContain('Cập nhật tiến độ: Đã báo Điện lực, hẹn thay đèn ngày 03/12.');
});
