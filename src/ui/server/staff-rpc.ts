/**
 * The sidebar's server functions. Every call checks the caller's role on the server — the client
 * is never trusted — and answers with JSON only (dates as ISO strings or dd/mm/yyyy text).
 */
import { toVietnamLocalInput } from '../../domain/calendar/civil-date';
import { CHANNELS, STAFF_CHANNELS } from '../../domain/case';
import { capabilitiesOf, type Capability } from '../../domain/permissions';
import { ROLE_LABELS } from '../../domain/vocabulary';
import { fields } from '../../domain/input';
import { identifiedCaller, staffCall, staffMember } from '../../services/access/caller';
import { DocumentStore } from '../../services/platform/document-store';
import { NotSetUpError } from '../../services/platform/errors';
import { loadRuntime } from '../../services/platform/runtime';
import { enterStaffCase, type StaffCaseInput, type StaffCaseResult } from '../../services/intake/staff-entry';
import { rpc } from './rpc';

export interface SidebarState {
  user: string;
  ready: boolean;
  role: string | null;
  roleLabel: string;
  /** What this person may do (the server checks again on every call). */
  capabilities: Capability[];
  channels: Array<{ key: string; label: string }>;
  groups: string[];
  categories: string[];
  formUrl: string | null;
  /** The server's "now" in Vietnam, as a datetime-local value (yyyy-MM-ddTHH:mm). */
  now: string;
}

export function sidebarState(): SidebarState {
  return rpc('sidebar', () => {
    const user = identifiedCaller();
    const now = toVietnamLocalInput(Date.now());
    const empty: SidebarState = { user, ready: false, role: null, roleLabel: '', capabilities: [], channels: [], groups: [], categories: [], formUrl: null, now };
    let rt;
    try {
      // The sidebar opening: a read step, which fills the runtime cache on a miss (platform/runtime-cache).
      rt = loadRuntime(DocumentStore.open({ fill: true }));
    } catch (error) {
      if (error instanceof NotSetUpError) return empty;
      throw error;
    }
    const member = staffMember(rt, user);
    // Someone outside the staff list (or not named to the script) learns only that the mailbox exists.
    if (!member) return { ...empty, ready: true };
    return {
      user,
      ready: true,
      role: member.role,
      roleLabel: ROLE_LABELS[member.role],
      capabilities: capabilitiesOf(member),
      channels: STAFF_CHANNELS.map((key) => ({ key, label: CHANNELS[key] })),
      groups: rt.settings.groups,
      categories: rt.settings.categories.map((c) => c.category),
      formUrl: rt.schema.formUrl,
      now,
    };
  });
}

export function submitStaffCase(input: unknown): StaffCaseResult {
  return rpc('staffEntry', () => {
    const { rt, actor } = staffCall('enterCase');
    return enterStaffCase(rt, actor, fields(input) as unknown as StaffCaseInput);
  });
}
