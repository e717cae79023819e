/** Utilities' HMAC and UUIDs, which lookup keys are made of. */
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

  it('UTF-8 by default: Vietnamese text signs as its UTF-8 bytes', () => {
    expect(Utilities.computeHmacSha256Signature('Tổ dân phố', 'k')).toEqual(Utilities.computeHmacSha256Signature('Tổ dân phố', 'k', Utilities.Charset.UTF_8));
  });
});

describe('Utilities.getUuid — https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()', () => {
  it('a random RFC 4122 UUID string, different each call', () => {
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });
});
