/**
 * GmailMessage and GmailAttachment:
 * https://developers.google.com/apps-script/reference/gmail/gmail-message
 * https://developers.google.com/apps-script/reference/gmail/gmail-attachment
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { Blob } from '../drive/blob';
import { publish } from '../../core/published';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { MessageRecord } from './model';
import type { GmailModuleImpl } from './index';

/** A GmailAttachment is a Blob with a size and a hash (its reference page lists Blob's methods and these). */
export class GmailAttachment extends Blob {
  getSize(): number {
    return this._bytes.length;
  }
}

export class GmailMessage {
  constructor(
    readonly _m: GmailModuleImpl,
    readonly _r: MessageRecord,
  ) {}

  getId(): string {
    return this._r.id;
  }
  getFrom(): string {
    return this._r.from;
  }
  getTo(): string {
    return this._r.to;
  }
  getCc(): string {
    return this._r.cc;
  }
  getReplyTo(): string {
    return this._r.replyTo;
  }
  getSubject(): string {
    return this._r.subject;
  }
  getDate(): Date {
    return new Date(this._r.date.getTime());
  }
  getPlainBody(): string {
    return this._r.plainBody;
  }
  getBody(): string {
    return this._r.htmlBody;
  }
  /**
   * "the value of an RFC 822 header given the header name … the header value, or an empty string if
   * the header doesn't exist in the message" (gmail-message#getHeader(String)); names are
   * case-insensitive, as in RFC 822.
   */
  getHeader(name: string): string {
    if (typeof name !== 'string') throw signatureMismatch('GmailApp.GmailMessage.getHeader', [name]);
    return this._r.headers[name.toLowerCase()] ?? '';
  }
  getThread(): unknown {
    return this._m.threadFacade(this._r.threadKey);
  }
  /**
   * getAttachments({ includeInlineImages, includeAttachments }): inline images are included unless
   * includeInlineImages is false (gmail-message#getAttachments(Object)).
   */
  getAttachments(options?: { includeInlineImages?: boolean; includeAttachments?: boolean }): unknown[] {
    if (options !== undefined && (typeof options !== 'object' || options === null)) throw signatureMismatch('GmailApp.GmailMessage.getAttachments', [options]);
    for (const key of Object.keys(options ?? {})) {
      if (key !== 'includeInlineImages' && key !== 'includeAttachments') throw new AppsScriptException(`Invalid argument: ${key}`);
    }
    const inline = options?.includeInlineImages !== false;
    const regular = options?.includeAttachments !== false;
    return this._r.attachments
      .filter((a) => (a.inline ? inline : regular))
      .map((a) => attachmentFacade(this._m.kernel, a.name, a.contentType, a.base64));
  }
  /** Replies to this message's sender (its Reply-To, else From), in its thread (gmail-message#reply(String,Object)). */
  reply(body: string, options?: Record<string, unknown>): unknown {
    this._m.reply(this._r, body, options, 'GmailApp.GmailMessage.reply');
    return expose(this._m.kernel, 'GmailApp', 'GmailMessage', this);
  }
  isDraft(): boolean {
    return false;
  }
}

export function attachmentFacade(kernel: Kernel, name: string, contentType: string, base64: string): unknown {
  return publish(kernel, 'GmailApp', 'GmailAttachment', new GmailAttachment(kernel, new Uint8Array(Buffer.from(base64, 'base64')), contentType, name));
}
