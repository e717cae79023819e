/**
 * Issue 11 (posters): every poster's QR code, read back from the image as it is stored in the Doc
 * (GIF decoded, then a QR decoder — both in tests only), is exactly its group's form link; a
 * resident "scanning" it reaches the form with the group preselected, and the case arrives with
 * that group and the QR channel. The QR codes are made inside Apps Script: no external service.
 */
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { FORM } from '../../src/i18n/vi';
import { qrCodesIn } from '../support/qr';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const PLACES = [...DEFAULT_SETTINGS.groups, FORM.placeOffice, FORM.placeCentre];
const PLACES_LABEL = '40 tổ dân phố, trụ sở Ủy ban, Trung tâm Phục vụ hành chính công';

/** The form's item id for a question title. */
function entryOf(w: Ward, title: string): string {
  return `entry.${w.ws.forms.model(w.formId).items.find((i) => i.title === title)!.id}`;
}

/** A resident follows a decoded link: the answers the link chose, plus what they write. */
function scan(w: Ward, link: string, answers: Record<string, string | string[]>): void {
  const model = w.ws.forms.model(w.formId);
  const chosen: Record<string, string> = {};
  for (const [k, v] of new URL(link).searchParams) {
    const item = model.items.find((i) => `entry.${i.id}` === k);
    if (item) chosen[item.title] = v;
  }
  w.ws.forms.submit(w.formId, { ...answers, ...chosen });
}

/**
 * A ward whose "Tổ dân phố" tab an admin cut to its first three groups: for the tests about the
 * menu, the form and reprinting, which are not about the set's size (the whole 40 are made and
 * read above); each of its sets is 5 places, not 42.
 */
const THREE_GROUPS = DEFAULT_SETTINGS.groups.slice(0, 3);
const THREE_LABEL = '3 tổ dân phố, trụ sở Ủy ban, Trung tâm Phục vụ hành chính công';
function wardOfThreeGroups(): Ward {
  const w = setUpWard();
  const tab = w.SpreadsheetApp.getActive().getSheetByName('Tổ dân phố')!;
  tab.getRange(2 + THREE_GROUPS.length, 1, tab.getMaxRows() - 1 - THREE_GROUPS.length, tab.getLastColumn()).clearContent();
  runHourly(w);
  expect((w.app.call('getPlaceFormLinks') as Array<{ title: string }>).map((l) => l.title)).toEqual([...THREE_GROUPS, FORM.placeOffice, FORM.placeCentre]);
  return w;
}

