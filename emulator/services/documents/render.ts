/**
 * A document as a self-contained HTML page for the local ward, laid out as Docs lays it out: pages
 * of the Body's page size with its margins (points), Docs' default text (Arial 11 pt, line spacing
 * 1.15) and heading styles, fonts, sizes, bold/italic, colours and alignment as set, tables across
 * the text width, images at their set size, and a new page after every page break. On screen a
 * small script moves blocks that overflow a page onto the next one; the print stylesheet gives
 * `@page` the Doc's size and margins, so Chromium's print-to-PDF gives the Doc's pages. Header and
 * footer are shown once (top of the first page, bottom of the last), not repeated per page.
 * Every piece of text is escaped: documents quote residents' words.
 */
import type { BlockNode, ContainerNode, DocumentData, ImageData, ParagraphNode, RichText, TableCellNode, TableNode, TextAttrs } from './model';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const pt = (v: number): string => `${Math.round(v * 1000) / 1000}pt`;
/** CSS colours only (#rgb / #rrggbb): anything else is not drawn. */
const color = (c: string | undefined): string | null => (c && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(c) ? c : null);

function style(a: TextAttrs): string {
  const css: string[] = [];
  if (a.bold === true) css.push('font-weight:bold');
  if (a.bold === false) css.push('font-weight:normal');
  if (a.italic === true) css.push('font-style:italic');
  if (a.italic === false) css.push('font-style:normal');
  const deco = [a.underline ? 'underline' : '', a.strikethrough ? 'line-through' : ''].filter(Boolean).join(' ');
  if (deco) css.push(`text-decoration:${deco}`);
  if (typeof a.fontSize === 'number' && a.fontSize > 0) css.push(`font-size:${pt(a.fontSize)}`);
  if (a.fontFamily) css.push(`font-family:${esc(`"${a.fontFamily.replace(/["\\]/g, '')}"`)}`);
  if (color(a.foregroundColor)) css.push(`color:${color(a.foregroundColor)}`);
  if (color(a.backgroundColor)) css.push(`background:${color(a.backgroundColor)}`);
  return css.join(';');
}

function runs(rich: RichText): string {
  let out = '';
  let i = 0;
  while (i < rich.text.length) {
    const key = JSON.stringify(rich.attrs[i] ?? {});
    let j = i + 1;
    while (j < rich.text.length && JSON.stringify(rich.attrs[j] ?? {}) === key) j++;
    const a = rich.attrs[i] ?? {};
    const text = esc(rich.text.slice(i, j)).replace(/\r\n|\r|\n/g, '<br>');
    const css = style(a);
    const inner = css ? `<span style="${css}">${text}</span>` : text;
    out += a.linkUrl && /^(https?:|mailto:)/i.test(a.linkUrl) ? `<a href="${esc(a.linkUrl)}">${inner}</a>` : inner;
    i = j;
  }
  return out;
}

/** An image at its set size (pixels), no wider than the text. */
function image(img: ImageData): string {
  const alt = img.altTitle ?? img.altDescription ?? '';
  const title = img.altDescription ? ` title="${esc(img.altDescription)}"` : '';
  const tag = `<img alt="${esc(alt)}"${title} src="data:${esc(img.contentType)};base64,${img.base64}" width="${img.width}" height="${img.height}">`;
  return img.linkUrl && /^https?:/i.test(img.linkUrl) ? `<a href="${esc(img.linkUrl)}">${tag}</a>` : tag;
}

const TAG: Record<string, string> = { TITLE: 'h1', SUBTITLE: 'p', HEADING1: 'h1', HEADING2: 'h2', HEADING3: 'h3', HEADING4: 'h4', HEADING5: 'h5', HEADING6: 'h6' };
const GLYPH: Record<string, string> = {
  BULLET: 'disc',
  HOLLOW_BULLET: 'circle',
  SQUARE_BULLET: 'square',
  NUMBER: 'decimal',
  LATIN_UPPER: 'upper-alpha',
  LATIN_LOWER: 'lower-alpha',
  ROMAN_UPPER: 'upper-roman',
  ROMAN_LOWER: 'lower-roman',
};

