/**
 * What the relay remembers between runs, in its script properties, written in one
 * setProperties call at each step so a run that stops anywhere leaves a state the next run
 * completes: the messages handed (or skipped), the SentReports the ward has not yet received,
 * the replies already sent, and the reply being sent right now.
 */
import { chunkIds, remember, unchunkIds } from '../domain/mailbox-relay';
import type { SentReport } from '../domain/mailbox-protocol';
import { STATE } from './settings';

export interface Sending {
  id: string;
  messageId: string;
  /** Date.now() just before the reply was sent. */
  at: number;
}

export interface RelayState {
  handed: string[];
  reports: SentReport[];
  sentReplies: string[];
  sending: Sending | null;
}

function parse<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function readState(props: Record<string, string>): RelayState {
  return {
    handed: unchunkIds(props, STATE.handedPrefix, STATE.handedSlots),
    reports: parse<SentReport[]>(props[STATE.reports], []),
    sentReplies: (props[STATE.sentReplies] ?? '').split(' ').filter(Boolean),
    sending: parse<Sending | null>(props[STATE.sending], null),
  };
}

/** The whole state as property values (every key, so older values are overwritten). */
export function stateProps(state: RelayState): Record<string, string> {
  return {
    ...chunkIds(remember([], state.handed, STATE.handedMax), STATE.handedPrefix, STATE.handedChunkChars, STATE.handedSlots),
    [STATE.reports]: JSON.stringify(state.reports),
    [STATE.sentReplies]: remember([], state.sentReplies, STATE.sentRepliesMax).join(' '),
    [STATE.sending]: state.sending ? JSON.stringify(state.sending) : '',
  };
}

export function saveState(props: GoogleAppsScript.Properties.Properties, state: RelayState): void {
  props.setProperties(stateProps(state));
}

export function handed(state: RelayState, ids: readonly string[]): void {
  state.handed = remember(state.handed, ids, STATE.handedMax);
}

/** Reports kept for the ward at most (a report the ward never gets makes it ask again, and the reply is reported, not resent). */
const MAX_REPORTS = 60;

export function report(state: RelayState, r: SentReport): void {
  const kept = r.error ? { ...r, error: r.error.slice(0, 120) } : r;
  state.reports = [...state.reports.filter((x) => x.id !== r.id), kept].slice(-MAX_REPORTS);
  if (r.ok) state.sentReplies = remember(state.sentReplies, [r.id], STATE.sentRepliesMax);
}
