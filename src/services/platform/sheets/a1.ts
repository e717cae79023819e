/** A1 notation, written in one place: column letters and a tab's quoted name. */

/** Column letters for A1 notation (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A tab's name as A1 notation quotes it: 'Ý kiến', with any ' doubled. */
export function quotedName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The A1 notation of columns `from`..`to` of a tab, from `row` down to `lastRow` — or, when
 * `lastRow` is null, to the tab's last row (an open end: Sheets answers with every row it has,
 * so one getRange needs no getLastRow first).
 */
export function a1Block(tabName: string, row: number, from: number, to: number, lastRow: number | null): string {
  return `${quotedName(tabName)}!${columnLetter(from)}${row}:${columnLetter(to)}${lastRow ?? ''}`;
}
