/**
 * The Docs API requests that change a document's content, as the reference describes them
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request):
 * - insertText: "Text must be inserted inside the bounds of an existing Paragraph"; newline
 *   characters insert new paragraphs (each new paragraph keeps the style of the one it was split
 *   from); "the text style for the inserted text will match the text immediately before the
 *   insertion index"; control characters U+0000–U+0008 and U+000C–U+001F and the Private Use
 *   Area U+E000–U+F8FF are stripped.
 * - insertPageBreak: "Inserts a page break followed by a newline"; "Page breaks cannot be inserted
 *   inside a table, equation, footnote, header or footer".
 * - insertTable (rows, columns): "A newline character will be inserted before the inserted table,
 *   therefore the table start index will be at the specified location index + 1"; inside a
 *   paragraph's bounds, never at a table's start index.
 * - deleteContentRange: here only the newline that ends a paragraph, merging it with the next one;
 *   refused as the API refuses "Deleting the newline character before a Table … without deleting
 *   the element" and "Deleting the last newline character of a Body … or TableCell", with the
 *   message live runs report: "Invalid deletion range. Cannot delete the requested range."
 *   (quoted from real 400 responses in public projects' notes, e.g. Docs markdown pushers).
 * Errors read "Invalid requests[i].<request>: <message>", as live responses quote them
 * ("Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing
 * paragraph.").
 * The emulator keeps a paragraph's inline elements after its text: an edit that would put text
 * after an inline element is refused as not modelled.
 */
import { NotImplementedInEmulator } from '../../core/errors';
import { cloneState } from '../../core/json';
import type { Layout, ParagraphAt } from './docs-api-index';
import { emptyParagraph, type ParagraphNode, type TableNode, type TextAttrs } from './model';

export type Fail = (message: string) => Error;

// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

function paragraphAt(layout: Layout, index: unknown, fail: Fail): ParagraphAt {
  if (!Number.isInteger(index) || (index as number) < 1) throw fail('The insertion index must be inside the bounds of an existing paragraph.');
  const p = layout.paragraphs.find((x) => x.start <= (index as number) && (index as number) < x.end);
  if (!p) throw fail('The insertion index must be inside the bounds of an existing paragraph.');
  return p;
}

/** The paragraph split at `offset` of its text: the text after it (and the inline elements) move to a new paragraph with the same style. */
function splitAt(p: ParagraphAt, offset: number): ParagraphNode {
  const node = p.node;
  const after: ParagraphNode = { ...cloneState({ ...node, rich: { text: '', attrs: [] }, inlines: [] }), rich: { text: node.rich.text.slice(offset), attrs: node.rich.attrs.slice(offset) }, inlines: node.inlines };
  // The new newline (ending the first part) is styled like the text before it.
  const newline = node.rich.attrs[offset - 1] ?? node.endAttrs;
  node.rich = { text: node.rich.text.slice(0, offset), attrs: node.rich.attrs.slice(0, offset) };
  node.inlines = [];
  if (newline) node.endAttrs = { ...newline };
  else delete node.endAttrs;
  p.siblings.splice(p.siblings.indexOf(node) + 1, 0, after);
  return after;
}

