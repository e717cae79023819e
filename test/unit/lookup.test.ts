/**
 * domain/lookup (issue 10; issue 16: a gate nobody can lock): lookup keys, the attempt gate, reading
 * untrusted codes and keys (the case code a resident types is read with canonicalCode).
 *
 * The comparison of a typed lookup key with the case's key. A key typed twice
 * ("K7M2QX9PK7M2QX9P", a resident who pasted it twice) or any key with the right one as a prefix
 * or a repetition must never match: a compare that walks one string's length only (or indexes the
 * other modulo its length) would accept it.
 */
import { canonicalCode } from '../../src/domain/case-code';
import { afterWrongTry, constantTimeEqual, formatKey, gate, isKeyShape, KEY_ALPHABET, keyFromBytes, NO_FAILURES, normalizeKey, type Failures } from '../../src/domain/lookup';

const STORED = 'K7M2QX9P';

describe('constantTimeEqual: whole strings, both lengths', () => {
  it.each([
    ['typed twice', 'K7M2QX9PK7M2QX9P'],
    ['typed three times', 'K7M2QX9PK7M2QX9PK7M2QX9P'],
    ['with one more letter', 'K7M2QX9PK'],
    ['with its first half again', 'K7M2QX9PK7M2'],
    ['half of it', 'K7M2'],
    ['empty', ''],
  ])('the stored key and the key %s are different, whichever is given first', (_how, typed) => {
    expect(constantTimeEqual(STORED, typed)).toBe(false);
    expect(constantTimeEqual(typed, STORED)).toBe(false);
  });

  it('a key of one repeated letter does not match that letter repeated another number of times', () => {
    expect(constantTimeEqual('AAAAAAAA', 'AAAA')).toBe(false);
    expect(constantTimeEqual('AAAA', 'AAAAAAAA')).toBe(false);
    expect(constantTimeEqual('A', 'AA')).toBe(false);
  });

  it('equal strings are equal (the empty string included)', () => {
    expect(constantTimeEqual(STORED, 'K7M2QX9P')).toBe(true);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('lookup keys', () => {
  it('8 characters from an alphabet without look-alikes, printed in two groups of 4', () => {
    const key = keyFromBytes([0, 1, 2, 30, 31, 255, -1, -128]);
    expect(key).toHaveLength(8);
    expect([...key].every((ch) => KEY_ALPHABET.includes(ch))).toBe(true);
    expect(KEY_ALPHABET).not.toMatch(/[01OIL]/);
    expect(formatKey('K7M2QX9P')).toBe('K7M2-QX9P');
  });

  it('what residents type is forgiven: case, spaces, dashes; codes in any spacing', () => {
    expect(normalizeKey(' k7m2 - qx9p ')).toBe('K7M2QX9P');
    expect(normalizeKey('k7m2.qx9p')).toBe('K7M2QX9P');
    expect(isKeyShape('K7M2QX9P')).toBe(true);
    // Not a key at all (no key has 0, O, 1, I or L, and every key has 8 characters): refused uncounted.
    for (const k of ['K7M2QX9', 'K7M2QX9PP', 'K7M2QX90', 'K7M2QXOP', '']) expect(isKeyShape(k)).toBe(false);
    for (const junk of [null, undefined, 42, { toString: 1 }, ['K7M2QX9P']]) expect(normalizeKey(junk)).toBe('');
    expect(canonicalCode('gy 2026 00012')).toBe('GY-2026-00012');
    expect(canonicalCode('GY-2026-00012')).toBe('GY-2026-00012');
    expect(canonicalCode('GY-2026-12')).toBe('');
    expect(canonicalCode("' OR 1=1 --")).toBe('');
  });

  it('compares whole strings', () => {
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9P')).toBe(true);
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9Q')).toBe(false);
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9')).toBe(false);
    expect(constantTimeEqual('', 'A')).toBe(false);
  });
});

describe('the attempt gate (issue 16: slowed, never locked)', () => {
  const t0 = Date.UTC(2026, 10, 24, 3);
  const MIN = 60_000;
  const wrong = (n: number, last = t0): Failures => ({ n, last });

  it('free up to 5 wrong keys, then 1, 2, 4, 8 minutes between tries, then never more than 15', () => {
    expect(gate(NO_FAILURES, t0)).toEqual({ allowed: true });
    expect(gate(wrong(4), t0)).toEqual({ allowed: true });
    expect(gate(wrong(5), t0)).toEqual({ allowed: false, minutes: 1 });
    expect(gate(wrong(5), t0 + MIN)).toEqual({ allowed: true });
    expect(gate(wrong(7), t0 + MIN)).toEqual({ allowed: false, minutes: 3 });
    expect(gate(wrong(8), t0)).toEqual({ allowed: false, minutes: 8 });
    for (const n of [9, 20, 50, 1_000, 1_000_000]) {
      expect(gate(wrong(n), t0)).toEqual({ allowed: false, minutes: 15 });
      expect(gate(wrong(n), t0 + 15 * MIN)).toEqual({ allowed: true });
    }
  });

  it('an attacker who tries as often as the gate lets through gets at most 103 keys of a code in its first day, 96 a day after', () => {
    let f = NO_FAILURES;
    let t = t0;
    const perDay = [0, 0];
    while (t < t0 + 2 * 24 * 60 * MIN) {
      const g = gate(f, t);
      if (g.allowed) {
        f = afterWrongTry(f, t);
        perDay[Math.floor((t - t0) / (24 * 60 * MIN))] += 1;
      } else t += MIN / 4; // and tries again 15 seconds later, refused until the wait is over
    }
    expect(perDay).toEqual([103, 96]);
  });

  it('a refused try changes nothing: the wait runs from the last wrong key that was tried', () => {
    const f = afterWrongTry(wrong(9), t0);
    expect(f).toEqual({ n: 10, last: t0 });
    // Refused tries are not evaluated, so there is nothing to count: the state is what gate read.
    expect(gate(f, t0 + 14 * MIN)).toEqual({ allowed: false, minutes: 1 });
    expect(gate(f, t0 + 15 * MIN)).toEqual({ allowed: true });
  });

  it('wrong keys are forgotten after 6 quiet hours', () => {
    expect(gate(wrong(40), t0 + 6 * 60 * MIN)).toEqual({ allowed: true });
    expect(afterWrongTry(wrong(40), t0 + 6 * 60 * MIN)).toEqual({ n: 1, last: t0 + 6 * 60 * MIN });
    expect(afterWrongTry(wrong(40), t0 + 6 * 60 * MIN - 1)).toEqual({ n: 41, last: t0 + 6 * 60 * MIN - 1 });
  });

  it('a counter read back from the cache that is not one is no counter (never NaN minutes)', () => {
    expect(gate({ n: Number.NaN, last: Number.NaN }, t0)).toEqual({ allowed: true });
  });
});

/**
 * Untrusted input is refused past a sane length before anything reads it, and read once, left to
 * right, without a regular expression (issue 16: a 2,000-space code took 3.4 s of backtracking
 * inside the document lock). RegExp.prototype.exec is what every match, test, replace and split
 * calls when it is replaced (ECMAScript RegExpExec), so counting it counts every pattern run.
 */
describe('reading untrusted codes and keys', () => {
  function measured<T>(fn: () => T): { result: T; reads: number; patterns: number } {
    const charCodeAt = String.prototype.charCodeAt;
    const exec = RegExp.prototype.exec;
    let reads = 0;
    let patterns = 0;
    String.prototype.charCodeAt = function (this: string, i: number) {
      reads += 1;
      return charCodeAt.call(this, i);
    };
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      patterns += 1;
      return exec.call(this, s);
    };
    try {
      return { result: fn(), reads, patterns };
    } finally {
      String.prototype.charCodeAt = charCodeAt;
      RegExp.prototype.exec = exec;
    }
  }

  const shapes = (n: number) => ['GY-2026' + ' '.repeat(n) + 'x', ' '.repeat(n), 'GY-2026-' + '0'.repeat(n) + '1', 'GY' + '- '.repeat(n), 'K7M2' + '-'.repeat(n) + 'x'];

  it('a code or key longer than 40 characters is none, and is not read at all', () => {
    for (const input of [...shapes(16_000), 'GY-2026-00001' + ' '.repeat(40)]) {
      expect(measured(() => canonicalCode(input))).toEqual({ result: '', reads: 0, patterns: 0 });
      expect(measured(() => normalizeKey(input))).toEqual({ result: '', reads: 0, patterns: 0 });
    }
  });

  it('up to that length, each character is read at most once and no pattern runs', () => {
    for (let n = 0; n <= 40; n++) {
      for (const input of shapes(n).map((s) => s.slice(0, 40))) {
        const code = measured(() => canonicalCode(input));
        const key = measured(() => normalizeKey(input));
        expect({ input, patterns: code.patterns + key.patterns }).toEqual({ input, patterns: 0 });
        expect(code.reads).toBeLessThanOrEqual(input.length);
        expect(key.reads).toBeLessThanOrEqual(input.length);
      }
    }
  });
});
