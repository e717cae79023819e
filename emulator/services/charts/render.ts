/**
 * Draws a chart as Apps Script's Chart.getAs('image/png') would hand it out: a PNG of exactly the
 * chart's dimensions (setDimensions), with the title on top, the legend (right by default), the
 * value axis with gridlines, the category labels and the axis titles — after Google Charts' look
 * (its default palette, 61.8% bar groups, pies starting at 12 o'clock with percentages on the
 * slices). The picture is built as SVG and rasterised by resvg (@resvg/resvg-js), with DejaVu Sans
 * for every Vietnamese letter.
 */
import { Resvg } from '@resvg/resvg-js';
import { notImplemented } from '../../core/errors';
import type { Cell, TableData } from './data-table';
import { FONT_FAMILY, chartFonts, textWidth } from './fonts';

export type ChartKind = 'BAR' | 'COLUMN' | 'LINE' | 'PIE';

export interface ChartSpec {
  kind: ChartKind;
  table: TableData;
  /** Flat Google Charts options ("title", "legend.position", "vAxis.title" …). */
  options: Readonly<Record<string, unknown>>;
  width: number;
  height: number;
  /** The script's locale (vi_VN): numbers are written as the reader expects them. */
  locale: string;
}

/** Google Charts' default series colours. */
const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00', '#b82e2e', '#316395', '#994499', '#22aa99', '#aaaa11', '#6633cc', '#e67300', '#8b0707', '#651067', '#329262', '#5574a6', '#3b3eac'];
const TEXT = '#222222';
const MUTED = '#444444';
const GRID = '#cccccc';
const AXIS = '#333333';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const CSS_COLOR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,30}|rgba?\([\d\s.,%]+\))$/i;

function colorOf(options: ChartSpec['options'], i: number): string {
  const colors = options.colors;
  const c = Array.isArray(colors) ? colors[i] : undefined;
  return typeof c === 'string' && CSS_COLOR.test(c.trim()) ? c.trim() : PALETTE[i % PALETTE.length];
}

function background(options: ChartSpec['options']): string {
  const bg = typeof options.backgroundColor === 'string' ? options.backgroundColor : options['backgroundColor.fill'];
  return typeof bg === 'string' && CSS_COLOR.test(bg.trim()) ? bg.trim() : '#ffffff';
}

function numberFormat(locale: string, maxFraction = 2): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale.replace('_', '-'), { maximumFractionDigits: maxFraction });
  } catch {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFraction });
  }
}

