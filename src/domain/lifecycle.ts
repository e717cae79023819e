/**
 * The one state machine of a case: which actions are legal in which status, for which role, and
 * what each changes. An illegal action gets a clear Vietnamese message and changes nothing.
 * The ward's own clock (7 / 20 working days from receipt) never pauses; the handling body's
 * committed date is tracked beside it.
 * `decide` is the dispatcher: it checks the action is known, the actor may do it (the permissions
 * table) and the status allows it, then asks the action's handler (lifecycle/handlers.ts) and
 * turns its decision into the patch, the history event, the notices and the effects to commit.
 */
import { ANSWER_METHOD, STATUS, statusKeyOf, type AnswerMethodKey, type StatusKey } from './case';
import type { CaseRecord, HistoryEvent } from './case-record';
import { can, canSee, type ActionKey, type Actor } from './permissions';
import { ACTION_NAMES, FIELD_NAMES, LIFECYCLE } from '../i18n/cases';
import { HANDLERS } from './lifecycle/handlers';
import { show } from './lifecycle/inputs';
import { answerMailWaiting } from './lifecycle/deliver';
import { ActionRefused, type ActionContext, type ActionInput, type Decision, type Effect, type HandlerContext, type Notice } from './lifecycle/types';

export type { ActionKey, Actor } from './permissions';
export { canSee } from './permissions';
export type { ActionContext, ActionInput, Decision, Effect, Notice } from './lifecycle/types';
export { ActionRefused } from './lifecycle/types';
export { linkCodes, STAFF_TEXT_LIMIT } from './lifecycle/inputs';

export const ACTION_LABELS: Record<ActionKey, string> = ACTION_NAMES;

/** The three ways a resident is answered; which one is offered depends on the contact they left. */
const DELIVERY: ActionKey[] = ['sendAnswer', 'recordCall', 'recordLetter'];

