/** The SpreadsheetApp module: the store of spreadsheets and the Forms link. */
import { expose } from '../../core/facade';
import { GOOGLE_MIME } from '../../core/files';
import type { Kernel } from '../../core/kernel';
import type { FormResponseRow, SpreadsheetModule, SpreadsheetView } from '../../core/modules';
import type { SpreadsheetHost } from './spreadsheet';
import { defaultSheetName, makeSpreadsheet, SpreadsheetApp, spreadsheetUrl } from './spreadsheet';
import { SheetData, SpreadsheetData } from './model';
import { makeRange } from './range';
import { displayValue, localeRules } from './values';

/** Forms names the responses tab in the spreadsheet's language. */
function responsesSheetName(locale: string, n: number): string {
  return locale.startsWith('vi') ? `Câu trả lời biểu mẫu ${n}` : `Form Responses ${n}`;
}

function timestampHeader(locale: string): string {
  return locale.startsWith('vi') ? 'Dấu thời gian' : 'Timestamp';
}

class SpreadsheetStoreModule implements SpreadsheetModule, SpreadsheetHost {
  readonly name = 'spreadsheet' as const;
  private readonly byId = new Map<string, SpreadsheetData>();
  private active: string | null = null;

  constructor(readonly kernel: Kernel) {}

  globals(): Record<string, unknown> {
    return { SpreadsheetApp: expose(this.kernel, 'SpreadsheetApp', 'SpreadsheetApp', new SpreadsheetApp(this)) };
  }

  get(id: string): SpreadsheetData | undefined {
    return this.byId.get(id);
  }

  private require(id: string): SpreadsheetData {
    const ss = this.byId.get(id);
    if (!ss) throw new Error(`emulator: no spreadsheet ${id}`);
    return ss;
  }

  createFor(name: string, owner: string, rows = 1000, columns = 26, locale = this.kernel.locale): string {
    const file = this.kernel.files.add({ name, mimeType: GOOGLE_MIME.SPREADSHEET, owner });
    const ss = new SpreadsheetData(file.id, name, owner, locale, this.kernel.timeZone);
    const first = ss.addSheet(defaultSheetName(locale, 1), 0);
    first.maxRows = rows;
    first.maxColumns = columns;
    this.byId.set(ss.id, ss);
    return ss.id;
  }

  create(name: string, options: { owner?: string; locale?: string } = {}): string {
    return this.createFor(name, options.owner ?? this.kernel.user, 1000, 26, options.locale ?? this.kernel.locale);
  }

  activeId(): string | null {
    return this.active;
  }

  setActive(id: string | null): void {
    if (id !== null) this.require(id);
    this.active = id;
  }

  exists(id: string): boolean {
    return this.byId.has(id);
  }

  list(): { id: string; name: string }[] {
    return [...this.byId.values()].map((s) => ({ id: s.id, name: s.name }));
  }

