/**
 * The local ward (npm start) end to end with the official mailbox: the admin chooses "Kết nối hộp
 * thư chính thức" in the menu, the dialog shows the web app's address and the secret (as the
 * spreadsheet would show it: a page with the dialog's HtmlOutput in a frame); the secret is pasted
 * on /mailbox; a resident's mail becomes a case of the real add-on, and its acknowledgement
 * appears in the mail's thread.
 */
import path from 'node:path';
import { openLocalMailbox, type LocalMailbox } from '../../emulator/server/mailbox';
import { startWard, type Ward } from '../../emulator/server/ward';
import { ROOT, setUpWard, tabRecords, type Ward as TestWard } from '../support/ward';

let w: TestWard;
let mailbox: LocalMailbox;
let ward: Ward;

const post = (p: string, form: Record<string, string>) => fetch(ward.url + p, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

beforeAll(async () => {
  w = setUpWard({ now: '2026-12-01T02:00:00Z' });
  mailbox = openLocalMailbox(w.ws, { buildDir: path.join(ROOT, 'build/mailbox') });
  ward = await startWard({ ws: w.ws, port: 0, mailbox });
});

afterAll(() => ward.close());

test('connect from the menu, paste the secret on /mailbox, a mail becomes a case and is acknowledged in its thread', async () => {
  const res = await post('/menu', { fn: 'connectOfficialMailbox' });
  expect(res.status).toBe(303);
  const dialogPath = res.headers.get('location')!;
  expect(dialogPath).toMatch(/^\/dialog\/\d+$/);
  expect(await (await fetch(ward.url + dialogPath)).text()).toContain('Kết nối hộp thư chính thức');
  const content = await (await fetch(`${ward.url}/dialog/content/${dialogPath.split('/').pop()}`)).text();
  const [url, secret] = [...content.matchAll(/<textarea[^>]*>([^<]*)<\/textarea>/g)].map((m) => m[1]);
  expect(url).toBe(w.ws.webapp.url());
  expect(secret).toMatch(/^[0-9a-f]{64}$/);

  await post('/mailbox/secret', { secret });
  await post('/mailbox/deliver', { name: 'Nguyễn Thị Lan', from: 'lan@example.com', subject: 'Đèn đường ngõ 5 hỏng', body: 'Tối om cả tuần.\n\nSent from my iPhone', photos: '[]' });
  await post('/mailbox/relay', {});
  const [c] = tabRecords(w, 'Ý kiến');
  expect([c['Kênh tiếp nhận'], c['Nội dung']]).toEqual(['Email', 'Tiêu đề thư: Đèn đường ngõ 5 hỏng\n\nTối om cả tuần.']);
  const [thread] = mailbox.ws.gmail.threads();
  expect(thread.messages.map((m) => m.sent)).toEqual([false, true]);
  const page = await (await fetch(`${ward.url}/mailbox`)).text();
  expect(page).toContain('GY-2026-00001');
});