/** Which actions each status allows. */
const ALLOWED: Record<StatusKey, ActionKey[]> = {
  new: ['classify', 'assign', 'note', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  classified: ['classify', 'assign', 'note', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  inProgress: ['classify', 'assign', 'note', 'progress', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  draftAnswer: ['classify', 'assign', 'note', 'progress', 'answer', ...DELIVERY, 'close', 'duplicate', 'misuse', 'followUp'],
  awaitingApproval: ['approve', 'answer', 'note', 'misuse'],
  approved: ['answer', ...DELIVERY, 'note', 'misuse'],
  answered: ['setPublic', 'close', 'reopen', 'note', 'followUp'],
  closed: ['reopen', 'note', 'followUp', 'setPublic'],
};

type StatusFields = Pick<CaseRecord, 'status'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy'>>;

/**
 * The status a case really is in. Before answer states told the truth, saving an answer set
 * "Đã trả lời" at once; such a case whose answer never left is a draft (or approved, if someone
 * approved it) — the hourly job rewrites its status, and until then it is treated as one.
 */
export function statusOf(c: StatusFields): StatusKey {
  const key = statusKeyOf(c.status) ?? 'new';
  if (key === 'answered' && !(c.answerSentAt instanceof Date)) return c.approvedBy ? 'approved' : 'draftAnswer';
  return key;
}

/** Where an answer stands, for the case view and the inbox: 'emailWaiting' while its e-mail is in the outbox. */
export type AnswerState = 'none' | 'draft' | 'awaitingApproval' | 'approved' | 'emailWaiting' | AnswerMethodKey;

export function answerStateOf(c: StatusFields & Pick<CaseRecord, 'answer'> & Partial<Pick<CaseRecord, 'answerMethod'>>): AnswerState {
  if (c.answerSentAt instanceof Date) {
    const method = (Object.keys(ANSWER_METHOD) as AnswerMethodKey[]).find((k) => ANSWER_METHOD[k] === c.answerMethod);
    return method ?? 'email';
  }
  if (!c.answer) return 'none';
  if (answerMailWaiting(c)) return 'emailWaiting';
  const key = statusOf(c);
  if (key === 'awaitingApproval') return 'awaitingApproval';
  if (key === 'approved') return 'approved';
  return 'draft';
}

/** The way(s) of answering offered for a case: e-mail when the resident left one, else a call or a letter. */
function offeredDelivery(a: ActionKey, c: Partial<Pick<CaseRecord, 'hasEmail'>>): boolean {
  if (a === 'sendAnswer') return c.hasEmail === true;
  if (a === 'recordCall' || a === 'recordLetter') return c.hasEmail !== true;
  return true;
}

/** While the answer e-mail waits in the outbox, the answer is neither rewritten nor sent another way. */
const HELD_WHILE_MAIL_WAITS: ActionKey[] = ['answer', ...DELIVERY];

export function allowedActions(actor: Actor, c: Pick<CaseRecord, 'status' | 'assignedBody'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy' | 'hasEmail' | 'answerMethod'>>, approvalRequired = false): ActionKey[] {
  if (!canSee(actor, c)) return [];
  const key = statusOf(c);
  const waiting = answerMailWaiting(c);
  return ALLOWED[key].filter((a) => {
    if (!can(actor, a, c) || !offeredDelivery(a, c)) return false;
    if (waiting && HELD_WHILE_MAIL_WAITS.includes(a)) return false;
    // Where the chair approves answers, a draft goes for approval before it can be sent.
    if (DELIVERY.includes(a) && approvalRequired && key !== 'approved') return false;
    return true;
  });
}

/** Field labels for the history and the audit trail. */
export const FIELD_LABELS: Partial<Record<keyof CaseRecord, string>> = FIELD_NAMES;

export interface ActionResult {
  patch: Partial<CaseRecord>;
  event: HistoryEvent;
  notices: Notice[];
  effects: Effect[];
}

/** Refuses (ActionRefused) an action unknown, not the actor's to do, or not open in the case's status; else the status the case really is in. */
function legalStatus(c: CaseRecord, action: ActionKey, actor: Actor): StatusKey {
  if (!Object.prototype.hasOwnProperty.call(ACTION_LABELS, action)) throw new ActionRefused(LIFECYCLE.badAction);
  if (!canSee(actor, c)) throw new ActionRefused(LIFECYCLE.noRightOnCase);
  if (!can(actor, action, c)) throw new ActionRefused(LIFECYCLE.roleMayNot(ACTION_LABELS[action]));
  const statusKey = statusOf(c);
  if (!ALLOWED[statusKey].includes(action)) throw new ActionRefused(LIFECYCLE.notInStatus(ACTION_LABELS[action], STATUS[statusKey]));
  if (answerMailWaiting(c) && HELD_WHILE_MAIL_WAITS.includes(action)) throw new ActionRefused(LIFECYCLE.answerMailWaiting);
  return statusKey;
}

/** The handler of `input.action`, asked (the table is typed per action; the input's action picks its entry). */
function handle(c: CaseRecord, input: ActionInput, ctx: HandlerContext): Decision {
  const handler = HANDLERS[input.action] as (c: CaseRecord, input: ActionInput, ctx: HandlerContext) => Decision;
  return handler(c, input, ctx);
}

/**
 * Decides an action on a case. Throws ActionRefused (Vietnamese) when it is not allowed; else
 * returns the fields to change, the history event, the e-mails to queue and the other effects.
 */
export function decide(c: CaseRecord, input: ActionInput, ctx: ActionContext): ActionResult {
  const { actor, now } = ctx;
  const statusKey = legalStatus(c, input.action, actor);
  const decision = handle(c, input, { ...ctx, status: statusKey });
  // A case stored under an older meaning of its status is written back under its real one (unless the handler moves it on).
  const patch: Partial<CaseRecord> = { ...(statusKeyOf(c.status) !== statusKey ? { status: STATUS[statusKey] } : {}), ...decision.patch };
  const changes = (Object.keys(patch) as Array<keyof CaseRecord>)
    .filter((k) => FIELD_LABELS[k] && show(patch[k]) !== show(c[k]))
    .map((k) => ({ field: FIELD_LABELS[k]!, from: show(c[k]), to: show(patch[k]) }));
  const version = c.version + 1;
  patch.version = version;
  patch.updatedAt = now;
  const { detail } = decision;
  const event: HistoryEvent = { v: version, at: now.toISOString(), by: actor.email, action: ACTION_LABELS[input.action], ...(detail ? { detail } : {}), ...(changes.length ? { changes } : {}) };
  return { patch, event, notices: decision.notices, effects: decision.effects };
}

/** The message shown when a save was based on an old version: what changed since. */
export function conflictMessage(currentVersion: number, seenVersion: number, events: HistoryEvent[]): string {
  const since = events.filter((e) => e.v > seenVersion);
  const lines = since.map((e) => {
    const what = (e.changes ?? []).map((ch) => `${ch.field}: ${ch.from || '–'} → ${ch.to || '–'}`).join('; ');
    return `• ${e.by} — ${e.action}${what ? ` (${what})` : ''}`;
  });
  return [LIFECYCLE.conflict(seenVersion, currentVersion), ...lines, LIFECYCLE.conflictRetry].join('\n');
}
