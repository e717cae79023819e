/**
 * Spreadsheet and SpreadsheetApp:
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { unwrap } from '../../core/facade';
import { Published, publish } from '../../core/published';
import { emailOf, makeUser } from '../../core/user';
import { parseA1 } from './a1';
import type { SpreadsheetStore } from './context';
import { DataValidationCriteria, ProtectionType, WrapStrategy } from './enums';
import type { SpreadsheetData } from './model';
import { makeRange, type Range } from './range';
import { makeSheet, type Sheet } from './sheet';
import { newDataValidation } from './validation';

export interface SpreadsheetHost extends SpreadsheetStore {
  facade(id: string): unknown;
  activeId(): string | null;
  createFor(name: string, owner: string, rows?: number, columns?: number): string;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The default name of a new sheet, in the spreadsheet's language. */
export function defaultSheetName(locale: string, n: number): string {
  return locale.startsWith('vi') ? `Trang tính${n}` : `Sheet${n}`;
}

export class Spreadsheet extends Published {
  constructor(
    readonly _host: SpreadsheetHost,
    readonly _ss: SpreadsheetData,
  ) {
    super();
  }

  private get _kernel() {
    return this._host.kernel;
  }

  getId(): string {
    return this._ss.id;
  }

  getName(): string {
    return this._ss.name;
  }

  rename(newName: string): void {
    this._ss.name = String(newName);
    const file = this._kernel.files.get(this._ss.id);
    if (file) file.name = this._ss.name;
  }

  getUrl(): string {
    return spreadsheetUrl(this._ss.id);
  }

  getSpreadsheetTimeZone(): string {
    return this._ss.timeZone;
  }

  getSpreadsheetLocale(): string {
    return this._ss.locale;
  }

  getFormUrl(): string | null {
    return this._ss.formUrl;
  }

  getOwner(): unknown {
    return makeUser(this._kernel, 'SpreadsheetApp', this._ss.owner);
  }

  getEditors(): unknown[] {
    return [this._ss.owner, ...this._ss.editors].map((e) => makeUser(this._kernel, 'SpreadsheetApp', e));
  }

  addEditor(emailOrUser: unknown): Spreadsheet {
    return this.addEditors([emailOrUser]);
  }

  addEditors(emails: unknown[]): Spreadsheet {
    for (const e of emails.map(emailOf)) {
      if (!e) throw signatureMismatch('SpreadsheetApp.Spreadsheet.addEditors', [emails]);
      if (e !== this._ss.owner && !this._ss.editors.includes(e)) this._ss.editors.push(e);
    }
    return this._self;
  }

  removeEditor(emailOrUser: unknown): Spreadsheet {
    const e = emailOf(emailOrUser);
    this._ss.editors = this._ss.editors.filter((x) => x !== e);
    return this._self;
  }

  getSheets(): Sheet[] {
    return this._ss.sheets.map((s) => makeSheet(this._host, this._ss, s));
  }