function cellLabel(v: Cell, locale: string): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberFormat(locale).format(v);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(v.getDate())}/${pad(v.getMonth() + 1)}/${v.getFullYear()}`;
}

/** Cuts `text` to `max` px, ending with "…". */
function ellipsize(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = Array.from(text);
  while (chars.length && textWidth(chars.join('') + '…', size, bold) > max) chars.pop();
  return chars.length ? chars.join('').trimEnd() + '…' : '';
}

/** Greedy word wrap to `max` px in at most `maxLines` lines; the last one is cut with "…". */
function wrap(text: string, max: number, size: number, bold: boolean, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(candidate, size, bold) <= max || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, maxLines).map((l) => ellipsize(l, max, size, bold));
}

function svgText(x: number, y: number, text: string, attrs: { size: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string; rotate?: number }): string {
  const rot = attrs.rotate ? ` transform="rotate(${attrs.rotate} ${n(x)} ${n(y)})"` : '';
  return `<text x="${n(x)}" y="${n(y)}" font-size="${attrs.size}"${attrs.bold ? ' font-weight="bold"' : ''} text-anchor="${attrs.anchor ?? 'start'}" fill="${attrs.fill ?? TEXT}"${rot}>${esc(text)}</text>`;
}

/** Round axis bounds and about five gridlines, stepping by 1, 2 or 5 × 10^k. */
function niceScale(lo: number, hi: number): { min: number; max: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { min, max: max === min ? min + step : max, ticks };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type LegendPosition = 'right' | 'top' | 'bottom' | 'none';

function legendPosition(options: ChartSpec['options']): LegendPosition {
  const p = typeof options.legend === 'string' ? options.legend : options['legend.position'];
  if (p === 'none' || p === 'top' || p === 'bottom') return p;
  return 'right';
}

/** Draws the legend into `box` and returns the box left for the chart. */
function legend(entries: Array<{ label: string; color: string }>, pos: LegendPosition, box: Box, size: number, out: string[]): Box {
  if (pos === 'none' || entries.length === 0) return box;
  const swatch = Math.round(size * 0.9);
  const lineH = Math.round(size * 1.7);
  if (pos === 'right') {
    const widest = Math.max(...entries.map((e) => textWidth(e.label, size)));
    const width = Math.min(widest + swatch + 8, (box.right - box.left) * 0.35);
    const x = box.right - width;
    const fit = Math.max(1, Math.floor((box.bottom - box.top) / lineH));
    entries.slice(0, fit).forEach((e, i) => {
      const y = box.top + i * lineH + lineH / 2;
      out.push(`<rect x="${n(x)}" y="${n(y - swatch / 2)}" width="${swatch}" height="${swatch}" fill="${esc(e.color)}"/>`);
      out.push(svgText(x + swatch + 6, y + size * 0.36, ellipsize(e.label, width - swatch - 6, size), { size }));
    });
    return { ...box, right: x - 12 };
  }
  // top / bottom: entries in rows, centred.
  const maxRow = box.right - box.left;
  const rows: Array<Array<{ label: string; color: string; w: number }>> = [[]];
  let rowW = 0;
  for (const e of entries) {
    const label = ellipsize(e.label, maxRow - swatch - 6, size);
    const w = swatch + 6 + textWidth(label, size) + 16;
    if (rowW + w > maxRow && rows[rows.length - 1].length) {
      rows.push([]);
      rowW = 0;
    }
    rows[rows.length - 1].push({ label, color: e.color, w });
    rowW += w;
  }
  const height = rows.length * lineH;
  const y0 = pos === 'top' ? box.top : box.bottom - height;
  rows.forEach((row, r) => {
    let x = box.left + (maxRow - row.reduce((s, e) => s + e.w, 0) + 16) / 2;
    const y = y0 + r * lineH + lineH / 2;
    for (const e of row) {
      out.push(`<rect x="${n(x)}" y="${n(y - swatch / 2)}" width="${swatch}" height="${swatch}" fill="${esc(e.color)}"/>`);
      out.push(svgText(x + swatch + 6, y + size * 0.36, e.label, { size }));
      x += e.w;
    }
  });
  return pos === 'top' ? { ...box, top: box.top + height + 6 } : { ...box, bottom: box.bottom - height - 6 };
}

function numericColumns(spec: ChartSpec, from: number): number[] {
  const cols = spec.table.columns.map((_, i) => i).slice(from);
  for (const i of cols) {
    if (spec.table.columns[i].type !== 'NUMBER') notImplemented(`Chart.getAs of a ${spec.kind.toLowerCase()} chart whose data column ${i} is ${spec.table.columns[i].type}, not NUMBER`);
  }
  return cols;
}

function drawPie(spec: ChartSpec, area: Box, size: number, out: string[]): void {
  const [valueColumn] = numericColumns(spec, 1).slice(0, 1);
  const rows = spec.table.rows;
  const values = valueColumn === undefined ? [] : rows.map((r) => (typeof r[valueColumn] === 'number' && (r[valueColumn] as number) > 0 ? (r[valueColumn] as number) : 0));
  const total = values.reduce((s, v) => s + v, 0);
  const legendBox = legend(
    rows.map((r, i) => ({ label: cellLabel(r[0], spec.locale), color: colorOf(spec.options, i) })).filter((_, i) => values[i] > 0),
    legendPosition(spec.options),
    area,
    size,
    out,
  );
  const cx = (legendBox.left + legendBox.right) / 2;
  const cy = (legendBox.top + legendBox.bottom) / 2;
  const r = Math.max(1, Math.min(legendBox.right - legendBox.left, legendBox.bottom - legendBox.top) / 2 - 2);
  if (total === 0) {
    out.push(svgText(cx, cy, 'No data', { size, anchor: 'middle', fill: MUTED }));
    return;
  }
  const hole = typeof spec.options.pieHole === 'number' && spec.options.pieHole > 0 && spec.options.pieHole < 1 ? spec.options.pieHole : 0;
  const pct = numberFormat(spec.locale, 1);
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (v <= 0) return;
    const sweep = (v / total) * 2 * Math.PI;
    const color = esc(colorOf(spec.options, i));
    if (v === total) {
      out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${color}"/>`);
    } else {
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      const x2 = cx + r * Math.cos(angle + sweep);
      const y2 = cy + r * Math.sin(angle + sweep);
      out.push(`<path d="M${n(cx)},${n(cy)} L${n(x1)},${n(y1)} A${n(r)},${n(r)} 0 ${sweep > Math.PI ? 1 : 0} 1 ${n(x2)},${n(y2)} Z" fill="${color}" stroke="#ffffff" stroke-width="1"/>`);
    }
    const label = `${pct.format((v / total) * 100)}%`;
    const mid = angle + sweep / 2;
    const lr = r * (hole ? (1 + hole) / 2 : 0.62);
    const chord = 2 * lr * Math.sin(Math.min(sweep, Math.PI) / 2);
    if (chord > textWidth(label, size) + 4 && r * (1 - hole) > size * 1.5) {
      out.push(svgText(cx + lr * Math.cos(mid), cy + lr * Math.sin(mid) + size * 0.36, label, { size, anchor: 'middle', fill: '#ffffff' }));
    }
    angle += sweep;
  });
  if (hole) out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * hole)}" fill="${esc(background(spec.options))}"/>`);
}

