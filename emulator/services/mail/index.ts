/**
 * MailApp: https://developers.google.com/apps-script/reference/mail/mail-app
 * The daily quota counts recipients (to + cc + bcc): 100 a day for consumer accounts, 1,500 for
 * Workspace (https://developers.google.com/apps-script/guides/services/quotas). Google resets
 * quotas 24 hours after they start being used; the emulator resets at midnight of the script's
 * time zone, which never allows more than Google does within any calendar day.
 * Stricter than Gmail: a CR or LF in a subject, a sender name or an address is refused, so a
 * header can never be injected through the emulator.
 *
 * Per-message limits ("Current limitations" on the quotas page), checked before anything is sent
 * or counted: 50 recipients (to + cc + bcc), a 200 KB body (the consumer limit; Workspace allows
 * 400 KB — the emulator holds every account to 200 KB, and counts the plain and HTML bodies
 * together, in UTF-8 bytes), 25 MB of attachments (inline images included), 250 attachments, and
 * a subject of at most 250 characters.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { unwrap, expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { MailModule, OutgoingMail, SentMail } from '../../core/modules';
import { wallTime } from '../spreadsheet/zoned';

const RECIPIENTS_PER_MESSAGE = 50;
const BODY_BYTES = 200 * 1024;
const ATTACHMENT_BYTES = 25 * 1024 * 1024;
const ATTACHMENTS_PER_MESSAGE = 250;
const SUBJECT_CHARS = 250;

/** The size of an attachment (a Blob, or a BlobSource through getBlob()) in bytes. */
function blobSize(attachment: unknown): { name: string; contentType: string; size: number } {
  let blob = unwrap(attachment) as { _bytes?: Uint8Array; getBlob?(): unknown; getName(): string | null; getContentType(): string | null; getBytes(): number[] };
  if (!(blob._bytes instanceof Uint8Array) && typeof blob.getBlob === 'function') blob = unwrap(blob.getBlob()) as typeof blob;
  const size = blob._bytes instanceof Uint8Array ? blob._bytes.length : blob.getBytes().length;
  return { name: blob.getName() ?? '', contentType: blob.getContentType() ?? '', size };
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

type MessageOptions = OutgoingMail;

function addresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

class MailModuleImpl implements MailModule {
  readonly name = 'mail' as const;
  private sent: SentMail[] = [];
  /** Recipients used per day (key: yyyy-mm-dd in the script's time zone). */
  private used: Record<string, number> = {};

  constructor(readonly kernel: Kernel) {}

  outbox(): SentMail[] {
    return this.sent.map((m) => ({ ...m }));
  }

  private today(): string {
    const w = wallTime(this.kernel.now(), this.kernel.timeZone);
    return `${w.year}-${w.month}-${w.day}`;
  }

  remaining(): number {
    return Math.max(0, this.kernel.quotas.emailRecipientsPerDay - (this.used[this.today()] ?? 0));
  }

  send(options: MessageOptions, from?: string): SentMail {
    const to = addresses(options.to);
    const cc = addresses(options.cc);
    const bcc = addresses(options.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new AppsScriptException('Failed to send email: no recipient');
    for (const a of [...all, ...(options.replyTo ? [options.replyTo] : [])]) {
      if (/[\r\n]/.test(a) || !ADDRESS.test(a)) throw new AppsScriptException(`Invalid email: ${a}`);
    }
    for (const [field, value] of [['subject', options.subject], ['name', options.name]] as const) {
      if (value !== undefined && /[\r\n]/.test(String(value))) throw new AppsScriptException(`Invalid argument: ${field}`);
    }
    if (all.length > RECIPIENTS_PER_MESSAGE) throw new AppsScriptException('Limit Exceeded: Email Recipients Per Message.');
    if (options.subject !== undefined && String(options.subject).length > SUBJECT_CHARS) throw new AppsScriptException('Argument too large: subject');
    const bodyBytes = Buffer.byteLength(String(options.body ?? ''), 'utf8') + Buffer.byteLength(String(options.htmlBody ?? ''), 'utf8');
    if (bodyBytes > BODY_BYTES) throw new AppsScriptException('Limit Exceeded: Email Body Size.');
    const attachments = (options.attachments ?? []).map(blobSize);
    const inline = Object.values(options.inlineImages ?? {}).map(blobSize);
    // Unconfirmed wording: the quotas page gives the limit (250 / message), not the message.
    if (attachments.length + inline.length > ATTACHMENTS_PER_MESSAGE) throw new AppsScriptException('Limit Exceeded: Email Attachments Per Message.');
    if ([...attachments, ...inline].reduce((n, a) => n + a.size, 0) > ATTACHMENT_BYTES) throw new AppsScriptException('Limit Exceeded: Email Total Attachments Size.');
    if (this.remaining() < all.length) throw new AppsScriptException('Service invoked too many times for one day: email.');
    this.used[this.today()] = (this.used[this.today()] ?? 0) + all.length;
    const mail: SentMail = {
      from: from ?? this.kernel.current().user,
      to,
      cc,
      bcc,
      subject: String(options.subject ?? ''),
      body: String(options.body ?? ''),
      htmlBody: options.htmlBody,
      name: options.name,
      replyTo: options.replyTo,
      attachments,
      sentAt: this.kernel.now(),
    };
    this.sent.push(mail);
    return { ...mail };
  }

  globals(): Record<string, unknown> {
    const m = this;
    class MailApp {
      getRemainingDailyQuota(): number {
        return m.remaining();
      }
      sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
        if (typeof a === 'object' && a !== null && b === undefined) {
          m.send(a as MessageOptions);
          return;
        }
        if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') throw signatureMismatch('MailApp.sendEmail', [a, b, c, d].filter((x) => x !== undefined));
        // sendEmail(to, replyTo, subject, body): https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,String)
        if (typeof d === 'string') {
          m.send({ to: a, replyTo: b, subject: c, body: d });
          return;
        }
        if (d !== undefined && (typeof d !== 'object' || d === null || Array.isArray(d))) throw signatureMismatch('MailApp.sendEmail', [a, b, c, d]);
        m.send({ ...(d as MessageOptions | undefined), to: a, subject: b, body: c });
      }
    }
    return { MailApp: expose(this.kernel, 'MailApp', 'MailApp', new MailApp()) };
  }

  save(): unknown {
    return { sent: this.sent, used: this.used };
  }

  restore(state: unknown): void {
    const s = state as { sent: SentMail[]; used: Record<string, number> };
    this.sent = s.sent;
    this.used = s.used;
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new MailModuleImpl(kernel));
}
