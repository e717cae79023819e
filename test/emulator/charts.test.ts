/**
 * Charts: data tables, bar/column/line/pie builders and the PNG a chart hands out (getAs), drawn
 * at its dimensions with legible Vietnamese text.
 */
import { PNG } from 'pngjs';
import { createWorkspace } from '../../emulator';
import { chartFonts } from '../../emulator/services/charts/fonts';

type Charts = GoogleAppsScript.Charts.Charts;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T03:00:00Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as { Charts: Charts; DocumentApp: GoogleAppsScript.Document.DocumentApp };
  return { ws, ...g };
}

function fieldTable(Charts: Charts) {
  return Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Lĩnh vực')
    .addColumn(Charts.ColumnType.NUMBER, 'Đã giải quyết')
    .addColumn(Charts.ColumnType.NUMBER, 'Đang xử lý')
    .addRow(['Môi trường, vệ sinh', 12, 3])
    .addRow(['Trật tự xây dựng', 7, 5])
    .addRow(['An ninh trật tự', 4, 1]);
}

function decode(blob: GoogleAppsScript.Base.Blob): PNG {
  return PNG.sync.read(Buffer.from(blob.getBytes().map((b) => b & 0xff)));
}

function hex(png: PNG, x: number, y: number): string {
  const i = (png.width * y + x) * 4;
  return '#' + [0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('');
}

/** How many pixels of exactly this colour the picture has. */
function count(png: PNG, color: string): number {
  let n = 0;
  for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (hex(png, x, y) === color) n++;
  return n;
}

/** Dark (text) pixels in a horizontal band. */
function inkIn(png: PNG, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) * 4;
      if (png.data[i] < 100 && png.data[i + 1] < 100 && png.data[i + 2] < 100) n++;
    }
  }
  return n;
}

const PNG_SIGNATURE = [-119, 80, 78, 71, 13, 10, 26, 10];

