/**
 * Where each tab's columns are, written by setup into the document properties and read by every
 * operation (platform/runtime) and by the error log (platform/errors), which needs it before a
 * runtime can be loaded.
 */
import type { ColumnMap, TabMap } from './sheets/table';
import type { TabKey } from './sheets/tabs';

export const SCHEMA_VERSION = 1;

/** Columns of the form's raw responses tab, by our key. */
export type RawKey = 'timestamp' | 'group' | 'topic' | 'content' | 'location' | 'name' | 'phone' | 'email' | 'confidential' | 'place';

export interface SchemaState {
  version: number;
  tabs: Record<TabKey, TabMap>;
  raw: {
    name: string;
    columns: Partial<Record<RawKey, number>> & ColumnMap;
    /** Columns of a question's former titles (a renamed question may leave its old column behind). */
    formerColumns?: Partial<Record<RawKey, number[]>>;
    width: number;
    locale: string;
  } | null;
  formId: string | null;
  formUrl: string | null;
  /** The ward's spreadsheet, linked from notices to handling bodies. */
  spreadsheetUrl: string;
  /** Template Docs for the transfer slip and the reply letter. */
  templates?: { slip: string; letter: string };
}