  facade(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return makeSpreadsheet(this, this.require(id)) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  rangeFacade(spreadsheetId: string, sheetId: number, row: number, column: number, numRows: number, numColumns: number): GoogleAppsScript.Spreadsheet.Range {
    const ss = this.require(spreadsheetId);
    const sheet = ss.sheetById(sheetId);
    if (!sheet) throw new Error(`emulator: no sheet ${sheetId}`);
    return makeRange(this, ss, sheet, row, column, numRows, numColumns) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  view(id: string): SpreadsheetView {
    const ss = this.require(id);
    return {
      id: ss.id,
      name: ss.name,
      owner: ss.owner,
      url: spreadsheetUrl(ss.id),
      sheets: ss.sheets.map((sheet) => {
        const rows = sheet.lastRow();
        const columns = sheet.lastColumn();
        const displayValues: string[][] = [];
        for (let r = 1; r <= rows; r++) {
          const line: string[] = [];
          for (let c = 1; c <= columns; c++) {
            const formula = sheet.formulas.get(SheetData.key(r, c));
            line.push(formula ? formula.formula : displayValue(sheet.cell(r, c), sheet.format(r, c), ss.locale, ss.timeZone));
          }
          displayValues.push(line);
        }
        return {
          sheetId: sheet.sheetId,
          name: sheet.name,
          hidden: sheet.hidden,
          protected: ss.protections.some((p) => p.sheetId === sheet.sheetId && p.type === 'SHEET'),
          protectionEditors: ss.protections.find((p) => p.sheetId === sheet.sheetId && p.type === 'SHEET')?.editors.filter((e) => e !== ss.owner) ?? null,
          formUrl: sheet.formUrl,
          frozenRows: sheet.frozenRows,
          displayValues,
        };
      }),
    };
  }

  private formSheet(ss: SpreadsheetData, formId: string): SheetData | undefined {
    return ss.sheets.find((s) => s.formId === formId);
  }

  linkForm(spreadsheetId: string, formId: string, formUrl: string, titles: string[]): FormResponseRow {
    const ss = this.require(spreadsheetId);
    let sheet = this.formSheet(ss, formId);
    if (!sheet) {
      let n = 1;
      while (ss.sheetByName(responsesSheetName(ss.locale, n))) n += 1;
      sheet = ss.addSheet(responsesSheetName(ss.locale, n), 0);
      sheet.formId = formId;
      sheet.formUrl = formUrl;
      sheet.frozenRows = 1;
      sheet.lastResponseRow = 1;
      sheet.setCell(1, 1, timestampHeader(ss.locale));
    }
    const header = this.header(sheet);
    for (const title of titles) {
      if (!header.includes(title)) {
        header.push(title);
        if (header.length > sheet.maxColumns) sheet.insertColumns(sheet.maxColumns, header.length - sheet.maxColumns);
        sheet.setCell(1, header.length, title);
      }
    }
    ss.formUrl = formUrl;
    return { sheetId: sheet.sheetId, sheetName: sheet.name, row: 1, numColumns: header.length, header, displayValues: header };
  }

  unlinkForm(spreadsheetId: string, formId: string): void {
    const ss = this.byId.get(spreadsheetId);
    const sheet = ss && this.formSheet(ss, formId);
    if (!ss || !sheet) return;
    sheet.formId = null;
    sheet.formUrl = null;
    if (!ss.sheets.some((s) => s.formId)) ss.formUrl = null;
  }

  private header(sheet: SheetData): string[] {
    const out: string[] = [];
    for (let c = 1; c <= sheet.lastColumn(); c++) out.push(String(sheet.cell(1, c) ?? ''));
    return out;
  }

  /**
   * Forms writes answers as text, not typed: a "=…" answer stays a string in the responses tab.
   * A cell holds 50,000 characters, so a longer answer reaches the sheet cut at that length (the
   * emulator's model; the whole answer stays in the form's own response, FormApp).
   *
   * Where: the row after the last response Forms wrote (`lastResponseRow`), not after the sheet's
   * last row with content — response rows that were cleared (not deleted) stay blank. When that row
   * or any below it has content (a script appended rows under the responses), Forms inserts a row
   * there, pushing those rows down, rather than overwriting them or writing after them.
   */
  appendFormResponse(spreadsheetId: string, formId: string, titles: string[], timestamp: Date, values: string[]): FormResponseRow {
    const ss = this.require(spreadsheetId);
    const sheet = this.formSheet(ss, formId);
    if (!sheet) throw new Error(`emulator: form ${formId} has no responses sheet in ${spreadsheetId}`);
    const header = this.header(sheet);
    const row = Math.max(1, sheet.lastResponseRow ?? sheet.lastRow()) + 1;
    if (row <= sheet.lastRow()) {
      ss.ensureCellLimit(sheet.maxColumns, this.kernel.quotas.cellsPerSpreadsheet);
      sheet.insertRows(row - 1, 1);
    } else if (row > sheet.maxRows) {
      const extra = row - sheet.maxRows;
      ss.ensureCellLimit(extra * sheet.maxColumns, this.kernel.quotas.cellsPerSpreadsheet);
      sheet.insertRows(sheet.maxRows, extra);
    }
    sheet.lastResponseRow = row;
    sheet.setCell(row, 1, new Date(timestamp.getTime()));
    sheet.setFormat(row, 1, localeRules(ss.locale).dateTimeDisplay);
    titles.forEach((title, i) => {
      const column = header.indexOf(title) + 1;
      if (column < 1) throw new Error(`emulator: responses sheet has no column "${title}"`);
      const value = (values[i] ?? '').slice(0, this.kernel.quotas.charsPerCell);
      sheet.setCell(row, column, value);
    });
    const displayValues = header.map((_, i) => displayValue(sheet.cell(row, i + 1), sheet.format(row, i + 1), ss.locale, ss.timeZone));
    return { sheetId: sheet.sheetId, sheetName: sheet.name, row, numColumns: header.length, header, displayValues };
  }

  save(): unknown {
    return { active: this.active, spreadsheets: [...this.byId.values()].map((s) => s.save()) };
  }

  restore(state: unknown): void {
    const data = state as { active: string | null; spreadsheets: Array<Record<string, unknown>> };
    this.byId.clear();
    for (const s of data.spreadsheets) {
      const ss = SpreadsheetData.restore(s);
      this.byId.set(ss.id, ss);
    }
    this.active = data.active;
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new SpreadsheetStoreModule(kernel));
}
