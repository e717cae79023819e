/**
 * GmailApp: https://developers.google.com/apps-script/reference/gmail/gmail-app — labels, threads,
 * messages, attachments and replies of one account (model.ts says what is modelled and how).
 * - Every method needs https://mail.google.com/ (each method's Authorization section; core/scopes.ts).
 * - Quotas (https://developers.google.com/apps-script/guides/services/quotas): "Gmail read/write
 *   (excluding send)" 20,000 a day (consumer) — each request below counts one; replies count their
 *   recipients against "Email recipients per day", shared with MailApp (the mail module).
 * - GmailThread.reply answers "the sender of the last message on this thread" (gmail-thread#reply):
 *   when that is the mailbox's own earlier reply, the mail goes back to the mailbox itself — as in
 *   Gmail. GmailMessage.reply answers that message's sender.
 * - `from` must be one of GmailApp.getAliases() ("the address that the email should be sent from,
 *   which must be one of the values returned by GmailApp.getAliases()"); the refusal's wording is
 *   not published: "Invalid argument: from" is assumed.
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../core/errors';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { wallTime } from '../spreadsheet/zoned';
import { GmailMessage } from './message';
import { addressOf, type GmailModule, type GmailState, type IncomingMail, type MessageRecord, type ThreadRecord, type ThreadView } from './model';

const REPLY_OPTIONS = new Set(['from', 'name', 'replyTo', 'htmlBody', 'cc', 'bcc', 'attachments', 'inlineImages', 'noReply']);
/** GmailLabel.getThreads / GmailApp.search: "max … cannot exceed 500" is not modelled past 500. */
const MAX_PAGE = 500;

class GmailLabel {
  constructor(
    readonly _m: GmailModuleImpl,
    readonly _name: string,
  ) {}
  getName(): string {
    return this._name;
  }
  /** Threads carrying the label, newest activity first (as Gmail lists them). */
  getThreads(start?: number, max?: number): unknown[] {
    this._m.use();
    if ((start === undefined) !== (max === undefined)) throw signatureMismatch('GmailApp.GmailLabel.getThreads', [start, max].filter((x) => x !== undefined));
    const s = start ?? 0;
    const n = max ?? MAX_PAGE;
    if (!Number.isInteger(s) || !Number.isInteger(n) || s < 0 || n < 0) throw signatureMismatch('GmailApp.GmailLabel.getThreads', [start, max]);
    if (n > MAX_PAGE) throw new NotImplementedInEmulator('GmailLabel.getThreads with max over 500');
    return this._m
      .threadsNewestFirst()
      .filter((t) => t.labels.includes(this._name))
      .slice(s, s + n)
      .map((t) => this._m.threadFacade(t.key));
  }
  addToThread(thread: unknown): unknown {
    this._m.use();
    this._m.label(this._m.threadOf(thread, 'GmailApp.GmailLabel.addToThread'), this._name, true);
    return expose(this._m.kernel, 'GmailApp', 'GmailLabel', this);
  }
  removeFromThread(thread: unknown): unknown {
    this._m.use();
    this._m.label(this._m.threadOf(thread, 'GmailApp.GmailLabel.removeFromThread'), this._name, false);
    return expose(this._m.kernel, 'GmailApp', 'GmailLabel', this);
  }
}

class GmailThread {
  constructor(
    readonly _m: GmailModuleImpl,
    readonly _key: number,
  ) {}
  private _messages(): MessageRecord[] {
    const list = this._m.messagesOf(this._key);
    if (list.length === 0) throw new AppsScriptException('Invalid argument: thread');
    return list;
  }
  getId(): string {
    const list = this._messages();
    return list[list.length - 1].id;
  }
  getMessages(): unknown[] {
    this._m.use();
    return this._messages().map((r) => expose(this._m.kernel, 'GmailApp', 'GmailMessage', new GmailMessage(this._m, r)));
  }
  getMessageCount(): number {
    return this._messages().length;
  }
  getFirstMessageSubject(): string {
    return this._messages()[0].subject;
  }
  getLastMessageDate(): Date {
    const list = this._messages();
    return new Date(list[list.length - 1].date.getTime());
  }
  getLabels(): unknown[] {
    return this._m.threadRecord(this._key).labels.map((n) => expose(this._m.kernel, 'GmailApp', 'GmailLabel', new GmailLabel(this._m, n)));
  }
  addLabel(label: unknown): unknown {
    this._m.use();
    this._m.label(this._key, this._m.labelName(label, 'GmailApp.GmailThread.addLabel'), true);
    return this._m.threadFacade(this._key);
  }
  removeLabel(label: unknown): unknown {
    this._m.use();
    this._m.label(this._key, this._m.labelName(label, 'GmailApp.GmailThread.removeLabel'), false);
    return this._m.threadFacade(this._key);
  }
  reply(body: string, options?: Record<string, unknown>): unknown {
    const list = this._messages();
    this._m.reply(list[list.length - 1], body, options, 'GmailApp.GmailThread.reply');
    return this._m.threadFacade(this._key);
  }
}

