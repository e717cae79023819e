/**
 * In the local ward (npm start), in a real browser: a resident fills the form behind the QR code,
 * and the case appears in the cases view — escaped, with no contact detail in sight.
 */
import { FORM } from '../../src/i18n/vi';
import { artifact, useBrowserWard } from '../support/browser';

const ward = useBrowserWard({ width: 1200, height: 900 });

it('a resident submits the form and the case shows in the cases view', async () => {
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: FORM.title('Ủy ban MTTQ Việt Nam phường Lưu Kiếm') }).click();
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
  await ward.page.getByText(FORM.confirmation).waitFor();

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
  await ward.page.getByRole('link', { name: FORM.title('Ủy ban MTTQ Việt Nam phường Lưu Kiếm') }).click();
  await ward.page.getByLabel(FORM.group).selectOption('Tổ dân phố 3');
  await ward.page.getByLabel(FORM.content).fill(long);
  await ward.page.getByRole('button', { name: 'Gửi' }).click();
  await ward.page.getByText(FORM.confirmation).waitFor();
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
