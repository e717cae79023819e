/**
 * The QR codes of a Doc as the ward stores them, decoded the way a phone's camera would read them:
 * each GIF image decoded (omggif), then the QR in it (jsqr) — both in tests only.
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import type { Workspace } from '../../emulator';

export function qrCodesIn(ws: Workspace, docId: string): string[] {
  return [...ws.documents.html(docId).matchAll(/src="data:image\/gif;base64,([^"]+)"/g)].map((m) => {
    const gif = new GifReader(Buffer.from(m[1], 'base64'));
    const rgba = new Uint8ClampedArray(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(0, rgba);
    return jsQR(rgba, gif.width, gif.height)?.data ?? '(unreadable)';
  });
}
