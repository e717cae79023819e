/**
 * The QR GIF the posters, stickers and slip stubs carry: decoded by a GIF reader other than the
 * writer (omggif's reader, the one the poster tests use) and compared pixel for pixel with the
 * symbol qrcode-generator made, so a module drawn one pixel off, a wrong palette or a missing quiet
 * zone fails here before a phone would fail to read it.
 */
import qrcode from 'qrcode-generator';
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { qrGif, utf8Bytes } from '../../src/domain/qr';

const LINK = 'https://script.google.com/macros/s/AKfycbx0123456789abcdefghijklmnopqrstuvwxyz/exec?p=form&g=T%E1%BB%95%2012';

function decode(base64: string) {
  const gif = new GifReader(Buffer.from(base64, 'base64'));
  const rgba = new Uint8ClampedArray(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, rgba);
  return { width: gif.width, height: gif.height, frames: gif.numFrames(), rgba };
}

/** The symbol as qrcode-generator makes it (with the same UTF-8 bytes as the product). */
function symbol(text: string): { n: number; dark: (r: number, c: number) => boolean } {
  qrcode.stringToBytes = utf8Bytes;
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  return { n: code.getModuleCount(), dark: (r, c) => code.isDark(r, c) };
}

describe('qrGif', () => {
  it.each([8, 4, 3])('draws every module as a %i-pixel black or white square inside a 4-module white quiet zone', (cell) => {
    const gif = qrGif(LINK, cell);
    const img = decode(gif.base64);
    const { n, dark } = symbol(LINK);
    expect(img.frames).toBe(1);
    expect([img.width, img.height]).toEqual([gif.size, gif.size]);
    expect(gif.size).toBe((n + 8) * cell);
    let wrong = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const r = Math.floor(y / cell) - 4;
        const c = Math.floor(x / cell) - 4;
        const black = r >= 0 && c >= 0 && r < n && c < n && dark(r, c);
        const i = 4 * (y * img.width + x);
        const px = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]];
        if (px.join() !== (black ? '0,0,0,255' : '255,255,255,255')) wrong++;
      }
    }
    expect(wrong).toBe(0);
  });

  it('reads back as the link, Vietnamese letters kept as UTF-8', () => {
    const text = `${LINK}&note=Tổ dân phố 12`;
    const img = decode(qrGif(text, 4).base64);
    expect(jsQR(img.rgba, img.width, img.height)?.data).toBe(text);
  });

  it('stays small: a poster code is a two-colour GIF of a few kilobytes, not a raster', () => {
    const gif = qrGif(LINK, 8);
    const bytes = Buffer.from(gif.base64, 'base64');
    expect(bytes.subarray(0, 6).toString('latin1')).toMatch(/^GIF8[79]a$/);
    expect(bytes.length).toBeLessThan(gif.size * gif.size / 8);
  });
});
