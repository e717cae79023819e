/**
 * Issue 16.7: identity through free text. What a handling body reads of a resident's own words
 * has their contact details masked (house numbers stay); a submitter's name is never published;
 * the texts of a case folded into "Các tổ dân phố khác" do not name its group.
 */
import { buildBoard, type BoardCase } from '../../src/domain/board';
import { STATUS } from '../../src/domain/case';
import { appendHistory, parseHistory, type HistoryEvent } from '../../src/domain/case-record';
import { historyFor } from '../../src/domain/disclosure';
import { buildPublication, OTHER_GROUPS } from '../../src/domain/publication';
import { groupMasker, nameMasker, nameSyllables } from '../../src/domain/text/mentions';
import { HIDDEN_MARK as H, maskContactDetails, scrubPublicText } from '../../src/domain/text/scrub';

describe('maskContactDetails: a resident\'s own words as a handling body reads them', () => {
  it('masks phone numbers however they are written', () => {
    const written = ['0912.345.678', '0912 345 678', '0912-345-678', '0912345678', '+84 912 345 678', '+84912345678', '(+84) 912.345.678', '84 912 345 678', '0084 912 345 678', '(024) 3825 1234', '024.3825.1234'];
    for (const phone of written) expect(maskContactDetails(`Có gì gọi ${phone} cho tôi.`)).toBe(`Có gì gọi ${H} cho tôi.`);
  });

  it('masks e-mail addresses, profile links and identity numbers (CMND 9 digits, CCCD 12 digits)', () => {
    expect(maskContactDetails('Email: bi.mat1960@gmail.com hoặc zalo.me/0912345678')).toBe(`Email: ${H} hoặc ${H}`);
    expect(maskContactDetails('CCCD 001203004567 cấp ngày 12/05/2021')).toBe(`CCCD ${H} cấp ngày 12/05/2021`);
    expect(maskContactDetails('số CMND: 012.345.678')).toBe(`số CMND: ${H}`);
    expect(maskContactDetails('căn cước của tôi là 001 203 004 567.')).toBe(`căn cước của tôi là ${H}.`);
    expect(maskContactDetails('tôi 012345678 nhé')).toBe(`tôi ${H} nhé`);
  });

  it('keeps what locates the problem: house, lane and land numbers, plates', () => {
    const kept = [
      'Nhà tôi ở số 15 ngõ 7 phố Huế, nước thải tràn ra đường.',
      'Số nhà 15B, ngách 4/12, hẻm 12/3 bị ngập.',
      'Trước cửa 45/12/3 đường Hoàng Diệu có hố sâu.',
      'Căn hộ A-1205 chung cư, thửa đất số 123 tờ bản đồ số 45.',
      'Xe 30A-123.45 đỗ chắn lối đi ở ngõ 9.',
    ];
    for (const text of kept) expect(maskContactDetails(text)).toBe(text);
  });

  it('keeps dates, amounts, quantities and case codes', () => {
    const kept = [
      'Từ ngày 12/03/2026 đến 24.11.2026, họp ngày 2026-11-24 lúc 09:30.',
      'Đã nộp 150.000.000 đồng, 150000000 đồng, 50 triệu đồng, 1.500.000đ phí vệ sinh.',
      'Có 2 thùng rác, 120 hộ, 3.500 m2 đất công.',
      'Ý kiến GY-2026-00012 và phiếu GY-2026-P00003 chưa được trả lời.',
    ];
    for (const text of kept) expect(maskContactDetails(text)).toBe(text);
  });

  it('is the same masking the public board uses, without the house rules', () => {
    const text = 'Bà ở số 15 ngõ 7, SĐT 0912.345.678, mail bm@gmail.com';
    expect(maskContactDetails(text)).toBe(`Bà ở số 15 ngõ 7, SĐT ${H}, mail ${H}`);
    expect(scrubPublicText(text)).toBe(`Bà ở số ${H} ngõ 7, SĐT ${H}, mail ${H}`);
  });
});

