/** Protection: https://developers.google.com/apps-script/reference/spreadsheet/protection */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { unwrap } from '../../core/facade';
import { Published, publish } from '../../core/published';
import { emailOf, makeUser } from '../../core/user';
import { ProtectionType } from './enums';
import type { SpreadsheetStore } from './context';
import { links } from './links';
import type { GridRect, ProtectionData, SheetData, SpreadsheetData } from './model';
import { makeRange, type Range } from './range';

export class Protection extends Published {
  constructor(
    readonly _store: SpreadsheetStore,
    readonly _ss: SpreadsheetData,
    readonly _data: ProtectionData,
  ) {
    super();
  }

  private get _sheet(): SheetData {
    const sheet = this._ss.sheetById(this._data.sheetId);
    if (!sheet) throw new AppsScriptException('The protected range no longer exists.');
    return sheet;
  }

  /** Only the owner and the protection's editors may change it. */
  private _assertManager(): void {
    const user = this._store.kernel.current().user;
    if (user !== this._ss.owner && !this._data.editors.includes(user)) {
      throw new AppsScriptException('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    }
  }

  getProtectionType(): unknown {
    return this._data.type === 'SHEET' ? ProtectionType.SHEET : ProtectionType.RANGE;
  }

  getDescription(): string {
    return this._data.description;
  }

  setDescription(description: string): Protection {
    this._assertManager();
    this._data.description = String(description);
    return this._self;
  }

  getRange(): Range {
    const sheet = this._sheet;
    const r = this._data.rect ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return makeRange(this._store, this._ss, sheet, r.row, r.column, r.numRows, r.numColumns);
  }

  getEditors(): unknown[] {
    const all = [this._ss.owner, ...this._data.editors.filter((e) => e !== this._ss.owner)];
    return all.map((e) => makeUser(this._store.kernel, 'SpreadsheetApp', e));
  }

  addEditor(emailOrUser: unknown): Protection {
    return this.addEditors([emailOrUser]);
  }

  addEditors(emailAddresses: unknown[]): Protection {
    this._assertManager();
    if (!Array.isArray(emailAddresses)) throw signatureMismatch('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
    for (const e of emailAddresses.map(emailOf)) {
      if (!e) throw signatureMismatch('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
      if (!this._data.editors.includes(e)) this._data.editors.push(e);
      if (!this._ss.editors.includes(e) && e !== this._ss.owner) this._ss.editors.push(e);
    }
    return this._self;
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  removeEditor(emailOrUser: unknown): Protection {
    return this.removeEditors([emailOrUser]);
  }

  removeEditors(emailAddresses: unknown[]): Protection {
    this._assertManager();
    if (!Array.isArray(emailAddresses)) throw signatureMismatch('SpreadsheetApp.Protection.removeEditors', [emailAddresses]);
    const keep = new Set([this._ss.owner, this._store.kernel.current().user]);
    const remove = new Set(emailAddresses.map(emailOf).filter((e): e is string => !!e && !keep.has(e)));
    this._data.editors = this._data.editors.filter((e) => !remove.has(e));
    return this._self;
  }

  canEdit(): boolean {
    const user = this._store.kernel.current().user;
    return user === this._ss.owner || this._data.editors.includes(user);
  }

  isWarningOnly(): boolean {
    return this._data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this._assertManager();
    if (typeof warningOnly !== 'boolean') throw signatureMismatch('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    this._data.warningOnly = warningOnly;
    return this._self;
  }

  canDomainEdit(): boolean {
    return this._data.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this._assertManager();
    this._data.domainEdit = Boolean(editable);
    return this._self;
  }

  setUnprotectedRanges(ranges: unknown[]): Protection {
    this._assertManager();
    if (this._data.type !== 'SHEET') throw new AppsScriptException('Unprotected ranges can only be set on a protected sheet.');
    this._data.unprotected = ranges.map((r) => {
      const range = unwrap(r) as Range;
      return { row: range._row, column: range._column, numRows: range._numRows, numColumns: range._numColumns };
    });
    return this._self;
  }

  getUnprotectedRanges(): Range[] {
    return this._data.unprotected.map((u) => makeRange(this._store, this._ss, this._sheet, u.row, u.column, u.numRows, u.numColumns));
  }

  remove(): void {
    this._assertManager();
    this._ss.protections = this._ss.protections.filter((p) => p !== this._data);
  }
}

export function makeProtection(store: SpreadsheetStore, ss: SpreadsheetData, data: ProtectionData): Protection {
  return publish(store.kernel, 'SpreadsheetApp', 'Protection', new Protection(store, ss, data));
}

/**
 * A new protection starts with the spreadsheet's editors (it "mirrors the spreadsheet's
 * permissions until the script changes the list"); scripts usually narrow it at once.
 */
function newProtection(store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData, type: 'RANGE' | 'SHEET', rect: GridRect | null): Protection {
  const data: ProtectionData = {
    id: ss.nextProtectionId++,
    type,
    sheetId: sheet.sheetId,
    rect,
    description: '',
    editors: [...new Set([store.kernel.current().user, ...ss.editors])],
    warningOnly: false,
    domainEdit: true,
    unprotected: [],
  };
  ss.protections.push(data);
  return makeProtection(store, ss, data);
}

export function protectRange(store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData, rect: GridRect): Protection {
  return newProtection(store, ss, sheet, 'RANGE', rect);
}
links.protectRange = protectRange;

/** A sheet has at most one sheet protection: protecting it again returns the existing one. */
export function protectSheet(store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData): Protection {
  const existing = ss.protections.find((p) => p.sheetId === sheet.sheetId && p.type === 'SHEET');
  return existing ? makeProtection(store, ss, existing) : newProtection(store, ss, sheet, 'SHEET', null);
}
