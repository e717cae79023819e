/**
 * QR codes made inside Apps Script with qrcode-generator (MIT, pure JS, its own GIF encoder): the
 * posters keep working if any third-party site disappears, and no resident's link leaves Google.
 * Error correction M (a poster survives some wear); bytes as UTF-8 although the payload is an
 * ASCII, percent-encoded URL.
 */
import qrcode from 'qrcode-generator';

/** UTF-8 bytes of a string (the library's default keeps only the low byte of each character). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

qrcode.stringToBytes = utf8Bytes;

export interface QrImage {
  /** GIF bytes, base64. */
  base64: string;
  /** Pixels per side. */
  size: number;
}

/** A QR code of `text` as a GIF with `cell` pixels per module and a 4-module quiet zone. */
export function qrGif(text: string, cell = 8): QrImage {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const url = code.createDataURL(cell, 4 * cell);
  return { base64: url.slice(url.indexOf(',') + 1), size: (code.getModuleCount() + 8) * cell };
}
