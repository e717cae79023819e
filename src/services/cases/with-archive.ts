/**
 * Reads over a period that take in the yearly archive (domain/archive, services/jobs/archive): the
 * cases tab, and the archive tabs whose span of dates meets the period — read the same way, one
 * block each — so a report, the board or the publication of a past period finds every case it
 * found before its cases moved. A code in both (a move cut off between its copy and the rewrite
 * of the cases tab) counts once, as the cases tab has it.
 */
import { fromYmd, type CivilDay } from '../../domain/calendar/civil-date';
import { parseIndex, type IndexEntry } from '../../domain/case-record';
import { yearsSpanning } from '../../domain/archive';
import type { Runtime } from '../platform/runtime';
import type { CaseColumnKey } from '../platform/sheets/schema';
import { archivedColumns, archivedIndex, readLedger } from './archive';
import { decodeCase, readCaseColumns, readIndex } from './store';

/**
 * Every case's index entry that a period [from, to] can need: the cases tab's, the spanning
 * archive tabs', and the earliest case ever archived (outside the period, it only tells a report
 * that the ward's records start before it, as they did before the move).
 */
export function readIndexSpanning(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, from: CivilDay, to: CivilDay): IndexEntry[] {
  const current = readIndex(ss, rt);
  const ledger = readLedger(rt);
  const years = yearsSpanning(ledger, from, to);
  if (years.length === 0 && !ledger.earliest) return current;
  const codes = new Set(current.map((e) => e.code));
  const out: IndexEntry[] = [...current];
  for (const e of archivedIndex(ss, rt, years)) {
    if (codes.has(e.code)) continue;
    codes.add(e.code);
    out.push(e);
  }
  const earliest = parseIndex(ledger.earliest);
  if (earliest && !codes.has(earliest.code)) out.push(earliest);
  return out;
}

/** Some columns of every case a month can show (the board, the publication): the cases tab's and the spanning archive tabs'. */
export function readCaseColumnsOfMonth<K extends CaseColumnKey>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, keys: K[], year: number, month: number): ReturnType<typeof readCaseColumns<K>> {
  const current = readCaseColumns(ss, rt, keys);
  const from = fromYmd(year, month, 1);
  const to = month === 12 ? fromYmd(year + 1, 1, 1) - 1 : fromYmd(year, month + 1, 1) - 1;
  const years = yearsSpanning(readLedger(rt), from, to);
  if (years.length === 0) return current;
  const codes = new Set(current.map((c) => (c as { code?: string }).code ?? ''));
  const withCode: CaseColumnKey[] = (keys as string[]).includes('code') ? keys : [...keys, 'code'];
  const archived = archivedColumns(ss, rt, years, withCode)
    .filter((r) => String(r.code ?? '') !== '' && !codes.has(String(r.code)))
    .map(({ year: _year, row, ...cells }) => {
      const raw: Partial<Record<CaseColumnKey, unknown>> = {};
      for (const k of keys) if (k in cells) raw[k] = (cells as Record<string, unknown>)[k];
      return { ...(decodeCase(raw) as unknown as Record<string, unknown>), row } as (typeof current)[number];
    });
  return [...current, ...archived];
}
