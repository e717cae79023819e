/** A1 notation, as Sheets reads and writes it: "B3", "A1:C10", "A:C", "2:5", "A2:C", "'Tab name'!A1". */

export interface GridRef {
  sheetName: string | null;
  row: number;
  column: number;
  /** null: open-ended to the sheet's last row / column. */
  lastRow: number | null;
  lastColumn: number | null;
}

export function columnToLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCell(part: string): { column: number | null; row: number | null } | null {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  return { column: m[1] ? lettersToColumn(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** Parses A1 notation; null when it is not valid A1 notation. */
export function parseA1(notation: string): GridRef | null {
  let sheetName: string | null = null;
  let rest = notation.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  const [first, second, extra] = rest.split(':');
  if (extra !== undefined || !first) return null;
  const a = parseCell(first);
  if (!a) return null;
  if (second === undefined) {
    if (a.row === null || a.column === null) return null;
    return { sheetName, row: a.row, column: a.column, lastRow: a.row, lastColumn: a.column };
  }
  const b = parseCell(second);
  if (!b) return null;
  // "A:C" (whole columns), "2:5" (whole rows), "A2:C" (open below), "A2:5"? is not valid.
  if (a.row === null && b.row === null && a.column !== null && b.column !== null) {
    return { sheetName, row: 1, column: Math.min(a.column, b.column), lastRow: null, lastColumn: Math.max(a.column, b.column) };
  }
  if (a.column === null && b.column === null && a.row !== null && b.row !== null) {
    return { sheetName, row: Math.min(a.row, b.row), column: 1, lastRow: Math.max(a.row, b.row), lastColumn: null };
  }
  if (a.row !== null && a.column !== null && b.column !== null && b.row === null) {
    return { sheetName, row: a.row, column: Math.min(a.column, b.column), lastRow: null, lastColumn: Math.max(a.column, b.column) };
  }
  if (a.row !== null && a.column !== null && b.row !== null && b.column !== null) {
    return {
      sheetName,
      row: Math.min(a.row, b.row),
      column: Math.min(a.column, b.column),
      lastRow: Math.max(a.row, b.row),
      lastColumn: Math.max(a.column, b.column),
    };
  }
  return null;
}

export function toA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
