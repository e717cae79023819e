/**
 * Who hears of a handling body's cases — the announcement of a case that reaches it, the daily
 * digest — and how each of them opens the case:
 *  - the body's members in "Cán bộ" who work through a personal link ('member'): each gets their
 *    own link;
 *  - a body with no such member but an address in "Cơ quan xử lý" ('body'): that address gets a
 *    *body link*, a handler's link for that body held by the body's own mailbox — the only way a
 *    body without named staff can report progress — valid while "Cơ quan xử lý" still gives the
 *    body that address;
 *  - an assignee who is none of these: an admin opens the spreadsheet ('spreadsheet'); anyone else
 *    is told of the case but can hold no link ('none': the person assigning is told to add them
 *    to "Cán bộ").
 * A body with members does not mail its general address too: the members are the people who act,
 * and a second link to a shared mailbox would be one more way in that nobody in particular holds.
 * Pure.
 */
import { can, mayHoldLink, worksOnBodyByLink } from './permissions';
import type { HandlingBody, StaffMember } from './settings';

export type Access = 'member' | 'body' | 'spreadsheet' | 'none';

export interface BodyRecipient {
  email: string;
  access: Access;
}

const lower = (s: string) => s.trim().toLowerCase();

/** The people who hear of a body's cases: its link-working members, or else its own address. */
export function bodyPeople(body: HandlingBody, staff: readonly StaffMember[]): BodyRecipient[] {
  const members = staff.filter((m) => worksOnBodyByLink(m, body.name)).map((m): BodyRecipient => ({ email: m.email, access: 'member' }));
  if (members.length) return members;
  return body.email ? [{ email: lower(body.email), access: accessOf(body.email, body, staff) }] : [];
}

/** How `email`, assigned a case of `body`, opens it. */
export function accessOf(email: string, body: HandlingBody, staff: readonly StaffMember[]): Access {
  const e = lower(email);
  const member = staff.find((m) => m.email === e);
  // Someone in "Cán bộ" opens cases as their role lets them, whatever else their address is.
  if (member) {
    if (worksOnBodyByLink(member, body.name)) return 'member';
    return !mayHoldLink(member.role) && can({ ...member, via: 'spreadsheet' }, 'viewCase', { assignedBody: body.name }) ? 'spreadsheet' : 'none';
  }
  return body.email && lower(body.email) === e ? 'body' : 'none';
}

/** Who is told when a case reaches `body`: its people, and the assignee when they are not among them. */
export function announcementRecipients(body: HandlingBody, staff: readonly StaffMember[], assignee: string): BodyRecipient[] {
  const people = bodyPeople(body, staff);
  const a = lower(assignee);
  if (!a || people.some((p) => p.email === a)) return people;
  return [...people, { email: a, access: accessOf(a, body, staff) }];
}

/** Is `email` the address "Cơ quan xử lý" gives the body `name` (what keeps a body link valid)? */
export function isBodyAddress(bodies: readonly HandlingBody[], name: string, email: string): boolean {
  return bodies.some((b) => b.name === name && b.email !== '' && lower(b.email) === lower(email));
}
