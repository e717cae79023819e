/**
 * The advanced Drive service (the Drive REST API v3 inside Apps Script), as far as the project
 * uses it to keep residents' photos private: https://developers.google.com/apps-script/advanced/drive
 * - a global only when the manifest enables it (dependencies.enabledAdvancedServices);
 * - Files.create(resource, mediaData) with parents and appProperties; Files.get (metadata);
 *   Files.list with the query terms of https://developers.google.com/drive/api/guides/ref-search-terms;
 * - scopes, from the methods' reference pages (files.create: drive, drive.appdata or drive.file;
 *   files.get / files.list: any Drive reading scope, drive.file among them), refused with Apps
 *   Script's own message; under drive.file a script sees only the files it created, as
 *   https://developers.google.com/drive/api/guides/api-specific-auth describes that scope;
 * - Files.get with alt: 'media' is not modelled: the Apps Script guide documents media upload as a
 *   Blob argument but not what a media download returns
 *   (https://developers.google.com/apps-script/guides/services/advanced#how_method_signatures_are_determined).
 */
import { createWorkspace } from '../../emulator';

const G = 'https://www.googleapis.com/auth/';
const DRIVE = { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] };
const MORE = 'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';
const FOLDER = 'application/vnd.google-apps.folder';

const SOURCE = `
  function has() { return typeof Drive !== 'undefined'; }
  function folder(name, props) { return Drive.Files.create({ name: name, mimeType: '${FOLDER}', appProperties: props }).id; }
  function upload(parent, name, bytes, props) {
    var blob = Utilities.newBlob(bytes, 'image/jpeg', name);
    return Drive.Files.create({ name: name, parents: [parent], appProperties: props }, blob);
  }
  function get(id) { return Drive.Files.get(id); }
  function media(id) { return Drive.Files.get(id, { alt: 'media' }); }
  function list(q) { return Drive.Files.list({ q: q }).files.map(function (f) { return f.name; }); }
  function viaDriveApp(id) { return DriveApp.getFileById(id).getName(); }
  function download(id, token) {
    var r = UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files/' + id + '?alt=media', { headers: { Authorization: 'Bearer ' + (token === undefined ? ScriptApp.getOAuthToken() : token) }, muteHttpExceptions: true });
    return { code: r.getResponseCode(), bytes: r.getContent(), type: r.getBlob().getContentType(), text: r.getContentText() };
  }
`;

function load(manifest: Record<string, unknown>, user = 'admin@luukiem.example') {
  const ws = createWorkspace({ user, now: '2026-12-03T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', ...manifest }, scripts: [['Code.js', SOURCE]], html: {} });
  return { ws, app };
}

