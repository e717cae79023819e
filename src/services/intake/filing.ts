/**
 * Stores a prepared case: the case row, the submitter row (contact details only there), long
 * text continuations, and the acknowledgement in the outbox. One record goes out with appendRow
 * per tab (a form submission stays within its call budget); many go out in one batch per tab.
 */
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import type { PreparedCase } from '../../domain/intake';
import { ACK } from '../../i18n/vi';
import type { Runtime } from '../platform/runtime';
import { CASE_COLUMNS, LONG_TEXT_COLUMNS, OUTBOX_COLUMNS, SUBMITTER_COLUMNS } from '../platform/sheets/schema';
import { TABS } from '../platform/sheets/tabs';
import { appendRecord, appendRecords, appendRows } from '../platform/sheets/writer';

/** Columns of "Nội dung dài" kept as plain text: 3 + 37 parts of 50,000 characters. */
export const LONG_TEXT_PLAIN_COLUMNS = 40;

export const OUTBOX_STATUS = {
  waiting: 'Chờ gửi',
  sent: 'Đã gửi',
  uncertain: 'Cần kiểm tra',
  failed: 'Không gửi được',
} as const;

export const OUTBOX_KIND = { acknowledgement: 'Báo tiếp nhận' } as const;

/** Outbox rows for residents name no address: the sender looks it up in "Người gửi" by case code. */
export const RESIDENT_RECIPIENT = 'Người gửi';

export interface CaseWrites {
  code: string;
  caseRecord: Record<string, unknown>;
  submitter: Record<string, unknown> | null;
  longRows: unknown[][];
  outbox: Record<string, unknown> | null;
}

export function writesFor(prepared: PreparedCase, rt: Runtime, now: Date): CaseWrites {
  const f = prepared.fields;
  const outbox = prepared.acknowledge
    ? {
        id: `TN-${f.code}`,
        createdAt: now,
        kind: OUTBOX_KIND.acknowledgement,
        code: f.code,
        recipient: RESIDENT_RECIPIENT,
        subject: ACK.subject(f.code),
        body: ACK.body({
          code: f.code,
          receivedOn: formatVietnameseDate(vietnamDayOf(f.receivedAt)),
          dueOn: formatVietnameseDate(prepared.dueDay),
          committee: rt.settings.committeeName,
          contactLine: rt.settings.contactLine,
        }),
        status: OUTBOX_STATUS.waiting,
        sentAt: '',
        attempts: 0,
        error: '',
      }
    : null;
  return {
    code: f.code,
    caseRecord: { ...f },
    submitter: prepared.submitter ? { ...prepared.submitter } : null,
    longRows: prepared.spilled.map((s) => [f.code, s.field, s.length, ...s.parts]),
    outbox,
  };
}

/** One case, one appendRow per tab it touches (2–8 Spreadsheet calls). */
export function writeCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, w: CaseWrites): void {
  const tabs = rt.schema.tabs;
  appendRecord(sheet(ss, TABS.cases.name), tabs.cases, w.caseRecord);
  if (w.submitter) appendRecord(sheet(ss, TABS.submitters.name), tabs.submitters, w.submitter);
  if (w.longRows.length) {
    const long = sheet(ss, TABS.longText.name);
    // Setup formats LONG_TEXT_COLUMNS columns of that tab as plain text, so "Phần 2", "Phần 3" …
    // land in text cells; a text longer still goes through the explicitly formatted batch path.
    const wide = w.longRows.some((r) => r.length > LONG_TEXT_PLAIN_COLUMNS);
    if (wide) appendRows(long, tabs.longText, LONG_TEXT_COLUMNS, w.longRows);
    else for (const row of w.longRows) long.appendRow(row);
  }
  if (w.outbox) appendRecord(sheet(ss, TABS.outbox.name), tabs.outbox, w.outbox);
}

/** Many cases: one batch per tab. */
export function writeCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, all: CaseWrites[]): void {
  if (all.length === 0) return;
  const tabs = rt.schema.tabs;
  appendRecords(sheet(ss, TABS.cases.name), tabs.cases, CASE_COLUMNS, all.map((w) => w.caseRecord));
  const submitters = all.filter((w) => w.submitter).map((w) => w.submitter!);
  if (submitters.length) appendRecords(sheet(ss, TABS.submitters.name), tabs.submitters, SUBMITTER_COLUMNS, submitters);
  const longRows = all.flatMap((w) => w.longRows);
  if (longRows.length) appendRows(sheet(ss, TABS.longText.name), tabs.longText, LONG_TEXT_COLUMNS, longRows);
  const outbox = all.filter((w) => w.outbox).map((w) => w.outbox!);
  if (outbox.length) appendRecords(sheet(ss, TABS.outbox.name), tabs.outbox, OUTBOX_COLUMNS, outbox);
}

export function sheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`Thiếu tab "${name}": hãy chạy "Thiết lập hòm thư".`);
  return s;
}
