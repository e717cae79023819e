/**
 * In the local ward, in a real browser: an admin opens the sidebar from the add-on menu and enters
 * a letter from the paper mailbox; the case is filed with its channel.
 */
import type { FrameLocator } from 'playwright-core';
import { FORM, INBOX_UI, SIDEBAR as T } from '../../src/i18n/vi';
import { artifact, useBrowserWard } from '../support/browser';

const ward = useBrowserWard({ width: 1000, height: 1400 });

async function openSidebar(): Promise<FrameLocator> {
  await ward.page.goto(ward.url);
  await ward.page.getByRole('button', { name: 'Mở hòm thư' }).click();
  await ward.page.waitForURL(/\/sidebar$/);
  const frame = ward.page.frameLocator('#sidebar iframe');
  await frame.getByRole('button', { name: INBOX_UI.tabEntry }).click();
  return frame;
}

it('an admin enters a paper-mailbox letter from the sidebar; the case records the channel', async () => {
  const sidebar = await openSidebar();
  await sidebar.getByText('admin@luukiem.example — Quản trị').waitFor();
  await sidebar.getByLabel(T.channel).selectOption({ label: 'Hòm thư giấy' });
  await sidebar.getByLabel(T.group).selectOption('Tổ dân phố 12');
  await sidebar.getByLabel(T.content).fill('Thư tay: xin lắp thêm đèn chiếu sáng ở ngõ 3');
  await sidebar.getByLabel(T.phone, { exact: true }).fill('0912 345 678');
  await ward.page.screenshot({ path: artifact('sidebar-entry.png') });
  await sidebar.getByRole('button', { name: T.save }).click();
  const ok = sidebar.getByRole('status').filter({ hasText: 'Đã lưu ý kiến GY-' });
  await ok.waitFor();
  expect(await ok.innerText()).toMatch(/Đã lưu ý kiến GY-\d{4}-\d{5}\. Hạn trả lời: \d{2}\/\d{2}\/\d{4}\./);

  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  const text = await ward.page.locator('table.grid').innerText();
  expect(text).toContain('Hòm thư giấy');
  expect(text).toContain('Thư tay: xin lắp thêm đèn chiếu sáng ở ngõ 3');
  expect(text).not.toContain('0912 345 678');
});

it('an empty content is refused with a Vietnamese message and nothing is saved', async () => {
  const sidebar = await openSidebar();
  await sidebar.getByLabel(T.content).fill('   ');
  await sidebar.getByRole('button', { name: T.save }).click();
  const error = sidebar.getByRole('alert');
  await error.waitFor();
  expect(await error.innerText()).toBe('Vui lòng nhập nội dung ý kiến.');
});

it('a wrong e-mail or phone is marked on its own field, with an example, and nothing is saved until it is right', async () => {
  const sidebar = await openSidebar();
  await sidebar.getByLabel(T.content).fill('Thư tay: ống cống ngõ 5 vỡ');
  await sidebar.getByLabel(T.phone, { exact: true }).fill('0912 345');
  await sidebar.getByLabel(T.email).fill('ba.lan@gmail');
  await sidebar.getByRole('button', { name: T.save }).click();
  const phone = sidebar.getByLabel(T.phone, { exact: true });
  const email = sidebar.getByLabel(T.email);
  expect(await phone.getAttribute('aria-invalid')).toBe('true');
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(await sidebar.locator(`#${await phone.getAttribute('aria-describedby')}`).innerText()).toBe(FORM.phoneInvalid);
  expect(await sidebar.locator(`#${await email.getAttribute('aria-describedby')}`).innerText()).toBe(FORM.emailInvalid);
  await ward.page.screenshot({ path: artifact('sidebar-entry-invalid-contact.png') });
  expect(await sidebar.getByRole('status').filter({ hasText: 'Đã lưu' }).count()).toBe(0);
  expect(await sidebar.getByLabel(T.content).inputValue()).toBe('Thư tay: ống cống ngõ 5 vỡ');
  // Typing clears the mark; the corrected form saves.
  await phone.fill('0912 345 678');
  expect(await phone.getAttribute('aria-invalid')).toBeNull();
  await email.fill('ba.lan@gmail.com');
  await sidebar.getByRole('button', { name: T.save }).click();
  await sidebar.getByRole('status').filter({ hasText: 'Đã lưu ý kiến GY-' }).waitFor();
  await ward.page.goto(ward.url);
  await ward.page.getByRole('link', { name: 'Ý kiến', exact: true }).click();
  expect((await ward.page.locator('table.grid').innerText()).split('ống cống ngõ 5 vỡ').length - 1).toBe(1);
});

it('a late inbox answer does not throw away the entry form the clerk switched to', async () => {
  // Explicit interleaving, no sleeps: the inbox's answer is held until the clerk has switched to
  // "Nhập ý kiến" and typed, then let through; the test goes on once the page has handled it.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const inboxAsked = new Promise<void>((r) => (held = r));
  let first = true;
  await ward.page.route('**/rpc', async (route) => {
    if (first && (route.request().postData() ?? '').includes('"getInbox"')) {
      first = false;
      held();
      await released;
    }
    await route.continue();
  });
  try {
    await ward.page.goto(ward.url);
    await ward.page.getByRole('button', { name: 'Mở hòm thư' }).click();
    await ward.page.waitForURL(/\/sidebar$/);
    const sidebar = ward.page.frameLocator('#sidebar iframe');
    await inboxAsked;
    await sidebar.getByRole('button', { name: INBOX_UI.tabEntry }).click();
    await sidebar.getByLabel(T.content).fill('Đang gõ dở');
    const answered = ward.page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postData() ?? '').includes('"getInbox"'));
    release();
    const response = await answered;
    await response.finished();
    // The bridge parses the answer and calls the inbox's handler in the tasks that follow; one
    // more task in the sidebar's frame runs after them.
    const frame = ward.page.frames().find((f) => f !== ward.page.mainFrame() && f.url().includes('sidebar'))!;
    await frame.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    // count() does not wait: a form replaced by the inbox fails here at once.
    expect(await sidebar.getByRole('button', { name: T.save }).count()).toBe(1);
    expect(await sidebar.getByLabel(T.content).inputValue()).toBe('Đang gõ dở');
  } finally {
    await ward.page.unroute('**/rpc');
  }
});

it('a fresh ward lists demo staff for every role; one click switches to a handler', async () => {
  await ward.page.goto(ward.url);
  await ward.page.getByText('Thử với từng vai trò').waitFor();
  await ward.page.screenshot({ path: artifact('ward-index-roles.png'), fullPage: true });
  await ward.page.getByRole('button', { name: 'congan@luukiem.example' }).click();
  await ward.page.getByRole('button', { name: 'Mở hòm thư' }).click();
  const frame = ward.page.frameLocator('#sidebar iframe');
  await frame.getByText('congan@luukiem.example — Xử lý').waitFor();
  expect(await frame.getByRole('button', { name: INBOX_UI.tabEntry }).count()).toBe(0);
  await ward.page.goto(ward.url);
  await ward.page.getByRole('button', { name: 'admin@luukiem.example' }).click();
});
