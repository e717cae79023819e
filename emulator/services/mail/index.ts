/**
 * MailApp: https://developers.google.com/apps-script/reference/mail/mail-app
 * The daily quota counts recipients (to + cc + bcc): 100 a day for consumer accounts, 1,500 for
 * Workspace (https://developers.google.com/apps-script/guides/services/quotas). Google resets
 * quotas 24 hours after they start being used; the emulator resets at midnight of the script's
 * time zone, which never allows more than Google does within any calendar day.
 * Stricter than Gmail: a CR or LF in a subject, a sender name or an address is refused, so a
 * header can never be injected through the emulator.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { unwrap, expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { MailModule, SentMail } from '../../core/modules';
import { wallTime } from '../spreadsheet/zoned';

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

interface MessageOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

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

  send(options: MessageOptions): void {
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
    if (this.remaining() < all.length) throw new AppsScriptException('Service invoked too many times for one day: email.');
    this.used[this.today()] = (this.used[this.today()] ?? 0) + all.length;
    this.sent.push({
      from: this.kernel.current().user,
      to,
      cc,
      bcc,
      subject: String(options.subject ?? ''),
      body: String(options.body ?? ''),
      htmlBody: options.htmlBody,
      name: options.name,
      replyTo: options.replyTo,
      attachments: (options.attachments ?? []).map((a) => {
        const blob = unwrap(a) as { getName(): string | null; getContentType(): string | null; getBytes(): number[] };
        return { name: blob.getName() ?? '', contentType: blob.getContentType() ?? '', size: blob.getBytes().length };
      }),
      sentAt: this.kernel.now(),
    });
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
