/**
 * The local ward (npm start) over HTTP: the resident form runs the triggers, the sidebar's
 * google.script.run reaches the script under Apps Script's serialization rules, and state persists.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { spawn } from 'node:child_process';
import { printedUrl } from '../support/start-ward';
import { createWorkspace, type Workspace } from '../../emulator';
import { readProjectDir } from '../../emulator/core/realm';
import { startWard, type Ward } from '../../emulator/server/ward';

const ROOT = path.resolve(__dirname, '../..');

/** A second project file: a form with a destination and a submit trigger, as setup will later build. */
const FIXTURE = `
function fixtureForm() {
  var form = FormApp.create('Góp ý thử');
  form.addListItem().setTitle('Tổ dân phố').setChoiceValues(['Tổ dân phố 1', 'Tổ dân phố 2']).setRequired(true);
  form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  ScriptApp.newTrigger('fixtureOnSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
  return form.getPublishedUrl();
}
function fixtureOnSubmit(e) {
  PropertiesService.getDocumentProperties().setProperty('lastSubmit', JSON.stringify(e.namedValues));
}
function fixtureLast() { return PropertiesService.getDocumentProperties().getProperty('lastSubmit'); }
function fixtureDate() { return { at: new Date(), label: 'x' }; }
function fixtureEcho(v) { return v; }
function fixtureFail() { throw new Error('Không được phép'); }
function fixtureSecret_() { return 'bí mật'; }
`;

let ws: Workspace;
let ward: Ward;
let dir: string;

async function post(url: string, body: string, type = 'application/x-www-form-urlencoded'): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'Content-Type': type }, redirect: 'manual' });
}

/** A raw HTTP request, so the Host and Origin headers are exactly what a test says. */
function rawRequest(url: string, method: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-'));
  ws = createWorkspace({ user: 'admin@luukiem.example' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('Hòm thư số — CSDL'));
  // The fixture creates a form and a trigger, which needs two scopes the hello app does not ask for.
  const project = readProjectDir(path.join(ROOT, 'build'));
  const G = 'https://www.googleapis.com/auth/';
  project.manifest.oauthScopes = [...(project.manifest.oauthScopes ?? []), `${G}forms`, `${G}script.scriptapp`];
  const app = ws.load(project);
  app.addFile('fixture.js', FIXTURE);
  ws.open('LIMITED');
  ward = await startWard({ ws, port: 0, snapshotFile: path.join(dir, 'workspace.json') });
});

afterAll(async () => {
  await ward.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the index page', () => {
  it('is titled "Hòm thư số" and shows the add-on menu built by onOpen', async () => {
    const html = await (await fetch(ward.url)).text();
    expect(html).toContain('<title>Hòm thư số</title>');
    expect(html).toContain('Tiện ích › Hòm thư số');
    expect(html).toContain('value="showSidebar"');
  });
});

describe('the resident form', () => {
  it('is rendered from the FormApp model; submitting it runs the trigger and adds a row to the responses tab', async () => {
    const published = ws.app!.call('fixtureForm') as string;
    const local = new URL(published).pathname;
    const form = await (await fetch(ward.url + local)).text();
    expect(form).toContain('Góp ý thử');
    const model = ws.forms.model(ws.forms.idFromUrl(published)!);
    const [group, content] = model.items;
    expect(form).toContain(`name="entry.${content.id}"`);
    const payload = new URLSearchParams({ [`entry.${group.id}`]: 'Tổ dân phố 2', [`entry.${content.id}`]: '<script>alert(1)</script> đèn hỏng' });
    const res = await post(ward.url + local, payload.toString());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Câu trả lời của bạn đã được ghi lại.');
    expect(JSON.parse(ws.app!.call('fixtureLast') as string)).toMatchObject({ 'Tổ dân phố': ['Tổ dân phố 2'], 'Nội dung': ['<script>alert(1)</script> đèn hỏng'] });
    const sheet = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.formUrl)!;
    expect(sheet.displayValues[1].slice(1)).toEqual(['Tổ dân phố 2', '<script>alert(1)</script> đèn hỏng']);
    const view = await (await fetch(`${ward.url}/sheets/${ws.spreadsheets.activeId()}/${sheet.sheetId}`)).text();
    expect(view).toContain('&lt;script&gt;alert(1)&lt;/script&gt; đèn hỏng');
    expect(view).not.toContain('<script>alert(1)');
  });

  it('shows what the resident must fix, in Vietnamese, and records nothing', async () => {
    const formId = ws.forms.list()[0].id;
    const local = new URL(ws.forms.model(formId).publishedUrl).pathname;
    const before = ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.formUrl)!.displayValues.length;
    const res = await post(ward.url + local, '');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Chưa gửi được');
    expect(ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets.find((s) => s.formUrl)!.displayValues.length).toBe(before);
  });
});

