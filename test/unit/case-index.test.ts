/** The inbox index cell: versioned, round-trips every field, and still reads the first layout. */
import { appendHistory, buildIndex, INDEX_FIELDS, INDEX_VERSION, indexLayout, indexVersion, parseHistory, parseIndex, type IndexedFields } from '../../src/domain/case-record';

const at = (iso: string) => new Date(iso);

const record: IndexedFields = {
  code: 'GY-2026-00042',
  receivedAt: at('2026-11-24T02:00:00Z'), // 09:00 on 24/11 in Hà Nội
  channel: 'QR',
  group: 'Tổ dân phố 3',
  category: 'Môi trường',
  suggestedCategory: 'Môi trường',
  status: 'Đang xử lý',
  dueDate: at('2026-12-02T17:00:00Z'), // midnight 03/12 in Hà Nội
  bodyDueDate: '',
  assignedBody: 'UBND phường',
  assignee: 'ubnd@luukiem.example',
  outcome: '',
  hiddenFromPublic: false,
  content: 'Rác thải ùn ứ ở ngõ 7 "đường Lê Lợi"',
  location: 'Ngõ 7',
  answeredAt: at('2026-11-26T03:00:00Z'),
  answerSentAt: '',
  confidential: true,
  complexity: 'Phức tạp',
  hasEmail: false,
  hasPhone: true,
  answerMethod: '',
};

describe('the case index cell', () => {
  it(`is version ${INDEX_VERSION} and round-trips every field`, () => {
    const cell = buildIndex(record);
    expect(indexVersion(cell)).toBe(INDEX_VERSION);
    const e = parseIndex(cell)!;
    // Days are counted from 1970-01-01 in Hà Nội: 24/11/2026 is day 20781, 03/12/2026 day 20790.
    expect(e).toEqual({
      code: 'GY-2026-00042',
      receivedAt: Date.UTC(2026, 10, 24, 2),
      receivedDay: 20781,
      channel: 'QR',
      group: 'Tổ dân phố 3',
      category: 'Môi trường',
      suggestedCategory: 'Môi trường',
      status: 'Đang xử lý',
      dueDay: 20790,
      bodyDueDay: null,
      assignedBody: 'UBND phường',
      assignee: 'ubnd@luukiem.example',
      outcome: '',
      hidden: false,
      summary: 'Rác thải ùn ứ ở ngõ 7 "đường Lê Lợi"',
      search: 'gy 2026 00042 to dan pho 3 moi truong ngo 7 rac thai un u o ngo 7 duong le loi',
      answeredAt: Date.UTC(2026, 10, 26, 3),
      answerSentAt: null,
      confidential: true,
      complexity: 'Phức tạp',
      hasEmail: false,
      hasPhone: true,
      answerMethod: '',
      rating: null,
      policeTransfer: '',
    });
  });

  it('reads the first layout (no version number) and says it is version 1, so it gets rebuilt', () => {
    const v1 = JSON.stringify(['GY-2026-00001', Date.UTC(2026, 10, 24, 2), 'QR', 'Tổ dân phố 1', '', '', 'Mới tiếp nhận', 20790, null, '', '', '', 0, 'Đèn hỏng', 'den hong']);
    expect(indexVersion(v1)).toBe(1);
    expect(parseIndex(v1)).toMatchObject({ code: 'GY-2026-00001', status: 'Mới tiếp nhận', answeredAt: null, confidential: false });
  });

  it('reads a v2 and a v3 cell written by hand: the fields a layout lacks read as their defaults', () => {
    const v1 = ['GY-2026-00002', Date.UTC(2026, 10, 24, 2), 'Zalo', 'Tổ dân phố 2', 'Môi trường', '', 'Đã trả lời', 20790, 20788, 'UBND phường', 'a@x.vn', '', 1, 'Ngập', 'ngap'];
    const v2 = JSON.stringify([2, ...v1, Date.UTC(2026, 10, 25), Date.UTC(2026, 10, 26), 1, 'Bình thường']);
    expect(indexVersion(v2)).toBe(2);
    expect(parseIndex(v2)).toMatchObject({ code: 'GY-2026-00002', bodyDueDay: 20788, hidden: true, summary: 'Ngập', search: 'ngap', answeredAt: Date.UTC(2026, 10, 25), answerSentAt: Date.UTC(2026, 10, 26), confidential: true, complexity: 'Bình thường', hasEmail: false, hasPhone: false, answerMethod: '', rating: null });
    const v3 = JSON.stringify([3, ...v1, null, null, 0, 'Phức tạp', 1, 0, 'Email']);
    expect(parseIndex(v3)).toMatchObject({ answeredAt: null, confidential: false, complexity: 'Phức tạp', hasEmail: true, hasPhone: false, answerMethod: 'Email', rating: null });
    expect(parseIndex(JSON.stringify([4, ...v1, null, null, 0, '', 0, 1, 'Điện thoại', 5]))).toMatchObject({ hasPhone: true, answerMethod: 'Điện thoại', rating: 5, policeTransfer: '' });
    expect(parseIndex(JSON.stringify([5, ...v1, null, null, 0, '', 0, 1, '', null, 'Đã chuyển']))).toMatchObject({ rating: null, policeTransfer: 'Đã chuyển' });
  });

  it('writes and reads every layout from the one field list, each version only appending fields', () => {
    const since = INDEX_FIELDS.map((f) => f.since);
    expect(since).toEqual([...since].sort((a, b) => a - b));
    expect(indexLayout(INDEX_VERSION)).toHaveLength(INDEX_FIELDS.length);
    const current = parseIndex(buildIndex({ ...record, rating: 4, policeTransfer: 'Đã chuyển' }))!;
    expect([current.rating, current.policeTransfer]).toEqual([4, 'Đã chuyển']);
    for (let v = 1; v <= INDEX_VERSION; v += 1) {
      const cell = buildIndex({ ...record, rating: 4, policeTransfer: 'Đã chuyển' }, v);
      expect(indexVersion(cell)).toBe(v);
      expect(JSON.parse(cell)).toHaveLength(indexLayout(v).length + (v === 1 ? 0 : 1));
      const e = parseIndex(cell)!;
      for (const f of INDEX_FIELDS) expect([f.name, e[f.name]]).toEqual([f.name, f.since <= v ? current[f.name] : f.absent]);
    }
  });

  it('refuses what is not an index, or a layout newer than this code knows', () => {
    expect(parseIndex('')).toBeNull();
    expect(parseIndex('GY-2026-00001')).toBeNull();
    expect(parseIndex(`[${INDEX_VERSION + 1},"GY-2026-00001"]`)).toBeNull();
  });
});

