/** The audit trail: who, when, what, old → new; rows are only ever appended. */
import type { HistoryEvent } from '../../domain/case-record';
import type { Runtime } from './runtime';

export interface AuditEntry {
  user: string;
  action: string;
  code: string;
  field: string;
  before: string;
  after: string;
  detail?: string;
  version?: number;
  /** ISO instant of the event (default: now). */
  at?: string;
}

/** `table`: the audit tab already opened, when the caller resolved it before its first write (one write batch). */
export function appendAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, entry: AuditEntry, table = rt.table('audit', ss)): void {
  table.append([{ ...entry, at: entry.at ? new Date(entry.at) : new Date() }], 'rows');
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
    at: event.at,
  };
}
