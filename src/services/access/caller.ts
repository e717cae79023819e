/**
 * Who is calling, established in one place and never guessed.
 *
 * Every top-level function can be called through google.script.run from any page this script
 * serves: the sidebar, where it runs as the person at the keyboard, and the public web app, where
 * it runs as the ward's own account with the visitor's identity withheld —
 * Session.getActiveUser() is '' for anonymous and outside visitors of a web app deployed to
 * "execute as me" (https://developers.google.com/apps-script/reference/base/session#getActiveUser()),
 * while Session.getEffectiveUser() is the ward's account, an admin. So the caller is the active
 * user only: an empty active user is an anonymous caller, never the owner.
 *
 * - Staff functions run only for an identified active user who is in "Cán bộ" and holds the
 *   capability (`staffCall`); they reach the ward through the spreadsheet.
 * - Public functions trust only what the caller holds: a lookup key (services/public/lookup) or a
 *   personal link's token (`linkActor`, after services/access/portal-links has checked it).
 * - Triggers check their event and owner (services/access/trigger).
 * What each actor may then do is the permissions table's answer (domain/permissions), nowhere else.
 */
import { ACTION_LABELS } from '../../domain/lifecycle';
import { can, capabilitiesOf, type ActionKey, type Actor, type Capability } from '../../domain/permissions';
import { roleOf, type Role } from '../../domain/settings';
import { ACCESS, PORTAL } from '../../i18n/vi';
import { DocumentStore } from '../platform/document-store';
import { DeniedError } from '../platform/errors';
import { loadRuntime, type Runtime } from '../platform/runtime';

/** The identified person making this call, lower case, or '' when Apps Script withholds them. */
export function identifiedCaller(): string {
  return String(Session.getActiveUser().getEmail() ?? '').trim().toLowerCase();
}

/** The Vietnamese refusal for a capability the actor lacks. */
export function refusal(actor: Actor | null, capability: Capability): DeniedError {
  if (capability in ACTION_LABELS) {
    // A handling body's member acts on cases through their personal link, never the spreadsheet.
    const actsByLink = actor !== null && actor.via === 'spreadsheet' && capabilitiesOf({ ...actor, via: 'link' }).some((c) => c in ACTION_LABELS);
    return new DeniedError(actsByLink ? PORTAL.useLink : ACCESS.deniedAction(ACTION_LABELS[capability as ActionKey]));
  }
  return new DeniedError(ACCESS.denied[capability] ?? ACCESS.denied.viewInbox);
}

/** The staff member behind an identified e-mail, as an actor of the spreadsheet, or null. */
export function staffMember(rt: Runtime, email: string): Actor | null {
  const member = email ? roleOf(rt.settings, email) : null;
  return member ? { email: member.email, role: member.role, body: member.body, via: 'spreadsheet' } : null;
}

/**
 * The staff member making this call, holding `capability`; a Vietnamese refusal otherwise. The
 * anonymous check comes first: it costs one Session call and no Spreadsheet or property read.
 * Identity is read here, once per call. `fillCache`: a miss of the runtime cache fills it (a read
 * step's spare request; an action leaves it to the next read, see platform/runtime-cache).
 */
export function staffCall(capability: Capability, fillCache = true): { rt: Runtime; actor: Actor } {
  const email = identifiedCaller();
  if (!email) throw new DeniedError(ACCESS.signInNeeded);
  const rt = loadRuntime(DocumentStore.open({ fill: fillCache }));
  return { rt, actor: staffActor(rt, email, capability) };
}

export function staffActor(rt: Runtime, email: string, capability: Capability): Actor {
  if (!email) throw new DeniedError(ACCESS.signInNeeded);
  const actor = staffMember(rt, email);
  if (!actor) throw new DeniedError(ACCESS.notStaff);
  if (!can(actor, capability)) throw refusal(actor, capability);
  return actor;
}

/** The holder of a checked personal link, as an actor of the link. */
export function linkActor(holder: { email: string; role: Role; body: string }): Actor {
  return { email: holder.email, role: holder.role, body: holder.body, via: 'link' };
}
