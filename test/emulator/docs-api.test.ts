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
  function create(title) { return Docs.Documents.create({ title: title }).documentId; }
  function update(id, requests) { return Docs.Documents.batchUpdate({ requests: requests }, id); }
  function keep(id, start, end) {
    return Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: start, endIndex: end }, paragraphStyle: { keepWithNext: true, keepLinesTogether: true }, fields: 'keepWithNext,keepLinesTogether' } }] }, id);
  }
  function row(id, tableStart) {
    return Docs.Documents.batchUpdate({ requests: [{ updateTableRowStyle: { tableStartLocation: { index: tableStart }, rowIndices: [0], tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } }] }, id);
  }
  function other(id) {
    return Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { lineSpacing: 150 }, fields: 'lineSpacing' } }] }, id);
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

/**
 * Writing a whole Doc in one batchUpdate (issue 19: the documents in few calls): the content
 * requests and the style requests, with the indexes the reference gives.
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request
 */
describe('the advanced Docs service writes content', () => {
  const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
  const at = (index: number) => ({ location: { index } });

  function fresh() {
    const { ws, app } = load({ dependencies: DOCS });
    const id = app.call('create', 'Viết bằng API') as string;
    const content = () => JSON.parse(app.call('get', id) as string) as Element[];
    const update = (requests: unknown[]) => app.call('update', id, requests);
    return { ws, app, id, content, update };
  }

  it('Documents.create makes an empty Doc (one empty paragraph) that Drive and DocumentApp see', () => {
    const { ws, id, content } = fresh();
    expect(content()).toEqual([{ endIndex: 1, sectionBreak: {} }, { startIndex: 1, endIndex: 2, paragraph: { elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n' } }], paragraphStyle: {} } }]);
    expect((ws.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp).openById(id).getName()).toBe('Viết bằng API');
    expect((ws.globals.DriveApp as GoogleAppsScript.Drive.DriveApp).getFileById(id).getMimeType()).toBe('application/vnd.google-apps.document');
  });

  it('insertText: newlines make paragraphs, each with the style of the one it was split from; control characters are stripped', () => {
    const { ws, id, content, update } = fresh();
    update([{ insertText: { ...at(1), text: 'Một\nHai\u0001\nBa' } }, { updateParagraphStyle: { range: { startIndex: 1, endIndex: 5 }, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } }]);
    expect(ws.documents.text(id)).toBe('Một\nHai\nBa');
    update([{ insertText: { ...at(3), text: 'X\nY' } }]);
    expect(ws.documents.text(id)).toBe('MộX\nYt\nHai\nBa');
    const paragraphs = content().slice(1);
    expect(paragraphs.map((p) => [p.startIndex, p.endIndex])).toEqual([[1, 5], [5, 8], [8, 12], [12, 15]]);
    // "Mộ" + "X" was the centred paragraph; its second half "Yt" keeps the centring.
    expect(ws.documents.html(id)).toMatch(/<p style="text-align:center">MộX<\/p><p style="text-align:center">Yt<\/p><p>Hai<\/p>/);
  });

  it('insertTable puts a newline before the table, so a 3×3 table asked at index 1 starts at 2 and its first cell\'s paragraph is at 5 (the tables how-to)', () => {
    const { ws, id, content, update } = fresh();
    // https://developers.google.com/workspace/docs/api/how-tos/tables: insert a table at 1, then text at 5.
    update([{ insertTable: { rows: 3, columns: 3, ...at(1) } }, { insertText: { ...at(5), text: 'Hello' } }]);
    const [, before, table, after] = content();
    expect([before.startIndex, before.endIndex, table.startIndex, after.startIndex]).toEqual([1, 2, 2, 2 + 2 + 3 + 2 * 9 + 5]);
    expect(table.table!.tableRows[0].tableCells[0]).toMatchObject({ startIndex: 4, endIndex: 11 });
    expect(ws.documents.text(id).split('\n')[1]).toBe('Hello\t\t');
  });

  it('insertPageBreak ends the paragraph with a page break and starts a new one; not inside a table', () => {
    const { ws, id, content, update } = fresh();
    update([{ insertText: { ...at(1), text: 'Trang một' } }, { insertPageBreak: at(10) }, { insertText: { ...at(12), text: 'Trang hai' } }]);
    const [, first, second] = content();
    expect(first.paragraph!.elements.map((e) => Object.keys(e).filter((k) => k !== 'startIndex' && k !== 'endIndex')[0])).toEqual(['textRun', 'pageBreak', 'textRun']);
    expect([second.startIndex, second.paragraph!.elements[0].textRun!.content]).toEqual([12, 'Trang hai\n']);
    expect(ws.documents.html(id).match(/class="page-break"/g)).toHaveLength(1);
    update([{ insertTable: { rows: 1, columns: 1, ...at(21) } }]);
    expect(() => update([{ insertPageBreak: at(25) }])).toThrow('Invalid requests[0].insertPageBreak: Page breaks cannot be inserted inside a table, equation, footnote, header or footer.');
  });

  it('insertText outside a paragraph, and deleting the newline before a table, fail as the API answers; a failing batch changes nothing', () => {
    const { ws, id, update } = fresh();
    update([{ insertText: { ...at(1), text: 'Trên' } }, { insertTable: { rows: 1, columns: 2, ...at(5) } }]);
    // 1–6 "Trên\n", the table from 6: its start, row 7, cell 8 ("\n" 9), cell 10 ("\n" 11), its end 12; then "\n" 13–14.
    expect(() => update([{ insertText: { ...at(12), text: 'x' } }])).toThrow('Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph.');
    expect(() => update([{ insertText: { ...at(9), text: 'ô' } }, { deleteContentRange: { range: { startIndex: 5, endIndex: 6 } } }])).toThrow('Invalid requests[1].deleteContentRange: Invalid deletion range. Cannot delete the requested range.');
    expect(ws.documents.text(id)).toBe('Trên\n\t\n');
    // The newline of a paragraph followed by another paragraph may go: the two become one.
    update([{ insertText: { ...at(13), text: 'A\nB' } }, { deleteContentRange: { range: { startIndex: 14, endIndex: 15 } } }]);
    expect(ws.documents.text(id)).toBe('Trên\n\t\nAB');
  });

  it('styles text, paragraphs, table columns, borders and cells, and the page; the Doc view shows them', () => {
    const { ws, id, update } = fresh();
    update([
      { updateDocumentStyle: { documentStyle: { pageSize: { width: pt(595.28), height: pt(841.89) }, marginTop: pt(28.35), marginBottom: pt(28.35), marginLeft: pt(34), marginRight: pt(34) }, fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight' } },
      { insertText: { ...at(1), text: 'Tiêu đề' } },
      { updateTextStyle: { range: { startIndex: 1, endIndex: 8 }, textStyle: { bold: true, fontSize: pt(20), weightedFontFamily: { fontFamily: 'Arial' }, backgroundColor: { color: { rgbColor: { red: 1, green: 0.953, blue: 0.769 } } } }, fields: 'bold,fontSize,weightedFontFamily,backgroundColor' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 8 }, paragraphStyle: { alignment: 'CENTER', spaceAbove: pt(12), spaceBelow: pt(4) }, fields: 'alignment,spaceAbove,spaceBelow' } },
      { insertTable: { rows: 1, columns: 2, ...at(8) } },
      { updateTableColumnProperties: { tableStartLocation: { index: 9 }, columnIndices: [0], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(100) }, fields: 'width,widthType' } },
      { updateTableCellStyle: { tableStartLocation: { index: 9 }, tableCellStyle: Object.fromEntries(['borderTop', 'borderBottom', 'borderLeft', 'borderRight'].map((b) => [b, { width: pt(0.5), dashStyle: 'SOLID', color: { color: { rgbColor: { red: 0.62, green: 0.62, blue: 0.62 } } } }])), fields: 'borderTop,borderBottom,borderLeft,borderRight' } },
      { updateTableCellStyle: { tableRange: { tableCellLocation: { tableStartLocation: { index: 9 }, rowIndex: 0, columnIndex: 1 }, rowSpan: 1, columnSpan: 1 }, tableCellStyle: { backgroundColor: { color: { rgbColor: { red: 0.91, green: 0.933, blue: 0.969 } } } }, fields: 'backgroundColor' } },
    ]);
    const html = ws.documents.html(id);
    expect(html).toContain('<p style="text-align:center;margin-top:12pt;margin-bottom:4pt"><span style="font-weight:bold;font-size:20pt;font-family:&quot;Arial&quot;;background:#fff3c4">Tiêu đề</span></p>');
    expect(html).toContain('<table style="border:0.5pt solid #9e9e9e"><tr><td style="border:0.5pt solid #9e9e9e;width:100pt">');
    expect(html).toContain('<td style="border:0.5pt solid #9e9e9e;background:#e8eef7">');
    expect(html).toMatch(/size:595\.28pt 841\.89pt/);
    // Unset in the fields: back to the default.
    update([{ updateTextStyle: { range: { startIndex: 1, endIndex: 8 }, textStyle: {}, fields: 'bold,backgroundColor' } }]);
    expect(ws.documents.html(id)).toContain('<span style="font-size:20pt;font-family:&quot;Arial&quot;">Tiêu đề</span>');
    // A newline has a text style too — the one inserted before the table took the title's — and an
    // empty paragraph is a line of its newline's font.
    update([{ insertText: { ...at(8), text: '\n' } }, { updateTextStyle: { range: { startIndex: 8, endIndex: 10 }, textStyle: { fontSize: pt(24) }, fields: 'fontSize' } }]);
    expect(ws.documents.html(id)).toContain('Tiêu đề</span></p><p style="text-align:center;margin-top:12pt;margin-bottom:4pt"><span style="font-weight:bold;font-size:24pt;font-family:&quot;Arial&quot;;background:#fff3c4"><br></span></p><table');
    expect(() => update([{ updateTableColumnProperties: { tableStartLocation: { index: 10 }, tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(3) }, fields: 'width,widthType' } }])).toThrow('The minimum column width is 5 points.');
    expect(() => update([{ updateTableCellStyle: { tableStartLocation: { index: 8 }, tableCellStyle: {}, fields: 'backgroundColor' } }])).toThrow('Invalid requests[0].updateTableCellStyle: The provided table start location is invalid.');
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
