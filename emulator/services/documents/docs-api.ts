/**
 * The advanced Docs service (Docs REST API v1, as Apps Script exposes it under the manifest's
 * userSymbol, "Docs"): https://developers.google.com/apps-script/advanced/docs. Only what the
 * project needs, over the same documents DocumentApp edits:
 * - Documents.create({ title }): a new, empty Doc (one empty paragraph), as DocumentApp.create makes;
 * - Documents.get(documentId): the body's structural elements with their indexes (docs-api-index.ts);
 * - Documents.batchUpdate(resource, documentId): the requests of docs-api-edits.ts (insertText,
 *   insertPageBreak, insertTable, deleteContentRange) and docs-api-styles.ts (updateTextStyle,
 *   updateParagraphStyle, updateTableRowStyle, updateTableColumnProperties, updateTableCellStyle,
 *   updateDocumentStyle), applied in order, each seeing the document as the ones before it left
 *   it, and atomically: "if any request is not valid then the entire update is unsuccessful and
 *   none of the (potentially dependent) changes are applied"
 *   (https://developers.google.com/workspace/docs/api/how-tos/batch).
 * Any other request, field or argument throws "not implemented in the emulator". A Doc a script
 * holds with DocumentApp and has not saved (saveAndClose) is refused: the API would read the
 * version before those changes.
 */
import { AppsScriptException, NotImplementedInEmulator } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { cloneState } from '../../core/json';
import { layout } from './docs-api-index';
import { deleteContentRange, insertPageBreak, insertTable, insertText, type Fail } from './docs-api-edits';
import { updateDocumentStyle, updateParagraphStyle, updateTableCellStyle, updateTableColumnProperties, updateTableRowStyle, updateTextStyle } from './docs-api-styles';
import type { DocumentData } from './model';

/** Each request kind, applied to the document as the requests before it left it. */
const REQUESTS: Record<string, (doc: DocumentData, request: never, fail: Fail) => void> = {
  insertText: (doc, r, fail) => insertText(layout(doc), r, fail),
  insertPageBreak: (doc, r, fail) => insertPageBreak(layout(doc), r, fail),
  insertTable: (doc, r, fail) => insertTable(layout(doc), r, fail),
  deleteContentRange: (doc, r, fail) => deleteContentRange(layout(doc), r, fail),
  updateTextStyle: (doc, r, fail) => updateTextStyle(layout(doc), r, fail),
  updateParagraphStyle: (doc, r, fail) => updateParagraphStyle(layout(doc), r, fail),
  updateTableRowStyle: (doc, r, fail) => updateTableRowStyle(layout(doc), r, fail),
  updateTableColumnProperties: (doc, r, fail) => updateTableColumnProperties(layout(doc), r, fail),
  updateTableCellStyle: (doc, r, fail) => updateTableCellStyle(layout(doc), r, fail),
  updateDocumentStyle: (doc, r, fail) => updateDocumentStyle(doc, r, fail),
};

class Documents {
  constructor(
    readonly _docs: () => Map<string, DocumentData>,
    readonly _unsaved: (id: string) => boolean,
    readonly _create: (title: string) => DocumentData,
  ) {}

  private _doc(documentId: unknown, method: string): DocumentData {
    const doc = typeof documentId === 'string' ? this._docs().get(documentId) : undefined;
    if (!doc) throw new AppsScriptException(`API call to docs.documents.${method} failed with error: Requested entity was not found.`);
    if (this._unsaved(doc.id)) throw new NotImplementedInEmulator(`Docs.Documents.${method} of a Doc this script changed with DocumentApp and has not saved: call saveAndClose() first (the API reads the saved Doc)`);
    return doc;
  }

  /** documents.create: "Creates a blank document using the title given in the request. Other fields in the request, including any provided content, are ignored." */
  create(resource: unknown): unknown {
    const title = (resource as { title?: unknown } | null)?.title;
    const doc = this._create(typeof title === 'string' && title !== '' ? title : 'Untitled document');
    return { documentId: doc.id, title: doc.name, body: { content: layout(doc).content } };
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
    const before = cloneState({ body: doc.body, margins: doc.margins, pageWidth: doc.pageWidth, pageHeight: doc.pageHeight });
    try {
      requests.forEach((request: Record<string, unknown>, i) => {
        const kinds = Object.keys(request ?? {});
        if (kinds.length !== 1) throw new AppsScriptException(`API call to docs.documents.batchUpdate failed with error: Invalid requests[${i}]: exactly one kind of request is required.`);
        const apply = REQUESTS[kinds[0]];
        if (!apply) throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${kinds[0]}`);
        apply(doc, request[kinds[0]] as never, (message) => new AppsScriptException(`API call to docs.documents.batchUpdate failed with error: Invalid requests[${i}].${kinds[0]}: ${message}`));
      });
    } catch (e) {
      Object.assign(doc, before);
      throw e;
    }
    return { documentId: doc.id, replies: requests.map(() => ({})) };
  }
}

/** The global "Docs" (its Documents collection), over the documents module's Docs. */
export function docsApi(kernel: Kernel, docs: () => Map<string, DocumentData>, unsaved: (id: string) => boolean, create: (title: string) => DocumentData): unknown {
  return expose(kernel, 'Docs', 'Docs', { Documents: expose(kernel, 'Docs', 'Documents', new Documents(docs, unsaved, create)) });
}
