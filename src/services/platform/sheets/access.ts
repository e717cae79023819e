/** Finding managed tabs and reading whole columns in as few Spreadsheet calls as possible. */
import { columnLetter } from './a1';

export function sheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`Thiếu tab "${name}": hãy chạy "Thiết lập hòm thư".`);
  return s;
}

export function quotedName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Columns `from`..`to` (1-based) of every data row of a tab: 2 calls (getRange in A1 notation
 * with an open end, getValues) whatever the number of rows. Blank rows at the end are dropped;
 * element i is sheet row i + 2.
 */
export function readColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tabName: string, from: number, to: number = from): unknown[][] {
  const values = ss.getRange(`${quotedName(tabName)}!${columnLetter(from)}2:${columnLetter(to)}`).getValues();
  let end = values.length;
  while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end -= 1;
  return values.slice(0, end);
}