  getNumSheets(): number {
    return this._ss.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string') throw signatureMismatch('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const sheet = this._ss.sheetByName(name);
    return sheet ? makeSheet(this._host, this._ss, sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this._ss.sheetById(id);
    return sheet ? makeSheet(this._host, this._ss, sheet) : null;
  }

  getActiveSheet(): Sheet {
    const sheet = (this._ss.activeSheetId !== null && this._ss.sheetById(this._ss.activeSheetId)) || this._ss.sheets[0];
    return makeSheet(this._host, this._ss, sheet);
  }

  setActiveSheet(sheet: unknown): Sheet {
    const raw = unwrap(sheet) as Sheet;
    if (!raw || !raw._sheet) throw signatureMismatch('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this._ss.activeSheetId = raw._sheet.sheetId;
    return makeSheet(this._host, this._ss, raw._sheet);
  }

  insertSheet(a?: unknown, b?: unknown): Sheet {
    let name: string | undefined;
    let index = this._ss.sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    } else if (a !== undefined) {
      throw signatureMismatch('SpreadsheetApp.Spreadsheet.insertSheet', [a, b].filter((x) => x !== undefined));
    }
    if (!Number.isInteger(index) || index < 0 || index > this._ss.sheets.length) throw new AppsScriptException('Invalid argument: sheetIndex');
    if (name === undefined) {
      let n = this._ss.sheets.length + 1;
      while (this._ss.sheetByName(defaultSheetName(this._ss.locale, n))) n += 1;
      name = defaultSheetName(this._ss.locale, n);
    }
    if (name.trim() === '') throw new AppsScriptException('Invalid argument: sheetName');
    if (this._ss.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._ss.ensureCellLimit(1000 * 26, this._kernel.quotas.cellsPerSpreadsheet);
    const sheet = this._ss.addSheet(name, index);
    this._ss.activeSheetId = sheet.sheetId;
    return makeSheet(this._host, this._ss, sheet);
  }

  deleteSheet(sheet: unknown): void {
    const raw = unwrap(sheet) as Sheet;
    if (!raw || !raw._sheet) throw signatureMismatch('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    if (this._ss.sheets.length === 1) throw new AppsScriptException("You can't remove all the sheets in a document.");
    this._ss.sheets = this._ss.sheets.filter((s) => s !== raw._sheet);
    this._ss.protections = this._ss.protections.filter((p) => p.sheetId !== raw._sheet.sheetId);
  }

  /** A1 notation with the sheet name ("'Ý kiến'!A2:C9"); without it, the active sheet. */
  getRange(a1Notation: string): Range {
    if (typeof a1Notation !== 'string') throw signatureMismatch('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const ref = parseA1(a1Notation);
    if (!ref) throw new AppsScriptException('Range not found');
    const sheet = ref.sheetName !== null ? this._ss.sheetByName(ref.sheetName) : this._ss.sheets[0];
    if (!sheet) throw new AppsScriptException('Range not found');
    const lastRow = ref.lastRow ?? sheet.maxRows;
    const lastColumn = ref.lastColumn ?? sheet.maxColumns;
    if (lastRow > sheet.maxRows || lastColumn > sheet.maxColumns) throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    return makeRange(this._host, this._ss, sheet, ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number): void {
    this._host.kernel.module('html').recordToast(String(title ?? ''), String(msg));
  }

  getProtections(type: unknown): unknown[] {
    return this.getSheets().flatMap((s) => (unwrap(s) as Sheet).getProtections(type));
  }
}

export function makeSpreadsheet(host: SpreadsheetHost, ss: SpreadsheetData): Spreadsheet {
  return publish(host.kernel, 'SpreadsheetApp', 'Spreadsheet', new Spreadsheet(host, ss));
}

export class SpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly DataValidationCriteria = DataValidationCriteria;

  constructor(readonly _host: SpreadsheetHost) {}

  getActive(): unknown {
    const id = this._host.activeId();
    return id ? this._host.facade(id) : null;
  }

  getActiveSpreadsheet(): unknown {
    return this.getActive();
  }

  openById(id: string): unknown {
    if (typeof id !== 'string') throw signatureMismatch('SpreadsheetApp.openById', [id]);
    if (!this._host.get(id)) throw new AppsScriptException('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return this._host.facade(id);
  }

  openByUrl(url: string): unknown {
    const m = /\/spreadsheets\/d\/([\w-]+)/.exec(String(url));
    if (!m || !this._host.get(m[1])) throw new AppsScriptException('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return this._host.facade(m[1]);
  }

  create(name: string, rows?: number, columns?: number): unknown {
    if (typeof name !== 'string') throw signatureMismatch('SpreadsheetApp.create', [name]);
    return this._host.facade(this._host.createFor(name, this._host.kernel.current().user, rows, columns));
  }

  flush(): void {
    // Writes are applied immediately in the emulator; flush has nothing to wait for.
  }

  /** Only where a document is open in a browser: see ExecutionOptions.ui (core/execution.ts). */
  getUi(): unknown {
    if (!this._host.kernel.current().ui) throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    return this._host.kernel.module('html').uiFacade();
  }

  newDataValidation(): unknown {
    return newDataValidation(this._host.kernel);
  }
}