describe('the sidebar and google.script.run', () => {
  it('the menu item opens the sidebar exactly as HtmlService produced it, with the bridge injected', async () => {
    const res = await post(`${ward.url}/menu`, 'fn=showSidebar');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sidebar');
    const content = await (await fetch(`${ward.url}/sidebar/content/${ws.ui.sidebars().length - 1}`)).text();
    const built = fs.readFileSync(path.join(ROOT, 'build/Sidebar.html'), 'utf8');
    expect(content.replace(/<script>\/\*\n \* google\.script\.run[\s\S]*?<\/script>/, '')).toBe(built);
  });

  it('round-trips a call; a Date in the result reaches the client as null; failures carry the message', async () => {
    const call = async (fn: string, args: unknown[] = []) => (await post(`${ward.url}/rpc`, JSON.stringify({ fn, args }), 'application/json')).json();
    expect(await call('getSidebarState')).toMatchObject({ ok: true, value: { user: 'admin@luukiem.example', ready: false } });
    expect(await call('fixtureDate')).toEqual({ ok: true, value: null });
    expect(await call('fixtureEcho', [{ a: [1, null, 'x'] }])).toEqual({ ok: true, value: { a: [1, null, 'x'] } });
    expect(await call('fixtureFail')).toEqual({ ok: false, error: { name: 'Error', message: 'Không được phép' } });
    expect(await call('nope')).toEqual({ ok: false, error: { name: 'Exception', message: 'Script function not found: nope' } });
  });

  it('the client bridge refuses a Date argument, turns undefined array items into null, and delivers results to the handlers', async () => {
    await post(`${ward.url}/menu`, 'fn=showSidebar');
    const content = await (await fetch(`${ward.url}/sidebar/content/${ws.ui.sidebars().length - 1}`)).text();
    const bridge = /<script>(\/\*\n \* google\.script\.run[\s\S]*?)<\/script>/.exec(content)![1];
    const window: Record<string, unknown> = {};
    const context = vm.createContext({ window, location: { origin: ward.url }, console, fetch: (u: string, o: RequestInit) => fetch(ward.url + u, o) });
    vm.runInContext(bridge, context);
    const run = (window.google as { script: { run: Record<string, (...a: unknown[]) => unknown> & { withSuccessHandler(f: (v: unknown) => void): { withFailureHandler(f: (e: Error) => void): Record<string, (...a: unknown[]) => void> } } } }).script.run;
    // Arguments are made in the page's own realm, as a browser page would make them.
    const inPage = (code: string) => vm.runInContext(code, context);
    expect(() => run.fixtureEcho(inPage('new Date()'))).toThrow('Failed due to illegal value in property: 0');
    expect(() => run.fixtureEcho(inPage('({ when: new Date() })'))).toThrow('Failed due to illegal value in property: when');
    expect(() => run.fixtureEcho(inPage('(function () { var a = {}; a.self = a; return a; })()'))).toThrow('Failed due to illegal value in property: self');
    const echoed = await new Promise((resolve, reject) => run.withSuccessHandler(resolve).withFailureHandler(reject).fixtureEcho(inPage("[1, undefined, { k: undefined, d: 'x' }]")));
    expect(echoed).toEqual([1, null, { d: 'x' }]);
    const failure = await new Promise<Error>((resolve) => run.withSuccessHandler(() => undefined).withFailureHandler(resolve).fixtureFail());
    expect(failure.message).toBe('Không được phép');
    expect(typeof (run as Record<string, unknown>).notAServerFunction).toBe('undefined');
  });
});

describe('what /rpc may call — https://developers.google.com/apps-script/guides/html/reference/run', () => {
  const call = async (fn: string, args: unknown[] = []) => (await post(`${ward.url}/rpc`, JSON.stringify({ fn, args }), 'application/json')).json();

  it('calls only the script’s own top-level functions, never inherited names', async () => {
    for (const fn of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf']) {
      expect(await call(fn)).toEqual({ ok: false, error: { name: 'Exception', message: `Script function not found: ${fn}` } });
    }
  });

  // "Private functions": server functions whose names end with an underscore cannot be called
  // from google.script.run. https://developers.google.com/apps-script/guides/html/communication#private_functions
  it('refuses private functions (names ending in _)', async () => {
    expect(ws.app!.call('fixtureSecret_')).toBe('bí mật');
    expect(await call('fixtureSecret_')).toEqual({ ok: false, error: { name: 'Exception', message: 'Script function not found: fixtureSecret_' } });
  });

  it('the client bridge offers no private function, even when the server lists one', async () => {
    await post(`${ward.url}/menu`, 'fn=showSidebar');
    const content = await (await fetch(`${ward.url}/sidebar/content/${ws.ui.sidebars().length - 1}`)).text();
    expect(content).not.toContain('fixtureSecret_');
    const source = fs.readFileSync(path.join(ROOT, 'emulator/server/bridge.client.js'), 'utf8').replace('__FUNCTIONS__', '["visible", "hidden_"]').replace('__MAX_IN_FLIGHT__', '10');
    const window: Record<string, unknown> = {};
    vm.runInContext(source, vm.createContext({ window, location: { origin: ward.url }, console }));
    const run = (window.google as { script: { run: Record<string, unknown> } }).script.run;
    expect(typeof run.visible).toBe('function');
    expect(run.hidden_).toBeUndefined();
  });
});

