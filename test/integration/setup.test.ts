/** Setup ("Thiết lập hòm thư", services/jobs/setup) is for admins only: anyone else is refused and nothing changes. */
import { ADMIN, addStaff, lastUiMessage, runHourly, setUpWard, wardState as state } from '../support/ward';

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
