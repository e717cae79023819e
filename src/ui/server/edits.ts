/**
 * Hand edits of the staff tab take effect at the very next call: the simple onEdit trigger (cell
 * edits, with the edited range) and the installed onChange trigger (rows inserted or deleted,
 * which onEdit does not see) mark the cached staff list stale. Marking costs one property write
 * and is harmless if anyone else calls it: the next call only reads the staff tab once more.
 * The simple trigger runs in AuthMode.LIMITED, where the bound document's properties are
 * available (https://developers.google.com/apps-script/reference/script/auth-mode: only NONE
 * forbids PropertiesService).
 * https://developers.google.com/apps-script/guides/triggers#onedite
 * https://developers.google.com/apps-script/guides/triggers/events#change
 */
import { isTriggerEvent } from '../../services/access/trigger';
import { KEYS } from '../../services/platform/document-store';
import { STAFF_TAB } from '../../services/platform/settings-tabs';

function markStaffStale(): void {
  const props = PropertiesService.getDocumentProperties();
  if (props) props.setProperty(`hts.${KEYS.staffStale}`, new Date().toISOString());
}

/** Simple trigger: a cell was edited by hand. */
export function staffEdited(e: unknown): void {
  // Only an edit Apps Script reports (a console call cannot forge its Range): see services/access/trigger.
  if (!isTriggerEvent(e, 'edit')) return;
  if ((e as GoogleAppsScript.Events.SheetsOnEdit).range.getSheet().getName() === STAFF_TAB) markStaffStale();
}

/** Installed trigger: the spreadsheet's structure changed (rows or columns inserted or removed …). */
export function structureChanged(e: unknown): void {
  if (!isTriggerEvent(e, 'change')) return;
  const type = (e as { changeType?: unknown }).changeType;
  if (typeof type === 'string' && type && type !== 'EDIT' && type !== 'FORMAT') markStaffStale();
}
