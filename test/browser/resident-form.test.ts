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
