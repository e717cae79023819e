/**
 * Issue 11 (posters): every poster's QR code, read back from the image as it is stored in the Doc
 * (GIF decoded, then a QR decoder — both in tests only), is exactly its group's form link; a
 * resident "scanning" it reaches the form with the group preselected, and the case arrives with
 * that group and the QR channel. The QR codes are made inside Apps Script: no external service.
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { FORM } from '../../src/i18n/vi';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

/** The images of a Doc as the ward shows them, decoded: what a phone's camera would read. */
function qrCodesIn(w: Ward, docId: string): string[] {
  const html = w.ws.documents.html(docId);
  return [...html.matchAll(/src="data:image\/gif;base64,([^"]+)"/g)].map((m) => {
    const gif = new GifReader(Buffer.from(m[1], 'base64'));
    const rgba = new Uint8ClampedArray(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(0, rgba);
    const found = jsQR(rgba, gif.width, gif.height);
    return found ? found.data : '(unreadable)';
  });
}

describe('QR posters', () => {
  const w = setUpWard();
  const doc = w.app.call('createQrPosters') as { id: string; name: string };
  const codes = qrCodesIn(w, doc.id);
  const groups = DEFAULT_SETTINGS.groups;

  it('one page per residential group, each with its QR and the results board\'s QR', () => {
    expect(doc.name).toBe(`Mã QR Hòm thư số — ${groups.length} tổ dân phố`);
    expect(codes).toHaveLength(groups.length * 2);
    const text = w.ws.documents.text(doc.id);
    for (const g of groups) expect(text).toContain(`Góp ý, phản ánh, kiến nghị — ${g}`);
    expect(text).toContain('Mở máy ảnh (camera) của điện thoại.');
    expect(text).toContain('Thông tin người gửi được giữ bí mật.');
    expect(w.ws.documents.html(doc.id).match(/class="page-break"/g)?.length).toBe(groups.length - 1);
  });

  it('every form QR decodes to exactly its group\'s prefilled link, and every board QR to its board', () => {
    const model = w.ws.forms.model(w.formId);
    const item = model.items.find((i) => i.title === FORM.group)!;
    groups.forEach((g, i) => {
      const form = new URL(codes[2 * i]);
      expect(form.searchParams.get(`entry.${item.id}`)).toBe(g);
      expect(form.searchParams.get('usp')).toBe('pp_url');
      expect(codes[2 * i]).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform\?/);
      expect(codes[2 * i + 1]).toMatch(new RegExp(`/exec\\?group=${encodeURIComponent(g).replace(/[()]/g, '\\\\$&')}$`));
    });
  });

  it('a resident who scans a poster sends an opinion with that group and the QR channel', () => {
    const scanned = new URL(codes[2 * 6]); // Tổ dân phố 7's poster
    const entry = [...scanned.searchParams.entries()].find(([k]) => k.startsWith('entry.'))!;
    const model = w.ws.forms.model(w.formId);
    const title = model.items.find((i) => `entry.${i.id}` === entry[0])!.title;
    w.ws.forms.submit(w.formId, { ...formAnswers({ content: 'Quét mã ở nhà văn hóa' }), [title]: entry[1] });
    runHourly(w);
    const row = tabRecords(w, 'Ý kiến').find((r) => r['Nội dung'] === 'Quét mã ở nhà văn hóa')!;
    expect([row['Tổ dân phố'], row['Kênh tiếp nhận']]).toEqual(['Tổ dân phố 7', 'QR']);
  });

  it('is for admins only', () => {
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      expect(() => w.app.call('createQrPosters')).toThrow('Vai trò của bạn không được dùng chức năng này.');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
  });
});

describe('the menu "In mã QR"', () => {
  it('makes the posters and shows their link in a dialog; a viewer is told no', () => {
    const w = setUpWard();
    w.app.call('printQrPosters');
    const shown = w.ws.ui.dialogs().at(-1)!;
    expect(shown).toMatchObject({ kind: 'modal', title: 'In mã QR' });
    expect(shown.content).toContain('Mã QR Hòm thư số — 40 tổ dân phố');
    expect(shown.content).toMatch(/<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit" target="_blank"/);
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      w.app.call('printQrPosters');
      expect(w.ws.ui.events().at(-1)!.message).toBe('Vai trò của bạn không được dùng chức năng này.');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
  });
});