/** Where in the paragraph's text `index` falls; an index on or after an inline element is not modelled (see above). */
function textOffset(p: ParagraphAt, index: number, request: string): number {
  const offset = index - p.start;
  if (offset > p.node.rich.text.length) throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${request} after an inline element of a paragraph`);
  return offset;
}

export function insertText(layout: Layout, r: { location?: { index?: number; segmentId?: string; tabId?: string }; endOfSegmentLocation?: unknown; text?: unknown }, fail: Fail): void {
  if (r.endOfSegmentLocation !== undefined || r.location?.segmentId || r.location?.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate insertText outside a location in the body');
  if (typeof r.text !== 'string') throw fail('Text is required.');
  const p = paragraphAt(layout, r.location?.index, fail);
  const offset = textOffset(p, r.location!.index!, 'insertText');
  const text = r.text.replace(STRIPPED, '');
  const node = p.node;
  const style: TextAttrs = { ...(node.rich.attrs[offset - 1] ?? node.rich.attrs[offset] ?? {}) };
  const lines = text.split('\n');
  const put = (target: ParagraphNode, at: number, s: string) => {
    target.rich = { text: target.rich.text.slice(0, at) + s + target.rich.text.slice(at), attrs: [...target.rich.attrs.slice(0, at), ...Array.from(s, () => ({ ...style })), ...target.rich.attrs.slice(at)] };
  };
  if (lines.length === 1) return put(node, offset, text);
  // "a\nb\nc" at the offset: the paragraph ends with "a"; "b" is a paragraph of its own; "c" starts the rest.
  const rest = splitAt(p, offset);
  put(node, offset, lines[0]);
  const middle = lines.slice(1, -1).map((line) => {
    const q: ParagraphNode = { ...cloneState({ ...node, rich: { text: '', attrs: [] }, inlines: [] }) };
    put(q, 0, line);
    return q;
  });
  p.siblings.splice(p.siblings.indexOf(rest), 0, ...middle);
  put(rest, 0, lines[lines.length - 1]);
}

export function insertPageBreak(layout: Layout, r: { location?: { index?: number; segmentId?: string; tabId?: string }; endOfSegmentLocation?: unknown }, fail: Fail): void {
  if (r.endOfSegmentLocation !== undefined || r.location?.segmentId || r.location?.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate insertPageBreak outside a location in the body');
  const p = paragraphAt(layout, r.location?.index, fail);
  if (p.inTable) throw fail('Page breaks cannot be inserted inside a table, equation, footnote, header or footer.');
  const offset = textOffset(p, r.location!.index!, 'insertPageBreak');
  splitAt(p, offset);
  p.node.inlines.push({ kind: 'pageBreak' });
}

export function insertTable(layout: Layout, r: { location?: { index?: number; segmentId?: string; tabId?: string }; endOfSegmentLocation?: unknown; rows?: unknown; columns?: unknown }, fail: Fail): void {
  if (r.endOfSegmentLocation !== undefined || r.location?.segmentId || r.location?.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate insertTable outside a location in the body');
  if (!Number.isInteger(r.rows) || (r.rows as number) < 1 || !Number.isInteger(r.columns) || (r.columns as number) < 1) throw fail('The table must have at least one row and one column.');
  const p = paragraphAt(layout, r.location?.index, fail);
  if (p.inTable) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate insertTable inside a table cell');
  const offset = textOffset(p, r.location!.index!, 'insertTable');
  const after = splitAt(p, offset);
  // A new table: Docs' default 1-point black borders, columns sharing the width, one empty paragraph a cell.
  const table: TableNode = {
    type: 'TABLE',
    rows: Array.from({ length: r.rows as number }, () => ({ type: 'TABLE_ROW' as const, cells: Array.from({ length: r.columns as number }, () => ({ type: 'TABLE_CELL' as const, children: [emptyParagraph()] })) })),
    borderWidth: 1,
    borderColor: '#000000',
    columnWidths: {},
  };
  p.siblings.splice(p.siblings.indexOf(after), 0, table);
}

export function deleteContentRange(layout: Layout, r: { range?: { startIndex?: number; endIndex?: number; segmentId?: string; tabId?: string } }, fail: Fail): void {
  const { startIndex: start, endIndex: end, segmentId, tabId } = r.range ?? {};
  if (segmentId || tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate deleteContentRange outside the body');
  if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 1 || end! <= start!) throw fail('The range should not be empty.');
  const p = layout.paragraphs.find((x) => x.end - 1 === start);
  if (!p || end !== start! + 1) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate deleteContentRange of anything but one paragraph\'s newline');
  const next = p.siblings[p.siblings.indexOf(p.node) + 1];
  if (!next) throw fail('Invalid deletion range. Cannot delete the final newline of a segment.');
  if (next.type === 'TABLE') throw fail('Invalid deletion range. Cannot delete the requested range.');
  if (p.node.inlines.length && next.rich.text) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate deleteContentRange joining text after an inline element');
  // The two paragraphs become one, with the first one's style.
  p.node.rich = { text: p.node.rich.text + next.rich.text, attrs: [...p.node.rich.attrs, ...next.rich.attrs] };
  p.node.inlines = [...p.node.inlines, ...next.inlines];
  if (next.endAttrs) p.node.endAttrs = next.endAttrs;
  else delete p.node.endAttrs;
  p.siblings.splice(p.siblings.indexOf(next), 1);
}
