import { OUTCOME, STATUS } from '../../src/domain/case';
import { buildPublication, MIN_CELL, naturalCompare, OTHER_GROUPS, type PublicationCase } from '../../src/domain/publication';
import { HIDDEN_MARK, scrubPublicText } from '../../src/domain/text/scrub';

const H = HIDDEN_MARK;

describe('scrubPublicText: hostile summaries', () => {
  it('hides mobile numbers however they are written', () => {
    const written = [
      '0912345678',
      '0912 345 678',
      '0912.345.678',
      '0912-345-678',
      '091 234 5678',
      '0912 - 345 - 678',
      '0912–345–678',
      '+84 912 345 678',
      '+84912345678',
      '84912345678',
      '(+84) 912-345-678',
      '+84 (0) 912 345 678',
      '0084 912 345 678',
      '0 9 1 2 3 4 5 6 7 8',
      '0912\u00a0345\u00a0678',
      '0333 444 555',
      '0561234567',
      '0701234567',
      '0861234567',
    ];
    for (const phone of written) expect(scrubPublicText(`Gọi ${phone} nhé`)).toBe(`Gọi ${H} nhé`);
  });

  it('hides landlines (02x + 8 digits)', () => {
    expect(scrubPublicText('Bàn: 024 3825 1234, (024) 3825-1234, 02438251234, +84 24 3825 1234, 0236.3821.456.'))
      .toBe(`Bàn: ${H}, ${H}, ${H}, ${H}, ${H}.`);
  });

  it('hides numbers split by zero-width characters, written in full-width or other scripts, or with marks on digits', () => {
    expect(scrubPublicText('SĐT 0\u200b9\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8 gọi tối')).toBe(`SĐT ${H} gọi tối`);
    expect(scrubPublicText('gọi 09\u200d12\u2060345\ufeff678 nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi ０９１２３４５６７８ nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi ０９１２－３４５－６７８ nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi ＋８４ ９１２ ３４５ ６７８ nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi ٠٩١٢٣٤٥٦٧٨ nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi 0𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖 nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi 0\ufe0f\u20e39\u0336123456 78 nhé')).toBe(`gọi ${H} nhé`);
    expect(scrubPublicText('gọi 0912\u202e876\u202c543 nhé')).toBe(`gọi ${H} nhé`);
  });

  it('hides numbers glued to words', () => {
    expect(scrubPublicText('SĐT0912345678, Zalo:0912345678.')).toBe(`SĐT${H}, Zalo:${H}.`);
  });

  it('hides citizen ID numbers, labelled or standing alone', () => {
    expect(scrubPublicText('CCCD 001203004567 của tôi')).toBe(`CCCD ${H} của tôi`);
    expect(scrubPublicText('CCCD số: 001203004567 cấp ngày 12/05/2021')).toBe(`CCCD số: ${H} cấp ngày 12/05/2021`);
    expect(scrubPublicText('số căn cước 001 203 004 567')).toBe(`số căn cước ${H}`);
    expect(scrubPublicText('Căn cước công dân: 001.203.004.567')).toBe(`Căn cước công dân: ${H}`);
    expect(scrubPublicText('CMND 012345678, CMT: 145 678 901')).toBe(`CMND ${H}, CMT: ${H}`);
    expect(scrubPublicText('mình là 001203004567 nhé')).toBe(`mình là ${H} nhé`);
    expect(scrubPublicText('số 123456789 đó')).toBe(`số ${H} đó`);
    expect(scrubPublicText('cccd 0012 0300 4567')).toBe(`cccd ${H}`);
  });

  it('hides other identity numbers after their label, keeping the label', () => {
    expect(scrubPublicText('hộ chiếu C1234567; sổ đỏ AB 123456; STK 1903 1234 5678 90; MST 0101234567; thửa đất số 123 tờ bản đồ số 45'))
      .toBe(`hộ chiếu ${H}; sổ đỏ ${H}; STK ${H}; MST ${H}; thửa đất số ${H} tờ bản đồ số 45`);
    expect(scrubPublicText('xe 30A-123.45 đỗ chắn lối, biển số 59X1-123.45')).toBe(`xe ${H} đỗ chắn lối, biển số ${H}`);
  });

  it('hides e-mail addresses and profile links', () => {
    expect(scrubPublicText('Email nguyen.van.a@gmail.com, NVA@Yahoo.com.vn. Sau đó')).toBe(`Email ${H}, ${H}. Sau đó`);
    expect(scrubPublicText('gửi abc (at) gmail (dot) com hoặc trần.văn.bình@gmail.com')).toBe(`gửi ${H} hoặc ${H}`);
    expect(scrubPublicText('gửi ａｂｃ＠ｇｍａｉｌ．ｃｏｍ')).toBe(`gửi ${H}`);
    expect(scrubPublicText('facebook.com/nguyenvana và https://zalo.me/0912345678')).toBe(`${H} và ${H}`);
  });

  it('hides house numbers but keeps the lane or street', () => {
    expect(scrubPublicText('số nhà 15 ngõ 7')).toBe(`số nhà ${H} ngõ 7`);
    expect(scrubPublicText('Số nhà 15, ngõ 7 phố Huế')).toBe(`Số nhà ${H}, ngõ 7 phố Huế`);
    expect(scrubPublicText('nhà số 12A bị dột')).toBe(`nhà số ${H} bị dột`);
    expect(scrubPublicText('số 12 ngõ 5 phố Huế')).toBe(`số ${H} ngõ 5 phố Huế`);
    expect(scrubPublicText('nhà 15 ngõ 7')).toBe(`nhà ${H} ngõ 7`);
    expect(scrubPublicText('15B ngõ 7 bị ngập')).toBe(`${H} ngõ 7 bị ngập`);
    expect(scrubPublicText('12/3 Lê Lợi')).toBe(`${H} Lê Lợi`);
    expect(scrubPublicText('45/12/3 đường Hoàng Diệu')).toBe(`${H} đường Hoàng Diệu`);
    expect(scrubPublicText('số 5 ngách 4/12 phố Xã Đàn')).toBe(`số ${H} ngách 4/12 phố Xã Đàn`);
    expect(scrubPublicText('SN 7 Lê Lợi; số 9 Lê Lợi; tại 45/12 Hoàng Diệu; ở số 12 bị ngập; căn hộ A-1205'))
      .toBe(`SN ${H} Lê Lợi; số ${H} Lê Lợi; tại ${H} Hoàng Diệu; ở số ${H} bị ngập; căn hộ ${H}`);
    expect(scrubPublicText('Đèn trước 15 ngõ 7 hỏng; địa chỉ là 15 ngõ 7; gần 17 ngõ 7; trước 12/3 đường Lê Lợi'))
      .toBe(`Đèn trước ${H} ngõ 7 hỏng; địa chỉ là ${H} ngõ 7; gần ${H} ngõ 7; trước ${H} đường Lê Lợi`);
    // Typed without diacritics or decomposed.
    expect(scrubPublicText('so nha 15 ngo 7')).toBe(`so nha ${H} ngo 7`);
    expect(scrubPublicText('so\u0302\u0301 nha\u0300 15 ngo\u0303 7')).toBe(`số nhà ${H} ngõ 7`);
    expect(scrubPublicText('SỐ NHÀ 15 NGÕ 7')).toBe(`SỐ NHÀ ${H} NGÕ 7`);
  });

  it('keeps HTML-like text as text (escaping is the renderer\'s job)', () => {
    const html = '<b>Đèn</b> hỏng <script>alert("x")</script> & <a href="#">ngõ 7</a>';
    expect(scrubPublicText(html)).toBe(html);
    expect(scrubPublicText('<i>gọi 0912345678</i>')).toBe(`<i>gọi ${H}</i>`);
  });

  it('removes invisible characters and normalises to NFC', () => {
    expect(scrubPublicText('Đe\u0300n đươ\u0300ng\u200b hỏng')).toBe('Đèn đường hỏng');
    expect(scrubPublicText('')).toBe('');
  });
});

