/** The audit trail: who, when, what, old → new; rows are only ever appended. */
import { sheet } from './case-writer';
import type { Runtime } from './runtime';
import { encodeRow } from './sheets/table';
import { TABS } from './sheets/tabs';

export interface AuditEntry {
  user: string;
  action: string;
  code: string;
  field: string;
  before: string;
  after: string;
}

export function appendAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, entry: AuditEntry): void {
  sheet(ss, TABS.audit.name).appendRow(encodeRow(rt.schema.tabs.audit, { at: new Date(), ...entry }));
}
