/**
 * domain/intake: from what a resident (or staff on their behalf) submitted to the records the
 * ward keeps. Expected values are worked out by hand: deadlines from a wall calendar (no holiday
 * falls between 24/11 and 3/12/2026), categories from the default keyword lists.
 */
import { parseIsoDate } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { CHANNELS, STATUS } from '../../src/domain/case';
import { parseHistory } from '../../src/domain/case-record';
import { compileRules } from '../../src/domain/classify';
import { canonicalGroup, CELL_LIMIT, prepareCase, type IntakeContext, type SubmissionInput } from '../../src/domain/intake';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { decodeOriginal } from '../../src/domain/text/sanitize';

const NOW = new Date('2026-11-24T02:05:00Z');
const ctx: IntakeContext = { settings: DEFAULT_SETTINGS, calendar: new WorkingCalendar(), rules: compileRules(DEFAULT_SETTINGS.categories), now: NOW };

function input(patch: Partial<SubmissionInput> = {}): SubmissionInput {
  // Tuesday 24/11/2026, 9:00 in Hà Nội.
  return { channel: CHANNELS.qr, receivedAt: new Date('2026-11-24T02:00:00Z'), group: 'Tổ dân phố 5', topic: '', content: 'Rác ở ngõ 7 ba ngày chưa thu gom', location: 'Ngõ 7', name: '', phone: '', email: '', confidential: false, responseKey: 'F1764122400-abc1234', ...patch };
}

