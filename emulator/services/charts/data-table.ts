/**
 * DataTableBuilder and DataTable:
 * https://developers.google.com/apps-script/reference/charts/data-table-builder
 * https://developers.google.com/apps-script/reference/charts/data-table
 *
 * A cell must hold a value of its column's type (a string in a STRING column, a number in a NUMBER
 * column, a Date in a DATE column) or nothing (null): "the value of the table cell (should have the
 * right type for the column)" (setValue), and build() throws "if the data table is empty or
 * otherwise malformed". The reference gives no wording for these refusals; the emulator refuses a
 * wrong cell at once, with the wording of Google's own Java DataTable (google-visualization-java,
 * com.google.visualization.datasource.datatable.DataTable#addRow), naming Apps Script's ColumnType.
 */
import { AppsScriptException, notImplemented, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { ColumnType, type ColumnTypeName } from './enums';

export type Cell = string | number | Date | null;

export interface TableData {
  columns: ReadonlyArray<{ type: ColumnTypeName; label: string }>;
  rows: ReadonlyArray<ReadonlyArray<Cell>>;
}

function cellFits(type: ColumnTypeName, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (type === 'STRING') return typeof value === 'string';
  if (type === 'NUMBER') return typeof value === 'number';
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function mismatch(index: number, type: ColumnTypeName): AppsScriptException {
  return new AppsScriptException(`Cell type does not match column type, at index: ${index}. Should be of type: ${type}`);
}

function copyCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  return value instanceof Date ? new Date(value.getTime()) : (value as string | number);
}

export class DataTable extends Published {
  constructor(readonly _data: TableData) {
    super();
  }
  /** DataTable implements DataTableSource: https://developers.google.com/apps-script/reference/charts/data-table-source */
  getDataTable(): DataTable {
    return this._self;
  }
}

export class DataTableBuilder extends Published {
  private readonly _columns: { type: ColumnTypeName; label: string }[] = [];
  private readonly _rows: Cell[][] = [];

  constructor(readonly _kernel: Kernel) {
    super();
  }

  addColumn(type: unknown, label: unknown): DataTableBuilder {
    if (!isEnumValue(type, ColumnType) || typeof label !== 'string') throw signatureMismatch('Charts.DataTableBuilder.addColumn', [type, label]);
    this._columns.push({ type: String(type) as ColumnTypeName, label });
    return this._self;
  }

  addRow(values: unknown): DataTableBuilder {
    if (!Array.isArray(values)) throw signatureMismatch('Charts.DataTableBuilder.addRow', [values]);
    if (values.length > this._columns.length) throw new AppsScriptException(`Row has too many cells. Should be at most of size: ${this._columns.length}`);
    values.forEach((v, i) => {
      if (!cellFits(this._columns[i].type, v)) throw mismatch(i, this._columns[i].type);
    });
    this._rows.push(values.map(copyCell));
    return this._self;
  }

  /**
   * "You can set a value before adding the column to the data table. However, unless the column is
   * added at some point, the value will be ignored." Rows grow as needed; missing cells are null.
   */
  setValue(row: unknown, column: unknown, value: unknown): DataTableBuilder {
    if (!Number.isInteger(row) || !Number.isInteger(column) || (row as number) < 0 || (column as number) < 0) {
      throw signatureMismatch('Charts.DataTableBuilder.setValue', [row, column, value]);
    }
    const c = column as number;
    if (c < this._columns.length && !cellFits(this._columns[c].type, value)) throw mismatch(c, this._columns[c].type);
    while (this._rows.length <= (row as number)) this._rows.push([]);
    this._rows[row as number][c] = copyCell(value);
    return this._self;
  }

  build(): DataTable {
    return publish(this._kernel, 'Charts', 'DataTable', new DataTable(this._snapshot()));
  }

  /** The table as it stands (what setDataTable(builder) draws). */
  _snapshot(): TableData {
    // build() throws "if the data table is empty": its wording is not documented.
    if (this._columns.length === 0) notImplemented('DataTableBuilder.build of a data table with no columns (Apps Script refuses it)');
    const rows = this._rows.map((r) =>
      this._columns.map((col, i) => {
        const v = r[i] ?? null;
        if (!cellFits(col.type, v)) throw mismatch(i, col.type);
        return copyCell(v);
      }),
    );
    return { columns: this._columns.map((c) => ({ ...c })), rows };
  }
}

export function newDataTableBuilder(kernel: Kernel): DataTableBuilder {
  return publish(kernel, 'Charts', 'DataTableBuilder', new DataTableBuilder(kernel));
}

/** What setDataTable accepts: a DataTableBuilder (built now) or a DataTableSource (a DataTable). */
export function tableFrom(arg: unknown, method: string): TableData {
  const raw = unwrap(arg);
  if (raw instanceof DataTableBuilder) return raw._snapshot();
  if (raw instanceof DataTable) return raw._data;
  throw signatureMismatch(method, [arg]);
}
