/**
 * "Kết nối hộp thư chính thức": an admin at the spreadsheet makes the shared secret and sees it
 * once, with the web app's address and the steps; a new one replaces the old, which stops working
 * at once. Nobody else can make or read it.
 */
import { connectMailbox, mail, MAILBOX_SECRET_PROPERTY, poll, postRaw, envelope } from '../support/mailbox';
import { ADMIN, tabRecords, wardFactory } from '../support/ward';

const fresh = wardFactory();

describe('connecting the official mailbox', () => {
  it('the admin gets the web app address, the secret and the steps once; the secret signs polls; the audit names the admin, not the secret', () => {
    const w = fresh();
    const { secret, dialog } = connectMailbox(w);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(dialog.title).toBe('Kết nối hộp thư chính thức');
    expect(dialog.content).toContain(w.ws.webapp.url()!);
    expect(dialog.content).toContain('MAILBOX_SECRET');
    expect(dialog.content).toContain('setupRelay');
    expect(dialog.user).toBe(ADMIN);
    expect(poll(w, secret, { messages: [mail()] })).toMatchObject({ ok: true, filed: [{ verdict: 'filed' }] });
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Kết nối hộp thư chính thức');
    expect(audit.map((r) => [r['Người thực hiện'], r['Chi tiết']])).toEqual([[ADMIN, 'Tạo khóa mới']]);
    expect(JSON.stringify(tabRecords(w, 'Nhật ký'))).not.toContain(secret);
    // Nothing the add-on shows again carries it: no tab, no other dialog.
    for (const sheet of w.ws.spreadsheets.view(w.ssId).sheets) expect([sheet.name, JSON.stringify(sheet.displayValues).includes(secret)]).toEqual([sheet.name, false]);
  });

  it('a new secret replaces the old one: after confirming, polls signed with the old one are refused', () => {
    const w = fresh();
    const first = connectMailbox(w).secret;
    const second = connectMailbox(w, 'YES').secret;
    expect(second).not.toBe(first);
    expect(poll(w, first, {})).toEqual({ ok: false, error: 'unauthorized' });
    expect(poll(w, second, {})).toMatchObject({ ok: true });
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Kết nối hộp thư chính thức').map((r) => r['Chi tiết'])).toEqual(['Tạo khóa mới', 'Đổi khóa']);
  });

  it('answering "No" to the question keeps the secret that works', () => {
    const w = fresh();
    const first = connectMailbox(w).secret;
    const shown = w.ws.ui.dialogs().length;
    w.ws.ui.respond({ button: 'NO' });
    w.ws.setUser(ADMIN);
    w.app.call('connectOfficialMailbox');
    expect(w.ws.ui.dialogs()).toHaveLength(shown);
    expect(postRaw(w, JSON.stringify(envelope(first, { messages: [], sent: [] }, w.ws.clock.now().getTime()))).answer).toMatchObject({ ok: true });
  });

  it('failing at any one service call: the secret in force is never one without its audit row, and the next try shows a secret that signs polls', () => {
    const connected = wardFactory((w) => void connectMailbox(w));
    const clean = connected();
    const props = () => (clean.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperty(MAILBOX_SECRET_PROPERTY);
    const old = props()!;
    clean.ws.ui.respond({ button: 'YES' });
    clean.ws.setUser(ADMIN);
    clean.ws.faults.failNthCall(1_000_000);
    clean.app.call('connectOfficialMailbox');
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(3);
    const rows = (w: typeof clean) => tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Kết nối hộp thư chính thức').length;
    for (let k = 1; k <= total; k++) {
      const w = connected();
      const secretNow = () => (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperty(MAILBOX_SECRET_PROPERTY);
      w.ws.ui.respond({ button: 'YES' });
      w.ws.setUser(ADMIN);
      w.ws.faults.failNthCall(k);
      try {
        w.app.call('connectOfficialMailbox');
      } catch {
        // the admin sees the error and tries again
      }
      const failed = w.ws.faults.sweepState().failed;
      w.ws.faults.failNthCall(0);
      // A secret changed is audited: one row for the first connection, one for this change.
      if (secretNow() !== old) expect([k, failed, rows(w)]).toEqual([k, failed, 2]);
      else expect([k, failed, poll(w, old, {}).ok]).toEqual([k, failed, true]);
      const again = connectMailbox(w, 'YES').secret;
      expect([k, failed, poll(w, again, {}).ok]).toEqual([k, failed, true]);
    }
  });
});
