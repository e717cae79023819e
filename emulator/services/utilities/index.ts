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

function bytesOf(value: unknown, charset: unknown, method: string): Buffer {
  if (typeof value === 'string') return Buffer.from(value, charset !== undefined && String(charset) === 'US_ASCII' ? 'ascii' : 'utf8');
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
      return makeBlob(kernel, bytes, contentType ?? null, name ?? null);
    }

    base64Encode(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset, 'base64Encode').toString('base64');
    }

    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset, 'base64EncodeWebSafe').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
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
      return toSigned(new Uint8Array(crypto.createHash(NODE_DIGEST[String(algorithm)]).update(bytesOf(value, charset, 'computeDigest')).digest()));
    }

    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      return toSigned(new Uint8Array(crypto.createHmac('sha256', bytesOf(key, charset, 'computeHmacSha256Signature')).update(bytesOf(value, charset, 'computeHmacSha256Signature')).digest()));
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
