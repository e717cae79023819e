/**
 * A JPEG's EXIF, written by hand for tests: an APP1 "Exif" segment (big-endian TIFF) with the
 * camera's make and a GPS position, inserted right after the JPEG's start marker — as a phone's
 * camera writes it. Tags: https://www.cipa.jp/std/documents/e/DC-X008-Translation-2019-E.pdf
 * (0x010F Make, 0x8825 GPS IFD; GPS 0x0001/0x0002 latitude, 0x0003/0x0004 longitude).
 */
function rationals(deg: number): number[] {
  const d = Math.floor(deg);
  const m = Math.floor((deg - d) * 60);
  const s = Math.round(((deg - d) * 60 - m) * 60 * 100);
  return [d, 1, m, 1, s, 100];
}

export function gpsExifSegment(lat: number, lon: number, make = 'TestPhone'): Buffer {
  // Layout: TIFF header (8) | IFD0 (2 + 2×12 + 4) | make | GPS IFD (2 + 4×12 + 4) | lat (24) | lon (24)
  const makeBytes = Buffer.from(`${make}\0`, 'ascii');
  const ifd0At = 8;
  const ifd0Size = 2 + 2 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + makeBytes.length + (makeBytes.length % 2);
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const tiff = Buffer.alloc(lonAt + 24);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifd0At, 4);
  let p = ifd0At;
  const entry = (tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16BE(tag, p);
    tiff.writeUInt16BE(type, p + 2);
    tiff.writeUInt32BE(count, p + 4);
    if (Buffer.isBuffer(value)) value.copy(tiff, p + 8);
    else tiff.writeUInt32BE(value, p + 8);
    p += 12;
  };
  tiff.writeUInt16BE(2, p);
  p += 2;
  entry(0x010f, 2, makeBytes.length, makeAt);
  entry(0x8825, 4, 1, gpsAt);
  tiff.writeUInt32BE(0, p);
  makeBytes.copy(tiff, makeAt);
  p = gpsAt;
  tiff.writeUInt16BE(4, p);
  p += 2;
  entry(0x0001, 2, 2, Buffer.from('N\0\0\0', 'ascii'));
  entry(0x0002, 5, 3, latAt);
  entry(0x0003, 2, 2, Buffer.from('E\0\0\0', 'ascii'));
  entry(0x0004, 5, 3, lonAt);
  tiff.writeUInt32BE(0, p);
  rationals(lat).forEach((v, i) => tiff.writeUInt32BE(v, latAt + i * 4));
  rationals(lon).forEach((v, i) => tiff.writeUInt32BE(v, lonAt + i * 4));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The JPEG with a GPS EXIF segment right after its start marker (SOI). */
export function withGpsExif(jpeg: Buffer, lat = 21.0285, lon = 105.8542): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), gpsExifSegment(lat, lon), jpeg.subarray(2)]);
}
