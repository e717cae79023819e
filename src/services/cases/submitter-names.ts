/**
 * The submitters' names by case code, read from "Người gửi" only to hide them from what is
 * published (domain/text/mentions): one block of the code and name columns, whatever the number
 * of cases — once per page or document, never once per case.
 */
import { readColumns } from '../platform/sheets/access';
import { TABS } from '../platform/sheets/tabs';
import type { Runtime } from '../platform/runtime';

export function readSubmitterNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): Map<string, string> {
  const tab = rt.schema.tabs.submitters;
  const code = tab.columns.code;
  const name = tab.columns.name;
  const from = Math.min(code, name);
  const names = new Map<string, string>();
  for (const r of readColumns(ss, TABS.submitters.name, from, Math.max(code, name))) {
    const n = String(r[name - from] ?? '').trim();
    if (n) names.set(String(r[code - from] ?? ''), n);
  }
  return names;
}
