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
import { KEYS } from '../../services/platform/document-store';
import { STAFF_TAB } from '../../services/platform/settings-tabs';

function markStaffStale(): void {
  const props = PropertiesService.getDocumentProperties();
  if (props) props.setProperty(`hts.${KEYS.staffStale}`, new Date().toISOString());
}

/** Simple trigger: a cell was edited by hand. */
export function staffEdited(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const range = e && typeof e === 'object' ? e.range : undefined;
  if (!range || typeof range.getSheet !== 'function') return;
  if (range.getSheet().getName() === STAFF_TAB) markStaffStale();
}

/** Installed trigger: the spreadsheet's structure changed (rows or columns inserted or removed …). */
export function structureChanged(e: GoogleAppsScript.Events.SheetsOnChange | undefined): void {
  const type = e && typeof e === 'object' ? String(e.changeType ?? '') : '';
  if (type && type !== 'EDIT' && type !== 'FORMAT') markStaffStale();
}