describe('the advanced Drive service', () => {
  it('is a global only when the manifest enables it', () => {
    expect(load({}).app.call('has')).toBe(false);
    expect(load({ dependencies: DRIVE }).app.call('has')).toBe(true);
  });

  it('creates a folder and a file in it with its bytes and appProperties; get and list read them back', () => {
    const { ws, app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const folderId = app.call('folder', 'Ảnh', { hts: 'photos' }) as string;
    const file = app.call('upload', folderId, 'a.jpg', [-1, -40, -1, -39], { hts: 'N-1|web|0' }) as Record<string, unknown>;
    expect(file).toMatchObject({ name: 'a.jpg', mimeType: 'image/jpeg', parents: [folderId], appProperties: { hts: 'N-1|web|0' }, size: '4' });
    expect(app.call('get', file.id)).toMatchObject({ id: file.id, trashed: false });
    expect(Buffer.from(ws.drive.file(file.id as string)!.contentBase64!, 'base64')).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    app.call('upload', folderId, 'b.jpg', [1], { hts: 'N-2|web|0' });
    expect(app.call('list', `'${folderId}' in parents and trashed = false`)).toEqual(['a.jpg', 'b.jpg']);
    expect(app.call('list', `appProperties has { key='hts' and value='N-2|web|0' } and trashed = false`)).toEqual(['b.jpg']);
    expect(app.call('list', `mimeType = '${FOLDER}' and appProperties has { key='hts' and value='photos' }`)).toEqual(['Ảnh']);
  });

  it('a parent that is not a folder the script sees, too many parents, and a property over 124 bytes are refused as the API refuses them', () => {
    const { app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const folderId = app.call('folder', 'Ảnh', {}) as string;
    expect(() => app.call('upload', 'nope', 'a.jpg', [1], {})).toThrow('API call to drive.files.create failed with error: File not found: nope.');
    expect(() => app.call('upload', folderId, 'a.jpg', [1], { k: 'x'.repeat(124) })).toThrow(/drive\.files\.create failed/);
  });

  it('under drive.file a script sees only the files it created; DriveApp needs drive.readonly or drive', () => {
    const { ws, app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const other = ws.spreadsheets.create('Someone else’s sheet');
    expect(() => app.call('get', other)).toThrow(`API call to drive.files.get failed with error: File not found: ${other}.`);
    expect(app.call('list', "trashed = false")).toEqual([]);
    expect(() => app.call('viaDriveApp', other)).toThrow(`You do not have permission to call DriveApp.getFileById. Required permissions: (${G}drive.readonly || ${G}drive). ${MORE}`);
  });

  it('another user does not see a file the script created as the ward (sharing is not modelled)', () => {
    const { ws, app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const folderId = app.call('folder', 'Ảnh', {}) as string;
    ws.setUser('canbo@luukiem.example');
    expect(() => app.call('get', folderId)).toThrow(`File not found: ${folderId}.`);
  });

  it('a manifest without a Drive scope is refused with Apps Script’s message, for each method', () => {
    const { app } = load({ dependencies: DRIVE, oauthScopes: [`${G}spreadsheets.currentonly`] });
    expect(() => app.call('folder', 'Ảnh', {})).toThrow(`You do not have permission to call Files.create. Required permissions: (${G}drive || ${G}drive.appdata || ${G}drive.file). ${MORE}`);
    expect(() => app.call('get', 'x')).toThrow(/You do not have permission to call Files\.get\. Required permissions: \(.*drive\.file.*drive\.readonly\)/);
    expect(() => app.call('list', '')).toThrow(/You do not have permission to call Files\.list\./);
  });

  it('a file’s bytes come back over UrlFetchApp from files.get?alt=media with ScriptApp.getOAuthToken(), as the Drive API documents the download (https://developers.google.com/drive/api/guides/manage-downloads)', () => {
    const EXTERNAL = `${G}script.external_request`;
    const { ws, app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`, EXTERNAL] });
    const folderId = app.call('folder', 'Ảnh', {}) as string;
    const file = app.call('upload', folderId, 'a.jpg', [-1, -40, 0, 127, -1, -39], {}) as { id: string };
    expect(app.call('download', file.id)).toMatchObject({ code: 200, bytes: [-1, -40, 0, 127, -1, -39], type: 'image/jpeg' });
    // No token, a forged one, a Google Doc, a file of another user, a file the app did not make.
    expect(app.call('download', file.id, 'ya29.forged')).toMatchObject({ code: 401 });
    const doc = (ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp).create('Doc').getId();
    expect((app.call('download', doc) as { code: number; text: string })).toMatchObject({ code: 404 });
    ws.setUser('canbo@luukiem.example');
    expect(app.call('download', file.id)).toMatchObject({ code: 404, text: expect.stringContaining(`File not found: ${file.id}.`) });
    // A token outlives nothing: an hour later it is refused.
    ws.setUser('admin@luukiem.example');
    const token = (ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).getOAuthToken();
    ws.clock.advance(3_600_001);
    expect(app.call('download', file.id, token)).toMatchObject({ code: 401 });
  });

  it('downloading needs script.external_request for UrlFetchApp, and a Drive reading scope in the token', () => {
    const { app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const folderId = app.call('folder', 'Ảnh', {}) as string;
    const file = app.call('upload', folderId, 'a.jpg', [1, 2], {}) as { id: string };
    expect(() => app.call('download', file.id)).toThrow(`You do not have permission to call UrlFetchApp.fetch. Required permissions: ${G}script.external_request. ${MORE}`);
    const other = load({ dependencies: DRIVE, oauthScopes: [`${G}script.external_request`] });
    expect(other.app.call('download', 'x')).toMatchObject({ code: 403, text: expect.stringContaining('insufficient authentication scopes') });
  });

  it('Files.get with alt: media and query terms it does not model are refused as not implemented', () => {
    const { app } = load({ dependencies: DRIVE, oauthScopes: [`${G}drive.file`] });
    const folderId = app.call('folder', 'Ảnh', {}) as string;
    expect(() => app.call('media', folderId)).toThrow('not implemented in the emulator');
    expect(() => app.call('list', "name contains 'Ả'")).toThrow('not implemented in the emulator');
  });
});
