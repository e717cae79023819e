/**
 * Issue 20.2: who sees a resident's photos. The files belong to the ward's account and are shared
 * with nobody, so:
 * - staff in the sidebar (each running as themself) get a case's photos through the web app,
 *   which runs as the ward, with a one-minute signed ticket — only for a case they may see; a
 *   handler of another body gets nothing; hidden photos only for admins, marked;
 * - a handling body's member gets them on the personal-link page for their body's cases only;
 * - an admin approves or hides a photo, audited;
 * - every answer is data: URLs of checked JPEG/PNG bytes; a forged ticket gets nothing.
 */
import type { ShownPhoto } from '../../src/services/photos/view';
import { ADMIN, answeredCase, asUser, assignCase, formAnswers, linkTokenSentTo, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';
import { photoHarness } from '../support/photo-harness';
import { JPEG_72x96, JPEG_96x72, base64Of, exifWithGps, jpegWith } from '../support/photos';

const UBND = 'ubnd@luukiem.example';
const POLICE = 'congan@luukiem.example';
const VIEWER = 'danguy@luukiem.example';

type Shown = ShownPhoto;
type CasePhotos = { code: string; photos: Shown[]; canReview: boolean };

const photoA = { name: 'a.jpg', mimeType: 'image/jpeg', base64: base64Of(jpegWith(JPEG_96x72, exifWithGps())) };
const photoB = { name: 'b.jpg', mimeType: 'image/jpeg', base64: JPEG_72x96 };

/** A ward whose first case (UBND's) has two photos and whose second (the police's) none. */
function ward(): Ward {
  const w = setUpWard();
  // The sidebar reaches the ward's own web app over UrlFetchApp, as it would on Google's servers.
  w.ws.network.connect(w.ws);
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 3, 3).setValues([
    [UBND, 'Xử lý', 'UBND phường'],
    [POLICE, 'Xử lý', 'Công an phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Ổ gà trước nhà số 12' }));
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Trộm xe ở ngõ 9' }));
  runHourly(w);
  assignCase(w, 'GY-2026-00001', 'UBND phường', UBND);
  assignCase(w, 'GY-2026-00002', 'Công an phường', POLICE);
  runHourly(w);
  w.app.addFile('photo-harness.js', photoHarness());
  w.app.call('attachPhotosForTest', 'GY-2026-00001', 'web:req-1', [photoA, photoB]);
  return w;
}

const DATA_URL = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/;

describe('a case’s photos in the sidebar', () => {
  const w = ward();

  it('an admin gets them as checked data: URLs through the web app — without their GPS — and may review them', () => {
    const got = w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos;
    expect(got.canReview).toBe(true);
    expect(got.photos.map((p) => [p.source, p.index, p.dimensions, p.approved, p.hidden])).toEqual([
      ['web:req-1', 0, '96×72', false, false],
      ['web:req-1', 1, '72×96', false, false],
    ]);
    for (const p of got.photos) expect(p.src).toMatch(DATA_URL);
    expect(Buffer.from(got.photos[0].src.split(',')[1], 'base64').includes(Buffer.from('Exif'))).toBe(false);
    // The sidebar call went to the web app, with a ticket, and nowhere else.
    expect(w.ws.network.log().filter((r) => r.url.includes('?photos=')).length).toBeGreaterThan(0);
  });

  it('the handler of the case’s body and a viewer get them; the handler of another body is refused; a case without photos asks nobody', () => {
    expect(asUser(w, UBND, () => w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos).toHaveLength(2);
    expect(asUser(w, UBND, () => w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).canReview).toBe(false);
    expect(asUser(w, VIEWER, () => w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos).toHaveLength(2);
    expect(() => asUser(w, POLICE, () => w.app.call('getCasePhotos', 'GY-2026-00001'))).toThrow('Không tìm thấy');
    const before = w.ws.network.log().length;
    expect((w.app.call('getCasePhotos', 'GY-2026-00002') as CasePhotos).photos).toEqual([]);
    expect(w.ws.network.log().length).toBe(before);
  });

  it('an admin hides a photo (audited): the handler and the body’s link no longer get it, the admin sees it marked; showing it again brings it back', () => {
    expect((w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 1, 'hide') as { message: string }).message).toBe('Đã ẩn ảnh.');
    expect(asUser(w, UBND, () => w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos.map((p) => p.index)).toEqual([0]);
    expect((w.app.call('getPortalPhotos', linkTokenSentTo(w, UBND), 'GY-2026-00001') as CasePhotos).photos.map((p) => p.index)).toEqual([0]);
    expect((w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos.map((p) => [p.index, p.hidden])).toEqual([
      [0, false],
      [1, true],
    ]);
    w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 1, 'show');
    expect(asUser(w, UBND, () => w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos).toHaveLength(2);
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === 'GY-2026-00001' && r['Người thực hiện'] === ADMIN).map((r) => r['Hành động']);
    expect(audit.slice(-2)).toEqual(['Ẩn ảnh', 'Hiện lại ảnh']);
  });

  it('an admin approves a photo for public use: who and when are recorded and audited; only admins may review', () => {
    w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 0, 'approve');
    expect(tabRecords(w, 'Ảnh')[0]['Duyệt công khai bởi']).toBe(ADMIN);
    expect((w.app.call('getCasePhotos', 'GY-2026-00001') as CasePhotos).photos[0].approved).toBe(true);
    expect(() => asUser(w, UBND, () => w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 0, 'hide'))).toThrow();
    expect(() => asUser(w, VIEWER, () => w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 0, 'hide'))).toThrow();
    expect(tabRecords(w, 'Ảnh')[0]['Ẩn']).not.toBe('TRUE');
  });
});