describe('the ward server’s own safety', () => {
  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect((ward.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('refuses a state-changing request from another origin, or for another host (403), and changes nothing', async () => {
    const own = new URL(ward.url).host;
    const before = ws.user();
    const changed = await rawRequest(`${ward.url}/user`, 'POST', { Host: own, Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, 'email=attacker%40evil.example');
    expect(changed.status).toBe(403);
    expect(ws.user()).toBe(before);
    const rebound = await rawRequest(`${ward.url}/rpc`, 'POST', { Host: 'evil.example', 'Content-Type': 'application/json' }, JSON.stringify({ fn: 'getSidebarState', args: [] }));
    expect(rebound.status).toBe(403);
    const nullOrigin = await rawRequest(`${ward.url}/clock`, 'POST', { Host: own, Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }, 'hours=1');
    expect(nullOrigin.status).toBe(403);
    // Its own origin, and a client that sends none (curl, tests), are served.
    const same = await rawRequest(`${ward.url}/rpc`, 'POST', { Host: own, Origin: ward.url, 'Content-Type': 'application/json' }, JSON.stringify({ fn: 'fixtureEcho', args: [1] }));
    expect(JSON.parse(same.body)).toEqual({ ok: true, value: 1 });
  });

  it('shows hidden tabs only to the spreadsheet owner and the editors of the tab’s protection', async () => {
    const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = SpreadsheetApp.getActive();
    const secret = ss.insertSheet('Tab ẩn thử');
    secret.getRange('A1').setValue('số điện thoại');
    secret.protect().addEditor('quantri@luukiem.example');
    secret.hideSheet();
    const unprotected = ss.insertSheet('Tab ẩn không bảo vệ');
    unprotected.hideSheet();
    const page = (id: number) => rawRequest(`${ward.url}/sheets/${ss.getId()}/${id}`, 'GET', { Host: new URL(ward.url).host });
    const index = async () => (await fetch(ward.url)).text();
    const owner = ws.user();
    try {
      expect(await index()).toContain('Tab ẩn thử');
      expect((await page(secret.getSheetId())).status).toBe(200);
      expect((await page(unprotected.getSheetId())).status).toBe(200);

      ws.setUser('khach@luukiem.example');
      expect(await index()).not.toContain('Tab ẩn thử');
      const refused = await page(secret.getSheetId());
      expect(refused.status).toBe(404);
      expect(refused.body).not.toContain('số điện thoại');
      // The tab list on a visible tab's page leaves it out too.
      const visible = await page(ss.getSheets().find((s) => !s.isSheetHidden())!.getSheetId());
      expect(visible.body).not.toContain('Tab ẩn thử');

      ws.setUser('quantri@luukiem.example');
      expect(await index()).toContain('Tab ẩn thử');
      expect((await page(secret.getSheetId())).status).toBe(200);
      expect((await page(unprotected.getSheetId())).status).toBe(404);
    } finally {
      ws.setUser(owner);
    }
  });
});

describe('persistence', () => {
  it('writes a snapshot after each change that restores the same ward', () => {
    const saved = fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8');
    const again = createWorkspace({ snapshot: saved });
    expect(again.spreadsheets.view(again.spreadsheets.activeId()!).sheets.find((s) => s.formUrl)!.displayValues[1][2]).toBe('<script>alert(1)</script> đèn hỏng');
    expect(again.triggers()).toHaveLength(1);
  });
});

describe('npm start', () => {
  it('serves a fresh ward at the address it prints, with the menu and a working RPC', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-start-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'emulator/server/main.ts', '--reset', '--data', data], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0' },
    });
    try {
      const url = await printedUrl(child);
      expect(await (await fetch(url)).text()).toContain('value="showSidebar"');
      expect(fs.existsSync(path.join(data, 'workspace.json'))).toBe(true);
      const res = await post(`${url}/rpc`, JSON.stringify({ fn: 'getSidebarState', args: [] }), 'application/json');
      expect(await res.json()).toMatchObject({ ok: true, value: { user: 'admin@luukiem.example', ready: true, role: 'admin' } });
    } finally {
      child.kill('SIGTERM');
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('npm start stops cleanly', () => {
  it('SIGTERM to the npm process frees the port (no child left holding it)', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-stop-'));
    // The build is fresh (jest's global setup): skip it here by running the script's second half the way npm does.
    // Its own process group, so that whatever happens the test can end every process it started.
    const child = spawn('npm', ['start', '--silent', '--', '--reset', '--data', data], { cwd: ROOT, env: { ...process.env, PORT: '0' }, detached: true });
    // Bounded by the test's own timeout only: a loaded machine may take long to stop, and a stop
    // that never comes fails the test by that timeout rather than passing after a fixed wait.
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const url = await printedUrl(child);
      expect((await fetch(url)).ok).toBe(true);
      child.kill('SIGTERM');
      await exited;
      // Our ward no longer answers: the server process itself received the signal and closed. (Other
      // tests start wards on free ports too; one may take the freed port at once, and it refuses a
      // request naming another server's address with 403 — never the 200 ours would give.)
      const after = await fetch(url).then((r) => r.status, () => 'closed');
      expect(['closed', 403]).toContain(after);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
      fs.rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
