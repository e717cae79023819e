/**
 * Issue 20.1 in a real browser (Debian Chromium), as an anonymous visitor of the local ward's web
 * app, at 390 px and at 300 px: a resident opens the form of their group's poster, adds two photos
 * (one a camera JPEG carrying EXIF with a GPS position), sees the previews, sends, and sees the case
 * code, due date and lookup key at once. What the page uploaded is read from the request itself:
 * JPEGs of at most 1600 px without any EXIF. A polyglot (a JPEG with a script appended) and an
 * oversized file are refused in Vietnamese before anything is sent. Screenshots in test-artifacts/.
 */
import type { Browser, FrameLocator, Page, Request } from 'playwright-core';
import type { Workspace } from '../../emulator';
import type { Ward as Server } from '../../emulator/server/ward';
import { hasExif, MAX_RAW_BYTES, sniffImage } from '../../src/domain/photo-intake';
import { WEB_FORM as W } from '../../src/i18n/web-form';
import { FORM } from '../../src/i18n/vi';
import { artifact, browseAnonymously, showWardInBrowser } from '../support/browser';
import { withGpsExif } from '../support/exif';
import { setUpWard, tabRecords, type Ward } from '../support/ward';

jest.setTimeout(180_000);

let ward: Ward;
let ws: Workspace;
let server: Server;
let browser: Browser;
let page: Page;
let cameraPhoto: Buffer;
let secondPhoto: Buffer;

/** The JPEG's size from its frame header (SOF0/SOF2). */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker === 0xc0 || marker === 0xc2) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no frame header');
}

