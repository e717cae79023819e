/**
 * A resident's contact details are kept exactly as typed, with a verdict: an invalid phone or
 * e-mail is never used to send anything. The e-mail rule is deliberately strict — a value that
 * could smuggle a second recipient or a mail header (CR, LF, comma, semicolon, angle brackets,
 * quotes) is invalid by construction, so header injection cannot happen downstream.
 */

export interface ContactCheck {
  /** As typed (after removing hidden characters), never rewritten. */
  value: string;
  /** Empty: nothing was given. */
  given: boolean;
  valid: boolean;
}

/** Local part and domain of a single plain address; no display names, comments or quoting. */
const EMAIL = /^[A-Za-z0-9.!#$%&*+/=?^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(input: string): ContactCheck {
  const value = input.trim();
  if (value === '') return { value, given: false, valid: false };
  const valid =
    value.length <= 254 &&
    EMAIL.test(value) &&
    !value.startsWith('.') &&
    !value.includes('..') &&
    value.split('@')[0].length <= 64 &&
    !value.split('@')[0].endsWith('.');
  return { value, given: true, valid };
}

/**
 * Vietnamese numbers: 10-digit mobiles (03, 05, 07, 08, 09), 11-digit landlines (02x), written
 * with 0 or +84/84 in front, with spaces, dots or dashes between groups.
 */
export function checkPhone(input: string): ContactCheck {
  const value = input.trim();
  if (value === '') return { value, given: false, valid: false };
  if (!/^\+?[0-9 .()-]+$/.test(value)) return { value, given: true, valid: false };
  if (value.startsWith('+') && !value.replace(/[^0-9]/g, '').startsWith('84')) return { value, given: true, valid: false };
  const digits = nationalDigits(value);
  const mobile = /^0[35789][0-9]{8}$/.test(digits);
  const landline = /^02[0-9]{9}$/.test(digits);
  return { value, given: true, valid: mobile || landline };
}

/**
 * A number as its national digits, however it was written: separators dropped, +84 / 84 in front
 * read as the leading 0 ("+84 912.345.678" and "0912 345 678" are both 0912345678). Whatever is
 * not a digit is ignored, so it also reads what an admin types to find a caller.
 */
export function nationalDigits(input: string): string {
  const digits = input.replace(/[^0-9]/g, '');
  const international = input.trim().startsWith('+') || digits.length >= 11;
  return international && digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
}

/**
 * The form's own check of a phone number (Google Forms "matches" a regular expression against
 * the whole answer): the numbers checkPhone accepts, in the ways people write them — 0 or +84 /
 * 84 in front, groups separated by single spaces, dots or dashes. Kept to syntax RE2 and
 * JavaScript read alike; a test checks it never accepts what checkPhone refuses.
 */
export const PHONE_PATTERN = ' *(?:\\+84|84|0)[ .-]?(?:[35789](?:[ .-]?[0-9]){8}|2(?:[ .-]?[0-9]){9}) *';
