/** What every spreadsheet facade needs: the kernel and the store of spreadsheets. */
import { AppsScriptException } from '../../core/errors';
import type { Kernel } from '../../core/kernel';
import { rectContains, type GridRect, type SheetData, type SpreadsheetData } from './model';

export interface SpreadsheetStore {
  readonly kernel: Kernel;
  get(id: string): SpreadsheetData | undefined;
}

export const PROTECTED_CELL_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * Protections stop edits by anyone who is neither the owner nor an editor of the protection;
 * warning-only protections stop nobody (the UI only warns).
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
export function assertCanEdit(kernel: Kernel, ss: SpreadsheetData, sheet: SheetData, rect: GridRect): void {
  const user = kernel.current().user;
  if (user === ss.owner) return;
  for (const p of ss.protections) {
    if (p.sheetId !== sheet.sheetId || p.warningOnly || p.editors.includes(user)) continue;
    if (p.type === 'RANGE' && p.rect && overlaps(p.rect, rect)) throw new AppsScriptException(PROTECTED_CELL_MESSAGE);
    if (p.type === 'SHEET') {
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          if (!p.unprotected.some((u) => rectContains(u, r, c))) throw new AppsScriptException(PROTECTED_CELL_MESSAGE);
        }
        // One uncovered cell is enough; whole rows of a huge rectangle need not be walked twice.
        if (p.unprotected.length === 0) break;
      }
    }
  }
}

function overlaps(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

/** Structural changes to a sheet (insert/delete rows, rename, hide) need edit rights on the whole sheet. */
export function assertCanEditSheet(kernel: Kernel, ss: SpreadsheetData, sheet: SheetData): void {
  const user = kernel.current().user;
  if (user === ss.owner) return;
  const blocked = ss.protections.some((p) => p.sheetId === sheet.sheetId && p.type === 'SHEET' && !p.warningOnly && !p.editors.includes(user));
  if (blocked) throw new AppsScriptException(PROTECTED_CELL_MESSAGE);
}
