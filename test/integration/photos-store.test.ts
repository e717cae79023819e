/**
 * Issue 20.2: residents' photos, private by default (services/photos/store.ts). attachPhotos runs
 * inside the emulated Apps Script under the real manifest (build/appsscript.json: drive.file and
 * the advanced Drive service), as the web app runs it — as the ward's account. Checked here:
 * - each accepted photo is one file, stripped of its metadata, in one private folder the ward owns
 *   (never shared: no permission is ever set), and one row of the hidden tab "Ảnh", written in one
 *   batch; refusals come back with their Vietnamese reasons;
 * - idempotent by (code, source, index): the same call again stores nothing; a call failing at any
 *   one of its service calls, then retried, leaves every photo once — file and row.
 */
import { PHOTO_REFUSALS } from '../../src/i18n/photos';
import { photoHarness } from '../support/photo-harness';
import { GPS_LATITUDE, JPEG_72x96, JPEG_96x72, base64Of, bytesOf, concatBytes, contains, exifWithGps, jpegWith, png, zip } from '../support/photos';
import { answeredCase, formAnswers, tabRecords, wardFactory, type Ward } from '../support/ward';

const FOLDER = 'application/vnd.google-apps.folder';

interface Result {
  stored: number;
  refused: { name: string; reason: string }[];
}

const fresh = wardFactory((w) => {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Ổ gà lớn trước nhà số 12' }));
});

function ward(): Ward & { code: string } {
  const w = fresh();
  w.app.addFile('photo-harness.js', photoHarness());
  return { ...w, code: tabRecords(w, 'Ý kiến')[0]['Mã ý kiến'] };
}

const attach = (w: Ward, code: string, source: string, photos: unknown[]) => w.app.call('attachPhotosForTest', code, source, photos) as Result;

const withGps = { name: 'IMG_0001.JPG', mimeType: 'image/jpeg', base64: base64Of(jpegWith(JPEG_96x72, exifWithGps())) };
const plain = { name: 'anh2.jpg', mimeType: 'image/jpeg', base64: JPEG_72x96 };
const pngPhoto = { name: 'chup-man-hinh.png', mimeType: 'image/png', base64: base64Of(png(40, 30)) };

function photoFiles(w: Ward) {
  return w.ws.drive.files().filter((f) => f.mimeType !== FOLDER && f.appProperties?.htsPhoto);
}

