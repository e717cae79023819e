/**
 * relayMail: run by a 10-minute time trigger under the official mailbox's account. Each run,
 * under the script lock (a run still going makes the next one skip):
 * 1. settles a reply whose sending was interrupted (was it sent? the thread tells);
 * 2. polls the ward: the new messages under the label (not handed before, not the mailbox's own,
 *    not automated), at most MAX_MESSAGES a poll, plus the SentReports still owed;
 * 3. on the ward's answer, remembers the handed messages and the delivered reports (one
 *    setProperties), moves fully handed threads to the "done" label, and sends each reply in its
 *    message's thread, reporting it in the next poll;
 * 4. polls again while there is more to hand or report, and stops starting anything new near
 *    5 minutes (6 is the limit), leaving the rest to the next run.
 * Nothing is lost: a failure anywhere leaves unhanded messages unremembered and unsent replies
 * unreported, so the next run hands and the ward asks again; nothing is doubled: the ward keys
 * cases on the message id, and a reply is sent only if its id was never sent (the interrupted one
 * is looked for in its thread first).
 */
import { addressIn, automatedReason } from '../domain/mailbox-relay';
import type { MailboxMessage, MailboxReply } from '../domain/mailbox-protocol';
import { doneLabel, MAILBOX_TEXT } from './messages';
import { readSettings, type RelaySettings } from './settings';
import { handed, readState, report, saveState, type RelayState } from './state';
import { post, toWire, WardRefusal } from './wire';

/** Stop starting polls or replies after this long (the execution limit is 6 minutes). */
export const RUN_BUDGET_MS = 4.5 * 60_000;
export const MAX_MESSAGES = 10;
/** Characters of photos (base64) one poll carries at most. */
export const MAX_POLL_PHOTO_CHARS = 8 * 1024 * 1024;
export const THREADS_PER_PAGE = 30;
/** Polls in one run at most (each answer may bring replies, each reply a report to deliver). */
export const MAX_POLLS = 8;

export interface RelayResult {
  /** busy: another run holds the lock; wardBusy: the ward asked to be asked again later. */
  status: 'done' | 'busy' | 'wardBusy' | 'unconfigured' | 'timeUp';
  polls: number;
  handed: number;
  skipped: number;
  replied: number;
  failedReplies: number;
}

interface Batch {
  messages: MailboxMessage[];
  /** Ids remembered without handing: the mailbox's own and automated mail. */
  skipped: string[];
  /** Labelled threads seen, with the message count read, to relabel once fully handed. */
  threads: Array<{ thread: GoogleAppsScript.Gmail.GmailThread; ids: string[] }>;
  more: boolean;
}

function collect(label: GoogleAppsScript.Gmail.GmailLabel, state: RelayState, own: string[], deferred: ReadonlySet<string>): Batch {
  const seen = new Set([...state.handed, ...deferred]);
  const batch: Batch = { messages: [], skipped: [], threads: [], more: false };
  let photoChars = 0;
  for (const thread of label.getThreads(0, THREADS_PER_PAGE)) {
    const messages = thread.getMessages();
    batch.threads.push({ thread, ids: messages.map((m) => m.getId()) });
    const threadId = thread.getId();
    for (const m of messages) {
      const id = m.getId();
      if (seen.has(id)) continue;
      if (batch.messages.length >= MAX_MESSAGES || photoChars >= MAX_POLL_PHOTO_CHARS) {
        batch.more = true;
        return batch;
      }
      const from = m.getFrom();
      if (own.includes(addressIn(from)) || automatedReason(from, (name) => m.getHeader(name)) !== null) {
        batch.skipped.push(id);
        continue;
      }
      const wire = toWire(m, threadId);
      photoChars += wire.attachments.reduce((n, a) => n + a.base64.length, 0);
      batch.messages.push(wire);
    }
  }
  return batch;
}

/** Threads whose every message is now handed leave the label for the "done" one (unless mail arrived since). */
function relabel(batch: Batch, state: RelayState, label: GoogleAppsScript.Gmail.GmailLabel, done: GoogleAppsScript.Gmail.GmailLabel): void {
  const known = new Set(state.handed);
  for (const { thread, ids } of batch.threads) {
    if (!ids.every((id) => known.has(id)) || thread.getMessageCount() !== ids.length) continue;
    thread.removeLabel(label);
    thread.addLabel(done);
  }
}

