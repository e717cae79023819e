/**
 * What an action commits besides its row, worked out from the domain's decision: the notices turned
 * into e-mails, and each effect (domain/lifecycle/types.ts) carried out by its executor below — the
 * one place where a decision's data becomes Apps Script work. Nothing here writes yet: the commit
 * plan goes to commitChange (actions.ts), which writes it all or nothing. A refusal here (the
 * original of a duplicate unknown) stops the action before anything is written.
 */
import { CHANNELS } from '../../domain/case';
import type { CaseRecord, HistoryEvent } from '../../domain/case-record';
import { followUpKey } from '../../domain/journal';
import type { Lesson } from '../../domain/suggest/ledger';
import { linkCodes, type ActionResult, type Effect, type Notice } from '../../domain/lifecycle';
import type { Announcement } from '../../domain/lifecycle/types';
import type { Actor } from '../../domain/permissions';
import { withoutIdentity } from '../../domain/disclosure';
import { replyEmail } from '../../domain/reply';
import { replyFacts } from '../../domain/reply-facts';
import { SETTINGS_TAB } from '../../domain/vocabulary';
import { CASES, NOTICE } from '../../i18n/vi';
import { carriedLink, portalAddress } from '../access/portal-links';
import type { AuditEntry } from '../platform/audit';
import { UserError } from '../platform/errors';
import { RESIDENT_RECIPIENT, type OutgoingMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { KEY_SLOT } from '../platform/secrets';
import { webAppUrl } from '../platform/web-app';
import { fileFollowUpCase } from './follow-up';
import { readCaseAnywhere, type CaseRow } from './store';
import { readSubmitterNames } from './submitter-names';

/** What one change owes besides its row: what must exist once the case row is at `version` (carried by the row until written, cases/actions). */
export interface PendingAction {
  code: string;
  version: number;
  audit: AuditEntry[];
  mails: OutgoingMail[];
  /** A duplicate links its original too: that case gets its own version, history event and audit row. */
  link?: { code: string; add: string; by: string; at: string };
  /** What the suggestions learn from this change (domain/suggest/ledger), appended with the audit row. */
  lessons?: Lesson[];
}

/** Everything one action will commit. */
export interface CommitPlan {
  next: CaseRecord;
  /** The original of a duplicate, as read under the lock (linked in the same write batch). */
  original?: CaseRow;
  event: HistoryEvent;
  pending: PendingAction;
  /** Personal links the e-mails carry, stored with the write-ahead record in one call. */
  links: Record<string, string>;
  /** What the person is told. */
  message: string;
}

/** Where an action runs: the spreadsheet, the runtime, who acts, the case as read, the time. */
export interface ActionScope {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  rt: Runtime;
  actor: Actor;
  current: CaseRecord;
  now: Date;
}

/** The plan while effects shape it: the message's first sentence and what is added after the mail note. */
interface Draft extends Omit<CommitPlan, 'message'> {
  headline: string;
  remarks: string[];
}

type Executor<K extends Effect['kind']> = (effect: Extract<Effect, { kind: K }>, draft: Draft, scope: ActionScope) => void;

const EXECUTORS: { [K in Effect['kind']]: Executor<K> } = {
  linkOriginal: ({ of }, draft, { ss, rt, actor, now }) => {
    // (decide gave `of` its one form: the link and the note name the case as it is stored.)
    const original = readCaseAnywhere(ss, rt, of);
    if (!original) throw new UserError(CASES.duplicateUnknown(of));
    // An archived original is read-only: the duplicate names it, and it is not linked back.
    if (original.archived === undefined) {
      draft.original = original;
      draft.pending.link = { code: of, add: draft.next.code, by: actor.email, at: now.toISOString() };
    }
  },
  fileFollowUp: ({ content }, draft, { ss, rt, actor, current, now }) => {
    // The follow-up is a new case, filed through the one pipeline under a key tied to this
    // version of this case: a retry of the same action finds it instead of filing another.
    const code = current.code;
    const key = followUpKey(current.updatedAt instanceof Date ? current.updatedAt : current.receivedAt, code, draft.next.version);
    const filed = fileFollowUpCase(ss, rt, current, { content, channel: CHANNELS.inPerson, responseKey: key, by: actor.email, enteredBy: actor.email, now });
    draft.next.linkedCases = linkCodes(current.linkedCases, filed.code);
    draft.event.detail = `${draft.event.detail ?? ''} → ${filed.code}`.trim();
    draft.headline = CASES.followUpCreated(filed.code, code);
  },
  nobodyTold: ({ body }, draft) => {
    draft.remarks.push(CASES.nobodyTold(body));
  },
  assigneeNotStaff: ({ email }, draft) => {
    draft.remarks.push(CASES.assigneeNotStaff(email));
  },
  // "Đã gửi" would not be true yet: the mail is queued; the case is answered once it leaves (cases/deliveries).
  answerQueued: (_e, draft) => {
    draft.headline = CASES.answerQueued(draft.next.code);
  },
  policeUnreachable: (_e, draft) => {
    draft.remarks.push(CASES.policeUnreachable(SETTINGS_TAB.bodies.name));
  },
};

/**
 * The commit plan of a decided action: the new record, its notices as e-mails, then each effect
 * in the order the handler listed them; the message says what was saved and queued.
 */
export function planCommit(scope: ActionScope, result: ActionResult): CommitPlan {
  const next: CaseRecord = { ...scope.current, ...result.patch };
  const draft: Draft = { next, event: result.event, pending: { code: next.code, version: next.version, audit: [], mails: [] }, links: {}, headline: CASES.saved(result.event.action, next.code), remarks: [] };
  const announce = announcer(scope, next, draft.links);
  draft.pending.mails.push(...result.notices.map((n) => (n.kind === 'assignee' ? announce(n) : mailFor(scope.rt, next, n))));
  for (const effect of result.effects) (EXECUTORS[effect.kind] as Executor<Effect['kind']>)(effect, draft, scope);
  const message = [draft.headline, ...(draft.pending.mails.length ? [CASES.queuedMail] : []), ...draft.remarks].join(' ');
  return { next: draft.next, original: draft.original, event: draft.event, pending: draft.pending, links: draft.links, message };
}

/**
 * The announcements' e-mails (issue 18.1), one per person told: the summary as a body reads the
 * case — contact details and the submitter's own name hidden (domain/disclosure: "Người gửi" is
 * read once, only when something is announced) — and how they open it: their personal link (the
 * one they hold, or a new one: access/portal-links), the spreadsheet for an admin, or no link for
 * someone who can hold none (the person assigning was told).
 */
function announcer(scope: ActionScope, c: CaseRecord, links: Record<string, string>): (n: Announcement) => OutgoingMail {
  let summary: string | undefined;
  let mask: (text: string) => string = (t) => t;
  let base: string | undefined;
  return (n) => {
    if (summary === undefined) {
      mask = withoutIdentity(readSubmitterNames(scope.ss, scope.rt).get(c.code) ?? '');
      summary = contactlessSummary(c.content, mask);
    }
    const id = `CX-${c.code}-v${c.version}-${n.to}`.slice(0, 120);
    let url = '';
    if (n.access === 'member' || n.access === 'body') {
      if (base === undefined) base = webAppUrl();
      url = portalAddress(base, carriedLink(scope.rt, { email: n.to, asBody: n.access === 'body' ? n.body : undefined }, id, scope.now, links));
    } else if (n.access === 'spreadsheet') url = scope.rt.schema.spreadsheetUrl;
    return {
      id,
      kind: NOTICE.kinds.assignee,
      code: c.code,
      recipient: n.to,
      subject: NOTICE.assigneeSubject(n),
      body: NOTICE.assigneeBody({ code: c.code, body: n.body, dueOn: n.dueOn, left: n.left, bodyDueOn: n.bodyDueOn, summary, committee: scope.rt.settings.committeeName, url, access: n.access, why: n.why, reason: mask(n.reason) }),
    };
  };
}

function mailFor(rt: Runtime, c: CaseRecord, n: Exclude<Notice, Announcement>): OutgoingMail {
  switch (n.kind) {
    case 'answer':
      return {
        id: `TL-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.answer,
        code: c.code,
        recipient: RESIDENT_RECIPIENT,
        subject: NOTICE.answerSubject(c.code),
        // No name here: the outbox is read by staff; the sender puts the name in from "Người gửi".
        body: replyEmail({ ...replyFacts(rt.settings, c, ''), extra: ratingLine(c) }),
      };
    case 'police':
      return {
        id: `CA-${c.code}-v${c.version}`,
        kind: NOTICE.kinds.police,
        code: c.code,
        recipient: n.to,
        subject: NOTICE.policeSubject(c.code),
        body: NOTICE.policeBody({ code: c.code, reason: n.reason, committee: rt.settings.committeeName, url: rt.schema.spreadsheetUrl }),
      };
  }
}

/**
 * The start of the resident's words for the announcement, masked as a handling body reads them
 * (`mask`). Masked before it is cut, so no number is cut in half and missed.
 */
function contactlessSummary(content: string, mask: (text: string) => string): string {
  const masked = mask(content.slice(0, 2000));
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}

/**
 * The one-time rating link of the answer e-mail: the web app's lookup with the case's code and
 * key — the key put in when the mail is sent (the case's key then), never stored.
 */
function ratingLine(c: CaseRecord): string {
  const url = webAppUrl();
  if (!url || !c.responseKey) return '';
  return NOTICE.ratingLine(`${url}?v=lookup&code=${c.code}&key=${KEY_SLOT}`);
}