function drawAxisChart(spec: ChartSpec, area: Box, size: number, out: string[]): void {
  const o = spec.options;
  const horizontal = spec.kind === 'BAR';
  const series = numericColumns(spec, 1);
  let rows = spec.table.rows.slice();
  if (o.reverseCategories === true) rows = rows.reverse();
  const categories = rows.map((r) => cellLabel(r[0], spec.locale));
  const value = (r: ReadonlyArray<Cell>, s: number): number | null => (typeof r[s] === 'number' && Number.isFinite(r[s]) ? (r[s] as number) : null);
  const stacked = spec.kind !== 'LINE' && (o.isStacked === true || o.isStacked === 'true' || o.isStacked === 'absolute');

  const box = legend(
    series.map((s, i) => ({ label: spec.table.columns[s].label, color: colorOf(o, i) })),
    legendPosition(o),
    area,
    size,
    out,
  );

  // Value range (0 always shown, as Google Charts does for bars and columns).
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    if (stacked) {
      let pos = 0;
      let neg = 0;
      for (const s of series) {
        const v = value(r, s) ?? 0;
        if (v >= 0) pos += v;
        else neg += v;
      }
      hi = Math.max(hi, pos);
      lo = Math.min(lo, neg);
    } else {
      for (const s of series) {
        const v = value(r, s);
        if (v === null) continue;
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
  }
  const valueAxis = horizontal ? 'hAxis' : 'vAxis';
  const vwMin = o[`${valueAxis}.viewWindow.min`];
  const vwMax = o[`${valueAxis}.viewWindow.max`];
  const scale = niceScale(typeof vwMin === 'number' ? vwMin : lo, typeof vwMax === 'number' ? vwMax : hi);
  if (typeof vwMin === 'number') scale.min = vwMin;
  if (typeof vwMax === 'number') scale.max = vwMax;
  const ticks = scale.ticks.filter((t) => t >= scale.min - 1e-9 && t <= scale.max + 1e-9);
  const fmt = numberFormat(spec.locale);
  const tickLabels = ticks.map((t) => fmt.format(t));
  const lineH = Math.round(size * 1.25);
  const xTitle = typeof o['hAxis.title'] === 'string' ? (o['hAxis.title'] as string) : '';
  const yTitle = typeof o['vAxis.title'] === 'string' ? (o['vAxis.title'] as string) : '';

  const plot: Box = { ...box };
  if (yTitle) plot.left += lineH + 6;
  if (xTitle) plot.bottom -= lineH + 6;
  let categoryLines: string[][];
  if (horizontal) {
    plot.bottom -= lineH + 4; // tick labels
    const slotH = (plot.bottom - plot.top) / Math.max(1, categories.length);
    const maxLines = slotH >= lineH * 2 ? 2 : 1;
    const labelMax = (box.right - box.left) * 0.35;
    categoryLines = categories.map((c) => wrap(c, labelMax, size, false, maxLines));
    const widest = Math.max(0, ...categoryLines.flat().map((l) => textWidth(l, size)));
    plot.left += widest + 8;
    plot.right -= textWidth(tickLabels[tickLabels.length - 1] ?? '', size) / 2;
  } else {
    plot.left += Math.max(0, ...tickLabels.map((l) => textWidth(l, size))) + 8;
    const slotW = (plot.right - plot.left) / Math.max(1, categories.length);
    categoryLines = categories.map((c) => wrap(c, slotW - 4, size, false, 2));
    const lines = Math.max(1, ...categoryLines.map((l) => l.length));
    plot.bottom -= lines * lineH + 4;
    plot.top += size / 2;
  }
  const plotW = Math.max(1, plot.right - plot.left);
  const plotH = Math.max(1, plot.bottom - plot.top);
  const span = scale.max - scale.min || 1;
  const toPx = (v: number): number => {
    const clamped = Math.min(scale.max, Math.max(scale.min, v));
    return horizontal ? plot.left + ((clamped - scale.min) / span) * plotW : plot.bottom - ((clamped - scale.min) / span) * plotH;
  };

  // Gridlines and value labels.
  let lastLabelEnd = -Infinity;
  ticks.forEach((t, i) => {
    const p = toPx(t);
    const stroke = t === 0 ? AXIS : GRID;
    if (horizontal) {
      out.push(`<line x1="${n(p)}" y1="${n(plot.top)}" x2="${n(p)}" y2="${n(plot.bottom)}" stroke="${stroke}" stroke-width="1"/>`);
      const w = textWidth(tickLabels[i], size);
      if (p - w / 2 > lastLabelEnd + 4) {
        out.push(svgText(p, plot.bottom + lineH, tickLabels[i], { size, anchor: 'middle', fill: MUTED }));
        lastLabelEnd = p + w / 2;
      }
    } else {
      out.push(`<line x1="${n(plot.left)}" y1="${n(p)}" x2="${n(plot.right)}" y2="${n(p)}" stroke="${stroke}" stroke-width="1"/>`);
      out.push(svgText(plot.left - 6, p + size * 0.36, tickLabels[i], { size, anchor: 'end', fill: MUTED }));
    }
  });

  // Bars, columns or lines.
  const slot = (horizontal ? plotH : plotW) / Math.max(1, categories.length);
  const group = slot * 0.618;
  const zero = toPx(Math.min(scale.max, Math.max(scale.min, 0)));
  if (spec.kind === 'LINE') {
    series.forEach((s, si) => {
      // A missing value breaks the line, as Google Charts does by default (interpolateNulls: false).
      const segments: string[][] = [[]];
      rows.forEach((r, c) => {
        const v = value(r, s);
        if (v === null) {
          if (segments[segments.length - 1].length) segments.push([]);
          return;
        }
        segments[segments.length - 1].push(`${n(plot.left + slot * c + slot / 2)},${n(toPx(v))}`);
      });
      const d = segments.filter((seg) => seg.length).map((seg) => `M${seg.join(' L')}`).join(' ');
      if (d) out.push(`<path d="${d}" fill="none" stroke="${esc(colorOf(o, si))}" stroke-width="2" stroke-linejoin="round"/>`);
    });
  } else {
    rows.forEach((r, c) => {
      const start = (horizontal ? plot.top : plot.left) + slot * c + (slot - group) / 2;
      let pos = 0;
      let neg = 0;
      series.forEach((s, si) => {
        const v = value(r, s);
        if (v === null || v === 0) return;
        let a: number;
        let b: number;
        let offset: number;
        let thickness: number;
        if (stacked) {
          const base = v >= 0 ? pos : neg;
          a = toPx(base);
          b = toPx(base + v);
          if (v >= 0) pos += v;
          else neg += v;
          offset = start;
          thickness = group;
        } else {
          a = zero;
          b = toPx(v);
          thickness = group / series.length;
          offset = start + thickness * si;
        }
        const fill = esc(colorOf(o, si));
        if (horizontal) out.push(`<rect x="${n(Math.min(a, b))}" y="${n(offset)}" width="${n(Math.abs(b - a))}" height="${n(thickness)}" fill="${fill}"/>`);
        else out.push(`<rect x="${n(offset)}" y="${n(Math.min(a, b))}" width="${n(thickness)}" height="${n(Math.abs(b - a))}" fill="${fill}"/>`);
      });
    });
  }
  // The baseline above the bars.
  if (horizontal) out.push(`<line x1="${n(zero)}" y1="${n(plot.top)}" x2="${n(zero)}" y2="${n(plot.bottom)}" stroke="${AXIS}" stroke-width="1"/>`);
  else out.push(`<line x1="${n(plot.left)}" y1="${n(zero)}" x2="${n(plot.right)}" y2="${n(zero)}" stroke="${AXIS}" stroke-width="1"/>`);

  // Category labels.
  categoryLines.forEach((lines, c) => {
    const mid = (horizontal ? plot.top : plot.left) + slot * c + slot / 2;
    lines.forEach((line, li) => {
      if (horizontal) {
        const y = mid - ((lines.length - 1) * lineH) / 2 + li * lineH + size * 0.36;
        out.push(svgText(plot.left - 8, y, line, { size, anchor: 'end' }));
      } else {
        out.push(svgText(mid, plot.bottom + lineH * (li + 1), line, { size, anchor: 'middle' }));
      }
    });
  });

  // Axis titles (italic in Google Charts).
  if (xTitle) out.push(svgText((plot.left + plot.right) / 2, box.bottom - 4, ellipsize(xTitle, plotW, size), { size, anchor: 'middle', fill: MUTED }).replace('<text ', '<text font-style="italic" '));
  if (yTitle) {
    const x = box.left + lineH - 4;
    const y = (plot.top + plot.bottom) / 2;
    out.push(svgText(x, y, ellipsize(yTitle, plotH, size), { size, anchor: 'middle', fill: MUTED, rotate: -90 }).replace('<text ', '<text font-style="italic" '));
  }
}

export function renderChartSvg(spec: ChartSpec): string {
  const { width: W, height: H, options: o } = spec;
  const size = typeof o.fontSize === 'number' && o.fontSize >= 6 && o.fontSize <= 48 ? o.fontSize : 13;
  const titleSize = typeof o['titleTextStyle.fontSize'] === 'number' ? (o['titleTextStyle.fontSize'] as number) : Math.round(size * 1.2);
  const out: string[] = [];
  let box: Box = { left: 12, top: 10, right: W - 12, bottom: H - 10 };
  const title = typeof o.title === 'string' ? o.title : '';
  if (title) {
    const lines = wrap(title, W - 24, titleSize, true, 2);
    const titleColor = typeof o['titleTextStyle.color'] === 'string' && CSS_COLOR.test(o['titleTextStyle.color'] as string) ? (o['titleTextStyle.color'] as string) : TEXT;
    lines.forEach((line, i) => out.push(svgText(box.left, box.top + titleSize * (i + 1) * 1.2 - titleSize * 0.2, line, { size: titleSize, bold: true, fill: titleColor })));
    box = { ...box, top: box.top + lines.length * titleSize * 1.2 + 10 };
  }
  if (spec.kind === 'PIE') drawPie(spec, box, size, out);
  else drawAxisChart(spec, box, size, out);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${esc(background(o))}"/><g font-family="${FONT_FAMILY}">${out.join('')}</g></svg>`;
}

export function renderChartPng(spec: ChartSpec): Uint8Array {
  const fonts = chartFonts();
  const svg = renderChartSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: [fonts.regular.file, fonts.bold.file], defaultFontFamily: FONT_FAMILY },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}
