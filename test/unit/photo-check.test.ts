/**
 * A resident's photo is judged by its bytes: a JPEG or PNG that parses to its end, nothing after
 * it, nothing else hidden in it, at most 2 MB — and stored without metadata, so no GPS position is
 * ever kept, even from an e-mailed camera photo (src/domain/photo-check.ts).
 */
import { checkPhoto, isBase64, base64WithinLimit, MAX_PHOTO_BYTES, type CheckedPhoto } from '../../src/domain/photo-check';
import { PHOTO_REFUSALS } from '../../src/i18n/photos';
import { GPS_LATITUDE, JPEG_72x96, JPEG_96x72, bytesOf, chunk, concatBytes, contains, exifWithGps, jpegWith, png, pngWith, segment, zip } from '../support/photos';

function accepted(bytes: Uint8Array): CheckedPhoto {
  const r = checkPhoto(bytes);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

const rationals = (values: number[]) => new Uint8Array(Buffer.concat(values.map((v) => Buffer.from([0, 0, 0, v]))));

describe('a JPEG', () => {
  it('is accepted as it is when it carries nothing to strip, with its dimensions read from SOF', () => {
    const r = accepted(bytesOf(JPEG_96x72));
    expect([r.kind, r.mimeType, r.width, r.height]).toEqual(['jpeg', 'image/jpeg', 96, 72]);
    expect(Buffer.from(r.bytes).equals(Buffer.from(JPEG_96x72, 'base64'))).toBe(true);
    expect(accepted(bytesOf(JPEG_72x96))).toMatchObject({ width: 72, height: 96 });
  });

  it('loses Exif with its GPS position, XMP, IPTC (APP13) and comments; keeps the ICC profile; the image data is untouched', () => {
    const exif = exifWithGps();
    const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>21,1.7N</exif:GPSLatitude></x:xmpmeta>');
    const iptc = segment(0xed, 'Photoshop 3.0\x008BIM\x04\x04 Lưu Kiếm');
    const comment = segment(0xfe, 'Nguyen Van A, 0912345678');
    const tagged = jpegWith(JPEG_96x72, exif, xmp, iptc, comment);
    expect(contains(tagged, rationals(GPS_LATITUDE))).toBe(true);
    const r = accepted(tagged);
    expect(r.removed).toEqual(['APP1', 'APP1', 'APP13', 'COM']);
    expect(contains(r.bytes, 'Exif')).toBe(false);
    expect(contains(r.bytes, rationals(GPS_LATITUDE))).toBe(false);
    expect(contains(r.bytes, 'GPSLatitude')).toBe(false);
    expect(contains(r.bytes, '0912345678')).toBe(false);
    expect(contains(r.bytes, 'ICC_PROFILE')).toBe(true);
    // What is left is byte for byte the image without the added segments.
    expect(Buffer.from(r.bytes).equals(Buffer.from(JPEG_96x72, 'base64'))).toBe(true);
  });

  it('refuses any byte after EOI: an appended ZIP, an appended page, even a lone zero', () => {
    const jpeg = bytesOf(JPEG_96x72);
    expect(checkPhoto(concatBytes(jpeg, zip()))).toEqual({ ok: false, reason: 'trailingData' });
    expect(checkPhoto(concatBytes(jpeg, '<html><script>alert(1)</script></html>'))).toEqual({ ok: false, reason: 'trailingData' });
    expect(checkPhoto(concatBytes(jpeg, '\0'))).toEqual({ ok: false, reason: 'trailingData' });
  });

  it('cuts off the further images a phone appends under a Multi-Picture (MPF) APP2 segment, keeping the first; without MPF the same tail is refused', () => {
    const mpf = segment(0xe2, 'MPF\0MM\0*\0\0\0\x08');
    const second = bytesOf(JPEG_72x96);
    const r = accepted(concatBytes(jpegWith(JPEG_96x72, mpf), second));
    expect(r.removed).toEqual(['APP2', 'MPF images']);
    expect([r.width, r.height, r.bytes.length]).toEqual([96, 72, bytesOf(JPEG_96x72).length]);
    expect(checkPhoto(concatBytes(bytesOf(JPEG_96x72), second))).toEqual({ ok: false, reason: 'trailingData' });
  });

  it('refuses markup hidden in a kept segment (a polyglot that a browser could sniff as a page)', () => {
    const icc = segment(0xe2, 'ICC_PROFILE\0\x01\x01<SCRIPT src=//x></script>');
    expect(checkPhoto(jpegWith(JPEG_96x72, icc))).toEqual({ ok: false, reason: 'polyglot' });
    const jfix = segment(0xe0, 'JFXX\0<svg onload=alert(1)>');
    expect(checkPhoto(jpegWith(JPEG_96x72, jfix))).toEqual({ ok: false, reason: 'polyglot' });
  });

  it('a polyglot hidden in a comment is harmless once stripped: stored without it', () => {
    const r = accepted(jpegWith(JPEG_96x72, segment(0xfe, '<html><script>alert(1)</script>'), segment(0xfe, Buffer.from(zip()).toString('latin1'))));
    expect(contains(r.bytes, '<script')).toBe(false);
    expect(contains(r.bytes, 'PK')).toBe(false);
  });

  it('refuses a truncated file, a segment running past the end, a scan with no frame', () => {
    const jpeg = bytesOf(JPEG_96x72);
    expect(checkPhoto(jpeg.subarray(0, jpeg.length - 2))).toEqual({ ok: false, reason: 'broken' });
    expect(checkPhoto(jpeg.subarray(0, 300))).toEqual({ ok: false, reason: 'broken' });
    expect(checkPhoto(concatBytes(Uint8Array.of(0xff, 0xd8), segment(0xda, '\x01\x01\0\0?\0'), '\x12\x34', Uint8Array.of(0xff, 0xd9)))).toEqual({ ok: false, reason: 'broken' });
  });
});

describe('a PNG', () => {
  it('is accepted with its dimensions; text chunks, eXIf and tIME are dropped, CRCs stay valid', () => {
    const image = png(40, 30);
    const tagged = pngWith(image, chunk('tEXt', 'Author\0Nguyen Van A'), chunk('eXIf', Buffer.from(exifWithGps()).subarray(10)), chunk('tIME', '\x07\xea\x0c\x03\x0a\x00\x00'), chunk('iTXt', 'GPS\x00\x00\x00\x00\x0021.0285,105.8542'));
    const r = accepted(tagged);
    expect([r.kind, r.width, r.height]).toEqual(['png', 40, 30]);
    expect(r.removed).toEqual(['tEXt', 'eXIf', 'tIME', 'iTXt']);
    expect(Buffer.from(r.bytes).equals(Buffer.from(image))).toBe(true);
    expect(contains(r.bytes, rationals(GPS_LATITUDE))).toBe(false);
    // The cleaned file is itself a valid PNG.
    expect(accepted(r.bytes).removed).toEqual([]);
  });

  it('refuses bytes after IEND, a bad CRC, a missing IHDR, an unknown critical chunk', () => {
    const image = png();
    expect(checkPhoto(concatBytes(image, zip()))).toEqual({ ok: false, reason: 'trailingData' });
    const bad = new Uint8Array(image);
    bad[40] ^= 0xff;
    expect(checkPhoto(bad)).toEqual({ ok: false, reason: 'broken' });
    expect(checkPhoto(pngWith(image, chunk('ZZZZ', 'x')))).toEqual({ ok: false, reason: 'broken' });
    expect(checkPhoto(concatBytes(image.subarray(0, 8), image.subarray(33)))).toEqual({ ok: false, reason: 'broken' });
  });

  it('refuses markup in a kept chunk, and a ZIP end record in the last 64 KiB', () => {
    expect(checkPhoto(pngWith(png(), chunk('bKGD', '<html>')))).toEqual({ ok: false, reason: 'polyglot' });
    const end = Buffer.from(zip()).subarray(-22);
    expect(checkPhoto(pngWith(png(), chunk('pHYs', Buffer.concat([Buffer.alloc(9), end]).toString('latin1'))))).toEqual({ ok: false, reason: 'polyglot' });
  });
});

describe('anything else', () => {
  it('is refused by its bytes, whatever its name or type claims: HTML, a GIF, a ZIP, nothing', () => {
    expect(checkPhoto(concatBytes('<!doctype html><p>ảnh.jpg'))).toEqual({ ok: false, reason: 'notImage' });
    expect(checkPhoto(concatBytes('GIF89a\x01\0\x01\0'))).toEqual({ ok: false, reason: 'notImage' });
    expect(checkPhoto(zip())).toEqual({ ok: false, reason: 'notImage' });
    expect(checkPhoto(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
  });

  it('over 2 MB is refused before it is parsed; base64 is judged by its length before decoding', () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(bytesOf(JPEG_96x72));
    expect(checkPhoto(big)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(base64WithinLimit('A'.repeat(Math.ceil((MAX_PHOTO_BYTES * 4) / 3)))).toBe(true);
    expect(base64WithinLimit('A'.repeat(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4))).toBe(false);
    expect([isBase64(JPEG_96x72), isBase64('abc$'), isBase64('')]).toEqual([true, false, false]);
  });

  it('every refusal has its Vietnamese reason', () => {
    for (const reason of ['empty', 'tooLarge', 'notImage', 'broken', 'trailingData', 'polyglot', 'tooMany'] as const) expect(PHOTO_REFUSALS[reason]).toMatch(/[ảạáàãâăđêôơư]/);
  });
});
