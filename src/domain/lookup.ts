/**
 * Case lookup by residents: a case code plus a short lookup key. The key is 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), written in two groups of 4 to be read out on the
 * phone ("K7M2-QX9P"): 31^8 ≈ 8.5e11 keys, so guessing is hopeless within the attempt gate below.
 * Keys are never stored: each is derived from a random secret and the case's response key (see
 * services/access/keys.ts), so a filing completed after a cut-off gives the resident the same key.
 */
import { isLowRating } from './case';
import { isBlank, isDash } from './case-code';

export const KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const KEY_LENGTH = 8;

/** Bytes (e.g. an HMAC) → a key: each byte picks a letter (256 mod 31 makes the likeliest keys at most 2× likelier than 1/31^8; the README's arithmetic counts it). Changing it would change every key already printed or sent. */
export function keyFromBytes(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; out.length < KEY_LENGTH && i < bytes.length; i++) out += KEY_ALPHABET[(bytes[i] & 0xff) % KEY_ALPHABET.length];
  if (out.length < KEY_LENGTH) throw new Error('not enough bytes for a lookup key');
  return out;
}

export function formatKey(key: string): string {
  return `${key.slice(0, 4)}-${key.slice(4)}`;
}

/** Typed keys longer than this are none, refused before they are read ("K7M2 - QX9P" is 11). */
export const KEY_INPUT_MAX = 40;

/**
 * What a resident typed → the key's letters: lower case, spaces, dashes and dots forgiven; '' for
 * anything that is not a string of at most KEY_INPUT_MAX characters. One pass, no pattern.
 */
export function normalizeKey(input: unknown): string {
  if (typeof input !== 'string' || input.length > KEY_INPUT_MAX) return '';
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isBlank(c) || isDash(c) || c === 46 /* . */) continue;
    out += String.fromCharCode(c >= 97 && c <= 122 ? c - 32 : c);
  }
  return out;
}

/** Could this be a key at all: 8 characters of the alphabet (never 0, O, 1, I or L)? */
export function isKeyShape(key: string): boolean {
  if (key.length !== KEY_LENGTH) return false;
  for (let i = 0; i < key.length; i++) if (!KEY_ALPHABET.includes(key[i])) return false;
  return true;
}

/** Equal strings, in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  return diff === 0;
}

/**
 * The attempt gate. Wrong keys are counted per code and key issue; the first
 * FREE_TRIES are free, then each try waits 1, 2, 4, 8 and then at most MAX_WAIT_MINUTES minutes
 * after the last wrong key that was tried. There is no lock: a web app request carries no caller
 * identity, so a gate that refused the right key for long could be held shut by anyone (codes are
 * sequential and on the public board), and one that let the right key through would not slow a
 * guesser. Tries refused while waiting are not evaluated and change nothing, so a flood does not
 * lengthen the wait; a count is forgotten after QUIET_HOURS without a wrong key.
 * Arithmetic (README, "The public web app"): at most 103 keys of one code in a day, 96 a day after.
 */
export const FREE_TRIES = 5;
export const MAX_WAIT_MINUTES = 15;
export const QUIET_HOURS = 6;

/** Wrong keys tried for one code and key issue, and when the last one was (ms). */
export interface Failures {
  n: number;
  last: number;
}

export const NO_FAILURES: Failures = { n: 0, last: 0 };

export type Gate = { allowed: true } | { allowed: false; minutes: number };

/** The count as it stands at `nowMs`: nothing after QUIET_HOURS, or if it is not a count. */
function current(f: Failures, nowMs: number): Failures {
  const ok = Number.isFinite(f.n) && Number.isFinite(f.last) && f.n > 0;
  return ok && nowMs - f.last < QUIET_HOURS * 3_600_000 ? f : NO_FAILURES;
}

/** How long after the last of `n` wrong keys the next may be tried (ms). */
export function waitAfter(n: number): number {
  if (n < FREE_TRIES) return 0;
  return Math.min(2 ** Math.min(n - FREE_TRIES, 10), MAX_WAIT_MINUTES) * 60_000;
}

/** May a key for this code be tried now? Refused: how many minutes to wait (rounded up). */
export function gate(f: Failures, nowMs: number): Gate {
  const c = current(f, nowMs);
  const left = c.last + waitAfter(c.n) - nowMs;
  return c.n >= FREE_TRIES && left > 0 ? { allowed: false, minutes: Math.ceil(left / 60_000) } : { allowed: true };
}

/** The count after a wrong key tried at `nowMs` (only tries the gate allowed are counted). */
export function afterWrongTry(f: Failures, nowMs: number): Failures {
  return { n: current(f, nowMs).n + 1, last: nowMs };
}

/**
 * A resident may follow up from the lookup page once the answer reached them and they rated it
 * 1–2 (issue 18, item 8): the follow-up answers a rating that says "not solved". Before a rating,
 * the page asks for one; a satisfied resident with something new writes through the form or calls.
 * One follow-up per rating (domain/journal residentFollowUpKey): the page cannot be used to file
 * case after case with one key.
 */
export function mayFollowUp(c: { answerSentAt?: Date | ''; rating?: number | '' | null; ratedAt?: Date | '' }): boolean {
  return c.answerSentAt instanceof Date && c.ratedAt instanceof Date && isLowRating(c.rating);
}

/** A follow-up's words, at most (the web app's textarea says so; the server refuses more). */
export const FOLLOW_UP_LIMIT = 5000;
