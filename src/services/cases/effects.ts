/**
 * What an action commits besides its row, worked out from the domain's decision: the notices turned
 * into e-mails, and each effect (domain/lifecycle/types.ts) carried out by its executor below — the
 * one place where a decision's data becomes Apps Script work. Nothing here writes yet: the commit
 * plan goes to commitChange (actions.ts), which writes it all or nothing. A refusal here (the
 * original of a duplicate unknown) stops the action before anything is written.
 */
import { CHANNELS } from '../../domain/case';
import type { CaseRecord, HistoryEvent } from '../../domain/case-record';
import { prepareCase } from '../../domain/intake';
import { followUpKey } from '../../domain/journal';
import { linkCodes, type ActionResult, type Effect, type Notice } from '../../domain/lifecycle';
import { worksOnBodyByLink, type Actor } from '../../domain/permissions';
import { replyEmail } from '../../domain/reply';
import { replyFacts } from '../../domain/reply-facts';
import { roleOf } from '../../domain/settings';
import { SETTINGS_TAB } from '../../domain/vocabulary';
import { maskContactDetails } from '../../domain/text/scrub';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { CASES, NOTICE } from '../../i18n/vi';
import { activeLinks, linkMail, linkUrl, newPortalLink } from '../access/portal-links';
import type { AuditEntry } from '../platform/audit';
import { UserError } from '../platform/errors';
import { RESIDENT_RECIPIENT, type OutgoingMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { KEY_SLOT } from '../platform/secrets';
import { webAppUrl } from '../platform/web-app';
import { fileOne } from './filing';
import { readCase } from './store';

/** The write-ahead record of one action: what must exist once the case row is at `version`. */
export interface PendingAction {
  code: string;
  version: number;
  audit: AuditEntry[];
  mails: OutgoingMail[];
  /** A duplicate links its original too: that case gets its own version, history event and audit row. */
  link?: { code: string; add: string; by: string; at: string };
}

/** Everything one action will commit. */
export interface CommitPlan {
  next: CaseRecord;
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
    if (!readCase(ss, rt, of)) throw new UserError(CASES.duplicateUnknown(of));
    draft.pending.link = { code: of, add: draft.next.code, by: actor.email, at: now.toISOString() };
  },
  fileFollowUp: ({ content }, draft, { ss, rt, actor, current, now }) => {
    // The follow-up is a new case, filed through the one pipeline under a key tied to this
    // version of this case: a retry of the same action finds it instead of filing another.
    const code = current.code;
    rt.store.refresh();
    const key = followUpKey(current.updatedAt instanceof Date ? current.updatedAt : current.receivedAt, code, draft.next.version);
    const ctx = { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now };
    const filed = fileOne(ss, rt, {
      responseKey: key,
      by: actor.email,
      prepare: (newCode) => {
        const prepared = prepareCase(
          { channel: CHANNELS.inPerson, receivedAt: now, group: current.group, topic: current.category, content, location: current.location, name: '', phone: '', email: '', confidential: current.confidential, responseKey: key, enteredBy: actor.email },
          newCode,
          ctx,
        );
        prepared.fields.linkedCases = code;
        return { ...prepared, acknowledge: false };
      },
    }, vietnamYear(now), now);
    draft.next.linkedCases = linkCodes(current.linkedCases, filed.code);
    draft.event.detail = `${draft.event.detail ?? ''} → ${filed.code}`.trim();
    draft.headline = CASES.followUpCreated(filed.code, code);
  },
  linkBodyMembers: ({ body, assignee }, draft, { rt, now }) => {
    draft.pending.mails.push(...bodyLinkMails(rt, draft.next.code, draft.next.version, body, assignee, now, draft.links));
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
  draft.pending.mails.push(...result.notices.map((n) => mailFor(scope.rt, next, n, draft.links)));
  for (const effect of result.effects) (EXECUTORS[effect.kind] as Executor<Effect['kind']>)(effect, draft, scope);
  const message = [draft.headline, ...(draft.pending.mails.length ? [CASES.queuedMail] : []), ...draft.remarks].join(' ');
  return { next: draft.next, event: draft.event, pending: draft.pending, links: draft.links, message };
}

/** May this staff member work on a case of `body` through a personal link (a handling body's member)? */
function worksThroughLink(rt: Runtime, email: string, body: string): boolean {
  const member = roleOf(rt.settings, email);
  return member !== null && worksOnBodyByLink(member, body);
}

function mailFor(rt: Runtime, c: CaseRecord, n: Notice, links: Record<string, string>): OutgoingMail {
  switch (n.kind) {
    case 'assignee': {
      // A member of the body in "Cán bộ" works through a personal link, not the spreadsheet.
      const id = `CX-${c.code}-v${c.version}`;
      let url = rt.schema.spreadsheetUrl;
      if (worksThroughLink(rt, n.to, n.body)) {
        Object.assign(links, newPortalLink(rt, n.to, new Date(), id).property);
        url = linkUrl();
      }
      return {
        id,
        kind: NOTICE.kinds.assignee,
        code: c.code,
        recipient: n.to,
        subject: NOTICE.assigneeSubject(c.code),
        body: NOTICE.assigneeBody({ code: c.code, body: n.body, dueOn: n.dueOn, summary: contactlessSummary(c.content), committee: rt.settings.committeeName, url }),
      };
    }
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
 * The start of the resident's words for the assignment e-mail, with their contact details masked
 * (a handling body reads it). Masked before it is cut, so no number is cut in half and missed.
 */
function contactlessSummary(content: string): string {
  const masked = maskContactDetails(content.slice(0, 2000));
  return masked.length > 300 ? masked.slice(0, 300) : masked;
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

/**
 * When a case goes to a body, each of its members in "Cán bộ" without a valid personal link gets
 * one (the assignee has it in the assignment e-mail): the body's people work through the portal.
 */
function bodyLinkMails(rt: Runtime, code: string, version: number, body: string, assignee: string, now: Date, links: Record<string, string>): OutgoingMail[] {
  const linked = new Set(activeLinks(rt.store, now).map((l) => l.email));
  // The web app's address is one ScriptApp call: made once for all the body's members.
  let url: string | undefined;
  return rt.settings.staff
    .filter((m) => worksThroughLink(rt, m.email, body) && m.email !== assignee && !linked.has(m.email))
    .map((m) => {
      const id = `LK-${code}-v${version}-${m.email}`;
      const { link, property } = newPortalLink(rt, m.email, now, id);
      Object.assign(links, property);
      url = url ?? linkUrl();
      return linkMail(rt, id, code, link, url);
    });
}