describe('scrubPublicText: what it keeps', () => {
  it('keeps dates, case codes, amounts, quantities and lanes', () => {
    const kept = [
      'Ngày 24/11/2026 và 2026-11-24, hạn 5/12/2026, ngày 24.11.2026 lúc 10:30',
      'Mã GY-2026-00012 và GY-2026-000123',
      'Đã lắp 2 thùng rác, kinh phí 50 triệu đồng (50.000.000 đồng), tổng 1.500.000.000 đồng, 150000000 đồng, 84.500.000.000 đồng',
      'Thu gom 12 m3 rác tại ngõ 7, ngách 4/12, hẻm 12/3 đường Lê Lợi, kiệt 45/12 Hoàng Diệu, đường số 5 Khu đô thị',
      'Tổ dân phố số 5 Phường Yên Hòa; Công văn số 12/UBND-VP ngày 3/11/2026; Quyết định số 12/2026/QĐ-UBND; Điều 112 Bộ luật Lao động',
      'nhà 2 tầng, có 2 ngõ bị ngập, 3 phố bị ngập, ngày 12/3 Ban công tác họp, từ 12/3 đến 15/3, 05.12.2026 09.30',
      'Trong tháng 11, ngõ 7 được sửa. Tháng 11 ngõ 7 hết ngập. Năm 2026 có 40 tổ dân phố.',
      'Từ 12/3 UBND phường ra quân; ngày 12/3 đường Lê Lợi thông xe; Tổ 5 ngõ 7 họp; có 2 ngõ Xuân Thủy bị ngập',
    ];
    for (const text of kept) expect(scrubPublicText(text)).toBe(text);
  });

  it('keeps a case code but not a phone number next to it', () => {
    expect(scrubPublicText('Ý kiến GY-2026-00012 (0912345678)')).toBe(`Ý kiến GY-2026-00012 (${H})`);
    expect(scrubPublicText('Ngày 01.12.2026 0912345678 gọi')).toBe(`Ngày 01.12.2026 ${H} gọi`);
  });

  it('stays fast on long, hostile input (this process\'s CPU time, which other processes\' load does not change)', () => {
    const long = 'số nhà 15 ngõ 7 0912345678 abc@x.com 12/3 Lê Lợi '.repeat(400) + '12/'.repeat(2000) + '1 '.repeat(3000);
    // CPU time, not wall time: a shared machine slows the wall clock, never the work done here; a
    // regular expression that backtracks catastrophically burns seconds of CPU whatever the load.
    const started = process.cpuUsage();
    const out = scrubPublicText(long);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    expect(out).not.toMatch(/0912|abc@|số nhà 15/);
  });
});