describe('attachPhotos', () => {
  it('stores each accepted photo once: a file without its GPS in the ward’s private folder, a row in "Ảnh"; refusals say why in Vietnamese', () => {
    const w = ward();
    const polyglot = { name: 'anh.jpg', mimeType: 'image/jpeg', base64: base64Of(concatBytes(bytesOf(JPEG_96x72), zip())) };
    const page = { name: 'anh3.jpg', mimeType: 'image/jpeg', base64: Buffer.from('<html><script>alert(1)</script>').toString('base64') };
    const result = attach(w, w.code, 'web:req-1', [withGps, polyglot, page, plain]);
    expect(result).toEqual({
      stored: 1,
      refused: [
        { name: 'anh.jpg', reason: PHOTO_REFUSALS.trailingData },
        { name: 'anh3.jpg', reason: PHOTO_REFUSALS.notImage },
        { name: 'anh2.jpg', reason: PHOTO_REFUSALS.tooMany },
      ],
    });
    const files = photoFiles(w);
    expect(files).toHaveLength(1);
    const bytes = new Uint8Array(Buffer.from(files[0].contentBase64!, 'base64'));
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(contains(bytes, new Uint8Array(Buffer.concat(GPS_LATITUDE.map((v) => Buffer.from([0, 0, 0, v])))))).toBe(false);
    expect(files[0]).toMatchObject({ name: `${w.code}-anh-1.jpg`, mimeType: 'image/jpeg', owner: 'admin@luukiem.example' });
    const folder = w.ws.drive.file(files[0].parents[0])!;
    expect([folder.mimeType, folder.owner]).toEqual([FOLDER, 'admin@luukiem.example']);
    expect(tabRecords(w, 'Ảnh')).toEqual([
      expect.objectContaining({ 'Mã ý kiến': w.code, 'Nguồn': 'web:req-1', 'Thứ tự': '0', 'Mã tệp Drive': files[0].id, 'Loại': 'image/jpeg', 'Kích thước': '96×72', 'Dung lượng (byte)': String(bytes.length), 'Duyệt công khai bởi': '' }),
    ]);
  });

  it('the same call again stores nothing twice; another source or index is another photo; the folder is made once', () => {
    const w = ward();
    expect(attach(w, w.code, 'web:req-1', [withGps, pngPhoto]).stored).toBe(2);
    expect(attach(w, w.code, 'web:req-1', [withGps, pngPhoto])).toEqual({ stored: 0, refused: [] });
    expect(attach(w, w.code, 'mail:<abc@mail.gmail.com>', [plain]).stored).toBe(1);
    expect(photoFiles(w)).toHaveLength(3);
    expect(tabRecords(w, 'Ảnh').map((r) => [r['Nguồn'], r['Thứ tự'], r['Kích thước']])).toEqual([
      ['web:req-1', '0', '96×72'],
      ['web:req-1', '1', '40×30'],
      ['mail:<abc@mail.gmail.com>', '0', '72×96'],
    ]);
    expect(w.ws.drive.files().filter((f) => f.mimeType === FOLDER)).toHaveLength(1);
  });

  it('writes its rows in one batch and makes one Drive list plus one create per photo', () => {
    const w = ward();
    attach(w, w.code, 'web:req-0', [plain]); // the folder exists now
    w.ws.resetStats();
    attach(w, w.code, 'web:req-1', [withGps, pngPhoto, plain]);
    const s = w.ws.stats().services;
    expect(s.Drive.methods).toEqual({ 'Files.list': expect.objectContaining({ calls: 1 }), 'Files.create': expect.objectContaining({ calls: 3 }) });
    expect(s.SpreadsheetApp.methods['Range.setValues'].calls).toBe(1);
  });

  it('failing at any one of its service calls, then retried: every photo stored exactly once, file and row', () => {
    const clean = ward();
    clean.ws.faults.failNthCall(1_000_000);
    attach(clean, clean.code, 'web:req-1', [withGps, pngPhoto, plain]);
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(8);
    for (let k = 1; k <= total; k++) {
      const w = ward();
      w.ws.faults.failNthCall(k);
      let first: Result | null = null;
      try {
        first = attach(w, w.code, 'web:req-1', [withGps, pngPhoto, plain]);
      } catch {
        // the submission's retry below
      }
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      const before = tabRecords(w, 'Ảnh').length;
      const retry = attach(w, w.code, 'web:req-1', [withGps, pngPhoto, plain]);
      const where = `call ${k} (${failed})`;
      const rows = tabRecords(w, 'Ảnh');
      const files = photoFiles(w);
      // The retry stores exactly what the failed call had not recorded; a failure after the rows (releasing the lock) leaves nothing to do.
      expect([where, first === null || first.stored === 3, retry.stored, rows.length, files.length]).toEqual([where, true, 3 - before, 3, 3]);
      expect([where, new Set(rows.map((r) => r['Mã tệp Drive']))]).toEqual([where, new Set(files.map((f) => f.id))]);
      expect([where, w.ws.drive.files().filter((f) => f.mimeType === FOLDER).length]).toEqual([where, 1]);
    }
  });
});

describe('photos stay private: nothing public reads them', () => {
  it('a published case with photos: the public board, the board page as an anonymous visitor and the monthly publication carry no photo, no file id, no image', () => {
    const w = fresh();
    w.app.addFile('photo-harness.js', photoHarness());
    const code = answeredCase(w, 'Rác tồn đọng ở ngõ 9', { email: 'lan@gmail.com' }, true);
    expect(attach(w, code, 'web:req-9', [withGps, pngPhoto]).stored).toBe(2);
    const ids = photoFiles(w).map((f) => f.id);
    const board = JSON.stringify(w.app.call('getPublicBoard', 'Các tổ dân phố khác', '2026', '11'));
    expect(board).toContain(code);
    const page = w.ws.webapp.get('', { user: '' }).body;
    const pub = w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as { id: string };
    const publication = w.ws.documents.html(pub.id);
    expect(publication).toContain(code);
    for (const text of [board, page, publication]) {
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/data:image\/(jpeg|png)/);
    }
    expect(publication).not.toMatch(/<img/);
  });
});
