/**
 * The mailbox behind GmailApp: one Gmail account per workspace (the workspace's user when the
 * module is installed; `ws.gmail.account()`), its labels, threads and messages.
 *
 * Modelled as the reference says, and stricter where it leaves room:
 * - A thread's id "varies based on the messages it contains"; for a consistent id use a message's
 *   (https://developers.google.com/apps-script/reference/gmail/gmail-thread#getId()). Here a
 *   thread's id is its newest message's id, so it changes with every message that arrives (a
 *   reply sent from the mailbox too), and GmailApp.getThreadById finds a thread only by its
 *   current id: code that keys anything on a thread id breaks here as it may in Gmail.
 * - Labels belong to threads (GmailThread.addLabel / GmailLabel.getThreads), never to messages.
 * - A Gmail filter that labels incoming mail is `ws.gmail.filter(label)`: a message delivered
 *   afterwards labels its whole thread, as Gmail's "Apply the label" action does.
 * - Threading: a delivered message joins the thread of the message its In-Reply-To (or
 *   References) names; otherwise it starts a new thread (Gmail also needs a matching subject, so
 *   this is what it would do for a reply that keeps the subject).
 */
import type { ServiceModule } from '../../core/modules';

export interface AttachmentRecord {
  name: string;
  contentType: string;
  /** Base64 of the bytes (snapshots stay JSON). */
  base64: string;
  /** An image shown in the body (Content-Disposition: inline), as Gmail lists it. */
  inline: boolean;
}

export interface MessageRecord {
  /** GmailMessage.getId(): 16 hex digits, stable. */
  id: string;
  /** The thread it belongs to (internal key; GmailThread.getId() is the newest message's id). */
  threadKey: number;
  /** "Name <address>" or the address. */
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  subject: string;
  date: Date;
  plainBody: string;
  htmlBody: string;
  /** RFC 822 headers by lower-case name (Message-ID, In-Reply-To, References, Auto-Submitted …). */
  headers: Record<string, string>;
  attachments: AttachmentRecord[];
  /** Sent from this account (a reply through GmailApp). */
  sent: boolean;
}

export interface ThreadRecord {
  key: number;
  labels: string[];
}

export interface GmailState {
  account: string;
  aliases: string[];
  labels: string[];
  /** Labels every delivered message applies to its thread (Gmail filters). */
  filters: string[];
  threads: ThreadRecord[];
  messages: MessageRecord[];
  nextThreadKey: number;
  nextMessage: number;
  /** GmailApp reads/writes per day (yyyy-m-d in the script's zone). */
  used: Record<string, number>;
}

/** What a resident's mail looks like when it arrives (`ws.gmail.deliver`). */
export interface IncomingMail {
  /** "Name <address>" or the address. */
  from: string;
  /** Default: the mailbox account. */
  to?: string;
  cc?: string;
  replyTo?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** Extra headers (Auto-Submitted, Precedence, List-Id, Return-Path …); Message-ID is made if absent. */
  headers?: Record<string, string>;
  attachments?: Array<{ name: string; contentType: string; base64: string; inline?: boolean }>;
  /** A Gmail message id or a Message-ID header this mail replies to: it joins that thread. */
  inReplyTo?: string;
  /** When it arrives (default: now). */
  date?: Date;
}

/** A thread as the harness sees it (ws.gmail.thread / threads). */
export interface ThreadView {
  /** GmailThread.getId() now. */
  id: string;
  labels: string[];
  messages: Array<{
    id: string;
    from: string;
    to: string;
    subject: string;
    date: Date;
    body: string;
    sent: boolean;
    messageIdHeader: string;
    inReplyTo: string;
    attachments: Array<{ name: string; contentType: string; size: number; inline: boolean }>;
  }>;
}

export interface GmailModule extends ServiceModule {
  readonly name: 'gmail';
  account(): string;
  setAccount(email: string): void;
  setAliases(aliases: string[]): void;
  filter(label: string): void;
  /** A mail arrives in the mailbox. */
  deliver(mail: IncomingMail): { messageId: string; threadId: string };
  threads(): ThreadView[];
  /** The thread holding this message (by Gmail id or Message-ID header). */
  thread(messageId: string): ThreadView | null;
}

/** The address in "Name <address>" (or the whole text), lower case. */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1] : from).trim().toLowerCase();
}
