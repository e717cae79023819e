/**
 * The advanced Docs service (the Docs REST API v1 inside Apps Script), as far as the project uses
 * it: what DocumentApp cannot say — keep a paragraph on the page of the one after it, never break a
 * table row across pages. https://developers.google.com/apps-script/advanced/docs
 * - It exists only when the manifest enables it (dependencies.enabledAdvancedServices, under its
 *   userSymbol): https://developers.google.com/apps-script/manifest/dependencies
 * - Documents.get(documentId): the body as structural elements with start and end indexes in
 *   UTF-16 code units, a section break first, a paragraph's end counting its newline, a table's
 *   rows and cells one index each (https://developers.google.com/workspace/docs/api/concepts/structure,
 *   https://developers.google.com/workspace/docs/api/how-tos/tables).
 * - Documents.batchUpdate(resource, documentId): updateParagraphStyle with keepWithNext ("Whether
 *   at least a part of this paragraph should be laid out on the same page or column as the next
 *   paragraph if possible") and keepLinesTogether, and updateTableRowStyle with preventOverflow
 *   ("Whether the row cannot overflow across page or column boundaries"):
 *   https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#paragraphstyle,
 *   https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#tablerowstyle.
 *   Anything else is refused as not modelled.
 * - DocumentApp's changes reach the API only once saved (Document.saveAndClose(), or the end of the
 *   script): the emulator refuses an API call on a Doc a script still holds unsaved, rather than
 *   hand back a stale copy.
 * - Scopes (the methods' reference pages): get needs documents, documents.readonly, drive,
 *   drive.file or drive.readonly; batchUpdate documents, drive or drive.file.
 */
import type { Browser } from 'playwright-core';
import { createWorkspace } from '../../emulator';
import { startWard, type Ward } from '../../emulator/server/ward';
import { artifact, launchBrowser } from '../support/browser';

const G = 'https://www.googleapis.com/auth/';
const DOCS = { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] };

const SOURCE = `
  function has() { return typeof Docs !== 'undefined'; }
  function make() {
    var doc = DocumentApp.create('Báo cáo');
    var body = doc.getBody();
    body.getChild(0).asParagraph().setText('Tiêu đề');
    body.appendTable([['a', 'bc'], ['d', '']]);
    body.appendParagraph('Kết');
    doc.saveAndClose();
    return doc.getId();
  }
  function unsaved() {
    var doc = DocumentApp.create('Chưa lưu');
    doc.getBody().appendParagraph('x');
    return Docs.Documents.get(doc.getId());
  }
  function get(id) { return JSON.stringify(Docs.Documents.get(id).body.content); }
  function keep(id, start, end) {
    return Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: start, endIndex: end }, paragraphStyle: { keepWithNext: true, keepLinesTogether: true }, fields: 'keepWithNext,keepLinesTogether' } }] }, id);
  }
  function row(id, tableStart) {
    return Docs.Documents.batchUpdate({ requests: [{ updateTableRowStyle: { tableStartLocation: { index: tableStart }, rowIndices: [0], tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } }] }, id);
  }
  function other(id) {
    return Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } }] }, id);
  }
`;

function load(manifest: Record<string, unknown>) {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-12-02T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', ...manifest }, scripts: [['Code.js', SOURCE]], html: {} });
  return { ws, app };
}

interface Element {
  startIndex?: number;
  endIndex: number;
  sectionBreak?: object;
  paragraph?: { elements: Array<{ textRun?: { content: string } }>; paragraphStyle: Record<string, unknown> };
  table?: { rows: number; columns: number; tableRows: Array<{ startIndex: number; endIndex: number; tableCells: Array<{ startIndex: number; endIndex: number; content: Element[] }>; tableRowStyle: Record<string, unknown> }> };
}