function paragraph(p: ParagraphNode): { html: string; pageBreak: boolean } {
  const css: string[] = [];
  const align = p.attrs.alignment?.toUpperCase();
  if (align === 'CENTER' || align === 'RIGHT' || align === 'JUSTIFY') css.push(`text-align:${align.toLowerCase()}`);
  if (typeof p.attrs.indentStart === 'number') css.push(`margin-left:${pt(p.attrs.indentStart)}`);
  if (typeof p.attrs.indentEnd === 'number') css.push(`margin-right:${pt(p.attrs.indentEnd)}`);
  if (typeof p.attrs.indentFirstLine === 'number' && typeof p.attrs.indentStart === 'number') css.push(`text-indent:${pt(p.attrs.indentFirstLine - p.attrs.indentStart)}`);
  else if (typeof p.attrs.indentFirstLine === 'number') css.push(`text-indent:${pt(p.attrs.indentFirstLine)}`);
  if (typeof p.attrs.spacingBefore === 'number') css.push(`margin-top:${pt(p.attrs.spacingBefore)}`);
  if (typeof p.attrs.spacingAfter === 'number') css.push(`margin-bottom:${pt(p.attrs.spacingAfter)}`);
  // Docs' line spacing is a multiple of the font's own line height (about 1.15 em for Arial).
  if (typeof p.attrs.lineSpacing === 'number' && p.attrs.lineSpacing > 0) css.push(`line-height:${Math.round(p.attrs.lineSpacing * 115) / 100}`);
  const images = p.inlines.map((x) => (x.kind === 'image' ? image(x.image) : x.kind === 'rule' ? '<hr>' : '')).join('');
  const pageBreak = p.inlines.some((x) => x.kind === 'pageBreak');
  // An empty paragraph is one line of its newline's font (as the Docs API styled it).
  const empty = p.endAttrs && style(p.endAttrs) ? `<span style="${style(p.endAttrs)}"><br></span>` : '<br>';
  const body = runs(p.rich) + images || empty;
  if (p.type === 'LIST_ITEM') {
    const level = Math.max(0, p.nestingLevel ?? 0);
    css.push(`list-style-type:${GLYPH[p.glyphType ?? 'BULLET'] ?? 'disc'}`);
    if (level) css.push(`margin-left:${pt(36 * level)}`);
    return { html: `<li style="${css.join(';')}">${body}</li>`, pageBreak };
  }
  const heading = p.attrs.heading && p.attrs.heading !== 'NORMAL' ? p.attrs.heading : null;
  const tag = heading ? (TAG[heading] ?? 'p') : 'p';
  const cls = heading ? ` class="${heading.toLowerCase()}"` : '';
  // Kept on the page of the block after it (Docs API keepWithNext): the screen's pagination moves them together.
  const keep = p.attrs.keepWithNext ? ' data-keep-next' : '';
  const attr = css.length ? ` style="${css.join(';')}"` : '';
  return { html: `<${tag}${cls}${keep}${attr}>${body}</${tag}>`, pageBreak };
}

