/**
 * The submitters' names by case code, read from "Người gửi" only to hide them from what is
 * published (domain/text/mentions): one block of the code and name columns, whatever the number
 * of cases — once per page or document, never once per case.
 */
import type { Runtime } from '../platform/runtime';

export function readSubmitterNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of rt.table('submitters', ss).rows(['code', 'name'])) {
    const n = String(r.name ?? '').trim();
    if (n) names.set(String(r.code ?? ''), n);
  }
  return names;
}
