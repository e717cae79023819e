/**
 * "Thiết lập hòm thư": run by an admin, once, in the ward's spreadsheet — and safely again at any
 * time: it creates what is missing, repairs what is broken, upgrades an older layout by adding
 * the missing columns (rows are never moved or lost), and changes nothing that is already right.
 */
import { BLANK_SHEET_NAMES, SETTINGS_TAB } from '../../domain/vocabulary';
import { SETTINGS_PROBLEMS } from '../../i18n/settings';
import { parseSettings, policeBody, roleOf, type Settings, type SettingsTables } from '../../domain/settings';
import { can } from '../../domain/permissions';
import { SETUP } from '../../i18n/vi';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { ensureForm, findResponsesSheet, formTexts, RAW_TITLES, titlesOf } from '../intake/form-builder';
import { editorsFor, protectSheet } from '../platform/protection';
import { loadRuntime, storeSettings } from '../platform/runtime';
import { SCHEMA_VERSION, type SchemaState } from '../platform/schema-state';
import { backfillIndex } from '../cases/store';
import { NUMBER_FORMAT, type TabSpec } from '../platform/sheets/schema';
import { readHeader, type TabMap } from '../platform/sheets/table';
import { TABS, TAB_KEYS, type TabKey } from '../platform/sheets/tabs';
import { lookupSecret } from '../access/keys';
import { webAppUrl } from '../platform/web-app';
import { addMissingGeneralRows, createSettingsTab, readSettingsTables, SETTINGS_TABS, type SettingsTabSpec } from '../platform/settings-tabs';
import { BusyError, DeniedError, logError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import { LONG_TEXT_PLAIN_COLUMNS } from '../cases/filing';
import { ensureTemplates } from '../documents/paper-trail';
import { archiveYearOfTab } from '../../domain/archive';
import { archiveSpec } from '../cases/archive';

export const INTAKE_HANDLER = 'onFormSubmitIntake';
export const HOURLY_HANDLER = 'hourlyMaintenance';
export const CHANGE_HANDLER = 'onSpreadsheetChange';

export class SetupDenied extends DeniedError {}

export interface SetupReport {
  created: string[];
  repaired: string[];
  formUrl: string;
  intakeOwner: string;
  problems: string[];
  changed: boolean;
  /** No police address in "Cơ quan xử lý": a case marked as misuse would not reach them. */
  policeMissing: boolean;
}

/** A fresh managed tab: bold frozen header, every data row pre-formatted by column kind. */
function createTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: TabSpec): TabMap {
  const sheet = ss.insertSheet(spec.name);
  const width = spec.columns.length;
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, width).setValues([spec.columns.map((c) => c.header)]).setFontWeight('bold').setBackground('#e8f0fe').setWrap(true);
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  const formats = spec.columns.map((c) => NUMBER_FORMAT[c.kind]);
  // Long texts spill to the right of the last column: keep those columns plain text too.
  if (spec.key === TABS.longText.key) {
    while (formats.length < LONG_TEXT_PLAIN_COLUMNS) formats.push(NUMBER_FORMAT.text);
    if (sheet.getMaxColumns() < formats.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), formats.length - sheet.getMaxColumns());
  }
  sheet.getRange(2, 1, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => formats));
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  const map: Record<string, number> = {};
  spec.columns.forEach((c, i) => (map[c.key] = i + 1));
  return { name: spec.name, columns: map, width };
}

/** An existing tab: find its columns by header and add the missing ones at the end, formatted. */
function upgradeTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: TabSpec): { tab: TabMap; added: string[] } {
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const { map, missing } = readHeader(header, spec.columns);
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '') === '') width -= 1;
  if (missing.length) {
    const start = width + 1;
    if (start + missing.length - 1 > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - 1 - sheet.getMaxColumns());
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]).setFontWeight('bold').setBackground('#e8f0fe');
    const rows = sheet.getMaxRows() - 1;
    sheet.getRange(2, start, rows, missing.length).setNumberFormats(Array.from({ length: rows }, () => missing.map((c) => NUMBER_FORMAT[c.kind])));
    missing.forEach((c, i) => (map[c.key] = start + i));
    width += missing.length;
  }
  return { tab: { name: spec.name, columns: map, width }, added: missing.map((c) => c.header) };
}