// ------------------------------------------------------------------------------------------------

const T = {
  env: 'Môi trường',
  order: 'Trật tự đô thị',
  security: 'An ninh trật tự',
};

let seq = 0;
function mk(o: Partial<PublicationCase>): PublicationCase {
  seq += 1;
  return {
    code: `GY-2026-${String(seq).padStart(5, '0')}`,
    receivedAt: new Date('2026-11-02T02:00:00Z'),
    group: 'Tổ dân phố 1',
    category: T.env,
    status: STATUS.answered,
    outcome: '',
    answerSentAt: new Date('2026-11-10T03:00:00Z'),
    closedAt: '',
    answerPublic: false,
    publicSummary: '',
    answer: '',
    approvedBy: '',
    confidential: false,
    hiddenFromPublic: false,
    ...o,
  };
}

const NOV = { year: 2026, month: 11 };

describe('buildPublication: small cells are folded', () => {
  it('shows a group × category cell under 3 cases as "Các tổ dân phố khác", in rows and totals', () => {
    expect(MIN_CELL).toBe(3);
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
    const cases = [
      // Tổ 1 × Môi trường: 3 cases → shown as Tổ 1.
      mk({ code: 'GY-2026-00003', receivedAt: day(3) }),
      mk({ code: 'GY-2026-00001', receivedAt: day(3) }),
      mk({ code: 'GY-2026-00007', receivedAt: day(5), status: STATUS.closed, outcome: OUTCOME.resolved, closedAt: day(20) }),
      // Tổ 1 × An ninh: 1 case → folded.
      mk({ code: 'GY-2026-00002', receivedAt: day(2), category: T.security }),
      // Tổ 10 × Môi trường: 2 cases and a misuse case (which must not lift the cell to 3) → folded.
      mk({ code: 'GY-2026-00010', receivedAt: day(6), group: 'Tổ dân phố 10' }),
      mk({ code: 'GY-2026-00011', receivedAt: day(6), group: 'Tổ dân phố 10' }),
      mk({ code: 'GY-2026-00012', receivedAt: day(6), group: 'Tổ dân phố 10', status: STATUS.closed, outcome: OUTCOME.misuse, hiddenFromPublic: true, answerSentAt: '', closedAt: day(8) }),
      // Tổ 2 × Trật tự đô thị: 3 cases → shown as Tổ 2.
      mk({ code: 'GY-2026-00020', receivedAt: day(1), group: 'Tổ dân phố 2', category: T.order }),
      mk({ code: 'GY-2026-00021', receivedAt: day(1), group: 'Tổ dân phố 2', category: T.order }),
      mk({ code: 'GY-2026-00022', receivedAt: day(4), group: 'Tổ dân phố 2', category: T.order, status: STATUS.closed, outcome: OUTCOME.notCompetent, answerSentAt: '', closedAt: day(9) }),
      // No known group, not classified yet (closed as duplicate) → folded, "Chưa phân loại".
      mk({ code: 'GY-2026-00030', receivedAt: day(7), group: '', category: '', status: STATUS.closed, outcome: OUTCOME.duplicate, answerSentAt: '', closedAt: day(7) }),
    ];
    const p = buildPublication(cases, NOV);
    const row = (code: string, receivedOn: string, group: string, category: string, status: string, outcome = '') => ({ code, receivedOn, group, category, status, outcome, summary: '', answer: '' });
    expect(p.label).toBe('Tháng 11 năm 2026');
    expect(p.rows).toEqual([
      row('GY-2026-00020', '01/11/2026', 'Tổ dân phố 2', T.order, STATUS.answered),
      row('GY-2026-00021', '01/11/2026', 'Tổ dân phố 2', T.order, STATUS.answered),
      row('GY-2026-00002', '02/11/2026', OTHER_GROUPS, T.security, STATUS.answered),
      row('GY-2026-00001', '03/11/2026', 'Tổ dân phố 1', T.env, STATUS.answered),
      row('GY-2026-00003', '03/11/2026', 'Tổ dân phố 1', T.env, STATUS.answered),
      row('GY-2026-00022', '04/11/2026', 'Tổ dân phố 2', T.order, STATUS.closed, OUTCOME.notCompetent),
      row('GY-2026-00007', '05/11/2026', 'Tổ dân phố 1', T.env, STATUS.closed, OUTCOME.resolved),
      row('GY-2026-00010', '06/11/2026', OTHER_GROUPS, T.env, STATUS.answered),
      row('GY-2026-00011', '06/11/2026', OTHER_GROUPS, T.env, STATUS.answered),
      row('GY-2026-00030', '07/11/2026', OTHER_GROUPS, 'Chưa phân loại', STATUS.closed, OUTCOME.duplicate),
    ]);
    expect(p.totals).toEqual({
      total: 10,
      // 00007 was answered (10/11) and closed (20/11) in November: it counts in both, listed once.
      answered: 8,
      closed: 3,
      byCategory: [
        { category: T.env, count: 5 },
        { category: T.order, count: 3 },
        { category: T.security, count: 1 },
        { category: 'Chưa phân loại', count: 1 },
      ],
      byGroup: [
        { group: 'Tổ dân phố 1', count: 3 },
        { group: 'Tổ dân phố 2', count: 3 },
        { group: OTHER_GROUPS, count: 4 },
      ],
    });
  });

  it('orders groups naturally: "Tổ 2" before "Tổ 10"', () => {
    expect(['Tổ 10', 'Tổ 2', 'Tổ 1', 'Ấp 3', 'An'].sort(naturalCompare)).toEqual(['An', 'Ấp 3', 'Tổ 1', 'Tổ 2', 'Tổ 10']);
  });
});

