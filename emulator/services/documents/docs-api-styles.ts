/**
 * The Docs API requests that style a document, each over the `fields` it names (a field named
 * without a value is reset): https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request
 * - updateTextStyle: bold, italic, fontSize, weightedFontFamily, backgroundColor of the text in a
 *   range (the text of every paragraph it touches, table cells included);
 * - updateParagraphStyle: alignment (START, CENTER, END, JUSTIFIED), spaceAbove, spaceBelow,
 *   keepWithNext, keepLinesTogether of every paragraph the range touches;
 * - updateTableRowStyle: preventOverflow; updateTableColumnProperties: a fixed width;
 * - updateTableCellStyle: backgroundColor of a range of cells, and borders — here only the same
 *   border on all four sides of every cell of a table (the emulator's table has one border);
 * - updateDocumentStyle: the page size and margins.
 * Dimensions are { magnitude, unit: 'PT' } and colours { color: { rgbColor: { red, green, blue } } }
 * with components 0–1 (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#dimension,
 * …#optionalcolor). Anything else is refused as not modelled.
 */
import { NotImplementedInEmulator } from '../../core/errors';
import type { Layout, TableAt } from './docs-api-index';
import type { Fail } from './docs-api-edits';
import type { DocumentData, TextAttrs } from './model';

type Range = { startIndex?: number; endIndex?: number; segmentId?: string; tabId?: string };

function fieldsOf<F extends string>(fields: unknown, allowed: readonly F[], request: string): F[] {
  if (typeof fields !== 'string' || fields === '') throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${request} without fields`);
  const list = fields.split(',').map((f) => f.trim()) as F[];
  for (const f of list) if (!allowed.includes(f)) throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${request} of ${f}`);
  return list;
}

