/**
 * Files every response of the form's responses tab that has no case yet — the safety net behind
 * intake (lock timeouts, errors, a trigger that never ran). Reads each tab a constant number of
 * times whatever the number of responses, and writes the recovered cases in one batch per tab.
 * The caller holds the document lock.
 */
import { parseCaseCode } from '../../domain/case-code';
import { prepareCase } from '../../domain/intake';
import { RowSet } from '../../domain/row-set';
import { ERRORS } from '../../i18n/vi';
import { sheet, writeCases, writesFor, type CaseWrites } from './filing';
import { KEYS } from '../platform/document-store';
import { describeError, logError } from '../platform/errors';
import { RAW_TITLES } from './form-builder';
import { restoreCutAnswers } from './full-answers';
import { responseKeyOf, submissionFrom, takeCodes, vietnamYear } from './intake';
import type { Runtime } from '../platform/runtime';
import { TABS } from '../platform/sheets/tabs';

export interface ReconcileResult {
  recovered: number;
  codes: string[];
}

function column(s: GoogleAppsScript.Spreadsheet.Sheet, col: number, rows: number): unknown[] {
  return rows > 0 ? s.getRange(2, col, rows, 1).getValues().map((r) => r[0]) : [];
}

export function reconcile(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReconcileResult {
  const raw = rt.schema.raw;
  if (!raw) return { recovered: 0, codes: [] };
  const responses = sheet(ss, raw.name);
  const responseRows = responses.getLastRow() - 1;
  const answers = responseRows > 0 ? responses.getRange(2, 1, responseRows, raw.width).getValues() : [];

  const cases = sheet(ss, TABS.cases.name);
  const caseRows = cases.getLastRow() - 1;
  const tab = rt.schema.tabs.cases;
  const filedKeys = new Set(column(cases, tab.columns.responseKey, caseRows).map(String));
  const floors: Record<number, number> = {};
  for (const code of column(cases, tab.columns.code, caseRows)) {
    const parsed = parseCaseCode(String(code));
    if (parsed) floors[parsed.year] = Math.max(floors[parsed.year] ?? 0, parsed.sequence);
  }

  const filedRows = new RowSet();
  const pending: Array<{ row: number; values: unknown[] }> = [];
  answers.forEach((values, i) => {
    const row = i + 2;
    if (!(values[0] instanceof Date)) return; // an empty or foreign row, not a response
    if (filedKeys.has(responseKeyOf(row))) filedRows.add(row);
    else pending.push({ row, values });
  });

  // Codes are taken in one move per year: the sequence lives in document properties, and one
  // property call per response would not fit 5,000 responses in an execution.
  const years = new Map<number, number>();
  for (const p of pending) {
    const y = vietnamYear(p.values[0] as Date);
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  const codes = new Map<number, string[]>();
  for (const [year, count] of years) codes.set(year, takeCodes(rt, year, count, floors[year] ?? 0));

  const now = new Date();
  const writes: CaseWrites[] = [];
  for (const p of pending) {
    const receivedAt = p.values[0] as Date;
    const code = codes.get(vietnamYear(receivedAt))!.shift()!;
    try {
      const byTitle: Record<string, string> = {};
      for (const [key, title] of Object.entries(RAW_TITLES)) {
        const col = raw.columns[key];
        byTitle[title] = col ? String(p.values[col - 1] ?? '') : '';
      }
      const whole = restoreCutAnswers(rt.schema.formId, receivedAt, byTitle);
      const fields = Object.fromEntries(Object.entries(RAW_TITLES).map(([key, title]) => [key, whole[title]]));
      const input = submissionFrom(fields, receivedAt, p.row);
      writes.push(writesFor(prepareCase(input, code, { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now }), rt, now));
      filedRows.add(p.row);
    } catch (error) {
      // The code stays unused (codes are never reused); the response is retried next time.
      logError({ where: 'reconcile', message: ERRORS.unexpected(describeError(error)), code, reference: `Câu trả lời biểu mẫu, dòng ${p.row}` }, rt.schema, ss);
    }
  }
  writeCases(ss, rt, writes);
  rt.store.set(KEYS.filedRows, filedRows.toString());
  return { recovered: writes.length, codes: writes.map((w) => w.code) };
}
