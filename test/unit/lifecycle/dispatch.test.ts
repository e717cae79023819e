/** decide: one table of handlers behind one guard (the permissions table, the statuses), and the event it writes. */
import { STATUS } from '../../../src/domain/case';
import { ACTION_KEYS } from '../../../src/domain/permissions';
import { HANDLERS } from '../../../src/domain/lifecycle/handlers';
import { decide, type ActionInput } from '../../../src/domain/lifecycle';
import { aCase, admin, calendar, handler, now, settings } from './context';

const run = (c = aCase(), input: ActionInput, actor = admin) => decide(c, input, { actor, now, settings, calendar });

describe('decide', () => {
  it('has a handler for every action', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...ACTION_KEYS].sort());
  });

  it('refuses an unknown action, a case the actor cannot see, an action their role lacks, one the status does not allow', () => {
    expect(() => run(aCase(), { action: 'delete' } as unknown as ActionInput)).toThrow('Thao tác không hợp lệ.');
    expect(() => run(aCase({ assignedBody: 'Công an phường' }), { action: 'progress', text: 'x' }, handler)).toThrow('Đồng chí không có quyền với ý kiến này.');
    expect(() => run(aCase({ assignedBody: 'UBND phường' }), { action: 'note', text: 'x' }, handler)).toThrow('Vai trò của đồng chí không được "Ghi chú nội bộ".');
    expect(() => run(aCase(), { action: 'approve' })).toThrow('Không thể "Duyệt trả lời" khi ý kiến đang ở trạng thái "' + STATUS.new + '".');
  });

  it('adds the version, the time and the event with the handler’s detail and what changed, old → new', () => {
    const r = run(aCase({ assignedBody: 'UBND phường', status: STATUS.inProgress }), { action: 'progress', text: 'Đã khảo sát', bodyDueDate: '2026-12-10' }, handler);
    expect(r).toEqual({
      patch: { bodyDueDate: new Date('2026-12-09T17:00:00Z'), version: 2, updatedAt: now },
      event: { v: 2, at: now.toISOString(), by: 'h@x.vn', action: 'Cập nhật tiến độ', detail: 'Đã khảo sát', changes: [{ field: 'Hạn cơ quan xử lý cam kết', from: '', to: '10/12/2026' }] },
      notices: [],
      effects: [],
    });
  });

  it('passes the handler’s notices and effects on', () => {
    const r = run(aCase(), { action: 'duplicate', of: 'GY-2026-00002' });
    expect([r.notices, r.effects]).toEqual([[], [{ kind: 'linkOriginal', of: 'GY-2026-00002' }]]);
    expect(run(aCase(), { action: 'misuse', reason: 'x' }).notices).toEqual([{ kind: 'police', to: 'ca@luukiem.example', code: 'GY-2026-00001', reason: 'x' }]);
  });

  it('writes back the real status of a case stored under an older meaning, first among the changes, unless the handler moves it on', () => {
    const legacy = aCase({ status: STATUS.answered, answer: 'x', category: 'Môi trường' });
    const noted = run(legacy, { action: 'note', text: 'Kiểm tra' });
    expect(noted.patch).toEqual({ status: STATUS.draftAnswer, version: 2, updatedAt: now });
    expect(noted.event.changes).toEqual([{ field: 'Trạng thái', from: STATUS.answered, to: STATUS.draftAnswer }]);
    const classified = run(legacy, { action: 'classify', category: 'Môi trường', complexity: 'complex' });
    expect(Object.keys(classified.patch)).toEqual(['status', 'category', 'complexity', 'dueDate', 'version', 'updatedAt']);
    expect(classified.patch.status).toBe(STATUS.draftAnswer);
  });
});
