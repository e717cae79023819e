/**
 * The hourly job (and the "Đồng bộ lại" menu item): refresh the settings from their tabs, file
 * any response intake missed, send what waits in the outbox, and keep formatted rows ahead of
 * the data so single-row writes always land in plain-text cells.
 */
import { parseSettings } from '../../domain/settings';
import { ERRORS } from '../../i18n/vi';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { BusyError, describeError, logError, NotSetUpError } from '../platform/errors';
import { completePendingActions } from '../cases/actions';
import { settleMailReports } from '../cases/deliveries';
import { drainOutbox, type DrainResult } from '../platform/outbox';
import { reconcile } from '../intake/reconcile';
import { migrateOutboxSecrets } from '../public/outbox-secrets';
import { refreshFormTexts } from '../intake/form-builder';
import { loadRuntime, storeSettings } from '../platform/runtime';
import type { SchemaState } from '../platform/schema-state';
import { readSettingsTables } from '../platform/settings-tabs';
import { applyAccess } from './setup';
import { backfillIndex } from '../cases/store';
import { archiveIfDue } from './archive';
import { sendDailyReminders } from '../reports/reminders';
import { TABS, TAB_KEYS } from '../platform/sheets/tabs';
import { HEADROOM_ROWS } from '../platform/sheets/table';
import { tryDocumentLock } from '../platform/lock';

export const MAINTENANCE_LOCK_WAIT_MS = 60_000;

export interface MaintenanceResult {
  recovered: number;
  mail: DrainResult;
  settingsProblems: number;
}


function refreshSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, schema: SchemaState): number {
  const { tables } = readSettingsTables(ss);
  const parsed = parseSettings(tables);
  storeSettings(store, parsed.settings);
  const known = store.getJson<string[]>(PROPERTY_NAMES.settingsProblems) ?? [];
  const fresh = parsed.problems.filter((p) => !known.includes(p));
  fresh.forEach((message) => logError({ where: 'settings', message }, schema, ss));
  if (fresh.length || known.length !== parsed.problems.length) store.setJson(PROPERTY_NAMES.settingsProblems, parsed.problems);
  return parsed.problems.length;
}

/** Protections follow the staff list; they are only re-applied when that list changed. */
function syncAccess(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, schema: SchemaState): void {
  const settings = loadRuntime(store).settings;
  const staff = JSON.stringify(settings.staff);
  if (store.get(PROPERTY_NAMES.accessFor) === staff) return;
  applyAccess(ss, settings, schema.raw ? ss.getSheetByName(schema.raw.name) : null);
  store.set(PROPERTY_NAMES.accessFor, staff);
}

function ensureHeadroom(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const key of TAB_KEYS) {
    const sheet = ss.getSheetByName(TABS[key].name);
    if (!sheet) continue;
    const spare = sheet.getMaxRows() - sheet.getLastRow();
    if (spare < HEADROOM_ROWS) sheet.insertRowsAfter(sheet.getMaxRows(), HEADROOM_ROWS * 2);
  }
}

export function runMaintenance(): MaintenanceResult {
  const store = DocumentStore.open();
  const schema = store.getJson<SchemaState>(PROPERTY_NAMES.schema);
  if (!schema) throw new NotSetUpError();
  const lock = tryDocumentLock(MAINTENANCE_LOCK_WAIT_MS);
  if (!lock) throw new BusyError(ERRORS.lockTimeout);
  store.refresh();
  const ss = SpreadsheetApp.getActive();
  const result: MaintenanceResult = { recovered: 0, mail: { sent: 0, waiting: 0, uncertain: 0, failed: 0 }, settingsProblems: 0 };
  try {
    // Each step on its own: one failing must not stop the others.
    const steps: Array<[keyof typeof ERRORS.where, () => void]> = [
      ['settings', () => (result.settingsProblems = refreshSettings(ss, store, schema))],
      ['settings', () => syncAccess(ss, store, schema)],
      ['settings', () => refreshFormTexts(store, schema.formId, loadRuntime(store).settings)],
      ['reconcile', () => (result.recovered = reconcile(loadRuntime(store), ss).recovered)],
      ['maintenance', () => completePendingActions(ss, loadRuntime(store))],
      // Once, on a ward whose outbox still holds secrets in plain text, the outbox is cleaned of the secrets it held — and
      // nothing is sent until it is: a mail sent from an uncleaned row carries a token that sat
      // readable in the tab, which the cleaning must then revoke (one step, so a failed cleaning
      // stops this hour's sending).
      [
        'outbox',
        () => {
          migrateOutboxSecrets(loadRuntime(store), ss);
          result.mail = drainOutbox(loadRuntime(store), ss);
        },
      ],
      // What the outbox found of the answers' and the police's mails, carried to their cases
      // (its own step: whatever stops it, the reports wait in the properties for the next run).
      ['outbox', () => settleMailReports(ss, loadRuntime(store))],
      ['maintenance', () => ensureHeadroom(ss)],
      ['maintenance', () => backfillIndex(ss, loadRuntime(store))],
      ['archive', () => archiveIfDue(ss, loadRuntime(store))],
      // After the outbox: today's reminders wait for the next run, within the next hour's quota.
      ['reminders', () => sendDailyReminders(loadRuntime(store), ss)],
    ];
    for (const [where, step] of steps) {
      try {
        step();
      } catch (error) {
        logError({ where, message: ERRORS.unexpected(describeError(error)) }, schema, ss);
      }
    }
  } finally {
    lock.releaseLock();
  }
  return result;
}
