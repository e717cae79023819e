/**
 * Real image bytes for the photo tests, and the segments a camera or an attacker adds to them.
 * The two JPEGs were encoded by Chromium (canvas.toDataURL('image/jpeg', 0.5), 96×72 and 72×96,
 * a gradient with a shape, an ICC profile in APP2, no Exif); PNGs are encoded with pngjs. Exif
 * with GPS, XMP, IPTC, comments, PNG text chunks and polyglot tails are built here by hand, so
 * each test shows exactly what it adds.
 */
import { PNG } from 'pngjs';
import { crc32 } from '../../src/domain/photo-check';

export const JPEG_96x72 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
  'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
  'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
  'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
  'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
  'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0o' +
  'OjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2Nj' +
  'Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCABIAGADASIAAhEBAxEB/8QAGgAAAgMBAQAAAAAAAAAAAAAAAAIB' +
  'BQYEA//EACoQAQEAAQIEBAYDAQAAAAAAAAEAAgMEERVSkQVRktEhJCVxcsESMWHh/8QAGQEAAwEBAQAAAAAAAAAAAAAAAgMEAQUA' +
  '/8QAHxEBAQABBAMBAQAAAAAAAAAAAQARAgMTURQhYRIx/9oADAMBAAIRAxEAPwDgCYICYKFaMKQnCgJwgWMICcKAnCBZgUhMEBME' +
  'CzApCcKAnCBZgQE4UBOECxhUgTBATBWrc8KQnCgJwgWYEBOFAThAswKQmCAmCBZgUhOFAThAsYQE4UBOECzAqQJvgHFgLz3Z8pqf' +
  'at/rig0mW9TLDqx7zmeHVj3s7E7g+zzbtIZ4dePeczw68e9mIs8b7F+LVGeHXj3mNTT68e9k4s8X7Fi15qafXj3mNTT68e9joh8Q' +
  '7izbbHgnEeJ/k4XH4SfTdD8f3dwXP1mFJoVIF5bw+U1Pte4S7jSy1dvnhjw45Hw41o+yg0nuz8XdyrceeHenlO589PvWcujuoyXB' +
  'FYcn3Pnp9/8AlPJt156fd9rOXR3bV0VlyTdeen6n2p5Hu/PS9T7Xubb7txVkVpyLd+el6n2p5BvOrS9T7Wc+33ew114QfTND8f3d' +
  'wXP4foZbfZ6Wlnw/licHh/V1Bcfcc6lJ+k9VIEwRFU3PJwnCIhZhME4REtmE4TBEQswnCcIiWxkwThEQswv/2Q==';

export const JPEG_72x96 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
  'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
  'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
  'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
  'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
  'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0o' +
  'OjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2Nj' +
  'Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCABgAEgDASIAAhEBAxEB/8QAGgAAAgMBAQAAAAAAAAAAAAAAAQIA' +
  'AwUEBv/EACkQAAMBAAEEAQIFBQAAAAAAAAABAgMEBRESIVExYQYTFEFxkZKxwdH/xAAZAQEBAQEBAQAAAAAAAAAAAAACAwEEBQD/' +
  'xAAbEQADAQADAQAAAAAAAAAAAAAAARECAxIxQf/aAAwDAQACEQMRAD8Azkh1IVI6k9ls8uASHUhUjqQtmwCQ6kKQ6kLYoBIdSFId' +
  'SFsUApIWKSBpsMtSOkFIdSVbJwCkdIKQbuMp76XMr7sLYkgqR0jmXUOJ37fnL+jOvG89Z8s7m19mDun4x9GvUFSOkFSOpMbPoBSQ' +
  'sUkDRQy0h1IVI6RVslDm5nJXFx8vrb9SjC11va3elOmzs6vbrmeH7RKX+zgPP5tvWp8PQ4cLOaQsx20w0V5U5pfBWQj4WPVdN5c8' +
  'zDy+lz6pfc7VJ5voGjnqCjv60lrt/Hs9QkdmN9s1nFyY66iAkQtUkFQwylI6kKkdSWbJw891rJxzXTXq5TX+DPPVc/gzzMPD6XPu' +
  'X9zzO+GnH0eesOaXycHLlrVO7i0nmFZCFvH4+vJ1WeMO6fx+xIqaH4dxenUVaXrOW2/59Hq0jj6V0+eBxvDuq0r3dfLNBSdWF1zD' +
  'k2+2qKpIWpENoYZSkdIKksSLNk4KpJpx8t58dc5tfFLuWKSxIDEjgXReB37/AKdf3P8A6duHHywnxxzmF8SuxYpLEgRLwVb9ApHS' +
  'CpHSMbNgFJCxSQNFDKSLFIVIyRZslCJDqQqR0gtigEh1IVI6kDYoBIdSFSOpC2bAJELFJA0UP//Z';