describe('buildPublication: texts', () => {
  const SECRET_SUMMARY = 'BÍ MẬT tóm tắt';
  const SECRET_ANSWER = 'BÍ MẬT trả lời';

  it('shows an approved summary and the sent answer, scrubbed', () => {
    const c = mk({
      answerPublic: true,
      publicSummary: 'Đèn đường trước số nhà 15 ngõ 7 hỏng, liên hệ 0912 345 678.',
      answer: 'UBND phường đã thay bóng đèn ngày 24/11/2026 (GY-2026-00040). Mọi thắc mắc gửi hotro@gmail.com.',
    });
    const [row] = buildPublication([c], NOV).rows;
    expect(row.summary).toBe(`Đèn đường trước số nhà ${H} ngõ 7 hỏng, liên hệ ${H}.`);
    expect(row.answer).toBe(`UBND phường đã thay bóng đèn ngày 24/11/2026 (GY-2026-00040). Mọi thắc mắc gửi ${H}.`);
  });

  it('never shows the texts of misuse, confidential or unapproved cases', () => {
    const text = { publicSummary: SECRET_SUMMARY, answer: SECRET_ANSWER, answerPublic: true };
    const misuse = mk({ ...text, code: 'GY-2026-00901', status: STATUS.closed, outcome: OUTCOME.misuse, hiddenFromPublic: true, closedAt: new Date('2026-11-12T03:00:00Z') });
    // Hidden by staff, even with an ordinary outcome and a publication flag left on.
    const hidden = mk({ ...text, code: 'GY-2026-00902', hiddenFromPublic: true });
    // Marked misuse but the hidden flag was lost: the outcome alone keeps it out.
    const misuseOnly = mk({ ...text, code: 'GY-2026-00903', status: STATUS.closed, outcome: OUTCOME.misuse, closedAt: new Date('2026-11-12T03:00:00Z') });
    const confidential = mk({ ...text, code: 'GY-2026-00904', confidential: true });
    const unapproved = mk({ ...text, code: 'GY-2026-00905', answerPublic: false });
    const noSummary = mk({ ...text, code: 'GY-2026-00906', publicSummary: '   ' });
    const p = buildPublication([misuse, hidden, misuseOnly, confidential, unapproved, noSummary], NOV);
    const all = JSON.stringify(p);
    expect(all).not.toContain('BÍ MẬT');
    expect(all).not.toContain('00901');
    expect(all).not.toContain('00902');
    expect(all).not.toContain('00903');
    expect(all).not.toContain(OUTCOME.misuse);
    expect(p.rows.map((r) => [r.code, r.summary, r.answer])).toEqual([
      ['GY-2026-00904', '', ''],
      ['GY-2026-00905', '', ''],
      ['GY-2026-00906', '', ''],
    ]);
    expect(p.totals.total).toBe(3);
    expect(p.totals.answered).toBe(3);
    expect(p.totals.closed).toBe(0);
    expect(p.totals.byGroup).toEqual([{ group: 'Tổ dân phố 1', count: 3 }]);
  });

  it('shows an approved summary but no answer when the case was closed without the answer being sent', () => {
    const c = mk({
      answerPublic: true,
      publicSummary: 'Phản ánh lấn chiếm vỉa hè',
      answer: 'Dự thảo chưa gửi',
      answerSentAt: '',
      status: STATUS.closed,
      outcome: OUTCOME.notCompetent,
      closedAt: new Date('2026-11-15T03:00:00Z'),
    });
    const [row] = buildPublication([c], NOV).rows;
    expect(row).toMatchObject({ summary: 'Phản ánh lấn chiếm vỉa hè', answer: '', status: STATUS.closed, outcome: OUTCOME.notCompetent });
  });
});

