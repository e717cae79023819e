/** classify and assign: what each writes, the e-mail it queues and what else it asks of the commit. */
import { STATUS } from '../../../src/domain/case';
import { assign } from '../../../src/domain/lifecycle/assign';
import { classify } from '../../../src/domain/lifecycle/classify';
import { aCase, ctx, midnight } from './context';

describe('classify', () => {
  it('sets category and complexity, the ward’s due date 7 working days from receipt, and moves a new case on', () => {
    expect(classify(aCase(), { action: 'classify', category: ' Môi trường ', complexity: 'normal' }, ctx())).toEqual({
      patch: { category: 'Môi trường', complexity: 'Thường', dueDate: midnight('2026-12-03'), status: STATUS.classified },
      detail: '',
      notices: [],
      effects: [],
    });
  });

  it('a complex case gets 20 working days; a case already past "new" keeps its status', () => {
    expect(classify(aCase({ status: STATUS.inProgress }), { action: 'classify', category: 'Môi trường', complexity: 'complex' }, ctx({ status: 'inProgress' }))).toEqual({
      patch: { category: 'Môi trường', complexity: 'Phức tạp', dueDate: midnight('2026-12-22') },
      detail: '',
      notices: [],
      effects: [],
    });
  });

  it('refuses a category not in the list and an unknown complexity', () => {
    expect(() => classify(aCase(), { action: 'classify', category: 'Không có', complexity: 'normal' }, ctx())).toThrow('Lĩnh vực không có trong danh sách.');
    expect(() => classify(aCase(), { action: 'classify', category: 'Môi trường', complexity: 'hard' as 'normal' }, ctx())).toThrow('Tính chất không hợp lệ.');
  });
});

describe('assign', () => {
  it('to a body: in progress, the body’s committed date, the body e-mailed, its members offered links', () => {
    expect(assign(aCase({ status: STATUS.classified }), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-12-10' }, ctx({ status: 'classified' }))).toEqual({
      patch: { assignedBody: 'UBND phường', assignee: '', bodyDueDate: midnight('2026-12-10'), status: STATUS.inProgress },
      detail: '',
      notices: [{ kind: 'assignee', to: 'ubnd@luukiem.example', code: 'GY-2026-00001', body: 'UBND phường', dueOn: '03/12/2026' }],
      effects: [{ kind: 'linkBodyMembers', body: 'UBND phường', assignee: '' }],
    });
  });

  it('to a person not in "Cán bộ": they are e-mailed, and the person assigning is told; a draft stays a draft', () => {
    expect(assign(aCase({ status: STATUS.draftAnswer }), { action: 'assign', body: 'UBND phường', assignee: ' Ong.Ba@Luukiem.example ' }, ctx({ status: 'draftAnswer' }))).toEqual({
      patch: { assignedBody: 'UBND phường', assignee: 'ong.ba@luukiem.example', bodyDueDate: '' },
      detail: '',
      notices: [{ kind: 'assignee', to: 'ong.ba@luukiem.example', code: 'GY-2026-00001', body: 'UBND phường', dueOn: '03/12/2026' }],
      effects: [{ kind: 'linkBodyMembers', body: 'UBND phường', assignee: 'ong.ba@luukiem.example' }, { kind: 'assigneeNotStaff', email: 'ong.ba@luukiem.example' }],
    });
  });

  it('to a staff member of a body without an address: no e-mail, no remark', () => {
    const d = assign(aCase(), { action: 'assign', body: 'Đoàn thanh niên', assignee: '' }, ctx());
    expect([d.notices, d.effects]).toEqual([[], [{ kind: 'linkBodyMembers', body: 'Đoàn thanh niên', assignee: '' }]]);
    expect(assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: 'h@x.vn' }, ctx()).effects).toEqual([{ kind: 'linkBodyMembers', body: 'UBND phường', assignee: 'h@x.vn' }]);
  });

  it('refuses an unknown body, a bad e-mail, a date that is no date or already past', () => {
    expect(() => assign(aCase(), { action: 'assign', body: 'Sở Xây dựng', assignee: '' }, ctx())).toThrow('Cơ quan xử lý không có trong danh sách.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: 'không-phải-email' }, ctx())).toThrow('Email người xử lý không hợp lệ.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-02-30' }, ctx())).toThrow('Hạn cơ quan xử lý cam kết không hợp lệ.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-11-23' }, ctx())).toThrow('Hạn cơ quan xử lý cam kết (23/11/2026) đã qua: hãy chọn từ hôm nay trở đi.');
  });
});