/** A reply whose run stopped between "sending" and "sent": sent if the thread has the mailbox's mail since then. */
function settleInterrupted(state: RelayState, own: string[], props: GoogleAppsScript.Properties.Properties): void {
  const s = state.sending;
  if (!s) return;
  const message = GmailApp.getMessageById(s.messageId);
  const sent =
    message !== null &&
    message
      .getThread()
      .getMessages()
      .some((m) => m.getDate().getTime() >= s.at - 1000 && own.includes(addressIn(m.getFrom())));
  if (sent) report(state, { id: s.id, ok: true });
  state.sending = null;
  saveState(props, state);
}

function sendReply(reply: MailboxReply, settings: RelaySettings, state: RelayState, props: GoogleAppsScript.Properties.Properties): boolean {
  if (state.sentReplies.includes(reply.id)) {
    report(state, { id: reply.id, ok: true });
    saveState(props, state);
    return true;
  }
  const message = GmailApp.getMessageById(reply.messageId);
  if (!message) {
    report(state, { id: reply.id, ok: false, error: 'message not found' });
    saveState(props, state);
    return false;
  }
  state.sending = { id: reply.id, messageId: reply.messageId, at: Date.now() };
  saveState(props, state);
  let ok = true;
  try {
    const options: { from?: string; name?: string } = {};
    if (settings.fromAlias) options.from = settings.fromAlias;
    if (settings.replyName) options.name = settings.replyName;
    message.reply(reply.body, options);
    report(state, { id: reply.id, ok: true });
  } catch (e) {
    ok = false;
    report(state, { id: reply.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
  state.sending = null;
  saveState(props, state);
  return ok;
}

export function relayMail(): RelayResult {
  const result: RelayResult = { status: 'done', polls: 0, handed: 0, skipped: 0, replied: 0, failedReplies: 0 };
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(1000)) {
    console.log(MAILBOX_TEXT.busy);
    return { ...result, status: 'busy' };
  }
  try {
    const props = PropertiesService.getScriptProperties();
    const all = props.getProperties();
    const read = readSettings(all);
    if (!read.ok) {
      console.error(MAILBOX_TEXT.missingSettings(read.missing));
      return { ...result, status: 'unconfigured' };
    }
    const settings = read.settings;
    const state = readState(all);
    const own = [Session.getEffectiveUser().getEmail(), ...GmailApp.getAliases()].map((a) => a.toLowerCase());
    settleInterrupted(state, own, props);
    const label = GmailApp.getUserLabelByName(settings.label) ?? GmailApp.createLabel(settings.label);
    const done = GmailApp.getUserLabelByName(doneLabel(settings.label)) ?? GmailApp.createLabel(doneLabel(settings.label));
    // A reply that failed in this run is not tried again in it, even if the ward asks again at once.
    const tried = new Set<string>();
    // Messages the ward could not take in this run wait for the next one, holding up nothing.
    const deferred = new Set<string>();
    for (;;) {
      if (Date.now() - started > RUN_BUDGET_MS || result.polls >= MAX_POLLS) return { ...result, status: 'timeUp' };
      const batch = collect(label, state, own, deferred);
      const owed = state.reports;
      let answer: ReturnType<typeof post>;
      try {
        answer = post(settings.wardUrl, { messages: batch.messages, sent: owed }, settings.secret);
      } catch (e) {
        // A passing refusal ends the run without failing it (the next run asks again); any other
        // failure is the run's, so its owner sees it in the executions and Google's failure mail.
        if (e instanceof WardRefusal && e.passing) {
          console.log(e.message);
          return { ...result, status: 'wardBusy' };
        }
        throw e;
      }
      result.polls += 1;
      // The ward has them: remember, before anything else can fail — all but those it could not
      // file ("failed", or missing from its answer), which the next run hands again.
      const taken = new Set(answer.filed.filter((f) => f.verdict !== 'failed').map((f) => f.messageId));
      const kept = batch.messages.filter((m) => taken.has(m.messageId));
      handed(state, [...kept.map((m) => m.messageId), ...batch.skipped]);
      state.reports = state.reports.filter((r) => !owed.includes(r));
      if (kept.length + batch.skipped.length + owed.length > 0) saveState(props, state);
      result.handed += kept.length;
      result.skipped += batch.skipped.length;
      relabel(batch, state, label, done);
      const fresh = answer.replies.filter((r) => !tried.has(r.id));
      for (const reply of fresh) {
        if (Date.now() - started > RUN_BUDGET_MS) return { ...result, status: 'timeUp' };
        tried.add(reply.id);
        if (sendReply(reply, settings, state, props)) result.replied += 1;
        else result.failedReplies += 1;
      }
      for (const m of batch.messages) if (!taken.has(m.messageId)) deferred.add(m.messageId);
      if (!batch.more && fresh.length === 0 && state.reports.length === 0) return result;
    }
  } finally {
    lock.releaseLock();
  }
}
