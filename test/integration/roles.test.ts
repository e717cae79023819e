/**
 * Roles take effect at once (issue 7): the staff list is cached in document properties (and the
 * document cache), and a hand edit of the "Cán bộ" tab (simple onEdit for cell edits, the
 * installed onChange trigger for deleted rows) stores the list read from the tab, under the
 * document lock (issue 19: so the very next call pays no Spreadsheet call for it); without the
 * lock in time it marks the list stale, and the next call reads the tab once.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const STAFF = 'Cán bộ';

function ward(): Ward {
  const w = setUpWard();
  w.SpreadsheetApp.getActive().getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn hỏng' }));
  return w;
}

function inboxAs(w: Ward, user: string): unknown {
  w.ws.setUser(user);
  try {
    return w.app.call('getInbox', {});
  } finally {
    w.ws.setUser('admin@luukiem.example');
  }
}

describe('roles take effect at once', () => {
  it('a handler whose row is deleted by hand is refused by the very next call', () => {
    const w = ward();
    expect(() => inboxAs(w, HANDLER)).not.toThrow();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.deleteRow(3), { changeType: 'REMOVE_ROW' });
    expect(() => inboxAs(w, HANDLER)).toThrow('chưa có vai trò');
  });

  it('a role changed in a cell by hand is honoured by the very next call, for no Spreadsheet call more', () => {
    const w = ward();
    inboxAs(w, HANDLER);
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xem'), { range: { sheet: STAFF, row: 3, column: 2 }, value: 'Xem' });
    w.ws.resetStats();
    const asViewer = inboxAs(w, HANDLER) as { total: number };
    const first = w.ws.stats().services.SpreadsheetApp.calls;
    // A viewer sees every case; as a handler of UBND phường they saw none (nothing assigned yet).
    expect(asViewer.total).toBe(1);
    w.ws.resetStats();
    inboxAs(w, HANDLER);
    const second = w.ws.stats().services.SpreadsheetApp.calls;
    expect(second).toBeLessThanOrEqual(3);
    expect(first).toBe(second); // the edit trigger read the staff tab, not this call
  });

  it('an edit made while another execution holds the document lock marks the list stale: the next call reads the tab, once', () => {
    const w = ward();
    inboxAs(w, HANDLER);
    w.ws.execution(() => {
      const lock = (w.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xem'), { range: { sheet: STAFF, row: 3, column: 2 }, value: 'Xem' });
    });
    w.ws.resetStats();
    expect((inboxAs(w, HANDLER) as { total: number }).total).toBe(1);
    const first = w.ws.stats().services.SpreadsheetApp.calls;
    w.ws.resetStats();
    inboxAs(w, HANDLER);
    expect(first).toBe(w.ws.stats().services.SpreadsheetApp.calls + 3); // getActive, getRange and getValues of the staff tab
  });

  it('an admin demoted by hand can no longer act, with no hourly run in between', () => {
    const w = ward();
    const view = w.app.call('getCase', 'GY-2026-00001') as { row: number; version: number };
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(2, 2).setValue('Xem'), { user: 'admin@luukiem.example', range: { sheet: STAFF, row: 2, column: 2 } });
    expect(() => w.app.call('caseAction', 'GY-2026-00001', view.row, view.version, { action: 'classify', category: 'Môi trường', complexity: 'normal' })).toThrow('Vai trò của đồng chí không được');
    expect(tabRecords(w, 'Ý kiến')[0]['Lĩnh vực']).toBe('');
  });

  it('edits elsewhere in the spreadsheet do not cost a re-read', () => {
    const w = ward();
    inboxAs(w, HANDLER);
    w.ws.handEdit((ss) => ss.getSheetByName('Lỗi')!.getRange(5, 1).setValue('ghi chú'), { range: { sheet: 'Lỗi', row: 5, column: 1 } });
    w.ws.resetStats();
    inboxAs(w, HANDLER);
    expect(w.ws.stats().services.SpreadsheetApp.calls).toBeLessThanOrEqual(3);
  });
});
