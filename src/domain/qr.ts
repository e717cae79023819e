/**
 * QR codes made inside Apps Script with qrcode-generator (MIT, pure JS): the posters keep working if
 * any third-party site disappears, and no resident's link leaves Google. Error correction M (a
 * poster survives some wear); bytes as UTF-8 although the payload is an ASCII, percent-encoded URL.
 * The GIF is written by omggif (MIT, pure JS), not by qrcode-generator's own encoder: that one asks
 * a callback for every pixel and keeps its LZW table in string-keyed objects, and was nine tenths of
 * the time of printing every place's poster (README, "The add-on's other operations").
 */
import qrcode from 'qrcode-generator';
import { GifWriter } from 'omggif';
import { fromByteArray } from 'base64-js';

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
  const modules = code.getModuleCount();
  const size = (modules + 8) * cell;
  // Palette index per pixel: 0 white, 1 black. The quiet zone stays 0; each module row is drawn
  // once and copied to its other `cell - 1` pixel rows.
  const pixels = new Uint8Array(size * size);
  for (let r = 0; r < modules; r++) {
    const top = (r + 4) * cell * size;
    for (let c = 0; c < modules; c++) if (code.isDark(r, c)) pixels.fill(1, top + (c + 4) * cell, top + (c + 5) * cell);
    for (let k = 1; k < cell; k++) pixels.copyWithin(top + k * size, top, top + size);
  }
  // LZW never spends more than 12 bits on a pixel (plus a length byte per 255 and the headers), so
  // two bytes a pixel can never overflow: a typed array would drop the excess without a word.
  const out = new Uint8Array(2 * size * size + 1024);
  const gif = new GifWriter(out, size, size, { palette: [0xffffff, 0x000000] });
  // omggif reads the pixels by index only; its typings say number[] where a Uint8Array does the same.
  gif.addFrame(0, 0, size, size, pixels as unknown as number[]);
  return { base64: fromByteArray(out.subarray(0, gif.end())), size };
}