describe('the history cell (issue 8.11: no English field names in any tab)', () => {
  const events = [
    { v: 1, at: '2026-11-24T02:00:00.000Z', by: 'Biểu mẫu', action: 'Tiếp nhận', detail: 'QR' },
    { v: 2, at: '2026-11-24T03:05:07.000Z', by: 'admin@luukiem.example', action: 'Phân loại', changes: [{ field: 'Lĩnh vực', from: '', to: 'Môi trường' }] },
    { v: 3, at: '2026-11-25T10:00:00.000Z', by: 'admin@luukiem.example', action: 'Ghi chú nội bộ', detail: 'Ông "Ba" nói:\n"}], {"v":9} → ' },
  ];

  it('is written with Vietnamese keys and Vietnam time, and reads back exactly', () => {
    const cell = appendHistory('', events);
    for (const english of ['"v"', '"at"', '"by"', '"action"', '"detail"', '"changes"', '"field"', '"from"', '"to"']) expect(cell).not.toContain(english);
    expect(cell).toContain('"lần":2');
    expect(cell).toContain('"lúc":"24/11/2026 10:05:07"');
    expect(cell).toContain('"thay đổi":[{"trường":"Lĩnh vực","cũ":"","mới":"Môi trường"}]');
    expect(parseHistory(cell)).toEqual(events);
  });

  it('reads a cell of the earlier English layout, and rewrites it in the new one with the next event', () => {
    const old = JSON.stringify(events.slice(0, 2));
    expect(parseHistory(old)).toEqual(events.slice(0, 2));
    const next = appendHistory(old, [events[2]]);
    expect(next).not.toContain('"action"');
    expect(parseHistory(next)).toEqual(events);
  });
});
