/**
 * Small DOM helpers. Text goes in with textContent only: nothing from the server (residents'
 * words above all) is ever parsed as HTML.
 */
type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

let fieldIds = 0;

/** A labelled field; the label is tied to the control for screen readers and large click targets. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  const id = control.id || `f${++fieldIds}`;
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
}

export function select(name: string, options: Array<{ value: string; label: string }>, required = false): HTMLSelectElement {
  const s = el('select', { name, required });
  for (const o of options) s.append(el('option', { value: o.value, text: o.label }));
  return s;
}

export function status(kind: 'info' | 'error' | 'ok', text: string): HTMLElement {
  return el('p', { class: `status ${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

export function options(values: string[], allLabel: string): Array<{ value: string; label: string }> {
  return [{ value: '', label: allLabel }, ...values.map((v) => ({ value: v, label: v }))];
}

/**
 * Takes `root` for a new view: returns whether it still belongs to that view. A response that
 * arrives after the person moved on (the inbox still loading when they opened "Nhập ý kiến")
 * must not replace what they are looking at.
 */
let views = 0;
export function claim(root: HTMLElement): () => boolean {
  const token = String(++views);
  root.dataset.view = token;
  return () => root.dataset.view === token;
}
