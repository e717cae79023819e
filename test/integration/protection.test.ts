/**
 * Protections (services/platform/protection): after setup, a handler listed in "Cán bộ" is no editor
 * of the tabs that hold personal data or the cases, and a script running as them cannot write there.
 */
import { ADMIN, addStaff, runHourly, setUpWard } from '../support/ward';

const CASES = 'Ý kiến';
const SUBMITTERS = 'Người gửi';
const OUTBOX = 'Hộp thư đi';
const HANDLER = 'ubnd@luukiem.example';

/** A project file another staff member could add: writes a cell of `tab` as whoever runs it. */
const HELPERS = `
function writeCellForTest(tab) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(tab);
  try { sheet.getRange(sheet.getMaxRows(), 1).setValue('sửa bởi ' + Session.getActiveUser().getEmail()); return 'written'; } catch (e) { return 'refused: ' + e.message; }
}
`;

describe('handlers cannot edit the admin-only tabs', () => {
  it('after setup, a handler in "Cán bộ" is no editor of "Người gửi" and "Hộp thư đi", and their writes there fail', () => {
    const ward = setUpWard();
    addStaff(ward, [[HANDLER, 'Xử lý', 'UBND phường']]);
    ward.app.call('setupMailbox');
    runHourly(ward);
    const editors = (name: string) =>
      ward.SpreadsheetApp.getActive()
        .getSheetByName(name)!
        .getProtections(ward.SpreadsheetApp.ProtectionType.SHEET)
        .flatMap((p) => p.getEditors().map((u) => u.getEmail().toLowerCase()));
    // Since issue 10, handlers work through personal links: they edit no tab, the cases tab included.
    for (const name of [SUBMITTERS, OUTBOX, CASES]) {
      expect(editors(name)).toContain(ADMIN);
      expect({ tab: name, handlerIsEditor: editors(name).includes(HANDLER) }).toEqual({ tab: name, handlerIsEditor: false });
    }

    // A write as the handler, from a script running as them: refused on every tab.
    ward.app.addFile('test-helpers.js', HELPERS);
    ward.ws.setUser(HANDLER);
    try {
      for (const name of [SUBMITTERS, OUTBOX, CASES]) expect({ tab: name, result: ward.app.call('writeCellForTest', name) }).toEqual({ tab: name, result: expect.stringMatching(/^refused: .*protected cell or object/) });
    } finally {
      ward.ws.setUser(ADMIN);
    }
  });
});