function ensureVisibility(sheet: GoogleAppsScript.Spreadsheet.Sheet, hidden: boolean): boolean {
  if (sheet.isSheetHidden() === hidden) return false;
  if (hidden) sheet.hideSheet();
  else sheet.showSheet();
  return true;
}

/** The intake trigger: one, recorded with its owner; another admin's running setup leaves it alone. */
function ensureTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, user: string): { owner: string; changed: boolean } {
  const mine = ScriptApp.getProjectTriggers();
  let changed = false;
  const recordedOwner = store.get(PROPERTY_NAMES.intakeOwner);
  const recordedUid = store.get(PROPERTY_NAMES.intakeTrigger);
  const myIntake = mine.find((t) => t.getHandlerFunction() === INTAKE_HANDLER);
  if (!recordedOwner || recordedOwner === user) {
    const uid = myIntake ? myIntake.getUniqueId() : ScriptApp.newTrigger(INTAKE_HANDLER).forSpreadsheet(ss).onFormSubmit().create().getUniqueId();
    if (uid !== recordedUid || recordedOwner !== user) {
      store.set(PROPERTY_NAMES.intakeTrigger, uid);
      store.set(PROPERTY_NAMES.intakeOwner, user);
      changed = true;
    }
  }
  if (!mine.some((t) => t.getHandlerFunction() === HOURLY_HANDLER)) {
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
    changed = true;
  }
  // Rows deleted from the staff tab are seen by onChange only (onEdit sees cell edits).
  if (!mine.some((t) => t.getHandlerFunction() === CHANGE_HANDLER)) {
    ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(ss).onChange().create();
    changed = true;
  }
  return { owner: store.get(PROPERTY_NAMES.intakeOwner) ?? user, changed };
}

/**
 * Visibility and protection of every managed tab, the settings tabs and the raw responses, from
 * the staff list: setup runs it, and so does the hourly job, so a handler added to "Cán bộ" can
 * work within the hour. Returns whether anything changed.
 */
export function applyAccess(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, rawSheet: GoogleAppsScript.Spreadsheet.Sheet | null): boolean {
  let changed = false;
  const admins = editorsFor('admins', settings);
  const staff = editorsFor('staff', settings);
  for (const key of TAB_KEYS) {
    const spec = TABS[key];
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) continue;
    if (ensureVisibility(sheet, spec.hidden)) changed = true;
    if (protectSheet(sheet, spec.description, spec.protection === 'admins' ? admins : staff)) changed = true;
  }
  for (const spec of SETTINGS_TABS) {
    const sheet = ss.getSheetByName(spec.name);
    if (sheet && protectSheet(sheet, SETUP.settingsProtection(SETTINGS_TAB.general.name), admins)) changed = true;
  }
  if (rawSheet) {
    if (ensureVisibility(rawSheet, true)) changed = true;
    if (protectSheet(rawSheet, SETUP.rawProtection, admins)) changed = true;
  }
  // The yearly archive tabs (services/jobs/archive): admins only, like the cases they hold.
  for (const sheet of ss.getSheets()) {
    const year = archiveYearOfTab(sheet.getName());
    if (year !== null && protectSheet(sheet, archiveSpec(year).description, admins)) changed = true;
  }
  return changed;
}

/**
 * Setup writes the ward's tabs and properties under the document lock, so it never races an
 * intake or an action: in short holds — each tab (created or upgraded), then the schema, the
 * settings and what depends on them. Between them, without the lock, it does what
 * touches no data: the form, the triggers, the paper templates, the protections (a re-run's
 * hundred calls). When the lock cannot be had in time it says so in Vietnamese: before the first
 * hold nothing is written; later, what the holds before wrote is complete in itself (a new tab,
 * added columns that stay empty until the schema names them) and running setup again finishes the rest.
 */
