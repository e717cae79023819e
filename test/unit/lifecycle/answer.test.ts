/** Drafting an answer and approving it: written is not answered. */
import { STATUS } from '../../../src/domain/case';
import { answer, approve } from '../../../src/domain/lifecycle/answer';
import { aCase, ctx, handler, now, settings } from './context';

const classified = aCase({ category: 'Môi trường', status: STATUS.classified });

describe('answer', () => {
  it('writes a draft: when, no approval yet, "Dự thảo trả lời"', () => {
    expect(answer(classified, { action: 'answer', text: ' Đã thu gom ' }, ctx({ status: 'classified' }))).toEqual({
      patch: { answer: 'Đã thu gom', answeredAt: now, approvedBy: '', status: STATUS.draftAnswer },
      detail: '',
      notices: [],
      effects: [],
    });
  });

  it('where the chair approves, the draft waits for approval; a new draft drops an earlier approval', () => {
    const approved = { ...classified, answer: 'Cũ', approvedBy: 'chu.tich@x.vn', status: STATUS.approved };
    expect(answer(approved, { action: 'answer', text: 'Mới', publicSummary: 'Tóm tắt' }, ctx({ status: 'approved', settings: { ...settings, approvalRequired: true } }))).toEqual({
      patch: { answer: 'Mới', publicSummary: 'Tóm tắt', answeredAt: now, approvedBy: '', status: STATUS.awaitingApproval },
      detail: '',
      notices: [],
      effects: [],
    });
  });

  it('a handler may draft, but not write what residents read', () => {
    const theirs = { ...classified, assignedBody: 'UBND phường', publicSummary: 'Như cũ' };
    expect(answer(theirs, { action: 'answer', text: 'Trả lời', publicSummary: 'Như cũ' }, ctx({ actor: handler })).patch.publicSummary).toBe('Như cũ');
    expect(() => answer(theirs, { action: 'answer', text: 'Trả lời', publicSummary: 'Khác' }, ctx({ actor: handler }))).toThrow('Chỉ cán bộ quản trị được viết tóm tắt công khai.');
  });

  it('refuses an empty answer, and an answer to a case not classified', () => {
    expect(() => answer(classified, { action: 'answer', text: '' }, ctx())).toThrow('Vui lòng nhập nội dung trả lời.');
    expect(() => answer(aCase(), { action: 'answer', text: 'Trả lời' }, ctx())).toThrow('Hãy phân loại ý kiến trước khi trả lời.');
  });
});

describe('approve', () => {
  it('records who approved: "Đã duyệt"', () => {
    expect(approve({ ...classified, answer: 'Đã thu gom', status: STATUS.awaitingApproval }, { action: 'approve' }, ctx({ status: 'awaitingApproval' }))).toEqual({
      patch: { approvedBy: 'admin@x.vn', status: STATUS.approved },
      detail: '',
      notices: [],
      effects: [],
    });
  });

  it('refuses an answer with a template blank left', () => {
    expect(() => approve({ ...classified, answer: 'Ngày … sẽ xử lý' }, { action: 'approve' }, ctx())).toThrow(/còn chỗ trống của mẫu/);
  });
});
