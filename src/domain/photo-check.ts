/**
 * A resident's photo, checked by its bytes — never by its name or declared type — before it is
 * stored: a JPEG or a PNG whose structure parses from the first byte to the last, nothing after
 * the image's end (EOI / IEND), no HTML, script or ZIP hidden inside (polyglots), at most 2 MB,
 * and stripped of metadata so that no GPS position or camera serial is ever stored, whatever the
 * channel (the web form re-encodes on the phone, but e-mail attachments arrive as taken).
 *
 * Kept (a whitelist, so unknown segments cannot smuggle anything):
 * - JPEG: SOI, APP0 (JFIF), APP2 ICC_PROFILE (colours), APP14 (Adobe colour transform), DQT, DHT,
 *   DAC, DRI, SOFn, SOS with its entropy-coded data, EOI. Dropped: APP1 (Exif, XMP — where GPS
 *   lives), APP13 (Photoshop IPTC), COM, every other APPn.
 * - PNG: IHDR, PLTE, IDAT, IEND and the rendering chunks tRNS, gAMA, cHRM, sRGB, iCCP, sBIT,
 *   pHYs, bKGD. Dropped: tEXt, zTXt, iTXt, eXIf, tIME and any other chunk.
 * A JPEG from a recent phone may carry further images after its EOI, announced by an APP2 "MPF"
 * segment (CIPA DC-007 Multi-Picture Format: depth maps, HDR gain maps): those are cut off and the
 * first image kept. Any other byte after the end is refused.
 * Large dimensions are accepted as they are: Apps Script has no image codec to shrink a photo,
 * the web form already resizes to 1600 px on the phone, and refusing an e-mailed camera photo
 * would lose the resident's evidence; the 2 MB cap bounds what is stored.
 * JPEG: ITU-T T.81 Annex B (markers, segments); PNG: https://www.w3.org/TR/png-3/ (chunks, CRC).
 */

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 3;

export type PhotoRefusal = 'empty' | 'tooLarge' | 'notImage' | 'broken' | 'trailingData' | 'polyglot' | 'tooMany';

export interface CheckedPhoto {
  ok: true;
  kind: 'jpeg' | 'png';
  mimeType: 'image/jpeg' | 'image/png';
  /** The image without its metadata: what is stored. */
  bytes: Uint8Array;
  width: number;
  height: number;
  /** What was removed, e.g. ['APP1', 'COM'] or ['tEXt']: for tests and the record. */
  removed: string[];
}

export type PhotoCheck = CheckedPhoto | { ok: false; reason: PhotoRefusal };

const refuse = (reason: PhotoRefusal): PhotoCheck => ({ ok: false, reason });

/** Whether `base64` can decode to at most MAX_PHOTO_BYTES, judged by its length alone (before decoding). */
export function base64WithinLimit(base64: string): boolean {
  return Math.floor((base64.replace(/[\s=]/g, '').length * 3) / 4) <= MAX_PHOTO_BYTES;
}

/** Strict base64 (RFC 4648 alphabet, optional padding, whitespace allowed). */
export function isBase64(text: string): boolean {
  const s = text.replace(/\s/g, '');
  return s.length > 0 && s.length % 4 !== 1 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

export function checkPhoto(bytes: Uint8Array): PhotoCheck {
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_PHOTO_BYTES) return refuse('tooLarge');
  let result: PhotoCheck;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) result = cleanJpeg(bytes);
  else if (startsWith(bytes, PNG_SIGNATURE, 0)) result = cleanPng(bytes);
  else return refuse('notImage');
  if (result.ok && hidesOtherContent(result.bytes)) return refuse('polyglot');
  return result;
}

// ---- JPEG ----------------------------------------------------------------------------------

/** SOFn markers that carry the frame's dimensions (not DHT C4, JPG C8, DAC CC). */
function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

const APP_NAMES: Record<number, string> = { 0xe1: 'APP1', 0xed: 'APP13', 0xfe: 'COM' };