export class GmailModuleImpl implements GmailModule {
  readonly name = 'gmail' as const;
  private s: GmailState;

  constructor(readonly kernel: Kernel) {
    this.s = { account: kernel.user, aliases: [], labels: [], filters: [], threads: [], messages: [], nextThreadKey: 1, nextMessage: 1, used: {} };
  }

  // ---- harness ---------------------------------------------------------------------------
  account(): string {
    return this.s.account;
  }
  setAccount(email: string): void {
    this.s.account = email;
  }
  setAliases(aliases: string[]): void {
    this.s.aliases = [...aliases];
  }
  filter(label: string): void {
    if (!this.s.labels.includes(label)) this.s.labels.push(label);
    if (!this.s.filters.includes(label)) this.s.filters.push(label);
  }

  deliver(mail: IncomingMail): { messageId: string; threadId: string } {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(mail.headers ?? {})) headers[k.toLowerCase()] = String(v);
    const parent = mail.inReplyTo ? this.find(mail.inReplyTo) : null;
    if (mail.inReplyTo && !parent) throw new Error(`emulator: no message ${mail.inReplyTo} to reply to`);
    if (parent) {
      headers['in-reply-to'] ??= parent.headers['message-id'];
      headers.references ??= [parent.headers.references, parent.headers['message-id']].filter(Boolean).join(' ');
    }
    const thread = parent ? this.threadRecord(parent.threadKey) : this.newThread();
    for (const label of this.s.filters) if (!thread.labels.includes(label)) thread.labels.push(label);
    const record = this.add(thread, {
      from: mail.from,
      to: mail.to ?? this.s.account,
      cc: mail.cc ?? '',
      replyTo: mail.replyTo ?? '',
      subject: mail.subject,
      date: mail.date ?? this.kernel.now(),
      plainBody: mail.body,
      htmlBody: mail.htmlBody ?? mail.body.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/\n/g, '<br>'),
      headers,
      attachments: (mail.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, base64: a.base64, inline: a.inline ?? false })),
      sent: false,
    });
    return { messageId: record.id, threadId: record.id };
  }

  threads(): ThreadView[] {
    return this.threadsNewestFirst().map((t) => this.view(t));
  }

  thread(messageId: string): ThreadView | null {
    const m = this.find(messageId);
    return m ? this.view(this.threadRecord(m.threadKey)) : null;
  }

  private view(t: ThreadRecord): ThreadView {
    const list = this.messagesOf(t.key);
    return {
      id: list[list.length - 1].id,
      labels: [...t.labels],
      messages: list.map((m) => ({
        id: m.id,
        from: m.from,
        to: m.to,
        subject: m.subject,
        date: new Date(m.date.getTime()),
        body: m.plainBody,
        sent: m.sent,
        messageIdHeader: m.headers['message-id'] ?? '',
        inReplyTo: m.headers['in-reply-to'] ?? '',
        attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: Buffer.from(a.base64, 'base64').length, inline: a.inline })),
      })),
    };
  }

  // ---- records ---------------------------------------------------------------------------
  private find(id: string): MessageRecord | null {
    return this.s.messages.find((m) => m.id === id || m.headers['message-id'] === id) ?? null;
  }

  private newThread(): ThreadRecord {
    const t: ThreadRecord = { key: this.s.nextThreadKey++, labels: [] };
    this.s.threads.push(t);
    return t;
  }

  private add(thread: ThreadRecord, fields: Omit<MessageRecord, 'id' | 'threadKey'>): MessageRecord {
    const n = this.s.nextMessage++;
    // 16 hex digits, increasing, like Gmail's ids (e.g. 18f3a9c2b1d4e5f6).
    const id = (0x18f0000000000000n + BigInt(n) * 0x1f3a7n).toString(16);
    const headers = { ...fields.headers };
    headers['message-id'] ??= `<${id}.${n}@mail.example>`;
    const record: MessageRecord = { ...fields, headers, id, threadKey: thread.key, date: new Date(Math.max(fields.date.getTime(), this.lastDate())) };
    this.s.messages.push(record);
    return record;
  }

  private lastDate(): number {
    return this.s.messages.reduce((t, m) => Math.max(t, m.date.getTime()), 0);
  }

  threadRecord(key: number): ThreadRecord {
    const t = this.s.threads.find((x) => x.key === key);
    if (!t) throw new Error(`emulator: no thread ${key}`);
    return t;
  }

  messagesOf(key: number): MessageRecord[] {
    return this.s.messages.filter((m) => m.threadKey === key);
  }

  threadsNewestFirst(): ThreadRecord[] {
    const last = (t: ThreadRecord) => Math.max(...this.messagesOf(t.key).map((m) => m.date.getTime()), 0);
    return [...this.s.threads].filter((t) => this.messagesOf(t.key).length > 0).sort((a, b) => last(b) - last(a) || b.key - a.key);
  }

  threadFacade(key: number): unknown {
    return expose(this.kernel, 'GmailApp', 'GmailThread', new GmailThread(this, key));
  }

  threadOf(thread: unknown, method: string): number {
    const raw = unwrap(thread);
    if (!(raw instanceof GmailThread)) throw signatureMismatch(method, [thread]);
    return raw._key;
  }

  labelName(label: unknown, method: string): string {
    const raw = unwrap(label);
    if (!(raw instanceof GmailLabel)) throw signatureMismatch(method, [label]);
    if (!this.s.labels.includes(raw._name)) throw new AppsScriptException('Invalid argument: label');
    return raw._name;
  }

  label(key: number, name: string, on: boolean): void {
    const t = this.threadRecord(key);
    t.labels = t.labels.filter((l) => l !== name);
    if (on) t.labels.push(name);
  }

  /** One Gmail read or write against the daily quota. */
  use(): void {
    const w = wallTime(this.kernel.now(), this.kernel.timeZone);
    const day = `${w.year}-${w.month}-${w.day}`;
    if ((this.s.used[day] ?? 0) >= this.kernel.quotas.gmailReadWritePerDay) throw new AppsScriptException('Service invoked too many times for one day: gmail.');
    this.s.used[day] = (this.s.used[day] ?? 0) + 1;
  }

  reply(to: MessageRecord, body: unknown, options: Record<string, unknown> | undefined, method: string): void {
    if (typeof body !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) throw signatureMismatch(method, [body, options].filter((x) => x !== undefined));
    const o = options ?? {};
    for (const key of Object.keys(o)) if (!REPLY_OPTIONS.has(key)) throw new AppsScriptException(`Invalid argument: ${key}`);
    const from = o.from === undefined ? this.s.account : String(o.from);
    if (o.from !== undefined && !this.s.aliases.some((a) => a.toLowerCase() === from.toLowerCase())) throw new AppsScriptException('Invalid argument: from');
    const recipient = addressOf(to.replyTo || to.from);
    const subject = /^re:/i.test(to.subject) ? to.subject : `Re: ${to.subject}`;
    this.use();
    this.kernel.module('mail').send(
      { to: recipient, cc: o.cc as string | undefined, bcc: o.bcc as string | undefined, subject, body, htmlBody: o.htmlBody as string | undefined, name: o.name as string | undefined, replyTo: o.replyTo as string | undefined, attachments: o.attachments as unknown[] | undefined },
      from,
    );
    const name = typeof o.name === 'string' ? o.name : '';
    this.add(this.threadRecord(to.threadKey), {
      from: name ? `${name} <${from}>` : from,
      to: recipient,
      cc: String(o.cc ?? ''),
      replyTo: String(o.replyTo ?? ''),
      subject,
      date: this.kernel.now(),
      plainBody: body,
      htmlBody: String(o.htmlBody ?? body),
      headers: { 'in-reply-to': to.headers['message-id'], references: [to.headers.references, to.headers['message-id']].filter(Boolean).join(' ') },
      attachments: [],
      sent: true,
    });
  }

  globals(): Record<string, unknown> {
    const m = this;
    const k = this.kernel;
    const labelFacade = (name: string) => expose(k, 'GmailApp', 'GmailLabel', new GmailLabel(m, name));
    class GmailApp {
      getAliases(): string[] {
        return [...m.s.aliases];
      }
      getUserLabelByName(name: string): unknown {
        if (typeof name !== 'string') throw signatureMismatch('GmailApp.getUserLabelByName', [name]);
        m.use();
        return m.s.labels.includes(name) ? labelFacade(name) : null;
      }
      getUserLabels(): unknown[] {
        m.use();
        return m.s.labels.map(labelFacade);
      }
      createLabel(name: string): unknown {
        if (typeof name !== 'string' || name.trim() === '') throw signatureMismatch('GmailApp.createLabel', [name]);
        m.use();
        if (!m.s.labels.includes(name)) m.s.labels.push(name);
        return labelFacade(name);
      }
      getThreadById(id: string): unknown {
        m.use();
        const t = m.s.threads.find((x) => {
          const list = m.messagesOf(x.key);
          return list.length > 0 && list[list.length - 1].id === id;
        });
        return t ? m.threadFacade(t.key) : null;
      }
      getMessageById(id: string): unknown {
        m.use();
        const r = m.s.messages.find((x) => x.id === id);
        return r ? expose(k, 'GmailApp', 'GmailMessage', new GmailMessage(m, r)) : null;
      }
    }
    return { GmailApp: expose(k, 'GmailApp', 'GmailApp', new GmailApp()) };
  }

  save(): unknown {
    return this.s;
  }

  restore(state: unknown): void {
    this.s = state as GmailState;
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new GmailModuleImpl(kernel));
}
