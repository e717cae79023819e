/** The audit trail: who, when, what, old → new; rows are only ever appended. */
import type { HistoryEvent } from '../../domain/case-record';
import { sheet } from '../intake/filing';
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
  detail?: string;
  version?: number;
}

export function appendAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, entry: AuditEntry): void {
  sheet(ss, TABS.audit.name).appendRow(encodeRow(rt.schema.tabs.audit, { at: new Date(), ...entry }));
}

/** One audit row for one action: its changes joined field by field. */
export function auditFromEvent(code: string, event: HistoryEvent): AuditEntry {
  const changes = event.changes ?? [];
  return {
    user: event.by,
    action: event.action,
    code,
    field: changes.map((c) => c.field).join('; '),
    before: changes.map((c) => c.from).join('; '),
    after: changes.map((c) => c.to).join('; '),
    detail: event.detail ?? '',
    version: event.v,
  };
}
