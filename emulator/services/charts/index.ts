/**
 * Charts: https://developers.google.com/apps-script/reference/charts/charts
 * Builders for bar, column, line and pie charts over a DataTable, and Chart.getAs('image/png'):
 * a real PNG of the chart at its dimensions (render.ts). Builder calls are kept as Google Charts
 * options ("title", "legend.position", "hAxis.title" …), which Chart.getOptions() reads back.
 * The Charts service needs no OAuth scope (core/scopes.ts).
 */
import { AppsScriptException, notImplemented, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';
import { Published, publish } from '../../core/published';
import { makeBlob } from '../drive/blob';
import { newDataTableBuilder, tableFrom, type TableData } from './data-table';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, ColumnType, CurveStyle, PointStyle, Position } from './enums';
import { renderChartPng, type ChartKind } from './render';

type Options = Record<string, unknown>;

/** Plain objects given to setOption ("legend", {position: 'none'}) are kept as dotted keys. */
function putOption(options: Options, key: string, value: unknown): void {
  for (const k of Object.keys(options)) if (k === key || k.startsWith(`${key}.`)) delete options[k];
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.getPrototypeOf(value) !== null && Object.getPrototypeOf(Object.getPrototypeOf(value)) === null) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) putOption(options, `${key}.${k}`, v);
    return;
  }
  options[key] = Array.isArray(value) ? value.slice() : value;
}

function readOption(options: Readonly<Options>, key: string): unknown {
  if (key in options) {
    const v = options[key];
    return Array.isArray(v) ? v.slice() : v;
  }
  const prefix = `${key}.`;
  const nested = Object.keys(options).filter((k) => k.startsWith(prefix));
  if (nested.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of nested) {
    const parts = k.slice(prefix.length).split('.');
    let o = out;
    parts.slice(0, -1).forEach((p) => (o = (o[p] ??= {}) as Record<string, unknown>));
    o[parts[parts.length - 1]] = options[k];
  }
  return out;
}

/** Defaults Google Charts documents for the options the builders set. */
const DEFAULTS: Readonly<Options> = { 'legend.position': 'right', isStacked: false, reverseCategories: false };

/** https://developers.google.com/apps-script/reference/charts/chart-options */
class ChartOptions {
  constructor(readonly _options: Readonly<Options>) {}
  get(option: unknown): unknown {
    if (typeof option !== 'string') throw signatureMismatch('Charts.ChartOptions.get', [option]);
    return readOption(this._options, option);
  }
  getOrDefault(option: unknown): unknown {
    if (typeof option !== 'string') throw signatureMismatch('Charts.ChartOptions.getOrDefault', [option]);
    const v = readOption(this._options, option);
    return v !== null ? v : (DEFAULTS[option] ?? null);
  }
}

/** Formats getAs can name for an image; the emulator draws PNG only. */
const OTHER_IMAGE_TYPES = new Set(['image/bmp', 'image/gif', 'image/jpeg', 'application/pdf']);

/** https://developers.google.com/apps-script/reference/charts/chart */
class Chart {
  constructor(
    readonly _kernel: Kernel,
    readonly _kind: ChartKind,
    readonly _table: TableData,
    readonly _options: Readonly<Options>,
  ) {}

  /**
   * "For images in BMP, GIF, JPEG, or PNG format, any of 'image/bmp', 'image/gif', 'image/jpeg',
   * or 'image/png' are also valid": other types are refused with Apps Script's conversion message.
   */
  getAs(contentType: unknown): unknown {
    if (typeof contentType !== 'string') throw signatureMismatch('Charts.Chart.getAs', [contentType]);
    if (contentType === 'image/png') return this._png();
    if (OTHER_IMAGE_TYPES.has(contentType)) notImplemented(`Chart.getAs('${contentType}') (the emulator draws charts as PNG only)`);
    throw new AppsScriptException(`Converting from image/png to ${contentType} is not supported.`);
  }
  getBlob(): unknown {
    return this._png();
  }
  getOptions(): unknown {
    return expose(this._kernel, 'Charts', 'ChartOptions', new ChartOptions(this._options));
  }

  private _png(): unknown {
    const width = this._options.width;
    const height = this._options.height;
    // Apps Script's size for a chart without setDimensions is not documented.
    if (typeof width !== 'number' || typeof height !== 'number') notImplemented('Chart.getAs of a chart without setDimensions(width, height)');
    const bytes = renderChartPng({ kind: this._kind, table: this._table, options: this._options, width, height, locale: this._kernel.locale });
    return makeBlob(this._kernel, bytes, 'image/png', null);
  }
}

/** What every chart builder has (https://developers.google.com/apps-script/reference/charts/pie-chart-builder). */
abstract class ChartBuilder extends Published {
  _options: Options = {};
  _table: TableData | null = null;

  constructor(
    readonly _kernel: Kernel,
    readonly _kind: ChartKind,
    readonly _className: string,
  ) {
    super();
  }

  protected _method(name: string): string {
    return `Charts.${this._className}.${name}`;
  }

