/**
 * The settings tabs an admin edits directly in the sheet. Setup creates the missing ones with the
 * defaults and never overwrites one that exists: its rows are the admin's.
 */
import { readStaffRows, STAFF } from './sheets/tabs';
import type { TabSpec } from './sheets/schema';
import { defaultLayout, Table } from './sheets/table';
import { DEFAULT_SETTINGS, type SettingsTables } from '../../domain/settings';
import { CUTOFF_LABELS, GENERAL_ROWS, HOLIDAY_KIND_LABELS, POSTER_FORM_LABELS, ROLE_LABELS, SETTINGS_TAB, YES_NO } from '../../domain/vocabulary';
import { DEFAULT_ANSWER_TEMPLATE, GENERAL_NOTES, HOLIDAY_NOTES } from '../../i18n/settings';

export interface SettingsTabSpec {
  key: keyof SettingsTables;
  name: string;
  header: readonly string[];
  /** Rows of a fresh tab. */
  defaults: (setupUser: string) => unknown[][];
  /** A dropdown on a column (1-based) of the data rows. */
  dropdown?: { column: number; values: string[] };
  widths: number[];
}

/** The staff list: e-mail, role, body, found by header (sheets/tabs STAFF). */
export const STAFF_TAB = STAFF.name;

/** The staff rows as parseStaff reads them (e-mail, role, body), wherever their columns are: 2 calls. */
export function staffRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] {
  return readStaffRows(ss).map((r) => [r.email, r.role, r.body]);
}

export const SETTINGS_TABS: SettingsTabSpec[] = [
  {
    key: 'general',
    ...SETTINGS_TAB.general,
    defaults: () => [
      [GENERAL_ROWS.wardName, DEFAULT_SETTINGS.wardName, ''],
      [GENERAL_ROWS.committeeName, DEFAULT_SETTINGS.committeeName, GENERAL_NOTES.committeeName],
      [GENERAL_ROWS.contactLine, DEFAULT_SETTINGS.contactLine, GENERAL_NOTES.contactLine],
      [GENERAL_ROWS.phone, DEFAULT_SETTINGS.phone, GENERAL_NOTES.phone],
      [GENERAL_ROWS.officeHours, DEFAULT_SETTINGS.officeHours, GENERAL_NOTES.officeHours],
      [GENERAL_ROWS.normalDays, DEFAULT_SETTINGS.deadlineDays.normal, GENERAL_NOTES.normalDays],
      [GENERAL_ROWS.complexDays, DEFAULT_SETTINGS.deadlineDays.complex, GENERAL_NOTES.complexDays],
      [GENERAL_ROWS.approvalRequired, YES_NO.no, GENERAL_NOTES.approvalRequired(YES_NO.yes, YES_NO.no)],
      [GENERAL_ROWS.reportParentBody, DEFAULT_SETTINGS.report.parentBody, GENERAL_NOTES.reportParentBody],
      [GENERAL_ROWS.reportLocalBody, DEFAULT_SETTINGS.report.localBody, ''],
      [GENERAL_ROWS.reportOrgan, DEFAULT_SETTINGS.report.organ, GENERAL_NOTES.reportOrgan],
      [GENERAL_ROWS.reportPlace, DEFAULT_SETTINGS.report.place, GENERAL_NOTES.reportPlace],
      [GENERAL_ROWS.reportNumber, DEFAULT_SETTINGS.report.numberSuffix, GENERAL_NOTES.reportNumber],
      [GENERAL_ROWS.reportRecipients, DEFAULT_SETTINGS.report.recipients.join('; '), ''],
      [GENERAL_ROWS.reportSignFor, DEFAULT_SETTINGS.report.signFor, ''],
      [GENERAL_ROWS.reportSignTitle, DEFAULT_SETTINGS.report.signTitle, ''],
      [GENERAL_ROWS.reportSigner, DEFAULT_SETTINGS.report.signer, GENERAL_NOTES.reportSigner],
      [GENERAL_ROWS.reportCutoff, CUTOFF_LABELS.calendar, GENERAL_NOTES.reportCutoff(CUTOFF_LABELS.cutoff15)],
      [GENERAL_ROWS.posterForm, POSTER_FORM_LABELS.google, GENERAL_NOTES.posterForm(POSTER_FORM_LABELS.web)],
    ],
    widths: [320, 320, 280],
  },
  {
    key: 'groups',
    ...SETTINGS_TAB.groups,
    defaults: () => DEFAULT_SETTINGS.groups.map((g) => [g]),
    widths: [220],
  },
  {
    key: 'categories',
    ...SETTINGS_TAB.categories,
    defaults: () => DEFAULT_SETTINGS.categories.map((c) => [c.category, c.keywords.join(', ')]),
    widths: [220, 520],
  },
  {
    key: 'bodies',
    ...SETTINGS_TAB.bodies,
    defaults: () => DEFAULT_SETTINGS.bodies.map((b) => [b.name, b.email]),
    widths: [280, 260],
  },
  {
    key: 'staff',
    name: STAFF_TAB,
    header: STAFF.columns.map((c) => c.header),
    defaults: (user) => [[user, ROLE_LABELS.admin, '']],
    dropdown: { column: 2, values: Object.values(ROLE_LABELS) },
    widths: [260, 220, 280],
  },
  {
    key: 'holidays',
    ...SETTINGS_TAB.holidays,
    // The official schedules announced so far are built in (domain/calendar/official.ts); this
    // tab holds what the admin adds or corrects, and what is announced but not yet in force.
    defaults: () => [
      ['24/11/2027', HOLIDAY_KIND_LABELS.pending, HOLIDAY_NOTES.cultureDay(HOLIDAY_KIND_LABELS.holiday)],
      ['', '', HOLIDAY_NOTES.builtIn],
    ],
    dropdown: { column: 2, values: Object.values(HOLIDAY_KIND_LABELS) },
    widths: [160, 180, 420],
  },
  {
    key: 'templates',
    ...SETTINGS_TAB.templates,
    defaults: () => [['', DEFAULT_ANSWER_TEMPLATE]],
    widths: [260, 620],
  },
];