export function runSetup(user: string): SetupReport {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();

  // Who may set up: on a fresh spreadsheet, whoever runs it (and becomes its first admin);
  // once the staff tab exists, only its admins.
  const { tables, missing } = readSettingsTables(ss);
  const existing = parseSettings(tables);
  const staffTabExists = !missing.some((m) => m.key === 'staff');
  const member = roleOf(existing.settings, user);
  if (staffTabExists && !can(member && { ...member, via: 'spreadsheet' }, 'setup')) throw new SetupDenied(SETUP.notAdmin);

  // Each hold of the lock short: one tab at a time. Refused before the first, nothing is written.
  let held = false;
  const locked = <T>(fn: () => T): T =>
    withDocumentLock(LOCK_WAIT_MS.setup, () => new BusyError(held ? SETUP.busyHalfway : SETUP.busy), () => {
      held = true;
      return fn();
    });
  const made = ensureTabs(ss, tables, missing, user, locked);
  const { settings, parsed, tabs, created, repaired } = made;
  let changed = made.changed;

  store.refresh();
  const oldSchema = store.getJson<SchemaState>(PROPERTY_NAMES.schema);
  const formResult = ensureForm(ss, oldSchema?.formId ?? null, settings);
  if (formResult.created) created.push(SETUP.form);
  repaired.push(...formResult.repaired);
  changed = changed || formResult.created || formResult.repaired.length > 0;
  const form = formResult.form;
  const texts = JSON.stringify(formTexts(settings, webAppUrl()));
  const rawSheet = findResponsesSheet(ss, form);
  if (!rawSheet) throw new Error(SETUP.noResponsesTab);
  const rawHeader = rawSheet.getRange(1, 1, 1, Math.max(1, rawSheet.getLastColumn())).getValues()[0].map(String);
  const rawColumns: Record<string, number> = { timestamp: 1 };
  const formerColumns: Record<string, number[]> = {};
  for (const key of Object.keys(RAW_TITLES) as Array<keyof typeof RAW_TITLES>) {
    const found = titlesOf(key).map((t) => rawHeader.indexOf(t)).filter((i) => i >= 0).map((i) => i + 1);
    if (found.length) rawColumns[key] = found[0];
    if (found.length > 1) formerColumns[key] = found.slice(1);
  }
  if (applyAccess(ss, settings, rawSheet)) changed = true;
  const triggers = ensureTriggers(ss, store, user);
  changed = changed || triggers.changed;
  const paper = ensureTemplates(oldSchema?.templates);
  if (paper.created) created.push(SETUP.templates);
  const schema: SchemaState = {
    version: SCHEMA_VERSION,
    tabs,
    raw: { name: rawSheet.getName(), columns: rawColumns, formerColumns, width: rawHeader.length, locale: ss.getSpreadsheetLocale() },
    formId: form.getId(),
    formUrl: form.getPublishedUrl(),
    spreadsheetUrl: ss.getUrl(),
    templates: paper.templates,
  };

  const committed = locked(() => {
    store.refresh();
    let more = false;
    if (store.get(PROPERTY_NAMES.formTexts) !== texts) store.set(PROPERTY_NAMES.formTexts, texts);
    lookupSecret(store); // made here, under setup, before any case needs a lookup key
    // A new ward has no secrets in its outbox to clean (jobs/maintenance: migrateSecrets).
    if (!oldSchema && !store.get(PROPERTY_NAMES.secretsMigrated)) store.set(PROPERTY_NAMES.secretsMigrated, new Date().toISOString());
    if (store.get(PROPERTY_NAMES.accessFor) !== JSON.stringify(settings.staff)) store.set(PROPERTY_NAMES.accessFor, JSON.stringify(settings.staff));
    if (JSON.stringify(schema) !== JSON.stringify(store.getJson<SchemaState>(PROPERTY_NAMES.schema))) {
      store.setJson(PROPERTY_NAMES.schema, schema);
      more = true;
    }
    if (storeSettings(store, settings)) more = true;
    // Rows kept from an older layout get their inbox index now, not at the next hourly run.
    if (backfillIndex(ss, loadRuntime(store)) > 0) more = true;
    const known = store.getJson<string[]>(PROPERTY_NAMES.settingsProblems) ?? [];
    const fresh = parsed.problems.filter((p) => !known.includes(p));
    if (fresh.length) {
      fresh.forEach((message) => logError({ where: 'settings', message }, schema, ss));
      store.setJson(PROPERTY_NAMES.settingsProblems, parsed.problems);
    }
    return more;
  });
  changed = changed || committed;
  return { created, repaired, formUrl: schema.formUrl ?? '', intakeOwner: triggers.owner, problems: parsed.problems, changed, policeMissing: !policeBody(settings)?.email };
}

