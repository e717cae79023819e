/**
 * Issue 8.1, 8.2, 8.4 in a real browser (Debian Chromium) on the local ward:
 * - a resident on a phone (390 px) who leaves only a phone number is told on the confirmation page
 *   when the answer comes, how to follow up without e-mail, where results are published, and that
 *   their identity is kept; a wrong phone number is refused under the field with an example;
 * - staff see "☎ Cần gọi lại", a draft that is not an answer, and record the phone call;
 * - the reply letter and the reply e-mail each say "Kính gửi", the opening and the thanks once.
 * Screenshots go to test-artifacts/.
 */
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createWorkspace, type Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { CASE_UI as C, FORM, INBOX_UI as I } from '../../src/i18n/vi';
import { artifact, doCaseAction, launchBrowser, openSidebar } from '../support/browser';
import { ADMIN, formAnswers, ROOT } from '../support/ward';

jest.setTimeout(120_000);

const COMMITTEE = 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm';
const WARD_PHONE = '024 3825 1234';
/** The answer template earlier versions shipped: greeting, opening and thanks inside the answer. */
const FRAMED_ANSWER = 'Kính gửi ông/bà,\n\nVề ý kiến của ông/bà, Ủy ban trả lời như sau:\n\nNgày 27/11, UBND phường đã lắp lại đèn chiếu sáng ngõ 15.\n\nTrân trọng cảm ơn ông/bà đã đóng góp ý kiến.';

let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let formId: string;

type View = { code: string; row: number; version: number };