describe('the advanced Docs service', () => {
  it('is a global only when the manifest enables it', () => {
    expect(load({}).app.call('has')).toBe(false);
    expect(load({ dependencies: DOCS }).app.call('has')).toBe(true);
  });

  it('Documents.get: a section break, then paragraphs and tables with their indexes, a newline ending each paragraph', () => {
    const { app } = load({ dependencies: DOCS });
    const id = app.call('make') as string;
    const content = JSON.parse(app.call('get', id) as string) as Element[];
    expect(content[0]).toEqual({ endIndex: 1, sectionBreak: {} });
    // "Tiêu đề\n" is 8 code units: 1–9.
    expect([content[1].startIndex, content[1].endIndex, content[1].paragraph!.elements[0].textRun!.content]).toEqual([1, 9, 'Tiêu đề\n']);
    // The table from 9: its start (1), row 0 (1), cell "a" (1 + "a\n"), cell "bc" (1 + "bc\n"), row 1 …, and its end (1).
    const table = content[2];
    expect(table.startIndex).toBe(9);
    const [r0, r1] = table.table!.tableRows;
    expect([r0.startIndex, r0.tableCells.map((c) => [c.startIndex, c.endIndex])]).toEqual([10, [[11, 14], [14, 18]]]);
    expect([r1.startIndex, r1.tableCells.map((c) => [c.startIndex, c.endIndex])]).toEqual([18, [[19, 22], [22, 24]]]);
    expect([table.endIndex, table.table!.rows, table.table!.columns]).toEqual([25, 2, 2]);
    expect([content[3].startIndex, content[3].endIndex]).toEqual([25, 29]);
  });

  it('batchUpdate sets keepWithNext and keepLinesTogether on every paragraph the range touches, and preventOverflow on table rows; Documents.get reads them back', () => {
    const { app } = load({ dependencies: DOCS });
    const id = app.call('make') as string;
    expect(app.call('keep', id, 1, 9)).toMatchObject({ documentId: id, replies: [{}] });
    app.call('row', id, 9);
    const content = JSON.parse(app.call('get', id) as string) as Element[];
    expect(content[1].paragraph!.paragraphStyle).toMatchObject({ keepWithNext: true, keepLinesTogether: true });
    expect(content[3].paragraph!.paragraphStyle.keepWithNext).toBeUndefined();
    expect(content[2].table!.tableRows.map((r) => r.tableRowStyle.preventOverflow)).toEqual([true, undefined]);
  });

  it('refuses what it does not model, a range outside the body, and a Doc the script has not saved', () => {
    const { app } = load({ dependencies: DOCS });
    const id = app.call('make') as string;
    expect(() => app.call('other', id)).toThrow('not implemented in the emulator');
    expect(() => app.call('keep', id, 20, 90)).toThrow(/Invalid requests\[0\]\.updateParagraphStyle: Index 89 must be less than the end index of the referenced segment, 29\./);
    expect(() => app.call('unsaved')).toThrow(/saveAndClose/);
  });

  it('asks for the documents scope to update, as the reference pages list', () => {
    const { app } = load({ dependencies: DOCS, oauthScopes: [`${G}documents.readonly`, `${G}documents`] });
    const id = app.call('make') as string;
    expect(JSON.parse(app.call('get', id) as string)).toHaveLength(4);
    const readOnly = createWorkspace({ user: 'admin@luukiem.example' });
    readOnly.spreadsheets.setActive(readOnly.spreadsheets.create('CSDL'));
    const docId = (readOnly.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp).create('Báo cáo').getId();
    const reader = readOnly.load({ manifest: { dependencies: DOCS, oauthScopes: [`${G}documents.readonly`] }, scripts: [['Code.js', SOURCE]], html: {} });
    expect(() => reader.call('keep', docId, 1, 2)).toThrow(`You do not have permission to call Documents.batchUpdate. Required permissions: (${G}documents || ${G}drive || ${G}drive.file).`);
  });
});

describe('the Doc view keeps what the API asks kept', () => {
  let ward: Ward;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await ward?.close();
  });

  it('a paragraph kept with the next goes to the next page with it, instead of ending its page alone', async () => {
    const { ws } = load({ dependencies: DOCS });
    const { DocumentApp, Docs } = ws.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp; Docs: { Documents: { get(id: string): { body: { content: Element[] } }; batchUpdate(r: unknown, id: string): unknown } } };
    const make = (keep: boolean) => {
      const doc = DocumentApp.create(keep ? 'Giữ với đoạn sau' : 'Không giữ');
      const body = doc.getBody().setPageHeight(400).setMarginTop(36).setMarginBottom(36);
      body.getChild(0).asParagraph().setText('Đoạn 1');
      for (let i = 2; i <= 17; i++) body.appendParagraph(`Đoạn ${i}`);
      body.appendParagraph('Đoạn cuối, giữ với bảng chữ ký');
      body.appendTable([['Nơi nhận:\n- Lưu: VT.', 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\n\n\nNguyễn Văn Ba']]).setBorderWidth(0);
      body.appendParagraph('Phụ lục');
      doc.saveAndClose();
      if (keep) {
        const content = Docs.Documents.get(doc.getId()).body.content;
        const last = content.find((e) => e.paragraph?.elements[0].textRun?.content.startsWith('Đoạn cuối'))!;
        Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: last.startIndex, endIndex: last.endIndex }, paragraphStyle: { keepWithNext: true }, fields: 'keepWithNext' } }] }, doc.getId());
      }
      return doc.getId();
    };
    const loose = make(false);
    const kept = make(true);
    [ward, browser] = await Promise.all([startWard({ ws, port: 0 }), launchBrowser()]);
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const signaturePage = async (id: string) => {
      await page.goto(`${ward.url}/document/d/${id}/edit`);
      const texts = await page.locator('section.page').allInnerTexts();
      return texts.find((t) => t.includes('TM. BAN THƯỜNG TRỰC'))!;
    };
    // Without it, the signature block starts a page of its own; with it, the last paragraph comes along.
    expect((await signaturePage(loose)).trim().startsWith('Nơi nhận:')).toBe(true);
    const withKeep = await signaturePage(kept);
    expect(withKeep.trim().startsWith('Đoạn cuối, giữ với bảng chữ ký')).toBe(true);
    await page.locator('section.page', { hasText: 'TM. BAN THƯỜNG TRỰC' }).screenshot({ path: artifact('document-keep-with-next.png') });
  });
});
