/**
 * Case codes given to residents: GY-YYYY-NNNNN ("góp ý"), numbered per year of receipt in
 * Vietnam time. A number is never reused, even after a case is deleted: the sequence lives
 * outside the sheet (see services/intake) and only moves forward.
 */
export const CASE_CODE_PREFIX = 'GY';
const PATTERN = /^GY-(\d{4})-(\d{5,})$/;

export function formatCaseCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid case sequence ${sequence}`);
  return `${CASE_CODE_PREFIX}-${year}-${String(sequence).padStart(5, '0')}`;
}

export function parseCaseCode(code: string): { year: number; sequence: number } | null {
  const m = PATTERN.exec(code.trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/** Sequence counters per year, as stored: {"2026": 41}. */
export type SequenceState = Record<string, number>;

/**
 * Allocates the next `count` codes of `year`. `floor` is the highest sequence already present
 * in the database for that year (a guard if the stored counter was ever lost or rolled back).
 */
export function allocateCodes(state: SequenceState, year: number, count: number, floor = 0): { codes: string[]; state: SequenceState } {
  const last = Math.max(state[String(year)] ?? 0, floor);
  const codes: string[] = [];
  for (let i = 1; i <= count; i++) codes.push(formatCaseCode(year, last + i));
  return { codes, state: { ...state, [String(year)]: last + count } };
}
