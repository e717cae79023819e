/**
 * What `clasp push` uploads must run on Apps Script's V8: ES2019 syntax at most, no modules,
 * every entry point a top-level function, the least OAuth scopes, and sidebar pages that are
 * self-contained. `npm test` builds first, so build/ is the artefact under test.
 * https://developers.google.com/apps-script/guides/v8-runtime
 * https://developers.google.com/apps-script/concepts/scopes
 */
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');
const code = fs.readFileSync(path.join(BUILD, 'Code.js'), 'utf8');

type Node = acorn.Node & Record<string, unknown>;

/** Names exported by src/server/index.ts, read from its source. */
function barrelExports(): string[] {
  const file = path.join(ROOT, 'src/server/index.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2019, true);
  const names: string[] = [];
  source.forEachChild((node) => {
    const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(node) && exported && node.name) names.push(node.name.text);
    if (ts.isVariableStatement(node) && exported) node.declarationList.declarations.forEach((d) => ts.isIdentifier(d.name) && names.push(d.name.text));
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) node.exportClause.elements.forEach((e) => names.push(e.name.text));
  });
  return names;
}

/**
 * Every identifier the code reads (not property names), except names it first probes with
 * `typeof` — webpack's runtime does `if (typeof window === 'object') return window`, which is
 * safe where window does not exist.
 */
function referencedIdentifiers(program: Node): Set<string> {
  const found = new Set<string>();
  const probed = new Set<string>();
  const visit = (node: unknown, parent?: Node, key?: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, parent, key));
    const n = node as Node;
    if (typeof n.type !== 'string') return;
    if (n.type === 'Identifier') {
      const isPropertyKey = parent && ((parent.type === 'MemberExpression' && key === 'property' && !parent.computed) || (parent.type === 'Property' && key === 'key' && !parent.computed));
      // `typeof window === 'object'` (webpack's global lookup) is a guarded probe, not a use.
      const isTypeofProbe = parent && parent.type === 'UnaryExpression' && parent.operator === 'typeof';
      if (isTypeofProbe) probed.add(n.name as string);
      else if (!isPropertyKey) found.add(n.name as string);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && k !== 'start' && k !== 'end') visit(v, n, k);
  };
  visit(program);
  for (const name of probed) found.delete(name);
  return found;
}

describe('build/Code.js', () => {
  let program: Node;
  beforeAll(() => {
    program = acorn.parse(code, { ecmaVersion: 2019, sourceType: "script" }) as unknown as Node;
  });

  it('parses as an ES2019 script (no import/export, no newer syntax)', () => {
    expect(program.type).toBe('Program');
  });

  it('declares every export of src/server/index.ts as a top-level function', () => {
    const topLevel = (program.body as Node[]).filter((n) => n.type === 'FunctionDeclaration').map((n) => (n.id as Node).name);
    const exported = barrelExports();
    expect(exported.length).toBeGreaterThan(0);
    for (const name of exported) expect(topLevel).toContain(name);
  });

  it('uses no Node or browser API that Apps Script lacks', () => {
    const used = referencedIdentifiers(program);
    const missingInAppsScript = ['require', 'module', 'process', 'Buffer', 'setTimeout', 'setInterval', 'clearTimeout', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'atob', 'btoa', 'window', 'document', 'structuredClone', 'queueMicrotask'];
    expect(missingInAppsScript.filter((name) => used.has(name))).toEqual([]);
  });
});

