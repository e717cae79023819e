/**
 * Blob: https://developers.google.com/apps-script/reference/base/blob
 * Apps Script byte arrays are Java bytes: signed, -128…127.
 */
import { signatureMismatch } from '../../core/errors';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';

export function toSigned(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export function fromByteArray(bytes: unknown, method: string): Uint8Array {
  if (!Array.isArray(bytes) || !bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) throw signatureMismatch(method, [bytes]);
  return Uint8Array.from(bytes as number[], (b) => b & 0xff);
}

export class Blob extends Published {
  constructor(
    readonly _kernel: Kernel,
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super();
  }

  getBytes(): number[] {
    return toSigned(this._bytes);
  }

  setBytes(data: number[]): Blob {
    this._bytes = fromByteArray(data, 'Blob.setBytes');
    return this._self;
  }

  getDataAsString(charset?: string): string {
    return Buffer.from(this._bytes).toString(charset && /^(us-ascii|ascii)$/i.test(charset) ? 'ascii' : 'utf8');
  }

  setDataFromString(string: string): Blob {
    this._bytes = new Uint8Array(Buffer.from(String(string), 'utf8'));
    return this._self;
  }

  getContentType(): string | null {
    return this._contentType;
  }

  setContentType(contentType: string | null): Blob {
    this._contentType = contentType;
    return this._self;
  }

  getName(): string | null {
    return this._name;
  }

  setName(name: string): Blob {
    this._name = String(name);
    return this._self;
  }

  copyBlob(): Blob {
    return makeBlob(this._kernel, new Uint8Array(this._bytes), this._contentType, this._name);
  }

  isGoogleType(): boolean {
    return false;
  }
}

export function makeBlob(kernel: Kernel, bytes: Uint8Array, contentType: string | null, name: string | null): Blob {
  return publish(kernel, 'Utilities', 'Blob', new Blob(kernel, bytes, contentType, name));
}
