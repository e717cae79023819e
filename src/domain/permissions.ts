/**
 * The one permissions table: what each role may do, by the way the person reached the ward, and
 * which cases each may see. Every decision about who may do what is made here — the server asks
 * `can()` on every call (the client is never trusted) and sends the caller's own capabilities to
 * the sidebar, which only uses them to decide what to show. Who the caller *is* is established
 * elsewhere, once (services/access): this table only answers for an actor already identified.
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
  /** Find cases by the sender's phone or name (it reveals contacts: a logged reason too). */
  | 'findSender'
  /** A new lookup key for a resident who calls (the old one stops working). */
  | 'issueLookupKey'
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
  | 'resync'
  /** Move closed cases of past years to their year's archive tab. */
  | 'archive'
  /** Approve a resident's photo for public use, hide it or show it again (audited). */
  | 'reviewPhotos';

/**
 * How a person reached the ward: MTTQ staff through the spreadsheet (its menu and sidebar, as
 * themselves), handling bodies and viewers through their personal link (the web app, which runs
 * as the ward's account and knows them only by the link).
 */
export type Reach = 'spreadsheet' | 'link';

export interface Actor {
  email: string;
  role: Role;
  body: string;
  via: Reach;
}

const EVERYTHING: Capability[] = [...ACTION_KEYS, 'viewInbox', 'viewCase', 'viewContact', 'findSender', 'issueLookupKey', 'editPublic', 'makeDocuments', 'makeReports', 'viewDashboard', 'manageLinks', 'enterCase', 'setup', 'resync', 'archive', 'reviewPhotos'];

export const PERMISSIONS: Record<Role, Record<Reach, ReadonlyArray<Capability>>> = {
  /** MTTQ staff who run the mailbox: everything, from the spreadsheet only (admins hold no links). */
  admin: { spreadsheet: EVERYTHING, link: [] },
  /**
   * A handling body's member: their body's cases only; never the submitter's identity, never
   * anything public. They record progress and draft answers through their personal link; the
   * spreadsheet, if they can open it at all, only shows them their cases.
   */
  handler: { spreadsheet: ['viewInbox', 'viewCase'], link: ['viewCase', 'progress', 'answer'] },
  /** e.g. the Party committee: reads what staff read, but no names, and changes nothing. */
  viewer: { spreadsheet: ['viewInbox', 'viewCase', 'viewDashboard'], link: ['viewCase'] },
};

/** Which cases a role sees: all of them, or only those assigned to the person's own body. */
const SCOPE: Record<Role, 'all' | 'ownBody'> = { admin: 'all', handler: 'ownBody', viewer: 'all' };

/** May `actor` see case `c` at all? */
export function canSee(actor: Actor, c: { assignedBody: string }): boolean {
  return SCOPE[actor.role] === 'all' || (actor.body !== '' && c.assignedBody === actor.body);
}

/** Does the actor see every case (not only their body's)? Totals shown to them say so. */
export function seesEveryCase(actor: Actor): boolean {
  return SCOPE[actor.role] === 'all';
}

/** May `actor` do `capability` (on case `c`, when it concerns one)? Nobody (null) may do nothing. */
export function can(actor: Actor | null, capability: Capability, c?: { assignedBody: string }): boolean {
  if (!actor) return false;
  if (!PERMISSIONS[actor.role]?.[actor.via]?.includes(capability)) return false;
  return c === undefined || canSee(actor, c);
}

/** The caller's capabilities, for the sidebar or the portal page. */
export function capabilitiesOf(actor: Actor | null): Capability[] {
  return actor ? [...(PERMISSIONS[actor.role]?.[actor.via] ?? [])] : [];
}

/** Does this staff member work on the cases of `body` through a personal link (a handling body's member)? */
export function worksOnBodyByLink(member: { email: string; role: Role; body: string }, body: string): boolean {
  return can({ email: member.email, role: member.role, body: member.body, via: 'link' }, 'progress', { assignedBody: body });
}

/** Roles that work through a personal link (the admin's "Liên kết" list offers links to them). */
export function mayHoldLink(role: Role): boolean {
  return (PERMISSIONS[role]?.link.length ?? 0) > 0;
}

/** Staff members who hold a capability from the spreadsheet (e.g. the admins to tell, or to let edit protected tabs). */
export function staffWith<M extends { email: string; role: Role; body: string }>(staff: M[], capability: Capability): M[] {
  return staff.filter((m) => can({ email: m.email, role: m.role, body: m.body, via: 'spreadsheet' }, capability));
}
