/** Utilities: https://developers.google.com/apps-script/reference/utilities/utilities */
import crypto from 'node:crypto';
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import { makeEnum, isEnumValue } from '../../core/enums';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';
import { fromByteArray, makeBlob, toSigned } from '../drive/blob';
import { formatJavaDate } from './format-date';

export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8'] as const);
export const MacAlgorithm = makeEnum('MacAlgorithm', ['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** A lone surrogate cannot be encoded: Java's encoders put '?' in its place, as for unmappable characters. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string's bytes in a charset, as Java's String.getBytes(charset) makes them: in US-ASCII every
 * character outside ASCII (a code point, so an emoji is one) becomes '?' (0x3f).
 */
function encode(value: string, charset: 'US_ASCII' | 'UTF_8'): Buffer {
  if (charset === 'UTF_8') return Buffer.from(value.replace(LONE_SURROGATE, '?'), 'utf8');
  return Buffer.from(Array.from(value, (ch) => (ch.codePointAt(0)! < 0x80 ? ch.codePointAt(0)! : 0x3f)));
}

/**
 * The bytes of a String or Byte[] argument. A String is encoded in `charset` (a Utilities.Charset)
 * or, without one, in the method's default: UTF-8 for base64Encode, US-ASCII for computeDigest
 * and computeHmacSha256Signature — Vietnamese text hashed without Utilities.Charset.UTF_8 hashes
 * as '?' characters, as in Apps Script (which is why scripts pass Charset.UTF_8, e.g.
 * derekantrican/GAS-ICS-Sync pull request 414, "Change Charset for Hash calculation").
 */
function bytesOf(value: unknown, charset: unknown, method: string, byDefault: 'US_ASCII' | 'UTF_8'): Buffer {
  if (charset !== undefined && !isEnumValue(charset, Charset)) throw signatureMismatch(`Utilities.${method}`, [value, charset]);
  if (typeof value === 'string') return encode(value, charset === undefined ? byDefault : (String(charset) as 'US_ASCII' | 'UTF_8'));
  return Buffer.from(fromByteArray(value, `Utilities.${method}`));
}

export function install(kernel: Kernel): void {
  class Utilities {
    readonly DigestAlgorithm = DigestAlgorithm;
    readonly Charset = Charset;
    readonly MacAlgorithm = MacAlgorithm;

    formatDate(date: Date, timeZone: string, format: string): string {
      if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string') throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
      try {
        new Intl.DateTimeFormat('en-US', { timeZone });
      } catch {
        throw new AppsScriptException(`Invalid argument: timeZone`);
      }
      try {
        return formatJavaDate(date, timeZone, format);
      } catch (e) {
        throw new AppsScriptException(`Invalid argument: ${(e as Error).message}`);
      }
    }

    /** sprintf-like: %s, %d, %i, %f with flags, width and precision. */
    formatString(template: string, ...args: unknown[]): string {
      let i = 0;
      return String(template).replace(/%([-+ 0]*)(\d*)(?:\.(\d+))?([sdif%])/g, (_m, flags: string, width: string, precision: string, type: string) => {
        if (type === '%') return '%';
        const arg = args[i++];
        let s: string;
        if (type === 's') s = String(arg);
        else if (type === 'f') s = Number(arg).toFixed(precision ? Number(precision) : 6);
        else s = String(Math.trunc(Number(arg)));
        if (flags.includes('+') && type !== 's' && Number(arg) >= 0) s = `+${s}`;
        const w = Number(width || 0);
        if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && type !== 's' ? s.padStart(w, '0') : s.padStart(w);
        return s;
      });
    }

    newBlob(data: unknown, contentType?: string, name?: string): unknown {
      const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : fromByteArray(data, 'Utilities.newBlob');
      return makeBlob(kernel, bytes, contentType ?? null, name ?? null, typeof data === 'string' && (contentType === undefined || contentType === null));
    }

    base64Encode(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset, 'base64Encode', 'UTF_8').toString('base64');
    }

    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset, 'base64EncodeWebSafe', 'UTF_8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    }

    base64Decode(encoded: string): number[] {
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw new AppsScriptException('Could not decode string.');
      return toSigned(new Uint8Array(Buffer.from(encoded, 'base64')));
    }

    base64DecodeWebSafe(encoded: string): number[] {
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw new AppsScriptException('Could not decode string.');
      return toSigned(new Uint8Array(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
    }

    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      if (!isEnumValue(algorithm, DigestAlgorithm) || !NODE_DIGEST[String(algorithm)]) throw signatureMismatch('Utilities.computeDigest', [algorithm, value]);
      return toSigned(new Uint8Array(crypto.createHash(NODE_DIGEST[String(algorithm)]).update(bytesOf(value, charset, 'computeDigest', 'US_ASCII')).digest()));
    }

    /** https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset) */
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      if (typeof value !== typeof key || (typeof value !== 'string' && charset !== undefined)) throw signatureMismatch('Utilities.computeHmacSha256Signature', [value, key, charset].filter((x) => x !== undefined));
      const method = 'computeHmacSha256Signature';
      return toSigned(new Uint8Array(crypto.createHmac('sha256', bytesOf(key, charset, method, 'US_ASCII')).update(bytesOf(value, charset, method, 'US_ASCII')).digest()));
    }

    getUuid(): string {
      return crypto.randomUUID();
    }

    /** Waits on the virtual clock; Apps Script caps a sleep at 5 minutes. */
    sleep(milliseconds: number): void {
      if (typeof milliseconds !== 'number' || milliseconds < 0) throw signatureMismatch('Utilities.sleep', [milliseconds]);
      if (milliseconds > 300000) throw new AppsScriptException('Sleep time must be between 0 and 300000 milliseconds.');
      kernel.wait(milliseconds);
    }

    parseCsv(csv: string, delimiter = ','): string[][] {
      const rows: string[][] = [];
      let row: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < csv.length; i++) {
        const ch = csv[i];
        if (quoted) {
          if (ch === '"' && csv[i + 1] === '"') {
            field += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else field += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === delimiter) {
          row.push(field);
          field = '';
        } else if (ch === '\n' || ch === '\r') {
          if (ch === '\r' && csv[i + 1] === '\n') i++;
          row.push(field);
          rows.push(row);
          row = [];
          field = '';
        } else field += ch;
      }
      if (field !== '' || row.length) {
        row.push(field);
        rows.push(row);
      }
      return rows;
    }
  }
  const module: SimpleModule = {
    name: 'utilities',
    globals: () => ({ Utilities: expose(kernel, 'Utilities', 'Utilities', new Utilities()) }),
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'utilities' });
}
