/**
 * The web app side of Apps Script: doGet(e) / doPost(e) with Apps Script's event object, the
 * manifest's "webapp" section (executeAs, access), ScriptApp.getService(), HtmlOutput's web app
 * methods, and the local ward serving the web app at /exec.
 */
import { createWorkspace, type Workspace } from '../../emulator';
import { NOTHING_RETURNED, PAGE_NOT_FOUND } from '../../emulator/services/webapp';
import { startWard, type Ward } from '../../emulator/server/ward';

const OWNER = 'admin@luukiem.example';
const G = 'https://www.googleapis.com/auth/';

type WebApp = { executeAs: string; access: string };

/** Echoes the event object and who the script runs as. */
const ECHO = `
function who_() {
  return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() };
}
function doGet(e) {
  return ContentService.createTextOutput(JSON.stringify({ e: e, who: who_() })).setMimeType(ContentService.MimeType.JSON);
}
function doPost(e) {
  return ContentService.createTextOutput(JSON.stringify({ e: e, who: who_() })).setMimeType(ContentService.MimeType.JSON);
}
`;

function setup(webapp: WebApp | undefined, source = ECHO, extra: Record<string, unknown> = {}): Workspace {
  const ws = createWorkspace({ user: OWNER, now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL', { owner: OWNER }));
  ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', ...(webapp ? { webapp } : {}), ...extra }, scripts: [['Code.js', source]], html: {} });
  return ws;
}

const PUBLIC: WebApp = { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' };

function echo(answer: { status: number; body: string }): { e: Record<string, unknown>; who: { active: string; effective: string } } {
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as { e: Record<string, unknown>; who: { active: string; effective: string } };
}

describe('Request parameters — https://developers.google.com/apps-script/guides/web#request_parameters', () => {
  it('GET: queryString, parameter (first value of each name), parameters (every value), contextPath "", contentLength -1', () => {
    const ws = setup(PUBLIC);
    const { e } = echo(ws.webapp.get('?name=alice&n=1&n=2', { user: '' }));
    expect(e).toEqual({ queryString: 'name=alice&n=1&n=2', parameter: { name: 'alice', n: '1' }, parameters: { name: ['alice'], n: ['1', '2'] }, contextPath: '', contentLength: -1 });
    expect('pathInfo' in e).toBe(false);
    expect('postData' in e).toBe(false);
  });

  it('queryString is null when the URL has none ("or null if no query string is specified"), and values are decoded', () => {
    const ws = setup(PUBLIC);
    expect(echo(ws.webapp.get('', { user: '' })).e).toEqual({ queryString: null, parameter: {}, parameters: {}, contextPath: '', contentLength: -1 });
    expect(echo(ws.webapp.get('?code=GY-2026-00001&q=Ng%C3%B5+7', { user: '' })).e.parameter).toEqual({ code: 'GY-2026-00001', q: 'Ngõ 7' });
  });

  it('pathInfo is the URL path after /exec ("/exec/hello" → "hello"), for a signed-in visitor', () => {
    const ws = setup(PUBLIC);
    const { e } = echo(ws.webapp.get('/lookup/GY-1?x=1', { user: 'dan@gmail.com' }));
    expect(e.pathInfo).toBe('lookup/GY-1');
    expect(e.queryString).toBe('x=1');
  });

  it('POST: contentLength is the body length in bytes, postData { length, type, contents, name: "postData" }; a form-encoded body fills parameter(s) after the query', () => {
    const ws = setup(PUBLIC);
    const body = 'hoTen=Nguy%E1%BB%85n+V%C4%83n+A&n=3';
    const { e } = echo(ws.webapp.post('?n=1', body, 'application/x-www-form-urlencoded', { user: '' }));
    expect(e).toEqual({
      queryString: 'n=1',
      parameter: { n: '1', hoTen: 'Nguyễn Văn A' },
      parameters: { n: ['1', '3'], hoTen: ['Nguyễn Văn A'] },
      contextPath: '',
      contentLength: body.length,
      postData: { length: body.length, type: 'application/x-www-form-urlencoded', contents: body, name: 'postData' },
    });
  });

  it('POST: a JSON body stays in postData.contents (not parsed), its length counted in UTF-8 bytes', () => {
    const ws = setup(PUBLIC);
    const body = JSON.stringify({ noiDung: 'Đèn hỏng' });
    const { e } = echo(ws.webapp.post('', body, 'application/json', { user: '' }));
    expect(e.parameters).toEqual({});
    expect(e.contentLength).toBe(Buffer.byteLength(body));
    expect(e.contentLength).toBeGreaterThan(body.length);
    expect(e.postData).toEqual({ length: Buffer.byteLength(body), type: 'application/json', contents: body, name: 'postData' });
  });

  it('POST with an empty body: contentLength 0 and no postData', () => {
    const ws = setup(PUBLIC);
    const { e } = echo(ws.webapp.post('', '', 'application/x-www-form-urlencoded', { user: '' }));
    expect(e.contentLength).toBe(0);
    expect('postData' in e).toBe(false);
  });

  it('each request is its own execution of kind "webapp", metered like the others, under the 6-minute limit', () => {
    const ws = setup(PUBLIC, `${ECHO}
      function slow_() { Utilities.sleep(300000); Utilities.sleep(300000); return HtmlService.createHtmlOutput('late'); }
      doPost = function () { return slow_(); };`);
    ws.resetStats();
    ws.webapp.get('?a=1', { user: '' });
    const record = ws.executions()[ws.executions().length - 1];
    expect(record).toMatchObject({ kind: 'webapp', label: 'doGet', user: OWNER, status: 'completed' });
    expect(ws.stats().services.Session.methods['Session.getEffectiveUser'].calls).toBe(1);
    expect(ws.stats().services.ContentService.calls).toBeGreaterThan(0);

    const late = ws.webapp.post('', '', 'text/plain', { user: '' });
    expect(late.error).toBe('Exception: Exceeded maximum execution time');
    expect(ws.executions()[ws.executions().length - 1]).toMatchObject({ kind: 'webapp', label: 'doPost', status: 'failed' });
  });
});

describe('Requirements for web apps — https://developers.google.com/apps-script/guides/web#requirements_for_web_apps', () => {
  it('serves an HtmlOutput as HTML (its title and meta tags with it) and a TextOutput with its MIME type', () => {
    const ws = setup(PUBLIC, `
      function doGet(e) {
        if (e.parameter.as === 'csv') return ContentService.createTextOutput('a,b').setMimeType(ContentService.MimeType.CSV).downloadAsFile('bao-cao.csv');
        return HtmlService.createHtmlOutput('<p>Tra cứu</p>').setTitle('Tra cứu ý kiến').addMetaTag('viewport', 'width=device-width, initial-scale=1');
      }`);
    expect(ws.webapp.get('', { user: '' })).toEqual({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<p>Tra cứu</p>',
      output: 'HtmlOutput',
      title: 'Tra cứu ý kiến',
      metaTags: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      xFrameOptionsMode: 'DEFAULT',
    });
    expect(ws.webapp.get('?as=csv', { user: '' })).toEqual({ status: 200, contentType: 'text/csv; charset=utf-8', body: 'a,b', output: 'TextOutput', fileName: 'bao-cao.csv' });
  });

  it('anything else returned (a string, nothing, an unevaluated template) gives "The script completed but did not return anything."', () => {
    const ws = setup(PUBLIC, `
      function doGet(e) {
        if (e.parameter.r === 'string') return '<p>hi</p>';
        if (e.parameter.r === 'template') return HtmlService.createTemplate('<p>hi</p>');
      }`);
    for (const tail of ['?r=string', '?r=template', '']) {
      const answer = ws.webapp.get(tail, { user: '' });
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(`<!DOCTYPE html><html><head><title>Web App</title></head><body><p>${NOTHING_RETURNED}</p></body></html>`);
      expect(answer.output).toBeUndefined();
    }
    expect(NOTHING_RETURNED).toBe('The script completed but did not return anything.');
  });

  it('a script without doGet (or doPost) answers "Script function not found: doGet"', () => {
    const ws = setup(PUBLIC, 'function doPost(e) { return ContentService.createTextOutput("ok"); }');
    const answer = ws.webapp.get('', { user: '' });
    expect(answer.error).toBe('Script function not found: doGet');
    expect(answer.body).toContain('Script function not found: doGet');
    expect(ws.webapp.post('', 'x', 'text/plain', { user: '' }).body).toBe('ok');
    const noPost = setup(PUBLIC, 'function doGet() { return ContentService.createTextOutput("ok"); }');
    expect(noPost.webapp.post('', 'x', 'text/plain', { user: '' }).error).toBe('Script function not found: doPost');
  });

  it('a failing doGet shows its error (escaped) and is logged as a failed execution', () => {
    const ws = setup(PUBLIC, 'function doGet(e) { throw new Error("<b>hỏng</b> " + e.parameter.x); }');
    const answer = ws.webapp.get('?x=1', { user: '' });
    expect(answer.error).toBe('Error: <b>hỏng</b> 1');
    expect(answer.body).toContain('Error: &lt;b&gt;hỏng&lt;/b&gt; 1');
    expect(ws.executions()[ws.executions().length - 1]).toMatchObject({ kind: 'webapp', status: 'failed' });
  });
});

describe('Web apps manifest resource — https://developers.google.com/apps-script/manifest/web-app-api-executable', () => {
  it('a project without a "webapp" section is no web app: Drive\'s "Page Not Found" and no URL', () => {
    const ws = setup(undefined, `${ECHO} function url() { return [ScriptApp.getService().getUrl(), ScriptApp.getService().isEnabled()]; }`);
    const answer = ws.webapp.get('', { user: OWNER });
    expect(answer.status).toBe(404);
    expect(answer.body).toContain(PAGE_NOT_FOUND);
    expect(ws.webapp.url()).toBeNull();
    expect(ws.app!.call('url')).toEqual([null, false]);
  });

  it('refuses a webapp section a deployment would refuse', () => {
    expect(() => setup({ executeAs: 'ME', access: 'ANYONE' })).toThrow(/webapp.executeAs must be USER_ACCESSING or USER_DEPLOYING/);
    expect(() => setup({ executeAs: 'USER_DEPLOYING', access: 'EVERYONE' })).toThrow(/webapp.access must be one of MYSELF, DOMAIN, ANYONE, ANYONE_ANONYMOUS/);
    // The deployment dialog offers "Anyone, even anonymous" only when executing as the deployer.
    expect(() => setup({ executeAs: 'USER_ACCESSING', access: 'ANYONE_ANONYMOUS' })).toThrow(/USER_ACCESSING cannot be deployed for ANYONE_ANONYMOUS/);
  });

  it('MYSELF: only the user who deployed it; anyone else gets "Page Not Found", an anonymous visitor the sign-in page', () => {
    const ws = setup({ executeAs: 'USER_DEPLOYING', access: 'MYSELF' });
    expect(ws.webapp.deployer()).toBe(OWNER);
    expect(echo(ws.webapp.get('', { user: OWNER })).who).toEqual({ active: OWNER, effective: OWNER });
    const other = ws.webapp.get('', { user: 'ubnd@luukiem.example' });
    expect(other.status).toBe(404);
    expect(other.body).toContain(PAGE_NOT_FOUND);
    const anonymous = ws.webapp.get('?x=1', { user: '' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`https://accounts.google.com/ServiceLogin?continue=${encodeURIComponent(`${ws.webapp.url()}?x=1`)}`);
  });

  it('DOMAIN: users of the deployer\'s domain only (a consumer gmail.com account shares no domain)', () => {
    const ws = setup({ executeAs: 'USER_DEPLOYING', access: 'DOMAIN' });
    expect(ws.webapp.get('', { user: 'ubnd@luukiem.example' }).status).toBe(200);
    expect(ws.webapp.get('', { user: 'dan@gmail.com' }).status).toBe(404);
    expect(ws.webapp.get('', { user: '' }).status).toBe(302);
    const consumer = createWorkspace({ user: 'chutich@gmail.com' });
    consumer.spreadsheets.setActive(consumer.spreadsheets.create('CSDL'));
    consumer.load({ manifest: { webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } }, scripts: [['Code.js', ECHO]], html: {} });
    expect(consumer.webapp.get('', { user: 'chutich@gmail.com' }).status).toBe(200);
    expect(consumer.webapp.get('', { user: 'hangxom@gmail.com' }).status).toBe(404);
  });

  it('ANYONE: any signed-in user; ANYONE_ANONYMOUS: anyone — but a URL with a path after /exec still asks an anonymous visitor to sign in', () => {
    const signedIn = setup({ executeAs: 'USER_DEPLOYING', access: 'ANYONE' });
    expect(signedIn.webapp.get('', { user: 'dan@gmail.com' }).status).toBe(200);
    expect(signedIn.webapp.get('', { user: '' }).status).toBe(302);
    const open = setup(PUBLIC);
    expect(open.webapp.get('?x=1', { user: '' }).status).toBe(200);
    expect(open.webapp.get('/lookup', { user: '' }).status).toBe(302);
    expect(open.webapp.get('/lookup', { user: 'dan@gmail.com' }).status).toBe(200);
  });

  it('USER_DEPLOYING runs as the deployer: Session.getEffectiveUser() is the deployer; getActiveUser() is the visitor only for the deployer or the same Workspace domain, else ""', () => {
    // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
    // https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()
    const ws = setup(PUBLIC);
    expect(echo(ws.webapp.get('', { user: 'dan@gmail.com' })).who).toEqual({ active: '', effective: OWNER });
    expect(echo(ws.webapp.get('', { user: '' })).who).toEqual({ active: '', effective: OWNER });
    expect(echo(ws.webapp.get('', { user: 'ubnd@luukiem.example' })).who).toEqual({ active: 'ubnd@luukiem.example', effective: OWNER });
    expect(ws.executions()[ws.executions().length - 1].user).toBe(OWNER);
  });

  it('USER_ACCESSING runs as the visitor', () => {
    const ws = setup({ executeAs: 'USER_ACCESSING', access: 'ANYONE' });
    expect(echo(ws.webapp.get('', { user: 'dan@gmail.com' })).who).toEqual({ active: 'dan@gmail.com', effective: 'dan@gmail.com' });
    expect(ws.executions()[ws.executions().length - 1]).toMatchObject({ kind: 'webapp', user: 'dan@gmail.com' });
  });
});

describe('Service — https://developers.google.com/apps-script/reference/script/service', () => {
  it('getUrl() is https://script.google.com/macros/s/<deploymentId>/exec, stable for the workspace and kept in snapshots', () => {
    const source = `${ECHO} function url() { return [ScriptApp.getService().getUrl(), ScriptApp.getService().isEnabled()]; }`;
    const ws = setup(PUBLIC, source);
    const [url, enabled] = ws.app!.call('url') as [string, boolean];
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]{40,}\/exec$/);
    expect(enabled).toBe(true);
    expect(ws.webapp.url()).toBe(url);
    // A new version of the script keeps the deployment.
    ws.load({ manifest: { webapp: PUBLIC }, scripts: [['Code.js', source]], html: {} });
    expect(ws.app!.call('url')).toEqual([url, true]);
    const restored = createWorkspace({ snapshot: ws.snapshot() });
    restored.load({ manifest: { webapp: PUBLIC }, scripts: [['Code.js', source]], html: {} });
    expect(restored.app!.call('url')).toEqual([url, true]);
    expect(restored.webapp.deployer()).toBe(OWNER);
    // Another workspace deploys another web app.
    expect(setup(PUBLIC, source).webapp.url()).toBe(url);
    const other = createWorkspace({ user: OWNER });
    other.spreadsheets.setActive(other.spreadsheets.create('Khác'));
    other.spreadsheets.create('Thêm');
    other.load({ manifest: { webapp: PUBLIC }, scripts: [['Code.js', source]], html: {} });
    expect(other.webapp.url()).not.toBe(url);
  });

  it('disable() (deprecated) is not modelled', () => {
    const ws = setup(PUBLIC, 'function off() { ScriptApp.getService().disable(); }');
    expect(() => ws.app!.call('off')).toThrow('not implemented in the emulator: Service.disable');
  });
});

describe('HtmlOutput web app methods — https://developers.google.com/apps-script/reference/html/html-output', () => {
  it('addMetaTag accepts only the allowed names and getMetaTags returns HtmlOutputMetaTag objects (https://developers.google.com/apps-script/reference/html/html-output-meta-tag)', () => {
    const HtmlService = createWorkspace().globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    const output = HtmlService.createHtmlOutput('<b>Hello, world!</b>');
    for (const name of ['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable', 'google-site-verification']) output.addMetaTag(name, `v-${name}`);
    const tags = output.getMetaTags();
    expect(tags.map((t) => [t.getName(), t.getContent()])).toEqual([
      ['viewport', 'v-viewport'],
      ['apple-mobile-web-app-capable', 'v-apple-mobile-web-app-capable'],
      ['mobile-web-app-capable', 'v-mobile-web-app-capable'],
      ['google-site-verification', 'v-google-site-verification'],
    ]);
    expect(String(tags[0])).toBe('HtmlOutputMetaTag');
    expect(() => output.addMetaTag('description', 'x')).toThrow('Invalid argument: name');
    expect(() => output.addMetaTag('Viewport', 'x')).toThrow('Invalid argument: name');
    expect(() => output.addMetaTag('viewport', undefined as unknown as string)).toThrow("The parameters (String,undefined) don't match the method signature for HtmlService.HtmlOutput.addMetaTag.");
    expect(output.getMetaTags()).toHaveLength(4);
  });

  it('setTitle, setFaviconUrl / getFaviconUrl and setXFrameOptionsMode reach the served page', () => {
    const ws = setup(PUBLIC, `
      function doGet() {
        var out = HtmlService.createHtmlOutput('<p>x</p>').setTitle('Hòm thư số').setFaviconUrl('https://example.com/icon.png')
          .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
        if (out.getFaviconUrl() !== 'https://example.com/icon.png') throw new Error('favicon');
        return out;
      }`);
    expect(ws.webapp.get('', { user: '' })).toMatchObject({ title: 'Hòm thư số', faviconUrl: 'https://example.com/icon.png', xFrameOptionsMode: 'ALLOWALL' });
    const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    expect(HtmlService.createHtmlOutput('').getFaviconUrl()).toBeNull();
    expect(() => HtmlService.createHtmlOutput('').setXFrameOptionsMode('ALLOWALL' as unknown as GoogleAppsScript.HTML.XFrameOptionsMode)).toThrow(/don't match the method signature for HtmlService.HtmlOutput.setXFrameOptionsMode/);
  });
});

describe('A bound script\'s web app and its container — https://developers.google.com/apps-script/guides/bound', () => {
  // "Scripts bound to Google Sheets, Docs, Slides, or Forms can also become web apps", and
  // getActiveSpreadsheet() lets a bound script "refer to their parent file without referring to the
  // file's ID": inside the web app SpreadsheetApp.getActive() is the container spreadsheet. It needs
  // one of the scopes of https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActive()
  // — spreadsheets.currentonly (enough for the container) or spreadsheets.
  const SOURCE = 'function doGet() { return ContentService.createTextOutput(SpreadsheetApp.getActive().getName()); }';

  it('SpreadsheetApp.getActive() is the container spreadsheet, with spreadsheets.currentonly', () => {
    const ws = setup(PUBLIC, SOURCE, { oauthScopes: [`${G}spreadsheets.currentonly`] });
    expect(ws.webapp.get('', { user: '' }).body).toBe('CSDL');
    expect(setup(PUBLIC, SOURCE, { oauthScopes: [`${G}spreadsheets`] }).webapp.get('', { user: '' }).body).toBe('CSDL');
  });

  it('without a Sheets scope the web app fails as Apps Script does', () => {
    const ws = setup(PUBLIC, SOURCE, { oauthScopes: [`${G}script.send_mail`] });
    // The live wording: https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is (core/scopes.ts).
    expect(ws.webapp.get('', { user: '' }).error).toBe(
      `Exception: You do not have permission to call SpreadsheetApp.getActive. Required permissions: (${G}spreadsheets.currentonly || ${G}spreadsheets). For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is`,
    );
  });
});

describe('The local ward serves the web app at /exec (emulator/server)', () => {
  const SOURCE = `
    function doGet(e) {
      return HtmlService.createHtmlOutput('<html><head><base target="_top"></head><body><p id="x">x=' + e.parameter.x + '</p>'
          + '<a href="' + ScriptApp.getService().getUrl() + '?trang=2" target="_top">Trang 2</a></body></html>')
        .setTitle('Tra cứu ý kiến').addMetaTag('viewport', 'width=device-width, initial-scale=1');
    }
    function doPost(e) { return ContentService.createTextOutput('Đã nhận ' + e.parameter.ma).setMimeType(ContentService.MimeType.TEXT); }
    function whoAmI() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
    function secret_() { return 'bí mật'; }`;
  let ws: Workspace;
  let ward: Ward;

  beforeAll(async () => {
    ws = setup({ executeAs: 'USER_DEPLOYING', access: 'ANYONE' }, SOURCE);
    ws.setUser('ubnd@luukiem.example');
    ward = await startWard({ ws, port: 0 });
  });

  afterAll(async () => {
    await ward.close();
  });

  const rpc = (fn: string, args: unknown[] = []): Promise<unknown> =>
    fetch(`${ward.url}/webapp/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn, args }) }).then((r) => r.json());

  it('GET /exec?x=1: the page with the title and the viewport meta, the HtmlOutput in Google\'s sandbox frame', async () => {
    const res = await fetch(`${ward.url}/exec?x=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const page = await res.text();
    expect(page).toContain('<title>Tra cứu ý kiến</title>');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const frame = /<iframe id="sandboxFrame" title="Tra cứu ý kiến" sandbox="([^"]+)"[^>]* src="(\/webapp\/frame\/[0-9a-f]{32})">/.exec(page);
    expect(frame).not.toBeNull();
    expect(frame![1].split(' ')).toEqual(expect.arrayContaining(['allow-scripts', 'allow-forms', 'allow-top-navigation-by-user-activation']));
    expect(frame![1]).not.toContain('allow-top-navigation ');

    const content = await (await fetch(ward.url + frame![2])).text();
    expect(content).toContain('<p id="x">x=1</p>');
    // The web app's own URL leads to the ward's /exec (target="_top" leaves the frame).
    expect(content).toContain('<a href="/exec?trang=2" target="_top">Trang 2</a>');
    expect(content).toContain('var RPC_URL = "/webapp/rpc"');
    expect(content).toContain('"whoAmI"');
    expect(content).not.toContain('secret_');
    expect(ws.executions()[ws.executions().length - 1]).toMatchObject({ kind: 'webapp', label: 'doGet', user: OWNER });
  });

  it('POST /exec runs doPost with the form body; a TextOutput is served as its text', async () => {
    const res = await fetch(`${ward.url}/exec`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'ma=GY-2026-00001' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Đã nhận GY-2026-00001');
  });

  it('google.script.run from the page runs as the web app runs (executeAs the deployer), never a private function', async () => {
    expect(await rpc('whoAmI')).toEqual({ ok: true, value: ['ubnd@luukiem.example', OWNER] });
    expect(ws.executions()[ws.executions().length - 1]).toMatchObject({ kind: 'rpc', label: 'whoAmI', user: OWNER });
    expect(await rpc('secret_')).toEqual({ ok: false, error: { name: 'Exception', message: 'Script function not found: secret_' } });
  });

  it('"Ẩn danh" on the index page makes the visitor anonymous: this web app (ANYONE) then asks to sign in; an account ends it', async () => {
    const index = await (await fetch(`${ward.url}/`)).text();
    expect(index).toContain('<a href="/exec">Mở ứng dụng web</a>');
    expect(index).toMatch(/<input type="hidden" name="anonymous" value="1"><button>Ẩn danh<\/button>/);

    const switched = await fetch(`${ward.url}/user`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'anonymous=1', redirect: 'manual' });
    expect(switched.status).toBe(303);
    expect(await (await fetch(`${ward.url}/`)).text()).toContain('khách ẩn danh (chưa đăng nhập)');
    const refused = await fetch(`${ward.url}/exec?x=1`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Cần đăng nhập');
    expect(await rpc('whoAmI')).toEqual({ ok: false, error: { name: 'ScriptError', message: 'Authorization is required to perform that action.' } });

    await fetch(`${ward.url}/user`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=ubnd%40luukiem.example', redirect: 'manual' });
    expect((await fetch(`${ward.url}/exec?x=2`)).status).toBe(200);
  });
});
