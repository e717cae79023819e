/**
 * Errors are never swallowed: each lands in the errors tab (what happened, where, the case code
 * and a reference such as the responses-tab row) for staff to act on. Messages are redacted of
 * e-mail addresses and phone numbers first. If even that write fails, the error goes to the
 * execution log (console), which Apps Script keeps for the script owner.
 */
import { redactPersonalData } from '../../domain/redact';
import { ERRORS } from '../../i18n/vi';
import { ERROR_COLUMNS } from './sheets/schema';
import { TABS } from './sheets/tabs';
import { readHeader, encodeRow } from './sheets/table';
import type { SchemaState } from './runtime';

export type ErrorPlace = keyof typeof ERRORS.where;

export interface ErrorEntry {
  where: ErrorPlace;
  message: string;
  code?: string;
  reference?: string;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function logError(entry: ErrorEntry, schema?: SchemaState | null, spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const message = redactPersonalData(entry.message);
  try {
    const ss = spreadsheet ?? SpreadsheetApp.getActive();
    const sheet = ss.getSheetByName(TABS.errors.name);
    if (!sheet) throw new Error(`missing tab ${TABS.errors.name}`);
    const tab = schema?.tabs.errors ?? { name: TABS.errors.name, columns: readHeader(ERROR_COLUMNS.map((c) => c.header), ERROR_COLUMNS).map, width: ERROR_COLUMNS.length };
    sheet.appendRow(encodeRow(tab, { at: new Date(), where: ERRORS.where[entry.where], code: entry.code ?? '', reference: entry.reference ?? '', message, resolved: false }));
  } catch (e) {
    console.error(`[${ERRORS.where[entry.where]}] ${message} (${redactPersonalData(describeError(e))})`);
  }
}
