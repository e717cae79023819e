/**
 * The mailbox project's settings, kept in its script properties (Project Settings → Script
 * Properties in the Apps Script editor; README "The official mailbox"), and the names of the
 * properties where the relay keeps its own state.
 */
import { MAILBOX_LABEL_DEFAULT } from './messages';

export const PROPERTY = {
  /** The ward's web app URL (…/exec), as the add-on's "Kết nối hộp thư chính thức" shows it. */
  wardUrl: 'MAILBOX_WARD_URL',
  /** The shared secret, shown once by the add-on; both projects sign with it. */
  secret: 'MAILBOX_SECRET',
  /** The Gmail label whose threads are handed over (default "Hòm thư số"). */
  label: 'MAILBOX_LABEL',
  /** Optional: the alias replies are sent from (one of GmailApp.getAliases()). */
  fromAlias: 'MAILBOX_FROM',
  /** Optional: the sender name replies carry. */
  replyName: 'MAILBOX_REPLY_NAME',
} as const;

/** The relay's own state (never edited by hand). */
export const STATE = {
  handedPrefix: 'RELAY_HANDED_',
  handedSlots: 6,
  handedChunkChars: 8000,
  /** Ids remembered: 6 × 8000 characters hold about 2,800 Gmail ids of 16 digits. */
  handedMax: 2500,
  /** SentReports not yet acknowledged by the ward (JSON). */
  reports: 'RELAY_REPORTS',
  /** Ids of replies already sent, so one the ward asks for again is reported, not sent twice. */
  sentReplies: 'RELAY_SENT_REPLIES',
  sentRepliesMax: 300,
  /** A reply being sent right now (JSON {id, messageId, at}); '' when none. */
  sending: 'RELAY_SENDING',
} as const;

export interface RelaySettings {
  wardUrl: string;
  secret: string;
  label: string;
  fromAlias: string;
  replyName: string;
}

/** The settings, or the list of properties still missing. */
export function readSettings(props: Record<string, string>): { ok: true; settings: RelaySettings } | { ok: false; missing: string[] } {
  const missing = [PROPERTY.wardUrl, PROPERTY.secret].filter((k) => !(props[k] ?? '').trim());
  if (missing.length) return { ok: false, missing };
  return {
    ok: true,
    settings: {
      wardUrl: props[PROPERTY.wardUrl].trim(),
      secret: props[PROPERTY.secret].trim(),
      label: (props[PROPERTY.label] ?? '').trim() || MAILBOX_LABEL_DEFAULT,
      fromAlias: (props[PROPERTY.fromAlias] ?? '').trim(),
      replyName: (props[PROPERTY.replyName] ?? '').trim(),
    },
  };
}
