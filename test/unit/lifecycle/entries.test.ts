/** note, progress, follow-up: a written entry in the history, and what else each asks. */
import { followUp, note, progress } from '../../../src/domain/lifecycle/entries';
import { STAFF_TEXT_LIMIT } from '../../../src/domain/lifecycle/inputs';
import { aCase, ctx, midnight } from './context';

describe('note', () => {
  it('changes nothing but the history', () => {
    expect(note(aCase(), { action: 'note', text: '  Đã gọi tổ trưởng  ' }, ctx())).toEqual({ patch: {}, detail: 'Đã gọi tổ trưởng', notices: [], effects: [] });
  });

  it('refuses an empty note, and a note past the limit rather than cutting it', () => {
    expect(() => note(aCase(), { action: 'note', text: '   ' }, ctx())).toThrow('Vui lòng nhập nội dung ghi chú.');
    expect(() => note(aCase(), { action: 'note', text: 'x'.repeat(STAFF_TEXT_LIMIT + 1) }, ctx())).toThrow('Ghi chú dài 20.001 ký tự, vượt quá giới hạn 20.000 ký tự.');
  });
});

describe('progress', () => {
  it('writes the entry; moves the body’s committed date only when a new one is given', () => {
    expect(progress(aCase(), { action: 'progress', text: 'Đã khảo sát' }, ctx({ status: 'inProgress' }))).toEqual({ patch: {}, detail: 'Đã khảo sát', notices: [], effects: [] });
    expect(progress(aCase(), { action: 'progress', text: 'Chờ vật tư', bodyDueDate: '2026-11-24' }, ctx({ status: 'inProgress' }))).toEqual({ patch: { bodyDueDate: midnight('2026-11-24') }, detail: 'Chờ vật tư', notices: [], effects: [] });
  });

  it('refuses an empty entry', () => {
    expect(() => progress(aCase(), { action: 'progress', text: '' }, ctx())).toThrow('Vui lòng nhập nội dung tiến độ.');
  });
});

describe('followUp', () => {
  it('asks the commit to file a new case with the resident’s words', () => {
    expect(followUp(aCase(), { action: 'followUp', content: ' Rác vẫn chưa được thu gom ' }, ctx({ status: 'closed' }))).toEqual({
      patch: {},
      detail: 'Rác vẫn chưa được thu gom',
      notices: [],
      effects: [{ kind: 'fileFollowUp', content: ' Rác vẫn chưa được thu gom ' }],
    });
  });

  it('refuses empty words', () => {
    expect(() => followUp(aCase(), { action: 'followUp', content: ' ' }, ctx())).toThrow('Vui lòng nhập nội dung phản ánh lại.');
  });
});
