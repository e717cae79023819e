/**
 * The public board's cache (services/public/board) is keyed by a generation: every change that
 * can alter the board makes a new one, so the very next visitor gets the board rebuilt instead of
 * a copy up to 5 minutes old. The generation has two parts, each written where its writer writes
 * anyway, so that no writer pays a request for it:
 * - a case filed or restored (filing markFiled, reconcile) moves the one in the document
 *   properties, in the journal write it makes anyway;
 * - a change of a case that the board shows (cases/actions commitChange, and the completion of a
 *   change cut off after its row was written) writes the stamp in the "Hệ thống" tab, in the same
 *   Spreadsheet write batch as the case row — after the row, never before: a board built in
 *   between would be cached as it was. A staff action thus stays one write request (Apps Script
 *   sends consecutive writes together: https://developers.google.com/apps-script/guides/support/best-practices).
 * The board pays for it: a visit whose board is cached reads the stamp, one cell (one request),
 * besides the properties and the cached page. A ward set up before the tab existed has no stamp
 * until setup runs again: its case changes move the property instead, as they always did.
 */
import { PROPERTY_NAMES, type DocumentStore } from './document-store';
import type { Runtime } from './runtime';

/** The property write that moves the board to a new generation; `tag` keeps it unique (a code and version). */
export function boardChanged(tag: string): Record<string, string> {
  return { [PROPERTY_NAMES.boardGeneration]: `${Date.now().toString(36)}.${tag}`.slice(0, 60) };
}

function propertyGeneration(store: DocumentStore): string {
  return store.get(PROPERTY_NAMES.boardGeneration) ?? '0';
}

/** A change of a case the board shows: the stamp, in the caller's write batch (or the property, without the tab). */
export function stampBoard(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, tag: string): void {
  const system = rt.table('system', ss);
  if (!system.sheetIfAny()) {
    rt.store.setMany(boardChanged(tag));
    return;
  }
  system.update(2, { boardStamp: boardChanged(tag)[PROPERTY_NAMES.boardGeneration] });
}

/** The board's generation now: the property's and the stamp's (one cell read). */
export function boardGeneration(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime): string {
  const system = rt.table('system', ss);
  const stamp = system.sheetIfAny() ? String(system.rows(['boardStamp'], 2)[0]?.boardStamp ?? '') : '';
  return `${propertyGeneration(rt.store)}.${stamp}`;
}
