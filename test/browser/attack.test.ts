/**
 * The attacker's tool is the browser console of the ward's public web app page: every top-level
 * function is reachable there through google.script.run, and it runs as the ward's own account.
 * In Debian Chromium, as an anonymous visitor and as a signed-in outsider, this test types into
 * that console what an attacker would — every staff function with its real arguments, a forged
 * intake event — shows each reply on the page, and keeps the screenshots (test-artifacts/).
 * Nothing personal may come back, every staff function must be refused in Vietnamese, nothing
 * may change, and no row may land in the errors tab.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { startWard, type Ward as Server } from '../../emulator/server/ward';
import { artifact, launchBrowser } from '../support/browser';
import { formAnswers, setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(120_000);

const NAME = 'Trần Thị Kín';
const PHONE = '0987123456';
const EMAIL = 'kin.tran@gmail.com';
const CONTENT = 'Bãi rác tự phát cạnh nhà văn hóa';

let ward: Ward;
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ward = setUpWard({ now: '2026-11-20T02:00:00Z' });
  ws = ward.ws;
  ws.forms.submit(ward.formId, formAnswers({ content: CONTENT, name: NAME, phone: PHONE, email: EMAIL }));
  ws.clock.advance(3_600_000);
  ws.runDueTriggers();
  server = await startWard({ ws, port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visitAs(who: 'anonymous' | string): Promise<Frame> {
  await page.goto(server.url);
  await page.evaluate(async (body) => {
    await fetch('/user', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  }, who === 'anonymous' ? 'anonymous=1' : `email=${encodeURIComponent(who)}`);
  await page.goto(`${server.url}/exec`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame!.waitForFunction(() => typeof (window as unknown as { google?: unknown }).google === 'object');
  return frame!;
}

/** What an attacker types into the page's console: every staff entry point, with real arguments. */
const CALLS: Array<[string, unknown[]]> = [
  ['getContactDetails', ['GY-2026-00001', 'tra cứu']],
  ['findCasesBySender', ['0912345678', 'tra cứu']],
  ['getSidebarState', []],
  ['getInbox', [{}]],
  ['getCase', ['GY-2026-00001']],
  ['caseAction', ['GY-2026-00001', 2, 2, { action: 'misuse', reason: 'giả' }]],
  ['issueCaseLookupKey', ['GY-2026-00001']],
  ['submitStaffCase', [{ channel: 'phone', content: 'giả mạo', receivedAt: '' }]],
  ['getPortalLinks', []],
  ['sendPortalLink', ['ke.gian@gmail.com']],
  ['createCaseDocument', ['GY-2026-00001', 'slip']],
  ['createReportDocument', [{ kind: 'month', year: 2026, index: 11 }]],
  ['getDashboard', []],
  ['createPaperSlips', [{ group: 'Tổ dân phố 1', count: 2 }]],
  ['setupMailbox', []],
  ['hourlyMaintenance', [{ triggerUid: 'x', authMode: 'FULL' }]],
];

async function attack(frame: Frame): Promise<Array<{ fn: string; ok: boolean; reply: string }>> {
  const results = await frame.evaluate(async (calls) => {
    type Run = Record<string, (...a: unknown[]) => void> & { withSuccessHandler(f: (v: unknown) => void): Run; withFailureHandler(f: (e: Error) => void): Run };
    const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
    const out: Array<{ fn: string; ok: boolean; reply: string }> = [];
    for (const [fn, args] of calls) {
      out.push(
        await new Promise((resolve) => {
          const handled = run.withSuccessHandler((v) => resolve({ fn, ok: true, reply: JSON.stringify(v) })).withFailureHandler((e) => resolve({ fn, ok: false, reply: e.message }));
          handled[fn](...args);
        }),
      );
    }
    // Shown on the page, as the attacker would see it in the console.
    const pre = document.createElement('pre');
    pre.setAttribute('style', 'white-space:pre-wrap;font:12px monospace;background:#111;color:#eee;padding:8px;margin:8px 0');
    pre.textContent = out.map((r) => `> google.script.run.${r.fn}(…)\n${r.ok ? '✓ ' : '✗ '}${r.reply}`).join('\n\n');
    document.body.prepend(pre);
    return out;
  }, CALLS);
  return results;
}

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i;

for (const [who, file] of [['anonymous', 'anonymous'], ['la.mat@gmail.com', 'outsider']] as const) {
  it(`from the web app's console, ${who === 'anonymous' ? 'an anonymous visitor' : 'a signed-in outsider'} gets no staff function and nothing personal`, async () => {
    const before = JSON.stringify([tabRecords(ward, 'Ý kiến'), tabRecords(ward, 'Nhật ký'), tabRecords(ward, 'Hộp thư đi'), ws.documents.list().length]);
    const errorsBefore = tabRecords(ward, 'Lỗi').length;
    const frame = await visitAs(who);
    const results = await attack(frame);
    for (const r of results) {
      expect([r.fn, /Trần Thị Kín|kin\.tran|0987123456|Bãi rác tự phát/.test(r.reply)]).toEqual([r.fn, false]);
      if (r.fn === 'getSidebarState') expect(JSON.parse(r.reply)).toMatchObject({ role: null, capabilities: [] });
      else if (r.fn === 'hourlyMaintenance') expect(r).toMatchObject({ ok: true, reply: 'null' });
      else expect([r.fn, r.ok, VIETNAMESE.test(r.reply)]).toEqual([r.fn, false, true]);
    }
    expect(JSON.stringify([tabRecords(ward, 'Ý kiến'), tabRecords(ward, 'Nhật ký'), tabRecords(ward, 'Hộp thư đi'), ws.documents.list().length])).toBe(before);
    expect(tabRecords(ward, 'Lỗi')).toHaveLength(errorsBefore);
    await page.screenshot({ path: artifact(`attack-${file}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 300, height: 700 });
    await page.screenshot({ path: artifact(`attack-${file}-300.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
  });
}
