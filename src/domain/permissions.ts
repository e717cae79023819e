/**
 * The one permissions table: what each role may do, and which cases each person may see. The
 * server checks it on every call (the client is never trusted) and sends the caller's own
 * capabilities to the sidebar, which only uses them to decide what to show.
 */
import type { Role } from './settings';

export type ActionKey = 'classify' | 'assign' | 'note' | 'progress' | 'answer' | 'approve' | 'sendAnswer' | 'recordCall' | 'recordLetter' | 'setPublic' | 'close' | 'reopen' | 'duplicate' | 'misuse' | 'followUp';

export const ACTION_KEYS: ActionKey[] = ['classify', 'assign', 'note', 'progress', 'answer', 'approve', 'sendAnswer', 'recordCall', 'recordLetter', 'setPublic', 'close', 'reopen', 'duplicate', 'misuse', 'followUp'];

/** Everything a person can ask the add-on to do, case actions included. */
export type Capability =
  | ActionKey
  | 'viewInbox'
  | 'viewCase'
  /** Read a submitter's name, phone and e-mail (with a logged reason). */
  | 'viewContact'
  /** Write what residents read: the public summary, publication. */
  | 'editPublic'
  | 'makeDocuments'
  /** Periodic reports and the monthly publication. */
  | 'makeReports'
  /** The "Tổng quan" dashboard. */
  | 'viewDashboard'
  /** Personal links for handling bodies and viewers (send, revoke). */
  | 'manageLinks'
  | 'enterCase'
  | 'setup'
  | 'resync';

export interface Actor {
  email: string;
  role: Role;
  body: string;
}

const EVERYTHING: Capability[] = [...ACTION_KEYS, 'viewInbox', 'viewCase', 'viewContact', 'editPublic', 'makeDocuments', 'makeReports', 'viewDashboard', 'manageLinks', 'enterCase', 'setup', 'resync'];

export const ROLE_CAPABILITIES: Record<Role, ReadonlyArray<Capability>> = {
  admin: EVERYTHING,
  /** A handling body's member: their body's cases only; never the submitter's identity, never anything public. */
  handler: ['viewInbox', 'viewCase', 'note', 'progress', 'answer'],
  /** e.g. the Party committee: reads everything staff read, but no names, and changes nothing. */
  viewer: ['viewInbox', 'viewCase', 'viewDashboard'],
};

/** Handlers see only the cases assigned to their body; admins and viewers see all. */
export function canSee(actor: Actor, c: { assignedBody: string }): boolean {
  return actor.role !== 'handler' || (actor.body !== '' && c.assignedBody === actor.body);
}

/** May `actor` do `capability` (on case `c`, when it concerns one)? A stranger (null) may do nothing. */
export function can(actor: Actor | null, capability: Capability, c?: { assignedBody: string }): boolean {
  if (!actor) return false;
  if (!ROLE_CAPABILITIES[actor.role]?.includes(capability)) return false;
  return c === undefined || canSee(actor, c);
}

/** The caller's capabilities, for the sidebar. */
export function capabilitiesOf(actor: Actor | null): Capability[] {
  return actor ? [...ROLE_CAPABILITIES[actor.role]] : [];
}
