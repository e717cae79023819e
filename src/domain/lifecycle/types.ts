/**
 * What the state machine's handlers take and give: one handler per action (HANDLERS), each a pure
 * function of the case, the action's input and the context, returning a Decision — the fields to
 * change, the history detail, the e-mails to queue (notices) and what else the commit must do
 * (effects, described as data and carried out by services/cases/effects.ts).
 */
import type { Access } from '../body-people';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { StatusKey } from '../case';
import type { CaseRecord } from '../case-record';
import type { ActionKey, Actor } from '../permissions';
import type { Settings } from '../settings';

export type ActionInput =
  | { action: 'classify'; category: string; complexity: 'normal' | 'complex' }
  | { action: 'assign'; body: string; assignee: string; bodyDueDate?: string }
  | { action: 'note'; text: string }
  | { action: 'progress'; text: string; bodyDueDate?: string }
  | { action: 'answer'; text: string; publicSummary?: string }
  | { action: 'approve' }
  | { action: 'sendAnswer' }
  | { action: 'recordCall'; note: string }
  | { action: 'recordLetter'; note: string }
  | { action: 'setPublic'; isPublic: boolean; publicSummary?: string }
  | { action: 'close'; outcome: 'resolved' | 'notCompetent' | 'insufficient'; note?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'duplicate'; of: string }
  | { action: 'misuse'; reason: string }
  | { action: 'followUp'; content: string };

/** The input of one action. */
export type InputOf<K extends ActionKey> = Extract<ActionInput, { action: K }>;

/**
 * A case reaching a body — assigned to it, or reopened while with it — announced to one of the
 * people who hear of it (domain/body-people): `access` says how they open it, `left` the working
 * days left to answer the resident (negative: overdue, domain/deadline), `reason` why it was
 * reopened (the admin's words, masked when the mail is made).
 */
export interface Announcement {
  kind: 'assignee';
  to: string;
  access: Access;
  code: string;
  body: string;
  dueOn: string;
  left: number;
  /** The date the body committed to (dd/mm/yyyy), or ''. */
  bodyDueOn: string;
  why: 'assigned' | 'reopened';
  reason: string;
}

/** An e-mail to queue with the action. */
export type Notice =
  | Announcement
  | { kind: 'answer'; code: string }
  | { kind: 'police'; to: string; code: string; reason: string };

/** What else the commit of an action does, besides writing the row, its audit and its notices. */
export type Effect =
  /** A duplicate: the original must exist; once committed, it is linked back (its own version and audit). */
  | { kind: 'linkOriginal'; of: string }
  /** A follow-up: a new case is filed with this content, linked to this one. */
  | { kind: 'fileFollowUp'; content: string }
  /** A case reached a body that has nobody to tell (no member in "Cán bộ", no address): the person acting is told. */
  | { kind: 'nobodyTold'; body: string }
  /** The assignee is not in "Cán bộ": they get the e-mail only, and the person assigning is told. */
  | { kind: 'assigneeNotStaff'; email: string }
  /** The answer e-mail is queued, not sent: the person is told the case is answered once it leaves. */
  | { kind: 'answerQueued' }
  /** Misuse in a ward with no police address: nothing is sent, and the person is told so. */
  | { kind: 'policeUnreachable' };

export interface ActionContext {
  actor: Actor;
  now: Date;
  settings: Settings;
  calendar: WorkingCalendar;
  /** When the reply letter was last made for this case (Docs are made outside the row). */
  letterMadeAt?: Date | null;
}

/** A handler's context: the action's, and the status the case really is in (statusOf). */
export interface HandlerContext extends ActionContext {
  status: StatusKey;
}

/** What a handler decides. */
export interface Decision {
  patch: Partial<CaseRecord>;
  /** The history event's detail ('' for none). */
  detail: string;
  notices: Notice[];
  effects: Effect[];
}

export type Handler<K extends ActionKey> = (c: CaseRecord, input: InputOf<K>, ctx: HandlerContext) => Decision;

/** A decision that only changes fields. */
export function changes(patch: Partial<CaseRecord>, more: Partial<Omit<Decision, 'patch'>> = {}): Decision {
  return { patch, detail: '', notices: [], effects: [], ...more };
}

export class ActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionRefused';
  }
}
