/**
 * A document as a self-contained HTML page for the local ward (what Docs would show). Every piece
 * of text is escaped: documents quote residents' words.
 */
import type { BlockNode, ContainerNode, DocumentData, ParagraphNode, RichText, TableCellNode, TextAttrs } from './model';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function style(a: TextAttrs): string {
  const css: string[] = [];
  if (a.bold) css.push('font-weight:bold');
  if (a.italic) css.push('font-style:italic');
  const deco = [a.underline ? 'underline' : '', a.strikethrough ? 'line-through' : ''].filter(Boolean).join(' ');
  if (deco) css.push(`text-decoration:${deco}`);
  if (a.fontSize) css.push(`font-size:${a.fontSize}pt`);
  if (a.fontFamily) css.push(`font-family:${esc(a.fontFamily)}`);
  if (a.foregroundColor) css.push(`color:${esc(a.foregroundColor)}`);
  if (a.backgroundColor) css.push(`background:${esc(a.backgroundColor)}`);
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
    const text = esc(rich.text.slice(i, j)).replace(/\n/g, '<br>');
    const css = style(a);
    const inner = css ? `<span style="${css}">${text}</span>` : text;
    out += a.linkUrl && /^(https?:|mailto:)/i.test(a.linkUrl) ? `<a href="${esc(a.linkUrl)}">${inner}</a>` : inner;
    i = j;
  }
  return out;
}

const TAG: Record<string, string> = { TITLE: 'h1', SUBTITLE: 'h2', HEADING1: 'h1', HEADING2: 'h2', HEADING3: 'h3', HEADING4: 'h4', HEADING5: 'h5', HEADING6: 'h6' };

function paragraph(p: ParagraphNode): string {
  const css: string[] = [];
  if (p.attrs.alignment) css.push(`text-align:${p.attrs.alignment.toLowerCase()}`);
  if (p.attrs.indentStart) css.push(`margin-left:${p.attrs.indentStart}pt`);
  if (p.attrs.indentFirstLine) css.push(`text-indent:${p.attrs.indentFirstLine}pt`);
  if (p.attrs.spacingBefore !== undefined) css.push(`margin-top:${p.attrs.spacingBefore}pt`);
  if (p.attrs.spacingAfter !== undefined) css.push(`margin-bottom:${p.attrs.spacingAfter}pt`);
  if (p.attrs.lineSpacing) css.push(`line-height:${p.attrs.lineSpacing}`);
  const inlines = p.inlines
    .map((x) => {
      if (x.kind === 'pageBreak') return '<div class="page-break" role="separator" aria-label="Ngắt trang"></div>';
      if (x.kind === 'rule') return '<hr>';
      return `<img alt="" src="data:${esc(x.image.contentType)};base64,${x.image.base64}" width="${x.image.width}" height="${x.image.height}">`;
    })
    .join('');
  const body = runs(p.rich) || (inlines ? '' : '&nbsp;');
  const attr = css.length ? ` style="${css.join(';')}"` : '';
  if (p.type === 'LIST_ITEM') return `<li${attr} data-glyph="${esc(p.glyphType ?? 'BULLET')}">${body}${inlines}</li>`;
  const tag = TAG[p.attrs.heading ?? ''] ?? 'p';
  return `<${tag}${attr}>${body}</${tag}>${inlines}`;
}

function blocks(children: Array<BlockNode>): string {
  let out = '';
  let list: string[] = [];
  const flush = () => {
    if (list.length) out += `<ul>${list.join('')}</ul>`;
    list = [];
  };
  for (const c of children) {
    if (c.type === 'LIST_ITEM') {
      list.push(paragraph(c));
      continue;
    }
    flush();
    if (c.type === 'TABLE') {
      out += `<table style="border-collapse:collapse;border:${c.borderWidth}pt solid ${esc(c.borderColor)}">${c.rows
        .map((r) => `<tr>${r.cells.map((cell: TableCellNode, i) => `<td style="border:${c.borderWidth}pt solid ${esc(c.borderColor)};padding:4pt${cell.backgroundColor ? `;background:${esc(cell.backgroundColor)}` : ''}${c.columnWidths[i] ? `;width:${c.columnWidths[i]}pt` : ''}">${blocks(cell.children)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
    } else {
      out += paragraph(c);
    }
  }
  flush();
  return out;
}

function section(node: ContainerNode | null, cls: string): string {
  return node ? `<div class="${cls}">${blocks(node.children)}</div>` : '';
}

export function renderDocumentHtml(doc: DocumentData): string {
  const m = doc.margins;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(doc.name)}</title><style>
body{background:#f1f3f4;margin:0;padding:24px;font-family:"Times New Roman",serif}
.page{background:#fff;max-width:${doc.pageWidth}pt;margin:auto;padding:${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt;box-shadow:0 1px 3px rgba(0,0,0,.3);font-size:13pt;line-height:1.4}
.page-break{border-top:2px dashed #999;margin:24pt 0}
.header,.footer{color:#444;font-size:11pt}
table{margin:8pt 0;width:100%}
</style></head><body><article class="page">${section(doc.header, 'header')}${blocks(doc.body.children)}${section(doc.footer, 'footer')}</article></body></html>`;
}
