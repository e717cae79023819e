/**
 * domain/lookup: the comparison of a typed lookup key with the case's key. A key typed twice
 * ("K7M2QX9PK7M2QX9P", a resident who pasted it twice) or any key with the right one as a prefix
 * or a repetition must never match: a compare that walks one string's length only (or indexes the
 * other modulo its length) would accept it.
 */
import { constantTimeEqual } from '../../src/domain/lookup';

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
