/**
 * Range, Sheet, Protection and DataValidation refer to each other; each file registers its
 * factory here at load time so the classes need not import each other in a cycle.
 */
import type { Kernel } from '../../core/kernel';
import type { SpreadsheetStore } from './context';
import type { GridRect, SheetData, SpreadsheetData, ValidationData } from './model';

export const links = {
  makeSheet: null as unknown as (store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData) => unknown,
  protectRange: null as unknown as (store: SpreadsheetStore, ss: SpreadsheetData, sheet: SheetData, rect: GridRect) => unknown,
  makeDataValidation: null as unknown as (kernel: Kernel, data: ValidationData) => unknown,
};