describe('nameMasker: a submitter\'s own name in published text', () => {
  const mask = nameMasker('Nguyễn Văn Bí Mật');

  it('hides the full name with or without diacritics, in any case', () => {
    expect(mask('Ông Nguyễn Văn Bí Mật phản ánh đèn hỏng.')).toBe(`Ông ${H} phản ánh đèn hỏng.`);
    expect(mask('nguyen van bi mat phan anh')).toBe(`${H} phan anh`);
    expect(mask('NGUYỄN VĂN BÍ MẬT, số 15 ngõ 7')).toBe(`${H}, số 15 ngõ 7`);
    expect(mask('Nguyễn  Văn\nBí Mật')).toBe(H);
  });

  it('hides the usual short forms after a form of address', () => {
    expect(mask('Đã gọi điện cho ông Mật.')).toBe(`Đã gọi điện cho ông ${H}.`);
    expect(mask('bà Bí Mật cho biết')).toBe(`bà ${H} cho biết`);
    expect(mask('ong Mat da nhan')).toBe(`ong ${H} da nhan`);
    expect(mask('Chú Bí Mật, anh Mật, đ/c Mật, ông Nguyễn Mật')).toBe(`Chú ${H}, anh ${H}, đ/c ${H}, ông ${H}`);
  });

  it('leaves ordinary words, other people and place names alone', () => {
    const kept = [
      'Ban công tác mặt trận giữ bí mật danh tính người gửi.',
      'Hộ bán mật ong ở ngõ 3 lấn chiếm vỉa hè.',
      'Bà con phản ánh ông tổ trưởng chưa họp.',
      'Ông Mạnh và bà Mai đã được mời.',
      'Bí mật quốc gia',
    ];
    for (const text of kept) expect(mask(text)).toBe(text);
    const hoa = nameMasker('Trần Thị Hoa');
    expect(hoa('Bà Hoa bị hoa mắt khi đi qua vườn hoa Lê Lợi.')).toBe(`Bà ${H} bị hoa mắt khi đi qua vườn hoa Lê Lợi.`);
    const street = nameMasker('Nguyễn Thị Minh Khai');
    expect(street('Đèn đường Nguyễn Thị Minh Khai và phố Minh Khai hỏng; bà Minh Khai báo.')).toBe(`Đèn đường Nguyễn Thị Minh Khai và phố Minh Khai hỏng; bà ${H} báo.`);
    const hue = nameMasker('Lê Thị Huế');
    expect(hue('Xe đi Huế đỗ ở phố Huế; cô Huế báo.')).toBe(`Xe đi Huế đỗ ở phố Huế; cô ${H} báo.`);
  });

  it('reads the name field as residents fill it', () => {
    expect(nameSyllables('Bà Tư')).toEqual(['Tư']);
    expect(nameSyllables('  nguyễn   văn an ')).toEqual(['nguyễn', 'văn', 'an']);
    expect(nameSyllables('Cù Huy Cận')).toEqual(['Cù', 'Huy', 'Cận']);
    expect(nameSyllables('Ông')).toEqual([]);
    expect(nameSyllables('0912345678')).toEqual([]);
    expect(nameSyllables(42)).toEqual([]);
    expect(nameMasker('')('Ông Mật')).toBe('Ông Mật');
    expect(nameMasker('Bà Tư')('Bà Tư bán hàng; ông Tư; tư vấn; Tư liệu')).toBe(`Bà ${H} bán hàng; ông ${H}; tư vấn; Tư liệu`);
    // A name typed into the field with a pattern's characters is text, not a pattern.
    expect(nameMasker('A.* (B)+')('ông A, ông B, ông C, A B')).toBe(`ông A, ông ${H}, ông C, ${H}`);
  });

  it('finds the name at the end of a long text full of forms of address', () => {
    const long = `${'Đèn đường hỏng, ông bà con cô bác phản ánh nhiều lần. '.repeat(400)}Ông Mật`;
    expect(mask(long)).toBe(`${long.slice(0, -3)}${H}`);
  });
});

