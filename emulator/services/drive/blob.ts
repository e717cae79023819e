/**
 * Blob: https://developers.google.com/apps-script/reference/base/blob
 * Apps Script byte arrays are Java bytes: signed, -128…127.
 */
import { NotImplementedInEmulator, signatureMismatch } from '../../core/errors';
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

  /**
   * Made by Utilities.newBlob(String) without a content type. "getContentType() — the content type
   * of this data, if known, or null" (https://developers.google.com/apps-script/reference/base/blob#getContentType()):
   * a blob made from bytes reads null, but for one made from a String the sources disagree (null, or
   * 'text/plain' as gas-fakes, checked against live Apps Script, has it), so reading it is not
   * modelled until setContentType gives one.
   */
  _typeOfStringUnknown = false;

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
    if (this._typeOfStringUnknown) throw new NotImplementedInEmulator('Blob.getContentType of a blob made by Utilities.newBlob(String) without a content type');
    return this._contentType;
  }

  setContentType(contentType: string | null): Blob {
    this._typeOfStringUnknown = false;
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
    return makeBlob(this._kernel, new Uint8Array(this._bytes), this._contentType, this._name, this._typeOfStringUnknown);
  }

  isGoogleType(): boolean {
    return false;
  }
}

export function makeBlob(kernel: Kernel, bytes: Uint8Array, contentType: string | null, name: string | null, typeOfStringUnknown = false): Blob {
  const blob = new Blob(kernel, bytes, contentType, name);
  blob._typeOfStringUnknown = typeOfStringUnknown;
  return publish(kernel, 'Utilities', 'Blob', blob);
}
