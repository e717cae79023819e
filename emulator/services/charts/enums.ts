/** Charts enums: https://developers.google.com/apps-script/reference/charts/charts#properties */
import { makeEnum } from '../../core/enums';

/** https://developers.google.com/apps-script/reference/charts/chart-type */
export const ChartType = makeEnum('ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);
/** https://developers.google.com/apps-script/reference/charts/column-type */
export const ColumnType = makeEnum('ColumnType', ['DATE', 'NUMBER', 'STRING'] as const);
/** https://developers.google.com/apps-script/reference/charts/position */
export const Position = makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
/** https://developers.google.com/apps-script/reference/charts/curve-style */
export const CurveStyle = makeEnum('CurveStyle', ['NORMAL', 'SMOOTH'] as const);
/** https://developers.google.com/apps-script/reference/charts/point-style */
export const PointStyle = makeEnum('PointStyle', ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const);
/** https://developers.google.com/apps-script/reference/charts/chart-hidden-dimension-strategy */
export const ChartHiddenDimensionStrategy = makeEnum('ChartHiddenDimensionStrategy', ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const);
/** https://developers.google.com/apps-script/reference/charts/chart-merge-strategy */
export const ChartMergeStrategy = makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS'] as const);

export type ColumnTypeName = 'DATE' | 'NUMBER' | 'STRING';
