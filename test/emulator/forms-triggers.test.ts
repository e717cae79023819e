/**
 * FormApp, ScriptApp triggers and the form-submit path, as a script sees them.
 */
import { createWorkspace } from '../../emulator';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

/** A script that builds a small form into the bound spreadsheet and records every submit event. */
const SCRIPT = `
var seen = [];
function build() {
  var form = FormApp.create('Góp ý');
  form.addListItem().setTitle('Tổ dân phố').setChoiceValues(['Tổ dân phố 1', 'Tổ dân phố 2']).setRequired(true);
  form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  form.addTextItem().setTitle('Email').setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('Email chưa đúng').build());
  form.addCheckboxItem().setTitle('Bảo mật').setChoiceValues(['Giữ bí mật danh tính của tôi']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  return form.getId();
}
function install() {
  return ScriptApp.newTrigger('onSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId();
}
function onSubmit(e) {
  seen.push({ values: e.values, named: e.namedValues, row: e.range.getRow(), sheet: e.range.getSheet().getName(), uid: e.triggerUid, auth: String(e.authMode), user: Session.getEffectiveUser().getEmail() });
  if (e.namedValues['Nội dung'][0] === 'boom') throw new Error('boom');
}
function events() { return seen; }
`;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T11:45:16Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT]], html: {} });
  const formId = app.call('build') as string;
  return { ws, app, formId };
}