/**
 * The settings tabs and the managed tabs: created when missing, upgraded with missing columns —
 * each tab under its own hold of the document lock (`locked`), so a fresh spreadsheet's dozen
 * new tabs never keep it for half a minute.
 */
function ensureTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tables: SettingsTables, missing: SettingsTabSpec[], user: string, locked: <T>(fn: () => T) => T) {
  const created: string[] = [];
  const repaired: string[] = [];
  for (const spec of missing) {
    tables[spec.key] = locked(() => createSettingsTab(ss, spec, user));
    created.push(SETUP.tab(spec.name));
  }
  if (!missing.some((m) => m.key === 'general')) {
    const added = locked(() => addMissingGeneralRows(ss, tables));
    if (added.length) repaired.push(SETUP.rowsOf(added, SETTINGS_TAB.general.name));
  }
  const parsed = parseSettings(tables);
  const settings: Settings = parsed.settings;

  const tabs = {} as Record<TabKey, TabMap>;
  let changed = created.length > 0;
  for (const key of TAB_KEYS) {
    const spec = TABS[key];
    locked(() => {
      const sheet = ss.getSheetByName(spec.name);
      if (!sheet) {
        tabs[key] = createTab(ss, spec);
        created.push(SETUP.tab(spec.name));
        changed = true;
      } else {
        const { tab, added } = upgradeTab(sheet, spec);
        tabs[key] = tab;
        if (added.length) {
          repaired.push(SETUP.columnsOf(added, spec.name));
          changed = true;
        }
      }
    });
  }

  // A fresh spreadsheet's empty "Sheet1" / "Trang tính1" is only in the way of the staff.
  for (const name of BLANK_SHEET_NAMES) {
    const blank = ss.getSheetByName(name);
    if (blank && blank.getLastRow() === 0 && blank.getLastColumn() === 0 && ss.getSheets().length > 1) {
      ss.deleteSheet(blank);
      changed = true;
    }
  }
  return { settings, parsed, tabs, created, repaired, changed };
}

export function describeSetup(report: SetupReport, user: string): string {
  const lines: string[] = [report.changed ? SETUP.done : SETUP.nothingChanged];
  if (report.created.length) lines.push(SETUP.created(report.created));
  if (report.repaired.length) lines.push(SETUP.repaired(report.repaired));
  lines.push(SETUP.formLink(report.formUrl));
  if (report.intakeOwner !== user) lines.push(SETUP.triggerOther(report.intakeOwner));
  // Said in so many words, not only counted: until then misuse reaches nobody.
  if (report.policeMissing) lines.push(SETTINGS_PROBLEMS.policeMissing(SETTINGS_TAB.bodies.name));
  if (report.problems.length) lines.push(SETUP.settingsProblems(report.problems.length));
  return lines.join('\n');
}
