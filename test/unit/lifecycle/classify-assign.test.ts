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
  /** The announcement of GY-2026-00001 (due 03/12/2026, 7 working days after Tuesday 24/11) to one person. */
  const told = (to: string, access: string, over: Record<string, unknown> = {}) => ({ kind: 'assignee', to, access, code: 'GY-2026-00001', body: 'UBND phường', dueOn: '03/12/2026', left: 7, bodyDueOn: '', why: 'assigned', reason: '', ...over });

  it('to a body: in progress, the body’s committed date, each member who works by link told with the code, due date and that date', () => {
    expect(assign(aCase({ status: STATUS.classified }), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-12-10' }, ctx({ status: 'classified' }))).toEqual({
      patch: { assignedBody: 'UBND phường', assignee: '', bodyDueDate: midnight('2026-12-10'), status: STATUS.inProgress },
      detail: '',
      // The body has a member in "Cán bộ": the member is told, not the body's general address.
      notices: [told('h@x.vn', 'member', { bodyDueOn: '10/12/2026' })],
      effects: [],
    });
  });

  it('to a person not in "Cán bộ": they are told too (no link to hold), and the person assigning is warned; a draft stays a draft', () => {
    expect(assign(aCase({ status: STATUS.draftAnswer }), { action: 'assign', body: 'UBND phường', assignee: ' Ong.Ba@Luukiem.example ' }, ctx({ status: 'draftAnswer' }))).toEqual({
      patch: { assignedBody: 'UBND phường', assignee: 'ong.ba@luukiem.example', bodyDueDate: '' },
      detail: '',
      notices: [told('h@x.vn', 'member'), told('ong.ba@luukiem.example', 'none')],
      effects: [{ kind: 'assigneeNotStaff', email: 'ong.ba@luukiem.example' }],
    });
  });

  it('a body with no member in "Cán bộ": its own address is told, with a body link; with no address either, the person assigning is told nobody was', () => {
    expect(assign(aCase(), { action: 'assign', body: 'Công an phường', assignee: '' }, ctx()).notices).toEqual([told('ca@luukiem.example', 'body', { body: 'Công an phường' })]);
    const d = assign(aCase(), { action: 'assign', body: 'Đoàn thanh niên', assignee: '' }, ctx());
    expect([d.notices, d.effects]).toEqual([[], [{ kind: 'nobodyTold', body: 'Đoàn thanh niên' }]]);
    // The body's member as assignee: told once, no remark.
    expect(assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: 'h@x.vn' }, ctx())).toMatchObject({ notices: [told('h@x.vn', 'member')], effects: [] });
    // An admin as assignee opens the spreadsheet.
    expect(assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: 'admin@x.vn' }, ctx()).notices).toEqual([told('h@x.vn', 'member'), told('admin@x.vn', 'spreadsheet')]);
  });

  it('moved to another body: the new body is told; the same body again tells only an assignee new to the case', () => {
    const withUbnd = aCase({ status: STATUS.inProgress, assignedBody: 'UBND phường', assignee: 'h@x.vn' });
    expect(assign(withUbnd, { action: 'assign', body: 'Công an phường', assignee: '' }, ctx({ status: 'inProgress' })).notices).toEqual([told('ca@luukiem.example', 'body', { body: 'Công an phường' })]);
    expect(assign(withUbnd, { action: 'assign', body: 'UBND phường', assignee: 'h@x.vn', bodyDueDate: '2026-12-01' }, ctx({ status: 'inProgress' })).notices).toEqual([]);
    expect(assign(withUbnd, { action: 'assign', body: 'UBND phường', assignee: '' }, ctx({ status: 'inProgress' })).notices).toEqual([]);
    expect(assign(withUbnd, { action: 'assign', body: 'UBND phường', assignee: 'ong.ba@luukiem.example' }, ctx({ status: 'inProgress' })).notices).toEqual([told('ong.ba@luukiem.example', 'none')]);
  });

  it('refuses an unknown body, a bad e-mail, a date that is no date or already past', () => {
    expect(() => assign(aCase(), { action: 'assign', body: 'Sở Xây dựng', assignee: '' }, ctx())).toThrow('Cơ quan xử lý không có trong danh sách.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: 'không-phải-email' }, ctx())).toThrow('Email người xử lý không hợp lệ.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-02-30' }, ctx())).toThrow('Hạn cơ quan xử lý cam kết không hợp lệ.');
    expect(() => assign(aCase(), { action: 'assign', body: 'UBND phường', assignee: '', bodyDueDate: '2026-11-23' }, ctx())).toThrow('Hạn cơ quan xử lý cam kết (23/11/2026) đã qua: hãy chọn từ hôm nay trở đi.');
  });
});