/** A photo as a phone's camera makes it: Chromium's JPEG encoder on a 2400 × 1800 scene, then EXIF with a GPS position. */
async function cameraJpeg(p: Page, width: number, height: number, hue: number): Promise<Buffer> {
  const dataUrl = await p.evaluate(
    ([w, h, c]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d')!;
      const grad = g.createLinearGradient(0, 0, w, h);
      grad.addColorStop(0, `hsl(${c}, 60%, 55%)`);
      grad.addColorStop(1, `hsl(${c + 90}, 60%, 35%)`);
      g.fillStyle = grad;
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#222';
      g.beginPath();
      g.ellipse(w / 2, h * 0.7, w / 5, h / 10, 0, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL('image/jpeg', 0.92);
    },
    [width, height, hue] as const,
  );
  return withGpsExif(Buffer.from(dataUrl.split(',')[1], 'base64'));
}

beforeAll(async () => {
  ward = setUpWard({ now: '2026-11-24T02:00:00Z' });
  ws = ward.ws;
  ({ server, browser, page } = await showWardInBrowser(ws, { width: 390, height: 844 }));
  await browseAnonymously(page, server.url);
  cameraPhoto = await cameraJpeg(page, 2400, 1800, 200);
  secondPhoto = await cameraJpeg(page, 1200, 1600, 20);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const app = (p: Page): FrameLocator => p.frameLocator('iframe');

/** Every RPC the page sends, kept to read what it uploaded. */
function recordRpc(p: Page): Array<{ fn: string; args: unknown[] }> {
  const sent: Array<{ fn: string; args: unknown[] }> = [];
  p.on('request', (r: Request) => {
    if (r.url().includes('/webapp/rpc') && r.method() === 'POST') sent.push(JSON.parse(r.postData() ?? '{}') as { fn: string; args: unknown[] });
  });
  return sent;
}

async function openForm(p: Page, group: string): Promise<FrameLocator> {
  await p.goto(`${server.url}/exec?v=form&place=group&group=${encodeURIComponent(group)}`);
  const f = app(p);
  await f.getByRole('heading', { name: W.title }).waitFor();
  return f;
}

describe('390 px', () => {
  it('checks as the Google Form does, in its words, before sending', async () => {
    const sent = recordRpc(page);
    const f = await openForm(page, 'Tổ dân phố 3');
    await f.getByLabel(FORM.phone).fill('12345');
    await f.getByRole('button', { name: W.send, exact: true }).click();
    await f.getByText(FORM.required).first().waitFor();
    // The first question in need is brought to the resident (focused), its message under it.
    expect(await f.getByText(FORM.phoneInvalid, { exact: true }).count()).toBe(1);
    await page.screenshot({ path: artifact('web-form-checks-390.png'), fullPage: true });
    expect(sent.filter((s) => s.fn === 'submitResidentForm')).toEqual([]);
  });

  it('a resident sends two photos (one with GPS in its EXIF) and sees the code, due date and key at once; the upload carries no EXIF and is ≤ 1600 px', async () => {
    const sent = recordRpc(page);
    const f = await openForm(page, 'Tổ dân phố 3');
    // The honeypot is there for bots only: off the screen, out of the tab order, hidden from screen readers.
    const trap = f.locator('input[name=ghichu_phu]');
    expect(await trap.evaluate((i) => [i.getBoundingClientRect().right <= 0, i.tabIndex, i.closest('[aria-hidden="true"]') !== null])).toEqual([true, -1, true]);
    // The poster's group and place are chosen already.
    expect(await f.getByLabel(FORM.group).inputValue()).toBe('Tổ dân phố 3');
    expect(await f.getByLabel(FORM.place).inputValue()).toBe(FORM.placeGroup);
    await f.getByLabel(FORM.content).fill('Đống rác lớn ở đầu ngõ 7 đã ba ngày chưa được thu gom. <script>alert(1)</script>');
    await f.getByLabel(FORM.location).fill('Đầu ngõ 7');
    await f.getByLabel(FORM.name).fill('Lê Văn Tám');
    await f.getByLabel(FORM.phone).fill('0912 345 678');
    await f.locator('input[type=file]').setInputFiles([
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: cameraPhoto },
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: secondPhoto },
    ]);
    await f.locator('.photo-previews img').nth(1).waitFor();
    expect(await f.locator('.photo-previews img').count()).toBe(2);
    await f.locator('.photos-section').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('web-form-photos-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await f.getByRole('button', { name: W.send, exact: true }).click();
    await f.getByRole('heading', { name: W.thanks }).waitFor();
    const receipt = await f.locator('article.confirmation').innerText();
    const code = /GY-2026-\d{5}/.exec(receipt)![0];
    const key = /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(receipt)![0];
    expect(receipt).toContain(W.saveHint);
    expect(receipt).toContain('03/12/2026'); // 7 working days from Tuesday 24/11
    await page.screenshot({ path: artifact('web-form-confirmation-390.png'), fullPage: true });

    // What left the phone: two JPEGs, re-encoded — no EXIF, no GPS, no camera name, at most 1600 px.
    const call = sent.find((s) => s.fn === 'submitResidentForm')!;
    const photos = (call.args[0] as { photos: Array<{ base64: string; mimeType: string }> }).photos;
    expect(photos).toHaveLength(2);
    for (const p of photos) {
      const bytes = Buffer.from(p.base64, 'base64');
      expect([p.mimeType, sniffImage(bytes), hasExif(bytes), bytes.includes(Buffer.from('TestPhone')), bytes.includes(Buffer.from('Exif\0\0', 'latin1'))]).toEqual(['image/jpeg', 'jpeg', false, false, false]);
      const size = jpegSize(bytes);
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1600);
    }
    expect(jpegSize(Buffer.from(photos[0].base64, 'base64'))).toEqual({ width: 1600, height: 1200 });
    expect(hasExif(cameraPhoto)).toBe(true);
    // Stored with the case, in the ward's own Drive: the bytes the page sent, no EXIF there either.
    expect(receipt).toContain(W.photosSaved(2));
    const stored = ws.drive.files().filter((file) => file.appProperties?.htsCase === code);
    expect(stored).toHaveLength(2);
    for (const file of stored) expect(hasExif(Buffer.from(file.contentBase64!, 'base64'))).toBe(false);

    // Filed as any case; the resident's words stay text; the key opens the lookup.
    expect(tabRecords(ward, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)).toMatchObject({ 'Tổ dân phố': 'Tổ dân phố 3', 'Nội dung': expect.stringContaining('<script>alert(1)</script>') });
    await f.getByRole('button', { name: W.lookupLink }).click();
    await f.locator('article.card').waitFor();
    expect(await f.locator('article.card').innerText()).toContain(code);
    expect(await f.getByLabel('Mã tra cứu').inputValue()).toBe(key);
  });

  it('a polyglot and an oversized file are refused in Vietnamese before anything is sent', async () => {
    const sent = recordRpc(page);
    const f = await openForm(page, 'Tổ dân phố 4');
    const polyglot = Buffer.concat([secondPhoto, Buffer.from('<html><script>fetch("//evil.example")</script></html>')]);
    const oversized = Buffer.concat([secondPhoto, Buffer.alloc(MAX_RAW_BYTES + 1 - secondPhoto.length)]);
    const notImage = Buffer.from('<!doctype html><p>hello</p>');
    await f.locator('input[type=file]').setInputFiles([
      { name: 'anh-dep.jpg', mimeType: 'image/jpeg', buffer: polyglot },
      { name: 'anh-to.jpg', mimeType: 'image/jpeg', buffer: oversized },
      { name: 'trang.jpg', mimeType: 'image/jpeg', buffer: notImage },
    ]);
    await f.getByText('Không nhận "trang.jpg"').waitFor();
    const refusals = await f.locator('.photos-section .status.error').allInnerTexts();
    expect(refusals).toEqual([
      'Không nhận "anh-dep.jpg": tệp ảnh có chứa nội dung khác (không an toàn).',
      'Không nhận "anh-to.jpg": tệp lớn quá (tối đa 15 MB).',
      'Không nhận "trang.jpg": tệp này không phải là ảnh.',
    ]);
    expect(await f.locator('.photo-previews img').count()).toBe(0);
    await f.locator('.photos-section').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('web-form-refused-390.png'), fullPage: true });
    // A 4th photo: three fit, the fourth is refused.
    await f.locator('input[type=file]').setInputFiles([1, 2, 3, 4].map((n) => ({ name: `p${n}.jpg`, mimeType: 'image/jpeg', buffer: secondPhoto })));
    await f.getByText('Không nhận "p4.jpg": chỉ gửi được tối đa 3 ảnh.').waitFor();
    expect(await f.locator('.photo-previews img').count()).toBe(3);
    expect(sent).toEqual([]);
  });
});