export const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));
export const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A JPEG segment: FF, marker, 2-byte length (itself included), payload. */
export function segment(marker: number, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : Buffer.from(payload);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]));
}

/** Hà Nội, 21°1′42″N 105°51′16″E, as Exif GPS rationals: the bytes a leak would show. */
export const GPS_LATITUDE = [21, 1, 1, 1, 42, 1];
export const GPS_LONGITUDE = [105, 1, 51, 1, 16, 1];

/**
 * An APP1 Exif segment (big-endian TIFF) whose IFD0 points at a GPS IFD with latitude and
 * longitude (tags 1–4), as a phone camera writes it (Exif 2.3, §4.6.6).
 */
export function exifWithGps(): Uint8Array {
  const b = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 4 * 12 + 4 + 48);
  b.write('MM', 0, 'latin1');
  b.writeUInt16BE(42, 2);
  b.writeUInt32BE(8, 4);
  b.writeUInt16BE(1, 8); // IFD0: one entry
  b.writeUInt16BE(0x8825, 10); // GPSInfo
  b.writeUInt16BE(4, 12); // LONG
  b.writeUInt32BE(1, 14);
  b.writeUInt32BE(26, 18); // offset of the GPS IFD
  b.writeUInt32BE(0, 22); // no next IFD
  b.writeUInt16BE(4, 26); // GPS IFD: four entries
  const data = 26 + 2 + 4 * 12 + 4; // where the rationals go
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16BE(tag, at);
    b.writeUInt16BE(type, at + 2);
    b.writeUInt32BE(count, at + 4);
    b.writeUInt32BE(value, at + 8);
  };
  entry(28, 1, 2, 2, 0x4e000000); // GPSLatitudeRef "N"
  entry(40, 2, 5, 3, data); // GPSLatitude
  entry(52, 3, 2, 2, 0x45000000); // GPSLongitudeRef "E"
  entry(64, 4, 5, 3, data + 24); // GPSLongitude
  b.writeUInt32BE(0, 76);
  [...GPS_LATITUDE, ...GPS_LONGITUDE].forEach((v, i) => b.writeUInt32BE(v, data + 4 * i));
  return segment(0xe1, new Uint8Array(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), b])));
}

/** The JPEG with `segments` inserted right after SOI, as cameras put APPn there. */
export function jpegWith(base64: string, ...segments: Uint8Array[]): Uint8Array {
  const jpeg = Buffer.from(base64, 'base64');
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), ...segments.map((s) => Buffer.from(s)), jpeg.subarray(2)]));
}

export function concatBytes(...parts: Array<Uint8Array | string>): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));
}

/** Whether `needle` occurs in `hay`. */
export function contains(hay: Uint8Array, needle: Uint8Array | string): boolean {
  return Buffer.from(hay).indexOf(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle)) >= 0;
}

/** A real PNG (pngjs), `width`×`height`, a colour gradient. */
export function png(width = 40, height = 30): Uint8Array {
  const p = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      p.data[i] = (x * 255) / width;
      p.data[i + 1] = (y * 255) / height;
      p.data[i + 2] = 128;
      p.data[i + 3] = 255;
    }
  return new Uint8Array(PNG.sync.write(p));
}

/** A PNG chunk with its CRC. */
export function chunk(type: string, data: Uint8Array | string): Uint8Array {
  const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(new Uint8Array(typed)));
  return new Uint8Array(Buffer.concat([len, typed, crc]));
}

/** The PNG with `chunks` inserted after IHDR (8 + 25 bytes). */
export function pngWith(image: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  const b = Buffer.from(image);
  return new Uint8Array(Buffer.concat([b.subarray(0, 33), ...chunks.map((c) => Buffer.from(c)), b.subarray(33)]));
}

/** A minimal ZIP (one stored empty file "a"), to hide after or inside an image. */
export function zip(): Uint8Array {
  const local = Buffer.from('504b0304140000000000000000000000000000000000000000000100000061', 'hex');
  const central = Buffer.from('504b01021400140000000000000000000000000000000000000000000100000000000000000000000000000061', 'hex');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return new Uint8Array(Buffer.concat([local, central, end]));
}
