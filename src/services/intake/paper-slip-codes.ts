/**
 * Paper slips' codes, kept with the other case codes' bookkeeping (filing.ts keeps the form's
 * sequence): the slips' own sequence per year in document properties, reserved before a sheet is
 * printed, and the check that a typed code was printed. A printed code is used once: filing keys
 * its case by the code (domain/case-code paperSlipResponseKey), so a second entry is a duplicate.
 */
import { formatPaperSlipCode, parsePaperSlipCode, type SequenceState } from '../../domain/case-code';
import { PROPERTY_NAMES, type DocumentStore } from '../platform/document-store';
import { BusyError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';

const SLIPS_LOCK_WAIT_MS = LOCK_WAIT_MS.paperSlips;

/** Has a slip with this code (in any spelling) been printed? (Its sequence is within the year's reserved range.) */
export function paperSlipIssued(store: DocumentStore, code: unknown): boolean {
  const parsed = parsePaperSlipCode(code);
  if (!parsed) return false;
  const state = store.getJson<SequenceState>(PROPERTY_NAMES.paperSlipSequence) ?? {};
  return parsed.sequence <= (state[String(parsed.year)] ?? 0);
}

/**
 * The next `count` slip codes of `year`, reserved under the document lock in one property write:
 * two clerks printing at once get different codes, and a sheet that then fails to be made leaves
 * a gap in the sequence, never a code printed twice.
 */
export function reservePaperSlipCodes(store: DocumentStore, year: number, count: number, busyMessage: string): string[] {
  return withDocumentLock(SLIPS_LOCK_WAIT_MS, () => new BusyError(busyMessage), () => {
    store.refresh();
    const state = store.getJson<SequenceState>(PROPERTY_NAMES.paperSlipSequence) ?? {};
    const from = (state[String(year)] ?? 0) + 1;
    store.setJson(PROPERTY_NAMES.paperSlipSequence, { ...state, [String(year)]: from + count - 1 });
    return Array.from({ length: count }, (_, i) => formatPaperSlipCode(year, from + i));
  });
}