describe('300 px', () => {
  it('the whole form and its confirmation fit, with large targets', async () => {
    const narrow = await browser.newPage({ viewport: { width: 300, height: 700 } });
    await browseAnonymously(narrow, server.url);
    const f = await openForm(narrow, 'Tổ dân phố 5');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const inner = await f.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(inner).toBeLessThanOrEqual(0);
    const send = await f.getByRole('button', { name: W.send, exact: true }).boundingBox();
    expect(send!.height).toBeGreaterThanOrEqual(48);
    await f.getByLabel(FORM.content).fill('Cống thoát nước trước nhà văn hóa tổ 5 bị tắc, mưa là ngập.');
    await f.locator('input[type=file]').setInputFiles([{ name: 'cong.jpg', mimeType: 'image/jpeg', buffer: cameraPhoto }]);
    await f.locator('.photo-previews img').first().waitFor();
    await f.locator('input[type=file]').setInputFiles([{ name: 'x.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([secondPhoto, Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]) }]);
    await f.getByText('Không nhận "x.jpg"').waitFor();
    await f.locator('.photos-section').scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: artifact('web-form-300.png'), fullPage: true });
    await f.getByRole('button', { name: W.send, exact: true }).click();
    await f.getByRole('heading', { name: W.thanks }).waitFor();
    const receipt = await f.locator('article.confirmation').innerText();
    expect(receipt).toMatch(/GY-2026-\d{5}/);
    expect(receipt).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await narrow.screenshot({ path: artifact('web-form-confirmation-300.png'), fullPage: true });
    await narrow.close();
  });
});
