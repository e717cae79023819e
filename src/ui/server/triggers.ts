/**
 * Trigger handlers run only as their trigger. Any top-level function can be called through
 * google.script.run — from the web app's page even as the ward's own account — so the hourly job
 * runs only for an event Apps Script made (services/access/trigger) that names an hourly trigger
 * of the account it runs as (ScriptApp.getProjectTriggers() lists only the triggers of the person
 * the script runs as: https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers),
 * and only while that account is an admin. A call that is no trigger is ignored without a trace
 * in the errors tab: anyone can make one, and the tab is for staff to act on.
 */
import { can } from '../../domain/permissions';
import { ERRORS } from '../../i18n/vi';
import { staffMember } from '../../services/access/caller';
import { isTriggerEvent, triggerOwner } from '../../services/access/trigger';
import { logError } from '../../services/platform/errors';
import { runMaintenance, type MaintenanceResult } from '../../services/jobs/maintenance';
import { loadRuntime } from '../../services/platform/runtime';
import { HOURLY_HANDLER } from '../../services/jobs/setup';

function firedBy(e: unknown, handler: string): boolean {
  const uid = (e as { triggerUid?: unknown }).triggerUid;
  if (typeof uid !== 'string' && typeof uid !== 'number') return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === String(uid) && t.getHandlerFunction() === handler);
}

export function hourlyFromTrigger(e: unknown): MaintenanceResult | null {
  if (!isTriggerEvent(e, 'clock') || !firedBy(e, HOURLY_HANDLER)) {
    console.warn(`${HOURLY_HANDLER}: ${ERRORS.notTrigger}`);
    return null;
  }
  const rt = loadRuntime();
  if (!can(staffMember(rt, triggerOwner()), 'resync')) {
    logError({ where: 'entryPoint', message: `${ERRORS.notTrigger} (${ERRORS.triggerOwnerNotAdmin(HOURLY_HANDLER)})` }, rt.schema);
    return null;
  }
  return runMaintenance();
}