describe('prepareCase: the case record', () => {
  it('a plain QR submission: a new case, due 7 working days later, its category suggested, no contact kept', () => {
    const p = prepareCase(input(), 'GY-2026-00001', ctx);
    // Tue 24/11 + 7 working days: 25, 26, 27, 30/11, 1, 2, 3/12 → Thursday 3/12/2026, midnight in Hà Nội.
    expect(p.dueDay).toBe(parseIsoDate('2026-12-03'));
    expect(p.fields.dueDate).toEqual(new Date('2026-12-02T17:00:00Z'));
    expect(p.fields).toMatchObject({
      code: 'GY-2026-00001', channel: 'QR', group: 'Tổ dân phố 5', groupKnown: true, suggestedCategory: 'Môi trường', category: '',
      content: 'Rác ở ngõ 7 ba ngày chưa thu gom', contentNote: '', contentOriginal: '', location: 'Ngõ 7', status: STATUS.new, complexity: 'Thường',
      hasEmail: false, hasPhone: false, assignedBody: '', answer: '', answerSentAt: '', responseKey: 'F1764122400-abc1234', version: 1, updatedAt: NOW,
    });
    expect(p.submitter).toBeNull();
    expect(p.acknowledge).toBe(false);
    expect(p.spilled).toEqual([]);
    expect(parseHistory(p.fields.history)).toEqual([{ v: 1, at: '2026-11-24T02:05:00.000Z', by: 'Biểu mẫu', action: 'Tiếp nhận', detail: 'QR' }]);
  });

  it("the resident's own chosen category is kept as the case's category to confirm; the keywords fill in only when none was chosen", () => {
    // The keywords alone read "karaoke, hàng xóm" as Đời sống khu dân cư; the resident chose Môi trường.
    const noisy = { content: 'Hàng xóm hát karaoke đến khuya, khói bếp than bay sang', location: 'Ngõ 3' };
    expect(prepareCase(input({ ...noisy, topic: 'Môi trường' }), 'GY-2026-00002', ctx).fields.suggestedCategory).toBe('Môi trường');
    expect(prepareCase(input({ ...noisy, topic: '' }), 'GY-2026-00003', ctx).fields.suggestedCategory).toBe('Đời sống khu dân cư');
    // A choice the ward's list no longer holds (a category since renamed, an old form) is not one.
    expect(prepareCase(input({ ...noisy, topic: 'Vệ sinh đô thị' }), 'GY-2026-00004', ctx).fields.suggestedCategory).toBe('Đời sống khu dân cư');
    // "Khác" is the resident's choice too: kept, staff reclassify it.
    expect(prepareCase(input({ ...noisy, topic: 'Khác' }), 'GY-2026-00006', ctx).fields.suggestedCategory).toBe('Khác');
    // Staff still confirm it: the case stays unclassified until they do.
    expect(prepareCase(input({ ...noisy, topic: 'Môi trường' }), 'GY-2026-00005', ctx).fields.category).toBe('');
  });

  it('a staff entry is recorded in the history under the staff member who typed it', () => {
    const p = prepareCase(input({ channel: CHANNELS.phone, responseKey: 'NV:canbo@luukiem.example' }), 'GY-2026-00002', ctx);
    expect(parseHistory(p.fields.history)[0]).toMatchObject({ by: 'canbo@luukiem.example', detail: CHANNELS.phone });
  });

  it('contact details go to the submitter record only; a valid e-mail is acknowledged', () => {
    const p = prepareCase(input({ name: ' Nguyễn Thị Lan ', phone: '0912 345 678', email: 'lan@gmail.com' }), 'GY-2026-00003', ctx);
    expect(p.submitter).toEqual({ code: 'GY-2026-00003', name: 'Nguyễn Thị Lan', phone: '0912 345 678', phoneValid: true, email: 'lan@gmail.com', emailValid: true, confidential: false, recordedAt: NOW });
    expect(p.fields).toMatchObject({ hasEmail: true, hasPhone: true, contentNote: '' });
    expect(JSON.stringify(p.fields)).not.toMatch(/Lan|0912|lan@gmail/);
    expect(p.acknowledge).toBe(true);
  });

  it('an invalid e-mail or phone is kept as typed, noted, never acknowledged', () => {
    const p = prepareCase(input({ phone: '12345', email: 'lan@gmail' }), 'GY-2026-00004', ctx);
    expect(p.submitter).toMatchObject({ phone: '12345', phoneValid: false, email: 'lan@gmail', emailValid: false });
    expect(p.fields.contentNote).toBe('Email người gửi không hợp lệ: không gửi thư. Số điện thoại người gửi không hợp lệ.');
    expect(p.acknowledge).toBe(false);
  });

  it('a confidential request with no contact still gets a submitter record (it carries the request)', () => {
    expect(prepareCase(input({ confidential: true }), 'GY-2026-00005', ctx).submitter).toMatchObject({ name: '', phone: '', email: '', confidential: true });
  });

  it('groups: matched without diacritics, case or extra spaces; unknown or blank ones kept and noted', () => {
    expect(canonicalGroup(DEFAULT_SETTINGS, '  to dan PHO   12 ')).toBe('Tổ dân phố 12');
    expect(canonicalGroup(DEFAULT_SETTINGS, 'Tổ dân phố 41')).toBeNull();
    expect(prepareCase(input({ group: 'to dan pho 12' }), 'X', ctx).fields).toMatchObject({ group: 'Tổ dân phố 12', groupKnown: true, contentNote: '' });
    expect(prepareCase(input({ group: 'Khu tập thể A' }), 'X', ctx).fields).toMatchObject({ group: 'Khu tập thể A', groupKnown: false, contentNote: 'Tổ dân phố "Khu tập thể A" không có trong danh sách.' });
    expect(prepareCase(input({ group: '' }), 'X', ctx).fields).toMatchObject({ group: '', groupKnown: false, contentNote: 'Chưa rõ tổ dân phố.' });
  });

  it('hidden characters are removed from the content, noted, and the exact original kept', () => {
    const typed = 'Rác\u200b ngõ\u202e 7';
    const p = prepareCase(input({ content: typed }), 'X', ctx);
    expect(p.fields.content).toBe('Rác ngõ 7');
    expect(p.fields.contentNote).toBe('Đã ẩn 2 ký tự điều khiển/vô hình; xem cột "Nội dung gốc".');
    expect(decodeOriginal(p.fields.contentOriginal)).toBe(typed);
  });

  it('content that a spreadsheet would read as a formula is flagged (and stored as text by the services)', () => {
    expect(prepareCase(input({ content: '=HYPERLINK("x")' }), 'X', ctx).fields.contentNote).toBe('Nội dung bắt đầu bằng ký tự công thức (=, +, -, @): được lưu nguyên văn dạng chữ.');
  });

  it('content longer than a cell: the first 50,000 characters in the case, the rest spilled, nothing lost', () => {
    const long = 'a'.repeat(CELL_LIMIT) + 'b'.repeat(CELL_LIMIT) + 'c'.repeat(10);
    const p = prepareCase(input({ content: long }), 'X', ctx);
    expect(CELL_LIMIT).toBe(50_000);
    expect(p.fields.content).toBe('a'.repeat(50_000));
    expect(p.spilled).toEqual([{ field: 'content', length: 100_010, parts: ['b'.repeat(50_000), 'c'.repeat(10)] }]);
    expect(p.fields.contentNote).toBe('Nội dung dài 100010 ký tự: phần tiếp theo ở tab "Nội dung dài".');
  });

  it('the category is suggested from the topic, content and location; nothing matched leaves it blank', () => {
    expect(prepareCase(input({ content: 'Đèn đường hỏng', location: '' }), 'X', ctx).fields.suggestedCategory).toBe('Hạ tầng, giao thông');
    expect(prepareCase(input({ topic: 'Karaoke', content: 'Hát đến 1 giờ sáng', location: '' }), 'X', ctx).fields.suggestedCategory).toBe('Đời sống khu dân cư');
    expect(prepareCase(input({ content: 'Xin hỏi một việc', location: '' }), 'X', ctx).fields.suggestedCategory).toBe('');
  });

  it('the ward\'s own deadline setting is used: 10 working days from Tue 24/11 is Tue 8/12', () => {
    const p = prepareCase(input(), 'X', { ...ctx, settings: { ...DEFAULT_SETTINGS, deadlineDays: { normal: 10, complex: 20 } } });
    expect(p.dueDay).toBe(parseIsoDate('2026-12-08'));
  });
});