describe('Form — https://developers.google.com/apps-script/reference/forms/form', () => {
  it('setDestination creates the responses tab first, named in the spreadsheet language, with the question titles', () => {
    const { ws } = setup();
    const view = ws.spreadsheets.view(ws.spreadsheets.activeId()!);
    expect(view.sheets[0].name).toBe('Câu trả lời biểu mẫu 1');
    expect(view.sheets[0].displayValues[0]).toEqual(['Dấu thời gian', 'Tổ dân phố', 'Nội dung', 'Email', 'Bảo mật']);
    expect(view.sheets[0].formUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
  });

  it('builds prefilled URLs in Google’s shape', () => {
    const { ws, formId } = setup();
    const FormApp = ws.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = FormApp.openById(formId);
    const group = form.getItems(FormApp.ItemType.LIST)[0].asListItem();
    const url = form.createResponse().withItemResponse(group.createResponse('Tổ dân phố 2')).toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${group.getId()}=${encodeURIComponent('Tổ dân phố 2').replace(/%20/g, '+')}`);
    expect(ws.forms.idFromUrl(url)).toBe(formId);
  });

  it('casting an item to the wrong type fails', () => {
    const { ws, formId } = setup();
    const item = (ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId).getItems()[0];
    expect(() => item.asTextItem()).toThrow(/cannot be cast/);
  });
});

describe('Form submit (Sheets) event — https://developers.google.com/apps-script/guides/triggers/events#form-submit', () => {
  it('writes the row verbatim and runs the installed trigger once with values, namedValues, range and triggerUid', () => {
    const { ws, app, formId } = setup();
    const uid = app.call('install');
    // Forms stamps the response with the time it arrives, shown as the spreadsheet's locale does.
    const shown = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d).replace(',', '');
    const stamp = shown(ws.clock.now());
    const result = ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': '=HYPERLINK("x")', 'Bảo mật': ['Giữ bí mật danh tính của tôi'] });
    expect(result.triggerRuns).toEqual([{ triggerUid: uid, handlerFunction: 'onSubmit', user: 'admin@luukiem.example', ok: true }]);
    const [e] = app.call('events') as Array<Record<string, unknown>>;
    expect(e).toEqual({
      values: [stamp, 'Tổ dân phố 1', '=HYPERLINK("x")', '', 'Giữ bí mật danh tính của tôi'],
      named: { 'Dấu thời gian': [stamp], 'Tổ dân phố': ['Tổ dân phố 1'], 'Nội dung': ['=HYPERLINK("x")'], Email: [''], 'Bảo mật': ['Giữ bí mật danh tính của tôi'] },
      row: 2,
      sheet: 'Câu trả lời biểu mẫu 1',
      uid,
      auth: 'FULL',
      user: 'admin@luukiem.example',
    });
  });

  it('refuses what Google Forms refuses and records nothing', () => {
    const { ws, formId } = setup();
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 9', 'Nội dung': 'x' })).toThrow(/not a choice/);
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': '  ' })).toThrow(/"Nội dung" is required/);
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'x', Email: 'không phải email' })).toThrow('Email chưa đúng');
    expect(ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].displayValues.length).toBe(1);
  });

  it('a throwing handler does not lose the response: the row stays and the run is reported failed', () => {
    const { ws, app, formId } = setup();
    app.call('install');
    const r = ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'boom' });
    expect(r.triggerRuns[0]).toMatchObject({ ok: false, error: 'Error: boom' });
    expect(ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].displayValues[1][2]).toBe('boom');
    expect(ws.executions().at(-1)).toMatchObject({ kind: 'trigger', status: 'failed' });
  });
});

describe('ScriptApp — https://developers.google.com/apps-script/reference/script/script-app', () => {
  it('allows one trigger of a type per user per document (add-on rule); another user may add their own', () => {
    const { ws, app } = setup();
    app.call('install');
    expect(() => app.call('install')).toThrow(/Only 1 is allowed/);
    ws.setUser('other@luukiem.example');
    app.call('install');
    expect(ws.triggers().map((t) => t.owner)).toEqual(['admin@luukiem.example', 'other@luukiem.example']);
  });

  it('each owner’s trigger runs as its owner', () => {
    const { ws, app, formId } = setup();
    app.call('install');
    ws.setUser('other@luukiem.example');
    app.call('install');
    ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'x' });
    expect((app.call('events') as Array<{ user: string }>).map((e) => e.user)).toEqual(['admin@luukiem.example', 'other@luukiem.example']);
  });

  it('getProjectTriggers lists only the current user’s triggers, and deleteTrigger removes them', () => {
    const { ws, app } = setup();
    app.addFile('t.js', 'function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType())]; }); } function dropAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }');
    app.call('install');
    ws.setUser('other@luukiem.example');
    expect(app.call('mine')).toEqual([]);
    ws.setUser('admin@luukiem.example');
    expect(app.call('mine')).toEqual([['onSubmit', 'ON_FORM_SUBMIT']]);
    app.call('dropAll');
    expect(ws.triggers()).toEqual([]);
  });

  it('time-driven triggers run at most hourly, once per due time, without catching up', () => {
    const { ws, app } = setup();
    app.addFile('c.js', 'var ticks = 0; function tick() { ticks++; } function count() { return ticks; } function every(n) { ScriptApp.newTrigger("tick").timeBased().everyMinutes(n).create(); } function hourly() { ScriptApp.newTrigger("tick").timeBased().everyHours(1).create(); }');
    expect(() => app.call('every', 30)).toThrow('Add-ons can only create time-based triggers that run at most once per hour.');
    app.call('hourly');
    ws.clock.advance(59 * 60_000);
    expect(ws.runDueTriggers()).toEqual([]);
    ws.clock.advance(5 * 3_600_000);
    expect(ws.runDueTriggers()).toHaveLength(1);
    expect(ws.runDueTriggers()).toEqual([]);
    expect(app.call('count')).toBe(1);
  });

  it('stops running triggers once the day’s trigger runtime is spent', () => {
    const ws = createWorkspace({ quotas: { triggerRuntimeMsPerDay: 1000 } });
    ws.spreadsheets.setActive(ws.spreadsheets.create('x'));
    const app = ws.load({ manifest, scripts: [['c.js', 'function slow() { Utilities.sleep(2000); } function hourly() { ScriptApp.newTrigger("slow").timeBased().everyHours(1).create(); }']], html: {} });
    app.call('hourly');
    ws.clock.advance(3_600_000);
    expect(ws.runDueTriggers()[0].ok).toBe(true);
    ws.clock.advance(3_600_000);
    expect(ws.runDueTriggers()[0]).toMatchObject({ ok: false, error: expect.stringContaining('too much computer time') });
  });
});
