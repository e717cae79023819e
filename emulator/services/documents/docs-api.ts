/**
 * The advanced Docs service (Docs REST API v1, as Apps Script exposes it under the manifest's
 * userSymbol, "Docs"): https://developers.google.com/apps-script/advanced/docs. Only what the
 * project needs, over the same documents DocumentApp edits:
 * - Documents.get(documentId): the body's structural elements with their indexes in UTF-16 code
 *   units — a section break (0–1), then each paragraph (its text, one index per inline image,
 *   page break or rule, and its newline), each table (one index for its start, one per row, one
 *   per cell before the cell's content, one for its end):
 *   https://developers.google.com/workspace/docs/api/concepts/structure,
 *   https://developers.google.com/workspace/docs/api/how-tos/tables;
 * - Documents.batchUpdate(resource, documentId) with updateParagraphStyle (keepWithNext,
 *   keepLinesTogether) and updateTableRowStyle (preventOverflow):
 *   https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request.
 * Any other request, field or argument throws "not implemented in the emulator". A Doc a script
 * holds with DocumentApp and has not saved (saveAndClose) is refused: the API would read the
 * version before those changes.
 */
import { AppsScriptException, NotImplementedInEmulator } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { BlockNode, DocumentData, ParagraphNode, TableRowNode } from './model';

interface Located {
  start: number;
  end: number;
}

/** The body walked in index order: the structural elements as the API shows them, and where each node lies. */
function layout(doc: DocumentData): { content: unknown[]; paragraphs: Array<Located & { node: ParagraphNode }>; tables: Array<{ start: number; rows: TableRowNode[] }>; end: number } {
  const paragraphs: Array<Located & { node: ParagraphNode }> = [];
  const tables: Array<{ start: number; rows: TableRowNode[] }> = [];
  let at = 1;
  const style = (p: ParagraphNode) => ({
    ...(p.attrs.keepWithNext !== undefined ? { keepWithNext: p.attrs.keepWithNext } : {}),
    ...(p.attrs.keepLinesTogether !== undefined ? { keepLinesTogether: p.attrs.keepLinesTogether } : {}),
  });
  const walk = (blocks: ReadonlyArray<BlockNode>): unknown[] =>
    blocks.map((b) => {
      if (b.type === 'TABLE') {
        const start = at++;
        tables.push({ start, rows: b.rows });
        const tableRows = b.rows.map((r) => {
          const rowStart = at++;
          const tableCells = r.cells.map((c) => {
            const cellStart = at++;
            const content = walk(c.children);
            return { startIndex: cellStart, endIndex: at, content };
          });
          return { startIndex: rowStart, endIndex: at, tableCells, tableRowStyle: r.preventOverflow !== undefined ? { preventOverflow: r.preventOverflow } : {} };
        });
        at += 1;
        return { startIndex: start, endIndex: at, table: { rows: b.rows.length, columns: Math.max(0, ...b.rows.map((r) => r.cells.length)), tableRows } };
      }
      const start = at;
      const elements: unknown[] = [];
      const text = b.rich.text;
      if (text) elements.push({ startIndex: at, endIndex: (at += text.length), textRun: { content: text } });
      for (const inline of b.inlines) {
        const kind = inline.kind === 'image' ? 'inlineObjectElement' : inline.kind === 'pageBreak' ? 'pageBreak' : 'horizontalRule';
        elements.push({ startIndex: at, endIndex: (at += 1), [kind]: {} });
      }
      // The paragraph's newline: part of its last text run when it ends with text.
      const last = elements[elements.length - 1] as { endIndex: number; textRun?: { content: string } } | undefined;
      if (last?.textRun && b.inlines.length === 0) {
        last.textRun.content += '\n';
        last.endIndex = at += 1;
      } else elements.push({ startIndex: at, endIndex: (at += 1), textRun: { content: '\n' } });
      paragraphs.push({ start, end: at, node: b });
      return { startIndex: start, endIndex: at, paragraph: { elements, paragraphStyle: style(b) } };
    });
  const content = [{ endIndex: 1, sectionBreak: {} }, ...walk(doc.body.children)];
  return { content, paragraphs, tables, end: at };
}

const PARAGRAPH_FIELDS = ['keepWithNext', 'keepLinesTogether'] as const;

function fieldsOf<F extends string>(fields: unknown, allowed: readonly F[], request: string): F[] {
  if (typeof fields !== 'string' || fields === '') throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${request} without fields`);
  const list = fields.split(',').map((f) => f.trim()) as F[];
  for (const f of list) if (!allowed.includes(f)) throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${request} of ${f}`);
  return list;
}

class Documents {
  constructor(
    readonly _docs: () => Map<string, DocumentData>,
    readonly _unsaved: (id: string) => boolean,
  ) {}

