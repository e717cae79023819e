/**
 * "Tổng quan": this month and this quarter as tiles (each number opens the inbox filtered to its
 * cases), the QR share against its target, and the month's cases per residential group as a
 * small bar chart in inline SVG, then each group's own QR poster (its QR cases of the month against
 * the target, and the groups whose poster brought nothing in 2 weeks, in red) — built with DOM
 * calls and textContent, never parsed markup.
 */
import type { InboxQuery } from '../../domain/inbox';
import type { Dashboard, DashboardPeriod } from '../../domain/report/dashboard';
import { ADOPTION as A, REPORTS as T, SIDEBAR } from '../../i18n/vi';
import { claim, el, status } from './dom';
import { callServer } from './rpc';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`;

function periodCard(title: string, p: DashboardPeriod, target: number, open: (q: InboxQuery) => void): HTMLElement {
  const tiles = el('div', { class: 'tiles' });
  for (const t of p.tiles) {
    const body = [el('strong', { text: t.value }), el('span', { text: t.label })];
    if (t.query) {
      const b = el('button', { type: 'button', class: `tile${t.warn ? ' warn' : ''}`, title: T.openInInbox }, ...body);
      const q = t.query;
      b.addEventListener('click', () => open(q));
      tiles.append(b);
    } else tiles.append(el('div', { class: `tile${t.warn ? ' warn' : ''}` }, ...body));
  }
  // The QR share as a bar with the target marked.
  const width = 260;
  const gauge = svg('svg', { width, height: 26, viewBox: `0 0 ${width} 26`, role: 'img', 'aria-label': T.qrGauge(p.qrShare === null ? '—' : pct(p.qrShare), pct(target)) });
  gauge.append(svg('rect', { x: 0, y: 6, width, height: 14, fill: '#e8eaed', rx: 3 }));
  if (p.qrShare !== null) gauge.append(svg('rect', { x: 0, y: 6, width: Math.round(width * p.qrShare), height: 14, fill: p.qrShare > target ? '#2e7d32' : '#ef6c00', rx: 3 }));
  gauge.append(svg('line', { x1: width * target, x2: width * target, y1: 0, y2: 26, stroke: '#1b1b1b', 'stroke-width': 2 }));
  return el('section', { class: 'period' }, el('h3', { text: `${title}: ${p.label}` }), tiles, el('p', { class: 'muted', text: T.qrGauge(p.qrShare === null ? '—' : pct(p.qrShare), pct(target)) }), gauge as unknown as HTMLElement);
}

function groupChart(d: Dashboard, open: (q: InboxQuery) => void): HTMLElement {
  const rowH = 18;
  const labelW = 110;
  const width = 270;
  const max = Math.max(1, ...d.groups.map((g) => g.count));
  const chart = svg('svg', { width, height: d.groups.length * rowH + 4, viewBox: `0 0 ${width} ${d.groups.length * rowH + 4}`, role: 'img', 'aria-label': T.byGroup(d.month.label) });
  d.groups.forEach((g, i) => {
    const y = i * rowH + 2;
    const link = svg('a', { href: '#', 'aria-label': `${g.group}: ${g.count}` });
    link.append(svg('text', { x: 0, y: y + 13, 'font-size': 12, fill: g.silent ? '#b3261e' : '#1b1b1b' }, g.group));
    const barW = Math.round(((width - labelW - 34) * g.count) / max);
    if (g.count) link.append(svg('rect', { x: labelW, y: y + 3, width: Math.max(2, barW), height: rowH - 6, fill: '#1a5fb4', rx: 2 }));
    link.append(svg('text', { x: labelW + barW + 4, y: y + 13, 'font-size': 12, fill: g.silent ? '#b3261e' : '#1b1b1b' }, g.silent ? T.silent : String(g.count)));
    link.addEventListener('click', (e) => {
      e.preventDefault();
      open(g.query);
    });
    chart.append(link);
  });
  const silent = d.groups.filter((g) => g.silent).length;
  return el('section', { class: 'groups' }, el('h3', { text: T.byGroup(d.month.label) }), el('p', { class: silent ? 'status error' : 'muted', text: T.silentCount(silent, d.groups.length) }), chart as unknown as HTMLElement);
}

/** Each group's own QR poster this month: QR cases / all cases, the share against the target, stale posters flagged. */
function adoptionSection(d: Dashboard, watch: NonNullable<Dashboard['qrWatch']>): HTMLElement {
  const days = watch.days;
  const stale = d.groups.filter((g) => g.stale).map((g) => g.group);
  const summary = !watch.started
    ? el('p', { class: 'muted', text: A.tooEarly(days) })
    : stale.length
      ? el('p', { class: 'status error summary', text: A.staleSummary(stale.length, days, stale) })
      : el('p', { class: 'status ok summary', text: A.noneStale(days) });
  const body = el('tbody');
  for (const g of d.groups) {
    const share = g.qrShare === null ? '—' : pct(g.qrShare);
    const name = el(
      'th',
      { scope: 'row' },
      el('span', { class: 'name', text: g.group }),
      g.stale ? el('span', { class: 'stale-flag', text: A.staleFlag(days) }) : null,
      g.stale ? el('span', { class: 'last-qr', text: A.lastQr(g.lastQrOn) }) : null,
    );
    body.append(
      el(
        'tr',
        { class: g.stale ? 'stale' : undefined, 'data-group': g.group, 'aria-label': A.rowLabel(g.group, g.qr, g.count, share) },
        name,
        el('td', { class: 'num', text: `${g.qr}/${g.count}` }),
        el('td', { class: `num ${g.qrShare === null ? '' : g.qrShare > d.qrTarget ? 'ok' : 'below'}`, text: share }),
      ),
    );
  }
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: A.columns.group }), el('th', { scope: 'col', class: 'num', text: A.columns.qr }), el('th', { scope: 'col', class: 'num', text: A.columns.share(pct(d.qrTarget)) })));
  return el('section', { class: 'adoption' }, el('h3', { text: A.title(d.month.label) }), summary, el('table', { class: 'adoption' }, head, body), el('p', { class: 'muted', text: A.note }));
}

export function renderDashboard(root: HTMLElement, open: (q: InboxQuery) => void): void {
  const current = claim(root);
  root.replaceChildren(status('info', SIDEBAR.loading));
  callServer('getDashboard')
    .then((d) => {
      if (!current()) return;
      root.replaceChildren(el('h2', { text: T.dashboardTitle }), el('p', { class: 'muted', text: T.asOf(d.asOf.split('-').reverse().join('/')) }), periodCard(T.thisMonth, d.month, d.qrTarget, open), periodCard(T.thisQuarter, d.quarter, d.qrTarget, open), groupChart(d, open), ...(d.qrWatch ? [adoptionSection(d, d.qrWatch)] : []));
    })
    .catch((e: Error) => current() && root.replaceChildren(status('error', e.message)));
}
