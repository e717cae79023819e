/**
 * Draws a DocumentSpec (domain/report/blocks) into a new Google Doc in few calls, whatever its
 * size: the Docs API writes every text, table and style in one batchUpdate (doc-requests.ts says
 * what and why), then DocumentApp adds what only it can — the images made here (QR codes; charts,
 * a DataTable, a chart and one PNG from the Charts service, inside Apps Script: no external
 * service sees the figures), lists of cases (one call whatever their length), and the removal of the empty paragraph before a
 * table that opens the Doc. A poster sheet of 42 pages is about 4 calls a QR code plus a dozen.
 */
import type { ChartBlock, DocumentSpec, ImageBlock } from '../../domain/report/blocks';
import { planDocument } from './doc-requests';

/** A Google Doc the add-on made (drawn from blocks or copied from a template): what the sidebar opens. */
export interface WrittenDoc {
  id: string;
  url: string;
  name: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The bytes of base64 text as Apps Script's Byte[] (-128…127), decoded here rather than by
 * Utilities.base64Decode: one service call less per image (Apps Script V8 has no atob).
 */
export function base64Bytes(base64: string): number[] {
  const clean = base64.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const n = (BASE64.indexOf(clean[i]) << 18) | (BASE64.indexOf(clean[i + 1]) << 12) | ((BASE64.indexOf(clean[i + 2]) & 63) << 6) | (BASE64.indexOf(clean[i + 3]) & 63);
    out.push((n >> 16) & 255);
    if (i + 2 < clean.length) out.push((n >> 8) & 255);
    if (i + 3 < clean.length) out.push(n & 255);
  }
  return out.map((b) => (b > 127 ? b - 256 : b));
}

function chartPng(b: ChartBlock): GoogleAppsScript.Base.Blob {
  const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, b.columns[0]);
  for (const c of b.columns.slice(1)) data.addColumn(Charts.ColumnType.NUMBER, c);
  for (const r of b.rows) data.addRow(r);
  const builder = b.kind === 'pie' ? Charts.newPieChart() : b.kind === 'column' ? Charts.newColumnChart() : Charts.newBarChart();
  builder.setDataTable(data).setTitle(b.title).setDimensions(b.width, b.height);
  if (b.colors?.length) builder.setColors(b.colors);
  if (b.kind !== 'pie') builder.setLegendPosition(Charts.Position.NONE);
  return builder.build().getAs('image/png');
}

export function writeDocument(spec: DocumentSpec): WrittenDoc {
  const plan = planDocument(spec);
  // The manifest enables the service (appsscript.json, dependencies.enabledAdvancedServices).
  if (!Docs) throw new Error('doc-writer: the advanced Docs service is not enabled');
  const id = Docs.Documents.create({ title: spec.name }).documentId!;
  // As the API reference spells the requests (the bundled types predate some of them).
  Docs.Documents.batchUpdate({ requests: plan.requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  let first: GoogleAppsScript.Document.Paragraph | null = null;
  if (plan.images.length || plan.charts.length) {
    const paragraphs = body.getParagraphs();
    first = paragraphs[0];
    // One blob per distinct image (a sheet may repeat one).
    const blobs = new Map<string, GoogleAppsScript.Base.Blob>();
    const blobOf = (b: ImageBlock) => {
      if (!blobs.has(b.base64)) blobs.set(b.base64, Utilities.newBlob(base64Bytes(b.base64), b.mimeType, b.name));
      return blobs.get(b.base64)!;
    };
    for (const { paragraph, image } of plan.images) paragraphs[paragraph].appendInlineImage(blobOf(image)).setWidth(image.width).setHeight(image.height);
    for (const { paragraph, chart } of plan.charts) paragraphs[paragraph].appendInlineImage(chartPng(chart)).setAltTitle(chart.title).setWidth(chart.width).setHeight(chart.height);
  }
  const A = DocumentApp.Attribute;
  for (const { childIndex, table, fontSize } of plan.caseLists) {
    const t = body.insertTable(childIndex, table.rows);
    t.setAttributes({ [A.FONT_FAMILY]: spec.font.family, [A.FONT_SIZE]: fontSize });
    t.getRow(0).setAttributes({ [A.BOLD]: true, [A.BACKGROUND_COLOR]: '#e8eef7' });
    (table.widthsMm ?? []).forEach((w, i) => t.setColumnWidth(i, (w * 72) / 25.4));
  }
  if (plan.dropFirstParagraph) (first ?? body.getChild(0)).removeFromParent();
  doc.saveAndClose();
  return { id, url: doc.getUrl(), name: spec.name };
}