describe('a case’s photos through a personal link', () => {
  const w = ward();

  it('the body’s member gets their case’s photos; not another body’s case; a revoked or forged token nothing', () => {
    const token = linkTokenSentTo(w, UBND);
    const got = w.app.call('getPortalPhotos', token, 'GY-2026-00001') as CasePhotos;
    expect(got.photos.map((p) => p.dimensions)).toEqual(['96×72', '72×96']);
    for (const p of got.photos) expect(p.src).toMatch(DATA_URL);
    expect(() => w.app.call('getPortalPhotos', linkTokenSentTo(w, POLICE), 'GY-2026-00001')).toThrow();
    expect(() => w.app.call('getPortalPhotos', 'ab'.repeat(32), 'GY-2026-00001')).toThrow();
  });

  it('the web app answers a forged, altered or expired ticket with nothing', () => {
    const url = (t: string) => `?photos=${encodeURIComponent(t)}`;
    const forged = `GY-2026-00001|all|${Date.parse('2026-11-24T02:10:00Z')}|${'0'.repeat(64)}`;
    expect(JSON.parse(w.ws.webapp.get(url(forged), { user: '' }).body)).toEqual({ error: 'ticket' });
    expect(JSON.parse(w.ws.webapp.get(url('GY-2026-00001'), { user: '' }).body)).toEqual({ error: 'ticket' });
    // A real ticket, read off the sidebar's request, does not outlive its minute.
    w.app.call('getCasePhotos', 'GY-2026-00001');
    const real = decodeURIComponent(/\?photos=([^&]+)/.exec(w.ws.network.log().filter((r) => r.url.includes('?photos=')).at(-1)!.url)![1]);
    expect(JSON.parse(w.ws.webapp.get(url(real), { user: '' }).body).photos).toHaveLength(2);
    const altered = real.replace('|all|', '|shown|');
    expect(JSON.parse(w.ws.webapp.get(url(altered), { user: '' }).body)).toEqual({ error: 'ticket' });
    w.ws.clock.advance(61_000);
    expect(JSON.parse(w.ws.webapp.get(url(real), { user: '' }).body)).toEqual({ error: 'ticket' });
  });
});

