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

/**
 * Paper slips carry their case code before anything is written on them: GY-YYYY-PNNNNN, numbered
 * in a sequence of their own ("P", phiếu), so a slip's code can never be a code the form or staff
 * entry gives out. The year is the year the slips were printed.
 */
const SLIP_PATTERN = /^GY-(\d{4})-P(\d{5,})$/;

export function formatSlipCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid slip sequence ${sequence}`);
  return `${CASE_CODE_PREFIX}-${year}-P${String(sequence).padStart(5, '0')}`;
}

export function parseSlipCode(code: string): { year: number; sequence: number } | null {
  const m = SLIP_PATTERN.exec(String(code ?? '').trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/**
 * The journal key of the case entered from a slip: fixed by the code, so the lookup key printed on
 * the slip's stub (derived from the journal key) is the one the case will have, and a second entry
 * of the same slip is the same submission — filed once. Its time part is 0: the slip's time is
 * not known, and a key older than the journal's watermark is checked against the cases tab.
 */
export function slipJournalKey(code: string): string {
  return `T0-${code}`;
}
