/**
 * The sidebar's inbox (ui/server cases-rpc over domain/inbox) for a handling body's member whose
 * body cell in "Cán bộ" was left blank: they belong to no body, so they see no case — not the
 * cases that no body has been given yet, whose "Cơ quan xử lý" is blank too — and cannot open one.
 */
import { asUser, formAnswers, runHourly, setUpWard, type Ward } from '../support/ward';

const NO_BODY = 'chuaphancong@luukiem.example';
const UBND = 'ubnd@luukiem.example';
type Inbox = { total: number; items: Array<{ code: string }>; counters: Record<string, number> };
type View = { code: string; row: number; version: number };

function ward(): Ward {
  const w = setUpWard();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
    [NO_BODY, 'Xử lý', ''],
    [UBND, 'Xử lý', 'UBND phường'],
  ]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 9 chưa thu', phone: '0812345678' }));
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Cống ngõ 5 tắc' }));
  // One case goes to UBND phường; two stay unassigned ("Cơ quan xử lý" blank).
  let v = w.app.call('getCase', 'GY-2026-00002') as View;
  v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Môi trường', complexity: 'normal' }) as { view: View }).view;
  w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: UBND });
  return w;
}

describe('the inbox of a handler with a blank body', () => {
  it('lists no case and counts none, whatever is asked', () => {
    const w = ward();
    for (const query of [{}, { status: 'Mới tiếp nhận' }, { body: '' }, { text: 'ngõ' }, { status: 'callBack' }]) {
      const page = asUser(w, NO_BODY, () => w.app.call('getInbox', query)) as Inbox;
      expect([query, page.total, page.items, page.counters]).toEqual([query, 0, [], { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, callBack: 0, lowRating: 0 }]);
    }
  });

  it('cannot open an unassigned case, nor another body\'s', () => {
    const w = ward();
    for (const code of ['GY-2026-00001', 'GY-2026-00003', 'GY-2026-00002']) {
      expect(() => asUser(w, NO_BODY, () => w.app.call('getCase', code))).toThrow();
    }
  });

  it('meanwhile UBND phường\'s member sees its one case and the admin all three', () => {
    const w = ward();
    expect((asUser(w, UBND, () => w.app.call('getInbox', {})) as Inbox).items.map((i) => i.code)).toEqual(['GY-2026-00002']);
    expect((w.app.call('getInbox', {}) as Inbox).items.map((i) => i.code).sort()).toEqual(['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']);
  });
});

describe('"due soon" means due within 2 working days', () => {
  type Inbox = { counters: Record<string, number>; items: Array<{ code: string; dueOn: string; workingDaysLeft: number }> };

  it('on Thursday 3/12/2026, a case due Monday 7/12 (2 working days, across the weekend) is due soon; one due Tuesday 8/12 (3) is not', () => {
    const ward = setUpWard();
    // By hand, 7 working days after receipt (the receipt day never counts), no holiday in between:
    // Thu 26/11 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7/12.
    ward.ws.clock.setTo('2026-11-26T03:00:00Z');
    ward.ws.forms.submit(ward.formId, formAnswers({ content: 'Hạn thứ Hai' }));
    // Fri 27/11 → Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8/12.
    ward.ws.clock.setTo('2026-11-27T03:00:00Z');
    ward.ws.forms.submit(ward.formId, formAnswers({ content: 'Hạn thứ Ba' }));
    ward.ws.clock.setTo('2026-12-03T03:00:00Z'); // Thursday 3/12, 10:00 in Hà Nội
    const inbox = ward.app.call('getInbox', {}) as Inbox;
    expect(inbox.items.map((i) => [i.code, i.dueOn, i.workingDaysLeft])).toEqual([
      ['GY-2026-00002', '08/12/2026', 3],
      ['GY-2026-00001', '07/12/2026', 2],
    ]);
    expect(inbox.counters).toEqual({ new: 2, inProgress: 0, dueSoon: 1, overdue: 0, callBack: 0, lowRating: 0 });
    expect((ward.app.call('getInbox', { status: 'dueSoon' }) as Inbox).items.map((i) => i.code)).toEqual(['GY-2026-00001']);
    // Friday 4/12: Monday is 1 working day away, Tuesday 2: both due soon.
    ward.ws.clock.setTo('2026-12-04T03:00:00Z');
    expect((ward.app.call('getInbox', {}) as Inbox).counters).toMatchObject({ dueSoon: 2, overdue: 0 });
  });
});
