/**
 * Years of cases (issue 19, item 4): closed cases of past years move, in one batch, from "Ý kiến"
 * to their year's archive tab ("Lưu trữ 2025"), in the same spreadsheet. Which cases may move:
 * domain/archive. Run by the menu "Lưu trữ ý kiến các năm trước" (admins) and by the hourly job on
 * its first night-time run of each month (archiveIfDue); the caller holds the document lock.
 *
 * Copy, then remove, idempotent by case code:
 * 1. the pending actions are finished (their write-ahead records name rows of the cases tab);
 * 2. the cases tab is read once, whole (every column to the last one, so a column staff added by
 *    hand stays with the rows that stay; the archive keeps the schema's columns only);
 * 3. per year, the archive tab is made if missing (exactly as wide as the schema and as tall as its
 *    rows, protected for admins, plain text), its codes read, and the rows it lacks written in one
 *    block — a code it already has (a run cut off after the copy) is not written again, and is
 *    written over if the case changed since (its version);
 * 4. the ledger (document properties) records each tab's rows, span of dates and layout;
 * 5. the cases tab is rewritten from the first row that moves, in one setValues: the rows that stay,
 *    moved up, then blank rows where the tail was — one call, so a cut-off leaves either the old tab
 *    (and copies the next run recognises) or the new one, never a case twice or none;
 * 6. spare rows beyond the headroom are deleted, so the workbook's cell count goes down as the
 *    archive's goes up.
 * Row numbers in the cases tab change: readCase finds a case by its code when a row hint is stale,
 * and a case that moved is read from its archive — read-only, with a Vietnamese message to whoever
 * tries to change it (services/cases/store).
 */
import { vietnamYear } from '../../domain/calendar/civil-date';
import { archiveMonthOf, archiveYearOf, isArchiveHour, ledgerAfter, mayArchive, spanOf, tabColumns, type ArchiveLedger } from '../../domain/archive';
import { statusOf } from '../../domain/lifecycle';
import { statusKeyOf } from '../../domain/case';
import type { CaseRecord } from '../../domain/case-record';
import type { MailReport } from '../../domain/lifecycle/mail-settled';
import { OUTBOX_STATUS } from '../../domain/vocabulary';
import { ARCHIVE } from '../../i18n/archive';
import { completePendingActions } from '../cases/actions';
import { archiveSpec, archiveTable, currentLayoutKeys, readLedger } from '../cases/archive';
import { decodeCase, readIndex } from '../cases/store';
import { PROPERTY_NAMES } from '../platform/document-store';
import { logError } from '../platform/errors';
import { editorsFor, protectSheet } from '../platform/protection';
import type { Runtime } from '../platform/runtime';
import type { CaseColumnKey } from '../platform/sheets/schema';
import { decodeRow, HEADROOM_ROWS, rowFormats } from '../platform/sheets/table';

export interface ArchiveRun {
  moved: number;
  byYear: Array<{ year: number; moved: number }>;
  /** Cases of past years that stay in the cases tab (open, in their grace period, mail on its way …). */
  staying: number;
}

const NOTHING: ArchiveRun = { moved: 0, byYear: [], staying: 0 };

/** Codes whose mail is not settled: a row waiting (or uncertain) in the outbox, or a report still to apply. */
function mailPendingCodes(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): Set<string> {
  const out = new Set<string>();
  const unsettled: string[] = [OUTBOX_STATUS.waiting, OUTBOX_STATUS.uncertain];
  for (const r of rt.table('outbox', ss).rows(['code', 'status'])) {
    if (!unsettled.includes(String(r.status ?? ''))) continue;
    for (const code of String(r.code ?? '').split(',')) if (code.trim()) out.add(code.trim());
  }
  for (const report of rt.store.getJson<MailReport[]>(PROPERTY_NAMES.mailReports) ?? []) out.add(report.code);
  // An action whose completion failed keeps its record: its case stays where the record says.
  for (const code of Object.keys(rt.store.withPrefix(PROPERTY_NAMES.pendingAction))) if (!code.includes('#')) out.add(code);
  return out;
}

interface MainRow {
  /** Its sheet row. */
  row: number;
  /** The row as read, every column (those outside the schema too). */
  values: unknown[];
  record: CaseRecord;
}

/**
 * A year's archive tab, made if missing — or finished, if a run was cut off while making it: the
 * schema's columns exactly and no spare row (Sheets counts every cell of a tab's grid), bold
 * frozen header, plain-text formats, admins only. Returns its layout's column keys.
 */
function ensureArchiveTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, ledger: ArchiveLedger, year: number): string[] {
  const spec = archiveSpec(year);
  const known = tabColumns(ledger, year);
  let sheet = ss.getSheetByName(spec.name);
  if (sheet && known) return known;
  const keys = currentLayoutKeys();
  const width = keys.length;
  const made = !sheet;
  if (!sheet) sheet = ss.insertSheet(spec.name, ss.getNumSheets());
  const empty = made || sheet.getLastRow() <= 1;
  if (empty) {
    // As wide as the schema (its rows are sized by the copy).
    const columns = sheet.getMaxColumns();
    if (width > columns) sheet.insertColumnsAfter(columns, width - columns);
    else if (width < columns) sheet.deleteColumns(width + 1, columns - width);
  }
  const header = made ? [] : sheet.getRange(1, 1, 1, width).getValues()[0];
  const ours = !made && header.every((h, i) => String(h) === spec.columns[i].header);
  // A tab of that name holding something else (made by hand): nothing is written into it.
  if (!ours && !(empty && header.every((h) => h === ''))) throw new Error(ARCHIVE.layoutChanged(year));
  if (!ours) {
    sheet.getRange(1, 1, 1, width).setValues([spec.columns.map((c) => c.header)]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  protectSheet(sheet, spec.description, editorsFor(spec.protection, rt.settings));
  return keys;
}

/**
 * Copies `moving` into the year's tab: the rows it lacks in one block, a changed case written over
 * its copy. Returns the ledger with the tab's facts.
 */
function copyYear(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, ledger: ArchiveLedger, year: number, moving: MainRow[], mainLayout: Record<string, number>): ArchiveLedger {
  const columns = ensureArchiveTab(ss, rt, ledger, year);
  const known = tabColumns(ledger, year) ? ledger : ledgerAfter(ledger, year, 0, null, columns);
  const table = archiveTable(ss, known, year);
  const sheet = table.sheet();
  const codes = table.rows(['code']);
  const versions = table.rows(['version']);
  const present = new Map<string, { row: number; version: number }>();
  codes.forEach((r, i) => {
    const code = String(r.code ?? '');
    if (code && !present.has(code)) present.set(code, { row: r.row, version: Number(versions[i]?.version) || 0 });
  });
  // Each moving row laid out by the archive's columns (a column the cases tab lacks stays empty).
  const laidOut = (m: MainRow) => columns.map((key) => (mainLayout[key] ? (m.values[mainLayout[key] - 1] ?? '') : ''));
  const fresh = moving.filter((m) => !present.has(m.record.code));
  const changed = moving.filter((m) => present.has(m.record.code) && present.get(m.record.code)!.version !== m.record.version);
  const width = columns.length;
  const formats = rowFormats(table.layout, table.spec.columns, width);
  const last = codes.length + 1;
  if (fresh.length) {
    // The grid exactly as tall as its rows: Sheets counts every cell of it.
    const rows = sheet.getMaxRows();
    const need = last + fresh.length;
    if (need > rows) sheet.insertRowsAfter(rows, need - rows);
    else if (need < rows) sheet.deleteRows(need + 1, rows - need);
    const range = sheet.getRange(last + 1, 1, fresh.length, width);
    // Formats with the values: resident text stays text, whatever the row was formatted as.
    range.setNumberFormats(fresh.map(() => formats));
    range.setValues(fresh.map(laidOut));
  }
  // A copy left by a run cut off before the cases tab was rewritten, of a case changed since: written over (rare, one row each).
  for (const m of changed) sheet.getRange(present.get(m.record.code)!.row, 1, 1, width).setValues([laidOut(m)]);
  return ledgerAfter(known, year, present.size + fresh.length, spanOf(moving.map((m) => m.record)), columns, earliestOf(moving));
}

function earliestOf(rows: MainRow[]): CaseRecord | undefined {
  let best: CaseRecord | undefined;
  for (const m of rows) if (m.record.receivedAt instanceof Date && (!best || m.record.receivedAt.getTime() < best.receivedAt.getTime())) best = m.record;
  return best;
}

/**
 * The move. The caller holds the document lock. Returns what moved, by year, and how many cases
 * of past years stay.
 */
export function archivePastYears(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, now: Date = new Date()): ArchiveRun {
  completePendingActions(ss, rt);
  checkArchive(ss, rt);
  const thisYear = vietnamYear(now);
  // The index column first (one column): the whole tab is read only when some case of a past year is closed.
  const index = readIndex(ss, rt);
  const past = index.filter((e) => vietnamYear(new Date(e.receivedAt)) < thisYear);
  if (!past.some((e) => statusKeyOf(e.status) === 'closed')) return { ...NOTHING, staying: past.length };
  const cases = rt.table('cases', ss);
  const sheet = cases.sheet();
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return NOTHING;
  const width = Math.max(cases.layout.width, sheet.getLastColumn());
  const values = sheet.getRange(2, 1, lastRow - 1, width).getValues();
  const rows: Array<MainRow & { debt: string }> = values.map((v, i) => {
    const cells = decodeRow(cases.layout, v) as Partial<Record<CaseColumnKey, unknown>>;
    return { row: i + 2, values: v, record: decodeCase(cells), debt: String(cells.pending ?? '') };
  });
  const seen = new Map<string, number>();
  for (const r of rows) if (r.record.code) seen.set(r.record.code, (seen.get(r.record.code) ?? 0) + 1);
  const ctx = {
    now,
    // A row still owing an audit row or a mail (cases/actions) stays until the debt is paid.
    mailPending: new Set([...mailPendingCodes(ss, rt), ...rows.filter((r) => r.debt !== '').map((r) => r.record.code)]),
    openCodes: new Set(rows.filter((r) => r.record.code && statusOf(r.record) !== 'closed').map((r) => r.record.code)),
  };
  // A code twice in the cases tab (a row pasted by hand) stays: which copy is the case is for staff to say.
  const moving = rows.filter((r) => r.record.code && seen.get(r.record.code) === 1 && mayArchive(r.record, ctx));
  const pastYears = rows.filter((r) => r.record.code && r.record.receivedAt instanceof Date && vietnamYear(r.record.receivedAt) < thisYear).length;
  const staying = pastYears - moving.length;
  if (moving.length === 0) return { ...NOTHING, staying };

  const byYear = new Map<number, MainRow[]>();
  for (const m of moving) {
    const year = archiveYearOf(m.record.code)!;
    byYear.set(year, [...(byYear.get(year) ?? []), m]);
  }
  let ledger = readLedger(rt);
  for (const [year, group] of [...byYear].sort((a, b) => a[0] - b[0])) ledger = copyYear(ss, rt, ledger, year, group, cases.layout.columns);
  rt.store.setJson(PROPERTY_NAMES.archiveLedger, ledger);

  // The rows that stay, moved up over the ones that left, and blanks where the tail was: one call.
  const gone = new Set(moving.map((m) => m.row));
  const first = Math.min(...gone);
  const below = rows.filter((r) => r.row >= first);
  const kept = below.filter((r) => !gone.has(r.row)).map((r) => r.values);
  const blank = new Array(width).fill('');
  while (kept.length < below.length) kept.push(blank);
  sheet.getRange(first, 1, kept.length, width).setValues(kept);

  // The grid shrinks with the tab: spare rows beyond the headroom go (the hourly job keeps the headroom).
  const newLast = lastRow - gone.size;
  const spare = sheet.getMaxRows() - newLast;
  if (spare > HEADROOM_ROWS) sheet.deleteRows(newLast + HEADROOM_ROWS + 1, spare - HEADROOM_ROWS);
  return { moved: moving.length, byYear: [...byYear].map(([year, group]) => ({ year, moved: group.length })).sort((a, b) => a.year - b.year), staying };
}

/**
 * The hourly job's step: on its first night-time run of each month (domain/archive ARCHIVE_NIGHT),
 * the move — monthly, since a yearly run alone would leave a case closed on 20 December in the
 * cases tab for a year, its grace period ending in January. Other runs read one property, already
 * loaded: no call. A run that fails is tried again the next hour (the month is recorded only after
 * it). The caller holds the document lock.
 */
export function archiveIfDue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, now: Date = new Date()): ArchiveRun | null {
  const month = archiveMonthOf(now);
  if (rt.store.get(PROPERTY_NAMES.archiveMonth) === month || !isArchiveHour(now)) return null;
  const run = archivePastYears(ss, rt, now);
  rt.store.set(PROPERTY_NAMES.archiveMonth, month);
  return run;
}

/**
 * Checks the archive tabs against the ledger: rows deleted by hand are reported to the admins (the
 * errors tab) once — the ledger then counts what is left (a form case among them is restored into
 * "Ý kiến" by reconcile, which finds its response filed nowhere).
 */
export function checkArchive(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): void {
  let ledger = readLedger(rt);
  let changed = false;
  for (const [y, facts] of Object.entries(ledger.tabs)) {
    const year = Number(y);
    const found = archiveTable(ss, ledger, year).rows(['code']).filter((r) => String(r.code ?? '') !== '').length;
    if (found >= facts.rows) continue;
    logError({ where: 'archive', message: ARCHIVE.rowsMissing(year, facts.rows, found) }, rt.schema, ss);
    ledger = { ...ledger, tabs: { ...ledger.tabs, [y]: { ...facts, rows: found } } };
    changed = true;
  }
  if (changed) rt.store.setJson(PROPERTY_NAMES.archiveLedger, ledger);
}
