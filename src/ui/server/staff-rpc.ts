/**
 * The sidebar's server functions. Every call checks the caller's role on the server — the client
 * is never trusted — and answers with JSON only (dates as ISO strings or dd/mm/yyyy text).
 */
import { CHANNELS, STAFF_CHANNELS } from '../../domain/case';
import { roleOf, ROLE_LABELS } from '../../domain/settings';
import { describeError, logError } from '../../services/platform/errors';
import { loadRuntime, NotSetUpError } from '../../services/platform/runtime';
import { enterStaffCase, UserError, type StaffCaseInput, type StaffCaseResult } from '../../services/intake/staff-entry';
import { currentUser } from './current-user';

export interface SidebarState {
  user: string;
  ready: boolean;
  role: string | null;
  roleLabel: string;
  channels: Array<{ key: string; label: string }>;
  groups: string[];
  categories: string[];
  formUrl: string | null;
}

export function sidebarState(): SidebarState {
  const user = currentUser();
  let rt;
  try {
    rt = loadRuntime();
  } catch (error) {
    if (!(error instanceof NotSetUpError)) throw error;
    return { user, ready: false, role: null, roleLabel: '', channels: [], groups: [], categories: [], formUrl: null };
  }
  const member = roleOf(rt.settings, user);
  return {
    user,
    ready: true,
    role: member?.role ?? null,
    roleLabel: member ? ROLE_LABELS[member.role] : '',
    channels: STAFF_CHANNELS.map((key) => ({ key, label: CHANNELS[key] })),
    groups: rt.settings.groups,
    categories: rt.settings.categories.map((c) => c.category),
    formUrl: rt.schema.formUrl,
  };
}

/** Failures the person can act on keep their message; anything else is logged and explained simply. */
export function submitStaffCase(input: StaffCaseInput): StaffCaseResult {
  try {
    return enterStaffCase(currentUser(), input);
  } catch (error) {
    if (error instanceof UserError) throw error;
    logError({ where: 'staffEntry', message: describeError(error) });
    // The cause is in the errors tab; only a message crosses google.script.run (and ES2019 has no `cause`).
    // eslint-disable-next-line preserve-caught-error
    throw new Error('Không lưu được ý kiến do lỗi hệ thống; lỗi đã được ghi vào tab "Lỗi".');
  }
}
