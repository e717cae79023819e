/**
 * Calling contexts: the same top-level function runs as different people with different powers
 * depending on where it was called from. The add-on's security rests on the emulator getting
 * these right, so each is pinned here with its source.
 * - Session: https://developers.google.com/apps-script/reference/base/session#getActiveUser()
 *   ("not available in any context that allows a script to run without that user's
 *   authorization, like … a web app deployed to 'execute as me' … these restrictions generally do
 *   not apply if the developer runs the script themselves or belongs to the same Google Workspace
 *   domain as the user") and #getEffectiveUser() ("If the script is a web app set to 'execute as
 *   me' (the developer), this returns the developer's user account. If the script is running
 *   under an installable trigger, this returns the account of the user who created the trigger").
 * - google.script.run reaches every top-level function from any page the script serves,
 *   including the web app's: https://developers.google.com/apps-script/guides/html/reference/run
 *   (private functions, ending in "_", are the only exception:
 *   https://developers.google.com/apps-script/guides/html/communication#private_functions).
 * - SpreadsheetApp.getUi() outside a document open in a browser: "Exception: Cannot call
 *   SpreadsheetApp.getUi() from this context." (time-driven runs:
 *   github.com/davepar/gcalendarsync/issues/93; a trigger: github.com/LesterCovax/crypto-sheets/issues/50).
 */
import { createWorkspace, type Workspace } from '../../emulator';

const OWNER = 'admin@luukiem.example';
const SAME_DOMAIN = 'hang.xom@luukiem.example';
const OUTSIDER = 'la.mat@gmail.com';

const SOURCE = `
function who() {
  return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() };
}
function ui() {
  SpreadsheetApp.getUi();
  return 'ui';
}
function echo(a, b) { return { a: a, b: b, type: typeof a }; }
function secret_() { return 'private'; }
var seen = [];
function fromTrigger(e) {
  try { SpreadsheetApp.getUi(); seen.push('ui'); } catch (err) { seen.push(err.message); }
}
function installClock() { ScriptApp.newTrigger('fromTrigger').timeBased().everyHours(1).create(); }
function installSubmit() { ScriptApp.newTrigger('fromTrigger').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
function installEdit() { ScriptApp.newTrigger('fromTrigger').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
function seenSoFar() { return seen; }
function doGet() { return ContentService.createTextOutput(ui()); }
`;

function workspace(): Workspace {
  const ws = createWorkspace({ user: OWNER, now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL', { owner: OWNER }));
  ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } }, scripts: [['Code.js', SOURCE]], html: {} });
  return ws;
}

describe('google.script.run from the public web app page runs as the owner, with the visitor withheld', () => {
  it('an anonymous visitor and a signed-in consumer outsider are "" to getActiveUser(); the effective user is the owner', () => {
    const ws = workspace();
    expect(ws.webapp.run('who', [], { user: '' })).toEqual({ active: '', effective: OWNER });
    expect(ws.webapp.run('who', [], { user: OUTSIDER })).toEqual({ active: '', effective: OWNER });
  });

  it('a visitor of the owner’s Workspace domain, and the owner, are seen as themselves', () => {
    const ws = workspace();
    expect(ws.webapp.run('who', [], { user: SAME_DOMAIN })).toEqual({ active: SAME_DOMAIN, effective: OWNER });
    expect(ws.webapp.run('who', [], { user: OWNER })).toEqual({ active: OWNER, effective: OWNER });
  });

  it('from the sidebar the function runs as the person at the keyboard', () => {
    const ws = workspace();
    expect(ws.sidebar.run('who', [], { user: SAME_DOMAIN })).toEqual({ active: SAME_DOMAIN, effective: SAME_DOMAIN });
  });

  it('private functions are out of reach from either page', () => {
    const ws = workspace();
    expect(() => ws.webapp.run('secret_', [], { user: '' })).toThrow('Script function not found: secret_');
    expect(() => ws.sidebar.run('secret_', [])).toThrow('Script function not found: secret_');
  });

  it('arguments cross as JSON: plain objects and arrays arrive as copies; a Date or a function fails on the client', () => {
    const ws = workspace();
    expect(ws.webapp.run('echo', [{ toString: 1, nested: [1, undefined] }, null], { user: '' })).toEqual({ a: { toString: 1, nested: [1, null] }, b: null, type: 'object' });
    expect(() => ws.webapp.run('echo', [new Date()], { user: '' })).toThrow('Failed due to illegal value in property: 0');
    expect(() => ws.webapp.run('echo', [{ f: () => 1 }], { user: '' })).toThrow('Failed due to illegal value in property: f');
  });
});

describe('SpreadsheetApp.getUi() only where a document is open in a browser', () => {
  it('refused in a web app request and in google.script.run from the web app page', () => {
    const ws = workspace();
    const page = ws.webapp.get('', { user: '' });
    expect(page.error).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => ws.webapp.run('ui', [], { user: OWNER })).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('available from the sidebar and from a menu', () => {
    const ws = workspace();
    expect(ws.sidebar.run('ui', [])).toBe('ui');
    expect(ws.app!.run('ui', [], { kind: 'menu' })).toBe('ui');
  });

  it('refused in time-driven and form-submit triggers, available in an edit trigger', () => {
    const ws = workspace();
    ws.app!.call('installClock');
    ws.app!.call('installSubmit');
    ws.app!.call('installEdit');
    ws.clock.advance(3_600_000);
    ws.runDueTriggers();
    ws.fireTriggers('ON_FORM_SUBMIT', (triggerUid) => ({ triggerUid }));
    const first = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].name;
    ws.handEdit((ss) => ss.getSheets()[0].getRange('A1').setValue('x'), { range: { sheet: first, row: 1, column: 1 }, value: 'x' });
    expect(ws.app!.call('seenSoFar')).toEqual(['Cannot call SpreadsheetApp.getUi() from this context.', 'Cannot call SpreadsheetApp.getUi() from this context.', 'ui']);
  });
});
