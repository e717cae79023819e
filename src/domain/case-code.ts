/**
 * Case codes given to residents: GY-YYYY-NNNNN ("góp ý"), numbered per year of receipt in
 * Vietnam time. A number is never reused, even after a case is deleted: the sequence lives
 * outside the sheet (see services/intake) and only moves forward.
 *
 * Every code has one canonical form (else a slip entered as GY-2026-P00001 and again as
 * GY-2026-P000001 would become two cases): canonicalCode is the one way a code typed by anyone — a
 * resident, a clerk, a caller of an RPC — becomes a code, and everything that takes a code
 * (lookup, staff entry, readCase, the slip check) goes through it.
 */
export const CASE_CODE_PREFIX = 'GY';

/**
 * Typed input longer than this is no code, and is refused before a single character of it is read
 * ("GY-2026-P00001" is 14; the rest is room for spaces). Nothing in a code is matched with a
 * regular expression: a pattern over untrusted text can backtrack (a code of 2,000 spaces took
 * 3.4 s in the old pattern, 16,000 the whole 6-minute limit).
 */
export const CODE_INPUT_MAX = 40;
/** At most 9 significant digits: the number stays exact, and no sequence gets near it. */
const MAX_SEQUENCE = 999_999_999;

/** Spaces as JavaScript's \s has them (tab, no-break space, the Unicode spaces, BOM …). */
export function isBlank(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** "-" and the dashes a phone keyboard or a word processor puts in its place (‐ ‑ ‒ – — −). */
export function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2014) || c === 0x2212;
}

export interface ParsedCode {
  year: number;
  /** A paper slip's code (GY-YYYY-PNNNNN). */
  paperSlip: boolean;
  sequence: number;
}

/**
 * A code as typed — any case, spaces and dashes between its parts or none ("gy 2026 p 00012"),
 * a number of at least 5 digits with any leading zeros — or null. One pass, left to right, each
 * character read once.
 */
export function parseCode(input: unknown): ParsedCode | null {
  if (typeof input !== 'string' || input.length > CODE_INPUT_MAX) return null;
  const n = input.length;
  let i = -1;
  /** The character at i (-1 past the end), each read once. */
  let c = -1;
  const next = () => {
    i++;
    c = i < n ? input.charCodeAt(i) : -1;
  };
  const blanks = () => {
    while (isBlank(c)) next();
  };
  const separator = () => {
    blanks();
    if (isDash(c)) {
      next();
      blanks();
    }
  };
  const letter = (upper: number) => {
    if (c !== upper && c !== upper + 32) return false;
    next();
    return true;
  };
  const isDigit = () => c >= 48 && c <= 57;
  next();
  blanks();
  if (!letter(71 /* G */) || !letter(89 /* Y */)) return null;
  separator();
  let year = 0;
  for (let k = 0; k < 4; k++) {
    if (!isDigit()) return null;
    year = year * 10 + (c - 48);
    next();
  }
  if (year < 1000) return null;
  separator();
  const paperSlip = letter(80 /* P */);
  if (paperSlip) blanks();
  let digits = 0;
  let sequence = 0;
  while (isDigit()) {
    sequence = sequence * 10 + (c - 48);
    if (sequence > MAX_SEQUENCE) return null;
    digits++;
    next();
  }
  blanks();
  if (i < n || digits < 5 || sequence < 1) return null;
  return { year, paperSlip, sequence };
}

/** The one form of a code: GY-YYYY-NNNNN or GY-YYYY-PNNNNN (at least 5 digits, no more zeros), or ''. */
export function canonicalCode(input: unknown): string {
  const p = parseCode(input);
  if (!p) return '';
  return p.paperSlip ? formatPaperSlipCode(p.year, p.sequence) : formatCaseCode(p.year, p.sequence);
}

export function formatCaseCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid case sequence ${sequence}`);
  return `${CASE_CODE_PREFIX}-${year}-${String(sequence).padStart(5, '0')}`;
}

/** A form's or staff entry's code (not a slip's), in any spelling canonicalCode takes. */
export function parseCaseCode(code: unknown): { year: number; sequence: number } | null {
  const p = parseCode(code);
  return p && !p.paperSlip ? { year: p.year, sequence: p.sequence } : null;
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
export function formatPaperSlipCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid slip sequence ${sequence}`);
  return `${CASE_CODE_PREFIX}-${year}-P${String(sequence).padStart(5, '0')}`;
}

/** A paper slip's code, in any spelling canonicalCode takes. */
export function parsePaperSlipCode(code: unknown): { year: number; sequence: number } | null {
  const p = parseCode(code);
  return p && p.paperSlip ? { year: p.year, sequence: p.sequence } : null;
}

/**
 * The response key of the case entered from a slip: fixed by the code, so the lookup key printed on
 * the slip's stub (derived from the response key) is the one the case will have, and a second entry
 * of the same slip is the same submission — filed once. Its time part is 0: the slip's time is
 * not known, and a key older than the journal's watermark is checked against the cases tab.
 */
export function paperSlipResponseKey(code: string): string {
  return `T0-${canonicalCode(code) || code}`;
}
