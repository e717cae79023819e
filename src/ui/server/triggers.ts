/**
 * Trigger handlers run only as their trigger. Any top-level function can be called from a
 * browser console through google.script.run, as the person at the keyboard; a trigger's event
 * carries the uid of the trigger that fired it, and ScriptApp.getProjectTriggers() lists only
 * the triggers of the person the script runs as. So the hourly job runs only when its event
 * names an hourly trigger of the effective user, and that user is an admin.
 * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers
 */
import { can } from '../../domain/permissions';
import { roleOf } from '../../domain/settings';
import { ERRORS } from '../../i18n/vi';
import { logError } from '../../services/platform/errors';
import { runMaintenance, type MaintenanceResult } from '../../services/platform/maintenance';
import { loadRuntime } from '../../services/platform/runtime';
import { HOURLY_HANDLER } from '../../services/platform/setup';

function firedBy(e: unknown, handler: string): boolean {
  const uid = e && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if (uid === undefined || uid === null || uid === '') return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === String(uid) && t.getHandlerFunction() === handler);
}

export function hourlyFromTrigger(e: unknown): MaintenanceResult | null {
  if (!firedBy(e, HOURLY_HANDLER)) {
    logError({ where: 'entryPoint', message: `${ERRORS.notTrigger} (${HOURLY_HANDLER})` });
    return null;
  }
  const owner = Session.getEffectiveUser().getEmail();
  if (!can(roleOf(loadRuntime().settings, owner), 'resync')) {
    logError({ where: 'entryPoint', message: `${ERRORS.notTrigger} (${HOURLY_HANDLER}: chủ trình kích hoạt không còn là cán bộ quản trị)` });
    return null;
  }
  return runMaintenance();
}
