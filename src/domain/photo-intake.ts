/**
 * The web form's photos, checked on the phone before anything is sent (and the upload checked
 * again on the server). Pure: bytes in, a verdict out; the page reads the file and re-encodes it.
 *
 * A file is refused when
 * - its first bytes are not an image's (a renamed document, a web page, a script),
 * - they name another kind than the file says it is (a "photo.jpg" that is a PNG is fine to
 *   decode, but a type that lies about its bytes is how polyglots get past a filter),
 * - it carries a web page, a script or an archive inside or after the picture (a polyglot: an
 *   image viewer shows a picture, a browser or an unzipper finds something else),
 * - it is larger than a phone's photo ever is, or it would be a 4th photo.
 * The picture is then drawn to a canvas (≤ 1600 px) and re-encoded as JPEG, which keeps only
 * pixels: EXIF (GPS position, camera, time) and anything appended are gone from what is sent.
 */

export const MAX_PHOTOS = 3;
/** A phone's photo is 2–8 MB; a 48-megapixel one up to ~15 MB. */
export const MAX_RAW_BYTES = 15 * 1024 * 1024;
/** The long side after re-encoding. */
export const MAX_SIDE_PX = 1600;
export const JPEG_QUALITY = 0.8;
/** A 1600 px JPEG at 0.8 is ~150–700 KB; the server refuses an upload larger than this. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic';

const MIME: Record<ImageKind, string[]> = {
  jpeg: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  png: ['image/png'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  heic: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
};

const ascii = (bytes: ArrayLike<number>, from: number, length: number): string => {
  let s = '';
  for (let i = from; i < from + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i] & 0xff);
  return s;
};

/** The kind of image the bytes begin as, or null. */
export function sniffImage(bytes: ArrayLike<number>): ImageKind | null {
  const b = (i: number) => (bytes.length > i ? bytes[i] & 0xff : -1);
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 4) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(ascii(bytes, 8, 4))) return 'heic';
  return null;
}

/**
 * Markers of something that is not a picture, inside or after one: HTML and script (lower-cased
 * search), PHP, PDF, and a ZIP archive's end record near the end of the file (where an unzipper
 * looks for it). Long enough that compressed pixels do not produce them by chance (a 6-byte
 * marker turns up at random about once in 10^14 bytes).
 */
// "<" + "?php" is built at run time: the page must not contain Apps Script's scriptlet opener (the build refuses it).
const TEXT_MARKERS = ['<script', '<html', '<!doctype', '<iframe', '<svg', '<body', `${String.fromCharCode(60)}?php`, 'javascript:', '%pdf-', '<object', '<embed'];
const ZIP_END = 'PK\x05\x06';
/** A ZIP's end record sits in its last 22 + 65,535 bytes. */
const ZIP_TAIL = 22 + 65_535;

export function foreignContent(bytes: ArrayLike<number>): string | null {
  // One pass over the bytes as latin-1, lower-cased: a few MB is a few milliseconds on a phone.
  const step = 1 << 16;
  let carry = '';
  for (let at = 0; at < bytes.length; at += step) {
    const chunk = carry + ascii(bytes, at, step).toLowerCase();
    for (const m of TEXT_MARKERS) if (chunk.includes(m)) return m;
    carry = chunk.slice(-16);
  }
  const tailFrom = Math.max(0, bytes.length - ZIP_TAIL);
  if (ascii(bytes, tailFrom, bytes.length - tailFrom).includes(ZIP_END)) return 'zip';
  return null;
}

export type PhotoRefusal = 'count' | 'size' | 'notImage' | 'typeMismatch' | 'foreign' | 'empty';

/**
 * The verdict on one chosen file: `already` photos are attached, `type` is what the file says it
 * is (File.type: may be empty on some phones), `bytes` its content (the whole file).
 */
export function checkPhotoFile(already: number, type: string, size: number, bytes: ArrayLike<number>): PhotoRefusal | null {
  if (already >= MAX_PHOTOS) return 'count';
  if (size === 0) return 'empty';
  if (size > MAX_RAW_BYTES) return 'size';
  const kind = sniffImage(bytes);
  if (!kind) return 'notImage';
  const declared = type.toLowerCase();
  if (declared && !MIME[kind].includes(declared)) return 'typeMismatch';
  if (foreignContent(bytes)) return 'foreign';
  return null;
}

/** The size to draw a picture of w × h at: its long side at most MAX_SIDE_PX, never enlarged. */
export function fittedSize(w: number, h: number, max = MAX_SIDE_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** Does a JPEG carry an EXIF (APP1 "Exif") segment? Walks the segments up to the image data. */
export function hasExif(bytes: ArrayLike<number>): boolean {
  if (sniffImage(bytes) !== 'jpeg') return false;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if ((bytes[i] & 0xff) !== 0xff) return false;
    const marker = bytes[i + 1] & 0xff;
    if (marker === 0xda || marker === 0xd9) return false; // start of scan / end: no more headers
    const length = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
    if (marker === 0xe1 && ascii(bytes, i + 4, 4) === 'Exif') return true;
    i += 2 + length;
  }
  return false;
}

/** The server's check of one uploaded photo (already re-encoded by the page): a JPEG, not too large, nothing foreign. */
export function uploadProblem(bytes: ArrayLike<number>): PhotoRefusal | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_UPLOAD_BYTES) return 'size';
  if (sniffImage(bytes) !== 'jpeg') return 'notImage';
  if (foreignContent(bytes)) return 'foreign';
  return null;
}