describe('Charts — https://developers.google.com/apps-script/reference/charts/charts', () => {
  it('offers its enums as singletons (ColumnType, ChartType, Position …)', () => {
    const { Charts, ws } = setup();
    expect(Charts.ColumnType.NUMBER).toBe(Charts.ColumnType.NUMBER);
    expect(String(Charts.ColumnType.STRING)).toBe('STRING');
    expect(Object.keys(Charts.ColumnType)).toEqual(['DATE', 'NUMBER', 'STRING']);
    expect(Object.keys(Charts.Position)).toEqual(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
    expect(String(Charts.ChartType.BAR)).toBe('BAR');
    expect(String(Charts.ChartType.PIE)).toBe('PIE');
    // One value per enum, whichever workspace hands it out.
    expect((createWorkspace().globals as { Charts: Charts }).Charts.Position.BOTTOM).toBe(Charts.Position.BOTTOM);
    Charts.newDataTable();
    expect(ws.stats().services.Charts.methods['Charts.newDataTable'].calls).toBe(1);
  });

  it('needs no OAuth scope: its reference pages list no Authorization section (DocumentApp’s do)', () => {
    const { ws } = setup();
    const app = ws.load({
      manifest: { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8', oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] },
      scripts: [
        [
          'Code.js',
          `function chart() {
             var data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Tổ').addColumn(Charts.ColumnType.NUMBER, 'Ý kiến').addRow(['Tổ 1', 3]).build();
             return Charts.newPieChart().setDataTable(data).setDimensions(200, 120).build().getAs('image/png').getContentType();
           }
           function doc() { return DocumentApp.create('x').getId(); }`,
        ],
      ],
      html: {},
    });
    expect(app.call('chart')).toBe('image/png');
    expect(() => app.call('doc')).toThrow('You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents');
  });
});

describe('DataTableBuilder — https://developers.google.com/apps-script/reference/charts/data-table-builder', () => {
  it('builds a DataTable from columns then rows; DataTable is a DataTableSource', () => {
    const { Charts } = setup();
    const table = fieldTable(Charts).build();
    expect(String(table)).toBe('DataTable');
    // https://developers.google.com/apps-script/reference/charts/data-table-source#getDataTable()
    expect((table as unknown as GoogleAppsScript.Charts.DataTableSource).getDataTable()).toBe(table);
  });

  it('refuses a value of the wrong type for its column, and rows longer than the columns', () => {
    const { Charts } = setup();
    const builder = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Lĩnh vực').addColumn(Charts.ColumnType.NUMBER, 'Số ý kiến');
    // "value: the value of the table cell (should have the right type for the column)".
    expect(() => builder.addRow(['Môi trường', '12'])).toThrow('Cell type does not match column type, at index: 1. Should be of type: NUMBER');
    expect(() => builder.addRow([12, 12])).toThrow('Cell type does not match column type, at index: 0. Should be of type: STRING');
    expect(() => builder.addRow(['Môi trường', 12, 3])).toThrow('Row has too many cells. Should be at most of size: 2');
    expect(() => builder.setValue(0, 1, 'mười hai')).toThrow('Cell type does not match column type, at index: 1. Should be of type: NUMBER');
    try {
      builder.addRow([new Date(), 1]);
      throw new Error('accepted');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
    const dates = Charts.newDataTable().addColumn(Charts.ColumnType.DATE, 'Ngày');
    expect(() => dates.addRow(['2026-11-24'])).toThrow('Should be of type: DATE');
    expect(() => dates.addRow([new Date('2026-11-24T00:00:00+07:00')])).not.toThrow();
    // Missing values are null: short rows and nulls are fine.
    expect(() => builder.addRow(['Khác']).addRow([null, null]).build()).not.toThrow();
  });

  it('checks its arguments’ types as Apps Script does', () => {
    const { Charts } = setup();
    const builder = Charts.newDataTable();
    expect(() => builder.addColumn('NUMBER' as unknown as GoogleAppsScript.Charts.ColumnType, 'x')).toThrow("The parameters (String,String) don't match the method signature for Charts.DataTableBuilder.addColumn.");
    expect(() => builder.addRow('a,b' as unknown as unknown[])).toThrow("The parameters (String) don't match the method signature for Charts.DataTableBuilder.addRow.");
    // build() throws "if the data table is empty".
    expect(() => builder.build()).toThrow('not implemented in the emulator');
  });

  it('setValue may come before its column; values of a column never added are ignored', () => {
    const { Charts } = setup();
    const builder = Charts.newDataTable().setValue(1, 0, 'Tổ 2').setValue(1, 2, 'bỏ qua').addColumn(Charts.ColumnType.STRING, 'Tổ');
    expect(() => builder.build()).not.toThrow();
    const late = Charts.newDataTable().setValue(0, 0, 'chữ').addColumn(Charts.ColumnType.NUMBER, 'Số');
    expect(() => late.build()).toThrow('Cell type does not match column type, at index: 0. Should be of type: NUMBER');
  });
});

describe('BarChartBuilder — https://developers.google.com/apps-script/reference/charts/bar-chart-builder', () => {
  it('chains its setters and keeps them as the chart’s options (ChartOptions)', () => {
    const { Charts } = setup();
    const builder = Charts.newBarChart();
    expect(builder.setTitle('Ý kiến theo lĩnh vực')).toBe(builder);
    builder
      .setDataTable(fieldTable(Charts))
      .setDimensions(640, 360)
      .setColors(['#1a73e8', '#e37400'])
      .setStacked()
      .setLegendPosition(Charts.Position.BOTTOM)
      .setXAxisTitle('Số ý kiến')
      .setYAxisTitle('Lĩnh vực')
      .setOption('backgroundColor', { fill: '#fafafa' });
    const options = builder.build().getOptions();
    // https://developers.google.com/apps-script/reference/charts/chart-options
    expect(options.get('title')).toBe('Ý kiến theo lĩnh vực');
    expect([options.get('width'), options.get('height')]).toEqual([640, 360]);
    expect(options.get('colors')).toEqual(['#1a73e8', '#e37400']);
    expect(options.get('isStacked')).toBe(true);
    expect(options.get('legend.position')).toBe('bottom');
    expect(options.get('hAxis.title')).toBe('Số ý kiến');
    expect(options.get('vAxis.title')).toBe('Lĩnh vực');
    expect(options.get('backgroundColor')).toEqual({ fill: '#fafafa' });
    expect(options.get('backgroundColor.fill')).toBe('#fafafa');
    // "the value currently set for the specified option or null if the option was not set".
    expect(options.get('pieHole')).toBeNull();
    // getOrDefault: "the default value of this option if available" (@types/google-apps-script lacks it).
    const unset = Charts.newBarChart().setDataTable(fieldTable(Charts)).build().getOptions() as unknown as { getOrDefault(option: string): unknown };
    expect(unset.getOrDefault('legend.position')).toBe('right');
    expect(unset.getOrDefault('title')).toBeNull();
  });

  it('checks argument types', () => {
    const { Charts } = setup();
    expect(() => Charts.newBarChart().setDimensions('640' as unknown as number, 360)).toThrow("The parameters (String,number) don't match the method signature for Charts.BarChartBuilder.setDimensions.");
    expect(() => Charts.newBarChart().setLegendPosition('bottom' as unknown as GoogleAppsScript.Charts.Position)).toThrow("The parameters (String) don't match the method signature for Charts.BarChartBuilder.setLegendPosition.");
    expect(() => Charts.newBarChart().setDataTable([['a', 1]] as unknown as GoogleAppsScript.Charts.DataTableBuilder)).toThrow("don't match the method signature for Charts.BarChartBuilder.setDataTable.");
  });

  it('draws horizontal bars, grouped per series, at the chart’s dimensions', () => {
    const { Charts } = setup();
    const chart = Charts.newBarChart().setDataTable(fieldTable(Charts)).setTitle('Ý kiến').setDimensions(500, 300).setColors(['#1a73e8', '#e37400']).build();
    const png = decode(chart.getAs('image/png'));
    expect([png.width, png.height]).toEqual([500, 300]);
    const blue = count(png, '#1a73e8');
    const orange = count(png, '#e37400');
    expect(blue).toBeGreaterThan(2000);
    expect(orange).toBeGreaterThan(500);
    // 12 + 7 + 4 against 3 + 5 + 1: the first series' bars are longer.
    expect(blue).toBeGreaterThan(orange * 1.8);
  });
});

describe('ColumnChartBuilder — https://developers.google.com/apps-script/reference/charts/column-chart-builder', () => {
  it('stacks its series with setStacked()', () => {
    const { Charts } = setup();
    const build = (stacked: boolean) => {
      const b = Charts.newColumnChart().setDataTable(fieldTable(Charts)).setDimensions(420, 280).setLegendPosition(Charts.Position.NONE);
      return decode((stacked ? b.setStacked() : b).build().getAs('image/png'));
    };
    const side = build(false);
    const stacked = build(true);
    // Stacked columns are as wide as a whole group: twice each side-by-side column.
    const widthAt = (png: PNG, color: string) => {
      let best = 0;
      for (let y = 0; y < png.height; y++) {
        let run = 0;
        for (let x = 0; x < png.width; x++) {
          run = hex(png, x, y) === color ? run + 1 : 0;
          best = Math.max(best, run);
        }
      }
      return best;
    };
    expect(widthAt(stacked, '#dc3912')).toBeGreaterThan(widthAt(side, '#dc3912') * 1.8);
    expect(count(stacked, '#3366cc')).toBeGreaterThan(0);
  });
});

describe('PieChartBuilder — https://developers.google.com/apps-script/reference/charts/pie-chart-builder', () => {
  it('draws one slice per row in Google Charts’ colours, with the legend; no setStacked on a pie', () => {
    const { Charts } = setup();
    const builder = Charts.newPieChart().setDataTable(fieldTable(Charts)).setTitle('Tỷ lệ').setDimensions(360, 240);
    const png = decode(builder.build().getAs('image/png'));
    expect([png.width, png.height]).toEqual([360, 240]);
    const slices = ['#3366cc', '#dc3912', '#ff9900'].map((c) => count(png, c));
    // 12 : 7 : 4 (legend swatches add the same few pixels to each).
    expect(slices[0]).toBeGreaterThan(slices[1]);
    expect(slices[1]).toBeGreaterThan(slices[2]);
    expect(slices[2]).toBeGreaterThan(500);
    expect(() => (builder as unknown as GoogleAppsScript.Charts.BarChartBuilder).setStacked()).toThrow('not implemented in the emulator: PieChartBuilder.setStacked');
  });
});

describe('LineChartBuilder — https://developers.google.com/apps-script/reference/charts/line-chart-builder', () => {
  it('draws one line per series', () => {
    const { Charts } = setup();
    const png = decode(Charts.newLineChart().setDataTable(fieldTable(Charts)).setDimensions(400, 260).build().getAs('image/png'));
    expect([png.width, png.height]).toEqual([400, 260]);
    expect(count(png, '#3366cc')).toBeGreaterThan(100);
  });
});

describe('Chart — https://developers.google.com/apps-script/reference/charts/chart', () => {
  it('getAs("image/png") and getBlob() hand out a real PNG of the chart', () => {
    const { Charts } = setup();
    const chart = Charts.newColumnChart().setDataTable(fieldTable(Charts)).setTitle('Ý kiến theo lĩnh vực — Quý IV').setDimensions(600, 320).build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getBytes().slice(0, 8)).toEqual(PNG_SIGNATURE);
    expect([decode(blob).width, decode(blob).height]).toEqual([600, 320]);
    expect(chart.getBlob().getBytes()).toEqual(blob.getBytes());
    // A Blob like any other: it can be named before it goes into a Doc or a mail.
    expect(blob.setName('bieu-do-linh-vuc.png').getName()).toBe('bieu-do-linh-vuc.png');
  });

  it('writes the title and labels legibly, Vietnamese letters included', () => {
    const { Charts } = setup();
    // Every Vietnamese letter has a glyph in the chart font (no missing-glyph boxes).
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
    for (const ch of letters + letters.toUpperCase()) expect(chartFonts().regular.has(ch.codePointAt(0)!)).toBe(true);
    const draw = (title: string) => decode(Charts.newPieChart().setDataTable(fieldTable(Charts)).setTitle(title).setDimensions(400, 200).build().getAs('image/png'));
    const marked = draw('Ý kiến đã giải quyết');
    const plain = draw('Y kien da giai quyet');
    // The title band has text, and the diacritics are drawn (more ink than without them).
    expect(inkIn(marked, 0, 30)).toBeGreaterThan(150);
    expect(inkIn(marked, 0, 30)).toBeGreaterThan(inkIn(plain, 0, 30));
  });

  it('refuses content types it cannot convert to, with Apps Script’s message', () => {
    const { Charts } = setup();
    const chart = Charts.newPieChart().setDataTable(fieldTable(Charts)).setDimensions(200, 120).build();
    expect(() => chart.getAs('text/plain')).toThrow('Converting from image/png to text/plain is not supported.');
    expect(() => chart.getAs('application/vnd.google-apps.document')).toThrow('is not supported.');
    // BMP, GIF, JPEG and PDF are valid in Apps Script; the emulator draws PNG only.
    expect(() => chart.getAs('image/jpeg')).toThrow('not implemented in the emulator');
    expect(() => chart.getAs(5 as unknown as string)).toThrow("The parameters (number) don't match the method signature for Charts.Chart.getAs.");
  });

  it('is stricter than Apps Script where the emulator cannot know what it draws', () => {
    const { Charts } = setup();
    // No documented default size.
    expect(() => Charts.newPieChart().setDataTable(fieldTable(Charts)).build().getAs('image/png')).toThrow('not implemented in the emulator');
    // Text where a pie needs numbers.
    const words = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Tổ').addColumn(Charts.ColumnType.STRING, 'Ghi chú').addRow(['Tổ 1', 'nhiều']);
    expect(() => Charts.newPieChart().setDataTable(words).setDimensions(200, 120).build().getAs('image/png')).toThrow('not implemented in the emulator');
    expect(() => Charts.newPieChart().build()).toThrow('not implemented in the emulator');
  });

  it('an empty table still draws: axes without bars, a pie saying "No data"', () => {
    const { Charts } = setup();
    const empty = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Lĩnh vực').addColumn(Charts.ColumnType.NUMBER, 'Số ý kiến');
    expect(decode(Charts.newColumnChart().setDataTable(empty).setDimensions(300, 200).build().getAs('image/png')).width).toBe(300);
    expect(decode(Charts.newPieChart().setDataTable(empty).setDimensions(300, 200).build().getAs('image/png')).height).toBe(200);
  });

  it('goes into a Doc at its own pixel size (Body.appendImage)', () => {
    const { Charts, DocumentApp, ws } = setup();
    const chart = Charts.newBarChart().setDataTable(fieldTable(Charts)).setDimensions(480, 240).build();
    const doc = DocumentApp.create('Báo cáo');
    const image = doc.getBody().appendImage(chart.getAs('image/png'));
    expect([image.getWidth(), image.getHeight()]).toEqual([480, 240]);
    expect(ws.documents.html(doc.getId())).toContain('width="480" height="240"');
  });
});