describe('QR posters', () => {
  const w = setUpWard();
  const doc = w.app.call('createQrPosters') as { id: string; name: string };
  const codes = qrCodesIn(w.ws, doc.id);
  const groups = DEFAULT_SETTINGS.groups;

  it('one page per residential group, the ward office and the public service centre, each with its QR and the results board\'s QR', () => {
    expect(doc.name).toBe(`Mã QR Hòm thư số — ${PLACES_LABEL}`);
    expect(codes).toHaveLength(PLACES.length * 2);
    const text = w.ws.documents.text(doc.id);
    for (const g of PLACES) expect(text).toContain(`Góp ý, phản ánh, kiến nghị — ${g}`);
    expect(text).toContain('Mở máy ảnh (camera) của điện thoại.');
    expect(text).toContain('Thông tin người gửi được giữ bí mật.');
    expect(text).toContain('bỏ vào hòm thư giấy đặt tại đây.');
    expect(w.ws.documents.html(doc.id).match(/class="page-break"/g)?.length).toBe(PLACES.length - 1);
  });

  it('every form QR decodes to exactly its place\'s prefilled link, and every board QR to its board', () => {
    const group = entryOf(w, FORM.group);
    const place = entryOf(w, FORM.place);
    groups.forEach((g, i) => {
      const form = new URL(codes[2 * i]);
      expect([form.searchParams.get(group), form.searchParams.get(place), form.searchParams.get('usp')]).toEqual([g, FORM.placeGroup, 'pp_url']);
      expect(codes[2 * i]).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform\?/);
      expect(codes[2 * i + 1]).toMatch(new RegExp(`/exec\\?group=${encodeURIComponent(g).replace(/[()]/g, '\\\\$&')}$`));
    });
    const office = new URL(codes[2 * groups.length]);
    const centre = new URL(codes[2 * groups.length + 2]);
    // The office's and the centre's codes choose the place and leave the group to the resident.
    expect([office.searchParams.has(group), office.searchParams.get(place)]).toEqual([false, FORM.placeOffice]);
    expect([centre.searchParams.has(group), centre.searchParams.get(place)]).toEqual([false, FORM.placeCentre]);
    expect(codes[2 * groups.length + 1]).toMatch(/\/exec$/);
  });

  it('a resident who scans a poster sends an opinion with that group and the QR channel; at the office, the office\'s channel', () => {
    scan(w, codes[2 * 6], formAnswers({ content: 'Quét mã ở nhà văn hóa' })); // Tổ dân phố 7's poster
    scan(w, codes[2 * groups.length], { ...formAnswers({ content: 'Quét mã ở trụ sở', group: 'Tổ dân phố 3' }) });
    scan(w, codes[2 * groups.length + 2], { ...formAnswers({ content: 'Quét mã ở Trung tâm', group: 'Tổ dân phố 4' }) });
    runHourly(w);
    const row = (content: string) => tabRecords(w, 'Ý kiến').find((r) => r['Nội dung'] === content)!;
    expect([row('Quét mã ở nhà văn hóa')['Tổ dân phố'], row('Quét mã ở nhà văn hóa')['Kênh tiếp nhận']]).toEqual(['Tổ dân phố 7', 'QR']);
    expect([row('Quét mã ở trụ sở')['Tổ dân phố'], row('Quét mã ở trụ sở')['Kênh tiếp nhận']]).toEqual(['Tổ dân phố 3', 'QR tại trụ sở UBND']);
    expect(row('Quét mã ở Trung tâm')['Kênh tiếp nhận']).toBe('QR tại TT Phục vụ HCC');
  });

  it('each place\'s link is also given as text (for a group\'s Zalo), the same link as on its poster', () => {
    const links = w.app.call('getPlaceFormLinks') as Array<{ title: string; place: string; url: string }>;
    expect(links.map((l) => l.title)).toEqual(PLACES);
    expect(links.map((l) => l.url)).toEqual(codes.filter((_, i) => i % 2 === 0));
  });

  it('is for admins only', () => {
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      expect(() => w.app.call('createQrPosters')).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
      expect(() => w.app.call('createQrStickers')).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
      expect(() => w.app.call('getPlaceFormLinks')).toThrow('Chỉ cán bộ quản trị được lập văn bản.');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
  });
});

describe('the sticker sheet', () => {
  const w = setUpWard();
  // Each place's link as on its poster: the text links, which the posters' own test above proves
  // equal to the codes read from the posters (making and reading 84 poster codes again costs a minute).
  const posters = (w.app.call('getPlaceFormLinks') as Array<{ url: string }>).map((l) => l.url);
  const doc = w.app.call('createQrStickers') as { id: string; name: string };

  it('one sticker per place, twelve to an A4 page, each decoding to exactly the link on that place\'s poster', () => {
    expect(doc.name).toBe(`Tem dán mã QR Hòm thư số — ${PLACES_LABEL}`);
    expect(qrCodesIn(w.ws, doc.id)).toEqual(posters);
    const html = w.ws.documents.html(doc.id);
    expect(html.match(/class="page-break"/g)?.length).toBe(Math.ceil(PLACES.length / 12) - 1);
    const text = w.ws.documents.text(doc.id);
    for (const g of PLACES) expect(text).toContain(`HÒM THƯ SỐ\n${g}\nQuét mã để góp ý, kiến nghị`);
  });

  it('the links follow the groups list: a group added in the "Tổ dân phố" tab gets its sticker at the next printing', () => {
    w.SpreadsheetApp.getActive().getSheetByName('Tổ dân phố')!.getRange(42, 1).setValue('Tổ dân phố 41 (mới)');
    runHourly(w);
    const again = qrCodesIn(w.ws, (w.app.call('createQrStickers') as { id: string }).id);
    expect(again).toHaveLength(PLACES.length + 1);
    expect(again.slice(0, 40)).toEqual(posters.slice(0, 40));
    expect(new URL(again[40]).searchParams.get(entryOf(w, FORM.group))).toBe('Tổ dân phố 41 (mới)');
  });
});