describe('groupMasker: a folded case does not name its residential group', () => {
  const mask = groupMasker(Array.from({ length: 40 }, (_, i) => `Tổ dân phố ${i + 1}`));

  it('hides a group however it is written, and only whole numbers', () => {
    expect(mask('Tổ dân phố 5 phản ánh; tổ 5; TDP 5; TDP số 5; tổ dân phố số 5; to dan pho 5; TDP5.')).toBe(`${H} phản ánh; ${H}; ${H}; ${H}; ${H}; ${H}; ${H}.`);
    expect(mask('Tổ dân phố 50 không có; tổ 5A; 5 tổ trưởng; ngõ 5')).toBe('Tổ dân phố 50 không có; tổ 5A; 5 tổ trưởng; ngõ 5');
  });

  it('works with named groups too', () => {
    const named = groupMasker(['Khu phố Hàng Bông', 'TDP Đông Hưng']);
    expect(named('Khu phố Hàng Bông, khu phố hang bong, TDP Đông Hưng, tổ Đông Hưng; phố Hàng Bông')).toBe(`${H}, ${H}, ${H}, ${H}; phố Hàng Bông`);
  });
});

describe('the publication and the board hide names and folded groups', () => {
  const at = (iso: string) => new Date(`${iso}T02:00:00Z`);
  const c = (code: string, group: string, category: string, summary: string, answer: string): BoardCase => ({
    code, receivedAt: at('2026-11-05'), group, category, status: STATUS.answered, outcome: '', dueDate: at('2026-11-14'), answerSentAt: at('2026-11-06'), closedAt: '', answerPublic: true, publicSummary: summary, answer, approvedBy: '', confidential: false, hiddenFromPublic: false,
  });
  const groups = ['Tổ dân phố 1', 'Tổ dân phố 2'];
  const cases = [
    c('GY-2026-00001', 'Tổ dân phố 1', 'Môi trường', 'Ông Nguyễn Văn Bí Mật báo rác ở tổ 1.', 'Kính gửi ông Mật: đã thu gom.'),
    c('GY-2026-00002', 'Tổ dân phố 1', 'Môi trường', 'Rác ngõ 3, giữ bí mật.', 'Đã thu gom.'),
    c('GY-2026-00003', 'Tổ dân phố 1', 'Môi trường', 'Rác ngõ 4.', 'Đã thu gom.'),
    c('GY-2026-00004', 'Tổ dân phố 2', 'An ninh, trật tự', 'TDP 2 báo mất trộm; bà Hoa ở Tổ dân phố 2.', 'Đã tuần tra ở tổ dân phố số 2 và tổ 1.'),
  ];
  const names = new Map([['GY-2026-00001', 'Nguyễn Văn Bí Mật'], ['GY-2026-00004', 'Trần Thị Hoa']]);

  it('reads the names once for the whole publication, and not at all when no text is shown', () => {
    let reads = 0;
    const pub = buildPublication(cases, { year: 2026, month: 11 }, { groups, names: () => (reads++, names) });
    expect(reads).toBe(1);
    const row = (code: string) => pub.rows.find((r) => r.code === code)!;
    expect(row('GY-2026-00001')).toMatchObject({ group: 'Tổ dân phố 1', summary: `Ông ${H} báo rác ở tổ 1.`, answer: `Kính gửi ông ${H}: đã thu gom.` });
    expect(row('GY-2026-00002').summary).toBe('Rác ngõ 3, giữ bí mật.');
    expect(row('GY-2026-00004')).toMatchObject({ group: OTHER_GROUPS, summary: `${H} báo mất trộm; bà ${H} ở ${H}.`, answer: `Đã tuần tra ở ${H} và ${H}.` });
    const hidden = cases.map((x) => ({ ...x, answerPublic: false }));
    buildPublication(hidden, { year: 2026, month: 11 }, { groups, names: () => (reads++, names) });
    expect(reads).toBe(1);
  });

  it('the board: the same texts, the names read only for a page that shows one', () => {
    let reads = 0;
    const disclosure = { groups, names: () => (reads++, names) };
    expect(buildBoard(cases, { year: 2026, month: 11 }, OTHER_GROUPS, disclosure).rows[0]).toMatchObject({ summary: `${H} báo mất trộm; bà ${H} ở ${H}.` });
    expect(buildBoard(cases, { year: 2026, month: 11 }, 'Tổ dân phố 1', disclosure).rows[0]).toMatchObject({ summary: `Ông ${H} báo rác ở tổ 1.` });
    expect(reads).toBe(2);
    expect(buildBoard(cases, { year: 2026, month: 11 }, 'Tổ dân phố 2', disclosure).rows).toEqual([]);
    expect(reads).toBe(2);
  });

  it('an unlisted group of a folded case is hidden too', () => {
    const odd = [c('GY-2026-00009', 'Khu phố Đông', 'Khác', 'Khu phố Đông báo rác.', 'Đã thu gom ở khu phố Đông.')];
    expect(buildPublication(odd, { year: 2026, month: 11 }, { groups, names: () => names }).rows[0]).toMatchObject({ group: OTHER_GROUPS, summary: `${H} báo rác.`, answer: `Đã thu gom ở ${H}.` });
  });
});

