/** MailApp, HtmlService and the container Ui. */
import { createWorkspace } from '../../emulator';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

function setup(quotas: { emailRecipientsPerDay?: number } = {}) {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z', quotas });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  return { ws, MailApp: ws.globals.MailApp as GoogleAppsScript.Mail.MailApp, HtmlService: ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService };
}

describe('MailApp — https://developers.google.com/apps-script/reference/mail/mail-app', () => {
  it('sends to the outbox from the executing user and counts recipients against the daily quota', () => {
    const { ws, MailApp } = setup({ emailRecipientsPerDay: 3 });
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail({ to: 'a@x.vn,b@x.vn', subject: 'Mã GY-2026-00001', body: 'Cảm ơn' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('a@x.vn,b@x.vn', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(ws.mail.outbox()).toEqual([expect.objectContaining({ from: 'admin@luukiem.example', to: ['a@x.vn', 'b@x.vn'], subject: 'Mã GY-2026-00001', body: 'Cảm ơn' })]);
  });

  it('gets a fresh quota the next day in the script time zone', () => {
    const { ws, MailApp } = setup({ emailRecipientsPerDay: 1 });
    MailApp.sendEmail('a@x.vn', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    ws.clock.setTo('2026-11-24T16:59:00Z'); // 23:59 in Hà Nội
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    ws.clock.setTo('2026-11-24T17:00:00Z'); // midnight
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('refuses invalid addresses and any CR/LF that could inject a header', () => {
    const { MailApp, ws } = setup();
    expect(() => MailApp.sendEmail('không hợp lệ', 's', 'b')).toThrow('Invalid email: không hợp lệ');
    expect(() => MailApp.sendEmail({ to: 'a@x.vn\r\nBcc: v@x.vn', subject: 's', body: 'b' })).toThrow(/Invalid email/);
    expect(() => MailApp.sendEmail({ to: 'a@x.vn', subject: 's\r\nBcc: v@x.vn', body: 'b' })).toThrow('Invalid argument: subject');
    expect(ws.mail.outbox()).toEqual([]);
  });
});

describe('HtmlService — https://developers.google.com/apps-script/reference/html/html-service', () => {
  it('serves project HTML files and reports a missing one', () => {
    const { ws } = setup();
    const app = ws.load({ manifest, scripts: [['a.js', 'function page(n) { return HtmlService.createHtmlOutputFromFile(n).getContent(); }']], html: { Sidebar: '<p>ok</p>' } });
    expect(app.call('page', 'Sidebar')).toBe('<p>ok</p>');
    expect(() => app.call('page', 'Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('HtmlOutput.appendUntrusted escapes what it appends', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutput('<b>x</b>').appendUntrusted('<img src=x onerror=alert(1)>').getContent()).toBe('<b>x</b>&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('HtmlTemplate — https://developers.google.com/apps-script/guides/html/templates', () => {
  it('runs <? ?>, escapes <?= ?> and prints <?!= ?> as is, with variables set on the template and the script’s globals', () => {
    const { ws } = setup();
    const app = ws.load({
      manifest,
      scripts: [['a.js', 'var WARD = "Lưu Kiếm"; function render(items) { var t = HtmlService.createTemplate("<? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= raw ?> <?= WARD ?>"); t.items = items; t.raw = "<hr>"; return t.evaluate().getContent(); }']],
      html: {},
    });
    expect(app.call('render', ['<script>x</script>', 'a & b'])).toBe('<li>&lt;script&gt;x&lt;/script&gt;</li><li>a &amp; b</li><hr> Lưu Kiếm');
  });
});

describe('Ui and Menu — https://developers.google.com/apps-script/reference/base/ui', () => {
  it('records menus (re-running onOpen replaces them), sidebars at 300 px, and alerts', () => {
    const { ws } = setup();
    const app = ws.load({
      manifest,
      scripts: [['a.js', 'function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem("Mở", "open").addSeparator().addToUi(); } function open() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<p>hi</p>").setTitle("Bên")); } function ask() { var ui = SpreadsheetApp.getUi(); return String(ui.alert("Xác nhận", "Chắc chưa?", ui.ButtonSet.YES_NO)); } function bad() { SpreadsheetApp.getUi().showSidebar(HtmlService.createTemplate("x")); }']],
      html: {},
    });
    ws.open('NONE');
    ws.open('LIMITED');
    expect(ws.ui.menus()).toEqual([{ title: 'Hòm thư số', addon: true, items: [{ caption: 'Mở', functionName: 'open' }, { separator: true }] }]);
    app.call('open');
    expect(ws.ui.sidebars()).toEqual([expect.objectContaining({ title: 'Bên', content: '<p>hi</p>', width: 300 })]);
    ws.ui.respond({ button: 'NO' });
    expect(app.call('ask')).toBe('NO');
    expect(ws.ui.events().at(-1)).toMatchObject({ kind: 'alert', title: 'Xác nhận', message: 'Chắc chưa?' });
    expect(() => app.call('bad')).toThrow(/don't match the method signature for Ui.showSidebar/);
  });

  it('showModalDialog shows an HtmlOutput with its title and size (https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String))', () => {
    const { ws } = setup();
    const app = ws.load({
      manifest,
      scripts: [['a.js', 'function dlg() { SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput("<p>Đã lập</p>").setWidth(420).setHeight(160), "In mã QR"); } function badDlg() { SpreadsheetApp.getUi().showModalDialog("<p>x</p>", "t"); }']],
      html: {},
    });
    ws.open('LIMITED');
    app.call('dlg');
    expect(ws.ui.dialogs().at(-1)).toEqual(expect.objectContaining({ kind: 'modal', title: 'In mã QR', content: '<p>Đã lập</p>', width: 420, height: 160 }));
    expect(() => app.call('badDlg')).toThrow(/don't match the method signature for Ui.showModalDialog/);
  });

  it('in AuthMode.NONE only menus can be built', () => {
    const { ws } = setup();
    ws.load({ manifest, scripts: [['a.js', 'function onOpen() { SpreadsheetApp.getUi().createMenu("M").addItem("x", "y").addToUi(); SpreadsheetApp.getActive().getName(); }']], html: {} });
    expect(() => ws.open('NONE')).toThrow(/You do not have permission to call SpreadsheetApp.getActive/);
  });
});