describe('buildPublication: month boundaries in Vietnam time', () => {
  it('puts an answer sent at 2026-11-30T17:30Z (01/12 00:30 in Hà Nội) in December', () => {
    const c = mk({ code: 'GY-2026-00500', receivedAt: new Date('2026-11-30T16:30:00Z'), answerSentAt: new Date('2026-11-30T17:30:00Z') });
    expect(buildPublication([c], NOV).rows).toEqual([]);
    const dec = buildPublication([c], { year: 2026, month: 12 });
    expect(dec.label).toBe('Tháng 12 năm 2026');
    // Received 30/11 23:30 in Hà Nội.
    expect(dec.rows.map((r) => [r.code, r.receivedOn])).toEqual([['GY-2026-00500', '30/11/2026']]);
    expect(dec.totals).toMatchObject({ total: 1, answered: 1, closed: 0 });
  });

  it('counts the first and last instants of the month in Vietnam time', () => {
    const first = mk({ code: 'GY-2026-00601', answerSentAt: new Date('2026-10-31T17:00:00Z') }); // 01/11 00:00
    const last = mk({ code: 'GY-2026-00602', answerSentAt: '', status: STATUS.closed, outcome: OUTCOME.insufficient, closedAt: new Date('2026-11-30T16:59:59Z') }); // 30/11 23:59:59
    const before = mk({ code: 'GY-2026-00603', answerSentAt: new Date('2026-10-31T16:59:59Z') }); // 31/10 23:59:59
    const p = buildPublication([first, last, before], NOV);
    expect(p.rows.map((r) => r.code).sort()).toEqual(['GY-2026-00601', 'GY-2026-00602']);
    expect(p.totals).toMatchObject({ total: 2, answered: 1, closed: 1 });
  });

  it('lists a case answered in November and closed in December in both months', () => {
    const c = mk({ code: 'GY-2026-00700', status: STATUS.closed, outcome: OUTCOME.resolved, answerSentAt: new Date('2026-11-28T03:00:00Z'), closedAt: new Date('2026-12-02T03:00:00Z') });
    expect(buildPublication([c], NOV).totals).toMatchObject({ total: 1, answered: 1, closed: 0 });
    expect(buildPublication([c], { year: 2026, month: 12 }).totals).toMatchObject({ total: 1, answered: 0, closed: 1 });
  });

  it('does not list a written answer that never reached the resident', () => {
    // Saved as "Đã trả lời" before answer states told the truth: really a draft.
    const c = mk({ answerSentAt: '', status: STATUS.answered });
    expect(buildPublication([c], NOV).rows).toEqual([]);
  });

  it('refuses an impossible month', () => {
    expect(() => buildPublication([], { year: 2026, month: 13 })).toThrow(RangeError);
    expect(() => buildPublication([], { year: 2026, month: 0 })).toThrow(RangeError);
  });
});
