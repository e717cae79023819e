/**
 * Images in a document: InlineImage (https://developers.google.com/apps-script/reference/document/inline-image).
 * A new image is shown at its own pixel size (read from the PNG, GIF or JPEG header) until
 * setWidth/setHeight; its bytes are kept as they came (getBlob) and survive snapshots (base64).
 */
import { AppsScriptException, notImplemented, signatureMismatch } from '../../core/errors';
import { unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published } from '../../core/published';
import { makeBlob } from '../drive/blob';
import { ElementType } from './enums';
import type { ImageData, Inline } from './model';

type ImageKind = 'image/png' | 'image/gif' | 'image/jpeg';

function sniff(b: Buffer): ImageKind | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (b.length >= 10 && (b.toString('ascii', 0, 6) === 'GIF87a' || b.toString('ascii', 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

/** JPEG: the frame header (SOFn) holds the size. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** Pixel size of a PNG, GIF or JPEG image; null when the bytes are none of them. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes);
  const kind = sniff(b);
  if (kind === 'image/png') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (kind === 'image/gif') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (kind === 'image/jpeg') return jpegSize(b);
  return null;
}

type RawBlob = { _bytes?: Uint8Array; _contentType?: string | null; _name?: string | null; getBlob?: unknown };

/**
 * The image a BlobSource stands for: a Blob, an InlineImage (copied), or any other BlobSource — a
 * Chart, a Drive File … — through its getBlob() (the BlobSource interface's implementing classes:
 * https://developers.google.com/apps-script/reference/base/blob-source). Docs takes PNG, JPEG and
 * GIF images; anything else is refused.
 */
export function imageFrom(arg: unknown, method: string): ImageData {
  let raw = unwrap(arg) as RawBlob | InlineImage | null;
  if (raw instanceof InlineImage) return { ...raw._data };
  if (raw && typeof raw === 'object' && !(raw._bytes instanceof Uint8Array) && typeof raw.getBlob === 'function') raw = unwrap((raw.getBlob as () => unknown).call(raw)) as RawBlob;
  if (!raw || !(raw._bytes instanceof Uint8Array)) throw signatureMismatch(method, [arg]);
  const kind = sniff(Buffer.from(raw._bytes));
  const size = imageSize(raw._bytes);
  if (!/^image\//.test(raw._contentType ?? '') || !kind || !size) throw new AppsScriptException('Invalid image data.');
  return { base64: Buffer.from(raw._bytes).toString('base64'), contentType: kind, ...size, name: raw._name ?? null, altTitle: null, altDescription: null, linkUrl: null };
}

export class InlineImage extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _data: ImageData,
    /** The inline list of the paragraph that holds it. */
    readonly _holder: Inline[],
  ) {
    super();
  }

  private _size(value: unknown, method: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureMismatch(`DocumentApp.InlineImage.${method}`, [value]);
    // Integer pixels (Apps Script rounds what it is given); a size below one pixel is not modelled.
    const px = Math.round(value);
    if (px < 1) notImplemented(`InlineImage.${method}(${value})`);
    return px;
  }

  getType(): unknown {
    return ElementType.INLINE_IMAGE;
  }
  /** Width in pixels. */
  getWidth(): number {
    return this._data.width;
  }
  getHeight(): number {
    return this._data.height;
  }
  setWidth(width: unknown): InlineImage {
    this._data.width = this._size(width, 'setWidth');
    return this._self;
  }
  setHeight(height: unknown): InlineImage {
    this._data.height = this._size(height, 'setHeight');
    return this._self;
  }
  /** "Returns: the alternate title, or null if the element does not have an alternate title." */
  getAltTitle(): string | null {
    return this._data.altTitle ?? null;
  }
  setAltTitle(title: unknown): InlineImage {
    if (typeof title !== 'string') throw signatureMismatch('DocumentApp.InlineImage.setAltTitle', [title]);
    this._data.altTitle = title;
    return this._self;
  }
  getAltDescription(): string | null {
    return this._data.altDescription ?? null;
  }
  setAltDescription(description: unknown): InlineImage {
    if (typeof description !== 'string') throw signatureMismatch('DocumentApp.InlineImage.setAltDescription', [description]);
    this._data.altDescription = description;
    return this._self;
  }
  getLinkUrl(): string | null {
    return this._data.linkUrl ?? null;
  }
  setLinkUrl(url: unknown): InlineImage {
    if (typeof url !== 'string' && url !== null) throw signatureMismatch('DocumentApp.InlineImage.setLinkUrl', [url]);
    this._data.linkUrl = url;
    return this._self;
  }
  /** The image's own bytes. */
  getBlob(): unknown {
    return makeBlob(this._kernel, new Uint8Array(Buffer.from(this._data.base64, 'base64')), this._data.contentType, this._data.name ?? null);
  }
  getAs(contentType: unknown): unknown {
    if (typeof contentType !== 'string') throw signatureMismatch('DocumentApp.InlineImage.getAs', [contentType]);
    if (contentType === this._data.contentType) return this.getBlob();
    if (/^image\/(png|jpeg|gif|bmp)$/.test(contentType) || contentType === 'application/pdf') notImplemented(`InlineImage.getAs('${contentType}') of a ${this._data.contentType} image`);
    throw new AppsScriptException(`Converting from ${this._data.contentType} to ${contentType} is not supported.`);
  }
  removeFromParent(): InlineImage {
    const i = this._holder.findIndex((x) => x.kind === 'image' && x.image === this._data);
    if (i >= 0) this._holder.splice(i, 1);
    return this._self;
  }
}
