/**
 * The official mailbox's pure rules (src/domain/mailbox-relay.ts): automated mail is never handed
 * to the ward, only a few photos of bounded size travel, and the relay's memory stays bounded.
 */
import { addressIn, automatedReason, chunkIds, nameIn, photosToRelay, remember, unchunkIds, MAX_PHOTO_BYTES } from '../../src/domain/mailbox-relay';

const headers = (h: Record<string, string>) => (name: string) => h[Object.keys(h).find((k) => k.toLowerCase() === name.toLowerCase()) ?? ''] ?? '';

describe('automated mail (RFC 3834, RFC 2369/2919, delivery reports)', () => {
  test.each([
    ['Auto-Submitted: auto-replied', 'lan@example.com', { 'Auto-Submitted': 'auto-replied' }, 'auto-submitted'],
    ['Auto-Submitted with parameters', 'lan@example.com', { 'Auto-Submitted': 'auto-generated; type=x' }, 'auto-submitted'],
    ['Precedence: bulk', 'news@example.com', { Precedence: 'bulk' }, 'precedence'],
    ['Precedence: junk', 'x@example.com', { Precedence: ' Junk ' }, 'precedence'],
    ['Precedence: list', 'x@example.com', { Precedence: 'list' }, 'precedence'],
    ['a mailing list (List-Id)', 'x@example.com', { 'List-Id': '<tin.example.com>' }, 'mailing-list'],
    ['a newsletter (List-Unsubscribe)', 'x@example.com', { 'List-Unsubscribe': '<mailto:u@example.com>' }, 'mailing-list'],
    ['a bounce from MAILER-DAEMON', 'Mail Delivery Subsystem <MAILER-DAEMON@googlemail.com>', {}, 'mailer-daemon'],
    ['postmaster', 'postmaster@example.vn', {}, 'mailer-daemon'],
    ['an empty Return-Path', 'x@example.com', { 'Return-Path': '<>' }, 'bounce'],
    ['X-Autoreply', 'x@example.com', { 'X-Autoreply': 'yes' }, 'autoreply-header'],
    ['X-Autorespond', 'x@example.com', { 'X-Autorespond': 'Vacation' }, 'autoreply-header'],
  ])('%s is automated', (_what, from, h, reason) => {
    expect(automatedReason(from, headers(h))).toBe(reason);
  });

  test.each([
    ['a plain mail', 'Nguyễn Thị Lan <lan@example.com>', {}],
    ['Auto-Submitted: no', 'lan@example.com', { 'Auto-Submitted': 'No' }],
    ['Precedence: first-class', 'lan@example.com', { Precedence: 'first-class' }],
    ['a Return-Path with an address', 'lan@example.com', { 'Return-Path': '<lan@example.com>' }],
    ['a daemon word elsewhere in the address', 'daemon.fan@example.com', {}],
    ['postmaster as a domain', 'lan@postmaster.example', {}],
  ])('%s is a person\'s mail', (_what, from, h) => {
    expect(automatedReason(from, headers(h))).toBeNull();
  });
});

describe('sender', () => {
  test('address and name from a From header', () => {
    expect(addressIn('"Nguyễn Thị Lan" <Lan@Example.com>')).toBe('lan@example.com');
    expect(nameIn('"Nguyễn Thị Lan" <Lan@Example.com>')).toBe('Nguyễn Thị Lan');
    expect(addressIn('lan@example.com')).toBe('lan@example.com');
    expect(nameIn('lan@example.com')).toBe('');
  });
});

describe('photos that travel', () => {
  test('images of known types within size, the first three; inline images are left out by the reader', () => {
    const a = (name: string, contentType: string, size = 1000) => ({ name, contentType, size });
    expect(
      photosToRelay([a('doc.pdf', 'application/pdf'), a('1.jpg', 'image/jpeg'), a('big.jpg', 'image/jpeg', MAX_PHOTO_BYTES + 1), a('2.png', 'image/png; name=2.png'), a('x.svg', 'image/svg+xml'), a('3.webp', 'image/webp'), a('4.jpg', 'image/jpeg'), a('empty.jpg', 'image/jpeg', 0)]),
    ).toEqual([1, 3, 5]);
  });
});

describe('the relay\'s bounded memory', () => {
  test('remember keeps the newest, without repeats', () => {
    expect(remember(['a', 'b'], ['b', 'c', 'c', 'd'], 3)).toEqual(['b', 'c', 'd']);
    expect(remember([], ['a'], 3)).toEqual(['a']);
  });

  test('chunks fit property values and overwrite older chunks', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => (0x18f0000000000000n + BigInt(i)).toString(16));
    const props = chunkIds(ids, 'H', 8000, 5);
    expect(Object.keys(props)).toEqual(['H0', 'H1', 'H2', 'H3', 'H4']);
    expect(Object.values(props).every((v) => v.length <= 8000)).toBe(true);
    expect(unchunkIds(props, 'H', 5)).toEqual(ids);
    expect(chunkIds(['a'], 'H', 8000, 3)).toEqual({ H0: 'a', H1: '', H2: '' });
    expect(() => chunkIds(ids, 'H', 100, 2)).toThrow(RangeError);
  });
});