function cleanJpeg(b: Uint8Array): PhotoCheck {
  const out: Uint8Array[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let i = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  let multiPicture = false;
  for (;;) {
    if (i >= b.length || b[i] !== 0xff) return refuse('broken');
    while (i < b.length && b[i] === 0xff) i += 1; // fill bytes
    if (i >= b.length) return refuse('broken');
    const m = b[i];
    i += 1;
    if (m === 0xd9) {
      out.push(Uint8Array.of(0xff, 0xd9));
      break;
    }
    if (m === 0x00 || m === 0x01 || (m >= 0xd0 && m <= 0xd8)) return refuse('broken'); // no standalone marker belongs here
    if (i + 2 > b.length) return refuse('broken');
    const len = (b[i] << 8) | b[i + 1];
    if (len < 2 || i + len > b.length) return refuse('broken');
    const segment = b.subarray(i - 2, i + len);
    const body = b.subarray(i + 2, i + len);
    i += len;
    if (isSof(m)) {
      if (body.length < 5) return refuse('broken');
      height = (body[1] << 8) | body[2];
      width = (body[3] << 8) | body[4];
      out.push(segment);
    } else if (m === 0xda) {
      if (!width || !height) return refuse('broken');
      scans += 1;
      // Entropy-coded data runs to the next marker other than a stuffed FF00 or a restart FFD0–D7.
      const start = i;
      while (i < b.length) {
        if (b[i] === 0xff && i + 1 < b.length && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7)) break;
        i += 1;
      }
      if (i >= b.length) return refuse('broken');
      out.push(segment, b.subarray(start, i));
    } else if (m === 0xe0 || m === 0xee || [0xdb, 0xc4, 0xcc, 0xdd].includes(m)) {
      out.push(segment);
    } else if (m === 0xe2) {
      if (startsWithText(body, 'ICC_PROFILE\0')) out.push(segment);
      else {
        if (startsWithText(body, 'MPF\0')) multiPicture = true;
        removed.push('APP2');
      }
    } else if ((m >= 0xe1 && m <= 0xef) || m === 0xfe) {
      removed.push(APP_NAMES[m] ?? `APP${m - 0xe0}`);
    } else {
      return refuse('broken');
    }
  }
  if (scans === 0) return refuse('broken');
  if (i < b.length) {
    // Further images of a Multi-Picture file are cut off; anything else after EOI is refused.
    if (!multiPicture || !(b[i] === 0xff && b[i + 1] === 0xd8)) return refuse('trailingData');
    removed.push('MPF images');
  }
  return { ok: true, kind: 'jpeg', mimeType: 'image/jpeg', bytes: concat(out), width, height, removed };
}

// ---- PNG -----------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD']);

function cleanPng(b: Uint8Array): PhotoCheck {
  const out: Uint8Array[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  let width = 0;
  let height = 0;
  let idat = false;
  for (let first = true; ; first = false) {
    if (i + 12 > b.length) return refuse('broken');
    const len = ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
    if (i + 12 + len > b.length) return refuse('broken');
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) return refuse('broken');
    const crc = ((b[i + 8 + len] << 24) >>> 0) + (b[i + 9 + len] << 16) + (b[i + 10 + len] << 8) + b[i + 11 + len];
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== crc) return refuse('broken');
    if (first !== (type === 'IHDR')) return refuse('broken');
    if (type === 'IHDR') {
      if (len !== 13) return refuse('broken');
      width = readU32(b, i + 8);
      height = readU32(b, i + 12);
      if (!width || !height) return refuse('broken');
    }
    if (type === 'IDAT') idat = true;
    const chunk = b.subarray(i, i + 12 + len);
    i += 12 + len;
    if (PNG_KEPT.has(type)) out.push(chunk);
    else if (type[0] === type[0].toUpperCase()) return refuse('broken'); // an unknown critical chunk
    else removed.push(type);
    if (type === 'IEND') break;
  }
  if (!idat) return refuse('broken');
  if (i < b.length) return refuse('trailingData');
  return { ok: true, kind: 'png', mimeType: 'image/png', bytes: concat(out), width, height, removed };
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
}

let CRC_TABLE: number[] | null = null;

/** CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE.push(c >>> 0);
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- polyglots -----------------------------------------------------------------------------

/** Markup a browser or an interpreter would act on, matched without regard to case. */
const MARKUP = ['<script', '<html', '<svg', '<iframe', '<body', '<!doctype', '<?php', '<?xml', 'javascript:'];
/** ZIP signatures (local file header, central directory, end of central directory). */
const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x01, 0x02],
  [0x50, 0x4b, 0x05, 0x06],
];
/** An unzip tool looks for the end-of-central-directory record in the last 64 KiB + 22 bytes. */
const ZIP_TAIL = 65_557;

/**
 * Whether the stored bytes could also be read as something else: markup anywhere (a match of 6
 * or more given letters in compressed data is vanishingly unlikely), a ZIP record in the file's
 * last 64 KiB, where unzip tools find one. Checked on the cleaned bytes: what is stored.
 */
export function hidesOtherContent(b: Uint8Array): boolean {
  const lower = (x: number) => (x >= 0x41 && x <= 0x5a ? x + 0x20 : x);
  for (const word of MARKUP) {
    const w = Array.from(word, (c) => c.charCodeAt(0));
    outer: for (let i = 0; i + w.length <= b.length; i++) {
      if (lower(b[i]) !== w[0]) continue;
      for (let j = 1; j < w.length; j++) if (lower(b[i + j]) !== w[j]) continue outer;
      return true;
    }
  }
  for (let i = Math.max(0, b.length - ZIP_TAIL); i + 4 <= b.length; i++) {
    if (b[i] === 0x50 && ZIP.some((z) => b[i + 1] === z[1] && b[i + 2] === z[2] && b[i + 3] === z[3])) return true;
  }
  return false;
}

// ---- bytes ---------------------------------------------------------------------------------

function startsWith(b: Uint8Array, prefix: number[], at: number): boolean {
  return prefix.every((x, k) => b[at + k] === x);
}

function startsWithText(b: Uint8Array, text: string): boolean {
  return startsWith(b, Array.from(text, (c) => c.charCodeAt(0)), 0);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