function checkRange(layout: Layout, range: Range | undefined, fail: Fail): { start: number; end: number } {
  const { startIndex, endIndex, segmentId, tabId } = range ?? {};
  if (segmentId || tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate outside the body');
  if (!Number.isInteger(startIndex) || !Number.isInteger(endIndex) || startIndex! < 1 || endIndex! <= startIndex!) throw fail('The range should not be empty.');
  if (endIndex! > layout.end) throw fail(`Index ${endIndex! - 1} must be less than the end index of the referenced segment, ${layout.end}.`);
  return { start: startIndex!, end: endIndex! };
}

/** Points from a Dimension; only PT is modelled. */
function points(d: unknown, field: string, fail: Fail): number {
  const dim = d as { magnitude?: unknown; unit?: unknown } | null;
  if (!dim || typeof dim.magnitude !== 'number' || !(dim.magnitude >= 0)) throw fail(`Invalid value at '${field}'.`);
  if (dim.unit !== 'PT') throw new NotImplementedInEmulator(`Docs.Documents.batchUpdate ${field} in ${String(dim.unit)}`);
  return dim.magnitude;
}

/** '#rrggbb' from an OptionalColor. */
function hex(c: unknown, field: string, fail: Fail): string {
  const rgb = (c as { color?: { rgbColor?: Record<string, unknown> } } | null)?.color?.rgbColor;
  if (!rgb) throw fail(`Invalid value at '${field}'.`);
  return `#${(['red', 'green', 'blue'] as const)
    .map((k) => {
      const v = rgb[k] ?? 0;
      if (typeof v !== 'number' || v < 0 || v > 1) throw fail(`Invalid value at '${field}'.`);
      return Math.round(v * 255).toString(16).padStart(2, '0');
    })
    .join('')}`;
}

const TEXT_FIELDS = ['bold', 'italic', 'fontSize', 'weightedFontFamily', 'backgroundColor'] as const;

export function updateTextStyle(layout: Layout, r: { range?: Range; textStyle?: Record<string, unknown>; fields?: unknown }, fail: Fail): void {
  const fields = fieldsOf(r.fields, TEXT_FIELDS, 'updateTextStyle');
  const { start, end } = checkRange(layout, r.range, fail);
  const s = r.textStyle ?? {};
  const set: Partial<TextAttrs> = {};
  const unset: Array<keyof TextAttrs> = [];
  for (const f of fields) {
    const v = s[f];
    if (f === 'bold' || f === 'italic') {
      if (v === undefined) unset.push(f);
      else if (typeof v === 'boolean') set[f] = v;
      else throw fail(`Invalid value at 'text_style.${f}'.`);
    } else if (f === 'fontSize') {
      if (v === undefined) unset.push('fontSize');
      else set.fontSize = points(v, 'text_style.font_size', fail);
    } else if (f === 'weightedFontFamily') {
      const family = (v as { fontFamily?: unknown } | undefined)?.fontFamily;
      if (v === undefined) unset.push('fontFamily');
      else if (typeof family === 'string' && family) set.fontFamily = family;
      else throw fail("Invalid value at 'text_style.weighted_font_family'.");
    } else if (f === 'backgroundColor') {
      if (v === undefined) unset.push('backgroundColor');
      else set.backgroundColor = hex(v, 'text_style.background_color', fail);
    }
  }
  for (const p of layout.paragraphs) {
    const from = Math.max(start, p.start) - p.start;
    const to = Math.min(end, p.start + p.node.rich.text.length) - p.start;
    const restyle = (before: TextAttrs | undefined) => {
      const a = { ...before, ...set };
      for (const k of unset) delete a[k];
      return a;
    };
    for (let i = from; i < to; i++) p.node.rich.attrs[i] = restyle(p.node.rich.attrs[i]);
    // The newline too, when the range covers it.
    if (start < p.end && p.end - 1 < end && p.end - 1 >= start) p.node.endAttrs = restyle(p.node.endAttrs);
  }
}

const PARAGRAPH_FIELDS = ['alignment', 'spaceAbove', 'spaceBelow', 'keepWithNext', 'keepLinesTogether'] as const;
/** The API's alignments for left-to-right text, as DocumentApp names them. */
const ALIGNMENT: Record<string, string> = { START: 'LEFT', CENTER: 'CENTER', END: 'RIGHT', JUSTIFIED: 'JUSTIFY' };

export function updateParagraphStyle(layout: Layout, r: { range?: Range; paragraphStyle?: Record<string, unknown>; fields?: unknown }, fail: Fail): void {
  const fields = fieldsOf(r.fields, PARAGRAPH_FIELDS, 'updateParagraphStyle');
  const { start, end } = checkRange(layout, r.range, fail);
  const s = r.paragraphStyle ?? {};
  for (const p of layout.paragraphs) {
    if (p.end <= start || p.start >= end) continue;
    const attrs = p.node.attrs;
    for (const f of fields) {
      const v = s[f];
      if (f === 'keepWithNext' || f === 'keepLinesTogether') {
        if (v === undefined) delete attrs[f];
        else if (typeof v === 'boolean') attrs[f] = v;
        else throw fail(`Invalid value at 'paragraph_style.${f === 'keepWithNext' ? 'keep_with_next' : 'keep_lines_together'}'.`);
      } else if (f === 'alignment') {
        if (v === undefined) delete attrs.alignment;
        else if (typeof v === 'string' && v in ALIGNMENT) attrs.alignment = ALIGNMENT[v];
        else throw fail("Invalid value at 'paragraph_style.alignment'.");
      } else {
        const prop = f === 'spaceAbove' ? 'spacingBefore' : 'spacingAfter';
        if (v === undefined) delete attrs[prop];
        else attrs[prop] = points(v, `paragraph_style.${f === 'spaceAbove' ? 'space_above' : 'space_below'}`, fail);
      }
    }
  }
}

function tableAt(layout: Layout, location: { index?: number; segmentId?: string; tabId?: string } | undefined, fail: Fail): TableAt {
  if (location?.segmentId || location?.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate outside the body');
  const table = layout.tables.find((t) => t.start === location?.index);
  if (!table) throw fail('The provided table start location is invalid.');
  return table;
}

export function updateTableRowStyle(layout: Layout, r: { tableStartLocation?: { index?: number }; rowIndices?: number[]; tableRowStyle?: Record<string, unknown>; fields?: unknown }, fail: Fail): void {
  fieldsOf(r.fields, ['preventOverflow'], 'updateTableRowStyle');
  const table = tableAt(layout, r.tableStartLocation, fail);
  const rows = r.rowIndices?.length ? r.rowIndices.map((n) => table.node.rows[n]) : table.node.rows;
  if (rows.some((row) => !row)) throw fail('The row index is out of bounds.');
  const value = r.tableRowStyle?.preventOverflow;
  for (const row of rows) {
    if (value === undefined) delete row.preventOverflow;
    else if (typeof value === 'boolean') row.preventOverflow = value;
    else throw fail("Invalid value at 'table_row_style.prevent_overflow'.");
  }
}

export function updateTableColumnProperties(layout: Layout, r: { tableStartLocation?: { index?: number }; columnIndices?: number[]; tableColumnProperties?: { widthType?: unknown; width?: unknown }; fields?: unknown }, fail: Fail): void {
  const fields = fieldsOf(r.fields, ['width', 'widthType'], 'updateTableColumnProperties');
  const table = tableAt(layout, r.tableStartLocation, fail);
  const columns = Math.max(0, ...table.node.rows.map((row) => row.cells.length));
  const indices = r.columnIndices?.length ? r.columnIndices : Array.from({ length: columns }, (_, i) => i);
  if (indices.some((i) => !Number.isInteger(i) || i < 0 || i >= columns)) throw fail('The column index is out of bounds.');
  const p = r.tableColumnProperties ?? {};
  if (!fields.includes('width') || p.widthType !== 'FIXED_WIDTH') throw new NotImplementedInEmulator('Docs.Documents.batchUpdate updateTableColumnProperties other than a fixed width');
  // "The minimum column width is 5 points" (TableColumnProperties.width in the reference).
  const width = points(p.width, 'table_column_properties.width', fail);
  if (width < 5) throw fail('The minimum column width is 5 points.');
  for (const i of indices) table.node.columnWidths[i] = width;
}

const SIDES = ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const;

export function updateTableCellStyle(
  layout: Layout,
  r: { tableStartLocation?: { index?: number }; tableRange?: { tableCellLocation?: { tableStartLocation?: { index?: number }; rowIndex?: number; columnIndex?: number }; rowSpan?: number; columnSpan?: number }; tableCellStyle?: Record<string, unknown>; fields?: unknown },
  fail: Fail,
): void {
  const fields = fieldsOf(r.fields, ['backgroundColor', ...SIDES], 'updateTableCellStyle');
  const whole = r.tableStartLocation !== undefined;
  const table = tableAt(layout, whole ? r.tableStartLocation : r.tableRange?.tableCellLocation?.tableStartLocation, fail);
  const { rowIndex = 0, columnIndex = 0 } = r.tableRange?.tableCellLocation ?? {};
  const rowSpan = whole ? table.cells.length : (r.tableRange?.rowSpan ?? 0);
  const columnSpan = whole ? Math.max(0, ...table.cells.map((row) => row.length)) : (r.tableRange?.columnSpan ?? 0);
  const cells = table.cells.slice(rowIndex, rowIndex + rowSpan).flatMap((row) => row.slice(columnIndex, columnIndex + columnSpan));
  if (!whole && (rowSpan < 1 || columnSpan < 1 || cells.length !== rowSpan * columnSpan)) throw fail('The table range is invalid.');
  const s = r.tableCellStyle ?? {};
  const sides = fields.filter((f) => f !== 'backgroundColor');
  if (sides.length) {
    const borders = sides.map((side) => s[side] as { width?: unknown; color?: unknown; dashStyle?: unknown } | undefined);
    const same = borders.every((b) => JSON.stringify(b) === JSON.stringify(borders[0]));
    if (!whole || sides.length !== 4 || !same || !borders[0] || (borders[0].dashStyle ?? 'SOLID') !== 'SOLID') throw new NotImplementedInEmulator('Docs.Documents.batchUpdate updateTableCellStyle borders other than one solid border on every side of a whole table');
    table.node.borderWidth = points(borders[0].width, 'table_cell_style.border_top.width', fail);
    table.node.borderColor = hex(borders[0].color, 'table_cell_style.border_top.color', fail);
  }
  if (fields.includes('backgroundColor')) {
    const color = s.backgroundColor === undefined ? undefined : hex(s.backgroundColor, 'table_cell_style.background_color', fail);
    for (const c of cells) {
      if (color === undefined) delete c.node.backgroundColor;
      else c.node.backgroundColor = color;
    }
  }
}

const DOCUMENT_FIELDS = ['pageSize', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight'] as const;

export function updateDocumentStyle(doc: DocumentData, r: { documentStyle?: Record<string, unknown>; fields?: unknown; tabId?: string }, fail: Fail): void {
  if (r.tabId) throw new NotImplementedInEmulator('Docs.Documents.batchUpdate updateDocumentStyle of a tab');
  const fields = fieldsOf(r.fields, DOCUMENT_FIELDS, 'updateDocumentStyle');
  const s = r.documentStyle ?? {};
  for (const f of fields) {
    if (f === 'pageSize') {
      const size = s.pageSize as { width?: unknown; height?: unknown } | undefined;
      doc.pageWidth = points(size?.width, 'document_style.page_size.width', fail);
      doc.pageHeight = points(size?.height, 'document_style.page_size.height', fail);
    } else {
      const side = f.slice('margin'.length).toLowerCase() as 'top' | 'bottom' | 'left' | 'right';
      doc.margins[side] = points(s[f], `document_style.margin_${side}`, fail);
    }
  }
}
