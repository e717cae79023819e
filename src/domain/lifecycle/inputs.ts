/** What staff typed, read without trusting it: texts within the limit, committed dates, and how a value is shown. */
import { formatVietnameseDate, parseIsoDate, vietnamDayOf, vietnamMidnight } from '../calendar/civil-date';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { ActionRefused } from './types';

/**
 * The longest note, answer, summary or reason staff may write. Longer texts are refused with a
 * clear message rather than cut: a cell holds 50,000 characters, and the answer also goes into
 * an e-mail and a letter.
 */
export const STAFF_TEXT_LIMIT = 20_000;

export function text(value: unknown, label: string = TEXT_LABELS.content): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t.length > STAFF_TEXT_LIMIT) throw new ActionRefused(LIFECYCLE.tooLong(label, t.length, STAFF_TEXT_LIMIT));
  return t;
}

/** A value as the history shows it. */
export function show(value: unknown): string {
  if (value instanceof Date) return formatVietnameseDate(vietnamDayOf(value));
  if (typeof value === 'boolean') return value ? LIFECYCLE.yes : LIFECYCLE.no;
  return value === undefined || value === null ? '' : String(value);
}

/** A committed date: a real day, today or later (a promise cannot be made for the past). */
export function dateInput(value: string | undefined, label: string, now: Date): Date | '' {
  if (!value) return '';
  const day = parseIsoDate(value);
  if (day === null) throw new ActionRefused(LIFECYCLE.dateInvalid(label));
  if (day < vietnamDayOf(now)) throw new ActionRefused(LIFECYCLE.datePast(label, formatVietnameseDate(day)));
  return vietnamMidnight(day);
}

/** A list of linked case codes with `code` in it (once). */
export function linkCodes(existing: string, code: string): string {
  const codes = existing.split(',').map((s) => s.trim()).filter(Boolean);
  if (!codes.includes(code)) codes.push(code);
  return codes.join(', ');
}
