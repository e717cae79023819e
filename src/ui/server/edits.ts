/**
 * Hand edits of the staff tab take effect at the very next call: the simple onEdit trigger (cell
 * edits, with the edited range) and the installed onChange trigger (rows inserted or deleted,
 * which onEdit does not see) mark the cached staff list stale, and revoke at once the personal
 * links of whoever the edit removed or gave another role or body (services/platform/runtime
 * staffTabChanged) — so removing someone and adding them back before the next call does not
 * bring their links back. Harmless if anyone else calls it: the next call only reads the staff
 * tab once more, and only people no longer in the tab as they were lose links.
 * The simple trigger runs in AuthMode.LIMITED, where the bound document's properties are
 * available (https://developers.google.com/apps-script/reference/script/auth-mode: only NONE
 * forbids PropertiesService) and the bound spreadsheet may be read ("They can modify the file
 * they are bound to": https://developers.google.com/apps-script/guides/triggers#restrictions).
 * https://developers.google.com/apps-script/guides/triggers#onedite
 * https://developers.google.com/apps-script/guides/triggers/events#change
 */
import { isTriggerEvent } from '../../services/access/trigger';
import { DocumentStore } from '../../services/platform/document-store';
import { staffTabChanged } from '../../services/platform/runtime';
import { STAFF_TAB } from '../../services/platform/settings-tabs';

function staffChanged(): void {
  const props = PropertiesService.getDocumentProperties();
  // With the document cache: the change puts a new cache generation, so the next call reads it.
  if (props) staffTabChanged(new DocumentStore(props, { cache: CacheService.getDocumentCache() }));
}

/** Simple trigger: a cell was edited by hand. */
export function staffEdited(e: unknown): void {
  // Only an edit Apps Script reports (a console call cannot forge its Range): see services/access/trigger.
  if (!isTriggerEvent(e, 'edit')) return;
  if ((e as GoogleAppsScript.Events.SheetsOnEdit).range.getSheet().getName() === STAFF_TAB) staffChanged();
}

/** Installed trigger: the spreadsheet's structure changed (rows or columns inserted or removed …). */
export function structureChanged(e: unknown): void {
  if (!isTriggerEvent(e, 'change')) return;
  const type = (e as { changeType?: unknown }).changeType;
  if (typeof type === 'string' && type && type !== 'EDIT' && type !== 'FORMAT') staffChanged();
}
