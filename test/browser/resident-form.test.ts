/**
 * In the local ward (npm start), in a real browser: a resident fills the form behind the QR code,
 * and the case appears in the cases view — escaped, with no contact detail in sight.
 */
import { FORM } from '../../src/i18n/vi';
import { artifact, useBrowserWard } from '../support/browser';

const ward = useBrowserWard({ width: 1200, height: 900 });
const COMMITTEE = 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm';

/**
 * The confirmation page, as Forms shows it: the message with its line breaks, one paragraph per
 * blank-line-separated part (the first thanks the resident and names only the committee).
 */
async function confirmationShown(): Promise<void> {
  const parts = FORM.confirmation({ committee: COMMITTEE, normal: 7, complex: 20, contact: '' }).split(/\n{2,}/);
  await ward.page.getByText(parts[0], { exact: true }).waitFor();
  expect(await ward.page.locator('main p[style*="pre-wrap"]').count()).toBe(parts.length);
  await ward.page.getByRole('link', { name: 'Gửi ý kiến khác' }).waitFor();
}

it('a resident submits the form and the case shows in the cases view', async () => {
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: FORM.title(COMMITTEE) }).click();
  await ward.page.getByLabel(FORM.group).selectOption('Tổ dân phố 7');
  await ward.page.getByLabel(FORM.content).fill('Đèn đường ngõ 12 hỏng <img src=x onerror=alert(1)> đã hai tuần');
  await ward.page.getByLabel(FORM.name).fill('Lê Văn Cường');
  await ward.page.getByLabel(FORM.email).fill('cuong.le@gmail.com');
  await ward.page.screenshot({ path: artifact('resident-form.png'), fullPage: true });
  let dialogs = 0;
  ward.page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await ward.page.getByRole('button', { name: 'Gửi' }).click();
  await confirmationShown();

  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  const table = ward.page.locator('table.grid');
  await table.getByText('GY-', { exact: false }).first().waitFor();
  const text = await table.innerText();
  expect(text).toContain('GY-');
  expect(text).toContain('Tổ dân phố 7');
  expect(text).toContain('Đèn đường ngõ 12 hỏng <img src=x onerror=alert(1)> đã hai tuần');
  expect(text).toContain('Hạ tầng, giao thông');
  expect(text).not.toContain('Lê Văn Cường');
  expect(text).not.toContain('cuong.le@gmail.com');
  expect(await ward.page.locator('table.grid img').count()).toBe(0);
  expect(dialogs).toBe(0);
  await ward.page.screenshot({ path: artifact('cases-view.png'), fullPage: true });
});

it('the "Ý kiến" view stays readable with a 100,000-character case: the cell is cut and expands, the header stays in view', async () => {
  const long = 'Ý kiến rất dài về rác thải ở ngõ 12. '.repeat(2700);
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: FORM.title(COMMITTEE) }).click();
  await ward.page.getByLabel(FORM.group).selectOption('Tổ dân phố 3');
  await ward.page.getByLabel(FORM.content).fill(long);
  await ward.page.getByRole('button', { name: 'Gửi' }).click();
  await confirmationShown();
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  const more = ward.page.locator('table.grid details summary', { hasText: 'xem thêm' }).first();
  await more.waitFor();
  expect(await more.innerText()).toContain('ký tự — xem thêm');
  // Collapsed: the page is about as tall as a short one, not 100,000 characters tall.
  expect(await ward.page.evaluate(() => document.body.scrollHeight)).toBeLessThan(3000);
  expect(await ward.page.locator('table.grid thead tr.header th').nth(1).innerText()).toBe('Mã ý kiến');
  await ward.page.screenshot({ path: artifact('cases-view-long.png') });
  await more.click();
  expect(await ward.page.locator('table.grid details[open]').count()).toBe(1);
});

it('a wrong e-mail is refused as Google Forms does: the message under the e-mail field, the field marked, what was typed kept', async () => {
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: FORM.title(COMMITTEE) }).click();
  await ward.page.getByLabel(FORM.group).selectOption('Tổ dân phố 5');
  await ward.page.getByLabel(FORM.content).fill('Cống thoát nước ngõ 4 bị tắc');
  await ward.page.getByLabel(FORM.email).fill('nguyenvana@gmail');
  await ward.page.getByRole('button', { name: 'Gửi' }).click();

  const alert = ward.page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toBe('Chưa gửi được: vui lòng sửa các câu được đánh dấu bên dưới.');
  const email = ward.page.getByLabel(FORM.email);
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(await email.inputValue()).toBe('nguyenvana@gmail');
  const describedBy = await email.getAttribute('aria-describedby');
  const message = ward.page.locator(`#${describedBy}`);
  expect(await message.innerText()).toBe(FORM.emailInvalid);
  // Under the field, inside the e-mail question's own card, which is marked.
  const [field, under] = [await email.boundingBox(), await message.boundingBox()];
  expect(under!.y).toBeGreaterThanOrEqual(field!.y + field!.height);
  expect(await message.evaluate((el) => el.closest('section')?.className)).toBe('card field-invalid');
  expect(await email.evaluate((el) => getComputedStyle(el.closest('section')!).borderTopColor)).toBe('rgb(179, 38, 30)');
  // Only that field is marked; the other answers are kept as typed.
  expect(await ward.page.locator('[aria-invalid="true"]').count()).toBe(1);
  expect(await ward.page.getByLabel(FORM.content).inputValue()).toBe('Cống thoát nước ngõ 4 bị tắc');
  expect(await ward.page.getByLabel(FORM.group).inputValue()).toBe('Tổ dân phố 5');
  await ward.page.screenshot({ path: artifact('resident-form-refused.png'), fullPage: true });
});