describe('build/appsscript.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(BUILD, 'appsscript.json'), 'utf8')) as Record<string, unknown>;

  it('runs V8 in Hà Nội time', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('asks for exactly the least scopes the features need', () => {
    // Each scope is here because a feature needs it; adding one is a deliberate change.
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui', // menus, sidebar
        'https://www.googleapis.com/auth/spreadsheets.currentonly', // the bound spreadsheet only
        'https://www.googleapis.com/auth/userinfo.email', // who is acting (roles, audit)
        'https://www.googleapis.com/auth/forms', // setup creates and repairs the resident form
        'https://www.googleapis.com/auth/script.scriptapp', // the form-submit and hourly triggers
        'https://www.googleapis.com/auth/script.send_mail', // acknowledgements to residents
        // Transfer slips and reply letters (built from the template Docs' elements), reports,
        // posters. DriveApp is never used: it needs drive.readonly or drive (restricted scopes)
        // (test/integration/documents-scopes.test.ts).
        'https://www.googleapis.com/auth/documents',
        // Residents' photos in a private folder the ward owns, through the advanced Drive service,
        // which sees only the files this app created (services/photos; not a restricted scope).
        'https://www.googleapis.com/auth/drive.file',
        // Reading a photo back the way the Drive API documents a download (files.get?alt=media with
        // the script's token over UrlFetchApp), and a staff member's sidebar asking the web app for
        // them (services/photos/view). Not a restricted scope.
        'https://www.googleapis.com/auth/script.external_request',
      ].sort(),
    );
  });

  it('enables two advanced services: Docs (the Docs API), for what DocumentApp cannot say — keep a paragraph with the next, a row whole — under the documents scope already asked; Drive v3 for photos under drive.file', () => {
    expect(manifest.dependencies).toEqual({
      enabledAdvancedServices: [
        { userSymbol: 'Docs', version: 'v1', serviceId: 'docs' },
        { userSymbol: 'Drive', version: 'v3', serviceId: 'drive' },
      ],
    });
  });
});

describe('build/mailbox: the official mailbox\'s own project (README "The official mailbox")', () => {
  const mailboxCode = fs.readFileSync(path.join(BUILD, 'mailbox/Code.js'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(BUILD, 'mailbox/appsscript.json'), 'utf8')) as Record<string, unknown>;
  const program = acorn.parse(mailboxCode, { ecmaVersion: 2019, sourceType: 'script' }) as unknown as Node;

  it('is an ES2019 script whose entry points, setupRelay and relayMail, are top-level functions, and uses no API Apps Script lacks', () => {
    const topLevel = (program.body as Node[]).filter((n) => n.type === 'FunctionDeclaration').map((n) => (n.id as Node).name);
    expect(topLevel).toEqual(expect.arrayContaining(['setupRelay', 'relayMail']));
    const used = referencedIdentifiers(program);
    expect(['require', 'process', 'Buffer', 'setTimeout', 'URL', 'TextEncoder', 'fetch', 'atob', 'btoa', 'window'].filter((name) => used.has(name))).toEqual([]);
  });

  it('asks for the Gmail scope, and the add-on neither asks for it nor carries any Gmail code', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual(
      [
        // GmailApp: every method needs it (the advanced Gmail service's gmail.modify is restricted
        // too, and would need gmail.send besides: no narrower way to read, label and reply).
        'https://mail.google.com/',
        'https://www.googleapis.com/auth/script.external_request', // UrlFetchApp to the ward's web app
        'https://www.googleapis.com/auth/script.scriptapp', // the 10-minute trigger
        'https://www.googleapis.com/auth/userinfo.email', // its own address, to tell its replies from residents' mail
      ].sort(),
    );
    expect(manifest.webapp).toBeUndefined();
    const addOnManifest = JSON.parse(fs.readFileSync(path.join(BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(addOnManifest.oauthScopes.filter((s) => /mail\.google\.com|gmail/.test(s))).toEqual([]);
    expect(referencedIdentifiers(acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' }) as unknown as Node).has('GmailApp')).toBe(false);
  });

  it('the add-on\'s clasp push skips build/mailbox; the mailbox is pushed with its own project file', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'))).toMatchObject({ rootDir: 'build', skipSubdirectories: true });
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.mailbox.json'), 'utf8'))).toMatchObject({ rootDir: 'build/mailbox' });
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['deploy:mailbox']).toMatch(/clasp --project \.clasp\.mailbox\.json push$/);
  });
});

describe('build/*.html sidebar pages', () => {
  const pages = fs.readdirSync(BUILD).filter((f) => f.endsWith('.html'));

  it('exist, one per page in src/ui/pages', () => {
    const sources = fs.readdirSync(path.join(ROOT, 'src/ui/pages')).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(sources.sort());
  });

  it.each(pages)('%s is self-contained: no external script or stylesheet, no backtick, no "<?"', (page) => {
    const html = fs.readFileSync(path.join(BUILD, page), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toContain('`');
    expect(html).not.toContain('<?');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const js of scripts) expect(() => acorn.parse(js, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });
});
