/**
 * domain/report/administrative: the one builder of the Decree 30/2020/NĐ-CP parts every document a
 * clerk signs shares — the letterhead (issuing body and national motto), the number and the
 * place-and-date line, "Nơi nhận" and the signature block (Appendix I of the decree: body names in
 * capitals and bold; the motto's first line in capitals, bold; the place and date in italics;
 * "Nơi nhận:" bold italic, each recipient on a line of its own starting "-" and ending ";", the
 * last "- Lưu: VT."; the signing authority and the title in capitals, bold; the name bold).
 * Expected values are written out by hand.
 */
import { fromYmd } from '../../src/domain/calendar/civil-date';
import { letterhead, placeAndDate, recipientLines, signatureBlock } from '../../src/domain/report/administrative';

const lines = (text: string) => text.split('\n');

describe('the letterhead', () => {
  const head = letterhead({ parentBody: 'Ủy ban MTTQ Việt Nam', localBody: 'phường Lưu Kiếm', organ: 'Ban Thường trực', number: 'Số:      /BC-MTTQ-BTT', placeAndDate: 'Lưu Kiếm, ngày 02 tháng 12 năm 2026' });

  it('puts the issuing body left in capitals and bold, the national motto right, the number under the body and the place and date under the motto', () => {
    expect(head.type).toBe('table');
    expect(head.layout).toBe(true);
    expect(head.rows).toEqual([
      ['ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG LƯU KIẾM\nBAN THƯỜNG TRỰC\n―――――――', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n――――――――――――――'],
      ['Số:      /BC-MTTQ-BTT', 'Lưu Kiếm, ngày 02 tháng 12 năm 2026'],
    ]);
    const [[body, motto], [number, date]] = head.cellStyles!;
    expect(body).toMatchObject({ align: 'center', bold: true });
    expect(motto).toMatchObject({ align: 'center', bold: true });
    // The motto's first line is one point smaller, so that it fits its column on one line.
    expect(motto!.lines![0]).toEqual({ size: 12 });
    expect(number).toMatchObject({ align: 'center' });
    expect(number!.bold).toBeFalsy();
    expect(date).toEqual({ align: 'center', italic: true });
    // The motto's column is the wider: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
    expect(head.widthsMm).toEqual([65, 100]);
  });
});

describe('the place and date', () => {
  it('writes days below 10 and months below 3 with a leading 0', () => {
    expect(placeAndDate('Lưu Kiếm', fromYmd(2026, 12, 2))).toBe('Lưu Kiếm, ngày 02 tháng 12 năm 2026');
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 2, 5))).toBe('Hòa Bình, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Hòa Bình', fromYmd(2026, 3, 15))).toBe('Hòa Bình, ngày 15 tháng 3 năm 2026');
  });
});

describe('"Nơi nhận"', () => {
  it('one recipient a line, each ending ";", the archive last as "- Lưu: VT."', () => {
    expect(recipientLines(['Thường trực Đảng ủy phường (để báo cáo);', 'UBND phường (để phối hợp);', 'Lưu: VT.'])).toEqual([
      '- Thường trực Đảng ủy phường (để báo cáo);',
      '- UBND phường (để phối hợp);',
      '- Lưu: VT.',
    ]);
  });

  it('mends what an admin typed in the settings: no ";", a dash of their own, the archive missing or not last', () => {
    expect(recipientLines(['- Như trên', 'UBND phường.'])).toEqual(['- Như trên;', '- UBND phường;', '- Lưu: VT.']);
    expect(recipientLines(['Lưu: VT, Văn phòng', ' Như trên ', ''])).toEqual(['- Như trên;', '- Lưu: VT, Văn phòng.']);
    expect(recipientLines([])).toEqual(['- Lưu: VT.']);
  });
});

describe('the signature block', () => {
  const block = signatureBlock({ recipients: ['Như trên', 'Lưu: VT'], signFor: 'tm. ban thường trực', signTitle: 'Chủ tịch', signer: 'Nguyễn Văn Ba' });

  it('sets "Nơi nhận" left and the signature right, in one borderless row', () => {
    expect(block.layout).toBe(true);
    expect(block.rows).toEqual([['Nơi nhận:\n- Như trên;\n- Lưu: VT.', 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\n\n\n\nNguyễn Văn Ba']]);
    expect(block.widthsMm).toEqual([80, 85]);
  });

  it('"Nơi nhận:" bold italic at 12 points, the recipients at 11; the authority and title in capitals and bold, the name bold', () => {
    const [[recipients, signature]] = block.cellStyles!;
    expect(recipients!.lines).toEqual([{ bold: true, italic: true, size: 12 }, { size: 11 }, { size: 11 }]);
    expect(signature).toMatchObject({ align: 'center', bold: true });
    expect(lines(block.rows[0][1])[0]).toBe('TM. BAN THƯỜNG TRỰC');
  });

  it('leaves the name line empty for a hand-written name when no signer is set', () => {
    const unsigned = signatureBlock({ recipients: [], signFor: 'TM. BAN THƯỜNG TRỰC', signTitle: 'CHỦ TỊCH', signer: '' });
    expect(lines(unsigned.rows[0][1])).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', '', '', '', '', '']);
  });
});