function act(v: View, input: Record<string, unknown>): View {
  return (ws.app!.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
}

function newest(text: string): View {
  const inbox = ws.app!.call('getInbox', { text }) as { items: Array<{ code: string }> };
  return ws.app!.call('getCase', inbox.items[0].code) as View;
}

beforeAll(async () => {
  ws = createWorkspace({ user: ADMIN });
  ws.spreadsheets.setActive(ws.spreadsheets.create('Hòm thư số — CSDL'));
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  // The admin fills in the ward's phone; the hourly job carries it to the form's confirmation page.
  const settings = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Cài đặt')!;
  const labels = settings.getRange(1, 1, settings.getLastRow(), 1).getValues().map((r) => String(r[0]));
  settings.getRange(labels.indexOf('Số điện thoại tiếp nhận ý kiến') + 1, 2).setValue(WARD_PHONE);
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  formId = ws.forms.list()[0].id;
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phonePage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
}

it('on a phone, a resident who leaves only a phone number: a wrong number is refused under its field, then the confirmation page says what to expect', async () => {
  const p = await phonePage();
  await p.goto(server.url);
  await p.getByRole('link', { name: FORM.title(COMMITTEE) }).click();
  await p.getByLabel(FORM.group).selectOption('Tổ dân phố 12');
  await p.getByLabel(FORM.content).fill('Đèn chiếu sáng ngõ 15 tắt đã một tuần, buổi tối các cụ đi lại rất khó.');
  await p.getByLabel(FORM.phone).fill('091 234');
  await p.getByRole('button', { name: 'Gửi' }).click();
  const phone = p.getByLabel(FORM.phone);
  expect(await phone.getAttribute('aria-invalid')).toBe('true');
  const message = p.locator(`#${await phone.getAttribute('aria-describedby')}`);
  expect(await message.innerText()).toBe(FORM.phoneInvalid);
  expect(await p.getByLabel(FORM.content).inputValue()).toContain('Đèn chiếu sáng ngõ 15');
  await p.screenshot({ path: artifact('resident-phone-refused-390.png'), fullPage: true });

  await phone.fill('0912 345 678');
  await p.getByRole('button', { name: 'Gửi' }).click();
  const page1 = p.locator('main');
  await p.getByText(`Cảm ơn ông/bà đã gửi ý kiến đến ${COMMITTEE}.`).waitFor();
  const text = await page1.innerText();
  expect(text).toContain('7 ngày làm việc');
  expect(text).toContain('20 ngày làm việc');
  expect(text).toContain(`điện thoại ${WARD_PHONE}`);
  expect(text).toContain('giờ tiếp dân');
  expect(text).toContain('Nếu chỉ để lại số điện thoại, cán bộ sẽ gọi điện trả lời.');
  expect(text).toContain('công khai hằng tháng, không nêu tên người gửi');
  expect(text).toContain('Danh tính của ông/bà được giữ bí mật');
  // Readable on a phone: nothing wider than the screen.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await p.screenshot({ path: artifact('resident-confirmation-390.png'), fullPage: true });
  await p.close();
});

async function sidebar(): Promise<FrameLocator> {
  page = page ?? (await browser.newPage({ viewport: { width: 900, height: 1400 } }));
  return openSidebar(page, server.url);
}

const doAction = doCaseAction;

it('staff see who is to be called back; a draft is not an answer; the phone call is recorded and the clock stops', async () => {
  const frame = await sidebar();
  const item = frame.getByRole('button', { name: /Đèn chiếu sáng ngõ 15/ });
  await item.waitFor();
  expect(await item.innerText()).toContain(I.callBack);
  expect(await frame.locator('.counter.callBack strong').innerText()).toBe('1');
  await item.click();
  await frame.getByRole('heading', { name: /GY-/ }).waitFor();
  expect(await frame.locator('.how-to-answer').innerText()).toBe(C.howToAnswer.phone);
  await doAction(frame, 'Phân loại', async (f) => {
    await f.getByLabel(C.fields.category).selectOption('Hạ tầng, giao thông');
  });
  await doAction(frame, 'Soạn trả lời', async (f) => {
    await f.getByLabel(C.fields.answer).fill('Ngày 27/11, UBND phường đã lắp lại đèn chiếu sáng ngõ 15.');
  });
  // A draft: the status says so, the working days still count, and the ways to answer are a call or a letter.
  await frame.locator('h2', { hasText: 'Dự thảo trả lời' }).waitFor();
  expect(await frame.locator('[data-answer-state="draft"]').innerText()).toBe(C.answerStates.draft);
  expect(await frame.locator('.fact', { hasText: C.due }).innerText()).toMatch(/Còn \d+ ngày làm việc|Hết hạn hôm nay/);
  const actions = await frame.locator('.actions').first().innerText();
  expect(actions).toContain('Ghi nhận cuộc gọi trả lời');
  expect(actions).toContain('Ghi nhận thư trả lời đã gửi');
  expect(actions).not.toContain('Gửi trả lời qua email');

  await doAction(frame, 'Ghi nhận cuộc gọi trả lời', async (f) => {
    await f.getByLabel(C.fields.callNote).fill('Gọi lúc 9 giờ, đã đọc nội dung trả lời; người dân cảm ơn.');
  });
  await frame.locator('h2 .badge', { hasText: /^Đã trả lời$/ }).waitFor();
  expect(await frame.locator('[data-answer-state="phone"]').innerText()).toBe(C.answerStates.phone);
  expect(await frame.locator('.fact', { hasText: C.due }).innerText()).not.toMatch(/ngày làm việc/);
  expect(await frame.locator('ol.history').innerText()).toContain('Gọi lúc 9 giờ, đã đọc nội dung trả lời');
  await page.screenshot({ path: artifact('sidebar-case-answered-by-phone.png') });
});

it('the reply letter says "Kính gửi", the opening and the thanks once, even from a template that holds its own', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 2', content: 'Đèn ngõ 15 lại hỏng (không để lại liên hệ)' }));
  let v = newest('khong de lai lien he');
  v = act(v, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  v = act(v, { action: 'answer', text: FRAMED_ANSWER });
  const frame = await sidebar();
  await frame.getByRole('button', { name: new RegExp(v.code) }).click();
  await frame.getByRole('heading', { name: new RegExp(v.code) }).waitFor();
  expect(await frame.locator('.how-to-answer').innerText()).toBe(C.howToAnswer.none);
  await frame.getByRole('button', { name: C.makeLetter }).click();
  const link = frame.getByRole('link', { name: C.openDoc });
  await link.waitFor();
  const doc = ws.documents.list().find((d) => d.name === `Thư trả lời ${v.code}`)!;
  const text = ws.documents.text(doc.id);
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  expect(count(/Kính gửi/g)).toBe(1);
  expect(count(/như sau:/g)).toBe(1);
  expect(count(/cảm ơn/gi)).toBe(1);
  expect(text).toContain(`Kính gửi: Ông/Bà người gửi ý kiến mã ${v.code}`);
  expect(text).toContain('Ngày 27/11, UBND phường đã lắp lại đèn chiếu sáng ngõ 15.');
  const letter = await browser.newPage({ viewport: { width: 820, height: 1160 } });
  await letter.goto(`${server.url}/document/d/${doc.id}/edit`);
  await letter.screenshot({ path: artifact('reply-letter-answered-case.png'), fullPage: true });
  await letter.close();

  await doAction(frame, 'Ghi nhận thư trả lời đã gửi', async (f) => {
    await f.getByLabel(C.fields.letterNote).fill('Gửi qua tổ trưởng tổ dân phố 2 ngày 28/11.');
  });
  expect(await frame.locator('[data-answer-state="letter"]').innerText()).toBe(C.answerStates.letter);
});

it('the reply e-mail names the resident (only when sent), and says each part once', async () => {
  ws.forms.submit(formId, formAnswers({ group: 'Tổ dân phố 9', content: 'Rác tồn đọng đầu ngõ 3', name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@gmail.com' }));
  let v = newest('rac ton dong dau ngo 3');
  v = act(v, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
  v = act(v, { action: 'answer', text: FRAMED_ANSWER.replace('lắp lại đèn chiếu sáng ngõ 15', 'thu gom rác đầu ngõ 3') });
  v = act(v, { action: 'sendAnswer' });
  const outbox = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.name === 'Hộp thư đi')!.displayValues;
  expect(outbox.flat().join('\n')).not.toContain('Nguyễn Thị Hoa');
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  const mail = ws.mail.outbox().find((m) => m.to[0] === 'hoa.nguyen@gmail.com' && m.subject.includes('Trả lời ý kiến'))!;
  expect(mail.body.split('\n')[0]).toBe(`Kính gửi: Ông/Bà Nguyễn Thị Hoa (người gửi ý kiến mã ${v.code})`);
  const count = (re: RegExp) => (mail.body.match(re) ?? []).length;
  expect(count(/Kính gửi/g)).toBe(1);
  expect(count(/như sau:/g)).toBe(1);
  expect(count(/cảm ơn/gi)).toBe(1);
  expect(count(/^Trân trọng,$/gm)).toBe(1);
  expect(mail.body).toContain(`điện thoại ${WARD_PHONE}`);
  const p = page ?? (await browser.newPage());
  await p.goto(`${server.url}/mail`);
  const card = p.locator('section.card', { hasText: `Trả lời ý kiến ${v.code}` });
  await card.screenshot({ path: artifact('reply-email.png') });
});