  build(): unknown {
    if (!this._table) notImplemented(`${this._className}.build without setDataTable (data source URLs are not modelled)`);
    return expose(this._kernel, 'Charts', 'Chart', new Chart(this._kernel, this._kind, this._table, { ...this._options }));
  }
  setDataTable(table: unknown): this {
    this._table = tableFrom(table, this._method('setDataTable'));
    return this._self;
  }
  setTitle(chartTitle: unknown): this {
    if (typeof chartTitle !== 'string') throw signatureMismatch(this._method('setTitle'), [chartTitle]);
    this._options.title = chartTitle;
    return this._self;
  }
  /** Width and height in pixels. */
  setDimensions(width: unknown, height: unknown): this {
    if (typeof width !== 'number' || typeof height !== 'number') throw signatureMismatch(this._method('setDimensions'), [width, height]);
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 4000 || height > 4000) {
      notImplemented(`${this._className}.setDimensions(${width}, ${height}) (the emulator draws 1–4000 whole pixels a side)`);
    }
    this._options.width = width;
    this._options.height = height;
    return this._self;
  }
  setColors(cssValues: unknown): this {
    if (!Array.isArray(cssValues) || !cssValues.every((c) => typeof c === 'string')) throw signatureMismatch(this._method('setColors'), [cssValues]);
    this._options.colors = cssValues.slice();
    return this._self;
  }
  setBackgroundColor(cssValue: unknown): this {
    if (typeof cssValue !== 'string') throw signatureMismatch(this._method('setBackgroundColor'), [cssValue]);
    putOption(this._options, 'backgroundColor', cssValue);
    return this._self;
  }
  setLegendPosition(position: unknown): this {
    if (!isEnumValue(position, Position)) throw signatureMismatch(this._method('setLegendPosition'), [position]);
    delete this._options.legend;
    this._options['legend.position'] = String(position).toLowerCase();
    return this._self;
  }
  reverseCategories(): this {
    this._options.reverseCategories = true;
    return this._self;
  }
  /** "This method has no effect if the option is invalid": any key is kept; the drawing reads the ones it knows. */
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw signatureMismatch(this._method('setOption'), [option, value]);
    putOption(this._options, option, value);
    return this._self;
  }
}

/** Bar, column and line charts have axes. */
abstract class AxisChartBuilder extends ChartBuilder {
  /** The value axis: horizontal for bar charts, vertical otherwise. */
  setRange(start: unknown, end: unknown): this {
    if (typeof start !== 'number' || typeof end !== 'number') throw signatureMismatch(this._method('setRange'), [start, end]);
    const axis = this._kind === 'BAR' ? 'hAxis' : 'vAxis';
    this._options[`${axis}.viewWindow.min`] = start;
    this._options[`${axis}.viewWindow.max`] = end;
    return this._self;
  }
  setXAxisTitle(title: unknown): this {
    if (typeof title !== 'string') throw signatureMismatch(this._method('setXAxisTitle'), [title]);
    this._options['hAxis.title'] = title;
    return this._self;
  }
  setYAxisTitle(title: unknown): this {
    if (typeof title !== 'string') throw signatureMismatch(this._method('setYAxisTitle'), [title]);
    this._options['vAxis.title'] = title;
    return this._self;
  }
}

/** https://developers.google.com/apps-script/reference/charts/bar-chart-builder */
class BarChartBuilder extends AxisChartBuilder {
  /** "Uses stacked lines, meaning that line and bar values are stacked (accumulated)." */
  setStacked(): BarChartBuilder {
    this._options.isStacked = true;
    return this._self;
  }
}

/** https://developers.google.com/apps-script/reference/charts/column-chart-builder */
class ColumnChartBuilder extends AxisChartBuilder {
  setStacked(): ColumnChartBuilder {
    this._options.isStacked = true;
    return this._self;
  }
}

/** https://developers.google.com/apps-script/reference/charts/line-chart-builder */
class LineChartBuilder extends AxisChartBuilder {}

/** https://developers.google.com/apps-script/reference/charts/pie-chart-builder */
class PieChartBuilder extends ChartBuilder {}

export function install(kernel: Kernel): void {
  class Charts {
    readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
    readonly ChartMergeStrategy = ChartMergeStrategy;
    readonly ChartType = ChartType;
    readonly ColumnType = ColumnType;
    readonly CurveStyle = CurveStyle;
    readonly PointStyle = PointStyle;
    readonly Position = Position;

    newDataTable(): unknown {
      return newDataTableBuilder(kernel);
    }
    newBarChart(): unknown {
      return publish(kernel, 'Charts', 'BarChartBuilder', new BarChartBuilder(kernel, 'BAR', 'BarChartBuilder'));
    }
    newColumnChart(): unknown {
      return publish(kernel, 'Charts', 'ColumnChartBuilder', new ColumnChartBuilder(kernel, 'COLUMN', 'ColumnChartBuilder'));
    }
    newLineChart(): unknown {
      return publish(kernel, 'Charts', 'LineChartBuilder', new LineChartBuilder(kernel, 'LINE', 'LineChartBuilder'));
    }
    newPieChart(): unknown {
      return publish(kernel, 'Charts', 'PieChartBuilder', new PieChartBuilder(kernel, 'PIE', 'PieChartBuilder'));
    }
  }
  const module: SimpleModule = {
    name: 'charts',
    globals: () => ({ Charts: expose(kernel, 'Charts', 'Charts', new Charts()) }),
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'charts' });
}
