/** HTML building for the local ward's pages: every interpolated value is escaped. */

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template that escapes every interpolation unless it is already `Safe` HTML. */
export class Safe {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Safe(out);
}

function render(v: unknown): string {
  if (v instanceof Safe) return v.html;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

export function raw(markup: string): Safe {
  return new Safe(markup);
}

const STYLE = `
  :root { --fg:#1b1b1b; --muted:#5f6368; --line:#dadce0; --accent:#0b57d0; --bg:#f8f9fa; --error:#b3261e; }
  * { box-sizing: border-box; }
  body { margin:0; font:16px/1.5 Arial, "Helvetica Neue", sans-serif; color:var(--fg); background:var(--bg); }
  header.top { background:#fff; border-bottom:1px solid var(--line); padding:10px 20px; display:flex; gap:16px; align-items:center; flex-wrap:wrap; }
  header.top a.brand { font-weight:bold; font-size:18px; color:var(--fg); text-decoration:none; }
  header.top .who { margin-left:auto; color:var(--muted); font-size:14px; }
  main { max-width:1100px; margin:20px auto; padding:0 20px; }
  section.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin-bottom:16px; }
  h1 { font-size:24px; margin:0 0 12px; } h2 { font-size:19px; margin:0 0 10px; }
  a { color:var(--accent); }
  .muted { color:var(--muted); } .error { color:var(--error); }
  table.grid { border-collapse:collapse; font-size:14px; background:#fff; }
  table.grid th, table.grid td { border:1px solid var(--line); padding:4px 8px; vertical-align:top; white-space:pre-wrap; max-width:360px; overflow-wrap:anywhere; }
  table.grid th.rowhead, table.grid thead th { background:#f1f3f4; color:var(--muted); font-weight:normal; }
  .sheet-scroll { overflow:auto; max-height:80vh; }
  table.grid { table-layout:fixed; }
  table.grid td, table.grid thead th { width:220px; min-width:220px; }
  table.grid thead th { position:sticky; top:0; z-index:1; }
  table.grid thead tr.header th { top:28px; color:var(--ink, #202124); font-weight:bold; text-align:left; }
  table.grid summary { cursor:pointer; }
  nav.pager { margin:8px 0; }
  table.grid th.rowhead, table.grid thead tr:first-child th:first-child { width:48px; min-width:48px; }
  button, input[type=submit] { font:inherit; padding:6px 14px; border:1px solid var(--accent); border-radius:4px; background:#fff; color:var(--accent); cursor:pointer; }
  form.inline { display:inline; }
  ul.plain { list-style:none; padding:0; margin:0; } ul.plain li { margin:4px 0; }
  section.card.field-invalid { border:1px solid var(--error); box-shadow:inset 4px 0 0 var(--error); }
  .field-message { color:var(--error); margin:8px 0 0; font-size:15px; }
  section.card.form-errors { border:1px solid var(--error); color:var(--error); }
  section.card.form-errors p { margin:0; }
  table.grid a.cell { display:block; color:inherit; text-decoration:none; min-height:1.5em; }
  table.grid a.cell:hover, table.grid a.cell:focus { outline:2px solid var(--accent); outline-offset:1px; }
  form.cell-edit, form.row-delete { display:flex; gap:10px; align-items:flex-end; flex-wrap:wrap; margin:8px 0; }
  form.cell-edit label:nth-of-type(2) { flex:1; min-width:240px; }
  form.cell-edit textarea, form.cell-edit input, form.row-delete input { font:inherit; padding:4px 8px; }
  .tag { display:inline-block; font-size:12px; padding:1px 6px; border-radius:10px; background:#e8eaed; color:var(--muted); margin-left:6px; }
`;

export function page(title: string, body: Safe, options: { user?: string; flash?: string } = {}): string {
  return `<!DOCTYPE html>${html`<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${raw(STYLE)}</style></head>
<body><header class="top"><a class="brand" href="/">Hòm thư số</a><span class="muted">Phường (môi trường thử nghiệm cục bộ)</span>${
    options.user ? html`<span class="who">Đang dùng với tài khoản: <strong>${options.user}</strong></span>` : ''
  }</header><main>${options.flash ? html`<section class="card" role="status">${options.flash}</section>` : ''}${body}</main></body></html>`.html}`;
}
