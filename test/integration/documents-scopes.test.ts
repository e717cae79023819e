/**
 * Issue 16, item 8: what Apps Script itself refuses. The ward is set up from build/ with the real
 * manifest (build/appsscript.json, as ws.load('build') reads it), a resident submits the form, and
 * an admin makes every kind of document the add-on makes. The emulator refuses any call whose
 * method's reference page lists a scope the manifest lacks, as Apps Script does
 * (emulator/core/scopes.ts), so each of these succeeding is the proof that none needs more — and
 * no restricted Drive scope is asked for (DriveApp would need drive.readonly or drive; photos use
 * the advanced Drive service under drive.file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace } from '../../emulator';
import { requiredScopes } from '../../emulator/core/scopes';
import type { ServiceName } from '../../emulator/core/meter';
import { ADMIN, ROOT, answeredCase, setUpWard, tabRecords } from '../support/ward';

const G = 'https://www.googleapis.com/auth/';
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'build/appsscript.json'), 'utf8')) as { oauthScopes: string[] };


describe('every document the add-on makes, under the real manifest', () => {
  const w = setUpWard();
  const code = answeredCase(w, 'Rác ở ngõ 7 chưa được thu gom', { name: 'Bà Tư' });
  const made: Record<string, { id: string }> = {
    'transfer slip': w.app.call('createCaseDocument', code, 'slip') as { id: string },
    'reply letter': w.app.call('createCaseDocument', code, 'letter') as { id: string },
  };
  w.app.call('caseAction', code, undefined, (w.app.call('getCase', code) as { version: number }).version, { action: 'recordLetter', note: 'Qua tổ trưởng' });
  made['group answer sheets'] = w.app.call('createGroupAnswerSheets') as { id: string };
  made['QR posters'] = w.app.call('createQrPosters', 'Tổ dân phố 1') as { id: string };
  made['QR stickers'] = w.app.call('createQrStickers', 'Tổ dân phố 1') as { id: string };
  made['paper slips'] = w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 2 }) as { id: string };
  made['quarterly report'] = w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 4 }) as { id: string };
  made['monthly publication'] = w.app.call('createPublicationDocument', { year: 2026, month: 11 }) as { id: string };
  const called = Object.entries(w.ws.stats().services).flatMap(([service, s]) => Object.keys(s.methods).map((method) => ({ service: service as ServiceName, method })));

  it('the ward runs the manifest of build/, whose only Drive scope is drive.file (photos through the advanced Drive service; never the restricted drive or drive.readonly)', () => {
    expect(w.app.manifest.oauthScopes).toEqual(MANIFEST.oauthScopes);
    expect(MANIFEST.oauthScopes.filter((s) => s.startsWith(`${G}drive`))).toEqual([`${G}drive.file`]);
  });

  it.each(Object.keys(made))('makes the %s, with text in it', (kind) => {
    expect(w.ws.documents.list().some((d) => d.id === made[kind].id)).toBe(true);
    expect(w.ws.documents.text(made[kind].id).trim().length).toBeGreaterThan(0);
  });

  it('setup, the form submission and every document ran without a refusal: no failed execution, no error row but setup\'s reminders to fill in the settings', () => {
    expect(w.ws.executions().filter((e) => e.status === 'failed')).toEqual([]);
    // The ward's phone, and the police's address (issue 18.4).
    expect(tabRecords(w, 'Lỗi').map((r) => r['Nơi xảy ra'])).toEqual(['Cài đặt', 'Cài đặt']);
    expect(tabRecords(w, 'Ý kiến').map((r) => r['Mã ý kiến'])).toContain(code);
  });

  it('every method called is allowed by the manifest, and the documents call no Drive method', () => {
    const refused = called.filter(({ service, method }) => {
      const needed = requiredScopes(service, method);
      return needed !== null && !needed.some((s) => MANIFEST.oauthScopes.includes(s));
    });
    expect(refused).toEqual([]);
    expect(called.filter((c) => c.service === 'DriveApp')).toEqual([]);
  });

  it('the scopes they use: every one the manifest has but the sidebar’s and e-mail’s', () => {
    // script.container.ui (sidebar, dialogs) and script.send_mail (acknowledgements, answers)
    // serve other entry points; the lead's entry-point matrix runs those under this manifest.
    const used = new Set(called.flatMap(({ service, method }) => requiredScopes(service, method) ?? []).filter((s) => MANIFEST.oauthScopes.includes(s)));
    expect([...used].sort()).toEqual(MANIFEST.oauthScopes.filter((s) => s !== `${G}script.container.ui` && s !== `${G}script.send_mail`).sort());
  });
});

describe('the proof can fail', () => {
  it('without the documents scope, setup cannot make the template Docs, and says so in Apps Script’s words', () => {
    const ws = createWorkspace({ user: ADMIN, now: '2026-11-24T02:00:00Z' });
    ws.spreadsheets.setActive(ws.spreadsheets.create('Hòm thư số — CSDL'));
    const project = JSON.parse(JSON.stringify(MANIFEST)) as { oauthScopes: string[] };
    // drive.file goes too: the Docs API accepts it as well (its reference lists it), and photos need it.
    project.oauthScopes = project.oauthScopes.filter((s) => s !== `${G}documents` && s !== `${G}drive.file`);
    const app = ws.load({ ...readBuild(), manifest: project });
    ws.open('LIMITED');
    // A Doc is created through the Docs API (services/platform/doc-writer.ts), whose reference lists three scopes.
    expect(() => app.call('setupMailbox')).toThrow(`You do not have permission to call Documents.create. Required permissions: (${G}documents || ${G}drive || ${G}drive.file).`);
  });
});

/** build/ as a project (scripts and pages), to load it with another manifest. */
function readBuild(): { scripts: Array<[string, string]>; html: Record<string, string> } {
  const dir = path.join(ROOT, 'build');
  const files = fs.readdirSync(dir);
  return {
    scripts: files.filter((f) => f.endsWith('.js')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')] as [string, string]),
    html: Object.fromEntries(files.filter((f) => f.endsWith('.html')).map((f) => [f.replace(/\.html$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')])),
  };
}
