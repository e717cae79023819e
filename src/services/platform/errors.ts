/**
 * Errors are never swallowed: each lands in the errors tab (what happened, where, the case code
 * and a reference such as the responses-tab row) for staff to act on. Messages are redacted of
 * e-mail addresses and phone numbers first. If even that write fails, the error goes to the
 * execution log (console), which Apps Script keeps for the script owner.
 */
import { redactPersonalData } from '../../domain/redact';
import { ERRORS } from '../../i18n/vi';
import { openTable } from './sheets/tabs';
import type { SchemaState } from './schema-state';

export type ErrorPlace = keyof typeof ERRORS.where;

/**
 * Stable codes, one per kind of failure, written with every error so that staff, the sidebar
 * and the lead can tell them apart whatever the wording.
 */
export const ERROR_CODES = {
  input: 'HTS-INPUT',
  denied: 'HTS-DENIED',
  notFound: 'HTS-NOT-FOUND',
  busy: 'HTS-BUSY',
  conflict: 'HTS-CONFLICT',
  notSetUp: 'HTS-NOT-SET-UP',
  tooLong: 'HTS-TOO-LONG',
  internal: 'HTS-INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The one error family: a Vietnamese message a person can act on, and a stable code. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = ERROR_CODES.input,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The person did something that cannot be done (bad input, no right, stale view …): nothing was saved. */
export class UserError extends AppError {
  constructor(message: string, code: ErrorCode = ERROR_CODES.input) {
    super(message, code);
    this.name = 'UserError';
  }
}

export class DeniedError extends UserError {
  constructor(message: string) {
    super(message, ERROR_CODES.denied);
  }
}

export class BusyError extends UserError {
  constructor(message: string) {
    super(message, ERROR_CODES.busy);
  }
}

export class NotSetUpError extends UserError {
  constructor() {
    super(ERRORS.notSetUp, ERROR_CODES.notSetUp);
  }
}

/** A save based on an old version: refused, with what changed since. */
export class VersionConflict extends UserError {
  constructor(message: string) {
    super(message, ERROR_CODES.conflict);
  }
}

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
    // Before setup has stored the layout (no schema state yet), the errors tab as setup makes it.
    openTable(ss, 'errors', schema?.tabs).append([{ at: new Date(), where: ERRORS.where[entry.where], code: entry.code ?? '', reference: entry.reference ?? '', message, resolved: false }], 'rows');
  } catch (e) {
    console.error(`[${ERRORS.where[entry.where]}] ${message} (${redactPersonalData(describeError(e))})`);
  }
}
