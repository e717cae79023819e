/**
 * The Docs API's view of a document: the body's structural elements with their indexes in UTF-16
 * code units — a section break (0–1), then each paragraph (its text, one index per inline image,
 * page break or rule, and its newline), each table (one index for its start, one per row, one per
 * cell before the cell's content, one for its end):
 * https://developers.google.com/workspace/docs/api/concepts/structure,
 * https://developers.google.com/workspace/docs/api/how-tos/tables.
 * The emulator's paragraph holds its text first and its inline elements after it, so an index is
 * either in the text (or right after it) or on an inline element.
 */
import type { BlockNode, DocumentData, ParagraphNode, TableCellNode, TableNode } from './model';

export interface ParagraphAt {
  node: ParagraphNode;
  /** The children array that holds it (the body's or a cell's). */
  siblings: BlockNode[];
  start: number;
  /** After its newline. */
  end: number;
  /** Inside a table cell. */
  inTable: boolean;
}

export interface TableAt {
  node: TableNode;
  siblings: BlockNode[];
  start: number;
  end: number;
  /** Per row, per cell: the cell and its index (the cell's own start). */
  cells: Array<Array<{ node: TableCellNode; start: number; end: number }>>;
}

export interface Layout {
  content: unknown[];
  paragraphs: ParagraphAt[];
  tables: TableAt[];
  /** The body's end index (after its last newline). */
  end: number;
}

const style = (p: ParagraphNode) => ({
  ...(p.attrs.keepWithNext !== undefined ? { keepWithNext: p.attrs.keepWithNext } : {}),
  ...(p.attrs.keepLinesTogether !== undefined ? { keepLinesTogether: p.attrs.keepLinesTogether } : {}),
});

/** The body walked in index order: the structural elements as the API shows them, and where each node lies. */
export function layout(doc: DocumentData): Layout {
  const paragraphs: ParagraphAt[] = [];
  const tables: TableAt[] = [];
  let at = 1;
  const walk = (blocks: BlockNode[], inTable: boolean): unknown[] =>
    blocks.map((b) => {
      if (b.type === 'TABLE') {
        const start = at++;
        const table: TableAt = { node: b, siblings: blocks, start, end: 0, cells: [] };
        tables.push(table);
        const tableRows = b.rows.map((r) => {
          const rowStart = at++;
          const row: TableAt['cells'][number] = [];
          table.cells.push(row);
          const tableCells = r.cells.map((c) => {
            const cellStart = at++;
            const content = walk(c.children as BlockNode[], true);
            row.push({ node: c, start: cellStart, end: at });
            return { startIndex: cellStart, endIndex: at, content };
          });
          return { startIndex: rowStart, endIndex: at, tableCells, tableRowStyle: r.preventOverflow !== undefined ? { preventOverflow: r.preventOverflow } : {} };
        });
        at += 1;
        table.end = at;
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
      paragraphs.push({ node: b, siblings: blocks, start, end: at, inTable });
      return { startIndex: start, endIndex: at, paragraph: { elements, paragraphStyle: style(b) } };
    });
  const content = [{ endIndex: 1, sectionBreak: {} }, ...walk(doc.body.children, false)];
  return { content, paragraphs, tables, end: at };
}