describe('historyFor: the history as handlers and viewers read it', () => {
  const events: HistoryEvent[] = [
    { v: 1, at: '2026-11-24T02:00:00.000Z', by: 'Biểu mẫu', action: 'Tiếp nhận', detail: 'QR' },
    { v: 2, at: '2026-11-24T03:00:00.000Z', by: 'admin@x.vn', action: 'Chuyển xử lý', changes: [{ field: 'Người xử lý', from: '', to: 'ubnd@x.vn' }] },
    { v: 3, at: '2026-11-24T04:00:00.000Z', by: 'admin@x.vn', action: 'Soạn trả lời', changes: [{ field: 'Nội dung trả lời', from: '', to: 'Đã gọi 0912345678, nhà số 15 ngõ 7.' }] },
    { v: 4, at: '2026-11-24T05:00:00.000Z', by: 'admin@x.vn', action: 'Ghi nhận cuộc gọi trả lời', detail: 'Ông Bí Mật nghe máy.', changes: [{ field: 'Hình thức trả lời', from: '', to: 'Điện thoại' }] },
    { v: 5, at: '2026-11-24T06:00:00.000Z', by: 'admin@x.vn', action: 'Ghi nhận thư trả lời đã gửi', detail: 'Trao tay bà Hoa.' },
    { v: 6, at: '2026-11-24T07:00:00.000Z', by: 'admin@x.vn', action: 'Phản ánh lại', detail: 'Vẫn ngập, gọi 0912.345.678 → GY-2026-00007' },
  ];
  // As the history cell holds them: events written before this rule are covered by their action.
  const stored = parseHistory(appendHistory('', events));

  it('admins read everything', () => {
    expect(historyFor('admin', stored)).toEqual(stored);
  });

  it('handlers and viewers: no call or letter notes, contact details masked, the rest as it is', () => {
    for (const role of ['handler', 'viewer'] as const) {
      const seen = historyFor(role, stored);
      expect(seen.map((e) => e.action)).toEqual(events.map((e) => e.action));
      expect(seen[3]).toEqual({ ...stored[3], detail: undefined, changes: [{ field: 'Hình thức trả lời', from: '', to: 'Điện thoại' }] });
      expect(seen[3]).not.toHaveProperty('detail');
      expect(seen[4]).not.toHaveProperty('detail');
      expect(seen[1].changes![0].to).toBe('ubnd@x.vn');
      expect(seen[2].changes![0].to).toBe(`Đã gọi ${H}, nhà số 15 ngõ 7.`);
      expect(seen[5].detail).toBe(`Vẫn ngập, gọi ${H} → GY-2026-00007`);
    }
  });
});
