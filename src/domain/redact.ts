/**
 * Error messages travel to the errors tab and the logs, where personal data must not go. Service
 * errors can quote what they choked on ("Invalid email: …"), so every message is redacted:
 * e-mail addresses and phone-like digit runs are replaced before it is written anywhere. Case
 * codes (GY-2026-00001) and dates (2026-11-24) look like digit runs too, and are what staff
 * need to find the case: they are kept.
 */
import { MASKS } from '../i18n/vi';

const EMAIL = /[^\s@<>(),;:"'[\]]+@[^\s@<>(),;:"'[\]]+/g;
const PHONE = /\+?\d[\d .()-]{7,}\d/g;
const CASE_CODE_BEFORE = /[A-Z]{2}-$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;

export function redactPersonalData(message: string): string {
  return message.replace(EMAIL, '[email]').replace(PHONE, (match: string, offset: number, all: string) => {
    if (CASE_CODE_BEFORE.test(all.slice(Math.max(0, offset - 3), offset)) && /^\d{4}-\d{5,}$/.test(match)) return match;
    if (ISO_DATE.test(match) && match.replace(/\D/g, '').length <= 8) return match;
    return MASKS.phone;
  });
}
