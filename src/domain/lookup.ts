/**
 * Case lookup by residents: a case code plus a short lookup key. The key is 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), written in two groups of 4 to be read out on the
 * phone ("K7M2-QX9P"): 40 bits, so guessing is hopeless within the attempt limits below.
 * Keys are never stored: each is derived from a random secret and the case's journal key (see
 * services/public/keys.ts), so a filing completed after a cut-off gives the resident the same key.
 */
export const KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const KEY_LENGTH = 8;

/** Bytes (e.g. an HMAC) → a key: each byte picks a letter (the bias of 256 mod 31 is immaterial at 40 bits). */
export function keyFromBytes(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; out.length < KEY_LENGTH && i < bytes.length; i++) out += KEY_ALPHABET[(bytes[i] & 0xff) % KEY_ALPHABET.length];
  if (out.length < KEY_LENGTH) throw new Error('not enough bytes for a lookup key');
  return out;
}

export function formatKey(key: string): string {
  return `${key.slice(0, 4)}-${key.slice(4)}`;
}

/** What a resident typed → the key's letters: lower case, spaces, dashes and dots forgiven. */
export function normalizeKey(input: unknown): string {
  return String(input ?? '')
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .slice(0, 32);
}

/** A code as typed → GY-YYYY-NNNNN (GY-YYYY-PNNNNN for a paper slip), or '' when it cannot be one. */
export function normalizeCode(input: unknown): string {
  const m = /^\s*([A-Z]{2})\s*-?\s*(\d{4})\s*-?\s*(P?)\s*(\d{5,6})\s*$/i.exec(String(input ?? ''));
  return m ? `${m[1].toUpperCase()}-${m[2]}-${m[3].toUpperCase()}${m[4]}` : '';
}

/** Equal strings, in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  return diff === 0;
}

/** After this many wrong keys for one code, each try waits; after LOCK_AFTER, the code is locked. */
export const SLOW_AFTER = 5;
export const LOCK_AFTER = 50;
export const LOCK_HOURS = 24;

export type Gate = { allowed: true } | { allowed: false; reason: 'wait'; minutes: number } | { allowed: false; reason: 'locked' };

/**
 * May a lookup of this code be tried now, given its wrong tries so far and when the last one was?
 * Up to SLOW_AFTER tries freely; then 1, 2, 4 … (at most 60) minutes between tries; locked at
 * LOCK_AFTER until LOCK_HOURS after the last wrong try.
 */
export function gate(failures: number, lastFailureMs: number, nowMs: number): Gate {
  if (failures >= LOCK_AFTER) return nowMs - lastFailureMs < LOCK_HOURS * 3_600_000 ? { allowed: false, reason: 'locked' } : { allowed: true };
  if (failures < SLOW_AFTER) return { allowed: true };
  const waitMs = Math.min(2 ** (failures - SLOW_AFTER), 60) * 60_000;
  const left = lastFailureMs + waitMs - nowMs;
  return left > 0 ? { allowed: false, reason: 'wait', minutes: Math.ceil(left / 60_000) } : { allowed: true };
}
