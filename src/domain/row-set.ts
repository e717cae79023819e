/**
 * A set of row numbers kept as compact ranges ("2-5031,5033-5040"): which rows of the form's
 * responses tab have been filed. Contiguous in practice, so it stays tiny in a document property.
 */
export class RowSet {
  private ranges: Array<[number, number]>;

  constructor(ranges: Array<[number, number]> = []) {
    this.ranges = ranges;
  }

  static parse(text: string | null): RowSet {
    if (!text) return new RowSet();
    const ranges = text
      .split(',')
      .map((part) => part.split('-').map(Number))
      .filter((p) => p.every((n) => Number.isInteger(n) && n > 0))
      .map((p) => [p[0], p[1] ?? p[0]] as [number, number]);
    return new RowSet(ranges);
  }

  static of(rows: number[]): RowSet {
    const set = new RowSet();
    for (const r of rows) set.add(r);
    return set;
  }

  has(row: number): boolean {
    return this.ranges.some(([a, b]) => row >= a && row <= b);
  }

  add(row: number): void {
    if (this.has(row)) return;
    this.ranges.push([row, row]);
    this.ranges.sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const [a, b] of this.ranges) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    this.ranges = merged;
  }

  toString(): string {
    return this.ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
  }
}
