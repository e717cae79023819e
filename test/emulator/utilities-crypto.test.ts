/** Utilities' HMAC and UUIDs, which lookup keys are made of. */
import { createHash, createHmac } from 'node:crypto';
import { createWorkspace } from '../../emulator';

const ws = createWorkspace({ user: 'admin@luukiem.example' });
const Utilities = ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;

describe('Utilities.computeHmacSha256Signature — https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)', () => {
  it('returns the HMAC-SHA256 as signed bytes (Byte[]), RFC 4231-style known value', () => {
    // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") =
    // f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8
    const sig = Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
    expect(sig).toHaveLength(32);
    expect(sig.slice(0, 4)).toEqual([-9, -68, -125, -12]);
    expect(sig.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(sig.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  // Without a Charset, Apps Script encodes the strings as US-ASCII: every non-ASCII character
  // becomes '?' (Java's String.getBytes(US_ASCII)), which is why scripts that sign or hash
  // Vietnamese text pass Utilities.Charset.UTF_8 (computeHmacSha256Signature(String,String,Charset):
  // https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset);
  // derekantrican/GAS-ICS-Sync pull request 414 "Change Charset for Hash calculation").
  it('without a charset, non-ASCII characters are signed as "?" (US-ASCII); with Charset.UTF_8 as UTF-8 bytes', () => {
    const ascii = Utilities.computeHmacSha256Signature('Tổ dân phố', 'khóa');
    expect(ascii).toEqual(Utilities.computeHmacSha256Signature('T? d?n ph?', 'kh?a'));
    expect(ascii).toEqual(Utilities.computeHmacSha256Signature('Tổ dân phố', 'khóa', Utilities.Charset.US_ASCII));
    const utf8 = Utilities.computeHmacSha256Signature('Tổ dân phố', 'khóa', Utilities.Charset.UTF_8);
    const expected = createHmac('sha256', Buffer.from('khóa', 'utf8')).update(Buffer.from('Tổ dân phố', 'utf8')).digest();
    expect(utf8.map((b) => b & 0xff)).toEqual([...expected]);
    expect(utf8).not.toEqual(ascii);
  });

  it('an emoji (one code point, two UTF-16 units) is one "?"', () => {
    expect(Utilities.computeHmacSha256Signature('a😀b', 'k')).toEqual(Utilities.computeHmacSha256Signature('a?b', 'k'));
  });
});

// computeDigest(algorithm, value): the String form encodes as US-ASCII too; computeDigest(algorithm,
// value, charset) in the charset given.
// https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String,Charset)
describe('Utilities.computeDigest — https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String)', () => {
  it('without a charset, non-ASCII characters are hashed as "?"; with Charset.UTF_8 as UTF-8 bytes', () => {
    const SHA = Utilities.DigestAlgorithm.SHA_256;
    const unsigned = (bytes: number[]) => bytes.map((b) => b & 0xff);
    expect(unsigned(Utilities.computeDigest(SHA, 'Đơn'))).toEqual([...createHash('sha256').update('??n').digest()]);
    expect(unsigned(Utilities.computeDigest(SHA, 'Đơn', Utilities.Charset.UTF_8))).toEqual([...createHash('sha256').update(Buffer.from('Đơn', 'utf8')).digest()]);
    expect(Utilities.computeDigest(SHA, 'abc')).toEqual(Utilities.computeDigest(SHA, 'abc', Utilities.Charset.UTF_8));
  });
});

describe('Utilities.getUuid — https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()', () => {
  it('a random RFC 4122 UUID string, different each call', () => {
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });
});
