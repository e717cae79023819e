/**
 * The QR codes of a Doc as the ward stores them, decoded the way a phone's camera would read them:
 * each GIF image decoded (omggif), then the QR in it (jsqr) — both in tests only. And a printed
 * QR code as a camera sees it: a screenshot (pngjs), blurred, read, measured.
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import type { Workspace } from '../../emulator';

export function qrCodesIn(ws: Workspace, docId: string): string[] {
  return [...ws.documents.html(docId).matchAll(/src="data:image\/gif;base64,([^"]+)"/g)].map((m) => {
    const gif = new GifReader(Buffer.from(m[1], 'base64'));
    const rgba = new Uint8ClampedArray(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(0, rgba);
    const img = twoPixelsAModule({ data: rgba, width: gif.width, height: gif.height });
    return jsQR(img.data, img.width, img.height)?.data ?? '(unreadable)';
  });
}

/**
 * The same symbol at two pixels a module, when its modules are an even number of pixels wide: one
 * pixel of each square of `module / 2`, so every pixel kept lies inside one module and the symbol
 * read is exactly the one stored (the quiet zone is 4 modules, so the first dark pixel on the
 * diagonal gives the module's width). The poster GIFs have 8 pixels a module; reading each at
 * full size made jsQR most of the poster tests' time. Odd widths (the paper slips' 3) are kept.
 */
function twoPixelsAModule(img: Raster): Raster {
  const dark = (x: number, y: number) => img.data[4 * (y * img.width + x)] < 128;
  let corner = 0;
  while (corner < Math.min(img.width, img.height) && !dark(corner, corner)) corner++;
  const module = corner / 4;
  if (!Number.isInteger(module) || module < 4 || module % 2 !== 0) return img;
  const step = module / 2;
  const width = Math.floor(img.width / step);
  const height = Math.floor(img.height / step);
  const data = new Uint8ClampedArray(4 * width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = 4 * (y * step * img.width + x * step);
      data.set(img.data.subarray(from, from + 4), 4 * (y * width + x));
    }
  }
  return { data, width, height };
}

/** An RGBA image, as pngjs and jsQR use it. */
export interface Raster {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export function readPng(png: Buffer): Raster {
  const img = PNG.sync.read(png);
  return { data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), width: img.width, height: img.height };
}

/**
 * The image a little out of focus, as a phone's camera sees a sticker: its grey levels under a box
 * blur of `radius` pixels, three passes (horizontal then vertical each time), which is close to a
 * Gaussian blur of σ ≈ √(radius·(radius+1)) pixels.
 */
export function blurred(img: Raster, radius: number): Raster {
  const { width: w, height: h } = img;
  let src = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) src[i] = 0.299 * img.data[4 * i] + 0.587 * img.data[4 * i + 1] + 0.114 * img.data[4 * i + 2];
  let dst = new Float32Array(w * h);
  // One pass along lines of `len` pixels, `step` apart within a line, `stride` apart between lines: a running sum.
  const pass = (lines: number, len: number, step: number, stride: number) => {
    for (let line = 0; line < lines; line++) {
      const base = line * stride;
      let sum = 0;
      let lo = 0;
      let hi = -1;
      for (let i = 0; i < len; i++) {
        while (hi < Math.min(len - 1, i + radius)) sum += src[base + ++hi * step];
        while (lo < i - radius) sum -= src[base + lo++ * step];
        dst[base + i * step] = sum / (hi - lo + 1);
      }
    }
    [src, dst] = [dst, src];
  };
  for (let n = 0; n < 3; n++) {
    pass(h, w, 1, w);
    pass(w, h, w, 1);
  }
  const data = new Uint8ClampedArray(4 * w * h);
  for (let i = 0; i < w * h; i++) {
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = Math.round(src[i]);
    data[4 * i + 3] = 255;
  }
  return { data, width: w, height: h };
}

/** The image printed smaller, at `factor` of its size (each new pixel the mean of those it covers). */
export function shrunk(img: Raster, factor: number): Raster {
  const w = Math.round(img.width * factor);
  const h = Math.round(img.height * factor);
  const data = new Uint8ClampedArray(4 * w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let sy = Math.floor(y / factor); sy < Math.min(img.height, Math.ceil((y + 1) / factor)); sy++) {
        for (let sx = Math.floor(x / factor); sx < Math.min(img.width, Math.ceil((x + 1) / factor)); sx++, n++) sum += img.data[4 * (sy * img.width + sx)];
      }
      const o = 4 * (y * w + x);
      data[o] = data[o + 1] = data[o + 2] = Math.round(sum / n);
      data[o + 3] = 255;
    }
  }
  return { data, width: w, height: h };
}

export interface QrGeometry {
  data: string;
  /** Modules per side (17 + 4 × version). */
  modules: number;
  /** Pixels per module. */
  module: number;
  /** The symbol's edges (modules only, quiet zone excluded), in pixels. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The QR code in an image, read as a camera would (jsQR), with where its modules lie. */
export function readQr(img: Raster): QrGeometry | null {
  const code = jsQR(img.data, img.width, img.height);
  if (!code) return null;
  const modules = 17 + 4 * code.version;
  const { topLeftFinderPattern: tl, topRightFinderPattern: tr, bottomLeftFinderPattern: bl } = code.location;
  // Finder patterns' centres lie 3.5 modules in from the symbol's edges.
  const module = (tr.x - tl.x + (bl.y - tl.y)) / 2 / (modules - 7);
  const left = tl.x - 3.5 * module;
  const top = tl.y - 3.5 * module;
  return { data: code.data, modules, module, left, top, right: left + modules * module, bottom: top + modules * module };
}

/** The darkest pixel (luminance 0–255) in a rectangle of the image, clipped to it. */
export function darkest(img: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let min = 255;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
      const i = 4 * (y * img.width + x);
      min = Math.min(min, 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2]);
    }
  }
  return min;
}
