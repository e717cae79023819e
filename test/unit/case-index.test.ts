/** The inbox index cell: versioned, round-trips every field, and still reads the first layout. */
import { appendHistory, buildIndex, INDEX_VERSION, indexVersion, parseHistory, parseIndex, type IndexedFields } from '../../src/domain/case-record';

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
    });
  });

  it('reads the first layout (no version number) and says it is version 1, so it gets rebuilt', () => {
    const v1 = JSON.stringify(['GY-2026-00001', Date.UTC(2026, 10, 24, 2), 'QR', 'Tổ dân phố 1', '', '', 'Mới tiếp nhận', 20790, null, '', '', '', 0, 'Đèn hỏng', 'den hong']);
    expect(indexVersion(v1)).toBe(1);
    expect(parseIndex(v1)).toMatchObject({ code: 'GY-2026-00001', status: 'Mới tiếp nhận', answeredAt: null, confidential: false });
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