/**
 * A settings tab's rows as the settings parser reads them (its columns in SETTINGS_TAB's order),
 * through the tab's table object: each column found by its header in the same read (2 calls),
 * so a column the admin moved still reads right; a header retyped by hand is read at its usual place.
 */
function settingsRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: SettingsTabSpec): unknown[][] {
  const columns = spec.header.map((header, i) => ({ key: `c${i}`, header, kind: 'text' as const }));
  const tab: TabSpec = { key: spec.key, name: spec.name, columns, hidden: false, protection: 'admins', description: '' };
  return new Table(ss, tab, defaultLayout(tab)).rowsByHeader(columns.length + 3, 'usualPlace').map((r) => columns.map((c) => (r as Record<string, unknown>)[c.key]));
}

export function readSettingsTables(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { tables: SettingsTables; missing: SettingsTabSpec[] } {
  const tables = { general: [], groups: [], categories: [], bodies: [], staff: [], holidays: [], templates: [] } as SettingsTables;
  const missing: SettingsTabSpec[] = [];
  for (const spec of SETTINGS_TABS) {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) {
      missing.push(spec);
      continue;
    }
    tables[spec.key] = spec.key === 'staff' ? staffRows(ss) : settingsRows(ss, spec);
  }
  return { tables, missing };
}

/** Creates one settings tab with its defaults; text columns are plain text so "0912…" stays as typed. */
export function createSettingsTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: SettingsTabSpec, setupUser: string): unknown[][] {
  const sheet = ss.insertSheet(spec.name);
  const width = spec.header.length;
  const rows = spec.defaults(setupUser);
  sheet.getRange(1, 1, 1, width).setValues([[...spec.header]]).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  const formats = spec.header.map((_, i) => (spec.key === 'general' && i === 1 ? 'General' : spec.key === 'holidays' && i === 0 ? 'dd/MM/yyyy' : '@'));
  const rowFormats = Array.from({ length: sheet.getMaxRows() - 1 }, (_, r) => (spec.key === 'general' && rows[r]?.[0] === GENERAL_ROWS.phone ? formats.map(() => '@') : formats));
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, width).setNumberFormats(rowFormats);
  if (rows.length) sheet.getRange(2, 1, rows.length, width).setValues(rows);
  if (spec.dropdown) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(spec.dropdown.values, true).setAllowInvalid(false).build();
    sheet.getRange(2, spec.dropdown.column, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
  }
  spec.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  return rows;
}

/**
 * Rows of "Cài đặt" an existing tab lacks (e.g. the ward's phone number, added after the tab was
 * made), appended with their defaults: the admin's own rows are never touched.
 */
export function addMissingGeneralRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tables: SettingsTables): string[] {
  const spec = SETTINGS_TABS.find((t) => t.key === 'general')!;
  const have = new Set(tables.general.map((r) => String(r[0] ?? '').trim()));
  const add = spec.defaults('').filter((r) => !have.has(String(r[0])));
  const sheet = ss.getSheetByName(spec.name);
  if (!sheet || add.length === 0) return [];
  const start = sheet.getLastRow() + 1;
  const range = sheet.getRange(start, 1, add.length, spec.header.length);
  // Plain text, so a phone number keeps its leading 0.
  range.setNumberFormats(add.map((r) => spec.header.map((_, i) => (i === 1 && r[0] !== GENERAL_ROWS.phone ? 'General' : '@'))));
  range.setValues(add);
  tables.general.push(...add);
  return add.map((r) => String(r[0]));
}
