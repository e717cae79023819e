/** Setup ("Thiết lập hòm thư", services/jobs/setup) is for admins only: anyone else is refused and nothing changes. */
import { ADMIN, addStaff, lastUiMessage, runHourly, setUpWard, tabRecords, wardState as state } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';

describe('only an admin may run setup', () => {
  it('a handler (staff, not admin) running "Thiết lập hòm thư" is refused and nothing changes', () => {
    const ward = setUpWard();
    addStaff(ward, [
      [HANDLER, 'Xử lý', 'UBND phường'],
      ['viewer@luukiem.example', 'Xem', ''],
    ]);
    runHourly(ward);
    for (const user of [HANDLER, 'viewer@luukiem.example']) {
      const before = state(ward);
      const events = ward.ws.ui.events().length;
      ward.ws.setUser(user);
      try {
        ward.app.call('setupMailbox');
      } finally {
        ward.ws.setUser(ADMIN);
      }
      expect(ward.ws.ui.events().length).toBe(events + 1);
      expect(lastUiMessage(ward)).toContain('Chỉ cán bộ có vai trò "Quản trị"');
      expect(state(ward)).toEqual(before);
    }
  });
});

describe('setup warns when a case marked as misuse could not reach the police (issue 18.4)', () => {
  it('a fresh ward lists "Công an phường" without an address: the setup dialog says so, and so does "Lỗi"; once an address is typed, setup is quiet about it', () => {
    const ward = setUpWard();
    const warning = 'Chưa có email của Công an phường (tab "Cơ quan xử lý"';
    expect(lastUiMessage(ward)).toContain(warning);
    expect(tabRecords(ward, 'Lỗi').filter((r) => r['Lỗi'].startsWith(warning))).toHaveLength(1);
    const bodies = ward.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
    const names = bodies.getRange(2, 1, bodies.getLastRow() - 1, 1).getValues().map((r) => r[0]);
    bodies.getRange(names.indexOf('Công an phường') + 2, 2).setValue('congan@luukiem.example');
    ward.app.call('setupMailbox');
    expect(lastUiMessage(ward)).not.toContain('Công an phường');
    // Setup run again says it once: the errors tab does not fill up.
    expect(tabRecords(ward, 'Lỗi').filter((r) => r['Lỗi'].startsWith(warning))).toHaveLength(1);
  });
});