  private _doc(documentId: unknown, method: string): DocumentData {
    const doc = typeof documentId === 'string' ? this._docs().get(documentId) : undefined;
    if (!doc) throw new AppsScriptException(`API call to docs.documents.${method} failed with error: Requested entity was not found.`);
    if (this._unsaved(doc.id)) throw new NotImplementedInEmulator(`Docs.Documents.${method} of a Doc this script changed with DocumentApp and has not saved: call saveAndClose() first (the API reads the saved Doc)`);
    return doc;
  }

  get(documentId: unknown, optionalArgs?: unknown): unknown {
    if (optionalArgs !== undefined) throw new NotImplementedInEmulator('Docs.Documents.get with optional arguments');
    const doc = this._doc(documentId, 'get');
    return { documentId: doc.id, title: doc.name, body: { content: layout(doc).content } };
  }

  batchUpdate(resource: unknown, documentId: unknown): unknown {
    const doc = this._doc(documentId, 'batchUpdate');
    const requests = (resource as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw new AppsScriptException('API call to docs.documents.batchUpdate failed with error: Invalid requests: at least one request is required.');
    const fail = (message: string) => new AppsScriptException(`API call to docs.documents.batchUpdate failed with error: ${message}`);
    requests.forEach((request: Record<string, unknown>, i) => {
      const kinds = Object.keys(request ?? {});
      if (kinds.length !== 1) throw fail(`Invalid requests[${i}]: exactly one kind of request is required.`);
      const { end, paragraphs, tables } = layout(doc);
      if (kinds[0] === 'updateParagraphStyle') {
        const r = request.updateParagraphStyle as { range?: { startIndex?: number; endIndex?: number; segmentId?: string; tabId?: string }; paragraphStyle?: Record<string, unknown>; fields?: unknown };
        const fields = fieldsOf(r.fields, PARAGRAPH_FIELDS, 'updateParagraphStyle');
        const { startIndex, endIndex, segmentId, tabId } = r.range ?? {};
        if (segmentId || tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate outside the body');
        if (!Number.isInteger(startIndex) || !Number.isInteger(endIndex) || startIndex! < 1 || endIndex! <= startIndex!) throw fail(`Invalid requests[${i}].updateParagraphStyle: The range should not be empty.`);
        if (endIndex! > end) throw fail(`Invalid requests[${i}].updateParagraphStyle: Index ${endIndex! - 1} must be less than the end index of the referenced segment, ${end}.`);
        for (const p of paragraphs) {
          if (p.end <= startIndex! || p.start >= endIndex!) continue;
          for (const f of fields) {
            const value = r.paragraphStyle?.[f];
            if (value === undefined) delete p.node.attrs[f];
            else if (typeof value === 'boolean') p.node.attrs[f] = value;
            else throw fail(`Invalid value at 'requests[${i}].update_paragraph_style.paragraph_style.${f}'`);
          }
        }
      } else if (kinds[0] === 'updateTableRowStyle') {
        const r = request.updateTableRowStyle as { tableStartLocation?: { index?: number; segmentId?: string; tabId?: string }; rowIndices?: number[]; tableRowStyle?: Record<string, unknown>; fields?: unknown };
        fieldsOf(r.fields, ['preventOverflow'], 'updateTableRowStyle');
        if (r.tableStartLocation?.segmentId || r.tableStartLocation?.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate outside the body');
        const table = tables.find((t) => t.start === r.tableStartLocation?.index);
        if (!table) throw fail(`Invalid requests[${i}].updateTableRowStyle: The provided table start location is invalid.`);
        const rows = r.rowIndices?.length ? r.rowIndices.map((n) => table.rows[n]) : table.rows;
        if (rows.some((row) => !row)) throw fail(`Invalid requests[${i}].updateTableRowStyle: The row index is out of bounds.`);
        const value = r.tableRowStyle?.preventOverflow;
        for (const row of rows) {
          if (value === undefined) delete row.preventOverflow;
          else if (typeof value === 'boolean') row.preventOverflow = value;
          else throw fail(`Invalid value at 'requests[${i}].update_table_row_style.table_row_style.prevent_overflow'`);
        }
      } else throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${kinds[0]}`);
    });
    return { documentId: doc.id, replies: requests.map(() => ({})) };
  }
}

/** The global "Docs" (its Documents collection), over the documents module's Docs. */
export function docsApi(kernel: Kernel, docs: () => Map<string, DocumentData>, unsaved: (id: string) => boolean): unknown {
  return expose(kernel, 'Docs', 'Docs', { Documents: expose(kernel, 'Docs', 'Documents', new Documents(docs, unsaved)) });
}
