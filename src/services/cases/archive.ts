/**
 * Reading the yearly archive tabs ("Lưu trữ 2025", domain/archive): the tabs hold case rows laid
 * out as the cases tab's schema was when each tab was made (the ledger in the document properties
 * keeps that layout and each tab's span of dates), protected for admins, plain text like the cases
 * tab. Everything here reads; the move is services/jobs/archive.
 *
 * Costs: a case by code reads its year's code column and then its row (4 Spreadsheet calls, and
 * none at all for a year without a tab — the ledger says which years have one, without a call);
 * a period reads the index column (or the columns asked for) of the tabs spanning it, one block each.
 */
import { canonicalCode } from '../../domain/case-code';
import { parseIndex, type IndexEntry } from '../../domain/case-record';
import { archiveTabName, archiveYearOf, ledgerYears, parseLedger, tabColumns, type ArchiveLedger } from '../../domain/archive';
import { ARCHIVE } from '../../i18n/archive';
import { PROPERTY_NAMES } from '../platform/document-store';
import type { Runtime } from '../platform/runtime';
import { CASE_COLUMNS, type CaseColumnKey, type TabSpec } from '../platform/sheets/schema';
import { Table, defaultLayout, type TabMap, type TableRow } from '../platform/sheets/table';

/** The archive tab of a year as a tab spec: the cases tab's columns, admins only. */
export function archiveSpec(year: number): TabSpec<CaseColumnKey> {
  return { key: `archive${year}`, name: archiveTabName(year), columns: CASE_COLUMNS, hidden: false, protection: 'admins', description: ARCHIVE.protection(year) };
}

export function readLedger(rt: Pick<Runtime, 'store'>): ArchiveLedger {
  return parseLedger(rt.store.getJson(PROPERTY_NAMES.archiveLedger));
}

/** The column keys of a tab made now, in their order (what the ledger records of a new tab). */
export function currentLayoutKeys(): CaseColumnKey[] {
  return CASE_COLUMNS.map((c) => c.key);
}

/** Where each column of a year's tab is: as the ledger recorded it when the tab was made. */
function layoutOf(ledger: ArchiveLedger, year: number): TabMap {
  const spec = archiveSpec(year);
  const keys = tabColumns(ledger, year);
  if (!keys?.length) return defaultLayout(spec);
  const columns: Record<string, number> = {};
  keys.forEach((k, i) => (columns[k] = i + 1));
  return { name: spec.name, columns, width: keys.length };
}

export function archiveTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ledger: ArchiveLedger, year: number): Table<CaseColumnKey> {
  return new Table(ss, archiveSpec(year), layoutOf(ledger, year));
}

export interface ArchivedRow {
  year: number;
  row: number;
  cells: TableRow<CaseColumnKey>;
}

/**
 * The archived row of a code (canonical): its year's tab, the code column, the row — or null. A
 * code is matched as stored or in any spelling of it, as the cases tab's codes are (store.entryOf).
 * `evenly`: the same calls whether the code is archived or not (the first row is read instead),
 * so a lookup's cost says nothing about the code — only about its year, which the code shows.
 */
export function archivedRowOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Pick<Runtime, 'store'>, code: string, evenly = false): ArchivedRow | null {
  const year = archiveYearOf(code);
  const ledger = readLedger(rt);
  if (year === null || !ledger.tabs[String(year)]) return null;
  const table = archiveTable(ss, ledger, year);
  const tail = code.slice(-5);
  const hit = table.rows(['code']).find((r) => {
    const stored = String(r.code ?? '');
    return stored === code || (stored.includes(tail) && canonicalCode(stored) === code);
  });
  if (!hit && !evenly) return null;
  const cells = table.row(hit ? hit.row : 2);
  if (!hit) return null;
  // A row moved by hand between the two reads: never another case's data.
  return canonicalCode(cells.values.code) === code ? { year, row: hit.row, cells } : null;
}

export interface ArchivedEntry extends IndexEntry {
  row: number;
  year: number;
}

/** The index entries of the given years' tabs: one column read per tab. */
export function archivedIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Pick<Runtime, 'store'>, years: number[]): ArchivedEntry[] {
  const ledger = readLedger(rt);
  const out: ArchivedEntry[] = [];
  for (const year of years) {
    if (!ledger.tabs[String(year)]) continue;
    for (const r of archiveTable(ss, ledger, year).rows(['index'])) {
      const entry = parseIndex(r.index);
      if (entry) out.push({ ...entry, row: r.row, year });
    }
  }
  return out;
}

/** Some columns of the given years' tabs, raw (one block per tab), each row with its year. */
export function archivedColumns<K extends CaseColumnKey>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Pick<Runtime, 'store'>, years: number[], keys: K[]): Array<Record<K, unknown> & { row: number; year: number }> {
  const ledger = readLedger(rt);
  return years.filter((y) => ledger.tabs[String(y)]).flatMap((year) => archiveTable(ss, ledger, year).rows(keys).map((r) => ({ ...r, year })));
}

/**
 * Every archived case's code and response key (two column reads per tab: the columns lie far
 * apart). What reconcile and filing check before filing a response: an archived case's response
 * is filed, and never filed again.
 */
export function archivedKeys(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Pick<Runtime, 'store'>): Array<{ code: string; responseKey: string }> {
  const ledger = readLedger(rt);
  const out: Array<{ code: string; responseKey: string }> = [];
  for (const year of ledgerYears(ledger)) {
    const table = archiveTable(ss, ledger, year);
    const codes = table.rows(['code']);
    const keys = table.rows(['responseKey']);
    codes.forEach((r, i) => {
      const code = String(r.code ?? '');
      if (code) out.push({ code, responseKey: String(keys[i]?.responseKey ?? '') });
    });
  }
  return out;
}