function table(t: TableNode): string {
  const border = `${pt(t.borderWidth)} solid ${color(t.borderColor) ?? '#000000'}`;
  const rows = t.rows
    .map((r) => {
      const cells = r.cells.map((cell: TableCellNode, i) => {
        const css = [`border:${border}`];
        if (color(cell.backgroundColor)) css.push(`background:${color(cell.backgroundColor)}`);
        const w = cell.width ?? t.columnWidths[i];
        if (typeof w === 'number' && w > 0) css.push(`width:${pt(w)}`);
        return `<td style="${css.join(';')}">${blocks(cell.children).map((b) => b.html).join('')}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table style="border:${border}">${rows}</table>`;
}

/** Blocks in order, lists grouped; `pageBreak` marks a block after which a new page starts. */
function blocks(children: ReadonlyArray<BlockNode>): Array<{ html: string; pageBreak: boolean }> {
  const out: Array<{ html: string; pageBreak: boolean }> = [];
  let list: string[] = [];
  const flush = (pageBreak = false) => {
    if (list.length) out.push({ html: `<ul>${list.join('')}</ul>`, pageBreak });
    list = [];
  };
  for (const c of children) {
    if (c.type === 'LIST_ITEM') {
      const li = paragraph(c);
      list.push(li.html);
      if (li.pageBreak) flush(true);
      continue;
    }
    flush();
    out.push(c.type === 'TABLE' ? { html: table(c), pageBreak: false } : paragraph(c));
  }
  flush();
  return out;
}

function section(node: ContainerNode | null, cls: string): string {
  return node ? `<div class="${cls}">${blocks(node.children).map((b) => b.html).join('')}</div>` : '';
}

/**
 * Flows the blocks of a page that overflows (on screen) onto following pages, as Docs lays out
 * text: a block that does not fit goes to the next page with everything after it; a table is
 * broken between its rows where the page ends, its remaining rows going on in a table of the same
 * style on the next page (Docs splits a table across pages; nothing keeps it together unless asked:
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#tablerowstyle).
 * A paragraph kept with the next (Docs API keepWithNext) moves with it. A block taller than a
 * whole page stays where it is. Printing keeps these pages: each sheet
 * starts a new printed page, so the PDF has the pages the screen shows (Chromium's own breaks —
 * orphans and widows, margins truncated at a break — would differ by a page now and then).
 */
const PAGINATE = `(function () {
  function flowOf(page) { return page.querySelector(':scope > .flow'); }
  function limit(page) {
    var cs = getComputedStyle(page);
    var bottom = page.getBoundingClientRect().bottom - parseFloat(cs.paddingBottom);
    var footer = page.querySelector(':scope > .footer');
    return footer ? bottom - footer.offsetHeight : bottom;
  }
  function firstOver(items, end) {
    for (var i = 0; i < items.length; i++) if (items[i].getBoundingClientRect().bottom > end + 1) return i;
    return -1;
  }
  function rowsOf(table) { return Array.prototype.slice.call(table.querySelectorAll(':scope > tbody > tr, :scope > tr')); }
  function fit(page) {
    var flow = flowOf(page);
    var kids = Array.prototype.slice.call(flow.children);
    if (firstOver(kids, limit(page)) < 0) return;
    var next = document.createElement('section');
    next.className = 'page';
    var nextFlow = document.createElement('div');
    nextFlow.className = 'flow';
    next.appendChild(nextFlow);
    var footer = page.querySelector(':scope > .footer');
    if (footer) next.appendChild(footer);
    if (page.classList.contains('brk')) { page.classList.remove('brk'); next.classList.add('brk'); }
    page.after(next);
    var end = limit(page);
    var i = firstOver(kids, end);
    if (i < 0) return fit(next);
    var from = i;
    var block = kids[i];
    if (block.tagName === 'TABLE') {
      var rows = rowsOf(block);
      var j = firstOver(rows, end);
      if (j === 0 && i > 0) from = i;
      else {
        if (j === 0) j = 1;
        if (j < rows.length) {
          var rest = block.cloneNode(false);
          var body = document.createElement('tbody');
          rest.appendChild(body);
          for (var r = j; r < rows.length; r++) body.appendChild(rows[r]);
          nextFlow.appendChild(rest);
        }
        from = i + 1;
      }
    } else if (i === 0) from = 1;
    // A block kept with the next one (keepWithNext) goes along, and those kept with it, as long as
    // something stays on this page.
    while (from > 1 && from === i && kids[from - 1].hasAttribute('data-keep-next')) { from--; i--; }
    for (var k = from; k < kids.length; k++) nextFlow.appendChild(kids[k]);
    fit(next);
  }
  Array.prototype.slice.call(document.querySelectorAll('.page')).forEach(fit);
  document.querySelectorAll('.page').forEach(function (p, i) { p.setAttribute('aria-label', 'Trang ' + (i + 1)); });
})();`;

export function renderDocumentHtml(doc: DocumentData): string {
  const m = doc.margins;
  const pages: string[][] = [[]];
  for (const b of blocks(doc.body.children)) {
    pages[pages.length - 1].push(b.html);
    if (b.pageBreak) pages.push([]);
  }
  const header = section(doc.header, 'header');
  const footer = section(doc.footer, 'footer');
  const sheets = pages.map((content, i) => {
    const last = i === pages.length - 1;
    return `<section class="page${last ? '' : ' brk'}" aria-label="Trang ${i + 1}">${i === 0 ? header : ''}<div class="flow">${content.join('')}${last ? '' : '<div class="page-break" hidden></div>'}</div>${last ? footer : ''}</section>`;
  });
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.name)}</title><style>
@page{size:${pt(doc.pageWidth)} ${pt(doc.pageHeight)};margin:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}}
html{background:#f1f3f4}
body{margin:0;padding:0 0 32px;color:#000;font-family:Arial,"Liberation Sans",Arimo,"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.32}
.toolbar{position:sticky;top:0;z-index:1;display:flex;gap:12px;align-items:center;justify-content:center;padding:8px;background:#f1f3f4;border-bottom:1px solid #dadce0;font:14px/1.4 system-ui,sans-serif}
.toolbar button{font:inherit;padding:6px 14px;border:1px solid #1a73e8;border-radius:4px;background:#1a73e8;color:#fff;cursor:pointer}
.page{box-sizing:border-box;display:flex;flex-direction:column;width:${pt(doc.pageWidth)};height:${pt(doc.pageHeight)};padding:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)};margin:16px auto 0;background:#fff;box-shadow:0 1px 3px rgba(60,64,67,.3),0 4px 8px rgba(60,64,67,.15);overflow-wrap:break-word}
.footer{margin-top:auto}
.header,.footer{font-size:11pt}
p,h1,h2,h3,h4,h5,h6,ul{margin:0}
/* Docs keeps every space a paragraph holds ("Số:      /BC-…" leaves room for a hand-written number). */
p,h1,h2,h3,h4,h5,h6,li{white-space:pre-wrap}
h1,h2,h3,h4,h5,h6{font-weight:normal}
.title{font-size:26pt;margin-bottom:3pt}
p.subtitle{font-size:15pt;color:#666666;margin-bottom:16pt}
.heading1{font-size:20pt;margin:20pt 0 6pt}
.heading2{font-size:16pt;margin:18pt 0 6pt}
.heading3{font-size:14pt;color:#434343;margin:16pt 0 4pt}
.heading4{font-size:12pt;color:#666666;margin:14pt 0 4pt}
.heading5{font-size:11pt;color:#666666;margin:12pt 0 4pt}
.heading6{font-size:11pt;color:#666666;font-style:italic;margin:12pt 0 4pt}
ul{padding-left:36pt}
table{border-collapse:collapse;table-layout:fixed;width:100%;margin:0}
td{padding:5pt;vertical-align:top;box-sizing:border-box}
img{vertical-align:bottom;max-width:100%;height:auto}
hr{border:0;border-top:1px solid #000;margin:6pt 0}
@media print{
html,body{background:none;padding:0}
.toolbar{display:none}
.page{display:block;width:auto;height:auto;padding:0;margin:0;box-shadow:none}
.page{break-after:page}
.page:last-child{break-after:auto}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
</style></head><body><div class="toolbar" role="toolbar" aria-label="${esc(doc.name)}"><span>${esc(doc.name)}</span><button type="button" onclick="window.print()">In / Lưu PDF</button></div><main class="doc" aria-label="${esc(doc.name)}">${sheets.join('')}</main><script>${PAGINATE}</script></body></html>`;
}