describe('photos on paper', () => {
  const imgs = (w: Ward, id: string) => (w.ws.documents.html(id).match(/<img/g) ?? []).length;

  it('the transfer slip carries the photos the body may see; hiding one makes a new slip without it', () => {
    const w = ward();
    const slip = w.app.call('createCaseDocument', 'GY-2026-00001', 'slip') as { id: string; name: string };
    expect(imgs(w, slip.id)).toBe(2);
    expect(w.ws.documents.text(slip.id)).toContain('Ảnh người dân gửi');
    // Asked again, unchanged: the same slip.
    expect((w.app.call('createCaseDocument', 'GY-2026-00001', 'slip') as { id: string }).id).toBe(slip.id);
    w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 0, 'hide');
    const again = w.app.call('createCaseDocument', 'GY-2026-00001', 'slip') as { id: string; name: string };
    expect(again.id).not.toBe(slip.id);
    expect(imgs(w, again.id)).toBe(1);
    // A case without photos: a slip without the heading.
    const police = w.app.call('createCaseDocument', 'GY-2026-00002', 'slip') as { id: string };
    expect([imgs(w, police.id), w.ws.documents.text(police.id).includes('Ảnh người dân gửi')]).toEqual([0, false]);
  });

  it('the monthly publication shows a published case’s photo only once an admin approved it, and not once hidden', () => {
    const w = setUpWard();
    w.ws.network.connect(w.ws);
    const code = answeredCase(w, 'Rác tồn đọng ở ngõ 9', { email: 'lan@gmail.com' }, true);
    w.app.addFile('photo-harness.js', photoHarness());
    w.app.call('attachPhotosForTest', code, 'web:req-9', [photoA, photoB]);
    const publication = () => w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as { id: string };
    expect(imgs(w, publication().id)).toBe(0);
    w.app.call('reviewCasePhoto', code, 'web:req-9', 1, 'approve');
    const withPhoto = publication();
    expect(imgs(w, withPhoto.id)).toBe(1);
    expect(w.ws.documents.text(withPhoto.id)).toContain('Ảnh minh họa (đã được duyệt công khai)');
    // The approved photo is the second one (72×96): printed at its own size.
    expect(w.ws.documents.html(withPhoto.id)).toMatch(/<img[^>]*width="?72/);
    w.app.call('reviewCasePhoto', code, 'web:req-9', 1, 'hide');
    expect(imgs(w, publication().id)).toBe(0);
  });
});

describe('reviewing a photo under a failing service call', () => {
  // Hiding a photo is what keeps it from a body's page and the publication: a failure at any one
  // call must leave it either unhidden (the admin sees the error and tries again) or hidden and
  // audited — never hidden without its audit row — and the retry ends hidden, without a second row for a hiding that took.
  it('failing at any one call, then retried: hidden, never without its audit row, never audited twice for one hiding', () => {
    const hideAudits = (w: Ward) => tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === 'GY-2026-00001' && r['Hành động'] === 'Ẩn ảnh').length;
    const hidden = (w: Ward) => tabRecords(w, 'Ảnh').filter((r) => r['Nguồn'] === 'web:req-1' && r['Thứ tự'] === '1')[0]?.['Ẩn'];
    const clean = ward();
    clean.ws.faults.failNthCall(1_000_000);
    clean.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 1, 'hide');
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(3);
    for (let k = 1; k <= total; k++) {
      const w = ward();
      w.ws.faults.failNthCall(k);
      let done = true;
      try {
        w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 1, 'hide');
      } catch {
        done = false;
      }
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      const where = `call ${k} (${failed})`;
      if (done) expect([where, hidden(w), hideAudits(w)]).toEqual([where, 'TRUE', 1]);
      // Never in force without its audit row.
      if (hidden(w) === 'TRUE') expect([where, hideAudits(w)]).toEqual([where, 1]);
      const wasHidden = hidden(w) === 'TRUE';
      const rowsBefore = hideAudits(w);
      if (!done) w.app.call('reviewCasePhoto', 'GY-2026-00001', 'web:req-1', 1, 'hide');
      // The retry writes only what is missing; a second row only for a try whose row was written but whose hiding was not.
      expect([where, hidden(w), hideAudits(w)]).toEqual([where, 'TRUE', wasHidden || rowsBefore === 0 ? 1 : 2]);
    }
  });
});