describe('the menu "In mã QR"', () => {
  it('makes the posters and shows their link in a dialog; a viewer is told no', () => {
    const w = wardOfThreeGroups();
    w.app.call('printQrPosters');
    const shown = w.ws.ui.dialogs().at(-1)!;
    expect(shown).toMatchObject({ kind: 'modal', title: 'In mã QR' });
    expect(shown.content).toContain(`Mã QR Hòm thư số — ${THREE_LABEL}`);
    expect(shown.content).toMatch(/<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit" target="_blank"/);
    w.app.call('printQrStickers');
    expect(w.ws.ui.dialogs().at(-1)!).toMatchObject({ kind: 'modal', title: 'In tem dán mã QR' });
    expect(w.ws.ui.dialogs().at(-1)!.content).toContain(`Tem dán mã QR Hòm thư số — ${THREE_LABEL}`);
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['xem@luukiem.example', 'Xem', '']]);
    runHourly(w);
    w.ws.setUser('xem@luukiem.example');
    try {
      w.app.call('printQrPosters');
      expect(w.ws.ui.events().at(-1)!.message).toBe('Chỉ cán bộ quản trị được lập văn bản.');
    } finally {
      w.ws.setUser('admin@luukiem.example');
    }
  });
});

describe('a form made before the "where" question', () => {
  it('cannot make posters until setup adds the question (last, optional, its help saying nothing needs choosing); then it can', () => {
    const w = wardOfThreeGroups();
    const FormApp = w.ws.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = FormApp.openById(w.formId);
    const place = form.getItems().find((i) => i.getTitle() === FORM.place)!;
    form.deleteItem(place);
    expect(() => w.app.call('createQrPosters')).toThrow('Vui lòng chọn "Thiết lập hòm thư" trong trình đơn để cập nhật biểu mẫu');
    // An opinion sent meanwhile, without the question, is a group's QR case.
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Gửi từ biểu mẫu cũ' }));
    w.app.call('setupMailbox');
    const items = FormApp.openById(w.formId).getItems();
    const added = items[items.length - 1];
    expect([added.getTitle(), added.getHelpText(), added.asListItem().isRequired()]).toEqual([FORM.place, FORM.placeHelp, false]);
    expect(added.asListItem().getChoices().map((c) => c.getValue())).toEqual([FORM.placeGroup, FORM.placeOffice, FORM.placeCentre]);
    expect(qrCodesIn(w.ws, (w.app.call('createQrPosters') as { id: string }).id)).toHaveLength((THREE_GROUPS.length + 2) * 2);
    runHourly(w);
    expect(tabRecords(w, 'Ý kiến').map((r) => [r['Nội dung'], r['Kênh tiếp nhận']])).toEqual([['Gửi từ biểu mẫu cũ', 'QR']]);
  });
});

describe('reprinting one place', () => {
  it('a torn poster is reprinted alone: one page with the same link as in the whole set; an unknown place is refused', () => {
    const w = wardOfThreeGroups();
    const all = qrCodesIn(w.ws, (w.app.call('createQrPosters') as { id: string }).id);
    const one = w.app.call('createQrPosters', 'Tổ dân phố 2') as { id: string; name: string };
    expect(one.name).toBe('Mã QR Hòm thư số — Tổ dân phố 2');
    expect(qrCodesIn(w.ws, one.id)).toEqual(all.slice(2 * 1, 2 * 1 + 2));
    const office = w.app.call('createQrStickers', FORM.placeOffice) as { id: string };
    expect(qrCodesIn(w.ws, office.id)).toEqual([all[2 * THREE_GROUPS.length]]);
    expect(() => w.app.call('createQrPosters', 'Tổ 99')).toThrow('Nơi đặt mã không có trong danh sách');
    expect(() => w.app.call('createQrPosters', '<img src=x onerror=alert(1)>')).toThrow('Nơi đặt mã không có trong danh sách');
  });
});
